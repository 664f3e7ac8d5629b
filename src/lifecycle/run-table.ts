// One table's transfer lifecycle in one tick: precheck every partition in S3, make sure
// the destination table exists, then load each partition with files through the quota
// queue (partition.ts: settle → config → admission → start → wait → verify → cleanup),
// several at once when slots are free. Services, clock and cancellation come in from
// outside; the outcome goes back as a TableResult value.
import pLimit from 'p-limit';
import type { PlannedTable } from '../plan/types.js';
import { AppendConfigIndex } from './config.js';
import { createTableContext, type TableContext } from './context.js';
import { tableMessage, tableStatus } from './decide.js';
import { timeSpan } from './format.js';
import type { PartitionResult, Step, TableResult } from './outcome.js';
import { loadPartition, type PartitionOutcome } from './partition.js';
import { type PrecheckResult, precheckPartitions } from './precheck.js';
import { inStep, stepFailure } from './steps.js';
import { prepareTable } from './table.js';
import type { LifecycleOptions } from './types.js';

export async function runTable(planned: PlannedTable, options: LifecycleOptions): Promise<TableResult> {
  const ctx = createTableContext(planned.spec, planned.plan, options);
  const startedAt = ctx.clock.now();
  ctx.emit({ type: 'table-started', table: ctx.spec.name, partitions: ctx.plan.partitions.length });
  const outcomes = new Map<string, PartitionOutcome>();
  const decide = (outcome: PartitionOutcome) => {
    outcomes.set(outcome.result.id, outcome);
    ctx.emit({ type: 'partition-finished', table: ctx.spec.name, partition: outcome.result });
  };
  let failure: { step: Step; message: string } | undefined;
  try {
    await loadTable(ctx, decide);
  } catch (error) {
    failure = stepFailure(error, ctx);
    for (const partition of ctx.plan.partitions) {
      if (outcomes.has(partition.id)) continue;
      const message = `${failure.step}: ${failure.message}`;
      decide({
        result: { id: partition.id, source: partition.source, status: 'failed', message },
        failedStep: failure.step,
      });
    }
  } finally {
    ctx.dispose();
  }
  const result = summarize(ctx, startedAt, outcomes, failure);
  ctx.emit({ type: 'table-finished', table: ctx.spec.name, result });
  return result;
}

async function loadTable(ctx: TableContext, decide: (outcome: PartitionOutcome) => void): Promise<void> {
  const { plan } = ctx;
  if (!plan.enabled || plan.skip_reason) {
    const message = plan.skip_reason ?? 'table disabled';
    for (const p of plan.partitions)
      decide({ result: { id: p.id, source: p.source, status: 'skipped', message } });
    return;
  }
  const checks = await inStep('precheck', () =>
    precheckPartitions(ctx.services.s3, plan.partitions, () => ctx.clock.now(), ctx.signal),
  );
  const withFiles = checks.flatMap((check) => (check.kind === 'files' ? [check] : []));
  for (const check of checks) if (check.kind !== 'files') decide(withoutFiles(ctx, check));
  if (ctx.dryRun) {
    for (const check of withFiles) decide({ result: wouldLoad(check) });
    return;
  }
  if (withFiles.length === 0) return;
  const target = await inStep('ensure-table', () => prepareTable(ctx, checks));
  const index = new AppendConfigIndex(ctx.services.dts);
  // The quota queue bounds runs; this only bounds the partitions a table works on at once.
  const limit = pLimit(ctx.admission.claims);
  await Promise.all(
    withFiles.map((check) => limit(async () => decide(await loadPartition(ctx, target, check, index)))),
  );
}

function withoutFiles(
  ctx: TableContext,
  check: Exclude<PrecheckResult, { kind: 'files' }>,
): PartitionOutcome {
  const { id, source } = check.partition;
  if (check.kind === 'error')
    return { result: { id, source, status: 'failed', message: check.message }, failedStep: 'precheck' };
  if (check.kind === 'empty')
    return { result: { id, source, status: 'skipped', message: `no files under ${source}` } };
  const message = `all ${check.count} file(s) under ${source} are empty: skipped, the partition's rows are kept`;
  ctx.warn(`${id}: ${message}`);
  return { result: { id, source, status: 'skipped', message } };
}

function wouldLoad(check: Extract<PrecheckResult, { kind: 'files' }>): PartitionResult {
  const { id, source } = check.partition;
  const files = `${check.count}${check.truncated ? '+' : ''} file(s)`;
  return {
    id,
    source,
    status: 'skipped',
    message: `dry run: would load ${files}`,
    would_load_files: check.count,
  };
}

function summarize(
  ctx: TableContext,
  startedAt: Date,
  outcomes: ReadonlyMap<string, PartitionOutcome>,
  failure: { step: Step; message: string } | undefined,
): TableResult {
  const partitions = ctx.plan.partitions.flatMap((p) => {
    const outcome = outcomes.get(p.id);
    return outcome ? [outcome.result] : [];
  });
  const status = tableStatus(partitions);
  const failedStep =
    failure?.step ?? ctx.plan.partitions.map((p) => outcomes.get(p.id)?.failedStep).find(Boolean);
  return {
    name: ctx.spec.name,
    destination: ctx.plan.destination,
    status,
    partitions,
    ...timeSpan(startedAt, ctx.clock.now()),
    message:
      status === 'failed' && failure
        ? `${failure.step}: ${failure.message}`
        : tableMessage({ partitions }, status),
    ...(status === 'failed' ? { failed_step: failedStep } : {}),
    ...(ctx.warnings.length > 0 ? { warnings: [...ctx.warnings] } : {}),
    ...(ctx.spec.owners.length > 0 ? { owners: ctx.spec.owners } : {}),
  };
}
