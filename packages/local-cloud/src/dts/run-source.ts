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

export function createRunS3Client(options: RunSourceOptions): S3Client {
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
