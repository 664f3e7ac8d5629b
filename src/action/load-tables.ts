// This job's share of the tick: resolve settings (inputs win over pipeline.json and the
// environment), load and plan the named tables, then run each table's lifecycle one after
// another, recording every transfer config it creates and deletes for `post`.
import { resolve } from 'node:path';
import { createCloudServices } from '../cloud/index.js';
import { runTable } from '../lifecycle/index.js';
import type { ResultFile, TableResult } from '../lifecycle/outcome.js';
import { buildPlan, type PlanRequest } from '../plan/build.js';
import { formatDiagnostic, loadTableDir } from '../tables/load.js';
import { loadSettings } from '../tables/settings.js';
import type { PipelineSettings, TableSpec } from '../tables/types.js';
import type { ActionInputs, Window } from './inputs.js';
import { describeEvent } from './progress.js';
import type { CleanupState, ConfigLedger } from './state.js';

export interface LoadTablesDeps {
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => Date;
  signal: AbortSignal;
  secrets: readonly string[];
  log: (message: string) => void;
  ledger: (base: Omit<CleanupState, 'configs'>) => ConfigLedger;
}

export interface LoadedTables {
  results: TableResult[];
  window: ResultFile['window'];
  settings: PipelineSettings;
  /** The project the transfers ran in (settings, environment, or the local cloud's). */
  projectId: string;
}

/** The action's `project` / `location` inputs outrank the environment, which outranks pipeline.json. */
function settingsEnv(env: NodeJS.ProcessEnv, inputs: ActionInputs): NodeJS.ProcessEnv {
  return {
    ...env,
    ...(inputs.project ? { GOOGLE_CLOUD_PROJECT: inputs.project } : {}),
    ...(inputs.location ? { S3BQ_LOCATION: inputs.location } : {}),
  };
}

function planWindow(window: Window, now: () => Date): PlanRequest['window'] {
  if (window.kind === 'now') return { kind: 'tick', at: now() };
  if (window.kind === 'tick') return { kind: 'tick', at: new Date(window.at) };
  return window;
}

/** The named tables' specs; a missing or invalid file fails with what to fix. */
function selectTables(
  names: readonly string[],
  dir: string,
  loaded: { tables: TableSpec[]; diagnostics: import('../tables/load.js').Diagnostic[] },
): TableSpec[] {
  return names.map((name) => {
    const spec = loaded.tables.find((table) => table.name === name);
    if (spec) return spec;
    const problems = loaded.diagnostics.filter(
      (d) => d.file.endsWith(`/${name}.json`) || d.file === `${name}.json`,
    );
    if (problems.length > 0) {
      throw new Error(
        `The table file of '${name}' is invalid:\n${problems.map(formatDiagnostic).join('\n')}\nRun 's3bq validate' locally to check it.`,
      );
    }
    const known = loaded.tables.map((table) => table.name).join(', ') || '(none)';
    throw new Error(`No table '${name}' in ${dir}: add ${name}.json there, or pick one of: ${known}.`);
  });
}

export async function loadTables(inputs: ActionInputs, deps: LoadTablesDeps): Promise<LoadedTables> {
  const settings = await loadSettings({ cwd: deps.cwd, env: settingsEnv(deps.env, inputs) });
  const dir = resolve(deps.cwd, inputs.tablesDir);
  const specs = selectTables(inputs.tables, inputs.tablesDir, await loadTableDir(dir, settings));
  const { plan, planned: tables } = buildPlan({
    tables: specs,
    settings,
    window: planWindow(inputs.window, deps.now),
  });

  const services = createCloudServices({
    env: settingsEnv(deps.env, inputs),
    settings,
    transport: inputs.transport,
  });
  const ledger = deps.ledger({
    project: services.projectId,
    location: settings.location,
    transport: inputs.transport,
  });
  const results: TableResult[] = [];
  try {
    for (const planned of tables) {
      const result = await runTable(planned, {
        services,
        settings,
        signal: deps.signal,
        timeoutMs: inputs.timeoutMs,
        dryRun: inputs.dryRun,
        runLabel: runLabel(deps.env),
        onEvent: (event) => deps.log(describeEvent(event)),
        // A WRITE_APPEND table's config is long-lived on purpose (DTS skips only files the
        // same config loaded): post must never delete it, so it is not recorded.
        onConfigCreated: (name) => {
          if (planned.spec.writeDisposition !== 'WRITE_APPEND') ledger.created(name);
        },
        onConfigDeleted: (name) => ledger.deleted(name),
      });
      results.push(result);
    }
  } finally {
    await services.close();
  }
  return { results, window: plan.window, settings, projectId: services.projectId };
}

/** Marks the tick's configs with the workflow run, so the janitor can tell whose they are. */
function runLabel(env: NodeJS.ProcessEnv): string {
  if (!env.GITHUB_RUN_ID) return 'action';
  return `gh-${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
}
