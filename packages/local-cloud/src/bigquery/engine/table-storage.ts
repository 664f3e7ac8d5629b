// The engine side of each BigQuery table: its engine table (created, evolved, dropped with
// the table), partition statistics (rows and logical bytes per partition id), partition
// expiration against the injected clock, and rows read back for tabledata.list.
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { BigQueryApiError } from '../errors.js';
import { type FieldSchema, isIngestionTime, PARTITION_TIME, type StoredTable } from '../model.js';
import { columnSqlType, sqlName } from './column-types.js';
import {
  partitionFilterSql,
  partitionIdSql,
  partitionIntervalSql,
  partitionStartSql,
} from './partition-sql.js';
import type { SqlEngine } from './sql-engine.js';

export interface PartitionStat {
  /** NULL for an unpartitioned table. */
  id: string | null;
  rows: number;
  bytes: number;
}

const FIXED_BYTES: Record<string, number> = {
  INTEGER: 8,
  FLOAT: 8,
  BOOLEAN: 1,
  DATE: 8,
  DATETIME: 8,
  TIME: 8,
  TIMESTAMP: 8,
  NUMERIC: 16,
  BIGNUMERIC: 32,
};

/** Logical bytes of a column by BigQuery's data size rules (nested values approximated). */
function columnBytesSql(field: FieldSchema): string {
  const ref = sqlName(field.name);
  const fixed = FIXED_BYTES[field.type];
  if (fixed !== undefined && field.mode !== 'REPEATED')
    return `(CASE WHEN ${ref} IS NULL THEN 0 ELSE ${fixed} END)`;
  if (field.type === 'BYTES' && field.mode !== 'REPEATED') return `coalesce(2 + octet_length(${ref}), 0)`;
  return `coalesce(2 + strlen(CAST(${ref} AS VARCHAR)), 0)`;
}

export function rowBytesSql(table: StoredTable): string {
  if (table.schema.length === 0) return '0';
  return table.schema.map(columnBytesSql).join(' + ');
}

/** The engine table's column definitions: the schema, plus _PARTITIONTIME when ingestion-time. */
function engineColumnsSql(table: StoredTable): string {
  const columns = table.schema.map(
    (field) =>
      `${sqlName(field.name)} ${columnSqlType(field)}${field.mode === 'REQUIRED' ? ' NOT NULL' : ''}`,
  );
  if (isIngestionTime(table)) columns.push(`${sqlName(PARTITION_TIME)} TIMESTAMPTZ`);
  return columns.join(', ');
}

/**
 * The rows of a table whose partition had expired at `instant` (a condition on its engine
 * table), with the expression of each row's expiry; none without partition expiration.
 */
export function expiredRowsSql(
  table: StoredTable,
  instant: Date,
): { condition: string; end: string } | undefined {
  const partitioning = table.timePartitioning;
  const start = partitionStartSql(table);
  if (partitioning?.expirationMs === undefined || !start) return undefined;
  // An interval literal holds 32-bit numbers; 90 days of milliseconds do not fit.
  const expiration = `to_milliseconds(CAST(${partitioning.expirationMs} AS BIGINT))`;
  const end = `(${start} + ${partitionIntervalSql(partitioning.type)} + ${expiration})`;
  return { condition: `${end} <= TIMESTAMPTZ '${instant.toISOString()}'`, end };
}

export class TableStorage {
  constructor(
    readonly engine: SqlEngine,
    private readonly clock: () => Date,
  ) {}

  /** A table without columns (schemaless) gets its engine table when it gets a schema. */
  create(table: StoredTable): Promise<void> {
    return this.engine.exclusive((connection) => this.createOn(connection, table, table.schema));
  }

  private async createOn(connection: DuckDBConnection, table: StoredTable, schema: FieldSchema[]) {
    const columns = engineColumnsSql({ ...table, schema });
    if (columns === '') return;
    await connection.run(`CREATE TABLE IF NOT EXISTS ${sqlName(table.storage)} (${columns})`);
  }

  /** Whether the table has an engine table yet (a schemaless table has none). */
  hasRows(table: StoredTable): boolean {
    return table.kind === 'TABLE' && (table.schema.length > 0 || isIngestionTime(table));
  }

  drop(table: StoredTable): Promise<void> {
    return this.engine.exclusive(async (connection) => {
      await connection.run(`DROP TABLE IF EXISTS ${sqlName(table.storage)}`);
    });
  }

  /**
   * Moves a deleted table's rows to a fresh engine name, kept for time travel. The table
   * names it at once; the rename is queued before any work that could read it there.
   */
  retire(table: StoredTable): Promise<void> {
    const current = table.storage;
    table.storage = this.engine.newTableName('bq_deleted');
    return this.engine.exclusive(async (connection) => {
      await connection.run(`ALTER TABLE ${sqlName(current)} RENAME TO ${sqlName(table.storage)}`);
    });
  }

  /** Applies an accepted schema change: new columns, and REQUIRED relaxed to NULLABLE. */
  evolve(table: StoredTable, before: FieldSchema[], after: FieldSchema[]): Promise<void> {
    return this.engine.exclusive(async (connection) => {
      if (!this.hasRows(table)) return this.createOn(connection, table, after);
      const name = sqlName(table.storage);
      const old = new Map(before.map((field) => [field.name.toLowerCase(), field]));
      for (const field of after) {
        const previous = old.get(field.name.toLowerCase());
        if (!previous) {
          await connection.run(
            `ALTER TABLE ${name} ADD COLUMN ${sqlName(field.name)} ${columnSqlType(field)}`,
          );
          continue;
        }
        if (previous.mode === 'REQUIRED' && field.mode !== 'REQUIRED') {
          await connection.run(`ALTER TABLE ${name} ALTER COLUMN ${sqlName(field.name)} DROP NOT NULL`);
        }
        if (columnSqlType(previous) !== columnSqlType(field)) {
          await this.widenRecord(connection, table, field);
        }
      }
    });
  }

  /** A RECORD gained nested fields: the column is retyped, new members NULL. */
  private async widenRecord(connection: DuckDBConnection, table: StoredTable, field: FieldSchema) {
    try {
      await connection.run(
        `ALTER TABLE ${sqlName(table.storage)} ALTER COLUMN ${sqlName(field.name)} TYPE ${columnSqlType(field)}`,
      );
    } catch (error) {
      throw new BigQueryApiError(
        'invalid',
        `The local cloud cannot add nested fields to ${field.name} of a table with rows (${(error as Error).message.split('\n')[0]}). Recreate the table instead.`,
      );
    }
  }

  /**
   * Drops partitions whose expiration has passed (BigQuery deletes them; they never come
   * back), and records the latest instant such rows expired: time travel must not read the
   * kept state as the state of an instant before it.
   */
  async purgeExpired(connection: DuckDBConnection, table: StoredTable): Promise<void> {
    const expired = expiredRowsSql(table, this.clock());
    if (!this.hasRows(table) || !expired) return;
    const from = `FROM ${sqlName(table.storage)} WHERE ${expired.condition}`;
    const latest = await connection.runAndReadAll(`SELECT max(epoch_ms(${expired.end})) ${from}`);
    const expiredAt = latest.getRowsJS()[0]?.[0];
    if (expiredAt === null || expiredAt === undefined) return;
    await connection.run(`DELETE ${from}`);
    table.rowsExpiredAt = Math.max(table.rowsExpiredAt ?? 0, Number(expiredAt));
  }

  partitionStats(table: StoredTable): Promise<PartitionStat[]> {
    return this.engine.exclusive((connection) => this.partitionStatsOn(connection, table));
  }

  async partitionStatsOn(connection: DuckDBConnection, table: StoredTable): Promise<PartitionStat[]> {
    if (!this.hasRows(table)) return [];
    await this.purgeExpired(connection, table);
    const reader = await connection.runAndReadAll(
      `SELECT ${partitionIdSql(table)} AS id, count(*) AS n, sum(${rowBytesSql(table)}) AS bytes FROM ${sqlName(table.storage)} GROUP BY ALL ORDER BY id`,
    );
    return reader.getRowsJS().map(([id, rows, bytes]) => ({
      id: id === null ? null : String(id),
      rows: Number(rows),
      bytes: Number(bytes ?? 0),
    }));
  }

  /** Rows of the table (or one partition) in storage order, for tabledata.list. */
  readRows(
    table: StoredTable,
    options: { partitionId?: string | undefined; offset: number; limit: number; fields: FieldSchema[] },
  ): Promise<{ rows: DuckDBValue[][]; total: number }> {
    return this.engine.exclusive(async (connection) => {
      if (!this.hasRows(table)) return { rows: [], total: 0 };
      await this.purgeExpired(connection, table);
      const where =
        options.partitionId === undefined ? '' : ` WHERE ${partitionFilterSql(table, options.partitionId)}`;
      const from = `FROM ${sqlName(table.storage)}${where}`;
      const counted = await connection.runAndReadAll(`SELECT count(*) ${from}`);
      const total = Number(counted.getRowsJS()[0]?.[0] ?? 0);
      if (options.fields.length === 0) return { rows: [], total };
      const columns = options.fields.map((field) => sqlName(field.name)).join(', ');
      const reader = await connection.runAndReadAll(
        `SELECT ${columns} ${from} LIMIT ${options.limit} OFFSET ${options.offset}`,
      );
      return { rows: reader.getRows() as DuckDBValue[][], total };
    });
  }

  deletePartition(table: StoredTable, partitionId: string): Promise<void> {
    return this.engine.exclusive(async (connection) => {
      await connection.run(
        `DELETE FROM ${sqlName(table.storage)} WHERE ${partitionFilterSql(table, partitionId)}`,
      );
      table.lastModifiedTime = this.clock().getTime();
    });
  }
}
