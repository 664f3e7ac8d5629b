// `s3bq run` and `s3bq janitor` in-process through the CLI's main(), on the local cloud.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { type CloudServices, createCloudServices } from '../../src/cloud/index.js';
import { parseConfigName } from '../../src/lifecycle/index.js';
import { textSink } from '../helpers/text-sink.js';
import { CSV_SCHEMA, csvRows, csvTable, type Fixture, startFixture } from '../lifecycle/local-fixture.js';

let fixture: Fixture;
let services: CloudServices;

async function s3bq(argv: string[], signal?: AbortSignal) {
  const stdout = textSink();
  const stderr = textSink();
  const code = await main(argv, {
    env: fixture.env,
    cwd: fixture.cwd,
    stdout: stdout.stream,
    stderr: stderr.stream,
    signal,
  });
  const secret = fixture.env.AWS_SECRET_ACCESS_KEY as string;
  expect(stdout.text()).not.toContain(secret);
  expect(stderr.text()).not.toContain(secret);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

async function configsLeft() {
  return (await services.dts.listConfigs()).filter((c) => parseConfigName(c.displayName)?.kind === 'tick');
}

beforeAll(async () => {
  fixture = await startFixture();
  await fixture.createBucket('lake');
  await fixture.writeTable(
    'sales.orders',
    csvTable('s3://lake/sales/orders', {
      lookback_days: 2,
    }),
  );
  await fixture.writeTable('sales.refunds', csvTable('s3://lake/sales/refunds'));
  await fixture.putObject('lake', 'sales/orders/dt=2026-11-19/a.csv', csvRows(3));
  await fixture.putObject('lake', 'sales/orders/dt=2026-11-20/a.csv', csvRows(4));
  await fixture.age();
  const { settings } = await fixture.plan({ at: '2026-11-21T03:00:00Z' });
  services = createCloudServices({ env: fixture.env, settings });
});
afterAll(async () => {
  await services?.close();
  await fixture?.stop();
});

describe('s3bq run', () => {
  it('loads, prints progress and the report, writes the result file, exits 0', async () => {
    const out = await s3bq([
      'run',
      '--at',
      '2026-11-21T03:00:00Z',
      '--max-parallel',
      '2',
      '--results',
      'results.json',
    ]);
    expect(out.code, out.stderr + out.stdout).toBe(0);
    expect(out.stdout).toMatch(/▶ sales\.orders: 2 partition\(s\)/);
    expect(out.stdout).toMatch(/sales\.orders: loaded/);
    expect(out.stdout).toMatch(/sales\.refunds: skipped/);
    const file = JSON.parse(await readFile(join(fixture.cwd, 'results.json'), 'utf8'));
    expect(file.schema_version).toBe(1);
    const orders = file.tables.find((t: { name: string }) => t.name === 'sales.orders');
    expect(orders.partitions.map((p: { rows: number }) => p.rows)).toEqual([3, 4]);
    expect(await configsLeft()).toEqual([]);
  });

  it('prints the result file with --json and checks nothing but S3 with --dry-run', async () => {
    const before = (await services.dts.listConfigs()).length;
    const out = await s3bq(['run', '--at', '2026-11-21T03:00:00Z', '--dry-run', '--json']);
    expect(out.code).toBe(0);
    const file = JSON.parse(out.stdout);
    const orders = file.tables.find((t: { name: string }) => t.name === 'sales.orders');
    expect(orders.partitions[0].message).toMatch(/dry run: would load 1 file\(s\)/);
    // Not "skipped — no partition had files": the table says what a run would do.
    expect(orders.message).toBe('dry run: 2 partition(s) would load (2 file(s))');
    expect((await services.dts.listConfigs()).length).toBe(before);
  });

  it('exits 1 when a table fails, over the REST transport too', async () => {
    await fixture.writeTable('sales.broken', {
      source: 's3://missing-bucket/sales/broken',
      format: 'CSV',
      schema: CSV_SCHEMA,
    });
    const out = await s3bq([
      'run',
      '--at',
      '2026-11-21T03:00:00Z',
      '--only',
      'sales.broken,sales.orders',
      '--transport',
      'rest',
    ]);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/sales\.broken: failed — .*bucket "missing-bucket" does not exist/);
    expect(out.stdout).toMatch(/sales\.orders: loaded/);
  });

  it('refuses bad options with usage (exit 2)', async () => {
    expect((await s3bq(['run', '--timeout', 'soon'])).code).toBe(2);
    expect((await s3bq(['run', '--max-parallel', '0'])).code).toBe(2);
    // The file and the environment variable stop at 256: so does the flag.
    const tooMany = await s3bq(['run', '--max-parallel', '1000']);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toMatch(/--max-parallel must be a whole number from 1 to 256/);
    expect((await s3bq(['run', '--transport', 'carrier-pigeon'])).code).toBe(2);
  });

  it('checks the result file can be written before anything runs', async () => {
    const before = (await services.dts.listConfigs()).length;
    const out = await s3bq([
      'run',
      '--at',
      '2026-11-21T03:00:00Z',
      '--results',
      'no/such/folder/results.json',
    ]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--results .*the folder .*no\/such\/folder does not exist; create it first/);
    expect(out.stdout).not.toMatch(/▶/);
    expect((await services.dts.listConfigs()).length).toBe(before);
  });

  it('stops on a signal and still deletes the tick config', async () => {
    const fault = fixture.cloud.faults.add({
      service: 'dts',
      method: 'GetTransferRun',
      kind: 'hang',
      times: -1,
    });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('stopped by SIGINT')), 1_500);
    const out = await s3bq(
      ['run', '--at', '2026-11-21T03:00:00Z', '--only', 'sales.orders'],
      controller.signal,
    );
    clearTimeout(timer);
    fixture.cloud.faults.remove(fault);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/cancelled/);
    expect(await configsLeft()).toEqual([]);
  });
});

describe('s3bq janitor', () => {
  it('deletes left-behind run configs and retired append configs, never a kept or foreign one', async () => {
    const params = {
      data_path: 's3://lake/x/*',
      destination_table_name_template: 'x',
      access_key_id: 'a',
      secret_access_key: 'b',
    };
    const leftover = await services.dts.createConfig({
      displayName: 's3bq|sales.x|20261121|gh-1-1',
      destinationDatasetId: 'sales',
      params,
    });
    const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    const key = `s3bq-append|${services.projectId}.sales.gone$${today}|0123456789ab`;
    await services.dts.createConfig({ displayName: `${key}|c1`, destinationDatasetId: 'sales', params });
    await services.dts.createConfig({ displayName: 'someone else', destinationDatasetId: 'sales', params });

    const tooSoon = await s3bq(['janitor', '--older-than', '1ms']);
    expect(tooSoon.code).toBe(2);
    expect(tooSoon.stderr).toMatch(/shorter than 1h: a live run's config could be deleted mid-run/);

    const young = await s3bq(['janitor']);
    expect(young.stdout).toMatch(/^0 config\(s\) deleted/m);

    // Seven hours pass without anyone touching the configs.
    fixture.cloud.ageConfigs(7 * 3_600_000);
    const dry = await s3bq(['janitor', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`would delete s3bq|sales.x|20261121|gh-1-1 (${leftover.name}): left behind`);
    expect((await configsLeft()).length).toBe(1);

    const out = await s3bq(['janitor']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('deleted s3bq|sales.x|20261121|gh-1-1');
    const names = (await services.dts.listConfigs()).map((c) => c.displayName);
    expect(names).toContain(`${key}|c1`);
    expect(names).toContain('someone else');
    expect(await configsLeft()).toEqual([]);
  });
});
