// The local cloud's file readers (CSV, newline-delimited JSON, Parquet; AVRO/ORC refused)
// and the Parquet → BigQuery schema mapping, on fixtures written here.
import { parquetMetadata, parquetSchema } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { parquetSchemaToBigQuery } from '../../src/cloud/parquet-schema.js';
import { type ReadOptions, readRecords } from '../../src/emulator/formats/index.js';
import { LoadJobError } from '../../src/emulator/warehouse-contract.js';

const options = (
  overrides: Partial<ReadOptions['csv']> = {},
  rest: Partial<ReadOptions> = {},
): ReadOptions => ({
  columns: ['id', 'name'],
  ignoreUnknownValues: false,
  csv: {
    fieldDelimiter: ',',
    skipLeadingRows: 0,
    allowQuotedNewlines: false,
    allowJaggedRows: false,
    ...overrides,
  },
  ...rest,
});
const file = (text: string | Uint8Array) => ({
  uri: 's3://bucket/t/part-0',
  body: typeof text === 'string' ? Buffer.from(text) : text,
});

describe('CSV', () => {
  it('maps columns by schema order, skips leading rows, and reads an empty field as NULL (the default null marker)', async () => {
    const records = await readRecords(
      'CSV',
      file('id,name\n1,"a, b"\n2,\n3,""\n'),
      options({ skipLeadingRows: 1 }),
    );
    expect(records).toEqual([
      { values: { id: '1', name: 'a, b' } },
      { values: { id: '2', name: null } },
      { values: { id: '3', name: null } },
    ]);
  });

  it('honours the field delimiter, including tab', async () => {
    expect(await readRecords('CSV', file('1|x\n'), options({ fieldDelimiter: '|' }))).toEqual([
      { values: { id: '1', name: 'x' } },
    ]);
    expect(await readRecords('CSV', file('1\tx\n'), options({ fieldDelimiter: '\\t' }))).toEqual([
      { values: { id: '1', name: 'x' } },
    ]);
  });

  it('refuses quoted newlines unless allowQuotedNewlines', async () => {
    const text = '1,"two\nlines"\n';
    const [refused] = await readRecords('CSV', file(text), options());
    expect(refused).toHaveProperty('error');
    expect(await readRecords('CSV', file(text), options({ allowQuotedNewlines: true }))).toEqual([
      { values: { id: '1', name: 'two\nlines' } },
    ]);
  });

  it('needs allowJaggedRows for missing columns and ignoreUnknownValues for extra ones', async () => {
    const [short] = await readRecords('CSV', file('1\n'), options());
    expect(short).toHaveProperty('error');
    expect(await readRecords('CSV', file('1\n'), options({ allowJaggedRows: true }))).toEqual([
      { values: { id: '1', name: null } },
    ]);
    const [long] = await readRecords('CSV', file('1,a,b\n'), options());
    expect((long as { error: string }).error).toContain('Too many values');
    expect(await readRecords('CSV', file('1,a,b\n'), options({}, { ignoreUnknownValues: true }))).toEqual([
      { values: { id: '1', name: 'a' } },
    ]);
  });
});

describe('newline-delimited JSON', () => {
  it('reads one object per line, skips blank lines, and marks unreadable lines as bad records', async () => {
    const records = await readRecords(
      'JSON',
      file('{"id":1}\n\n{oops\n[1,2]\n{"id":2,"name":"b"}'),
      options(),
    );
    expect(records[0]).toEqual({ values: { id: 1 } });
    expect((records[1] as { error: string }).error).toContain(
      'JSON parsing error in row starting at position 10',
    );
    expect((records[2] as { error: string }).error).toContain('not a JSON object');
    expect(records[3]).toEqual({ values: { id: 2, name: 'b' } });
  });
});

describe('Parquet', () => {
  it('reads rows as plain values', async () => {
    const bytes = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: [9_007_199_254_740_993n, 2n], type: 'INT64' },
        { name: 'name', data: ['a', null], type: 'STRING' },
        { name: 'flag', data: [true, false], type: 'BOOLEAN' },
      ],
    });
    const records = await readRecords('PARQUET', file(new Uint8Array(bytes)), options());
    expect(records).toEqual([
      { values: { id: '9007199254740993', name: 'a', flag: true } },
      { values: { id: 2, name: null, flag: false } },
    ]);
  });

  it('fails the job on a file that is not Parquet', async () => {
    const error = await readRecords('PARQUET', file('not parquet at all'), options()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LoadJobError);
    expect((error as LoadJobError).message).toContain('Failed to read Parquet file s3://bucket/t/part-0');
  });

  it('maps a Parquet footer to a BigQuery schema as BigQuery infers it', () => {
    const bytes = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: [1n] },
        { name: 'score', data: [1.5] },
        { name: 'ok', data: [true] },
        { name: 'name', data: ['a'] },
        { name: 'raw', data: [new Uint8Array([1])] },
        { name: 'day', data: [20_000] },
        { name: 'at', data: [1n] },
        { name: 'local', data: [1n] },
        { name: 'small', data: [1] },
        { name: 'huge', data: [1.5] },
        { name: 'tags', data: [['x']] },
        { name: 'items', data: [[{ sku: 'a', qty: 1 }]] },
      ],
      schema: [
        { name: 'root', num_children: 12 },
        { name: 'id', type: 'INT64', repetition_type: 'REQUIRED' },
        { name: 'score', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
        { name: 'ok', type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
        { name: 'name', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        { name: 'raw', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL' },
        { name: 'day', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
        {
          name: 'at',
          type: 'INT64',
          logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' },
          repetition_type: 'OPTIONAL',
        },
        {
          name: 'local',
          type: 'INT64',
          logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MICROS' },
          repetition_type: 'OPTIONAL',
        },
        {
          name: 'small',
          type: 'INT32',
          converted_type: 'DECIMAL',
          precision: 9,
          scale: 2,
          repetition_type: 'OPTIONAL',
        },
        {
          name: 'huge',
          type: 'FIXED_LEN_BYTE_ARRAY',
          type_length: 16,
          converted_type: 'DECIMAL',
          precision: 38,
          scale: 20,
          repetition_type: 'OPTIONAL',
        },
        { name: 'tags', converted_type: 'LIST', repetition_type: 'OPTIONAL', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        { name: 'items', converted_type: 'LIST', repetition_type: 'OPTIONAL', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', repetition_type: 'OPTIONAL', num_children: 2 },
        { name: 'sku', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        { name: 'qty', type: 'INT32', repetition_type: 'OPTIONAL' },
      ] as never,
    });
    const inferred = parquetSchemaToBigQuery(parquetSchema(parquetMetadata(bytes)));
    expect(inferred).toEqual([
      { name: 'id', type: 'INTEGER', mode: 'REQUIRED' },
      { name: 'score', type: 'FLOAT', mode: 'NULLABLE' },
      { name: 'ok', type: 'BOOLEAN', mode: 'NULLABLE' },
      { name: 'name', type: 'STRING', mode: 'NULLABLE' },
      { name: 'raw', type: 'BYTES', mode: 'NULLABLE' },
      { name: 'day', type: 'DATE', mode: 'NULLABLE' },
      { name: 'at', type: 'TIMESTAMP', mode: 'NULLABLE' },
      { name: 'local', type: 'DATETIME', mode: 'NULLABLE' },
      { name: 'small', type: 'NUMERIC', mode: 'NULLABLE' },
      { name: 'huge', type: 'BIGNUMERIC', mode: 'NULLABLE' },
      { name: 'tags', type: 'STRING', mode: 'REPEATED' },
      {
        name: 'items',
        type: 'RECORD',
        mode: 'REPEATED',
        fields: [
          { name: 'sku', type: 'STRING', mode: 'NULLABLE' },
          { name: 'qty', type: 'INTEGER', mode: 'NULLABLE' },
        ],
      },
    ]);
  });
});

describe('unsupported formats', () => {
  it.each(['AVRO', 'ORC'] as const)('refuses %s with a clear message', async (format) => {
    const error = await readRecords(format, file('x'), options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadJobError);
    expect(error).toMatchObject({
      reason: 'notImplemented',
      message: `${format} is not supported by the local cloud; use PARQUET, CSV or JSON`,
    });
  });
});
