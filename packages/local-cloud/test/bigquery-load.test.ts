// Load-job semantics of the local BigQuery's warehouse, driven through `warehouse.load`
// (the seam local DTS runs use) and read back through the official client: partition
// replace vs whole table, append, decorators, bad records, unknown values, types, quotas.
import { BigQuery } from '@google-cloud/bigquery';
import { PassThroughClient } from 'google-auth-library';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BigQueryEmulator, startBigQueryEmulator } from '../src/bigquery/index.js';
import { FaultRegistry } from '../src/faults.js';
import { LoadJobError, type LoadJobRequest } from '../src/warehouse-contract.js';

const PROJECT = 'load-project';
let now = new Date('2026-11-21T10:30:00Z');
let emulator: BigQueryEmulator;
let bigquery: BigQuery;

const CSV_DEFAULTS = {
  fieldDelimiter: ',',
  skipLeadingRows: 0,
  allowQuotedNewlines: false,
  allowJaggedRows: false,
};

function load(
  tableId: string,
  format: LoadJobRequest['format'],
  text: string | Uint8Array,
  extra: Partial<LoadJobRequest> = {},
) {
  const body = typeof text === 'string' ? Buffer.from(text) : text;
  return emulator.warehouse.load({
    projectId: PROJECT,
    datasetId: 'lake',
    tableId,
    format,
    files: [{ uri: `s3://bucket/${tableId}/part-0`, body }],
    writeDisposition: 'WRITE_TRUNCATE',
    maxBadRecords: 0,
    ignoreUnknownValues: false,
    csv: CSV_DEFAULTS,
    ...extra,
  });
}

async function loadError(promise: Promise<unknown>): Promise<LoadJobError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LoadJobError) return error;
    throw error;
  }
  throw new Error('expected the load job to fail');
}

async function partitions(tableId: string): Promise<Record<string, number>> {
  const [rows] = await bigquery.query({
    query: `SELECT partition_id, total_rows FROM \`${PROJECT}.lake.INFORMATION_SCHEMA.PARTITIONS\` WHERE table_name = @t`,
    params: { t: tableId },
  });
  return Object.fromEntries(rows.map((row) => [row.partition_id, row.total_rows]));
}

async function rowsOf(tableId: string): Promise<Record<string, unknown>[]> {
  const [rows] = await bigquery.dataset('lake').table(tableId).getRows();
  return rows as Record<string, unknown>[];
}

beforeAll(async () => {
  emulator = await startBigQueryEmulator({
    faults: new FaultRegistry(),
    projectId: PROJECT,
    clock: () => now,
    quotas: { loadJobsPerDay: 5_000 },
  });
  bigquery = new BigQuery({
    apiEndpoint: emulator.url,
    projectId: PROJECT,
    authClient: new PassThroughClient() as never,
  });
  await bigquery.createDataset('lake');
});
afterAll(async () => {
  await emulator.stop();
});

describe('destination', () => {
  it('refuses a missing table with BigQuery’s notFound', async () => {
    const error = await loadError(load('nowhere$20261120', 'CSV', 'a\n'));
    expect(error.reason).toBe('notFound');
    expect(error.grpcCode).toBe(5);
    expect(error.message).toBe(`Not found: Table ${PROJECT}:lake.nowhere`);
  });

  it('refuses a table without a schema', async () => {
    await bigquery.dataset('lake').createTable('schemaless', {});
    const error = await loadError(load('schemaless', 'CSV', 'a\n'));
    expect(error.reason).toBe('invalid');
    expect(error.message).toContain('has no schema');
  });

  it('reports where a dataset lives, or that it does not exist', () => {
    expect(emulator.warehouse.datasetLocation(PROJECT, 'lake')).toBe('us');
    expect(emulator.warehouse.datasetLocation(PROJECT, 'other')).toBeUndefined();
  });
});

describe('ingestion-time tables', () => {
  beforeAll(async () => {
    await bigquery
      .dataset('lake')
      .createTable('ingest', { schema: 'v:string', timePartitioning: { type: 'DAY' } });
    await bigquery
      .dataset('lake')
      .createTable('ingest_hourly', { schema: 'v:string', timePartitioning: { type: 'HOUR' } });
  });

  it('WRITE_TRUNCATE into $YYYYMMDD replaces that partition only', async () => {
    await load('ingest$20261119', 'CSV', 'a\nb\n');
    await load('ingest$20261120', 'CSV', 'c\n');
    expect(await partitions('ingest')).toEqual({ '20261119': 2, '20261120': 1 });
    const result = await load('ingest$20261119', 'CSV', 'z\n');
    expect(result).toEqual({ rowsLoaded: 1, badRecords: 0, partitions: ['20261119'] });
    expect(await partitions('ingest')).toEqual({ '20261119': 1, '20261120': 1 });
  });

  it('WRITE_APPEND appends to the partition', async () => {
    await load('ingest$20261120', 'CSV', 'd\ne\n', { writeDisposition: 'WRITE_APPEND' });
    expect(await partitions('ingest')).toEqual({ '20261119': 1, '20261120': 3 });
  });

  it('a plain name with WRITE_TRUNCATE replaces the whole table, into the load time’s partition', async () => {
    await load('ingest', 'CSV', 'only\n');
    expect(await partitions('ingest')).toEqual({ '20261121': 1 });
  });

  it('an hourly table takes $YYYYMMDDHH and refuses a day decorator', async () => {
    await load('ingest_hourly$2026112003', 'CSV', 'x\n');
    expect(await partitions('ingest_hourly')).toEqual({ '2026112003': 1 });
    const error = await loadError(load('ingest_hourly$20261120', 'CSV', 'x\n'));
    expect(error.reason).toBe('invalid');
    expect(error.message).toContain('partitioned by HOUR');
    const bad = await loadError(load('ingest$2026112099', 'CSV', 'x\n'));
    expect(bad.message).toContain('Invalid partition decorator');
  });
});

describe('column-partitioned tables', () => {
  beforeAll(async () => {
    await bigquery.dataset('lake').createTable('by_day', {
      schema: 'id:integer,dt:date',
      timePartitioning: { type: 'DAY', field: 'dt' },
    });
    await bigquery.dataset('lake').createTable('by_hour', {
      schema: 'id:integer,ts:timestamp',
      timePartitioning: { type: 'HOUR', field: 'ts' },
    });
  });

  it('routes rows by their column, NULL into __NULL__', async () => {
    await load('by_day', 'CSV', '1,2026-11-19\n2,2026-11-20\n3,\n');
    expect(await partitions('by_day')).toEqual({ '20261119': 1, '20261120': 1, __NULL__: 1 });
    await load(
      'by_hour',
      'JSON',
      '{"id":1,"ts":"2026-11-20T03:15:00Z"}\n{"id":2,"ts":"2026-11-20 05:00:00+02:00"}\n',
    );
    expect(await partitions('by_hour')).toEqual({ '2026112003': 2 });
  });

  it('accepts a decorator when every row falls in it, and replaces only that partition', async () => {
    await load('by_day$20261120', 'CSV', '7,2026-11-20\n8,2026-11-20\n');
    expect(await partitions('by_day')).toEqual({ '20261119': 1, '20261120': 2, __NULL__: 1 });
  });

  it('fails the whole job when a row falls outside the decorator’s partition', async () => {
    const error = await loadError(load('by_day$20261120', 'CSV', '9,2026-11-20\n10,2026-11-21\n'));
    expect(error.reason).toBe('invalid');
    expect(error.message).toBe(
      'Some rows belong to different partitions rather than destination partition 20261120',
    );
    expect(await partitions('by_day')).toEqual({ '20261119': 1, '20261120': 2, __NULL__: 1 });
  });
});

describe('bad records and unknown values', () => {
  beforeAll(async () => {
    await bigquery.dataset('lake').createTable('strict', {
      schema: {
        fields: [
          { name: 'id', type: 'INTEGER', mode: 'REQUIRED' },
          { name: 'name', type: 'STRING' },
        ],
      },
    });
  });

  it('counts bad rows against maxBadRecords and fails beyond it, all or nothing', async () => {
    await load('strict', 'CSV', '1,a\n');
    const error = await loadError(load('strict', 'CSV', '2,b\nxx,c\n,d\n', { maxBadRecords: 1 }));
    expect(error.reason).toBe('invalid');
    expect(error.grpcCode).toBe(3);
    expect(error.message).toMatch(
      /^Error while reading data, error message: CSV table encountered too many errors, giving up\. Rows: 3; errors: 2\./,
    );
    expect(await rowsOf('strict')).toEqual([{ id: 1, name: 'a' }]);
    const result = await load('strict', 'CSV', '2,b\nxx,c\n', { maxBadRecords: 1 });
    expect(result).toMatchObject({ rowsLoaded: 1, badRecords: 1 });
  });

  it('enforces REQUIRED', async () => {
    const error = await loadError(load('strict', 'JSON', '{"name":"no id"}\n'));
    expect(error.message).toContain('Missing required field: id.');
  });

  it('treats an unknown JSON field as a bad row unless ignoreUnknownValues', async () => {
    const error = await loadError(load('strict', 'JSON', '{"id":1,"extra":true}\n'));
    expect(error.message).toContain('No such field: extra.');
    const result = await load('strict', 'JSON', '{"id":1,"extra":true}\n', { ignoreUnknownValues: true });
    expect(result.rowsLoaded).toBe(1);
    expect(await rowsOf('strict')).toEqual([{ id: 1, name: null }]);
  });

  it('treats extra CSV columns as bad unless ignoreUnknownValues, missing ones unless allowJaggedRows', async () => {
    expect((await loadError(load('strict', 'CSV', '1,a,extra\n'))).message).toContain(
      'Too many values in row',
    );
    expect((await load('strict', 'CSV', '1,a,extra\n', { ignoreUnknownValues: true })).rowsLoaded).toBe(1);
    expect((await loadError(load('strict', 'CSV', '1\n'))).message).toContain('contains only 1 columns');
    await load('strict', 'CSV', '5\n', { csv: { ...CSV_DEFAULTS, allowJaggedRows: true } });
    expect(await rowsOf('strict')).toEqual([{ id: 5, name: null }]);
  });
});

describe('types', () => {
  it('converts every scalar type, records and repeated fields from JSON', async () => {
    await bigquery.dataset('lake').createTable('typed', {
      schema: {
        fields: [
          { name: 'i', type: 'INT64' },
          { name: 'big', type: 'INTEGER' },
          { name: 'f', type: 'FLOAT' },
          { name: 'n', type: 'NUMERIC' },
          { name: 'b', type: 'BOOLEAN' },
          { name: 's', type: 'STRING' },
          { name: 'by', type: 'BYTES' },
          { name: 'd', type: 'DATE' },
          { name: 'dtm', type: 'DATETIME' },
          { name: 't', type: 'TIME' },
          { name: 'ts', type: 'TIMESTAMP' },
          { name: 'j', type: 'JSON' },
          { name: 'tags', type: 'STRING', mode: 'REPEATED' },
          {
            name: 'addr',
            type: 'RECORD',
            fields: [
              { name: 'city', type: 'STRING' },
              { name: 'zip', type: 'INTEGER' },
            ],
          },
        ],
      },
    });
    const line = JSON.stringify({
      i: '42',
      big: '9007199254740993',
      f: 1.5,
      n: '0012.50',
      b: 'true',
      s: 'héllo',
      by: Buffer.from('bytes').toString('base64'),
      d: '2026-1-2',
      dtm: '2026-01-02 03:04:05.5',
      t: '03:04:05',
      ts: 1_767_225_600,
      j: { a: [1, 2] },
      tags: ['x', 'y'],
      addr: { city: 'Paris', zip: 75001 },
    });
    await load('typed', 'JSON', `${line}\n`);
    const [rows] = await bigquery.dataset('lake').table('typed').getRows({ wrapIntegers: true });
    const row = rows[0] as Record<string, { value?: unknown; toString?: () => string } | unknown>;
    expect(String((row.big as { value: string }).value)).toBe('9007199254740993');
    expect(row.f).toBe(1.5);
    expect(String(row.n)).toBe('12.5');
    expect(row.b).toBe(true);
    expect(row.s).toBe('héllo');
    expect(Buffer.from(row.by as Buffer).toString()).toBe('bytes');
    expect((row.d as { value: string }).value).toBe('2026-01-02');
    expect((row.dtm as { value: string }).value).toBe('2026-01-02T03:04:05.5');
    expect((row.t as { value: string }).value).toBe('03:04:05');
    expect((row.ts as { value: string }).value).toBe('2026-01-01T00:00:00.000Z');
    expect(row.j).toBe('{"a":[1,2]}');
    expect(row.tags).toEqual(['x', 'y']);
    const addr = row.addr as { city: string; zip: { value: string } };
    expect(addr.city).toBe('Paris');
    expect(addr.zip.value).toBe('75001');
  });

  it('refuses values that do not fit the type', async () => {
    await bigquery.dataset('lake').createTable('narrow', { schema: 'i:integer,d:date,b:boolean' });
    expect((await loadError(load('narrow', 'CSV', '1.5,,\n'))).message).toContain(
      "Could not convert value '1.5' to integer",
    );
    expect((await loadError(load('narrow', 'CSV', ',2026-02-30,\n'))).message).toContain('to date');
    expect((await loadError(load('narrow', 'CSV', ',,maybe\n'))).message).toContain('to boolean');
  });

  it('loads Parquet with dates, timestamps, decimals, lists and structs', async () => {
    await bigquery.dataset('lake').createTable('pq', {
      schema: {
        fields: [
          { name: 'id', type: 'INTEGER', mode: 'REQUIRED' },
          { name: 'dt', type: 'DATE' },
          { name: 'at', type: 'TIMESTAMP' },
          { name: 'amount', type: 'NUMERIC' },
          { name: 'tags', type: 'STRING', mode: 'REPEATED' },
          { name: 'addr', type: 'RECORD', fields: [{ name: 'city', type: 'STRING' }] },
        ],
      },
      timePartitioning: { type: 'DAY', field: 'dt' },
    });
    const file = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: [1n, 2n] },
        { name: 'dt', data: [20_777, 20_777] },
        { name: 'at', data: [1_763_600_000_123n, null] },
        { name: 'amount', data: [123.45, 0.1] },
        { name: 'tags', data: [['a', 'b'], []] },
        { name: 'addr', data: [{ city: 'Lyon' }, null] },
      ],
      schema: [
        { name: 'root', num_children: 6 },
        { name: 'id', type: 'INT64', repetition_type: 'REQUIRED' },
        { name: 'dt', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
        { name: 'at', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'OPTIONAL' },
        {
          name: 'amount',
          type: 'INT64',
          converted_type: 'DECIMAL',
          precision: 12,
          scale: 2,
          repetition_type: 'OPTIONAL',
        },
        { name: 'tags', converted_type: 'LIST', repetition_type: 'OPTIONAL', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        { name: 'addr', repetition_type: 'OPTIONAL', num_children: 1 },
        { name: 'city', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      ] as never,
    });
    const result = await load('pq$20261120', 'PARQUET', new Uint8Array(file));
    expect(result).toEqual({ rowsLoaded: 2, badRecords: 0, partitions: ['20261120'] });
    const rows = await rowsOf('pq');
    expect(rows[0]).toMatchObject({ id: 1, tags: ['a', 'b'], addr: { city: 'Lyon' } });
    expect(String(rows[0]!.amount)).toBe('123.45');
    expect((rows[0]!.at as { value: string }).value).toBe('2025-11-20T00:53:20.123Z');
    expect(rows[1]).toMatchObject({ id: 2, at: null, tags: [], addr: null });
  });

  it('refuses AVRO and ORC as not supported by the local cloud', async () => {
    const error = await loadError(load('strict', 'AVRO', 'whatever'));
    expect(error.reason).toBe('notImplemented');
    expect(error.message).toBe('AVRO is not supported by the local cloud; use PARQUET, CSV or JSON');
  });
});

describe('quotas', () => {
  it('allows 1,500 load jobs per table per day, failures included, then refuses until the next day', async () => {
    await bigquery.dataset('lake').createTable('busy', { schema: 'v:string' });
    await load('busy', 'CSV', 'v\n');
    // Failing jobs count too: 1,499 refused ones (cheap to run) fill the day's quota.
    for (let job = 1; job < 1_500; job += 1) await loadError(load('busy', 'AVRO', 'v'));
    const error = await loadError(load('busy', 'CSV', 'v\n'));
    expect(error.reason).toBe('quotaExceeded');
    expect(error.grpcCode).toBe(8);
    expect(error.message).toContain(
      'Quota exceeded: Your table exceeded quota for imports or query appends per table',
    );
    const saved = now;
    now = new Date('2026-11-22T00:00:01Z');
    try {
      expect((await load('busy', 'CSV', 'v\n')).rowsLoaded).toBe(1);
    } finally {
      now = saved;
    }
  });

  it('enforces the per-project daily limit', async () => {
    const small = await startBigQueryEmulator({
      faults: new FaultRegistry(),
      projectId: PROJECT,
      clock: () => now,
      quotas: { loadJobsPerDay: 2 },
    });
    try {
      const request = (tableId: string): LoadJobRequest => ({
        projectId: PROJECT,
        datasetId: 'none',
        tableId,
        format: 'CSV',
        files: [],
        writeDisposition: 'WRITE_APPEND',
        maxBadRecords: 0,
        ignoreUnknownValues: false,
        csv: CSV_DEFAULTS,
      });
      await loadError(small.warehouse.load(request('a')));
      await loadError(small.warehouse.load(request('b')));
      const error = await loadError(small.warehouse.load(request('c')));
      expect(error.reason).toBe('quotaExceeded');
      expect(error.message).toContain('Quota exceeded: Your project exceeded quota for imports per project');
    } finally {
      await small.stop();
    }
  });
});
