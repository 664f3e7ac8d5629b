// Copy jobs (jobs.insert with `configuration.copy`): one or more source tables with the
// same schema into a destination, created from the first source when missing
// (CREATE_IF_NEEDED), written under the writeDisposition (WRITE_EMPTY by default), all or
// nothing. Snapshots, clones, restores and `table@time` sources need time travel, which
// the local cloud does not keep: they are refused by name.
import { sqlName } from './engine/column-types.js';
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

function sourceTable(store: Store, reference: Reference): StoredTable {
  const tableId = reference.tableId ?? '';
  if (tableId.includes('@')) throw notSupported('copies from table snapshots (table@time needs time travel)');
  const table = store.getTable(reference.projectId ?? '', reference.datasetId ?? '', tableId);
  if (table.kind !== 'TABLE')
    throw new BigQueryApiError('invalid', `Cannot copy ${table.datasetId}.${table.tableId}: it is a view.`);
  return table;
}

function sameSchema(a: StoredTable, b: StoredTable): boolean {
  return JSON.stringify(a.schema) === JSON.stringify(b.schema);
}

async function destinationOf(store: Store, copy: Body, first: StoredTable): Promise<StoredTable> {
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
  return store.insertTable(projectId, datasetId, {
    tableReference: { tableId },
    schema: { fields: first.schema },
    timePartitioning: first.timePartitioning,
    rangePartitioning: rangeResource(first.rangePartitioning),
    clustering: first.clustering ? { fields: first.clustering } : undefined,
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
  if (!sources.every((source) => sameSchema(source, destination))) {
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
      for (const source of sources) {
        await store.storage.purgeExpired(connection, source);
        await connection.run(`INSERT INTO ${sqlName(stage)} SELECT * FROM ${sqlName(source.storage)}`);
      }
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
