// The one parser of each thing a person types: the CLI's flags and the action's inputs
// both come through here, so a tick instant, a duration or a list of tables means the
// same on a laptop and on GitHub. Each parser names the flag or input it read in its
// error, as the caller spells it (`--timeout`, `Input 'timeout'`).
// Light on purpose (no table-file or cloud modules): `s3bq --help` loads it.
import type { Transport } from '../cloud/endpoints.js';

/** Bad input from a person: the message says what to type instead. */
export class InputError extends Error {
  override name = 'InputError';
}

export type WindowRequest =
  | { kind: 'now' }
  | { kind: 'tick'; at: Date }
  | { kind: 'backfill'; from: string; to: string };

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO 8601 instant; without an offset it is read as UTC (a tick is a UTC instant). */
export function parseInstant(text: string): Date | undefined {
  const match = ISO_INSTANT.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = match;
  const offset =
    zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction.slice(0, 4)}${offset}`);
  if (Number.isNaN(date.getTime())) return undefined;
  // Date rolls 2026-02-30 over to March: refuse what is not a real calendar date.
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  return date;
}

export interface WindowTexts {
  at?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** `at`, or `from` + `to`, or none of them (a tick now); `name` spells each one as the user does. */
export function parseWindow(
  texts: WindowTexts,
  name: (input: 'at' | 'from' | 'to') => string,
): WindowRequest {
  const at = texts.at?.trim() || undefined;
  const from = texts.from?.trim() || undefined;
  const to = texts.to?.trim() || undefined;
  if (at !== undefined && (from !== undefined || to !== undefined)) {
    throw new InputError(
      `${name('at')} is for a tick, ${name('from')}/${name('to')} for a backfill: give one or the other`,
    );
  }
  if (at !== undefined) {
    const instant = parseInstant(at);
    if (!instant)
      throw new InputError(`${name('at')} "${at}" is not an ISO 8601 instant such as 2026-11-21T00:30:00Z`);
    return { kind: 'tick', at: instant };
  }
  if (from === undefined && to === undefined) return { kind: 'now' };
  if (from === undefined || to === undefined) {
    throw new InputError(`a backfill needs both ${name('from')} and ${name('to')} (YYYY-MM-DD, inclusive)`);
  }
  for (const [input, day] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!ISO_DAY.test(day)) throw new InputError(`${name(input)} "${day}" is not a date: write YYYY-MM-DD`);
  }
  if (from > to) throw new InputError(`${name('from')} ${from} is after ${name('to')} ${to}: swap them`);
  return { kind: 'backfill', from, to };
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Node's timers hold at most 2^31-1 ms (about 24.8 days); a longer wait would fire at once. */
const MAX_DURATION_MS = 2 ** 31 - 1;

/** `90s`, `45m`, `2h`, `1h30m`, `500ms`, or a bare number of seconds; at most `maxMs`. */
export function parseDuration(text: string, name: string, maxMs = MAX_DURATION_MS): number {
  const trimmed = text.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1_000;
  else {
    const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
    if (parts.length === 0 || parts.map((part) => part[0]).join('') !== trimmed) {
      throw new InputError(`${name} "${text}" is not a duration: write e.g. 90s, 45m, 2h or 1h30m`);
    }
    ms = Math.round(parts.reduce((sum, part) => sum + Number(part[1]) * (UNIT_MS[part[2]!] ?? 0), 0));
  }
  if (!(ms > 0)) throw new InputError(`${name} "${text}" must be longer than zero`);
  if (ms > maxMs) throw new InputError(`${name} "${text}" is longer than the ${describeMax(maxMs)} allowed`);
  return ms;
}

function describeMax(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  return `${Math.floor(ms / 86_400_000)} days`;
}

/** One or several comma-separated table names (file names without `.json`). */
export function parseTableNames(text: string, name: string): string[] {
  const names = [
    ...new Set(
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ];
  if (names.length === 0) throw new InputError(`${name} needs at least one table name, e.g. gold.orders`);
  const bad = names.find((table) => /[/\\]|^\.\.?$/.test(table));
  if (bad !== undefined) {
    throw new InputError(
      `${name} holds "${bad}", which is not a table name: give the file name without .json`,
    );
  }
  return names;
}

/** A whole number from `min` to `max`. */
export function parseWholeNumber(text: string, name: string, min: number, max: number): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`${name} must be a whole number from ${min} to ${max} (got "${text}")`);
  }
  return value;
}

export function parseTransport(text: string | undefined, name: string): Transport {
  const word = (text ?? '').trim().toLowerCase();
  if (word === '') return 'grpc';
  if (word === 'grpc' || word === 'rest') return word;
  throw new InputError(`${name} must be grpc or rest (rest when a proxy blocks gRPC), got "${text}"`);
}

const TRUE_WORDS = ['true', 'yes', 'on', '1'];
const FALSE_WORDS = ['false', 'no', 'off', '0', ''];

export function parseBoolean(text: string, name: string): boolean {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  throw new InputError(`${name} must be true or false, got "${text}"`);
}
