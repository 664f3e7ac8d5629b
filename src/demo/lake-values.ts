// Rows for the demo lake: deterministic (seeded) and plausible values for a BigQuery
// schema, guessed from each column's type and name, with every DATE/TIMESTAMP that the
// partitioning reads falling inside the partition it is written to.
import type { SchemaField } from '../tables/types.js';

/** What a table without a schema gets: a small orders table. */
export const BUILT_IN_COLUMNS: SchemaField[] = [
  { name: 'order_id', type: 'STRING', mode: 'REQUIRED' },
  { name: 'customer_id', type: 'INTEGER', mode: 'REQUIRED' },
  { name: 'amount', type: 'FLOAT', mode: 'REQUIRED' },
  { name: 'currency', type: 'STRING', mode: 'REQUIRED' },
  { name: 'status', type: 'STRING', mode: 'REQUIRED' },
  { name: 'created_at', type: 'TIMESTAMP', mode: 'REQUIRED' },
];

export type Random = () => number;

/** mulberry32: a tiny seeded PRNG, so the same seed always writes the same lake. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit hash, to derive one seed per table and partition from the lake's seed. */
export function hashSeed(seed: number, text: string): number {
  let hash = (2166136261 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 16777619) >>> 0;
  }
  return hash;
}

const CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY', 'KRW', 'CHF'];
const STATUSES = ['placed', 'paid', 'shipped', 'delivered', 'returned'];
const COUNTRIES = ['FR', 'DE', 'US', 'GB', 'KR', 'JP', 'BR'];
const EVENTS = ['page_view', 'click', 'add_to_cart', 'checkout', 'search'];
const WORDS = ['alpha', 'bravo', 'delta', 'echo', 'kilo', 'lima', 'oscar', 'tango'];

export type RowValue = string | number | bigint | boolean | Date | Uint8Array | null | RowValue[] | Row;
export interface Row {
  [column: string]: RowValue;
}

/** The time window one partition covers: a whole day, or one hour. */
export interface PartitionWindow {
  start: Date;
  /** Exclusive. */
  end: Date;
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

function stringFor(name: string, random: Random, rowIndex: number, partitionId: string): string {
  const lower = name.toLowerCase();
  if (lower.includes('currency')) return pick(random, CURRENCIES);
  if (lower.includes('status')) return pick(random, STATUSES);
  if (lower.includes('country')) return pick(random, COUNTRIES);
  if (lower.includes('event')) return pick(random, EVENTS);
  if (lower.includes('email')) return `${pick(random, WORDS)}.${between(random, 1, 999)}@example.com`;
  if (lower.includes('url') || lower.includes('page'))
    return `https://shop.example.com/${pick(random, WORDS)}`;
  if (lower.endsWith('_id') || lower === 'id') {
    return `${lower.replace(/_?id$/, '') || 'id'}-${partitionId}-${String(rowIndex).padStart(5, '0')}`;
  }
  return `${pick(random, WORDS)}-${between(random, 1, 9999)}`;
}

function numberFor(name: string, random: Random): number {
  const lower = name.toLowerCase();
  if (lower.includes('rate')) return Math.round((0.5 + random() * 1.5) * 1e4) / 1e4;
  // Money: cents, so it stays exact as NUMERIC and in CSV.
  return Math.round((5 + random() * 495) * 100) / 100;
}

function integerFor(name: string, random: Random, rowIndex: number): bigint {
  const lower = name.toLowerCase();
  if (lower.includes('quantity') || lower.includes('count')) return BigInt(between(random, 1, 10));
  if (lower.endsWith('_id') || lower === 'id') return BigInt(between(random, 1000, 99999));
  return BigInt(rowIndex);
}

function instantIn(window: PartitionWindow, random: Random): Date {
  const span = window.end.getTime() - window.start.getTime();
  // Whole milliseconds: every format (Parquet millis, CSV and JSON text) keeps them exactly.
  return new Date(window.start.getTime() + Math.floor(random() * span));
}

/** One value of a column; `null` only for NULLABLE columns, now and then. */
function valueFor(
  field: SchemaField,
  random: Random,
  context: { rowIndex: number; partitionId: string; window: PartitionWindow },
): RowValue {
  if (field.mode === 'REPEATED') {
    const { mode: _mode, ...single } = field;
    return Array.from({ length: between(random, 0, 3) }, () => valueFor(single, random, context));
  }
  if (field.mode !== 'REQUIRED' && random() < 0.05) return null;
  switch (field.type) {
    case 'STRING':
      return stringFor(field.name, random, context.rowIndex, context.partitionId);
    case 'INTEGER':
    case 'INT64':
      return integerFor(field.name, random, context.rowIndex);
    case 'FLOAT':
    case 'FLOAT64':
    case 'NUMERIC':
    case 'BIGNUMERIC':
      return numberFor(field.name, random);
    case 'BOOLEAN':
    case 'BOOL':
      return random() < 0.5;
    case 'TIMESTAMP':
    case 'DATETIME':
      return instantIn(context.window, random);
    case 'DATE':
      return new Date(
        Date.UTC(
          context.window.start.getUTCFullYear(),
          context.window.start.getUTCMonth(),
          context.window.start.getUTCDate(),
        ),
      );
    case 'TIME':
      return `${String(between(random, 0, 23)).padStart(2, '0')}:${String(between(random, 0, 59)).padStart(2, '0')}:00`;
    case 'BYTES':
      return Uint8Array.from({ length: 8 }, () => between(random, 0, 255));
    case 'JSON':
      return JSON.stringify({ source: 'demo', score: between(random, 0, 100) });
    case 'GEOGRAPHY':
      return `POINT(${between(random, -180, 180)} ${between(random, -90, 90)})`;
    case 'RECORD':
    case 'STRUCT':
      return generateRow(field.fields ?? [], random, context);
  }
}

export function generateRow(
  fields: SchemaField[],
  random: Random,
  context: { rowIndex: number; partitionId: string; window: PartitionWindow },
): Row {
  const row: Row = {};
  for (const field of fields) row[field.name] = valueFor(field, random, context);
  return row;
}
