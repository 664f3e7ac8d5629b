// The lifecycle through the local cloud's faults: transient errors are retried, hung
// calls are bounded by their deadline, permanent errors fail naming the step, and no
// tick config survives any of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudServices, createCloudServices } from '../../src/cloud/index.js';
import { cleanupConfigs, parseConfigName, runTable } from '../../src/lifecycle/index.js';
import { csvRows, csvTable, type Fixture, QUICK_TIMING, startFixture } from './local-fixture.js';

const AT = '2026-11-21T03:00:00Z';
const UNAVAILABLE = 14;
const PERMISSION_DENIED = 7;
let fixture: Fixture;
let services: CloudServices;

beforeAll(async () => {
  fixture = await startFixture();
  await fixture.createBucket('lake');
  await fixture.writeTable('ops.t', csvTable('s3://lake/ops/t'));
  await fixture.putObject('lake', 'ops/t/dt=2026-11-20/a.csv', csvRows(3));
  const { settings } = await fixture.plan({ at: AT });
  // Fast retries and short call deadlines so hangs and bursts resolve in test time.
  services = createCloudServices({
    env: fixture.env,
    settings,
    deadlines: { callMs: 400, s3Ms: 2_000, queryMs: 2_000 },
    retry: { baseDelayMs: 10, maxDelayMs: 50 },
  });
});
afterAll(async () => {
  await services?.close();
  await fixture?.stop();
});

async function run() {
  const { planned, settings } = await fixture.plan({ at: AT, only: 'ops.t' });
  return runTable(planned[0]!, {
    services,
    settings,
    timeoutMs: 20_000,
    runLabel: 'faults',
    timing: QUICK_TIMING,
  });
}

async function tickConfigsLeft() {
  return (await services.dts.listConfigs()).filter((c) => parseConfigName(c.displayName)?.kind === 'tick');
}

describe('faults on the local cloud', () => {
  it.each([
    ['dts', 'CreateTransferConfig'],
    ['dts', 'StartManualTransferRuns'],
    ['dts', 'GetTransferRun'],
    ['dts', 'ListTransferLogs'],
    ['dts', 'DeleteTransferConfig'],
    ['bigquery', 'tables.get'],
    ['bigquery', 'jobs.insert'],
    ['s3', 'ListObjectsV2'],
  ] as const)('recovers from a burst of UNAVAILABLE on %s %s', async (service, method) => {
    // gRPC services answer UNAVAILABLE; HTTP ones 503.
    const code = service === 'dts' ? UNAVAILABLE : 503;
    const id = fixture.cloud.faults.add({ service, method, kind: 'error', code, times: 2 });
    const result = await run();
    expect(fixture.cloud.faults.fired.get(id)).toBe(2);
    expect(result.status, JSON.stringify(result)).toBe('loaded');
    expect(await tickConfigsLeft()).toEqual([]);
  });

  it('bounds a hung call by its deadline and retries it', async () => {
    const id = fixture.cloud.faults.add({
      service: 'dts',
      method: 'CreateTransferConfig',
      kind: 'hang',
      times: 1,
    });
    const result = await run();
    expect(fixture.cloud.faults.fired.get(id)).toBe(1);
    expect(result.status).toBe('loaded');
  });

  it('fails clearly, naming the step, on a permanent error', async () => {
    fixture.cloud.faults.add({
      service: 'dts',
      method: 'CreateTransferConfig',
      kind: 'error',
      code: PERMISSION_DENIED,
      message: 'The caller does not have permission',
    });
    const result = await run();
    expect(result).toMatchObject({ status: 'failed', failed_step: 'create-config' });
    expect(result.message).toMatch(/create-config: The caller does not have permission .*PERMISSION_DENIED/);
    expect(await tickConfigsLeft()).toEqual([]);
  });

  it('cleanupConfigs deletes what is left and tolerates what is gone', async () => {
    const params = {
      data_path: 's3://lake/x/*',
      destination_table_name_template: 'x',
      access_key_id: 'a',
      secret_access_key: 'b',
    };
    const config = await services.dts.createConfig({
      displayName: 's3bq|ops.t|x|post',
      destinationDatasetId: 'ops',
      params,
    });
    const outcome = await cleanupConfigs(services, [config.name, config.name, `${config.name}-gone`]);
    expect(outcome.deleted).toEqual([config.name]);
    expect(outcome.missing).toEqual([`${config.name}-gone`]);
    expect(await tickConfigsLeft()).toEqual([]);
  });
});
