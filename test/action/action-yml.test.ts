// action.yml is the action's contract with workflows: it must declare exactly the inputs
// run() reads and the outputs it sets, accept every key of a plan's matrix entry, and
// point the runner at the bundled entry points.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readInputs } from '../../src/action/inputs.js';
import type { TimedMatrixEntry } from '../../src/plan/matrix.js';

const ROOT = join(import.meta.dirname, '../..');

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; post: string; 'post-if': string };
}

const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

describe('action.yml', () => {
  it('runs the bundled main and post on node24, post always', () => {
    expect(action.runs).toEqual({
      using: 'node24',
      main: 'dist/action/main.js',
      post: 'dist/action/post.js',
      'post-if': 'always()',
    });
  });

  it('declares exactly the inputs run() reads, each described', () => {
    const read = new Set<string>();
    readInputs((name) => {
      read.add(name);
      return name === 'table' ? 'gold.orders' : '';
    });
    expect(Object.keys(action.inputs).sort()).toEqual([...read].sort());
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toMatch(/\w{3,}/);
    }
    expect(action.inputs['tables-dir']?.default).toBe('tables');
    expect(action.inputs.timeout?.default).toBe('2h');
  });

  it("accepts every key of the plan's matrix entries as an input, but the job's own timeout", () => {
    const entry: Required<TimedMatrixEntry> = {
      table: 'a',
      at: 'b',
      from: 'c',
      to: 'd',
      timeout: '120m',
      job_timeout_minutes: 135,
    };
    const { job_timeout_minutes: _job, ...inputs } = entry;
    for (const key of Object.keys(inputs)) expect(action.inputs, key).toHaveProperty(key);
    expect(action.inputs).not.toHaveProperty('job_timeout_minutes');
  });

  it('declares the outputs run() sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([
      'failed',
      'loaded',
      'result-file',
      'skipped',
      'status',
    ]);
  });
});
