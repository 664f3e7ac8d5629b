// Calendar days without clocks: the tick's local date in a time zone (luxon, over Intl's
// zone data), day arithmetic and ISO dates. Day arithmetic runs on the proleptic calendar
// in UTC — never by adding 24 hours to a local time — so DST days of 23 or 25
// hours cannot shift a date, and planning a thousand tables stays cheap.
import { DateTime, IANAZone } from 'luxon';

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;

/** The local calendar date of an instant in an IANA zone. */
export function localDay(at: Date, timezone: string): CalendarDay {
  const local = DateTime.fromJSDate(at, { zone: zoneNamed(timezone) });
  if (!local.isValid)
    throw new Error(`cannot compute the local date in time zone "${timezone}": ${local.invalidExplanation}`);
  return { year: local.year, month: local.month, day: local.day };
}

// One zone object per name: luxon re-validates a zone given by name on every call.
const zones = new Map<string, IANAZone>();
function zoneNamed(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}

function toEpochDay(day: CalendarDay): number {
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes the year as given.
  const date = new Date(0);
  date.setUTCFullYear(day.year, day.month - 1, day.day);
  return date.getTime() / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): CalendarDay {
  const date = new Date(epochDay * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return fromEpochDay(toEpochDay(day) + days);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: CalendarDay, b: CalendarDay): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function formatDay(day: CalendarDay): string {
  return `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

/** A real `YYYY-MM-DD` date (2023-02-29 is not), or undefined. */
export function parseDay(text: string): CalendarDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (day.year < 1) return undefined;
  // Dates roll 2023-02-29 over to March 1st: a round trip tells real dates apart.
  const back = fromEpochDay(toEpochDay(day));
  return compareDays(back, day) === 0 ? day : undefined;
}
