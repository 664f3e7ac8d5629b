// The partitions of one table for a list of days: ids that mirror the source's partition
// values literally (dt=2022-08-15/hour=3 → 2022081503) and their rendered S3 prefixes.
import { compileLayout } from '../tables/layout.js';
import type { TableSpec } from '../tables/types.js';
import { type CalendarDay, formatDay } from './calendar.js';
import type { PartitionPlan } from './types.js';

export const HOURS_PER_DAY = 24;

/** Partitions of `days` in the given order; an HOUR table gets hours 0–23 of each day. */
export function partitionsFor(spec: TableSpec, days: CalendarDay[]): PartitionPlan[] {
  const { bucket } = spec.source;
  const keyRoot = spec.source.prefix ? `${spec.source.prefix}/` : '';
  const render = compileLayout(spec.partitioning.layout);
  const at = (path: string) => ({
    bucket,
    prefix: `${keyRoot}${path}/`,
    source: `s3://${bucket}/${keyRoot}${path}/`,
  });
  const out: PartitionPlan[] = [];
  for (const day of days) {
    const date = formatDay(day);
    const dayId = date.replaceAll('-', '');
    if (spec.partitioning.granularity === 'DAY') {
      out.push({ id: dayId, date, ...at(render(day)) });
      continue;
    }
    for (let hour = 0; hour < HOURS_PER_DAY; hour++) {
      out.push({
        id: `${dayId}${String(hour).padStart(2, '0')}`,
        date,
        hour,
        ...at(render({ ...day, hour })),
      });
    }
  }
  return out;
}
