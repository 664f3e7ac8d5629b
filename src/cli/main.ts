// The `s3bq` front door: picks the subcommand, prints help and version, turns errors into
// one line each and into the exit codes every command shares (0 ok, 1 a table failed, 2 bad
// usage), and stops on SIGINT/SIGTERM, a crash of its own, or a reader that went away.
// Commands load their heavy modules inside run(), so this file stays cheap to start.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Diagnostic, formatDiagnostic } from '../tables/diagnostic.js';
import { closestMatches } from '../tables/hints.js';
import { wantsHelp } from './args.js';
import { type Command, type CommandContext, UsageError } from './command.js';
import { commands } from './commands/index.js';

export interface CliIO {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Aborted to stop a long-running command; a never-aborted signal when absent. */
  signal?: AbortSignal | undefined;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * Errors that mean "fix what you typed or set, then run again": nothing ran, exit 2.
 * Matched by name so this file need not load the modules that define them (zod, luxon).
 * UsageError (a flag or argument) also prints the command's usage; the others are
 * settings (pipeline.json, S3BQ_*, endpoint variables), plans (--only, ranges, caps), the
 * tables folder, and services that cannot serve the run (preflight).
 */
const USAGE_ERROR_NAMES = new Set([
  'UsageError',
  'InputError',
  'SettingsError',
  'PlanError',
  'TablesFolderError',
  'EndpointError',
  'PreflightError',
]);

export function helpText(list: readonly Command[] = commands): string {
  const width = Math.max(0, ...list.map((c) => c.name.length));
  return `Usage: s3bq <command> [options]

Loads partitioned tables from Amazon S3 into BigQuery through the Data Transfer Service.

Commands:
${list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  -h, --help     show this help; \`s3bq help <command>\` or \`s3bq <command> --help\` shows
                 a command's options
  -v, --version  print the version

Exit codes:
  0  done: every table loaded or skipped (or nothing to report)
  1  a table failed, or table files failed validation
  2  bad usage: an unknown command or option, a bad argument or setting (pipeline.json,
     S3BQ_*); nothing ran
  130, 143  stopped at once by a second SIGINT or SIGTERM

Set S3BQ_DEBUG=1 to see stack traces of unexpected errors.
`;
}

/** package.json's version, found by walking up from this file (src/cli or dist/). */
export function readVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 's3-bigquery-pipeline' && pkg.version) return pkg.version;
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return reportError(error, undefined, io);
  }
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(helpText());
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.stdout.write(helpText());
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${readVersion()}\n`);
    return EXIT_OK;
  }
  if (name === 'help') return printCommandHelp(rest, io);
  const command = findCommand(name, io);
  if (!command) return EXIT_USAGE;
  if (wantsHelp(rest)) {
    io.stdout.write(`${command.usage.trimEnd()}\n`);
    return EXIT_OK;
  }
  const context: CommandContext = {
    argv: rest,
    env: io.env,
    cwd: io.cwd,
    stdout: io.stdout,
    stderr: io.stderr,
    signal: io.signal ?? new AbortController().signal,
  };
  try {
    return await command.run(context);
  } catch (error) {
    return reportError(error, command, io);
  }
}

/** `s3bq help plan`: the command's usage, as `s3bq plan --help` prints it. */
function printCommandHelp(names: string[], io: CliIO): number {
  if (names.length > 1) {
    io.stderr.write(`s3bq help: give one command, e.g. s3bq help ${commands[0]?.name ?? 'plan'}\n`);
    return EXIT_USAGE;
  }
  const command = findCommand(names[0] ?? '', io);
  if (!command) return EXIT_USAGE;
  io.stdout.write(`${command.usage.trimEnd()}\n`);
  return EXIT_OK;
}

/** The command named `name`, or undefined after saying what the user may have meant. */
function findCommand(name: string, io: CliIO): Command | undefined {
  const command = commands.find((c) => c.name === name);
  if (command) return command;
  const known = commands.map((c) => c.name);
  if (name.startsWith('-')) {
    io.stderr.write(
      `s3bq: "${name}" is not a command: options go after the command, e.g. s3bq plan ${name}; see s3bq --help\n`,
    );
    return undefined;
  }
  const [guess] = closestMatches(name, known, 1);
  const hint = guess ? ` — did you mean "${guess}"?` : '';
  io.stderr.write(
    `s3bq: unknown command "${name}"${hint} (commands: ${known.join(', ')}); see s3bq --help\n`,
  );
  return undefined;
}

function reportError(error: unknown, command: Command | undefined, io: CliIO): number {
  const prefix = command ? `s3bq ${command.name}` : 's3bq';
  if (error instanceof UsageError) {
    const usage = command ? `\n\n${command.usage.trimEnd()}` : '';
    io.stderr.write(`${prefix}: ${error.message}${usage}\n`);
    return EXIT_USAGE;
  }
  const diagnostics = (error as { diagnostics?: unknown } | null)?.diagnostics;
  if (Array.isArray(diagnostics)) {
    // TableFilesInvalidError: the findings themselves are what the user needs.
    for (const d of diagnostics as Diagnostic[]) io.stderr.write(`${formatDiagnostic(d)}\n`);
  }
  io.stderr.write(`s3bq: ${describeError(error).split('\n').join('\n  ')}\n`);
  if (io.env.S3BQ_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return isUsageError(error) ? EXIT_USAGE : EXIT_FAILURE;
}

function isUsageError(error: unknown): boolean {
  return error instanceof Error && USAGE_ERROR_NAMES.has(error.name);
}

/**
 * What went wrong, in words: the message, or for errors that carry none (an AggregateError
 * of refused connections, a bare code) their code or first inner error; plus the cause a
 * wrapper hides ("fetch failed" says nothing without "connect ECONNREFUSED …").
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) {
    if (typeof error === 'string') return error;
    try {
      return JSON.stringify(error) ?? String(error);
    } catch {
      return String(error);
    }
  }
  const inner = (error as { errors?: unknown }).errors;
  const code = (error as { code?: unknown }).code;
  let text = error.message.trim();
  if (text === '' && Array.isArray(inner) && inner.length > 0) text = describeError(inner[0]);
  if (text === '') text = typeof code === 'string' ? code : error.name;
  const cause = error.cause === undefined ? '' : describeError(error.cause);
  return cause && !text.includes(cause) ? `${text} (${cause})` : text;
}

/**
 * The SIGINT/SIGTERM handler: the first signal aborts `controller` so commands stop and clean
 * up; a second one exits at once (130 for SIGINT, 143 for SIGTERM, as shells report them).
 */
export function createSignalHandler(
  controller: AbortController,
  stderr: NodeJS.WritableStream,
  exit: (code: number) => void,
): (signal: NodeJS.Signals) => void {
  let received = 0;
  return (signal) => {
    received++;
    if (received === 1) {
      stderr.write(`s3bq: ${signal} received, stopping and cleaning up (send it again to exit at once)\n`);
      controller.abort(new Error(`stopped by ${signal}`));
    } else {
      exit(signal === 'SIGINT' ? 130 : 143);
    }
  };
}

/**
 * How long a finished command may wait for its last sockets to close. A call abandoned at
 * its deadline can keep a client's channel open for its library's own timeout; the
 * command's result is already decided and printed by then.
 */
const EXIT_GRACE_MS = 2_000;

/** The parts of `process` the guards below listen on; a test passes its own. */
export interface GuardedProcess {
  on(event: 'unhandledRejection' | 'uncaughtException', listener: (reason: unknown) => void): unknown;
  stdout: NodeJS.EventEmitter;
  stderr: NodeJS.EventEmitter;
  exitCode?: number | string | undefined;
}

/**
 * Ends what no command catches in one line instead of a stack: a rejection nobody awaited
 * or an exception thrown from a callback aborts the command (so it still cleans up) and
 * makes the exit code at least 1. A reader that went away (`s3bq plan --json | head`)
 * closes stdout with EPIPE: the command is aborted quietly, as a killed pipe would end it.
 * The guards stay for the life of the process: a late rejection while sockets close, or a
 * late write to a closed pipe, must stay one line or quiet too.
 */
export function guardProcess(
  proc: GuardedProcess,
  controller: AbortController,
  stderr: NodeJS.WritableStream,
  env: NodeJS.ProcessEnv,
): { crashed: () => boolean } {
  let crashed = false;
  const onCrash = (reason: unknown): void => {
    crashed = true;
    proc.exitCode = Math.max(Number(proc.exitCode ?? 0) || 0, EXIT_FAILURE);
    stderr.write(`s3bq: unexpected error: ${describeError(reason).split('\n').join(' ')}\n`);
    if (env.S3BQ_DEBUG === '1' && reason instanceof Error && reason.stack) stderr.write(`${reason.stack}\n`);
    if (!controller.signal.aborted) controller.abort(reason);
  };
  const onStreamError = (error: unknown): void => {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') {
      if (!controller.signal.aborted) controller.abort(new Error('output closed by its reader (EPIPE)'));
      return;
    }
    onCrash(error);
  };
  proc.on('unhandledRejection', onCrash);
  proc.on('uncaughtException', onCrash);
  proc.stdout.on('error', onStreamError);
  proc.stderr.on('error', onStreamError);
  return { crashed: () => crashed };
}

/** Runs the CLI in this process: argv, signals, exit code. */
export async function runFromProcess(argv: string[] = process.argv.slice(2)): Promise<void> {
  // The AWS SDK warns on every run under Node 20 about its own future releases; the
  // version this package locks runs on Node 20, so the warning is only noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const controller = new AbortController();
  const onSignal = createSignalHandler(controller, process.stderr, (code) => process.exit(code));
  const guards = guardProcess(process, controller, process.stderr, process.env);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const code = await main(argv, {
      env: process.env,
      cwd: process.cwd(),
      stdout: process.stdout,
      stderr: process.stderr,
      signal: controller.signal,
    });
    process.exitCode = guards.crashed() ? Math.max(code, EXIT_FAILURE) : code;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
  }
}

/**
 * True when this module is the program (node dist/cli.js, bin/s3bq.js, tsx src/cli/main.ts)
 * rather than imported by a test.
 */
function isProgram(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  let real: string;
  try {
    real = realpathSync(entry);
  } catch {
    return false;
  }
  if (real === fileURLToPath(import.meta.url)) return true;
  return basename(real) === 's3bq.js' && basename(dirname(real)) === 'bin';
}

if (isProgram()) await runFromProcess();
