import { describe, expect, it } from 'vitest';
import type { TableInfo } from '../../src/cloud/bigquery.js';
import { ensureTable, TableDriftError } from '../../src/lifecycle/ensure-table.js';
import { fakeServices } from './fake-services.js';
import { specOf } from './spec-fixture.js';

const ref = { projectId: 'p', datasetId: 'gold', tableId: 'orders' };
const noInference = async () => {
  throw new Error('should not infer');
};

describe('ensureTable', () => {
  it('creates a missing dataset and table with partitioning, filter, expiration, description, labels', async () => {
    const services = fakeServices({ bigquery: { getDataset: async () => undefined } });
    const spec = specOf({
      partitioning: {
        granularity: 'DAY',
        field: 'id',
        layout: 'dt={date}',
        requireFilter: true,
        expirationDays: 2,
      },
      description: 'orders',
      labels: { team: 'data' },
    });
    const outcome = await ensureTable(services.bigquery, {
      spec,
      ref,
      location: 'us',
      inferSchema: noInference,
    });
    expect(outcome.created).toEqual({ dataset: true, table: true });
    expect(services.state.tables.get('orders')).toEqual({
      schema: [{ name: 'id', type: 'INTEGER' }],
      timePartitioning: { type: 'DAY', field: 'id', expirationMs: String(2 * 86_400_000) },
      requirePartitionFilter: true,
      description: 'orders',
      labels: { team: 'data' },
    });
  });

  it('infers the schema only when the file has none', async () => {
    const services = fakeServices();
    await ensureTable(services.bigquery, {
      spec: specOf({ schema: undefined, format: 'PARQUET' }),
      ref,
      location: 'us',
      inferSchema: async () => [{ name: 'x', type: 'STRING', mode: 'NULLABLE' }],
    });
    expect(services.state.tables.get('orders')?.schema).toEqual([
      { name: 'x', type: 'STRING', mode: 'NULLABLE' },
    ]);
  });

  it('fails on a partitioning mismatch with an explanation', async () => {
    const services = fakeServices();
    services.state.tables.set('orders', {
      schema: [{ name: 'id', type: 'INTEGER' }],
      timePartitioning: { type: 'HOUR' },
    });
    const error = await ensureTable(services.bigquery, {
      spec: specOf(),
      ref,
      location: 'us',
      inferSchema: noInference,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TableDriftError);
    expect((error as Error).message).toMatch(
      /partitioned by HOUR .* asks for partitioned by DAY .*cannot change partitioning in place/,
    );
  });

  it('adds new columns as NULLABLE and leaves a matching table alone', async () => {
    let patched: Partial<TableInfo> | undefined;
    const services = fakeServices({
      bigquery: {
        patchTable: async (_ref, patch) => {
          patched = patch;
        },
      },
    });
    services.state.tables.set('orders', {
      schema: [{ name: 'id', type: 'INTEGER' }],
      timePartitioning: { type: 'DAY' },
    });
    await ensureTable(services.bigquery, { spec: specOf(), ref, location: 'us', inferSchema: noInference });
    expect(patched).toBeUndefined();
    const spec = specOf({
      schema: [
        { name: 'id', type: 'INTEGER' },
        { name: 'note', type: 'STRING', mode: 'REQUIRED' },
      ],
    });
    const outcome = await ensureTable(services.bigquery, {
      spec,
      ref,
      location: 'us',
      inferSchema: noInference,
    });
    expect(outcome.addedColumns).toEqual(['note']);
    expect(patched?.schema).toEqual([
      { name: 'id', type: 'INTEGER' },
      { name: 'note', type: 'STRING', mode: 'NULLABLE' },
    ]);
  });
});
