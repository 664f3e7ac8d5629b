// The report job against the recorded GitHub API, with the files laid out as the workflow
// leaves them: the plan artifact, and every load job's result artifact downloaded into a
// folder of its own (`s3bq-result-<job>-attempt-<n>/`), each file written by the action's
// own writer. Covers a run, a re-run of its failed jobs, and a failed download.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/action/alerts-client.js';
import { runReport } from '../../src/action/report.js';
import { runInfo, writeResultFile } from '../../src/action/result-file.js';
import type { TableResult } from '../../src/lifecycle/outcome.js';
import { plannedTables } from '../../src/report/read-results.js';
import { clicks, events, orders, table, weather, window } from '../report/fixtures.js';
import { GitHubReplay } from './github-replay.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 's3bq-report-'));
  dirs.push(dir);
  return dir;
}

/** The plan job's matrix: four jobs, the first packing two tables. */
const MATRIX = [
  { table: 'gold.orders,silver.events' },
  { table: 'bronze.clicks' },
  { table: 'raw.weather' },
  { table: 'ops.lost' },
];

async function planFile(dir: string): Promise<string> {
  const path = join(dir, 'plan.json');
  const include = MATRIX.map((e) => ({ ...e, at: window.at, timeout: '120m', job_timeout_minutes: 135 }));
  await writeFile(path, JSON.stringify({ window, tables: [], matrix: { include }, max_parallel: 10 }));
  return path;
}

const runEnv = (attempt: number) => ({
  GITHUB_RUN_ID: '9001',
  GITHUB_RUN_ATTEMPT: String(attempt),
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/lake',
  GITHUB_JOB: 'load',
});

/** What one load job leaves: its result file, in the folder its artifact downloads to. */
async function jobResult(results: string, job: number, attempt: number, tables: TableResult[]) {
  const folder = join(results, `s3bq-result-${job}-attempt-${attempt}`);
  const names = MATRIX[job]!.table.split(',');
  await writeResultFile(folder, names, { run: runInfo(runEnv(attempt)), window, tables }, (t) => t);
}

async function report(replay: GitHubReplay, env: Record<string, string>) {
  const summaries: string[] = [];
  const outcome = await runReport({
    env: { GITHUB_TOKEN: 'ghs_test', ...runEnv(1), ...env },
    github: (token) => createGitHubClient(token, { fetch: replay.fetch }),
    writeSummary: async (md) => {
      summaries.push(md);
    },
    log: () => {},
  });
  expect(summaries).toHaveLength(1);
  return { ...outcome, markdown: summaries[0]! };
}

const statuses = (results: readonly TableResult[]) => results.map((r) => `${r.name}:${r.status}`).sort();
const changes = (alerts: { action: string }[]) => alerts.filter((a) => a.action !== 'none');

describe('the report job', () => {
  it('merges the artifacts, links jobs, shows a job that wrote nothing as failed, and alerts', async () => {
    const dir = await tempDir();
    const results = join(dir, 'results');
    await jobResult(results, 0, 1, [orders, events]);
    await jobResult(results, 1, 1, [clicks]);
    await jobResult(results, 2, 1, [weather]);
    await writeFile(join(dir, 'not-a-result.json'), '{"hello":1}');
    const replay = new GitHubReplay();
    const outcome = await report(replay, { S3BQ_RESULTS_DIR: results, S3BQ_PLAN_FILE: await planFile(dir) });
    expect(outcome.markdown).toContain('## Daily load 2026-11-22');
    expect(outcome.markdown).toContain('### ❌ Failed (2)');
    expect(outcome.markdown).toContain('**ops.lost**');
    expect(outcome.markdown).toContain('No result file');
    expect(outcome.markdown).toContain(
      '[job](https://github.com/acme/lake/actions/runs/9001/job/55000000003)',
    );
    expect(statuses(outcome.results)).toEqual([
      'bronze.clicks:failed',
      'gold.orders:loaded',
      'ops.lost:failed',
      'raw.weather:skipped',
      'silver.events:loaded',
    ]);
    expect(changes(outcome.alerts)).toEqual([
      { table: 'bronze.clicks', action: 'commented', issue: 41 },
      { table: 'ops.lost', action: 'opened', issue: 42 },
    ]);
    expect(outcome.incomplete).toBeUndefined();
  });

  it('replays a run and its re-run of failed jobs: each table’s newest attempt wins, alerts follow', async () => {
    const dir = await tempDir();
    const results = join(dir, 'results');
    const plan = await planFile(dir);
    const replay = new GitHubReplay({ openIssues: false });

    // Attempt 1: bronze.clicks fails, ops.lost's runner is lost (no artifact at all).
    // The failing runner's clock runs ahead: its result claims to finish after attempt 2's.
    const late = '2026-11-22T09:00:00.000Z';
    await jobResult(results, 0, 1, [orders, events]);
    await jobResult(results, 1, 1, [{ ...clicks, finished_at: late }]);
    await jobResult(results, 2, 1, [weather]);
    const first = await report(replay, { S3BQ_RESULTS_DIR: results, S3BQ_PLAN_FILE: plan });
    expect(statuses(first.results)).toContain('bronze.clicks:failed');
    expect(statuses(first.results)).toContain('ops.lost:failed');
    expect(changes(first.alerts)).toEqual([
      { table: 'bronze.clicks', action: 'opened', issue: 42 },
      { table: 'ops.lost', action: 'opened', issue: 43 },
    ]);

    // "Re-run failed jobs": jobs 1 and 3 run again as attempt 2 and load; jobs 0 and 2
    // keep their attempt-1 artifacts, which the attempt-2 report downloads too.
    await jobResult(results, 1, 2, [
      { ...clicks, status: 'loaded', message: undefined, failed_step: undefined },
    ]);
    await jobResult(results, 3, 2, [table({ name: 'ops.lost', status: 'loaded' })]);
    const second = await report(replay, { ...runEnv(2), S3BQ_RESULTS_DIR: results, S3BQ_PLAN_FILE: plan });
    expect(statuses(second.results)).toEqual([
      'bronze.clicks:loaded',
      'gold.orders:loaded',
      'ops.lost:loaded',
      'raw.weather:skipped',
      'silver.events:loaded',
    ]);
    expect(second.markdown).not.toContain('### ❌ Failed');
    expect(changes(second.alerts)).toEqual([
      { table: 'bronze.clicks', action: 'closed', issue: 42 },
      { table: 'ops.lost', action: 'closed', issue: 43 },
    ]);
    expect(replay.openAlerts()).toEqual([]);
  });

  it('reports a failed download as such and opens or closes no alert issue', async () => {
    const dir = await tempDir();
    const results = join(dir, 'results');
    // Only one artifact arrived before the download failed.
    await jobResult(results, 2, 1, [weather]);
    const replay = new GitHubReplay();
    const outcome = await report(replay, {
      S3BQ_RESULTS_DIR: results,
      S3BQ_PLAN_FILE: await planFile(dir),
      S3BQ_DOWNLOAD: 'failure',
    });
    expect(outcome.incomplete).toMatch(/could not all be downloaded \(download: failure\)/);
    expect(outcome.markdown).toContain('> [!CAUTION]');
    expect(outcome.markdown).toContain('No alert issue was opened or closed.');
    // A missing file says nothing about its table: no table is called failed for it.
    expect(statuses(outcome.results)).toEqual(['raw.weather:skipped']);
    expect(outcome.markdown).not.toContain('No result file');
    expect(outcome.alerts).toEqual([]);
    expect(replay.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    expect(replay.calls.some((c) => c.path.includes('/issues'))).toBe(false);
  });

  it('leaves issues alone when alerts are off', async () => {
    const dir = await tempDir();
    await jobResult(dir, 1, 1, [clicks]);
    const replay = new GitHubReplay();
    const outcome = await report(replay, { S3BQ_RESULTS_DIR: dir, S3BQ_ALERTS: 'false' });
    expect(outcome.alerts).toEqual([]);
    expect(replay.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('reads the planned tables from the plan file and refuses anything else with a hint', async () => {
    const dir = await tempDir();
    expect(await plannedTables(await planFile(dir))).toEqual([
      'gold.orders',
      'silver.events',
      'bronze.clicks',
      'raw.weather',
      'ops.lost',
    ]);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"include":[]}');
    await expect(plannedTables(bad)).rejects.toThrow(/no matrix.include array: pass `s3bq plan --json`/);
    await expect(plannedTables(join(dir, 'missing.json'))).rejects.toThrow(/cannot read the plan/);
  });
});
