// The benchmarks `npm run bench` knows, each one a function from the settings (and the
// private bundle, for those that run it) to its figures and the details behind them.
import { measureColdStart, measurePlanProcess } from './cli-process-figures.js';
import { measureCrossProcess } from './cross-process.js';
import {
  ASSUMED_SIGNAL_DELAY_MS,
  FIXED_10S_SCHEDULE,
  linearSpread,
  logSpread,
  measureWait,
} from './detection-latency.js';
import { measureOverhead } from './lifecycle-overhead.js';
import { startLocalCloudProcess } from './local-cloud-process.js';
import { measureWorkload } from './parallel-workload.js';
import { benchPlan } from './plan-1000.js';
import { median } from './stats.js';
import { measureBreakdown } from './workload-breakdown.js';

/** The tick every run-based benchmark loads: partitions D-1 … D-n before it. */
const AT = '2026-11-21T06:00:00Z';

export const SETTINGS = {
  waitRuns: 600,
  coldStartRuns: 15,
  planRuns: 5,
  overheadTables: 9,
  overheadRunSeconds: [1, 2],
  workloadTables: 100,
  workloadPartitions: 3,
  workloadRunSeconds: 2,
  workloadMaxParallel: 10,
  crossProcessTables: 30,
  crossProcessPartitions: 2,
  crossProcessRunSeconds: 2,
  crossProcessMaxParallel: 5,
  crossProcessRepetitions: 3,
};

interface Bundle {
  cli: string;
  actionMain: string;
}

interface Measured {
  figures: Record<string, number>;
  details: Record<string, unknown>;
}

export interface Bench {
  name: string;
  /** Runs the private bundle (so it must be built first). */
  needsBundle: boolean;
  describe: string;
  run(bundle: Bundle): Promise<Measured>;
}

const log = (line: string) => process.stdout.write(`${line}\n`);

async function detection(): Promise<Measured> {
  const spread = linearSpread(SETTINGS.waitRuns);
  const tailed = await measureWait(spread, { signalDelayMs: ASSUMED_SIGNAL_DELAY_MS });
  const blind = await measureWait(spread);
  const fixed = await measureWait(spread, { schedule: FIXED_10S_SCHEDULE });
  const logRuns = logSpread(SETTINGS.waitRuns);
  return {
    // The live tail is an accelerator for the first 8 processes; the blind schedule is
    // what every other process, the REST transport and a lost tail fall back on.
    figures: {
      detection_latency_ms_mean: tailed.latencyMsMean,
      get_run_calls_per_run: tailed.callsPerRun,
      fallback_detection_latency_ms_mean: blind.latencyMsMean,
      fallback_get_run_calls_per_run: blind.callsPerRun,
      fixed_10s_poll_latency_ms_mean: fixed.latencyMsMean,
      fixed_10s_poll_calls_per_run: fixed.callsPerRun,
    },
    details: {
      detection: {
        assumed_signal_delay_ms: ASSUMED_SIGNAL_DELAY_MS,
        linear_spread: {
          live_tail: tailed,
          live_tail_signal_5s: await measureWait(spread, { signalDelayMs: 5_000 }),
          live_tail_signal_10s: await measureWait(spread, { signalDelayMs: 10_000 }),
          blind,
          fixed_10s: fixed,
          // For comparison only: plain polls at 30 s and 60 s, what a blind wait saves calls with.
          fixed_30s: await measureWait(spread, { schedule: { initialMs: 30_000, factor: 1, capMs: 30_000 } }),
          fixed_60s: await measureWait(spread, { schedule: { initialMs: 60_000, factor: 1, capMs: 60_000 } }),
        },
        log_spread: {
          live_tail: await measureWait(logRuns, { signalDelayMs: ASSUMED_SIGNAL_DELAY_MS }),
          blind: await measureWait(logRuns),
          fixed_10s: await measureWait(logRuns, { schedule: FIXED_10S_SCHEDULE }),
        },
      },
    },
  };
}

async function coldStart({ cli }: Bundle): Promise<Measured> {
  const cold = await measureColdStart(cli, SETTINGS.coldStartRuns);
  return { figures: { cli_cold_start_ms: cold.firstOutputMsMedian }, details: { cold_start: cold } };
}

async function plan({ cli }: Bundle): Promise<Measured> {
  const whole = await measurePlanProcess(cli, 1000, SETTINGS.planRuns);
  const inProcess = [await benchPlan(), await benchPlan(), await benchPlan()];
  return {
    figures: {
      plan_1000_tables_ms: whole.wallMsMedian,
      plan_1000_tables_cpu_ms: whole.cpuMsMedian,
      plan_1000_tables_in_process_ms: median(inProcess.map((r) => r.wallMs)),
    },
    details: { plan: { process: whole, in_process: inProcess } },
  };
}

/** The local cloud's default run time first (the figure), then 2 s runs, whose end falls between two looks. */
async function overhead(): Promise<Measured> {
  const figures: Record<string, number> = {};
  const passes: Record<string, unknown> = {};
  for (const runSeconds of SETTINGS.overheadRunSeconds) {
    log(`  run time ${runSeconds} s`);
    const cloud = await startLocalCloudProcess({ runSeconds });
    try {
      const result = await measureOverhead(cloud, { runSeconds, tables: SETTINGS.overheadTables, at: AT });
      passes[`run_${runSeconds}s`] = result;
      if (runSeconds === SETTINGS.overheadRunSeconds[0]) {
        figures.overhead_ms_per_table = result.overheadMsMedian;
        figures.overhead_ms_per_table_without_wait_slack = result.overheadWithoutWaitSlackMsMedian;
        figures.overhead_ms_first_table = result.samples[0]?.overheadMs ?? Number.NaN;
        figures.local_cloud_cpu_ms_per_run = result.localCloudCpuMsPerTable ?? Number.NaN;
      } else {
        figures[`overhead_ms_per_table_run_${runSeconds}s`] = result.overheadMsMedian;
      }
    } finally {
      await cloud.stop();
    }
  }
  return { figures, details: { overhead: passes } };
}

const workloadOptions = () => ({
  tables: SETTINGS.workloadTables,
  partitions: SETTINGS.workloadPartitions,
  runSeconds: SETTINGS.workloadRunSeconds,
  maxParallel: SETTINGS.workloadMaxParallel,
  at: AT,
});

async function workload({ cli }: Bundle): Promise<Measured> {
  const cloud = await startLocalCloudProcess({ runSeconds: SETTINGS.workloadRunSeconds });
  try {
    const w = await measureWorkload(cloud, { ...workloadOptions(), cli });
    return {
      figures: {
        max_parallel: w.maxParallel,
        peak_concurrent_runs: w.peakInFlightRuns,
        makespan_efficiency: w.makespanEfficiency,
        rss_mb_peak: w.rssMbPeak ?? Number.NaN,
        makespan_ideal_ms: w.idealMakespanMs,
        makespan_measured_ms: w.measuredMakespanMs,
        workload_cli_cpu_ms: w.cpuMs,
        workload_slot_use: w.slotUse,
      },
      details: { workload: w },
    };
  } finally {
    await cloud.stop();
  }
}

async function breakdown(): Promise<Measured> {
  const cloud = await startLocalCloudProcess({ runSeconds: SETTINGS.workloadRunSeconds });
  try {
    const b = await measureBreakdown(cloud, workloadOptions());
    return {
      figures: {
        makespan_efficiency_in_process: b.makespanEfficiency,
        slot_handoff_ms_mean: b.slots.idleSlotMsPerRun,
        slot_admission_ms_mean: b.slots.admissionMs,
        run_overrun_ms_mean: b.slots.overrunMs,
      },
      details: { breakdown: b },
    };
  } finally {
    await cloud.stop();
  }
}

async function crossProcess({ cli, actionMain }: Bundle): Promise<Measured> {
  const c = await measureCrossProcess({
    cli,
    actionMain,
    tables: SETTINGS.crossProcessTables,
    partitions: SETTINGS.crossProcessPartitions,
    runSeconds: SETTINGS.crossProcessRunSeconds,
    maxParallel: SETTINGS.crossProcessMaxParallel,
    repetitions: SETTINGS.crossProcessRepetitions,
    at: AT,
  });
  const meanOf = (pick: (r: (typeof c.repetitions)[number]) => number) =>
    c.repetitions.reduce((sum, r) => sum + pick(r), 0) / c.repetitions.length;
  return {
    figures: {
      cross_process_max_parallel: c.maxParallel,
      peak_runs_in_flight_cross_process: c.peakInFlightRuns,
      cross_process_overshoot: c.overshoot,
      cross_process_repetitions: c.repetitions.length,
      cross_process_makespan_efficiency: meanOf((r) => r.makespanEfficiency),
      cross_process_slot_use: meanOf((r) => r.slotUse),
    },
    details: { cross_process: c },
  };
}

const s = SETTINGS;
export const BENCHES: Bench[] = [
  {
    name: 'detection',
    needsBundle: false,
    describe: `detection latency: the real wait over ${s.waitRuns} runs of 30 s–30 min, virtual time`,
    run: detection,
  },
  {
    name: 'cold-start',
    needsBundle: true,
    describe: `CLI cold start: ${s.coldStartRuns} × node <bundled cli.js> --version`,
    run: coldStart,
  },
  {
    name: 'plan',
    needsBundle: true,
    describe: `plan: ${s.planRuns} × s3bq plan --json over 1,000 generated table files`,
    run: plan,
  },
  {
    name: 'overhead',
    needsBundle: false,
    describe: `overhead: ${s.overheadTables} tables one by one through runPipeline`,
    run: overhead,
  },
  {
    name: 'workload',
    needsBundle: true,
    describe: `workload: ${s.workloadTables} tables × ${s.workloadPartitions} partitions through s3bq run, run time ${s.workloadRunSeconds} s, --max-parallel ${s.workloadMaxParallel}`,
    run: workload,
  },
  {
    name: 'breakdown',
    needsBundle: false,
    describe: `breakdown: the same workload through runPipeline in this process, DTS calls recorded`,
    run: breakdown,
  },
  {
    name: 'cross-process',
    needsBundle: true,
    describe: `cross-process: 2 × s3bq run + the action, ${s.crossProcessTables} tables × ${s.crossProcessPartitions} partitions, max_parallel ${s.crossProcessMaxParallel}, ${s.crossProcessRepetitions} repetitions`,
    run: crossProcess,
  },
];
