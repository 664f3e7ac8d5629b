// `s3://bucket/prefix` → bucket and key prefix, with the checks that make it a usable root
// for partition prefixes (no wildcards, no empty segments, a valid bucket name).
import { bucketNameProblem } from './naming.js';
import type { S3Location } from './types.js';

export type S3UriResult =
  | { ok: true; location: S3Location; segments: string[] }
  | { ok: false; problem: string };

export function parseS3Uri(source: string): S3UriResult {
  if (!source.startsWith('s3://')) {
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(source)?.[1];
    return {
      ok: false,
      problem: scheme
        ? `source must be an s3:// URI, not ${scheme}:// (the S3 transfer reads Amazon S3 only)`
        : 'source must be an s3:// URI such as "s3://my-bucket/warehouse/dataset/table"',
    };
  }
  const rest = source.slice('s3://'.length).replace(/\/+$/, '');
  const [bucket = '', ...segments] = rest.split('/');
  if (bucket === '') return { ok: false, problem: 'source has no bucket: write "s3://bucket/prefix"' };
  const bucketProblem = bucketNameProblem(bucket);
  if (bucketProblem) return { ok: false, problem: `invalid S3 bucket name "${bucket}": it ${bucketProblem}` };
  if (segments.some((s) => s === '' || s === '.' || s === '..')) {
    return { ok: false, problem: 'source must not contain empty, "." or ".." path segments' };
  }
  if (/[*?#\s]/.test(rest) || hasControlCharacter(rest)) {
    return {
      ok: false,
      problem:
        'source must be a plain prefix: no wildcards ("*", "?"), "#", whitespace or control characters',
    };
  }
  const prefix = segments.join('/');
  return { ok: true, location: { bucket, prefix, uri: `s3://${rest}` }, segments };
}

/** Control characters (U+0000–U+001F, U+007F) have no place in an S3 prefix. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
