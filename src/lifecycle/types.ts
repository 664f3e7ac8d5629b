// The lifecycle's inputs and the events it reports while it works. Services and time
// come in from outside, so the same code runs against the real clouds, the local cloud
// or a test double, and waits can be driven by a fake clock.
import type { LimitFunction } from 'p-limit';
import type { CloudServices } from '../cloud/index.js';
import type { PipelineSettings } from '../tables/types.js';
import type { PartitionResult, TableResult } from './outcome.js';

export interface Clock {
  now(): Date;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export type LifecycleEvent =
  | { type: 'table-started'; table: string; partitions: number }
  | { type: 'config-ready'; table: string; config: string; created: boolean }
  | { type: 'run-started'; table: string; partition: string; run: string }
  | { type: 'partition-finished'; table: string; partition: PartitionResult }
  | { type: 'warning'; table: string; message: string }
  | { type: 'table-finished'; table: string; result: TableResult };

export interface LifecycleOptions {
  services: CloudServices;
  settings: PipelineSettings;
  clock?: Clock | undefined;
  /** Aborted on cancellation (SIGINT/SIGTERM): stop waiting, clean up, report. */
  signal?: AbortSignal | undefined;
  /** Bound on one table's whole lifecycle, hung calls included. */
  timeoutMs: number;
  /** Names the workflow run (or CLI invocation) in config display names, for the janitor. */
  runLabel: string;
  /** The tick or backfill this is part of; default: derived from the partitions. */
  tick?: string | undefined;
  /** Precheck only: create nothing, start nothing. */
  dryRun?: boolean | undefined;
  /** Runs in flight for one table (default 4; WRITE_APPEND tables always use 1). */
  maxRunsPerTable?: number | undefined;
  /** Shared bound on runs in flight across tables (runTables sets it to maxParallel). */
  runSlots?: LimitFunction | undefined;
  /** Pause before restarting a run that FAILED on a quota (times the attempt); default 30 s. */
  quotaBackoffMs?: number | undefined;
  /** Overrides of the wait's polling schedule. */
  poll?: Partial<import('./poll-schedule.js').PollSchedule> | undefined;
  onEvent?: ((event: LifecycleEvent) => void) | undefined;
  onConfigCreated?: ((name: string) => void) | undefined;
  onConfigDeleted?: ((name: string) => void) | undefined;
}
