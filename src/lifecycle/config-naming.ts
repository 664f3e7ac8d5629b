// How this pipeline marks the transfer configs it creates, in one place: the lifecycle
// writes these display names and the janitor reads them.
//   s3bq|<table>|<tick>|<runLabel>   a tick's config, deleted when the tick ends
//   s3bq-append|<table>              a WRITE_APPEND table's long-lived config, never deleted

const TICK_PREFIX = 's3bq';
const APPEND_PREFIX = 's3bq-append';
const SEPARATOR = '|';
/** DTS display names are short; keep ours well inside any limit. */
const MAX_PART = 80;

export type ConfigMark =
  | { kind: 'tick'; table: string; tick: string; runLabel: string }
  | { kind: 'append'; table: string };

const clean = (part: string) => part.replaceAll(SEPARATOR, '_').slice(0, MAX_PART);

export function tickConfigName(table: string, tick: string, runLabel: string): string {
  return [TICK_PREFIX, clean(table), clean(tick), clean(runLabel)].join(SEPARATOR);
}

export function appendConfigName(table: string): string {
  return [APPEND_PREFIX, clean(table)].join(SEPARATOR);
}

/** What a display name says about a config; undefined when it is not ours. */
export function parseConfigName(displayName: string): ConfigMark | undefined {
  const parts = displayName.split(SEPARATOR);
  if (parts[0] === TICK_PREFIX && parts.length === 4 && parts.every(Boolean)) {
    return { kind: 'tick', table: parts[1]!, tick: parts[2]!, runLabel: parts[3]! };
  }
  if (parts[0] === APPEND_PREFIX && parts.length === 2 && parts[1])
    return { kind: 'append', table: parts[1] };
  return undefined;
}

/** The tick part of a name when none is given: the partition range it loads. */
export function tickOf(partitionIds: readonly string[]): string {
  if (partitionIds.length === 0) return 'none';
  const sorted = [...partitionIds].sort();
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  return first === last ? first : `${first}-${last}`;
}
