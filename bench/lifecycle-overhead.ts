// The pipeline's own cost per table: one table's whole lifecycle (precheck, ensure table,
// config, start, wait, verify, clean up) against the local cloud, minus the simulated run
// time. Tables run one after another, in this process, against the local cloud in its own
// process. The lifecycle's events and a look over the wait's shoulder (the first terminal
// getRun, and the run's endTime as the local cloud stamped it) split the time into setup,
// the run, the wait's slack after the run ended, verification and cleanup.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CloudServices, createCloudServices, type DtsFace } from '../src/cloud/index.js';
import { runTable } from '../src/lifecycle/index.js';
import { isTerminal } from '../src/lifecycle/wait-run.js';
import { planBenchTables, writeBenchLake, writeBenchTables } from './bench-lake.js';
import type { LocalCloudProcess } from './local-cloud-process.js';
import { median } from './stats.js';

const TABLE_TIMEOUT_MS = 120_000;

export interface OverheadSample {
  table: string;
  /** Lifecycle wall time − simulated run time: the figure. */
  overheadMs: number;
  /** Table start → run started (precheck, ensure table, config, StartManualTransferRuns). */
  setupMs: number;
  /** The run's endTime → the wait saw it terminal. */
  waitSlackMs: number;
  /** Seen terminal → partition decided (transfer logs, row count). */
  verifyMs: number;
  /** Partition decided → table finished (config deleted). */
  cleanupMs: number;
}

export interface OverheadFigures {
  tables: number;
  runSeconds: number;
  /** Median of (lifecycle wall time − run time) over the tables. */
  overheadMsMedian: number;
  /** The same without the wait's slack: the pipeline's calls alone. */
  overheadWithoutWaitSlackMsMedian: number;
  samples: OverheadSample[];
}

/** The same services, with the DTS face's getRun watched: when a run was first seen ended. */
function watchingWaits(services: CloudServices): {
  services: CloudServices;
  seen: Map<string, { at: number; endTime: number | undefined }>;
} {
  const seen = new Map<string, { at: number; endTime: number | undefined }>();
  const dts: DtsFace = Object.create(services.dts) as DtsFace;
  dts.getRun = async (name, signal) => {
    const run = await services.dts.getRun(name, signal);
    if (isTerminal(run) && !seen.has(name))
      seen.set(name, { at: Date.now(), endTime: run.endTime?.getTime() });
    return run;
  };
  return { services: { ...services, dts }, seen };
}

export async function measureOverhead(
  cloud: LocalCloudProcess,
  options: { runSeconds: number; tables: number; at: string },
): Promise<OverheadFigures> {
  const cwd = await mkdtemp(join(tmpdir(), 's3bq-bench-overhead-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ...cloud.env, TZ: 'UTC' };
  const real = createCloudServices({ env, settings: { location: 'us', maxParallel: 1, timezone: 'UTC' } });
  const { services, seen } = watchingWaits(real);
  try {
    await writeBenchTables(cwd, options.tables, 1);
    const { planned, settings } = await planBenchTables(cwd, env, options.at);
    await writeBenchLake(env, planned);
    const runMs = options.runSeconds * 1000;
    const samples: OverheadSample[] = [];
    for (const table of planned) {
      const marks: Record<string, number> = {};
      let runName = '';
      const started = Date.now();
      const result = await runTable(table, {
        services,
        settings,
        timeoutMs: TABLE_TIMEOUT_MS,
        runLabel: 'bench',
        onEvent: (event) => {
          marks[event.type] ??= Date.now();
          if (event.type === 'run-started') runName = event.run;
        },
      });
      const finished = Date.now();
      if (result.status !== 'loaded') {
        throw new Error(`${table.spec.name} should load, but is ${result.status}: ${result.message ?? ''}`);
      }
      const terminal = seen.get(runName);
      const runStarted = marks['run-started'];
      const decided = marks['partition-finished'];
      if (!terminal?.endTime || runStarted === undefined || decided === undefined) {
        throw new Error(`${table.spec.name}: the lifecycle reported no run start, end or decision`);
      }
      samples.push({
        table: table.spec.name,
        overheadMs: finished - started - runMs,
        setupMs: runStarted - started,
        waitSlackMs: terminal.at - terminal.endTime,
        verifyMs: decided - terminal.at,
        cleanupMs: finished - decided,
      });
    }
    return {
      tables: planned.length,
      runSeconds: options.runSeconds,
      overheadMsMedian: median(samples.map((s) => s.overheadMs)),
      overheadWithoutWaitSlackMsMedian: median(samples.map((s) => s.overheadMs - s.waitSlackMs)),
      samples,
    };
  } finally {
    await real.close();
    await rm(cwd, { recursive: true, force: true });
  }
}
