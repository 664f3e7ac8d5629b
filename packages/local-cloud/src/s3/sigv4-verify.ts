// Verifies AWS Signature Version 4 `Authorization` headers against the local cloud's key
// pairs. s3rver accepts any v4 signature (it skips the computation), so without this the
// local S3 would accept wrong secrets that Amazon S3 refuses.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { S3ErrorBody } from './s3-error.js';

export interface AwsKeyPair {
  accessKeyId: string;
  secretAccessKey: string;
}

export type VerifyResult = { ok: true; accessKeyId: string } | { ok: false; error: S3ErrorBody };

const SKEW_LIMIT_MS = 15 * 60 * 1000;

/** RFC 3986 encoding, as SigV4 canonicalization requires. */
function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return '';
  return rawQuery
    .split('&')
    .filter((part) => part.length > 0)
    .map((part) => {
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      return [encodeRfc3986(decodeURIComponent(name)), encodeRfc3986(decodeURIComponent(value))] as const;
    })
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined.trim().replace(/\s+/g, ' ');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

const signatureMismatch = (accessKeyId: string): S3ErrorBody => ({
  status: 403,
  code: 'SignatureDoesNotMatch',
  message:
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  details: { AWSAccessKeyId: accessKeyId },
});

/**
 * Checks one request. `rawUrl` is the path and query exactly as sent (S3 signs the path
 * as the client encoded it, without normalization).
 */
export function verifySigV4(
  method: string,
  rawUrl: string,
  headers: IncomingHttpHeaders,
  keys: ReadonlyMap<string, string>,
  now: Date,
): VerifyResult {
  const authorization = headerValue(headers, 'authorization');
  if (!authorization) {
    // Anonymous requests reach only public buckets on S3; the local buckets are private.
    return { ok: false, error: { status: 403, code: 'AccessDenied', message: 'Access Denied' } };
  }
  const match = /^AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/.exec(
    authorization,
  );
  if (!match) {
    return {
      ok: false,
      error: {
        status: 400,
        code: 'AuthorizationHeaderMalformed',
        message: 'The authorization header is malformed; only AWS4-HMAC-SHA256 signatures are accepted.',
      },
    };
  }
  const [, credential = '', signedHeaderList = '', signature = ''] = match;
  const [accessKeyId = '', date = '', region = '', service = '', terminator = ''] = credential.split('/');
  const secret = keys.get(accessKeyId);
  if (secret === undefined) {
    return {
      ok: false,
      error: {
        status: 403,
        code: 'InvalidAccessKeyId',
        message: 'The AWS Access Key Id you provided does not exist in our records.',
        details: { AWSAccessKeyId: accessKeyId },
      },
    };
  }
  const amzDate = headerValue(headers, 'x-amz-date');
  const requestTime = Date.parse(
    amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
  );
  if (Number.isNaN(requestTime)) {
    return {
      ok: false,
      error: {
        status: 403,
        code: 'AccessDenied',
        message: 'AWS authentication requires a valid Date or x-amz-date header',
      },
    };
  }
  if (Math.abs(now.getTime() - requestTime) > SKEW_LIMIT_MS) {
    return {
      ok: false,
      error: {
        status: 403,
        code: 'RequestTimeTooSkewed',
        message: 'The difference between the request time and the current time is too large.',
      },
    };
  }
  const queryStart = rawUrl.indexOf('?');
  const path = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
  const query = queryStart < 0 ? '' : rawUrl.slice(queryStart + 1);
  const signedHeaders = signedHeaderList.split(';');
  const canonicalRequest = [
    method,
    path,
    canonicalQuery(query),
    ...signedHeaders.map((name) => `${name}:${headerValue(headers, name)}`),
    '',
    signedHeaderList,
    headerValue(headers, 'x-amz-content-sha256') || 'UNSIGNED-PAYLOAD',
  ].join('\n');
  const scope = `${date}/${region}/${service}/${terminator}`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    createHash('sha256').update(canonicalRequest, 'utf8').digest('hex'),
  ].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), terminator);
  const expected = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest();
  const provided = Buffer.from(signature, 'hex');
  if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) {
    return { ok: false, error: signatureMismatch(accessKeyId) };
  }
  return { ok: true, accessKeyId };
}
