// Stored datasets and tables → the JSON resources of the BigQuery v2 REST API.
import type { PartitionStat } from './engine/table-storage.js';
import { rangeResource } from './layout-rules.js';
import type { StoredDataset, StoredTable } from './model.js';
import { DEFAULT_TIME_TRAVEL_HOURS } from './time-travel.js';

export function datasetResource(dataset: StoredDataset, baseUrl: string): Record<string, unknown> {
  const { projectId, datasetId } = dataset;
  return {
    kind: 'bigquery#dataset',
    etag: String(dataset.etag),
    id: `${projectId}:${datasetId}`,
    selfLink: `${baseUrl}/bigquery/v2/projects/${projectId}/datasets/${datasetId}`,
    datasetReference: { projectId, datasetId },
    location: dataset.location,
    description: dataset.description,
    friendlyName: dataset.friendlyName,
    labels: dataset.labels,
    access: dataset.access,
    defaultTableExpirationMs: dataset.defaultTableExpirationMs,
    defaultPartitionExpirationMs: dataset.defaultPartitionExpirationMs,
    maxTimeTravelHours: String(dataset.maxTimeTravelHours ?? DEFAULT_TIME_TRAVEL_HOURS),
    creationTime: String(dataset.creationTime),
    lastModifiedTime: String(dataset.lastModifiedTime),
    type: 'DEFAULT',
  };
}

export function datasetListItem(dataset: StoredDataset): Record<string, unknown> {
  const { projectId, datasetId } = dataset;
  return {
    kind: 'bigquery#dataset',
    id: `${projectId}:${datasetId}`,
    datasetReference: { projectId, datasetId },
    friendlyName: dataset.friendlyName,
    labels: dataset.labels,
    location: dataset.location,
  };
}

function partitioningResource(table: StoredTable): Record<string, unknown> | undefined {
  const partitioning = table.timePartitioning;
  if (!partitioning) return undefined;
  return {
    type: partitioning.type,
    field: partitioning.field,
    expirationMs: partitioning.expirationMs === undefined ? undefined : String(partitioning.expirationMs),
  };
}

function layout(table: StoredTable): Record<string, unknown> {
  return {
    timePartitioning: partitioningResource(table),
    rangePartitioning: rangeResource(table.rangePartitioning),
    clustering: table.clustering ? { fields: table.clustering } : undefined,
  };
}

function counts(table: StoredTable, partitions: PartitionStat[]): Record<string, unknown> {
  if (table.kind === 'VIEW') return {};
  const partitioned = table.timePartitioning !== undefined || table.rangePartitioning !== undefined;
  return {
    numRows: String(partitions.reduce((sum, partition) => sum + partition.rows, 0)),
    numBytes: String(partitions.reduce((sum, partition) => sum + partition.bytes, 0)),
    numLongTermBytes: '0',
    numPartitions: partitioned ? String(partitions.length) : undefined,
  };
}

/**
 * The table resource. `partitions` are the partitions to count: all of them for the
 * table, or the one a `$partition` decorator names.
 */
export function tableResource(
  table: StoredTable,
  partitions: PartitionStat[],
  location: string,
  baseUrl: string,
): Record<string, unknown> {
  const { projectId, datasetId, tableId } = table;
  return {
    kind: 'bigquery#table',
    etag: String(table.etag),
    id: `${projectId}:${datasetId}.${tableId}`,
    selfLink: `${baseUrl}/bigquery/v2/projects/${projectId}/datasets/${datasetId}/tables/${tableId}`,
    tableReference: { projectId, datasetId, tableId },
    schema: { fields: table.schema },
    ...layout(table),
    requirePartitionFilter:
      table.timePartitioning || table.rangePartitioning ? table.requirePartitionFilter : undefined,
    view: table.kind === 'VIEW' ? { query: table.viewQuery, useLegacySql: false } : undefined,
    description: table.description,
    friendlyName: table.friendlyName,
    labels: table.labels,
    expirationTime: table.expirationTime,
    ...counts(table, partitions),
    creationTime: String(table.creationTime),
    lastModifiedTime: String(table.lastModifiedTime),
    type: table.kind,
    location,
  };
}

export function tableListItem(table: StoredTable): Record<string, unknown> {
  const { projectId, datasetId, tableId } = table;
  return {
    kind: 'bigquery#table',
    id: `${projectId}:${datasetId}.${tableId}`,
    tableReference: { projectId, datasetId, tableId },
    type: table.kind,
    friendlyName: table.friendlyName,
    ...layout(table),
    view: table.kind === 'VIEW' ? { useLegacySql: false } : undefined,
    labels: table.labels,
    creationTime: String(table.creationTime),
    expirationTime: table.expirationTime,
  };
}
