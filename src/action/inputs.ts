// The action's inputs (action.yml), read once and checked at the door by small named
// parsers, so a bad workflow fails before any cloud call with a message saying what to fix.
import type { Transport } from '../cloud/endpoints.js';
import { parseDuration as parseLifecycleDuration } from '../lifecycle/duration.js';

export type Window =
  | { kind: 'now' }
  | { kind: 'tick'; at: string }
  | { kind: 'backfill'; from: string; to: string };

export interface ActionInputs {
  tables: string[];
  window: Window;
  tablesDir: string;
  project?: string | undefined;
  location?: string | undefined;
  timeoutMs: number;
  transport: Transport;
  dryRun: boolean;
  /** Empty means RUNNER_TEMP, resolved by the caller. */
  resultDir?: string | undefined;
}

/** Reads one input by its action.yml name; `@actions/core`'s getInput in production. */
export type InputReader = (name: string) => string;

export const DEFAULT_TABLES_DIR = 'tables';
export const DEFAULT_TIMEOUT = '2h';
export const DEFAULT_TRANSPORT: Transport = 'grpc';
/** A lifecycle bound past GitHub's own 6-hour job limit is surely a typo. */
export const MAX_TIMEOUT_MS = 6 * 60 * 60 * 1000;

const TRUE_WORDS = ['true', 'yes', 'on', '1'];
const FALSE_WORDS = ['false', 'no', 'off', '0', ''];

export function parseBoolean(name: string, value: string): boolean {
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  throw new Error(`Input '${name}' must be true or false, got '${value}'.`);
}

/** `2h`, `45m`, `90s`, `1h30m`, `500ms`; a bare number counts seconds (the CLI's rules). */
export function parseDuration(name: string, value: string): number {
  const ms = parseLifecycleDuration(value, `Input '${name}'`);
  if (ms > MAX_TIMEOUT_MS)
    throw new Error(`Input '${name}' is ${value}: it may be at most 6h, GitHub's job limit.`);
  return ms;
}

export function parseTransport(name: string, value: string): Transport {
  const word = value.trim().toLowerCase();
  if (word === '') return DEFAULT_TRANSPORT;
  if (word === 'grpc' || word === 'rest') return word;
  throw new Error(`Input '${name}' must be grpc or rest (rest when a proxy blocks gRPC), got '${value}'.`);
}

/** One or several comma-separated table names, as the plan's matrix hands them. */
export function parseTableList(name: string, value: string): string[] {
  const names = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (names.length === 0) {
    throw new Error(
      `Input '${name}' is required: a table name from the tables folder, or several comma-separated.`,
    );
  }
  const bad = names.find((table) => /[/\\]|^\.\.?$/.test(table));
  if (bad !== undefined) {
    throw new Error(
      `Input '${name}' holds '${bad}', which is not a table name: give the file name without '.json'.`,
    );
  }
  return [...new Set(names)];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `at`, or `from` + `to`, or none of them (a tick now). */
export function parseWindow(at: string, from: string, to: string): Window {
  const [tickAt, first, last] = [at.trim(), from.trim(), to.trim()];
  if (tickAt !== '' && (first !== '' || last !== '')) {
    throw new Error("Give either 'at' (a tick) or 'from' and 'to' (a backfill), not both.");
  }
  if (tickAt !== '') {
    if (Number.isNaN(Date.parse(tickAt))) {
      throw new Error(`Input 'at' must be an ISO 8601 instant such as 2026-11-21T06:00:00Z, got '${at}'.`);
    }
    return { kind: 'tick', at: tickAt };
  }
  if (first === '' && last === '') return { kind: 'now' };
  if (first === '' || last === '')
    throw new Error("A backfill needs both 'from' and 'to' (YYYY-MM-DD, inclusive).");
  for (const [name, day] of [
    ['from', first],
    ['to', last],
  ] as const) {
    if (!DATE.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
      throw new Error(`Input '${name}' must be a date as YYYY-MM-DD, got '${day}'.`);
    }
  }
  if (first > last) throw new Error(`Input 'from' (${first}) is after 'to' (${last}): swap them.`);
  return { kind: 'backfill', from: first, to: last };
}

function optional(value: string): string | undefined {
  const text = value.trim();
  return text === '' ? undefined : text;
}

export function readInputs(read: InputReader): ActionInputs {
  return {
    tables: parseTableList('table', read('table')),
    window: parseWindow(read('at'), read('from'), read('to')),
    tablesDir: optional(read('tables-dir')) ?? DEFAULT_TABLES_DIR,
    project: optional(read('project')),
    location: optional(read('location')),
    timeoutMs: parseDuration('timeout', optional(read('timeout')) ?? DEFAULT_TIMEOUT),
    transport: parseTransport('transport', read('transport')),
    dryRun: parseBoolean('dry-run', read('dry-run')),
    resultDir: optional(read('result-dir')),
  };
}
