// Names an incoming S3 request by its API operation (`ListObjectsV2`, `GetObject`…), the
// vocabulary faults are keyed by, and finds the bucket it targets (path-style only).

export interface S3Target {
  bucket: string | undefined;
  key: string | undefined;
  operation: string;
}

export function describeS3Request(method: string, rawUrl: string): S3Target {
  const url = new URL(rawUrl, 'http://local');
  const segments = url.pathname.split('/').slice(1);
  const bucket = segments[0] ? decodeURIComponent(segments[0]) : undefined;
  const keyPart = segments.slice(1).join('/');
  const key = keyPart ? decodeURIComponent(keyPart) : undefined;
  const query = url.searchParams;
  let operation: string;
  if (!bucket) operation = 'ListBuckets';
  else if (!key) {
    if (method === 'GET') operation = query.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
    else if (method === 'PUT') operation = 'CreateBucket';
    else if (method === 'HEAD') operation = 'HeadBucket';
    else if (method === 'DELETE') operation = 'DeleteBucket';
    else if (method === 'POST' && query.has('delete')) operation = 'DeleteObjects';
    else operation = `${method}Bucket`;
  } else if (method === 'GET') operation = 'GetObject';
  else if (method === 'HEAD') operation = 'HeadObject';
  else if (method === 'PUT') operation = query.has('partNumber') ? 'UploadPart' : 'PutObject';
  else if (method === 'DELETE') operation = 'DeleteObject';
  else operation = `${method}Object`;
  return { bucket, key, operation };
}
