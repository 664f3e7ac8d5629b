// The planner: tables + settings + a window (a tick or a backfill) → what each table loads,
// the workflow's matrix and max_parallel. Pure: the instant comes in with the request.
import { closestMatches } from '../tables/hints.js';
import { destinationKey } from '../tables/resolve.js';
import type { PipelineSettings, TableSpec } from '../tables/types.js';
import { checkPlanSize, checkSpanInRange } from './bounds.js';
import { buildMatrix } from './matrix.js';
import { partitionsFor } from './partitions.js';
import type { Plan, PlannedTable, PlanWindow, TablePlan } from './types.js';
import { backfillSpan, type DaySpan, daysOf, PlanError, tickSpan } from './window.js';

export interface PlanRequest {
  tables: TableSpec[];
  settings: PipelineSettings;
  window: { kind: 'tick'; at: Date } | { kind: 'backfill'; from: string; to: string };
  /** Table names to plan; absent means all. */
  only?: string[] | undefined;
}

const DISABLED_REASON = 'disabled ("enabled": false in its table file)';

export function buildPlan(request: PlanRequest): { plan: Plan; planned: PlannedTable[] } {
  const { settings, window } = request;
  const tables = selectTables(request.tables, request.only);
  let planWindow: PlanWindow;
  let spanOf: (spec: TableSpec) => DaySpan;
  if (window.kind === 'tick') {
    if (Number.isNaN(window.at.getTime())) throw new PlanError('the tick instant is not a valid date');
    planWindow = { kind: 'tick', at: window.at.toISOString() };
    spanOf = (spec) => tickSpan(spec, window.at);
  } else {
    // Backfill days do not depend on the table: compute them once.
    const span = backfillSpan(window.from, window.to);
    planWindow = { kind: 'backfill', from: window.from, to: window.to };
    spanOf = () => span;
  }

  // Bounds first, from spans alone: a refused request never builds a partition list.
  const loading = tables.filter((spec) => spec.enabled).map((spec) => ({ spec, span: spanOf(spec) }));
  for (const { spec, span } of loading) {
    checkSpanInRange(span, () =>
      planWindow.kind === 'tick'
        ? `the tick at ${planWindow.at} (table ${spec.name}, in ${spec.timezone})`
        : `the backfill ${planWindow.from}..${planWindow.to}`,
    );
  }
  checkPlanSize({ tables: loading, window: planWindow });
  const spans = new Map(loading.map(({ spec, span }) => [spec, span]));

  const planned = tables.map((spec): PlannedTable => {
    const project = spec.project ?? settings.project;
    const span = spans.get(spec);
    const plan: TablePlan = {
      name: spec.name,
      destination: destinationKey({ project, dataset: spec.dataset, table: spec.table }),
      enabled: spec.enabled,
      partitions: span ? partitionsFor(spec, daysOf(span)) : [],
    };
    if (!spec.enabled) plan.skip_reason = DISABLED_REASON;
    return { spec, plan };
  });

  const plan: Plan = {
    window: planWindow,
    tables: planned.map((p) => p.plan),
    matrix: buildMatrix(
      loading.map(({ spec }) => spec.name),
      planWindow,
    ),
    max_parallel: settings.maxParallel,
  };
  return { plan, planned };
}

/** Names listed in full when an --only name is unknown; past this, the closest few. */
const LIST_ALL_UP_TO = 10;
const SUGGESTIONS = 3;

/** Tables in name order, narrowed to `only`; an unknown name is an error naming the closest. */
function selectTables(tables: TableSpec[], only: string[] | undefined): TableSpec[] {
  const sorted = [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (only === undefined) return sorted;
  const names = sorted.map((t) => t.name);
  const known = new Set(names);
  const unknown = only.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new PlanError(unknownTablesMessage(unknown, names));
  const wanted = new Set(only);
  return sorted.filter((t) => wanted.has(t.name));
}

/**
 * "unknown table "gold.ordres" — did you mean "gold.orders"?": with thousands of tables the
 * full list would bury the answer, so it names the closest few and how many there are.
 */
function unknownTablesMessage(unknown: string[], names: string[]): string {
  const quoted = (list: string[]) => list.map((n) => `"${n}"`).join(', ');
  const named = unknown.slice(0, SUGGESTIONS);
  const more = unknown.length > SUGGESTIONS ? ` and ${unknown.length - SUGGESTIONS} more` : '';
  const guesses = [...new Set(named.flatMap((name) => suggestionsFor(name, names)))];
  const hint = guesses.length > 0 ? ` — did you mean ${quoted(guesses)}?` : '';
  const head = `unknown table${unknown.length > 1 ? 's' : ''} ${quoted(named)}${more}${hint}`;
  if (names.length <= LIST_ALL_UP_TO) return `${head} (known tables: ${names.join(', ') || 'none'})`;
  return `${head} (${names.length.toLocaleString('en-US')} tables in all; \`s3bq plan\` lists them)`;
}

/** Near misses by spelling, then names that contain it ("orders" → "gold.orders"). */
function suggestionsFor(name: string, names: string[]): string[] {
  const lowered = name.toLowerCase();
  const spelled = closestMatches(name, names, SUGGESTIONS);
  const containing = names.filter((n) => n.toLowerCase().includes(lowered));
  return [...new Set([...spelled, ...containing])].slice(0, SUGGESTIONS);
}
