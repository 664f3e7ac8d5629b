// The action's outputs: one status for the job (the worst of its tables) and partition
// counts per outcome, as the workflow's later steps and the run report read them.
import type { Status, TableResult } from '../lifecycle/outcome.js';

/** Worst last: a failure outranks a skip, and a skip (nothing loaded) outranks a load. */
const SEVERITY: readonly Status[] = ['loaded', 'skipped', 'failed'];

export interface ActionOutputs {
  status: Status;
  loaded: number;
  skipped: number;
  failed: number;
}

export function worstStatus(results: readonly TableResult[]): Status {
  return results.reduce<Status>(
    (worst, result) => (SEVERITY.indexOf(result.status) > SEVERITY.indexOf(worst) ? result.status : worst),
    results.length === 0 ? 'skipped' : 'loaded',
  );
}

export function actionOutputs(results: readonly TableResult[]): ActionOutputs {
  const counts: Record<Status, number> = { loaded: 0, skipped: 0, failed: 0 };
  for (const result of results) for (const partition of result.partitions) counts[partition.status] += 1;
  return { status: worstStatus(results), ...counts };
}
