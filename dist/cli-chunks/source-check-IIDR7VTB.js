import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  checkPrefix
} from "./chunk-AAQR7QR7.js";
import {
  DEFAULT_DEADLINES,
  createS3Client,
  createS3Face
} from "./chunk-FNWQJDUF.js";
import {
  DEFAULT_RETRY_POLICY,
  realSleep
} from "./chunk-ETTOO2EQ.js";
import {
  secretsFrom
} from "./chunk-S3CM6QUE.js";
import {
  pLimit
} from "./chunk-T64AGV5P.js";
import "./chunk-XTUQKZPG.js";
import "./chunk-TORVRQCF.js";

// src/pipeline/source-check.ts
var CONCURRENCY = 8;
var MAX_CHECKED_PER_TABLE = 48;
function createSourceS3(env) {
  return createS3Face({
    client: createS3Client({ env }),
    timeoutMs: DEFAULT_DEADLINES.s3Ms,
    retry: { ...DEFAULT_RETRY_POLICY, retries: 2, sleep: realSleep, secrets: secretsFrom(env) }
  });
}
async function checkSources(plan, s3, signal) {
  const partitions = /* @__PURE__ */ new Map();
  for (const table of plan.tables) {
    for (const partition of table.partitions.slice(0, MAX_CHECKED_PER_TABLE))
      partitions.set(partition.source, partition);
  }
  const limit = pLimit(CONCURRENCY);
  const checked = await Promise.all(
    [...partitions.values()].map(
      (partition) => limit(async () => {
        const check = await checkPrefix(s3, partition, () => /* @__PURE__ */ new Date(), signal);
        if (check.kind === "error") return [partition.source, { error: check.reason }];
        return [partition.source, { objects: check.kind === "empty" ? 0 : check.count }];
      })
    )
  );
  return new Map(checked);
}
export {
  checkSources,
  createSourceS3
};
