// `s3://bucket/key/prefix/` split into what the S3 API takes.

export interface BucketPrefix {
  bucket: string;
  /** Key prefix, ending in `/` when not empty (a folder, not a name prefix). */
  prefix: string;
}

export function splitS3Uri(uri: string): BucketPrefix {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match) throw new Error(`"${uri}" is not an s3://bucket/prefix URI`);
  const rest = match[2] ?? '';
  return { bucket: match[1]!, prefix: rest === '' || rest.endsWith('/') ? rest : `${rest}/` };
}
