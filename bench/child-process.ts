// Runs the CLI as a child process the way a user or the runner does, with a deadline,
// and measures it from outside: wall time, time to first output, and peak resident
// memory (VmHWM from /proc, sampled while it runs; Linux only, otherwise undefined).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const USAGE_HOOK = fileURLToPath(new URL('./report-usage.cjs', import.meta.url));

export interface ChildRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Spawn to exit. */
  wallMs: number;
  /** Spawn to the first byte on stdout or stderr; undefined when it printed nothing. */
  firstOutputMs: number | undefined;
  /** Peak resident set in MiB as last sampled (VmHWM never decreases). */
  rssPeakMb: number | undefined;
  /** With `usage`: the child's own CPU time (user + system) and peak RSS at exit. */
  usage?: { cpuMs: number; maxRssMb: number } | undefined;
}

export interface ChildOptions {
  cwd?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  /** Killed (SIGKILL) after this long; the run then reports signal SIGKILL. */
  timeoutMs: number;
  /** Sample VmHWM this often; 0 = do not sample. */
  rssSampleMs?: number | undefined;
  /** Preload report-usage.cjs so the child reports its CPU time and peak RSS at exit. */
  usage?: boolean | undefined;
}

/** Peak resident memory of a live process in MiB, from /proc/<pid>/status. */
async function readVmHwmMb(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined; // gone already, or not Linux
  }
}

/** Runs `node ...argv` (a script and its arguments) with a deadline. */
export function runNode(argv: readonly string[], options: ChildOptions): Promise<ChildRun> {
  return spawnCli([...argv], options.env ?? process.env, options);
}

/** Runs `node <cli> ...args`; `cli` is the bundled CLI (see private-build.ts). */
export async function runCli(cli: string, args: readonly string[], options: ChildOptions): Promise<ChildRun> {
  if (!options.usage) return spawnCli([cli, ...args], options.env ?? process.env, options);
  const dir = await mkdtemp(join(tmpdir(), 's3bq-bench-usage-'));
  try {
    const file = join(dir, 'usage.json');
    const env = { ...(options.env ?? process.env), S3BQ_BENCH_USAGE_FILE: file };
    const run = await spawnCli(['--require', USAGE_HOOK, cli, ...args], env, options);
    const usage = JSON.parse(await readFile(file, 'utf8').catch(() => 'null')) as {
      cpuMs: number;
      maxRssKb: number;
    } | null;
    return usage ? { ...run, usage: { cpuMs: usage.cpuMs, maxRssMb: usage.maxRssKb / 1024 } } : run;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function spawnCli(argv: string[], env: NodeJS.ProcessEnv, options: ChildOptions): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, argv, {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let firstOutputMs: number | undefined;
    let rssPeakMb: number | undefined;
    const firstOutput = () => {
      firstOutputMs ??= performance.now() - started;
    };
    child.stdout.on('data', (chunk: Buffer) => {
      firstOutput();
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      firstOutput();
      stderr += chunk.toString('utf8');
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    const sample = async () => {
      if (child.pid === undefined || child.exitCode !== null) return;
      const mb = await readVmHwmMb(child.pid);
      if (mb !== undefined) rssPeakMb = Math.max(rssPeakMb ?? 0, mb);
    };
    const sampler =
      options.rssSampleMs && options.rssSampleMs > 0
        ? setInterval(() => void sample(), options.rssSampleMs)
        : undefined;
    child.on('error', (error) => {
      clearTimeout(killer);
      if (sampler) clearInterval(sampler);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(killer);
      if (sampler) clearInterval(sampler);
      resolve({
        exitCode,
        signal,
        stdout,
        stderr,
        wallMs: performance.now() - started,
        firstOutputMs,
        rssPeakMb,
      });
    });
  });
}
