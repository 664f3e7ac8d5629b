// The step summary of one matrix job: one table's outcome, its partitions and where to
// look next. Written by the action after the lifecycle finishes.
import type { PartitionResult, TableResult } from '../lifecycle/outcome.js';
import { type ConsoleContext, resultConsoleUrl, tableUrl } from './console-links.js';
import {
  formatCount,
  formatDuration,
  mdCell,
  mdCode,
  mdLink,
  mdTable,
  plural,
  STATUS_EMOJI,
  sumRows,
} from './format.js';

/** Beyond this many partitions a job summary shows the first ones and a count. */
const MAX_SUMMARY_PARTITIONS = 500;

export function renderTableSummary(result: TableResult, context: ConsoleContext = {}): string {
  const lines: string[] = [];
  lines.push(`### ${STATUS_EMOJI[result.status]} ${mdCell(result.name)} — ${result.status}`);
  lines.push('');
  lines.push(headline(result, context));
  if (result.status === 'failed' && result.message) {
    lines.push('');
    const step = result.failed_step ? ` at step ${mdCode(result.failed_step)}` : '';
    lines.push(`> [!CAUTION]\n> Failed${step}: ${mdCell(result.message)}`);
  } else if (result.status === 'skipped' && result.message) {
    lines.push('');
    lines.push(`> [!NOTE]\n> Skipped: ${mdCell(result.message)}`);
  }
  if (result.partitions.length > 0) {
    lines.push('');
    lines.push(renderPartitionTable(result.partitions, MAX_SUMMARY_PARTITIONS));
  }
  if (result.warnings && result.warnings.length > 0) {
    lines.push('');
    lines.push('> [!WARNING]');
    for (const w of result.warnings) lines.push(`> - ${mdCell(w)}`);
  }
  return `${lines.join('\n')}\n`;
}

function headline(result: TableResult, context: ConsoleContext): string {
  const tableLink = tableUrl(result.destination, context);
  const destination = mdLink(mdCode(result.destination), tableLink);
  const counts = partitionCounts(result.partitions);
  const rows = sumRows(result.partitions.map((p) => p.rows));
  const bits = [`**Destination** ${destination}`, plural(result.partitions.length, 'partition')];
  if (counts) bits.push(counts);
  if (rows !== undefined) bits.push(`${formatCount(rows)} rows`);
  bits.push(formatDuration(result.duration_ms));
  const link = resultConsoleUrl(result, context);
  if (link && link !== tableLink) bits.push(mdLink('Google Cloud console', link));
  return bits.join(' · ');
}

/** `2 loaded, 1 skipped`, or '' when every partition shares the table's status. */
export function partitionCounts(partitions: readonly PartitionResult[]): string {
  const counts = new Map<string, number>();
  for (const p of partitions) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  if (counts.size <= 1) return '';
  return ['loaded', 'skipped', 'failed']
    .filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${s}`)
    .join(', ');
}

/** The partitions of one table as a Markdown table, cut after `limit` rows with a note. */
export function renderPartitionTable(partitions: readonly PartitionResult[], limit: number): string {
  const shown = partitions.slice(0, limit);
  const table = mdTable(
    ['Partition', 'Status', 'Rows', 'Duration', 'Message'],
    shown.map((p) => [
      mdCode(p.id),
      `${STATUS_EMOJI[p.status]} ${p.status}`,
      formatCount(p.rows),
      formatDuration(p.duration_ms),
      mdCell(p.message),
    ]),
  );
  const rest = partitions.length - shown.length;
  return rest > 0 ? `${table}\n\n_…and ${plural(rest, 'more partition')} not shown._` : table;
}
