// The catalog of the local BigQuery: projects → datasets → tables and views, with the
// validation BigQuery applies to each change. Every table owns an engine table (see
// engine/table-storage.ts), created and evolved with it. A deleted or expired table leaves
// the catalog at once (expired ones on the next read, against the injected clock) and is
// kept for its dataset's time-travel window (time-travel.ts) before its rows are dropped.
import { checkAccess, DEFAULT_ACCESS, datasetFilter, mergeLabels } from './dataset-rules.js';
import type { TableStorage } from './engine/table-storage.js';
import { BigQueryApiError, notFoundDataset, notFoundTable, tableName } from './errors.js';
import { checkRangeChange, normalizeClustering, normalizeRangePartitioning } from './layout-rules.js';
import type { FieldSchema, StoredDataset, StoredTable } from './model.js';
import {
  checkPartitioningChange,
  checkSchemaEvolution,
  normalizePartitioning,
  normalizeSchema,
} from './schema-rules.js';
import { DEFAULT_TIME_TRAVEL_HOURS, readTimeTravelHours, splitSnapshot, TimeTravel } from './time-travel.js';

const DATASET_ID = /^[A-Za-z0-9_]{1,1024}$/;
const TABLE_ID = /^[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}]{1,1024}$/u;

type Body = Record<string, unknown>;
type Mode = 'merge' | 'replace';

/** The schema a view's query produces, from the query engine. */
export type ViewSchemaOf = (projectId: string, query: string) => Promise<FieldSchema[]>;

function optionalString(body: Body, key: string, current: string | undefined, mode: Mode) {
  if (!(key in body)) return mode === 'merge' ? current : undefined;
  const value = body[key];
  return value === null || value === undefined ? undefined : String(value);
}

function applyDatasetFields(dataset: StoredDataset, body: Body, mode: Mode): void {
  dataset.description = optionalString(body, 'description', dataset.description, mode);
  dataset.friendlyName = optionalString(body, 'friendlyName', dataset.friendlyName, mode);
  for (const key of ['defaultTableExpirationMs', 'defaultPartitionExpirationMs'] as const) {
    dataset[key] = optionalString(body, key, dataset[key], mode);
  }
  if ('labels' in body || mode === 'replace') dataset.labels = mergeLabels(dataset.labels, body.labels, mode);
  const hours = body.maxTimeTravelHours;
  if (hours !== undefined && hours !== null) dataset.maxTimeTravelHours = readTimeTravelHours(hours);
  else if ('maxTimeTravelHours' in body || mode === 'replace') dataset.maxTimeTravelHours = undefined;
  if (body.access !== undefined && body.access !== null) dataset.access = checkAccess(body.access);
}

function readSchema(body: Body): FieldSchema[] | undefined {
  const schema = body.schema as { fields?: unknown } | undefined | null;
  if (schema === undefined || schema === null) return undefined;
  return normalizeSchema(schema.fields ?? []);
}

/** A view's GoogleSQL query from `view`, refusing legacy SQL (the API's default). */
function readViewQuery(body: Body): string | undefined {
  const view = body.view as { query?: unknown; useLegacySql?: unknown } | undefined | null;
  if (view === undefined || view === null) return undefined;
  if (typeof view.query !== 'string' || view.query.trim() === '') {
    throw new BigQueryApiError('invalid', 'A view needs view.query.');
  }
  if (view.useLegacySql !== false) {
    throw new BigQueryApiError(
      'invalid',
      'view.useLegacySql defaults to true and the local cloud runs GoogleSQL only: set view.useLegacySql to false.',
    );
  }
  return view.query;
}

function applyTableFields(table: StoredTable, body: Body, mode: Mode): void {
  table.description = optionalString(body, 'description', table.description, mode);
  table.friendlyName = optionalString(body, 'friendlyName', table.friendlyName, mode);
  table.expirationTime = optionalString(body, 'expirationTime', table.expirationTime, mode);
  if ('labels' in body || mode === 'replace') table.labels = mergeLabels(table.labels, body.labels, mode);
  // requirePartitionFilter moved from timePartitioning to the table; both are accepted.
  const nested = (body.timePartitioning as Body | undefined)?.requirePartitionFilter;
  const flag = body.requirePartitionFilter ?? nested;
  if (flag !== undefined && flag !== null) {
    if (flag === true && !table.timePartitioning && !table.rangePartitioning) {
      throw new BigQueryApiError('invalid', 'requirePartitionFilter can only be set on a partitioned table.');
    }
    table.requirePartitionFilter = flag === true;
  } else if (mode === 'replace') {
    table.requirePartitionFilter = false;
  }
}

export class Store {
  private readonly projects = new Map<string, Map<string, StoredDataset>>();
  private readonly timeTravel: TimeTravel;

  constructor(
    private readonly clock: () => Date,
    readonly storage: TableStorage,
    private readonly viewSchemaOf: ViewSchemaOf,
    readonly defaultLocation = 'US',
  ) {
    this.timeTravel = new TimeTravel(storage);
  }

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

  projectIds(): string[] {
    return [...this.projects.keys()].sort();
  }

  hasDataset(projectId: string, datasetId: string): boolean {
    return this.projects.get(projectId)?.has(datasetId) ?? false;
  }

  getDataset(projectId: string, datasetId: string): StoredDataset {
    const dataset = this.projects.get(projectId)?.get(datasetId);
    if (!dataset) throw notFoundDataset(projectId, datasetId);
    return dataset;
  }

  listDatasets(projectId: string, filter: string | null = null): StoredDataset[] {
    const matches = datasetFilter(filter);
    return [...this.datasetsOf(projectId).values()]
      .filter(matches)
      .sort((a, b) => a.datasetId.localeCompare(b.datasetId));
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
      access: DEFAULT_ACCESS.map((entry) => ({ ...entry })),
      creationTime: now,
      lastModifiedTime: now,
      etag: 1,
      tables: new Map(),
      routines: new Map(),
    };
    applyDatasetFields(dataset, body, 'replace');
    datasets.set(datasetId, dataset);
    return dataset;
  }

  patchDataset(projectId: string, datasetId: string, body: Body, mode: Mode): StoredDataset {
    const dataset = this.getDataset(projectId, datasetId);
    if (typeof body.location === 'string' && body.location.toLowerCase() !== dataset.location.toLowerCase()) {
      throw new BigQueryApiError(
        'invalid',
        `Cannot change the location of dataset ${projectId}:${datasetId}.`,
      );
    }
    applyDatasetFields(dataset, body, mode);
    dataset.lastModifiedTime = this.now();
    dataset.etag += 1;
    return dataset;
  }

  async deleteDataset(projectId: string, datasetId: string, deleteContents: boolean): Promise<void> {
    const dataset = this.getDataset(projectId, datasetId);
    if (dataset.tables.size + dataset.routines.size > 0 && !deleteContents) {
      throw new BigQueryApiError('resourceInUse', `Dataset ${projectId}:${datasetId} is still in use`);
    }
    this.datasetsOf(projectId).delete(datasetId);
    const now = this.now();
    for (const table of dataset.tables.values()) await this.keepDeleted(dataset, table, now);
  }

  getTable(projectId: string, datasetId: string, tableId: string): StoredTable {
    const dataset = this.getDataset(projectId, datasetId);
    this.dropExpiredTables(dataset);
    const table = dataset.tables.get(tableId);
    if (!table) throw notFoundTable(projectId, datasetId, tableId);
    return table;
  }

  listTables(projectId: string, datasetId: string): StoredTable[] {
    const dataset = this.getDataset(projectId, datasetId);
    this.dropExpiredTables(dataset);
    return [...dataset.tables.values()].sort((a, b) => a.tableId.localeCompare(b.tableId));
  }

  async insertTable(projectId: string, datasetId: string, body: Body): Promise<StoredTable> {
    const dataset = this.getDataset(projectId, datasetId);
    const tableId = String(((body.tableReference ?? {}) as Body).tableId ?? '');
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
    const table = await this.newTable(dataset, tableId, body);
    if (table.kind === 'TABLE') await this.storage.create(table);
    dataset.tables.set(tableId, table);
    return table;
  }

  private async newTable(dataset: StoredDataset, tableId: string, body: Body): Promise<StoredTable> {
    const viewQuery = readViewQuery(body);
    const schema = viewQuery
      ? await this.viewSchemaOf(dataset.projectId, viewQuery)
      : (readSchema(body) ?? []);
    const timePartitioning = normalizePartitioning(body.timePartitioning, schema);
    const rangePartitioning = normalizeRangePartitioning(body.rangePartitioning, schema);
    if (timePartitioning && rangePartitioning) {
      throw new BigQueryApiError(
        'invalid',
        'A table can have time partitioning or range partitioning, not both.',
      );
    }
    if (
      timePartitioning &&
      timePartitioning.expirationMs === undefined &&
      dataset.defaultPartitionExpirationMs
    ) {
      timePartitioning.expirationMs = Number(dataset.defaultPartitionExpirationMs);
    }
    const now = this.now();
    const table: StoredTable = {
      projectId: dataset.projectId,
      datasetId: dataset.datasetId,
      tableId,
      kind: viewQuery ? 'VIEW' : 'TABLE',
      schema,
      timePartitioning,
      rangePartitioning,
      clustering: normalizeClustering(body.clustering, schema),
      viewQuery,
      requirePartitionFilter: false,
      labels: {},
      creationTime: now,
      lastModifiedTime: now,
      etag: 1,
      storage: this.storage.engine.newTableName('bq'),
      partitionModified: new Map(),
      recentInsertIds: new Map(),
    };
    applyTableFields(table, body, 'replace');
    if (table.expirationTime === undefined && dataset.defaultTableExpirationMs) {
      table.expirationTime = String(now + Number(dataset.defaultTableExpirationMs));
    }
    return table;
  }

  /** tables.patch (`merge`) or tables.update (`replace`), with BigQuery's change rules. */
  async updateTable(projectId: string, datasetId: string, tableId: string, body: Body, mode: Mode) {
    const table = this.getTable(projectId, datasetId, tableId);
    const viewQuery = table.kind === 'VIEW' ? readViewQuery(body) : undefined;
    const schema = viewQuery ? await this.viewSchemaOf(projectId, viewQuery) : readSchema(body);
    if (schema && table.kind === 'TABLE' && table.schema.length > 0) {
      checkSchemaEvolution(tableName(projectId, datasetId, tableId), table.schema, schema);
    }
    const nextSchema = schema ?? table.schema;
    const partitioning =
      body.timePartitioning !== undefined || mode === 'replace'
        ? normalizePartitioning(body.timePartitioning, nextSchema)
        : table.timePartitioning;
    checkPartitioningChange(table.timePartitioning, partitioning);
    if (body.rangePartitioning !== undefined || mode === 'replace') {
      checkRangeChange(
        table.rangePartitioning,
        normalizeRangePartitioning(body.rangePartitioning, nextSchema),
      );
    }
    if ('clustering' in body || mode === 'replace')
      table.clustering = normalizeClustering(body.clustering, nextSchema);
    if (schema && table.kind === 'TABLE') await this.storage.evolve(table, table.schema, schema);
    table.schema = nextSchema;
    table.timePartitioning = partitioning;
    if (viewQuery) table.viewQuery = viewQuery;
    applyTableFields(table, body, mode);
    table.lastModifiedTime = this.now();
    table.etag += 1;
    return table;
  }

  async deleteTable(projectId: string, datasetId: string, tableId: string): Promise<void> {
    const table = this.getTable(projectId, datasetId, tableId);
    const dataset = this.getDataset(projectId, datasetId);
    dataset.tables.delete(tableId);
    await this.keepDeleted(dataset, table, this.now());
  }

  /**
   * The table a copy job's source names: the table itself, or with a `@<ms>` / `@-<ms>`
   * snapshot decorator, the deleted table as it was then (see time-travel.ts).
   */
  sourceTable(
    projectId: string,
    datasetId: string,
    decorated: string,
  ): { table: StoredTable; at?: number | undefined } {
    const { tableId, instant } = splitSnapshot(decorated);
    if (instant === undefined) return { table: this.getTable(projectId, datasetId, tableId) };
    const dataset = this.getDataset(projectId, datasetId);
    this.dropExpiredTables(dataset);
    const windowHours = dataset.maxTimeTravelHours ?? DEFAULT_TIME_TRAVEL_HOURS;
    return this.timeTravel.snapshot(
      dataset.tables.get(tableId),
      { projectId, datasetId, tableId, location: dataset.location },
      instant,
      { now: this.now(), windowHours },
    );
  }

  private keepDeleted(dataset: StoredDataset, table: StoredTable, deletedAt: number): Promise<void> {
    const windowHours = dataset.maxTimeTravelHours ?? DEFAULT_TIME_TRAVEL_HOURS;
    return this.timeTravel.keep(table, deletedAt, windowHours, dataset.location);
  }

  /** BigQuery deletes a table at its expirationTime; deleted tables leave their window. */
  private dropExpiredTables(dataset: StoredDataset): void {
    const now = this.now();
    for (const [id, table] of dataset.tables) {
      if (table.expirationTime !== undefined && Number(table.expirationTime) <= now) {
        dataset.tables.delete(id);
        void this.keepDeleted(dataset, table, Number(table.expirationTime)).catch(() => undefined);
      }
    }
    this.timeTravel.purge(now, (projectId, datasetId) => {
      const current = this.projects.get(projectId)?.get(datasetId);
      return current ? (current.maxTimeTravelHours ?? DEFAULT_TIME_TRAVEL_HOURS) : undefined;
    });
  }
}
