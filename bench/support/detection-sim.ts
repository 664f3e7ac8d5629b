// How late the wait notices a run's end, and how many status calls it spends, with and
// without the live-tail signal — measured by driving the REAL waiting code (waitForRun and
// createRunWatch) in virtual time: an injected clock whose timers fire in order without
// real sleeping, a fake DTS face whose run ends at a chosen time, and a fake Cloud Logging
// tail that delivers each run message `signalDelayMs` after it is written (the buffer
// window plus ingestion). Hours of simulated runs take milliseconds. The benchmarks call
// simulateDetection().
import type { DtsFace, TransferRunInfo } from '../../src/cloud/dts.js';
import type { LoggingFace, RunLogTailListener } from '../../src/cloud/logging.js';
import { DEFAULT_POLL_SCHEDULE, type PollSchedule } from '../../src/lifecycle/poll-schedule.js';
import { createRunWatch } from '../../src/lifecycle/run-watch.js';
import type { Clock } from '../../src/lifecycle/types.js';
import { waitForRun } from '../../src/lifecycle/wait-run.js';

export interface DetectionSimulation {
  /** Run lengths, one simulated run each (start to terminal state). */
  durationsMs: readonly number[];
  /**
   * Time from a message being written to the tail delivering it (buffer window, default
   * 2 s in Cloud Logging, plus ingestion). `null`/absent: no tail, blind polling only.
   */
  signalDelayMs?: number | null | undefined;
  /** The blind schedule (used alone, or when the tail is lost); default DEFAULT_POLL_SCHEDULE. */
  schedule?: PollSchedule | undefined;
  /** The blind schedule kept while the tail is live; default `schedule` stretched (safetyScheduleFor). */
  safetySchedule?: PollSchedule | undefined;
  /**
   * When a run writes its messages, in ms from its start; default: one as it starts and
   * the final one as it ends. Every message costs looks, so this is part of the price.
   */
  messageTimesMs?: ((durationMs: number) => number[]) | undefined;
  /** How long after the final message the state turns terminal; default 0. */
  stateFlipLagMs?: number | undefined;
  /** Runs whose messages never reach the tail (every n-th, 1-based); default none. */
  lostEvery?: number | undefined;
}

export interface DetectionFigures {
  runs: number;
  /** Mean of (time the wait returned − time the run's state turned terminal). */
  meanLatencyMs: number;
  maxLatencyMs: number;
  /** Mean GetTransferRun calls per run. */
  callsPerRun: number;
  maxCalls: number;
}

interface Timer {
  at: number;
  order: number;
  fire: () => void;
}

/** A clock in virtual time: sleeps and scheduled callbacks fire in time order, instantly. */
export class VirtualClock implements Clock {
  t = 0;
  private timers: Timer[] = [];
  private order = 0;

  now(): Date {
    return new Date(this.t);
  }

  at(time: number, fire: () => void): Timer {
    const timer = { at: Math.max(time, this.t), order: this.order++, fire };
    this.timers.push(timer);
    return timer;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(signal?.reason);
      };
      const timer = this.at(this.t + ms, () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Advances time timer by timer until `work` settles; every promise chain runs in between. */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    const done = work.finally(() => {
      settled = true;
    });
    done.catch(() => undefined);
    for (;;) {
      // setImmediate runs only once every pending microtask (promise reaction) has run.
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) return done;
      this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.timers.shift();
      if (!next) throw new Error('simulation stuck: the wait is waiting on nothing');
      this.t = next.at;
      next.fire();
    }
  }
}

function fakeDts(clock: VirtualClock, terminalAt: number, counter: { calls: number }): DtsFace {
  const unused = (what: string) => () => Promise.reject(new Error(`the wait should not call ${what}`));
  return {
    parent: 'projects/sim/locations/us',
    createConfig: unused('createConfig'),
    updateConfig: unused('updateConfig'),
    renameConfig: unused('renameConfig'),
    getConfig: unused('getConfig'),
    listConfigs: unused('listConfigs'),
    deleteConfig: unused('deleteConfig'),
    startRun: unused('startRun'),
    listRuns: unused('listRuns'),
    listLogs: unused('listLogs'),
    getRun: async (name: string): Promise<TransferRunInfo> => {
      counter.calls += 1;
      return clock.t >= terminalAt
        ? { name, state: 'SUCCEEDED', endTime: new Date(terminalAt) }
        : { name, state: 'RUNNING' };
    },
  };
}

function fakeTail(clock: VirtualClock, runId: string, times: number[], delayMs: number): LoggingFace {
  return {
    runMessages: async () => [],
    tailRunMessages(_request, listener: RunLogTailListener) {
      let open = true;
      clock.at(clock.t, () => {
        if (open) listener.onOpen();
      });
      for (const time of times) {
        clock.at(time + delayMs, () => {
          if (open) listener.onMessages([{ runId, severity: 'INFO', text: `message at ${time} ms` }], 0);
        });
      }
      return {
        close: () => {
          open = false;
        },
      };
    },
  };
}

function check(options: DetectionSimulation): void {
  if (options.durationsMs.length === 0) throw new Error('simulateDetection needs at least one run duration');
  for (const duration of options.durationsMs) {
    if (!(Number.isFinite(duration) && duration >= 0)) {
      throw new Error(`run durations must be finite numbers of ms >= 0, got ${duration}`);
    }
  }
  const delay = options.signalDelayMs;
  if (delay !== undefined && delay !== null && !(Number.isFinite(delay) && delay >= 0)) {
    throw new Error(`signalDelayMs must be a number of ms >= 0 (or null for no tail), got ${delay}`);
  }
}

const defaultMessageTimes = (durationMs: number) => [0, durationMs];

/** Runs the real wait once per duration in virtual time and sums up latency and calls. */
export async function simulateDetection(options: DetectionSimulation): Promise<DetectionFigures> {
  check(options);
  const latencies: number[] = [];
  const calls: number[] = [];
  const configName = 'projects/sim/locations/us/transferConfigs/sim';
  for (const [index, durationMs] of options.durationsMs.entries()) {
    const clock = new VirtualClock();
    const counter = { calls: 0 };
    const terminalAt = durationMs + (options.stateFlipLagMs ?? 0);
    const dts = fakeDts(clock, terminalAt, counter);
    const runName = `${configName}/runs/r${index}`;
    const delay = options.signalDelayMs;
    const lost = options.lostEvery !== undefined && (index + 1) % options.lostEvery === 0;
    const times = lost ? [] : (options.messageTimesMs ?? defaultMessageTimes)(durationMs);
    const watch =
      delay === undefined || delay === null
        ? undefined
        : createRunWatch({ logging: fakeTail(clock, `r${index}`, times, delay), configName });
    try {
      const waited = await clock.run(
        waitForRun(dts, runName, clock, {
          schedule: options.schedule ?? DEFAULT_POLL_SCHEDULE,
          safetySchedule: options.safetySchedule,
          signals: watch,
        }),
      );
      if (waited.calls !== counter.calls) {
        throw new Error(`waitForRun reported ${waited.calls} calls, the fake DTS saw ${counter.calls}`);
      }
      latencies.push(clock.t - terminalAt);
      calls.push(counter.calls);
    } finally {
      watch?.close();
    }
  }
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  return {
    runs: latencies.length,
    meanLatencyMs: mean(latencies),
    maxLatencyMs: Math.max(...latencies),
    callsPerRun: mean(calls),
    maxCalls: Math.max(...calls),
  };
}
