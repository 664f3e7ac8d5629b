// The pipeline's own cost per table: one table's whole lifecycle (precheck, ensure table,
// settle check, config with its claim, the quota queue's look, start, wait, verify, clean
// up) against the local cloud, minus the simulated run time. The tables run one after
// another (max_parallel 1) through the pipeline's own runPipeline, in this process,
// against the local cloud in its own process. The lifecycle's events and the recorded DTS
// calls (the first terminal getRun, and the run's endTime as the local cloud stamped it)
// split the time into setup, admission, the run (and its overrun: the local cloud's own
// load work past the simulated run time), the wait's slack after the run ended,
// verification and cleanup.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCloudServices } from '../src/cloud/index.js';
import type { LifecycleEvent } from '../src/lifecycle/types.js';
import { runPipeline } from '../src/pipeline/run.js';
import { planBenchTables, writeBenchLake, writeBenchTables } from './bench-lake.js';
import { type DtsCall, recordDts } from './dts-recorder.js';
import type { LocalCloudProcess } from './local-cloud-process.js';
import { cpuSpent } from './parallel-workload.js';
import { median } from './stats.js';

const PIPELINE_TIMEOUT_MS = 120_000;

interface OverheadSample {
  table: string;
  /** Lifecycle wall time − simulated run time: the figure. */
  overheadMs: number;
  /** Table start → config created (precheck, ensure table, rows before, settle check, CreateTransferConfig). */
  setupMs: number;
  /** Config created → run started (the quota queue's look, StartManualTransferRuns). */
  admissionMs: number;
  /** Run started → its endTime, beyond the simulated run time: the local cloud's own load work. */
  runOverrunMs: number;
  /** The run's endTime → the wait saw it ended. */
  waitSlackMs: number;
  /** Seen ended → partition decided (transfer logs, row count, config deleted). */
  verifyMs: number;
  /** Partition decided → table finished (its result put together). */
  cleanupMs: number;
}

export interface OverheadFigures {
  tables: number;
  runSeconds: number;
  /** Median of (lifecycle wall time − run time) over the tables. */
  overheadMsMedian: number;
  /** The same without the wait's slack: the pipeline's calls (and the local cloud's overrun). */
  overheadWithoutWaitSlackMsMedian: number;
  /** Median of the run's overrun: time the local cloud's load adds, not the pipeline's. */
  runOverrunMsMedian: number;
  /** CPU time the local cloud spent per table (one run each, nothing else running): its cost per run. */
  localCloudCpuMsPerTable: number | undefined;
  samples: OverheadSample[];
}

type Marks = Map<string, Partial<Record<LifecycleEvent['type'], number>> & { run?: string }>;

function sampleOf(table: string, marks: Marks, calls: readonly DtsCall[], runMs: number): OverheadSample {
  const mark = marks.get(table) ?? {};
  const seen = calls.find((call) => call.method === 'getRun' && call.subject === mark.run && call.terminal);
  const [started, ready, running, decided, finished] = [
    mark['table-started'],
    mark['config-ready'],
    mark['run-started'],
    mark['partition-finished'],
    mark['table-finished'],
  ];
  if (!seen?.terminal || !started || !ready || !running || !decided || !finished) {
    throw new Error(`${table}: the lifecycle reported no config, run start, run end or decision`);
  }
  return {
    table,
    overheadMs: finished - started - runMs,
    setupMs: ready - started,
    admissionMs: running - ready,
    runOverrunMs: seen.terminal.endTimeMs - running - runMs,
    waitSlackMs: seen.endMs - seen.terminal.endTimeMs,
    verifyMs: decided - seen.endMs,
    cleanupMs: finished - decided,
  };
}

export async function measureOverhead(
  cloud: LocalCloudProcess,
  options: { runSeconds: number; tables: number; at: string },
): Promise<OverheadFigures> {
  const cwd = await mkdtemp(join(tmpdir(), 's3bq-bench-overhead-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ...cloud.env, TZ: 'UTC' };
  try {
    await writeBenchTables(cwd, options.tables, 1);
    const planned = await planBenchTables(cwd, env, options.at);
    await writeBenchLake(env, planned.planned, cloud.backdate);
    const settings = { ...planned.settings, maxParallel: 1 };
    const real = createCloudServices({ env, settings });
    const recording = recordDts(real.dts);
    const marks: Marks = new Map();
    const onEvent = (event: LifecycleEvent) => {
      const mark = marks.get(event.table) ?? {};
      mark[event.type] ??= Date.now();
      if (event.type === 'run-started') mark.run = event.run;
      marks.set(event.table, mark);
    };
    try {
      const cpuBefore = await cloud.cpuMs();
      const results = await runPipeline(
        planned.planned,
        settings,
        { timeoutMs: PIPELINE_TIMEOUT_MS, dryRun: false, transport: 'grpc', runLabel: 'bench-overhead' },
        { env, signal: new AbortController().signal, services: { ...real, dts: recording.dts }, onEvent },
      );
      const cpu = cpuSpent(cpuBefore, await cloud.cpuMs());
      const failed = results.find((result) => result.status !== 'loaded');
      if (failed)
        throw new Error(`${failed.name} should load, but is ${failed.status}: ${failed.message ?? ''}`);
      const samples = results.map((r) => sampleOf(r.name, marks, recording.calls, options.runSeconds * 1000));
      return {
        tables: samples.length,
        runSeconds: options.runSeconds,
        overheadMsMedian: median(samples.map((s) => s.overheadMs)),
        overheadWithoutWaitSlackMsMedian: median(samples.map((s) => s.overheadMs - s.waitSlackMs)),
        runOverrunMsMedian: median(samples.map((s) => s.runOverrunMs)),
        localCloudCpuMsPerTable: cpu === undefined ? undefined : cpu / samples.length,
        samples,
      };
    } finally {
      await real.close();
    }
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}
