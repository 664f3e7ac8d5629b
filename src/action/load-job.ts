// This job's share of the tick: its tables planned and run through the pipeline (as
// `s3bq run` does), each lifecycle event a line of the job's log, and every transfer config
// a run must delete recorded for `post`, which deletes it if main dies first.
import * as core from '@actions/core';
import type { ResultFile, TableResult } from '../lifecycle/outcome.js';
import { describeEvent } from '../pipeline/events.js';
import { planPipeline } from '../pipeline/plan.js';
import { runLabelOf } from '../pipeline/request.js';
import { runPipeline } from '../pipeline/run.js';
import { formatDiagnostic } from '../tables/diagnostic.js';
import type { PipelineSettings } from '../tables/types.js';
import type { ActionInputs } from './inputs.js';
import { ConfigLedger } from './state.js';

export interface LoadJobDeps {
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => Date;
  signal: AbortSignal;
  scrub: (text: string) => string;
}

export interface LoadedJob {
  results: TableResult[];
  window: ResultFile['window'];
  settings: PipelineSettings;
  /** The project the transfers ran in (settings, environment, or the local cloud's). */
  projectId: string | undefined;
}

export async function loadJob(inputs: ActionInputs, deps: LoadJobDeps): Promise<LoadedJob> {
  const { env, cwd, now, scrub } = deps;
  const planned = await planPipeline(inputs.plan, { cwd, env, now });
  for (const warning of planned.warnings) core.warning(scrub(formatDiagnostic(warning)));
  const request = { ...inputs.run, runLabel: runLabelOf(env, now(), process.pid, 'action') };
  let ledger: ConfigLedger | undefined;
  let projectId = planned.settings.project ?? planned.env.GOOGLE_CLOUD_PROJECT;
  const results = await runPipeline(planned.planned, planned.settings, request, {
    env: planned.env,
    signal: deps.signal,
    onEvent: (event) => core.info(scrub(describeEvent(event))),
    onServices: (services) => {
      projectId = services.projectId;
      ledger = new ConfigLedger(
        { project: services.projectId, location: planned.settings.location, transport: request.transport },
        core.saveState,
      );
    },
    onConfigCreated: (name) => ledger?.created(name),
    onConfigDeleted: (name) => ledger?.deleted(name),
  });
  return { results, window: planned.plan.window, settings: planned.settings, projectId };
}
