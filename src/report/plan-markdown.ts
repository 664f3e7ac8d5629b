// The plan as a pull-request comment: for each table its destination, partitioning, the
// partitions a tick would load and, when S3 was checked, whether files are there.
import type { PartitionPlan, Plan, TablePlan } from '../plan/types.js';
import type { TableSpec } from '../tables/types.js';
import { mdCell, mdCode, mdTable, plural } from './format.js';

/** What an S3 listing found under one partition's source prefix. */
export type SourceCheck = { objects: number } | { error: string };

/** The hidden marker the validate workflow finds its own comment by, to edit it in place. */
export const PLAN_COMMENT_MARKER = '<!-- s3bq-plan -->';

/** Partition rows shown per table; a backfill's long tail is counted, not listed. */
const MAX_ROWS_PER_TABLE = 10;
/** Partitions past those that are listed anyway because S3 has no files for them. */
const MAX_FLAGGED_ROWS = 40;

export interface PlanMarkdownOptions {
  /** Table specs by name, for the partitioning column and field (inferred when absent). */
  specs?: ReadonlyMap<string, TableSpec> | readonly TableSpec[] | undefined;
}

export function renderPlanMarkdown(
  plan: Plan,
  sourceCheck?: ReadonlyMap<string, SourceCheck>,
  options: PlanMarkdownOptions = {},
): string {
  const specs = toMap(options.specs);
  const out: string[] = [PLAN_COMMENT_MARKER, '## s3bq plan', ''];
  const window =
    plan.window.kind === 'tick'
      ? `a tick at ${mdCode(plan.window.at)}`
      : `a backfill ${mdCode(`${plan.window.from}..${plan.window.to}`)}`;
  const loading = plan.tables.filter((t) => t.partitions.length > 0).length;
  out.push(
    `What ${window} would load: ${plural(plan.tables.length, 'table')}, ${loading} with partitions to load, ` +
      `at most ${plan.max_parallel} at once, in ${plural(plan.matrix.include.length, 'job')}.`,
    '',
  );
  if (!sourceCheck) {
    out.push('_S3 was not checked (no AWS credentials configured for this check)._', '');
  }
  if (plan.tables.length === 0) {
    out.push('No table files found.', '');
    return out.join('\n');
  }

  out.push(
    mdTable(
      ['Table', 'Destination', 'Partitioning', 'Partitions', ...(sourceCheck ? ['S3'] : [])],
      plan.tables.map((t) => [
        `**${mdCell(t.name)}**`,
        mdCode(t.destination),
        partitioning(t, specs.get(t.name)),
        t.enabled
          ? t.skip_reason
            ? `none: ${mdCell(t.skip_reason)}`
            : formatCountOf(t.partitions)
          : 'disabled',
        ...(sourceCheck ? [sourceSummary(t.partitions, sourceCheck)] : []),
      ]),
    ),
    '',
  );

  for (const t of plan.tables) {
    if (t.partitions.length === 0) continue;
    out.push(
      `<details><summary>${mdCell(t.name)}: ${plural(t.partitions.length, 'partition')}</summary>`,
      '',
    );
    const shown = partitionsToShow(t.partitions, sourceCheck);
    out.push(
      mdTable(
        ['Partition', 'Source', ...(sourceCheck ? ['S3'] : [])],
        shown.map((p) => [
          mdCode(p.id),
          mdCode(p.source),
          ...(sourceCheck ? [sourceCell(sourceCheck.get(p.source))] : []),
        ]),
      ),
    );
    const rest = t.partitions.length - shown.length;
    if (rest > 0) {
      const last = t.partitions[t.partitions.length - 1]!;
      const others = shown.length > MAX_ROWS_PER_TABLE ? 'other ' : 'more ';
      out.push('', `_…and ${plural(rest, `${others}partition`)}, up to ${mdCode(last.id)}._`);
    }
    out.push('', '</details>', '');
  }
  return out.join('\n');
}

/**
 * The first partitions, plus every partition S3 has no files for or could not be listed
 * (the rows a reviewer needs), in plan order and within a bound.
 */
function partitionsToShow(
  partitions: readonly PartitionPlan[],
  checks: ReadonlyMap<string, SourceCheck> | undefined,
): PartitionPlan[] {
  const needsEye = (p: PartitionPlan) => {
    const c = checks?.get(p.source);
    return c !== undefined && ('error' in c || c.objects === 0);
  };
  return partitions
    .filter((p, i) => i < MAX_ROWS_PER_TABLE || needsEye(p))
    .slice(0, MAX_ROWS_PER_TABLE + MAX_FLAGGED_ROWS);
}

function toMap(specs: PlanMarkdownOptions['specs']): ReadonlyMap<string, TableSpec> {
  if (!specs) return new Map();
  if (specs instanceof Map) return specs;
  return new Map((specs as readonly TableSpec[]).map((s) => [s.name, s]));
}

function formatCountOf(partitions: readonly PartitionPlan[]): string {
  if (partitions.length === 0) return '0';
  const first = partitions[0]!.id;
  const last = partitions[partitions.length - 1]!.id;
  return partitions.length === 1 ? mdCode(first) : `${partitions.length}: ${mdCode(first)} … ${mdCode(last)}`;
}

function partitioning(t: TablePlan, spec: TableSpec | undefined): string {
  if (spec) {
    const p = spec.partitioning;
    const column = p.field ? `by ${mdCode(p.field)}` : 'by ingestion time';
    const extras = [
      p.requireFilter ? 'filter required' : '',
      p.expirationDays ? `expires after ${p.expirationDays} d` : '',
      spec.timezone !== 'UTC' ? `dates in ${spec.timezone}` : '',
    ].filter(Boolean);
    return [`${p.granularity} ${column}`, ...extras].join(', ');
  }
  // Without the spec, the id's length still tells the granularity.
  const id = t.partitions[0]?.id;
  if (!id) return '—';
  return id.length === 10 ? 'HOUR' : 'DAY';
}

function sourceCell(check: SourceCheck | undefined): string {
  if (!check) return '—';
  if ('error' in check) return `❌ ${mdCell(check.error)}`;
  return check.objects > 0 ? `✅ ${plural(check.objects, 'file')}` : '⏭️ no files (would be skipped)';
}

function sourceSummary(
  partitions: readonly PartitionPlan[],
  checks: ReadonlyMap<string, SourceCheck>,
): string {
  if (partitions.length === 0) return '—';
  let withFiles = 0;
  let empty = 0;
  const errors: string[] = [];
  for (const p of partitions) {
    const c = checks.get(p.source);
    if (!c) continue;
    if ('error' in c) errors.push(c.error);
    else if (c.objects > 0) withFiles++;
    else empty++;
  }
  if (errors.length > 0) return `❌ ${mdCell(errors[0])}`;
  if (withFiles + empty === 0) return '—';
  if (empty === 0) return `✅ all ${withFiles} have files`;
  if (withFiles === 0) return `⏭️ no files yet (would be skipped)`;
  return `⚠️ ${withFiles} with files, ${empty} without`;
}
