// The action's `main` step: read the inputs, load this job's tables (load-job.ts: the
// pipeline, as for `s3bq run`), then write the result file, outputs, annotations and
// summaries. GitHub lives here and in post.ts.
import * as core from '@actions/core';
import { scrubSecrets } from '../cloud/secrets.js';
import type { TableResult } from '../lifecycle/outcome.js';
import { annotateResult } from './annotations.js';
import { abortOnSignals } from './cancellation.js';
import { readInputs } from './inputs.js';
import { loadJob } from './load-job.js';
import { actionOutputs } from './outputs.js';
import { runInfo, writeResultFile } from './result-file.js';
import { maskSecrets } from './secrets.js';
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
    const { results, window, settings, projectId } = await loadJob(inputs, {
      env,
      cwd,
      now: options.now ?? (() => new Date()),
      signal: controller.signal,
      scrub,
    });
    const resultDir = inputs.resultDir ?? env.RUNNER_TEMP ?? cwd;
    // The result file and outputs first: the run report needs them even if a summary fails.
    const resultFile = await writeResultFile(
      resultDir,
      inputs.tables,
      { run: runInfo(env), window, tables: results },
      scrub,
    );
    const outputs = actionOutputs(results);
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
    core.setOutput('result-file', resultFile);
    for (const result of results) annotateResult(result, core, scrub);
    await writeSummaries(results, { projectId, location: settings.location }, scrub).catch((error) =>
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

function failureMessage(results: readonly TableResult[]): string {
  const failed = results.filter((result) => result.status === 'failed').map((result) => result.name);
  return `${failed.length} of ${results.length} table(s) failed: ${failed.join(', ')}. See the job summary and annotations.`;
}
