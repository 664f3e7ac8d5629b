// The workflows at the sizes a real data team reaches: 1,000 and 5,000 generated tables
// (long names, a few partitions each), checked against each GitHub and Linux limit the
// plan's and the report's text meets on the way — the PR comment (65,536 characters),
// a step summary (1 MiB), a job output (1 MB) and one environment variable (128 KiB).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ResultFile, TableResult } from '../../src/lifecycle/outcome.js';
import { buildPlan } from '../../src/plan/build.js';
import { renderPlanMarkdown, renderRunReport, type SourceCheck } from '../../src/report/index.js';
import { makeSpec } from '../plan/make-spec.js';
import { WORKFLOWS_DIR } from './linters.js';

const COMMENT_CHARS = 65_536;
const SUMMARY_BYTES = 1024 * 1024;
const JOB_OUTPUT_BYTES = 1_000_000;
const ENV_VAR_BYTES = 128 * 1024;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** `n` tables with names as long as teams write them, three days of lookback each. */
function planOf(n: number) {
  const tables = Array.from({ length: n }, (_, i) => {
    const id = String(i).padStart(5, '0');
    return makeSpec(`warehouse_${i % 40}.customer_order_line_items_daily_snapshot_${id}`, {
      lookbackDays: 3,
    });
  });
  const settings = { location: 'us', maxParallel: 10, timezone: 'UTC', project: 'analytics-prod-4242' };
  return buildPlan({ tables, settings, window: { kind: 'tick', at: new Date('2026-11-22T03:17:00Z') } });
}

function resultsOf(plan: ReturnType<typeof planOf>['plan']): ResultFile[] {
  const at = '2026-11-22T03:20:00.000Z';
  const tables = plan.tables.map(
    (t, i): TableResult => ({
      name: t.name,
      destination: t.destination,
      status: i % 50 === 0 ? 'failed' : 'loaded',
      ...(i % 50 === 0
        ? { message: 'Quota exceeded: Your project exceeded quota for imports per project' }
        : {}),
      partitions: t.partitions.map((p) => ({
        id: p.id,
        source: p.source,
        status: 'loaded',
        rows: 1_234_567,
        duration_ms: 90_000,
      })),
      started_at: at,
      finished_at: at,
      duration_ms: 180_000,
    }),
  );
  return [{ schema_version: 1, run: { id: '9001', attempt: '1' }, window: { kind: 'tick', at }, tables }];
}

const loadYml = parse(await readFile(join(WORKFLOWS_DIR, 'load.yml'), 'utf8')) as {
  jobs: Record<
    string,
    { steps: { uses?: string; env?: Record<string, string>; with?: Record<string, unknown> }[] }
  >;
};

describe.each([1000, 5000])('%i tables', (count) => {
  const { plan, planned } = planOf(count);
  const specs = planned.map((p) => p.spec);
  const detailsUrl = 'https://github.com/acme/lake/actions/runs/9001';

  it('the PR comment stays under 65,536 characters, for a few changed tables or all of them', () => {
    const few = plan.tables.slice(0, 3).map((t) => `tables/${t.name}.json`);
    const checks = new Map<string, SourceCheck>(
      plan.tables.flatMap((t) => t.partitions.map((p) => [p.source, { objects: 3 }] as const)),
    );
    for (const changed of [few, plan.tables.map((t) => `tables/${t.name}.json`)]) {
      for (const sourceCheck of [undefined, checks]) {
        const md = renderPlanMarkdown(plan, sourceCheck, { specs, changed, detailsUrl });
        expect(md.length).toBeLessThan(COMMENT_CHARS);
        expect(md).toContain(`${count.toLocaleString('en-US')} tables`);
        expect(md).toContain(`](${detailsUrl})`);
      }
    }
    const md = renderPlanMarkdown(plan, undefined, { specs, changed: few, detailsUrl });
    for (const name of few) expect(md).toContain(`**${name.slice(7, -5)}**`);
    expect(md).not.toContain(`**${plan.tables[3]!.name}**`);
  });

  it('the full plan in the step summary stays under 1 MiB', () => {
    const md = renderPlanMarkdown(plan, undefined, { specs });
    expect(bytes(md)).toBeLessThanOrEqual(SUMMARY_BYTES);
    expect(md).toContain(`**${plan.tables[0]!.name}**`);
  });

  it('the run report stays under 1 MiB', () => {
    const md = renderRunReport(resultsOf(plan), { title: 'Daily load 2026-11-22' });
    expect(bytes(md)).toBeLessThanOrEqual(SUMMARY_BYTES);
    expect(md).toContain(`❌ Failed (${Math.ceil(count / 50)})`);
  });

  it('the plan job’s outputs each stay under 1 MB', () => {
    const outputs = {
      matrix: JSON.stringify(plan.matrix),
      max_parallel: String(plan.max_parallel),
      jobs: String(plan.matrix.include.length),
    };
    for (const [name, value] of Object.entries(outputs))
      expect(bytes(value), name).toBeLessThan(JOB_OUTPUT_BYTES);
    expect(plan.matrix.include.length).toBeLessThanOrEqual(256);
  });

  it('no environment variable a step receives reaches 128 KiB', () => {
    // The action gets each input as INPUT_<NAME>: a packed job's table list is the largest.
    for (const entry of plan.matrix.include)
      for (const [key, value] of Object.entries(entry))
        expect(bytes(String(value)), key).toBeLessThan(ENV_VAR_BYTES);
    // No step takes a job output that grows with the tables (the matrix) through `env:`.
    for (const job of Object.values(loadYml.jobs))
      for (const step of job.steps)
        for (const value of Object.values({ ...step.env, ...step.with }))
          expect(String(value)).not.toMatch(/outputs\.matrix/);
  });
});
