// Every outcome decided in one place: a partition from its precheck, its run and its
// verification; a table from its partitions. Pure functions over values.
import type { TransferRunInfo } from '../cloud/dts.js';
import type { PartitionResult, Status, Step, TableResult } from './outcome.js';

/** DTS's own words when a run found nothing to load. */
const NO_NEW_FILES = /no new files found/i;

export function saysNoNewFiles(messages: readonly { text: string }[]): boolean {
  return messages.some((message) => NO_NEW_FILES.test(message.text));
}

export interface RunEvidence {
  run: TransferRunInfo;
  /** The run's transfer logs (first source) and Cloud Logging (second source). */
  messages: readonly { text: string }[];
  /** Rows in the partition after the run; undefined when not verified. */
  rows?: number | undefined;
  /** Rows in the partition before this tick. */
  rowsBefore?: number | undefined;
  /** The source of the data, for messages. */
  source: string;
  /** A WRITE_APPEND partition: "no new files" means everything was appended already. */
  append?: boolean | undefined;
}

export type PartitionDecision = Pick<PartitionResult, 'status' | 'rows' | 'message'> & {
  step?: Step | undefined;
  /** Worth a line in the summary's warnings too. */
  warning?: string | undefined;
};

/** A load that leaves fewer than this share of a partition's rows is called out. */
const ROW_DROP_WARNING_SHARE = 0.5;

export function decideRun(evidence: RunEvidence): PartitionDecision {
  const { run } = evidence;
  if (run.state === 'FAILED' || run.state === 'CANCELLED') {
    const why =
      run.errorMessage ?? (run.state === 'CANCELLED' ? 'the run was cancelled' : 'DTS gave no reason');
    return { status: 'failed', step: 'wait', message: `transfer run ${run.state}: ${why}` };
  }
  if (run.state !== 'SUCCEEDED') {
    return { status: 'failed', step: 'wait', message: `transfer run ended in unexpected state ${run.state}` };
  }
  if (saysNoNewFiles(evidence.messages)) {
    return {
      status: 'skipped',
      message: evidence.append
        ? `no new files under ${evidence.source} since this partition's last append`
        : `DTS found no new files under ${evidence.source}`,
    };
  }
  if (evidence.rows === undefined) {
    return {
      status: 'failed',
      step: 'verify',
      message: 'the run succeeded but its rows could not be counted',
    };
  }
  const before = evidence.rowsBefore ?? 0;
  if (!evidence.append && before > 0 && evidence.rows < before * ROW_DROP_WARNING_SHARE) {
    const message = `the partition went from ${before} to ${evidence.rows} rows: check the files under ${evidence.source}`;
    return { status: 'loaded', rows: evidence.rows, message, warning: message };
  }
  if (evidence.rows > 0) return { status: 'loaded', rows: evidence.rows };
  return {
    status: 'loaded',
    rows: 0,
    message: 'the run succeeded but the partition holds no rows (are the files empty?)',
  };
}

/** A table's status from its partitions: any failure fails it; any load makes it loaded. */
export function tableStatus(partitions: readonly Pick<PartitionResult, 'status'>[]): Status {
  if (partitions.some((p) => p.status === 'failed')) return 'failed';
  if (partitions.some((p) => p.status === 'loaded')) return 'loaded';
  return 'skipped';
}

/** The table's overall message: its first failure, or why it was skipped. */
export function tableMessage(result: Pick<TableResult, 'partitions'>, status: Status): string | undefined {
  if (status === 'failed') {
    const failed = result.partitions.find((p) => p.status === 'failed');
    return failed?.message ? `${failed.id}: ${failed.message}` : undefined;
  }
  const wouldLoad = result.partitions.filter((p) => p.would_load_files !== undefined);
  if (wouldLoad.length > 0) return dryRunMessage(result.partitions.length, wouldLoad);
  if (status === 'skipped') {
    if (result.partitions.length === 0) return 'nothing planned';
    return result.partitions.every((p) => p.message === result.partitions[0]?.message)
      ? result.partitions[0]?.message
      : 'no partition had files to load';
  }
  const skipped = result.partitions.filter((p) => p.status === 'skipped').map((p) => p.id);
  return skipped.length > 0 ? `skipped (no files): ${skipped.join(', ')}` : undefined;
}

function dryRunMessage(
  planned: number,
  wouldLoad: readonly Pick<PartitionResult, 'would_load_files'>[],
): string {
  const files = wouldLoad.reduce((sum, p) => sum + (p.would_load_files ?? 0), 0);
  const rest = planned - wouldLoad.length;
  return `dry run: ${wouldLoad.length} partition(s) would load (${files} file(s))${rest > 0 ? `, ${rest} would not` : ''}`;
}
