// Small formatting helpers shared by every renderer in report/: durations, counts,
// outcome labels and the escaping that keeps user text from breaking Markdown.
import { maskCredentialPatterns } from '../cloud/secrets.js';
import type { Status, TableResult } from '../lifecycle/outcome.js';

/** The order outcomes are shown in: what needs attention first. */
export const STATUS_ORDER: readonly Status[] = ['failed', 'loaded', 'skipped'];

export const STATUS_EMOJI: Readonly<Record<Status, string>> = {
  loaded: '✅',
  skipped: '⏭️',
  failed: '❌',
};

/** `1h 2m`, `3m 4s`, `5.2s`, `840ms`; `—` when unknown. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`;
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m ${seconds}s`;
  return `${seconds}s`;
}

/** Thousands separated with commas whatever the machine's locale, so output is stable. */
export function formatCount(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1 partition`, `3 partitions`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${formatCount(n)} ${n === 1 ? word : many}`;
}

/** Sum of the verified rows, or undefined when no partition reports rows. */
export function sumRows(rows: ReadonlyArray<number | undefined>): number | undefined {
  let total: number | undefined;
  for (const r of rows) if (r !== undefined && Number.isFinite(r)) total = (total ?? 0) + r;
  return total;
}

/** How many partitions a set of tables planned, and their verified rows (see sumRows). */
export function resultTotals(results: readonly TableResult[]): {
  partitions: number;
  rows: number | undefined;
} {
  return {
    partitions: results.reduce((n, r) => n + r.partitions.length, 0),
    rows: sumRows(results.flatMap((r) => r.partitions.map((p) => p.rows))),
  };
}

/** `9 partitions · 12,345 rows` as separate bits; no rows bit when no partition reports rows. */
export function totalsBits(results: readonly TableResult[]): string[] {
  const { partitions, rows } = resultTotals(results);
  const bits = [plural(partitions, 'partition')];
  if (rows !== undefined) bits.push(`${formatCount(rows)} rows`);
  return bits;
}

/**
 * Text for one Markdown table cell: no line breaks, no column separators, and no raw HTML
 * (a DTS message such as `No new files found matching <uri>` would otherwise vanish).
 */
export function mdCell(text: string | undefined): string {
  if (text === undefined || text === '') return '';
  return maskCredentialPatterns(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/** Inline code that survives backticks inside the text. */
export function mdCode(text: string): string {
  const clean = text.replace(/\r?\n/g, ' ');
  const fence = clean.includes('`') ? '``' : '`';
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** A Markdown link, or the bare label when there is no URL. */
export function mdLink(label: string, url: string | undefined): string {
  if (!url) return label;
  return `[${label.replace(/([[\]])/g, '\\$1')}](${url.replace(/\)/g, '%29').replace(/ /g, '%20')})`;
}

/** A Markdown table from a header row and body rows (cells already escaped). */
export function mdTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Size in bytes as GitHub counts it for the 1 MiB step summary limit. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
