// Project-wide DTS quotas the local cloud enforces: how many transfer runs may be RUNNING at
// once and how many load jobs the runs may issue per UTC day. Also keeps the figures that
// load tests and benchmarks read (active and peak concurrent runs).

export interface DtsQuotaLimits {
  /** Runs RUNNING at once in the project; more FAIL with RESOURCE_EXHAUSTED. Default 1000. */
  concurrentRuns?: number;
  /** Load jobs per UTC day (project-wide; failures count). Default 100,000 as in BigQuery. */
  loadJobsPerDay?: number;
}

const DEFAULT_CONCURRENT_RUNS = 1000;
const DEFAULT_LOAD_JOBS_PER_DAY = 100_000;

export const CONCURRENT_RUNS_QUOTA_MESSAGE = (limit: number): string =>
  `Quota exceeded: Your project exceeded quota for concurrent transfer runs (limit ${limit}). Wait for running transfers to finish, or start fewer at once.`;
export const LOAD_JOBS_QUOTA_MESSAGE =
  'Quota exceeded: Your project exceeded quota for imports per project. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas';

export class DtsQuotas {
  readonly concurrentLimit: number;
  readonly loadJobsLimit: number;
  private active = 0;
  private peak = 0;
  private loadJobs = new Map<string, number>();

  constructor(limits: DtsQuotaLimits = {}) {
    this.concurrentLimit = limits.concurrentRuns ?? DEFAULT_CONCURRENT_RUNS;
    this.loadJobsLimit = limits.loadJobsPerDay ?? DEFAULT_LOAD_JOBS_PER_DAY;
  }

  /** Claims a running slot; false when the project is at its limit. */
  tryStartRun(): boolean {
    if (this.active >= this.concurrentLimit) return false;
    this.active += 1;
    this.peak = Math.max(this.peak, this.active);
    return true;
  }

  finishRun(): void {
    this.active = Math.max(0, this.active - 1);
  }

  /** Counts one load job against today's quota; false (and not counted) when exhausted. */
  tryTakeLoadJob(now: Date): boolean {
    const day = now.toISOString().slice(0, 10);
    const used = this.loadJobs.get(day) ?? 0;
    if (used >= this.loadJobsLimit) return false;
    this.loadJobs.set(day, used + 1);
    return true;
  }

  figures(now: Date): { activeRuns: number; peakConcurrentRuns: number; loadJobsToday: number } {
    return {
      activeRuns: this.active,
      peakConcurrentRuns: this.peak,
      loadJobsToday: this.loadJobs.get(now.toISOString().slice(0, 10)) ?? 0,
    };
  }
}
