// Every lifecycle step under every kind of fault, on the local cloud's fault controls:
// a burst of UNAVAILABLE (503 over HTTP) is retried and the table loads; a permanent error
// fails the table naming the step; a hang is cut by the call deadline (once) or the table's
// --timeout (always); RESOURCE_EXHAUSTED with BigQuery's quota message backs off longer and
// then loads, or fails naming the quota. After each scenario no tick config is left and the
// AWS secret is in nothing the run produced.

import type { FaultService } from '@s3bq/local-cloud';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanupConfigs, runTable } from '../../src/lifecycle/index.js';
import type { Step, TableResult } from '../../src/lifecycle/outcome.js';
import type { PipelineSettings } from '../../src/tables/types.js';
import type { Fixture } from '../lifecycle/local-fixture.js';
import {
  expectNoSecretIn,
  FAST_LIFECYCLE,
  type Faces,
  facesFor,
  freshTable,
  PARTITION,
  plannedTable,
  ROWS,
  startReliabilityCloud,
  tickConfigsLeft,
} from './reliability-fixture.js';

const GRPC = { UNAVAILABLE: 14, PERMISSION_DENIED: 7, RESOURCE_EXHAUSTED: 8 } as const;
const QUOTA_MESSAGE = 'Quota exceeded: Your project exceeded quota for imports per project';
/** Bound on one table in the hang-forever scenarios. */
const TABLE_TIMEOUT_MS = 2_500;

interface StepCase {
  /** The lifecycle step, as the pipeline names it. */
  step: string;
  service: FaultService;
  method: string;
  /**
   * What a call that can never succeed does to the table. Most steps fail it, naming the
   * step; reading the transfer logs falls back to Cloud Logging and the row count (the
   * table still loads); a failed delete leaves the config to the janitor, with a warning.
   */
  whenBroken: { fails: Step } | 'loads' | 'leaves-config';
}

const STEPS: StepCase[] = [
  {
    step: 'ensure table (get)',
    service: 'bigquery',
    method: 'tables.get',
    whenBroken: { fails: 'ensure-table' },
  },
  {
    step: 'ensure table (insert)',
    service: 'bigquery',
    method: 'tables.insert',
    whenBroken: { fails: 'ensure-table' },
  },
  {
    step: 'create config',
    service: 'dts',
    method: 'CreateTransferConfig',
    whenBroken: { fails: 'create-config' },
  },
  {
    step: 'start run',
    service: 'dts',
    method: 'StartManualTransferRuns',
    whenBroken: { fails: 'start-run' },
  },
  { step: 'poll', service: 'dts', method: 'GetTransferRun', whenBroken: { fails: 'wait' } },
  { step: 'read logs', service: 'dts', method: 'ListTransferLogs', whenBroken: 'loads' },
  { step: 'verify', service: 'bigquery', method: 'jobs.insert', whenBroken: { fails: 'verify' } },
  { step: 'delete config', service: 'dts', method: 'DeleteTransferConfig', whenBroken: 'leaves-config' },
];

let fixture: Fixture;
let settings: PipelineSettings;
let faces: Faces;

beforeAll(async () => {
  fixture = await startReliabilityCloud();
  // A first, clean table creates the dataset, so later scenarios reach tables.get.
  const name = await freshTable(fixture);
  ({ settings } = await plannedTable(fixture, name));
  faces = facesFor(fixture, settings);
  const warmUp = await load(name, faces);
  expect(warmUp.status, JSON.stringify(warmUp)).toBe('loaded');
});
afterEach(async () => {
  fixture.cloud.faults.clear();
  // Whatever a scenario left is removed, so the next one starts from nothing.
  const left = (await faces.services.dts.listConfigs()).map((config) => config.name);
  await cleanupConfigs(faces.services, left);
});
afterAll(async () => {
  await faces?.services.close();
  await fixture?.stop();
});

async function load(name: string, using: Faces, timeoutMs = 20_000): Promise<TableResult> {
  const { planned } = await plannedTable(fixture, name);
  return runTable(planned, { services: using.services, settings, timeoutMs, ...FAST_LIFECYCLE });
}

function expectLoaded(result: TableResult): void {
  expect(result.status, JSON.stringify(result)).toBe('loaded');
  expect(result.partitions).toEqual([
    expect.objectContaining({ id: PARTITION, status: 'loaded', rows: ROWS }),
  ]);
}

/** The end state every scenario must reach, broken delete aside. */
async function expectNothingLeft(result: TableResult): Promise<void> {
  expect(await tickConfigsLeft(faces.services)).toEqual([]);
  expectNoSecretIn(result);
}

/** After a delete that could not succeed: a warning, the config left, and cleanup removes it. */
async function expectLeftForJanitor(result: TableResult): Promise<void> {
  expect(result.warnings?.join('\n')).toMatch(/could not delete transfer config .*s3bq janitor/);
  // The partition's run names its config: projects/…/transferConfigs/ID/runs/RUN.
  const configName = result.partitions[0]?.run_name?.split('/runs/')[0];
  expect(configName).toBeDefined();
  expect(await tickConfigsLeft(faces.services)).toEqual([expect.stringContaining(configName!)]);
  fixture.cloud.faults.clear();
  const outcome = await cleanupConfigs(faces.services, [configName!]);
  expect(outcome.deleted).toEqual([configName]);
  await expectNothingLeft(result);
}

const errorCode = (service: FaultService, grpc: number, http: number) => (service === 'dts' ? grpc : http);

describe.each(STEPS)('$step ($service $method)', ({ service, method, whenBroken }) => {
  it('recovers from a burst of UNAVAILABLE by retrying, and loads', async () => {
    const name = await freshTable(fixture);
    const id = fixture.cloud.faults.add({
      service,
      method,
      kind: 'error',
      code: errorCode(service, GRPC.UNAVAILABLE, 503),
      message: 'The service is currently unavailable.',
      times: 3,
    });
    const sleepsBefore = faces.sleeps.length;
    const result = await load(name, faces);
    expect(fixture.cloud.faults.fired.get(id)).toBe(3);
    expect(faces.sleeps.length - sleepsBefore).toBeGreaterThanOrEqual(3);
    expectLoaded(result);
    await expectNothingLeft(result);
  });

  it('on a permanent error, fails clearly naming the step (or degrades as designed)', async () => {
    const name = await freshTable(fixture);
    const id = fixture.cloud.faults.add({
      service,
      method,
      kind: 'error',
      code: errorCode(service, GRPC.PERMISSION_DENIED, 403),
      message: `Access Denied: the caller lacks permission for ${method}`,
      times: -1,
    });
    const sleepsBefore = faces.sleeps.length;
    const result = await load(name, faces);
    expect(fixture.cloud.faults.fired.get(id)).toBeGreaterThanOrEqual(1);
    if (typeof whenBroken === 'object') {
      // Permanent: not retried at all.
      expect(fixture.cloud.faults.fired.get(id)).toBe(1);
      expect(faces.sleeps.length).toBe(sleepsBefore);
      expect(result).toMatchObject({ status: 'failed', failed_step: whenBroken.fails });
      const text = result.message ?? '';
      expect(text).toContain(`${whenBroken.fails}: `);
      expect(text).toContain(`the caller lacks permission for ${method}`);
      expect(text).toContain('PERMISSION_DENIED');
      await expectNothingLeft(result);
    } else if (whenBroken === 'loads') {
      expectLoaded(result);
      await expectNothingLeft(result);
    } else {
      expectLoaded(result);
      await expectLeftForJanitor(result);
    }
  });

  it('a hung call is cut by the call deadline and retried, and the table loads', async () => {
    const name = await freshTable(fixture);
    const id = fixture.cloud.faults.add({ service, method, kind: 'hang', times: 1 });
    const result = await load(name, faces);
    expect(fixture.cloud.faults.fired.get(id)).toBe(1);
    expectLoaded(result);
    await expectNothingLeft(result);
  });

  it('a call that always hangs is bounded by --timeout (or by cleanup’s own deadline)', async () => {
    const name = await freshTable(fixture);
    // Retries never run out here: only the table's timeout can end the wait.
    const patient = facesFor(fixture, settings, { callMs: 300, retry: { retries: 1_000 } });
    try {
      const id = fixture.cloud.faults.add({ service, method, kind: 'hang', times: -1 });
      const started = Date.now();
      const result =
        whenBroken === 'leaves-config'
          ? // Cleanup runs on a fresh bounded signal after the table is done; with the
            // ordinary retry budget it gives up after a few deadlines.
            await load(name, faces, TABLE_TIMEOUT_MS)
          : await load(name, patient, TABLE_TIMEOUT_MS);
      const elapsed = Date.now() - started;
      expect(fixture.cloud.faults.fired.get(id)).toBeGreaterThanOrEqual(2);
      expect(elapsed).toBeLessThan(TABLE_TIMEOUT_MS + 5_000);
      if (whenBroken === 'leaves-config') {
        expectLoaded(result);
        await expectLeftForJanitor(result);
        return;
      }
      const step = whenBroken === 'loads' ? 'verify' : whenBroken.fails;
      expect(result).toMatchObject({ status: 'failed', failed_step: step });
      expect(result.partitions[0]?.message).toMatch(
        new RegExp(`^${step}: timed out after 3s \\(--timeout\\)|^${step}: `),
      );
      expect(`${result.message} ${result.partitions[0]?.message}`).toContain('timed out after');
      expect(elapsed).toBeGreaterThanOrEqual(TABLE_TIMEOUT_MS - 100);
      await expectNothingLeft(result);
    } finally {
      await patient.services.close();
    }
  });

  it('RESOURCE_EXHAUSTED with the quota message backs off longer, then loads', async () => {
    const name = await freshTable(fixture);
    const id = fixture.cloud.faults.add({
      service,
      method,
      kind: 'error',
      // BigQuery reports quotas as 403 quotaExceeded; gRPC services as RESOURCE_EXHAUSTED.
      code: errorCode(service, GRPC.RESOURCE_EXHAUSTED, 403),
      message: QUOTA_MESSAGE,
      times: 2,
    });
    const sleepsBefore = faces.sleeps.length;
    const result = await load(name, faces);
    expect(fixture.cloud.faults.fired.get(id)).toBe(2);
    const pauses = faces.sleeps.slice(sleepsBefore);
    expect(pauses).toHaveLength(2);
    // Quota back-off is four times the ordinary one: with a 10 ms base, at least 20 ms then
    // 40 ms, where UNAVAILABLE would wait at most 10 ms then 20 ms.
    expect(pauses[0]).toBeGreaterThanOrEqual(20);
    expect(pauses[1]).toBeGreaterThanOrEqual(40);
    expectLoaded(result);
    await expectNothingLeft(result);
  });

  it('a quota that never refills fails naming the quota (or degrades as designed)', async () => {
    const name = await freshTable(fixture);
    const id = fixture.cloud.faults.add({
      service,
      method,
      kind: 'error',
      code: errorCode(service, GRPC.RESOURCE_EXHAUSTED, 403),
      message: QUOTA_MESSAGE,
      times: -1,
    });
    const result = await load(name, faces);
    // The first attempt and every retry of the policy (5), per call that met it.
    expect(fixture.cloud.faults.fired.get(id)).toBeGreaterThanOrEqual(6);
    if (typeof whenBroken === 'object') {
      expect(result).toMatchObject({ status: 'failed', failed_step: whenBroken.fails });
      expect(result.message).toContain(`${whenBroken.fails}: ${QUOTA_MESSAGE}`);
      expect(result.message).toContain('RESOURCE_EXHAUSTED');
      await expectNothingLeft(result);
    } else if (whenBroken === 'loads') {
      expectLoaded(result);
      await expectNothingLeft(result);
    } else {
      expectLoaded(result);
      await expectLeftForJanitor(result);
    }
  });
});

describe('precheck (s3 ListObjectsV2)', () => {
  it('a burst of 503 SlowDown is retried with the quota back-off, and the table loads', async () => {
    const name = await freshTable(fixture);
    const id = fixture.cloud.faults.add({
      service: 's3',
      method: 'ListObjectsV2',
      kind: 'error',
      code: 503,
      times: 2,
    });
    const sleepsBefore = faces.sleeps.length;
    const result = await load(name, faces);
    expect(fixture.cloud.faults.fired.get(id)).toBe(2);
    expect(faces.sleeps.slice(sleepsBefore).every((ms) => ms >= 20)).toBe(true);
    expectLoaded(result);
    await expectNothingLeft(result);
  });

  it('access denied fails the partition at precheck (never a skip) and creates nothing', async () => {
    const name = await freshTable(fixture);
    fixture.cloud.faults.add({
      service: 's3',
      method: 'ListObjectsV2',
      kind: 'error',
      code: 403,
      message: 'Access Denied',
      times: -1,
    });
    const result = await load(name, faces);
    expect(result).toMatchObject({ status: 'failed', failed_step: 'precheck' });
    // No config was created: no partition got a run.
    expect(result.partitions.some((partition) => partition.run_name)).toBe(false);
    expect(await tickConfigsLeft(faces.services)).toEqual([]);
    expect(result.partitions[0]?.message).toMatch(
      /S3 check of s3:\/\/lake\/.* failed: access to s3:\/\/lake denied: grant s3:ListBucket/,
    );
    await expectNothingLeft(result);
  });

  it('a hung list is cut by its deadline and retried, and the table loads', async () => {
    const name = await freshTable(fixture);
    const id = fixture.cloud.faults.add({ service: 's3', method: 'ListObjectsV2', kind: 'hang', times: 1 });
    const result = await load(name, faces);
    expect(fixture.cloud.faults.fired.get(id)).toBe(1);
    expectLoaded(result);
    await expectNothingLeft(result);
  });
});
