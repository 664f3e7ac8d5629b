// The action's `post` step: deletes the transfer configs that `main` saved as still alive
// (main was cancelled or killed before its own cleanup finished). Never fails the job: a
// config it cannot delete becomes a warning naming it and the janitor that removes it.
import * as core from '@actions/core';
import { createCloudServices } from '../cloud/index.js';
import { scrubSecrets } from '../cloud/secrets.js';
import { cleanupConfigs } from '../lifecycle/index.js';
import { maskSecrets } from './secrets.js';
import { parseCleanupState, STATE_KEY } from './state.js';

/** The runner gives post little time after a cancellation; never wait longer than this. */
export const CLEANUP_DEADLINE_MS = 60_000;

const JANITOR_HINT =
  "Delete them in the console, or run 's3bq janitor', which removes this pipeline's leftovers.";

export async function cleanup(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const secrets = maskSecrets(env, core.setSecret);
  const scrub = (text: string) => scrubSecrets(text, secrets);
  let configs: string[] = [];
  try {
    const state = parseCleanupState(core.getState(STATE_KEY));
    configs = state?.configs ?? [];
    if (!state || configs.length === 0) {
      core.info('No transfer config left behind by this job.');
      return;
    }
    core.info(`Deleting ${configs.length} transfer config(s) left behind: ${configs.join(', ')}`);
    const services = createCloudServices({
      env,
      settings: { project: state.project, location: state.location, maxParallel: 1, timezone: 'UTC' },
      transport: state.transport,
    });
    try {
      const outcome = await withDeadline(
        (signal) => cleanupConfigs(services, configs, signal),
        CLEANUP_DEADLINE_MS,
      );
      for (const name of outcome.deleted) core.info(`Deleted ${name}`);
      for (const name of outcome.missing) core.info(`Already gone: ${name}`);
      for (const { name, message } of outcome.failed) {
        core.warning(scrub(`Could not delete transfer config ${name}: ${message}. ${JANITOR_HINT}`));
      }
    } finally {
      await services.close();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    core.warning(
      scrub(
        `Could not delete transfer config(s) ${configs.join(', ') || '(unknown)'}: ${message}. ${JANITOR_HINT}`,
      ),
    );
  }
}

/** Runs `work` with an abort signal at `ms`, and gives up waiting at `ms` even if it ignores it. */
async function withDeadline<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`deleting took longer than ${ms / 1000} s`);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
