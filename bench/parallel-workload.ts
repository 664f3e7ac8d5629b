// 100 tables × 3 partitions through `s3bq run` (the bundled CLI, as a child process)
// against the local cloud in another process: how many runs were in flight at once
// (PENDING or RUNNING, from the local cloud's own counter), how close the makespan comes
// to the ideal, how full the slots were while it ran (sampled from the local cloud), and
// the CLI process's peak memory.
//
// Allowed concurrency, as the design bounds it: the quota queue admits at most
// `max_parallel` runs in flight across the pipeline, whatever table they belong to; the
// project quota of the local cloud bounds what is left:
//   allowed = min(max_parallel, quota)
//   ideal makespan = tables × partitions × run time ÷ allowed
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResultFile, TableResult } from '../src/lifecycle/outcome.js';
import type { PlannedTable } from '../src/plan/types.js';
import type { PipelineSettings } from '../src/tables/types.js';
import { planBenchTables, writeBenchLake, writeBenchTables } from './bench-lake.js';
import { type ChildRun, runCli } from './child-process.js';
import { type InFlightSummary, sampleWhile, slotUse, summarizeInFlight } from './in-flight-sampler.js';
import type { LocalCloudProcess, LocalCloudStats } from './local-cloud-process.js';
import { median } from './stats.js';

/** How often the local cloud's runs in flight are sampled while the workload runs. */
export const SAMPLE_EVERY_MS = 100;

/** The local cloud's default concurrent-run quota (packages/local-cloud/src/dts/quotas.ts). */
const EMULATOR_CONCURRENT_RUNS_QUOTA = 1000;

export interface WorkloadOptions {
  tables: number;
  partitions: number;
  runSeconds: number;
  maxParallel: number;
  at: string;
}

export interface WorkloadFigures {
  tables: number;
  partitions: number;
  runSeconds: number;
  maxParallel: number;
  allowedConcurrency: number;
  /** The local cloud's peak of runs PENDING or RUNNING at once: what max_parallel bounds. */
  peakInFlightRuns: number;
  /** The local cloud's peak of runs RUNNING at once (its concurrent-run quota counts these). */
  peakRunningRuns: number;
  /** Runs in flight as sampled while it ran. */
  inFlight: InFlightSummary;
  /** ∫ runs in flight dt ÷ (max_parallel × makespan): efficiency against the runs' real time in flight. */
  slotUse: number;
  /** Mean time a run was in flight (∫ runs in flight dt ÷ runs), against its nominal run time. */
  runInFlightMsMean: number;
  /** CPU time the local cloud spent while the workload ran. */
  localCloudCpuMs: number | undefined;
  idealMakespanMs: number;
  /** Spawn of `s3bq run` to its exit. */
  measuredMakespanMs: number;
  makespanEfficiency: number;
  rssMbPeak: number | undefined;
  /** Peak RSS as sampled from /proc/<pid>/status VmHWM while it ran. */
  rssMbPeakSampled: number | undefined;
  /** CPU time (user + system) of the `s3bq run` process. */
  cpuMs: number;
  loadedPartitions: number;
  /** Median of a partition's start (after its settle check) → its run seen ended: queue wait included. */
  partitionMsMedian: number;
  /** The CLI's own "Finished in" (after planning, before exit). */
  cliReportedMs: number;
  configsLeft: number;
}

function allowedConcurrency(maxParallel: number, quota: number): number {
  return Math.min(maxParallel, quota);
}

export function idealMakespanMs(runs: number, runSeconds: number, maxParallel: number): number {
  return (runs * runSeconds * 1000) / allowedConcurrency(maxParallel, EMULATOR_CONCURRENT_RUNS_QUOTA);
}

export interface WorkloadLake {
  cwd: string;
  env: NodeJS.ProcessEnv;
  planned: PlannedTable[];
  /** As planned, with the workload's max_parallel. */
  settings: PipelineSettings;
  runs: number;
  remove(): Promise<void>;
}

/** The workload's table files in a fresh folder and its lake in the local cloud, aged. */
export async function prepareWorkload(
  cloud: LocalCloudProcess,
  options: Pick<WorkloadOptions, 'tables' | 'partitions' | 'at' | 'maxParallel'>,
): Promise<WorkloadLake> {
  const cwd = await mkdtemp(join(tmpdir(), 's3bq-bench-workload-'));
  const remove = () => rm(cwd, { recursive: true, force: true });
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, ...cloud.env, TZ: 'UTC', NO_COLOR: '1' };
    await writeBenchTables(cwd, options.tables, options.partitions);
    const { planned, settings } = await planBenchTables(cwd, env, options.at);
    const runs = planned.reduce((n, t) => n + t.plan.partitions.length, 0);
    if (runs !== options.tables * options.partitions) {
      throw new Error(`expected ${options.tables * options.partitions} partitions, planned ${runs}`);
    }
    await writeBenchLake(env, planned, cloud.backdate);
    return { cwd, env, planned, settings: { ...settings, maxParallel: options.maxParallel }, runs, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** Every partition loaded: else the figure would time a failure. */
export function countLoaded(tables: readonly TableResult[], expected: number): number {
  const partitions = tables.flatMap((t) => t.partitions);
  const loaded = partitions.filter((p) => p.status === 'loaded').length;
  if (loaded !== expected) {
    const failed = partitions.find((p) => p.status !== 'loaded');
    throw new Error(`${loaded} partitions loaded, ${expected} planned; e.g. ${JSON.stringify(failed)}`);
  }
  return loaded;
}

export function cpuSpent(before: number | undefined, after: number | undefined): number | undefined {
  return before === undefined || after === undefined ? undefined : after - before;
}

export async function measureWorkload(
  cloud: LocalCloudProcess,
  options: WorkloadOptions & { cli: string },
): Promise<WorkloadFigures> {
  const lake = await prepareWorkload(cloud, options);
  try {
    const ideal = idealMakespanMs(lake.runs, options.runSeconds, options.maxParallel);
    const args = [
      'run',
      '--tables',
      'tables',
      '--at',
      options.at,
      '--max-parallel',
      String(options.maxParallel),
    ];
    const cpuBefore = await cloud.cpuMs();
    const { value: run, samples } = await sampleWhile(
      runCli(options.cli, [...args, '--results', 'results.json'], {
        cwd: lake.cwd,
        env: lake.env,
        timeoutMs: Math.max(300_000, ideal * 5),
        rssSampleMs: 200,
        usage: true,
      }),
      async () => (await cloud.stats()).inFlightRuns,
      SAMPLE_EVERY_MS,
    );
    if (run.exitCode !== 0) {
      throw new Error(
        `s3bq run exited ${run.exitCode ?? run.signal}:\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`,
      );
    }
    const resultFile = JSON.parse(await readFile(join(lake.cwd, 'results.json'), 'utf8')) as ResultFile;
    return workloadFigures(options, {
      ideal,
      run,
      after: await cloud.stats(),
      localCloudCpuMs: cpuSpent(cpuBefore, await cloud.cpuMs()),
      inFlight: summarizeInFlight(samples, options.maxParallel),
      loaded: countLoaded(resultFile.tables, lake.runs),
      partitionMs: resultFile.tables.flatMap((t) => t.partitions.map((p) => p.duration_ms ?? Number.NaN)),
    });
  } finally {
    await lake.remove();
  }
}

function workloadFigures(
  options: WorkloadOptions,
  measured: {
    ideal: number;
    run: ChildRun;
    after: LocalCloudStats;
    localCloudCpuMs: number | undefined;
    inFlight: InFlightSummary;
    loaded: number;
    partitionMs: number[];
  },
): WorkloadFigures {
  const { run, after, ideal } = measured;
  return {
    tables: options.tables,
    partitions: options.partitions,
    runSeconds: options.runSeconds,
    maxParallel: options.maxParallel,
    allowedConcurrency: allowedConcurrency(options.maxParallel, EMULATOR_CONCURRENT_RUNS_QUOTA),
    // The local cloud's peaks cover its whole life: the caller gives this workload its own.
    peakInFlightRuns: after.peakInFlightRuns,
    peakRunningRuns: after.peakConcurrentRuns,
    inFlight: measured.inFlight,
    slotUse: slotUse(measured.inFlight, options.maxParallel, run.wallMs),
    runInFlightMsMean: (measured.inFlight.runSeconds * 1000) / measured.loaded,
    localCloudCpuMs: measured.localCloudCpuMs,
    idealMakespanMs: ideal,
    measuredMakespanMs: run.wallMs,
    makespanEfficiency: ideal / run.wallMs,
    // The process's own maxRSS at exit; the /proc sample is the fallback.
    rssMbPeak: run.usage?.maxRssMb ?? run.rssPeakMb,
    rssMbPeakSampled: run.rssPeakMb,
    cpuMs: run.usage?.cpuMs ?? Number.NaN,
    loadedPartitions: measured.loaded,
    partitionMsMedian: median(measured.partitionMs),
    cliReportedMs: Number(/Finished in ([\d.]+) s/.exec(run.stdout)?.[1] ?? Number.NaN) * 1000,
    configsLeft: after.configs,
  };
}
