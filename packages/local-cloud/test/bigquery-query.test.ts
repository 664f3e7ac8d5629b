// Queries on the local BigQuery through the official client: loaded rows read back with
// BigQuery's types and REST encoding, parameters with their declared types, the partition
// pseudo-columns, INFORMATION_SCHEMA, views that run on read, DML, dry runs, paging, and
// the query errors BigQuery gives (including what the local cloud cannot run, by name).
import { BigQuery } from '@google-cloud/bigquery';
import { PassThroughClient } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BigQueryEmulator, startBigQueryEmulator } from '../src/bigquery/index.js';
import { FaultRegistry } from '../src/faults.js';

const PROJECT = 'query-project';
const now = new Date('2026-11-21T10:00:00Z');
let emulator: BigQueryEmulator;
let bigquery: BigQuery;

async function queryError(
  promise: Promise<unknown>,
): Promise<{ code?: number; reason?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const failure = error as { code?: number; message: string; errors?: { reason?: string }[] };
    return { code: failure.code, reason: failure.errors?.[0]?.reason, message: failure.message };
  }
  throw new Error('expected the query to fail');
}

function csv(
  tableId: string,
  text: string,
  writeDisposition: 'WRITE_APPEND' | 'WRITE_TRUNCATE' = 'WRITE_APPEND',
) {
  return emulator.warehouse.load({
    projectId: PROJECT,
    datasetId: 'shop',
    tableId,
    format: 'CSV',
    files: [{ uri: `s3://lake/${tableId}.csv`, body: Buffer.from(text) }],
    writeDisposition,
    maxBadRecords: 0,
    ignoreUnknownValues: false,
    csv: { fieldDelimiter: ',', skipLeadingRows: 0, allowQuotedNewlines: false, allowJaggedRows: false },
  });
}

beforeAll(async () => {
  emulator = await startBigQueryEmulator({
    faults: new FaultRegistry(),
    projectId: PROJECT,
    clock: () => now,
  });
  bigquery = new BigQuery({
    apiEndpoint: emulator.url,
    projectId: PROJECT,
    authClient: new PassThroughClient() as never,
  });
  const [shop] = await bigquery.createDataset('shop');
  await shop.createTable('orders', {
    schema: 'id:integer,customer:string,amount:numeric,paid:boolean,day:date,at:timestamp',
    timePartitioning: { type: 'DAY', field: 'day' },
  });
  await csv(
    'orders',
    '1,ann,10.50,true,2026-11-19,2026-11-19 08:00:00.123456\n2,bob,3,false,2026-11-20,\n3,ann,,true,2026-11-20,2026-11-20T01:02:03Z\n9007199254740993,cy,1,true,,\n',
  );
  await shop.createTable('visits', { schema: 'page:string', timePartitioning: { type: 'DAY' } });
  await csv('visits$20261119', 'home\n');
  await csv('visits$20261120', 'cart\nhome\n');
  await shop.createTable('notes', { schema: 'note:string' });
});
afterAll(async () => {
  await emulator.stop();
});

describe('rows and types', () => {
  it('returns loaded rows the way the client decodes BigQuery’s REST rows', async () => {
    const [rows] = await bigquery.query({
      query: 'SELECT id, customer, amount, paid, day, `at` FROM shop.orders WHERE id < 3 ORDER BY id',
      wrapIntegers: true,
    });
    const first = rows[0] as Record<string, { value?: string } | string | boolean>;
    expect(String((first.id as { value: string }).value)).toBe('1');
    expect(first.customer).toBe('ann');
    expect(String(first.amount)).toBe('10.5');
    expect(first.paid).toBe(true);
    expect((first.day as { value: string }).value).toBe('2026-11-19');
    expect((first.at as { value: string }).value).toBe('2026-11-19T08:00:00.123456000Z');
    expect((rows[1] as { at: unknown }).at).toBeNull();
  });

  it('sends INT64 as strings and TIMESTAMP as the format options ask, in the REST shape', async () => {
    const [job] = await bigquery.createQueryJob('SELECT id, `at` FROM shop.orders WHERE id = 1');
    const [rows] = await job.getQueryResults({ skipParsing: true });
    expect(rows).toEqual([{ f: [{ v: '1' }, { v: '1795075200123456' }] }]);
    const [, , response] = await job.getQueryResults({
      'formatOptions.useInt64Timestamp': false,
      'formatOptions.timestampOutputFormat': 'FLOAT64',
      skipParsing: true,
      autoPaginate: false,
    } as never);
    const body = response as { rows: { f: { v: string }[] }[]; schema: { fields: { type: string }[] } };
    expect(body.rows[0]?.f[1]?.v).toBe('1795075200.123456');
    expect(body.schema.fields.map((field) => field.type)).toEqual(['INTEGER', 'TIMESTAMP']);
  });

  it('keeps integers beyond 2^53 exact', async () => {
    const [rows] = await bigquery.query({
      query: 'SELECT id FROM shop.orders WHERE customer = "cy"',
      wrapIntegers: true,
    });
    expect(String((rows[0] as { id: { value: string } }).id.value)).toBe('9007199254740993');
  });

  it('names output columns as BigQuery does: as written, aliases, and f0_ for expressions', async () => {
    const [rows] = await bigquery.query(
      'SELECT CUSTOMER, o.id AS Ident, id + 1, UPPER(customer) FROM shop.orders AS o WHERE id = 1',
    );
    expect(Object.keys(rows[0] as object)).toEqual(['CUSTOMER', 'Ident', 'f0_', 'f1_']);
  });

  it('refuses duplicate output column names', async () => {
    const error = await queryError(bigquery.query('SELECT id, id FROM shop.orders'));
    expect(error.message).toContain(
      'Duplicate column names in the result are not supported. Found duplicate(s): id',
    );
  });
});

describe('parameters', () => {
  it('binds named parameters with their declared types', async () => {
    const [rows] = await bigquery.query({
      query: 'SELECT id FROM shop.orders WHERE day = @day AND amount >= @least ORDER BY id',
      params: { day: bigquery.date('2026-11-20'), least: 2 },
    });
    expect(rows).toEqual([{ id: 2 }]);
    const [typed] = await bigquery.query({
      query: 'SELECT @ids AS ids, @missing IS NULL AS none',
      params: { ids: [1, 2], missing: null },
      types: { ids: ['INT64'], missing: 'STRING' },
    });
    expect(typed).toEqual([{ ids: [1, 2], none: true }]);
  });

  it('binds positional parameters in order', async () => {
    const [rows] = await bigquery.query({
      query: 'SELECT id FROM shop.orders WHERE customer = ? AND paid = ? ORDER BY id',
      params: ['ann', true],
    });
    expect(rows).toEqual([{ id: 1 }, { id: 3 }]);
  });

  it('refuses a parameter the request does not declare, and a value its type cannot hold', async () => {
    const missing = await queryError(bigquery.query({ query: 'SELECT @nope' }));
    expect(missing.message).toContain("Query parameter 'nope' not found at [1:8]");
    const bad = await queryError(
      bigquery.query({ query: 'SELECT @n', params: { n: 'x' }, types: { n: 'INT64' } }),
    );
    expect(bad.message).toContain('Invalid value for query parameter @n of type INT64: x');
  });
});

describe('partitions', () => {
  it('hides _PARTITIONTIME and _PARTITIONDATE from SELECT * and answers them by name', async () => {
    const [all] = await bigquery.query('SELECT * FROM shop.visits ORDER BY page');
    expect(all).toEqual([{ page: 'cart' }, { page: 'home' }, { page: 'home' }]);
    const [qualified] = await bigquery.query('SELECT v.* FROM shop.visits v WHERE v.page = "cart"');
    expect(qualified).toEqual([{ page: 'cart' }]);
    const [filtered] = await bigquery.query({
      query:
        "SELECT page, _PARTITIONDATE AS day FROM shop.visits WHERE _PARTITIONTIME = TIMESTAMP('2026-11-19')",
    });
    expect(filtered).toEqual([{ page: 'home', day: bigquery.date('2026-11-19') }]);
  });

  it('has no _PARTITIONTIME on a column-partitioned table', async () => {
    const error = await queryError(bigquery.query('SELECT _PARTITIONTIME FROM shop.orders'));
    expect(error).toMatchObject({ code: 400, reason: 'invalidQuery' });
    expect(error.message).toContain('Unrecognized name: _PARTITIONTIME');
  });

  it('reports partitions, tables and columns through INFORMATION_SCHEMA', async () => {
    const [partitions] = await bigquery.query(
      'SELECT table_name, partition_id, total_rows FROM `query-project.shop.INFORMATION_SCHEMA.PARTITIONS` ORDER BY table_name, partition_id',
    );
    expect(partitions).toEqual([
      { table_name: 'notes', partition_id: null, total_rows: 0 },
      { table_name: 'orders', partition_id: '20261119', total_rows: 1 },
      { table_name: 'orders', partition_id: '20261120', total_rows: 2 },
      { table_name: 'orders', partition_id: '__NULL__', total_rows: 1 },
      { table_name: 'visits', partition_id: '20261119', total_rows: 1 },
      { table_name: 'visits', partition_id: '20261120', total_rows: 2 },
    ]);
    const [tables] = await bigquery.query(
      'SELECT table_name, table_type FROM shop.INFORMATION_SCHEMA.TABLES ORDER BY 1',
    );
    expect(tables.map((row) => row.table_name)).toEqual(['notes', 'orders', 'visits']);
    const [columns] = await bigquery.query(
      "SELECT column_name, is_hidden, is_partitioning_column FROM shop.INFORMATION_SCHEMA.COLUMNS WHERE table_name = 'visits'",
    );
    expect(columns).toEqual([
      { column_name: 'page', is_hidden: 'NO', is_partitioning_column: 'NO' },
      { column_name: '_PARTITIONTIME', is_hidden: 'YES', is_partitioning_column: 'YES' },
      { column_name: '_PARTITIONDATE', is_hidden: 'YES', is_partitioning_column: 'YES' },
    ]);
  });

  it('keeps an hourly table with a 90-day partition expiration and a required filter readable', async () => {
    const ninetyDays = String(90 * 86_400_000);
    await bigquery.dataset('shop').createTable('clicks', {
      schema: 'page:string',
      timePartitioning: { type: 'HOUR', expirationMs: ninetyDays },
      requirePartitionFilter: true,
    });
    await csv('clicks$2026112009', 'home\n');
    await csv('clicks$2026080100', 'old\n');
    const [rows] = await bigquery.query({
      query:
        'SELECT partition_id, total_rows FROM `query-project.shop.INFORMATION_SCHEMA.PARTITIONS` WHERE table_name = @t',
      params: { t: 'clicks' },
    });
    expect(rows).toEqual([{ partition_id: '2026112009', total_rows: 1 }]);
    const unfiltered = await queryError(bigquery.query('SELECT COUNT(*) FROM shop.clicks'));
    expect(unfiltered.message).toContain('without a filter over column(s)');
  });

  it('refuses a dataset from another location than the job’s', async () => {
    await bigquery.createDataset('eu_data', { location: 'EU' });
    const error = await queryError(
      bigquery.query({ query: 'SELECT * FROM eu_data.INFORMATION_SCHEMA.TABLES', location: 'US' }),
    );
    expect(error).toMatchObject({ code: 404, reason: 'notFound' });
    expect(error.message).toBe(`Not found: Dataset ${PROJECT}:eu_data was not found in location US`);
  });
});

describe('views, DML and DDL', () => {
  it('runs a view’s query on every read', async () => {
    await bigquery.dataset('shop').createTable('paid_orders', {
      view: { query: 'SELECT id, customer FROM shop.orders WHERE paid', useLegacySql: false },
    });
    const before = await bigquery.query('SELECT COUNT(*) AS n FROM shop.paid_orders');
    await csv('orders', '4,dee,1,true,2026-11-21,\n');
    const after = await bigquery.query('SELECT COUNT(*) AS n FROM shop.paid_orders');
    expect([before[0], after[0]]).toEqual([[{ n: 3 }], [{ n: 4 }]]);
  });

  it('refuses a view in legacy SQL, the API’s default', async () => {
    const error = await queryError(
      bigquery.dataset('shop').createTable('legacy_view', { view: { query: 'SELECT 1' } } as never),
    );
    expect(error.message).toContain('set view.useLegacySql to false');
  });

  it('runs INSERT, UPDATE and DELETE and counts the rows they touched', async () => {
    const [job] = await bigquery.createQueryJob("INSERT shop.notes (note) VALUES ('a'), ('b')");
    await job.getQueryResults();
    expect(job.metadata.statistics.query.numDmlAffectedRows).toBe('2');
    const [updated] = await bigquery.createQueryJob("UPDATE shop.notes SET note = 'c' WHERE note = 'a'");
    const [metadata] = await updated.getMetadata();
    expect(metadata.statistics.query).toMatchObject({ statementType: 'UPDATE', numDmlAffectedRows: '1' });
    const error = await queryError(bigquery.query('DELETE FROM shop.notes'));
    expect(error.message).toBe('DELETE must have a WHERE clause');
    const [rows] = await bigquery.query('SELECT note FROM shop.notes ORDER BY note');
    expect(rows).toEqual([{ note: 'b' }, { note: 'c' }]);
  });

  it('creates and drops tables and views with DDL', async () => {
    await bigquery.query(
      'CREATE TABLE shop.totals PARTITION BY day AS SELECT day, SUM(amount) AS total FROM shop.orders WHERE day IS NOT NULL GROUP BY day',
    );
    const [metadata] = await bigquery.dataset('shop').table('totals').getMetadata();
    expect(metadata.timePartitioning).toEqual({ type: 'DAY', field: 'day' });
    expect(metadata.schema.fields).toEqual([
      { name: 'day', type: 'DATE', mode: 'NULLABLE' },
      { name: 'total', type: 'NUMERIC', mode: 'NULLABLE' },
    ]);
    await bigquery.query('DROP TABLE shop.totals');
    expect((await bigquery.dataset('shop').table('totals').exists())[0]).toBe(false);
  });
});

describe('jobs', () => {
  it('plans a dry run without running or keeping it', async () => {
    const [job] = await bigquery.createQueryJob({ query: 'SELECT customer FROM shop.orders', dryRun: true });
    expect(job.metadata.statistics.query).toMatchObject({
      statementType: 'SELECT',
      totalBytesBilled: '0',
      referencedTables: [{ projectId: PROJECT, datasetId: 'shop', tableId: 'orders' }],
      schema: { fields: [{ name: 'customer', type: 'STRING', mode: 'NULLABLE' }] },
    });
    expect(Number(job.metadata.statistics.totalBytesProcessed)).toBeGreaterThan(0);
    const error = await queryError(bigquery.job(job.id ?? '').get());
    expect(error.code).toBe(404);
  });

  it('pages results with maxResults and pageToken', async () => {
    const [job] = await bigquery.createQueryJob(
      'SELECT n FROM UNNEST(GENERATE_ARRAY(1, 25)) AS n ORDER BY n',
    );
    const [first, next, response] = await job.getQueryResults({ maxResults: 10, autoPaginate: false });
    expect(first).toHaveLength(10);
    expect((response as { totalRows: string }).totalRows).toBe('25');
    const [rest] = await job.getQueryResults({ ...(next as object), maxResults: 100, autoPaginate: false });
    expect(rest.map((row) => (row as { n: number }).n)).toEqual([
      11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
    ]);
  });

  it('reports a failing query job as DONE with an error, as BigQuery does', async () => {
    const error = await queryError(
      bigquery.createQueryJob({ query: 'SELECT nope FROM shop.orders', jobId: 'failing_job' }),
    );
    expect(error.reason).toBe('invalidQuery');
    const [metadata] = await bigquery.job('failing_job').getMetadata();
    expect(metadata.status.state).toBe('DONE');
    expect(metadata.status.errorResult.message).toContain('Unrecognized name: nope');
  });
});

describe('SQL the local cloud cannot run fails naming what is unsupported', () => {
  it.each([
    ['SELECT 1; SELECT 2', 'multi-statement queries (scripts)'],
    ['SELECT * FROM `query-project.shop.ord*`', 'wildcard tables'],
    ['SELECT x, o FROM UNNEST([1]) AS x WITH OFFSET AS o', 'UNNEST … WITH OFFSET'],
    ['DECLARE x INT64', 'DECLARE statements'],
    ['SELECT AS STRUCT 1 AS a', 'SELECT AS STRUCT'],
    ['SELECT @@project_id', 'system variables (@@project_id)'],
    [
      'SELECT FORMAT_TIMESTAMP("%Y", CURRENT_TIMESTAMP(), "Asia/Tokyo")',
      'FORMAT_TIMESTAMP with 3 argument(s)',
    ],
  ])('%s', async (sql, what) => {
    const error = await queryError(bigquery.query(sql));
    expect(error).toMatchObject({ code: 400, reason: 'invalidQuery' });
    expect(error.message).toContain(`The local cloud does not support ${what}`);
  });

  it('names an unknown function', async () => {
    const error = await queryError(bigquery.query('SELECT NO_SUCH_FUNCTION(1)'));
    expect(error.message).toMatch(/^Function not found: NO_SUCH_FUNCTION/i);
  });

  it('requires ALL or DISTINCT after UNION, as GoogleSQL does', async () => {
    const error = await queryError(bigquery.query('SELECT 1 UNION SELECT 2'));
    expect(error.message).toBe(
      'Syntax error: Expected keyword ALL or keyword DISTINCT but got "SELECT" at [1:16]',
    );
  });
});
