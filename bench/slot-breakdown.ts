// Where a quota slot's time goes, from the DTS calls of a workload (dts-recorder.ts).
// A slot is taken by a partition of a WRITE_TRUNCATE table when its lease is granted, and
// given back once the wait has seen its run end (and the claim is off); in between:
//   create config  → CreateTransferConfig, carrying the partition's claim
//   admission      → config created to StartManualTransferRuns sent: the quota queue's
//                    looks at ListTransferConfigs, the ticket it writes on the config (a
//                    rename), and its pauses between looks
//   start run      → the StartManualTransferRuns call
//   in flight      → the run PENDING or RUNNING in DTS: the run time the ideal counts,
//                    plus what the run takes beyond it (overrun)
//   detection      → the run's end (DTS's endTime) to the wait seeing it
// The handoff (everything but the run time) is what makespan efficiency loses per run.
// Once the run has ended its config still carries the claim it ran under until the claim
// is taken off (a rename) or the config deleted after verification (finishedClaimMs): the
// quota queue of every process reads it meanwhile.
import type { DtsCall } from './dts-recorder.js';
import { mean, median } from './stats.js';

export interface SlotCycle {
  run: string;
  createConfigMs: number;
  admissionMs: number;
  startRunMs: number;
  inFlightMs: number;
  detectionMs: number;
  /** Run seen ended → its claim taken off (the first rename or the deletion after it); NaN if neither. */
  finishedClaimMs: number;
}

export interface SlotBreakdown {
  runs: number;
  /** Means over the runs, ms. */
  createConfigMs: number;
  admissionMs: number;
  startRunMs: number;
  inFlightMs: number;
  /** In flight beyond the nominal run time (the local cloud's load work). */
  overrunMs: number;
  detectionMs: number;
  /** Run seen ended → claim taken off or config deleted: how long a finished run's claim stays in the queue. */
  finishedClaimMs: number;
  /** create config + admission + start run + detection, per run. Since a process keeps more
   * claims than slots, admission includes waiting in the queue for a free slot: this is not
   * the time a slot stands idle (idleSlotMsPerRun is). */
  handoffMs: number;
  /**
   * The time a slot stood without a run in flight, per run: max_parallel × (last run's end −
   * first run's start) − Σ runs in flight, ÷ runs. What a handoff really costs the makespan.
   */
  idleSlotMsPerRun: number;
  handoffMsMedian: number;
  /** Pipeline start to the first CreateTransferConfig (prechecks, tables, settle). */
  rampUpMs: number;
  /** The last run seen ended to the pipeline's end (verify, delete, the last tables). */
  windDownMs: number;
  /** rampUp + Σ(handoff + in flight) ÷ max_parallel + windDown: the makespan if slots were packed perfectly. */
  modelMakespanMs: number;
  calls: Record<string, number>;
}

const configOf = (run: string) => run.split('/runs/')[0] ?? run;

/** Each run's cycle; runs without a create, a start and a seen end are left out (none should be). */
export function slotCycles(calls: readonly DtsCall[]): SlotCycle[] {
  // In the order they were made: "the first after" means the earliest started.
  const ok = calls.filter((call) => !call.failed).sort((a, b) => a.startMs - b.startMs);
  const created = new Map(ok.filter((c) => c.method === 'createConfig').map((c) => [c.subject, c]));
  const claimGone = (config: string, afterMs: number) =>
    ok.find(
      (c) =>
        c.subject === config &&
        c.startMs >= afterMs &&
        (c.method === 'renameConfig' || c.method === 'deleteConfig'),
    );
  const ended = new Map<string, DtsCall>();
  for (const call of ok)
    if (call.method === 'getRun' && call.terminal && !ended.has(call.subject)) ended.set(call.subject, call);
  return ok
    .filter((call) => call.method === 'startRun')
    .flatMap((start) => {
      const config = configOf(start.subject);
      const create = created.get(config);
      const seen = ended.get(start.subject);
      if (!create || !seen?.terminal) return [];
      const endTimeMs = seen.terminal.endTimeMs;
      return [
        {
          run: start.subject,
          createConfigMs: create.endMs - create.startMs,
          admissionMs: start.startMs - create.endMs,
          startRunMs: start.endMs - start.startMs,
          inFlightMs: endTimeMs - start.endMs,
          detectionMs: seen.endMs - endTimeMs,
          finishedClaimMs: (claimGone(config, seen.endMs)?.endMs ?? Number.NaN) - seen.endMs,
        },
      ];
    });
}

const handoff = (cycle: SlotCycle) =>
  cycle.createConfigMs + cycle.admissionMs + cycle.startRunMs + cycle.detectionMs;

export function slotBreakdown(
  calls: readonly DtsCall[],
  options: { runMs: number; maxParallel: number; startedMs: number; endedMs: number },
): SlotBreakdown {
  const cycles = slotCycles(calls);
  if (cycles.length === 0)
    throw new Error('no run with a created config, a start and a seen end was recorded');
  const of = (pick: (cycle: SlotCycle) => number) => mean(cycles.map(pick));
  const firstCreate = Math.min(...calls.filter((c) => c.method === 'createConfig').map((c) => c.startMs));
  const lastSeen = Math.max(...calls.filter((c) => c.method === 'getRun' && c.terminal).map((c) => c.endMs));
  const rampUpMs = firstCreate - options.startedMs;
  const windDownMs = options.endedMs - lastSeen;
  const slotMs = cycles.reduce((sum, cycle) => sum + handoff(cycle) + cycle.inFlightMs, 0);
  const inFlightMs = cycles.reduce((sum, cycle) => sum + cycle.inFlightMs, 0);
  const starts = calls.filter((c) => c.method === 'startRun' && !c.failed).map((c) => c.endMs);
  const ends = calls.flatMap((c) => (c.method === 'getRun' && c.terminal ? [c.terminal.endTimeMs] : []));
  const spanMs = Math.max(...ends) - Math.min(...starts);
  const counts: Record<string, number> = {};
  for (const call of calls) counts[call.method] = (counts[call.method] ?? 0) + 1;
  return {
    runs: cycles.length,
    createConfigMs: of((c) => c.createConfigMs),
    admissionMs: of((c) => c.admissionMs),
    startRunMs: of((c) => c.startRunMs),
    inFlightMs: of((c) => c.inFlightMs),
    overrunMs: of((c) => c.inFlightMs) - options.runMs,
    detectionMs: of((c) => c.detectionMs),
    finishedClaimMs: of((c) => c.finishedClaimMs),
    handoffMs: of(handoff),
    handoffMsMedian: median(cycles.map(handoff)),
    idleSlotMsPerRun: Math.max(0, options.maxParallel * spanMs - inFlightMs) / cycles.length,
    rampUpMs,
    windDownMs,
    modelMakespanMs: rampUpMs + slotMs / options.maxParallel + windDownMs,
    calls: counts,
  };
}
