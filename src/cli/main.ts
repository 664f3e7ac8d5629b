// The `s3bq` front door: picks the subcommand, prints help and version, turns errors into
// exit codes (2 for a bad invocation, 1 for a failure), and stops on SIGINT/SIGTERM.
// Commands load their heavy modules inside run(), so this file stays cheap to start.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

export function helpText(list: readonly Command[] = commands): string {
  const width = Math.max(0, ...list.map((c) => c.name.length));
  return `Usage: s3bq <command> [options]

Loads partitioned tables from Amazon S3 into BigQuery through the Data Transfer Service.

Commands:
${list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  -h, --help     show this help; \`s3bq <command> --help\` shows a command's options
  -v, --version  print the version

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
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(helpText());
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(helpText());
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${readVersion()}\n`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const known = commands.map((c) => c.name).join(', ');
    io.stderr.write(`s3bq: unknown command "${name}" (commands: ${known}); see s3bq --help\n`);
    return EXIT_USAGE;
  }
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

function reportError(error: unknown, command: Command, io: CliIO): number {
  if (error instanceof UsageError) {
    io.stderr.write(`s3bq ${command.name}: ${error.message}\n\n${command.usage.trimEnd()}\n`);
    return EXIT_USAGE;
  }
  const diagnostics = (error as { diagnostics?: unknown }).diagnostics;
  if (Array.isArray(diagnostics)) {
    // TableFilesInvalidError: the findings themselves are what the user needs.
    for (const d of diagnostics as { file: string; line: number; column: number; message: string }[]) {
      io.stderr.write(`${d.file}:${d.line}:${d.column}: ${d.message}\n`);
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`s3bq: ${message.split('\n').join('\n  ')}\n`);
  if (io.env.S3BQ_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT_FAILURE;
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

/** Runs the CLI in this process: argv, signals, exit code. */
export async function runFromProcess(): Promise<void> {
  // The AWS SDK warns on every run under Node 20 about its own future releases; the
  // version this package locks runs on Node 20, so the warning is only noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const controller = new AbortController();
  const onSignal = createSignalHandler(controller, process.stderr, (code) => process.exit(code));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    process.exitCode = await main(process.argv.slice(2), {
      env: process.env,
      cwd: process.cwd(),
      stdout: process.stdout,
      stderr: process.stderr,
      signal: controller.signal,
    });
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
