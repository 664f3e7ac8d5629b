// The demo's closing table: rows per partition asked of BigQuery through the official
// client, and rendered small (long partition lists folded).
import { startLocalCloud } from '@s3bq/local-cloud';
import { describe, expect, it } from 'vitest';
import { createBigQueryClient } from '../../src/cloud/bigquery.js';
import {
  type DemoTable,
  partitionsQuery,
  queryPartitionRows,
  renderPartitionRows,
} from '../../src/demo/partition-table.js';

const orders: DemoTable = {
  name: 'gold.orders',
  projectId: 'local-project',
  datasetId: 'gold',
  tableId: 'orders',
};
const rates: DemoTable = {
  name: 'finance.fx_rates',
  projectId: 'p',
  datasetId: 'finance',
  tableId: 'fx_rates',
};

describe('renderPartitionRows', () => {
  it('shows every partition of a short table and folds the middle of a long one', () => {
    const long = Array.from({ length: 10 }, (_, i) => ({ id: `202611${String(10 + i)}`, rows: 100 + i }));
    expect(
      renderPartitionRows([
        {
          table: rates,
          partitions: [
            { id: '20261119', rows: 1234 },
            { id: '20261120', rows: 7 },
          ],
        },
        { table: orders, partitions: long },
        { table: { ...orders, name: 'empty', tableId: 'empty' }, partitions: [] },
        { table: { ...orders, name: 'broken', tableId: 'broken' }, partitions: [], error: 'Syntax error' },
      ]),
    ).toBe(
      [
        'finance.fx_rates → p.finance.fx_rates: 2 partitions, 1,241 rows',
        '  partition    rows',
        '  20261119    1,234',
        '  20261120        7',
        'gold.orders → local-project.gold.orders: 10 partitions, 1,045 rows',
        '  partition   rows',
        '  20261110     100',
        '  20261111     101',
        '  20261112     102',
        '  … 4 more partitions',
        '  20261117     107',
        '  20261118     108',
        '  20261119     109',
        'empty → local-project.gold.empty: 0 partitions, 0 rows',
        'broken → local-project.gold.broken: could not query it: Syntax error',
        '',
      ].join('\n'),
    );
  });

  it("asks INFORMATION_SCHEMA.PARTITIONS of the table's own dataset", () => {
    expect(partitionsQuery(orders)).toBe(
      'SELECT partition_id, total_rows FROM `local-project.gold.INFORMATION_SCHEMA.PARTITIONS` WHERE table_name = @table ORDER BY partition_id',
    );
  });
});

describe('queryPartitionRows', () => {
  it('queries the local BigQuery through @google-cloud/bigquery', async () => {
    const cloud = await startLocalCloud();
    try {
      const client = createBigQueryClient({
        env: cloud.env,
        projectId: cloud.projectId,
        location: 'us',
        timeoutMs: 10_000,
      });
      await client.dataset('gold').create({ location: 'us' });
      await client
        .dataset('gold')
        .table('orders')
        .create({ schema: { fields: [{ name: 'id', type: 'STRING' }] }, timePartitioning: { type: 'DAY' } });
      const local = { ...orders, projectId: cloud.projectId };
      const missing = { ...local, name: 'gone', datasetId: 'nowhere' };
      const results = await queryPartitionRows(cloud.env, 'us', [missing, local]);
      // A table whose query fails is named with why; the others are still answered.
      expect(results[0]).toMatchObject({ table: missing, partitions: [], error: expect.any(String) });
      expect(results[1]).toEqual({ table: local, partitions: [] });
    } finally {
      await cloud.stop();
    }
  }, 30_000);
});
