import { describe, expect, it } from 'vitest';
import type { ResultFile } from '../../src/lifecycle/outcome.js';
import { mermaidText, renderGantt, renderRunReport } from '../../src/report/index.js';
import { clicks, files, jobs, table, window } from './fixtures.js';
import { checkGantt, mermaidBlock } from './gantt-check.js';

const runUrl = 'https://github.com/acme/lake/actions/runs/9001';

describe('renderRunReport', () => {
  const md = renderRunReport(files, { jobs, runUrl });

  it('titles the run after its window and totals every outcome', () => {
    expect(md.split('\n')[0]).toBe('## Daily load 2026-11-22');
    expect(md).toContain(
      '**❌ 1 failed · ✅ 2 loaded · ⏭️ 1 skipped** — 4 tables · 6 partitions · 223,346 rows',
    );
    expect(md).toContain('| ✅ loaded | 2 | 4 | 223,346 |');
    expect(md).toContain(`[workflow run](${runUrl})`);
  });

  it('puts failed tables first with the latest attempt’s message, escaped and without secrets', () => {
    const failed = md.indexOf('### ❌ Failed (1)');
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(md.indexOf('### ✅ Loaded'));
    expect(md).not.toContain('first attempt');
    expect(md).toContain('s3://lake/clicks \\| check the IAM policy');
    expect(md).toContain('&lt;uri&gt;');
    expect(md).not.toContain('AKIAABCDEFGHIJKLMNOP');
  });

  it('sets skipped tables apart and links every table to its job', () => {
    const skipped = md.slice(md.indexOf('### ⏭️ Skipped (1)'), md.indexOf('### ⚠️ Warnings'));
    expect(skipped).toContain('raw.weather');
    expect(skipped).not.toContain('gold.orders');
    expect(md).toMatch(
      /\| gold\.orders \|.*\[job\]\(https:\/\/github\.com\/acme\/lake\/actions\/runs\/9001\/job\/2\) \|/,
    );
    expect(md).toMatch(/\| \*\*bronze\.clicks\*\* \|.*\/job\/3\) \|/);
  });

  it('keeps every Markdown table rectangular', () => {
    const tableLines = md.split('\n').filter((l) => l.startsWith('|'));
    expect(tableLines.length).toBeGreaterThan(10);
    for (const line of tableLines) {
      const cells = line.replace(/\\\|/g, '').split('|').length;
      // Each table's rows have as many cells as its header: find the header above.
      expect(cells, line).toBeGreaterThanOrEqual(6);
    }
    const blocks = md.split(/\n\n+/).filter((b) => b.startsWith('|'));
    for (const block of blocks) {
      const widths = new Set(block.split('\n').map((l) => l.replace(/\\\|/g, '').split('|').length));
      expect(widths.size, block).toBe(1);
    }
  });

  it('charts when each table loaded as a gantt Mermaid can read', () => {
    const gantt = mermaidBlock(md);
    expect(gantt).toBeDefined();
    expect(checkGantt(gantt!)).toEqual([]);
    const tasks = gantt!.split('\n').filter((l) => / :(done|crit|active), /.test(l));
    expect(tasks.map((l) => l.trim().split(' :')[0])).toEqual([
      'gold.orders',
      'silver.events',
      'raw.weather',
      'bronze.clicks',
    ]);
    expect(tasks[3]).toContain(':crit, t4, 2026-11-22 03:20:41, 2026-11-22 03:21:02');
  });

  it('escapes Mermaid-hostile names', () => {
    const hostile = table({ name: 'title: x; #y %% z <b>', status: 'loaded' });
    const gantt = renderGantt([hostile, table({ name: 'section', status: 'failed' })])!;
    expect(checkGantt(gantt.source)).toEqual([]);
    expect(mermaidText('a:b;c#d')).toBe('a b c d');
    expect(mermaidText('section x')).toBe('table section x');
  });

  it('names a backfill after its tables and range', () => {
    const backfill: ResultFile[] = [
      {
        schema_version: 1,
        window: { kind: 'backfill', from: '2026-01-01', to: '2026-01-31' },
        tables: [clicks],
      },
    ];
    expect(renderRunReport(backfill).split('\n')[0]).toBe('## Backfill bronze.clicks 2026-01-01..2026-01-31');
  });

  it('says so when there are no results', () => {
    expect(renderRunReport([])).toContain('No table results were found');
  });

  it('stays under the size limit, dropping partition details first, then lines', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      table({
        name: `ds.table_${String(i).padStart(3, '0')}`,
        status: i % 7 === 0 ? 'failed' : 'loaded',
        message:
          i % 7 === 0 ? 'Quota exceeded: Your project exceeded quota for imports per project' : undefined,
        partitions: Array.from({ length: 30 }, (_, d) => ({
          id: `202601${String(d + 1).padStart(2, '0')}`,
          source: `s3://lake/t${i}/dt=2026-01-${String(d + 1).padStart(2, '0')}/`,
          status: 'loaded' as const,
          rows: 1000,
        })),
      }),
    );
    const big: ResultFile[] = [{ schema_version: 1, window, tables: many }];
    const full = renderRunReport(big, { limitBytes: 10_000_000 });
    expect(full).toContain('<details>');

    const compact = renderRunReport(big, { limitBytes: 200_000 });
    expect(Buffer.byteLength(compact)).toBeLessThanOrEqual(200_000);
    expect(compact).not.toContain('<details>');
    expect(compact).toContain('shortened to fit');
    expect(checkGantt(mermaidBlock(compact)!)).toEqual([]);

    const cut = renderRunReport(big, { limitBytes: 20_000 });
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(20_000);
    expect(cut).toContain('shortened to fit');
    expect((cut.match(/```/g) ?? []).length % 2).toBe(0);
  });
});
