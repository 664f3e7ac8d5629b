// Stored rows → BigQuery's REST row shape `{f:[{v}]}` (tabledata.list, query results).
// Every scalar travels as a string; TIMESTAMP follows the request's format options.
import type { FieldSchema, StoredRow, StoredValue } from './model.js';

export type TimestampFormat = 'INT64' | 'ISO8601_STRING' | 'FLOAT_SECONDS';

export interface RestCell {
  v: unknown;
}
export interface RestRow {
  f: RestCell[];
}

/** Reads `formatOptions.useInt64Timestamp` / `formatOptions.timestampOutputFormat`. */
export function timestampFormatOf(useInt64?: unknown, outputFormat?: unknown): TimestampFormat {
  if (outputFormat === 'ISO8601_STRING') return 'ISO8601_STRING';
  if (outputFormat === 'INT64' || useInt64 === true || useInt64 === 'true') return 'INT64';
  return 'FLOAT_SECONDS';
}

export function encodeRow(fields: FieldSchema[], row: StoredRow, format: TimestampFormat): RestRow {
  return { f: fields.map((field) => ({ v: encodeValue(field, row[field.name] ?? null, format) })) };
}

function encodeValue(field: FieldSchema, value: StoredValue, format: TimestampFormat): unknown {
  if (field.mode === 'REPEATED') {
    const items = Array.isArray(value) ? value : [];
    return items.map((item) => ({ v: encodeScalar(field, item, format) }));
  }
  return encodeScalar(field, value, format);
}

function encodeScalar(field: FieldSchema, value: StoredValue, format: TimestampFormat): unknown {
  if (value === null) return null;
  if (field.type === 'RECORD') return encodeRow(field.fields ?? [], value as StoredRow, format);
  if (field.type === 'TIMESTAMP' && typeof value === 'bigint') return encodeTimestamp(value, format);
  return String(value);
}

function encodeTimestamp(micros: bigint, format: TimestampFormat): string {
  if (format === 'INT64') return micros.toString();
  if (format === 'ISO8601_STRING') {
    const ms = Number(micros / 1000n);
    const fraction = String(((micros % 1_000_000n) + 1_000_000n) % 1_000_000n).padStart(6, '0');
    return `${new Date(ms).toISOString().slice(0, 19)}.${fraction}Z`;
  }
  return (Number(micros) / 1e6).toString();
}
