// runTable against test doubles: step failures, cleanup paths, the second log source.
import { describe, expect, it } from 'vitest';
import { CloudError } from '../../src/cloud/errors.js';
import { runTable } from '../../src/lifecycle/index.js';
import { MAX_RUN_ATTEMPTS } from '../../src/lifecycle/partition.js';
import type { LifecycleOptions } from '../../src/lifecycle/types.js';
import { fakeServices, instantClock } from './fake-services.js';
import { partitionOf, plannedOf, specOf } from './spec-fixture.js';

const settings = { location: 'us', maxParallel: 2, timezone: 'UTC' };
const options = (
  services: ReturnType<typeof fakeServices>,
  extra: Partial<LifecycleOptions> = {},
): LifecycleOptions => ({
  services,
  settings,
  clock: instantClock,
  timeoutMs: 10_000,
  runLabel: 'test',
  ...extra,
});
const twoDays = plannedOf(specOf(), [partitionOf('2026-11-19'), partitionOf('2026-11-20')]);

describe('runTable with test doubles', () => {
  it('loads each partition through a config of its own, one run each, then deletes them', async () => {
    const services = fakeServices();
    services.state.rows.set('20261119', 3).set('20261120', 5);
    const result = await runTable(twoDays, options(services));
    expect(result.status).toBe('loaded');
    expect(result.partitions.map((p) => p.rows)).toEqual([3, 5]);
    const created = services.state.calls.filter((c) => c.startsWith('create ')).sort();
    expect(created).toEqual([
      expect.stringMatching(/^create s3bq\|gold\.orders\|20261119\|test\|q\d+\.0@[a-z0-9]+$/),
      expect.stringMatching(/^create s3bq\|gold\.orders\|20261120\|test\|q\d+\.0@[a-z0-9]+$/),
    ]);
    // Each run is requested at the instant its files were last checked: never in the future.
    expect(services.state.calls.filter((c) => c.startsWith('start '))).toEqual([
      'start 2026-11-21T03:00:00.000Z',
      'start 2026-11-21T03:00:00.000Z',
    ]);
    expect(services.state.configs.size).toBe(0);
  });

  it('fails the table naming the step when the destination cannot be made, and creates no config', async () => {
    const services = fakeServices({
      bigquery: {
        getDataset: async () => {
          throw new CloudError(
            'bigquery',
            'datasets.get',
            'PERMISSION_DENIED',
            'caller lacks bigquery.datasets.get',
          );
        },
      },
    });
    const result = await runTable(twoDays, options(services));
    expect(result).toMatchObject({ status: 'failed', failed_step: 'ensure-table' });
    expect(result.message).toMatch(/ensure-table: caller lacks bigquery\.datasets\.get/);
    expect(services.state.calls.some((c) => c.startsWith('create '))).toBe(false);
  });

  it('asks Cloud Logging when the transfer logs cannot be read', async () => {
    const services = fakeServices({
      dts: {
        listLogs: async () => {
          throw new CloudError('dts', 'ListTransferLogs', 'UNAVAILABLE', 'down');
        },
      },
      logging: {
        runMessages: async () => [{ severity: 'INFO', text: 'No new files found matching s3://…' }],
      },
    });
    const result = await runTable(plannedOf(specOf(), [partitionOf('2026-11-20')]), options(services));
    expect(result.status).toBe('skipped');
    expect(result.partitions[0]?.message).toMatch(/no new files/);
  });

  it('reports a config it could not delete as a warning naming the janitor', async () => {
    const services = fakeServices({
      dts: {
        deleteConfig: async () => {
          throw new CloudError('dts', 'DeleteTransferConfig', 'UNAVAILABLE', 'down');
        },
      },
    });
    services.state.rows.set('20261120', 1);
    const result = await runTable(plannedOf(specOf(), [partitionOf('2026-11-20')]), options(services));
    expect(result.status).toBe('loaded');
    expect(result.warnings?.join()).toMatch(/s3bq janitor/);
  });

  it('fails a partition whose run cannot start (quota) and still loads the others', async () => {
    let starts = 0;
    const services = fakeServices({
      dts: {
        startRun: async (configName) => {
          starts++;
          if (starts === 1)
            throw new CloudError('dts', 'StartManualTransferRuns', 'RESOURCE_EXHAUSTED', 'Quota exceeded');
          return { name: `${configName}/runs/ok`, state: 'PENDING' };
        },
      },
    });
    services.state.rows.set('20261119', 1).set('20261120', 1);
    const result = await runTable(twoDays, options(services, { settings: { ...settings, maxParallel: 1 } }));
    expect(result.status).toBe('failed');
    expect(result.partitions.map((p) => p.status)).toEqual(['failed', 'loaded']);
    expect(result.partitions[0]?.message).toMatch(/start-run: Quota exceeded .*RESOURCE_EXHAUSTED/);
    expect(services.state.configs.size).toBe(0);
  });

  it('starts a run again when it FAILED on a quota, a bounded number of times', async () => {
    const quota = 'Quota exceeded: Your project exceeded quota for concurrent transfer runs';
    let gets = 0;
    const services = fakeServices({
      dts: {
        getRun: async (name) => {
          gets++;
          return gets === 1
            ? { name, state: 'FAILED', errorCode: 8, errorMessage: quota }
            : { name, state: 'SUCCEEDED' };
        },
      },
    });
    services.state.rows.set('20261120', 4);
    const result = await runTable(
      plannedOf(specOf(), [partitionOf('2026-11-20')]),
      options(services, { timing: { quotaBackoffMs: 1 } }),
    );
    expect(result.status).toBe('loaded');
    expect(services.state.calls.filter((c) => c.startsWith('start '))).toHaveLength(2);
    expect(result.warnings?.join()).toMatch(/hit a quota .*starting it again/);

    const always = fakeServices({
      dts: { getRun: async (name) => ({ name, state: 'FAILED', errorCode: 8, errorMessage: quota }) },
    });
    const failed = await runTable(
      plannedOf(specOf(), [partitionOf('2026-11-20')]),
      options(always, { timing: { quotaBackoffMs: 1 } }),
    );
    expect(failed.status).toBe('failed');
    expect(failed.partitions[0]?.message).toMatch(/FAILED: Quota exceeded/);
    expect(always.state.calls.filter((c) => c.startsWith('start '))).toHaveLength(MAX_RUN_ATTEMPTS);
  });

  it('plans a disabled table as skipped and touches nothing', async () => {
    const services = fakeServices();
    const planned = plannedOf(specOf({ enabled: false }), [partitionOf('2026-11-20')]);
    planned.plan.skip_reason = 'disabled in the table file';
    const result = await runTable(planned, options(services));
    expect(result).toMatchObject({ status: 'skipped', message: 'disabled in the table file' });
    expect(services.state.calls).toEqual([]);
  });

  it('keeps one WRITE_APPEND config per partition, updating it only when the table file changed', async () => {
    const services = fakeServices();
    services.state.rows.set('20261119', 2).set('20261120', 2);
    const planned = plannedOf(specOf({ writeDisposition: 'WRITE_APPEND' }), [
      partitionOf('2026-11-19'),
      partitionOf('2026-11-20'),
    ]);
    const handedOut: string[] = [];
    await runTable(planned, options(services, { onConfigCreated: (name) => handedOut.push(name) }));
    await runTable(planned, options(services));
    expect(services.state.configs.size).toBe(2);
    // The action's post step deletes what it is handed: never the long-lived config.
    expect(handedOut).toEqual([]);
    expect(services.state.calls.filter((c) => c.startsWith('update'))).toEqual([]);
    const changed = plannedOf(specOf({ writeDisposition: 'WRITE_APPEND', format: 'JSON' }), [
      partitionOf('2026-11-20'),
    ]);
    await runTable(changed, options(services));
    expect(services.state.calls.filter((c) => c.startsWith('update'))).toHaveLength(1);
    expect(services.state.configs.size).toBe(2);
    expect(services.state.calls.filter((c) => c.startsWith('delete'))).toEqual([]);
  });
});
