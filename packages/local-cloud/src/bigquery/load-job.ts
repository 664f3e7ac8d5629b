// The warehouse side of a load job, as BigQuery runs one: quota first, then the
// destination (must exist, with a schema), then every file read and every row converted,
// and only if the whole job succeeds are the rows written — all or nothing.
import { status } from '@grpc/grpc-js';
import { readRecords } from '../formats/index.js';
import {
  LoadJobError,
  type LoadJobRequest,
  type LoadJobResult,
  type Warehouse,
} from '../warehouse-contract.js';
import { tableName } from './errors.js';
import { assignPartition, type PartitionTarget, resolveTarget } from './load-target.js';
import { type StoredRow, type StoredTable, UNPARTITIONED } from './model.js';
import type { LoadQuota } from './quotas.js';
import { rowBytes } from './row-size.js';
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

async function runLoadJob(
  store: Store,
  quota: LoadQuota,
  clock: () => Date,
  request: LoadJobRequest,
): Promise<LoadJobResult> {
  const { projectId, datasetId } = request;
  const [plainTable = ''] = request.tableId.split('$');
  quota.take(projectId, tableName(projectId, datasetId, plainTable));
  const table = findTable(store, projectId, datasetId, plainTable);
  const target = resolveTarget(table, request.tableId);
  const loadTime = clock();

  const rowsByPartition = new Map<string, StoredRow[]>();
  const errors: string[] = [];
  let total = 0;
  for (const file of request.files) {
    const records = await readRecords(request.format, file, {
      columns: table.schema.map((field) => field.name),
      ignoreUnknownValues: request.ignoreUnknownValues,
      csv: request.csv,
    });
    for (const record of records) {
      total += 1;
      if ('error' in record) {
        errors.push(`${file.uri}: ${record.error}`);
        continue;
      }
      let row: StoredRow;
      try {
        row = convertRow(table.schema, record.values, { ignoreUnknownValues: request.ignoreUnknownValues });
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        errors.push(`${file.uri}: ${error.message}`);
        continue;
      }
      const partition = assignPartition(table, target, row, loadTime);
      const rows = rowsByPartition.get(partition);
      if (rows) rows.push(row);
      else rowsByPartition.set(partition, [row]);
    }
    if (errors.length > request.maxBadRecords) throw tooManyErrors(request, total, errors);
  }
  checkDecoratorPartition(target, rowsByPartition);
  write(store, table, target, request, rowsByPartition, loadTime.getTime());
  return {
    rowsLoaded: total - errors.length,
    badRecords: errors.length,
    partitions: [...rowsByPartition.keys()].filter((id) => id !== UNPARTITIONED).sort(),
  };
}

function findTable(store: Store, projectId: string, datasetId: string, tableId: string): StoredTable {
  let table: StoredTable;
  try {
    table = store.getTable(projectId, datasetId, tableId);
  } catch {
    throw new LoadJobError(
      `Not found: Table ${tableName(projectId, datasetId, tableId)}`,
      'notFound',
      status.NOT_FOUND,
    );
  }
  if (table.schema.length === 0) {
    throw new LoadJobError(
      `Table ${tableName(projectId, datasetId, tableId)} has no schema. Create the table with a schema before loading; transfers never create or infer it.`,
      'invalid',
      status.INVALID_ARGUMENT,
    );
  }
  return table;
}

function tooManyErrors(request: LoadJobRequest, rows: number, errors: string[]): LoadJobError {
  const kind = request.format === 'JSON' ? 'JSON' : request.format === 'CSV' ? 'CSV' : request.format;
  return new LoadJobError(
    `Error while reading data, error message: ${kind} table encountered too many errors, giving up. Rows: ${rows}; errors: ${errors.length}. Please look into the errors[] collection for more details. First error: ${errors[0]}`,
    'invalid',
    status.INVALID_ARGUMENT,
  );
}

/** On a column-partitioned table, a decorator is accepted only if every row is in it. */
function checkDecoratorPartition(target: PartitionTarget, rowsByPartition: Map<string, StoredRow[]>): void {
  if (target.kind !== 'partition' || !target.byColumn) return;
  for (const id of rowsByPartition.keys()) {
    if (id !== target.partitionId) {
      throw new LoadJobError(
        `Some rows belong to different partitions rather than destination partition ${target.partitionId}`,
        'invalid',
        status.INVALID_ARGUMENT,
      );
    }
  }
}

function write(
  store: Store,
  table: StoredTable,
  target: PartitionTarget,
  request: LoadJobRequest,
  rowsByPartition: Map<string, StoredRow[]>,
  nowMs: number,
): void {
  const partitions = store.livePartitions(table);
  if (request.writeDisposition === 'WRITE_TRUNCATE') {
    if (target.kind === 'partition') partitions.delete(target.partitionId);
    else partitions.clear();
  }
  for (const [id, rows] of rowsByPartition) {
    const bytes = rows.reduce((sum, row) => sum + rowBytes(table.schema, row), 0);
    const existing = partitions.get(id);
    if (existing) {
      for (const row of rows) existing.rows.push(row);
      existing.bytes += bytes;
      existing.lastModifiedMs = nowMs;
    } else {
      partitions.set(id, { rows, bytes, lastModifiedMs: nowMs });
    }
  }
  table.lastModifiedTime = nowMs;
}
