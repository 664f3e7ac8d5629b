// 100 tables × 3 partitions through `s3bq run` (the bundled CLI, as a child process)
// against the local cloud in another process: how many runs were in flight at once
// (from the emulator's own counter), how close the makespan comes to the ideal, and the
// CLI process's peak memory.
//
// Allowed concurrency, as the design bounds it: the quota queue admits at most
// `max_parallel` runs in flight across the pipeline, whatever table they belong to; the
// project quota of the local cloud bounds what is left:
//   allowed = min(max_parallel, quota)
//   ideal makespan = tables × partitions × run time ÷ allowed
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResultFile } from '../src/lifecycle/outcome.js';
import { planBenchTables, writeBenchLake, writeBenchTables } from './bench-lake.js';
import { runCli } from './child-process.js';
import type { LocalCloudProcess } from './local-cloud-process.js';
import { median } from './stats.js';

/** The local cloud's default concurrent-run quota (src/emulator/dts/quotas.ts). */
export const EMULATOR_CONCURRENT_RUNS_QUOTA = 1000;

export interface WorkloadFigures {
  tables: number;
  partitions: number;
  runSeconds: number;
  maxParallel: number;
  allowedConcurrency: number;
  peakConcurrentRuns: number;
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
  /** Median of a partition's start → its run seen ended (a run slot's holding time, roughly). */
  partitionMsMedian: number;
  /** The CLI's own "Finished in" (after planning, before exit). */
  cliReportedMs: number;
  configsLeft: number;
}

export function allowedConcurrency(maxParallel: number, quota: number): number {
  return Math.min(maxParallel, quota);
}

export async function measureWorkload(
  cloud: LocalCloudProcess,
  options: {
    cli: string;
    tables: number;
    partitions: number;
    runSeconds: number;
    maxParallel: number;
    at: string;
  },
): Promise<WorkloadFigures> {
  const cwd = await mkdtemp(join(tmpdir(), 's3bq-bench-workload-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ...cloud.env, TZ: 'UTC', NO_COLOR: '1' };
  try {
    await writeBenchTables(cwd, options.tables, options.partitions);
    const { planned } = await planBenchTables(cwd, env, options.at);
    const runsPlanned = planned.reduce((n, t) => n + t.plan.partitions.length, 0);
    if (runsPlanned !== options.tables * options.partitions) {
      throw new Error(`expected ${options.tables * options.partitions} partitions, planned ${runsPlanned}`);
    }
    await writeBenchLake(env, planned);
    const allowed = allowedConcurrency(options.maxParallel, EMULATOR_CONCURRENT_RUNS_QUOTA);
    const idealMakespanMs = (runsPlanned * options.runSeconds * 1000) / allowed;

    const run = await runCli(
      options.cli,
      [
        'run',
        '--tables',
        'tables',
        '--at',
        options.at,
        '--max-parallel',
        String(options.maxParallel),
        '--results',
        'results.json',
      ],
      { cwd, env, timeoutMs: Math.max(300_000, idealMakespanMs * 5), rssSampleMs: 200, usage: true },
    );
    if (run.exitCode !== 0) {
      throw new Error(
        `s3bq run exited ${run.exitCode ?? run.signal}:\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`,
      );
    }
    const after = await cloud.stats();
    const resultFile = JSON.parse(await readFile(join(cwd, 'results.json'), 'utf8')) as ResultFile;
    const loaded = resultFile.tables.flatMap((t) => t.partitions).filter((p) => p.status === 'loaded').length;
    if (loaded !== runsPlanned) throw new Error(`${loaded} partitions loaded, ${runsPlanned} planned`);
    // Start of a run to the wait noticing its end, per partition: the time one run slot is
    // held, against the run time the ideal assumes.
    const slotMs = resultFile.tables.flatMap((t) => t.partitions.map((p) => p.duration_ms ?? Number.NaN));
    return {
      tables: options.tables,
      partitions: options.partitions,
      runSeconds: options.runSeconds,
      maxParallel: options.maxParallel,
      allowedConcurrency: allowed,
      // The emulator's peak covers its whole life: the caller gives this workload its own.
      peakConcurrentRuns: after.peakConcurrentRuns,
      idealMakespanMs,
      measuredMakespanMs: run.wallMs,
      makespanEfficiency: idealMakespanMs / run.wallMs,
      // The process's own maxRSS at exit; the /proc sample is the fallback.
      rssMbPeak: run.usage?.maxRssMb ?? run.rssPeakMb,
      rssMbPeakSampled: run.rssPeakMb,
      cpuMs: run.usage?.cpuMs ?? Number.NaN,
      loadedPartitions: loaded,
      partitionMsMedian: median(slotMs),
      cliReportedMs: Number(/Finished in ([\d.]+) s/.exec(run.stdout)?.[1] ?? Number.NaN) * 1000,
      configsLeft: after.configs,
    };
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}
