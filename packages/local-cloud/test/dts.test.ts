// The local DTS through the official DataTransferServiceClient: config rules, run states,
// wildcards and runtime parameters, failures with errorStatus, WRITE_APPEND basics and
// faults. BigQuery is a recording warehouse here (see dts-harness.ts); rows landing in the
// real local BigQuery are covered by local-cloud.test.ts. Visibility is not the subject
// here (dts-limits and dts-append cover it): files are visible as soon as they land.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadJobError } from '../src/warehouse-contract.js';
import {
  createConfig,
  type Harness,
  KEYS,
  PARENT,
  putFiles,
  runLogs,
  s3Params,
  startHarness,
  startRun,
  waitForRun,
  waitPastStartOf,
} from './dts-harness.js';
import { structParams, timestamp } from './helpers/official-clients.js';

const RUN_TIME = new Date('2026-11-21T06:00:00Z');

let h: Harness & { statsNow(): Harness['stats'] };

beforeAll(async () => {
  h = await startHarness({ runSeconds: 0.2, fileVisibilitySeconds: 0 });
  await putFiles(h.s3, 'lake', [
    'orders/dt=2026-11-20/part-0.csv',
    'orders/dt=2026-11-21/part-0.csv',
    'orders/dt=2026-11-21/part-1.csv',
    'orders/dt=2026-11-21/nested/part-2.csv',
    'orders/dt=2026-11-21/part-0.json',
  ]);
});
afterAll(async () => {
  await h?.stop();
});

describe('transfer configs', () => {
  it('creates, gets, lists, updates and deletes an amazon_s3 config without echoing the secret', async () => {
    const name = await createConfig(h.dts);
    expect(name).toMatch(/^projects\/test-project\/locations\/us\/transferConfigs\/[0-9a-f-]{36}$/);
    const [config] = await h.dts.getTransferConfig({ name });
    expect(config.dataSourceId).toBe('amazon_s3');
    expect(config.params?.fields?.data_path?.stringValue).toBe('s3://lake/orders/*');
    expect(config.params?.fields?.access_key_id?.stringValue).toBe(KEYS.accessKeyId);
    expect(JSON.stringify(config)).not.toContain(KEYS.secretAccessKey);
    expect(config.scheduleOptions?.disableAutoScheduling).toBe(true);

    const [updated] = await h.dts.updateTransferConfig({
      transferConfig: {
        name,
        displayName: 'renamed',
        params: s3Params({ data_path: 's3://lake/orders/dt=*/*' }),
      },
      updateMask: { paths: ['display_name', 'params'] },
    });
    expect(updated.displayName).toBe('renamed');
    expect(updated.params?.fields?.data_path?.stringValue).toBe('s3://lake/orders/dt=*/*');

    // The location-less name form reaches the same config.
    const configId = name.split('/').pop();
    const [sameConfig] = await h.dts.getTransferConfig({
      name: `projects/test-project/transferConfigs/${configId}`,
    });
    expect(sameConfig.name).toBe(name);

    await h.dts.deleteTransferConfig({ name });
    await expect(h.dts.getTransferConfig({ name })).rejects.toMatchObject({ code: 5 });
  });

  it('pages through ListTransferConfigs', async () => {
    const parent = 'projects/test-project/locations/eu';
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      const [config] = await h.dts.createTransferConfig({
        parent,
        transferConfig: {
          dataSourceId: 'amazon_s3',
          destinationDatasetId: 'sales_eu',
          params: s3Params(),
          scheduleOptions: { disableAutoScheduling: true },
        },
      });
      names.push(config.name as string);
    }
    const [firstPage, nextRequest] = await h.dts.listTransferConfigs(
      { parent, pageSize: 2 },
      { autoPaginate: false },
    );
    expect(firstPage).toHaveLength(2);
    expect(nextRequest?.pageToken).toBeTruthy();
    const [all] = await h.dts.listTransferConfigs({ parent, pageSize: 2 });
    expect(all.map((config) => config.name)).toEqual(names);
    expect(JSON.stringify(all)).not.toContain(KEYS.secretAccessKey);
  });

  it.each([
    [{ data_path: '' }, /data_path/],
    [{ destination_table_name_template: '' }, /destination_table_name_template/],
    [{ secret_access_key: '' }, /secret_access_key/],
    [{ file_format: 'XLSX' }, /file_format/],
    [{ write_disposition: 'WRITE_EMPTY' }, /write_disposition/],
    [{ data_path: 's3://lake*/orders/*' }, /bucket/],
    [{ data_path: 's3://lake/orders/{run_time+1d|"%Y"}/*' }, /run_time\+1d/],
    [{ max_bad_records: 'many' }, /max_bad_records/],
  ])('refuses invalid params %o with INVALID_ARGUMENT', async (params, message) => {
    const error = await createConfig(h.dts, params).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 3 });
    expect(String((error as Error).message)).toMatch(message);
    expect(String((error as Error).message)).not.toContain(KEYS.secretAccessKey);
  });

  it('refuses a params object that is not a Struct of strings (it arrives empty)', async () => {
    const error = await h.dts
      .createTransferConfig({
        parent: PARENT,
        transferConfig: {
          dataSourceId: 'amazon_s3',
          destinationDatasetId: 'sales',
          params: { data_path: 's3://lake/x' } as never,
        },
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 3 });
  });

  it('refuses other data sources and a missing destination dataset', async () => {
    await expect(
      h.dts.createTransferConfig({
        parent: PARENT,
        transferConfig: {
          dataSourceId: 'google_cloud_storage',
          destinationDatasetId: 'sales',
          params: s3Params(),
        },
      }),
    ).rejects.toMatchObject({ code: 3 });
    await expect(
      h.dts.createTransferConfig({
        parent: PARENT,
        transferConfig: { dataSourceId: 'amazon_s3', destinationDatasetId: 'nowhere', params: s3Params() },
      }),
    ).rejects.toMatchObject({ code: 5, details: expect.stringContaining('Dataset test-project:nowhere') });
  });
});

describe('manual runs', () => {
  it('refuses requestedTimeRange on an on-demand config with the documented message', async () => {
    const name = await createConfig(h.dts);
    const error = await h.dts
      .startManualTransferRuns({
        parent: name,
        requestedTimeRange: {
          startTime: timestamp(RUN_TIME),
          endTime: timestamp(new Date(RUN_TIME.getTime() + 86_400_000)),
        },
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 3,
      details: "Starting transfer run with on-demand schedule requires 'requested_run_time' to be specified.",
    });
  });

  it('moves PENDING → RUNNING → SUCCEEDED and records the run times', async () => {
    const name = await createConfig(h.dts, { data_path: 's3://lake/orders/dt=2026-11-20/*' });
    const [response] = await h.dts.startManualTransferRuns({
      parent: name,
      requestedRunTime: timestamp(RUN_TIME),
    });
    const pending = response.runs?.[0] ?? {};
    const runName = pending.name as string;
    expect(pending.state).toBe('PENDING');
    expect(pending.runTime?.seconds).toBe(String(RUN_TIME.getTime() / 1000));
    expect(pending.scheduleTime?.seconds).toBeTruthy();
    const { run, seen } = await waitForRun(h.dts, runName);
    // Polling may miss a short state on a loaded machine; the order never changes.
    const order = ['PENDING', 'RUNNING', 'SUCCEEDED'];
    expect(seen.map((state) => order.indexOf(state))).toEqual(
      [...seen.map((state) => order.indexOf(state))].sort(),
    );
    expect(seen.at(-1)).toBe('SUCCEEDED');
    expect(run.startTime?.seconds).toBeTruthy();
    expect(Number(run.endTime?.seconds)).toBeGreaterThanOrEqual(Number(run.startTime?.seconds));
    expect(run.updateTime).toBeTruthy();
    expect(run.params?.fields?.data_path?.stringValue).toBe('s3://lake/orders/dt=2026-11-20/*');
    expect(JSON.stringify(run)).not.toContain(KEYS.secretAccessKey);
    expect(run.errorStatus).toBeFalsy();

    const [succeeded] = await h.dts.listTransferRuns({ parent: name, states: ['SUCCEEDED' as never] });
    expect(succeeded.map((listed) => listed.name)).toEqual([runName]);
    const [failed] = await h.dts.listTransferRuns({ parent: name, states: ['FAILED' as never] });
    expect(failed).toHaveLength(0);
    await h.dts.deleteTransferRun({ name: runName });
    await expect(h.dts.getTransferRun({ name: runName })).rejects.toMatchObject({ code: 5 });
  });

  it('lists runs newest first, in pages', async () => {
    const name = await createConfig(h.dts, { data_path: 's3://lake/orders/none/*' });
    const runs: string[] = [];
    for (const day of [20, 21, 22]) {
      const run = await startRun(h.dts, name, new Date(`2026-11-${day}T00:00:00Z`));
      runs.push(run);
      await waitForRun(h.dts, run); // one run in flight per config
    }
    const [page, next] = await h.dts.listTransferRuns({ parent: name, pageSize: 2 }, { autoPaginate: false });
    expect(page.map((run) => run.name)).toEqual([runs[2], runs[1]]);
    const [rest] = await h.dts.listTransferRuns(
      { parent: name, pageSize: 2, pageToken: next?.pageToken ?? '' },
      { autoPaginate: false },
    );
    expect(rest.map((run) => run.name)).toEqual([runs[0]]);
  });

  it('renders runtime parameters in UTC and matches one * across folders', async () => {
    const before = h.warehouse.loads.length;
    const name = await createConfig(h.dts, {
      data_path: 's3://lake/orders/dt={run_time-6h|"%Y-%m-%d"}/*.csv',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: DTS template syntax, not a JS template.
      destination_table_name_template: 'orders${run_time-6h|"%Y%m%d"}',
    });
    const { run } = await waitForRun(h.dts, await startRun(h.dts, name, new Date('2026-11-22T05:00:00Z')));
    expect(run.state).toBe('SUCCEEDED');
    const load = h.warehouse.loads[before];
    expect(load?.tableId).toBe('orders$20261121');
    expect(load?.files.map((file) => file.uri).sort()).toEqual([
      's3://lake/orders/dt=2026-11-21/nested/part-2.csv',
      's3://lake/orders/dt=2026-11-21/part-0.csv',
      's3://lake/orders/dt=2026-11-21/part-1.csv',
    ]);
    expect(Buffer.from(load?.files[0]?.body ?? []).toString()).toBe('a,b\n1,2\n');
    expect(load).toMatchObject({
      projectId: 'test-project',
      datasetId: 'sales',
      format: 'CSV',
      writeDisposition: 'WRITE_TRUNCATE',
    });
    const logs = await runLogs(h.dts, run.name as string);
    expect(logs).toContain('INFO: Moving data from Amazon S3 to Google Cloud complete: Moved 3 object(s).');
    expect(logs.join('\n')).toMatch(/Number of records: 30, with errors: 0/);
  });

  it('keeps several wildcards within one folder each, and a folder without /* matches nothing', async () => {
    const before = h.warehouse.loads.length;
    const several = await createConfig(h.dts, { data_path: 's3://lake/orders/dt=*/*.csv' });
    await waitForRun(h.dts, await startRun(h.dts, several, RUN_TIME));
    expect(h.warehouse.loads[before]?.files.map((file) => file.uri).sort()).toEqual([
      's3://lake/orders/dt=2026-11-20/part-0.csv',
      's3://lake/orders/dt=2026-11-21/part-0.csv',
      's3://lake/orders/dt=2026-11-21/part-1.csv',
    ]);

    const folder = await createConfig(h.dts, { data_path: 's3://lake/orders/dt=2026-11-21/' });
    const { run } = await waitForRun(h.dts, await startRun(h.dts, folder, RUN_TIME));
    expect(run.state).toBe('SUCCEEDED');
    expect(h.warehouse.loads).toHaveLength(before + 1);
    expect(await runLogs(h.dts, run.name as string)).toContain(
      'INFO: Moving data from Amazon S3 to Google Cloud complete: Moved 0 object(s). No new files found matching s3://lake/orders/dt=2026-11-21/.',
    );
  });

  it('succeeds with the documented log when no file matches', async () => {
    const name = await createConfig(h.dts, { data_path: 's3://lake/orders/dt={run_time|"%Y-%m-%d"}/*' });
    const { run } = await waitForRun(h.dts, await startRun(h.dts, name, new Date('2026-11-25T00:00:00Z')));
    expect(run.state).toBe('SUCCEEDED');
    const [messages] = await h.dts.listTransferLogs({ parent: run.name as string });
    expect(messages.map((message) => message.messageText)).toContain(
      'Moving data from Amazon S3 to Google Cloud complete: Moved 0 object(s). No new files found matching s3://lake/orders/dt=2026-11-25/*.',
    );
    expect(messages.every((message) => message.severity === 'INFO' && message.messageTime?.seconds)).toBe(
      true,
    );
  });
});

describe('failed runs', () => {
  it('fails with NOT_FOUND when the bucket does not exist', async () => {
    const name = await createConfig(h.dts, { data_path: 's3://no-such-bucket/orders/*' });
    const { run } = await waitForRun(h.dts, await startRun(h.dts, name, RUN_TIME));
    expect(run.state).toBe('FAILED');
    expect(run.errorStatus).toMatchObject({ code: 5, message: expect.stringContaining('no-such-bucket') });
    const [errors] = await h.dts.listTransferLogs({
      parent: run.name as string,
      messageTypes: ['ERROR' as never],
    });
    expect(errors).toHaveLength(1);
  });

  it('fails with PERMISSION_DENIED for a wrong secret or an unknown key, never showing the secret', async () => {
    for (const keys of [
      { access_key_id: KEYS.accessKeyId, secret_access_key: 'wrong-secret-value' },
      { access_key_id: 'AKIAUNKNOWN000000000', secret_access_key: 'other-secret-value' },
    ]) {
      const name = await createConfig(h.dts, keys);
      const { run } = await waitForRun(h.dts, await startRun(h.dts, name, RUN_TIME));
      expect(run.state).toBe('FAILED');
      expect(run.errorStatus?.code).toBe(7);
      const logs = (await runLogs(h.dts, run.name as string)).join('\n');
      expect(logs).toMatch(/SignatureDoesNotMatch|InvalidAccessKeyId/);
      expect(`${logs}${JSON.stringify(run)}`).not.toContain(keys.secret_access_key);
    }
  });

  it('fails with PERMISSION_DENIED on a denied bucket', async () => {
    await putFiles(h.s3, 'guarded', ['data/file.csv']);
    h.denyBucket('guarded');
    const name = await createConfig(h.dts, { data_path: 's3://guarded/data/*' });
    const { run } = await waitForRun(h.dts, await startRun(h.dts, name, RUN_TIME));
    expect(run.state).toBe('FAILED');
    expect(run.errorStatus).toMatchObject({ code: 7, message: expect.stringContaining('AccessDenied') });
  });

  it("fails with the load job's message and code", async () => {
    h.warehouse.failNext = new LoadJobError('Not found: Table test-project:sales.orders', 'notFound', 5);
    const name = await createConfig(h.dts, { data_path: 's3://lake/orders/dt=2026-11-20/*' });
    const { run } = await waitForRun(h.dts, await startRun(h.dts, name, RUN_TIME));
    expect(run.state).toBe('FAILED');
    expect(run.errorStatus).toMatchObject({
      code: 5,
      message: expect.stringContaining('Not found: Table test-project:sales.orders'),
    });
  });

  it('fails the next run when a fail-run fault is set', async () => {
    h.faults.add({
      service: 'dts',
      method: 'run',
      kind: 'fail-run',
      code: 13,
      message: 'Injected: transfer backend crashed',
    });
    const name = await createConfig(h.dts, { data_path: 's3://lake/orders/dt=2026-11-20/*' });
    const { run } = await waitForRun(h.dts, await startRun(h.dts, name, RUN_TIME));
    expect(run.errorStatus).toMatchObject({ code: 13, message: 'Injected: transfer backend crashed' });
    const { run: next } = await waitForRun(h.dts, await startRun(h.dts, name, RUN_TIME));
    expect(next.state).toBe('SUCCEEDED');
  });
});

describe('WRITE_APPEND', () => {
  it('loads only files modified after the last successful run', async () => {
    await putFiles(h.s3, 'append', ['events/a.csv', 'events/b.csv']);
    const name = await createConfig(h.dts, {
      data_path: 's3://append/events/*',
      write_disposition: 'WRITE_APPEND',
    });
    const before = h.warehouse.loads.length;
    const { run: first } = await waitForRun(h.dts, await startRun(h.dts, name, RUN_TIME));
    expect(h.warehouse.loads[before]?.files.map((file) => file.uri).sort()).toEqual([
      's3://append/events/a.csv',
      's3://append/events/b.csv',
    ]);
    await waitPastStartOf(first);
    await h.s3.send(new PutObjectCommand({ Bucket: 'append', Key: 'events/c.csv', Body: 'a,b\n3,4\n' }));
    await waitForRun(h.dts, await startRun(h.dts, name, RUN_TIME));
    expect(h.warehouse.loads[before + 1]?.files.map((file) => file.uri)).toEqual([
      's3://append/events/c.csv',
    ]);
    expect(h.warehouse.loads[before + 1]?.writeDisposition).toBe('WRITE_APPEND');
    const { run } = await waitForRun(h.dts, await startRun(h.dts, name, RUN_TIME));
    expect(h.warehouse.loads).toHaveLength(before + 2);
    expect((await runLogs(h.dts, run.name as string)).join('\n')).toContain(
      'No new files found matching s3://append/events/*.',
    );
  });

  it('picks up the files of a failed run next time', async () => {
    await putFiles(h.s3, 'append2', ['events/a.csv']);
    const name = await createConfig(h.dts, {
      data_path: 's3://append2/events/*',
      write_disposition: 'WRITE_APPEND',
    });
    h.warehouse.failNext = new LoadJobError('Invalid: row 1 too short', 'invalid', 3);
    expect((await waitForRun(h.dts, await startRun(h.dts, name, RUN_TIME))).run.state).toBe('FAILED');
    const before = h.warehouse.loads.length;
    expect((await waitForRun(h.dts, await startRun(h.dts, name, RUN_TIME))).run.state).toBe('SUCCEEDED');
    expect(h.warehouse.loads[before]?.files.map((file) => file.uri)).toEqual(['s3://append2/events/a.csv']);
  });
});

describe('RPC faults', () => {
  it('answers an injected gRPC error for the next call only', async () => {
    h.faults.add({
      service: 'dts',
      method: 'ListTransferConfigs',
      kind: 'error',
      code: 14,
      message: 'backend unavailable',
    });
    await expect(
      h.dts.listTransferConfigs({ parent: PARENT }, { retry: null } as never),
    ).rejects.toMatchObject({
      code: 14,
      details: 'backend unavailable',
    });
    await expect(h.dts.listTransferConfigs({ parent: PARENT })).resolves.toBeDefined();
  });

  it('adds latency', async () => {
    h.faults.add({ service: 'dts', method: 'GetTransferConfig', kind: 'latency', latencyMs: 300 });
    const name = await createConfig(h.dts);
    const started = Date.now();
    await h.dts.getTransferConfig({ name });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('hangs until the client deadline', async () => {
    h.faults.add({ service: 'dts', method: 'GetTransferConfig', kind: 'hang' });
    const name = await createConfig(h.dts);
    const started = Date.now();
    await expect(
      h.dts.getTransferConfig({ name }, { timeout: 400, retry: null } as never),
    ).rejects.toMatchObject({ code: 4 });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('runs through params given as Struct only', () => {
  it('runs from the params of the config at start time', async () => {
    const [config] = await h.dts.createTransferConfig({
      parent: PARENT,
      transferConfig: {
        dataSourceId: 'amazon_s3',
        destinationDatasetId: 'sales',
        params: structParams({
          data_path: 's3://lake/orders/dt=2026-11-20/*',
          destination_table_name_template: 'orders_{run_date}',
          access_key_id: KEYS.accessKeyId,
          secret_access_key: KEYS.secretAccessKey,
          file_format: 'JSON',
        }),
        scheduleOptions: { disableAutoScheduling: true },
      },
    });
    const before = h.warehouse.loads.length;
    await waitForRun(h.dts, await startRun(h.dts, config.name as string, RUN_TIME));
    // Defaults: WRITE_APPEND, and the rendered {run_date} in the table name.
    expect(h.warehouse.loads[before]).toMatchObject({
      tableId: 'orders_20261121',
      format: 'JSON',
      writeDisposition: 'WRITE_APPEND',
    });
  });
});
