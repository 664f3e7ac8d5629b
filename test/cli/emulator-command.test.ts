// `s3bq emulator` as a child process: one JSON line of endpoints that the official clients
// reach, the demo lake written with --demo, a clean stop on SIGTERM; and its argument checks.
// The process is the bundled CLI (bin/s3bq.js → dist/), the one users start; CI checks that
// dist/ is a fresh bundle of src/ before it runs the tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  demoLakeAgeMs,
  emulatorCommand,
  exportLine,
  stopWhenOrphaned,
} from '../../src/cli/commands/emulator.js';

const ROOT = resolve(import.meta.dirname, '../..');
const S3BQ_BIN = join(ROOT, 'bin/s3bq.js');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function startCli(args: string[]): {
  child: ChildProcess;
  firstLine: Promise<string>;
  exit: Promise<number | null>;
  stderr: () => string;
} {
  const child = spawn(process.execPath, [S3BQ_BIN, 'emulator', ...args], {
    cwd: ROOT,
    env: { ...process.env, GOOGLE_CLOUD_PROJECT: 'cli-test-project' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const firstLine = new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no output within 30 s; stderr: ${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        done(stdout.slice(0, newline));
      }
    });
    child.once('exit', () => fail(new Error(`exited before printing; stderr: ${stderr}`)));
  });
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, firstLine, exit, stderr: () => stderr };
}

/** Polls `probe` every 20 ms until it returns a value, for at most 30 s. */
async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error('timed out waiting');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('s3bq emulator (child process)', () => {
  it('prints one JSON line of endpoints, writes the demo lake, and stops on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 's3bq-emulator-cli-'));
    try {
      const { child, firstLine, exit, stderr } = startCli([
        '--json',
        '--demo',
        '--data',
        dataDir,
        '--run-seconds',
        '0.2',
      ]);
      const env = JSON.parse(await firstLine) as Record<string, string>;
      expect(env.GOOGLE_CLOUD_PROJECT).toBe('cli-test-project');
      for (const name of ['DTS_EMULATOR_HOST', 'LOGGING_EMULATOR_HOST', 'BIGQUERY_EMULATOR_HOST']) {
        expect(env[name]).toMatch(/^127\.0\.0\.1:\d+$/);
      }
      expect(env.AWS_ENDPOINT_URL_S3).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(stderr()).toMatch(/demo lake written: \d+ files/);

      const s3 = new S3Client({
        endpoint: env.AWS_ENDPOINT_URL_S3,
        region: env.AWS_REGION,
        forcePathStyle: true,
        credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! },
      });
      const listed = await s3.send(
        new ListObjectsV2Command({ Bucket: 'demo-lake', Prefix: 'warehouse/gold/orders/' }),
      );
      s3.destroy();
      expect(listed.KeyCount).toBeGreaterThan(0);
      expect(await readdir(dataDir)).toContain('demo-lake');

      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(stderr()).toContain('stopped');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('--write-env: replaces a stale file, writes it whole once ready, and removes it on stop', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's3bq-write-env-'));
    const envFile = join(dir, 'local.env');
    await writeFile(envFile, 'export DTS_EMULATOR_HOST=127.0.0.1:1\n');
    try {
      const { child, exit } = startCli(['--write-env', envFile, '--run-seconds', '0.2']);
      // Whenever the file exists it is complete: it ends with its last line.
      const text = await waitFor(async () => {
        const content = await readFile(envFile, 'utf8').catch(() => '');
        if (content.includes('127.0.0.1:1\n')) return undefined; // still the stale one
        if (content !== '') expect(content).toMatch(/\nexport S3BQ_EMULATOR_PID=\d+\n$/);
        return content || undefined;
      });
      const vars = Object.fromEntries(
        text
          .trim()
          .split('\n')
          .map((line) => /^export ([A-Z0-9_]+)=(.*)$/.exec(line)!.slice(1, 3) as [string, string]),
      );
      expect(vars.S3BQ_EMULATOR_PID).toBe(String(child.pid));
      expect(vars.DTS_EMULATOR_HOST).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(await readdir(dir)).toEqual(['local.env']); // no temporary file left beside it
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('stops by itself when the shell job that started it is killed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's3bq-orphan-'));
    const envFile = join(dir, 'local.env');
    try {
      // bash stays the emulator's parent (a command follows it), as npx and its shell do;
      // SIGKILL gives it no chance to pass anything on.
      const cli = `node ${S3BQ_BIN} emulator --write-env ${envFile}`;
      const shell = spawn('bash', ['-c', `${cli} >/dev/null 2>&1; true`], { cwd: ROOT, stdio: 'ignore' });
      children.push(shell);
      const text = await waitFor(async () => (await readFile(envFile, 'utf8').catch(() => '')) || undefined);
      const pid = Number(/S3BQ_EMULATOR_PID=(\d+)/.exec(text)?.[1]);
      expect(isAlive(pid)).toBe(true);
      shell.kill('SIGKILL');
      const stoppedAfter = Date.now();
      await waitFor(async () => (isAlive(pid) ? undefined : true));
      expect(Date.now() - stoppedAfter).toBeLessThan(15_000);
      expect(await readdir(dir)).toEqual([]); // it stopped cleanly, removing its env file
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('writes the demo lake aged past the file visibility delay it was given', async () => {
    const { child, firstLine, exit } = startCli(['--json', '--demo', '--file-visibility-seconds', '7200']);
    const env = JSON.parse(await firstLine) as Record<string, string>;
    const s3 = new S3Client({
      endpoint: env.AWS_ENDPOINT_URL_S3,
      region: env.AWS_REGION,
      forcePathStyle: true,
      credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! },
    });
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'demo-lake' }));
    s3.destroy();
    const newest = Math.max(...(listed.Contents ?? []).map((o) => o.LastModified!.getTime()));
    expect(Date.now() - newest).toBeGreaterThan(7200_000);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 60_000);

  it('prints export lines without --json', async () => {
    const { child, firstLine, exit } = startCli([]);
    expect(await firstLine).toMatch(/^export [A-Z0-9_]+=\S+$/);
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  }, 60_000);
});

describe('s3bq emulator arguments', () => {
  const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  const context = (argv: string[]) => ({
    argv,
    env: {},
    cwd: ROOT,
    stdout: sink(),
    stderr: sink(),
    signal: AbortSignal.abort(),
  });

  it.each([
    [['--run-seconds', '0'], 'run-seconds'],
    [['--run-seconds', 'soon'], 'run-seconds'],
    [['--tables', 'x'], '--tables goes with --demo'],
    [['--port', '1'], 'port'],
    [
      ['--file-visibility-seconds=-1'],
      '--file-visibility-seconds takes a number of seconds from 0 and up to 86400',
    ],
    [['--file-visibility-seconds', 'soon'], '--file-visibility-seconds'],
  ])('refuses %j', async (argv, named) => {
    await expect(emulatorCommand.run(context(argv))).rejects.toThrow(named);
  });

  it('the demo lake is an hour old, or older than a longer visibility delay', () => {
    expect(demoLakeAgeMs(undefined)).toBe(3_600_000);
    expect(demoLakeAgeMs(300)).toBe(3_600_000);
    expect(demoLakeAgeMs(7200)).toBe(7_260_000);
  });

  it('watches its parent: a change of parent process aborts it', async () => {
    let parent = 100;
    const controller = new AbortController();
    const unwatch = stopWhenOrphaned(controller, () => parent);
    try {
      await new Promise((done) => setTimeout(done, 1_200));
      expect(controller.signal.aborted).toBe(false);
      parent = 1;
      await new Promise((done) => setTimeout(done, 1_200));
      expect(controller.signal.aborted).toBe(true);
    } finally {
      unwatch();
    }
  });

  it('quotes export values only when a shell needs it', () => {
    expect(exportLine('A', 'http://127.0.0.1:9000')).toBe('export A=http://127.0.0.1:9000');
    expect(exportLine('B', "it's here")).toBe(`export B='it'\\''s here'`);
  });
});
