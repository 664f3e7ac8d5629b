// fast-check generators for table files: valid ones (every key the product documents,
// each with a value it must accept), mutations that make a file surely invalid, and
// checks that any finding is a well-formed `path:line:col` inside the file.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/tables/diagnostic.js';
import { bucketNameProblem } from '../../src/tables/naming.js';

export const SETTINGS = { location: 'us', maxParallel: 10, timezone: 'UTC' };

const ident = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
const ZONES = ['UTC', 'Asia/Seoul', 'Europe/London', 'America/New_York'];

const field = fc.record({
  name: ident,
  type: fc.constantFrom('STRING', 'INTEGER', 'FLOAT', 'BOOLEAN', 'DATE', 'TIMESTAMP', 'NUMERIC'),
  mode: fc.constantFrom('NULLABLE', 'REQUIRED'),
});
/** Field lists with unique names (BigQuery refuses duplicates). */
const schema = fc.uniqueArray(field, { minLength: 1, maxLength: 5, selector: (f) => f.name });

/** A table file the loader must accept. */
export const validTableFile: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      // Reserved prefixes and suffixes (xn--, -s3alias, …) are refused, rightly.
      bucket: fc.stringMatching(/^[a-z][a-z0-9-]{2,20}[a-z0-9]$/).filter((b) => !bucketNameProblem(b)),
      dataset: ident,
      table: ident,
      format: fc.constantFrom('PARQUET', 'CSV', 'JSON', 'AVRO', 'ORC'),
      hourly: fc.boolean(),
      lookback_days: fc.integer({ min: 0, max: 366 }),
      timezone: fc.constantFrom(...ZONES),
      write_disposition: fc.constantFrom('WRITE_TRUNCATE', 'WRITE_APPEND'),
      enabled: fc.boolean(),
      require_filter: fc.boolean(),
      expiration_days: fc.integer({ min: 1, max: 3650 }),
      max_bad_records: fc.integer({ min: 0, max: 1000 }),
      description: fc.string({ unit: 'grapheme', maxLength: 40 }),
      schema,
    },
    { requiredKeys: ['bucket', 'dataset', 'table', 'format', 'hourly', 'schema'] },
  )
  .map((r) => {
    const { bucket, dataset, table, hourly, require_filter, expiration_days, format, ...rest } = r;
    const file: Record<string, unknown> = {
      source: `s3://${bucket}/${dataset}/${table}`,
      format,
      ...rest,
      partitioning: {
        granularity: hourly ? 'HOUR' : 'DAY',
        ...(require_filter === undefined ? {} : { require_filter }),
        ...(expiration_days === undefined ? {} : { expiration_days }),
      },
    };
    // CSV and JSON need a schema; the others may infer it.
    if (format !== 'CSV' && format !== 'JSON' && r.lookback_days !== undefined && r.lookback_days % 2 === 0)
      delete file.schema;
    return file;
  });

const KNOWN_KEYS = [
  '$schema',
  'source',
  'format',
  'dataset',
  'table',
  'partitioning',
  'lookback_days',
  'timezone',
  'write_disposition',
  'schema',
  'max_bad_records',
  'ignore_unknown_values',
  'csv',
  'enabled',
  'description',
  'labels',
  'owners',
  'project',
];

const notString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(ident, fc.integer(), { maxKeys: 2 }),
);
const notBoolean = fc.oneof(
  fc.integer(),
  fc.string(),
  fc.constant(null),
  fc.constant('true'),
  fc.array(fc.boolean(), { maxLength: 2 }),
);
const notObject = fc.oneof(
  fc.integer(),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
);
const notArray = fc.oneof(
  fc.integer(),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(ident, fc.integer(), { maxKeys: 2 }),
);
const badWord = (allowed: string[]) =>
  fc.oneof(
    notString,
    fc.string({ unit: 'grapheme' }).filter((s) => !allowed.includes(s.toUpperCase())),
  );

/**
 * Mutations that leave a file surely invalid, each with the key a finding must name.
 * A typed key given a value of the wrong type or range must never be silently accepted.
 */
export const breakingMutation: fc.Arbitrary<{ apply(file: Record<string, unknown>): void; names: string }> =
  fc.oneof(
    fc.constant({ apply: (f: Record<string, unknown>) => delete f.source, names: 'source' }),
    fc
      .oneof(
        notString,
        fc.string().filter((s) => !s.startsWith('s3://')),
      )
      .map((v) => ({
        apply: (f: Record<string, unknown>) => {
          f.source = v;
        },
        names: 'source',
      })),
    badWord(['PARQUET', 'CSV', 'JSON', 'AVRO', 'ORC']).map((v) => ({
      apply: set('format', v),
      names: 'format',
    })),
    fc
      .oneof(
        fc.integer({ max: -1 }),
        fc.integer({ min: 367 }),
        fc.double({ noInteger: true, noNaN: true }),
        notString.filter((v) => typeof v !== 'number'),
        fc.string(),
      )
      .map((v) => ({ apply: set('lookback_days', v), names: 'lookback_days' })),
    badWord(['WRITE_TRUNCATE', 'WRITE_APPEND']).map((v) => ({
      apply: set('write_disposition', v),
      names: 'write_disposition',
    })),
    notBoolean.map((v) => ({ apply: set('enabled', v), names: 'enabled' })),
    notString.map((v) => ({ apply: set('timezone', v), names: 'timezone' })),
    notObject.map((v) => ({ apply: set('partitioning', v), names: 'partitioning' })),
    badWord(['DAY', 'HOUR']).map((v) => ({
      apply: (f: Record<string, unknown>) => {
        (f.partitioning as Record<string, unknown>).granularity = v;
      },
      names: 'granularity',
    })),
    fc.oneof(fc.integer({ max: 0 }), fc.double({ noInteger: true, noNaN: true }), fc.string()).map((v) => ({
      apply: (f: Record<string, unknown>) => {
        (f.partitioning as Record<string, unknown>).expiration_days = v;
      },
      names: 'expiration_days',
    })),
    fc
      .oneof(fc.integer({ max: -1 }), fc.string())
      .map((v) => ({ apply: set('max_bad_records', v), names: 'max_bad_records' })),
    notObject.map((v) => ({ apply: set('labels', v), names: 'labels' })),
    notArray.map((v) => ({ apply: set('owners', v), names: 'owners' })),
    notArray.map((v) => ({ apply: set('schema', v), names: 'schema' })),
    fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
      .filter((k) => !KNOWN_KEYS.includes(k) && k !== '__proto__')
      .map((k) => ({ apply: set(k, 1), names: k })),
  );

function set(key: string, value: unknown) {
  return (file: Record<string, unknown>) => {
    file[key] = value;
  };
}

/** Lines as the JSON parser counts them (CR, LF and CRLF each end one). */
function linesOf(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** Every finding names `file`, sits on a real line and column of `text`, and is one line. */
export function expectWellFormed(diagnostics: readonly Diagnostic[], file: string, text: string): void {
  const lines = linesOf(text);
  for (const d of diagnostics) {
    expect(d.file).toBe(file);
    expect(Number.isInteger(d.line) && Number.isInteger(d.column)).toBe(true);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines.length);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeLessThanOrEqual((lines[d.line - 1]?.length ?? 0) + 1);
    expect(d.message.trim().length).toBeGreaterThan(0);
  }
}
