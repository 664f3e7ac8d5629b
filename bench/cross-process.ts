// max_parallel as the quota guard of the whole pipeline, measured from outside: two
// `s3bq run` processes and the bundled action (`node action/main.js` with INPUT_*
// variables, as the runner runs it) load their third each of the tables at once against
// one local cloud. The figure is the local cloud's own peak of runs in flight (PENDING or
// RUNNING); the overshoot is how far it went past max_parallel. Repeated on a fresh local
// cloud each time, since the peak is over a local cloud's whole life.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResultFile, TableResult } from '../src/lifecycle/outcome.js';
import { runActionMain } from './action-process.js';
import { benchTableName } from './bench-lake.js';
import { type ChildRun, runCli } from './child-process.js';
import { type InFlightSummary, sampleWhile, slotUse, summarizeInFlight } from './in-flight-sampler.js';
import { startLocalCloudProcess } from './local-cloud-process.js';
import { countLoaded, idealMakespanMs, prepareWorkload, SAMPLE_EVERY_MS } from './parallel-workload.js';

export interface CrossProcessOptions {
  cli: string;
  actionMain: string;
  tables: number;
  partitions: number;
  runSeconds: number;
  maxParallel: number;
  at: string;
  repetitions: number;
}

interface CrossProcessRepetition {
  peakInFlightRuns: number;
  overshoot: number;
  peakRunningRuns: number;
  /** First process started to the last one's exit. */
  wallMs: number;
  makespanEfficiency: number;
  /** ∫ runs in flight dt ÷ (max_parallel × wall time). */
  slotUse: number;
  inFlight: InFlightSummary;
}

export interface CrossProcessFigures {
  maxParallel: number;
  processes: number;
  tables: number;
  partitions: number;
  runSeconds: number;
  repetitions: CrossProcessRepetition[];
  /** The highest peak over the repetitions. */
  peakInFlightRuns: number;
  /** max(0, peak − max_parallel) over the repetitions. */
  overshoot: number;
  /** Repetitions whose peak went past max_parallel. */
  repetitionsOver: number;
}

/** Past max_parallel, 0 when the bound held. */
export function overshootOf(peak: number, maxParallel: number): number {
  return Math.max(0, peak - maxParallel);
}

/** Table i goes to process i mod 3: every process has work all along. */
export function thirds(names: readonly string[]): [string[], string[], string[]] {
  const part = (k: number) => names.filter((_, i) => i % 3 === k);
  return [part(0), part(1), part(2)];
}

export async function measureCrossProcess(options: CrossProcessOptions): Promise<CrossProcessFigures> {
  const repetitions: CrossProcessRepetition[] = [];
  for (let i = 0; i < options.repetitions; i++) repetitions.push(await repetition(options));
  const peak = Math.max(...repetitions.map((r) => r.peakInFlightRuns));
  return {
    maxParallel: options.maxParallel,
    processes: 3,
    tables: options.tables,
    partitions: options.partitions,
    runSeconds: options.runSeconds,
    repetitions,
    peakInFlightRuns: peak,
    overshoot: overshootOf(peak, options.maxParallel),
    repetitionsOver: repetitions.filter((r) => r.overshoot > 0).length,
  };
}

async function repetition(options: CrossProcessOptions): Promise<CrossProcessRepetition> {
  const cloud = await startLocalCloudProcess({ runSeconds: options.runSeconds });
  try {
    const lake = await prepareWorkload(cloud, options);
    try {
      const started = performance.now();
      const { value: results, samples } = await sampleWhile(
        runThree(options, lake.cwd, { ...cloud.env, TZ: 'UTC', NO_COLOR: '1' }),
        async () => (await cloud.stats()).inFlightRuns,
        SAMPLE_EVERY_MS,
      );
      const wallMs = performance.now() - started;
      countLoaded(results, lake.runs);
      const stats = await cloud.stats();
      const inFlight = summarizeInFlight(samples, options.maxParallel);
      return {
        peakInFlightRuns: stats.peakInFlightRuns,
        overshoot: overshootOf(stats.peakInFlightRuns, options.maxParallel),
        peakRunningRuns: stats.peakConcurrentRuns,
        wallMs,
        makespanEfficiency: idealMakespanMs(lake.runs, options.runSeconds, options.maxParallel) / wallMs,
        slotUse: slotUse(inFlight, options.maxParallel, wallMs),
        inFlight,
      };
    } finally {
      await lake.remove();
    }
  } finally {
    await cloud.stop();
  }
}

/** The three processes at once; every one must exit 0. Returns their tables' results. */
async function runThree(
  options: CrossProcessOptions,
  cwd: string,
  cloudEnv: Record<string, string>,
): Promise<TableResult[]> {
  const names = Array.from({ length: options.tables }, (_, i) => benchTableName(i));
  const [first, second, third] = thirds(names);
  const env = { ...cloudEnv, S3BQ_MAX_PARALLEL: String(options.maxParallel) };
  const timeoutMs = Math.max(
    300_000,
    idealMakespanMs(names.length * options.partitions, options.runSeconds, options.maxParallel) * 10,
  );
  const cli = (only: string[], results: string) =>
    runCli(
      options.cli,
      ['run', '--tables', 'tables', '--at', options.at, '--only', only.join(','), '--results', results],
      {
        cwd,
        env: { ...process.env, ...env },
        timeoutMs,
      },
    );
  const runnerTemp = join(cwd, 'runner-temp');
  const resultDir = join(runnerTemp, 'results');
  await mkdir(resultDir, { recursive: true });
  const action = runActionMain({
    main: options.actionMain,
    cwd,
    runnerTemp,
    inputs: { table: third.join(','), at: options.at, timeout: '30m', 'result-dir': resultDir },
    env: { ...env, GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '1', GITHUB_REPOSITORY: 'acme/data-pipeline' },
    timeoutMs,
  });
  const runs = await Promise.all([cli(first, 'one.json'), cli(second, 'two.json'), action]);
  const who = ['s3bq run (1)', 's3bq run (2)', 'the action'];
  for (const [i, run] of runs.entries()) mustSucceed(run, who[i]!);
  const [actionFile] = await readdir(resultDir);
  if (!actionFile) throw new Error(`the action wrote no result file in ${resultDir}`);
  const files = [join(cwd, 'one.json'), join(cwd, 'two.json'), join(resultDir, actionFile)];
  const parsed = await Promise.all(
    files.map(async (f) => JSON.parse(await readFile(f, 'utf8')) as ResultFile),
  );
  return parsed.flatMap((file) => file.tables);
}

function mustSucceed(run: ChildRun, who: string): void {
  if (run.exitCode === 0) return;
  throw new Error(
    `${who} exited ${run.exitCode ?? run.signal}:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-2000)}`,
  );
}
