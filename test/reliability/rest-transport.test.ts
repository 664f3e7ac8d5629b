// `transport: 'rest'`, the way out when a proxy blocks gRPC: with the gRPC endpoints of
// DTS and Cloud Logging pointing at a closed port, a table still loads and its config is
// deleted over google-gax's REST transport, faults are retried over REST as over gRPC,
// and a permanent error keeps its gRPC code and names the step.
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { cleanupConfigs, runTable } from '../../src/lifecycle/index.js';
import type { PipelineSettings } from '../../src/tables/types.js';
import { assertNoSecret } from '../helpers/secret-scan.js';
import { textSink } from '../helpers/text-sink.js';
import type { Fixture } from '../lifecycle/local-fixture.js';
import {
  AT,
  expectNoSecretIn,
  FAST_LIFECYCLE,
  type Faces,
  facesFor,
  freshTable,
  PARTITION,
  plannedTable,
  RELIABILITY_SECRET,
  ROWS,
  startReliabilityCloud,
  tickConfigsLeft,
} from './reliability-fixture.js';

let fixture: Fixture;
let settings: PipelineSettings;
let rest: Faces;
/** The local cloud's environment with gRPC blocked: only the REST faces answer. */
let blockedEnv: NodeJS.ProcessEnv;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  fixture = await startReliabilityCloud();
  const dead = `127.0.0.1:${await closedPort()}`;
  blockedEnv = { ...fixture.env, DTS_EMULATOR_HOST: dead, LOGGING_EMULATOR_HOST: dead };
  const name = await freshTable(fixture, 'rest');
  ({ settings } = await plannedTable(fixture, name));
  rest = facesFor({ ...fixture, env: blockedEnv }, settings, { transport: 'rest', callMs: 2_000 });
});
afterEach(async () => {
  fixture.cloud.faults.clear();
  await cleanupConfigs(
    rest.services,
    (await rest.services.dts.listConfigs()).map((c) => c.name),
  );
});
afterAll(async () => {
  await rest?.services.close();
  await fixture?.stop();
});

describe('transport rest with gRPC blocked', () => {
  it('gRPC really is blocked: the default transport cannot load the table', async () => {
    const name = await freshTable(fixture, 'rest');
    const grpc = facesFor({ ...fixture, env: blockedEnv }, settings, { callMs: 300, retry: { retries: 1 } });
    try {
      const { planned } = await plannedTable(fixture, name);
      const result = await runTable(planned, {
        services: grpc.services,
        settings,
        timeoutMs: 10_000,
        ...FAST_LIFECYCLE,
      });
      expect(result).toMatchObject({ status: 'failed', failed_step: 'create-config' });
      expect(result.message).toContain('UNAVAILABLE');
    } finally {
      await grpc.services.close();
    }
  });

  it('s3bq run --transport rest loads the table and deletes its config', async () => {
    const name = await freshTable(fixture, 'rest');
    const stdout = textSink();
    const stderr = textSink();
    const code = await main(
      ['run', '--tables', 'tables', '--at', AT, '--only', name, '--transport', 'rest', '--json'],
      {
        env: blockedEnv,
        cwd: fixture.cwd,
        stdout: stdout.stream,
        stderr: stderr.stream,
      },
    );
    expect(code, stderr.text()).toBe(0);
    const report = JSON.parse(stdout.text()) as {
      tables: { status: string; partitions: { id: string; rows?: number }[] }[];
    };
    expect(report.tables).toEqual([
      expect.objectContaining({
        status: 'loaded',
        partitions: [expect.objectContaining({ id: PARTITION, rows: ROWS })],
      }),
    ]);
    expect(await tickConfigsLeft(rest.services)).toEqual([]);
    assertNoSecret(RELIABILITY_SECRET, { stdout: stdout.text(), stderr: stderr.text() });
  });

  it.each([
    ['CreateTransferConfig'],
    ['StartManualTransferRuns'],
    ['GetTransferRun'],
    ['ListTransferLogs'],
    ['DeleteTransferConfig'],
  ])('a burst of UNAVAILABLE on %s is retried over REST', async (method) => {
    const name = await freshTable(fixture, 'rest');
    const id = fixture.cloud.faults.add({ service: 'dts', method, kind: 'error', code: 14, times: 2 });
    const { planned } = await plannedTable(fixture, name);
    const result = await runTable(planned, {
      services: rest.services,
      settings,
      timeoutMs: 20_000,
      ...FAST_LIFECYCLE,
    });
    expect(fixture.cloud.faults.fired.get(id)).toBe(2);
    expect(result.status, JSON.stringify(result)).toBe('loaded');
    expect(await tickConfigsLeft(rest.services)).toEqual([]);
    expectNoSecretIn(result);
  });

  it('a permanent error over REST keeps its code and names the step', async () => {
    const name = await freshTable(fixture, 'rest');
    fixture.cloud.faults.add({
      service: 'dts',
      method: 'CreateTransferConfig',
      kind: 'error',
      code: 7,
      message: 'The caller does not have permission',
      times: -1,
    });
    const { planned } = await plannedTable(fixture, name);
    const result = await runTable(planned, {
      services: rest.services,
      settings,
      timeoutMs: 20_000,
      ...FAST_LIFECYCLE,
    });
    expect(result).toMatchObject({ status: 'failed', failed_step: 'create-config' });
    expect(result.message).toMatch(/create-config: .*The caller does not have permission.*PERMISSION_DENIED/);
    expect(await tickConfigsLeft(rest.services)).toEqual([]);
  });

  it('s3bq janitor --transport rest removes a leftover tick config', async () => {
    const config = await rest.services.dts.createConfig({
      displayName: 's3bq|rest.left|20261120|gh-1-1',
      destinationDatasetId: 'rest',
      params: {
        data_path: 's3://lake/rest/x/*',
        destination_table_name_template: 'x',
        access_key_id: 'A',
        secret_access_key: RELIABILITY_SECRET,
      },
    });
    // Left idle for seven hours: the janitor's default age.
    fixture.cloud.ageConfigs(7 * 3_600_000);
    const stdout = textSink();
    const code = await main(['janitor', '--transport', 'rest'], {
      env: blockedEnv,
      cwd: fixture.cwd,
      stdout: stdout.stream,
      stderr: textSink().stream,
    });
    expect(code).toBe(0);
    expect(stdout.text()).toContain(config.name);
    expect(await tickConfigsLeft(rest.services)).toEqual([]);
  });
});
