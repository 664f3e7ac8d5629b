// The selectors every planning command shares (`plan`, `run`): --tables, --at, --from/--to,
// --only, turned into the pipeline's plan request by its one set of input parsers; and
// the plan they select, with the files its loader left aside. Light at import time: the
// table-file and plan modules (zod, luxon) load only when a plan is built, so
// `s3bq --help` stays fast.
import { parseTableNames, parseWindow } from '../pipeline/inputs.js';
import type { PlannedRequest } from '../pipeline/plan.js';
import { DEFAULT_TABLES_DIR, type PlanRequest } from '../pipeline/request.js';
import { type CommandContext, UsageError } from './command.js';
import { asUsage } from './input-errors.js';

export { displayPath } from '../pipeline/display-path.js';
export { DEFAULT_TABLES_DIR } from '../pipeline/request.js';

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

export function parseSelectors(values: SelectorValues): PlanRequest {
  const tablesDir = values.tables ?? DEFAULT_TABLES_DIR;
  if (tablesDir.trim() === '') throw new UsageError('--tables needs a folder');
  return asUsage(() => ({
    tablesDir,
    window: parseWindow(values, (input) => `--${input}`),
    only: values.only === undefined ? undefined : parseTableNames(values.only, '--only'),
  }));
}

/**
 * Settings + table files + planner. Invalid table files throw TableFilesInvalidError with
 * diagnostics whose paths are relative to the working directory (as users typed them).
 */
export async function loadPlan(
  context: Pick<CommandContext, 'cwd' | 'env'>,
  request: PlanRequest,
): Promise<PlannedRequest> {
  const { planPipeline } = await import('../pipeline/plan.js');
  return planPipeline(request, { cwd: context.cwd, env: context.env, now: () => new Date() });
}

/** Files the loader left aside (a subfolder, a `.JSON`): said once, on stderr. */
export async function printFindings(
  context: Pick<CommandContext, 'stderr'>,
  warnings: PlannedRequest['warnings'],
): Promise<void> {
  if (warnings.length === 0) return;
  const { formatDiagnostic } = await import('../tables/diagnostic.js');
  for (const warning of warnings) context.stderr.write(`${formatDiagnostic(warning)}\n`);
}
