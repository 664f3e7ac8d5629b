// Runs one GoogleSQL statement on the engine: translate, drop expired partitions of the
// tables it reads, bind the parameters with their declared types, and run it — or, for a
// dry run, only plan it (its schema, no rows). DML runs in a transaction and counts the
// rows it affected. Results carry BigQuery fields derived from the engine's types.
import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { fieldOfResultType, sqlName } from './engine/column-types.js';
import { inTransaction } from './engine/sql-engine.js';
import { BigQueryApiError } from './errors.js';
import { type FieldSchema, isIngestionTime, PARTITION_TIME, type StoredTable } from './model.js';
import { partitionIdOfInstant, partitionStartMs } from './partition-ids.js';
import type { DdlKind } from './sql/ddl.js';
import { queryError } from './sql/engine-errors.js';
import type { QueryParams } from './sql/params.js';
import { type StatementType, translate } from './sql/translate.js';
import type { Store } from './store.js';

export interface StatementRequest {
  sql: string;
  projectId: string;
  defaultDataset?: { projectId: string; datasetId: string } | undefined;
  params: QueryParams;
  now: Date;
  dryRun: boolean;
  location?: string | undefined;
}

export interface StatementResult {
  statementType: StatementType | DdlKind;
  fields: FieldSchema[];
  rows: DuckDBValue[][];
  dmlAffectedRows?: number | undefined;
  /** Logical bytes of the tables read (BigQuery bills the columns read; this is an upper bound). */
  bytesProcessed: number;
  referenced: StoredTable[];
  /** What a DDL statement did, for the job's statistics. */
  ddl?: { operation: string; target: { projectId: string; datasetId: string; tableId: string } } | undefined;
}

export function bindings(params: QueryParams, names: string[]) {
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  for (const name of names) {
    const bound = name.startsWith('n_')
      ? params.named.get(name.slice(2))
      : params.positional[Number(name.slice(2)) - 1];
    if (!bound) continue;
    values[name] = bound.value;
    types[name] = bound.type;
  }
  return { values, types };
}

function resultFields(names: string[], types: DuckDBType[]): FieldSchema[] {
  const seen = new Map<string, number>();
  for (const name of names) seen.set(name.toLowerCase(), (seen.get(name.toLowerCase()) ?? 0) + 1);
  const duplicates = [...seen].filter(([, count]) => count > 1).map(([name]) => name);
  if (duplicates.length > 0) {
    throw new BigQueryApiError(
      'invalidQuery',
      `Duplicate column names in the result are not supported. Found duplicate(s): ${duplicates.join(', ')}`,
    );
  }
  return names.map((name, index) => fieldOfResultType(name, types[index] as DuckDBType));
}

async function bytesRead(connection: DuckDBConnection, store: Store, tables: StoredTable[]): Promise<number> {
  let total = 0;
  for (const table of tables) {
    for (const stat of await store.storage.partitionStatsOn(connection, table)) total += stat.bytes;
  }
  return total;
}

/** After INSERT into an ingestion-time table, its new rows get the current partition. */
async function fillPartitionTime(connection: DuckDBConnection, table: StoredTable, now: Date): Promise<void> {
  const type = table.timePartitioning?.type ?? 'DAY';
  const start = new Date(partitionStartMs(partitionIdOfInstant(now.getTime(), type))).toISOString();
  await connection.run(
    `UPDATE ${sqlName(table.storage)} SET ${sqlName(PARTITION_TIME)} = TIMESTAMPTZ '${start}' WHERE ${sqlName(PARTITION_TIME)} IS NULL`,
  );
}

export async function runStatement(store: Store, request: StatementRequest): Promise<StatementResult> {
  const translation = translate({ store, ...request });
  const { values, types } = bindings(request.params, translation.parameters);
  const { sql, statementType, referenced, target } = translation;
  return store.storage.engine.exclusive(async (connection) => {
    try {
      const bytesProcessed = await bytesRead(connection, store, referenced);
      const base = { statementType, bytesProcessed, referenced };
      if (statementType === 'SELECT') {
        const text = request.dryRun ? `SELECT * FROM (${sql}) LIMIT 0` : sql;
        const reader = await connection.runAndReadAll(text, values, types);
        const fields = resultFields(reader.columnNames(), reader.columnTypes());
        return { ...base, fields, rows: reader.getRows() as DuckDBValue[][] };
      }
      if (request.dryRun) {
        await connection.run(`EXPLAIN ${sql}`, values, types);
        return { ...base, fields: [], rows: [] };
      }
      const affected = await inTransaction(connection, async () => {
        const reader = await connection.runAndReadAll(sql, values, types);
        if (target && statementType === 'INSERT' && isIngestionTime(target)) {
          await fillPartitionTime(connection, target, request.now);
        }
        return Number(reader.getRowsJS()[0]?.[0] ?? 0);
      });
      if (target) target.lastModifiedTime = request.now.getTime();
      return { ...base, fields: [], rows: [], dmlAffectedRows: affected };
    } catch (error) {
      throw queryError(error, referenced);
    }
  });
}
