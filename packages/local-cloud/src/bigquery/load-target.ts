// Where a write goes: the destination's `$partition` decorator checked against the table's
// partitioning, and the _PARTITIONTIME its rows get on an ingestion-time table (the
// decorator's partition, or the partition of the load time when there is none).
import { BigQueryApiError, tableName } from './errors.js';
import { isIngestionTime, type StoredTable } from './model.js';
import {
  decoratorGranularity,
  isRangePartitionId,
  partitionIdOfInstant,
  partitionStartMs,
  splitDecorator,
} from './partition-ids.js';

export interface PartitionTarget {
  /** The addressed partition, or undefined for the whole table. */
  partitionId?: string | undefined;
  /** _PARTITIONTIME (epoch microseconds) of the written rows on an ingestion-time table. */
  partitionTimeMicros?: bigint | undefined;
}

const EXPECTED: Record<string, string> = {
  HOUR: 'YYYYMMDDHH',
  DAY: 'YYYYMMDD',
  MONTH: 'YYYYMM',
  YEAR: 'YYYY',
};

function invalid(message: string): BigQueryApiError {
  return new BigQueryApiError('invalid', message);
}

function rangeTarget(table: StoredTable, decorator: string, name: string): PartitionTarget {
  const range = table.rangePartitioning;
  if (range && isRangePartitionId(decorator, range)) return { partitionId: decorator };
  throw invalid(
    `Invalid partition decorator $${decorator} for table ${name}: an integer-range table's partitions are addressed by the start of their range.`,
  );
}

export function resolveTarget(table: StoredTable, tableId: string, loadTime: Date): PartitionTarget {
  const { decorator } = splitDecorator(tableId);
  const name = tableName(table.projectId, table.datasetId, table.tableId);
  const partitioning = table.timePartitioning;
  const ingestion = isIngestionTime(table);
  if (decorator === undefined) {
    if (!ingestion || !partitioning) return {};
    const start = partitionStartMs(partitionIdOfInstant(loadTime.getTime(), partitioning.type));
    return { partitionTimeMicros: BigInt(start) * 1000n };
  }
  if (table.rangePartitioning) return rangeTarget(table, decorator, name);
  if (!partitioning) {
    throw invalid(
      `Cannot load into partition ${decorator} of table ${name}: the table is not partitioned. Use the plain table name.`,
    );
  }
  const granularity = decoratorGranularity(decorator);
  if (!granularity) {
    throw invalid(
      `Invalid partition decorator $${decorator} for table ${name}: expected $${EXPECTED[partitioning.type]}.`,
    );
  }
  if (granularity !== partitioning.type) {
    throw invalid(
      `Invalid partition decorator $${decorator}: table ${name} is partitioned by ${partitioning.type}, so its partitions are addressed as $${EXPECTED[partitioning.type]}.`,
    );
  }
  if (!ingestion) return { partitionId: decorator };
  return { partitionId: decorator, partitionTimeMicros: BigInt(partitionStartMs(decorator)) * 1000n };
}
