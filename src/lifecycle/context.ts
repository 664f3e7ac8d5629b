// What every step of one table's lifecycle reads: the table, the services, time, the
// table's own abort signal (its timeout or a cancellation), the process's quota queue and
// log tail, and one place to say things (events, warnings). Built once per table, handed
// to each step; the steps return values and never share state through closures.
import type { CloudServices } from '../cloud/index.js';
import type { TablePlan } from '../plan/types.js';
import type { TableSpec } from '../tables/types.js';
import { type AdmissionGate, createAdmissionGate } from './admission.js';
import { systemClock } from './clock.js';
import { formatDuration } from './format.js';
import { createRunWatch, type RunSignals } from './run-watch.js';
import { timingOf } from './timing.js';
import type { Clock, LifecycleEvent, LifecycleOptions, LifecycleTiming } from './types.js';

/** The abort reason of the table's own timeout, told apart from a cancellation. */
class TableTimeout extends Error {
  override name = 'TableTimeout';
}

export interface TableContext {
  spec: TableSpec;
  plan: TablePlan;
  services: CloudServices;
  /** Where datasets are created and transfer configs live. */
  location: string;
  clock: Clock;
  timing: LifecycleTiming;
  /** Aborted by the table's timeout or by a cancellation. */
  signal: AbortSignal;
  admission: AdmissionGate;
  watch: RunSignals;
  runLabel: string;
  dryRun: boolean;
  emit(event: LifecycleEvent): void;
  /** A warning for the summary and the log. */
  warn(message: string): void;
  readonly warnings: readonly string[];
  onConfigCreated(name: string): void;
  onConfigDeleted(name: string): void;
  /** Why work stopped, in words, once `signal` is aborted. */
  abortMessage(): string;
  /** Stops the timer and drops what this table opened for itself. */
  dispose(): void;
}

export function createTableContext(
  spec: TableSpec,
  plan: TablePlan,
  options: LifecycleOptions,
): TableContext {
  const clock = options.clock ?? systemClock;
  const timing = timingOf(options.timing);
  const controller = new AbortController();
  const timer = setTimeout(
    () =>
      controller.abort(new TableTimeout(`timed out after ${formatDuration(options.timeoutMs)} (--timeout)`)),
    options.timeoutMs,
  );
  const onCancel = () => controller.abort(options.signal?.reason ?? new Error('cancelled'));
  if (options.signal?.aborted) onCancel();
  else options.signal?.addEventListener('abort', onCancel, { once: true });
  // A table run alone (tests) gets a queue and a tail of its own; the pipeline shares one per process.
  const admission =
    options.admission ??
    createAdmissionGate({
      dts: options.services.dts,
      maxParallel: options.settings.maxParallel,
      clock,
      timing: timing.admission,
    });
  const ownWatch = options.watch ? undefined : createRunWatch({ logging: options.services.logging, clock });
  const warnings: string[] = [];
  const emit = (event: LifecycleEvent) => options.onEvent?.(event);
  return {
    spec,
    plan,
    services: options.services,
    location: options.settings.location,
    clock,
    timing,
    signal: controller.signal,
    admission,
    watch: options.watch ?? ownWatch!,
    runLabel: options.runLabel,
    dryRun: options.dryRun === true,
    emit,
    warn(message) {
      warnings.push(message);
      emit({ type: 'warning', table: spec.name, message });
    },
    warnings,
    onConfigCreated: (name) => options.onConfigCreated?.(name),
    onConfigDeleted: (name) => options.onConfigDeleted?.(name),
    abortMessage: () =>
      controller.signal.reason instanceof TableTimeout
        ? controller.signal.reason.message
        : 'cancelled before the partition finished',
    dispose() {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCancel);
      ownWatch?.close();
      if (!options.admission) admission.close();
    },
  };
}
