// The workflow's matrix: one job per table while GitHub allows (256 jobs), beyond that
// several tables per job, loaded one after another — so the workflow's `max-parallel`
// still bounds how many tables load at once. The matrix travels as a job output (1 MB).
import type { MatrixEntry, PlanWindow } from './types.js';
import { PlanError } from './window.js';

export const MAX_MATRIX_JOBS = 256;
/** GitHub caps one job output at 1 MB; stay below it with the workflow's own wrapping. */
export const MAX_MATRIX_OUTPUT_BYTES = 1_000_000;
/** Tables of one packed job, as the action's `table` input reads them. */
export const TABLE_SEPARATOR = ',';

export function buildMatrix(tableNames: readonly string[], window: PlanWindow): { include: MatrixEntry[] } {
  const groups = packTables(tableNames, MAX_MATRIX_JOBS);
  const include = groups.map((group): MatrixEntry => {
    const table = group.join(TABLE_SEPARATOR);
    return window.kind === 'tick' ? { table, at: window.at } : { table, from: window.from, to: window.to };
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
