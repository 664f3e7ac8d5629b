// The local cloud in its own process (bench/local-cloud-host.ts), seen from the bench:
// its endpoints, its own counters (GET /stats of its admin endpoint: runs in flight and
// their peak), and the aging of the lake it holds.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LocalCloudHostOptions } from './local-cloud-host.js';

const HOST = fileURLToPath(new URL('./local-cloud-host.ts', import.meta.url));
/** The checkout: `--import tsx` and the local cloud's packages resolve from there. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** tsx compiles the local cloud's sources at start: slow on a busy 2-core machine. */
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;
const STATS_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 60_000;
/** The project of every benchmark: one project, one quota queue. */
const BENCH_PROJECT = 'bench-project';

/** The part of the local cloud's GET /stats the benchmarks read. */
export interface LocalCloudStats {
  /** Runs RUNNING now, and the most at once (the project's concurrent-run quota counts these). */
  activeRuns: number;
  peakConcurrentRuns: number;
  /** Runs PENDING or RUNNING now, and the most at once: what max_parallel bounds. */
  inFlightRuns: number;
  peakInFlightRuns: number;
  runs: Record<string, number>;
  configs: number;
}

export interface LocalCloudProcess {
  /** AWS_ENDPOINT_URL_S3, DTS_EMULATOR_HOST, … as the local cloud printed them. */
  env: Record<string, string>;
  pid: number;
  stats(): Promise<LocalCloudStats>;
  /** Makes every object in its S3 look as if it landed `ageMs` ago; returns how many. */
  backdate(ageMs: number): Promise<number>;
  /** CPU time (user + system) the local cloud has used so far; undefined off Linux. */
  cpuMs(): Promise<number | undefined>;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('close', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

type Reply = { id: number; result?: number; error?: string };

/** Linux's clock ticks per second for /proc/<pid>/stat times (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of a live process from /proc/<pid>/stat, in ms. */
export async function processCpuMs(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // Fields after the command name (which may hold spaces) start after its closing parenthesis.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime] = [Number(fields?.[11]), Number(fields?.[12])];
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Reads the endpoints line, then routes each later line to the request waiting for it. */
function listen(child: ChildProcess, stderr: () => string) {
  const pending = new Map<number, (reply: Reply) => void>();
  const lines = createInterface({ input: child.stdout! });
  const endpoints = new Promise<Record<string, string>>((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`the local cloud did not start: ${why}\n${stderr()}`));
    };
    const timer = setTimeout(() => fail(`no endpoints after ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.once('error', (error) => fail(error.message));
    child.once('close', (code) => fail(`exited with ${code}`));
    lines.once('line', (line) => {
      let parsed: Record<string, string>;
      try {
        parsed = JSON.parse(line) as Record<string, string>;
      } catch (error) {
        return fail(`unreadable endpoints line (${String(error)})`);
      }
      settled = true;
      clearTimeout(timer);
      resolve(parsed);
      lines.on('line', (next) => {
        const reply = JSON.parse(next) as Reply;
        pending.get(reply.id)?.(reply);
        pending.delete(reply.id);
      });
    });
  });
  return { endpoints, pending };
}

export async function startLocalCloudProcess(options: LocalCloudHostOptions): Promise<LocalCloudProcess> {
  const hostOptions = { projectId: BENCH_PROJECT, ...options };
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', HOST, JSON.stringify(hostOptions)],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const { endpoints, pending } = listen(child, () => stderr);
  const env = await endpoints;
  const admin = env.S3BQ_EMULATOR_ADMIN;
  if (!admin || child.pid === undefined) {
    await stopChild(child);
    throw new Error(
      'the local cloud printed no S3BQ_EMULATOR_ADMIN endpoint: the benchmarks need its /stats',
    );
  }
  let nextId = 0;
  return {
    env,
    pid: child.pid,
    async stats() {
      const response = await fetch(new URL('/stats', admin), {
        signal: AbortSignal.timeout(STATS_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`GET ${admin}/stats answered ${response.status}`);
      return (await response.json()) as LocalCloudStats;
    },
    backdate(ageMs) {
      const id = ++nextId;
      return new Promise<number>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('the local cloud did not age its objects')),
          REQUEST_TIMEOUT_MS,
        );
        pending.set(id, (reply) => {
          clearTimeout(timer);
          if (reply.error !== undefined || reply.result === undefined) reject(new Error(reply.error));
          else resolve(reply.result);
        });
        child.stdin?.write(`${JSON.stringify({ id, op: 'backdate', ageMs })}\n`);
      });
    },
    cpuMs: () => processCpuMs(child.pid!),
    stop: () => stopChild(child),
  };
}
