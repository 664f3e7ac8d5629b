// The detection-latency harness of `npm run bench` on a tiny spread, so it cannot rot:
// it drives the real waitForRun (and the live-tail watch) in virtual time and must report
// what a schedule implies.
import { describe, expect, it } from 'vitest';
import {
  ASSUMED_SIGNAL_DELAY_MS,
  FIXED_10S_SCHEDULE,
  linearSpread,
  logSpread,
  measureWait,
} from '../../bench/detection-latency.js';
import { DEFAULT_POLL_SCHEDULE, pollDelay } from '../../src/lifecycle/poll-schedule.js';

describe('the detection-latency harness', () => {
  it('spreads run lengths from 30 s to 30 min, both ends included', () => {
    expect(linearSpread(3)).toEqual([30_000, 915_000, 1_800_000]);
    const log = logSpread(3);
    expect(log[0]).toBe(30_000);
    expect(log[2]).toBe(1_800_000);
    expect(log[1]).toBeCloseTo(Math.sqrt(30_000 * 1_800_000), -1);
    expect(() => linearSpread(1)).toThrow(/at least 2/);
  });

  it('measures a fixed 10 s poll exactly', async () => {
    // Runs ending at 25 s and 40 s: looks at 10, 20, 30 s (seen 5 s late, 3 calls) and
    // 10 … 40 s (seen at once, 4 calls).
    const figures = await measureWait([25_000, 40_000], { schedule: FIXED_10S_SCHEDULE });
    expect(figures).toEqual({
      runs: 2,
      latencyMsMean: 2_500,
      latencyMsMax: 5_000,
      callsPerRun: 3.5,
      callsMax: 4,
    });
  });

  it('measures the product schedule, blind, through the real wait', async () => {
    // A run ending just after the first look is seen at the second.
    const secondLook = pollDelay(0) + pollDelay(1);
    const figures = await measureWait([pollDelay(0) + 1]);
    expect(figures.callsPerRun).toBe(2);
    expect(figures.latencyMsMean).toBe(secondLook - pollDelay(0) - 1);
  });

  it('notices a run’s end blind (the fallback figure) at most one capped gap late', async () => {
    const blind = await measureWait(linearSpread(7));
    expect(blind.latencyMsMax).toBeLessThanOrEqual(DEFAULT_POLL_SCHEDULE.capMs);
    expect(blind.latencyMsMean).toBeGreaterThan(0);
  });

  it('sees a run end about one signal delay late with the live tail, for fewer calls', async () => {
    const spread = linearSpread(5);
    const tailed = await measureWait(spread, { signalDelayMs: ASSUMED_SIGNAL_DELAY_MS });
    const blind = await measureWait(spread);
    expect(tailed.runs).toBe(5);
    expect(tailed.latencyMsMax).toBeLessThanOrEqual(ASSUMED_SIGNAL_DELAY_MS);
    expect(tailed.latencyMsMean).toBeLessThan(blind.latencyMsMean);
    expect(tailed.callsPerRun).toBeLessThan(blind.callsPerRun);
  });
});
