// Converted row values (values.ts's canonical forms) → engine values for the appender:
// INTEGER digits → bigint, NUMERIC text → DECIMAL(38,9), civil times → their engine
// encodings, TIMESTAMP microseconds → TIMESTAMPTZ, RECORD → STRUCT, REPEATED → LIST.
import {
  blobValue,
  type DuckDBValue,
  dateValue,
  decimalValue,
  listValue,
  structValue,
  timestampTZValue,
  timestampValue,
  timeValue,
} from '@duckdb/node-api';
import type { FieldSchema, StoredRow, StoredValue } from '../model.js';
import { NUMERIC_SCALE, NUMERIC_WIDTH } from './column-types.js';

const MICROS_PER_SECOND = 1_000_000n;
const MS_PER_DAY = 86_400_000;

/** `12.5` → 12500000000n (DECIMAL(38,9)'s unscaled value). The text has at most 9 decimals. */
function unscaledNumeric(text: string): bigint {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace(/^[+-]/, '').split('.');
  const digits = BigInt(`${whole}${fraction.padEnd(NUMERIC_SCALE, '0')}`);
  return negative ? -digits : digits;
}

/** Microseconds since midnight of `HH:MM:SS[.ffffff]`. */
function timeMicros(text: string): bigint {
  const [clock = '', fraction = ''] = text.split('.');
  const [hours = 0, minutes = 0, seconds = 0] = clock.split(':').map(Number);
  const whole = BigInt(hours * 3600 + minutes * 60 + seconds) * MICROS_PER_SECOND;
  return whole + BigInt(fraction.padEnd(6, '0').slice(0, 6) || '0');
}

/** Days since 1970-01-01 of `YYYY-MM-DD`. */
function epochDays(text: string): number {
  const [year = 1970, month = 1, day = 1] = text.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** Microseconds since the epoch of a civil `YYYY-MM-DDTHH:MM:SS[.ffffff]`, read as UTC. */
function civilMicros(text: string): bigint {
  const [datePart = '', timePart = '00:00:00'] = text.split('T');
  return BigInt(epochDays(datePart)) * 86_400n * MICROS_PER_SECOND + timeMicros(timePart);
}

function scalar(field: FieldSchema, value: StoredValue): DuckDBValue {
  if (value === null) return null;
  switch (field.type) {
    case 'INTEGER':
      return BigInt(value as string);
    case 'NUMERIC':
      return decimalValue(unscaledNumeric(String(value)), NUMERIC_WIDTH, NUMERIC_SCALE);
    case 'BYTES':
      return blobValue(Buffer.from(String(value), 'base64'));
    case 'DATE':
      return dateValue(epochDays(String(value)));
    case 'DATETIME':
      return timestampValue(civilMicros(String(value)));
    case 'TIME':
      return timeValue(timeMicros(String(value)));
    case 'TIMESTAMP':
      return timestampTZValue(value as bigint);
    case 'RECORD':
      return structValue(engineRow(field.fields ?? [], value as StoredRow));
    default:
      return value as DuckDBValue;
  }
}

export function engineValue(field: FieldSchema, value: StoredValue): DuckDBValue {
  if (field.mode === 'REPEATED') {
    return listValue((Array.isArray(value) ? value : []).map((item) => scalar(field, item)));
  }
  return scalar(field, value);
}

function engineRow(fields: FieldSchema[], row: StoredRow): Record<string, DuckDBValue> {
  const out: Record<string, DuckDBValue> = {};
  for (const field of fields) out[field.name] = engineValue(field, row[field.name] ?? null);
  return out;
}
