// The push signal of the wait: ONE live tail of a table's transfer config in Cloud Logging
// (DTS writes every run message there) shared by all the table's runs in flight. When a
// message of a run arrives, that run's wait is woken to look at once. When the tail is
// refused or lost (session limit, permissions, REST transport, a stream error) every wait
// falls back to its blind poll schedule, and the watch says so once. A tail lost for a
// transient reason (session limit, stream reset, the session's deadline) is reopened a few
// times, later and later, while the table's runs are in flight.
import type { CloudError } from '../cloud/errors.js';
import type { LoggingFace, RunLogTail } from '../cloud/logging.js';
import { systemClock } from './clock.js';
import type { Clock } from './types.js';

/** What a wait sees of the signal source for one run. */
export interface RunSubscription {
  /** True while a live tail covers the run: the blind schedule may be sparse. */
  readonly live: boolean;
  /** Whether a message (or a sign of dropped messages) arrived since the last call; resets. */
  takeActivity(): boolean;
  /** A signal aborted at the next activity or change of `live`; a fresh one each call. */
  nextWake(): AbortSignal;
  close(): void;
}

/** A source of "something happened to this run" signals: what waitForRun's `signals` takes. */
export interface RunSignals {
  /** `runName` is the run's full resource name; its last segment is what logs carry. */
  subscribe(runName: string): RunSubscription;
}

export type RunWatchState = 'opening' | 'live' | 'lost' | 'closed';

export interface RunWatch extends RunSignals {
  readonly state: RunWatchState;
  /** Ends the tail (the table's runs are done, or the wait was aborted). Idempotent. */
  close(): void;
}

export interface RunWatchOptions {
  logging: LoggingFace;
  /** The transfer config's full name (…/transferConfigs/ID). */
  configName: string;
  bufferWindowMs?: number | undefined;
  /** Told once, in words, when the tail is refused or lost (not when it is merely absent). */
  onFallback?: ((message: string) => void) | undefined;
  /** Times the reopening of a lost tail; default the wall clock. */
  clock?: Clock | undefined;
}

/** Pauses before each reopening of a tail lost for a transient reason; then polling only. */
export const TAIL_REOPEN_DELAYS_MS: readonly number[] = [5_000, 30_000, 120_000];

const lastSegment = (name: string) => name.split('/').pop() ?? '';

class Subscription implements RunSubscription {
  private activity = false;
  private wake: AbortController | undefined;

  constructor(
    private readonly watch: { readonly state: RunWatchState },
    private readonly onClose: (subscription: Subscription) => void,
  ) {}

  get live(): boolean {
    return this.watch.state === 'live';
  }

  takeActivity(): boolean {
    const had = this.activity;
    this.activity = false;
    return had;
  }

  nextWake(): AbortSignal {
    this.wake = new AbortController();
    return this.wake.signal;
  }

  /** Called by the watch: a message arrived for this run. */
  signalActivity(): void {
    this.activity = true;
    this.wake?.abort();
  }

  /** Called by the watch: the tail became live or was lost. */
  signalChange(): void {
    this.wake?.abort();
  }

  close(): void {
    this.onClose(this);
  }
}

/** Opens the table's tail now (so it is live before its first run starts). */
export function createRunWatch(options: RunWatchOptions): RunWatch {
  const byRun = new Map<string, Set<Subscription>>();
  const all = () => [...byRun.values()].flatMap((set) => [...set]);
  const watch = { state: 'opening' as RunWatchState };
  let tail: RunLogTail | undefined;

  const setState = (state: RunWatchState) => {
    if (watch.state === state || watch.state === 'closed') return;
    watch.state = state;
    for (const subscription of all()) subscription.signalChange();
  };

  const configId = lastSegment(options.configName);
  const clock = options.clock ?? systemClock;
  const closing = new AbortController();
  let reopened = 0;
  let told = false;
  const fallBack = (message: string) => {
    if (told) return;
    told = true;
    options.onFallback?.(`${message}; waiting for runs by polling`);
  };

  const onEnd = (error: CloudError) => {
    if (watch.state === 'closed') return;
    tail = undefined;
    setState('lost');
    const delay = TAIL_REOPEN_DELAYS_MS[reopened];
    fallBack(
      `Cloud Logging live tail unavailable (${error.code}: ${error.message})${error.retryable && delay !== undefined ? ', retrying it later' : ''}`,
    );
    if (!error.retryable || delay === undefined) return;
    reopened += 1;
    clock.sleep(delay, closing.signal).then(
      () => open(),
      () => undefined, // closed meanwhile
    );
  };

  const open = () => {
    if (watch.state === 'closed' || !options.logging.tailRunMessages) return;
    try {
      tail = options.logging.tailRunMessages(
        { configId, bufferWindowMs: options.bufferWindowMs },
        {
          onOpen: () => setState('live'),
          onMessages: (messages, suppressed) => {
            if (watch.state === 'closed') return;
            // Dropped entries could be anyone's: every run in flight looks once.
            if (suppressed > 0) for (const subscription of all()) subscription.signalActivity();
            for (const message of messages) {
              for (const subscription of byRun.get(message.runId) ?? []) subscription.signalActivity();
            }
          },
          onEnd,
        },
      );
    } catch (error) {
      setState('lost');
      fallBack(
        `Cloud Logging live tail could not start (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  };

  if (options.logging.tailRunMessages) open();
  else watch.state = 'lost'; // REST transport: polling is the plan, not a fallback

  return {
    get state() {
      return watch.state;
    },
    subscribe(runName) {
      const runId = lastSegment(runName);
      const subscription = new Subscription(watch, (closed) => {
        const set = byRun.get(runId);
        set?.delete(closed);
        if (set?.size === 0) byRun.delete(runId);
      });
      let set = byRun.get(runId);
      if (!set) {
        set = new Set();
        byRun.set(runId, set);
      }
      set.add(subscription);
      return subscription;
    },
    close() {
      if (watch.state === 'closed') return;
      setState('lost');
      watch.state = 'closed';
      byRun.clear();
      closing.abort();
      tail?.close();
    },
  };
}
