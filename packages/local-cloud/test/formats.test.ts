// The local cloud's file readers (CSV, newline-delimited JSON; AVRO/ORC refused) on
// fixtures written here, and BigQuery's Parquet typing rules (a whole Parquet load runs in
// bigquery-parquet.test.ts).
import { describe, expect, it } from 'vitest';
import { checkFormatSupported, type ReadOptions, readRecords } from '../src/formats/index.js';
import { checkFields } from '../src/formats/parquet-match.js';
import { leafTyping, type ParquetNode } from '../src/formats/parquet-types.js';
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
    const records = readRecords(
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
    expect(readRecords('CSV', file('1|x\n'), options({ fieldDelimiter: '|' }))).toEqual([
      { values: { id: '1', name: 'x' } },
    ]);
    expect(readRecords('CSV', file('1\tx\n'), options({ fieldDelimiter: '\\t' }))).toEqual([
      { values: { id: '1', name: 'x' } },
    ]);
  });

  it('refuses quoted newlines unless allowQuotedNewlines', async () => {
    const text = '1,"two\nlines"\n';
    const [refused] = readRecords('CSV', file(text), options());
    expect(refused).toHaveProperty('error');
    expect(readRecords('CSV', file(text), options({ allowQuotedNewlines: true }))).toEqual([
      { values: { id: '1', name: 'two\nlines' } },
    ]);
  });

  it('needs allowJaggedRows for missing columns and ignoreUnknownValues for extra ones', async () => {
    const [short] = readRecords('CSV', file('1\n'), options());
    expect(short).toHaveProperty('error');
    expect(readRecords('CSV', file('1\n'), options({ allowJaggedRows: true }))).toEqual([
      { values: { id: '1', name: null } },
    ]);
    const [long] = readRecords('CSV', file('1,a,b\n'), options());
    expect((long as { error: string }).error).toContain('Too many values');
    expect(readRecords('CSV', file('1,a,b\n'), options({}, { ignoreUnknownValues: true }))).toEqual([
      { values: { id: '1', name: 'a' } },
    ]);
  });
});

describe('newline-delimited JSON', () => {
  it('reads one object per line, skips blank lines, and marks unreadable lines as bad records', async () => {
    const records = readRecords('JSON', file('{"id":1}\n\n{oops\n[1,2]\n{"id":2,"name":"b"}'), options());
    expect(records[0]).toEqual({ values: { id: 1 } });
    expect((records[1] as { error: string }).error).toContain(
      'JSON parsing error in row starting at position 10',
    );
    expect((records[2] as { error: string }).error).toContain('not a JSON object');
    expect(records[3]).toEqual({ values: { id: 2, name: 'b' } });
  });
});

describe("Parquet typing, after BigQuery's Parquet conversions", () => {
  const leaf = (physical: string, extra: Partial<ParquetNode> = {}): ParquetNode => ({
    name: 'c',
    physical,
    repetition: 'OPTIONAL',
    converted: null,
    logical: null,
    scale: null,
    precision: null,
    children: [],
    ...extra,
  });

  it.each([
    ['BOOLEAN', {}, 'BOOLEAN'],
    ['INT32', {}, 'INTEGER'],
    ['INT64', { converted: 'INT_64' }, 'INTEGER'],
    ['INT32', { converted: 'DATE' }, 'DATE'],
    ['INT64', { converted: 'TIMESTAMP_MILLIS' }, 'TIMESTAMP'],
    [
      'INT64',
      {
        logical:
          'TimestampType(isAdjustedToUTC=0, unit=TimeUnit(MILLIS=MilliSeconds(), MICROS=<null>, NANOS=<null>))',
      },
      'DATETIME',
    ],
    ['INT96', {}, 'TIMESTAMP'],
    ['DOUBLE', {}, 'FLOAT'],
    ['BYTE_ARRAY', {}, 'BYTES'],
    ['BYTE_ARRAY', { converted: 'UTF8' }, 'STRING'],
    ['BYTE_ARRAY', { logical: 'StringType()' }, 'STRING'],
    ['BYTE_ARRAY', { converted: 'JSON' }, 'JSON'],
    ['INT64', { converted: 'DECIMAL', precision: 18, scale: 2 }, 'NUMERIC'],
    ['FIXED_LEN_BYTE_ARRAY', { converted: 'DECIMAL', precision: 40, scale: 12 }, 'BIGNUMERIC'],
  ] as const)('reads %s %j as %s', (physical, extra, type) => {
    const typing = leafTyping(leaf(physical, extra));
    expect(typing.type).toBe(type);
    expect(typing.accepts).toContain(type);
  });

  it('takes no numbers into STRING, no strings into INT64 or DATE, no civil times into TIMESTAMP', () => {
    expect(leafTyping(leaf('INT64')).accepts).not.toContain('STRING');
    expect(leafTyping(leaf('DOUBLE')).accepts).not.toContain('STRING');
    expect(leafTyping(leaf('BYTE_ARRAY', { converted: 'UTF8' })).accepts).not.toContain('INTEGER');
    expect(leafTyping(leaf('BYTE_ARRAY', { converted: 'UTF8' })).accepts).not.toContain('DATE');
    expect(leafTyping(leaf('INT32')).accepts).not.toContain('FLOAT');
    const civil = leaf('INT64', {
      logical: 'TimestampType(isAdjustedToUTC=0, unit=TimeUnit(MILLIS=MilliSeconds()))',
    });
    expect(leafTyping(civil).accepts).not.toContain('TIMESTAMP');
  });

  it('puts a decimal that fits NUMERIC into NUMERIC or BIGNUMERIC, a wider one into BIGNUMERIC only', () => {
    expect(leafTyping(leaf('INT64', { converted: 'DECIMAL', precision: 18, scale: 2 })).accepts).toEqual([
      'NUMERIC',
      'BIGNUMERIC',
    ]);
    expect(
      leafTyping(leaf('FIXED_LEN_BYTE_ARRAY', { converted: 'DECIMAL', precision: 38, scale: 10 })).accepts,
    ).toEqual(['BIGNUMERIC']);
  });

  it('matches a file against a table: names, modes, unknown columns', () => {
    const file: ParquetNode = {
      ...leaf(''),
      name: 'root',
      physical: null,
      children: [
        { ...leaf('INT64'), name: 'ID', repetition: 'OPTIONAL' },
        { ...leaf('BYTE_ARRAY', { converted: 'UTF8' }), name: 'extra' },
      ],
    };
    const context = { table: 'p:d.t', uri: 's3://b/k.parquet', ignoreUnknownValues: false };
    expect(() => checkFields([{ name: 'id', type: 'INTEGER', mode: 'NULLABLE' }], file, '', context)).toThrow(
      'Provided Schema does not match Table p:d.t. Cannot add fields (field: extra). File: s3://b/k.parquet',
    );
    const ignoring = { ...context, ignoreUnknownValues: true };
    expect(() =>
      checkFields([{ name: 'id', type: 'INTEGER', mode: 'NULLABLE' }], file, '', ignoring),
    ).not.toThrow();
    expect(() =>
      checkFields([{ name: 'id', type: 'INTEGER', mode: 'REQUIRED' }], file, '', ignoring),
    ).toThrow('Field id has changed mode from REQUIRED to NULLABLE');
    expect(() => checkFields([{ name: 'id', type: 'STRING', mode: 'NULLABLE' }], file, '', ignoring)).toThrow(
      'Field id has changed type from STRING to INTEGER',
    );
  });
});

describe('unsupported formats', () => {
  it.each(['AVRO', 'ORC'] as const)('refuses %s with a clear message', (format) => {
    let error: unknown;
    try {
      checkFormatSupported(format);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LoadJobError);
    expect(error).toMatchObject({
      reason: 'notImplemented',
      message: `${format} is not supported by the local cloud; use PARQUET, CSV or JSON`,
    });
  });
});
