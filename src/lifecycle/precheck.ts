// Step 1: one S3 listing per partition before anything is created. No files: the
// partition is skipped and gets no run. Only empty files: skipped too, with a warning —
// a WRITE_TRUNCATE load of them would wipe the partition's rows. A missing bucket, denied
// access or bad keys fail the partition with what to check. The newest file's age tells
// the settle step whether DTS can see everything yet.
import pLimit from 'p-limit';
import type { PrefixListing, S3Face, S3Object } from '../cloud/s3.js';
import type { PartitionPlan } from '../plan/types.js';

const LISTS_IN_FLIGHT = 8;
/** Pages of 1,000 keys read per partition: the newest file must be known, not guessed. */
const PRECHECK_MAX_PAGES = 10;

export type PrefixCheck =
  | {
      kind: 'files';
      count: number;
      /** More than PRECHECK_MAX_PAGES pages of keys: counts and newest are a lower bound. */
      truncated: boolean;
      /** The first page's objects, for reading a schema. */
      objects: S3Object[];
      newest?: Date | undefined;
      /** When the listing was taken. */
      listedAt: Date;
    }
  | { kind: 'empty' }
  | { kind: 'empty-files'; count: number }
  /** `message` names the source; `reason` is S3's answer alone. */
  | { kind: 'error'; message: string; reason: string };

export type PrecheckResult = PrefixCheck & { partition: PartitionPlan };

function classify(listing: PrefixListing, listedAt: Date): PrefixCheck {
  if (listing.count === 0) return { kind: 'empty' };
  if (listing.nonEmpty === 0 && !listing.truncated) return { kind: 'empty-files', count: listing.count };
  return {
    kind: 'files',
    count: listing.count,
    truncated: listing.truncated,
    objects: listing.objects,
    newest: listing.newest,
    listedAt,
  };
}

/** What S3 holds under one partition's prefix; failures become a value, aborts propagate. */
export async function checkPrefix(
  s3: Pick<S3Face, 'listPrefix'>,
  { bucket, prefix, source }: Pick<PartitionPlan, 'bucket' | 'prefix' | 'source'>,
  now: () => Date,
  signal?: AbortSignal,
): Promise<PrefixCheck> {
  try {
    const listing = await s3.listPrefix(bucket, prefix, signal, { maxPages: PRECHECK_MAX_PAGES });
    return classify(listing, now());
  } catch (error) {
    if (signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'error', message: `S3 check of ${source} failed: ${reason}`, reason };
  }
}

export async function precheckPartitions(
  s3: S3Face,
  partitions: readonly PartitionPlan[],
  now: () => Date,
  signal?: AbortSignal,
): Promise<PrecheckResult[]> {
  const limit = pLimit(LISTS_IN_FLIGHT);
  return Promise.all(
    partitions.map((partition) =>
      limit(async () => ({ partition, ...(await checkPrefix(s3, partition, now, signal)) })),
    ),
  );
}
