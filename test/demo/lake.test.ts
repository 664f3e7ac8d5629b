// The demo lake written through the official S3 client into the local S3, for the example
// tables: files per partition in each table's format and layout, values inside their
// partition, a missing partition left out, Parquet readable by hyparquet, and determinism.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { FaultRegistry, type S3Emulator, startS3Emulator } from '@s3bq/local-cloud';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parquetSchemaToBigQuery } from '../../src/cloud/parquet-schema.js';
import { type DemoLakeResult, generateDemoLake } from '../../src/demo/lake.js';
import { encodeParquet } from '../../src/demo/lake-files.js';
import { generateRow, seededRandom } from '../../src/demo/lake-values.js';
import { buildPlan } from '../../src/plan/build.js';
import type { PlannedTable } from '../../src/plan/types.js';
import { loadTableDir } from '../../src/tables/load.js';
import type { SchemaField } from '../../src/tables/types.js';

const KEYS = { accessKeyId: 'AKIDEMOLAKE000000000', secretAccessKey: 'demo-lake-secret-key-for-tests-only' };
let dataDir: string;
let s3Server: S3Emulator;
let s3: S3Client;
let planned: PlannedTable[];
let result: DemoLakeResult;

const AT = new Date('2026-11-21T06:00:00Z');

async function listKeys(bucket: string, prefix: string): Promise<{ key: string; etag: string }[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((object) => ({ key: object.Key ?? '', etag: object.ETag ?? '' }));
}

async function getBytes(bucket: string, key: string): Promise<Uint8Array> {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return object.Body!.transformToByteArray();
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 's3bq-demo-lake-'));
  s3Server = await startS3Emulator({ dataDir, credentials: [KEYS], faults: new FaultRegistry() });
  s3 = new S3Client({
    endpoint: s3Server.url,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: KEYS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  const settings = { location: 'us', maxParallel: 10, timezone: 'UTC', project: 'demo-project' };
  const { tables, diagnostics } = await loadTableDir('examples/tables', settings);
  expect(diagnostics).toEqual([]);
  planned = buildPlan({ tables, settings, window: { kind: 'tick', at: AT } }).planned;
  result = await generateDemoLake({
    s3,
    bucket: 'demo-lake',
    planned,
    missing: [{ table: 'gold.orders', partitionId: '20261115' }],
    rowsPerPartition: 40,
    seed: 7,
  });
}, 60_000);

afterAll(async () => {
  s3?.destroy();
  await s3Server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function tablePlan(name: string): PlannedTable {
  const table = planned.find((candidate) => candidate.spec.name === name);
  if (!table) throw new Error(`no planned table ${name}`);
  return table;
}

describe('demo lake', () => {
  it('writes 1–2 files for every planned partition except the missing one, and counts them', async () => {
    const partitions = planned.reduce((sum, table) => sum + table.plan.partitions.length, 0);
    expect(result.files).toBeGreaterThanOrEqual(partitions - 1);
    expect(result.files).toBeLessThanOrEqual(2 * (partitions - 1));
    expect(result.rows).toBe(40 * (partitions - 1));
    expect(result.bytes).toBeGreaterThan(0);
    expect(result.skippedTables).toEqual([]);
    const all = await listKeys('demo-lake', '');
    expect(all).toHaveLength(result.files);
  });

  it('leaves the missing partition without files', async () => {
    const orders = tablePlan('gold.orders');
    const missing = orders.plan.partitions.find((partition) => partition.id === '20261115')!;
    expect(await listKeys('demo-lake', missing.source.replace('s3://demo-lake/', ''))).toEqual([]);
    const present = orders.plan.partitions.find((partition) => partition.id === '20261116')!;
    expect(
      (await listKeys('demo-lake', present.source.replace('s3://demo-lake/', ''))).length,
    ).toBeGreaterThan(0);
  });

  it('writes Parquet that hyparquet reads back: built-in columns, created_at inside the partition', async () => {
    const [first] = await listKeys('demo-lake', 'warehouse/gold/orders/dt=2026-11-20/');
    expect(first?.key).toMatch(/part-00000\.parquet$/);
    const bytes = await getBytes('demo-lake', first!.key);
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const rows = await parquetReadObjects({ file });
    expect(rows.length).toBeGreaterThan(0);
    const row = rows[0]!;
    expect(Object.keys(row)).toEqual([
      'order_id',
      'customer_id',
      'amount',
      'currency',
      'status',
      'created_at',
    ]);
    expect(typeof row.customer_id).toBe('bigint');
    expect(typeof row.amount).toBe('number');
    for (const each of rows) {
      const created = each.created_at as Date;
      expect(created.toISOString().slice(0, 10)).toBe('2026-11-20');
    }
  });

  it('writes an HOUR table under dt=…/hour=H with timestamps in that hour', async () => {
    const clicks = tablePlan('raw.clickstream');
    expect(clicks.plan.partitions).toHaveLength(24);
    const [object] = await listKeys('demo-lake', 'events/raw/clickstream/dt=2026-11-20/hour=7/');
    const bytes = await getBytes('demo-lake', object!.key);
    const rows = await parquetReadObjects({
      file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    });
    for (const row of rows) expect((row.created_at as Date).toISOString().slice(0, 13)).toBe('2026-11-20T07');
  });

  it('writes CSV with a header row, in the custom layout, the DATE partition field inside the partition', async () => {
    const [object] = await listKeys('demo-lake', 'vendors/finance/fx_rates/year=2026/month=11/day=19/');
    expect(object?.key).toMatch(/\.csv$/);
    const lines = new TextDecoder()
      .decode(await getBytes('demo-lake', object!.key))
      .trim()
      .split('\n');
    expect(lines[0]).toBe('rate_date,base_currency,quote_currency,rate,published_at');
    const cells = lines[1]!.split(',');
    expect(cells[0]).toBe('2026-11-19');
    expect(cells[1]).toMatch(/^[A-Z]{3}$/);
    expect(Number(cells[3])).toBeGreaterThan(0);
  });

  it('encodes a declared schema to Parquet types BigQuery maps back to the same schema', async () => {
    const fields: SchemaField[] = [
      { name: 'event_date', type: 'DATE', mode: 'REQUIRED' },
      { name: 'price', type: 'NUMERIC', mode: 'REQUIRED' },
      { name: 'paid', type: 'BOOLEAN', mode: 'REQUIRED' },
      { name: 'note', type: 'STRING' },
      { name: 'seen_at', type: 'TIMESTAMP' },
    ];
    const window = { start: new Date('2026-11-20T00:00:00Z'), end: new Date('2026-11-21T00:00:00Z') };
    const random = seededRandom(1);
    const rows = Array.from({ length: 5 }, (_, rowIndex) =>
      generateRow(fields, random, { rowIndex, partitionId: '20261120', window }),
    );
    const bytes = encodeParquet(fields, rows);
    expect(
      parquetSchemaToBigQuery(
        parquetSchema(
          parquetMetadata(
            bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
          ),
        ),
      ).map(({ name, type }) => ({ name, type })),
    ).toEqual(fields.map(({ name, type }) => ({ name, type })));
    const read = await parquetReadObjects({ file: bytes.buffer.slice(0) as ArrayBuffer });
    expect((read[0]!.event_date as Date).toISOString().slice(0, 10)).toBe('2026-11-20');
    expect(Number(read[0]!.price)).toBeCloseTo(rows[0]!.price as number, 2);
  });

  it('is deterministic: the same seed writes byte-identical files', async () => {
    const before = await listKeys('demo-lake', '');
    const again = await generateDemoLake({
      s3,
      bucket: 'demo-lake',
      planned,
      missing: [{ table: 'gold.orders', partitionId: '20261115' }],
      rowsPerPartition: 40,
      seed: 7,
    });
    expect(again.uris).toEqual(result.uris);
    expect(await listKeys('demo-lake', '')).toEqual(before);
  });
});
