// The in-memory catalog of the local BigQuery: projects → datasets → tables, with the
// validation BigQuery applies to each change. Partition expiration is honoured on every
// read through `livePartitions`, against the injected clock.
import { BigQueryApiError, notFoundDataset, notFoundTable, tableName } from './errors.js';
import type { FieldSchema, StoredDataset, StoredPartition, StoredTable, TimePartitioning } from './model.js';
import { partitionEndMs } from './partition-ids.js';
import {
  checkPartitioningChange,
  checkSchemaEvolution,
  normalizePartitioning,
  normalizeSchema,
} from './schema-rules.js';

const DATASET_ID = /^[A-Za-z0-9_]{1,1024}$/;
const TABLE_ID = /^[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}]{1,1024}$/u;
const LABEL_KEY = /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u;
const LABEL_VALUE = /^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u;

type Body = Record<string, unknown>;

export class Store {
  private readonly projects = new Map<string, Map<string, StoredDataset>>();

  constructor(
    private readonly clock: () => Date,
    readonly defaultLocation = 'US',
  ) {}

  private now(): number {
    return this.clock().getTime();
  }

  private datasetsOf(projectId: string): Map<string, StoredDataset> {
    let datasets = this.projects.get(projectId);
    if (!datasets) {
      datasets = new Map();
      this.projects.set(projectId, datasets);
    }
    return datasets;
  }

  hasDataset(projectId: string, datasetId: string): boolean {
    return this.projects.get(projectId)?.has(datasetId) ?? false;
  }

  getDataset(projectId: string, datasetId: string): StoredDataset {
    const dataset = this.projects.get(projectId)?.get(datasetId);
    if (!dataset) throw notFoundDataset(projectId, datasetId);
    return dataset;
  }

  listDatasets(projectId: string): StoredDataset[] {
    return [...this.datasetsOf(projectId).values()].sort((a, b) => a.datasetId.localeCompare(b.datasetId));
  }

  insertDataset(projectId: string, body: Body): StoredDataset {
    const reference = (body.datasetReference ?? {}) as Body;
    const datasetId = String(reference.datasetId ?? '');
    if (!DATASET_ID.test(datasetId)) {
      throw new BigQueryApiError(
        'invalid',
        `Invalid dataset ID "${datasetId}". Dataset IDs must be alphanumeric (plus underscores) and must be at most 1024 characters long.`,
      );
    }
    const datasets = this.datasetsOf(projectId);
    if (datasets.has(datasetId)) {
      throw new BigQueryApiError('duplicate', `Already Exists: Dataset ${projectId}:${datasetId}`);
    }
    const now = this.now();
    const dataset: StoredDataset = {
      projectId,
      datasetId,
      location: typeof body.location === 'string' && body.location ? body.location : this.defaultLocation,
      labels: {},
      creationTime: now,
      lastModifiedTime: now,
      etag: 1,
      tables: new Map(),
    };
    applyDatasetFields(dataset, body, 'replace');
    datasets.set(datasetId, dataset);
    return dataset;
  }

  patchDataset(projectId: string, datasetId: string, body: Body, mode: 'merge' | 'replace'): StoredDataset {
    const dataset = this.getDataset(projectId, datasetId);
    applyDatasetFields(dataset, body, mode);
    dataset.lastModifiedTime = this.now();
    dataset.etag += 1;
    return dataset;
  }

  deleteDataset(projectId: string, datasetId: string, deleteContents: boolean): void {
    const dataset = this.getDataset(projectId, datasetId);
    if (dataset.tables.size > 0 && !deleteContents) {
      throw new BigQueryApiError('resourceInUse', `Dataset ${projectId}:${datasetId} is still in use`);
    }
    this.datasetsOf(projectId).delete(datasetId);
  }

  getTable(projectId: string, datasetId: string, tableId: string): StoredTable {
    const dataset = this.projects.get(projectId)?.get(datasetId);
    const table = dataset?.tables.get(tableId);
    if (!table) throw notFoundTable(projectId, datasetId, tableId);
    // An expired table is gone, as BigQuery deletes it at its expirationTime.
    if (table.expirationTime !== undefined && Number(table.expirationTime) <= this.now()) {
      dataset?.tables.delete(tableId);
      throw notFoundTable(projectId, datasetId, tableId);
    }
    return table;
  }

  listTables(projectId: string, datasetId: string): StoredTable[] {
    const dataset = this.getDataset(projectId, datasetId);
    this.dropExpiredTables(dataset);
    return [...dataset.tables.values()].sort((a, b) => a.tableId.localeCompare(b.tableId));
  }

  insertTable(projectId: string, datasetId: string, body: Body): StoredTable {
    const dataset = this.getDataset(projectId, datasetId);
    const reference = (body.tableReference ?? {}) as Body;
    const tableId = String(reference.tableId ?? '');
    if (!TABLE_ID.test(tableId)) {
      throw new BigQueryApiError(
        'invalid',
        `Invalid table ID "${tableId}". Table IDs must be alphanumeric (plus underscores, dashes and spaces) and at most 1024 characters long; decorators ($) are not allowed here.`,
      );
    }
    this.dropExpiredTables(dataset);
    if (dataset.tables.has(tableId)) {
      throw new BigQueryApiError(
        'duplicate',
        `Already Exists: Table ${tableName(projectId, datasetId, tableId)}`,
      );
    }
    const schema = readSchema(body) ?? [];
    const timePartitioning = normalizePartitioning(body.timePartitioning, schema);
    if (
      timePartitioning &&
      timePartitioning.expirationMs === undefined &&
      dataset.defaultPartitionExpirationMs
    ) {
      timePartitioning.expirationMs = Number(dataset.defaultPartitionExpirationMs);
    }
    const now = this.now();
    const table: StoredTable = {
      projectId,
      datasetId,
      tableId,
      schema,
      timePartitioning,
      requirePartitionFilter: false,
      labels: {},
      creationTime: now,
      lastModifiedTime: now,
      etag: 1,
      partitions: new Map(),
    };
    applyTableFields(table, body, 'replace');
    if (table.expirationTime === undefined && dataset.defaultTableExpirationMs) {
      table.expirationTime = String(now + Number(dataset.defaultTableExpirationMs));
    }
    dataset.tables.set(tableId, table);
    return table;
  }

  /** tables.patch (`merge`) or tables.update (`replace`), with BigQuery's change rules. */
  updateTable(
    projectId: string,
    datasetId: string,
    tableId: string,
    body: Body,
    mode: 'merge' | 'replace',
  ): StoredTable {
    const table = this.getTable(projectId, datasetId, tableId);
    const name = tableName(projectId, datasetId, tableId);
    const schema = readSchema(body);
    if (schema) {
      if (table.schema.length > 0) checkSchemaEvolution(name, table.schema, schema);
    }
    const nextSchema = schema ?? table.schema;
    let partitioning: TimePartitioning | undefined = table.timePartitioning;
    if (body.timePartitioning !== undefined || mode === 'replace') {
      partitioning = normalizePartitioning(body.timePartitioning, nextSchema);
      checkPartitioningChange(table.timePartitioning, partitioning);
    }
    table.schema = nextSchema;
    table.timePartitioning = partitioning;
    applyTableFields(table, body, mode);
    table.lastModifiedTime = this.now();
    table.etag += 1;
    return table;
  }

  deleteTable(projectId: string, datasetId: string, tableId: string): void {
    const dataset = this.getDataset(projectId, datasetId);
    if (!dataset.tables.delete(tableId)) throw notFoundTable(projectId, datasetId, tableId);
  }

  /** BigQuery deletes a table at its expirationTime. */
  private dropExpiredTables(dataset: StoredDataset): void {
    const now = this.now();
    for (const [id, table] of dataset.tables) {
      if (table.expirationTime !== undefined && Number(table.expirationTime) <= now)
        dataset.tables.delete(id);
    }
  }

  /** The table's partitions that have not expired; expired ones are dropped for good. */
  livePartitions(table: StoredTable): Map<string, StoredPartition> {
    const expirationMs = table.timePartitioning?.expirationMs;
    if (expirationMs !== undefined) {
      const now = this.now();
      for (const id of [...table.partitions.keys()]) {
        if (/^\d{8}(\d{2})?$/.test(id) && partitionEndMs(id) + expirationMs <= now)
          table.partitions.delete(id);
      }
    }
    return table.partitions;
  }
}

function readSchema(body: Body): FieldSchema[] | undefined {
  const schema = body.schema as { fields?: unknown } | undefined | null;
  if (schema === undefined || schema === null) return undefined;
  return normalizeSchema(schema.fields ?? []);
}

function checkLabels(labels: unknown): Record<string, string | null> {
  if (labels === undefined || labels === null) return {};
  if (typeof labels !== 'object')
    throw new BigQueryApiError('invalid', 'Invalid labels: expected an object of strings.');
  for (const [key, value] of Object.entries(labels)) {
    if (!LABEL_KEY.test(key)) {
      throw new BigQueryApiError(
        'invalid',
        `Label key "${key}" has invalid characters. Keys must start with a lowercase letter and contain only lowercase letters, digits, underscores and dashes (at most 63).`,
      );
    }
    if (value !== null && (typeof value !== 'string' || !LABEL_VALUE.test(value))) {
      throw new BigQueryApiError(
        'invalid',
        `Label value "${String(value)}" of key "${key}" has invalid characters. Values may contain only lowercase letters, digits, underscores and dashes (at most 63).`,
      );
    }
  }
  return labels as Record<string, string | null>;
}

function mergeLabels(current: Record<string, string>, incoming: unknown, mode: 'merge' | 'replace') {
  const labels = checkLabels(incoming);
  const next: Record<string, string> = mode === 'merge' ? { ...current } : {};
  for (const [key, value] of Object.entries(labels)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

function optionalString(body: Body, key: string, current: string | undefined, mode: 'merge' | 'replace') {
  if (!(key in body)) return mode === 'merge' ? current : undefined;
  const value = body[key];
  return value === null || value === undefined ? undefined : String(value);
}

function applyDatasetFields(dataset: StoredDataset, body: Body, mode: 'merge' | 'replace'): void {
  dataset.description = optionalString(body, 'description', dataset.description, mode);
  dataset.friendlyName = optionalString(body, 'friendlyName', dataset.friendlyName, mode);
  dataset.defaultTableExpirationMs = optionalString(
    body,
    'defaultTableExpirationMs',
    dataset.defaultTableExpirationMs,
    mode,
  );
  dataset.defaultPartitionExpirationMs = optionalString(
    body,
    'defaultPartitionExpirationMs',
    dataset.defaultPartitionExpirationMs,
    mode,
  );
  if ('labels' in body || mode === 'replace') dataset.labels = mergeLabels(dataset.labels, body.labels, mode);
}

function applyTableFields(table: StoredTable, body: Body, mode: 'merge' | 'replace'): void {
  table.description = optionalString(body, 'description', table.description, mode);
  table.expirationTime = optionalString(body, 'expirationTime', table.expirationTime, mode);
  if ('labels' in body || mode === 'replace') table.labels = mergeLabels(table.labels, body.labels, mode);
  // requirePartitionFilter moved from timePartitioning to the table; both are accepted.
  const nested = (body.timePartitioning as Body | undefined)?.requirePartitionFilter;
  const flag = body.requirePartitionFilter ?? nested;
  if (flag !== undefined && flag !== null) {
    if (flag === true && !table.timePartitioning) {
      throw new BigQueryApiError('invalid', 'requirePartitionFilter can only be set on a partitioned table.');
    }
    table.requirePartitionFilter = flag === true;
  } else if (mode === 'replace') {
    table.requirePartitionFilter = false;
  }
}
