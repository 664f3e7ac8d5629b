// The action's `post` step: deletes the transfer configs that `main` saved as still alive
// (main was cancelled or killed before its own cleanup finished). Never fails the job: a
// config it cannot delete becomes a warning naming it and the janitor that removes it.
import * as core from '@actions/core';
import { createCloudServices } from '../cloud/index.js';
import { withDeadline } from '../cloud/retry.js';
import { scrubSecrets } from '../cloud/secrets.js';
import { cleanupConfigs } from '../lifecycle/index.js';
import { maskSecrets } from './secrets.js';
import { parseCleanupState, STATE_KEY } from './state.js';

/** The runner gives post little time after a cancellation; never wait longer than this. */
const CLEANUP_DEADLINE_MS = 60_000;

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
        { service: 'dts', operation: 'DeleteTransferConfig', timeoutMs: CLEANUP_DEADLINE_MS },
        (signal) => cleanupConfigs(services, configs, signal),
        secrets,
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
