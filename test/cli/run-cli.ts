// Runs `s3bq` in-process and captures what it prints.
import { main } from '../../src/cli/main.js';
import { textSink } from '../helpers/text-sink.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CliResult> {
  const out = textSink();
  const err = textSink();
  const code = await main(argv, {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: out.stream,
    stderr: err.stream,
  });
  return { code, stdout: out.text(), stderr: err.text() };
}
