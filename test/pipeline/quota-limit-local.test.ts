// max_parallel above the project's real concurrent-runs quota: the process halves its own
// limit when DTS fails a run on the quota, so a handful of runs restart instead of most of
// them, every partition loads, and the pipeline says what happened.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CloudServices, createCloudServices } from '../../src/cloud/index.js';
import type { LifecycleEvent } from '../../src/lifecycle/types.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { csvRows, csvTable, type Fixture, startFixture } from '../lifecycle/local-fixture.js';

const AT = '2026-11-21T03:00:00Z';
const TABLES = 4;
const QUOTA = 2;
let fixture: Fixture;
let services: CloudServices;

beforeAll(async () => {
  fixture = await startFixture({ runSeconds: 0.3, quotas: { concurrentRuns: QUOTA } });
  await fixture.createBucket('lake');
  for (let t = 0; t < TABLES; t++) {
    await fixture.writeTable(`q.t${t}`, csvTable(`s3://lake/q/t${t}`, { lookback_days: 3 }));
    for (const day of ['18', '19', '20'])
      await fixture.putObject('lake', `q/t${t}/dt=2026-11-${day}/a.csv`, csvRows(2));
  }
  await fixture.age();
  const { settings } = await fixture.plan({ at: AT });
  services = createCloudServices({ env: fixture.env, settings });
});
afterAll(async () => {
  await services?.close();
  await fixture?.stop();
});

it('lowers its own limit to the quota DTS enforces, and loads every partition', async () => {
  const { planned, settings } = await fixture.plan({ at: AT });
  const events: LifecycleEvent[] = [];
  const results = await runPipeline(
    planned,
    { ...settings, maxParallel: 12 },
    { timeoutMs: 60_000, dryRun: false, transport: 'grpc', runLabel: 'quota-limit' },
    {
      env: fixture.env,
      signal: new AbortController().signal,
      services,
      timing: { quotaBackoffMs: 200 },
      onEvent: (event) => events.push(event),
    },
  );
  expect(results.map((table) => [table.name, table.status])).toEqual(
    planned.map((table) => [table.spec.name, 'loaded']),
  );
  expect(fixture.cloud.stats().peakConcurrentRuns).toBeLessThanOrEqual(QUOTA);
  const restarts = results.flatMap((table) => table.warnings ?? []).filter((w) => /hit a quota/.test(w));
  // With 12 partitions let start at once against a quota of 2, most would fail at first
  // and again at every restart; the limit keeps the restarts to a few.
  expect(restarts.length).toBeGreaterThan(0);
  expect(restarts.length).toBeLessThanOrEqual(TABLES * 3);
  const said = events.flatMap((event) => (event.type === 'warning' ? [event.message] : []));
  expect(said.join('\n')).toMatch(
    /concurrent-runs quota: this process now keeps at most \d+ run\(s\) in flight \(max_parallel 12\)/,
  );
});
