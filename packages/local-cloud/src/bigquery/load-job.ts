// The warehouse side of a load job, as BigQuery runs one: quota first, then the
// destination (must exist, be a table, have a schema), then every file read into a stage
// — CSV and JSON value by value (bad values are bad records, counted against
// max_bad_records), Parquet by schema match and exact conversion — and only if the whole
// job succeeds do the rows replace or join the table's: all or nothing.

import type { DuckDBConnection } from '@duckdb/node-api';
import { status } from '@grpc/grpc-js';
import { checkFormatSupported, loadParquet, readRecords } from '../formats/index.js';
import {
  LoadJobError,
  type LoadJobRequest,
  type LoadJobResult,
  type Warehouse,
} from '../warehouse-contract.js';
import { appendRows } from './engine/table-writes.js';
import { BigQueryApiError, tableName } from './errors.js';
import { isIngestionTime, type StoredRow, type StoredTable } from './model.js';
import type { LoadQuota } from './quotas.js';
import { writeThroughStage } from './staged-write.js';
import type { Store } from './store.js';
import { convertRow, RowError } from './values.js';

export function createWarehouse(store: Store, quota: LoadQuota, clock: () => Date): Warehouse {
  return {
    datasetLocation: (projectId, datasetId) =>
      store.hasDataset(projectId, datasetId)
        ? store.getDataset(projectId, datasetId).location.toLowerCase()
        : undefined,
    load: (request) => runLoadJob(store, quota, clock, request),
  };
}

const GRPC_OF: Record<string, number> = {
  notFound: status.NOT_FOUND,
  quotaExceeded: status.RESOURCE_EXHAUSTED,
  accessDenied: status.PERMISSION_DENIED,
  notImplemented: status.UNIMPLEMENTED,
};

/** A refusal from the catalog or the engine, as the load job reports it. */
function asLoadError(error: unknown): unknown {
  if (!(error instanceof BigQueryApiError)) return error;
  const reason = error.reason in GRPC_OF ? (error.reason as LoadJobError['reason']) : 'invalid';
  return new LoadJobError(error.message, reason, GRPC_OF[error.reason] ?? status.INVALID_ARGUMENT);
}

async function runLoadJob(
  store: Store,
  quota: LoadQuota,
  clock: () => Date,
  request: LoadJobRequest,
): Promise<LoadJobResult> {
  const { projectId, datasetId } = request;
  const [plainTable = ''] = request.tableId.split('$');
  quota.take(projectId, tableName(projectId, datasetId, plainTable));
  checkFormatSupported(request.format);
  const table = findTable(store, projectId, datasetId, plainTable);
  const loadTime = clock();
  try {
    const { written, filled: badRecords } = await writeThroughStage(store, {
      table,
      tableId: request.tableId,
      disposition: request.writeDisposition,
      now: loadTime,
      fill: (connection, stage) => fillStage(connection, store, table, stage, request),
    });
    return { rowsLoaded: written.rows, badRecords, partitions: written.partitions };
  } catch (error) {
    throw asLoadError(error);
  }
}

function findTable(store: Store, projectId: string, datasetId: string, tableId: string): StoredTable {
  const name = tableName(projectId, datasetId, tableId);
  let table: StoredTable;
  try {
    table = store.getTable(projectId, datasetId, tableId);
  } catch {
    throw new LoadJobError(`Not found: Table ${name}`, 'notFound', status.NOT_FOUND);
  }
  if (table.kind !== 'TABLE') {
    throw new LoadJobError(`Cannot load into ${name}: it is a view.`, 'invalid', status.INVALID_ARGUMENT);
  }
  if (table.schema.length === 0) {
    throw new LoadJobError(
      `Table ${name} has no schema. Create the table with a schema before loading; transfers never create or infer it.`,
      'invalid',
      status.INVALID_ARGUMENT,
    );
  }
  return table;
}

/** Reads every file into the stage; returns the number of bad records skipped. */
async function fillStage(
  connection: DuckDBConnection,
  store: Store,
  table: StoredTable,
  stage: string,
  request: LoadJobRequest,
): Promise<number> {
  if (request.format === 'PARQUET') {
    for (const [index, file] of request.files.entries()) {
      await loadParquet({
        connection,
        stageDir: store.storage.engine.stageDir,
        fileName: `${stage}_${index}.parquet`,
        body: file.body,
        uri: file.uri,
        stage,
        fields: table.schema,
        trailingNulls: isIngestionTime(table) ? 1 : 0,
        table: tableName(table.projectId, table.datasetId, table.tableId),
        ignoreUnknownValues: request.ignoreUnknownValues,
      });
    }
    return 0;
  }
  const { rows, errors, total } = convertFiles(table, request);
  if (errors.length > request.maxBadRecords) throw tooManyErrors(request, total, errors);
  await appendRows(connection, stage, table, rows);
  return errors.length;
}

/** CSV/JSON files → converted rows, with one message per bad record. */
function convertFiles(table: StoredTable, request: LoadJobRequest) {
  const rows: StoredRow[] = [];
  const errors: string[] = [];
  let total = 0;
  const options = {
    columns: request.columns ?? table.schema.map((field) => field.name),
    ignoreUnknownValues: request.ignoreUnknownValues,
    csv: request.csv,
  };
  for (const file of request.files) {
    for (const record of readRecords(request.format as 'CSV' | 'JSON', file, options)) {
      total += 1;
      if ('error' in record) {
        errors.push(`${file.uri}: ${record.error}`);
        continue;
      }
      try {
        rows.push(
          convertRow(table.schema, record.values, { ignoreUnknownValues: request.ignoreUnknownValues }),
        );
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        errors.push(`${file.uri}: ${error.message}`);
      }
    }
    if (errors.length > request.maxBadRecords) break;
  }
  return { rows, errors, total };
}

function tooManyErrors(request: LoadJobRequest, rows: number, errors: string[]): LoadJobError {
  return new LoadJobError(
    `Error while reading data, error message: ${request.format} table encountered too many errors, giving up. Rows: ${rows}; errors: ${errors.length}. Please look into the errors[] collection for more details. First error: ${errors[0]}`,
    'invalid',
    status.INVALID_ARGUMENT,
  );
}
