// The partitions of one table for a list of days: ids that mirror the source's partition
// values literally (dt=2022-08-15/hour=3 → 2022081503) and their rendered S3 prefixes.
import { compileLayout } from '../tables/layout.js';
import type { TableSpec } from '../tables/types.js';
import { type CalendarDay, formatDay } from './calendar.js';
import type { PartitionPlan } from './types.js';

export const HOURS_PER_DAY = 24;

/** Partitions of `days` in the given order; an HOUR table gets hours 0–23 of each day. */
export function partitionsFor(spec: TableSpec, days: CalendarDay[]): PartitionPlan[] {
  const root = spec.source.prefix
    ? `s3://${spec.source.bucket}/${spec.source.prefix}/`
    : `s3://${spec.source.bucket}/`;
  const render = compileLayout(spec.partitioning.layout);
  const out: PartitionPlan[] = [];
  for (const day of days) {
    const date = formatDay(day);
    const dayId = date.replaceAll('-', '');
    if (spec.partitioning.granularity === 'DAY') {
      out.push({ id: dayId, date, source: `${root}${render(day)}/` });
      continue;
    }
    for (let hour = 0; hour < HOURS_PER_DAY; hour++) {
      out.push({
        id: `${dayId}${String(hour).padStart(2, '0')}`,
        date,
        hour,
        source: `${root}${render({ ...day, hour })}/`,
      });
    }
  }
  return out;
}
