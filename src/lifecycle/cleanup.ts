// Step 8: deleting the transfer configs a run created. Inside the lifecycle, each
// WRITE_TRUNCATE partition deletes its own config whatever happened to it; outside, the
// action's `post` step (names saved with core.saveState) deletes what a killed `main` left.
import { CloudError } from '../cloud/errors.js';
import type { CloudServices } from '../cloud/index.js';
import type { TableContext } from './context.js';
import { errorText } from './format.js';

/** How long deleting one config may take, retries included, even after a cancellation. */
const CLEANUP_TIMEOUT_MS = 60_000;

/** Deletes a partition's own config; a failure is a warning naming the janitor. */
export async function deletePartitionConfig(ctx: TableContext, name: string): Promise<void> {
  try {
    // A fresh signal, not the (possibly aborted) table's: cleanup must run, but boundedly.
    await ctx.services.dts.deleteConfig(name, AbortSignal.timeout(CLEANUP_TIMEOUT_MS));
    ctx.onConfigDeleted(name);
  } catch (error) {
    if (error instanceof CloudError && error.code === 'NOT_FOUND') {
      ctx.onConfigDeleted(name);
      return;
    }
    ctx.warn(
      `could not delete transfer config ${name} (${errorText(error)}); \`s3bq janitor\` removes it later`,
    );
  }
}

export interface CleanupOutcome {
  deleted: string[];
  /** Already gone: deleted by the lifecycle itself, or by someone else. */
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
