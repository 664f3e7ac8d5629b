// The action's `main` step: read the inputs, plan this job's tables, run each table's
// lifecycle one after another, then write the summaries, annotations, result file and
// outputs. GitHub lives here and in post.ts; everything else is the shared rooms.
import * as core from '@actions/core';
import { scrubSecrets } from '../cloud/secrets.js';
import type { TableResult } from '../lifecycle/outcome.js';
import { annotateResult } from './annotations.js';
import { abortOnSignals } from './cancellation.js';
import { readInputs } from './inputs.js';
import { loadTables } from './load-tables.js';
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
  try {
    const inputs = readInputs((name) => core.getInput(name));
    const { results, window, settings, projectId } = await loadTables(inputs, {
      env,
      cwd: options.cwd ?? process.cwd(),
      now: options.now ?? (() => new Date()),
      signal: controller.signal,
      secrets,
      log: (message) => core.info(scrub(message)),
      ledger: (base) => new ConfigLedger(base, core.saveState),
    });

    // The result file and outputs first: the run report needs them even if a summary fails.
    const resultDir = inputs.resultDir ?? env.RUNNER_TEMP ?? options.cwd ?? process.cwd();
    const resultFile = await writeResultFile(
      resultDir,
      inputs.tables,
      { run: runInfo(env), window, tables: results },
      scrub,
    );
    const outputs = actionOutputs(results);
    core.setOutput('status', outputs.status);
    core.setOutput('loaded', outputs.loaded);
    core.setOutput('skipped', outputs.skipped);
    core.setOutput('failed', outputs.failed);
    core.setOutput('result-file', resultFile);

    for (const result of results) annotateResult(result, core, scrub);
    try {
      await writeSummaries(results, { projectId, location: settings.location }, scrub);
    } catch (error) {
      core.warning(
        scrub(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`),
      );
    }

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

function failureMessage(results: readonly TableResult[]): string {
  const failed = results.filter((result) => result.status === 'failed').map((result) => result.name);
  return `${failed.length} of ${results.length} table(s) failed: ${failed.join(', ')}. See the job summary and annotations.`;
}
