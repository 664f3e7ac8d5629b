// One attempt at a partition's run: take a place in the quota queue, put the claim on the
// partition's config (creating it when needed), wait for a slot, start the run and wait
// for its end. The slot is given back whatever happens, the moment the run has ended.
import type { TransferConfigInfo, TransferRunInfo } from '../cloud/dts.js';
import { grpcCodeName, looksLikeQuota } from '../cloud/errors.js';
import type { PartitionPlan } from '../plan/types.js';
import {
  type AppendConfigIndex,
  busyReason,
  createTruncateConfig,
  openAppendConfig,
  type PartitionConfig,
} from './config.js';
import type { Claim } from './config-naming.js';
import { stripClaim, withClaim } from './config-naming.js';
import type { TableContext } from './context.js';
import type { RunEnd } from './quota-limit.js';
import { startAdmitted } from './start.js';
import { inStep } from './steps.js';
import type { TableTarget } from './table.js';
import { waitForRun } from './wait-run.js';

export type Attempt =
  | { kind: 'ran'; config: PartitionConfig; run: TransferRunInfo }
  | { kind: 'busy'; config: PartitionConfig; message: string }
  /** Go on with `config`, the one every process keeps for this partition. */
  | { kind: 'moved'; config: PartitionConfig };

export interface AttemptInput {
  target: TableTarget;
  partition: PartitionPlan;
  /** The config of an earlier attempt, if any. */
  config: PartitionConfig | undefined;
  index: AppendConfigIndex;
  runTime: Date;
  /** Told as soon as the partition has a config, so it is cleaned up whatever happens next. */
  onConfig(config: PartitionConfig): void;
}

/** The partition's config carrying `claim`, or why another run must go first. */
async function claimConfig(
  ctx: TableContext,
  input: AttemptInput,
  claim: Claim,
): Promise<PartitionConfig | { busy: string; config: PartitionConfig }> {
  const config = input.config ?? (await openConfig(ctx, input, claim));
  if (config.created && !input.config) return config;
  // Never take over a kept config another process is about to run or running.
  const busy = config.ephemeral
    ? undefined
    : await busyReason(ctx, config.name, ctx.timing.admission.claimTtlMs);
  if (busy) return { busy, config };
  await ctx.services.dts.renameConfig(config.name, withClaim(config.baseName, claim), ctx.signal);
  return config;
}

async function openConfig(ctx: TableContext, input: AttemptInput, claim: Claim): Promise<PartitionConfig> {
  const { partition } = input;
  const opened =
    ctx.spec.writeDisposition === 'WRITE_APPEND'
      ? await openAppendConfig(ctx, input.target, partition, claim, input.index)
      : await createTruncateConfig(ctx, partition, claim);
  ctx.emit({
    type: 'config-ready',
    table: ctx.spec.name,
    partition: partition.id,
    config: opened.name,
    created: opened.created,
  });
  return opened;
}

/** Whether DTS failed the run on a quota: it loaded nothing and may start again. */
export function failedOnQuota(run: TransferRunInfo): boolean {
  return (
    run.state === 'FAILED' &&
    ((run.errorCode !== undefined && grpcCodeName(run.errorCode) === 'RESOURCE_EXHAUSTED') ||
      looksLikeQuota(run.errorMessage ?? ''))
  );
}

export async function attemptRun(ctx: TableContext, input: AttemptInput): Promise<Attempt> {
  const { signal } = ctx;
  const lease = await inStep('admission', () => ctx.admission.enter(signal));
  let config = input.config;
  let ended: RunEnd | undefined;
  try {
    const claimed = await inStep('create-config', () => claimConfig(ctx, input, lease.claim));
    if ('busy' in claimed) return { kind: 'busy', config: claimed.config, message: claimed.busy };
    config = claimed;
    input.onConfig(config);
    const current = config;
    lease.attach(current.name, current.baseName);
    await inStep('admission', () => lease.admitted(signal));
    const start = await inStep('start-run', () =>
      startAdmitted(ctx, input.partition, current, lease, input.runTime),
    );
    if (start.kind === 'moved') {
      config = await moveTo(ctx, current, start.to);
      input.onConfig(config);
      return { kind: 'moved', config };
    }
    if (start.kind === 'busy') return { kind: 'busy', config: current, message: start.message };
    ctx.emit({
      type: 'run-started',
      table: ctx.spec.name,
      partition: input.partition.id,
      run: start.run.name,
    });
    const { run } = await inStep('wait', () =>
      waitForRun(ctx.services.dts, start.run.name, ctx.clock, {
        schedule: ctx.timing.poll,
        signal,
        signals: ctx.watch,
      }),
    );
    ended = failedOnQuota(run) ? 'quota' : 'ok';
    ctx.emit({
      type: 'run-ended',
      table: ctx.spec.name,
      partition: input.partition.id,
      run: run.name,
      state: run.state,
    });
    return { kind: 'ran', config: current, run };
  } finally {
    await lease.release(ended);
  }
}

/** Leaves a config that lost to another of the same key, deleting it if this process made it. */
async function moveTo(
  ctx: TableContext,
  mine: PartitionConfig,
  winner: TransferConfigInfo,
): Promise<PartitionConfig> {
  if (mine.created) await ctx.services.dts.deleteConfig(mine.name, ctx.signal).catch(() => undefined);
  return {
    name: winner.name,
    baseName: stripClaim(winner.displayName),
    ephemeral: false,
    created: false,
    appendKey: mine.appendKey,
  };
}
