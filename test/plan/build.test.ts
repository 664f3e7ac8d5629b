import { describe, expect, it } from 'vitest';
import { checkPlanSize, MAX_PLAN_PARTITIONS } from '../../src/plan/bounds.js';
import { buildPlan, type PlanRequest } from '../../src/plan/build.js';
import { addDays, daysBetween, formatDay } from '../../src/plan/calendar.js';
import { MAX_BACKFILL_DAYS } from '../../src/plan/window.js';
import type { PipelineSettings, TableSpec } from '../../src/tables/types.js';
import { makeSpec } from './make-spec.js';

const settings: PipelineSettings = { location: 'us', maxParallel: 10, timezone: 'UTC' };

function tick(spec: TableSpec, at: string): string[] {
  return plan({ tables: [spec], settings, window: { kind: 'tick', at: new Date(at) } })[0]!.partitions.map(
    (p) => p.id,
  );
}
function plan(request: PlanRequest) {
  return buildPlan(request).plan.tables;
}

const HOURLY = { granularity: 'HOUR', layout: 'dt={date}/hour={H}' } as const;

describe('a tick loads D-1 … D-max(1, lookback_days) of the local date D, oldest first', () => {
  it('lookback 0 and 1 both mean D-1 only', () => {
    expect(tick(makeSpec('a.b', { lookbackDays: 0 }), '2026-11-21T00:30:00Z')).toEqual(['20261120']);
    expect(tick(makeSpec('a.b', { lookbackDays: 1 }), '2026-11-21T00:30:00Z')).toEqual(['20261120']);
    expect(tick(makeSpec('a.b', { lookbackDays: 3 }), '2026-11-21T00:30:00Z')).toEqual([
      '20261118',
      '20261119',
      '20261120',
    ]);
  });

  it('Asia/Seoul around midnight UTC', () => {
    const seoul = makeSpec('a.b', { timezone: 'Asia/Seoul' });
    expect(tick(seoul, '2026-11-20T14:59:59Z')).toEqual(['20261119']); // 23:59:59 KST on the 20th
    expect(tick(seoul, '2026-11-20T15:00:00Z')).toEqual(['20261120']); // 00:00 KST on the 21st
    expect(tick(seoul, '2026-11-20T23:59:59Z')).toEqual(['20261120']);
    expect(tick(seoul, '2026-11-21T00:00:00Z')).toEqual(['20261120']);
    const utc = makeSpec('a.b');
    expect(tick(utc, '2026-11-20T23:59:59Z')).toEqual(['20261119']);
    expect(tick(utc, '2026-11-21T00:00:00Z')).toEqual(['20261120']);
  });

  it('a 14-day lookback in Asia/Seoul', () => {
    const ids = tick(
      makeSpec('gold.orders', { timezone: 'Asia/Seoul', lookbackDays: 14 }),
      '2026-11-21T00:30:00Z',
    );
    expect(ids).toHaveLength(14);
    expect(ids[0]).toBe('20261107');
    expect(ids.at(-1)).toBe('20261120');
  });

  it('America/New_York on the DST days (spring forward 2026-03-08, fall back 2026-11-01)', () => {
    const ny = makeSpec('a.b', { timezone: 'America/New_York' });
    expect(tick(ny, '2026-03-08T04:59:00Z')).toEqual(['20260306']); // 23:59 EST on the 7th
    expect(tick(ny, '2026-03-08T05:00:00Z')).toEqual(['20260307']); // 00:00 EST on the 8th
    expect(tick(ny, '2026-03-09T03:59:00Z')).toEqual(['20260307']); // 23:59 EDT on the 8th (a 23-hour day)
    expect(tick(ny, '2026-03-09T04:00:00Z')).toEqual(['20260308']); // 00:00 EDT on the 9th
    expect(tick(ny, '2026-11-01T03:59:00Z')).toEqual(['20261030']); // 23:59 EDT on Oct 31
    expect(tick(ny, '2026-11-02T04:59:00Z')).toEqual(['20261031']); // 23:59 EST on Nov 1 (a 25-hour day)
    expect(tick(ny, '2026-11-02T05:00:00Z')).toEqual(['20261101']);
    // A lookback across the change counts calendar days, not 24-hour steps.
    expect(
      tick(makeSpec('a.b', { timezone: 'America/New_York', lookbackDays: 3 }), '2026-03-10T12:00:00Z'),
    ).toEqual(['20260307', '20260308', '20260309']);
  });

  it('Europe/London on the DST days (2026-03-29 and 2026-10-25)', () => {
    const london = makeSpec('a.b', { timezone: 'Europe/London' });
    expect(tick(london, '2026-03-28T23:30:00Z')).toEqual(['20260327']); // 23:30 GMT on the 28th
    expect(tick(london, '2026-03-29T23:30:00Z')).toEqual(['20260329']); // 00:30 BST on the 30th
    expect(tick(london, '2026-10-24T23:30:00Z')).toEqual(['20261024']); // 00:30 BST on the 25th
    expect(tick(london, '2026-10-25T23:30:00Z')).toEqual(['20261024']); // 23:30 GMT on the 25th
  });

  it('month and year ends', () => {
    expect(tick(makeSpec('a.b'), '2026-03-01T00:00:00Z')).toEqual(['20260228']);
    expect(tick(makeSpec('a.b'), '2026-05-01T06:00:00Z')).toEqual(['20260430']);
    expect(tick(makeSpec('a.b', { lookbackDays: 3 }), '2026-01-02T12:00:00Z')).toEqual([
      '20251230',
      '20251231',
      '20260101',
    ]);
  });

  it('leap days', () => {
    expect(tick(makeSpec('a.b', { lookbackDays: 2 }), '2024-03-01T10:00:00Z')).toEqual([
      '20240228',
      '20240229',
    ]);
    expect(tick(makeSpec('a.b', { lookbackDays: 2 }), '2023-03-01T10:00:00Z')).toEqual([
      '20230227',
      '20230228',
    ]);
    expect(tick(makeSpec('a.b', { timezone: 'Asia/Seoul' }), '2024-02-29T15:00:00Z')).toEqual(['20240229']);
  });

  it('renders each partition as s3://bucket/prefix/<layout>/ with a trailing slash', () => {
    const [table] = plan({
      tables: [makeSpec('gold.orders', { partitioning: { layout: 'year={YYYY}/month={MM}/day={DD}' } })],
      settings,
      window: { kind: 'tick', at: new Date('2026-01-01T12:00:00Z') },
    });
    expect(table?.partitions).toMatchObject([
      {
        id: '20251231',
        date: '2025-12-31',
        source: 's3://demo-lake/lake/gold/orders/year=2025/month=12/day=31/',
      },
    ]);
    const [root] = plan({
      tables: [
        makeSpec('gold.orders', { source: { bucket: 'demo-lake', prefix: '', uri: 's3://demo-lake' } }),
      ],
      settings,
      window: { kind: 'tick', at: new Date('2026-01-01T12:00:00Z') },
    });
    expect(root?.partitions[0]?.source).toBe('s3://demo-lake/dt=2025-12-31/');
  });
});

describe('HOUR tables load all 24 hours of each day', () => {
  it('a tick: hours 0–23 of D-1, ids mirroring the source values', () => {
    const [table] = plan({
      tables: [makeSpec('raw.clicks', { partitioning: HOURLY })],
      settings,
      window: { kind: 'tick', at: new Date('2026-11-21T00:30:00Z') },
    });
    const partitions = table!.partitions;
    expect(partitions).toHaveLength(24);
    expect(partitions[0]).toMatchObject({
      id: '2026112000',
      date: '2026-11-20',
      hour: 0,
      source: 's3://demo-lake/lake/raw/clicks/dt=2026-11-20/hour=0/',
    });
    expect(partitions[23]?.id).toBe('2026112023');
    expect(new Set(partitions.map((p) => p.id)).size).toBe(24);
  });

  it('dt=2022-08-15/hour=3 goes to partition 2022081503; {HH} is zero-padded', () => {
    const unpadded = plan({
      tables: [makeSpec('raw.clicks', { partitioning: HOURLY })],
      settings,
      window: { kind: 'backfill', from: '2022-08-15', to: '2022-08-15' },
    })[0]!.partitions;
    expect(unpadded[3]).toMatchObject({
      id: '2022081503',
      source: expect.stringMatching(/\/dt=2022-08-15\/hour=3\/$/),
    });
    const padded = plan({
      tables: [
        makeSpec('raw.clicks', { partitioning: { granularity: 'HOUR', layout: '{YYYY}/{MM}/{DD}/{HH}' } }),
      ],
      settings,
      window: { kind: 'backfill', from: '2022-08-15', to: '2022-08-15' },
    })[0]!.partitions;
    expect(padded[3]?.source).toMatch(/\/2022\/08\/15\/03\/$/);
  });

  it('a DST day in the table zone still has 24 hours, since ids mirror the source literally', () => {
    const table = plan({
      tables: [
        makeSpec('raw.clicks', { timezone: 'America/New_York', lookbackDays: 2, partitioning: HOURLY }),
      ],
      settings,
      window: { kind: 'tick', at: new Date('2026-03-09T12:00:00Z') },
    })[0]!;
    expect(table.partitions).toHaveLength(48);
    expect(table.partitions.filter((p) => p.date === '2026-03-08')).toHaveLength(24);
  });
});

describe('a backfill loads every day of the inclusive range', () => {
  const backfill = (from: string, to: string, spec = makeSpec('a.b')) =>
    plan({ tables: [spec], settings, window: { kind: 'backfill', from, to } })[0]!.partitions.map(
      (p) => p.id,
    );

  it('whatever the zone or lookback', () => {
    const spec = makeSpec('a.b', { timezone: 'Asia/Seoul', lookbackDays: 14 });
    expect(backfill('2024-02-27', '2024-03-01', spec)).toEqual([
      '20240227',
      '20240228',
      '20240229',
      '20240301',
    ]);
    expect(backfill('2026-01-01', '2026-01-01')).toEqual(['20260101']);
    expect(backfill('2025-12-31', '2026-01-01')).toEqual(['20251231', '20260101']);
  });

  it('an HOUR backfill has 24 partitions per day', () => {
    expect(backfill('2026-03-07', '2026-03-09', makeSpec('a.b', { partitioning: HOURLY }))).toHaveLength(72);
  });

  it('is bounded and checked', () => {
    expect(() => backfill('2026-02-01', '2026-01-01')).toThrow('--from 2026-02-01 is after --to 2026-01-01');
    expect(() => backfill('2023-02-29', '2023-03-01')).toThrow('--from "2023-02-29" is not a date');
    expect(() => backfill('2023-01-01', '2023-13-01')).toThrow('--to "2023-13-01" is not a date');
    expect(() => backfill('2000-01-01', '2026-01-01')).toThrow(
      /has 9498 days; a backfill may span at most 3660/,
    );
    const start = new Date(Date.UTC(2010, 0, 1));
    const end = new Date(start.getTime() + (MAX_BACKFILL_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    expect(backfill('2010-01-01', end)).toHaveLength(MAX_BACKFILL_DAYS);
  });
});

describe('tables, destinations and selection', () => {
  const tables = [
    makeSpec('b.two'),
    makeSpec('a.one'),
    makeSpec('c.off', { enabled: false }),
    makeSpec('d.four', { project: 'own-project' }),
  ];
  const at = new Date('2026-11-21T00:30:00Z');

  it('plans tables in name order; disabled ones are skipped with a reason and load nothing', () => {
    const { plan: result, planned } = buildPlan({ tables, settings, window: { kind: 'tick', at } });
    expect(result.tables.map((t) => t.name)).toEqual(['a.one', 'b.two', 'c.off', 'd.four']);
    expect(result.tables[2]).toEqual({
      name: 'c.off',
      destination: 'c.off',
      enabled: false,
      skip_reason: 'disabled ("enabled": false in its table file)',
      partitions: [],
    });
    expect(result.matrix.include.map((e) => e.table)).toEqual(['a.one', 'b.two', 'd.four']);
    expect(planned.map((p) => p.spec.name)).toEqual(result.tables.map((t) => t.name));
    expect(planned[0]?.plan).toBe(result.tables[0]);
  });

  it('destination is project.dataset.table with a project, else dataset.table', () => {
    const withProject = buildPlan({
      tables,
      settings: { ...settings, project: 'p1' },
      window: { kind: 'tick', at },
    });
    expect(withProject.plan.tables.map((t) => t.destination)).toEqual([
      'p1.a.one',
      'p1.b.two',
      'p1.c.off',
      'own-project.d.four',
    ]);
  });

  it('--only selects tables, disabled ones included; unknown names list the known', () => {
    const only = buildPlan({ tables, settings, window: { kind: 'tick', at }, only: ['b.two', 'c.off'] });
    expect(only.plan.tables.map((t) => t.name)).toEqual(['b.two', 'c.off']);
    expect(only.plan.matrix.include).toMatchObject([{ table: 'b.two', at: '2026-11-21T00:30:00.000Z' }]);
    expect(only.plan.matrix.include).toHaveLength(1);
    expect(() =>
      buildPlan({ tables, settings, window: { kind: 'tick', at }, only: ['a.one', 'nope'] }),
    ).toThrow('unknown table "nope" (known tables: a.one, b.two, c.off, d.four)');
    expect(() =>
      buildPlan({ tables, settings, window: { kind: 'tick', at }, only: ['b.tow', 'four'] }),
    ).toThrow(
      'unknown tables "b.tow", "four" — did you mean "b.two", "d.four"? (known tables: a.one, b.two, c.off, d.four)',
    );
  });

  it('carries the window, the matrix and max_parallel', () => {
    const ticked = buildPlan({
      tables,
      settings: { ...settings, maxParallel: 3 },
      window: { kind: 'tick', at },
    }).plan;
    expect(ticked.window).toEqual({ kind: 'tick', at: '2026-11-21T00:30:00.000Z' });
    expect(ticked.max_parallel).toBe(3);
    expect(ticked.matrix.include[0]).toMatchObject({ table: 'a.one', at: '2026-11-21T00:30:00.000Z' });
    const filled = buildPlan({
      tables,
      settings,
      window: { kind: 'backfill', from: '2026-01-01', to: '2026-01-31' },
    }).plan;
    expect(filled.window).toEqual({ kind: 'backfill', from: '2026-01-01', to: '2026-01-31' });
    expect(filled.matrix.include[0]).toMatchObject({ table: 'a.one', from: '2026-01-01', to: '2026-01-31' });
    expect(filled.tables[0]?.partitions).toHaveLength(31);
  });

  it('refuses an invalid instant', () => {
    expect(() => buildPlan({ tables, settings, window: { kind: 'tick', at: new Date('nope') } })).toThrow(
      'not a valid date',
    );
  });
});

describe('the bounds of a plan, checked before any partition list is built', () => {
  const at = new Date('2026-11-21T00:30:00Z');
  const many = (count: number, overrides: Parameters<typeof makeSpec>[1] = {}) =>
    Array.from({ length: count }, (_, i) => makeSpec(`ds.t${String(i).padStart(4, '0')}`, overrides));

  it('refuses a 10-year backfill of 2,000 tables at once, saying how to split it', () => {
    const tables = [
      ...many(1_800),
      ...many(200, { partitioning: HOURLY }).map((t) => ({ ...t, name: `h.${t.name}` })),
    ];
    const started = performance.now();
    expect(() =>
      buildPlan({ tables, settings, window: { kind: 'backfill', from: '2016-01-01', to: '2025-12-31' } }),
    ).toThrow(
      "the backfill 2016-01-01..2025-12-31 plans 24,109,800 partitions over 2,000 tables; one plan may hold at most 100,000 partitions (a project's BigQuery load jobs for a day): split it into ranges of at most 15 days (--from/--to), or load fewer tables per run with --only",
    );
    // Refused from spans alone: no 24-million-entry list was built on the way.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('plans exactly the cap, and one partition more is refused', () => {
    const tables = many(1_000);
    const fits = buildPlan({
      tables,
      settings,
      window: { kind: 'backfill', from: '2026-01-01', to: '2026-04-10' },
    });
    expect(fits.plan.tables.reduce((n, t) => n + t.partitions.length, 0)).toBe(MAX_PLAN_PARTITIONS);
    expect(() =>
      buildPlan({
        tables: [...tables, makeSpec('ds.extra')],
        settings,
        window: { kind: 'backfill', from: '2026-01-01', to: '2026-04-10' },
      }),
    ).toThrow('plans 100,100 partitions over 1,001 tables');
  });

  it('a tick over too many partitions names --only and lookback_days; disabled tables do not count', () => {
    const tables = many(300, { lookbackDays: 366 });
    expect(() => buildPlan({ tables, settings, window: { kind: 'tick', at } })).toThrow(
      "the tick at 2026-11-21T00:30:00.000Z plans 109,800 partitions over 300 tables; one plan may hold at most 100,000 partitions (a project's BigQuery load jobs for a day): load fewer tables per run with --only, or lower their lookback_days",
    );
    const halfOff = tables.map((t, i) => (i % 2 ? { ...t, enabled: false } : t));
    expect(buildPlan({ tables: halfOff, settings, window: { kind: 'tick', at } }).plan.tables).toHaveLength(
      300,
    );
  });

  it('when one day of the tables is already too much, only --only can split it', () => {
    expect(() =>
      checkPlanSize(
        {
          tables: many(10, { partitioning: HOURLY }).map((spec) => ({
            spec,
            span: {
              first: { year: 2026, month: 1, day: 1 },
              last: { year: 2026, month: 1, day: 1 },
              count: 1,
            },
          })),
          window: { kind: 'backfill', from: '2026-01-01', to: '2026-01-01' },
        },
        100,
      ),
    ).toThrow('one day of these tables alone has 240 partitions: load fewer tables per run with --only');
  });

  it('refuses instants and dates outside the days BigQuery partitions by, saying which', () => {
    expect(() =>
      buildPlan({
        tables: [makeSpec('a.b')],
        settings,
        window: { kind: 'tick', at: new Date('0001-01-01T00:00:00Z') },
      }),
    ).toThrow(
      'the tick at 0001-01-01T00:00:00.000Z (table a.b, in UTC) would load 0000-12-31, outside 1960-01-01..2159-12-31, the dates BigQuery partitions by',
    );
    expect(() =>
      buildPlan({
        tables: [makeSpec('a.b', { lookbackDays: 7 })],
        settings,
        window: { kind: 'tick', at: new Date('1960-01-03T00:00:00Z') },
      }),
    ).toThrow('would load 1959-12-27');
    expect(() =>
      buildPlan({
        tables: [makeSpec('a.b')],
        settings,
        window: { kind: 'backfill', from: '2159-12-30', to: '2160-01-02' },
      }),
    ).toThrow('the backfill 2159-12-30..2160-01-02 would load 2160-01-02, outside 1960-01-01..2159-12-31');
    expect(tick(makeSpec('a.b'), '1960-01-02T00:00:00Z')).toEqual(['19600101']);
    expect(tick(makeSpec('a.b'), '2160-01-01T12:00:00Z')).toEqual(['21591231']);
  });

  it('day arithmetic is right for years below 100 (no 1900s from Date.UTC)', () => {
    expect(formatDay(addDays({ year: 1, month: 1, day: 1 }, -1))).toBe('0000-12-31');
    expect(daysBetween({ year: 99, month: 12, day: 31 }, { year: 100, month: 1, day: 1 })).toBe(1);
  });

  it('--only with 2,000 tables names the closest few and a count, never the whole list', () => {
    const tables = many(2_000);
    const error = (() => {
      try {
        buildPlan({ tables, settings, window: { kind: 'tick', at }, only: ['ds.t01234', 't0042'] });
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('expected a refusal');
    })();
    expect(error.message).toBe(
      'unknown tables "ds.t01234", "t0042" — did you mean "ds.t0123", "ds.t0124", "ds.t0134", "ds.t0042"? (2,000 tables in all; `s3bq plan` lists them)',
    );
    expect(error.message.length).toBeLessThan(300);
  });
});
