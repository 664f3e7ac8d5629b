// `s3bq plan --markdown --check-source` end to end against the local cloud's S3: a demo
// lake with one partition left out, then the same bucket denied.
import { PassThrough } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import { type LocalCloud, startLocalCloud } from '@s3bq/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { generateDemoLake } from '../../src/demo/lake.js';
import { buildPlan } from '../../src/plan/build.js';
import { loadTableDir } from '../../src/tables/load.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const AT = '2026-11-22T03:17:00Z';
let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud();
  const settings = { location: 'us', maxParallel: 4, timezone: 'UTC' };
  const { tables } = await loadTableDir(`${ROOT}examples/tables`, settings);
  const gold = tables.filter((t) => t.name === 'gold.orders');
  const { planned } = buildPlan({ tables: gold, settings, window: { kind: 'tick', at: new Date(AT) } });
  const s3 = new S3Client({
    region: cloud.env.AWS_REGION,
    endpoint: cloud.env.AWS_ENDPOINT_URL_S3,
    forcePathStyle: true,
    credentials: {
      accessKeyId: cloud.env.AWS_ACCESS_KEY_ID,
      secretAccessKey: cloud.env.AWS_SECRET_ACCESS_KEY,
    },
  });
  await generateDemoLake({
    s3,
    bucket: 'demo-lake',
    planned,
    missing: [{ table: 'gold.orders', partitionId: '20261121' }],
    rowsPerPartition: 5,
  });
  s3.destroy();
});
afterAll(async () => {
  await cloud?.stop();
});

async function plan(): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c));
  const code = await main(
    [
      'plan',
      '--tables',
      `${ROOT}examples/tables`,
      '--only',
      'gold.orders',
      '--at',
      AT,
      '--markdown',
      '--check-source',
    ],
    { env: { ...cloud.env }, cwd: ROOT, stdout, stderr: new PassThrough() },
  );
  return { code, out: Buffer.concat(chunks).toString('utf8') };
}

describe('s3bq plan --markdown --check-source', () => {
  it('tells which partitions have files and which would be skipped', async () => {
    const { code, out } = await plan();
    expect(code).toBe(0);
    expect(out).toMatch(/\| \*\*gold\.orders\*\* .*\| ⚠️ 13 with files, 1 without \|/);
    expect(out).toContain(
      '| `20261121` | `s3://demo-lake/warehouse/gold/orders/dt=2026-11-21/` | ⏭️ no files (would be skipped) |',
    );
    expect(out).toContain('| `20261108` | `s3://demo-lake/warehouse/gold/orders/dt=2026-11-08/` | ✅');
    expect(out).toContain('_…and 3 other partitions, up to `20261121`._');
    expect(out).not.toContain(cloud.env.AWS_SECRET_ACCESS_KEY);
  });

  it('shows a denied bucket as an error, not as missing files', async () => {
    cloud.denyBucket('demo-lake');
    try {
      const { code, out } = await plan();
      expect(code).toBe(0);
      expect(out).toMatch(/\| \*\*gold\.orders\*\* .*\| ❌ access to s3:\/\/demo-lake denied/);
    } finally {
      cloud.allowBucket('demo-lake');
    }
  });
});
