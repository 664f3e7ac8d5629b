// Parquet reader: hyparquet decodes the file; values become plain JS values a load job
// can convert (bigint → number or digit string, timestamps → zone-less UTC text with
// microseconds, DATE → YYYY-MM-DD, DECIMAL → text at its scale, bytes stay Uint8Array).
import { status } from '@grpc/grpc-js';
import { type ParquetParsers, parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { LoadJobError } from '../warehouse-contract.js';
import type { SourceRecord } from './records.js';

const MICROS_PER_DAY = 86_400_000_000n;

/** `2026-01-02T03:04:05.123456`, UTC, no zone: valid for TIMESTAMP and DATETIME columns. */
function formatMicros(micros: bigint): string {
  const days = micros >= 0n ? micros / MICROS_PER_DAY : (micros - MICROS_PER_DAY + 1n) / MICROS_PER_DAY;
  const inDay = micros - days * MICROS_PER_DAY;
  const ms = Number(days) * 86_400_000 + Number(inDay / 1000n);
  const fraction = String(inDay % 1_000_000n).padStart(6, '0');
  return `${new Date(ms).toISOString().slice(0, 19)}.${fraction}`;
}

const parsers: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (millis) => formatMicros(BigInt(millis) * 1000n),
  timestampFromMicroseconds: (micros) => formatMicros(BigInt(micros)),
  timestampFromNanoseconds: (nanos) => formatMicros(BigInt(nanos) / 1000n),
  dateFromDays: (days) => new Date(days * 86_400_000).toISOString().slice(0, 10),
};

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plain);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = plain(item);
  return out;
}

export async function readParquet(uri: string, body: Uint8Array): Promise<SourceRecord[]> {
  const file = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  try {
    const metadata = parquetMetadata(file);
    // Top-level DECIMAL columns are decoded as floats; print them at their declared scale.
    const decimalScale = new Map<string, number>();
    for (const child of parquetSchema(metadata).children) {
      const element = child.element;
      if (element.converted_type === 'DECIMAL' || element.logical_type?.type === 'DECIMAL') {
        decimalScale.set(element.name, element.scale ?? 0);
      }
    }
    const rows = await parquetReadObjects({ file, metadata, parsers, utf8: false });
    return rows.map((row) => {
      const values = plain(row) as Record<string, unknown>;
      for (const [name, scale] of decimalScale) {
        const value = values[name];
        if (typeof value === 'number') values[name] = value.toFixed(scale);
      }
      return { values };
    });
  } catch (error) {
    throw new LoadJobError(
      `Error while reading data, error message: Failed to read Parquet file ${uri}: ${(error as Error).message}`,
      'invalid',
      status.INVALID_ARGUMENT,
    );
  }
}
