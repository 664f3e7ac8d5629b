// The BigQuery face: datasets, tables (create, read, patch for drift) and the row counts
// the lifecycle verifies, over @google-cloud/bigquery with the library's own retries off,
// a deadline on every call and our retry policy.
import { BigQuery } from '@google-cloud/bigquery';
import { PassThroughClient } from 'google-auth-library';
import { parseHostPort } from './endpoints.js';
import { type CallContext, callWithRetry, type RetryPolicy } from './retry.js';

export interface TableRef {
  projectId: string;
  datasetId: string;
  tableId: string;
}

export interface BigQueryField {
  name: string;
  type: string;
  mode?: string | undefined;
  description?: string | undefined;
  fields?: BigQueryField[] | undefined;
}

interface TimePartitioning {
  type: 'DAY' | 'HOUR' | 'MONTH' | 'YEAR';
  /** Absent: ingestion time (_PARTITIONTIME). */
  field?: string | undefined;
  expirationMs?: string | undefined;
}

export interface TableDefinition {
  schema: BigQueryField[];
  timePartitioning?: TimePartitioning | undefined;
  requirePartitionFilter?: boolean | undefined;
  description?: string | undefined;
  labels?: Record<string, string> | undefined;
}

export interface TableInfo extends TableDefinition {
  numRows?: number | undefined;
}

export type TablePatch = Partial<TableDefinition>;

export interface BigQueryFace {
  /** The dataset's location, or undefined when it does not exist. */
  getDataset(
    projectId: string,
    datasetId: string,
    signal?: AbortSignal,
  ): Promise<{ location?: string } | undefined>;
  createDataset(projectId: string, datasetId: string, location: string, signal?: AbortSignal): Promise<void>;
  /** Undefined when the table does not exist. */
  getTable(ref: TableRef, signal?: AbortSignal): Promise<TableInfo | undefined>;
  createTable(ref: TableRef, definition: TableDefinition, signal?: AbortSignal): Promise<void>;
  patchTable(ref: TableRef, patch: TablePatch, signal?: AbortSignal): Promise<void>;
  /** Rows per partition id, from INFORMATION_SCHEMA.PARTITIONS. */
  partitionRows(ref: TableRef, signal?: AbortSignal): Promise<Map<string, number>>;
  tableRows(ref: TableRef, signal?: AbortSignal): Promise<number>;
}

export interface BigQueryClientOptions {
  env: NodeJS.ProcessEnv;
  projectId: string | undefined;
  location: string;
  timeoutMs: number;
}

/** A BigQuery client for the emulator (BIGQUERY_EMULATOR_HOST) or the real service. */
export function createBigQueryClient({
  env,
  projectId,
  location,
  timeoutMs,
}: BigQueryClientOptions): BigQuery {
  const emulator = env.BIGQUERY_EMULATOR_HOST;
  const common = {
    ...(projectId ? { projectId } : {}),
    location,
    autoRetry: false,
    maxRetries: 0,
    timeout: timeoutMs,
  };
  if (!emulator) return new BigQuery(common);
  const target = parseHostPort(emulator, 'BIGQUERY_EMULATOR_HOST');
  const endpoint = `${target.protocol}://${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
  // No credentials exist for the emulator: a pass-through auth client adds none and
  // never probes the metadata server.
  const client = new BigQuery({ ...common, apiEndpoint: endpoint, authClient: new PassThroughClient() });
  // The library also reads process.env.BIGQUERY_EMULATOR_HOST ad hoc and may take it as
  // the base URL verbatim; the endpoint is decided here, so pin it.
  (client as unknown as { baseUrl: string }).baseUrl = `${endpoint}/bigquery/v2`;
  return client;
}

function isNotFound(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 404 || (error as { code?: unknown })?.code === 'NOT_FOUND';
}

export interface BigQueryFaceOptions {
  client: BigQuery;
  location: string;
  timeoutMs: number;
  queryTimeoutMs: number;
  retry: RetryPolicy;
}

export function createBigQueryFace({
  client,
  location,
  timeoutMs,
  queryTimeoutMs,
  retry,
}: BigQueryFaceOptions): BigQueryFace {
  const context = (operation: string, signal?: AbortSignal, ms = timeoutMs): CallContext => ({
    service: 'bigquery',
    operation,
    timeoutMs: ms,
    signal,
  });
  const table = (ref: TableRef) =>
    client.dataset(ref.datasetId, { projectId: ref.projectId }).table(ref.tableId);

  async function getTable(ref: TableRef, signal?: AbortSignal): Promise<TableInfo | undefined> {
    try {
      const [metadata] = await callWithRetry(context('tables.get', signal), retry, () =>
        table(ref).getMetadata(),
      );
      return toTableInfo(metadata as Record<string, unknown>);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Creates a resource that another table of the same tick may have created a moment ago. */
  async function createUnlessExists(
    operation: string,
    signal: AbortSignal | undefined,
    create: () => Promise<unknown>,
  ): Promise<void> {
    try {
      await callWithRetry(context(operation, signal), retry, create);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ALREADY_EXISTS') throw error;
    }
  }

  return {
    async getDataset(projectId, datasetId, signal) {
      try {
        const [metadata] = await callWithRetry(context('datasets.get', signal), retry, () =>
          client.dataset(datasetId, { projectId }).getMetadata(),
        );
        const datasetLocation = (metadata as { location?: unknown }).location;
        return typeof datasetLocation === 'string' ? { location: datasetLocation } : {};
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async createDataset(projectId, datasetId, datasetLocation, signal) {
      await createUnlessExists('datasets.insert', signal, () =>
        client.dataset(datasetId, { projectId }).create({ location: datasetLocation }),
      );
    },
    getTable,
    async createTable(ref, definition, signal) {
      await createUnlessExists('tables.insert', signal, () =>
        client
          .dataset(ref.datasetId, { projectId: ref.projectId })
          .createTable(ref.tableId, toApiTable(definition)),
      );
    },
    async patchTable(ref, patch, signal) {
      await callWithRetry(context('tables.patch', signal), retry, () =>
        table(ref).setMetadata(toApiTable(patch)),
      );
    },
    async partitionRows(ref, signal) {
      const query = `SELECT partition_id, total_rows FROM \`${ref.projectId}.${ref.datasetId}.INFORMATION_SCHEMA.PARTITIONS\` WHERE table_name = @t`;
      const [rows] = await callWithRetry(context('jobs.query', signal, queryTimeoutMs), retry, () =>
        client.query({ query, params: { t: ref.tableId }, location, jobTimeoutMs: queryTimeoutMs }),
      );
      const counts = new Map<string, number>();
      for (const row of rows as { partition_id?: unknown; total_rows?: unknown }[]) {
        if (row.partition_id == null) continue;
        counts.set(String(row.partition_id), Number(row.total_rows ?? 0));
      }
      return counts;
    },
    async tableRows(ref, signal) {
      const info = await getTable(ref, signal);
      return info?.numRows ?? 0;
    },
  };
}

function toApiTable(definition: TablePatch): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (definition.schema) out.schema = { fields: definition.schema };
  if (definition.timePartitioning) {
    const { type, field, expirationMs } = definition.timePartitioning;
    out.timePartitioning = { type, ...(field ? { field } : {}), ...(expirationMs ? { expirationMs } : {}) };
  }
  if (definition.requirePartitionFilter !== undefined)
    out.requirePartitionFilter = definition.requirePartitionFilter;
  if (definition.description !== undefined) out.description = definition.description;
  if (definition.labels !== undefined) out.labels = definition.labels;
  return out;
}

function toTableInfo(metadata: Record<string, unknown>): TableInfo {
  const schema = (metadata.schema as { fields?: BigQueryField[] } | undefined)?.fields ?? [];
  const tp = metadata.timePartitioning as
    | { type?: string; field?: string; expirationMs?: string | number }
    | undefined;
  return {
    schema,
    timePartitioning: tp
      ? {
          type: (tp.type ?? 'DAY') as TimePartitioning['type'],
          field: tp.field || undefined,
          expirationMs: tp.expirationMs !== undefined ? String(tp.expirationMs) : undefined,
        }
      : undefined,
    requirePartitionFilter:
      metadata.requirePartitionFilter === true ||
      (metadata.timePartitioning as { requirePartitionFilter?: boolean } | undefined)
        ?.requirePartitionFilter === true,
    description: typeof metadata.description === 'string' ? metadata.description : undefined,
    labels: (metadata.labels as Record<string, string> | undefined) ?? undefined,
    numRows: metadata.numRows !== undefined ? Number(metadata.numRows) : undefined,
  };
}
