// Cancellation the way GitHub's runner cancels, on the bundled CLI as a child process:
// SIGINT mid-wait, SIGTERM 7.5 s later, SIGKILL 2.5 s after that. The tick's config is
// deleted, the exit code is non-zero and the report says the table failed as cancelled.
// A SIGKILL (kill -9) leaves the config behind by nature: `s3bq janitor` removes it, and
// never a WRITE_APPEND table's long-lived config or a config that is not ours.
// Needs `npm run build` (dist/ is what bin/s3bq.js runs).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CloudServices } from '../../src/cloud/index.js';
import { appendConfigKey, appendConfigName } from '../../src/lifecycle/config-naming.js';
import { cleanupConfigs } from '../../src/lifecycle/index.js';
import { assertNoSecret } from '../helpers/secret-scan.js';
import type { Fixture } from '../lifecycle/local-fixture.js';
import { type CliProcess, cancelLikeRunner, startCli, until } from './cli-process.js';
import {
  AT,
  facesFor,
  freshTable,
  plannedTable,
  RELIABILITY_SECRET,
  startReliabilityCloud,
  tickConfigsLeft,
} from './reliability-fixture.js';

let fixture: Fixture;
let services: CloudServices;

beforeAll(async () => {
  // Runs outlast every signal the tests send (each lands mid-wait), then end by themselves,
  // as a killed job's runs do: the janitor never deletes a config whose run is in flight.
  fixture = await startReliabilityCloud({ runSeconds: 6 });
  const name = await freshTable(fixture, 'cancel');
  const { settings } = await plannedTable(fixture, name);
  ({ services } = facesFor(fixture, settings, { callMs: 2_000 }));
});
afterEach(async () => {
  fixture.cloud.faults.clear();
  await cleanupConfigs(
    services,
    (await services.dts.listConfigs()).map((config) => config.name),
  );
});
afterAll(async () => {
  await services?.close();
  await fixture?.stop();
});

/** `s3bq run` of one fresh table, returned once its transfer run is in flight. */
async function runUntilMidWait(): Promise<{ cli: CliProcess; table: string }> {
  const table = await freshTable(fixture, 'cancel');
  const before = runsInFlight();
  const cli = startCli(['run', '--tables', 'tables', '--at', AT, '--only', table, '--timeout', '5m'], {
    cwd: fixture.cwd,
    env: fixture.env,
  });
  await until(() => runsInFlight() > before || cli.child.exitCode !== null, 'a transfer run in flight');
  expect(cli.child.exitCode, cli.stderr()).toBeNull();
  expect(await tickConfigsLeft(services)).toHaveLength(1);
  return { cli, table };
}

function runsInFlight(): number {
  const { runs } = fixture.cloud.stats();
  return runs.PENDING + runs.RUNNING;
}

function expectNoSecretPrinted(cli: CliProcess): void {
  assertNoSecret(RELIABILITY_SECRET, { stdout: cli.stdout(), stderr: cli.stderr() });
}

describe('s3bq run cancelled by the runner', () => {
  it('SIGINT mid-wait: deletes its config, reports the table cancelled/failed, exits 1 before SIGTERM', async () => {
    const { cli, table } = await runUntilMidWait();
    cancelLikeRunner(cli); // the runner's own 7.5 s / 2.5 s
    const exit = await cli.exited;
    expect(cli.signalsSent.map((sent) => sent.signal)).toEqual(['SIGINT']);
    expect(exit).toEqual({ code: 1, signal: null });
    expect(cli.stderr()).toContain('SIGINT received, stopping and cleaning up');
    expect(cli.stdout()).toMatch(new RegExp(`✖ ${table.replace('.', '\\.')}: failed — .*cancelled`));
    expect(await tickConfigsLeft(services)).toEqual([]);
    expectNoSecretPrinted(cli);
  });

  it('SIGINT while its delete hangs: SIGTERM ends it at once, and the janitor removes the config', async () => {
    fixture.cloud.faults.add({ service: 'dts', method: 'DeleteTransferConfig', kind: 'hang', times: -1 });
    const { cli } = await runUntilMidWait();
    // The runner's 7.5 s and 2.5 s scaled by 0.2 (1.5 s, 0.5 s): the cleanup hangs, so the
    // second signal is what ends the process; order and ratio are the runner's.
    cancelLikeRunner(cli, 0.2);
    const exit = await cli.exited;
    expect(cli.signalsSent.map((sent) => sent.signal)).toEqual(['SIGINT', 'SIGTERM']);
    expect(exit).toEqual({ code: 143, signal: null });
    const left = await tickConfigsLeft(services);
    expect(left).toHaveLength(1);
    fixture.cloud.faults.clear();

    // The orphaned run ends, and seven hours pass without anyone touching the config.
    await until(() => runsInFlight() === 0, 'the orphaned run to end', 20_000);
    fixture.cloud.ageConfigs(7 * 3_600_000);
    const janitor = startCli(['janitor'], { cwd: fixture.cwd, env: fixture.env });
    expect(await janitor.exited).toEqual({ code: 0, signal: null });
    expect(janitor.stdout()).toContain('1 config(s) deleted');
    expect(await tickConfigsLeft(services)).toEqual([]);
    expectNoSecretPrinted(cli);
    expectNoSecretPrinted(janitor);
  });

  it('kill -9 mid-wait leaves the config; janitor removes it and keeps WRITE_APPEND and foreign configs', async () => {
    const { cli } = await runUntilMidWait();
    cli.send('SIGKILL');
    expect(await cli.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // Beside it: a WRITE_APPEND table's long-lived config and one that is not ours.
    const params = {
      data_path: 's3://lake/kept/*',
      destination_table_name_template: 'kept',
      access_key_id: 'AKIAKEPT',
      secret_access_key: RELIABILITY_SECRET,
    };
    const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    const append = await services.dts.createConfig({
      displayName: appendConfigName(
        appendConfigKey(`${services.projectId}.cancel.append_only`, today, 's3://lake/kept/*'),
        Date.now(),
      ),
      destinationDatasetId: 'cancel',
      params,
    });
    const foreign = await services.dts.createConfig({
      displayName: 'someone else’s nightly copy',
      destinationDatasetId: 'cancel',
      params,
    });
    const [leftover] = await tickConfigsLeft(services);
    expect(leftover).toBeDefined();

    // A young leftover may still be a live tick: the default age keeps it.
    const young = startCli(['janitor'], { cwd: fixture.cwd, env: fixture.env });
    expect(await young.exited).toEqual({ code: 0, signal: null });
    expect(await tickConfigsLeft(services)).toEqual([leftover]);

    await until(() => runsInFlight() === 0, 'the orphaned run to end', 20_000);
    fixture.cloud.ageConfigs(7 * 3_600_000);
    const dry = startCli(['janitor', '--dry-run'], { cwd: fixture.cwd, env: fixture.env });
    expect(await dry.exited).toEqual({ code: 0, signal: null });
    expect(dry.stdout()).toContain('would delete s3bq|');
    expect(await tickConfigsLeft(services)).toEqual([leftover]);

    const janitor = startCli(['janitor'], { cwd: fixture.cwd, env: fixture.env });
    expect(await janitor.exited).toEqual({ code: 0, signal: null });
    expect(janitor.stdout()).toContain('1 config(s) deleted; 2 kept of 3');
    expect(await tickConfigsLeft(services)).toEqual([]);
    const names = (await services.dts.listConfigs()).map((config) => config.name).sort();
    expect(names).toEqual([append.name, foreign.name].sort());
    for (const run of [cli, dry, young, janitor]) expectNoSecretPrinted(run);
  });
});
