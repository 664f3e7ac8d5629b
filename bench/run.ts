// `npm run bench`: runs every benchmark, prints a table against the issue's goals and
// writes bench/results.json. `--only a,b` runs some of them (detection, cold-start, plan,
// overhead, workload) and merges their figures into the existing results file.
// The CLI figures measure a private bundle built from the current src/ (see private-build.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureColdStart, measurePlanProcess } from './cli-process-figures.js';
import {
  ASSUMED_SIGNAL_DELAY_MS,
  FIXED_10S_SCHEDULE,
  linearSpread,
  logSpread,
  measureWait,
} from './detection-latency.js';
import { GOALS } from './goals.js';
import { measureOverhead } from './lifecycle-overhead.js';
import { startLocalCloudProcess } from './local-cloud-process.js';
import { measureWorkload } from './parallel-workload.js';
import { benchPlan } from './plan-1000.js';
import { buildPrivateCli } from './private-build.js';
import { median, round2 } from './stats.js';

const BENCHES = ['detection', 'cold-start', 'plan', 'overhead', 'workload'] as const;
type Bench = (typeof BENCHES)[number];

const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));
/** The tick every run-based benchmark loads: partitions D-1 … D-n before it. */
const AT = '2026-11-21T06:00:00Z';

const SETTINGS = {
  waitRuns: 600,
  coldStartRuns: 15,
  planRuns: 5,
  overheadTables: 9,
  overheadRunSeconds: [1, 2],
  workloadTables: 100,
  workloadPartitions: 3,
  workloadRunSeconds: 2,
  workloadMaxParallel: 10,
};

function selected(): Set<Bench> {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  if (values.only === undefined) return new Set(BENCHES);
  const names = values.only.split(',').map((s) => s.trim());
  for (const name of names) {
    if (!(BENCHES as readonly string[]).includes(name)) {
      throw new Error(`unknown benchmark "${name}": choose from ${BENCHES.join(', ')}`);
    }
  }
  return new Set(names as Bench[]);
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const only = selected();
  const figures: Record<string, number> = {};
  const details: Record<string, unknown> = {};
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const needsCli = ['cold-start', 'plan', 'overhead', 'workload'].some((name) => only.has(name as Bench));
  const dist = needsCli ? await buildPrivateCli() : undefined;
  try {
    await measure(only, dist?.entry ?? '', figures, details);
  } finally {
    await dist?.remove();
  }

  const previous = only.size < BENCHES.length ? await readPrevious() : {};
  const rounded = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, round2(v)]));
  const results = {
    ...previous,
    ...rounded,
    machine: {
      nproc: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memory_gib: round2(totalmem() / 2 ** 30),
      node: process.version,
      platform: process.platform,
      // Others may share the machine: the 1-minute load average before and after says how much.
      load_average_1m: [round2(loadBefore), round2(loadavg()[0] ?? Number.NaN)],
    },
    settings: SETTINGS,
    measured_at: new Date().toISOString(),
    details: { ...((previous.details as object | undefined) ?? {}), ...details },
  };
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results as unknown as Record<string, number>);
  log(`\nwrote bench/results.json in ${Math.round((performance.now() - started) / 1000)} s`);
}

/** Runs the chosen benchmarks; `cli` is the bundled CLI's entry for the child processes. */
async function measure(
  only: Set<Bench>,
  cli: string,
  figures: Record<string, number>,
  details: Record<string, unknown>,
): Promise<void> {
  if (only.has('detection')) {
    log(`· detection latency: the real wait over ${SETTINGS.waitRuns} runs of 30 s–30 min, virtual time`);
    const spread = linearSpread(SETTINGS.waitRuns);
    const tailed = await measureWait(spread, { signalDelayMs: ASSUMED_SIGNAL_DELAY_MS });
    const blind = await measureWait(spread);
    const fixed = await measureWait(spread, { schedule: FIXED_10S_SCHEDULE });
    // The product's default path (gRPC) is the live tail; blind polling is its fallback
    // (REST transport, or the tail refused or lost).
    figures.detection_latency_ms_mean = tailed.latencyMsMean;
    figures.get_run_calls_per_run = tailed.callsPerRun;
    figures.detection_latency_ms_mean_blind = blind.latencyMsMean;
    figures.get_run_calls_per_run_blind = blind.callsPerRun;
    figures.fixed_10s_poll_latency_ms_mean = fixed.latencyMsMean;
    figures.fixed_10s_poll_calls_per_run = fixed.callsPerRun;
    const logRuns = logSpread(SETTINGS.waitRuns);
    details.detection = {
      assumed_signal_delay_ms: ASSUMED_SIGNAL_DELAY_MS,
      linear_spread: {
        live_tail: tailed,
        live_tail_signal_5s: await measureWait(spread, { signalDelayMs: 5_000 }),
        live_tail_signal_10s: await measureWait(spread, { signalDelayMs: 10_000 }),
        blind,
        fixed_10s: fixed,
        // For comparison only: plain polls at 30 s and 60 s.
        fixed_30s: await measureWait(spread, { schedule: { initialMs: 30_000, factor: 1, capMs: 30_000 } }),
        fixed_60s: await measureWait(spread, { schedule: { initialMs: 60_000, factor: 1, capMs: 60_000 } }),
      },
      log_spread: {
        live_tail: await measureWait(logRuns, { signalDelayMs: ASSUMED_SIGNAL_DELAY_MS }),
        blind: await measureWait(logRuns),
        fixed_10s: await measureWait(logRuns, { schedule: FIXED_10S_SCHEDULE }),
      },
    };
  }

  if (only.has('cold-start')) {
    log(`· CLI cold start: ${SETTINGS.coldStartRuns} × node <bundled cli.js> --version`);
    const cold = await measureColdStart(cli, SETTINGS.coldStartRuns);
    figures.cli_cold_start_ms = cold.firstOutputMsMedian;
    details.cold_start = cold;
  }

  if (only.has('plan')) {
    log(`· plan: ${SETTINGS.planRuns} × s3bq plan --json over 1,000 generated table files`);
    const whole = await measurePlanProcess(cli, 1000, SETTINGS.planRuns);
    const inProcess = [await benchPlan(), await benchPlan(), await benchPlan()];
    figures.plan_1000_tables_ms = whole.wallMsMedian;
    figures.plan_1000_tables_cpu_ms = whole.cpuMsMedian;
    figures.plan_1000_tables_in_process_ms = median(inProcess.map((r) => r.wallMs));
    details.plan = { process: whole, in_process: inProcess };
  }

  if (only.has('overhead')) {
    // The emulator's default run time first (the issue's figure), then the workload's, whose
    // end falls between two looks of the wait and so shows its slack.
    const passes: Record<string, unknown> = {};
    for (const runSeconds of SETTINGS.overheadRunSeconds) {
      log(`· overhead: ${SETTINGS.overheadTables} tables one by one, run time ${runSeconds} s`);
      const cloud = await startLocalCloudProcess({ cli, runSeconds });
      try {
        const overhead = await measureOverhead(cloud, {
          runSeconds,
          tables: SETTINGS.overheadTables,
          at: AT,
        });
        passes[`run_${runSeconds}s`] = overhead;
        if (runSeconds === SETTINGS.overheadRunSeconds[0]) {
          figures.overhead_ms_per_table = overhead.overheadMsMedian;
          figures.overhead_ms_per_table_without_wait_slack = overhead.overheadWithoutWaitSlackMsMedian;
          figures.overhead_ms_first_table = overhead.samples[0]?.overheadMs ?? Number.NaN;
        } else {
          figures[`overhead_ms_per_table_run_${runSeconds}s`] = overhead.overheadMsMedian;
        }
      } finally {
        await cloud.stop();
      }
    }
    details.overhead = passes;
  }

  if (only.has('workload')) {
    log(
      `· workload: ${SETTINGS.workloadTables} tables × ${SETTINGS.workloadPartitions} partitions through s3bq run, ` +
        `run time ${SETTINGS.workloadRunSeconds} s, --max-parallel ${SETTINGS.workloadMaxParallel}`,
    );
    const cloud = await startLocalCloudProcess({ cli, runSeconds: SETTINGS.workloadRunSeconds });
    try {
      const workload = await measureWorkload(cloud, {
        cli,
        tables: SETTINGS.workloadTables,
        partitions: SETTINGS.workloadPartitions,
        runSeconds: SETTINGS.workloadRunSeconds,
        maxParallel: SETTINGS.workloadMaxParallel,
        at: AT,
      });
      figures.max_parallel = workload.maxParallel;
      figures.peak_concurrent_runs = workload.peakConcurrentRuns;
      figures.makespan_efficiency = workload.makespanEfficiency;
      figures.rss_mb_peak = workload.rssMbPeak ?? Number.NaN;
      figures.makespan_ideal_ms = workload.idealMakespanMs;
      figures.makespan_measured_ms = workload.measuredMakespanMs;
      figures.workload_cli_cpu_ms = workload.cpuMs;
      details.workload = workload;
    } finally {
      await cloud.stop();
    }
  }
}

async function readPrevious(): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(RESULTS, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function printTable(all: Record<string, number>): void {
  const rows = GOALS.filter((goal) => typeof all[goal.key] === 'number').map((goal) => {
    const value = all[goal.key]!;
    const status = goal.check ? (goal.check(value, all) ? 'met' : 'MISSED') : '';
    return [goal.key, `${value}${goal.unit ? ` ${goal.unit}` : ''}`, goal.goal, status];
  });
  const header = ['figure', 'value', 'goal', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  log('');
  log(line(header));
  log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) log(line(row));
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
