// How this pipeline marks the transfer configs it creates, in one place. A display name is
// the only free text DTS keeps on a config, so it carries what the config is for and, while
// a partition waits for a quota slot, its place in the project-wide queue (admission.ts):
//
//   s3bq|<table>|<partition>|<runLabel>[|<claim>]
//       a WRITE_TRUNCATE partition's config, created for one run and deleted after it
//   s3bq-append|<project.dataset.table>$<partition>|<source key>|c<ms>[|<claim>]
//       a WRITE_APPEND partition's long-lived config. DTS keeps one "modified since the
//       last successful run" cut-off per config, so each destination partition has exactly
//       one, found again by the name's first three parts: keyed by where rows land and
//       where files come from, never by the table file's name. c<ms> is when it was
//       created (never changes): processes that created one at the same moment keep the
//       same one, the first created.
//   claim = q<ticket>.<touch>@<process>
//       <process>'s place in the queue: ticket 0 while it is choosing a number, then one
//       above every ticket it saw (Lamport's bakery). <touch> changes each time the waiting
//       process renews the claim, so the config's updateTime shows the claim is alive.
import { createHash } from 'node:crypto';

const TICK_PREFIX = 's3bq';
const APPEND_PREFIX = 's3bq-append';
const SEPARATOR = '|';
/** Parts of names are kept short; a long destination keeps its head and a hash of the whole. */
const MAX_PART = 120;
const HASH_CHARS = 12;

export interface Claim {
  /** The queue's order; 0 while the process is still choosing it. */
  ticket: number;
  /** Renewal counter. */
  touch: number;
  /** The process that holds the claim. */
  process: string;
}

/** Whether `shown` is the same claim as `mine`: same process, same ticket (renewals aside). */
export const sameClaim = (shown: Claim | undefined, mine: Claim): boolean =>
  shown?.ticket === mine.ticket && shown.process === mine.process;

export type ConfigMark =
  | { kind: 'tick'; table: string; partition: string; runLabel: string; claim?: Claim | undefined }
  | {
      kind: 'append';
      /** appendConfigKey(): the same for every config of the destination partition and source. */
      key: string;
      destination: string;
      partition: string;
      sourceKey: string;
      createdAtMs: number;
      claim?: Claim | undefined;
    }
  /** A WRITE_APPEND table's config from before configs were per partition. */
  | { kind: 'legacy-append'; table: string };

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, HASH_CHARS);

/** A name part without the separator, at most MAX_PART characters, still unique. */
export function clean(part: string): string {
  const safe = part.replaceAll(SEPARATOR, '_');
  return safe.length <= MAX_PART ? safe : `${safe.slice(0, MAX_PART - HASH_CHARS - 1)}~${hash(part)}`;
}

export function tickConfigName(table: string, partition: string, runLabel: string): string {
  return [TICK_PREFIX, clean(table), clean(partition), clean(runLabel)].join(SEPARATOR);
}

/** The key of the files an append config reads: a short hash of its data_path. */
function sourceKey(dataPath: string): string {
  return hash(dataPath);
}

/** What every name of a destination partition's append config starts with. */
export function appendConfigKey(destination: string, partition: string, dataPath: string): string {
  return [APPEND_PREFIX, `${clean(destination)}$${partition}`, sourceKey(dataPath)].join(SEPARATOR);
}

/** The name of a new append config (no claim): its key and when it was created. */
export function appendConfigName(key: string, createdAtMs: number): string {
  return `${key}${SEPARATOR}c${createdAtMs}`;
}

function formatClaim(claim: Claim): string {
  return `q${claim.ticket}.${claim.touch}@${claim.process}`;
}

const CLAIM = /^q(\d+)\.(\d+)@([a-z0-9]+)$/;

function parseClaim(part: string | undefined): Claim | undefined | null {
  if (part === undefined) return undefined;
  const match = CLAIM.exec(part);
  if (!match) return null;
  return { ticket: Number(match[1]), touch: Number(match[2]), process: match[3]! };
}

/** `base` with `claim` appended (or without any claim). */
export function withClaim(base: string, claim: Claim | undefined): string {
  const plain = stripClaim(base);
  return claim ? `${plain}${SEPARATOR}${formatClaim(claim)}` : plain;
}

/** A display name without its claim part. */
export function stripClaim(displayName: string): string {
  const parts = displayName.split(SEPARATOR);
  const last = parts[parts.length - 1];
  return last !== undefined && CLAIM.test(last) ? parts.slice(0, -1).join(SEPARATOR) : displayName;
}

/** What a display name says about a config; undefined when it is not ours. */
export function parseConfigName(displayName: string): ConfigMark | undefined {
  const parts = displayName.split(SEPARATOR);
  if (!parts.every(Boolean)) return undefined;
  if (parts[0] === TICK_PREFIX && (parts.length === 4 || parts.length === 5)) {
    const claim = parseClaim(parts[4]);
    if (claim === null) return undefined;
    return { kind: 'tick', table: parts[1]!, partition: parts[2]!, runLabel: parts[3]!, claim };
  }
  if (parts[0] !== APPEND_PREFIX) return undefined;
  if (parts.length === 2) return { kind: 'legacy-append', table: parts[1]! };
  const target = /^(.+)\$(\d{8}|\d{10})$/.exec(parts[1] ?? '');
  const created = /^c(\d+)$/.exec(parts[3] ?? '');
  if (!target || !created || (parts.length !== 4 && parts.length !== 5)) return undefined;
  const claim = parseClaim(parts[4]);
  if (claim === null) return undefined;
  return {
    kind: 'append',
    key: parts.slice(0, 3).join(SEPARATOR),
    destination: target[1]!,
    partition: target[2]!,
    sourceKey: parts[2]!,
    createdAtMs: Number(created[1]),
    claim,
  };
}
