// Step 4: wait for one run to end. Bounded by the caller's signal (the table's overall
// timeout or a cancellation); each look has its own call deadline inside the DTS face.
// Blind, it looks on the poll schedule. Given a push signal (`signals`, a live tail of the
// run's Cloud Logging messages) it looks at once when a message of the run arrives, again
// shortly after (the final message and the state flip are close but not atomic), and
// otherwise only on the sparse safety schedule; when the signal is lost it goes back to
// the full schedule from where that schedule would be at this point of the run.
import type { DtsFace, TransferRunInfo } from '../cloud/dts.js';
import type { Clock } from './clock.js';
import {
  DEFAULT_POLL_SCHEDULE,
  type PollSchedule,
  pollDelay,
  pollDelayAt,
  safetyScheduleFor,
} from './poll-schedule.js';
import type { RunSignals } from './run-watch.js';

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** Gaps of the looks after the one a message triggered: 1 s, then 2 s, then 4 s later. */
const FOLLOW_UP_GAPS_MS: readonly number[] = [1_000, 2_000, 4_000];

export function isTerminal(run: Pick<TransferRunInfo, 'state'>): boolean {
  return TERMINAL.has(run.state);
}

export interface WaitResult {
  run: TransferRunInfo;
  /** Status calls made, for the benchmarks. */
  calls: number;
}

export interface WaitOptions {
  schedule?: PollSchedule | undefined;
  signal?: AbortSignal | undefined;
  /** A push signal for the run (a RunWatch); without it the wait polls blind. */
  signals?: RunSignals | undefined;
  /** The blind schedule kept while the push signal is live; default `schedule` stretched. */
  safetySchedule?: PollSchedule | undefined;
}

export async function waitForRun(
  dts: DtsFace,
  runName: string,
  clock: Clock,
  options: WaitOptions = {},
): Promise<WaitResult> {
  const schedule = options.schedule ?? DEFAULT_POLL_SCHEDULE;
  if (options.signals) return waitWithSignals(dts, runName, clock, schedule, options.signals, options);
  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    await clock.sleep(pollDelay(attempt, schedule), options.signal);
    const run = await dts.getRun(runName, options.signal);
    if (isTerminal(run)) return { run, calls: attempt + 1 };
  }
}

async function waitWithSignals(
  dts: DtsFace,
  runName: string,
  clock: Clock,
  schedule: PollSchedule,
  signals: RunSignals,
  options: WaitOptions,
): Promise<WaitResult> {
  const safety = options.safetySchedule ?? safetyScheduleFor(schedule);
  const outer = options.signal;
  const subscription = signals.subscribe(runName);
  try {
    const startedAt = clock.now().getTime();
    let lastLookAt = startedAt;
    /** Gaps of the looks still owed to the last message, first one next. */
    let followUps: number[] = [];
    for (let calls = 0; ; ) {
      outer?.throwIfAborted();
      if (subscription.takeActivity()) followUps = [0, ...FOLLOW_UP_GAPS_MS];
      const now = clock.now().getTime();
      // The blind schedule counts from the last look, whatever caused it.
      const blindGap = pollDelayAt(now - startedAt, subscription.live ? safety : schedule);
      const followUpGap = followUps[0] ?? Number.POSITIVE_INFINITY;
      const fromFollowUp = followUpGap <= blindGap;
      const waitMs = Math.max(0, lastLookAt + Math.min(blindGap, followUpGap) - now);
      if (waitMs > 0) {
        const wake = subscription.nextWake();
        try {
          await clock.sleep(waitMs, outer ? AbortSignal.any([outer, wake]) : wake);
        } catch (error) {
          if (outer?.aborted) throw outer.reason;
          if (wake.aborted) continue; // a message arrived, or the tail went live or was lost
          throw error;
        }
      }
      if (fromFollowUp) followUps.shift();
      lastLookAt = clock.now().getTime();
      calls += 1;
      const run = await dts.getRun(runName, outer);
      if (isTerminal(run)) return { run, calls };
    }
  } finally {
    subscription.close();
  }
}
