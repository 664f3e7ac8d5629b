// The push-signalled wait in virtual time: the real waitForRun and createRunWatch against a
// fake DTS and a fake Cloud Logging tail. Detection latency and status calls over runs of
// 30 s–30 min, a tail lost midway, a state flip that lags the final message, dropped
// entries, aborts.
import { describe, expect, it } from 'vitest';
import { simulateDetection, VirtualClock } from '../../bench/support/detection-sim.js';
import type { DtsFace, TransferRunInfo } from '../../src/cloud/dts.js';
import { CloudError } from '../../src/cloud/errors.js';
import type { LoggingFace, RunLogTailListener } from '../../src/cloud/logging.js';
import {
  DEFAULT_POLL_SCHEDULE,
  pollDelay,
  pollDelayAt,
  safetyScheduleFor,
} from '../../src/lifecycle/poll-schedule.js';
import { createRunWatch, TAIL_REOPEN_DELAYS_MS } from '../../src/lifecycle/run-watch.js';
import { waitForRun } from '../../src/lifecycle/wait-run.js';

const MIN = 30_000;
const MAX = 30 * 60_000;
const uniform = (n: number) =>
  Array.from({ length: n }, (_, i) => Math.round(MIN + ((MAX - MIN) * i) / (n - 1)));
const logUniform = (n: number) =>
  Array.from({ length: n }, (_, i) => Math.round(MIN * (MAX / MIN) ** (i / (n - 1))));

/** A tail the test drives by hand. */
function manualTail() {
  const tail = { listener: undefined as RunLogTailListener | undefined, closed: false };
  const logging: LoggingFace = {
    runMessages: async () => [],
    tailRunMessages(_request, listener) {
      tail.listener = listener;
      return {
        close: () => {
          tail.closed = true;
        },
      };
    },
  };
  return { tail, logging };
}

function dtsEndingAt(clock: VirtualClock, endMs: number) {
  const counter = { calls: 0 };
  const dts = {
    getRun: async (name: string): Promise<TransferRunInfo> => {
      counter.calls++;
      return { name, state: clock.t >= endMs ? 'SUCCEEDED' : 'RUNNING' };
    },
  } as unknown as DtsFace;
  return { dts, counter };
}

const CONFIG = 'projects/p/locations/us/transferConfigs/c1';

describe('detection with the live tail (virtual time)', () => {
  it('meets ≤ 5 s mean latency and ≤ 30 calls per run over 30 s–30 min; without it, ≤ 10 s for many more calls', async () => {
    for (const durationsMs of [uniform(60), logUniform(60)]) {
      const tailed = await simulateDetection({ durationsMs, signalDelayMs: 2_000 });
      expect(tailed.meanLatencyMs).toBeLessThanOrEqual(5_000);
      expect(tailed.maxCalls).toBeLessThanOrEqual(30);
      // No tail: the fixed 10 s cap notices the end within 10 s, paying in status calls.
      const blind = await simulateDetection({ durationsMs });
      expect(blind.meanLatencyMs).toBeLessThanOrEqual(10_000);
      expect(blind.maxLatencyMs).toBeLessThanOrEqual(10_000);
      expect(blind.maxCalls).toBeGreaterThan(tailed.maxCalls);
    }
  });

  it('looks again shortly when the state flips after the final message arrived', async () => {
    const figures = await simulateDetection({
      durationsMs: uniform(20),
      signalDelayMs: 500,
      stateFlipLagMs: 2_500,
    });
    // Message seen at +0.5 s; looks again 1 s and 2 s later: the flip at +2.5 s is seen at +3.5 s.
    expect(figures.maxLatencyMs).toBeLessThanOrEqual(1_000);
  });

  it('still ends every run when some runs never get their messages through (safety poll)', async () => {
    const figures = await simulateDetection({ durationsMs: uniform(20), signalDelayMs: 2_000, lostEvery: 4 });
    expect(figures.runs).toBe(20);
    expect(figures.maxLatencyMs).toBeLessThanOrEqual(safetyScheduleFor(DEFAULT_POLL_SCHEDULE).capMs);
  });

  it('refuses inputs it cannot simulate', async () => {
    await expect(simulateDetection({ durationsMs: [] })).rejects.toThrow(/at least one/);
    await expect(simulateDetection({ durationsMs: [-1] })).rejects.toThrow(/>= 0/);
    await expect(simulateDetection({ durationsMs: [1000], signalDelayMs: Number.NaN })).rejects.toThrow(
      /signalDelayMs/,
    );
  });
});

describe('the wait when the tail changes under it', () => {
  it('falls back to the full schedule from where it would be when the tail is lost, saying so once', async () => {
    const clock = new VirtualClock();
    const { tail, logging } = manualTail();
    const notices: string[] = [];
    const watch = createRunWatch({ logging, configName: CONFIG, clock, onFallback: (m) => notices.push(m) });
    clock.at(0, () => tail.listener?.onOpen());
    clock.at(60_000, () =>
      tail.listener?.onEnd(new CloudError('logging', 'TailLogEntries', 'UNAVAILABLE', 'stream reset')),
    );
    const endMs = 10 * 60_000;
    const { dts, counter } = dtsEndingAt(clock, endMs);
    const waited = await clock.run(waitForRun(dts, `${CONFIG}/runs/r1`, clock, { signals: watch }));
    expect(waited.run.state).toBe('SUCCEEDED');
    expect(watch.state).toBe('lost');
    expect(notices).toEqual([expect.stringMatching(/UNAVAILABLE: stream reset.*polling/)]);
    // Back on the full schedule: late by at most its cap, one look per cap after the loss.
    expect(clock.t - endMs).toBeLessThanOrEqual(DEFAULT_POLL_SCHEDULE.capMs);
    expect(counter.calls).toBeLessThanOrEqual(Math.ceil((endMs - 60_000) / DEFAULT_POLL_SCHEDULE.capMs) + 10);
    // The session reopened after the loss (never confirmed live) is cancelled on close.
    watch.close();
    expect(tail.closed).toBe(true);
  });

  it('wakes only the run a message names, and every run when entries were dropped', () => {
    const { tail, logging } = manualTail();
    const watch = createRunWatch({ logging, configName: CONFIG });
    const one = watch.subscribe(`${CONFIG}/runs/r1`);
    tail.listener?.onOpen();
    const two = watch.subscribe(`${CONFIG}/runs/r2`);
    expect(one.live).toBe(true);
    const wakeTwo = two.nextWake();
    tail.listener?.onMessages([{ runId: 'r1', severity: 'INFO', text: 'x' }], 0);
    expect([one.takeActivity(), two.takeActivity(), wakeTwo.aborted]).toEqual([true, false, false]);
    tail.listener?.onMessages([], 3);
    expect([one.takeActivity(), two.takeActivity()]).toEqual([true, true]);
    one.close();
    two.close();
    watch.close();
    expect(one.live).toBe(false);
  });

  it('rejects with the abort reason and ends the subscription', async () => {
    const clock = new VirtualClock();
    const { tail, logging } = manualTail();
    const watch = createRunWatch({ logging, configName: CONFIG });
    tail.listener?.onOpen();
    const { dts } = dtsEndingAt(clock, Number.POSITIVE_INFINITY);
    const controller = new AbortController();
    clock.at(5_000, () => controller.abort(new Error('stop')));
    await expect(
      clock.run(waitForRun(dts, `${CONFIG}/runs/r1`, clock, { signals: watch, signal: controller.signal })),
    ).rejects.toThrow('stop');
    watch.close();
  });

  it('prescribes the schedule step current at a point of the run', () => {
    expect(pollDelayAt(0)).toBe(pollDelay(0));
    const afterThree = pollDelay(0) + pollDelay(1) + pollDelay(2);
    expect(pollDelayAt(afterThree)).toBe(pollDelay(3));
    expect(pollDelayAt(afterThree - 1)).toBe(pollDelay(2));
    expect(pollDelayAt(10 * 3_600_000)).toBe(DEFAULT_POLL_SCHEDULE.capMs);
  });
});

describe('reopening a lost tail', () => {
  it('reopens after a transient loss, later and later, and goes live again', async () => {
    const clock = new VirtualClock();
    const { tail, logging } = manualTail();
    let opens = 0;
    const counting: LoggingFace = {
      ...logging,
      tailRunMessages: (request, listener) => {
        opens += 1;
        return logging.tailRunMessages!(request, listener);
      },
    };
    const notices: string[] = [];
    const watch = createRunWatch({
      logging: counting,
      configName: CONFIG,
      clock,
      onFallback: (m) => notices.push(m),
    });
    // The tail opens for the first run waited for.
    const first = watch.subscribe(`${CONFIG}/runs/r0`);
    tail.listener?.onOpen();
    tail.listener?.onEnd(
      new CloudError('logging', 'TailLogEntries', 'RESOURCE_EXHAUSTED', 'too many sessions'),
    );
    expect(watch.state).toBe('lost');
    const { dts } = dtsEndingAt(clock, Number.POSITIVE_INFINITY);
    const controller = new AbortController();
    clock.at(TAIL_REOPEN_DELAYS_MS[0]! + 1, () => {
      expect(opens).toBe(2);
      tail.listener?.onOpen();
      expect(watch.state).toBe('live');
      tail.listener?.onEnd(new CloudError('logging', 'TailLogEntries', 'PERMISSION_DENIED', 'no'));
    });
    clock.at(10 * 60_000, () => controller.abort(new Error('done')));
    await expect(
      clock.run(waitForRun(dts, `${CONFIG}/runs/r1`, clock, { signals: watch, signal: controller.signal })),
    ).rejects.toThrow('done');
    // A permanent refusal is not retried; the user heard about the first loss only.
    expect(opens).toBe(2);
    first.close();
    expect(notices).toEqual([
      expect.stringMatching(
        /RESOURCE_EXHAUSTED: too many sessions\), retrying it later; waiting for runs by polling/,
      ),
    ]);
    watch.close();
  });
});
