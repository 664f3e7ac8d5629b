// max_parallel as the quota guard of the whole pipeline: two `s3bq run` processes and the
// bundled action (run as the runner runs it) load 30 tables at once with max_parallel 5.
// The local cloud's own record of runs in flight (PENDING or RUNNING) is the judge.
import type { LocalCloud } from '@s3bq/local-cloud';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCli } from '../reliability/cli-process.js';
import {
  csvRows,
  csvTable,
  expectJobLeftNothing,
  jobEnv,
  partitionRows,
  putFiles,
  startE2eCloud,
  writeTables,
} from './local-cloud.js';
import { makeWorkspace, runJob, type Workspace } from './runner.js';

const AT = '2026-11-21T06:00:00Z';
const MAX_PARALLEL = 5;
const TABLES = 30;
const DAYS = ['2026-11-20'];

let cloud: LocalCloud;
let workspace: Workspace;
const names = Array.from({ length: TABLES }, (_, i) => `quota.t${String(i).padStart(2, '0')}`);

beforeAll(async () => {
  cloud = await startE2eCloud(0.6);
  workspace = await makeWorkspace();
  const files: Record<string, string> = {};
  const tables: Record<string, Record<string, unknown>> = {};
  for (const name of names) {
    const table = name.split('.')[1]!;
    for (const day of DAYS) files[`${table}/dt=${day}/part-0.csv`] = csvRows(3);
    tables[name] = csvTable(name, `s3://quota-lake/${table}`, { lookback_days: 1 });
  }
  await putFiles(cloud, 'quota-lake', files);
  await writeTables(workspace.cwd, tables);
});
afterAll(async () => {
  await cloud?.stop();
  await workspace?.remove();
});

it(`two s3bq run and the action load ${TABLES} tables with max_parallel ${MAX_PARALLEL}: at most ${MAX_PARALLEL} runs in flight`, async () => {
  const env = { ...jobEnv(cloud, '4242'), S3BQ_MAX_PARALLEL: String(MAX_PARALLEL) };
  const third = (part: number) => names.filter((_, i) => i % 3 === part);
  const cli = (part: number) =>
    startCli(['run', '--at', AT, '--only', third(part).join(','), '--timeout', '5m'], {
      cwd: workspace.cwd,
      env: { ...env, GITHUB_RUN_ID: '' },
      deadlineMs: 240_000,
    });
  const started = Date.now();
  const [one, two] = [cli(0), cli(1)];
  const action = runJob({
    inputs: { table: third(2).join(','), at: AT, timeout: '5m' },
    env,
    cwd: workspace.cwd,
    runnerTemp: workspace.runnerTemp,
    deadlineMs: 240_000,
  });
  const [a, b, job] = await Promise.all([one.exited, two.exited, action]);
  const wallMs = Date.now() - started;
  expect(a.code, one.stderr() + one.stdout()).toBe(0);
  expect(b.code, two.stderr() + two.stdout()).toBe(0);
  expect(job.main.code, job.main.stdout).toBe(0);

  const stats = cloud.stats();
  console.log(
    `cross-process quota: ${TABLES} tables × ${DAYS.length} partitions by 3 processes, max_parallel ${MAX_PARALLEL}: ` +
      `peak in flight ${stats.peakInFlightRuns} (overshoot ${Math.max(0, stats.peakInFlightRuns - MAX_PARALLEL)}), ` +
      `peak running ${stats.peakConcurrentRuns}, ${(wallMs / 1000).toFixed(1)} s`,
  );
  expect(stats.peakInFlightRuns).toBeLessThanOrEqual(MAX_PARALLEL);
  // The guard bounds, it does not serialise: the three processes shared the slots.
  expect(stats.peakInFlightRuns).toBe(MAX_PARALLEL);
  for (const name of names) {
    const rows = await partitionRows(cloud, 'quota', name.split('.')[1]!);
    expect(rows, name).toEqual({ '20261120': 3 });
  }
  await expectJobLeftNothing(cloud, job, workspace.runnerTemp, names);
}, 300_000);
