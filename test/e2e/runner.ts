// Runs the bundled action the way the GitHub runner does: `node dist/action/main.js` with
// INPUT_* variables and fresh GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files,
// then `node dist/action/post.js` with main's saved state as STATE_* variables. It can also
// cancel a step the runner's way: SIGINT, SIGTERM later, then SIGKILL.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const DIST_ACTION = join(ROOT, 'dist/action');

/** The runner's cancellation: SIGINT, SIGTERM `sigtermAfterMs` later, SIGKILL `killAfterMs` after that. */
export interface Cancellation {
  /** Cancel once stdout contains this text (e.g. a progress line). */
  whenStdoutIncludes: string;
  sigtermAfterMs: number;
  killAfterMs: number;
}

export interface StepOptions {
  inputs: Record<string, string>;
  /** Extra environment: the local cloud's endpoints, AWS keys, GitHub run info. */
  env: Record<string, string>;
  /** The workspace (the job's working directory). */
  cwd: string;
  runnerTemp: string;
  /** STATE_* values for post. */
  state?: Record<string, string> | undefined;
  cancel?: Cancellation | undefined;
  /** A bound so a broken action cannot hang the test. */
  deadlineMs?: number | undefined;
}

export interface StepResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  /** The raw file-command files, for the secret scan. */
  files: Record<string, string>;
  /** What the harness sent, in order, with ms since start. */
  signalsSent: { signal: NodeJS.Signals; atMs: number }[];
}

/** GitHub's input variable name: `INPUT_` + name upper-cased, spaces to `_`, hyphens kept. */
function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * Parses a file-command file (GITHUB_OUTPUT, GITHUB_STATE): `name<<DELIM\nvalue\nDELIM`
 * blocks, as @actions/core writes them, or plain `name=value` lines. Later values win, as
 * on the runner.
 */
function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const end = lines.indexOf(delimiter, index + 1);
      if (end < 0) throw new Error(`Unterminated value of ${name} in a file command file.`);
      values[name] = lines.slice(index + 1, end).join('\n');
      index = end;
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      values[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return values;
}

/** Only what a step needs from this process's environment: never the test's own secrets. */
function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT'];
  return Object.fromEntries(keep.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
}

export async function runStep(entry: 'main' | 'post', options: StepOptions): Promise<StepResult> {
  const script = join(DIST_ACTION, `${entry}.js`);
  if (!existsSync(script))
    throw new Error(`${script} is missing: run 'npm run build' before the end-to-end tests.`);
  const commands = await mkdtemp(join(options.runnerTemp, `_runner_file_commands_${entry}_`));
  const files = {
    GITHUB_OUTPUT: join(commands, 'set_output'),
    GITHUB_STATE: join(commands, 'save_state'),
    GITHUB_STEP_SUMMARY: join(commands, 'step_summary'),
    GITHUB_ENV: join(commands, 'set_env'),
    GITHUB_PATH: join(commands, 'add_path'),
  };
  for (const path of Object.values(files)) await writeFile(path, '');
  const env: Record<string, string> = {
    ...baseEnv(),
    ...options.env,
    ...files,
    RUNNER_TEMP: options.runnerTemp,
    GITHUB_ACTIONS: 'true',
  };
  for (const [name, value] of Object.entries(options.inputs)) env[inputVariable(name)] = value;
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;

  const child = spawn(process.execPath, [script], {
    cwd: options.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const started = Date.now();
  const signalsSent: StepResult['signalsSent'] = [];
  const timers: NodeJS.Timeout[] = [];
  const send = (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signalsSent.push({ signal, atMs: Date.now() - started });
    child.kill(signal);
  };
  let cancelling = false;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    const cancel = options.cancel;
    if (cancel && !cancelling && stdout.includes(cancel.whenStdoutIncludes)) {
      cancelling = true;
      send('SIGINT');
      timers.push(setTimeout(() => send('SIGTERM'), cancel.sigtermAfterMs));
      timers.push(setTimeout(() => send('SIGKILL'), cancel.sigtermAfterMs + cancel.killAfterMs));
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const deadlineMs = options.deadlineMs ?? 45_000;
  timers.push(
    setTimeout(() => {
      stderr += `\n[harness] ${entry} still running after ${deadlineMs} ms: killed\n`;
      send('SIGKILL');
    }, deadlineMs),
  );
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, fail) => {
    child.on('error', fail);
    child.on('close', (exitCode, exitSignal) => done([exitCode, exitSignal]));
  });
  for (const timer of timers) clearTimeout(timer);

  const raw: Record<string, string> = {};
  for (const [name, path] of Object.entries(files)) raw[`${entry}:${name}`] = await readFile(path, 'utf8');
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseFileCommands(raw[`${entry}:GITHUB_OUTPUT`] ?? ''),
    state: parseFileCommands(raw[`${entry}:GITHUB_STATE`] ?? ''),
    summary: raw[`${entry}:GITHUB_STEP_SUMMARY`] ?? '',
    files: raw,
    signalsSent,
  };
}

export interface JobResult {
  main: StepResult;
  post: StepResult;
}

/** main, then post with main's state, as the runner runs an action with `post-if: always()`. */
export async function runJob(options: StepOptions): Promise<JobResult> {
  const main = await runStep('main', options);
  const post = await runStep('post', { ...options, cancel: undefined, state: main.state });
  return { main, post };
}

export interface Workspace {
  cwd: string;
  runnerTemp: string;
  /** Removes both folders. */
  remove(): Promise<void>;
}

/** A fresh workspace and runner temp folder under the OS temp dir. */
export async function makeWorkspace(): Promise<Workspace> {
  const root = await mkdtemp(join(tmpdir(), 's3bq-e2e-'));
  const cwd = join(root, 'workspace');
  const runnerTemp = join(root, 'runner-temp');
  await mkdir(cwd, { recursive: true });
  await mkdir(runnerTemp, { recursive: true });
  return { cwd, runnerTemp, remove: () => rm(root, { recursive: true, force: true }) };
}

/**
 * The log as the runner shows it: `::add-mask::` commands are consumed by the runner (they
 * register the secret for masking) and never displayed, so they are not a leak.
 */
function visibleLog(stdout: string): string {
  return stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

/** Everything a job produced, labelled, for the secret scan. */
export function jobTexts(job: JobResult): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [entry, step] of Object.entries(job)) {
    texts[`${entry}:stdout`] = visibleLog(step.stdout);
    texts[`${entry}:stderr`] = step.stderr;
    Object.assign(texts, step.files);
  }
  return texts;
}
