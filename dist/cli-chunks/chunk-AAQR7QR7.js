import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  pLimit
} from "./chunk-T64AGV5P.js";

// src/lifecycle/precheck.ts
var LISTS_IN_FLIGHT = 8;
var PRECHECK_MAX_PAGES = 10;
function classify(listing, listedAt) {
  if (listing.count === 0) return { kind: "empty" };
  if (listing.nonEmpty === 0 && !listing.truncated) return { kind: "empty-files", count: listing.count };
  return {
    kind: "files",
    count: listing.count,
    truncated: listing.truncated,
    objects: listing.objects,
    newest: listing.newest,
    listedAt
  };
}
async function checkPrefix(s3, { bucket, prefix, source }, now, signal) {
  try {
    const listing = await s3.listPrefix(bucket, prefix, signal, { maxPages: PRECHECK_MAX_PAGES });
    return classify(listing, now());
  } catch (error) {
    if (signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: "error", message: `S3 check of ${source} failed: ${reason}`, reason };
  }
}
async function precheckPartitions(s3, partitions, now, signal) {
  const limit = pLimit(LISTS_IN_FLIGHT);
  return Promise.all(
    partitions.map(
      (partition) => limit(async () => ({ partition, ...await checkPrefix(s3, partition, now, signal) }))
    )
  );
}

export {
  checkPrefix,
  precheckPartitions
};
