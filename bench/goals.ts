// The goals for each reported figure, so the printed table says which are met.
// A goal is a fixed target from the issue, never derived from a run.

export interface Goal {
  key: string;
  label: string;
  unit: string;
  /** Undefined: reported, no goal. */
  check?: ((value: number, all: Record<string, number>) => boolean) | undefined;
  goal: string;
}

export const GOALS: Goal[] = [
  {
    key: 'plan_1000_tables_ms',
    label: 'validate + plan 1,000 tables (s3bq plan --json, process)',
    unit: 'ms',
    goal: '≤ 1000',
    check: (v) => v <= 1000,
  },
  {
    key: 'cli_cold_start_ms',
    label: 'CLI cold start to first output (--version)',
    unit: 'ms',
    goal: '≤ 400',
    check: (v) => v <= 400,
  },
  {
    key: 'overhead_ms_per_table',
    label: 'lifecycle overhead per table (minus run time)',
    unit: 'ms',
    goal: '≤ 1500',
    check: (v) => v <= 1500,
  },
  {
    key: 'detection_latency_ms_mean',
    label: 'run-end detection latency, 30 s–30 min (live tail)',
    unit: 'ms',
    goal: '≤ 5000',
    check: (v) => v <= 5000,
  },
  {
    key: 'get_run_calls_per_run',
    label: 'status calls per run, 30 s–30 min',
    unit: 'calls',
    goal: '≤ 30',
    check: (v) => v <= 30,
  },
  {
    key: 'detection_latency_ms_mean_blind',
    label: 'the same without the live tail (fallback)',
    unit: 'ms',
    goal: 'reported',
  },
  {
    key: 'get_run_calls_per_run_blind',
    label: 'the same without the live tail (fallback)',
    unit: 'calls',
    goal: 'reported',
  },
  {
    key: 'fixed_10s_poll_latency_ms_mean',
    label: 'fixed 10 s poll (Airflow): detection latency',
    unit: 'ms',
    goal: 'reported',
  },
  {
    key: 'fixed_10s_poll_calls_per_run',
    label: 'fixed 10 s poll (Airflow): status calls per run',
    unit: 'calls',
    goal: 'reported',
  },
  { key: 'max_parallel', label: '100 × 3 workload: max_parallel', unit: '', goal: 'reported' },
  {
    key: 'peak_concurrent_runs',
    label: '100 × 3 workload: peak runs in flight',
    unit: 'runs',
    goal: '≤ max_parallel',
    check: (v, all) => v <= (all.max_parallel ?? Number.NaN),
  },
  {
    key: 'makespan_efficiency',
    label: '100 × 3 workload: ideal ÷ measured makespan',
    unit: '',
    goal: '≥ 0.9',
    check: (v) => v >= 0.9,
  },
  {
    key: 'rss_mb_peak',
    label: '100 × 3 workload: peak RSS of s3bq run',
    unit: 'MiB',
    goal: '≤ 200',
    check: (v) => v <= 200,
  },
];
