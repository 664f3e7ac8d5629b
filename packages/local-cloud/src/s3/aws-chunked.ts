// Decodes `Content-Encoding: aws-chunked` bodies. Recent AWS SDKs stream uploads this way
// (with a trailing CRC32 checksum); s3rver would store the chunk framing as object bytes,
// so the local S3 unwraps the payload before s3rver sees it.
import type { IncomingHttpHeaders } from 'node:http';

export function isAwsChunked(headers: IncomingHttpHeaders): boolean {
  const encoding = String(headers['content-encoding'] ?? '');
  const sha = String(headers['x-amz-content-sha256'] ?? '');
  return encoding.split(',').some((part) => part.trim() === 'aws-chunked') || sha.startsWith('STREAMING-');
}

/** The payload inside an aws-chunked body; throws on a malformed frame. */
export function decodeAwsChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd < 0) throw new Error('aws-chunked body ends inside a chunk header');
    const header = body.subarray(offset, lineEnd).toString('latin1');
    const size = Number.parseInt(header.split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size < 0)
      throw new Error(`aws-chunked chunk header is malformed: ${header}`);
    offset = lineEnd + 2;
    // The last chunk has size 0 and is followed by optional trailers; they are not data.
    if (size === 0) return Buffer.concat(parts);
    if (offset + size > body.length) throw new Error('aws-chunked body is shorter than its chunk sizes');
    parts.push(body.subarray(offset, offset + size));
    offset += size + 2;
  }
}

/** Headers for the decoded body: plain length, no chunk encoding, no trailer. */
export function plainHeaders(headers: IncomingHttpHeaders, length: number): IncomingHttpHeaders {
  const result: IncomingHttpHeaders = { ...headers };
  const encodings = String(headers['content-encoding'] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part && part !== 'aws-chunked');
  if (encodings.length > 0) result['content-encoding'] = encodings.join(',');
  else delete result['content-encoding'];
  delete result['x-amz-decoded-content-length'];
  delete result['x-amz-trailer'];
  delete result['transfer-encoding'];
  result['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
  result['content-length'] = String(length);
  return result;
}
