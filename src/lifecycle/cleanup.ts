// Deleting transfer configs by name, outside a lifecycle: the action's `post` step (names
// saved with core.saveState) and anything else that must make sure a tick left nothing.
import { CloudError } from '../cloud/errors.js';
import type { CloudServices } from '../cloud/index.js';

export interface CleanupOutcome {
  deleted: string[];
  /** Already gone: deleted by the lifecycle's own `finally`, or by someone else. */
  missing: string[];
  failed: { name: string; message: string }[];
}

export async function cleanupConfigs(
  services: Pick<CloudServices, 'dts'>,
  names: readonly string[],
  signal?: AbortSignal,
): Promise<CleanupOutcome> {
  const outcome: CleanupOutcome = { deleted: [], missing: [], failed: [] };
  for (const name of new Set(names)) {
    try {
      await services.dts.deleteConfig(name, signal);
      outcome.deleted.push(name);
    } catch (error) {
      if (error instanceof CloudError && error.code === 'NOT_FOUND') outcome.missing.push(name);
      else outcome.failed.push({ name, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcome;
}
