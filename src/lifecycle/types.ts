// The lifecycle's inputs and the events it reports while it works. Services and time
// come in from outside, so the same code runs against the real clouds, the local cloud
// or a test double, and waits can be driven by a fake clock.
import type { CloudServices } from '../cloud/index.js';
import type { PipelineSettings } from '../tables/types.js';
import type { AdmissionGate, AdmissionTiming } from './admission.js';
import type { Clock } from './clock.js';
import type { PartitionResult, TableResult } from './outcome.js';

export type { Clock } from './clock.js';

import type { PollSchedule } from './poll-schedule.js';
import type { RunSignals } from './run-watch.js';

export type LifecycleEvent =
  | { type: 'table-started'; table: string; partitions: number }
  | { type: 'config-ready'; table: string; partition: string; config: string; created: boolean }
  | { type: 'run-started'; table: string; partition: string; run: string }
  /** The run reached a terminal state (its quota slot is free again). */
  | { type: 'run-ended'; table: string; partition: string; run: string; state: string }
  | { type: 'partition-finished'; table: string; partition: PartitionResult }
  | { type: 'warning'; table: string; message: string }
  /** Long work in progress (a wait), worth a line in the log. */
  | { type: 'progress'; table: string; message: string }
  | { type: 'table-finished'; table: string; result: TableResult };

/** How long the lifecycle waits for what, in one place: real values by default, shorter in tests. */
export interface LifecycleTiming {
  /** The blind schedule of a wait for a run (no live tail). */
  poll: PollSchedule;
  /** Pause before starting again a run that FAILED on a quota (times the attempt). */
  quotaBackoffMs: number;
  /** How long after landing a file becomes visible to DTS (about five minutes). */
  visibilityDelayMs: number;
  /** The longest wait for a partition's newest file to age past the visibility delay. */
  settleTimeoutMs: number;
  /** Pause before trying again to start a run on a config another run is using. */
  busyRetryMs: number;
  admission: AdmissionTiming;
}

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
  /** Precheck only: create nothing, start nothing. */
  dryRun?: boolean | undefined;
  /** The process's quota queue; default one of this table's own (tests). */
  admission?: AdmissionGate | undefined;
  /** The process's live-tail signal; default one of this table's own. */
  watch?: RunSignals | undefined;
  timing?: Partial<LifecycleTiming> | undefined;
  onEvent?: ((event: LifecycleEvent) => void) | undefined;
  /** A config this run must delete (a WRITE_TRUNCATE partition's): `post` deletes it if main cannot. */
  onConfigCreated?: ((name: string) => void) | undefined;
  onConfigDeleted?: ((name: string) => void) | undefined;
}
