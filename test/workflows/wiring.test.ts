// The load workflow's wiring, followed as GitHub follows it: the plan step's own shell
// script runs (with `node dist/cli.js` pointed at this checkout's sources), its
// $GITHUB_OUTPUT is read back, the values go through fromJSON, and what comes out must fit
// the matrix job, the action's inputs and the report job's files.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { TimedMatrixEntry } from '../../src/plan/matrix.js';
import { WORKFLOWS_DIR } from './linters.js';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  outputs?: Record<string, string>;
  strategy?: Record<string, unknown>;
  concurrency?: unknown;
  environment?: string;
  permissions?: Record<string, string>;
  'timeout-minutes'?: number | string;
  name?: string;
  steps: Step[];
}

const load = parse(await readFile(join(WORKFLOWS_DIR, 'load.yml'), 'utf8')) as {
  jobs: Record<string, Job>;
  on: Record<string, unknown>;
};
const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { required?: boolean }>;
};
const planJob = load.jobs.plan!;
const loadJob = load.jobs.load!;
const reportJob = load.jobs.report!;
const actionStep = loadJob.steps.find((s) => s.uses === './')!;
/** Matrix keys that are the job's own, not the action's inputs. */
const JOB_KEYS = ['job_timeout_minutes'];

/** Parses `name=value` lines of a $GITHUB_OUTPUT file (the single-line form the step uses). */
function readOutputs(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 's3bq-wiring-'));
  // `node dist/cli.js …` on the runner; here the CLI from source over the demo tables.
  const node = join(dir, 'node');
  await writeFile(
    node,
    `#!/usr/bin/env bash
if [ "$1" = "dist/cli.js" ]; then
  shift
  exec "${process.execPath}" --conditions=source --import tsx "${ROOT}/src/cli/main.ts" "$@" --tables "${ROOT}/examples/tables"
fi
exec "${process.execPath}" "$@"
`,
  );
  await chmod(node, 0o755);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function runPlanStep(inputs: { TABLES?: string; FROM?: string; TO?: string }) {
  const step = planJob.steps.find((s) => s.id === 'plan')!;
  const output = join(dir, `output-${Math.random().toString(36).slice(2)}`);
  const summary = `${output}-summary`;
  await writeFile(output, '');
  await run('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', step.run!], {
    cwd: ROOT,
    env: {
      PATH: `${dir}:${process.env.PATH}`,
      HOME: process.env.HOME,
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      TABLES: inputs.TABLES ?? '',
      FROM: inputs.FROM ?? '',
      TO: inputs.TO ?? '',
    },
    timeout: 60_000,
  });
  const outputs = readOutputs(await readFile(output, 'utf8'));
  // The plan job's outputs map step outputs by name: follow that mapping.
  const jobOutputs: Record<string, string> = {};
  for (const [name, expr] of Object.entries(planJob.outputs ?? {})) {
    const m = /^\$\{\{ steps\.plan\.outputs\.(\w+) \}\}$/.exec(expr);
    expect(m, `plan job output ${name}`).not.toBeNull();
    jobOutputs[name] = outputs[m![1]!]!;
  }
  const plan = JSON.parse(await readFile(join(dir, 'plan.json'), 'utf8')) as { window: unknown };
  return { jobOutputs, plan, summary: await readFile(summary, 'utf8') };
}

describe('load.yml wiring', () => {
  it('reads matrix and max-parallel from the plan job through fromJSON, fail-fast off', () => {
    expect(loadJob.strategy).toEqual({
      'fail-fast': false,
      'max-parallel': `\${{ fromJSON(needs.plan.outputs.max_parallel) }}`,
      matrix: `\${{ fromJSON(needs.plan.outputs.matrix) }}`,
    });
    expect(loadJob.needs).toBe('plan');
    expect(loadJob.name).toBe(`load \${{ matrix.table }}`);
    // A job's time follows from the tables it packs (the plan says how much).
    expect(loadJob['timeout-minutes']).toBe(`\${{ matrix.job_timeout_minutes }}`);
    expect(actionStep.with?.timeout).toBe(`\${{ matrix.timeout }}`);
    expect(loadJob.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(load.jobs.report!.needs).toEqual(['plan', 'load']);
    expect(load.jobs.report!.if).toContain('always()');
    expect(load.jobs.report!.permissions).toEqual({ contents: 'read', actions: 'read', issues: 'write' });
  });

  it('holds no concurrency group that could cancel an earlier run’s waiting job', () => {
    for (const [name, job] of Object.entries(load.jobs)) expect(job.concurrency, name).toBeUndefined();
    expect((load as { concurrency?: unknown }).concurrency).toBeUndefined();
  });

  it('passes every matrix key but the job’s own to the action as the input of the same name', () => {
    const keys: (keyof TimedMatrixEntry)[] = ['table', 'at', 'from', 'to', 'timeout'];
    for (const key of keys) {
      expect(action.inputs[key], `action.yml input ${key}`).toBeDefined();
      expect(actionStep.with?.[key]).toBe(`\${{ matrix.${key} }}`);
    }
    for (const input of Object.keys(actionStep.with ?? {})) expect(action.inputs[input], input).toBeDefined();
    for (const [name, input] of Object.entries(action.inputs))
      if (input.required) expect(actionStep.with?.[name], `required input ${name}`).toBeDefined();
    expect(actionStep.env).toEqual({
      AWS_ACCESS_KEY_ID: `\${{ secrets.AWS_ACCESS_KEY_ID }}`,
      AWS_SECRET_ACCESS_KEY: `\${{ secrets.AWS_SECRET_ACCESS_KEY }}`,
    });
  });

  it('a tick: the plan step’s outputs become matrix entries the action accepts', async () => {
    const { jobOutputs, plan, summary } = await runPlanStep({});
    const matrix = JSON.parse(jobOutputs.matrix!) as { include: Record<string, unknown>[] };
    const maxParallel = JSON.parse(jobOutputs.max_parallel!) as unknown;
    expect(typeof maxParallel).toBe('number');
    expect(Number.isInteger(maxParallel) && (maxParallel as number) >= 1).toBe(true);
    expect(Number(jobOutputs.jobs)).toBe(matrix.include.length);
    expect(matrix.include.map((e) => e.table)).toEqual([
      'finance.fx_rates',
      'gold.orders',
      'raw.clickstream',
    ]);
    for (const entry of matrix.include) {
      for (const [key, value] of Object.entries(entry)) {
        if (JOB_KEYS.includes(key)) continue;
        expect(action.inputs[key], `matrix key ${key} is an action input`).toBeDefined();
        expect(typeof value).toBe('string');
      }
      expect(entry).toMatchObject({ timeout: '120m', job_timeout_minutes: 135 });
      expect(Number.isNaN(Date.parse(String(entry.at)))).toBe(false);
    }
    // One tick instant for every job, so they agree on which days to load.
    expect(new Set(matrix.include.map((e) => e.at)).size).toBe(1);
    // The summary shows the same tick the jobs load.
    expect(summary).toContain(`a tick at \`${(plan.window as { at: string }).at}\``);
    expect(summary).toContain('**gold.orders**');
  });

  it('a backfill of chosen tables: entries carry from/to and only those tables', async () => {
    const { jobOutputs } = await runPlanStep({
      TABLES: 'gold.orders,raw.clickstream',
      FROM: '2026-01-01',
      TO: '2026-01-31',
    });
    const matrix = JSON.parse(jobOutputs.matrix!) as { include: Record<string, unknown>[] };
    expect(matrix.include).toEqual([
      {
        table: 'gold.orders',
        from: '2026-01-01',
        to: '2026-01-31',
        timeout: '120m',
        job_timeout_minutes: 135,
      },
      {
        table: 'raw.clickstream',
        from: '2026-01-01',
        to: '2026-01-31',
        timeout: '120m',
        job_timeout_minutes: 135,
      },
    ]);
  });

  it('the dispatch inputs are the ones the plan step reads', () => {
    const dispatch = (load.on.workflow_dispatch as { inputs: Record<string, { type: string }> }).inputs;
    expect(Object.keys(dispatch).sort()).toEqual(['dry_run', 'from', 'tables', 'to']);
    expect(dispatch.dry_run!.type).toBe('boolean');
    const env = planJob.steps.find((s) => s.id === 'plan')!.env!;
    expect(env).toMatchObject({
      TABLES: `\${{ inputs.tables }}`,
      FROM: `\${{ inputs.from }}`,
      TO: `\${{ inputs.to }}`,
    });
  });

  it('the report reads the plan and the results where the downloads put them', () => {
    const upload = planJob.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with).toMatchObject({ name: 's3bq-plan', path: `\${{ runner.temp }}/plan.json` });
    expect(planJob.steps.find((s) => s.id === 'plan')!.run).toContain('> "$RUNNER_TEMP/plan.json"');
    const downloads = reportJob.steps.filter((s) => s.uses?.startsWith('actions/download-artifact@'));
    const [plan, results] = downloads;
    expect(plan!.with).toEqual({ name: 's3bq-plan', path: `\${{ runner.temp }}/s3bq-plan` });
    // No merge-multiple: every job's and attempt's artifact keeps a folder of its own.
    expect(results!.with).toEqual({ pattern: 's3bq-result-*', path: `\${{ runner.temp }}/s3bq-results` });
    const report = reportJob.steps.find((s) => s.run === 'node dist/action/report.js')!;
    expect(report.env).toMatchObject({
      S3BQ_PLAN_FILE: `\${{ runner.temp }}/s3bq-plan/plan.json`,
      S3BQ_RESULTS_DIR: `\${{ runner.temp }}/s3bq-results`,
    });
    expect(report.env!.S3BQ_DOWNLOAD).toContain(`steps.${plan!.id}.outcome`);
    expect(report.env!.S3BQ_DOWNLOAD).toContain(`steps.${results!.id}.outcome`);
    for (const download of downloads)
      expect((download as { 'continue-on-error'?: boolean })['continue-on-error']).toBe(true);
    // Nothing large travels in a variable (Linux refuses one over 128 KiB).
    expect(JSON.stringify(report.env)).not.toContain('outputs.matrix');
    const result = loadJob.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(result.with?.name).toBe(
      `s3bq-result-\${{ strategy.job-index }}-attempt-\${{ github.run_attempt }}`,
    );
  });
});
