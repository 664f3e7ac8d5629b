import {
  isValidTimeZone,
  parseJsonDocument,
  zodIssueMessages
} from "./chunk-Y633SKCY.js";
import {
  formatDiagnostic
} from "./chunk-JQY6CVHL.js";

// src/tables/settings.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
var SETTINGS_FILE_NAME = "pipeline.json";
var DEFAULT_LOCATION = "us";
var DEFAULT_MAX_PARALLEL = 10;
var DEFAULT_TIMEZONE = "UTC";
var MAX_PARALLEL_LIMIT = 256;
var projectId = z.string().regex(
  /^[a-z0-9][a-z0-9.:-]{0,99}$/,
  'is not a Google Cloud project id (lowercase letters, digits and hyphens, e.g. "my-project")'
);
var location = z.string().regex(
  /^[A-Za-z][A-Za-z0-9-]{0,62}$/,
  'is not a BigQuery location such as "us", "eu" or "asia-northeast3"'
);
var maxParallel = z.number().int().min(1).max(MAX_PARALLEL_LIMIT);
var timezone = z.string().refine((tz) => isValidTimeZone(tz), 'is not an IANA time zone such as "UTC" or "Asia/Seoul"');
var pipelineFileSchema = z.strictObject({
  $schema: z.string().optional(),
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
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return {};
    throw error;
  }
  const doc = parseJsonDocument(text.replace(/^\uFEFF/, ""));
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
  DEFAULT_LOCATION,
  DEFAULT_MAX_PARALLEL,
  DEFAULT_TIMEZONE,
  MAX_PARALLEL_LIMIT,
  SETTINGS_FILE_NAME,
  SettingsError,
  loadSettings,
  pipelineFileSchema
};
