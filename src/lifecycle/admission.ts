// The quota guard: before any run starts, its config joins a project-wide queue kept in
// DTS itself (a claim in the config's display name, see config-naming.ts), and the run
// starts only when the config ranks within the slots that `max_parallel` leaves free
// across every process of this pipeline — matrix jobs, concurrent workflow runs and
// laptops alike. One gate per process: it lists the configs while any of its partitions
// wait, admits those whose turn it is, and renews their claims so the others see them.
//
// Processes that look at the same moment rank the same claims the same way, so they
// cannot both take the last slot; what remains is DTS's own list lagging behind a claim
// or a start made a moment earlier (measured in the benchmarks and the cross-process test).
import { randomBytes } from 'node:crypto';
import type { DtsFace, TransferConfigInfo } from '../cloud/dts.js';
import { CloudError } from '../cloud/errors.js';
import { admissible, mayTail, type OwnClaims, type QueueView, readQueue } from './admission-queue.js';
import type { Clock } from './clock.js';
import { type Claim, withClaim } from './config-naming.js';
import { Slots } from './slots.js';

export interface AdmissionTiming {
  /** Gap between two looks at the queue while partitions wait (jittered ±50 %). */
  pollMs: number;
  /** A claim not renewed for this long belongs to a dead process and is ignored. */
  claimTtlMs: number;
  /** How often a waiting claim is renewed. */
  renewMs: number;
}

export const DEFAULT_ADMISSION_TIMING: AdmissionTiming = {
  pollMs: 2_000,
  claimTtlMs: 60_000,
  renewMs: 20_000,
};

/** Never look at the queue more often than this, however often partitions arrive. */
const MIN_POLL_GAP_MS = 200;

export interface AdmissionOptions {
  dts: Pick<DtsFace, 'listConfigs' | 'renameConfig'>;
  maxParallel: number;
  clock: Clock;
  timing?: Partial<AdmissionTiming> | undefined;
  /** This process's name in claims; random by default. */
  process?: string | undefined;
  random?: (() => number) | undefined;
  /** Told when the queue cannot be read (the gate keeps trying). */
  onTrouble?: ((message: string) => void) | undefined;
}

/** One partition's place in the queue, from entering it to its run's end. */
export interface Lease {
  /** The claim to write on the config when it is created or marked. */
  readonly claim: Claim;
  /** The config now carries (or is about to carry) the claim, under this base name. */
  attach(configName: string, baseName: string): void;
  /** Resolves when the run may start; rejects when the claim was lost or on abort. */
  admitted(signal?: AbortSignal): Promise<void>;
  /** The run ended or never started: frees the slot. `unmark` removes the claim from a kept config. */
  release(options?: { unmark?: boolean }): Promise<void>;
}

export interface AdmissionGate {
  readonly process: string;
  readonly maxParallel: number;
  /** Waits for a place among this process's claims (at most max_parallel at once). */
  enter(signal?: AbortSignal): Promise<Lease>;
  /** Whether this process may open a live tail (MAX_TAILS_PER_PROJECT across the pipeline). */
  mayTail(): boolean;
  /** The configs as listed by the look that made the latest admission decision. */
  lastConfigs(): readonly TransferConfigInfo[];
  /** Runs in flight as last seen (DTS's view and this process's own), and the peak. */
  figures(): { inFlight: number; peakInFlight: number };
  close(): void;
}

interface Waiter {
  lease: LeaseState;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface LeaseState {
  claim: Claim;
  configName?: string;
  baseName?: string;
  renewedAtMs: number;
}

export function createAdmissionGate(options: AdmissionOptions): AdmissionGate {
  const timing = { ...DEFAULT_ADMISSION_TIMING, ...options.timing };
  const { dts, clock, maxParallel } = options;
  const random = options.random ?? Math.random;
  const process = options.process ?? randomBytes(5).toString('hex');
  const slots = new Slots(maxParallel);
  const waiting = new Map<string, Waiter>();
  const inFlight = new Map<string, Claim>();
  const closing = new AbortController();
  let view: QueueView | undefined;
  let listed: readonly TransferConfigInfo[] = [];
  let peak = 0;
  let polling = false;
  let wake = new AbortController();
  let lastQueuedAt = 0;
  let troubleTold = false;

  const own = (): OwnClaims => ({
    inFlight,
    waiting: new Map([...waiting].map(([name, waiter]) => [name, waiter.lease.claim])),
  });

  const renew = async (waiter: Waiter, name: string) => {
    const lease = waiter.lease;
    lease.claim = { ...lease.claim, touch: lease.claim.touch + 1 };
    lease.renewedAtMs = clock.now().getTime();
    try {
      await dts.renameConfig(name, withClaim(lease.baseName ?? name, lease.claim), closing.signal);
    } catch (error) {
      if (error instanceof CloudError && error.code === 'NOT_FOUND') {
        waiting.delete(name);
        waiter.reject(new Error(`transfer config ${name} was deleted while it waited for a quota slot`));
      }
    }
  };

  const look = async () => {
    const configs = await dts.listConfigs(closing.signal);
    listed = configs;
    const nowMs = clock.now().getTime();
    view = readQueue(configs, own(), nowMs, timing.claimTtlMs);
    for (const name of admissible(view, process, maxParallel)) {
      const waiter = waiting.get(name);
      if (!waiter) continue;
      waiting.delete(name);
      inFlight.set(name, waiter.lease.claim);
      waiter.resolve();
    }
    peak = Math.max(peak, view.inFlight.size + inFlight.size - countListed(view, inFlight));
    const shown = new Map(configs.map((config) => [config.name, config.displayName]));
    const renewals = [...waiting].filter(([name, waiter]) => {
      if (view?.contested.has(name) || view?.inFlight.has(name)) return false;
      const due = nowMs - waiter.lease.renewedAtMs >= timing.renewMs;
      const listed = shown.get(name);
      const unmarked = listed !== undefined && listed !== withClaim(listed, waiter.lease.claim);
      return due || unmarked;
    });
    await Promise.all(renewals.map(([name, waiter]) => renew(waiter, name)));
  };

  /** The jittered gap before the next look; a freed slot or a new claim cuts it short, to a floor. */
  const pause = async () => {
    const lookedAt = clock.now().getTime();
    wake = new AbortController();
    const gap = timing.pollMs * (0.5 + random());
    await clock.sleep(gap, AbortSignal.any([closing.signal, wake.signal])).catch(() => undefined);
    const floor = Math.min(MIN_POLL_GAP_MS, timing.pollMs / 2) - (clock.now().getTime() - lookedAt);
    if (floor > 0 && !closing.signal.aborted) await clock.sleep(floor, closing.signal).catch(() => undefined);
  };

  const loop = async () => {
    polling = true;
    try {
      while (waiting.size > 0 && !closing.signal.aborted) {
        try {
          await look();
          troubleTold = false;
        } catch (error) {
          if (closing.signal.aborted) return;
          if (!troubleTold) {
            troubleTold = true;
            options.onTrouble?.(
              `the quota queue could not be read (${error instanceof Error ? error.message : String(error)}); retrying`,
            );
          }
        }
        if (waiting.size === 0) break;
        await pause();
      }
    } finally {
      polling = false;
    }
  };

  const kick = () => {
    if (polling) wake.abort();
    else void loop();
  };

  const leaseFor = (state: LeaseState): Lease => {
    let released = false;
    return {
      get claim() {
        return state.claim;
      },
      attach(configName, baseName) {
        state.configName = configName;
        state.baseName = baseName;
        state.renewedAtMs = clock.now().getTime();
      },
      admitted(signal) {
        const name = state.configName;
        if (!name) return Promise.reject(new Error('a lease must be attached to a config before admission'));
        return new Promise<void>((resolve, reject) => {
          const abort = () => {
            waiting.delete(name);
            reject(signal?.reason);
          };
          if (signal?.aborted) return abort();
          signal?.addEventListener('abort', abort, { once: true });
          const done = () => signal?.removeEventListener('abort', abort);
          waiting.set(name, {
            lease: state,
            resolve: () => {
              done();
              resolve();
            },
            reject: (error) => {
              done();
              reject(error);
            },
          });
          kick();
        });
      },
      async release(releaseOptions) {
        if (released) return;
        released = true;
        const name = state.configName;
        if (name) {
          waiting.delete(name);
          inFlight.delete(name);
        }
        slots.release();
        if (waiting.size > 0) kick();
        if (releaseOptions?.unmark && name && state.baseName) {
          await dts.renameConfig(name, state.baseName, AbortSignal.timeout(30_000)).catch(() => undefined);
        }
      },
    };
  };

  return {
    process,
    maxParallel,
    async enter(signal) {
      await slots.acquire(signal);
      // Strictly increasing, so this process's own claims keep their order.
      const queuedAtMs = Math.max(clock.now().getTime(), lastQueuedAt + 1);
      lastQueuedAt = queuedAtMs;
      return leaseFor({ claim: { queuedAtMs, touch: 0, process }, renewedAtMs: queuedAtMs });
    },
    mayTail: () => (view ? mayTail(view, process) : true),
    lastConfigs: () => listed,
    figures: () => ({ inFlight: view?.inFlight.size ?? inFlight.size, peakInFlight: peak }),
    close() {
      closing.abort();
      for (const [name, waiter] of waiting) {
        waiting.delete(name);
        waiter.reject(new Error('the quota queue was closed'));
      }
    },
  };
}

/** How many of this process's in-flight configs DTS already lists as in flight. */
function countListed(view: QueueView, own: ReadonlyMap<string, Claim>): number {
  let listed = 0;
  for (const name of own.keys()) if (view.inFlight.has(name)) listed += 1;
  return listed;
}
