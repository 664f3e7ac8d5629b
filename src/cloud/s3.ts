// The S3 face: the two reads the lifecycle needs (one page of a prefix listing for the
// precheck, ranged GETs for Parquet footers) over @aws-sdk/client-s3, with deadlines,
// retries and errors that say what to check.
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { parseHostPort } from './endpoints.js';
import { CloudError } from './errors.js';
import { type CallContext, callWithRetry, type RetryPolicy } from './retry.js';

export interface S3Object {
  key: string;
  size: number;
  lastModified?: Date | undefined;
}

export interface PrefixListing {
  /** Objects on the first page (up to 1,000): enough to read a schema from. */
  objects: S3Object[];
  /** Objects listed (folder markers excluded), over every page read. */
  count: number;
  /** Of them, objects with at least one byte. */
  nonEmpty: number;
  /** More objects exist past the pages read. */
  truncated: boolean;
  /** The most recent modification among the objects listed. */
  newest?: Date | undefined;
}

interface ListOptions {
  /** Pages of 1,000 keys to read at most; default 1. */
  maxPages?: number | undefined;
}

export interface S3Face {
  listPrefix(
    bucket: string,
    prefix: string,
    signal?: AbortSignal,
    options?: ListOptions,
  ): Promise<PrefixListing>;
  /** Bytes [start, end) of an object. */
  getRange(
    bucket: string,
    key: string,
    start: number,
    end: number,
    signal?: AbortSignal,
  ): Promise<Uint8Array>;
}

export interface S3FaceOptions {
  client: S3Client;
  timeoutMs: number;
  retry: RetryPolicy;
}

export interface S3ClientOptions {
  env: NodeJS.ProcessEnv;
}

/** The endpoint variable's URL, checked: a bad one names the variable, never "Invalid URL". */
function endpointUrl(value: string, variable: string): string {
  const { protocol, host, port } = parseHostPort(value, variable);
  return `${protocol}://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** An S3Client for the configured endpoint; the SDK's own retries are off (ours apply). */
export function createS3Client({ env }: S3ClientOptions): S3Client {
  const variable = env.AWS_ENDPOINT_URL_S3
    ? 'AWS_ENDPOINT_URL_S3'
    : env.AWS_ENDPOINT_URL
      ? 'AWS_ENDPOINT_URL'
      : undefined;
  const endpoint = variable ? endpointUrl(env[variable] ?? '', variable) : undefined;
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  return new S3Client({
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    // A lake's buckets may live in any region; S3 says which, and the client follows.
    followRegionRedirects: true,
    maxAttempts: 1,
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    ...(accessKeyId && secretAccessKey
      ? {
          credentials: {
            accessKeyId,
            secretAccessKey,
            ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
          },
        }
      : {}),
  });
}

/** What to check, per S3 failure: the precheck prints this to the user. */
function explain(error: CloudError, bucket: string): CloudError {
  const hints: Record<string, string> = {
    NOT_FOUND: `bucket "${bucket}" does not exist: check the table file's \`source\` and the AWS account`,
    PERMISSION_DENIED: `access to s3://${bucket} denied: grant s3:ListBucket and s3:GetObject to the AWS key the pipeline uses`,
    UNAUTHENTICATED: `AWS rejected the credentials: check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (${error.message})`,
  };
  const hint = hints[error.code];
  if (!hint) return error;
  return new CloudError(error.service, error.operation, error.code, hint, false);
}

/** Objects of a listing page, folder markers (keys ending in '/') left out. */
function filesOf(contents: readonly { Key?: string; Size?: number; LastModified?: Date }[]): S3Object[] {
  return contents
    .filter((object) => object.Key !== undefined && !object.Key.endsWith('/'))
    .map((object) => ({
      key: object.Key as string,
      size: object.Size ?? 0,
      lastModified: object.LastModified,
    }));
}

function addTo(listing: PrefixListing, objects: readonly S3Object[]): void {
  for (const object of objects) {
    listing.count += 1;
    if (object.size > 0) listing.nonEmpty += 1;
    if (object.lastModified && (!listing.newest || object.lastModified > listing.newest)) {
      listing.newest = object.lastModified;
    }
  }
}

export function createS3Face({ client, timeoutMs, retry }: S3FaceOptions): S3Face {
  const context = (operation: string, signal?: AbortSignal): CallContext => ({
    service: 's3',
    operation,
    timeoutMs,
    signal,
  });
  return {
    async listPrefix(bucket, prefix, signal, options) {
      const listing: PrefixListing = { objects: [], count: 0, nonEmpty: 0, truncated: false };
      let token: string | undefined;
      try {
        for (let page = 0; page < (options?.maxPages ?? 1); page++) {
          const answer = await callWithRetry(context('ListObjectsV2', signal), retry, (abortSignal) =>
            client.send(
              new ListObjectsV2Command({
                Bucket: bucket,
                Prefix: prefix,
                MaxKeys: 1000,
                ContinuationToken: token,
              }),
              { abortSignal },
            ),
          );
          const objects = filesOf(answer.Contents ?? []);
          if (page === 0) listing.objects = objects;
          addTo(listing, objects);
          listing.truncated = answer.IsTruncated === true;
          token = answer.IsTruncated ? answer.NextContinuationToken : undefined;
          if (!token) break;
        }
        return listing;
      } catch (error) {
        throw error instanceof CloudError ? explain(error, bucket) : error;
      }
    },
    async getRange(bucket, key, start, end, signal) {
      try {
        return await callWithRetry(context('GetObject', signal), retry, async (abortSignal) => {
          const response = await client.send(
            new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end - 1}` }),
            { abortSignal },
          );
          if (!response.Body) return new Uint8Array();
          return response.Body.transformToByteArray();
        });
      } catch (error) {
        throw error instanceof CloudError ? explain(error, bucket) : error;
      }
    },
  };
}
