// `s3bq emulator` as a child process: one JSON line of endpoints that the official clients
// reach, the demo lake written with --demo, a clean stop on SIGTERM; and its argument checks.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { emulatorCommand, exportLine } from '../../src/cli/commands/emulator.js';

const ROOT = resolve(import.meta.dirname, '../..');
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
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'emulator', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, GOOGLE_CLOUD_PROJECT: 'cli-test-project' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
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
  ])('refuses %j', async (argv, named) => {
    await expect(emulatorCommand.run(context(argv))).rejects.toThrow(named);
  });

  it('quotes export values only when a shell needs it', () => {
    expect(exportLine('A', 'http://127.0.0.1:9000')).toBe('export A=http://127.0.0.1:9000');
    expect(exportLine('B', "it's here")).toBe(`export B='it'\\''s here'`);
  });
});
