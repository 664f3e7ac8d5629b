// The push-signalled wait on the local cloud, through the product's own faces (the official
// DTS and Logging clients): a run is noticed about a buffer window after its final log
// entry even when the blind schedule would look only a minute later; a refused tail or the
// REST transport falls back to polling; the safety poll catches a run whose messages never
// arrive; an abort cancels the stream and leaves no session open.

import { FaultRegistry, type LoggingEmulator, startLoggingEmulator } from '@s3bq/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DtsFace, TransferRunInfo } from '../../src/cloud/dts.js';
import { type CloudServices, createCloudServices } from '../../src/cloud/index.js';
import { createLoggingFace, createLoggingV2Client } from '../../src/cloud/logging.js';
import { DEFAULT_RETRY_POLICY, realSleep } from '../../src/cloud/retry.js';
import { runTable, systemClock } from '../../src/lifecycle/index.js';
import { createRunWatch, type RunWatch } from '../../src/lifecycle/run-watch.js';
import { waitForRun } from '../../src/lifecycle/wait-run.js';
import { fakeServices } from './fake-services.js';
import { type Fixture, startFixture } from './local-fixture.js';
import { partitionOf, plannedOf, specOf } from './spec-fixture.js';

const settings = { location: 'us', maxParallel: 2, timezone: 'UTC' };
/** A blind schedule so slow that only the tail can end a wait within the test's time. */
const BLIND_MINUTE = { initialMs: 60_000, factor: 1, capMs: 60_000 };
const QUICK = { initialMs: 100, factor: 1.5, capMs: 300 };
const WINDOW_MS = 500;

let fixture: Fixture;
let services: CloudServices;

beforeAll(async () => {
  fixture = await startFixture({ runSeconds: 1.5 });
  await fixture.createBucket('lake');
  services = createCloudServices({ env: fixture.env, settings });
  await services.bigquery.createDataset(services.projectId, 'watch', 'us');
});
afterAll(async () => {
  await services?.close();
  await fixture?.stop();
});

async function newConfig(dts: DtsFace = services.dts): Promise<string> {
  const keys = fixture.cloud.credentials[0]!;
  const config = await dts.createConfig({
    displayName: `watch test ${Math.random().toString(36).slice(2)}`,
    destinationDatasetId: 'watch',
    params: {
      data_path: 's3://lake/nothing-here/*',
      destination_table_name_template: 'empty',
      access_key_id: keys.accessKeyId,
      secret_access_key: keys.secretAccessKey,
      file_format: 'CSV',
    },
  });
  return config.name;
}

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function liveWatch(configName: string, onFallback?: (m: string) => void): Promise<RunWatch> {
  const watch = createRunWatch({
    logging: services.logging,
    configName,
    bufferWindowMs: WINDOW_MS,
    onFallback,
  });
  // The tail opens for the first run waited for; a placeholder opens it before the test's run.
  watch.subscribe(`${configName}/runs/placeholder`);
  await until(() => watch.state !== 'opening');
  return watch;
}

/** Starts one run of the config and waits for it with the watch and the given schedules. */
async function startAndWait(
  configName: string,
  watch: RunWatch,
  schedules: { schedule: typeof QUICK; safetySchedule: typeof QUICK },
  dts: DtsFace = services.dts,
) {
  const started = await dts.startRun(configName, new Date('2026-11-20T00:00:00Z'));
  return waitForRun(dts, started.name, systemClock, {
    ...schedules,
    signals: watch,
    signal: AbortSignal.timeout(20_000),
  });
}

/** How long after the run's end the wait returned. */
function lateness(run: TransferRunInfo, returnedAt: number): number {
  if (!run.endTime) throw new Error('a terminal run has an endTime');
  return returnedAt - run.endTime.getTime();
}

describe('waiting with the live tail on the local cloud', () => {
  it('notices a failed run about a buffer window after its final log entry', async () => {
    const configName = await newConfig();
    const watch = await liveWatch(configName);
    expect(watch.state).toBe('live');
    fixture.cloud.faults.add({
      service: 'dts',
      method: 'run',
      kind: 'fail-run',
      message: 'Access Denied (test)',
    });
    try {
      const { run, calls } = await startAndWait(configName, watch, {
        schedule: BLIND_MINUTE,
        safetySchedule: BLIND_MINUTE,
      });
      const late = lateness(run, Date.now());
      expect(run.state).toBe('FAILED');
      expect(late).toBeGreaterThanOrEqual(WINDOW_MS - 100);
      expect(late).toBeLessThan(WINDOW_MS + 2_000);
      expect(calls).toBeLessThanOrEqual(3);
    } finally {
      watch.close();
    }
  });

  it('notices a succeeded run whose final message precedes its state flip, by looking again shortly', async () => {
    const configName = await newConfig();
    const watch = await liveWatch(configName);
    try {
      const { run, calls } = await startAndWait(configName, watch, {
        schedule: BLIND_MINUTE,
        safetySchedule: BLIND_MINUTE,
      });
      expect(run.state).toBe('SUCCEEDED');
      expect(lateness(run, Date.now())).toBeLessThan(4_500);
      expect(calls).toBeLessThanOrEqual(8);
    } finally {
      watch.close();
    }
  });

  it('falls back to the poll schedule, saying so once, when the tail is refused', async () => {
    const configName = await newConfig();
    fixture.cloud.faults.add({
      service: 'logging',
      method: 'TailLogEntries',
      kind: 'error',
      code: 8,
      message: 'Quota exceeded for live tailing sessions',
    });
    const notices: string[] = [];
    const watch = await liveWatch(configName, (message) => notices.push(message));
    try {
      expect(watch.state).toBe('lost');
      const { run } = await startAndWait(configName, watch, {
        schedule: QUICK,
        safetySchedule: BLIND_MINUTE,
      });
      expect(run.state).toBe('SUCCEEDED');
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/RESOURCE_EXHAUSTED.*polling/);
    } finally {
      watch.close();
    }
  });

  it('polls quietly over the REST transport, which cannot stream', async () => {
    const rest = createCloudServices({ env: fixture.env, settings, transport: 'rest' });
    try {
      expect(rest.logging.tailRunMessages).toBeUndefined();
      const configName = await newConfig(rest.dts);
      const notices: string[] = [];
      const watch = createRunWatch({
        logging: rest.logging,
        configName,
        onFallback: (message) => notices.push(message),
      });
      watch.subscribe(`${configName}/runs/placeholder`);
      expect(watch.state).toBe('idle');
      const { run } = await startAndWait(
        configName,
        watch,
        { schedule: QUICK, safetySchedule: BLIND_MINUTE },
        rest.dts,
      );
      expect(run.state).toBe('SUCCEEDED');
      expect(notices).toEqual([]);
      watch.close();
    } finally {
      await rest.close();
    }
  });

  it('catches a run whose messages never arrive with the safety poll', async () => {
    const configName = await newConfig();
    // A live tail of another config: live, but silent about this run.
    const watch = await liveWatch(`${configName}-other`);
    try {
      expect(watch.state).toBe('live');
      const { run } = await startAndWait(configName, watch, {
        schedule: BLIND_MINUTE,
        safetySchedule: { initialMs: 200, factor: 2, capMs: 800 },
      });
      expect(run.state).toBe('SUCCEEDED');
      expect(watch.state).toBe('live');
    } finally {
      watch.close();
    }
  });
});

describe('cancelling a wait that has a live tail', () => {
  let logging: LoggingEmulator;
  beforeAll(async () => {
    logging = await startLoggingEmulator({ faults: new FaultRegistry(), projectId: 'abort-project' });
  });
  afterAll(async () => {
    await logging?.stop();
  });

  it('cancels the stream when the table is aborted and leaves no session open', async () => {
    const [host, port] = logging.hostPort.split(':');
    const client = createLoggingV2Client({
      projectId: 'abort-project',
      apiEndpoint: host,
      port: Number(port),
      sslCreds: (await import('@grpc/grpc-js')).credentials.createInsecure(),
      authClient: new (await import('google-auth-library')).PassThroughClient(),
    });
    const face = createLoggingFace({
      client,
      projectId: 'abort-project',
      timeoutMs: 5_000,
      retry: { ...DEFAULT_RETRY_POLICY, sleep: realSleep, secrets: [] },
    });
    // DTS whose runs never end: only the abort can finish the table.
    const doubles = fakeServices({
      logging: face,
      dts: { getRun: async (name) => ({ name, state: 'RUNNING' }) },
    });
    doubles.state.rows.set('20261120', 1);
    const controller = new AbortController();
    const table = plannedOf(specOf(), [partitionOf('2026-11-20')]);
    const running = runTable(table, {
      services: doubles,
      settings,
      timeoutMs: 30_000,
      runLabel: 'test',
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'run-started') {
          void until(() => logging.openTailSessions() === 1).then(() => controller.abort(new Error('stop')));
        }
      },
    });
    const result = await running;
    expect(result.status).toBe('failed');
    expect(result.partitions[0]?.message).toMatch(/cancelled/);
    await until(() => logging.openTailSessions() === 0);
    await client.close();
  });
});
