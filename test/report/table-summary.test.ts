import { describe, expect, it } from 'vitest';
import { renderTableSummary, renderTextReport } from '../../src/report/index.js';
import { clicks, events, orders, weather } from './fixtures.js';

describe('renderTableSummary', () => {
  it('shows the outcome, destination, partitions and a console link to the transfer runs', () => {
    const md = renderTableSummary(orders, { projectId: 'demo-project', location: 'us' });
    expect(md.split('\n')[0]).toBe('### ✅ gold.orders — loaded');
    expect(md).toContain(
      '[`demo-project.gold.orders`](https://console.cloud.google.com/bigquery?project=demo-project',
    );
    // A failed table links to the runs of the partition that failed (its config is per partition).
    expect(renderTableSummary(clicks, { projectId: 'demo-project', location: 'us' })).toContain(
      'https://console.cloud.google.com/bigquery/transfers/locations/us/configs/6a1b2c3d-0000-1111-2222-333344445555/runs?project=demo-project',
    );
    expect(md).toContain('| `20261121` | ✅ loaded | 120,345 | 1m 1s |  |');
    expect(md).toContain('218,346 rows');
  });

  it('tells why a table failed, at which step, without secrets', () => {
    const md = renderTableSummary(clicks, {});
    expect(md).toContain('> [!CAUTION]\n> Failed at step `wait`: Access Denied');
    expect(md).not.toContain('AKIAABCDEFGHIJKLMNOP');
  });

  it('lists warnings and mixed partition outcomes', () => {
    const md = renderTableSummary(events, {});
    expect(md).toContain('1 loaded, 1 skipped');
    expect(md).toContain('> [!WARNING]\n> - Partition 20261120 had no files');
  });
});

describe('renderTextReport', () => {
  const results = [weather, orders, clicks, events];

  it('aligns one line per table, failed first, skipped set apart, then totals', () => {
    const text = renderTextReport(results, { color: false });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^✖ failed {3}bronze\.clicks {2}/);
    const tableLines = lines.filter((l) => /^[✔✖–] /.test(l));
    expect(tableLines).toHaveLength(4);
    // Every column starts at the same place: the destination column lines up.
    const at = tableLines.map((l) => l.indexOf('demo-project.'));
    expect(new Set(at).size).toBe(1);
    const skippedHeader = lines.findIndex((l) => l.startsWith('Skipped'));
    expect(skippedHeader).toBeGreaterThan(lines.findIndex((l) => l.includes('silver.events')));
    expect(lines[skippedHeader + 1]).toContain('raw.weather');
    expect(text).toContain('Totals: 4 tables — 2 loaded, 1 skipped, 1 failed · 6 partitions · 223,346 rows');
    expect(text).not.toContain('AKIAABCDEFGHIJKLMNOP');
    expect(text.includes('\u001b[')).toBe(false);
  });

  it('colours only when asked', () => {
    expect(renderTextReport(results, { color: true })).toContain('\u001b[31m✖ failed');
  });

  it('says when nothing was planned', () => {
    expect(renderTextReport([])).toContain('nothing to load');
  });
});
