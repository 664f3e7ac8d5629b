// The project-wide quota queue as one snapshot of DTS, a pure function: which of this
// pipeline's configs have a run in flight, which wait for a slot and in what order, and
// which processes may hold one of the few live log tails. Every process reads the same
// list of configs (ListTransferConfigs: each config's display name, state and update
// time), so every process ranks the same claims the same way.
import type { RunState, TransferConfigInfo } from '../cloud/dts.js';
import { type Claim, parseConfigName } from './config-naming.js';

const IN_FLIGHT: ReadonlySet<RunState> = new Set(['PENDING', 'RUNNING']);

/** Cloud Logging allows 10 live tails per project; leave two for people. */
export const MAX_TAILS_PER_PROJECT = 8;

export interface OwnClaims {
  /** Configs this process started a run on and has not seen end. */
  inFlight: ReadonlyMap<string, Claim>;
  /** Configs this process marked and waits to start, with its claim. */
  waiting: ReadonlyMap<string, Claim>;
}

export interface QueueView {
  /** Configs with a run in flight: DTS's view and this process's own. */
  inFlight: Set<string>;
  /** Configs waiting for a slot, first in line first. */
  queue: { name: string; claim: Claim }[];
  /** Processes with runs in flight, ordered by their earliest claim. */
  tailOrder: string[];
  /** This process's waiting configs that now carry another process's live claim. */
  contested: Set<string>;
}

type Marked = { config: TransferConfigInfo; claim: Claim | undefined };

function ours(configs: readonly TransferConfigInfo[]): Marked[] {
  return configs.flatMap((config) => {
    const mark = parseConfigName(config.displayName);
    if (!mark || mark.kind === 'legacy-append') return [];
    return [{ config, claim: mark.claim }];
  });
}

const byClaim = (a: { name: string; claim: Claim }, b: { name: string; claim: Claim }) =>
  a.claim.queuedAtMs - b.claim.queuedAtMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Reads the queue. A claim is alive while its config was updated (renewed) within
 * `claimTtlMs`; a dead process's claim is ignored once it goes stale.
 */
export function readQueue(
  configs: readonly TransferConfigInfo[],
  own: OwnClaims,
  nowMs: number,
  claimTtlMs: number,
): QueueView {
  const inFlight = new Set(own.inFlight.keys());
  const queued = new Map<string, Claim>();
  const contested = new Set<string>();
  const holders = new Map<string, number>();
  const hold = (claim: Claim | undefined) => {
    if (claim) holders.set(claim.process, Math.min(holders.get(claim.process) ?? Infinity, claim.queuedAtMs));
  };
  for (const { config, claim } of ours(configs)) {
    if (IN_FLIGHT.has(config.state)) {
      inFlight.add(config.name);
      hold(claim ?? own.inFlight.get(config.name));
      continue;
    }
    const alive = claim && config.updateTime && nowMs - config.updateTime.getTime() < claimTtlMs;
    if (!claim || !alive) continue;
    const mine = own.waiting.get(config.name);
    if (mine && mine.process !== claim.process) contested.add(config.name);
    queued.set(config.name, claim);
  }
  for (const claim of own.inFlight.values()) hold(claim);
  // Our own claims count even before DTS lists them; a contested config keeps its owner's.
  for (const [name, claim] of own.waiting)
    if (!inFlight.has(name) && !queued.has(name)) queued.set(name, claim);
  const queue = [...queued]
    .filter(([name]) => !inFlight.has(name))
    .map(([name, claim]) => ({ name, claim }))
    .sort(byClaim);
  const tailOrder = [...holders].sort((a, b) => a[1] - b[1]).map(([process]) => process);
  return { inFlight, queue, tailOrder, contested };
}

/** This process's waiting configs that may start now: those ranked within the free slots. */
export function admissible(view: QueueView, process: string, maxParallel: number): string[] {
  const free = Math.max(0, maxParallel - view.inFlight.size);
  return view.queue
    .slice(0, free)
    .filter((entry) => entry.claim.process === process && !view.contested.has(entry.name))
    .map((entry) => entry.name);
}

/** Whether `process` may hold one of this pipeline's live tails. */
export function mayTail(view: QueueView, process: string): boolean {
  const rank = view.tailOrder.indexOf(process);
  return rank === -1 ? view.tailOrder.length < MAX_TAILS_PER_PROJECT : rank < MAX_TAILS_PER_PROJECT;
}
