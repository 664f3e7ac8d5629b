// The bundled action's main step run the way the GitHub runner runs it: `node action/main.js`
// in the workspace, inputs as INPUT_* variables, fresh GITHUB_OUTPUT / GITHUB_STATE /
// GITHUB_STEP_SUMMARY files and RUNNER_TEMP, and nothing of the bench's own environment
// but what a runner also has.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ChildRun, runNode } from './child-process.js';

export interface ActionStep {
  /** The bundle's action/main.js. */
  main: string;
  /** The job's workspace (tables/ lives there). */
  cwd: string;
  /** RUNNER_TEMP: the result file and the file-command files go there. */
  runnerTemp: string;
  /** By their action.yml names: table, at, timeout, … */
  inputs: Record<string, string>;
  /** The local cloud's endpoints and keys, GitHub's run info, settings (S3BQ_MAX_PARALLEL). */
  env: Record<string, string>;
  timeoutMs: number;
}

/** GitHub's input variable name: `INPUT_` + name upper-cased, spaces to `_`, hyphens kept. */
function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

const RUNNER_ENV = ['PATH', 'HOME', 'TMPDIR', 'LANG'];

export async function runActionMain(step: ActionStep): Promise<ChildRun> {
  const files = {
    GITHUB_OUTPUT: join(step.runnerTemp, 'set_output'),
    GITHUB_STATE: join(step.runnerTemp, 'save_state'),
    GITHUB_STEP_SUMMARY: join(step.runnerTemp, 'step_summary'),
  };
  for (const path of Object.values(files)) await writeFile(path, '');
  const env: Record<string, string> = {
    ...Object.fromEntries(
      RUNNER_ENV.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
    ),
    ...step.env,
    ...files,
    RUNNER_TEMP: step.runnerTemp,
    GITHUB_ACTIONS: 'true',
  };
  for (const [name, value] of Object.entries(step.inputs)) env[inputVariable(name)] = value;
  return runNode([step.main], { cwd: step.cwd, env, timeoutMs: step.timeoutMs });
}
