// How many runs this process lets be in flight across the pipeline: `max_parallel`, until
// DTS fails runs on its concurrent-runs quota. The project's real quota can be below
// max_parallel (other workloads share it, or the setting is simply too high), and every
// run that fails on it is a slot and a back-off wasted. So the limit halves when a run
// admitted under the current limit fails on the quota (runs admitted before the last cut
// say nothing new about it), and grows back by one after each `limit` runs that end without
// meeting it: the usual additive-increase, multiplicative-decrease probe of a hidden bound.

export type RunEnd = 'ok' | 'quota';

export class QuotaLimit {
  private limit: number;
  private loweredAtMs = Number.NEGATIVE_INFINITY;
  private endedOk = 0;

  constructor(
    private readonly maxParallel: number,
    private readonly onChange?: (limit: number, reason: RunEnd) => void,
  ) {
    this.limit = maxParallel;
  }

  get current(): number {
    return this.limit;
  }

  /** A run admitted at `admittedAtMs` ended; `quota` when DTS failed it on a quota. */
  runEnded(end: RunEnd, admittedAtMs: number, nowMs: number): void {
    if (end === 'quota') {
      if (admittedAtMs < this.loweredAtMs) return;
      this.limit = Math.max(1, Math.ceil(this.limit / 2));
      this.loweredAtMs = nowMs;
      this.endedOk = 0;
      this.onChange?.(this.limit, end);
      return;
    }
    if (this.limit >= this.maxParallel) return;
    this.endedOk += 1;
    if (this.endedOk < this.limit) return;
    this.endedOk = 0;
    this.limit += 1;
    this.onChange?.(this.limit, end);
  }
}
