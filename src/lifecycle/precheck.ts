// Step 1: one cheap S3 list per partition. No objects: the partition is skipped and gets
// no run. A missing bucket, denied access or bad keys fail it with what to check. Files
// younger than DTS's visibility delay earn a warning: DTS may not see them yet.
import pLimit from 'p-limit';
import { CloudError } from '../cloud/errors.js';
import type { S3Face, S3Object } from '../cloud/s3.js';
import type { PartitionPlan } from '../plan/types.js';
import { splitS3Uri } from './s3-location.js';

/** DTS sees a file about five minutes after it lands in S3. */
export const DTS_VISIBILITY_DELAY_MS = 5 * 60_000;
const LISTS_IN_FLIGHT = 8;

export type PrecheckResult =
  | {
      partition: PartitionPlan;
      kind: 'files';
      count: number;
      truncated: boolean;
      objects: S3Object[];
      /** Age of the newest file when younger than DTS's visibility delay. */
      youngMs?: number;
    }
  | { partition: PartitionPlan; kind: 'empty' }
  | { partition: PartitionPlan; kind: 'error'; message: string };

export async function precheckPartitions(
  s3: S3Face,
  partitions: readonly PartitionPlan[],
  now: Date,
  signal?: AbortSignal,
): Promise<PrecheckResult[]> {
  const limit = pLimit(LISTS_IN_FLIGHT);
  return Promise.all(
    partitions.map((partition) =>
      limit(async (): Promise<PrecheckResult> => {
        const { bucket, prefix } = splitS3Uri(partition.source);
        try {
          const listing = await s3.listPrefix(bucket, prefix, signal);
          if (listing.count === 0) return { partition, kind: 'empty' };
          const age = listing.newest ? now.getTime() - listing.newest.getTime() : Number.POSITIVE_INFINITY;
          return {
            partition,
            kind: 'files',
            count: listing.count,
            truncated: listing.truncated,
            objects: listing.objects,
            ...(age < DTS_VISIBILITY_DELAY_MS ? { youngMs: Math.max(0, age) } : {}),
          };
        } catch (error) {
          if (signal?.aborted) throw error;
          const message = error instanceof CloudError ? error.message : String(error);
          return { partition, kind: 'error', message: `S3 check of ${partition.source} failed: ${message}` };
        }
      }),
    ),
  );
}

/** One warning for all partitions whose files may still be invisible to DTS. */
export function youngFilesWarning(checks: readonly PrecheckResult[]): string | undefined {
  const young = checks.flatMap((check) =>
    check.kind === 'files' && check.youngMs !== undefined ? [check] : [],
  );
  if (young.length === 0) return undefined;
  const newest = Math.min(...young.map((check) => check.youngMs ?? 0));
  const ids = young.map((check) => check.partition.id);
  const listed = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
  return (
    `files younger than DTS's ~5-minute visibility delay in ${ids.length} partition(s) (${listed}; newest ` +
    `${Math.round(newest / 1000)} s old): DTS may not see them yet and could load an incomplete partition`
  );
}
