// The same workload as parallel-workload.ts, run in this process through the pipeline's
// own runPipeline (the code `s3bq run` runs) with its DTS calls recorded, to say where
// each quota slot's time goes between two runs (slot-breakdown.ts). Its makespan is a
// companion figure: no process start, no planning, the bench's event loop shared with the
// recording — the official figure is the CLI's.
import { createCloudServices } from '../src/cloud/index.js';
import type { TableResult } from '../src/lifecycle/outcome.js';
import { runPipeline } from '../src/pipeline/run.js';
import { recordDts } from './dts-recorder.js';
import type { LocalCloudProcess } from './local-cloud-process.js';
import {
  countLoaded,
  cpuSpent,
  idealMakespanMs,
  prepareWorkload,
  type WorkloadOptions,
} from './parallel-workload.js';
import { type SlotBreakdown, slotBreakdown } from './slot-breakdown.js';

const PIPELINE_TIMEOUT_MS = 10 * 60_000;

export interface BreakdownFigures {
  runs: number;
  idealMakespanMs: number;
  /** runPipeline's start to its end, in this process. */
  measuredMakespanMs: number;
  makespanEfficiency: number;
  slots: SlotBreakdown;
  /** Σ time in flight ÷ (max_parallel × makespan): efficiency against the runs' real time in flight. */
  slotUse: number;
  peakInFlightRuns: number;
  /** CPU time the local cloud spent while the workload ran. */
  localCloudCpuMs: number | undefined;
}

export async function measureBreakdown(
  cloud: LocalCloudProcess,
  options: WorkloadOptions,
): Promise<BreakdownFigures> {
  const lake = await prepareWorkload(cloud, options);
  const real = createCloudServices({ env: lake.env, settings: lake.settings });
  const recording = recordDts(real.dts);
  const services = { ...real, dts: recording.dts };
  try {
    const cpuBefore = await cloud.cpuMs();
    const startedMs = Date.now();
    const results: TableResult[] = await runPipeline(
      lake.planned,
      lake.settings,
      { timeoutMs: PIPELINE_TIMEOUT_MS, dryRun: false, transport: 'grpc', runLabel: 'bench-breakdown' },
      { env: lake.env, signal: new AbortController().signal, services },
    );
    const endedMs = Date.now();
    countLoaded(results, lake.runs);
    const ideal = idealMakespanMs(lake.runs, options.runSeconds, options.maxParallel);
    const makespanMs = endedMs - startedMs;
    const slots = slotBreakdown(recording.calls, {
      runMs: options.runSeconds * 1000,
      maxParallel: options.maxParallel,
      startedMs,
      endedMs,
    });
    return {
      runs: lake.runs,
      idealMakespanMs: ideal,
      measuredMakespanMs: makespanMs,
      makespanEfficiency: ideal / makespanMs,
      slots,
      slotUse: (slots.inFlightMs * slots.runs) / (options.maxParallel * makespanMs),
      peakInFlightRuns: (await cloud.stats()).peakInFlightRuns,
      localCloudCpuMs: cpuSpent(cpuBefore, await cloud.cpuMs()),
    };
  } finally {
    await real.close();
    await lake.remove();
  }
}
