// The lifecycle against the local cloud: every outcome, repeated ticks, cleanup.
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudServices, createCloudServices } from '../../src/cloud/index.js';
import { parseConfigName, runTable } from '../../src/lifecycle/index.js';
import type { LifecycleOptions } from '../../src/lifecycle/types.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { CSV_SCHEMA, csvRows, csvTable, type Fixture, QUICK_TIMING, startFixture } from './local-fixture.js';

const AT = '2026-11-21T03:00:00Z';
let fixture: Fixture;
let services: CloudServices;

beforeAll(async () => {
  fixture = await startFixture();
  await fixture.createBucket('lake');
});
afterAll(async () => {
  await services?.close();
  await fixture?.stop();
});

async function servicesFor(): Promise<CloudServices> {
  if (!services) {
    const { settings } = await fixture.plan({ at: AT });
    services = createCloudServices({ env: fixture.env, settings });
  }
  return services;
}

async function planFor(name: string, selectors: { at?: string; from?: string; to?: string } = { at: AT }) {
  const { planned, settings } = await fixture.plan({ ...selectors, only: name });
  const table = planned[0];
  if (!table) throw new Error(`no plan for ${name}`);
  return { table, settings };
}

async function options(extra: Partial<LifecycleOptions> = {}): Promise<LifecycleOptions> {
  const { settings } = await fixture.plan({ at: AT });
  return {
    services: await servicesFor(),
    settings,
    timeoutMs: 30_000,
    runLabel: 'test',
    timing: QUICK_TIMING,
    ...extra,
  };
}

/** Tick configs still present: there must be none after any lifecycle. */
async function tickConfigsLeft(): Promise<string[]> {
  const configs = await (await servicesFor()).dts.listConfigs();
  return configs.filter((c) => parseConfigName(c.displayName)?.kind === 'tick').map((c) => c.displayName);
}

async function rowsOf(dataset: string, table: string): Promise<Map<string, number>> {
  const s = await servicesFor();
  return s.bigquery.partitionRows({ projectId: s.projectId, datasetId: dataset, tableId: table });
}

describe('runTable on the local cloud', () => {
  it('loads the partition that has files and skips the one that has none', async () => {
    await fixture.writeTable(
      'gold.orders',
      csvTable('s3://lake/gold/orders', {
        lookback_days: 2,
      }),
    );
    await fixture.putObject('lake', 'gold/orders/dt=2026-11-20/part-0.csv', csvRows(5));
    await fixture.putObject('lake', 'gold/orders/dt=2026-11-20/sub/part-1.csv', csvRows(3, 100));
    const { table } = await planFor('gold.orders');
    const created: string[] = [];
    const deleted: string[] = [];
    const result = await runTable(
      table,
      await options({ onConfigCreated: (n) => created.push(n), onConfigDeleted: (n) => deleted.push(n) }),
    );
    expect(result.status).toBe('loaded');
    const byId = Object.fromEntries(result.partitions.map((p) => [p.id, p]));
    expect(byId['20261119']?.status).toBe('skipped');
    expect(byId['20261120']).toMatchObject({ status: 'loaded', rows: 8 });
    expect(byId['20261120']?.run_name).toMatch(/\/runs\//);
    expect(created).toHaveLength(1);
    expect(deleted).toEqual(created);
    expect(await tickConfigsLeft()).toEqual([]);

    // Cloud Logging, the second source, holds the same run's messages.
    const runName = byId['20261120']?.run_name ?? '';
    const query = {
      configId: /transferConfigs\/([^/]+)/.exec(runName)?.[1] ?? '',
      runId: runName.split('/').pop() ?? '',
      from: new Date(Date.now() - 600_000),
      to: new Date(Date.now() + 600_000),
    };
    const messages = await (await servicesFor()).logging.runMessages(query);
    expect(messages.map((m) => m.text).join('\n')).toMatch(/Moving data from Amazon S3/);
    const { settings } = await fixture.plan({ at: AT });
    const rest = createCloudServices({ env: fixture.env, settings, transport: 'rest' });
    try {
      expect(await rest.logging.runMessages(query)).toEqual(messages);
    } finally {
      await rest.close();
    }

    // A repeated tick replaces the partition: same rows, nothing doubled.
    const again = await runTable(table, await options());
    expect(again.status).toBe('loaded');
    expect((await rowsOf('gold', 'orders')).get('20261120')).toBe(8);
    expect(await tickConfigsLeft()).toEqual([]);
  });

  it('loads a column-partitioned table through the partition decorator, replacing one partition only', async () => {
    await fixture.writeTable('gold.visits', {
      source: 's3://lake/gold/visits',
      format: 'CSV',
      schema: [
        { name: 'id', type: 'INTEGER' },
        { name: 'day', type: 'DATE' },
      ],
      csv: { skip_leading_rows: 1 },
      partitioning: { field: 'day' },
      lookback_days: 2,
    });
    await fixture.putObject(
      'lake',
      'gold/visits/dt=2026-11-19/a.csv',
      'id,day\n1,2026-11-19\n2,2026-11-19\n',
    );
    await fixture.putObject('lake', 'gold/visits/dt=2026-11-20/a.csv', 'id,day\n3,2026-11-20\n');
    const { table } = await planFor('gold.visits');
    expect((await runTable(table, await options())).status).toBe('loaded');
    await fixture.putObject(
      'lake',
      'gold/visits/dt=2026-11-20/a.csv',
      'id,day\n3,2026-11-20\n4,2026-11-20\n',
    );
    expect((await runTable(table, await options())).status).toBe('loaded');
    const rows = await rowsOf('gold', 'visits');
    expect([rows.get('20261119'), rows.get('20261120')]).toEqual([2, 2]);
  });

  it('skips a table without files and creates no config', async () => {
    await fixture.writeTable('gold.empty', {
      source: 's3://lake/gold/empty',
      format: 'CSV',
      schema: CSV_SCHEMA,
    });
    const { table } = await planFor('gold.empty');
    const created: string[] = [];
    const result = await runTable(table, await options({ onConfigCreated: (n) => created.push(n) }));
    expect(result.status).toBe('skipped');
    expect(result.partitions[0]?.message).toMatch(/no files under s3:\/\/lake\/gold\/empty\/dt=2026-11-20\//);
    expect(created).toEqual([]);
  });

  it('fails on a missing bucket, naming it, and never skips', async () => {
    await fixture.writeTable('gold.nobucket', {
      source: 's3://no-such-bucket/gold/x',
      format: 'CSV',
      schema: CSV_SCHEMA,
    });
    const { table } = await planFor('gold.nobucket');
    const result = await runTable(table, await options());
    expect(result.status).toBe('failed');
    expect(result.failed_step).toBe('precheck');
    expect(result.message).toMatch(/no-such-bucket/);
    expect(result.message).toMatch(/does not exist/);
  });

  it('fails a partition whose run FAILED with DTS error text, and deletes the config', async () => {
    await fixture.writeTable('gold.failing', csvTable('s3://lake/gold/failing'));
    await fixture.putObject('lake', 'gold/failing/dt=2026-11-20/a.csv', csvRows(2));
    fixture.cloud.faults.add({
      service: 'dts',
      method: 'run',
      kind: 'fail-run',
      message: 'Injected: access to S3 lost',
    });
    const { table } = await planFor('gold.failing');
    const result = await runTable(table, await options());
    expect(result.status).toBe('failed');
    expect(result.failed_step).toBe('wait');
    expect(result.partitions[0]?.message).toMatch(/FAILED: Injected: access to S3 lost/);
    expect(await tickConfigsLeft()).toEqual([]);
  });

  it('times out a hung wait and still cleans up', async () => {
    await fixture.writeTable('gold.slow', csvTable('s3://lake/gold/slow'));
    await fixture.putObject('lake', 'gold/slow/dt=2026-11-20/a.csv', csvRows(2));
    const fault = fixture.cloud.faults.add({
      service: 'dts',
      method: 'GetTransferRun',
      kind: 'hang',
      times: -1,
    });
    const { table } = await planFor('gold.slow');
    const started = Date.now();
    const result = await runTable(table, await options({ timeoutMs: 1_500 }));
    fixture.cloud.faults.remove(fault);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.status).toBe('failed');
    expect(result.partitions[0]?.message).toMatch(/timed out after/);
    expect(await tickConfigsLeft()).toEqual([]);
  });

  it('stops on cancellation mid-wait and still cleans up', async () => {
    await fixture.writeTable('gold.cancel', csvTable('s3://lake/gold/cancel'));
    await fixture.putObject('lake', 'gold/cancel/dt=2026-11-20/a.csv', csvRows(2));
    const fault = fixture.cloud.faults.add({
      service: 'dts',
      method: 'GetTransferRun',
      kind: 'hang',
      times: -1,
    });
    const controller = new AbortController();
    const { table } = await planFor('gold.cancel');
    const pending = runTable(
      table,
      await options({
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'run-started') setTimeout(() => controller.abort(new Error('SIGINT')), 200);
        },
      }),
    );
    const result = await pending;
    fixture.cloud.faults.remove(fault);
    expect(result.status).toBe('failed');
    expect(result.partitions[0]?.message).toMatch(/cancelled/);
    expect(await tickConfigsLeft()).toEqual([]);
  });

  it('WRITE_APPEND keeps one long-lived config per partition and duplicates nothing on a repeated tick', async () => {
    await fixture.writeTable(
      'gold.events',
      csvTable('s3://lake/gold/events', {
        write_disposition: 'WRITE_APPEND',
      }),
    );
    await fixture.putObject('lake', 'gold/events/dt=2026-11-20/a.csv', csvRows(4));
    const { table } = await planFor('gold.events');
    const first = await runTable(table, await options());
    expect(first.status).toBe('loaded');
    expect(first.partitions[0]?.rows).toBe(4);
    const second = await runTable(table, await options());
    expect(second.status).toBe('skipped');
    expect(second.partitions[0]?.message).toMatch(/no new files/i);
    expect((await rowsOf('gold', 'events')).get('20261120')).toBe(4);
    const configs = await (await servicesFor()).dts.listConfigs();
    const kept = configs.map((c) => parseConfigName(c.displayName)).filter((m) => m?.kind === 'append');
    expect(kept.filter((m) => m?.kind === 'append' && m.destination.endsWith('.gold.events'))).toEqual([
      expect.objectContaining({ partition: '20261120' }),
    ]);
  });

  it('infers a Parquet schema from the footer and loads an HOUR table with an unpadded-hour layout', async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: new BigInt64Array([1n, 2n, 3n]), type: 'INT64' },
        { name: 'label', data: ['a', 'b', 'c'], type: 'STRING' },
      ],
    });
    await fixture.writeTable('silver.clicks', {
      source: 's3://lake/silver/clicks',
      partitioning: { granularity: 'HOUR' },
    });
    await fixture.putObject(
      'lake',
      'silver/clicks/dt=2026-11-20/hour=3/part-0.parquet',
      new Uint8Array(buffer),
    );
    await fixture.putObject(
      'lake',
      'silver/clicks/dt=2026-11-20/hour=13/part-0.parquet',
      new Uint8Array(buffer),
    );
    const { table } = await planFor('silver.clicks');
    const result = await runTable(table, await options());
    expect(result.status, JSON.stringify(result)).toBe('loaded');
    const loaded = result.partitions.filter((p) => p.status === 'loaded').map((p) => [p.id, p.rows]);
    expect(loaded).toEqual([
      ['2026112003', 3],
      ['2026112013', 3],
    ]);
    const info = await (await servicesFor()).bigquery.getTable({
      projectId: services.projectId,
      datasetId: 'silver',
      tableId: 'clicks',
    });
    expect(info?.schema.map((f) => [f.name, f.type])).toEqual([
      ['id', 'INTEGER'],
      ['label', 'STRING'],
    ]);
    expect(info?.timePartitioning?.type).toBe('HOUR');
    expect(await tickConfigsLeft()).toEqual([]);
  });

  it('runs many tables with bounded parallelism and leaves no config', async () => {
    const names: string[] = [];
    for (let i = 0; i < 6; i++) {
      const name = `bulk.t${i}`;
      names.push(name);
      await fixture.writeTable(
        name,
        csvTable(`s3://lake/bulk/t${i}`, {
          lookback_days: 2,
        }),
      );
      await fixture.putObject('lake', `bulk/t${i}/dt=2026-11-19/a.csv`, csvRows(1));
      await fixture.putObject('lake', `bulk/t${i}/dt=2026-11-20/a.csv`, csvRows(2));
    }
    const { planned, settings } = await fixture.plan({ at: AT, only: names.join(',') });
    let inFlight = 0;
    let peak = 0;
    const results = await runPipeline(
      planned,
      { ...settings, maxParallel: 3 },
      { timeoutMs: 30_000, dryRun: false, transport: 'grpc', runLabel: 'test' },
      {
        env: fixture.env,
        signal: new AbortController().signal,
        services: await servicesFor(),
        timing: QUICK_TIMING,
        onEvent: (e) => {
          if (e.type === 'run-started') peak = Math.max(peak, ++inFlight);
          if (e.type === 'run-ended') inFlight--;
        },
      },
    );
    expect(results.map((r) => r.status)).toEqual(names.map(() => 'loaded'));
    expect(peak).toBeLessThanOrEqual(3);
    expect(await tickConfigsLeft()).toEqual([]);
  });
});
