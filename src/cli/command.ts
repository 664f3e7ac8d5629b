// The shape of one `s3bq` subcommand. Each lives in its own file under commands/ and is
// listed once in commands/index.ts.

export interface CommandContext {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Aborted on SIGINT/SIGTERM: long-running commands stop and clean up. */
  signal: AbortSignal;
}

export interface Command {
  name: string;
  /** One line for `s3bq --help`. */
  summary: string;
  /** Full `s3bq <name> --help` text. */
  usage: string;
  /** Returns the process exit code. Throwing a UsageError prints it with the usage. */
  run(context: CommandContext): Promise<number>;
}

/** A bad invocation: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
