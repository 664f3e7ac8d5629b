// When to look at a run again. Quick at first (most short runs are noticed within a
// second or two), then backing off geometrically to a cap so a 30-minute run costs about
// thirty status calls. A blind schedule cannot have both ≤ 5 s mean latency and ≤ 30
// calls over runs of 30 s–30 min (Cauchy–Schwarz: the mean interval over 30 min must be
// ≥ 60 s, so the mean latency ≥ ~30 s); this one keeps the call budget (≤ 30 calls up to
// 30 min) and short runs snappy (~2.6 s late on average under 20 s). Over runs spread from
// 30 s to 30 min uniformly it is ~43 s late on average (~34 s log-uniformly), ~20 calls.

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

/** The wait before look number `attempt` (0-based). */
export function pollDelay(attempt: number, schedule: PollSchedule = DEFAULT_POLL_SCHEDULE): number {
  return Math.min(schedule.capMs, Math.round(schedule.initialMs * schedule.factor ** attempt));
}
