// Which days a table loads: a tick loads D-1 … D-max(1, lookback_days) where D is the
// tick's local date in the table's zone; a backfill loads every day of an inclusive range.
// Days come oldest first, so partitions load (and read in reports) in calendar order.
import type { TableSpec } from '../tables/types.js';
import { addDays, type CalendarDay, compareDays, daysBetween, localDay, parseDay } from './calendar.js';

/** An inclusive span of days and how many it holds. */
export interface DaySpan {
  first: CalendarDay;
  last: CalendarDay;
  count: number;
}

/** Ten years: a larger range is almost certainly a typo in a year. */
export const MAX_BACKFILL_DAYS = 3660;

export class PlanError extends Error {
  override name = 'PlanError';
}

/** The days a tick at `at` loads for a table: D-max(1, lookback) … D-1 of its local date D. */
export function tickSpan(spec: Pick<TableSpec, 'timezone' | 'lookbackDays'>, at: Date): DaySpan {
  const today = localDay(at, spec.timezone);
  const count = Math.max(1, spec.lookbackDays);
  return { first: addDays(today, -count), last: addDays(today, -1), count };
}

/** Every day of a span, oldest first. */
export function daysOf(span: DaySpan): CalendarDay[] {
  return Array.from({ length: span.count }, (_, i) => addDays(span.first, i));
}

/** The inclusive span `from`..`to`, checked; throws a PlanError saying what to fix. */
export function backfillSpan(from: string, to: string): DaySpan {
  const start = parseDay(from);
  if (!start) throw new PlanError(`--from "${from}" is not a date: write YYYY-MM-DD, e.g. 2026-01-01`);
  const end = parseDay(to);
  if (!end) throw new PlanError(`--to "${to}" is not a date: write YYYY-MM-DD, e.g. 2026-01-31`);
  if (compareDays(start, end) > 0)
    throw new PlanError(`--from ${from} is after --to ${to}: the range is inclusive, from ≤ to`);
  const count = daysBetween(start, end) + 1;
  if (count > MAX_BACKFILL_DAYS) {
    throw new PlanError(
      `the range ${from}..${to} has ${count} days; a backfill may span at most ${MAX_BACKFILL_DAYS}: split it`,
    );
  }
  return { first: start, last: end, count };
}
