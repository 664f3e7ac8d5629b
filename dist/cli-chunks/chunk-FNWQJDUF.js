import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  CloudError,
  callWithRetry,
  parseHostPort
} from "./chunk-ETTOO2EQ.js";
import {
  require_dist_cjs
} from "./chunk-XTUQKZPG.js";
import {
  __toESM
} from "./chunk-TORVRQCF.js";

// src/cloud/deadlines.ts
var DEFAULT_DEADLINES = {
  callMs: 3e4,
  queryMs: 6e4,
  s3Ms: 2e4
};

// src/cloud/s3.ts
var import_client_s3 = __toESM(require_dist_cjs(), 1);
function endpointUrl(value, variable) {
  const { protocol, host, port } = parseHostPort(value, variable);
  return `${protocol}://${host.includes(":") ? `[${host}]` : host}:${port}`;
}
function createS3Client({ env }) {
  const variable = env.AWS_ENDPOINT_URL_S3 ? "AWS_ENDPOINT_URL_S3" : env.AWS_ENDPOINT_URL ? "AWS_ENDPOINT_URL" : void 0;
  const endpoint = variable ? endpointUrl(env[variable] ?? "", variable) : void 0;
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  return new import_client_s3.S3Client({
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
function filesOf(contents) {
  return contents.filter((object) => object.Key !== void 0 && !object.Key.endsWith("/")).map((object) => ({
    key: object.Key,
    size: object.Size ?? 0,
    lastModified: object.LastModified
  }));
}
function addTo(listing, objects) {
  for (const object of objects) {
    listing.count += 1;
    if (object.size > 0) listing.nonEmpty += 1;
    if (object.lastModified && (!listing.newest || object.lastModified > listing.newest)) {
      listing.newest = object.lastModified;
    }
  }
}
function createS3Face({ client, timeoutMs, retry }) {
  const context = (operation, signal) => ({
    service: "s3",
    operation,
    timeoutMs,
    signal
  });
  return {
    async listPrefix(bucket, prefix, signal, options) {
      const listing = { objects: [], count: 0, nonEmpty: 0, truncated: false };
      let token;
      try {
        for (let page = 0; page < (options?.maxPages ?? 1); page++) {
          const answer = await callWithRetry(
            context("ListObjectsV2", signal),
            retry,
            (abortSignal) => client.send(
              new import_client_s3.ListObjectsV2Command({
                Bucket: bucket,
                Prefix: prefix,
                MaxKeys: 1e3,
                ContinuationToken: token
              }),
              { abortSignal }
            )
          );
          const objects = filesOf(answer.Contents ?? []);
          if (page === 0) listing.objects = objects;
          addTo(listing, objects);
          listing.truncated = answer.IsTruncated === true;
          token = answer.IsTruncated ? answer.NextContinuationToken : void 0;
          if (!token) break;
        }
        return listing;
      } catch (error) {
        throw error instanceof CloudError ? explain(error, bucket) : error;
      }
    },
    async getRange(bucket, key, start, end, signal) {
      try {
        return await callWithRetry(context("GetObject", signal), retry, async (abortSignal) => {
          const response = await client.send(
            new import_client_s3.GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end - 1}` }),
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
