// Limits of the local DTS through the official client: the file visibility delay (300 s by
// default, as DTS), the project quotas on concurrent runs and daily load jobs, and the
// record of runs in flight that callers' quota guards are measured against.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createConfig,
  type Harness,
  putFiles,
  runLogs,
  startHarness,
  startRun,
  waitForRun,
} from './dts-harness.js';

const RUN_TIME = new Date('2026-11-21T00:00:00Z');
let h: (Harness & { statsNow(): Harness['stats'] }) | undefined;

afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('file visibility', () => {
  it('does not see files until they are older than the visibility delay (300 s by default)', async () => {
    h = await startHarness();
    await putFiles(h.s3, 'fresh', ['events/a.csv']);
    const name = await createConfig(h.dts, { data_path: 's3://fresh/events/*' });
    const { run: early } = await waitForRun(h.dts, await startRun(h.dts, name, RUN_TIME));
    expect(early.state).toBe('SUCCEEDED');
    expect(h.warehouse.loads).toHaveLength(0);
    expect((await runLogs(h.dts, early.name as string)).join('\n')).toContain(
      'No new files found matching s3://fresh/events/*.',
    );

    h.advance(301_000);
    const { run: later } = await waitForRun(h.dts, await startRun(h.dts, name, RUN_TIME));
    expect(later.state).toBe('SUCCEEDED');
    expect(h.warehouse.loads.map((load) => load.files.map((file) => file.uri))).toEqual([
      ['s3://fresh/events/a.csv'],
    ]);
  });
});

describe('quotas', () => {
  it('fails runs beyond the concurrent-run quota with RESOURCE_EXHAUSTED', async () => {
    h = await startHarness({ runSeconds: 0.5, quotas: { concurrentRuns: 2 }, fileVisibilitySeconds: 0 });
    await putFiles(h.s3, 'busy', ['events/a.csv']);
    const harness = h;
    // One run per config: DTS refuses a second run on a config with one in flight.
    const names = await Promise.all(
      [0, 1, 2, 3].map(() => createConfig(harness.dts, { data_path: 's3://busy/events/*' })),
    );
    const runs = await Promise.all(names.map((name) => startRun(harness.dts, name, RUN_TIME)));
    expect(h.statsNow()).toMatchObject({ inFlightRuns: 4, peakInFlightRuns: 4 });
    const ended = await Promise.all(runs.map((run) => waitForRun(harness.dts, run)));
    const states = ended.map(({ run }) => run.state);
    expect(states.filter((state) => state === 'SUCCEEDED')).toHaveLength(2);
    const failed = ended.filter(({ run }) => run.state === 'FAILED').map(({ run }) => run.errorStatus);
    expect(failed).toHaveLength(2);
    for (const status of failed) {
      expect(status).toMatchObject({
        code: 8,
        message: expect.stringMatching(/^Quota exceeded: .*concurrent transfer runs/),
      });
    }
    expect(h.statsNow()).toMatchObject({ peakConcurrentRuns: 2, inFlightRuns: 0, peakInFlightRuns: 4 });
  });

  it('fails runs beyond the daily load-job quota with the documented message', async () => {
    h = await startHarness({ quotas: { loadJobsPerDay: 1 }, fileVisibilitySeconds: 0 });
    await putFiles(h.s3, 'daily', ['events/a.csv']);
    const name = await createConfig(h.dts, { data_path: 's3://daily/events/*' });
    expect((await waitForRun(h.dts, await startRun(h.dts, name, RUN_TIME))).run.state).toBe('SUCCEEDED');
    const { run } = await waitForRun(h.dts, await startRun(h.dts, name, RUN_TIME));
    expect(run.state).toBe('FAILED');
    expect(run.errorStatus).toMatchObject({
      code: 8,
      message: expect.stringContaining('Quota exceeded: Your project exceeded quota for imports per project'),
    });
    // A run without files issues no load job, so it still succeeds.
    const empty = await createConfig(h.dts, { data_path: 's3://daily/none/*' });
    expect((await waitForRun(h.dts, await startRun(h.dts, empty, RUN_TIME))).run.state).toBe('SUCCEEDED');
  });
});
