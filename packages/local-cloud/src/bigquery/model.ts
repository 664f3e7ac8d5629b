// What the local BigQuery keeps about datasets and tables (the catalog). Rows live in the
// SQL engine, one engine table per BigQuery table (see engine/); the catalog names it.

export type PartitionType = 'HOUR' | 'DAY' | 'MONTH' | 'YEAR';

export interface FieldSchema {
  name: string;
  type: string;
  mode?: string | undefined;
  description?: string | undefined;
  fields?: FieldSchema[] | undefined;
  /** Kept and returned as given: column-level access control, length and precision limits. */
  policyTags?: { names?: string[] } | undefined;
  maxLength?: string | undefined;
  precision?: string | undefined;
  scale?: string | undefined;
  defaultValueExpression?: string | undefined;
  collation?: string | undefined;
}

export interface TimePartitioning {
  type: PartitionType;
  /** Absent: ingestion-time partitioning (_PARTITIONTIME). */
  field?: string | undefined;
  expirationMs?: number | undefined;
}

/** Integer-range partitioning; bounds are int64 values, kept as bigint. */
export interface RangePartitioning {
  field: string;
  start: bigint;
  end: bigint;
  interval: bigint;
}

type TableKind = 'TABLE' | 'VIEW';

export interface StoredTable {
  projectId: string;
  datasetId: string;
  tableId: string;
  kind: TableKind;
  schema: FieldSchema[];
  timePartitioning?: TimePartitioning | undefined;
  rangePartitioning?: RangePartitioning | undefined;
  /** Clustering columns, in order (at most four). */
  clustering?: string[] | undefined;
  /** A view's GoogleSQL query, run on every read. */
  viewQuery?: string | undefined;
  requirePartitionFilter: boolean;
  description?: string | undefined;
  friendlyName?: string | undefined;
  labels: Record<string, string>;
  expirationTime?: string | undefined;
  creationTime: number;
  lastModifiedTime: number;
  etag: number;
  /** The engine table holding the rows (tables only). */
  storage: string;
  /** The latest instant rows of an expired partition were dropped at (time travel reads no earlier state). */
  rowsExpiredAt?: number | undefined;
  /** Epoch ms of each partition's last change, as INFORMATION_SCHEMA.PARTITIONS reports it. */
  partitionModified: Map<string, number>;
  /** tabledata.insertAll de-duplication: insertId → epoch ms it was first seen. */
  recentInsertIds: Map<string, number>;
}

/** One entry of a dataset's `access` list, kept as given after validation. */
export type AccessEntry = Record<string, unknown>;

/** A routine (function or procedure), kept as its resource: the local cloud does not run routines. */
export interface StoredRoutine {
  projectId: string;
  datasetId: string;
  routineId: string;
  /** The routine resource's own fields (routineType, language, arguments, returnType, definitionBody, …). */
  fields: Record<string, unknown>;
  creationTime: number;
  lastModifiedTime: number;
  etag: number;
}

export interface StoredDataset {
  projectId: string;
  datasetId: string;
  location: string;
  description?: string | undefined;
  friendlyName?: string | undefined;
  labels: Record<string, string>;
  access: AccessEntry[];
  defaultTableExpirationMs?: string | undefined;
  defaultPartitionExpirationMs?: string | undefined;
  /** The time-travel window in hours; absent: BigQuery's default (168). */
  maxTimeTravelHours?: number | undefined;
  creationTime: number;
  lastModifiedTime: number;
  etag: number;
  tables: Map<string, StoredTable>;
  routines: Map<string, StoredRoutine>;
}

/** A stored cell, as the load path converts it (see values.ts) before it enters the engine. */
export type StoredValue = null | string | number | boolean | bigint | StoredRow | StoredValue[];
export interface StoredRow {
  [column: string]: StoredValue;
}

/** Partition id of an unpartitioned table's rows, and of rows outside every partition. */
export const UNPARTITIONED = '__UNPARTITIONED__';
/** Partition id of rows whose partitioning column is NULL. */
export const NULL_PARTITION = '__NULL__';

/** Pseudo-columns of ingestion-time partitioned tables, hidden from `SELECT *`. */
export const PARTITION_TIME = '_PARTITIONTIME';
export const PARTITION_DATE = '_PARTITIONDATE';

export const isIngestionTime = (table: StoredTable): boolean =>
  table.timePartitioning !== undefined && table.timePartitioning.field === undefined;

export const isPartitioned = (table: StoredTable): boolean =>
  table.timePartitioning !== undefined || table.rangePartitioning !== undefined;
