import {
  CloudError,
  callWithRetry
} from "./chunk-KJZTX25U.js";

// src/cloud/deadlines.ts
var DEFAULT_DEADLINES = {
  callMs: 3e4,
  queryMs: 6e4,
  s3Ms: 2e4
};

// src/cloud/s3.ts
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
function createS3Client({ env }) {
  const endpoint = env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || void 0;
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  return new S3Client({
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || "us-east-1",
    // A lake's buckets may live in any region; S3 says which, and the client follows.
    followRegionRedirects: true,
    maxAttempts: 1,
    ...endpoint ? { endpoint, forcePathStyle: true } : {},
    ...accessKeyId && secretAccessKey ? {
      credentials: {
        accessKeyId,
        secretAccessKey,
        ...env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}
      }
    } : {}
  });
}
function explain(error, bucket) {
  const hints = {
    NOT_FOUND: `bucket "${bucket}" does not exist: check the table file's \`source\` and the AWS account`,
    PERMISSION_DENIED: `access to s3://${bucket} denied: grant s3:ListBucket and s3:GetObject to the AWS key the pipeline uses`,
    UNAUTHENTICATED: `AWS rejected the credentials: check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (${error.message})`
  };
  const hint = hints[error.code];
  if (!hint) return error;
  return new CloudError(error.service, error.operation, error.code, hint, false);
}
function createS3Face({ client, timeoutMs, retry }) {
  const context = (operation, signal) => ({
    service: "s3",
    operation,
    timeoutMs,
    signal
  });
  return {
    async listPrefix(bucket, prefix, signal) {
      try {
        const page = await callWithRetry(
          context("ListObjectsV2", signal),
          retry,
          (abortSignal) => client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: 1e3 }), {
            abortSignal
          })
        );
        const objects = (page.Contents ?? []).filter((object) => object.Key !== void 0 && !object.Key.endsWith("/")).map((object) => ({
          key: object.Key,
          size: object.Size ?? 0,
          lastModified: object.LastModified
        }));
        let newest;
        for (const object of objects) {
          if (object.lastModified && (!newest || object.lastModified > newest)) newest = object.lastModified;
        }
        return { objects, count: objects.length, truncated: page.IsTruncated === true, newest };
      } catch (error) {
        throw error instanceof CloudError ? explain(error, bucket) : error;
      }
    },
    async getRange(bucket, key, start, end, signal) {
      try {
        return await callWithRetry(context("GetObject", signal), retry, async (abortSignal) => {
          const response = await client.send(
            new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end - 1}` }),
            { abortSignal }
          );
          if (!response.Body) return new Uint8Array();
          return response.Body.transformToByteArray();
        });
      } catch (error) {
        throw error instanceof CloudError ? explain(error, bucket) : error;
      }
    }
  };
}

export {
  DEFAULT_DEADLINES,
  createS3Client,
  createS3Face
};
