// The load workflow's wiring, followed as GitHub follows it: the plan step's own shell
// script runs (with `npx s3bq` pointed at this checkout), its $GITHUB_OUTPUT is read back,
// the values go through fromJSON, and what comes out must fit the matrix job and the
// action's inputs.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { MatrixEntry } from '../../src/plan/types.js';
import { WORKFLOWS_DIR } from './linters.js';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  outputs?: Record<string, string>;
  strategy?: Record<string, unknown>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  permissions?: Record<string, string>;
  'timeout-minutes'?: number;
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
const actionStep = loadJob.steps.find((s) => s.uses === './')!;

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
  // `npx s3bq …` on the runner runs the package's bin; here, the CLI from source over the demo tables.
  const npx = join(dir, 'npx');
  await writeFile(
    npx,
    `#!/usr/bin/env bash\nshift\nexec node --conditions=source --import tsx "${ROOT}/src/cli/main.ts" "$@" --tables "${ROOT}/examples/tables"\n`,
  );
  await chmod(npx, 0o755);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function runPlanStep(inputs: { TABLES?: string; FROM?: string; TO?: string }) {
  const step = planJob.steps.find((s) => s.id === 'plan')!;
  const output = join(dir, `output-${Math.random().toString(36).slice(2)}`);
  await writeFile(output, '');
  await run('bash', ['-e', '-o', 'pipefail', '-c', step.run!], {
    cwd: ROOT,
    env: {
      PATH: `${dir}:${process.env.PATH}`,
      HOME: process.env.HOME,
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: output,
      TABLES: inputs.TABLES ?? '',
      FROM: inputs.FROM ?? '',
      TO: inputs.TO ?? '',
    },
    timeout: 30_000,
  });
  const outputs = readOutputs(await readFile(output, 'utf8'));
  // The plan job's outputs map step outputs by name: follow that mapping.
  const jobOutputs: Record<string, string> = {};
  for (const [name, expr] of Object.entries(planJob.outputs ?? {})) {
    const m = /^\$\{\{ steps\.plan\.outputs\.(\w+) \}\}$/.exec(expr);
    expect(m, `plan job output ${name}`).not.toBeNull();
    jobOutputs[name] = outputs[m![1]!]!;
  }
  return jobOutputs;
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
    expect(loadJob.concurrency).toEqual({ group: `load-\${{ matrix.table }}`, 'cancel-in-progress': false });
    expect(loadJob['timeout-minutes']).toBeGreaterThan(120);
    expect(loadJob.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(load.jobs.report!.needs).toEqual(['plan', 'load']);
    expect(load.jobs.report!.if).toContain('always()');
    expect(load.jobs.report!.permissions).toEqual({ contents: 'read', actions: 'read', issues: 'write' });
  });

  it('passes every matrix key to the action as the input of the same name', () => {
    const keys: (keyof MatrixEntry)[] = ['table', 'at', 'from', 'to'];
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
    const outputs = await runPlanStep({});
    const matrix = JSON.parse(outputs.matrix!) as { include: Record<string, unknown>[] };
    const maxParallel = JSON.parse(outputs.max_parallel!) as unknown;
    expect(typeof maxParallel).toBe('number');
    expect(Number.isInteger(maxParallel) && (maxParallel as number) >= 1).toBe(true);
    expect(Number(outputs.jobs)).toBe(matrix.include.length);
    expect(matrix.include.map((e) => e.table)).toEqual([
      'finance.fx_rates',
      'gold.orders',
      'raw.clickstream',
    ]);
    for (const entry of matrix.include) {
      for (const [key, value] of Object.entries(entry)) {
        expect(action.inputs[key], `matrix key ${key} is an action input`).toBeDefined();
        expect(typeof value).toBe('string');
      }
      expect(Number.isNaN(Date.parse(String(entry.at)))).toBe(false);
    }
    // One tick instant for every job, so they agree on which days to load.
    expect(new Set(matrix.include.map((e) => e.at)).size).toBe(1);
  });

  it('a backfill of chosen tables: entries carry from/to and only those tables', async () => {
    const outputs = await runPlanStep({
      TABLES: 'gold.orders,raw.clickstream',
      FROM: '2026-01-01',
      TO: '2026-01-31',
    });
    const matrix = JSON.parse(outputs.matrix!) as { include: Record<string, unknown>[] };
    expect(matrix.include).toEqual([
      { table: 'gold.orders', from: '2026-01-01', to: '2026-01-31' },
      { table: 'raw.clickstream', from: '2026-01-01', to: '2026-01-31' },
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
});
