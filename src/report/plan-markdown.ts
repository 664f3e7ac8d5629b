// The plan in Markdown, in two sizes. The step summary shows every table (within GitHub's
// 1 MiB summary limit); the pull-request comment shows the tables the pull request changes,
// the totals of the whole plan and a link to the full plan (within GitHub's 65,536-character
// comment limit, at any table count). For each table shown: its destination, partitioning,
// the partitions a tick would load and, when S3 was checked, whether files are there.
import type { PartitionPlan, Plan, TablePlan } from '../plan/types.js';
import type { TableSpec } from '../tables/types.js';
import { mdCell, mdCode, mdLink, mdTable, plural, utf8Bytes } from './format.js';

/** What an S3 listing found under one partition's source prefix. */
export type SourceCheck = { objects: number } | { error: string };

/** The hidden marker the validate workflow finds its own comment by, to edit it in place. */
export const PLAN_COMMENT_MARKER = '<!-- s3bq-plan -->';

/** GitHub refuses a comment over 65,536 characters; bytes are never fewer, with room to spare. */
const PLAN_COMMENT_LIMIT_BYTES = 60_000;
/** GitHub refuses a step summary over 1 MiB; room to spare for what else the job writes. */
const PLAN_SUMMARY_LIMIT_BYTES = 1_000_000;

/** Partition rows shown per table; a backfill's long tail is counted, not listed. */
const MAX_ROWS_PER_TABLE = 10;
/** Partitions past those that are listed anyway because S3 has no files for them. */
const MAX_FLAGGED_ROWS = 40;

export interface PlanMarkdownOptions {
  /** Table specs by name, for the partitioning column and field (inferred when absent). */
  specs?: ReadonlyMap<string, TableSpec> | readonly TableSpec[] | undefined;
  /**
   * The table files a pull request changes (`tables/gold.orders.json`): only these tables
   * are shown, with the whole plan's totals. Absent: every table is shown.
   */
  changed?: readonly string[] | undefined;
  /** Where the full plan is (the check's summary), linked when not every table is shown. */
  detailsUrl?: string | undefined;
  /** Size budget in UTF-8 bytes; by default the comment's or the summary's limit. */
  limitBytes?: number | undefined;
}

export function renderPlanMarkdown(
  plan: Plan,
  sourceCheck?: ReadonlyMap<string, SourceCheck>,
  options: PlanMarkdownOptions = {},
): string {
  const specs = toMap(options.specs);
  const changedNames = options.changed ? changedTableNames(options.changed) : undefined;
  const shown = changedNames ? plan.tables.filter((t) => changedNames.has(t.name)) : plan.tables;
  const limit = options.limitBytes ?? (changedNames ? PLAN_COMMENT_LIMIT_BYTES : PLAN_SUMMARY_LIMIT_BYTES);

  const head = [PLAN_COMMENT_MARKER, '## s3bq plan', '', totalsLine(plan), ''];
  if (!sourceCheck) head.push('_S3 was not checked (no AWS credentials configured for this check)._', '');
  if (changedNames) head.push(...changedLines(plan, shown, changedNames), '');
  if (plan.tables.length === 0) return [...head, 'No table files found.', ''].join('\n');

  const rows = shown.map((t) => overviewRow(t, specs.get(t.name), sourceCheck));
  // One per shown table, lined up with `rows`; none for a table with nothing to load.
  const details = shown.map((t) => (t.partitions.length > 0 ? detailsBlock(t, sourceCheck) : undefined));
  return fitToLimit({ head, rows, details, sourceCheck, limit, plan, shown, options });
}

/** The whole plan in one line: tables, partitions, jobs and the quota guard. */
function totalsLine(plan: Plan): string {
  const window =
    plan.window.kind === 'tick'
      ? `a tick at ${mdCode(plan.window.at)}`
      : `a backfill ${mdCode(`${plan.window.from}..${plan.window.to}`)}`;
  const loading = plan.tables.filter((t) => t.partitions.length > 0).length;
  const partitions = plan.tables.reduce((n, t) => n + t.partitions.length, 0);
  return (
    `What ${window} would load: ${plural(plan.tables.length, 'table')}, ${loading} with partitions to load ` +
    `(${plural(partitions, 'partition')}), at most ${plan.max_parallel} at once, in ${plural(plan.matrix.include.length, 'job')}.`
  );
}

/** What the pull request changes, by name: planned tables and files that plan nothing. */
function changedLines(plan: Plan, shown: readonly TablePlan[], changed: ReadonlySet<string>): string[] {
  const planned = new Set(plan.tables.map((t) => t.name));
  const gone = [...changed].filter((name) => !planned.has(name)).sort();
  const lines = [
    shown.length === 0
      ? 'This pull request changes no table that the plan loads.'
      : `This pull request changes ${plural(shown.length, 'planned table')}, shown below.`,
  ];
  if (gone.length > 0) {
    const names = gone.slice(0, 50).map(mdCode).join(', ');
    const more = gone.length > 50 ? ` and ${gone.length - 50} more` : '';
    lines.push('', `Removed or renamed (no longer planned): ${names}${more}.`);
  }
  return lines;
}

/** The table names of changed table files (`tables/gold.orders.json` → `gold.orders`); other files are ignored. */
export function changedTableNames(changed: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const entry of changed) {
    const base = entry.trim().split('/').pop() ?? '';
    if (base.endsWith('.json') && base !== 'schema.json') names.add(base.slice(0, -'.json'.length));
  }
  return names;
}

function overviewRow(
  t: TablePlan,
  spec: TableSpec | undefined,
  sourceCheck: ReadonlyMap<string, SourceCheck> | undefined,
): string[] {
  return [
    `**${mdCell(t.name)}**`,
    mdCode(t.destination),
    partitioning(t, spec),
    t.enabled ? (t.skip_reason ? `none: ${mdCell(t.skip_reason)}` : formatCountOf(t.partitions)) : 'disabled',
    ...(sourceCheck ? [sourceSummary(t.partitions, sourceCheck)] : []),
  ];
}

function detailsBlock(t: TablePlan, sourceCheck: ReadonlyMap<string, SourceCheck> | undefined): string {
  const out = [
    `<details><summary>${mdCell(t.name)}: ${plural(t.partitions.length, 'partition')}</summary>`,
    '',
  ];
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
  return out.join('\n');
}

interface Parts {
  head: string[];
  rows: string[][];
  details: (string | undefined)[];
  sourceCheck: ReadonlyMap<string, SourceCheck> | undefined;
  limit: number;
  plan: Plan;
  shown: readonly TablePlan[];
  options: PlanMarkdownOptions;
}

/**
 * Everything when it fits; otherwise every overview row that fits, then as many tables'
 * partition details as fit, and a closing note of what was left out and where it is.
 */
function fitToLimit(parts: Parts): string {
  const header = ['Table', 'Destination', 'Partitioning', 'Partitions', ...(parts.sourceCheck ? ['S3'] : [])];
  const tableOf = (rows: string[][]) => (rows.length > 0 ? [mdTable(header, rows), ''] : []);
  const assemble = (rows: string[][], details: string[], omitted: number) =>
    [...parts.head, ...tableOf(rows), ...details, ...footer(parts, omitted)].join('\n');

  const full = assemble(parts.rows, parts.details.filter(isText), 0);
  if (utf8Bytes(full) <= parts.limit) return full;

  // Room for the longest footer this can need: every shown table may go uncounted.
  const reserve = utf8Bytes(footer(parts, parts.shown.length).join('\n')) + 64;
  let budget = parts.limit - reserve - utf8Bytes(parts.head.join('\n')) - utf8Bytes(tableOf([]).join('\n'));
  budget -= utf8Bytes(mdTable(header, []));
  const rows: string[][] = [];
  for (const row of parts.rows) {
    const size = utf8Bytes(mdTable(header, [row])) - utf8Bytes(mdTable(header, [])) + 1;
    if (size > budget) break;
    rows.push(row);
    budget -= size;
  }
  const wanted = parts.details.slice(0, rows.length).filter(isText);
  const details: string[] = [];
  for (const block of wanted) {
    const size = utf8Bytes(block) + 1;
    if (size > budget) break;
    details.push(block);
    budget -= size;
  }
  const omitted = parts.rows.length - rows.length;
  const note = details.length < wanted.length ? detailsNote() : [];
  return [...parts.head, ...tableOf(rows), ...details, ...note, ...footer(parts, omitted)].join('\n');
}

function isText(block: string | undefined): block is string {
  return block !== undefined;
}

function detailsNote(): string[] {
  return ['_Partition details of the other tables do not fit here._', ''];
}

/** Where the rest is: the full plan in the check's summary, or the CLI. */
function footer(parts: Parts, omitted: number): string[] {
  const lines: string[] = [];
  if (omitted > 0)
    lines.push(`_…and ${plural(omitted, 'more table')} not shown: too many for GitHub's size limit._`, '');
  const everyTable = parts.shown.length === parts.plan.tables.length && omitted === 0;
  if (!everyTable) {
    const where = parts.options.detailsUrl
      ? `in ${mdLink("this check's summary", parts.options.detailsUrl)}`
      : 'printed by `npx s3bq plan`';
    lines.push(`The full plan of all ${plural(parts.plan.tables.length, 'table')} is ${where}.`, '');
  }
  return lines;
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
