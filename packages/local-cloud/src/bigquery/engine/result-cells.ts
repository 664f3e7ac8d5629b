// Engine values → BigQuery's REST row shape `{f:[{v}]}` (tabledata.list, query results).
// Every scalar travels as a string in BigQuery's canonical text: INT64 digits, NUMERIC
// without trailing zeros, DATE/DATETIME/TIME civil text, BYTES base64, and TIMESTAMP as
// the request's format options ask (int64 microseconds, float seconds or ISO 8601).
import {
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBIntervalValue,
  DuckDBListValue,
  DuckDBStructValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTimeValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { FieldSchema } from '../model.js';

export type TimestampFormat = 'INT64' | 'ISO8601_STRING' | 'FLOAT_SECONDS';

interface RestCell {
  v: unknown;
}
export interface RestRow {
  f: RestCell[];
}

const MICROS_PER_DAY = 86_400_000_000n;

/** Reads `formatOptions.useInt64Timestamp` / `formatOptions.timestampOutputFormat`. */
export function timestampFormatOf(useInt64?: unknown, outputFormat?: unknown): TimestampFormat {
  if (outputFormat === 'ISO8601_STRING') return 'ISO8601_STRING';
  if (outputFormat === 'INT64' || useInt64 === true || useInt64 === 'true') return 'INT64';
  return 'FLOAT_SECONDS';
}

/** `.5` style fraction of microseconds, empty when whole. */
function fraction(micros: bigint): string {
  if (micros === 0n) return '';
  return `.${String(micros).padStart(6, '0').replace(/0+$/, '')}`;
}

function clockText(microsOfDay: bigint): string {
  const seconds = Number(microsOfDay / 1_000_000n);
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}${fraction(microsOfDay % 1_000_000n)}`;
}

function dateText(days: number): string {
  const date = new Date(days * 86_400_000);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  return `${year}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** Splits epoch microseconds into whole days and microseconds within the day. */
function splitDays(micros: bigint): { days: number; inDay: bigint } {
  let days = micros / MICROS_PER_DAY;
  if (micros < 0n && micros % MICROS_PER_DAY !== 0n) days -= 1n;
  return { days: Number(days), inDay: micros - days * MICROS_PER_DAY };
}

function civilText(micros: bigint): string {
  const { days, inDay } = splitDays(micros);
  return `${dateText(days)}T${clockText(inDay)}`;
}

function timestampText(micros: bigint, format: TimestampFormat): string {
  if (format === 'INT64') return micros.toString();
  if (format === 'FLOAT_SECONDS') return (Number(micros) / 1e6).toString();
  const { days, inDay } = splitDays(micros);
  const full = String(inDay % 1_000_000n).padStart(6, '0');
  return `${dateText(days)}T${clockText(inDay - (inDay % 1_000_000n))}.${full}Z`;
}

/** `12.500000000` → `12.5`, as BigQuery prints NUMERIC and BIGNUMERIC. */
function decimalText(text: string): string {
  if (!text.includes('.')) return text === '-0' ? '0' : text;
  const trimmed = text.replace(/0+$/, '').replace(/\.$/, '');
  return trimmed === '-0' ? '0' : trimmed;
}

function floatText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'Infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
  return String(value);
}

/** BigQuery's canonical INTERVAL text: `Y-M D H:M:S[.F]`. */
function intervalText(value: DuckDBIntervalValue): string {
  const sign = value.months < 0 ? '-' : '';
  const months = Math.abs(value.months);
  const micros = value.micros < 0n ? -value.micros : value.micros;
  const seconds = micros / 1_000_000n;
  const clock = `${seconds / 3600n}:${(seconds % 3600n) / 60n}:${seconds % 60n}${fraction(micros % 1_000_000n)}`;
  return `${sign}${Math.floor(months / 12)}-${months % 12} ${value.days} ${value.micros < 0n ? '-' : ''}${clock}`;
}

function scalarText(field: FieldSchema, value: DuckDBValue, format: TimestampFormat): unknown {
  if (value === null || value === undefined) return null;
  if (field.type === 'RECORD') return structCells(field.fields ?? [], value, format);
  if (value instanceof DuckDBTimestampTZValue) return timestampText(value.micros, format);
  if (value instanceof DuckDBTimestampValue) return civilText(value.micros);
  if (value instanceof DuckDBDateValue) return dateText(value.days);
  if (value instanceof DuckDBTimeValue) return clockText(value.micros);
  if (value instanceof DuckDBDecimalValue) return decimalText(value.toString());
  if (value instanceof DuckDBBlobValue) return Buffer.from(value.bytes).toString('base64');
  if (value instanceof DuckDBIntervalValue) return intervalText(value);
  if (typeof value === 'number') return field.type === 'FLOAT' ? floatText(value) : String(value);
  return String(value);
}

function structCells(fields: FieldSchema[], value: DuckDBValue, format: TimestampFormat): RestRow {
  const entries = value instanceof DuckDBStructValue ? value.entries : {};
  const values = Object.values(entries);
  // Struct entries come back in schema order; read by position (names may differ in case).
  return { f: fields.map((field, index) => ({ v: cellValue(field, values[index] ?? null, format) })) };
}

function cellValue(field: FieldSchema, value: DuckDBValue, format: TimestampFormat): unknown {
  if (field.mode === 'REPEATED') {
    const items = value instanceof DuckDBListValue ? value.items : [];
    return items.map((item) => ({ v: scalarText(field, item, format) }));
  }
  return scalarText(field, value, format);
}

export function encodeRow(
  fields: FieldSchema[],
  row: readonly DuckDBValue[],
  format: TimestampFormat,
): RestRow {
  return { f: fields.map((field, index) => ({ v: cellValue(field, row[index] ?? null, format) })) };
}
