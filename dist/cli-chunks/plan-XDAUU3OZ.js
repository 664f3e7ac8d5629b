import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  loadSettings
} from "./chunk-BKJH2NL6.js";
import {
  displayPath
} from "./chunk-GDQE2AHS.js";
import {
  loadTableDir
} from "./chunk-6ETDOBUU.js";
import "./chunk-OUMTBUWZ.js";
import {
  TableFilesInvalidError
} from "./chunk-SZY5Y5CX.js";
import {
  buildPlan
} from "./chunk-U6KJISZW.js";
import "./chunk-H6WYGB6N.js";
import "./chunk-VQA6TWGF.js";
import "./chunk-KAU5M4UI.js";
import "./chunk-TORVRQCF.js";

// src/pipeline/plan.ts
import { basename, resolve } from "node:path";
function withOverrides(env, overrides) {
  return {
    ...env,
    ...overrides?.project ? { GOOGLE_CLOUD_PROJECT: overrides.project } : {},
    ...overrides?.location ? { S3BQ_LOCATION: overrides.location } : {},
    ...overrides?.maxParallel ? { S3BQ_MAX_PARALLEL: String(overrides.maxParallel) } : {}
  };
}
var tableNameOf = (file) => basename(file).replace(/\.json$/i, "");
async function planPipeline(request, where) {
  const env = withOverrides(where.env, request.overrides);
  const settings = await loadSettings({ cwd: where.cwd, env });
  const loaded = await loadTableDir(resolve(where.cwd, request.tablesDir), settings);
  const shown = (list) => list.map((d) => ({ ...d, file: displayPath(where.cwd, d.file) }));
  const wanted = request.only ? new Set(request.only) : void 0;
  const errors = shown(loaded.diagnostics).filter((d) => !wanted || wanted.has(tableNameOf(d.file)));
  if (errors.length > 0) throw new TableFilesInvalidError(errors);
  const { tables } = loaded;
  const window = request.window.kind === "now" ? { kind: "tick", at: where.now() } : request.window;
  const { plan, planned } = buildPlan({ tables, settings, window, only: request.only });
  return { plan, planned, settings, env, warnings: shown(loaded.warnings) };
}
export {
  planPipeline
};
