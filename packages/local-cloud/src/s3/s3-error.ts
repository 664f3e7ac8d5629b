// S3's error answers (XML body, HTTP status), so the official AWS SDK raises the same
// named exceptions against the local cloud as against Amazon S3.

import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export interface S3ErrorBody {
  status: number;
  code: string;
  message: string;
  /** Extra elements S3 adds to some errors (e.g. AWSAccessKeyId, BucketName). */
  details?: Record<string, string>;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function sendS3Error(res: ServerResponse, method: string, error: S3ErrorBody): void {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  const extra = Object.entries(error.details ?? {})
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join('');
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${error.code}</Code><Message>${escapeXml(error.message)}</Message>${extra}` +
    `<RequestId>${requestId}</RequestId></Error>`;
  res.writeHead(error.status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
    'x-amz-request-id': requestId,
  });
  // HEAD answers carry no body; the SDK maps the bare status (403 → Forbidden, 404 → NotFound).
  res.end(method === 'HEAD' ? undefined : body);
}

export const ACCESS_DENIED: S3ErrorBody = { status: 403, code: 'AccessDenied', message: 'Access Denied' };
