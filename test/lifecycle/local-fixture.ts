// Test fixture: the local cloud, a temp folder of table files, S3 objects, and a plan
// built the way `s3bq run` builds it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { type LocalCloud, type LocalCloudOptions, startLocalCloud } from '@s3bq/local-cloud';
import { loadPlan, parseSelectors } from '../../src/cli/selectors.js';
import { createS3Client } from '../../src/cloud/s3.js';
import type { LifecycleTiming } from '../../src/lifecycle/types.js';
import type { PlannedRequest } from '../../src/pipeline/plan.js';

/**
 * The local cloud hides a new file from transfer runs for this long, as DTS does for about
 * five minutes; the lifecycle waits the same time (QUICK_TIMING). Real relations, short times.
 */
export const VISIBILITY_MS = 300;

/** Lifecycle waits shrunk to the local cloud's pace. */
export const QUICK_TIMING: Partial<LifecycleTiming> = {
  poll: { initialMs: 50, factor: 1.5, capMs: 300 },
  visibilityDelayMs: VISIBILITY_MS,
  settleTimeoutMs: 5_000,
  busyRetryMs: 200,
  quotaBackoffMs: 200,
  admission: { pollMs: 100, claimTtlMs: 10_000, renewMs: 2_000 },
};

export interface Fixture {
  cloud: LocalCloud;
  cwd: string;
  env: NodeJS.ProcessEnv;
  writeTable(name: string, file: Record<string, unknown>): Promise<void>;
  putObject(bucket: string, key: string, body: string | Uint8Array): Promise<void>;
  createBucket(bucket: string): Promise<void>;
  /**
   * Makes every file written so far an hour old: for a run with DTS's real five-minute
   * visibility delay (the CLI, the action), which would otherwise wait for them.
   */
  age(): Promise<void>;
  plan(selectors: { at?: string; from?: string; to?: string; only?: string }): Promise<PlannedRequest>;
  stop(): Promise<void>;
}

export async function startFixture(options: LocalCloudOptions = {}): Promise<Fixture> {
  const cloud = await startLocalCloud({
    runSeconds: 0.2,
    fileVisibilitySeconds: VISIBILITY_MS / 1000,
    ...options,
  });
  const cwd = await mkdtemp(join(tmpdir(), 's3bq-lifecycle-'));
  await mkdir(join(cwd, 'tables'));
  const env: NodeJS.ProcessEnv = { ...cloud.env, TZ: 'UTC' };
  const s3 = createS3Client({ env });
  return {
    cloud,
    cwd,
    env,
    async writeTable(name, file) {
      await writeFile(join(cwd, 'tables', `${name}.json`), JSON.stringify(file, null, 2));
    },
    async age() {
      await cloud.backdateObjects(60 * 60_000);
    },
    async createBucket(bucket) {
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    },
    async putObject(bucket, key, body) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    },
    async plan(selectors) {
      return loadPlan({ cwd, env }, parseSelectors({ tables: 'tables', ...selectors }));
    },
    async stop() {
      s3.destroy();
      await cloud.stop();
      await rm(cwd, { recursive: true, force: true });
    },
  };
}

export const CSV_SCHEMA = [
  { name: 'id', type: 'INTEGER' },
  { name: 'name', type: 'STRING' },
];

export function csvRows(count: number, offset = 0): string {
  const lines = ['id,name'];
  for (let i = 0; i < count; i++) lines.push(`${offset + i},row${offset + i}`);
  return `${lines.join('\n')}\n`;
}

/** A CSV table file with a header row and the test schema. */
export function csvTable(source: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { source, format: 'CSV', schema: CSV_SCHEMA, csv: { skip_leading_rows: 1 }, ...extra };
}
