// When to look at a run again. Quick at first (most short runs are noticed within a
// second or two), then backing off to a look every 10 s. Every second a finished run goes
// unnoticed holds one of `max_parallel`'s quota slots, so the blind schedule is fixed at
// a short cap: about 5 s late on average, at the price of about 6 status calls a minute.
// (A schedule backing off to a minute would cost ~30 calls over 30 minutes but notice the
// end ~30 s late on average — no blind schedule has both; see docs/benchmarks.md.)
//
// The way past that trade is a push signal (run-watch.ts: a live tail of the project's
// transfer messages). While it is live the blind schedule is only a safety net, so it can
// be sparse: the schedule stretched (safetyScheduleFor) keeps the quick first looks (short
// runs) and then backs off to one look every 5 minutes.

export interface PollSchedule {
  /** First wait after the run starts. */
  initialMs: number;
  /** Growth of each wait over the previous one. */
  factor: number;
  /** Longest wait between two looks. */
  capMs: number;
}

export const DEFAULT_POLL_SCHEDULE: PollSchedule = {
  initialMs: 1_000,
  factor: 1.5,
  capMs: 10_000,
};

const SAFETY_FACTOR = 2;
const SAFETY_CAP_MS = 5 * 60_000;

/** A schedule stretched into the safety net kept while a live tail covers the run. */
export function safetyScheduleFor(schedule: PollSchedule): PollSchedule {
  return {
    initialMs: schedule.initialMs,
    factor: Math.max(SAFETY_FACTOR, schedule.factor),
    capMs: Math.max(SAFETY_CAP_MS, schedule.capMs),
  };
}

/** The wait before look number `attempt` (0-based). */
export function pollDelay(attempt: number, schedule: PollSchedule = DEFAULT_POLL_SCHEDULE): number {
  return Math.min(schedule.capMs, Math.round(schedule.initialMs * schedule.factor ** attempt));
}

/** Enough steps to reach any cap from any sane start; bounds the walk below. */
const MAX_STEPS = 10_000;

/**
 * The wait the schedule prescribes at `elapsedMs` after the run started: the delay of
 * the step that is current then. Lets a wait switch schedules midway (a live tail lost)
 * without starting over from the quick first looks.
 */
export function pollDelayAt(elapsedMs: number, schedule: PollSchedule = DEFAULT_POLL_SCHEDULE): number {
  let reached = 0;
  for (let attempt = 0; attempt < MAX_STEPS; attempt++) {
    const delay = pollDelay(attempt, schedule);
    reached += delay;
    // Past the cap every later step is the cap (or, for factor < 1, never grows again).
    if (reached > elapsedMs || delay >= schedule.capMs || delay <= 0) return delay;
  }
  return pollDelay(MAX_STEPS, schedule);
}
