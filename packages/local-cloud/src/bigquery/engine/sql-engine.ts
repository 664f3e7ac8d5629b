// The local BigQuery's storage and query engine: one in-memory DuckDB database per local
// cloud, in a UTC session, with BigQuery's NULL ordering (first ascending, last
// descending). Work runs one piece at a time, so a load job's delete-then-insert is never
// interleaved with a query. The engine reads no files but the load stage directory, and
// its settings are locked, so translated SQL cannot reach the host.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/**
 * Engine functions for GoogleSQL semantics the engine spells differently. CAST(x AS
 * STRING) prints NUMERIC without trailing zeros and whole FLOAT64 values without `.0`.
 */
const MACROS = [
  `CREATE MACRO bq_to_string(x) AS CASE
     WHEN typeof(x) LIKE 'DECIMAL%' THEN regexp_replace(regexp_replace(CAST(x AS VARCHAR), '(\\.\\d*?)0+$', '\\1'), '\\.$', '')
     WHEN typeof(x) = 'DOUBLE' THEN regexp_replace(CAST(x AS VARCHAR), '\\.0$', '')
     ELSE CAST(x AS VARCHAR) END`,
];

export class SqlEngine {
  private queue: Promise<unknown> = Promise.resolve();
  private nextName = 1;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** Where load jobs put files for the engine to read (Parquet). */
    readonly stageDir: string,
  ) {}

  static async open(): Promise<SqlEngine> {
    const stageDir = await mkdtemp(join(tmpdir(), 's3bq-bigquery-stage-'));
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    const connection = await instance.connect();
    for (const macro of MACROS) await connection.run(macro);
    for (const setting of [
      "SET TimeZone = 'UTC'",
      "SET default_null_order = 'nulls_first_on_asc_last_on_desc'",
      `SET allowed_directories = ['${stageDir}/']`,
      'SET enable_external_access = false',
      'SET autoinstall_known_extensions = false',
      'SET autoload_known_extensions = false',
      'SET lock_configuration = true',
    ]) {
      await connection.run(setting);
    }
    return new SqlEngine(instance, connection, stageDir);
  }

  /** Runs `work` alone on the engine's connection, after everything queued before it. */
  exclusive<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const result = this.queue.then(() => work(this.connection));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** A fresh engine table name; BigQuery names never reach the engine as identifiers. */
  newTableName(prefix: string): string {
    const name = `${prefix}_${this.nextName}`;
    this.nextName += 1;
    return name;
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    this.connection.closeSync();
    this.instance.closeSync();
    await rm(this.stageDir, { recursive: true, force: true });
  }
}

/** Runs `work` in a transaction, rolled back when it throws. */
export async function inTransaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await connection.run('COMMIT');
    return result;
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
