// What a tick or a backfill loads: the planner's output, printed by `s3bq plan --json`
// and read by the workflow (`fromJSON`) and the action.
import type { TableSpec } from '../tables/types.js';

export interface PartitionPlan {
  /** `YYYYMMDD` (DAY) or `YYYYMMDDHH` (HOUR): the BigQuery partition id. */
  id: string;
  /** The partition's local date, `YYYY-MM-DD`. */
  date: string;
  /** 0–23 for HOUR tables. */
  hour?: number | undefined;
  /** Rendered S3 prefix of the partition, `s3://bucket/prefix/dt=…/` (trailing slash). */
  source: string;
  /** The same, resolved for the S3 API: the bucket, and the key prefix ending in `/`. */
  bucket: string;
  prefix: string;
}

export interface TablePlan {
  name: string;
  /** `project.dataset.table`, or `dataset.table` when no project is configured. */
  destination: string;
  enabled: boolean;
  /** Why the table loads nothing this time (disabled…); absent when it loads. */
  skip_reason?: string | undefined;
  partitions: PartitionPlan[];
}

/**
 * One job of the workflow's matrix. Its keys are inputs of action.yml, so the workflow
 * passes `matrix.*` straight through. Usually one table; past GitHub's 256 jobs several
 * tables share a job and load one after another.
 */
export interface MatrixEntry {
  /** One table name, or several comma-separated. */
  table: string;
  /** The tick's instant (ISO 8601), for a scheduled load. */
  at?: string | undefined;
  /** Inclusive backfill range (`YYYY-MM-DD`). */
  from?: string | undefined;
  to?: string | undefined;
}

export type PlanWindow = { kind: 'tick'; at: string } | { kind: 'backfill'; from: string; to: string };

export interface Plan {
  window: PlanWindow;
  tables: TablePlan[];
  matrix: { include: MatrixEntry[] };
  max_parallel: number;
}

/** A table's plan with its resolved spec: what the lifecycle needs, never printed. */
export interface PlannedTable {
  spec: TableSpec;
  plan: TablePlan;
}
