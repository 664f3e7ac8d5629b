// Planned tables → results: the cloud services, ONE quota queue and ONE log tail for the
// whole process, and every table's lifecycle, several tables at once. The same for
// `s3bq run` on a laptop and for a matrix job of the action: neither runs anything itself.
import { getMaxListeners, setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import { type CloudServices, createCloudServices } from '../cloud/index.js';
import { createAdmissionGate } from '../lifecycle/admission.js';
import { systemClock } from '../lifecycle/clock.js';
import type { TableResult } from '../lifecycle/outcome.js';
import { runTable } from '../lifecycle/run-table.js';
import { createRunWatch } from '../lifecycle/run-watch.js';
import type { Clock, LifecycleEvent, LifecycleTiming } from '../lifecycle/types.js';
import type { PlannedTable } from '../plan/types.js';
import type { PipelineSettings } from '../tables/types.js';
import { preflight } from './preflight.js';
import type { RunRequest } from './request.js';

export interface RunDeps {
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  onEvent?: ((event: LifecycleEvent) => void) | undefined;
  /** A config that must be deleted if the process dies (the action saves it for `post`). */
  onConfigCreated?: ((name: string) => void) | undefined;
  onConfigDeleted?: ((name: string) => void) | undefined;
  /** Told once the services exist (the action records the project for `post`). */
  onServices?: ((services: CloudServices) => void) | undefined;
  clock?: Clock | undefined;
  timing?: Partial<LifecycleTiming> | undefined;
  /** Builds the services; tests hand in doubles. */
  services?: CloudServices | undefined;
}

export async function runPipeline(
  planned: readonly PlannedTable[],
  settings: PipelineSettings,
  request: RunRequest,
  deps: RunDeps,
): Promise<TableResult[]> {
  const clock = deps.clock ?? systemClock;
  // Injected services are the caller's to vouch for; built ones are checked before any table starts.
  if (!deps.services) {
    await preflight({
      env: deps.env,
      settings,
      transport: request.transport,
      planned,
      dryRun: request.dryRun,
    });
  }
  const services =
    deps.services ?? createCloudServices({ env: deps.env, settings, transport: request.transport });
  deps.onServices?.(services);
  const note = (message: string) => deps.onEvent?.({ type: 'warning', table: '(pipeline)', message });
  const admission = createAdmissionGate({
    dts: services.dts,
    maxParallel: settings.maxParallel,
    clock,
    timing: deps.timing?.admission,
    onTrouble: note,
    onLimit: note,
  });
  // The tail sees every transfer of the project: a run of another process that ends frees a
  // slot, and the queue is looked at again at once rather than at its next poll.
  const watch = createRunWatch({
    logging: services.logging,
    clock,
    mayTail: admission.mayTail,
    onFallback: note,
    onAnyMessage: admission.nudge,
  });
  // Every table in flight listens on the one cancellation signal: expected, not a leak.
  const wanted = settings.maxParallel + 10;
  if (getMaxListeners(deps.signal) < wanted) setMaxListeners(wanted, deps.signal);
  const tables = pLimit(settings.maxParallel);
  try {
    return await Promise.all(
      planned.map((table) =>
        tables(() =>
          runTable(table, {
            services,
            settings,
            clock,
            signal: deps.signal,
            timeoutMs: request.timeoutMs,
            runLabel: request.runLabel,
            dryRun: request.dryRun,
            admission,
            watch,
            timing: deps.timing,
            onEvent: deps.onEvent,
            onConfigCreated: deps.onConfigCreated,
            onConfigDeleted: deps.onConfigDeleted,
          }),
        ),
      ),
    );
  } finally {
    watch.close();
    admission.close();
    if (!deps.services) await services.close();
  }
}
