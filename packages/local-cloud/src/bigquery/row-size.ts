// Logical size of a stored row by BigQuery's data-size rules (INT64 8 bytes, STRING 2 +
// UTF-8 length, …), so numBytes in table metadata is a plausible estimate.
import type { FieldSchema, StoredRow, StoredValue } from './model.js';

const FIXED_SIZE: Record<string, number> = {
  INTEGER: 8,
  FLOAT: 8,
  BOOLEAN: 1,
  DATE: 8,
  DATETIME: 8,
  TIME: 8,
  TIMESTAMP: 8,
  NUMERIC: 16,
  BIGNUMERIC: 32,
};

export function rowBytes(fields: FieldSchema[], row: StoredRow): number {
  let total = 0;
  for (const field of fields) total += valueBytes(field, row[field.name] ?? null);
  return total;
}

function valueBytes(field: FieldSchema, value: StoredValue): number {
  if (value === null) return 0;
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + scalarBytes(field, item), 0);
  return scalarBytes(field, value);
}

function scalarBytes(field: FieldSchema, value: StoredValue): number {
  const fixed = FIXED_SIZE[field.type];
  if (fixed !== undefined) return fixed;
  if (field.type === 'RECORD' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return rowBytes(field.fields ?? [], value as StoredRow);
  }
  if (field.type === 'BYTES' && typeof value === 'string') return 2 + Math.floor((value.length * 3) / 4);
  return 2 + Buffer.byteLength(String(value));
}
