// BigQuery's rules for a table's integer-range partitioning and clustering, as
// tables.insert/patch apply them: a range on a top-level INT64 column with at most 10,000
// partitions; at most four top-level, non-repeated clustering columns of clusterable types.
import { BigQueryApiError } from './errors.js';
import type { FieldSchema, RangePartitioning } from './model.js';

const MAX_RANGE_PARTITIONS = 10_000n;
const MAX_CLUSTERING_FIELDS = 4;
const CLUSTERABLE = new Set([
  'STRING',
  'INTEGER',
  'NUMERIC',
  'BIGNUMERIC',
  'DATE',
  'DATETIME',
  'TIMESTAMP',
  'BOOLEAN',
  'GEOGRAPHY',
]);

function invalid(message: string): BigQueryApiError {
  return new BigQueryApiError('invalid', message);
}

function int64(value: unknown, what: string): bigint {
  const text = typeof value === 'number' || typeof value === 'bigint' ? String(value) : value;
  if (typeof text !== 'string' || !/^-?\d+$/.test(text)) {
    throw invalid(`Invalid value for rangePartitioning.range.${what}: ${String(value)} is not an integer.`);
  }
  return BigInt(text);
}

function topLevel(schema: FieldSchema[], name: string): FieldSchema | undefined {
  return schema.find((field) => field.name.toLowerCase() === name.toLowerCase());
}

export function normalizeRangePartitioning(
  raw: unknown,
  schema: FieldSchema[],
): RangePartitioning | undefined {
  if (raw === undefined || raw === null) return undefined;
  const spec = raw as { field?: unknown; range?: Record<string, unknown> };
  const name = String(spec.field ?? '');
  const column = topLevel(schema, name);
  if (!column) {
    throw invalid(`The field specified for range partitioning can only be found in the schema: ${name}`);
  }
  if (column.type !== 'INTEGER' || column.mode === 'REPEATED') {
    throw invalid(
      `Range partitioning field ${name} must be a top-level, non-repeated INT64 column; it is ${column.mode} ${column.type}`,
    );
  }
  const range = spec.range ?? {};
  const start = int64(range.start, 'start');
  const end = int64(range.end, 'end');
  const interval = int64(range.interval, 'interval');
  if (interval <= 0n || end <= start) {
    throw invalid('Invalid range partitioning: end must be greater than start, and interval positive.');
  }
  if ((end - start + interval - 1n) / interval > MAX_RANGE_PARTITIONS) {
    throw invalid(
      `Too many partitions: the range would create more than ${MAX_RANGE_PARTITIONS} partitions.`,
    );
  }
  return { field: column.name, start, end, interval };
}

export function normalizeClustering(raw: unknown, schema: FieldSchema[]): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  const fields = (raw as { fields?: unknown }).fields;
  if (fields === undefined || fields === null) return undefined;
  if (!Array.isArray(fields) || fields.length === 0) {
    throw invalid('Invalid clustering: fields must be a non-empty list of column names.');
  }
  if (fields.length > MAX_CLUSTERING_FIELDS) {
    throw invalid(`Too many clustering fields: ${fields.length}, only ${MAX_CLUSTERING_FIELDS} are allowed.`);
  }
  return fields.map((name) => {
    const column = topLevel(schema, String(name));
    if (!column)
      throw invalid(
        `The field specified for clustering cannot be found in the schema.  Invalid field: ${String(name)}.`,
      );
    if (column.mode === 'REPEATED' || !CLUSTERABLE.has(column.type)) {
      throw invalid(
        `Field ${column.name} is of type ${column.mode === 'REPEATED' ? 'ARRAY' : column.type} which is not supported for clustering.`,
      );
    }
    return column.name;
  });
}

export function rangeResource(range: RangePartitioning | undefined): Record<string, unknown> | undefined {
  if (!range) return undefined;
  return {
    field: range.field,
    range: { start: String(range.start), end: String(range.end), interval: String(range.interval) },
  };
}

/** Range partitioning is fixed once a table exists. */
export function checkRangeChange(
  before: RangePartitioning | undefined,
  after: RangePartitioning | undefined,
): void {
  const same =
    before?.field === after?.field &&
    before?.start === after?.start &&
    before?.end === after?.end &&
    before?.interval === after?.interval;
  if (!same) {
    throw invalid(
      'Cannot change partitioning/clustering spec for a partitioned/clustered table. Create a new table instead.',
    );
  }
}
