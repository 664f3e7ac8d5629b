// Partition ids as BigQuery names them: `YYYYMMDD` (DAY), `YYYYMMDDHH` (HOUR), `__NULL__`
// for rows whose partition column is NULL; and the `$…` decorators that address them.
import type { PartitionType } from './model.js';

export const NULL_PARTITION = '__NULL__';

const DAY_ID = /^\d{8}$/;
const HOUR_ID = /^\d{10}$/;

/** Splits `table$20260101` into its table id and decorator (undefined when plain). */
export function splitDecorator(tableId: string): { table: string; decorator?: string } {
  const at = tableId.indexOf('$');
  if (at < 0) return { table: tableId };
  return { table: tableId.slice(0, at), decorator: tableId.slice(at + 1) };
}

/** The granularity a decorator addresses, or undefined when it is no valid partition id. */
export function decoratorGranularity(decorator: string): PartitionType | undefined {
  if (DAY_ID.test(decorator) && isRealDate(decorator)) return 'DAY';
  if (HOUR_ID.test(decorator) && isRealDate(decorator.slice(0, 8)) && Number(decorator.slice(8)) < 24) {
    return 'HOUR';
  }
  return undefined;
}

function isRealDate(id: string): boolean {
  const year = Number(id.slice(0, 4));
  const month = Number(id.slice(4, 6));
  const day = Number(id.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The partition id of an instant (UTC), as ingestion-time and TIMESTAMP tables use. */
export function partitionIdOfInstant(epochMs: number, type: PartitionType): string {
  const iso = new Date(epochMs).toISOString();
  const day = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
  return type === 'DAY' ? day : `${day}${iso.slice(11, 13)}`;
}

/** The partition id of a civil DATE (`YYYY-MM-DD`) or DATETIME (`YYYY-MM-DDTHH:…`) value. */
export function partitionIdOfCivil(value: string, type: PartitionType): string {
  const day = `${value.slice(0, 4)}${value.slice(5, 7)}${value.slice(8, 10)}`;
  return type === 'DAY' ? day : `${day}${value.length > 10 ? value.slice(11, 13) : '00'}`;
}

/** The first instant (epoch ms, UTC) of a partition: what _PARTITIONTIME holds. */
export function partitionStartMs(partitionId: string): number {
  const year = Number(partitionId.slice(0, 4));
  const month = Number(partitionId.slice(4, 6));
  const day = Number(partitionId.slice(6, 8));
  const hour = partitionId.length === 10 ? Number(partitionId.slice(8, 10)) : 0;
  return Date.UTC(year, month - 1, day, hour);
}

/** The partition's end (exclusive), from which partition expiration counts. */
export function partitionEndMs(partitionId: string): number {
  const size = partitionId.length === 10 ? 3_600_000 : 86_400_000;
  return partitionStartMs(partitionId) + size;
}
