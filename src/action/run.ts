// The action's `main` step: read the inputs, plan and run this job's tables through the
// pipeline, then write the result file, outputs, annotations and summaries. GitHub lives
// here and in post.ts; planning and loading are the pipeline's, as for `s3bq run`.
import * as core from '@actions/core';
import { scrubSecrets } from '../cloud/secrets.js';
import type { TableResult } from '../lifecycle/outcome.js';
import { describeEvent } from '../pipeline/events.js';
import { planPipeline } from '../pipeline/plan.js';
import { runLabelOf } from '../pipeline/request.js';
import { runPipeline } from '../pipeline/run.js';
import { formatDiagnostic } from '../tables/diagnostic.js';
import { annotateResult } from './annotations.js';
import { abortOnSignals } from './cancellation.js';
import { type ActionInputs, readInputs } from './inputs.js';
import { actionOutputs } from './outputs.js';
import { runInfo, writeResultFile } from './result-file.js';
import { maskSecrets } from './secrets.js';
import { ConfigLedger } from './state.js';
import { writeSummaries } from './summaries.js';

export interface RunOptions {
  /** The clock a tick without `at` reads; injected by tests. */
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export async function run(options: RunOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  // Before anything else, so not even an early error can print them.
  const secrets = maskSecrets(env, core.setSecret);
  const scrub = (text: string) => scrubSecrets(text, secrets);
  const controller = new AbortController();
  const stopListening = abortOnSignals(controller, core.info);
  const cwd = options.cwd ?? process.cwd();
  try {
    const inputs = readInputs((name) => core.getInput(name));
    const { results, planned } = await loadJob(
      inputs,
      env,
      cwd,
      options.now ?? (() => new Date()),
      controller.signal,
      scrub,
    );
    const resultDir = inputs.resultDir ?? env.RUNNER_TEMP ?? cwd;
    // The result file and outputs first: the run report needs them even if a summary fails.
    const resultFile = await writeResultFile(
      resultDir,
      inputs.tables,
      { run: runInfo(env), window: planned.plan.window, tables: results },
      scrub,
    );
    const outputs = actionOutputs(results);
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
    core.setOutput('result-file', resultFile);
    for (const result of results) annotateResult(result, core, scrub);
    const projectId = planned.settings.project ?? planned.env.GOOGLE_CLOUD_PROJECT;
    await writeSummaries(results, { projectId, location: planned.settings.location }, scrub).catch((error) =>
      core.warning(
        scrub(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`),
      ),
    );
    if (controller.signal.aborted) {
      core.setFailed('The job was cancelled; its transfer configs were deleted (post checks again).');
    } else if (outputs.status === 'failed') {
      core.setFailed(failureMessage(results));
    }
  } catch (error) {
    core.setFailed(scrub(error instanceof Error ? error.message : String(error)));
  } finally {
    stopListening();
  }
}

/** Plans this job's tables and runs them, recording every config `post` must delete if main dies. */
async function loadJob(
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
  cwd: string,
  now: () => Date,
  signal: AbortSignal,
  scrub: (text: string) => string,
) {
  const planned = await planPipeline(inputs.plan, { cwd, env, now });
  for (const warning of planned.warnings) core.warning(scrub(formatDiagnostic(warning)));
  const request = { ...inputs.run, runLabel: runLabelOf(env, now(), process.pid, 'action') };
  let ledger: ConfigLedger | undefined;
  const results = await runPipeline(planned.planned, planned.settings, request, {
    env: planned.env,
    signal,
    onEvent: (event) => core.info(scrub(describeEvent(event))),
    onServices: (services) => {
      ledger = new ConfigLedger(
        { project: services.projectId, location: planned.settings.location, transport: request.transport },
        core.saveState,
      );
    },
    onConfigCreated: (name) => ledger?.created(name),
    onConfigDeleted: (name) => ledger?.deleted(name),
  });
  return { results, planned };
}

function failureMessage(results: readonly TableResult[]): string {
  const failed = results.filter((result) => result.status === 'failed').map((result) => result.name);
  return `${failed.length} of ${results.length} table(s) failed: ${failed.join(', ')}. See the job summary and annotations.`;
}
