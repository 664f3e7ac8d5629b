import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { parseCommandArgs } from '../../src/cli/args.js';
import { type Command, UsageError } from '../../src/cli/command.js';
import { commands } from '../../src/cli/commands/index.js';
import { createSignalHandler, describeError, helpText } from '../../src/cli/main.js';
import { type CliResult, runCli } from './run-cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Runs a throwaway command `explode` whose run() is `run`. */
async function runWith(run: Command['run']): Promise<CliResult> {
  const command: Command = { name: 'explode', summary: 'test only', usage: 'Usage: s3bq explode', run };
  commands.push(command);
  try {
    return await runCli(['explode'], { cwd: root });
  } finally {
    commands.splice(commands.indexOf(command), 1);
  }
}

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

  it('an unknown command is a usage error with the nearest command', async () => {
    const { code, stderr } = await runCli(['valdate'], { cwd: root });
    expect(code).toBe(2);
    expect(stderr).toBe(
      's3bq: unknown command "valdate" — did you mean "validate"? (commands: validate, plan, run, emulator, demo, janitor); see s3bq --help\n',
    );
    expect((await runCli(['lod'], { cwd: root })).stderr).toMatch(/^s3bq: unknown command "lod" \(commands:/);
    const flagFirst = await runCli(['--tables', 'x', 'plan'], { cwd: root });
    expect(flagFirst.code).toBe(2);
    expect(flagFirst.stderr).toContain('"--tables" is not a command: options go after the command');
  });

  it("s3bq help COMMAND prints that command's usage; an unknown one is a usage error", async () => {
    for (const command of commands) {
      const { code, stdout } = await runCli(['help', command.name], { cwd: root });
      expect(code).toBe(0);
      expect(stdout).toBe(`${command.usage.trimEnd()}\n`);
    }
    expect((await runCli(['help'], { cwd: root })).stdout).toBe(helpText());
    const unknown = await runCli(['help', 'plon'], { cwd: root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "plon" — did you mean "plan"?');
    expect((await runCli(['help', 'plan', 'run'], { cwd: root })).code).toBe(2);
  });

  it('--help states the exit codes every command keeps', async () => {
    const { stdout } = await runCli(['--help'], { cwd: root });
    expect(stdout).toContain('Exit codes:\n  0  done');
    expect(stdout).toContain('  1  a table failed, or table files failed validation');
    expect(stdout).toContain('  2  bad usage: an unknown command or option, a bad argument or setting');
  });

  it('<command> --help prints its usage', async () => {
    for (const name of ['validate', 'plan']) {
      const { code, stdout } = await runCli([name, '--tables', 'x', '--help'], { cwd: root });
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: s3bq ${name}`));
    }
  });

  it('a bad option is a usage error: message, nearest option and usage on stderr, exit 2', async () => {
    const { code, stdout, stderr } = await runCli(['validate', '--bogus'], { cwd: root });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^s3bq validate: unknown option "--bogus"\n\nUsage: s3bq validate/);
    expect((await runCli(['validate', '--tabels', 'x'], { cwd: root })).stderr).toMatch(
      /^s3bq validate: unknown option "--tabels" — did you mean --tables\?\n/,
    );
    expect((await runCli(['validate', '--format', 'githb'], { cwd: root })).stderr).toContain(
      '--format must be one of text, github (got "githb") — did you mean github?',
    );
    const extra = await runCli(['validate', 'extra'], { cwd: root });
    expect(extra.code).toBe(2);
    expect(extra.stderr).toMatch(
      /^s3bq validate: unexpected argument "extra": this command takes options only/,
    );
    const twice = await runCli(['validate', '--tables', 'a', '--tables', 'b'], { cwd: root });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/^s3bq validate: --tables is given twice: give it once/);
  });

  it('flags a command declares as conflicting or dependent are refused, never silently picked', () => {
    const options = {
      json: { type: 'boolean' },
      markdown: { type: 'boolean' },
      deep: { type: 'boolean' },
    } as const;
    const rules = { conflicts: [['json', 'markdown']], requires: { deep: 'markdown' } } as const;
    expect(() => parseCommandArgs(['--json', '--markdown'], options, rules)).toThrow(
      new UsageError('--json and --markdown cannot be used together: give one'),
    );
    expect(() => parseCommandArgs(['--deep'], options, rules)).toThrow(
      new UsageError('--deep goes with --markdown'),
    );
    expect(parseCommandArgs(['--markdown', '--deep'], options, rules)).toEqual({
      markdown: true,
      deep: true,
    });
    expect(parseCommandArgs(['--json'], options, rules)).toEqual({ json: true });
  });

  it('errors of settings, plans and the tables folder exit 2 in one line; invalid table files exit 1', async () => {
    const cases: [string, number, string][] = [
      ['SettingsError', 2, 'environment variable S3BQ_LOCATION="mars" is not a BigQuery location'],
      ['PlanError', 2, 'the backfill 2016-01-01..2025-12-31 plans 24,109,800 partitions'],
      ['TablesFolderError', 2, 'no tables folder at "x"'],
      ['InputError', 2, '--timeout 25d is longer than a timer can hold'],
      ['CloudError', 1, 'DTS_EMULATOR_HOST=127.0.0.1:1 does not answer'],
    ];
    for (const [name, exit, message] of cases) {
      const result = await runWith(async () => {
        throw Object.assign(new Error(message), { name });
      });
      expect(result).toEqual({ code: exit, stdout: '', stderr: `s3bq: ${message}\n` });
    }
    const invalid = await runWith(async () => {
      throw Object.assign(new Error('1 error in 1 table file: fix them'), {
        name: 'TableFilesInvalidError',
        diagnostics: [{ file: 'tables/a.json', line: 1, column: 2, message: 'bad' }],
      });
    });
    expect(invalid).toEqual({
      code: 1,
      stdout: '',
      stderr: 'tables/a.json:1:2: bad\ns3bq: 1 error in 1 table file: fix them\n',
    });
  });

  it('errors thrown while a command starts, and errors without a message, are one line', async () => {
    const sync = await runWith((() => {
      throw new TypeError('cannot start');
    }) as unknown as Command['run']);
    expect(sync).toEqual({ code: 1, stdout: '', stderr: 's3bq: cannot start\n' });
    const refused = await runWith(async () => {
      throw new AggregateError(
        [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })],
        '',
      );
    });
    expect(refused.stderr).toBe('s3bq: connect ECONNREFUSED 127.0.0.1:1\n');
    const wrapped = await runWith(async () => {
      throw new Error('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND not-a-host') });
    });
    expect(wrapped.stderr).toBe('s3bq: fetch failed (getaddrinfo ENOTFOUND not-a-host)\n');
    expect(describeError({ code: 7 })).toBe('{"code":7}');
    expect(describeError('plain')).toBe('plain');
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
  const tsx = ['--conditions=source', '--import', 'tsx'];

  it('runs when executed directly (and only then), fast enough for --version', () => {
    const result = spawnSync(process.execPath, [...tsx, 'src/cli/main.ts', '--version'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.stdout).toBe(`${version}\n`);
    expect(result.status).toBe(0);
  });

  it('a reader that goes away (| head -c 10) ends the command quietly, with no crash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's3bq-epipe-'));
    try {
      await cp(join(root, 'examples/tables'), join(dir, 'tables'), { recursive: true });
      // About 5 MB of JSON, far more than a pipe buffers, so the writes really hit EPIPE.
      const command = `node ${tsx.join(' ')} src/cli/main.ts plan --tables ${dir}/tables --from 2022-01-01 --to 2026-01-01 --json 2>${dir}/stderr | head -c 10; echo " status=\${PIPESTATUS[0]}"`;
      const result = spawnSync('bash', ['-c', command], { cwd: root, encoding: 'utf8', timeout: 60_000 });
      expect(result.stdout).toBe('{"window": status=0\n');
      expect(await readFile(join(dir, 'stderr'), 'utf8')).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.each([
    ['reject-unawaited', 's3bq: unexpected error: nobody awaited this\n'],
    ['throw-in-timer', 's3bq: unexpected error: thrown from a timer\n'],
  ])('%s: one line, no stack, exit 1 (the stack only with S3BQ_DEBUG=1)', (name, line) => {
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, [...tsx, 'test/cli/fixtures/crash-cli.ts', name], {
        cwd: root,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, ...env },
      });
    const quiet = run({ S3BQ_DEBUG: '' });
    expect(quiet.stderr).toBe(line);
    expect(quiet.status).toBe(1);
    const loud = run({ S3BQ_DEBUG: '1' });
    expect(loud.stderr.startsWith(line)).toBe(true);
    expect(loud.stderr).toMatch(/\n\s+at /);
  });
});

describe('usage texts', () => {
  it.each(commands.map((c) => [c.name, c] as const))(
    '%s: the Usage line shows every option listed below it',
    (_, command) => {
      const [head = '', options = ''] = command.usage.split(/\nOptions:\n/);
      const usageLine = head.split('\n\n')[0] ?? '';
      const listed = [...options.matchAll(/^\s{2}(--[a-z-]+)/gm)]
        .map((m) => m[1]!)
        .filter((f) => f !== '--help');
      expect(listed.length).toBeGreaterThan(0);
      for (const flag of listed) expect(usageLine, `${flag} in: ${usageLine}`).toContain(flag);
    },
  );
});
