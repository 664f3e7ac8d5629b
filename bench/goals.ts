// The issues' goals for each reported figure, so the printed table says which are met.
// A goal is a fixed target from an issue, never derived from a run; "reported" figures
// have none (companions that explain another figure).

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
    key: 'local_cloud_cpu_ms_per_run',
    label: 'the local cloud’s CPU time per run (one table at a time)',
    unit: 'ms',
    goal: 'reported',
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
    key: 'fallback_detection_latency_ms_mean',
    label: 'run-end detection latency, 30 s–30 min, no live tail (blind schedule)',
    unit: 'ms',
    goal: '≤ 10000',
    check: (v) => v <= 10_000,
  },
  {
    key: 'fallback_get_run_calls_per_run',
    label: 'status calls per run, 30 s–30 min, no live tail',
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
    label: '100 × 3 workload: peak runs in flight (PENDING or RUNNING)',
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
  {
    key: 'workload_slot_use',
    label: '100 × 3 workload: ∫ runs in flight ÷ (max_parallel × makespan)',
    unit: '',
    goal: 'reported',
  },
  {
    key: 'makespan_efficiency_in_process',
    label: 'the same workload through runPipeline in the bench process (breakdown run)',
    unit: '',
    goal: 'reported',
  },
  {
    key: 'slot_handoff_ms_mean',
    label:
      'breakdown run: the time a slot stood with no run in flight (slots × span − Σ runs in flight), per run',
    unit: 'ms',
    goal: 'reported',
  },
  {
    key: 'slot_admission_ms_mean',
    label: 'breakdown run: config created → run started, waiting for a free slot included, per run',
    unit: 'ms',
    goal: 'reported',
  },
  {
    key: 'run_overrun_ms_mean',
    label: 'breakdown run: a run in flight beyond its nominal run time (the local cloud)',
    unit: 'ms',
    goal: 'reported',
  },
  {
    key: 'cross_process_max_parallel',
    label: '2 × s3bq run + the action: max_parallel',
    unit: '',
    goal: 'reported',
  },
  {
    key: 'peak_runs_in_flight_cross_process',
    label: '2 × s3bq run + the action: peak runs in flight (local cloud)',
    unit: 'runs',
    goal: '≤ max_parallel',
    check: (v, all) => v <= (all.cross_process_max_parallel ?? Number.NaN),
  },
  {
    key: 'cross_process_overshoot',
    label: '2 × s3bq run + the action: peak − max_parallel (0 when none)',
    unit: 'runs',
    goal: '0',
    check: (v) => v === 0,
  },
  {
    key: 'cross_process_repetitions',
    label: '2 × s3bq run + the action: repetitions, each on a fresh local cloud',
    unit: '',
    goal: 'reported',
  },
  {
    key: 'cross_process_makespan_efficiency',
    label: '2 × s3bq run + the action: ideal ÷ measured makespan (mean)',
    unit: '',
    goal: 'reported',
  },
  {
    key: 'cross_process_slot_use',
    label: '2 × s3bq run + the action: ∫ runs in flight ÷ (max_parallel × wall time) (mean)',
    unit: '',
    goal: 'reported',
  },
];

/** The printed table: each figure present in `all`, its value, its goal, met or MISSED. */
export function goalTable(all: Record<string, unknown>, goals: readonly Goal[] = GOALS): string[] {
  const numbers = Object.fromEntries(
    Object.entries(all).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );
  const rows = goals
    .filter((goal) => typeof numbers[goal.key] === 'number')
    .map((goal) => {
      const value = numbers[goal.key]!;
      const status = goal.check ? (goal.check(value, numbers) ? 'met' : 'MISSED') : '';
      return [goal.key, `${value}${goal.unit ? ` ${goal.unit}` : ''}`, goal.goal, status];
    });
  const header = ['figure', 'value', 'goal', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
