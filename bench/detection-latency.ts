// How late the wait notices that a run ended, and how many status calls it spends, over
// run lengths spread from 30 s to 30 min. The REAL waiting code (waitForRun) runs against
// a fake DTS face whose run ends at a chosen time and a fake clock whose sleep advances
// time instantly: thousands of simulated hours in milliseconds, no real sleeping.
import type { DtsFace, TransferRunInfo } from '../src/cloud/dts.js';
import { DEFAULT_POLL_SCHEDULE, type PollSchedule, waitForRun } from '../src/lifecycle/index.js';
import type { Clock } from '../src/lifecycle/types.js';
import { mean } from './stats.js';

/** The Airflow operator's way: look every 10 seconds, no backoff. */
export const FIXED_10S_SCHEDULE: PollSchedule = { initialMs: 10_000, factor: 1, capMs: 10_000 };

export const SPREAD_MIN_MS = 30_000;
export const SPREAD_MAX_MS = 30 * 60_000;

/** `count` run lengths evenly spread over [minMs, maxMs] (both ends included). */
export function linearSpread(count: number, minMs = SPREAD_MIN_MS, maxMs = SPREAD_MAX_MS): number[] {
  if (!Number.isInteger(count) || count < 2) throw new Error(`a spread needs at least 2 runs (got ${count})`);
  return Array.from({ length: count }, (_, i) => Math.round(minMs + ((maxMs - minMs) * i) / (count - 1)));
}

/** The same, evenly spread on a log scale: as many runs of 30 s–5 min as of 5–30 min... roughly. */
export function logSpread(count: number, minMs = SPREAD_MIN_MS, maxMs = SPREAD_MAX_MS): number[] {
  if (!Number.isInteger(count) || count < 2) throw new Error(`a spread needs at least 2 runs (got ${count})`);
  const ratio = maxMs / minMs;
  return Array.from({ length: count }, (_, i) => Math.round(minMs * ratio ** (i / (count - 1))));
}

/** A clock whose sleep moves time forward at once. */
function instantClock(): Clock & { t: number } {
  const clock = {
    t: 0,
    now: () => new Date(clock.t),
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted();
      clock.t += ms;
    },
  };
  return clock;
}

/** A DTS face with one run that started at time 0 and ends at `endMs`; counts getRun calls. */
function dtsWithRunEndingAt(clock: { t: number }, endMs: number): { dts: DtsFace; calls: () => number } {
  let calls = 0;
  const unused = (what: string) => () => Promise.reject(new Error(`the wait should not call ${what}`));
  const dts: DtsFace = {
    parent: 'projects/bench/locations/us',
    createConfig: unused('createConfig'),
    updateConfig: unused('updateConfig'),
    getConfig: unused('getConfig'),
    listConfigs: unused('listConfigs'),
    deleteConfig: unused('deleteConfig'),
    startRun: unused('startRun'),
    listRuns: unused('listRuns'),
    listLogs: unused('listLogs'),
    getRun: async (name: string): Promise<TransferRunInfo> => {
      calls++;
      return clock.t >= endMs
        ? { name, state: 'SUCCEEDED', endTime: new Date(endMs) }
        : { name, state: 'RUNNING' };
    },
  };
  return { dts, calls: () => calls };
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

/** Drives waitForRun once per run length and summarises latency and calls. */
export async function measureWait(
  durationsMs: readonly number[],
  schedule?: PollSchedule,
): Promise<WaitFigures> {
  const latencies: number[] = [];
  const calls: number[] = [];
  for (const endMs of durationsMs) {
    const clock = instantClock();
    const fake = dtsWithRunEndingAt(clock, endMs);
    const waited = await waitForRun(fake.dts, 'projects/bench/locations/us/transferConfigs/c/runs/r', clock, {
      schedule: schedule ?? DEFAULT_POLL_SCHEDULE,
      signal: AbortSignal.timeout(10_000),
    });
    if (waited.run.state !== 'SUCCEEDED' || clock.t < endMs) {
      throw new Error(`the wait returned before the run ended (at ${clock.t} ms, run ends at ${endMs} ms)`);
    }
    if (waited.calls !== fake.calls()) {
      throw new Error(`waitForRun reported ${waited.calls} calls, the fake DTS saw ${fake.calls()}`);
    }
    latencies.push(clock.t - endMs);
    calls.push(fake.calls());
  }
  return {
    runs: durationsMs.length,
    latencyMsMean: mean(latencies),
    latencyMsMax: Math.max(...latencies),
    callsPerRun: mean(calls),
    callsMax: Math.max(...calls),
  };
}
