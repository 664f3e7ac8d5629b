// The wait's schedule, driven by a fake clock through the real waiting code: how many
// status calls a run costs and how late its end is noticed.
import { describe, expect, it } from 'vitest';
import type { DtsFace, TransferRunInfo } from '../../src/cloud/dts.js';
import { DEFAULT_POLL_SCHEDULE, pollDelay } from '../../src/lifecycle/poll-schedule.js';
import type { Clock } from '../../src/lifecycle/types.js';
import { waitForRun } from '../../src/lifecycle/wait-run.js';

function fakeClock(): Clock & { t: number } {
  const clock = {
    t: 0,
    now: () => new Date(clock.t),
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

/** A DTS whose one run ends `durationMs` after time 0. */
function dtsEndingAt(clock: { t: number }, durationMs: number, end: TransferRunInfo['state'] = 'SUCCEEDED') {
  let calls = 0;
  const dts = {
    getRun: async (name: string): Promise<TransferRunInfo> => {
      calls++;
      return { name, state: clock.t >= durationMs ? end : 'RUNNING' };
    },
  } as unknown as DtsFace;
  return { dts, calls: () => calls };
}

async function measure(durationMs: number) {
  const clock = fakeClock();
  const { dts } = dtsEndingAt(clock, durationMs);
  const { calls } = await waitForRun(dts, 'run', clock);
  return { calls, latencyMs: clock.t - durationMs };
}

describe('the wait schedule', () => {
  it('starts quick and backs off to its cap', () => {
    expect(pollDelay(0)).toBe(DEFAULT_POLL_SCHEDULE.initialMs);
    expect(pollDelay(1)).toBeGreaterThan(pollDelay(0));
    expect(pollDelay(100)).toBe(DEFAULT_POLL_SCHEDULE.capMs);
  });

  it('without a live tail, notices a run of 30 s to 30 min about 5 s late on average, never more than 10 s', async () => {
    let late = 0;
    let runs = 0;
    for (let seconds = 30; seconds <= 1800; seconds += 7) {
      const { calls, latencyMs } = await measure(seconds * 1000);
      expect(latencyMs, `${seconds}s`).toBeLessThanOrEqual(10_000);
      // The price of looking often: about six status calls a minute.
      expect(calls, `${seconds}s`).toBeLessThanOrEqual(Math.ceil(seconds / 10) + 8);
      late += latencyMs;
      runs += 1;
    }
    expect(late / runs).toBeLessThanOrEqual(6_000);
  });

  it('notices short runs within seconds', async () => {
    expect((await measure(5_000)).latencyMs).toBeLessThanOrEqual(4_000);
    expect((await measure(30_000)).latencyMs).toBeLessThanOrEqual(15_000);
  });

  it('returns the terminal run and stops on abort', async () => {
    const clock = fakeClock();
    const { dts } = dtsEndingAt(clock, 10_000, 'FAILED');
    expect((await waitForRun(dts, 'run', clock)).run.state).toBe('FAILED');
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(waitForRun(dts, 'run', clock, { signal: controller.signal })).rejects.toThrow('stop');
  });
});
