// tabledata.insertAll, the streaming insert: each row converted by BigQuery's JSON rules,
// bad rows reported in `insertErrors` by index (the others then "stopped" and nothing
// written, unless skipInvalidRows), and rows whose insertId was seen in the last minute
// dropped as duplicates. Reading chosen: BigQuery promises to remember insertIds "for at
// least one minute"; the local cloud remembers exactly one minute (by its clock), so code
// counting on longer de-duplication fails here first.
import { appendRows } from './engine/table-writes.js';
import { BigQueryApiError, tableName } from './errors.js';
import type { StoredRow, StoredTable } from './model.js';
import { writeThroughStage } from './staged-write.js';
import type { Store } from './store.js';
import { convertRow, RowError } from './values.js';

export const INSERT_ID_WINDOW_MS = 60_000;

type Body = Record<string, unknown>;

interface InsertError {
  index: number;
  errors: { reason: string; location: string; debugInfo: string; message: string }[];
}

function forgetOldIds(table: StoredTable, nowMs: number): void {
  for (const [id, seenAt] of table.recentInsertIds) {
    if (nowMs - seenAt >= INSERT_ID_WINDOW_MS) table.recentInsertIds.delete(id);
  }
}

function checkTable(table: StoredTable): void {
  const name = tableName(table.projectId, table.datasetId, table.tableId);
  if (table.kind !== 'TABLE')
    throw new BigQueryApiError('invalid', `Cannot insert rows into ${name}: it is a view.`);
  if (table.schema.length === 0) {
    throw new BigQueryApiError(
      'invalid',
      `Table ${name} has no schema. Give it a schema before inserting rows.`,
    );
  }
}

function fieldOf(message: string): string {
  return /Field: (\w+)|field: (\w+)|No such field: (\w+)/.exec(message)?.slice(1).find(Boolean) ?? '';
}

export async function insertAll(
  store: Store,
  table: StoredTable,
  tableId: string,
  body: Body,
  now: Date,
): Promise<Body> {
  checkTable(table);
  if (body.templateSuffix) {
    throw new BigQueryApiError(
      'notImplemented',
      'The local cloud does not implement bigquery.tabledata.insertAll with templateSuffix (tables created from a template).',
    );
  }
  const rows = Array.isArray(body.rows) ? (body.rows as { insertId?: unknown; json?: unknown }[]) : [];
  const ignoreUnknownValues = body.ignoreUnknownValues === true;
  forgetOldIds(table, now.getTime());
  const accepted: { row: StoredRow; insertId?: string }[] = [];
  const errors: InsertError[] = [];
  const batchIds = new Set<string>();
  rows.forEach((entry, index) => {
    const insertId = typeof entry.insertId === 'string' && entry.insertId ? entry.insertId : undefined;
    if (insertId && (table.recentInsertIds.has(insertId) || batchIds.has(insertId))) return;
    if (insertId) batchIds.add(insertId);
    try {
      accepted.push({
        row: convertRow(table.schema, (entry.json ?? {}) as Record<string, unknown>, { ignoreUnknownValues }),
        insertId,
      });
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      errors.push({
        index,
        errors: [
          { reason: 'invalid', location: fieldOf(error.message), debugInfo: '', message: error.message },
        ],
      });
    }
  });
  if (errors.length > 0 && body.skipInvalidRows !== true) {
    const failed = new Set(errors.map((error) => error.index));
    const stopped = rows.map((_, index) => index).filter((index) => !failed.has(index));
    const all = [
      ...errors,
      ...stopped.map((index) => ({
        index,
        errors: [{ reason: 'stopped', location: '', debugInfo: '', message: '' }],
      })),
    ];
    return {
      kind: 'bigquery#tableDataInsertAllResponse',
      insertErrors: all.sort((a, b) => a.index - b.index),
    };
  }
  await write(
    store,
    table,
    tableId,
    accepted.map(({ row }) => row),
    now,
  );
  for (const { insertId } of accepted) if (insertId) table.recentInsertIds.set(insertId, now.getTime());
  return { kind: 'bigquery#tableDataInsertAllResponse', ...(errors.length ? { insertErrors: errors } : {}) };
}

async function write(
  store: Store,
  table: StoredTable,
  tableId: string,
  rows: StoredRow[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await writeThroughStage(store, {
    table,
    tableId,
    disposition: 'WRITE_APPEND',
    now,
    fill: (connection, stage) => appendRows(connection, stage, table, rows),
  });
}
