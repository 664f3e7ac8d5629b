import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { runCli } from './run-cli.js';

const examples = fileURLToPath(new URL('../../examples/tables', import.meta.url));

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 's3bq-cli-'));
  await cp(examples, join(cwd, 'tables'), { recursive: true });
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const broken = '{\n  "source": "s3://demo-lake/gold/broken",\n  "lookback_window_days": 3\n}\n';

describe('s3bq validate', () => {
  it('prints a one-line count on success', async () => {
    expect(await runCli(['validate'], { cwd })).toEqual({
      code: 0,
      stdout: '3 table files valid in tables\n',
      stderr: '',
    });
  });

  it('prints every diagnostic as path:line:col and exits 1', async () => {
    await writeFile(join(cwd, 'tables', 'gold.broken.json'), broken);
    await writeFile(
      join(cwd, 'tables', 'z.json'),
      '{ "source": "s3://demo-lake/z/z", "timezone": "Nowhere/City" }',
    );
    const { code, stdout, stderr } = await runCli(['validate'], { cwd });
    expect(code).toBe(1);
    expect(stdout).toBe(
      [
        'tables/gold.broken.json:3:3: unknown key "lookback_window_days" — did you mean "lookback_days"? (the Airflow framework\'s "lookback_window_days" is "lookback_days" here)',
        'tables/z.json:1:47: unknown time zone "Nowhere/City": use an IANA zone name such as "UTC", "Asia/Seoul" or "America/New_York"',
        '',
      ].join('\n'),
    );
    expect(stderr).toBe('2 errors in 2 files\n');
  });

  it('--format github prints workflow-command annotations', async () => {
    await writeFile(join(cwd, 'tables', 'gold.broken.json'), broken);
    const { code, stdout } = await runCli(['validate', '--format', 'github'], { cwd });
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^::error file=tables\/gold\.broken\.json,line=3,col=3,title=s3bq validate::unknown key "lookback_window_days"/,
    );
  });

  it('--tables points elsewhere; a missing folder says what to do', async () => {
    await mkdir(join(cwd, 'empty'));
    expect((await runCli(['validate', '--tables', 'empty'], { cwd })).stdout).toBe(
      '0 table files valid in empty\n',
    );
    const missing = await runCli(['validate', '--tables', 'nope'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^s3bq: no tables folder at .*nope.*--tables/);
  });

  it('a bad pipeline.json is reported (and annotated) with the table files', async () => {
    await writeFile(join(cwd, 'pipeline.json'), '{ "max_parallel": 0 }');
    await writeFile(join(cwd, 'tables', 'gold.broken.json'), broken);
    const text = await runCli(['validate'], { cwd });
    expect(text.code).toBe(1);
    expect(text.stdout.split('\n')[0]).toBe(
      'pipeline.json:1:19: "max_parallel" must be at least 1 (it is 0)',
    );
    expect(text.stdout).toContain('tables/gold.broken.json:3:3:');
    const github = await runCli(['validate', '--format', 'github'], { cwd });
    expect(github.stdout).toMatch(
      /^::error file=pipeline\.json,line=1,col=19,title=s3bq validate::"max_parallel"/,
    );
    // plan refuses to go on with a bad pipeline.json: a setting to fix, so a usage error
    const plan = await runCli(['plan'], { cwd });
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain('pipeline.json:1:19: "max_parallel" must be at least 1 (it is 0)');
  });
});

describe('s3bq plan', () => {
  it('--json prints the plan object', async () => {
    const { code, stdout } = await runCli(['plan', '--at', '2026-11-21T00:30:00Z', '--json'], {
      cwd,
      env: { GOOGLE_CLOUD_PROJECT: 'demo-project', S3BQ_MAX_PARALLEL: '4' },
    });
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const plan = JSON.parse(stdout) as Plan;
    expect(plan.max_parallel).toBe(4);
    expect(plan.tables.map((t) => [t.name, t.destination, t.partitions.length])).toEqual([
      ['finance.fx_rates', 'demo-project.finance.fx_rates', 3],
      ['gold.orders', 'demo-project.gold.orders', 14],
      ['raw.clickstream', 'demo-project.raw.clickstream', 24],
    ]);
    expect(plan.tables[1]?.partitions.at(-1)).toMatchObject({
      id: '20261120',
      date: '2026-11-20',
      source: 's3://demo-lake/warehouse/gold/orders/dt=2026-11-20/',
    });
    expect(plan.matrix.include).toMatchObject([
      { table: 'finance.fx_rates', at: '2026-11-21T00:30:00.000Z' },
      { table: 'gold.orders', at: '2026-11-21T00:30:00.000Z' },
      { table: 'raw.clickstream', at: '2026-11-21T00:30:00.000Z' },
    ]);
  });

  it('prints a readable table by default', async () => {
    const { code, stdout } = await runCli(
      ['plan', '--from', '2026-01-01', '--to', '2026-01-31', '--only', 'gold.orders'],
      {
        cwd,
      },
    );
    expect(code).toBe(0);
    const [summary, blank, header, row, ...rest] = stdout.split('\n');
    expect(summary).toBe(
      'Plan for the backfill 2026-01-01..2026-01-31: 1 of 1 table load 31 partitions in 1 job, at most 10 at once.',
    );
    expect(blank).toBe('');
    expect(header?.split(/\s{2,}/)).toEqual([
      'TABLE',
      'DESTINATION',
      'GRAIN',
      'TIMEZONE',
      'PARTS',
      'FIRST',
      'LAST',
      'FIRST SOURCE',
    ]);
    expect(row?.split(/\s{2,}/)).toEqual([
      'gold.orders',
      'gold.orders',
      'DAY',
      'Asia/Seoul',
      '31',
      '20260101',
      '20260131',
      's3://demo-lake/warehouse/gold/orders/dt=2026-01-01/',
    ]);
    expect(rest).toEqual(['']);
  });

  it('shows disabled tables as skipped', async () => {
    await writeFile(
      join(cwd, 'tables', 'old.thing.json'),
      JSON.stringify({ source: 's3://demo-lake/old/thing', enabled: false }),
    );
    const { stdout } = await runCli(['plan', '--at', '2026-11-21T00:30:00Z', '--only', 'old.thing'], { cwd });
    expect(stdout).toContain('0 of 1 table load 0 partitions in 0 jobs');
    expect(stdout).toMatch(/old\.thing\s+old\.thing\s+DAY\s+UTC\s+skipped\s+-\s+-\s+disabled/);
  });

  it('invalid table files print diagnostics and exit 1', async () => {
    await writeFile(join(cwd, 'tables', 'gold.broken.json'), broken);
    const { code, stdout, stderr } = await runCli(['plan'], { cwd });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('tables/gold.broken.json:3:3: unknown key "lookback_window_days"');
    expect(stderr).toContain('s3bq: 1 error in 1 table file: fix them (see `s3bq validate`) and run again');
  });

  it('planning errors are one line and usage errors (exit 2), with the nearest table names', async () => {
    const unknown = await runCli(['plan', '--only', 'orders'], { cwd });
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe(
      's3bq: unknown table "orders" — did you mean "gold.orders"? (known tables: finance.fx_rates, gold.orders, raw.clickstream)\n',
    );
    const reversed = await runCli(['plan', '--from', '2026-02-01', '--to', '2026-01-01'], { cwd });
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain('is after --to');
    expect((await runCli(['plan', '--at', 'soon'], { cwd })).code).toBe(2);
  });

  it('refuses a tick at an instant outside the dates BigQuery partitions by, saying which', async () => {
    const ancient = await runCli(['plan', '--at', '0001-01-01T00:00:00Z'], { cwd });
    expect(ancient).toMatchObject({ code: 2, stdout: '' });
    expect(ancient.stderr).toBe(
      's3bq: the tick at 0001-01-01T00:00:00.000Z (table finance.fx_rates, in Europe/London) would load 0000-12-28, outside 1960-01-01..2159-12-31, the dates BigQuery partitions by: give dates within that range\n',
    );
  });
});

describe('s3bq validate: files the loader will not read', () => {
  beforeEach(async () => {
    await mkdir(join(cwd, 'tables', 'gold'));
    await writeFile(join(cwd, 'tables', 'gold', 'items.json'), '{ "source": "s3://demo-lake/gold/items" }');
    await writeFile(join(cwd, 'tables', 'gold.returns.JSON'), '{ "source": "s3://demo-lake/gold/returns" }');
    await writeFile(join(cwd, 'tables', 'gold.refunds'), '{ "source": "s3://demo-lake/gold/refunds" }');
  });

  it('are warnings that say what to do; they never fail validation', async () => {
    const { code, stdout, stderr } = await runCli(['validate'], { cwd });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n')).toEqual([
      'tables/gold:1:1: warning: folder not read: table files live directly in the tables folder, so gold/items.json will not load; move each up, e.g. as "gold.items.json"',
      'tables/gold.refunds:1:1: warning: not read: only files ending in ".json" are table files; if this is one, rename it to "gold.refunds.json"',
      'tables/gold.returns.JSON:1:1: warning: not read: table files end in lowercase ".json"; rename it to "gold.returns.json"',
      '3 table files valid in tables; 3 warnings',
      '',
    ]);
  });

  it('are warning annotations with --format github', async () => {
    const { code, stdout } = await runCli(['validate', '--format', 'github'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^::warning file=tables\/gold,line=1,col=1,title=s3bq validate::folder not read/m);
    expect(stdout).not.toContain('::error');
  });
});
