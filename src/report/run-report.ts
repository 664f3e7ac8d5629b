// The whole run's summary, written by the report job after every matrix job: totals per
// outcome, failed tables first with their messages, every table's partitions and rows,
// skipped tables set apart, links to the jobs, and a gantt of when each table loaded.
import type { ResultFile, Status, TableResult } from '../lifecycle/outcome.js';
import {
  formatCount,
  formatDuration,
  mdCell,
  mdCode,
  mdLink,
  mdTable,
  plural,
  resultTotals,
  STATUS_EMOJI,
  STATUS_ORDER,
  sumRows,
  totalsBits,
  utf8Bytes,
} from './format.js';
import { renderGantt } from './gantt.js';
import { type JobLink, jobUrlFor, type MergedResult, mergeResults } from './merge.js';
import { partitionCounts, renderPartitionTable } from './table-summary.js';

/** GitHub refuses a step summary over 1 MiB; keep a margin for what the job adds. */
const SUMMARY_LIMIT_BYTES = 1_000_000;

/** Partitions listed per table in the run report; the job summary has them all. */
const PARTITIONS_PER_TABLE = 100;

export interface RunReportContext {
  /** Heading; by default from the run's window ("Daily load 2026-11-21", "Backfill …"). */
  title?: string | undefined;
  /** The workflow run's page. */
  runUrl?: string | undefined;
  /** The run's jobs, so every table links to the job that loaded it. */
  jobs?: readonly JobLink[] | undefined;
  /** Size budget in bytes (tests use a small one). */
  limitBytes?: number | undefined;
  /** Why these results are incomplete (a failed download): shown first, as a caution. */
  incomplete?: string | undefined;
}

export function renderRunReport(files: readonly ResultFile[], context: RunReportContext = {}): string {
  const merged = mergeResults(files);
  const limit = context.limitBytes ?? SUMMARY_LIMIT_BYTES;
  const full = compose(files, merged, context, true);
  if (utf8Bytes(full) <= limit) return full;
  // First give up the per-partition details, which grow with backfills, then cut lines.
  const note =
    '\n> [!NOTE]\n> This report was shortened to fit GitHub’s 1 MiB summary limit: partition details are in each job’s own summary and in the result artifacts.\n';
  const compact = compose(files, merged, context, false);
  if (utf8Bytes(compact + note) <= limit) return compact + note;
  return truncateLines(compact, limit, note);
}

function compose(
  files: readonly ResultFile[],
  merged: readonly MergedResult[],
  context: RunReportContext,
  withPartitions: boolean,
): string {
  const results = merged.map((m) => m.result);
  const out: string[] = [];
  out.push(`## ${mdCell(context.title ?? defaultTitle(files))}`, '');
  out.push(headline(results, context.runUrl), '');
  if (context.incomplete) {
    out.push(
      `> [!CAUTION]`,
      `> Incomplete: ${mdCell(context.incomplete)} No alert issue was opened or closed.`,
      '',
    );
  }
  if (results.length === 0) {
    out.push('No table results were found: the load jobs did not run or did not upload their results.', '');
    return out.join('\n');
  }
  out.push(totalsTable(results), '');
  const link = (m: MergedResult) => {
    const url = jobUrlFor(m.result.name, context.jobs, m.file);
    return url ? mdLink('job', url) : '';
  };
  const of = (s: Status) =>
    merged.filter((m) => m.result.status === s).sort((a, b) => a.result.name.localeCompare(b.result.name));
  const [failed, loaded, skipped] = [of('failed'), of('loaded'), of('skipped')];
  out.push(...failedSection(failed, link), ...loadedSection(loaded, link), ...skippedSection(skipped, link));
  out.push(...warningsSection(merged));
  if (withPartitions) out.push(...partitionsSection([...failed, ...loaded, ...skipped]));
  out.push(...timelineSection(results));
  return out.join('\n');
}

type LinkOf = (m: MergedResult) => string;

function failedSection(failed: readonly MergedResult[], link: LinkOf): string[] {
  if (failed.length === 0) return [];
  const rows = failed.map((m) => [
    `**${mdCell(m.result.name)}**`,
    mdCode(m.result.destination),
    m.result.failed_step ? mdCode(m.result.failed_step) : '',
    mdCell(m.result.message ?? firstPartitionMessage(m.result)),
    link(m),
  ]);
  return outcomeSection(
    'failed',
    rows.length,
    mdTable(['Table', 'Destination', 'Step', 'Message', 'Job'], rows),
  );
}

function loadedSection(loaded: readonly MergedResult[], link: LinkOf): string[] {
  if (loaded.length === 0) return [];
  const rows = loaded.map((m) => [
    mdCell(m.result.name),
    mdCode(m.result.destination),
    partitionsCell(m.result),
    formatCount(sumRows(m.result.partitions.map((p) => p.rows))),
    formatDuration(m.result.duration_ms),
    link(m),
  ]);
  const header = ['Table', 'Destination', 'Partitions', 'Rows', 'Duration', 'Job'];
  return outcomeSection('loaded', rows.length, mdTable(header, rows));
}

function skippedSection(skipped: readonly MergedResult[], link: LinkOf): string[] {
  if (skipped.length === 0) return [];
  const rows = skipped.map((m) => [
    mdCell(m.result.name),
    mdCode(m.result.destination),
    formatCount(m.result.partitions.length),
    mdCell(m.result.message ?? firstPartitionMessage(m.result)),
    link(m),
  ]);
  return outcomeSection(
    'skipped',
    rows.length,
    mdTable(['Table', 'Destination', 'Partitions', 'Why', 'Job'], rows),
    '_No source files for these partitions: neither a success nor a failure._',
  );
}

/** One outcome's section: its heading with the table count, a note if any, then its table. */
function outcomeSection(status: Status, count: number, table: string, note?: string): string[] {
  const heading = `### ${STATUS_EMOJI[status]} ${status[0]!.toUpperCase()}${status.slice(1)} (${count})`;
  return [heading, '', ...(note ? [note, ''] : []), table, ''];
}

function warningsSection(merged: readonly MergedResult[]): string[] {
  const warned = merged.filter((m) => (m.result.warnings ?? []).length > 0);
  if (warned.length === 0) return [];
  const lines = warned.flatMap((m) =>
    (m.result.warnings ?? []).map((w) => `- **${mdCell(m.result.name)}**: ${mdCell(w)}`),
  );
  return ['### ⚠️ Warnings', '', ...lines, ''];
}

function partitionsSection(shown: readonly MergedResult[]): string[] {
  const withParts = shown.filter((m) => m.result.partitions.length > 0);
  if (withParts.length === 0) return [];
  return [
    '### Partitions',
    '',
    ...withParts.flatMap(({ result: r }) => [
      `<details><summary>${STATUS_EMOJI[r.status]} ${mdCell(r.name)} — ${plural(r.partitions.length, 'partition')}</summary>`,
      '',
      renderPartitionTable(r.partitions, PARTITIONS_PER_TABLE),
      '',
      '</details>',
      '',
    ]),
  ];
}

function timelineSection(results: readonly TableResult[]): string[] {
  const gantt = renderGantt(results);
  if (!gantt) return [];
  const out = ['### Timeline', '', '```mermaid', gantt.source, '```', ''];
  if (gantt.omitted > 0) {
    out.push(`_${plural(gantt.omitted, 'table')} not charted (no times, or past the chart’s limit)._`, '');
  }
  return out;
}

function headline(results: readonly TableResult[], runUrl: string | undefined): string {
  const counts = STATUS_ORDER.map(
    (s) => `${STATUS_EMOJI[s]} ${results.filter((r) => r.status === s).length} ${s}`,
  );
  const bits = [plural(results.length, 'table'), ...totalsBits(results)];
  if (runUrl) bits.push(mdLink('workflow run', runUrl));
  return `**${counts.join(' · ')}** — ${bits.join(' · ')}`;
}

function totalsTable(results: readonly TableResult[]): string {
  return mdTable(
    ['Outcome', 'Tables', 'Partitions', 'Rows'],
    STATUS_ORDER.map((s) => {
      const of = results.filter((r) => r.status === s);
      const { partitions, rows } = resultTotals(of);
      return [`${STATUS_EMOJI[s]} ${s}`, formatCount(of.length), formatCount(partitions), formatCount(rows)];
    }),
  );
}

function partitionsCell(r: TableResult): string {
  const counts = partitionCounts(r.partitions);
  return counts ? `${r.partitions.length} (${counts})` : formatCount(r.partitions.length);
}

function firstPartitionMessage(r: TableResult): string | undefined {
  return r.partitions.find((p) => p.status === r.status && p.message)?.message;
}

/** "Daily load 2026-11-21" or "Backfill a, b 2026-01-01..2026-01-31", from the files' window. */
export function defaultTitle(files: readonly ResultFile[]): string {
  const window = files.find((f) => f.window)?.window;
  if (!window) return 'Load report';
  if (window.kind === 'tick') return `Daily load ${window.at.slice(0, 10)}`;
  const names = [...new Set(files.flatMap((f) => f.tables.map((t) => t.name)))].sort();
  const tables = names.length <= 3 ? names.join(', ') : plural(names.length, 'table');
  return `Backfill ${tables} ${window.from}..${window.to}`;
}

/** Cuts whole lines so the text, the note and a closing fence stay under `limit` bytes. */
function truncateLines(text: string, limit: number, note: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  let size = utf8Bytes(note) + 16;
  let inFence = false;
  for (const line of lines) {
    const bytes = utf8Bytes(line) + 1;
    if (size + bytes > limit) break;
    kept.push(line);
    size += bytes;
    if (line.startsWith('```')) inFence = !inFence;
  }
  if (inFence) kept.push('```');
  return `${kept.join('\n')}\n${note}`;
}
