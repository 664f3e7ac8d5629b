// How a local transfer run reaches Amazon S3: with the config's own keys, through the
// local S3 endpoint and the official AWS SDK, so bad keys, denied buckets and missing
// buckets fail the run exactly where they would fail against Amazon S3.

import { GetObjectCommand, ListObjectsV2Command, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { status as grpcStatus } from '@grpc/grpc-js';
import type { S3Pattern } from './wildcard.js';

export interface SourceFile {
  key: string;
  lastModified: Date;
  size: number;
}

/** A run failure with the gRPC code DTS reports in errorStatus. */
export class RunFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'RunFailure';
  }
}

export interface RunSourceOptions {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Per-request deadline; a hung S3 fails the run instead of holding it forever. */
  requestTimeoutMs: number;
}

function createRunS3Client(options: RunSourceOptions): S3Client {
  return new S3Client({
    endpoint: options.endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 2,
    // Without throwOnRequestTimeout, recent Smithy handlers only warn and keep waiting.
    requestHandler: {
      requestTimeout: options.requestTimeoutMs,
      connectionTimeout: options.requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
  });
}

/** The most key pairs whose clients stay open at once; a local cloud sees a handful. */
const CACHED_CLIENTS = 16;

interface CachedClient {
  client: S3Client;
  /** Runs using it now: a retired client is destroyed once the last one is done. */
  users: number;
  retired: boolean;
}

/**
 * One S3 client per key pair, kept across runs: building a client (its config, provider
 * chains and middleware) cost more than the run's own requests, and reusing it changes
 * nothing a run can see — every request is still signed with the config's keys and goes
 * through the local S3 endpoint, so bad keys and denied buckets fail the same way.
 */
export class RunS3Clients {
  private readonly clients = new Map<string, CachedClient>();

  constructor(private readonly base: Omit<RunSourceOptions, 'accessKeyId' | 'secretAccessKey'>) {}

  /** Runs `work` with the client of this key pair. */
  async with<T>(
    keys: { accessKeyId: string; secretAccessKey: string },
    work: (client: S3Client) => Promise<T>,
  ): Promise<T> {
    const entry = this.entry(keys);
    entry.users += 1;
    try {
      return await work(entry.client);
    } finally {
      entry.users -= 1;
      if (entry.retired && entry.users === 0) entry.client.destroy();
    }
  }

  private entry(keys: { accessKeyId: string; secretAccessKey: string }): CachedClient {
    const key = JSON.stringify([keys.accessKeyId, keys.secretAccessKey]);
    const cached = this.clients.get(key);
    if (cached) return cached;
    if (this.clients.size >= CACHED_CLIENTS) {
      const [oldest] = this.clients.keys();
      if (oldest !== undefined) this.retire(oldest);
    }
    const entry = { client: createRunS3Client({ ...this.base, ...keys }), users: 0, retired: false };
    this.clients.set(key, entry);
    return entry;
  }

  /** Destroying a client aborts its requests in flight: a client in use goes when its runs end. */
  private retire(key: string): void {
    const entry = this.clients.get(key);
    this.clients.delete(key);
    if (!entry) return;
    entry.retired = true;
    if (entry.users === 0) entry.client.destroy();
  }

  destroy(): void {
    for (const key of [...this.clients.keys()]) this.retire(key);
  }
}

/** Maps an S3 error to what DTS reports; never includes the secret key. */
export function toRunFailure(error: unknown, bucket: string): RunFailure {
  if (error instanceof RunFailure) return error;
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode;
    switch (error.name) {
      case 'NoSuchBucket':
        return new RunFailure(
          grpcStatus.NOT_FOUND,
          `Amazon S3 bucket ${bucket} was not found: The specified bucket does not exist.`,
        );
      case 'InvalidAccessKeyId':
      case 'SignatureDoesNotMatch':
      case 'AccessDenied':
        return new RunFailure(
          grpcStatus.PERMISSION_DENIED,
          `Access to Amazon S3 bucket ${bucket} was denied (${error.name}): ${error.message} Check the access key pair and the bucket policy.`,
        );
      case 'SlowDown':
        return new RunFailure(
          grpcStatus.RESOURCE_EXHAUSTED,
          `Amazon S3 throttled the transfer (SlowDown): ${error.message}`,
        );
      default:
        if (status === 403)
          return new RunFailure(
            grpcStatus.PERMISSION_DENIED,
            `Access to Amazon S3 bucket ${bucket} was denied.`,
          );
        if (status === 404)
          return new RunFailure(grpcStatus.NOT_FOUND, `Amazon S3 bucket ${bucket} or object was not found.`);
        return new RunFailure(
          grpcStatus.UNAVAILABLE,
          `Amazon S3 answered ${error.name} (HTTP ${status ?? '?'}): ${error.message}`,
        );
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return new RunFailure(grpcStatus.UNAVAILABLE, `Could not reach Amazon S3 bucket ${bucket}: ${message}`);
}

/**
 * Every object under the pattern's literal prefix that matches it. Stops listing once the
 * pattern's file limit is exceeded (the run fails anyway; listing on would only cost time).
 */
export async function listMatchingFiles(client: S3Client, pattern: S3Pattern): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: pattern.bucket,
        Prefix: pattern.listPrefix,
        ContinuationToken: continuationToken,
      }),
    );
    for (const object of page.Contents ?? []) {
      // Keys ending in '/' are folder markers, not files.
      if (!object.Key || object.Key.endsWith('/') || !pattern.matches(object.Key)) continue;
      files.push({
        key: object.Key,
        lastModified: object.LastModified ?? new Date(0),
        size: object.Size ?? 0,
      });
    }
    if (files.length > pattern.fileLimit) break;
    continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (continuationToken);
  return files;
}

/** Reads the files' bytes, a few at a time. */
export async function readFiles(
  client: S3Client,
  bucket: string,
  files: SourceFile[],
  parallelism = 8,
): Promise<{ uri: string; body: Uint8Array }[]> {
  const bodies: { uri: string; body: Uint8Array }[] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index] as SourceFile;
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: file.key }));
      const body = answer.Body ? await answer.Body.transformToByteArray() : new Uint8Array();
      bodies[index] = { uri: `s3://${bucket}/${file.key}`, body };
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelism, files.length) }, worker));
  return bodies;
}
