import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../../src/pipeline/source-check.js';
import { buildPlan } from '../../src/plan/build.js';
import { PLAN_COMMENT_MARKER, renderPlanMarkdown } from '../../src/report/index.js';
import { loadTableDir } from '../../src/tables/load.js';

const ROOT = join(import.meta.dirname, '..', '..');
const settings = { location: 'us', maxParallel: 4, timezone: 'UTC', project: 'demo-project' };
const { tables } = await loadTableDir(join(ROOT, 'examples', 'tables'), settings);
const { plan, planned } = buildPlan({
  tables,
  settings,
  window: { kind: 'tick', at: new Date('2026-11-22T03:17:00Z') },
});
const specs = planned.map((p) => p.spec);

describe('renderPlanMarkdown', () => {
  it('starts with the marker the validate workflow finds its comment by', async () => {
    const md = renderPlanMarkdown(plan, undefined, { specs });
    expect(md.startsWith(`${PLAN_COMMENT_MARKER}\n`)).toBe(true);
    const workflow = await readFile(join(ROOT, '.github', 'workflows', 'validate.yml'), 'utf8');
    expect(workflow).toContain(`const marker = '${PLAN_COMMENT_MARKER}';`);
  });

  it('shows destination, partitioning and the partitions of each table', () => {
    const md = renderPlanMarkdown(plan, undefined, { specs });
    expect(md).toContain('at most 4 at once');
    expect(md).toContain('_S3 was not checked');
    for (const t of plan.tables) expect(md).toContain(`| **${t.name}** | \`${t.destination}\` |`);
    expect(md).toMatch(/\| \*\*raw\.clickstream\*\* .*\| HOUR by ingestion time/);
    expect(md).toContain('<details><summary>raw.clickstream: 24 partitions</summary>');
    expect(md).toContain('_…and 14 more partitions, up to `2026112123`._');
  });

  it('infers the granularity when no specs are given', () => {
    const md = renderPlanMarkdown(plan);
    expect(md).toMatch(/\| \*\*raw\.clickstream\*\* .*\| HOUR \|/);
  });

  it('says which partitions have files in S3, which would be skipped, and S3 errors', async () => {
    const listed: string[] = [];
    const s3 = {
      async listPrefix(bucket: string, prefix: string) {
        listed.push(`${bucket}/${prefix}`);
        if (prefix.includes('fx_rates')) throw new Error('Access Denied: check the IAM policy of the key');
        const empty = prefix.includes('hour=23') || prefix.includes('orders/dt=2026-11-21');
        const objects = empty ? [] : [1, 2, 3].map((i) => ({ key: `${prefix}${i}`, size: 10 }));
        return { objects, count: objects.length, nonEmpty: objects.length, truncated: false };
      },
    };
    const checks = await checkSources(plan, s3);
    expect(listed.length).toBe(new Set(plan.tables.flatMap((t) => t.partitions.map((p) => p.source))).size);
    const md = renderPlanMarkdown(plan, checks, { specs });
    expect(md).not.toContain('S3 was not checked');
    expect(md).toMatch(
      /\| \*\*finance\.fx_rates\*\* .*\| ❌ Access Denied: check the IAM policy of the key \|/,
    );
    expect(md).toMatch(/\| \*\*gold\.orders\*\* .*\| ⚠️ 13 with files, 1 without \|/);
    expect(md).toContain(
      '| `2026112100` | `s3://demo-lake/events/raw/clickstream/dt=2026-11-21/hour=0/` | ✅ 3 files |',
    );
  });

  it('as the PR comment: only the changed tables, the whole plan’s totals and a link to the rest', () => {
    const md = renderPlanMarkdown(plan, undefined, {
      specs,
      changed: ['tables/gold.orders.json', 'tables/schema.json', 'tables/old.table.json', 'tables/README.md'],
      detailsUrl: 'https://github.com/acme/lake/actions/runs/7',
    });
    expect(md.startsWith(`${PLAN_COMMENT_MARKER}\n`)).toBe(true);
    expect(md).toContain(
      'What a tick at `2026-11-22T03:17:00.000Z` would load: 3 tables, 3 with partitions to load',
    );
    expect(md).toContain('This pull request changes 1 planned table, shown below.');
    expect(md).toContain('| **gold.orders** |');
    expect(md).not.toContain('**raw.clickstream**');
    expect(md).not.toContain('raw.clickstream: 24 partitions');
    expect(md).toContain('Removed or renamed (no longer planned): `old.table`.');
    expect(md).toContain(
      "The full plan of all 3 tables is in [this check's summary](https://github.com/acme/lake/actions/runs/7).",
    );
    const none = renderPlanMarkdown(plan, undefined, { specs, changed: [] });
    expect(none).toContain('This pull request changes no table that the plan loads.');
    expect(none).toContain('printed by `npx s3bq plan`');
  });

  it('over its size budget: whole rows first, then as many details as fit, and says what is left out', () => {
    const full = renderPlanMarkdown(plan, undefined, { specs });
    expect(full).not.toContain('not shown');
    const limitBytes = Buffer.byteLength(full, 'utf8') - 200;
    const cut = renderPlanMarkdown(plan, undefined, { specs, limitBytes });
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(limitBytes);
    for (const t of plan.tables) expect(cut).toContain(`| **${t.name}** |`);
    expect(cut).toContain('_Partition details of the other tables do not fit here._');
    const tiny = renderPlanMarkdown(plan, undefined, { specs, limitBytes: 800 });
    expect(Buffer.byteLength(tiny, 'utf8')).toBeLessThanOrEqual(800);
    expect(tiny).toMatch(/_…and \d+ more tables? not shown: too many for GitHub's size limit._/);
  });
});
