// Writes into a table the way a BigQuery job commits them: rows go to a stage table first
// (from converted rows or straight from a file), are checked against the destination
// (decorator partition, WRITE_EMPTY), and only then replace or join the table's rows in
// one transaction. A job that fails leaves the table as it was.
import { type DuckDBConnection, DuckDBDataChunk, type DuckDBValue, TIMESTAMPTZ } from '@duckdb/node-api';
import { BigQueryApiError, tableName } from '../errors.js';
import {
  isIngestionTime,
  isPartitioned,
  PARTITION_TIME,
  type StoredRow,
  type StoredTable,
} from '../model.js';
import { columnType, sqlName } from './column-types.js';
import { engineValue } from './engine-values.js';
import { partitionFilterSql, partitionIdSql } from './partition-sql.js';
import { inTransaction, type SqlEngine } from './sql-engine.js';

export type WriteDisposition = 'WRITE_APPEND' | 'WRITE_TRUNCATE' | 'WRITE_EMPTY';

export interface WritePlan {
  disposition: WriteDisposition;
  /** The `$partition` the job addresses, or undefined for the whole table. */
  partitionId?: string | undefined;
  /** Epoch microseconds for _PARTITIONTIME of the written rows (ingestion-time tables). */
  partitionTimeMicros?: bigint | undefined;
  /** When the job commits (epoch ms), for partition and table modification times. */
  nowMs: number;
}

export interface WriteResult {
  rows: number;
  /** Partition ids the rows landed in (none for an unpartitioned table). */
  partitions: string[];
}

/** An empty stage shaped like the table (no constraints: those are checked on commit). */
export async function createStage(
  connection: DuckDBConnection,
  engine: SqlEngine,
  table: StoredTable,
): Promise<string> {
  const stage = engine.newTableName('stage');
  await connection.run(`CREATE TABLE ${sqlName(stage)} AS SELECT * FROM ${sqlName(table.storage)} LIMIT 0`);
  return stage;
}

export async function dropStage(connection: DuckDBConnection, stage: string): Promise<void> {
  await connection.run(`DROP TABLE IF EXISTS ${sqlName(stage)}`);
}

/** The engine's vector size: one data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;

/** Appends converted rows (values.ts forms) to a stage, a column chunk at a time. */
export async function appendRows(
  connection: DuckDBConnection,
  stage: string,
  table: StoredTable,
  rows: StoredRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const types = table.schema.map(columnType);
  if (isIngestionTime(table)) types.push(TIMESTAMPTZ);
  const appender = await connection.createAppender(stage);
  try {
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      const slice = rows.slice(start, start + CHUNK_ROWS);
      const columns: DuckDBValue[][] = table.schema.map((field) =>
        slice.map((row) => engineValue(field, row[field.name] ?? null)),
      );
      if (isIngestionTime(table)) columns.push(slice.map(() => null));
      const chunk = DuckDBDataChunk.create(types, slice.length);
      chunk.setColumns(columns);
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** The stage's row count and the partitions its rows fall in. */
async function stagedRows(
  connection: DuckDBConnection,
  table: StoredTable,
  stage: string,
): Promise<{ rows: number; partitions: string[] }> {
  const id = isPartitioned(table) ? partitionIdSql(table) : 'NULL';
  const reader = await connection.runAndReadAll(
    `SELECT ${id} AS id, count(*) FROM ${sqlName(stage)} GROUP BY ALL ORDER BY id`,
  );
  const groups = reader.getRowsJS();
  return {
    rows: groups.reduce((sum, [, count]) => sum + Number(count), 0),
    partitions: isPartitioned(table) ? groups.map(([partition]) => String(partition)) : [],
  };
}

async function countRows(connection: DuckDBConnection, name: string, where = ''): Promise<number> {
  const reader = await connection.runAndReadAll(`SELECT count(*) FROM ${sqlName(name)}${where}`);
  return Number(reader.getRowsJS()[0]?.[0] ?? 0);
}

function checkDecorator(table: StoredTable, plan: WritePlan, partitions: string[]): void {
  if (plan.partitionId === undefined || isIngestionTime(table)) return;
  if (partitions.some((id) => id !== plan.partitionId)) {
    throw new BigQueryApiError(
      'invalid',
      `Some rows belong to different partitions rather than destination partition ${plan.partitionId}`,
    );
  }
}

async function replaceOrAppend(
  connection: DuckDBConnection,
  table: StoredTable,
  stage: string,
  plan: WritePlan,
): Promise<void> {
  const target = sqlName(table.storage);
  const scope = plan.partitionId === undefined ? '' : ` WHERE ${partitionFilterSql(table, plan.partitionId)}`;
  if (plan.disposition === 'WRITE_EMPTY' && (await countRows(connection, table.storage, scope)) > 0) {
    throw new BigQueryApiError(
      'duplicate',
      `Already Exists: Table ${tableName(table.projectId, table.datasetId, table.tableId)}`,
    );
  }
  if (plan.disposition === 'WRITE_TRUNCATE') await connection.run(`DELETE FROM ${target}${scope}`);
  try {
    await connection.run(`INSERT INTO ${target} SELECT * FROM ${sqlName(stage)}`);
  } catch (error) {
    const message = (error as Error).message;
    const column = /NOT NULL constraint failed: [^.]+\.(\S+)/.exec(message)?.[1];
    if (column) throw new BigQueryApiError('invalid', `Required field ${column} cannot be null`);
    throw error;
  }
}

/**
 * Moves a filled stage into the table under the plan. The caller drops the stage, whatever
 * happens (staged-write.ts: one DROP per write, not one here and one there).
 */
export async function commitStage(
  connection: DuckDBConnection,
  table: StoredTable,
  stage: string,
  plan: WritePlan,
): Promise<WriteResult> {
  if (isIngestionTime(table) && plan.partitionTimeMicros !== undefined) {
    const instant = `CAST(make_timestamp(${plan.partitionTimeMicros}) AS TIMESTAMPTZ)`;
    await connection.run(`UPDATE ${sqlName(stage)} SET ${sqlName(PARTITION_TIME)} = ${instant}`);
  }
  const { rows, partitions } = await stagedRows(connection, table, stage);
  checkDecorator(table, plan, partitions);
  await inTransaction(connection, () => replaceOrAppend(connection, table, stage, plan));
  recordModification(table, plan, partitions);
  return { rows, partitions };
}

function recordModification(table: StoredTable, plan: WritePlan, partitions: string[]): void {
  if (plan.disposition === 'WRITE_TRUNCATE' && plan.partitionId === undefined)
    table.partitionModified.clear();
  if (plan.partitionId !== undefined) table.partitionModified.set(plan.partitionId, plan.nowMs);
  for (const id of partitions) table.partitionModified.set(id, plan.nowMs);
  table.lastModifiedTime = plan.nowMs;
}
