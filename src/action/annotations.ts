// Annotations on the run page: a notice for skipped partitions, an error with DTS's own
// message for failures, titled with the table. One of each per table at most, because
// GitHub shows only 10 of each kind per step.
import type { TableResult } from '../lifecycle/outcome.js';

export interface Annotator {
  notice(message: string, properties: { title: string }): void;
  error(message: string, properties: { title: string }): void;
}

/** How many partition ids a notice lists before summarising the rest. */
const MAX_LISTED_PARTITIONS = 20;

function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, MAX_LISTED_PARTITIONS).join(', ');
  return ids.length > MAX_LISTED_PARTITIONS
    ? `${shown} and ${ids.length - MAX_LISTED_PARTITIONS} more`
    : shown;
}

export function annotateResult(
  result: TableResult,
  annotator: Annotator,
  scrub: (text: string) => string,
): void {
  const title = result.name;
  if (result.status === 'failed') {
    const failed = result.partitions.filter((partition) => partition.status === 'failed');
    const message =
      result.message ??
      failed.find((partition) => partition.message)?.message ??
      'The load failed; see the job log.';
    // Name the step and the partitions unless the message already does.
    const step =
      result.failed_step && !message.includes(result.failed_step) ? ` (step: ${result.failed_step})` : '';
    const unnamed = failed.map((partition) => partition.id).filter((id) => !message.includes(id));
    const where = unnamed.length > 0 ? ` Partitions: ${listIds(unnamed)}.` : '';
    annotator.error(scrub(`${message}${step}${where}`), { title });
  }
  if (result.partitions.some((partition) => partition.would_load_files !== undefined)) {
    // A dry run skipped nothing: it says what a run would do.
    annotator.notice(scrub(result.message ?? 'dry run'), { title });
    return;
  }
  const skipped = result.partitions.filter((partition) => partition.status === 'skipped');
  if (skipped.length > 0 || result.status === 'skipped') {
    const why = skipped.find((partition) => partition.message)?.message ?? result.message ?? 'no files in S3';
    const ids = skipped.length > 0 ? `${listIds(skipped.map((partition) => partition.id))}: ` : '';
    annotator.notice(scrub(`Skipped ${ids}${why}`), { title });
  }
}
