// Stored datasets and tables → the JSON resources of the BigQuery v2 REST API.
import type { StoredDataset, StoredPartition, StoredTable } from './model.js';

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
    defaultTableExpirationMs: dataset.defaultTableExpirationMs,
    defaultPartitionExpirationMs: dataset.defaultPartitionExpirationMs,
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

/**
 * The table resource. `partitions` are the live partitions to count: all of them for
 * the table, or the one a `$YYYYMMDD` decorator names.
 */
export function tableResource(
  table: StoredTable,
  partitions: StoredPartition[],
  location: string,
  baseUrl: string,
): Record<string, unknown> {
  const { projectId, datasetId, tableId } = table;
  const numRows = partitions.reduce((sum, partition) => sum + partition.rows.length, 0);
  const numBytes = partitions.reduce((sum, partition) => sum + partition.bytes, 0);
  return {
    kind: 'bigquery#table',
    etag: String(table.etag),
    id: `${projectId}:${datasetId}.${tableId}`,
    selfLink: `${baseUrl}/bigquery/v2/projects/${projectId}/datasets/${datasetId}/tables/${tableId}`,
    tableReference: { projectId, datasetId, tableId },
    schema: { fields: table.schema },
    timePartitioning: partitioningResource(table),
    requirePartitionFilter: table.timePartitioning ? table.requirePartitionFilter : undefined,
    description: table.description,
    labels: table.labels,
    expirationTime: table.expirationTime,
    numRows: String(numRows),
    numBytes: String(numBytes),
    numLongTermBytes: '0',
    numPartitions: table.timePartitioning ? String(partitions.length) : undefined,
    creationTime: String(table.creationTime),
    lastModifiedTime: String(table.lastModifiedTime),
    type: 'TABLE',
    location,
  };
}

export function tableListItem(table: StoredTable): Record<string, unknown> {
  const { projectId, datasetId, tableId } = table;
  return {
    kind: 'bigquery#table',
    id: `${projectId}:${datasetId}.${tableId}`,
    tableReference: { projectId, datasetId, tableId },
    type: 'TABLE',
    timePartitioning: partitioningResource(table),
    labels: table.labels,
    creationTime: String(table.creationTime),
  };
}
