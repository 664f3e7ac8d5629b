// Many tables at once: at most `maxParallel` tables in their lifecycle, and at most
// `maxParallel` transfer runs in flight across all of them (the load-job quota guard).
// Two separate limiters, never one nested in itself: a pool that waits on itself
// deadlocks.
import { getMaxListeners, setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import type { PlannedTable } from '../plan/types.js';
import type { TableResult } from './outcome.js';
import { runTable } from './run-table.js';
import type { LifecycleOptions } from './types.js';

export async function runTables(
  planned: readonly PlannedTable[],
  options: LifecycleOptions & { maxParallel: number },
): Promise<TableResult[]> {
  if (!Number.isInteger(options.maxParallel) || options.maxParallel < 1) {
    throw new Error(`maxParallel must be a positive integer (got ${options.maxParallel})`);
  }
  // Every table in flight listens on the one cancellation signal; past Node's default of
  // 10 listeners that is expected, not a leak, so the warning would only alarm users.
  if (options.signal) {
    const wanted = options.maxParallel + 10;
    if (getMaxListeners(options.signal) < wanted) setMaxListeners(wanted, options.signal);
  }
  const tables = pLimit(options.maxParallel);
  const runSlots = options.runSlots ?? pLimit(options.maxParallel);
  return Promise.all(planned.map((table) => tables(() => runTable(table, { ...options, runSlots }))));
}
