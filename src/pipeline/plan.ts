// A request → planned tables: settings (pipeline.json, the environment, the request's own
// overrides, in rising order), the table files, and the plan of the window. The CLI's
// `plan` and `run` and the action all come through here.
import { basename, resolve } from 'node:path';
import { buildPlan } from '../plan/build.js';
import type { Plan, PlannedTable } from '../plan/types.js';
import { type Diagnostic, TableFilesInvalidError } from '../tables/diagnostic.js';
import { loadTableDir } from '../tables/load.js';
import { loadSettings } from '../tables/settings.js';
import type { PipelineSettings } from '../tables/types.js';
import { displayPath } from './display-path.js';
import type { PlanRequest, SettingsOverrides } from './request.js';

export interface PlannedRequest {
  plan: Plan;
  planned: PlannedTable[];
  settings: PipelineSettings;
  /** The environment with the request's overrides, as the cloud services read it. */
  env: NodeJS.ProcessEnv;
  /** Findings that do not stop the plan (files the loader ignored, …). */
  warnings: Diagnostic[];
}

export interface Where {
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

/** The overrides as the environment variables that carry them, so one set of rules checks them. */
function withOverrides(env: NodeJS.ProcessEnv, overrides: SettingsOverrides | undefined): NodeJS.ProcessEnv {
  return {
    ...env,
    ...(overrides?.project ? { GOOGLE_CLOUD_PROJECT: overrides.project } : {}),
    ...(overrides?.location ? { S3BQ_LOCATION: overrides.location } : {}),
    ...(overrides?.maxParallel ? { S3BQ_MAX_PARALLEL: String(overrides.maxParallel) } : {}),
  };
}

const tableNameOf = (file: string) => basename(file).replace(/\.json$/i, '');

export async function planPipeline(request: PlanRequest, where: Where): Promise<PlannedRequest> {
  const env = withOverrides(where.env, request.overrides);
  const settings = await loadSettings({ cwd: where.cwd, env });
  const loaded = await loadTableDir(resolve(where.cwd, request.tablesDir), settings);
  const shown = (list: readonly Diagnostic[]) =>
    list.map((d) => ({ ...d, file: displayPath(where.cwd, d.file) }));
  // With --only, another table's broken file does not hold up the tables asked for.
  const wanted = request.only ? new Set(request.only) : undefined;
  const errors = shown(loaded.diagnostics).filter((d) => !wanted || wanted.has(tableNameOf(d.file)));
  if (errors.length > 0) throw new TableFilesInvalidError(errors);
  const { tables } = loaded;
  const window = request.window.kind === 'now' ? { kind: 'tick' as const, at: where.now() } : request.window;
  const { plan, planned } = buildPlan({ tables, settings, window, only: request.only });
  return { plan, planned, settings, env, warnings: shown(loaded.warnings) };
}
