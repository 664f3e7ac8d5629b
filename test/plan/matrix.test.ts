import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/build.js';
import {
  buildMatrix,
  JOB_OVERHEAD_MINUTES,
  jobBudget,
  MAX_JOB_MINUTES,
  MAX_MATRIX_JOBS,
  MAX_MATRIX_OUTPUT_BYTES,
  packTables,
  TABLE_TIMEOUT_MINUTES,
} from '../../src/plan/matrix.js';
import { makeSpec } from './make-spec.js';

const names = (n: number, width = 6) =>
  Array.from({ length: n }, (_, i) => `t${String(i).padStart(width, '0')}`);
const tick = { kind: 'tick', at: '2026-11-21T00:30:00.000Z' } as const;

describe('the matrix stays within 256 jobs and 1 MB', () => {
  it('256 tables: one job each', () => {
    const { include } = buildMatrix(names(256), tick);
    expect(include).toHaveLength(256);
    expect(include.every((e) => !e.table.includes(','))).toBe(true);
  });

  it.each([257, 1000])('%i tables: 256 jobs of near-equal size, every table once, in order', (count) => {
    const all = names(count);
    const { include } = buildMatrix(all, tick);
    expect(include).toHaveLength(MAX_MATRIX_JOBS);
    const sizes = include.map((e) => e.table.split(',').length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(include.flatMap((e) => e.table.split(','))).toEqual(all);
    expect(include.every((e) => e.at === tick.at)).toBe(true);
    expect(Buffer.byteLength(JSON.stringify({ include }))).toBeLessThan(MAX_MATRIX_OUTPUT_BYTES);
  });

  it('packTables with few names keeps one per group', () => {
    expect(packTables(['a', 'b'], 256)).toEqual([['a'], ['b']]);
    expect(packTables([], 256)).toEqual([]);
    expect(packTables(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('refuses a matrix over the output limit with what to do', () => {
    expect(() => buildMatrix(names(8000, 127), tick)).toThrow(
      /over GitHub's job output limit .*split the tables/,
    );
  });

  it('buildPlan packs 1000 tables and still reports max_parallel', () => {
    const tables = names(1000).map((n) => makeSpec(`ds.${n}`));
    const { plan } = buildPlan({
      tables,
      settings: { location: 'us', maxParallel: 10, timezone: 'UTC' },
      window: { kind: 'backfill', from: '2026-01-01', to: '2026-01-02' },
    });
    expect(plan.matrix.include).toHaveLength(256);
    expect(plan.matrix.include[0]).toEqual({
      table: 'ds.t000000,ds.t000001,ds.t000002,ds.t000003',
      from: '2026-01-01',
      to: '2026-01-02',
      timeout: '86m',
      job_timeout_minutes: 359,
    });
    expect(plan.max_parallel).toBe(10);
  });
});

describe("a packed job's timeout follows from what it packs", () => {
  it('one table: the full 2h lifecycle, plus the job overhead', () => {
    expect(jobBudget(1)).toEqual({
      tableMinutes: TABLE_TIMEOUT_MINUTES,
      jobMinutes: TABLE_TIMEOUT_MINUTES + JOB_OVERHEAD_MINUTES,
    });
    const [entry] = buildMatrix(['gold.orders'], tick).include;
    expect(entry).toMatchObject({ timeout: '120m', job_timeout_minutes: 135 });
  });

  it.each([1, 2, 3, 4, 8, 20, 40])(
    '%i tables one after another: every table its time, the job within 6 hours',
    (count) => {
      const { tableMinutes, jobMinutes } = jobBudget(count);
      expect(tableMinutes).toBeLessThanOrEqual(TABLE_TIMEOUT_MINUTES);
      // Each table's own timeout fires, and the action cleans up, before GitHub kills the job.
      expect(count * tableMinutes + JOB_OVERHEAD_MINUTES).toBeLessThanOrEqual(jobMinutes);
      expect(jobMinutes).toBeLessThanOrEqual(MAX_JOB_MINUTES);
      if (count <= 2) expect(tableMinutes).toBe(TABLE_TIMEOUT_MINUTES);
    },
  );

  it('5,000 tables: 19 or 20 a job, 17 or 18 minutes each, under 6 hours a job', () => {
    const { include } = buildMatrix(names(5000), tick);
    const budgets = new Set(
      include.map((e) => `${e.table.split(',').length} × ${e.timeout} = ${e.job_timeout_minutes}`),
    );
    expect(budgets).toEqual(new Set(['20 × 17m = 355', '19 × 18m = 357']));
  });
});
