// Whole-process figures of the bundled CLI: cold start to first output (`--version`) and
// validate + plan of 1,000 generated table files (`s3bq plan --json`), each the median of
// several runs because a 2-core machine shared with other work is noisy.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './child-process.js';
import { writeGeneratedTables } from './plan-1000.js';
import { median } from './stats.js';

const CHILD_TIMEOUT_MS = 60_000;

export interface ColdStartFigures {
  runs: number;
  firstOutputMsMedian: number;
  firstOutputMsAll: number[];
}

export async function measureColdStart(cli: string, runs: number): Promise<ColdStartFigures> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await runCli(cli, ['--version'], { timeoutMs: CHILD_TIMEOUT_MS });
    if (run.exitCode !== 0 || run.firstOutputMs === undefined || !/\d+\.\d+\.\d+/.test(run.stdout)) {
      throw new Error(`s3bq --version failed (exit ${run.exitCode ?? run.signal}): ${run.stderr}`);
    }
    times.push(run.firstOutputMs);
  }
  return { runs, firstOutputMsMedian: median(times), firstOutputMsAll: times };
}

export interface PlanProcessFigures {
  runs: number;
  tables: number;
  wallMsMedian: number;
  wallMsAll: number[];
  /** The child's own CPU time: steadier than wall time when others share the machine. */
  cpuMsMedian: number;
  partitions: number;
}

export async function measurePlanProcess(
  cli: string,
  tables: number,
  runs: number,
): Promise<PlanProcessFigures> {
  const cwd = await mkdtemp(join(tmpdir(), 's3bq-bench-plan-'));
  try {
    await mkdir(join(cwd, 'tables'));
    await writeGeneratedTables(join(cwd, 'tables'), tables);
    const times: number[] = [];
    const cpu: number[] = [];
    let partitions = 0;
    for (let i = 0; i < runs; i++) {
      const run = await runCli(
        cli,
        ['plan', '--tables', 'tables', '--at', '2026-11-21T00:30:00Z', '--json'],
        {
          cwd,
          env: { ...process.env, TZ: 'UTC' },
          timeoutMs: CHILD_TIMEOUT_MS,
          usage: true,
        },
      );
      if (run.exitCode !== 0)
        throw new Error(`s3bq plan failed (exit ${run.exitCode ?? run.signal}): ${run.stderr}`);
      const plan = JSON.parse(run.stdout) as { tables: { partitions: unknown[] }[] };
      if (plan.tables.length !== tables)
        throw new Error(`planned ${plan.tables.length} tables, wrote ${tables}`);
      partitions = plan.tables.reduce((n, t) => n + t.partitions.length, 0);
      times.push(run.wallMs);
      if (run.usage) cpu.push(run.usage.cpuMs);
    }
    return {
      runs,
      tables,
      wallMsMedian: median(times),
      wallMsAll: times,
      cpuMsMedian: cpu.length > 0 ? median(cpu) : Number.NaN,
      partitions,
    };
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}
