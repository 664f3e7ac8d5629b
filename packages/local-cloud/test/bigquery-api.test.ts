// The local BigQuery driven only through the official @google-cloud/bigquery client:
// datasets and tables CRUD, BigQuery's patch rules, rows back through tabledata.list,
// per-partition counts through INFORMATION_SCHEMA.PARTITIONS, errors and faults. The SQL
// dialect itself is covered by bigquery-query.test.ts and bigquery-sql.test.ts.
import { BigQuery } from '@google-cloud/bigquery';
import { PassThroughClient } from 'google-auth-library';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BigQueryEmulator, startBigQueryEmulator } from '../src/bigquery/index.js';
import { FaultRegistry } from '../src/faults.js';
import type { LoadJobRequest } from '../src/warehouse-contract.js';

const PROJECT = 'local-project';
const faults = new FaultRegistry();
let now = new Date('2026-11-21T10:00:00Z');
let emulator: BigQueryEmulator;
let bigquery: BigQuery;

function client(options: Record<string, unknown> = {}): BigQuery {
  // PassThroughClient adds no token, so nothing probes a metadata server.
  return new BigQuery({
    apiEndpoint: emulator.url,
    projectId: PROJECT,
    authClient: new PassThroughClient() as never,
    ...options,
  });
}

function csvLoad(datasetId: string, tableId: string, csv: string, extra: Partial<LoadJobRequest> = {}) {
  return emulator.warehouse.load({
    projectId: PROJECT,
    datasetId,
    tableId,
    format: 'CSV',
    files: [{ uri: 's3://lake/file.csv', body: Buffer.from(csv) }],
    writeDisposition: 'WRITE_TRUNCATE',
    maxBadRecords: 0,
    ignoreUnknownValues: false,
    csv: { fieldDelimiter: ',', skipLeadingRows: 0, allowQuotedNewlines: false, allowJaggedRows: false },
    ...extra,
  });
}

async function apiError(
  promise: Promise<unknown>,
): Promise<{ code: number; message: string; reason?: string }> {
  try {
    await promise;
  } catch (error) {
    const failure = error as { code: number; message: string; errors?: { reason: string }[] };
    return { code: failure.code, message: failure.message, reason: failure.errors?.[0]?.reason };
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  emulator = await startBigQueryEmulator({ faults, projectId: PROJECT, clock: () => now });
  bigquery = client();
});
afterAll(async () => {
  await emulator.stop();
});
beforeEach(() => {
  faults.clear();
});

describe('datasets', () => {
  it('inserts, gets, lists, patches and deletes datasets', async () => {
    const [dataset] = await bigquery.createDataset('ds_crud', { location: 'EU', description: 'first' });
    expect(dataset.metadata.location).toBe('EU');
    const [fetched] = await bigquery.dataset('ds_crud').get();
    expect(fetched.metadata.description).toBe('first');
    const [datasets] = await bigquery.getDatasets();
    expect(datasets.map((item) => item.id)).toContain('ds_crud');
    const [patched] = await bigquery
      .dataset('ds_crud')
      .setMetadata({ description: 'second', labels: { team: 'gold' } });
    expect(patched.description).toBe('second');
    expect(patched.labels).toEqual({ team: 'gold' });
    await bigquery.dataset('ds_crud').delete();
    const [exists] = await bigquery.dataset('ds_crud').exists();
    expect(exists).toBe(false);
  });

  it('refuses a duplicate dataset with 409 duplicate', async () => {
    await bigquery.createDataset('ds_dup');
    const error = await apiError(bigquery.createDataset('ds_dup'));
    expect(error).toMatchObject({
      code: 409,
      reason: 'duplicate',
      message: `Already Exists: Dataset ${PROJECT}:ds_dup`,
    });
  });

  it('refuses to delete a dataset with tables unless deleteContents is set', async () => {
    const [dataset] = await bigquery.createDataset('ds_full');
    await dataset.createTable('t', { schema: 'a:string' });
    const error = await apiError(dataset.delete());
    expect(error.code).toBe(400);
    expect(error.message).toContain('is still in use');
    await dataset.delete({ force: true });
    expect((await dataset.exists())[0]).toBe(false);
  });

  it('answers a missing dataset with 404 notFound', async () => {
    const error = await apiError(bigquery.dataset('missing').get());
    expect(error).toMatchObject({
      code: 404,
      reason: 'notFound',
      message: `Not found: Dataset ${PROJECT}:missing`,
    });
  });
});

describe('tables', () => {
  beforeAll(async () => {
    await bigquery.createDataset('tables_ds');
  });

  it('creates a partitioned table with every table property and reads it back', async () => {
    const dataset = bigquery.dataset('tables_ds');
    await dataset.createTable('events', {
      schema: {
        fields: [
          { name: 'id', type: 'INT64', mode: 'REQUIRED' },
          { name: 'ts', type: 'TIMESTAMP' },
          { name: 'attrs', type: 'RECORD', mode: 'REPEATED', fields: [{ name: 'k', type: 'STRING' }] },
        ],
      },
      timePartitioning: { type: 'HOUR', field: 'ts', expirationMs: '86400000' },
      requirePartitionFilter: true,
      description: 'events table',
      labels: { owner: 'data-eng' },
    });
    const [metadata] = await dataset.table('events').getMetadata();
    expect(metadata.schema.fields[0]).toEqual({ name: 'id', type: 'INTEGER', mode: 'REQUIRED' });
    expect(metadata.schema.fields[2].fields).toEqual([{ name: 'k', type: 'STRING', mode: 'NULLABLE' }]);
    expect(metadata.timePartitioning).toEqual({ type: 'HOUR', field: 'ts', expirationMs: '86400000' });
    expect(metadata.requirePartitionFilter).toBe(true);
    expect(metadata.description).toBe('events table');
    expect(metadata.labels).toEqual({ owner: 'data-eng' });
    expect(metadata.numRows).toBe('0');
    expect(metadata.creationTime).toBe(String(now.getTime()));
    const [tables] = await dataset.getTables();
    expect(tables.map((table) => table.id)).toContain('events');
  });

  it('refuses a duplicate table, a bad partition column and an HOUR-partitioned DATE column', async () => {
    const dataset = bigquery.dataset('tables_ds');
    await dataset.createTable('dup', { schema: 'a:string' });
    expect(await apiError(dataset.createTable('dup', { schema: 'a:string' }))).toMatchObject({
      code: 409,
      reason: 'duplicate',
    });
    const missingColumn = await apiError(
      dataset.createTable('bad1', { schema: 'a:string', timePartitioning: { type: 'DAY', field: 'dt' } }),
    );
    expect(missingColumn).toMatchObject({ code: 400, reason: 'invalid' });
    const hourOnDate = await apiError(
      dataset.createTable('bad2', { schema: 'dt:date', timePartitioning: { type: 'HOUR', field: 'dt' } }),
    );
    expect(hourOnDate.message).toContain('HOUR');
  });

  it('allows adding NULLABLE columns and relaxing REQUIRED, refuses the rest as BigQuery does', async () => {
    const dataset = bigquery.dataset('tables_ds');
    const [table] = await dataset.createTable('evolving', {
      schema: {
        fields: [
          { name: 'id', type: 'INTEGER', mode: 'REQUIRED' },
          { name: 'dt', type: 'DATE' },
        ],
      },
      timePartitioning: { type: 'DAY', field: 'dt' },
    });
    const [widened] = await table.setMetadata({
      schema: {
        fields: [
          { name: 'id', type: 'INTEGER', mode: 'NULLABLE' },
          { name: 'dt', type: 'DATE' },
          { name: 'note', type: 'STRING' },
        ],
      },
      description: 'now with notes',
    });
    expect(widened.schema.fields.map((field: { name: string }) => field.name)).toEqual(['id', 'dt', 'note']);
    expect(widened.description).toBe('now with notes');
    expect(widened.timePartitioning.field).toBe('dt');

    const dropped = await apiError(table.setMetadata({ schema: { fields: [{ name: 'dt', type: 'DATE' }] } }));
    expect(dropped).toMatchObject({ code: 400, reason: 'invalid' });
    expect(dropped.message).toContain('Field id is missing in new schema');

    const retyped = await apiError(
      table.setMetadata({
        schema: {
          fields: [
            { name: 'id', type: 'STRING' },
            { name: 'dt', type: 'DATE' },
            { name: 'note', type: 'STRING' },
          ],
        },
      }),
    );
    expect(retyped.message).toContain('Field id has changed type from INTEGER to STRING');

    const required = await apiError(
      table.setMetadata({
        schema: {
          fields: [
            { name: 'id', type: 'INTEGER' },
            { name: 'dt', type: 'DATE' },
            { name: 'note', type: 'STRING' },
            { name: 'must', type: 'STRING', mode: 'REQUIRED' },
          ],
        },
      }),
    );
    expect(required.message).toContain('Cannot add required fields');

    const repartitioned = await apiError(table.setMetadata({ timePartitioning: { type: 'DAY' } }));
    expect(repartitioned.message).toContain('Cannot change partitioning');

    const [expiring] = await table.setMetadata({
      timePartitioning: { type: 'DAY', field: 'dt', expirationMs: '3600000' },
    });
    expect(expiring.timePartitioning.expirationMs).toBe('3600000');
  });

  it('deletes a table, then answers 404 with BigQuery’s message', async () => {
    const dataset = bigquery.dataset('tables_ds');
    const [table] = await dataset.createTable('doomed', { schema: 'a:string' });
    await table.delete();
    const error = await apiError(dataset.table('doomed').getMetadata());
    expect(error).toMatchObject({
      code: 404,
      reason: 'notFound',
      message: `Not found: Table ${PROJECT}:tables_ds.doomed`,
    });
  });
});

describe('rows and partitions', () => {
  beforeAll(async () => {
    const [dataset] = await bigquery.createDataset('rows_ds');
    await dataset.createTable('orders', {
      schema: {
        fields: [
          { name: 'id', type: 'INTEGER' },
          { name: 'dt', type: 'DATE' },
          { name: 'amount', type: 'NUMERIC' },
          { name: 'paid', type: 'BOOLEAN' },
          { name: 'at', type: 'TIMESTAMP' },
        ],
      },
      timePartitioning: { type: 'DAY', field: 'dt' },
    });
    await csvLoad(
      'rows_ds',
      'orders',
      '1,2026-11-19,10.5,true,2026-11-19 08:00:00.123456\n2,2026-11-20,3,false,\n3,2026-11-20,,true,2026-11-20T01:02:03Z\n',
    );
  });

  it('returns rows through tabledata.list in the shape table.getRows() decodes', async () => {
    const [rows] = await bigquery.dataset('rows_ds').table('orders').getRows();
    expect(rows).toHaveLength(3);
    const first = rows[0] as Record<string, { value?: string } | number | boolean | null>;
    expect(first.id).toBe(1);
    expect(first.paid).toBe(true);
    expect(String(first.amount)).toBe('10.5');
    expect((first.dt as { value: string }).value).toBe('2026-11-19');
    expect((first.at as { value: string }).value).toBe('2026-11-19T08:00:00.123456000Z');
    expect((rows[1] as Record<string, unknown>).at).toBeNull();
  });

  it('pages rows with maxResults and pageToken', async () => {
    const table = bigquery.dataset('rows_ds').table('orders');
    const [page, next] = await table.getRows({ autoPaginate: false, maxResults: 2 });
    expect(page).toHaveLength(2);
    expect(next).toBeTruthy();
    const [rest] = await table.getRows({ ...(next as object), autoPaginate: false });
    expect(rest.map((row) => (row as { id: number }).id)).toEqual([3]);
  });

  it('gives numRows for the table and, with a $YYYYMMDD decorator, for one partition', async () => {
    const [table] = await bigquery.dataset('rows_ds').table('orders').getMetadata();
    expect(table.numRows).toBe('3');
    expect(Number(table.numBytes)).toBeGreaterThan(0);
    const [partition] = await bigquery.dataset('rows_ds').table('orders$20261120').getMetadata();
    expect(partition.numRows).toBe('2');
  });

  it('answers the partitions query, with literals, named parameters and arrays', async () => {
    const [all] = await bigquery.query(
      "select PARTITION_ID, total_rows\n  from `local-project.rows_ds.INFORMATION_SCHEMA.PARTITIONS`\n where table_name='orders'",
    );
    expect(all).toEqual([
      { PARTITION_ID: '20261119', total_rows: 1 },
      { PARTITION_ID: '20261120', total_rows: 2 },
    ]);

    const [listed] = await bigquery.query({
      query:
        "SELECT partition_id, total_rows FROM `local-project`.`rows_ds`.INFORMATION_SCHEMA.PARTITIONS WHERE table_name = @table AND partition_id IN ('20261120', '20261121')",
      params: { table: 'orders' },
    });
    expect(listed).toEqual([{ partition_id: '20261120', total_rows: 2 }]);

    const [unnested] = await bigquery.query({
      query:
        'SELECT partition_id, total_rows FROM `local-project.rows_ds.INFORMATION_SCHEMA.PARTITIONS` WHERE table_name = @table AND partition_id IN UNNEST(@ids) ORDER BY partition_id DESC',
      params: { table: 'orders', ids: ['20261119', '20261120'] },
    });
    expect(unnested.map((row) => (row as { partition_id: string }).partition_id)).toEqual([
      '20261120',
      '20261119',
    ]);
  });

  it('parses tolerantly: comments, case, semicolons and positional parameters', async () => {
    const [rows] = await bigquery.query({
      query:
        '-- verify\nselect partition_id , TOTAL_ROWS from rows_ds . INFORMATION_SCHEMA . PARTITIONS\n/* one table */ where TABLE_NAME = ? and partition_id = ? ;',
      params: ['orders', '20261119'],
    });
    expect(rows).toEqual([{ partition_id: '20261119', TOTAL_ROWS: 1 }]);
    const broken = await apiError(
      bigquery.query(
        "SELECT partition_id FROM `rows_ds.INFORMATION_SCHEMA.PARTITIONS` WHERE table_name = 'orders",
      ),
    );
    expect(broken).toMatchObject({ code: 400, reason: 'invalidQuery' });
    const missing = await apiError(
      bigquery.query({
        query: 'SELECT partition_id FROM `rows_ds.INFORMATION_SCHEMA.PARTITIONS` WHERE table_name = @t',
      }),
    );
    expect(missing.message).toContain("Query parameter 't' not found");
  });

  it('answers COUNT(*) over a table and over one partition', async () => {
    const [total] = await bigquery.query('SELECT COUNT(*) AS n FROM `local-project.rows_ds.orders`');
    expect(total).toEqual([{ n: 3 }]);
    const [one] = await bigquery.query({
      query: 'SELECT COUNT(*) AS n FROM rows_ds.orders WHERE dt = @day',
      params: { day: '2026-11-20' },
    });
    expect(one).toEqual([{ n: 2 }]);
  });

  it('serves the job path too: createQueryJob, getQueryResults', async () => {
    const [job] = await bigquery.createQueryJob({
      query:
        "SELECT partition_id, total_rows FROM `rows_ds.INFORMATION_SCHEMA.PARTITIONS` WHERE table_name = 'orders'",
    });
    const [rows] = await job.getQueryResults();
    expect(rows).toHaveLength(2);
  });

  it('answers SELECT * over loaded rows, and refuses SQL it cannot run naming what is unsupported', async () => {
    const [rows] = await bigquery.query('SELECT * FROM `local-project.rows_ds.orders` ORDER BY id');
    expect(rows.map((row) => (row as { id: number }).id)).toEqual([1, 2, 3]);
    const error = await apiError(
      bigquery.query(
        "SELECT * FROM `local-project.rows_ds.orders` FOR SYSTEM_TIME AS OF TIMESTAMP '2026-11-20'",
      ),
    );
    expect(error).toMatchObject({ code: 400, reason: 'invalidQuery' });
    expect(error.message).toContain('does not support time travel (FOR SYSTEM_TIME AS OF)');
  });

  it('honours requirePartitionFilter on COUNT(*)', async () => {
    const dataset = bigquery.dataset('rows_ds');
    await dataset.createTable('strict', {
      schema: 'x:string',
      timePartitioning: { type: 'DAY' },
      requirePartitionFilter: true,
    });
    const error = await apiError(bigquery.query('SELECT COUNT(*) FROM rows_ds.strict'));
    expect(error.message).toContain('without a filter over column(s)');
    const [rows] = await bigquery.query(
      "SELECT COUNT(*) AS n FROM rows_ds.strict WHERE _PARTITIONTIME = TIMESTAMP('2026-11-20')",
    );
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('drops partitions once they expire, by the injected clock', async () => {
    const dataset = bigquery.dataset('rows_ds');
    await dataset.createTable('short_lived', {
      schema: 'dt:date',
      timePartitioning: { type: 'DAY', field: 'dt', expirationMs: String(2 * 86_400_000) },
    });
    await csvLoad('rows_ds', 'short_lived', '2026-11-18\n2026-11-20\n');
    const saved = now;
    try {
      // 2026-11-18 ends at 11-19 00:00; + 2 days = 11-21 00:00 < now (11-21 10:00).
      const [metadata] = await dataset.table('short_lived').getMetadata();
      expect(metadata.numRows).toBe('1');
      now = new Date('2026-11-23T00:00:00Z');
      const [later] = await dataset.table('short_lived').getMetadata();
      expect(later.numRows).toBe('0');
    } finally {
      now = saved;
    }
  });
});

describe('faults', () => {
  beforeAll(async () => {
    await bigquery.createDataset('faults_ds');
  });

  it('answers an injected HTTP error for the next call of that operation only', async () => {
    const id = faults.add({
      service: 'bigquery',
      method: 'datasets.get',
      kind: 'error',
      code: 403,
      message: 'Access Denied: nope',
    });
    const error = await apiError(bigquery.dataset('faults_ds').get());
    expect(error).toMatchObject({ code: 403, reason: 'accessDenied', message: 'Access Denied: nope' });
    expect(faults.fired.get(id)).toBe(1);
    const [dataset] = await bigquery.dataset('faults_ds').get();
    expect(dataset.id).toBe('faults_ds');
  });

  it('fails queries with an injected quotaExceeded', async () => {
    faults.add({
      service: 'bigquery',
      method: 'jobs.query',
      kind: 'error',
      code: 403,
      message: 'Quota exceeded',
    });
    const error = await apiError(
      client({ autoRetry: false }).query('SELECT COUNT(*) FROM `local-project.rows_ds.orders`'),
    );
    expect(error.code).toBe(403);
  });

  it('adds latency', async () => {
    faults.add({ service: 'bigquery', method: 'tables.list', kind: 'latency', latencyMs: 150 });
    const started = performance.now();
    await bigquery.dataset('faults_ds').getTables();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('hangs: the call never answers (the client’s own `timeout` is ignored, so callers need a deadline)', async () => {
    const id = faults.add({ service: 'bigquery', method: 'datasets.get', kind: 'hang' });
    const call = client({ autoRetry: false }).dataset('faults_ds').get();
    call.catch(() => undefined); // settles only when stop() closes the socket
    const outcome = await Promise.race([
      call.then(
        () => 'answered',
        () => 'failed',
      ),
      new Promise((resolve) => setTimeout(resolve, 300, 'still waiting')),
    ]);
    expect(outcome).toBe('still waiting');
    expect(faults.fired.get(id)).toBe(1);
  });
});

describe('table expiration', () => {
  it('deletes a table at its expirationTime, by the injected clock', async () => {
    const [dataset] = await bigquery.createDataset('expiry_ds');
    await dataset.createTable('temp', { schema: 'a:string', expirationTime: String(now.getTime() + 60_000) });
    expect((await dataset.table('temp').exists())[0]).toBe(true);
    const saved = now;
    now = new Date(saved.getTime() + 60_000);
    try {
      expect((await dataset.table('temp').exists())[0]).toBe(false);
      const [tables] = await dataset.getTables();
      expect(tables).toHaveLength(0);
    } finally {
      now = saved;
    }
  });
});
