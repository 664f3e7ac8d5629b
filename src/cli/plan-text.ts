// `s3bq plan` for people: one aligned row per table — what loads where, and which partitions.
// Every value from a table file is escaped for the log it may land in (a workflow step).
import type { Plan, PlannedTable } from '../plan/types.js';
import { escapeLogValue } from './workflow-commands.js';

export function renderPlanText(plan: Plan, planned: PlannedTable[]): string {
  const header = ['TABLE', 'DESTINATION', 'GRAIN', 'TIMEZONE', 'PARTS', 'FIRST', 'LAST', 'FIRST SOURCE'];
  const rows = planned.map(({ spec, plan: table }) => {
    const first = table.partitions[0];
    const last = table.partitions.at(-1);
    return [
      table.name,
      table.destination,
      spec.partitioning.granularity,
      spec.timezone,
      table.enabled ? String(table.partitions.length) : 'skipped',
      first?.id ?? '-',
      last?.id ?? '-',
      first?.source ?? table.skip_reason ?? '-',
    ].map(escapeLogValue);
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const window =
    plan.window.kind === 'tick'
      ? `tick at ${plan.window.at}`
      : `backfill ${plan.window.from}..${plan.window.to}`;
  const loading = plan.tables.filter((t) => t.enabled).length;
  const partitions = plan.tables.reduce((n, t) => n + t.partitions.length, 0);
  const summary = `Plan for the ${window}: ${loading} of ${plan.tables.length} table${plan.tables.length === 1 ? '' : 's'} load ${partitions} partition${partitions === 1 ? '' : 's'} in ${plan.matrix.include.length} job${plan.matrix.include.length === 1 ? '' : 's'}, at most ${plan.max_parallel} at once.`;
  if (rows.length === 0) return `${summary}\n`;
  return `${summary}\n\n${[line(header), ...rows.map(line)].join('\n')}\n`;
}
