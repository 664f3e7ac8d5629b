// The local cloud in its own process (`s3bq emulator --json`), so the process being
// measured shares neither its event loop nor its memory with the services it calls.
// Counters come from the emulator's admin endpoint (GET /stats).
import { type ChildProcess, spawn } from 'node:child_process';

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const STATS_TIMEOUT_MS = 5_000;

/** The part of the emulator's GET /stats the benchmarks read. */
export interface EmulatorStats {
  activeRuns: number;
  peakConcurrentRuns: number;
  runs: Record<string, number>;
  configs: number;
}

export interface LocalCloudProcess {
  /** AWS_ENDPOINT_URL_S3, DTS_EMULATOR_HOST, … as the emulator printed them. */
  env: Record<string, string>;
  pid: number;
  stats(): Promise<EmulatorStats>;
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

export async function startLocalCloudProcess(options: {
  cli: string;
  runSeconds: number;
}): Promise<LocalCloudProcess> {
  const child = spawn(
    process.execPath,
    [options.cli, 'emulator', '--json', '--run-seconds', String(options.runSeconds)],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GOOGLE_CLOUD_PROJECT: 'bench-project' } },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const env = await new Promise<Record<string, string>>((resolve, reject) => {
    let stdout = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`s3bq emulator did not start: ${why}\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`no endpoints after ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      try {
        resolve(JSON.parse(stdout.slice(0, newline)) as Record<string, string>);
      } catch (error) {
        fail(`unreadable endpoints line (${String(error)})`);
      }
    });
    child.once('error', (error) => fail(error.message));
    child.once('close', (code) => fail(`exited with ${code}`));
  });
  const admin = env.S3BQ_EMULATOR_ADMIN;
  if (!admin || child.pid === undefined) {
    await stopChild(child);
    throw new Error('s3bq emulator printed no S3BQ_EMULATOR_ADMIN endpoint: the benchmarks need its /stats');
  }
  return {
    env,
    pid: child.pid,
    async stats() {
      const response = await fetch(new URL('/stats', admin), {
        signal: AbortSignal.timeout(STATS_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`GET ${admin}/stats answered ${response.status}`);
      return (await response.json()) as EmulatorStats;
    },
    stop: () => stopChild(child),
  };
}
