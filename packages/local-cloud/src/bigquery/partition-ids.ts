// Partition ids as BigQuery names them — `YYYYMMDDHH` (HOUR), `YYYYMMDD` (DAY), `YYYYMM`
// (MONTH), `YYYY` (YEAR), a range's start for integer-range tables — and the `$…`
// decorators that address them.
import type { PartitionType, RangePartitioning } from './model.js';

const PATTERNS: [PartitionType, RegExp][] = [
  ['HOUR', /^(\d{4})(\d{2})(\d{2})(\d{2})$/],
  ['DAY', /^(\d{4})(\d{2})(\d{2})$/],
  ['MONTH', /^(\d{4})(\d{2})$/],
  ['YEAR', /^(\d{4})$/],
];

/** Splits `table$20260101` into its table id and decorator (undefined when plain). */
export function splitDecorator(tableId: string): { table: string; decorator?: string } {
  const at = tableId.indexOf('$');
  if (at < 0) return { table: tableId };
  return { table: tableId.slice(0, at), decorator: tableId.slice(at + 1) };
}

/** Calendar parts of a time partition id, or undefined when it names no real period. */
function timeParts(
  id: string,
): { type: PartitionType; year: number; month: number; day: number; hour: number } | undefined {
  for (const [type, pattern] of PATTERNS) {
    const match = pattern.exec(id);
    if (!match) continue;
    const [year = 0, month = 1, day = 1, hour = 0] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    const real =
      date.getUTCFullYear() === year &&
      date.getUTCMonth() === month - 1 &&
      date.getUTCDate() === day &&
      hour < 24;
    return real ? { type, year, month, day, hour } : undefined;
  }
  return undefined;
}

/** The granularity a decorator addresses, or undefined when it is no valid time partition id. */
export function decoratorGranularity(decorator: string): PartitionType | undefined {
  return timeParts(decorator)?.type;
}

/** The partition id of an instant (UTC), as ingestion-time and TIMESTAMP tables use. */
export function partitionIdOfInstant(epochMs: number, type: PartitionType): string {
  const iso = new Date(epochMs).toISOString();
  const year = iso.slice(0, 4);
  const month = iso.slice(5, 7);
  const day = iso.slice(8, 10);
  const hour = iso.slice(11, 13);
  return {
    YEAR: year,
    MONTH: `${year}${month}`,
    DAY: `${year}${month}${day}`,
    HOUR: `${year}${month}${day}${hour}`,
  }[type];
}

/** The first instant (epoch ms, UTC) of a time partition: what _PARTITIONTIME holds. */
export function partitionStartMs(partitionId: string): number {
  const parts = timeParts(partitionId);
  if (!parts) throw new Error(`${partitionId} is not a time partition id`);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour);
}

/** Whether `id` is the start of one of a range-partitioned table's partitions. */
export function isRangePartitionId(id: string, range: RangePartitioning): boolean {
  if (!/^-?\d+$/.test(id)) return false;
  const value = BigInt(id);
  return value >= range.start && value < range.end && (value - range.start) % range.interval === 0n;
}
