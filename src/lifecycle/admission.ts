// The quota guard: before any run starts, its config joins a project-wide queue kept in
// DTS itself (a claim in the config's display name, see config-naming.ts), and the run
// starts only when the config ranks within the slots that `max_parallel` leaves free
// across every process of this pipeline — matrix jobs, concurrent workflow runs and
// laptops alike. The queue is Lamport's bakery (admission-queue.ts). One gate per process:
// it lists the configs while any of its partitions wait, gives tickets to the ones choosing,
// admits those whose turn it is, and renews their claims so the others see them alive.
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { DtsFace, TransferConfigInfo } from '../cloud/dts.js';
import { CloudError } from '../cloud/errors.js';
import {
  foreignChoosing,
  mayTail,
  type OwnClaims,
  type QueueView,
  readQueue,
  withinSlots,
} from './admission-queue.js';
import type { Clock } from './clock.js';
import { type Claim, sameClaim, withClaim } from './config-naming.js';
import { QuotaLimit, type RunEnd } from './quota-limit.js';
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

/** Claims a process keeps in the queue per slot of max_parallel. */
const CLAIMS_PER_SLOT = 2;

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
  /** Told when DTS's concurrent-runs quota moves this process's limit below max_parallel. */
  onLimit?: ((message: string) => void) | undefined;
}

/** One partition's place in the queue, from entering it to its run's end. */
export interface Lease {
  /** The claim to write on the config when it is created or marked (choosing, at first). */
  readonly claim: Claim;
  /** The config now carries (or is about to carry) the claim, under this base name. */
  attach(configName: string, baseName: string): void;
  /** Resolves when the run may start; rejects when the claim was lost or on abort. */
  admitted(signal?: AbortSignal): Promise<void>;
  /**
   * The run ended (`quota` when DTS failed it on a quota) or never started (no argument):
   * frees the slot and takes the claim off the config, so no process counts a finished run
   * against the quota.
   */
  release(ended?: RunEnd): Promise<void>;
}

export interface AdmissionGate {
  readonly process: string;
  readonly maxParallel: number;
  /** How many partitions of this process may hold a claim at once. */
  readonly claims: number;
  /** Waits for a place among this process's claims (at most twice max_parallel at once). */
  enter(signal?: AbortSignal): Promise<Lease>;
  /** Whether this process may open a live tail (MAX_TAILS_PER_PROJECT across the pipeline). */
  mayTail(): boolean;
  /** The configs as listed by the look that made the latest admission decision. */
  lastConfigs(): readonly TransferConfigInfo[];
  /** Something changed in DTS (a run of the project ended): look again soon if partitions wait. */
  nudge(): void;
  close(): void;
}

interface LeaseState {
  claim: Claim;
  configName?: string;
  baseName?: string;
  renewedAtMs: number;
  /** When the run was let start, for the quota limit. */
  admittedAtMs?: number;
  /** Other processes' configs that were choosing when this lease's ticket first showed. */
  blockers?: Set<string>;
}

interface Waiter {
  lease: LeaseState;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function createAdmissionGate(options: AdmissionOptions): AdmissionGate {
  const timing = { ...DEFAULT_ADMISSION_TIMING, ...options.timing };
  const { dts, clock, maxParallel } = options;
  const random = options.random ?? Math.random;
  const process = options.process ?? randomBytes(5).toString('hex');
  // Twice the slots: while max_parallel runs are in flight, as many partitions wait with a
  // config and a ticket, so a freed slot is taken at the next look.
  const slots = new Slots(maxParallel * CLAIMS_PER_SLOT);
  const waiting = new Map<string, Waiter>();
  const inFlight = new Map<string, Claim>();
  const closing = new AbortController();
  // Every claim written at once (up to all of them) listens on it while its call lasts.
  setMaxListeners(maxParallel * CLAIMS_PER_SLOT + 10, closing.signal);
  let view: QueueView | undefined;
  let listed: readonly TransferConfigInfo[] = [];
  let polling = false;
  let kicked = false;
  let wake = new AbortController();
  let troubleTold = false;
  // At most max_parallel, less while DTS's concurrent-runs quota is lower (quota-limit.ts).
  // Said when it drops and when it is back at max_parallel, not at every step of the climb.
  const limit = new QuotaLimit(maxParallel, (now, reason) => {
    if (reason === 'quota') {
      options.onLimit?.(
        `DTS failed a run on its concurrent-runs quota: this process now keeps at most ${now} run(s) in flight (max_parallel ${maxParallel}); lower max_parallel if this repeats`,
      );
    } else if (now === maxParallel) {
      options.onLimit?.(`runs end without meeting the quota again: back to max_parallel ${maxParallel}`);
    }
  });

  const own = (): OwnClaims => ({
    inFlight,
    waiting: new Map([...waiting].map(([name, waiter]) => [name, waiter.lease.claim])),
  });

  /** Writes the lease's claim again (a new ticket, a renewal, or a claim someone's rename erased). */
  const write = async (name: string, waiter: Waiter, claim: Claim) => {
    const lease = waiter.lease;
    lease.claim = claim;
    lease.renewedAtMs = clock.now().getTime();
    try {
      await dts.renameConfig(name, withClaim(lease.baseName ?? name, claim), closing.signal);
    } catch (error) {
      if (error instanceof CloudError && error.code === 'NOT_FOUND') {
        waiting.delete(name);
        waiter.reject(new Error(`transfer config ${name} was deleted while it waited for a quota slot`));
      }
    }
  };

  /** Tickets for the leases choosing, from a list read after their mark showed: one above all. */
  const chooseTickets = async (current: QueueView): Promise<Set<string>> => {
    let next = current.maxTicket;
    const chosen = [...waiting].filter(
      ([name, waiter]) =>
        waiter.lease.claim.ticket === 0 &&
        !current.contested.has(name) &&
        sameClaim(current.shown.get(name), waiter.lease.claim),
    );
    await Promise.all(
      chosen.map(([name, waiter]) =>
        write(name, waiter, { ...waiter.lease.claim, ticket: ++next, touch: waiter.lease.claim.touch + 1 }),
      ),
    );
    return new Set(chosen.map(([name]) => name));
  };

  /** Leases whose ticket shows, whose blockers have chosen, and that rank within the free slots. */
  const admit = (current: QueueView, justChosen: ReadonlySet<string>) => {
    const choosing = foreignChoosing(current, process);
    for (const [name, waiter] of waiting) {
      const lease = waiter.lease;
      if (
        justChosen.has(name) ||
        lease.claim.ticket === 0 ||
        !sameClaim(current.shown.get(name), lease.claim)
      )
        continue;
      lease.blockers = new Set([...(lease.blockers ?? choosing)].filter((blocker) => choosing.has(blocker)));
    }
    for (const name of withinSlots(current, process, limit.current)) {
      const waiter = waiting.get(name);
      if (waiter?.lease.blockers?.size !== 0) continue;
      waiter.lease.admittedAtMs = clock.now().getTime();
      waiting.delete(name);
      inFlight.set(name, waiter.lease.claim);
      waiter.resolve();
    }
  };

  /** Renews claims due, and writes again a claim that no longer shows (not one another process holds). */
  const renew = async (current: QueueView, nowMs: number, justWritten: ReadonlySet<string>) => {
    const listedNames = new Set(listed.map((config) => config.name));
    const due = [...waiting].filter(([name, waiter]) => {
      if (justWritten.has(name) || current.contested.has(name) || current.inFlight.has(name)) return false;
      const stale = nowMs - waiter.lease.renewedAtMs >= timing.renewMs;
      const shown = current.shown.get(name);
      return stale || (listedNames.has(name) && !sameClaim(shown, waiter.lease.claim));
    });
    await Promise.all(
      due.map(([name, waiter]) =>
        write(name, waiter, { ...waiter.lease.claim, touch: waiter.lease.claim.touch + 1 }),
      ),
    );
  };

  const read = async () => {
    const configs = await dts.listConfigs(closing.signal);
    listed = configs;
    const nowMs = clock.now().getTime();
    view = readQueue(configs, own(), nowMs, timing.claimTtlMs);
    return { current: view, nowMs };
  };

  const look = async () => {
    const { current, nowMs } = await read();
    const justChosen = await chooseTickets(current);
    admit(current, justChosen);
    await renew(current, nowMs, justChosen);
    // New tickets show at once: read again now, so a free slot is taken without a poll's wait.
    if (justChosen.size > 0 && waiting.size > 0) admit((await read()).current, new Set());
  };

  /** The jittered gap before the next look; a freed slot or a new claim cuts it short, to a floor. */
  const pause = async () => {
    const lookedAt = clock.now().getTime();
    if (!kicked) {
      wake = new AbortController();
      const gap = timing.pollMs * (0.5 + random());
      await clock.sleep(gap, AbortSignal.any([closing.signal, wake.signal])).catch(() => undefined);
    }
    kicked = false;
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
    kicked = true;
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
      async release(ended) {
        if (released) return;
        released = true;
        if (ended && state.admittedAtMs !== undefined) {
          limit.runEnded(ended, state.admittedAtMs, clock.now().getTime());
        }
        const name = state.configName;
        if (name && state.baseName) {
          // Best effort: a claim left behind goes stale after claimTtlMs anyway.
          await dts.renameConfig(name, state.baseName, AbortSignal.timeout(30_000)).catch(() => undefined);
        }
        if (name) {
          waiting.delete(name);
          inFlight.delete(name);
        }
        slots.release();
        // This run's slot is free: hand it on at once from the last look, less this run,
        // rather than at the next look. The last look is stale only in the safe direction:
        // runs ended since still count, and a run started since was ahead in that queue
        // (tickets chosen later rank behind) and still takes its place in it.
        if (name && ended && view) {
          view.inFlight.delete(name);
          admit(view, new Set());
        }
        if (waiting.size > 0) kick();
      },
    };
  };

  return {
    process,
    maxParallel,
    claims: maxParallel * CLAIMS_PER_SLOT,
    async enter(signal) {
      await slots.acquire(signal);
      const now = clock.now().getTime();
      return leaseFor({ claim: { ticket: 0, touch: 0, process }, renewedAtMs: now });
    },
    mayTail: () => (view ? mayTail(view, process) : true),
    lastConfigs: () => listed,
    nudge() {
      if (waiting.size > 0) kick();
    },
    close() {
      closing.abort();
      for (const [name, waiter] of waiting) {
        waiting.delete(name);
        waiter.reject(new Error('the quota queue was closed'));
      }
    },
  };
}
