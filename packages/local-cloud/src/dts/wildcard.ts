// DTS's Amazon S3 wildcard rules: `*` anywhere but the bucket; a single `*` spans folders;
// with several, each stays within one path segment; a path without `*` names one object
// (a folder needs a trailing `/*`). The file limit depends on how many wildcards there are.

export interface S3Pattern {
  bucket: string;
  /** The literal key prefix before the first `*`: what to list. */
  listPrefix: string;
  wildcards: number;
  /** The most files one run may load with this pattern. */
  fileLimit: number;
  matches(key: string): boolean;
}

const SINGLE_WILDCARD_FILE_LIMIT = 10_000_000;
const MULTI_WILDCARD_FILE_LIMIT = 10_000;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class DataPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataPathError';
  }
}

/** Parses a rendered `s3://bucket/key-pattern`. */
export function parseS3Pattern(dataPath: string): S3Pattern {
  const match = /^s3:\/\/([^/]+)\/(.*)$/.exec(dataPath);
  if (!match) {
    throw new DataPathError(
      `Invalid data_path ${dataPath}: expected s3://bucket/path (the bucket must be followed by a path).`,
    );
  }
  const [, bucket = '', keyPattern = ''] = match;
  if (bucket.includes('*'))
    throw new DataPathError(`Invalid data_path ${dataPath}: wildcards are not allowed in the bucket name.`);
  if (keyPattern === '')
    throw new DataPathError(
      `Invalid data_path ${dataPath}: the path after the bucket is empty; use s3://${bucket}/*.`,
    );
  const parts = keyPattern.split('*');
  const wildcards = parts.length - 1;
  const segment = wildcards === 1 ? '.*' : '[^/]*';
  const regex = new RegExp(`^${parts.map(escapeRegExp).join(segment)}$`, 's');
  return {
    bucket,
    listPrefix: parts[0] ?? '',
    wildcards,
    fileLimit: wildcards > 1 ? MULTI_WILDCARD_FILE_LIMIT : SINGLE_WILDCARD_FILE_LIMIT,
    matches: (key) => regex.test(key),
  };
}

/** DTS's refusal when a run matches more files than its pattern allows. */
export function fileLimitMessage(pattern: S3Pattern): string {
  return `Number of files in transfer exceeds limit of ${pattern.fileLimit.toLocaleString('en-US')}.`;
}
