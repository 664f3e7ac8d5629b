// How late the wait notices that a run ended, and how many status calls it spends, over
// run lengths spread from 30 s to 30 min. Drives the REAL waiting code (waitForRun, and
// createRunWatch for the live-tail signal) through the lifecycle's own virtual-time
// harness (bench/support/detection-sim.ts): an injected clock whose timers fire at once,
// a fake DTS face whose run ends at a chosen time, and a fake Cloud Logging tail. No real
// sleeping: hundreds of simulated hours take well under a second.
import { DEFAULT_TAIL_BUFFER_WINDOW_MS } from '../src/cloud/logging.js';
import type { PollSchedule } from '../src/lifecycle/poll-schedule.js';
import { simulateDetection } from './support/detection-sim.js';

/** The Airflow operator's way: look every 10 seconds, no backoff, no signal. */
export const FIXED_10S_SCHEDULE: PollSchedule = { initialMs: 10_000, factor: 1, capMs: 10_000 };

/**
 * Assumed delay from DTS writing a run message to the live tail delivering it: the tail's
 * buffer window as the product opens it (none), plus 2 s of Cloud Logging ingestion. The
 * ingestion delay is an assumption (not documented), kept on the pessimistic side;
 * `npm run bench` also reports 5 s and 10 s so the figure's dependence on it is visible.
 */
export const ASSUMED_SIGNAL_DELAY_MS = DEFAULT_TAIL_BUFFER_WINDOW_MS + 2_000;

const SPREAD_MIN_MS = 30_000;
const SPREAD_MAX_MS = 30 * 60_000;

/** `count` run lengths evenly spread over [minMs, maxMs] (both ends included). */
export function linearSpread(count: number, minMs = SPREAD_MIN_MS, maxMs = SPREAD_MAX_MS): number[] {
  if (!Number.isInteger(count) || count < 2) throw new Error(`a spread needs at least 2 runs (got ${count})`);
  return Array.from({ length: count }, (_, i) => Math.round(minMs + ((maxMs - minMs) * i) / (count - 1)));
}

/** The same, evenly spread on a log scale: as many runs between 30 s and 4 min as between 4 and 30 min. */
export function logSpread(count: number, minMs = SPREAD_MIN_MS, maxMs = SPREAD_MAX_MS): number[] {
  if (!Number.isInteger(count) || count < 2) throw new Error(`a spread needs at least 2 runs (got ${count})`);
  const ratio = maxMs / minMs;
  return Array.from({ length: count }, (_, i) => Math.round(minMs * ratio ** (i / (count - 1))));
}

export interface WaitFigures {
  runs: number;
  /** Mean of (time the wait returned − time the run ended). */
  latencyMsMean: number;
  latencyMsMax: number;
  /** Mean getRun calls per run. */
  callsPerRun: number;
  callsMax: number;
}

export interface WaitCase {
  /** The blind schedule; default the product's (DEFAULT_POLL_SCHEDULE). */
  schedule?: PollSchedule | undefined;
  /** Live tail delivering each run message this late; absent: no tail, blind polling. */
  signalDelayMs?: number | undefined;
}

/** Runs the real wait once per run length and summarises latency and calls. */
export async function measureWait(
  durationsMs: readonly number[],
  waitCase: WaitCase = {},
): Promise<WaitFigures> {
  const figures = await simulateDetection({
    durationsMs,
    schedule: waitCase.schedule,
    signalDelayMs: waitCase.signalDelayMs ?? null,
  });
  return {
    runs: figures.runs,
    latencyMsMean: figures.meanLatencyMs,
    latencyMsMax: figures.maxLatencyMs,
    callsPerRun: figures.callsPerRun,
    callsMax: figures.maxCalls,
  };
}
