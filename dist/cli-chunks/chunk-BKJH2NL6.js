import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  decodeJsonFile,
  isValidTimeZone,
  parseJsonDocument,
  zodIssueMessages
} from "./chunk-OUMTBUWZ.js";
import {
  formatDiagnostic
} from "./chunk-SZY5Y5CX.js";
import {
  external_exports
} from "./chunk-VQA6TWGF.js";
import {
  closestMatches
} from "./chunk-KAU5M4UI.js";

// src/tables/settings.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";

// src/tables/locations.ts
var BIGQUERY_MULTI_REGIONS = ["US", "EU"];
var BIGQUERY_REGIONS = [
  // Americas
  "us-central1",
  "us-east1",
  "us-east4",
  "us-east5",
  "us-south1",
  "us-west1",
  "us-west2",
  "us-west3",
  "us-west4",
  "northamerica-northeast1",
  "northamerica-northeast2",
  "northamerica-south1",
  "southamerica-east1",
  "southamerica-west1",
  // Asia Pacific
  "asia-east1",
  "asia-east2",
  "asia-northeast1",
  "asia-northeast2",
  "asia-northeast3",
  "asia-south1",
  "asia-south2",
  "asia-southeast1",
  "asia-southeast2",
  "australia-southeast1",
  "australia-southeast2",
  // Europe
  "europe-central2",
  "europe-north1",
  "europe-north2",
  "europe-southwest1",
  "europe-west1",
  "europe-west2",
  "europe-west3",
  "europe-west4",
  "europe-west6",
  "europe-west8",
  "europe-west9",
  "europe-west10",
  "europe-west12",
  // Middle East
  "me-central1",
  "me-central2",
  "me-west1",
  // Africa
  "africa-south1"
];
var KNOWN = [...BIGQUERY_MULTI_REGIONS, ...BIGQUERY_REGIONS];
var KNOWN_LOWER = new Set(KNOWN.map((name) => name.toLowerCase()));
function locationProblem(location2) {
  if (KNOWN_LOWER.has(location2.toLowerCase())) return void 0;
  const [guess] = closestMatches(location2, KNOWN, 1);
  const hint = guess ? ` (did you mean "${guess}"?)` : "";
  return `is not a BigQuery location${hint}: use a multi-region ("US", "EU") or a region such as "us-central1", "europe-west3" or "asia-northeast3" (cloud.google.com/bigquery/docs/locations)`;
}

// src/tables/settings.ts
var SETTINGS_FILE_NAME = "pipeline.json";
var DEFAULT_LOCATION = "us";
var DEFAULT_MAX_PARALLEL = 10;
var DEFAULT_TIMEZONE = "UTC";
var MAX_PARALLEL_LIMIT = 256;
var projectId = external_exports.string().regex(
  /^[a-z0-9][a-z0-9.:-]{0,99}$/,
  'is not a Google Cloud project id (lowercase letters, digits and hyphens, e.g. "my-project")'
);
var location = external_exports.string().superRefine((value, context) => {
  const problem = locationProblem(value);
  if (problem) context.addIssue({ code: "custom", message: problem });
});
var maxParallel = external_exports.number().int().min(1).max(MAX_PARALLEL_LIMIT);
var timezone = external_exports.string().refine((tz) => isValidTimeZone(tz), 'is not an IANA time zone such as "UTC" or "Asia/Seoul"');
var pipelineFileSchema = external_exports.strictObject({
  $schema: external_exports.string().optional(),
  project: projectId.optional(),
  location: location.optional(),
  max_parallel: maxParallel.optional(),
  timezone: timezone.optional()
});
var SettingsError = class extends Error {
  name = "SettingsError";
  /** pipeline.json's findings, for callers that render positions themselves (annotations). */
  findings;
  constructor(message, findings = []) {
    super(message);
    this.findings = findings;
  }
};
async function loadSettings(options) {
  const fromFile = options.ignoreFile ? {} : await readPipelineFile(join(options.cwd, SETTINGS_FILE_NAME));
  const env = options.env;
  const settings = {
    project: fromFile.project,
    location: fromFile.location ?? DEFAULT_LOCATION,
    maxParallel: fromFile.max_parallel ?? DEFAULT_MAX_PARALLEL,
    timezone: fromFile.timezone ?? DEFAULT_TIMEZONE
  };
  const envProject = nonEmpty(env.GOOGLE_CLOUD_PROJECT);
  if (envProject !== void 0) settings.project = fromEnv("GOOGLE_CLOUD_PROJECT", projectId, envProject);
  const envLocation = nonEmpty(env.S3BQ_LOCATION);
  if (envLocation !== void 0) settings.location = fromEnv("S3BQ_LOCATION", location, envLocation);
  const envParallel = nonEmpty(env.S3BQ_MAX_PARALLEL);
  if (envParallel !== void 0) {
    const number = /^\d+$/.test(envParallel) ? Number(envParallel) : Number.NaN;
    settings.maxParallel = fromEnv("S3BQ_MAX_PARALLEL", maxParallel, number, envParallel);
  }
  return settings;
}
function nonEmpty(value) {
  const trimmed = value?.trim();
  return trimmed ? trimmed : void 0;
}
function fromEnv(name, schema, value, shown = String(value)) {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const why = name === "S3BQ_MAX_PARALLEL" ? `must be a whole number from 1 to ${MAX_PARALLEL_LIMIT}` : parsed.error.issues[0]?.message;
  throw new SettingsError(`environment variable ${name}="${shown}" ${why}: fix or unset it`);
}
async function readPipelineFile(path) {
  let bytes;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (error.code === "ENOENT") return {};
    throw error;
  }
  const decoded = decodeJsonFile(bytes);
  if (!decoded.ok) {
    const finding = { file: path, line: decoded.line, column: decoded.column, message: decoded.message };
    throw new SettingsError(`invalid ${SETTINGS_FILE_NAME}:
${formatDiagnostic(finding)}`, [finding]);
  }
  const doc = parseJsonDocument(decoded.text);
  const problems = doc.errors.map((e) => ({ file: path, ...e }));
  if (problems.length === 0) {
    if (typeof doc.value !== "object" || doc.value === null || Array.isArray(doc.value)) {
      problems.push({
        file: path,
        line: 1,
        column: 1,
        message: `${SETTINGS_FILE_NAME} must be one JSON object`
      });
    } else {
      const parsed = pipelineFileSchema.safeParse(doc.value);
      if (parsed.success) return parsed.data;
      for (const m of zodIssueMessages(doc, parsed.error.issues, {
        keysAt: () => Object.keys(pipelineFileSchema.shape),
        seeds: {}
      }))
        problems.push({ file: path, ...m });
    }
  }
  throw new SettingsError(
    `invalid ${SETTINGS_FILE_NAME}:
${problems.map(formatDiagnostic).join("\n")}`,
    problems
  );
}

export {
  MAX_PARALLEL_LIMIT,
  SettingsError,
  loadSettings
};
