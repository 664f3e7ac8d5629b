// Runs the bundled CLI (bin/s3bq.js → dist/cli.js) as a child process, the way a runner or
// an operator's shell does, and cancels it the way GitHub's runner cancels a job: SIGINT,
// SIGTERM some time later, SIGKILL after that (each only while the process still lives).
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const S3BQ_BIN = fileURLToPath(new URL('../../bin/s3bq.js', import.meta.url));

export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited, with its code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Signals sent, in order, with the ms since start. */
  signalsSent: { signal: NodeJS.Signals; atMs: number }[];
  send(signal: NodeJS.Signals): void;
}

/** Starts `s3bq argv…`; the process is SIGKILLed after `deadlineMs` so no test can hang. */
export function startCli(
  argv: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; deadlineMs?: number },
): CliProcess {
  const started = Date.now();
  const child = spawn(process.execPath, [S3BQ_BIN, ...argv], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => {
    out += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    err += String(chunk);
  });
  const signalsSent: CliProcess['signalsSent'] = [];
  const send = (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signalsSent.push({ signal, atMs: Date.now() - started });
    child.kill(signal);
  };
  const guard = setTimeout(() => send('SIGKILL'), options.deadlineMs ?? 60_000);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal });
    });
  });
  return { child, stdout: () => out, stderr: () => err, exited, signalsSent, send };
}

/** The runner's cancellation, with its 7.5 s and 2.5 s scaled by `scale` (order kept). */
export function cancelLikeRunner(cli: CliProcess, scale = 1): () => void {
  cli.send('SIGINT');
  const term = setTimeout(() => cli.send('SIGTERM'), 7_500 * scale);
  const kill = setTimeout(() => cli.send('SIGKILL'), (7_500 + 2_500) * scale);
  void cli.exited.then(() => {
    clearTimeout(term);
    clearTimeout(kill);
  });
  return () => {
    clearTimeout(term);
    clearTimeout(kill);
  };
}

/** Polls `check` every 25 ms until it is true, failing after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
