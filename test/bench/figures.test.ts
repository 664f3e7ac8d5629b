// The arithmetic behind the workload and cross-process figures, on hand-made inputs, so a
// change to the harness that miscounts fails here rather than in a number nobody checks:
// where a slot's time goes, how full the slots were, the overshoot, and the goal table.
import { describe, expect, it } from 'vitest';
import { overshootOf, thirds } from '../../bench/cross-process.js';
import type { DtsCall } from '../../bench/dts-recorder.js';
import { GOALS, goalTable } from '../../bench/goals.js';
import { slotUse, summarizeInFlight } from '../../bench/in-flight-sampler.js';
import { idealMakespanMs } from '../../bench/parallel-workload.js';
import { slotBreakdown, slotCycles } from '../../bench/slot-breakdown.js';

const CONFIG = 'projects/p/locations/us/transferConfigs/c1';
const RUN = `${CONFIG}/runs/r1`;

/** One partition's calls: config at 100–130, start at 400–420, run ends at 2,500, seen at 2,600, deleted at 2,900. */
function oneRun(offset = 0, config = CONFIG, run = RUN): DtsCall[] {
  const at = (ms: number) => ms + offset;
  return [
    { method: 'createConfig', startMs: at(100), endMs: at(130), subject: config },
    { method: 'listConfigs', startMs: at(380), endMs: at(395), subject: '' },
    { method: 'startRun', startMs: at(400), endMs: at(420), subject: run },
    { method: 'getRun', startMs: at(1400), endMs: at(1410), subject: run },
    { method: 'getRun', startMs: at(2590), endMs: at(2600), subject: run, terminal: { endTimeMs: at(2500) } },
    { method: 'getRun', startMs: at(2700), endMs: at(2705), subject: run, terminal: { endTimeMs: at(2500) } },
    { method: 'deleteConfig', startMs: at(2850), endMs: at(2900), subject: config },
  ];
}

describe('where a quota slot’s time goes', () => {
  it('splits one run into config, admission, start, in flight and detection', () => {
    expect(slotCycles(oneRun())).toEqual([
      {
        run: RUN,
        createConfigMs: 30,
        admissionMs: 270,
        startRunMs: 20,
        inFlightMs: 2080,
        detectionMs: 100,
        finishedClaimMs: 300,
      },
    ]);
  });

  it('averages over runs and models the makespan from the packed slots', () => {
    const second = oneRun(1000, `${CONFIG}2`, `${CONFIG}2/runs/r2`);
    const breakdown = slotBreakdown([...oneRun(), ...second], {
      runMs: 2000,
      maxParallel: 2,
      startedMs: 0,
      endedMs: 4000,
    });
    expect(breakdown).toMatchObject({
      runs: 2,
      admissionMs: 270,
      overrunMs: 80,
      handoffMs: 30 + 270 + 20 + 100,
      // 2 slots × (run 2 ends at 3500 − run 1 is started at 420) − 2 × 2080 in flight, ÷ 2 runs
      idleSlotMsPerRun: (2 * (3500 - 420) - 2 * 2080) / 2,
      rampUpMs: 100,
      windDownMs: 4000 - 3705,
      // 100 + (2 × (420 + 2080)) ÷ 2 + 295
      modelMakespanMs: 100 + 2500 + 295,
    });
    expect(breakdown.calls).toMatchObject({ getRun: 6, startRun: 2 });
  });

  it('leaves out a run whose end was never seen, and refuses a recording with none', () => {
    const unseen = oneRun().filter((call) => !call.terminal);
    expect(slotCycles(unseen)).toEqual([]);
    expect(() => slotBreakdown(unseen, { runMs: 1, maxParallel: 1, startedMs: 0, endedMs: 1 })).toThrow(
      /no run/,
    );
  });
});

describe('how full the slots were', () => {
  const samples = [
    { atMs: 0, inFlight: 0 },
    { atMs: 100, inFlight: 2 },
    { atMs: 200, inFlight: 4 },
    { atMs: 300, inFlight: 2 },
    { atMs: 400, inFlight: 0 },
  ];

  it('integrates the samples, each holding until the next', () => {
    const summary = summarizeInFlight(samples, 4);
    expect(summary).toMatchObject({ firstRunMs: 100, lastRunMs: 300, sampledPeak: 4 });
    expect(summary.runSeconds).toBeCloseTo(0.8);
    expect(summary.meanInFlight).toBeCloseTo(3);
    expect(summary.busySlotUse).toBeCloseTo(0.75);
    // 800 run-ms over 4 slots × 400 ms.
    expect(slotUse(summary, 4, 400)).toBeCloseTo(0.5);
  });

  it('refuses samples that never saw a run', () => {
    expect(() => summarizeInFlight([{ atMs: 0, inFlight: 0 }], 1)).toThrow(/started nothing/);
  });
});

describe('the workload and cross-process figures', () => {
  it('takes the ideal makespan from runs, run time and max_parallel', () => {
    expect(idealMakespanMs(300, 2, 10)).toBe(60_000);
  });

  it('reports the overshoot past max_parallel, 0 when the bound held', () => {
    expect(overshootOf(5, 5)).toBe(0);
    expect(overshootOf(3, 5)).toBe(0);
    expect(overshootOf(7, 5)).toBe(2);
  });

  it('deals the tables to three processes, none left out', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const parts = thirds(names);
    expect(parts).toEqual([
      ['a', 'd', 'g'],
      ['b', 'e'],
      ['c', 'f'],
    ]);
  });
});

describe('the goal table', () => {
  it('gives every figure one goal', () => {
    const keys = GOALS.map((goal) => goal.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('marks each figure met or MISSED against its goal, and leaves out absent ones', () => {
    const lines = goalTable({
      makespan_efficiency: 0.31,
      fallback_detection_latency_ms_mean: 4998.67,
      cross_process_max_parallel: 5,
      peak_runs_in_flight_cross_process: 6,
      details: { ignored: true },
    });
    const row = (key: string) => lines.find((line) => line.startsWith(`${key} `)) ?? '';
    expect(row('makespan_efficiency')).toMatch(/≥ 0\.9\s+MISSED$/);
    expect(row('fallback_detection_latency_ms_mean')).toMatch(/4998\.67 ms\s+≤ 10000\s+met$/);
    expect(row('peak_runs_in_flight_cross_process')).toMatch(/6 runs\s+≤ max_parallel\s+MISSED$/);
    expect(row('cross_process_max_parallel')).toMatch(/5\s+reported$/);
    expect(lines.some((line) => line.startsWith('rss_mb_peak'))).toBe(false);
  });
});
