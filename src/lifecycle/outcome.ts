// The outcome of one table in one tick, as a value. Decided in lifecycle/, rendered in
// report/ and action/, written as the result JSON that the run report merges.

export type Status = 'loaded' | 'skipped' | 'failed';

/** The lifecycle step a failure happened in, so a message can name it. */
export type Step =
  | 'plan'
  | 'precheck'
  | 'ensure-table'
  | 'create-config'
  | 'admission'
  | 'start-run'
  | 'wait'
  | 'verify'
  | 'cleanup';

export interface PartitionResult {
  id: string;
  source: string;
  status: Status;
  /** DTS run resource name, when a run was started. */
  run_name?: string | undefined;
  /** Rows in the partition after the load (verified in BigQuery). */
  rows?: number | undefined;
  /** Rows in the partition before this tick, when it had any. */
  rows_before?: number | undefined;
  started_at?: string | undefined;
  finished_at?: string | undefined;
  duration_ms?: number | undefined;
  /** Why skipped or failed, in words a person can act on. */
  message?: string | undefined;
  /** A dry run: the files a run would load (at least; a listing stops at 10,000). */
  would_load_files?: number | undefined;
}

export interface TableResult {
  name: string;
  destination: string;
  status: Status;
  partitions: PartitionResult[];
  started_at: string;
  finished_at: string;
  duration_ms: number;
  /** Overall message: the first failure, or why the whole table was skipped. */
  message?: string | undefined;
  failed_step?: Step | undefined;
  /** Google Cloud console link to the transfer or table. */
  console_url?: string | undefined;
  warnings?: string[] | undefined;
  owners?: string[] | undefined;
}

/** The result file one action job (or one `s3bq run`) writes. */
export interface ResultFile {
  schema_version: 1;
  /** Where this was produced: the workflow run and job, when on GitHub. */
  run?: { id?: string; attempt?: string; url?: string; job?: string } | undefined;
  window?: { kind: 'tick'; at: string } | { kind: 'backfill'; from: string; to: string } | undefined;
  tables: TableResult[];
}
