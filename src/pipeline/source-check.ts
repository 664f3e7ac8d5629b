// Whether S3 has files for each planned partition, for the plan's Markdown (the PR
// comment): the lifecycle's own prefix check on each partition, a few at a time, each
// failure recorded rather than thrown. Credentials and endpoint come from the environment
// (a list-only key is enough).
import pLimit from 'p-limit';
import { DEFAULT_DEADLINES } from '../cloud/deadlines.js';
import { DEFAULT_RETRY_POLICY, realSleep } from '../cloud/retry.js';
import { createS3Client, createS3Face, type S3Face } from '../cloud/s3.js';
import { secretsFrom } from '../cloud/secrets.js';
import { checkPrefix } from '../lifecycle/precheck.js';
import type { PartitionPlan, Plan } from '../plan/types.js';
import type { SourceCheck } from '../report/plan-markdown.js';

/** Listings at once: enough to be quick, few enough to stay polite to S3. */
const CONCURRENCY = 8;
/** A PR comment need not check a ten-year backfill: the first partitions of each table. */
const MAX_CHECKED_PER_TABLE = 48;

/** The S3 face for a plan check: src/cloud's, with fewer retries than a load (a PR check should answer quickly). */
export function createSourceS3(env: NodeJS.ProcessEnv): S3Face {
  return createS3Face({
    client: createS3Client({ env }),
    timeoutMs: DEFAULT_DEADLINES.s3Ms,
    retry: { ...DEFAULT_RETRY_POLICY, retries: 2, sleep: realSleep, secrets: secretsFrom(env) },
  });
}

export async function checkSources(
  plan: Plan,
  s3: Pick<S3Face, 'listPrefix'>,
  signal?: AbortSignal,
): Promise<Map<string, SourceCheck>> {
  const partitions = new Map<string, PartitionPlan>();
  for (const table of plan.tables) {
    for (const partition of table.partitions.slice(0, MAX_CHECKED_PER_TABLE))
      partitions.set(partition.source, partition);
  }
  const limit = pLimit(CONCURRENCY);
  const checked = await Promise.all(
    [...partitions.values()].map((partition) =>
      limit(async (): Promise<[string, SourceCheck]> => {
        const check = await checkPrefix(s3, partition, () => new Date(), signal);
        if (check.kind === 'error') return [partition.source, { error: check.reason }];
        return [partition.source, { objects: check.kind === 'empty' ? 0 : check.count }];
      }),
    ),
  );
  return new Map(checked);
}
