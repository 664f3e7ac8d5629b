import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/build.js';
import { makeSpec } from './make-spec.js';

const ZONES = [
  'UTC',
  'Asia/Seoul',
  'America/New_York',
  'Europe/London',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];
const settings = { location: 'us', maxParallel: 10, timezone: 'UTC' };

describe('tick windows, for any instant and zone', () => {
  it('are max(1, n) consecutive days ending the day before the local date, oldest first', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2090-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 40 }),
        fc.boolean(),
        (at, timezone, lookbackDays, hourly) => {
          const spec = makeSpec('a.b', {
            timezone,
            lookbackDays,
            partitioning: hourly ? { granularity: 'HOUR', layout: 'dt={date}/hour={H}' } : {},
          });
          const partitions = buildPlan({ tables: [spec], settings, window: { kind: 'tick', at } }).plan
            .tables[0]!.partitions;
          const days = [...new Set(partitions.map((p) => p.date))];
          expect(days).toHaveLength(Math.max(1, lookbackDays));
          expect(partitions).toHaveLength(days.length * (hourly ? 24 : 1));
          const today = DateTime.fromJSDate(at, { zone: timezone }).toISODate();
          const yesterday = DateTime.fromISO(today!, { zone: 'UTC' }).minus({ days: 1 }).toISODate();
          expect(days.at(-1)).toBe(yesterday);
          for (let i = 1; i < days.length; i++) {
            expect(
              DateTime.fromISO(days[i]!, { zone: 'UTC' }).diff(
                DateTime.fromISO(days[i - 1]!, { zone: 'UTC' }),
                'days',
              ).days,
            ).toBe(1);
          }
          for (const p of partitions) {
            expect(p.id.startsWith(p.date.replaceAll('-', ''))).toBe(true);
            expect(p.source).toMatch(
              /^s3:\/\/demo-lake\/lake\/a\/b\/dt=\d{4}-\d{2}-\d{2}\/(hour=\d{1,2}\/)?$/,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
