import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/action/alerts-client.js';
import { expectedTables, runReport } from '../../src/action/report.js';
import { files } from '../report/fixtures.js';
import { GitHubReplay } from './github-replay.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** Lays the result files out as download-artifact with merge-multiple leaves them, plus junk. */
async function artifacts(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 's3bq-report-'));
  dirs.push(dir);
  await mkdir(join(dir, 'nested'));
  for (const [i, f] of files.entries())
    await writeFile(join(dir, i % 2 ? 'nested' : '', `s3bq-result-${i}.json`), JSON.stringify(f));
  await writeFile(join(dir, 'not-a-result.json'), '{"hello":1}');
  return dir;
}

describe('the report job', () => {
  it('merges the artifacts, links jobs, shows a job that wrote nothing as failed, and alerts', async () => {
    const replay = new GitHubReplay();
    const summaries: string[] = [];
    const matrix = JSON.stringify({
      include: [
        { table: 'gold.orders,silver.events' },
        { table: 'bronze.clicks' },
        { table: 'raw.weather' },
        { table: 'ops.lost' },
      ],
    });
    const outcome = await runReport({
      env: {
        S3BQ_RESULTS_DIR: await artifacts(),
        S3BQ_MATRIX: matrix,
        GITHUB_TOKEN: 'ghs_test',
        GITHUB_REPOSITORY: 'acme/lake',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '9001',
        GITHUB_RUN_ATTEMPT: '1',
      },
      github: (token) => createGitHubClient(token, { fetch: replay.fetch }),
      writeSummary: async (md) => {
        summaries.push(md);
      },
      log: () => {},
    });
    expect(summaries).toHaveLength(1);
    const md = summaries[0]!;
    expect(md).toContain('## Daily load 2026-11-22');
    expect(md).toContain('### ❌ Failed (2)');
    expect(md).toContain('**ops.lost**');
    expect(md).toContain('No result file');
    expect(md).toContain('[job](https://github.com/acme/lake/actions/runs/9001/job/55000000003)');
    expect(outcome.results.map((r) => `${r.name}:${r.status}`).sort()).toEqual([
      'bronze.clicks:failed',
      'gold.orders:loaded',
      'ops.lost:failed',
      'raw.weather:skipped',
      'silver.events:loaded',
    ]);
    expect(outcome.alerts.filter((a) => a.action !== 'none')).toEqual([
      { table: 'bronze.clicks', action: 'commented', issue: 41 },
      { table: 'ops.lost', action: 'opened', issue: 42 },
    ]);
  });

  it('leaves issues alone when alerts are off', async () => {
    const replay = new GitHubReplay();
    const outcome = await runReport({
      env: {
        S3BQ_RESULTS_DIR: await artifacts(),
        S3BQ_ALERTS: 'false',
        GITHUB_TOKEN: 't',
        GITHUB_REPOSITORY: 'acme/lake',
      },
      github: (token) => createGitHubClient(token, { fetch: replay.fetch }),
      writeSummary: async () => {},
      log: () => {},
    });
    expect(outcome.alerts).toEqual([]);
    expect(replay.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('reads the plan matrix and refuses anything else with a hint', () => {
    expect(
      expectedTables('{"include":[{"table":"a.x, b.y"},{"table":"c.z","at":"2026-11-22T03:17:00Z"}]}'),
    ).toEqual(['a.x', 'b.y', 'c.z']);
    expect(expectedTables(undefined)).toEqual([]);
    expect(() => expectedTables('nope')).toThrow(/pass the plan job/);
  });
});
