// Converts one incoming value (a CSV string, or a JSON value from a JSON load or an
// insertAll row) to the canonical form stored for its BigQuery type, refusing what
// BigQuery would refuse. A refusal is a RowError: a load job counts it as one bad record,
// insertAll reports it in insertErrors.
import type { FieldSchema, StoredRow, StoredValue } from './model.js';

export class RowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RowError';
  }
}

export interface ConvertOptions {
  ignoreUnknownValues: boolean;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Converts a whole record to the schema; unknown fields are refused or dropped. */
export function convertRow(
  fields: FieldSchema[],
  raw: Record<string, unknown>,
  options: ConvertOptions,
): StoredRow {
  const row: StoredRow = {};
  if (!options.ignoreUnknownValues) {
    const known = knownNames(fields);
    for (const key of Object.keys(raw)) {
      if (!known.has(key) && !known.has(key.toLowerCase())) throw new RowError(`No such field: ${key}.`);
    }
  }
  for (const field of fields) {
    row[field.name] = convertField(field, lookup(raw, field.name), options);
  }
  return row;
}

const namesCache = new WeakMap<FieldSchema[], Set<string>>();

/** Lower-cased column names of a schema, computed once per schema (rows are many). */
function knownNames(fields: FieldSchema[]): Set<string> {
  let names = namesCache.get(fields);
  if (!names) {
    names = new Set(fields.map((field) => field.name.toLowerCase()));
    namesCache.set(fields, names);
  }
  return names;
}

/** Column names are case-insensitive in BigQuery. */
function lookup(raw: Record<string, unknown>, name: string): unknown {
  if (name in raw) return raw[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(raw)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

export function convertField(field: FieldSchema, value: unknown, options: ConvertOptions): StoredValue {
  const mode = field.mode ?? 'NULLABLE';
  if (mode === 'REPEATED') {
    if (value === null || value === undefined) return [];
    if (!Array.isArray(value))
      throw new RowError(`Non-array value specified for repeated field: ${field.name}.`);
    return value.map((item) => {
      if (item === null || item === undefined)
        throw new RowError(`Array cannot have a null element; field: ${field.name}.`);
      return convertScalar(field, item, options);
    });
  }
  if (value === null || value === undefined) {
    if (mode === 'REQUIRED') throw new RowError(`Missing required field: ${field.name}.`);
    return null;
  }
  if (Array.isArray(value)) throw new RowError(`Array specified for non-repeated field: ${field.name}.`);
  return convertScalar(field, value, options);
}

function convertScalar(field: FieldSchema, value: unknown, options: ConvertOptions): StoredValue {
  switch (field.type.toUpperCase()) {
    case 'INTEGER':
    case 'INT64':
      return toInteger(field, value);
    case 'FLOAT':
    case 'FLOAT64':
      return toFloat(field, value);
    case 'NUMERIC':
    case 'BIGNUMERIC':
      return toNumeric(field, value);
    case 'BOOLEAN':
    case 'BOOL':
      return toBoolean(field, value);
    case 'STRING':
    case 'GEOGRAPHY':
      return toText(field, value);
    case 'BYTES':
      return toBytes(field, value);
    case 'DATE':
      return toDate(field, value);
    case 'DATETIME':
      return toDatetime(field, value);
    case 'TIME':
      return toTime(field, value);
    case 'TIMESTAMP':
      return toTimestampMicros(field, value);
    case 'JSON':
      return toJsonText(field, value);
    case 'RECORD':
    case 'STRUCT':
      if (typeof value !== 'object' || value === null) {
        throw cannotConvert(field, value, 'record');
      }
      return convertRow(field.fields ?? [], value as Record<string, unknown>, options);
    default:
      throw new RowError(`Unsupported type ${field.type} for field ${field.name}.`);
  }
}

function cannotConvert(field: FieldSchema, value: unknown, what: string): RowError {
  const shown =
    typeof value === 'string' ? value : typeof value === 'bigint' ? String(value) : JSON.stringify(value);
  return new RowError(
    `Could not convert value '${String(shown).slice(0, 100)}' to ${what}. Field: ${field.name}`,
  );
}

function toInteger(field: FieldSchema, value: unknown): string {
  let parsed: bigint | undefined;
  if (typeof value === 'bigint') parsed = value;
  else if (typeof value === 'number' && Number.isInteger(value)) parsed = BigInt(value);
  else if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) parsed = BigInt(value.trim());
  if (parsed === undefined || parsed < INT64_MIN || parsed > INT64_MAX)
    throw cannotConvert(field, value, 'integer');
  return parsed.toString();
}

function toFloat(field: FieldSchema, value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^[+-]?(inf|infinity)$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
    if (/^nan$/i.test(text)) return Number.NaN;
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  }
  throw cannotConvert(field, value, 'double');
}

/** Most integer and fraction digits of each decimal type (BigQuery's precision and scale). */
const DECIMAL_LIMITS: Record<string, { whole: number; fraction: number }> = {
  NUMERIC: { whole: 29, fraction: 9 },
  BIGNUMERIC: { whole: 38, fraction: 38 },
};

function toNumeric(field: FieldSchema, value: unknown): string {
  const text = typeof value === 'number' || typeof value === 'bigint' ? String(value) : value;
  if (typeof text !== 'string' || !/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text)) {
    throw cannotConvert(field, value, field.type.toLowerCase());
  }
  const normalized = normalizeDecimal(text.trim());
  const [whole = '', fraction = ''] = normalized.replace('-', '').split('.');
  const limits = DECIMAL_LIMITS[field.type] ?? { whole: 29, fraction: 9 };
  // Reading of the docs chosen: a value needing more digits than the type has is refused,
  // not rounded, so a lossy file never loads silently.
  if (whole.length > limits.whole || fraction.length > limits.fraction) {
    throw new RowError(`Invalid ${field.type} value: ${text.trim()} Field: ${field.name}`);
  }
  return normalized;
}

/** `+001.500` → `1.5`; exponents expanded so the stored text is plain decimal. */
function normalizeDecimal(text: string): string {
  const match = /^([+-]?)(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = '', exponentText] = match;
  let digits = `${whole}${fraction}`;
  let point = whole.length + Number(exponentText ?? 0);
  if (point < 0) {
    digits = `${'0'.repeat(-point)}${digits}`;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const intPart = digits.slice(0, point).replace(/^0+/, '') || '0';
  const fracPart = digits.slice(point).replace(/0+$/, '');
  const body = fracPart ? `${intPart}.${fracPart}` : intPart;
  return sign === '-' && body !== '0' ? `-${body}` : body;
}

const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', '0']);

function toBoolean(field: FieldSchema, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && (value === 0 || value === 1)) return value === 1;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  throw cannotConvert(field, value, 'boolean');
}

function toText(field: FieldSchema, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  throw cannotConvert(field, value, 'string');
}

function toBytes(field: FieldSchema, value: unknown): string {
  if (typeof value === 'string' && /^[A-Za-z0-9+/_-]*={0,2}$/.test(value.trim())) {
    return Buffer.from(value.trim(), 'base64').toString('base64');
  }
  throw cannotConvert(field, value, 'bytes');
}

const DATE_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const TIME_TEXT = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6})\d*)?)?$/;

function pad(value: number | string, width: number): string {
  return String(value).padStart(width, '0');
}

function civilDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function civilTime(text: string): string | undefined {
  const match = TIME_TEXT.exec(text);
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0', fraction] = match;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return undefined;
  const base = `${pad(hours, 2)}:${minutes}:${pad(seconds, 2)}`;
  return fraction ? `${base}.${fraction}` : base;
}

function toDate(field: FieldSchema, value: unknown): string {
  const match = typeof value === 'string' ? DATE_TEXT.exec(value.trim()) : null;
  const date = match ? civilDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
  if (!date) throw cannotConvert(field, value, 'date');
  return date;
}

function toDatetime(field: FieldSchema, value: unknown): string {
  if (typeof value === 'string') {
    const [datePart = '', timePart] = value.trim().split(/[T ]/, 2);
    const match = DATE_TEXT.exec(datePart);
    const date = match ? civilDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
    const time = timePart === undefined ? '00:00:00' : civilTime(timePart);
    if (date && time) return `${date}T${time}`;
  }
  throw cannotConvert(field, value, 'datetime');
}

function toTime(field: FieldSchema, value: unknown): string {
  const time = typeof value === 'string' ? civilTime(value.trim()) : undefined;
  if (!time) throw cannotConvert(field, value, 'time');
  return time;
}

const TIMESTAMP_TEXT =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{1,2}(?::?\d{2})?)?$/i;

/** Parses BigQuery's timestamp text forms to epoch microseconds (bigint, exact). */
function parseTimestampMicros(text: string): bigint | undefined {
  const match = TIMESTAMP_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
  if (!civilDate(Number(y), Number(mo), Number(d)) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return undefined;
  }
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  let micros = BigInt(ms) * 1000n + BigInt(fraction.slice(0, 6).padEnd(6, '0'));
  if (zone && !/^(z|utc)$/i.test(zone)) {
    const sign = zone.startsWith('-') ? -1n : 1n;
    const digits = zone.slice(1).replace(':', '');
    const hours = BigInt(digits.length <= 2 ? digits : digits.slice(0, -2));
    const minutes = BigInt(digits.length <= 2 ? '0' : digits.slice(-2));
    micros -= sign * (hours * 3600n + minutes * 60n) * 1_000_000n;
  }
  return micros;
}

function toTimestampMicros(field: FieldSchema, value: unknown): bigint {
  // A number is seconds since the epoch, as BigQuery reads it from JSON.
  if (typeof value === 'number' && Number.isFinite(value)) return BigInt(Math.round(value * 1_000_000));
  if (typeof value === 'bigint') return value * 1_000_000n;
  if (typeof value === 'string') {
    const micros = parseTimestampMicros(value);
    if (micros !== undefined) return micros;
    if (/^[+-]?\d+(\.\d+)?$/.test(value.trim())) return BigInt(Math.round(Number(value) * 1_000_000));
  }
  throw cannotConvert(field, value, 'timestamp');
}

function toJsonText(field: FieldSchema, value: unknown): string {
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value));
    } catch {
      throw cannotConvert(field, value, 'JSON');
    }
  }
  return JSON.stringify(value, (_key, item) => (typeof item === 'bigint' ? item.toString() : item));
}
