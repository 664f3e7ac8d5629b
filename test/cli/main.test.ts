import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { type Command, UsageError } from '../../src/cli/command.js';
import { commands } from '../../src/cli/commands/index.js';
import { createSignalHandler, helpText } from '../../src/cli/main.js';
import { runCli } from './run-cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

describe('s3bq front door', () => {
  it('--help lists every registered command', async () => {
    const { code, stdout } = await runCli(['--help'], { cwd: root });
    expect(code).toBe(0);
    for (const command of commands) expect(stdout).toContain(`  ${command.name}`);
    expect(stdout).toContain('validate');
    expect(stdout).toContain('plan');
  });

  it('no command prints the help on stderr, exit 2', async () => {
    const { code, stderr } = await runCli([], { cwd: root });
    expect(code).toBe(2);
    expect(stderr).toBe(helpText());
  });

  it('--version prints package.json version', async () => {
    expect(await runCli(['--version'], { cwd: root })).toEqual({
      code: 0,
      stdout: `${version}\n`,
      stderr: '',
    });
    expect((await runCli(['-v'], { cwd: root })).stdout).toBe(`${version}\n`);
  });

  it('an unknown command is a usage error', async () => {
    const { code, stderr } = await runCli(['lod'], { cwd: root });
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "lod"');
  });

  it('<command> --help prints its usage', async () => {
    for (const name of ['validate', 'plan']) {
      const { code, stdout } = await runCli([name, '--tables', 'x', '--help'], { cwd: root });
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: s3bq ${name}`));
    }
  });

  it('a bad option is a usage error: message and usage on stderr, exit 2', async () => {
    const { code, stdout, stderr } = await runCli(['plan', '--bogus'], { cwd: root });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^s3bq plan: Unknown option '--bogus'/);
    expect(stderr).toContain('Usage: s3bq plan');
    expect((await runCli(['validate', '--format', 'xml'], { cwd: root })).stderr).toContain(
      '--format must be one of text, github (got "xml")',
    );
    expect((await runCli(['plan', 'extra'], { cwd: root })).code).toBe(2);
  });

  it('an unexpected error is one line, exit 1; the stack only with S3BQ_DEBUG=1', async () => {
    const failing: Command = {
      name: 'explode',
      summary: 'test only',
      usage: 'Usage: s3bq explode',
      run: async () => {
        throw new Error('boom');
      },
    };
    commands.push(failing);
    try {
      const quiet = await runCli(['explode'], { cwd: root });
      expect(quiet).toEqual({ code: 1, stdout: '', stderr: 's3bq: boom\n' });
      const loud = await runCli(['explode'], { cwd: root, env: { S3BQ_DEBUG: '1' } });
      expect(loud.code).toBe(1);
      expect(loud.stderr).toMatch(/^s3bq: boom\nError: boom\n\s+at /);
      failing.run = async () => {
        throw new UsageError('needs --x');
      };
      expect(await runCli(['explode'], { cwd: root })).toEqual({
        code: 2,
        stdout: '',
        stderr: 's3bq explode: needs --x\n\nUsage: s3bq explode\n',
      });
    } finally {
      commands.splice(commands.indexOf(failing), 1);
    }
  });
});

describe('signals', () => {
  it('the first signal aborts the context, the second exits at once', () => {
    const controller = new AbortController();
    const exit = vi.fn();
    const written: string[] = [];
    const stderr = { write: (s: string) => written.push(s) } as unknown as NodeJS.WritableStream;
    const handler = createSignalHandler(controller, stderr, exit);
    handler('SIGTERM');
    expect(controller.signal.aborted).toBe(true);
    expect(exit).not.toHaveBeenCalled();
    expect(written.join('')).toContain('SIGTERM received');
    handler('SIGINT');
    expect(exit).toHaveBeenCalledWith(130);
  });
});

describe('as a program', () => {
  it('runs when executed directly (and only then), fast enough for --version', () => {
    const result = spawnSync(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'src/cli/main.ts', '--version'],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(result.stdout).toBe(`${version}\n`);
    expect(result.status).toBe(0);
  });
});
