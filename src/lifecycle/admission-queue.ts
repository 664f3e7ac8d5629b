// The project-wide quota queue as one snapshot of DTS, a pure function: which of this
// pipeline's configs have a run in flight, which wait for a slot and in what order, who is
// still choosing a ticket, and which processes may hold one of the few live log tails.
// Every process reads the same list of configs (ListTransferConfigs: each config's display
// name, state and update time), so every process ranks the same claims the same way.
//
// The queue is Lamport's bakery, for k slots: a process first marks its config "choosing"
// (ticket 0), then, from a list read after that mark, takes a ticket one above every
// ticket it saw. A run may start when fewer than max_parallel runs are in flight or hold a
// smaller (ticket, name) — and once every process that was choosing when its own ticket
// became visible has chosen. A process that starts choosing later reads that ticket and
// lines up behind it, so two processes can never both take the last slot.
import type { RunState, TransferConfigInfo } from '../cloud/dts.js';
import { type Claim, parseConfigName } from './config-naming.js';

const IN_FLIGHT: ReadonlySet<RunState> = new Set(['PENDING', 'RUNNING']);

/** Cloud Logging allows 10 live tails per project; leave two for people. */
const MAX_TAILS_PER_PROJECT = 8;

export interface OwnClaims {
  /** Configs this process started a run on and has not seen end. */
  inFlight: ReadonlyMap<string, Claim>;
  /** Configs this process marked and waits to start, with its claim. */
  waiting: ReadonlyMap<string, Claim>;
}

export interface QueueView {
  /** Configs with a run in flight: DTS's view and this process's own. */
  inFlight: Set<string>;
  /** Configs holding a ticket and waiting for a slot, first in line first. */
  queue: { name: string; claim: Claim }[];
  /** Configs whose process is choosing a ticket (live claims only), with that process. */
  choosing: Map<string, string>;
  /** The highest ticket in the list. */
  maxTicket: number;
  /** Processes with runs in flight, ordered by their smallest ticket. */
  tailOrder: string[];
  /** This process's waiting configs that now carry another process's live claim. */
  contested: Set<string>;
  /** The claim each config shows, as listed. */
  shown: Map<string, Claim>;
}

const byTicket = (a: { name: string; claim: Claim }, b: { name: string; claim: Claim }) =>
  a.claim.ticket - b.claim.ticket || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

interface Listed {
  config: TransferConfigInfo;
  claim: Claim | undefined;
  alive: boolean;
}

function listedClaims(configs: readonly TransferConfigInfo[], nowMs: number, claimTtlMs: number): Listed[] {
  return configs.flatMap((config) => {
    const mark = parseConfigName(config.displayName);
    if (!mark || mark.kind === 'legacy-append') return [];
    const alive = Boolean(config.updateTime && nowMs - config.updateTime.getTime() < claimTtlMs);
    return [{ config, claim: mark.claim, alive }];
  });
}

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
  const view: QueueView = {
    inFlight: new Set(own.inFlight.keys()),
    queue: [],
    choosing: new Map(),
    maxTicket: 0,
    tailOrder: [],
    contested: new Set(),
    shown: new Map(),
  };
  const waiting = new Map<string, Claim>();
  const holders = new Map<string, number>();
  const hold = (claim: Claim | undefined) => {
    if (claim) holders.set(claim.process, Math.min(holders.get(claim.process) ?? Infinity, claim.ticket));
  };
  for (const { config, claim, alive } of listedClaims(configs, nowMs, claimTtlMs)) {
    if (claim) view.shown.set(config.name, claim);
    if (claim) view.maxTicket = Math.max(view.maxTicket, claim.ticket);
    if (IN_FLIGHT.has(config.state)) {
      view.inFlight.add(config.name);
      hold(claim ?? own.inFlight.get(config.name));
      continue;
    }
    if (!claim || !alive) continue;
    const mine = own.waiting.get(config.name);
    if (mine && mine.process !== claim.process) view.contested.add(config.name);
    if (claim.ticket === 0) view.choosing.set(config.name, claim.process);
    else waiting.set(config.name, claim);
  }
  for (const claim of own.inFlight.values()) hold(claim);
  // Our own numbered claims count even before DTS lists them.
  for (const [name, claim] of own.waiting) {
    if (claim.ticket > 0 && !view.inFlight.has(name) && !view.contested.has(name)) waiting.set(name, claim);
    view.maxTicket = Math.max(view.maxTicket, claim.ticket);
  }
  view.queue = [...waiting]
    .filter(([name]) => !view.inFlight.has(name))
    .map(([name, claim]) => ({ name, claim }))
    .sort(byTicket);
  view.tailOrder = [...holders].sort((a, b) => a[1] - b[1]).map(([process]) => process);
  return view;
}

/** This process's waiting configs ranked within the free slots: those that may start, as far as the queue goes. */
export function withinSlots(view: QueueView, process: string, maxParallel: number): string[] {
  const free = Math.max(0, maxParallel - view.inFlight.size);
  return view.queue
    .slice(0, free)
    .filter((entry) => entry.claim.process === process && !view.contested.has(entry.name))
    .map((entry) => entry.name);
}

/** Other processes' configs still choosing a ticket. */
export function foreignChoosing(view: QueueView, process: string): Set<string> {
  return new Set([...view.choosing].filter(([, owner]) => owner !== process).map(([name]) => name));
}

/** Whether `process` may hold one of this pipeline's live tails. */
export function mayTail(view: QueueView, process: string): boolean {
  const rank = view.tailOrder.indexOf(process);
  return rank === -1 ? view.tailOrder.length < MAX_TAILS_PER_PROJECT : rank < MAX_TAILS_PER_PROJECT;
}
