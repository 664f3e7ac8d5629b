// What the local BigQuery keeps in memory: datasets, tables and their rows grouped by
// partition. Rows are stored already converted to the schema's types (see values.ts).

export type PartitionType = 'DAY' | 'HOUR';

export interface FieldSchema {
  name: string;
  type: string;
  mode?: string | undefined;
  description?: string | undefined;
  fields?: FieldSchema[] | undefined;
}

export interface TimePartitioning {
  type: PartitionType;
  /** Absent: ingestion-time partitioning (_PARTITIONTIME). */
  field?: string | undefined;
  expirationMs?: number | undefined;
}

/** A stored cell: null, a scalar in its canonical form, a nested record or an array. */
export type StoredValue = null | string | number | boolean | bigint | StoredRow | StoredValue[];
export interface StoredRow {
  [column: string]: StoredValue;
}

export interface StoredPartition {
  rows: StoredRow[];
  /** Logical bytes of the rows, kept as rows change so numBytes costs nothing to read. */
  bytes: number;
  /** Epoch ms of the partition's last change, as INFORMATION_SCHEMA.PARTITIONS reports. */
  lastModifiedMs: number;
}

export interface StoredTable {
  projectId: string;
  datasetId: string;
  tableId: string;
  schema: FieldSchema[];
  timePartitioning?: TimePartitioning | undefined;
  requirePartitionFilter: boolean;
  description?: string | undefined;
  labels: Record<string, string>;
  expirationTime?: string | undefined;
  creationTime: number;
  lastModifiedTime: number;
  etag: number;
  /** Keyed by partition id; an unpartitioned table keeps one `__UNPARTITIONED__` entry. */
  partitions: Map<string, StoredPartition>;
}

export interface StoredDataset {
  projectId: string;
  datasetId: string;
  location: string;
  description?: string | undefined;
  friendlyName?: string | undefined;
  labels: Record<string, string>;
  defaultTableExpirationMs?: string | undefined;
  defaultPartitionExpirationMs?: string | undefined;
  creationTime: number;
  lastModifiedTime: number;
  etag: number;
  tables: Map<string, StoredTable>;
}

export const UNPARTITIONED = '__UNPARTITIONED__';
