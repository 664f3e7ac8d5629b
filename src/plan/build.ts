// The planner: tables + settings + a window (a tick or a backfill) → what each table loads,
// the workflow's matrix and max_parallel. Pure: the instant comes in with the request.
import { destinationKey } from '../tables/resolve.js';
import type { PipelineSettings, TableSpec } from '../tables/types.js';
import { buildMatrix } from './matrix.js';
import { partitionsFor } from './partitions.js';
import type { Plan, PlannedTable, PlanWindow, TablePlan } from './types.js';
import { backfillDays, PlanError, tickDays } from './window.js';

export { PlanError } from './window.js';

export interface PlanRequest {
  tables: TableSpec[];
  settings: PipelineSettings;
  window: { kind: 'tick'; at: Date } | { kind: 'backfill'; from: string; to: string };
  /** Table names to plan; absent means all. */
  only?: string[] | undefined;
}

export const DISABLED_REASON = 'disabled ("enabled": false in its table file)';

export function buildPlan(request: PlanRequest): { plan: Plan; planned: PlannedTable[] } {
  const { settings, window } = request;
  const tables = selectTables(request.tables, request.only);
  let planWindow: PlanWindow;
  let daysOf: (spec: TableSpec) => ReturnType<typeof tickDays>;
  if (window.kind === 'tick') {
    if (Number.isNaN(window.at.getTime())) throw new PlanError('the tick instant is not a valid date');
    planWindow = { kind: 'tick', at: window.at.toISOString() };
    daysOf = (spec) => tickDays(spec, window.at);
  } else {
    // Backfill days do not depend on the table: compute them once.
    const days = backfillDays(window.from, window.to);
    planWindow = { kind: 'backfill', from: window.from, to: window.to };
    daysOf = () => days;
  }

  const planned = tables.map((spec): PlannedTable => {
    const project = spec.project ?? settings.project;
    const plan: TablePlan = {
      name: spec.name,
      destination: destinationKey({ project, dataset: spec.dataset, table: spec.table }),
      enabled: spec.enabled,
      partitions: spec.enabled ? partitionsFor(spec, daysOf(spec)) : [],
    };
    if (!spec.enabled) plan.skip_reason = DISABLED_REASON;
    return { spec, plan };
  });

  const loading = planned.filter((p) => p.plan.enabled).map((p) => p.spec.name);
  const plan: Plan = {
    window: planWindow,
    tables: planned.map((p) => p.plan),
    matrix: buildMatrix(loading, planWindow),
    max_parallel: settings.maxParallel,
  };
  return { plan, planned };
}

/** Tables in name order, narrowed to `only`; an unknown name is an error listing the known. */
function selectTables(tables: TableSpec[], only: string[] | undefined): TableSpec[] {
  const sorted = [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (only === undefined) return sorted;
  const known = new Set(sorted.map((t) => t.name));
  const unknown = only.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    const list = sorted.map((t) => t.name).join(', ') || '(none)';
    throw new PlanError(
      `unknown table${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}; known tables: ${list}`,
    );
  }
  const wanted = new Set(only);
  return sorted.filter((t) => wanted.has(t.name));
}
