// The bundled action (dist/action/main.js, then post.js) run as the GitHub runner runs it,
// against the local cloud: each outcome of a table — loaded, skipped, partly skipped,
// failed (missing bucket, a FAILED run, a timeout) — with its outputs, annotations,
// summary and result file; after each, no transfer config of the tick is left and the
// AWS secret appears nowhere.
import { readFile } from 'node:fs/promises';
import type { LocalCloud } from '@s3bq/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultFile } from '../../src/lifecycle/outcome.js';
import {
  csvRows,
  csvTable,
  E2E_SECRET,
  expectJobLeftNothing,
  jobEnv,
  partitionRows,
  putFiles,
  startE2eCloud,
  tableExists,
  writeTables,
} from './local-cloud.js';
import { type JobResult, makeWorkspace, runJob, type Workspace } from './runner.js';

/** A tick whose lookback of 2 days loads 2026-11-19 and 2026-11-20. */
const AT = '2026-11-21T06:00:00Z';

let cloud: LocalCloud;
let workspace: Workspace;
let runs = 0;

beforeAll(async () => {
  cloud = await startE2eCloud();
  workspace = await makeWorkspace();
  await putFiles(cloud, 'e2e-lake', {
    'full/dt=2026-11-19/part-0.csv': csvRows(3),
    'full/dt=2026-11-20/part-0.csv': csvRows(5),
    'partial/dt=2026-11-20/part-0.csv': csvRows(4),
    'other/dt=2026-11-01/part-0.csv': csvRows(1),
  });
  await writeTables(workspace.cwd, {
    'e2e.loaded': csvTable('e2e.loaded', 's3://e2e-lake/full', { lookback_days: 2 }),
    'e2e.partial': csvTable('e2e.partial', 's3://e2e-lake/partial', { lookback_days: 2 }),
    'e2e.empty': csvTable('e2e.empty', 's3://e2e-lake/nothing-here', { lookback_days: 2 }),
    'e2e.nobucket': csvTable('e2e.nobucket', 's3://e2e-no-such-bucket/full', { lookback_days: 2 }),
    'e2e.failrun': csvTable('e2e.failrun', 's3://e2e-lake/full', { lookback_days: 1 }),
    'e2e.slow': csvTable('e2e.slow', 's3://e2e-lake/full', { lookback_days: 1 }),
    'e2e.rest': csvTable('e2e.rest', 's3://e2e-lake/full', { lookback_days: 1 }),
    'e2e.dry': csvTable('e2e.dry', 's3://e2e-lake/full', { lookback_days: 2 }),
    'e2e.echo': csvTable('e2e.echo', 's3://e2e-lake/full', { lookback_days: 1 }),
  });
});

afterAll(async () => {
  await cloud?.stop();
  await workspace?.remove();
});

async function job(
  table: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<JobResult> {
  runs += 1;
  return runJob({
    inputs: { table, at: AT, timeout: '30s', ...inputs },
    env: { ...jobEnv(cloud, String(1000 + runs)), ...env },
    cwd: workspace.cwd,
    runnerTemp: workspace.runnerTemp,
  });
}

async function resultOf(result: JobResult): Promise<ResultFile> {
  const path = result.main.outputs['result-file'];
  expect(
    path,
    `no result-file output; stderr: ${result.main.stderr}\nstdout: ${result.main.stdout}`,
  ).toBeTruthy();
  return JSON.parse(await readFile(String(path), 'utf8')) as ResultFile;
}

/** What every scenario must leave: no config of a tick, and the secret nowhere. */
function expectCleanAndSecretFree(result: JobResult, tables: string): Promise<void> {
  return expectJobLeftNothing(cloud, result, workspace.runnerTemp, tables.split(','));
}

// Scenarios without faults touch only their own tables: they run side by side.
describe.concurrent('the bundled action against the local cloud', () => {
  it('loads every partition: outputs, summary, result file, rows in BigQuery', async () => {
    const result = await job('e2e.loaded');
    expect(result.main.code, result.main.stdout + result.main.stderr).toBe(0);
    expect(result.main.outputs).toMatchObject({ status: 'loaded', loaded: '2', skipped: '0', failed: '0' });
    expect(result.main.summary).toContain('e2e.loaded');
    const file = await resultOf(result);
    expect(file.run).toEqual({
      id: expect.any(String),
      attempt: '1',
      url: expect.stringMatching(
        /^https:\/\/github\.com\/acme\/data-pipeline\/actions\/runs\/\d+\/attempts\/1$/,
      ),
      job: 'load',
    });
    expect(file.window).toEqual({ kind: 'tick', at: '2026-11-21T06:00:00.000Z' });
    expect(file.tables.map((table) => [table.name, table.status])).toEqual([['e2e.loaded', 'loaded']]);
    expect(
      file.tables[0]?.partitions.map((partition) => [partition.id, partition.status, partition.rows]),
    ).toEqual([
      ['20261119', 'loaded', 3],
      ['20261120', 'loaded', 5],
    ]);
    expect(await partitionRows(cloud, 'e2e', 'loaded')).toMatchObject({ '20261119': 3, '20261120': 5 });
    expect(result.post.code).toBe(0);
    await expectCleanAndSecretFree(result, 'e2e.loaded');
  });

  it('loads over REST (transport: rest), the way out when a proxy blocks gRPC', async () => {
    // gRPC is "blocked": its endpoints lead nowhere, so only REST can have loaded the table.
    const blocked = { DTS_EMULATOR_HOST: '127.0.0.1:9', LOGGING_EMULATOR_HOST: '127.0.0.1:9' };
    const result = await job('e2e.rest', { transport: 'rest' }, blocked);
    expect(result.main.code, result.main.stdout + result.main.stderr).toBe(0);
    expect(result.main.outputs).toMatchObject({ status: 'loaded', loaded: '1' });
    expect(JSON.parse(String(result.main.state['s3bq-cleanup'])).transport).toBe('rest');
    expect(await partitionRows(cloud, 'e2e', 'rest')).toMatchObject({ '20261120': 5 });
    await expectCleanAndSecretFree(result, 'e2e.rest');
  });

  it('skips a table without files and loads a partly skipped one, in one job of two tables', async () => {
    const result = await job('e2e.empty,e2e.partial');
    // A skip never fails the job.
    expect(result.main.code, result.main.stdout + result.main.stderr).toBe(0);
    expect(result.main.outputs).toMatchObject({ status: 'skipped', loaded: '1', skipped: '3', failed: '0' });
    expect(result.main.stdout).toMatch(/^::notice title=e2e\.empty::Skipped 20261119, 20261120: /m);
    expect(result.main.stdout).toMatch(/^::notice title=e2e\.partial::Skipped 20261119: /m);
    expect(result.main.stdout).not.toMatch(/^::error/m);
    const file = await resultOf(result);
    expect(file.tables.map((table) => [table.name, table.status])).toEqual([
      ['e2e.empty', 'skipped'],
      ['e2e.partial', 'loaded'],
    ]);
    expect(file.tables[1]?.partitions.map((partition) => [partition.id, partition.status])).toEqual([
      ['20261119', 'skipped'],
      ['20261120', 'loaded'],
    ]);
    expect(result.main.summary).toMatch(/e2e\.empty.*skipped/);
    expect(result.main.summary).toMatch(/e2e\.partial.*loaded/);
    expect(await partitionRows(cloud, 'e2e', 'partial')).toMatchObject({ '20261120': 4 });
    await expectCleanAndSecretFree(result, 'e2e.empty,e2e.partial');
  });

  it('checks S3 and creates nothing on a dry run', async () => {
    const result = await job('e2e.dry', { 'dry-run': 'true' });
    expect(result.main.code, result.main.stdout + result.main.stderr).toBe(0);
    expect(result.main.outputs).toMatchObject({ status: 'skipped', loaded: '0', failed: '0' });
    expect(result.main.stdout).toMatch(
      /^::notice title=e2e\.dry::dry run: 2 partition\(s\) would load \(2 file\(s\)\)$/m,
    );
    expect(result.main.stdout).not.toContain('transfer config projects/');
    expect(await tableExists(cloud, 'e2e', 'dry')).toBe(false);
    await expectCleanAndSecretFree(result, 'e2e.dry');
  });

  it('fails on a missing bucket (never a skip), with an error annotation that says so', async () => {
    const result = await job('e2e.nobucket');
    expect(result.main.code).toBe(1);
    expect(result.main.outputs).toMatchObject({ status: 'failed', loaded: '0', skipped: '0', failed: '2' });
    expect(result.main.stdout).toMatch(/^::error title=e2e\.nobucket::.*e2e-no-such-bucket/m);
    expect(result.main.stdout).toMatch(/^::error::1 of 1 table\(s\) failed: e2e\.nobucket/m);
    expect((await resultOf(result)).tables[0]?.failed_step).toBe('precheck');
    await expectCleanAndSecretFree(result, 'e2e.nobucket');
  });
});

// Faults apply to the whole local cloud: these run one at a time, after the others.
describe('the bundled action against a faulty local cloud', () => {
  it("fails with DTS's own message when a transfer run ends FAILED", async () => {
    const message = 'Access Denied: the object is encrypted with a key this transfer may not use';
    const fault = cloud.faults.add({ service: 'dts', method: 'run', kind: 'fail-run', code: 7, message });
    try {
      const result = await job('e2e.failrun');
      expect(cloud.faults.fired.get(fault)).toBe(1);
      expect(result.main.code).toBe(1);
      expect(result.main.outputs).toMatchObject({ status: 'failed', failed: '1' });
      expect(result.main.stdout).toContain(`::error title=e2e.failrun::`);
      expect(result.main.stdout).toContain(message);
      expect(result.main.summary).toContain('Access Denied');
      await expectCleanAndSecretFree(result, 'e2e.failrun');
    } finally {
      cloud.faults.remove(fault);
    }
  });

  it('keeps the secret out of everything even when DTS echoes the request params in its error', async () => {
    const echoed =
      `Invalid transfer config params: {"secret_access_key": "${E2E_SECRET}"} ` +
      `url=${encodeURIComponent(E2E_SECRET)} b64=${Buffer.from(E2E_SECRET).toString('base64')}`;
    const fault = cloud.faults.add({
      service: 'dts',
      method: 'CreateTransferConfig',
      kind: 'error',
      code: 3,
      message: echoed,
    });
    try {
      const result = await job('e2e.echo');
      expect(cloud.faults.fired.get(fault)).toBe(1);
      expect(result.main.code).toBe(1);
      expect(result.main.stdout).toMatch(/^::error title=e2e\.echo::.*Invalid transfer config params/m);
      await expectCleanAndSecretFree(result, 'e2e.echo');
    } finally {
      cloud.faults.remove(fault);
    }
  });

  it('fails at the timeout when DTS stops answering, and still deletes the config', async () => {
    const fault = cloud.faults.add({ service: 'dts', method: 'GetTransferRun', kind: 'hang', times: -1 });
    try {
      const started = Date.now();
      const result = await job('e2e.slow', { timeout: '3s' });
      // The timeout is 3 s; a call deadline (30 s) would be the hang winning.
      expect(Date.now() - started).toBeLessThan(25_000);
      expect(cloud.faults.fired.get(fault) ?? 0).toBeGreaterThan(0);
      expect(result.main.code).toBe(1);
      expect(result.main.outputs).toMatchObject({ status: 'failed', failed: '1' });
      expect(result.main.stdout).toMatch(/^::error title=e2e\.slow::.*(timed out|timeout|3 ?s)/im);
      await expectCleanAndSecretFree(result, 'e2e.slow');
    } finally {
      cloud.faults.remove(fault);
    }
  });
});
