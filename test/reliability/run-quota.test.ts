// Quotas hit by the transfer run itself rather than by a call: a run that FAILS on
// RESOURCE_EXHAUSTED loaded nothing, so the lifecycle pauses and starts it again (a bounded
// number of times), then loads — or fails with the quota named. The daily load-job quota
// of the project, once spent, fails the table with BigQuery's words.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanupConfigs, runTable } from '../../src/lifecycle/index.js';
import { MAX_RUN_ATTEMPTS } from '../../src/lifecycle/partition.js';
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

const RESOURCE_EXHAUSTED = 8;
const QUOTA = 'Quota exceeded: Your table exceeded quota for imports or query appends per table';

const open: { fixture: Fixture; faces: Faces }[] = [];
async function cloud(options: Parameters<typeof startReliabilityCloud>[0] = {}) {
  const fixture = await startReliabilityCloud(options);
  const name = await freshTable(fixture, 'quota');
  const { settings, planned } = await plannedTable(fixture, name);
  const faces = facesFor(fixture, settings);
  open.push({ fixture, faces });
  const load = async (table = planned) =>
    runTable(table, { services: faces.services, settings, timeoutMs: 20_000, ...FAST_LIFECYCLE });
  return { fixture, faces, name, planned, load };
}
afterEach(async () => {
  for (const { faces } of open) {
    await cleanupConfigs(
      faces.services,
      (await faces.services.dts.listConfigs()).map((c) => c.name),
    );
  }
});
afterAll(async () => {
  for (const { fixture, faces } of open) {
    await faces.services.close();
    await fixture.stop();
  }
});

describe('a run that FAILS on a quota', () => {
  it('is started again after a pause and loads', async () => {
    const { fixture, faces, load } = await cloud();
    const id = fixture.cloud.faults.add({
      service: 'dts',
      method: 'run',
      kind: 'fail-run',
      code: RESOURCE_EXHAUSTED,
      message: QUOTA,
      times: 2,
    });
    const started = Date.now();
    const result = await load();
    expect(fixture.cloud.faults.fired.get(id)).toBe(2);
    expect(result.status, JSON.stringify(result)).toBe('loaded');
    expect(result.partitions).toEqual([expect.objectContaining({ id: PARTITION, rows: ROWS })]);
    expect(result.warnings?.filter((w) => w.includes('run hit a quota'))).toHaveLength(2);
    // Paused with jitter, at least half of quotaBackoffMs × 2^(attempt-1): 100 ms, then 200 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(await tickConfigsLeft(faces.services)).toEqual([]);
    expectNoSecretIn(result);
  });

  it('fails naming the quota when it never refills', async () => {
    const { fixture, faces, load } = await cloud();
    const id = fixture.cloud.faults.add({
      service: 'dts',
      method: 'run',
      kind: 'fail-run',
      code: RESOURCE_EXHAUSTED,
      message: QUOTA,
      times: -1,
    });
    const result = await load();
    expect(fixture.cloud.faults.fired.get(id)).toBe(MAX_RUN_ATTEMPTS); // every start, then it gives up
    expect(result).toMatchObject({ status: 'failed', failed_step: 'wait' });
    expect(result.partitions[0]?.message).toContain(QUOTA);
    expect(await tickConfigsLeft(faces.services)).toEqual([]);
  });
});

it('a spent daily load-job quota fails the table with BigQuery’s quota message', async () => {
  const { fixture, faces, load, name } = await cloud({ quotas: { loadJobsPerDay: 1 } });
  const first = await load();
  expect(first.status, JSON.stringify(first)).toBe('loaded');
  const second = await load((await plannedTable(fixture, name)).planned);
  expect(second).toMatchObject({ status: 'failed' });
  expect(second.partitions[0]?.message).toMatch(
    /Quota exceeded: Your project exceeded quota for imports per project/,
  );
  expect(await tickConfigsLeft(faces.services)).toEqual([]);
});
