// Parquet loads the way BigQuery types them: a column whose Parquet type cannot go into
// the destination column's type fails the whole job, naming the column and the file; modes
// and unknown columns are checked the same way; what does load keeps its exact values.
// Driven through `warehouse.load` (the seam DTS runs use), read back with the official client.
import { BigQuery } from '@google-cloud/bigquery';
import { PassThroughClient } from 'google-auth-library';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BigQueryEmulator, startBigQueryEmulator } from '../src/bigquery/index.js';
import { FaultRegistry } from '../src/faults.js';
import { LoadJobError, type LoadJobRequest } from '../src/warehouse-contract.js';

const PROJECT = 'parquet-project';
let emulator: BigQueryEmulator;
let bigquery: BigQuery;

type Column = { name: string; data: unknown[]; element: Record<string, unknown> };

/** A one-row-group Parquet file with exactly the given physical/logical types. */
function parquet(columns: Column[]): Uint8Array {
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: columns.map(({ name, data }) => ({ name, data })),
      schema: [
        { name: 'root', num_children: columns.length },
        ...columns.map(({ name, element }) => ({ name, repetition_type: 'OPTIONAL', ...element })),
      ] as never,
    }),
  );
}

const text = (name: string, data: unknown[]): Column => ({
  name,
  data,
  element: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
});
const int64 = (name: string, data: unknown[], element: Record<string, unknown> = {}): Column => ({
  name,
  data,
  element: { type: 'INT64', ...element },
});

function load(tableId: string, files: Uint8Array[], extra: Partial<LoadJobRequest> = {}) {
  return emulator.warehouse.load({
    projectId: PROJECT,
    datasetId: 'lake',
    tableId,
    format: 'PARQUET',
    files: files.map((body, index) => ({ uri: `s3://bucket/${tableId}/part-${index}.parquet`, body })),
    writeDisposition: 'WRITE_TRUNCATE',
    maxBadRecords: 0,
    ignoreUnknownValues: false,
    csv: { fieldDelimiter: ',', skipLeadingRows: 0, allowQuotedNewlines: false, allowJaggedRows: false },
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

async function table(tableId: string, schema: string | Record<string, unknown>[]) {
  await bigquery
    .dataset('lake')
    .createTable(tableId, { schema: typeof schema === 'string' ? schema : { fields: schema } });
}

async function rows(tableId: string): Promise<Record<string, unknown>[]> {
  const [result] = await bigquery.query(`SELECT * FROM lake.${tableId}`);
  return result as Record<string, unknown>[];
}

beforeAll(async () => {
  emulator = await startBigQueryEmulator({ faults: new FaultRegistry(), projectId: PROJECT });
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

describe('types that BigQuery refuses, naming the column and the file', () => {
  it('refuses numbers into a STRING column', async () => {
    await table('numbers_as_text', 'code:string');
    const error = await loadError(load('numbers_as_text', [parquet([int64('code', [1n, 2n])])]));
    expect(error.reason).toBe('invalid');
    expect(error.grpcCode).toBe(3);
    expect(error.message).toBe(
      `Provided Schema does not match Table ${PROJECT}:lake.numbers_as_text. Field code has changed type from STRING to INTEGER. File: s3://bucket/numbers_as_text/part-0.parquet`,
    );
  });

  it('refuses digit strings into an INT64 column and date strings into a DATE column', async () => {
    await table('typed', 'id:integer,day:date');
    const digits = await loadError(load('typed', [parquet([text('id', ['1', '2'])])]));
    expect(digits.message).toContain('Field id has changed type from INTEGER to STRING');
    const dates = await loadError(load('typed', [parquet([text('day', ['2026-01-01'])])]));
    expect(dates.message).toContain('Field day has changed type from DATE to STRING');
  });

  it('refuses doubles into NUMERIC and civil timestamps into TIMESTAMP', async () => {
    await table('money', 'amount:numeric,at:timestamp');
    const double = await loadError(
      load('money', [parquet([{ name: 'amount', data: [1.5], element: { type: 'DOUBLE' } }])]),
    );
    expect(double.message).toContain('Field amount has changed type from NUMERIC to FLOAT');
    const civil = int64('at', [1_763_600_000_000n], {
      logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MILLIS' },
    });
    const error = await loadError(load('money', [parquet([civil])]));
    expect(error.message).toContain('Field at has changed type from TIMESTAMP to DATETIME');
  });

  it('fails the whole job when the second file does not match, leaving the table as it was', async () => {
    await table('two_files', 'id:integer');
    await load('two_files', [parquet([int64('id', [7n])])]);
    const error = await loadError(
      load('two_files', [parquet([int64('id', [1n])]), parquet([text('id', ['2'])])]),
    );
    expect(error.message).toContain('File: s3://bucket/two_files/part-1.parquet');
    expect(await rows('two_files')).toEqual([{ id: 7 }]);
  });
});

describe('modes and columns', () => {
  it('refuses an OPTIONAL column into a REQUIRED one, and a list into a non-repeated one', async () => {
    await table('strict_modes', [
      { name: 'id', type: 'INTEGER', mode: 'REQUIRED' },
      { name: 'tags', type: 'STRING' },
    ]);
    const optional = await loadError(load('strict_modes', [parquet([int64('id', [1n])])]));
    expect(optional.message).toContain('Field id has changed mode from REQUIRED to NULLABLE');
    const list = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'id', data: [1n] },
          { name: 'tags', data: [['a']] },
        ],
        schema: [
          { name: 'root', num_children: 2 },
          { name: 'id', type: 'INT64', repetition_type: 'REQUIRED' },
          { name: 'tags', converted_type: 'LIST', repetition_type: 'OPTIONAL', num_children: 1 },
          { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
          { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        ] as never,
      }),
    );
    const repeated = await loadError(load('strict_modes', [list]));
    expect(repeated.message).toContain('Field tags has changed mode from NULLABLE to REPEATED');
  });

  it('refuses columns the table does not have unless ignoreUnknownValues, and fills missing ones with NULL', async () => {
    await table('columns', 'id:integer,note:string');
    const file = parquet([int64('id', [1n]), text('extra', ['x'])]);
    const error = await loadError(load('columns', [file]));
    expect(error.message).toContain('Cannot add fields (field: extra)');
    await load('columns', [file], { ignoreUnknownValues: true });
    expect(await rows('columns')).toEqual([{ id: 1, note: null }]);
  });
});

describe('values that load keep their exact value', () => {
  it('keeps every digit of a DECIMAL(18,2) beyond a double’s precision', async () => {
    await table('exact', 'amount:numeric,big:bignumeric');
    const decimal = { converted_type: 'DECIMAL', precision: 18, scale: 2 };
    await load('exact', [
      parquet([int64('amount', [123456789012345678n], decimal), int64('big', [5n], decimal)]),
    ]);
    const [result] = await bigquery.query('SELECT CAST(amount AS STRING) AS amount, big FROM lake.exact');
    expect(result).toEqual([{ amount: '1234567890123456.78', big: '0.05' }]);
  });

  it('keeps TIMESTAMP microseconds and reads UTC-adjusted timestamps as instants', async () => {
    await table('instants', 'at:timestamp');
    await load('instants', [
      parquet([int64('at', [1_767_225_600_123_456n], { converted_type: 'TIMESTAMP_MICROS' })]),
    ]);
    const [result] = await bigquery.query('SELECT UNIX_MICROS(`at`) AS micros FROM lake.instants');
    expect(result).toEqual([{ micros: 1_767_225_600_123_456 }]);
  });
});
