// Where a load job's rows go: the destination's `$YYYYMMDD[HH]` decorator checked against
// the table's partitioning, and each row's partition (its column value, the decorator's
// partition for ingestion-time tables, or the load time when there is no decorator).

import { status } from '@grpc/grpc-js';
import { LoadJobError } from '../warehouse-contract.js';
import { tableName } from './errors.js';
import { type StoredRow, type StoredTable, UNPARTITIONED } from './model.js';
import {
  decoratorGranularity,
  NULL_PARTITION,
  partitionIdOfCivil,
  partitionIdOfInstant,
  splitDecorator,
} from './partition-ids.js';

export type PartitionTarget =
  | { kind: 'table' }
  | { kind: 'partition'; partitionId: string; byColumn: boolean };

export function resolveTarget(table: StoredTable, tableId: string): PartitionTarget {
  const { decorator } = splitDecorator(tableId);
  if (decorator === undefined) return { kind: 'table' };
  const name = tableName(table.projectId, table.datasetId, table.tableId);
  const partitioning = table.timePartitioning;
  if (!partitioning) {
    throw new LoadJobError(
      `Cannot load into partition ${decorator} of table ${name}: the table is not partitioned. Use the plain table name.`,
      'invalid',
      status.INVALID_ARGUMENT,
    );
  }
  const granularity = decoratorGranularity(decorator);
  if (!granularity) {
    throw new LoadJobError(
      `Invalid partition decorator $${decorator} for table ${name}: expected $YYYYMMDD or $YYYYMMDDHH.`,
      'invalid',
      status.INVALID_ARGUMENT,
    );
  }
  if (granularity !== partitioning.type) {
    const expected = partitioning.type === 'DAY' ? 'YYYYMMDD' : 'YYYYMMDDHH';
    throw new LoadJobError(
      `Invalid partition decorator $${decorator}: table ${name} is partitioned by ${partitioning.type}, so its partitions are addressed as $${expected}.`,
      'invalid',
      status.INVALID_ARGUMENT,
    );
  }
  return { kind: 'partition', partitionId: decorator, byColumn: partitioning.field !== undefined };
}

export function assignPartition(
  table: StoredTable,
  target: PartitionTarget,
  row: StoredRow,
  loadTime: Date,
): string {
  const partitioning = table.timePartitioning;
  if (!partitioning) return UNPARTITIONED;
  if (partitioning.field === undefined) {
    return target.kind === 'partition'
      ? target.partitionId
      : partitionIdOfInstant(loadTime.getTime(), partitioning.type);
  }
  const value = row[partitioning.field];
  if (value === null || value === undefined) return NULL_PARTITION;
  if (typeof value === 'bigint') return partitionIdOfInstant(Number(value / 1000n), partitioning.type);
  return partitionIdOfCivil(String(value), partitioning.type);
}
