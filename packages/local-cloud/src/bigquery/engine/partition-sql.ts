// A table's partition ids as SQL over its engine table, so loads, decorators, expiration
// and INFORMATION_SCHEMA.PARTITIONS all agree: `YYYYMMDD[HH]`, `YYYYMM`, `YYYY` for time
// partitioning, the range start for integer ranges, `__NULL__` for NULL, and
// `__UNPARTITIONED__` for values BigQuery keeps outside every partition (dates before
// 1960-01-01 or from 2160-01-01, integers outside the range).
import {
  isIngestionTime,
  NULL_PARTITION,
  PARTITION_TIME,
  type PartitionType,
  type StoredTable,
  UNPARTITIONED,
} from '../model.js';
import { sqlName, sqlText } from './column-types.js';

const FORMAT: Record<PartitionType, string> = {
  HOUR: '%Y%m%d%H',
  DAY: '%Y%m%d',
  MONTH: '%Y%m',
  YEAR: '%Y',
};

const UNIT: Record<PartitionType, string> = { HOUR: 'hour', DAY: 'day', MONTH: 'month', YEAR: 'year' };

/** The column that decides the partition, or undefined for an unpartitioned table. */
function partitionColumn(table: StoredTable): string | undefined {
  if (table.rangePartitioning) return table.rangePartitioning.field;
  if (!table.timePartitioning) return undefined;
  return table.timePartitioning.field ?? PARTITION_TIME;
}

/** SQL for each row's partition id (NULL on an unpartitioned table). */
export function partitionIdSql(table: StoredTable): string {
  const column = partitionColumn(table);
  if (column === undefined) return 'CAST(NULL AS VARCHAR)';
  const ref = sqlName(column);
  const range = table.rangePartitioning;
  if (range) {
    const { start, end, interval } = range;
    return `CASE WHEN ${ref} IS NULL THEN '${NULL_PARTITION}' WHEN ${ref} < ${start} OR ${ref} >= ${end} THEN '${UNPARTITIONED}' ELSE CAST(${start} + ((${ref} - ${start}) // ${interval}) * ${interval} AS VARCHAR) END`;
  }
  const type = table.timePartitioning?.type ?? 'DAY';
  // An ingestion-time row without _PARTITIONTIME would be in the streaming buffer.
  const nullId = isIngestionTime(table) ? UNPARTITIONED : NULL_PARTITION;
  return `CASE WHEN ${ref} IS NULL THEN '${nullId}' WHEN ${ref} < DATE '1960-01-01' OR ${ref} >= DATE '2160-01-01' THEN '${UNPARTITIONED}' ELSE strftime(${ref}, '${FORMAT[type]}') END`;
}

/** SQL for the first instant of each row's time partition (NULL when it has none). */
export function partitionStartSql(table: StoredTable): string | undefined {
  const partitioning = table.timePartitioning;
  if (!partitioning) return undefined;
  const ref = sqlName(partitioning.field ?? PARTITION_TIME);
  return `CAST(date_trunc('${UNIT[partitioning.type]}', ${ref}) AS TIMESTAMPTZ)`;
}

/** A WHERE condition selecting one partition by id. */
export function partitionFilterSql(table: StoredTable, partitionId: string): string {
  return `(${partitionIdSql(table)}) = ${sqlText(partitionId)}`;
}

/** The width of a time partition, for expiration (which counts from the partition's end). */
export function partitionIntervalSql(type: PartitionType): string {
  return `INTERVAL 1 ${UNIT[type].toUpperCase()}`;
}
