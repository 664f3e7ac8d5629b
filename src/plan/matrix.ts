// The workflow's matrix: one job per table while GitHub allows (256 jobs), beyond that
// several tables per job, loaded one after another — so the workflow's `max-parallel`
// still bounds how many tables load at once. The matrix travels as a job output (1 MB).
// Each entry also carries its time budget: a job that loads k tables one after another
// needs k tables' time, and GitHub kills any job at 6 hours, so past two tables a job the
// per-table timeout shrinks until the whole job fits (and the action always times out,
// and cleans up, before GitHub kills the job).
import type { MatrixEntry, PlanWindow } from './types.js';
import { PlanError } from './window.js';

export const MAX_MATRIX_JOBS = 256;
/** GitHub caps one job output at 1 MB; stay below it with the workflow's own wrapping. */
export const MAX_MATRIX_OUTPUT_BYTES = 1_000_000;
/** Tables of one packed job, as the action's `table` input reads them. */
const TABLE_SEPARATOR = ',';

/** A table's whole lifecycle may take this long when its job has time for it (the action's default, 2h). */
export const TABLE_TIMEOUT_MINUTES = 120;
/** GitHub-hosted runners end any job after 6 hours, whatever its `timeout-minutes`. */
export const MAX_JOB_MINUTES = 360;
/** A job's time beyond its tables: checkout, authentication, upload, post-step cleanup. */
export const JOB_OVERHEAD_MINUTES = 15;

/** A matrix entry with its time budget: `timeout` is the action input, the other the job's. */
export interface TimedMatrixEntry extends MatrixEntry {
  /** Each table's lifecycle bound, as the action's `timeout` input reads it (`120m`). */
  timeout: string;
  /** The job's `timeout-minutes`: its tables one after another, plus the overhead. */
  job_timeout_minutes: number;
}

export function buildMatrix(
  tableNames: readonly string[],
  window: PlanWindow,
): { include: TimedMatrixEntry[] } {
  const groups = packTables(tableNames, MAX_MATRIX_JOBS);
  const include = groups.map((group): TimedMatrixEntry => {
    const table = group.join(TABLE_SEPARATOR);
    const budget = jobBudget(group.length);
    const timing = { timeout: `${budget.tableMinutes}m`, job_timeout_minutes: budget.jobMinutes };
    return window.kind === 'tick'
      ? { table, at: window.at, ...timing }
      : { table, from: window.from, to: window.to, ...timing };
  });
  const matrix = { include };
  const bytes = Buffer.byteLength(JSON.stringify(matrix), 'utf8');
  if (bytes > MAX_MATRIX_OUTPUT_BYTES) {
    throw new PlanError(
      `the matrix of ${tableNames.length} tables is ${bytes} bytes, over GitHub's job output limit of ${MAX_MATRIX_OUTPUT_BYTES}: split the tables over several workflows or shorten their file names`,
    );
  }
  return matrix;
}

/**
 * The time budget of a job loading `tables` tables one after another: each table gets the
 * full lifecycle timeout while the job fits GitHub's 6 hours, else an equal share of them.
 */
export function jobBudget(tables: number): { tableMinutes: number; jobMinutes: number } {
  const count = Math.max(1, tables);
  const share = Math.floor((MAX_JOB_MINUTES - JOB_OVERHEAD_MINUTES) / count);
  const tableMinutes = Math.max(1, Math.min(TABLE_TIMEOUT_MINUTES, share));
  return { tableMinutes, jobMinutes: count * tableMinutes + JOB_OVERHEAD_MINUTES };
}

/**
 * Splits names into at most `maxGroups` contiguous groups whose sizes differ by at most
 * one, keeping the given (sorted) order so a table's job is easy to find.
 */
export function packTables(names: readonly string[], maxGroups: number): string[][] {
  if (names.length <= maxGroups) return names.map((name) => [name]);
  const groups: string[][] = [];
  const base = Math.floor(names.length / maxGroups);
  const bigger = names.length % maxGroups;
  let start = 0;
  for (let g = 0; g < maxGroups; g++) {
    const size = base + (g < bigger ? 1 : 0);
    groups.push(names.slice(start, start + size));
    start += size;
  }
  return groups;
}
