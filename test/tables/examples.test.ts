import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTableDir } from '../../src/tables/load.js';

const examples = fileURLToPath(new URL('../../examples/tables', import.meta.url));
const team = fileURLToPath(new URL('../../tables', import.meta.url));
const settings = { location: 'us', maxParallel: 10, timezone: 'UTC' };

describe('examples/tables', () => {
  it('are valid and cover a daily Seoul lookback, an hourly table and a CSV with a schema', async () => {
    const { tables, diagnostics } = await loadTableDir(examples, settings);
    expect(diagnostics).toEqual([]);
    const byName = new Map(tables.map((t) => [t.name, t]));
    expect(byName.get('gold.orders')).toMatchObject({
      format: 'PARQUET',
      lookbackDays: 14,
      timezone: 'Asia/Seoul',
      partitioning: { granularity: 'DAY', field: undefined },
    });
    expect(byName.get('raw.clickstream')?.partitioning).toMatchObject({
      granularity: 'HOUR',
      layout: 'dt={date}/hour={H}',
    });
    expect(byName.get('finance.fx_rates')).toMatchObject({
      format: 'CSV',
      load: { csv: { skipLeadingRows: 1 } },
    });
    expect(byName.get('finance.fx_rates')?.schema?.length).toBeGreaterThan(0);
    for (const table of tables) {
      expect(table.source.bucket).toBe('demo-lake');
      // Editors resolve "$schema" relative to the file: it must reach tables/schema.json.
      const { $schema } = JSON.parse(readFileSync(table.file, 'utf8')) as { $schema: string };
      expect(existsSync(resolve(dirname(table.file), $schema))).toBe(true);
    }
  });
});

describe('tables/ (the team folder)', () => {
  it('is valid as committed', async () => {
    expect((await loadTableDir(team, settings)).diagnostics).toEqual([]);
  });
});
