// What the local DTS refuses, as the real service does, through the official client: a
// second run on a config with one in flight, run times in the future, a config whose
// location differs from its dataset's, names under the wrong location, and schedules that
// do not parse or run more often than amazon_s3 allows. Each refusal has the real gRPC
// code and a message that says what to do.
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createConfig,
  type Harness,
  PARENT,
  PROJECT,
  putFiles,
  runToEnd,
  s3Params,
  startHarness,
  startRun,
  waitForRun,
} from './dts-harness.js';
import { dtsClient, timestamp } from './helpers/official-clients.js';

const RUN_TIME = new Date('2026-11-21T00:00:00Z');
const EU_PARENT = `projects/${PROJECT}/locations/eu`;

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ runSeconds: 0.4, fileVisibilitySeconds: 0 });
  await putFiles(h.s3, 'lake', ['orders/a.csv']);
});
afterAll(async () => {
  await h?.stop();
});

const caught = (promise: Promise<unknown>): Promise<{ code?: number; details?: string }> =>
  promise.then(
    () => ({}),
    (error: { code?: number; details?: string }) => error,
  );

async function createScheduled(schedule: string, parent = PARENT, dataset = 'sales'): Promise<string> {
  const [config] = await h.dts.createTransferConfig({
    parent,
    transferConfig: {
      displayName: 'scheduled',
      dataSourceId: 'amazon_s3',
      destinationDatasetId: dataset,
      params: s3Params({ data_path: 's3://lake/orders/*' }),
      schedule,
    },
  });
  return config.name as string;
}

describe('one run in flight per config', () => {
  it('refuses a second manual run while one is PENDING or RUNNING, naming it', async () => {
    const name = await createConfig(h.dts, { data_path: 's3://lake/orders/*' });
    const first = await startRun(h.dts, name, RUN_TIME);
    const refused = await caught(startRun(h.dts, name, new Date('2026-11-20T00:00:00Z')));
    expect(refused.code).toBe(status.FAILED_PRECONDITION);
    expect(refused.details).toContain(first);
    expect(refused.details).toContain('Simultaneous backfill requests are not supported');
    // Params and destination stay as the run read them; other fields may change.
    const update = caught(
      h.dts.updateTransferConfig({
        transferConfig: { name, params: s3Params({ data_path: 's3://lake/other/*' }) },
        updateMask: { paths: ['params'] },
      }),
    );
    expect((await update).code).toBe(status.FAILED_PRECONDITION);
    const [renamed] = await h.dts.updateTransferConfig({
      transferConfig: { name, displayName: 'renamed while running' },
      updateMask: { paths: ['display_name'] },
    });
    expect(renamed.displayName).toBe('renamed while running');
    expect((await waitForRun(h.dts, first)).run.state).toBe('SUCCEEDED');
    expect((await runToEnd(h.dts, name, RUN_TIME)).state).toBe('SUCCEEDED');
  });

  it('runs the runs of one time range one after another', async () => {
    const name = await createScheduled('every 24 hours');
    const [response] = await h.dts.startManualTransferRuns({
      parent: name,
      requestedTimeRange: {
        startTime: timestamp(new Date('2026-11-18T00:00:00Z')),
        endTime: timestamp(new Date('2026-11-21T00:00:00Z')),
      },
    });
    const runs = response.runs ?? [];
    expect(runs).toHaveLength(3);
    const busy = await caught(startRun(h.dts, name, RUN_TIME));
    expect(busy.code).toBe(status.FAILED_PRECONDITION);
    const ended = await Promise.all(runs.map((run) => waitForRun(h.dts, run.name as string)));
    const seconds = (value: { seconds?: unknown; nanos?: number | null } | null | undefined): number =>
      Number(value?.seconds ?? 0) + (value?.nanos ?? 0) / 1e9;
    const spans = ended
      .map(({ run }) => ({ start: seconds(run.startTime), end: seconds(run.endTime) }))
      .sort((a, b) => a.start - b.start);
    for (let index = 1; index < spans.length; index++) {
      expect(spans[index]?.start).toBeGreaterThanOrEqual(spans[index - 1]?.end ?? Number.POSITIVE_INFINITY);
    }
  });
});

describe('run times', () => {
  it('refuses a requested_run_time in the future, allowing a minute of clock skew', async () => {
    const name = await createConfig(h.dts, { data_path: 's3://lake/orders/*' });
    const refused = await caught(startRun(h.dts, name, new Date(Date.now() + 3_600_000)));
    expect(refused.code).toBe(status.INVALID_ARGUMENT);
    expect(refused.details).toMatch(/requested_run_time .* is in the future/);
    await waitForRun(h.dts, await startRun(h.dts, name, new Date(Date.now() + 30_000)));
  });

  it('refuses a time range that ends in the future', async () => {
    const name = await createScheduled('every day 04:00');
    const refused = await caught(
      h.dts.startManualTransferRuns({
        parent: name,
        requestedTimeRange: {
          startTime: timestamp(new Date(Date.now() - 86_400_000)),
          endTime: timestamp(new Date(Date.now() + 86_400_000)),
        },
      }),
    );
    expect(refused).toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('end_time'),
    });
  });
});

describe('locations', () => {
  it("refuses a config whose location differs from its dataset's, naming both", async () => {
    const inEu = await caught(createConfig(h.dts, {}, { parent: EU_PARENT, dataset: 'sales' }));
    expect(inEu.code).toBe(status.INVALID_ARGUMENT);
    expect(inEu.details).toMatch(
      /transfer in eu when destination dataset test-project:sales is located in us/,
    );
    // The location-less parent is the US multi-region.
    const locationless = await caught(
      createConfig(h.dts, {}, { parent: `projects/${PROJECT}`, dataset: 'sales_eu' }),
    );
    expect(locationless.code).toBe(status.INVALID_ARGUMENT);
    const regional = await caught(createConfig(h.dts, {}, { parent: PARENT, dataset: 'sales_tokyo' }));
    expect(regional.details).toContain('located in asia-northeast1');
  });

  it('compares locations case-insensitively and names configs in lower case', async () => {
    const name = await createConfig(
      h.dts,
      {},
      { parent: `projects/${PROJECT}/locations/EU`, dataset: 'sales_eu' },
    );
    expect(name).toMatch(/^projects\/test-project\/locations\/eu\/transferConfigs\//);
    expect(
      await createConfig(
        h.dts,
        {},
        { parent: `projects/${PROJECT}/locations/asia-northeast1`, dataset: 'sales_tokyo' },
      ),
    ).toBeTruthy();
  });

  it('refuses an update that moves the destination to another location', async () => {
    const name = await createConfig(h.dts);
    const refused = await caught(
      h.dts.updateTransferConfig({
        transferConfig: { name, destinationDatasetId: 'sales_eu' },
        updateMask: { paths: ['destination_dataset_id'] },
      }),
    );
    expect(refused).toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('located in eu'),
    });
  });

  it('answers NOT_FOUND for a config or run named under another location', async () => {
    const name = await createConfig(h.dts, { data_path: 's3://lake/orders/*' });
    const runName = await startRun(h.dts, name, RUN_TIME);
    await waitForRun(h.dts, runName);
    const inEu = (resource: string): string => resource.replace('/locations/us/', '/locations/eu/');
    const calls: (() => Promise<unknown>)[] = [
      () => h.dts.getTransferConfig({ name: inEu(name) }),
      () => h.dts.deleteTransferConfig({ name: inEu(name) }),
      () => h.dts.listTransferRuns({ parent: inEu(name) }),
      () => h.dts.startManualTransferRuns({ parent: inEu(name), requestedRunTime: timestamp(RUN_TIME) }),
      () => h.dts.getTransferRun({ name: inEu(runName) }),
      () => h.dts.listTransferLogs({ parent: inEu(runName) }),
      () => h.dts.deleteTransferRun({ name: inEu(runName) }),
    ];
    for (const call of calls) expect((await caught(call())).code).toBe(status.NOT_FOUND);
    const [listedInEu] = await h.dts.listTransferConfigs({ parent: EU_PARENT });
    expect(listedInEu.map((config) => config.name)).not.toContain(name);
    // Still there, and reachable under its own location and the location-less (US) form.
    await h.dts.getTransferConfig({ name });
    await h.dts.getTransferConfig({ name: name.replace('/locations/us', '') });
    const euConfig = await createConfig(h.dts, {}, { parent: EU_PARENT, dataset: 'sales_eu' });
    const locationless = await caught(
      h.dts.getTransferConfig({ name: euConfig.replace('/locations/eu', '') }),
    );
    expect(locationless.code).toBe(status.NOT_FOUND);
  });
});

describe('schedules', () => {
  it.each(['every 24 hours', 'every day 04:00', 'every monday 09:00', '1st,3rd monday of month 04:00'])(
    'accepts %s',
    async (schedule) => {
      const name = await createScheduled(schedule);
      const [config] = await h.dts.getTransferConfig({ name });
      expect(config.schedule).toBe(schedule);
    },
  );

  it.each([
    ['every 24 hour', /Invalid schedule "every 24 hour": unexpected "h"/],
    ['Every 24 hours', /Invalid schedule/],
    ['daily', /Invalid schedule/],
    ['every day 25:00', /Invalid schedule/],
    ['every 2 hours from 08:00 to 18:00', /at most once every 24 hours/],
    ['every 30 minutes', /at most once every 24 hours/],
  ])('refuses %s with INVALID_ARGUMENT', async (schedule, message) => {
    const refused = await caught(createScheduled(schedule));
    expect(refused.code).toBe(status.INVALID_ARGUMENT);
    expect(refused.details).toMatch(message);
  });

  it('refuses a bad schedule on update, and a v2 time-based schedule too', async () => {
    const name = await createScheduled('every 24 hours');
    const update = await caught(
      h.dts.updateTransferConfig({
        transferConfig: { name, schedule: 'every blue moon' },
        updateMask: { paths: ['schedule'] },
      }),
    );
    expect(update.code).toBe(status.INVALID_ARGUMENT);
    const v2 = await caught(
      h.dts.createTransferConfig({
        parent: PARENT,
        transferConfig: {
          dataSourceId: 'amazon_s3',
          destinationDatasetId: 'sales',
          params: s3Params(),
          scheduleOptionsV2: { timeBasedSchedule: { schedule: 'every 1 hours' } },
        },
      }),
    );
    expect(v2.code).toBe(status.INVALID_ARGUMENT);
  });
});

describe('the same refusals over REST (google-gax fallback)', () => {
  it('carries the gRPC codes through the REST gateway', async () => {
    const rest = dtsClient(h.env, 'rest');
    try {
      const name = await createConfig(rest, { data_path: 's3://lake/orders/*' });
      const [started] = await rest.startManualTransferRuns({
        parent: name,
        requestedRunTime: timestamp(RUN_TIME),
      });
      const busy = await caught(
        rest.startManualTransferRuns({ parent: name, requestedRunTime: timestamp(RUN_TIME) }),
      );
      expect(busy).toMatchObject({ code: status.FAILED_PRECONDITION });
      await waitForRun(rest, started.runs?.[0]?.name as string);
      const future = await caught(
        rest.startManualTransferRuns({
          parent: name,
          requestedRunTime: timestamp(new Date(Date.now() + 3_600_000)),
        }),
      );
      expect(future).toMatchObject({ code: status.INVALID_ARGUMENT });
      const elsewhere = await caught(
        rest.getTransferConfig({ name: name.replace('/locations/us/', '/locations/eu/') }),
      );
      expect(elsewhere).toMatchObject({ code: status.NOT_FOUND });
      const mismatch = await caught(createConfig(rest, {}, { parent: EU_PARENT, dataset: 'sales' }));
      expect(mismatch).toMatchObject({ code: status.INVALID_ARGUMENT });
    } finally {
      await rest.close();
    }
  });

  it('answers a refused run with HTTP 400 and status FAILED_PRECONDITION', async () => {
    const name = await createConfig(h.dts, { data_path: 's3://lake/orders/*' });
    const first = await startRun(h.dts, name, RUN_TIME);
    const response = await fetch(`http://${h.env.DTS_EMULATOR_REST}/v1/${name}:startManualRuns`, {
      method: 'POST',
      body: JSON.stringify({ requestedRunTime: RUN_TIME.toISOString() }),
      signal: AbortSignal.timeout(5000),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 400, status: 'FAILED_PRECONDITION', message: expect.stringContaining(first) },
    });
    await waitForRun(h.dts, first);
  });
});
