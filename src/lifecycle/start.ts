// Step 5: start the admitted run. A WRITE_APPEND partition first makes sure its config is
// still the one every process keeps (two processes may have created one each a moment
// ago: the loser moves to the winner) and still loads as the table file says. A config
// another run is using is never started again: DTS does not support simultaneous runs on
// one config, and a refusal is a "busy" value, not a failure.
import type { TransferConfigInfo, TransferRunInfo } from '../cloud/dts.js';
import { CloudError } from '../cloud/errors.js';
import type { PartitionPlan } from '../plan/types.js';
import type { Lease } from './admission.js';
import type { PartitionConfig } from './config.js';
import { configInput, groupByKey, paramsCurrent, pickAppendConfig } from './config.js';
import { parseConfigName, sameClaim } from './config-naming.js';
import type { TableContext } from './context.js';

export type StartOutcome =
  | { kind: 'started'; run: TransferRunInfo }
  /** Another run is using the config: try again later. */
  | { kind: 'busy'; message: string }
  /** Another config of the same destination partition and source is the one to keep. */
  | { kind: 'moved'; to: TransferConfigInfo };

export async function startAdmitted(
  ctx: TableContext,
  partition: PartitionPlan,
  config: PartitionConfig,
  lease: Lease,
  runTime: Date,
): Promise<StartOutcome> {
  const { dts } = ctx.services;
  if (config.appendKey) {
    const candidates = groupByKey(ctx.admission.lastConfigs()).get(config.appendKey) ?? [];
    const winner = pickAppendConfig(candidates);
    if (winner && winner.name !== config.name) return { kind: 'moved', to: winner };
    // Another process may have put its own claim on the config since the queue was read:
    // then it goes first, and this partition waits for its run.
    const now = parseConfigName((await dts.getConfig(config.name, ctx.signal)).displayName);
    const claim = now?.kind === 'append' ? now.claim : undefined;
    if (!sameClaim(claim, lease.claim)) {
      return { kind: 'busy', message: 'another process claimed its transfer config first' };
    }
    const listed = candidates.find((candidate) => candidate.name === config.name);
    if (listed && !paramsCurrent(ctx, partition, listed)) {
      await dts.updateConfig(
        config.name,
        configInput(ctx, partition, config.baseName, lease.claim),
        ctx.signal,
      );
    }
  }
  try {
    return { kind: 'started', run: await dts.startRun(config.name, runTime, ctx.signal) };
  } catch (error) {
    if (error instanceof CloudError && error.code === 'FAILED_PRECONDITION') {
      return { kind: 'busy', message: error.message };
    }
    throw error;
  }
}
