// Copy jobs (jobs.insert with `configuration.copy`): one or more source tables with the
// same schema into a destination, created from the first source when missing
// (CREATE_IF_NEEDED), written under the writeDisposition (WRITE_EMPTY by default), all or
// nothing. A `table@<ms>` / `table@-<ms>` source restores a deleted table as it was then
// (time-travel.ts); like BigQuery, a restore does not carry the table's partitioning over,
// and the local cloud (reading that most strictly) creates the destination with the schema
// alone. Snapshot, clone and restore operation types are refused by name.
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlName } from './engine/column-types.js';
import { expiredRowsSql } from './engine/table-storage.js';
import type { WriteDisposition } from './engine/table-writes.js';
import { BigQueryApiError, notFoundTable } from './errors.js';
import type { Job, JobRegistry } from './jobs.js';
import { rangeResource } from './layout-rules.js';
import type { StoredTable } from './model.js';
import { splitDecorator } from './partition-ids.js';
import { writeThroughStage } from './staged-write.js';
import type { Store } from './store.js';

type Body = Record<string, unknown>;
type Reference = { projectId?: string; datasetId?: string; tableId?: string };

function notSupported(what: string): BigQueryApiError {
  return new BigQueryApiError('notImplemented', `The local cloud does not implement ${what}.`);
}

interface Source {
  table: StoredTable;
  /** Through a snapshot decorator: the instant a deleted table is restored as of. */
  at?: number | undefined;
}

function sourceTable(store: Store, reference: Reference): Source {
  const tableId = reference.tableId ?? '';
  const source = store.sourceTable(reference.projectId ?? '', reference.datasetId ?? '', tableId);
  const { table } = source;
  if (table.kind !== 'TABLE')
    throw new BigQueryApiError('invalid', `Cannot copy ${table.datasetId}.${table.tableId}: it is a view.`);
  return source;
}

/**
 * Fills the stage from one source: a live table all its rows (expired partitions dropped
 * first); a restored one its schema's columns (no ingestion time: the destination has the
 * schema alone) without the partitions that had expired at the snapshot's instant.
 */
async function fillFrom(store: Store, connection: DuckDBConnection, stage: string, source: Source) {
  const { table, at } = source;
  if (!store.storage.hasRows(table)) return;
  if (at === undefined) {
    await store.storage.purgeExpired(connection, table);
    await connection.run(`INSERT INTO ${sqlName(stage)} SELECT * FROM ${sqlName(table.storage)}`);
    return;
  }
  const columns = table.schema.map((field) => sqlName(field.name)).join(', ');
  const expired = expiredRowsSql(table, new Date(at));
  const where = expired ? ` WHERE NOT (${expired.condition})` : '';
  await connection.run(
    `INSERT INTO ${sqlName(stage)} (${columns}) SELECT ${columns} FROM ${sqlName(table.storage)}${where}`,
  );
}

function sameSchema(a: StoredTable, b: StoredTable): boolean {
  return JSON.stringify(a.schema) === JSON.stringify(b.schema);
}

async function destinationOf(store: Store, copy: Body, first: Source): Promise<StoredTable> {
  const reference = (copy.destinationTable ?? {}) as Reference;
  const projectId = reference.projectId ?? '';
  const datasetId = reference.datasetId ?? '';
  const { table: tableId } = splitDecorator(reference.tableId ?? '');
  if (
    store.hasDataset(projectId, datasetId) &&
    store.listTables(projectId, datasetId).some((table) => table.tableId === tableId)
  ) {
    return store.getTable(projectId, datasetId, tableId);
  }
  if (copy.createDisposition === 'CREATE_NEVER') throw notFoundTable(projectId, datasetId, tableId);
  const { table, at } = first;
  if (at !== undefined)
    return store.insertTable(projectId, datasetId, {
      tableReference: { tableId },
      schema: { fields: table.schema },
    });
  return store.insertTable(projectId, datasetId, {
    tableReference: { tableId },
    schema: { fields: table.schema },
    timePartitioning: table.timePartitioning,
    rangePartitioning: rangeResource(table.rangePartitioning),
    clustering: table.clustering ? { fields: table.clustering } : undefined,
  });
}

async function copy(
  store: Store,
  copy: Body,
  now: Date,
): Promise<{ rows: number; destination: StoredTable }> {
  if (copy.operationType !== undefined && copy.operationType !== 'COPY')
    throw notSupported(`${String(copy.operationType)} copy jobs`);
  const sources = ((copy.sourceTables ?? (copy.sourceTable ? [copy.sourceTable] : [])) as Reference[]).map(
    (source) => sourceTable(store, source),
  );
  const [first] = sources;
  if (!first) throw new BigQueryApiError('invalid', 'A copy job needs sourceTable or sourceTables.');
  const destination = await destinationOf(store, copy, first);
  if (!sources.every((source) => sameSchema(source.table, destination))) {
    throw new BigQueryApiError(
      'invalid',
      `Provided Schema does not match Table ${destination.projectId}:${destination.datasetId}.${destination.tableId}.`,
    );
  }
  const { written } = await writeThroughStage(store, {
    table: destination,
    tableId: ((copy.destinationTable ?? {}) as Reference).tableId ?? '',
    disposition: String(copy.writeDisposition ?? 'WRITE_EMPTY') as WriteDisposition,
    now,
    fill: async (connection, stage) => {
      for (const source of sources) await fillFrom(store, connection, stage, source);
    },
  });
  return { rows: written.rows, destination };
}

/** jobs.insert of a copy job: like BigQuery, a copy that fails is a job DONE with an error. */
export async function runCopyJob(
  store: Store,
  registry: JobRegistry,
  projectId: string,
  body: Body,
  now: Date,
): Promise<Job> {
  const configuration = (body.configuration ?? {}) as Body;
  const reference = (body.jobReference ?? {}) as { jobId?: string; location?: string };
  const job: Job = {
    projectId,
    jobId: registry.newId(projectId, reference.jobId),
    location: reference.location ?? store.defaultLocation,
    jobType: 'COPY',
    configuration,
    creationTime: now.getTime(),
    endTime: now.getTime(),
  };
  try {
    const { rows, destination } = await copy(store, configuration.copy as Body, now);
    job.location =
      reference.location ?? store.getDataset(destination.projectId, destination.datasetId).location;
    job.extraStatistics = { copy: { copiedRows: String(rows), copiedLogicalBytes: '0' } };
  } catch (error) {
    if (!(error instanceof BigQueryApiError)) throw error;
    job.error = error;
  }
  return registry.add(job);
}
