// The selectors every planning command shares (`plan`, `run`): --tables, --at, --from/--to,
// --only; and loading the plan they select. Light at import time: the spec and plan modules
// (zod, luxon) load only when a plan is built, so `s3bq --help` stays fast.
import { relative, resolve } from 'node:path';
import type { Plan, PlannedTable } from '../plan/types.js';
import type { PipelineSettings } from '../tables/types.js';
import { type CommandContext, UsageError } from './command.js';

export const DEFAULT_TABLES_DIR = 'tables';

/** parseArgs options of the selectors; spread into a command's own options. */
export const SELECTOR_OPTIONS = {
  tables: { type: 'string' },
  at: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  only: { type: 'string' },
} as const;

export const SELECTOR_USAGE = `  --tables DIR      folder of table files (default: ${DEFAULT_TABLES_DIR})
  --at ISO          the tick's instant, e.g. 2026-11-21T00:30:00Z (default: now)
  --from DATE       first day of a backfill, YYYY-MM-DD (inclusive; needs --to)
  --to DATE         last day of a backfill, YYYY-MM-DD (inclusive; needs --from)
  --only NAME,...   plan only these tables (file names without .json)`;

export interface SelectorValues {
  tables?: string | undefined;
  at?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  only?: string | undefined;
}

export type PlanWindowRequest = { kind: 'tick'; at: Date } | { kind: 'backfill'; from: string; to: string };

export interface Selectors {
  tablesDir: string;
  window: PlanWindowRequest;
  only?: string[] | undefined;
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO 8601 instant; without an offset it is read as UTC (a tick is a UTC instant). */
export function parseInstant(text: string): Date | undefined {
  const match = ISO_INSTANT.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = match;
  const offset =
    zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction.slice(0, 4)}${offset}`);
  if (Number.isNaN(date.getTime())) return undefined;
  // Date rolls 2026-02-30 over to March: refuse what is not a real calendar date.
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  return date;
}

export function parseSelectors(values: SelectorValues, now: () => Date = () => new Date()): Selectors {
  const tablesDir = values.tables ?? DEFAULT_TABLES_DIR;
  if (tablesDir.trim() === '') throw new UsageError('--tables needs a folder');
  let window: PlanWindowRequest;
  if (values.from !== undefined || values.to !== undefined) {
    if (values.at !== undefined)
      throw new UsageError('--at is for a tick, --from/--to for a backfill: give one or the other');
    if (values.from === undefined || values.to === undefined) {
      throw new UsageError('a backfill needs both --from and --to (YYYY-MM-DD, inclusive)');
    }
    for (const [option, value] of [
      ['from', values.from],
      ['to', values.to],
    ] as const) {
      if (!ISO_DATE.test(value))
        throw new UsageError(`--${option} "${value}" is not a date: write YYYY-MM-DD`);
    }
    window = { kind: 'backfill', from: values.from, to: values.to };
  } else if (values.at !== undefined) {
    const at = parseInstant(values.at);
    if (!at)
      throw new UsageError(`--at "${values.at}" is not an ISO 8601 instant such as 2026-11-21T00:30:00Z`);
    window = { kind: 'tick', at };
  } else {
    window = { kind: 'tick', at: now() };
  }
  let only: string[] | undefined;
  if (values.only !== undefined) {
    only = [
      ...new Set(
        values.only
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    if (only.length === 0)
      throw new UsageError('--only needs at least one table name, e.g. --only gold.orders');
  }
  return { tablesDir, window, only };
}

export interface LoadedPlan {
  plan: Plan;
  planned: PlannedTable[];
  settings: PipelineSettings;
}

/**
 * Settings + table files + planner. Invalid table files throw TableFilesInvalidError with
 * diagnostics whose paths are relative to the working directory (as users typed them).
 */
export async function loadPlan(
  context: Pick<CommandContext, 'cwd' | 'env'>,
  selectors: Selectors,
): Promise<LoadedPlan> {
  const [{ loadSettings }, { loadTables }, { buildPlan }] = await Promise.all([
    import('../tables/settings.js'),
    import('./load-tables.js'),
    import('../plan/build.js'),
  ]);
  const settings = await loadSettings({ cwd: context.cwd, env: context.env });
  const tables = await loadTables(context.cwd, selectors.tablesDir, settings, { throwOnErrors: true });
  const { plan, planned } = buildPlan({ tables, settings, window: selectors.window, only: selectors.only });
  return { plan, planned, settings };
}

/** A path as users should see it: relative to where they stand, when inside it. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, resolve(cwd, path));
  return rel === '' ? '.' : rel.startsWith('..') ? resolve(cwd, path) : rel;
}
