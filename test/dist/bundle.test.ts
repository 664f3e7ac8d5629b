// dist/cli.js is what the workflows run on a bare checkout, with no `npm ci`: copied with
// tables/ to a folder that has no node_modules anywhere above it, it validates, plans,
// shows the janitor's help and runs the janitor over gRPC (against the local cloud, which
// this test process starts); the local cloud itself, the one part left outside the
// bundle, says that it needs `npm ci` instead of failing on a package name. (CI rebuilds
// dist/ first and fails when it differs from the committed one.)
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { startLocalCloud } from '@s3bq/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const exec = promisify(execFile);

let bare: string;
beforeAll(async () => {
  bare = await mkdtemp(join(tmpdir(), 's3bq-bare-'));
  await cp(join(ROOT, 'dist'), join(bare, 'dist'), { recursive: true });
  await cp(join(ROOT, 'tables'), join(bare, 'tables'), { recursive: true });
  // The team's folder may hold no table yet: the example tables make the commands work.
  for (const file of await readdir(join(ROOT, 'examples', 'tables')))
    await cp(join(ROOT, 'examples', 'tables', file), join(bare, 'tables', file));
});
afterAll(async () => {
  await rm(bare, { recursive: true, force: true });
});

/** `node dist/cli.js …` in the bare copy, with an environment that points nowhere else. */
async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['dist/cli.js', ...args], {
      cwd: bare,
      env: { PATH: process.env.PATH, HOME: bare, ...env },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

describe('dist/cli.js without node_modules', () => {
  it('has no node_modules to fall back on', async () => {
    for (let dir = bare; ; dir = dirname(dir)) {
      expect(await exists(join(dir, 'node_modules')), dir).toBe(false);
      if (dirname(dir) === dir) break;
    }
  });

  it('validates the table files', async () => {
    const { code, stdout, stderr } = await cli(['validate']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/3 table files valid/);
  });

  it('prints the plan the workflow reads', async () => {
    const { code, stdout } = await cli(['plan', '--json', '--at', '2026-11-22T03:17:00Z']);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as { matrix: { include: { table: string; timeout: string }[] } };
    expect(plan.matrix.include.map((e) => e.table)).toEqual([
      'finance.fx_rates',
      'gold.orders',
      'raw.clickstream',
    ]);
    expect(plan.matrix.include[0]!.timeout).toBe('120m');
  });

  it('prints the pull-request comment', async () => {
    const { code, stdout } = await cli(['plan', '--markdown', '--at', '2026-11-22T03:17:00Z']);
    expect(code).toBe(0);
    expect(stdout).toContain('**gold.orders**');
  });

  it("shows the janitor's help", async () => {
    const { code, stdout } = await cli(['janitor', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: s3bq janitor/);
  });

  it('runs the janitor over gRPC, as the janitor job does', async () => {
    const cloud = await startLocalCloud();
    try {
      const { code, stdout, stderr } = await cli(['janitor', '--dry-run'], { ...cloud.env });
      expect(stderr).not.toMatch(/Cannot find (package|module)/);
      expect(code, stderr).toBe(0);
      expect(stdout).toMatch(/config/);
    } finally {
      await cloud.stop();
    }
  });

  it('says the local cloud needs `npm ci`, instead of naming a missing package', async () => {
    const { code, stderr } = await cli(['emulator']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/the local cloud \(s3bq emulator, s3bq demo\) needs the project's packages/);
    expect(stderr).toContain('run `npm ci` in the checkout first');
  });
});
