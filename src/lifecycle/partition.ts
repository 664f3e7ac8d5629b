// One partition's way from files in S3 to rows in BigQuery: wait until DTS can see every
// file, run it through the quota queue (again after a run that failed on a quota, or when
// another run holds its config), verify what landed, decide, and delete the config it
// created whatever happened.
import type { TransferRunInfo } from '../cloud/dts.js';
import { backoffDelay } from '../cloud/retry.js';
import { attemptRun, failedOnQuota } from './attempt.js';
import { deletePartitionConfig } from './cleanup.js';
import type { AppendConfigIndex, PartitionConfig } from './config.js';
import type { TableContext } from './context.js';
import { decideRun } from './decide.js';
import { formatDuration, timeSpan } from './format.js';
import type { PartitionResult, Step } from './outcome.js';
import type { PrecheckResult } from './precheck.js';
import { type Settled, settle } from './settle.js';
import { inStep, StepError, stepFailure } from './steps.js';
import type { TableTarget } from './table.js';
import { verifyRun, warnLateArrivals } from './verify.js';

/** Runs of one partition that fail on a quota are started again up to this many times in all. */
export const MAX_RUN_ATTEMPTS = 5;
/** A config that keeps moving to another is a bug, not a reason to loop for ever. */
const MAX_MOVES = 5;

type FilesCheck = Extract<PrecheckResult, { kind: 'files' }>;

/** A partition's result, and the step it failed in when it did. */
export interface PartitionOutcome {
  result: PartitionResult;
  failedStep?: Step | undefined;
}

export async function loadPartition(
  ctx: TableContext,
  target: TableTarget,
  check: FilesCheck,
  index: AppendConfigIndex,
): Promise<PartitionOutcome> {
  const { partition } = check;
  const base: PartitionResult = { id: partition.id, source: partition.source, status: 'skipped' };
  const rowsBefore = target.rowsBefore.get(partition.id);
  if (rowsBefore !== undefined) base.rows_before = rowsBefore;
  const append = ctx.spec.writeDisposition === 'WRITE_APPEND';
  let config: PartitionConfig | undefined;
  try {
    const settled = await inStep('precheck', () => settle(ctx, partition, check));
    if (settled.kind === 'changed') return changedOutcome(base, settled.check);
    const early = settled.kind === 'arriving' ? arrivingOutcome(ctx, base, settled, append) : undefined;
    if (early) return { result: early };
    const startedAt = ctx.clock.now();
    const runTime = settled.check.listedAt;
    const run = await runThroughQueue(ctx, target, check, index, runTime, (next) => {
      config = next;
    });
    const timed = { ...base, run_name: run.name, ...timeSpan(startedAt, ctx.clock.now()) };
    const evidence = await inStep('verify', () => verifyRun(ctx, target, partition, config!.name, run));
    if (append && run.state === 'SUCCEEDED') await warnLateArrivals(ctx, partition, runTime);
    const decision = decideRun({ run, ...evidence, rowsBefore, source: partition.source, append });
    if (decision.warning) ctx.warn(`${partition.id}: ${decision.warning}`);
    const { status, rows, message, step } = decision;
    if (status !== 'failed') return { result: { ...timed, status, rows, message } };
    return { result: { ...timed, status, rows, message: `${step}: ${message}` }, failedStep: step };
  } catch (error) {
    const { step, message } = stepFailure(error, ctx);
    return { result: { ...base, status: 'failed', message: `${step}: ${message}` }, failedStep: step };
  } finally {
    if (config?.ephemeral) await deletePartitionConfig(ctx, config.name);
  }
}

/** A partition whose files were gone, or could not be listed, when it was looked at again. */
function changedOutcome(
  base: PartitionResult,
  check: Extract<Settled, { kind: 'changed' }>['check'],
): PartitionOutcome {
  if (check.kind === 'error') {
    return {
      result: { ...base, status: 'failed', message: `precheck: ${check.message}` },
      failedStep: 'precheck',
    };
  }
  return { result: { ...base, status: 'skipped', message: `no files under ${base.source} any more` } };
}

/** Files still arriving at the end of the wait: an append partition is skipped, a truncate one warned. */
function arrivingOutcome(
  ctx: TableContext,
  base: PartitionResult,
  settled: Extract<Settled, { kind: 'arriving' }>,
  append: boolean,
): PartitionResult | undefined {
  const age = formatDuration(Math.max(0, Math.round(settled.newestAgeMs / 1000) * 1000));
  if (append) {
    const message = `files are still arriving under ${base.source} (newest ${age} old): skipped so that DTS appends them all on a later tick`;
    ctx.warn(`${base.id}: ${message}`);
    return { ...base, message };
  }
  ctx.warn(
    `${base.id}: files are still arriving under ${base.source} (newest ${age} old); DTS may not see them yet, so the partition may load incomplete — a later tick loads it again`,
  );
  return undefined;
}

async function runThroughQueue(
  ctx: TableContext,
  target: TableTarget,
  check: FilesCheck,
  index: AppendConfigIndex,
  runTime: Date,
  onConfig: (config: PartitionConfig) => void,
): Promise<TransferRunInfo> {
  const { partition } = check;
  let config: PartitionConfig | undefined;
  for (let quotaFailures = 0, moves = 0; ; ) {
    const attempt = await attemptRun(ctx, {
      target,
      partition,
      config,
      index,
      runTime,
      onConfig: (next) => {
        config = next;
        onConfig(next);
      },
    });
    config = attempt.config;
    if (attempt.kind === 'moved') {
      if (++moves > MAX_MOVES)
        throw new StepError('start-run', new Error('its transfer config keeps changing'));
      continue;
    }
    if (attempt.kind === 'busy') {
      ctx.emit({
        type: 'progress',
        table: ctx.spec.name,
        message: `${partition.id}: ${attempt.message}; waiting`,
      });
      await ctx.clock.sleep(ctx.timing.busyRetryMs * (0.5 + Math.random()), ctx.signal);
      continue;
    }
    const { run } = attempt;
    if (!failedOnQuota(run) || ++quotaFailures >= MAX_RUN_ATTEMPTS) return run;
    await quotaPause(ctx, partition.id, run, quotaFailures);
  }
}

/** A run that FAILED on a quota loaded nothing: pause (jittered) before starting it again. */
async function quotaPause(ctx: TableContext, id: string, run: TransferRunInfo, failures: number) {
  const base = ctx.timing.quotaBackoffMs;
  const pause = backoffDelay(failures, { baseDelayMs: base, maxDelayMs: base * 4, random: Math.random });
  ctx.warn(`${id}: run hit a quota (${run.errorMessage}); starting it again in ${formatDuration(pause)}`);
  await ctx.clock.sleep(pause, ctx.signal);
}
