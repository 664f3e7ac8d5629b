// Generated table files and their S3 data for the benchmarks that run transfers: small
// CSV tables (one file of a few rows per partition) so the figures show the pipeline's
// own cost, not the cost of moving bytes. The lake is aged an hour once written, as a
// real lake's files are by tick time: the pipeline waits for a partition's newest file to
// be older than DTS's visibility delay (5 minutes) before running it, and the local cloud
// hides younger files from runs, so a lake written a second ago would make every
// partition wait those 5 minutes.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import { loadPlan, parseSelectors } from '../src/cli/selectors.js';
import { createS3Client } from '../src/cloud/s3.js';
import type { PlannedRequest } from '../src/pipeline/plan.js';
import type { PlannedTable } from '../src/plan/types.js';

const BENCH_BUCKET = 'bench-lake';
const UPLOADS_AT_ONCE = 8;
/** How old the lake's files look to S3 listings and to DTS: well past the visibility delay. */
export const LAKE_AGE_MS = 60 * 60_000;
const UPLOAD_TIMEOUT_MS = 30_000;

/** `bench.t_007` style names, zero-padded so listings sort. */
export function benchTableName(i: number): string {
  return `bench.t_${String(i).padStart(3, '0')}`;
}

/**
 * Writes `count` table files under `<cwd>/tables`, each planning `partitions` daily
 * partitions per tick (lookback), and returns nothing: plan them with `planBenchTables`.
 */
export async function writeBenchTables(cwd: string, count: number, partitions: number): Promise<void> {
  await mkdir(join(cwd, 'tables'), { recursive: true });
  await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const name = benchTableName(i);
      const file = {
        source: `s3://${BENCH_BUCKET}/${name.replace('.', '/')}`,
        format: 'CSV',
        schema: [
          { name: 'id', type: 'INTEGER' },
          { name: 'name', type: 'STRING' },
        ],
        csv: { skip_leading_rows: 1 },
        lookback_days: partitions,
      };
      return writeFile(join(cwd, 'tables', `${name}.json`), JSON.stringify(file, null, 2));
    }),
  );
}

/** The plan `s3bq run --at AT` will make over those files. */
export function planBenchTables(cwd: string, env: NodeJS.ProcessEnv, at: string): Promise<PlannedRequest> {
  return loadPlan({ cwd, env }, parseSelectors({ tables: 'tables', at }));
}

/** One small CSV file in every planned partition, so every run loads rows; aged by `age`. */
export async function writeBenchLake(
  env: NodeJS.ProcessEnv,
  planned: readonly PlannedTable[],
  age: (ageMs: number) => Promise<number>,
): Promise<number> {
  const s3 = createS3Client({ env });
  try {
    await s3
      .send(new CreateBucketCommand({ Bucket: BENCH_BUCKET }), {
        abortSignal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
      })
      .catch((error: { name?: string }) => {
        if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error;
      });
    const limit = pLimit(UPLOADS_AT_ONCE);
    const uploads = planned.flatMap((table) =>
      table.plan.partitions.map((partition) =>
        limit(async () => {
          const key = `${partition.source.replace(`s3://${BENCH_BUCKET}/`, '')}part-0.csv`;
          const rows = ['id,name', ...Array.from({ length: 10 }, (_, i) => `${i},row${i}`)].join('\n');
          await s3.send(new PutObjectCommand({ Bucket: BENCH_BUCKET, Key: key, Body: `${rows}\n` }), {
            abortSignal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
          });
        }),
      ),
    );
    await Promise.all(uploads);
    const aged = await age(LAKE_AGE_MS);
    if (aged < uploads.length) throw new Error(`${uploads.length} files written, only ${aged} aged`);
    return uploads.length;
  } finally {
    s3.destroy();
  }
}
