// Every lifecycle step under errors, on the local cloud's fault controls: a burst of
// UNAVAILABLE (503 over HTTP) is retried and the table loads; a permanent error fails the
// table naming the step; RESOURCE_EXHAUSTED with BigQuery's quota message backs off longer
// and then loads, or fails naming the quota; S3's own errors at precheck. After each
// scenario no tick config is left and the AWS secret is in nothing the run produced.
// Hangs are in step-faults-hangs.test.ts.
import { describe, expect, it } from 'vitest';
import { freshTable, tickConfigsLeft } from './reliability-fixture.js';
import {
  errorCode,
  expectLeftForJanitor,
  expectLoaded,
  expectNothingLeft,
  GRPC,
  loadTable,
  QUOTA_MESSAGE,
  STEPS,
  useStepFaultStage,
} from './step-fault-stage.js';

const stage = useStepFaultStage();

describe.each(STEPS)('$step ($service $method)', ({ service, method, whenBroken }) => {
  it('recovers from a burst of UNAVAILABLE by retrying, and loads', async () => {
    const name = await freshTable(stage.fixture);
    const id = stage.fixture.cloud.faults.add({
      service,
      method,
      kind: 'error',
      code: errorCode(service, GRPC.UNAVAILABLE, 503),
      message: 'The service is currently unavailable.',
      times: 3,
    });
    const sleepsBefore = stage.faces.sleeps.length;
    const result = await loadTable(stage, name, stage.faces);
    expect(stage.fixture.cloud.faults.fired.get(id)).toBe(3);
    expect(stage.faces.sleeps.length - sleepsBefore).toBeGreaterThanOrEqual(3);
    expectLoaded(result);
    await expectNothingLeft(stage, result);
  });

  it('on a permanent error, fails clearly naming the step (or degrades as designed)', async () => {
    const name = await freshTable(stage.fixture);
    const id = stage.fixture.cloud.faults.add({
      service,
      method,
      kind: 'error',
      code: errorCode(service, GRPC.PERMISSION_DENIED, 403),
      message: `Access Denied: the caller lacks permission for ${method}`,
      times: -1,
    });
    const sleepsBefore = stage.faces.sleeps.length;
    const result = await loadTable(stage, name, stage.faces);
    expect(stage.fixture.cloud.faults.fired.get(id)).toBeGreaterThanOrEqual(1);
    if (typeof whenBroken === 'object') {
      // Permanent: not retried at all.
      expect(stage.fixture.cloud.faults.fired.get(id)).toBe(1);
      expect(stage.faces.sleeps.length).toBe(sleepsBefore);
      expect(result).toMatchObject({ status: 'failed', failed_step: whenBroken.fails });
      const text = result.message ?? '';
      expect(text).toContain(`${whenBroken.fails}: `);
      expect(text).toContain(`the caller lacks permission for ${method}`);
      expect(text).toContain('PERMISSION_DENIED');
      await expectNothingLeft(stage, result);
    } else if (whenBroken === 'loads') {
      expectLoaded(result);
      await expectNothingLeft(stage, result);
    } else {
      expectLoaded(result);
      await expectLeftForJanitor(stage, result);
    }
  });

  it('RESOURCE_EXHAUSTED with the quota message backs off longer, then loads', async () => {
    const name = await freshTable(stage.fixture);
    const id = stage.fixture.cloud.faults.add({
      service,
      method,
      kind: 'error',
      // BigQuery reports quotas as 403 quotaExceeded; gRPC services as RESOURCE_EXHAUSTED.
      code: errorCode(service, GRPC.RESOURCE_EXHAUSTED, 403),
      message: QUOTA_MESSAGE,
      times: 2,
    });
    const sleepsBefore = stage.faces.sleeps.length;
    const result = await loadTable(stage, name, stage.faces);
    expect(stage.fixture.cloud.faults.fired.get(id)).toBe(2);
    const pauses = stage.faces.sleeps.slice(sleepsBefore);
    expect(pauses).toHaveLength(2);
    // Quota back-off is four times the ordinary one: with a 10 ms base, at least 20 ms then
    // 40 ms, where UNAVAILABLE would wait at most 10 ms then 20 ms.
    expect(pauses[0]).toBeGreaterThanOrEqual(20);
    expect(pauses[1]).toBeGreaterThanOrEqual(40);
    expectLoaded(result);
    await expectNothingLeft(stage, result);
  });

  it('a quota that never refills fails naming the quota (or degrades as designed)', async () => {
    const name = await freshTable(stage.fixture);
    const id = stage.fixture.cloud.faults.add({
      service,
      method,
      kind: 'error',
      code: errorCode(service, GRPC.RESOURCE_EXHAUSTED, 403),
      message: QUOTA_MESSAGE,
      times: -1,
    });
    const result = await loadTable(stage, name, stage.faces);
    // The first attempt and every retry of the policy (5), per call that met it.
    expect(stage.fixture.cloud.faults.fired.get(id)).toBeGreaterThanOrEqual(6);
    if (typeof whenBroken === 'object') {
      expect(result).toMatchObject({ status: 'failed', failed_step: whenBroken.fails });
      expect(result.message).toContain(`${whenBroken.fails}: ${QUOTA_MESSAGE}`);
      expect(result.message).toContain('RESOURCE_EXHAUSTED');
      await expectNothingLeft(stage, result);
    } else if (whenBroken === 'loads') {
      expectLoaded(result);
      await expectNothingLeft(stage, result);
    } else {
      expectLoaded(result);
      await expectLeftForJanitor(stage, result);
    }
  });
});

describe('precheck (s3 ListObjectsV2)', () => {
  it('a burst of 503 SlowDown is retried with the quota back-off, and the table loads', async () => {
    const name = await freshTable(stage.fixture);
    const id = stage.fixture.cloud.faults.add({
      service: 's3',
      method: 'ListObjectsV2',
      kind: 'error',
      code: 503,
      times: 2,
    });
    const sleepsBefore = stage.faces.sleeps.length;
    const result = await loadTable(stage, name, stage.faces);
    expect(stage.fixture.cloud.faults.fired.get(id)).toBe(2);
    expect(stage.faces.sleeps.slice(sleepsBefore).every((ms) => ms >= 20)).toBe(true);
    expectLoaded(result);
    await expectNothingLeft(stage, result);
  });

  it('access denied fails the partition at precheck (never a skip) and creates nothing', async () => {
    const name = await freshTable(stage.fixture);
    stage.fixture.cloud.faults.add({
      service: 's3',
      method: 'ListObjectsV2',
      kind: 'error',
      code: 403,
      message: 'Access Denied',
      times: -1,
    });
    const result = await loadTable(stage, name, stage.faces);
    expect(result).toMatchObject({ status: 'failed', failed_step: 'precheck' });
    // No config was created: no partition got a run.
    expect(result.partitions.some((partition) => partition.run_name)).toBe(false);
    expect(await tickConfigsLeft(stage.faces.services)).toEqual([]);
    expect(result.partitions[0]?.message).toMatch(
      /S3 check of s3:\/\/lake\/.* failed: access to s3:\/\/lake denied: grant s3:ListBucket/,
    );
    await expectNothingLeft(stage, result);
  });

  it('a hung list is cut by its deadline and retried, and the table loads', async () => {
    const name = await freshTable(stage.fixture);
    const id = stage.fixture.cloud.faults.add({
      service: 's3',
      method: 'ListObjectsV2',
      kind: 'hang',
      times: 1,
    });
    const result = await loadTable(stage, name, stage.faces);
    expect(stage.fixture.cloud.faults.fired.get(id)).toBe(1);
    expectLoaded(result);
    await expectNothingLeft(stage, result);
  });
});
