// When to look at a run again. Quick at first (most short runs are noticed within a
// second or two), then backing off geometrically to a cap so a 30-minute run costs about
// thirty status calls. A blind schedule cannot have both ≤ 5 s mean latency and ≤ 30
// calls over runs of 30 s–30 min (Cauchy–Schwarz: the mean interval over 30 min must be
// ≥ 60 s, so the mean latency ≥ ~30 s); this one keeps the call budget (≤ 30 calls up to
// 30 min) and short runs snappy (~2.6 s late on average under 20 s). Over runs spread from
// 30 s to 30 min uniformly it is ~43 s late on average (~34 s log-uniformly), ~20 calls.
//
// The way past that bound is a push signal (run-watch.ts: a live tail of the run's Cloud
// Logging messages). While it is live the blind schedule is only a safety net, so it can
// be sparse: the schedule stretched (safetyScheduleFor) keeps the quick first looks (short
// runs) and then backs off twice as fast, to one look every 5 minutes.

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
  capMs: 90_000,
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

/** The default safety net: looks after 1, 2, 4, … s, then every 5 min. */
export const SAFETY_POLL_SCHEDULE: PollSchedule = safetyScheduleFor(DEFAULT_POLL_SCHEDULE);

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
