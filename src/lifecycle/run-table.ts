// One table's transfer lifecycle in one tick: precheck → ensure table → config → one run
// per partition → wait → decide → clean up. Services, clock and cancellation come in from
// outside; the outcome goes back as a TableResult value. The tick's config is deleted in
// `finally`, whatever happened.
import pLimit from 'p-limit';
import type { TableRef } from '../cloud/bigquery.js';
import type { TransferRunInfo } from '../cloud/dts.js';
import { CloudError, grpcCodeName, looksLikeQuota } from '../cloud/errors.js';
import { backoffDelay } from '../cloud/retry.js';
import type { PartitionPlan, PlannedTable } from '../plan/types.js';
import { systemClock } from './clock.js';
import { tickConfigName, tickOf } from './config-naming.js';
import { decideRun, saysNoNewFiles, tableMessage, tableStatus } from './decide.js';
import { ensureTable } from './ensure-table.js';
import { inferSchema } from './infer-schema.js';
import type { PartitionResult, Step, TableResult } from './outcome.js';
import { DEFAULT_POLL_SCHEDULE } from './poll-schedule.js';
import { precheckPartitions, youngFilesWarning } from './precheck.js';
import { createRunWatch } from './run-watch.js';
import { type ConfigHandle, configInput, createTickConfig, ensureAppendConfig } from './transfer-config.js';
import { literalTargets, runTimeOf, templatedTargets, transferParams } from './transfer-params.js';
import type { Clock, LifecycleEvent, LifecycleOptions } from './types.js';
import { waitForRun } from './wait-run.js';

export const DEFAULT_RUNS_PER_TABLE = 4;
/** Starts of one partition's run when runs fail on a quota, and the pause between them. */
export const MAX_RUN_ATTEMPTS = 5;
export const DEFAULT_QUOTA_BACKOFF_MS = 30_000;

function failedOnQuota(run: TransferRunInfo): boolean {
  return (
    run.state === 'FAILED' &&
    ((run.errorCode !== undefined && grpcCodeName(run.errorCode) === 'RESOURCE_EXHAUSTED') ||
      looksLikeQuota(run.errorMessage ?? ''))
  );
}

/** How long cleanup may take after the table is done, retries included. */
const CLEANUP_TIMEOUT_MS = 60_000;
/** Cloud Logging entries of a run are searched this far around its start and end. */
const LOG_WINDOW_MARGIN_MS = 10 * 60_000;

/** The abort reason of the table's own timeout, told apart from a cancellation. */
class TableTimeout extends Error {
  override name = 'TableTimeout';
}

interface PartitionState {
  result: PartitionResult;
  decided: boolean;
}

function errorText(error: unknown): string {
  if (error instanceof CloudError)
    return `${error.message} (${error.service} ${error.operation}: ${error.code})`;
  return error instanceof Error ? error.message : String(error);
}

function formatMs(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${Math.round(ms / 1000)}s`;
}

export async function runTable(planned: PlannedTable, options: LifecycleOptions): Promise<TableResult> {
  const result = await runTableSteps(planned, options);
  options.onEvent?.({ type: 'table-finished', table: planned.spec.name, result });
  return result;
}

async function runTableSteps(planned: PlannedTable, options: LifecycleOptions): Promise<TableResult> {
  const clock: Clock = options.clock ?? systemClock;
  const { spec, plan } = planned;
  const { services } = options;
  const emit = (event: LifecycleEvent) => options.onEvent?.(event);
  const startedAt = clock.now();
  const warnings: string[] = [];
  const states = new Map<string, PartitionState>(
    plan.partitions.map((p) => [
      p.id,
      { result: { id: p.id, source: p.source, status: 'skipped' }, decided: false },
    ]),
  );
  const decide = (id: string, fields: Partial<PartitionResult>) => {
    const state = states.get(id);
    if (!state || state.decided) return;
    Object.assign(state.result, fields);
    state.decided = true;
    emit({ type: 'partition-finished', table: spec.name, partition: state.result });
  };
  let config: ConfigHandle | undefined;
  let failedStep: Step | undefined;
  let tableFailure: string | undefined;

  emit({ type: 'table-started', table: spec.name, partitions: plan.partitions.length });

  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new TableTimeout(`timed out after ${formatMs(options.timeoutMs)} (--timeout)`)),
    options.timeoutMs,
  );
  const onCancel = () => controller.abort(options.signal?.reason ?? new Error('cancelled'));
  if (options.signal?.aborted) onCancel();
  else options.signal?.addEventListener('abort', onCancel, { once: true });
  const signal = controller.signal;
  const abortMessage = () =>
    signal.reason instanceof TableTimeout ? signal.reason.message : 'cancelled before the partition finished';

  let step: Step = 'precheck';
  try {
    if (!plan.enabled || plan.skip_reason) {
      for (const id of states.keys())
        decide(id, { status: 'skipped', message: plan.skip_reason ?? 'table disabled' });
      return finish();
    }

    const checks = await precheckPartitions(services.s3, plan.partitions, clock.now(), signal);
    const toLoad: PartitionPlan[] = [];
    for (const check of checks) {
      if (check.kind === 'empty') {
        decide(check.partition.id, {
          status: 'skipped',
          message: `no files under ${check.partition.source}`,
        });
      } else if (check.kind === 'error') {
        failedStep ??= 'precheck';
        decide(check.partition.id, { status: 'failed', message: check.message });
      } else {
        toLoad.push(check.partition);
      }
    }
    const young = youngFilesWarning(checks);
    if (young) {
      warnings.push(young);
      emit({ type: 'warning', table: spec.name, message: young });
    }
    if (options.dryRun) {
      for (const check of checks) {
        if (check.kind === 'files') {
          decide(check.partition.id, {
            status: 'skipped',
            message: `dry run: ${check.count}${check.truncated ? '+' : ''} file(s) would load`,
          });
        }
      }
      return finish();
    }
    if (toLoad.length === 0) return finish();

    step = 'ensure-table';
    const ref: TableRef = {
      projectId: spec.project ?? services.projectId,
      datasetId: spec.dataset,
      tableId: spec.table,
    };
    const firstFiles = checks.find((check) => check.kind === 'files');
    await ensureTable(services.bigquery, {
      spec,
      ref,
      location: options.settings.location,
      signal,
      inferSchema: () =>
        inferSchema(
          spec,
          services.s3,
          spec.source.bucket,
          firstFiles?.kind === 'files' ? firstFiles.objects : [],
          signal,
        ),
    });

    step = 'create-config';
    const keys = services.awsCredentials;
    if (!keys) {
      throw new Error('no AWS keys for the transfer: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
    }
    const templated = templatedTargets(spec);
    const firstTargets = templated ?? literalTargets(spec, toLoad[0]!);
    const params = transferParams(spec, firstTargets, keys);
    const append = spec.writeDisposition === 'WRITE_APPEND';
    if (append) {
      config = await ensureAppendConfig(services.dts, spec, params, signal);
    } else {
      const tick = options.tick ?? tickOf(plan.partitions.map((p) => p.id));
      const displayName = tickConfigName(spec.name, tick, options.runLabel);
      config = await createTickConfig(services.dts, configInput(spec, displayName, params), signal);
    }
    // Only a tick's own config is handed out for cleanup; a WRITE_APPEND config is kept.
    if (config.ephemeral) options.onConfigCreated?.(config.name);
    emit({ type: 'config-ready', table: spec.name, config: config.name, created: config.created });
    const configName = config.name;

    step = 'start-run';
    const perTable = pLimit(append ? 1 : Math.max(1, options.maxRunsPerTable ?? DEFAULT_RUNS_PER_TABLE));
    // Literal params (layouts DTS cannot template) are set on the config right before
    // each start; a run keeps the params it started with.
    const starts = pLimit(1);
    const slot = (fn: () => Promise<void>): Promise<void> => (options.runSlots ? options.runSlots(fn) : fn());
    const schedule = { ...DEFAULT_POLL_SCHEDULE, ...options.poll };
    // One live tail of the config's run messages wakes the waits (see run-watch.ts); it is
    // opened before the first run starts and cancelled when the runs are done or on abort.
    const watch = createRunWatch({
      logging: services.logging,
      configName,
      clock,
      onFallback: (message) => emit({ type: 'warning', table: spec.name, message }),
    });
    const closeWatch = () => watch.close();
    signal.addEventListener('abort', closeWatch, { once: true });

    const loadPartition = async (partition: PartitionPlan) => {
      const result = states.get(partition.id)!.result;
      let partitionStep: Step = 'start-run';
      try {
        signal.throwIfAborted();
        const runStartedAt = clock.now();
        result.started_at = runStartedAt.toISOString();
        const start = async (): Promise<TransferRunInfo> => {
          if (!templated) {
            const literal = transferParams(spec, literalTargets(spec, partition), keys);
            await services.dts.updateConfig(
              configName,
              configInput(spec, config!.displayName, literal),
              signal,
            );
          }
          return services.dts.startRun(configName, runTimeOf(partition), signal);
        };
        // A run that FAILED on a quota loaded nothing (DTS picks its files up next time),
        // so it is started again after a pause, a bounded number of times.
        let run: TransferRunInfo | undefined;
        for (let attempt = 1; ; attempt++) {
          partitionStep = 'start-run';
          const started = templated ? await start() : await starts(start);
          result.run_name = started.name;
          emit({ type: 'run-started', table: spec.name, partition: partition.id, run: started.name });
          partitionStep = 'wait';
          ({ run } = await waitForRun(services.dts, started.name, clock, {
            schedule,
            signal,
            signals: watch,
          }));
          if (!failedOnQuota(run) || attempt >= MAX_RUN_ATTEMPTS) break;
          // Jittered, so runs that hit the quota together do not all come back together.
          const base = options.quotaBackoffMs ?? DEFAULT_QUOTA_BACKOFF_MS;
          const pause = backoffDelay(attempt, {
            baseDelayMs: base,
            maxDelayMs: base * 4,
            random: Math.random,
          });
          const text = `${partition.id}: run hit a quota (${run.errorMessage}); starting it again in ${formatMs(pause)}`;
          warnings.push(text);
          emit({ type: 'warning', table: spec.name, message: text });
          await clock.sleep(pause, signal);
        }
        const finishedAt = clock.now();
        result.finished_at = finishedAt.toISOString();
        result.duration_ms = finishedAt.getTime() - runStartedAt.getTime();

        partitionStep = 'verify';
        let messages: { text: string }[] = [];
        let rows: number | undefined;
        if (run.state === 'SUCCEEDED') {
          let logsRead = true;
          try {
            messages = await services.dts.listLogs(run.name, signal);
          } catch (error) {
            if (signal.aborted) throw error;
            logsRead = false;
          }
          if (!saysNoNewFiles(messages)) {
            rows = (await services.bigquery.partitionRows(ref, signal)).get(partition.id) ?? 0;
            if (rows === 0 || !logsRead) {
              // The old framework's second source: DTS writes the same messages to Cloud Logging.
              const configId = configName.split('/').pop() ?? '';
              const runId = run.name.split('/').pop() ?? '';
              try {
                const logged = await services.logging.runMessages(
                  {
                    configId,
                    runId,
                    from: new Date(runStartedAt.getTime() - LOG_WINDOW_MARGIN_MS),
                    to: new Date(finishedAt.getTime() + LOG_WINDOW_MARGIN_MS),
                  },
                  signal,
                );
                messages = [...messages, ...logged];
              } catch (error) {
                if (signal.aborted) throw error;
                warnings.push(`${partition.id}: Cloud Logging could not be read (${errorText(error)})`);
              }
            }
          }
        }
        const decision = decideRun({ run, messages, rows, source: partition.source });
        if (decision.status === 'failed') failedStep ??= decision.step;
        decide(partition.id, { status: decision.status, rows: decision.rows, message: decision.message });
      } catch (error) {
        const message = signal.aborted ? abortMessage() : errorText(error);
        failedStep ??= partitionStep;
        decide(partition.id, { status: 'failed', message: `${partitionStep}: ${message}` });
      }
    };
    try {
      await Promise.all(toLoad.map((partition) => perTable(() => slot(() => loadPartition(partition)))));
    } finally {
      signal.removeEventListener('abort', closeWatch);
      watch.close();
    }
  } catch (error) {
    failedStep ??= step;
    tableFailure = signal.aborted ? abortMessage() : errorText(error);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
    if (config?.ephemeral) {
      try {
        // A fresh signal, not the (possibly aborted) table's: cleanup must run, but boundedly.
        await services.dts.deleteConfig(config.name, AbortSignal.timeout(CLEANUP_TIMEOUT_MS));
        options.onConfigDeleted?.(config.name);
      } catch (error) {
        const text = `could not delete transfer config ${config.name} (${errorText(error)}); \`s3bq janitor\` will remove it`;
        warnings.push(text);
        emit({ type: 'warning', table: spec.name, message: text });
      }
    }
  }
  return finish();

  function finish(): TableResult {
    for (const [id, state] of states) {
      if (!state.decided) {
        failedStep ??= step;
        decide(id, { status: 'failed', message: `${failedStep}: ${tableFailure ?? abortMessage()}` });
      }
    }
    const partitions = [...states.values()].map((state) => state.result);
    const status = tableStatus(partitions);
    const finishedAt = clock.now();
    const result: TableResult = {
      name: spec.name,
      destination: plan.destination,
      status,
      partitions,
      started_at: startedAt.toISOString(),
      finished_at: finishedAt.toISOString(),
      duration_ms: finishedAt.getTime() - startedAt.getTime(),
      message:
        status === 'failed' && tableFailure
          ? `${failedStep}: ${tableFailure}`
          : tableMessage({ partitions }, status),
      ...(status === 'failed' ? { failed_step: failedStep } : {}),
      ...(config ? { config_name: config.name } : {}),
      ...(warnings.length > 0 ? { warnings: [...warnings] } : {}),
      ...(spec.owners.length > 0 ? { owners: spec.owners } : {}),
    };
    return result;
  }
}
