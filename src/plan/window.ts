// Which days a table loads: a tick loads D-1 … D-max(1, lookback_days) where D is the
// tick's local date in the table's zone; a backfill loads every day of an inclusive range.
// Days come oldest first, so partitions load (and read in reports) in calendar order.
import type { TableSpec } from '../tables/types.js';
import { addDays, type CalendarDay, compareDays, daysBetween, localDay, parseDay } from './calendar.js';

/** Ten years: a larger range is almost certainly a typo in a year. */
export const MAX_BACKFILL_DAYS = 3660;

export class PlanError extends Error {
  override name = 'PlanError';
}

export function tickDays(spec: Pick<TableSpec, 'timezone' | 'lookbackDays'>, at: Date): CalendarDay[] {
  const today = localDay(at, spec.timezone);
  const count = Math.max(1, spec.lookbackDays);
  const days: CalendarDay[] = [];
  for (let back = count; back >= 1; back--) days.push(addDays(today, -back));
  return days;
}

/** Every day from `from` to `to`, inclusive; throws a PlanError saying what to fix. */
export function backfillDays(from: string, to: string): CalendarDay[] {
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
  return Array.from({ length: count }, (_, i) => addDays(start, i));
}
