// Pipeline-wide settings: optional `pipeline.json` at the repository root, overridden by
// the environment (GOOGLE_CLOUD_PROJECT, S3BQ_LOCATION, S3BQ_MAX_PARALLEL).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type Diagnostic, formatDiagnostic } from './diagnostic.js';
import { decodeJsonFile } from './encoding.js';
import { parseJsonDocument } from './json-document.js';
import { locationProblem } from './locations.js';
import { isValidTimeZone } from './time-zones.js';
import type { PipelineSettings } from './types.js';
import { zodIssueMessages } from './zod-issues.js';

const SETTINGS_FILE_NAME = 'pipeline.json';
const DEFAULT_LOCATION = 'us';
const DEFAULT_MAX_PARALLEL = 10;
const DEFAULT_TIMEZONE = 'UTC';
/** GitHub runs at most 256 jobs of one matrix, so more parallelism means nothing. */
export const MAX_PARALLEL_LIMIT = 256;

// Loose on purpose: real ids are 6–30 characters, but emulators and tests use short ones.
// What it refuses (spaces, capitals, slashes) can never name a project.
const projectId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9.:-]{0,99}$/,
    'is not a Google Cloud project id (lowercase letters, digits and hyphens, e.g. "my-project")',
  );
const location = z.string().superRefine((value, context) => {
  const problem = locationProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});
const maxParallel = z.number().int().min(1).max(MAX_PARALLEL_LIMIT);
const timezone = z
  .string()
  .refine((tz) => isValidTimeZone(tz), 'is not an IANA time zone such as "UTC" or "Asia/Seoul"');

const pipelineFileSchema = z.strictObject({
  $schema: z.string().optional(),
  project: projectId.optional(),
  location: location.optional(),
  max_parallel: maxParallel.optional(),
  timezone: timezone.optional(),
});

/** Thrown for a bad pipeline.json or environment value; the message says what to fix. */
export class SettingsError extends Error {
  override name = 'SettingsError';
  /** pipeline.json's findings, for callers that render positions themselves (annotations). */
  readonly findings: Diagnostic[];
  constructor(message: string, findings: Diagnostic[] = []) {
    super(message);
    this.findings = findings;
  }
}

export async function loadSettings(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Skip pipeline.json (validate goes on with defaults after reporting a bad one). */
  ignoreFile?: boolean;
}): Promise<PipelineSettings> {
  const fromFile = options.ignoreFile ? {} : await readPipelineFile(join(options.cwd, SETTINGS_FILE_NAME));
  const env = options.env;
  const settings: PipelineSettings = {
    project: fromFile.project,
    location: fromFile.location ?? DEFAULT_LOCATION,
    maxParallel: fromFile.max_parallel ?? DEFAULT_MAX_PARALLEL,
    timezone: fromFile.timezone ?? DEFAULT_TIMEZONE,
  };
  const envProject = nonEmpty(env.GOOGLE_CLOUD_PROJECT);
  if (envProject !== undefined) settings.project = fromEnv('GOOGLE_CLOUD_PROJECT', projectId, envProject);
  const envLocation = nonEmpty(env.S3BQ_LOCATION);
  if (envLocation !== undefined) settings.location = fromEnv('S3BQ_LOCATION', location, envLocation);
  const envParallel = nonEmpty(env.S3BQ_MAX_PARALLEL);
  if (envParallel !== undefined) {
    const number = /^\d+$/.test(envParallel) ? Number(envParallel) : Number.NaN;
    settings.maxParallel = fromEnv('S3BQ_MAX_PARALLEL', maxParallel, number, envParallel);
  }
  return settings;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function fromEnv<T>(name: string, schema: z.ZodType<T>, value: unknown, shown = String(value)): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const why =
    name === 'S3BQ_MAX_PARALLEL'
      ? `must be a whole number from 1 to ${MAX_PARALLEL_LIMIT}`
      : parsed.error.issues[0]?.message;
  throw new SettingsError(`environment variable ${name}="${shown}" ${why}: fix or unset it`);
}

async function readPipelineFile(path: string): Promise<z.output<typeof pipelineFileSchema>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const decoded = decodeJsonFile(bytes);
  if (!decoded.ok) {
    const finding = { file: path, line: decoded.line, column: decoded.column, message: decoded.message };
    throw new SettingsError(`invalid ${SETTINGS_FILE_NAME}:\n${formatDiagnostic(finding)}`, [finding]);
  }
  const doc = parseJsonDocument(decoded.text);
  const problems = doc.errors.map((e) => ({ file: path, ...e }));
  if (problems.length === 0) {
    if (typeof doc.value !== 'object' || doc.value === null || Array.isArray(doc.value)) {
      problems.push({
        file: path,
        line: 1,
        column: 1,
        message: `${SETTINGS_FILE_NAME} must be one JSON object`,
      });
    } else {
      const parsed = pipelineFileSchema.safeParse(doc.value);
      if (parsed.success) return parsed.data;
      for (const m of zodIssueMessages(doc, parsed.error.issues, {
        keysAt: () => Object.keys(pipelineFileSchema.shape),
        seeds: {},
      }))
        problems.push({ file: path, ...m });
    }
  }
  throw new SettingsError(
    `invalid ${SETTINGS_FILE_NAME}:\n${problems.map(formatDiagnostic).join('\n')}`,
    problems,
  );
}
