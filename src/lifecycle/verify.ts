// Step 7: what a finished run really did, from two sources as the design this replaces
// did: the run's transfer log (DTS's own words, e.g. "No new files found") and the rows
// the partition holds in BigQuery. When the partition shows no rows or the log cannot be
// read, Cloud Logging's copy of the run's messages is the second source. After an append
// run, a second look at S3 tells whether files landed while the run was starting.
import type { TransferRunInfo } from '../cloud/dts.js';
import type { PartitionPlan } from '../plan/types.js';
import type { TableContext } from './context.js';
import { saysNoNewFiles } from './decide.js';
import { errorText } from './format.js';
import { checkPrefix } from './precheck.js';
import type { TableTarget } from './table.js';

/** Cloud Logging entries of a run are searched this far around its start and end. */
const LOG_WINDOW_MARGIN_MS = 10 * 60_000;

export interface RunEvidenceOf {
  messages: { text: string }[];
  /** Rows in the partition after the run; undefined when not counted. */
  rows?: number | undefined;
}

export async function verifyRun(
  ctx: TableContext,
  target: TableTarget,
  partition: PartitionPlan,
  configName: string,
  run: TransferRunInfo,
): Promise<RunEvidenceOf> {
  if (run.state !== 'SUCCEEDED') return { messages: [] };
  const { services, signal } = ctx;
  let messages: { text: string }[] = [];
  let logsRead = true;
  try {
    messages = await services.dts.listLogs(run.name, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    logsRead = false;
  }
  if (saysNoNewFiles(messages)) return { messages };
  const rows = (await services.bigquery.partitionRows(target.ref, signal)).get(partition.id) ?? 0;
  if (rows === 0 || !logsRead) messages.push(...(await loggedMessages(ctx, partition, configName, run)));
  return { messages, rows };
}

/** The run's messages in Cloud Logging; a failure to read them is a warning, not a failure. */
async function loggedMessages(
  ctx: TableContext,
  partition: PartitionPlan,
  configName: string,
  run: TransferRunInfo,
): Promise<{ text: string }[]> {
  const started = run.startTime ?? run.runTime ?? ctx.clock.now();
  const ended = run.endTime ?? ctx.clock.now();
  try {
    return await ctx.services.logging.runMessages(
      {
        configId: configName.split('/').pop() ?? '',
        runId: run.name.split('/').pop() ?? '',
        from: new Date(started.getTime() - LOG_WINDOW_MARGIN_MS),
        to: new Date(ended.getTime() + LOG_WINDOW_MARGIN_MS),
      },
      ctx.signal,
    );
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    ctx.warn(`${partition.id}: Cloud Logging could not be read (${errorText(error)})`);
    return [];
  }
}

/**
 * After an append run: files newer than the pre-run check may have landed while the run
 * started. Whether DTS's cut-off counts them is not documented, so they may never be
 * appended: say so, naming the partition, rather than stay silent.
 */
export async function warnLateArrivals(
  ctx: TableContext,
  partition: PartitionPlan,
  checkedAt: Date,
): Promise<void> {
  const check = await checkPrefix(ctx.services.s3, partition, () => ctx.clock.now(), ctx.signal);
  if (check.kind !== 'files' || !check.newest || check.newest <= checkedAt) return;
  ctx.warn(
    `${partition.id}: files landed under ${partition.source} while its append run was starting (newest ` +
      `${check.newest.toISOString()}, after the check at ${checkedAt.toISOString()}); DTS may never append ` +
      'a file it could not see yet: compare the partition with S3, and let writers finish before the tick',
  );
}
