// The typed values of a LogEntry that filters compare: instants and durations to the
// nanosecond (google.protobuf.Timestamp / Duration, never rounded to JavaScript's
// milliseconds), and severities by their rank. Also the strict text forms filters write
// them in: RFC 3339 timestamps with a zone, protobuf-JSON durations ("1.5s").

/** A point in time in nanoseconds since the Unix epoch (a protobuf Timestamp). */
export class Instant {
  constructor(readonly nanos: bigint) {}
}

/** A length of time in nanoseconds (a protobuf Duration). */
export class Span {
  constructor(readonly nanos: bigint) {}
}

/** A LogSeverity, compared by its rank (DEBUG=100 … EMERGENCY=800). */
export class Severity {
  constructor(
    readonly rank: number,
    readonly name: string,
  ) {}
}

export const SEVERITY_RANK: Readonly<Record<string, number>> = {
  DEFAULT: 0,
  DEBUG: 100,
  INFO: 200,
  NOTICE: 300,
  WARNING: 400,
  ERROR: 500,
  CRITICAL: 600,
  ALERT: 700,
  EMERGENCY: 800,
};

/** A severity written in a filter or an entry: a name (any case) or its number. */
export function parseSeverity(text: string | number): Severity | undefined {
  if (typeof text === 'number' || /^\d+$/.test(text)) {
    const rank = Number(text);
    const name = Object.entries(SEVERITY_RANK).find(([, value]) => value === rank)?.[0] ?? String(rank);
    return new Severity(rank, name);
  }
  const name = text.toUpperCase();
  const rank = SEVERITY_RANK[name];
  return rank === undefined ? undefined : new Severity(rank, name);
}

type TimestampObject = { seconds?: string | number | null; nanos?: number | null } | null | undefined;

const NANOS_PER_SECOND = 1_000_000_000n;

export function timestampToNanos(value: TimestampObject): bigint | undefined {
  if (!value || value.seconds === undefined || value.seconds === null) return undefined;
  return BigInt(value.seconds) * NANOS_PER_SECOND + BigInt(value.nanos ?? 0);
}

export function nanosToTimestamp(nanos: bigint): { seconds: string; nanos: number } {
  let seconds = nanos / NANOS_PER_SECOND;
  let rest = nanos % NANOS_PER_SECOND;
  if (rest < 0n) {
    seconds -= 1n;
    rest += NANOS_PER_SECOND;
  }
  return { seconds: seconds.toString(), nanos: Number(rest) };
}

export function dateToNanos(date: Date): bigint {
  return BigInt(date.getTime()) * 1_000_000n;
}

// RFC 3339 section 5.6 (date-time), with a zone. The real service's documented form;
// local times without a zone, dates alone and the space separator are refused rather
// than guessed at.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Nanoseconds since the epoch of an RFC 3339 timestamp, or undefined when it is not one. */
export function parseRfc3339(text: string): bigint | undefined {
  const match = RFC3339.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  const fraction = match[7] ?? '';
  if (month! < 1 || month! > 12 || hour! > 23 || minute! > 59 || second! > 59) return undefined;
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (day! < 1 || day! > daysInMonth) return undefined;
  let offsetMinutes = 0;
  if (match[9]) {
    const offsetHours = Number(match[10]);
    const offsetRest = Number(match[11]);
    if (offsetHours > 23 || offsetRest > 59) return undefined;
    offsetMinutes = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  const utc = new Date(0);
  utc.setUTCFullYear(year!, month! - 1, day!);
  utc.setUTCHours(hour!, minute! - offsetMinutes, second!, 0);
  return BigInt(utc.getTime()) * 1_000_000n + BigInt(fraction.padEnd(9, '0') || '0');
}

/** A protobuf-JSON duration ("3s", "1.5s", "-0.25s") in nanoseconds. */
export function parseDuration(text: string): bigint | undefined {
  const match = /^(-)?(\d+)(?:\.(\d{1,9}))?s$/.exec(text);
  if (!match) return undefined;
  const nanos = BigInt(match[2]!) * NANOS_PER_SECOND + BigInt((match[3] ?? '').padEnd(9, '0') || '0');
  return match[1] ? -nanos : nanos;
}
