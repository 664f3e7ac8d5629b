// The local cloud's concurrent-runs quota: a run that FAILED on it is started again after
// a pause and loads; the partition never silently disappears.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CloudServices, createCloudServices } from '../../src/cloud/index.js';
import { runTable } from '../../src/lifecycle/index.js';
import { csvRows, csvTable, type Fixture, QUICK_TIMING, startFixture } from './local-fixture.js';

const AT = '2026-11-21T03:00:00Z';
let fixture: Fixture;
let services: CloudServices;

beforeAll(async () => {
  fixture = await startFixture({ runSeconds: 0.5, quotas: { concurrentRuns: 1 } });
  await fixture.createBucket('lake');
  await fixture.writeTable('q.t', csvTable('s3://lake/q/t', { lookback_days: 3 }));
  for (const day of ['18', '19', '20'])
    await fixture.putObject('lake', `q/t/dt=2026-11-${day}/a.csv`, csvRows(2));
  const { settings } = await fixture.plan({ at: AT });
  services = createCloudServices({ env: fixture.env, settings });
});
afterAll(async () => {
  await services?.close();
  await fixture?.stop();
});

it('backs off from a concurrent-runs quota and then loads every partition', async () => {
  const { planned, settings } = await fixture.plan({ at: AT, only: 'q.t' });
  const result = await runTable(planned[0]!, {
    services,
    settings,
    timeoutMs: 30_000,
    runLabel: 'quota',
    timing: { ...QUICK_TIMING, quotaBackoffMs: 400 },
  });
  expect(result.status, JSON.stringify(result)).toBe('loaded');
  expect(result.partitions.map((p) => p.rows)).toEqual([2, 2, 2]);
  expect(result.warnings?.join()).toMatch(/quota/);
});
