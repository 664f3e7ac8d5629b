// The local cloud's file readers (CSV, newline-delimited JSON, Parquet; AVRO/ORC refused),
// on fixtures written here.
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { type ReadOptions, readRecords } from '../src/formats/index.js';
import { LoadJobError } from '../src/warehouse-contract.js';

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
