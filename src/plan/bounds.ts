// The bounds of one plan, checked before any partition list is built: the days BigQuery
// partitions by, and a total of partitions across all tables that a plan (and the run
// after it) holds comfortably. A request past them is refused with how to split it.
import type { TableSpec } from '../tables/types.js';
import { type CalendarDay, compareDays, formatDay } from './calendar.js';
import { HOURS_PER_DAY } from './partitions.js';
import { type DaySpan, PlanError } from './window.js';

/**
 * Outside these dates BigQuery gives rows no partition of their own (they land in
 * `__UNPARTITIONED__`), so no partition id of this pipeline can lie outside them.
 */
const FIRST_PARTITION_DAY: CalendarDay = { year: 1960, month: 1, day: 1 };
const LAST_PARTITION_DAY: CalendarDay = { year: 2159, month: 12, day: 31 };

/**
 * Partitions in one plan, across all its tables. Each partition is one DTS run and one
 * BigQuery load job, and a project gets 100,000 load jobs a day: a larger plan could not
 * finish in a day. At this size a plan's partition lists, its JSON and the run's results
 * stay within a few hundred MB (see docs/reliability.md for the measured figures).
 */
export const MAX_PLAN_PARTITIONS = 100_000;

function partitionsPerDay(spec: Pick<TableSpec, 'partitioning'>): number {
  return spec.partitioning.granularity === 'HOUR' ? HOURS_PER_DAY : 1;
}

/** Throws a PlanError when the span leaves the dates BigQuery partitions by. */
export function checkSpanInRange(span: DaySpan, describe: () => string): void {
  const early = compareDays(span.first, FIRST_PARTITION_DAY) < 0;
  const late = compareDays(span.last, LAST_PARTITION_DAY) > 0;
  if (!early && !late) return;
  const outside = early ? formatDay(span.first) : formatDay(span.last);
  throw new PlanError(
    `${describe()} would load ${outside}, outside ${formatDay(FIRST_PARTITION_DAY)}..${formatDay(LAST_PARTITION_DAY)}, the dates BigQuery partitions by: give dates within that range`,
  );
}

export interface PlanSize {
  /** Enabled tables and the span each loads. */
  tables: { spec: Pick<TableSpec, 'partitioning'>; span: DaySpan }[];
  window: { kind: 'tick'; at: string } | { kind: 'backfill'; from: string; to: string };
}

/** Throws a PlanError saying how to split the request when the plan would be too large. */
export function checkPlanSize({ tables, window }: PlanSize, cap = MAX_PLAN_PARTITIONS): void {
  let total = 0;
  let perDay = 0;
  for (const { spec, span } of tables) {
    total += span.count * partitionsPerDay(spec);
    perDay += partitionsPerDay(spec);
  }
  if (total <= cap) return;
  const limit = `one plan may hold at most ${cap.toLocaleString('en-US')} partitions (a project's BigQuery load jobs for a day)`;
  const count = `${total.toLocaleString('en-US')} partitions over ${tables.length.toLocaleString('en-US')} table${tables.length === 1 ? '' : 's'}`;
  if (window.kind === 'tick') {
    throw new PlanError(
      `the tick at ${window.at} plans ${count}; ${limit}: load fewer tables per run with --only, or lower their lookback_days`,
    );
  }
  const days = Math.floor(cap / perDay);
  const split =
    days >= 1
      ? `split it into ranges of at most ${days} day${days === 1 ? '' : 's'} (--from/--to), or load fewer tables per run with --only`
      : `one day of these tables alone has ${perDay.toLocaleString('en-US')} partitions: load fewer tables per run with --only`;
  throw new PlanError(`the backfill ${window.from}..${window.to} plans ${count}; ${limit}: ${split}`);
}
