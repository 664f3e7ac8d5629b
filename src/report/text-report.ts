// The terminal report printed by `s3bq run` and `npm start`: one aligned line per table,
// skipped tables set apart, then totals. Colour only when asked (a TTY), never in files.
import { maskCredentialPatterns } from '../cloud/secrets.js';
import type { Status, TableResult } from '../lifecycle/outcome.js';
import { formatCount, formatDuration, plural, sumRows, totalsBits } from './format.js';
import { partitionCounts } from './table-summary.js';

export interface TextReportOptions {
  color?: boolean;
}

const ANSI: Readonly<Record<Status | 'dim' | 'bold', [string, string]>> = {
  loaded: ['\u001b[32m', '\u001b[39m'],
  failed: ['\u001b[31m', '\u001b[39m'],
  skipped: ['\u001b[33m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  bold: ['\u001b[1m', '\u001b[22m'],
};

const MARK: Readonly<Record<Status, string>> = { loaded: '✔', failed: '✖', skipped: '–' };

export function renderTextReport(results: readonly TableResult[], options: TextReportOptions = {}): string {
  const paint = (style: keyof typeof ANSI, text: string) =>
    options.color ? `${ANSI[style][0]}${text}${ANSI[style][1]}` : text;

  if (results.length === 0) return 'No tables were planned: nothing to load.\n';

  // Failed first (they need action), then loaded; skipped go in their own block below.
  const main = [
    ...results.filter((r) => r.status === 'failed'),
    ...results.filter((r) => r.status === 'loaded'),
  ];
  const skipped = results.filter((r) => r.status === 'skipped');

  const rowsOf = (r: TableResult) => [
    `${MARK[r.status]} ${r.status}`,
    r.name,
    r.destination,
    partitionSummary(r),
    rowsText(r),
    formatDuration(r.duration_ms),
  ];
  // One set of widths for both blocks, so every table lines up whatever block it is in.
  const cells = [...main, ...skipped].map(rowsOf);
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((c) => [...(c[i] ?? '')].length)));
  const rightAligned = new Set([4, 5]);

  const line = (r: TableResult, row: string[]) => {
    const padded = row.map((cell, i) => {
      const gap = ' '.repeat((widths[i] ?? 0) - [...cell].length);
      return rightAligned.has(i) ? gap + cell : cell + gap;
    });
    const [status, ...rest] = padded;
    let text = `${paint(r.status, status ?? '')}  ${rest.join('  ')}`.trimEnd();
    if (r.message && r.status !== 'loaded') text += `\n${' '.repeat(4)}${paint('dim', oneLine(r.message))}`;
    for (const w of r.warnings ?? [])
      text += `\n${' '.repeat(4)}${paint('skipped', `warning: ${oneLine(w)}`)}`;
    return text;
  };

  const out: string[] = [];
  main.forEach((r) => {
    out.push(line(r, rowsOf(r)));
  });
  if (skipped.length > 0) {
    if (out.length > 0) out.push('');
    out.push(paint('dim', 'Skipped (no source files; neither success nor failure):'));
    skipped.forEach((r) => {
      out.push(line(r, rowsOf(r)));
    });
  }
  out.push('');
  out.push(paint('bold', totalsLine(results)));
  return `${out.join('\n')}\n`;
}

function partitionSummary(r: TableResult): string {
  const counts = partitionCounts(r.partitions);
  const base = plural(r.partitions.length, 'partition');
  return counts ? `${base} (${counts})` : base;
}

function rowsText(r: TableResult): string {
  const rows = sumRows(r.partitions.map((p) => p.rows));
  return rows === undefined ? '' : `${formatCount(rows)} rows`;
}

function oneLine(text: string): string {
  return maskCredentialPatterns(text).replace(/\s*\r?\n\s*/g, ' ');
}

/** `Totals: 5 tables — 3 loaded, 1 skipped, 1 failed · 9 partitions · 12,345 rows`. */
function totalsLine(results: readonly TableResult[]): string {
  const by = (s: Status) => results.filter((r) => r.status === s).length;
  return [
    `Totals: ${plural(results.length, 'table')} — ${by('loaded')} loaded, ${by('skipped')} skipped, ${by('failed')} failed`,
    ...totalsBits(results),
  ].join(' · ');
}
