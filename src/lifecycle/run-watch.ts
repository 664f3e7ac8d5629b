// The push signal of the wait: ONE live tail of Cloud Logging per process, over every
// transfer run message of the project (DTS writes each run's messages there), shared by
// all the process's runs in flight. When a message of a run arrives, that run's wait is
// woken to look at once. The tail is an accelerator only: it opens when the first run is
// being waited for and the quota queue says this process may hold one of the pipeline's
// few tails (admission-queue.ts), and closes when no run has been waited for a while.
// When it is refused or lost (session limit, permissions, REST transport, a stream error)
// every wait goes on with its blind schedule, and the watch says so once. A tail lost for
// a transient reason is reopened a few times, later and later, while runs are in flight.
import type { CloudError } from '../cloud/errors.js';
import type { LoggingFace, RunLogTail } from '../cloud/logging.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';

/** What a wait sees of the signal source for one run. */
interface RunSubscription {
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

/** idle: no tail (none needed, not this process's turn, or a transport that cannot stream). */
type RunWatchState = 'idle' | 'opening' | 'live' | 'lost' | 'closed';

export interface RunWatch extends RunSignals {
  readonly state: RunWatchState;
  /** Ends the tail for good (the process is done). Idempotent. */
  close(): void;
}

export interface RunWatchOptions {
  logging: LoggingFace;
  /** Tail only this transfer config (…/transferConfigs/ID); default every transfer of the project. */
  configName?: string | undefined;
  /** Whether this process may open a tail now (the pipeline's tails are few); default yes. */
  mayTail?: (() => boolean) | undefined;
  /** Told of every message the tail sees, any run's: another process's run may have ended. */
  onAnyMessage?: (() => void) | undefined;
  /** How long the tail stays open with no run waited for; default IDLE_CLOSE_MS. */
  idleCloseMs?: number | undefined;
  bufferWindowMs?: number | undefined;
  /** Told once, in words, when the tail is refused or lost (not when it is merely absent). */
  onFallback?: ((message: string) => void) | undefined;
  /** Times the reopening of a lost tail; default the wall clock. */
  clock?: Clock | undefined;
}

/** A tail with nothing to wake is closed after this long, so another process may have it. */
const IDLE_CLOSE_MS = 10_000;

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

/** A watch that opens its tail on the first subscription (when allowed) and closes it when idle. */
export function createRunWatch(options: RunWatchOptions): RunWatch {
  const byRun = new Map<string, Set<Subscription>>();
  const all = () => [...byRun.values()].flatMap((set) => [...set]);
  const watch = { state: 'idle' as RunWatchState };
  const clock = options.clock ?? systemClock;
  const configId = options.configName ? lastSegment(options.configName) : undefined;
  let session = new AbortController();
  let tail: RunLogTail | undefined;
  let reopened = 0;
  let told = false;

  const setState = (state: RunWatchState) => {
    if (watch.state === state || watch.state === 'closed') return;
    watch.state = state;
    for (const subscription of all()) subscription.signalChange();
  };
  const fallBack = (message: string) => {
    if (told) return;
    told = true;
    options.onFallback?.(`${message}; waiting for runs by polling`);
  };

  const onEnd = (error: CloudError) => {
    if (watch.state === 'closed' || watch.state === 'idle') return;
    tail = undefined;
    setState('lost');
    const delay = TAIL_REOPEN_DELAYS_MS[reopened];
    fallBack(
      `Cloud Logging live tail unavailable (${error.code}: ${error.message})${error.retryable && delay !== undefined ? ', retrying it later' : ''}`,
    );
    if (!error.retryable || delay === undefined) return;
    reopened += 1;
    clock.sleep(delay, session.signal).then(
      () => byRun.size > 0 && open(),
      () => undefined, // closed or idle meanwhile
    );
  };

  const onMessages = (messages: { runId: string }[], suppressed: number) => {
    if (watch.state === 'closed') return;
    if (messages.length > 0 || suppressed > 0) options.onAnyMessage?.();
    // Dropped entries could be anyone's: every run in flight looks once.
    if (suppressed > 0) for (const subscription of all()) subscription.signalActivity();
    for (const message of messages) {
      for (const subscription of byRun.get(message.runId) ?? []) subscription.signalActivity();
    }
  };

  const open = () => {
    if (watch.state === 'closed' || !options.logging.tailRunMessages) return;
    // A reopening after a loss stays 'lost' (polling) until the service confirms the session.
    if (watch.state === 'idle') setState('opening');
    try {
      tail = options.logging.tailRunMessages(
        { configId, bufferWindowMs: options.bufferWindowMs },
        { onOpen: () => setState('live'), onMessages, onEnd },
      );
    } catch (error) {
      setState('lost');
      fallBack(
        `Cloud Logging live tail could not start (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  };

  const closeTail = (next: 'idle' | 'closed') => {
    session.abort();
    session = new AbortController();
    tail?.close();
    tail = undefined;
    reopened = 0;
    setState(next);
  };

  const idleCheck = () => {
    clock.sleep(options.idleCloseMs ?? IDLE_CLOSE_MS, session.signal).then(
      () => byRun.size === 0 && watch.state !== 'closed' && closeTail('idle'),
      () => undefined,
    );
  };

  const unsubscribe = (runId: string, closed: Subscription) => {
    const set = byRun.get(runId);
    set?.delete(closed);
    if (set?.size === 0) byRun.delete(runId);
    if (byRun.size === 0 && watch.state !== 'idle' && watch.state !== 'closed') idleCheck();
  };

  return {
    get state() {
      return watch.state;
    },
    subscribe(runName) {
      const runId = lastSegment(runName);
      const subscription = new Subscription(watch, (closed) => unsubscribe(runId, closed));
      let set = byRun.get(runId);
      if (!set) {
        set = new Set();
        byRun.set(runId, set);
      }
      set.add(subscription);
      if (watch.state === 'idle' && (options.mayTail?.() ?? true)) open();
      return subscription;
    },
    close() {
      if (watch.state === 'closed') return;
      closeTail('closed');
      byRun.clear();
    },
  };
}
