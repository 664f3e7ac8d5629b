// The partition layout: the path of one partition under a table's `source`, written with
// tokens ({date}, {YYYY}, {MM}, {DD}, {HH}, {H}). Checked here once; rendered by the planner.
import { hasControlCharacter } from './s3-uri.js';
import type { Granularity } from './types.js';

const LAYOUT_TOKENS = ['date', 'YYYY', 'MM', 'DD', 'HH', 'H'] as const;
type LayoutToken = (typeof LAYOUT_TOKENS)[number];

export const DEFAULT_LAYOUTS: Readonly<Record<Granularity, string>> = {
  DAY: 'dt={date}',
  HOUR: 'dt={date}/hour={H}',
};

type Piece = { literal: string } | { token: LayoutToken };

/** Problems of a layout for a granularity; empty when it is usable. */
export function layoutProblems(layout: string, granularity: Granularity): string[] {
  const problems: string[] = [];
  const { pieces, problems: syntax } = splitLayout(layout);
  problems.push(...syntax);
  const used = new Set(pieces.flatMap((p) => ('token' in p ? [p.token] : [])));
  const hasDate = used.has('date') || (used.has('YYYY') && used.has('MM') && used.has('DD'));
  if (!hasDate) {
    problems.push('the layout must name the date: use {date} or all of {YYYY}, {MM} and {DD}');
  }
  const hasHour = used.has('HH') || used.has('H');
  if (granularity === 'HOUR' && !hasHour) {
    problems.push('an HOUR table needs the hour in its layout: add {HH} (zero-padded) or {H} (unpadded)');
  }
  if (granularity === 'DAY' && hasHour) {
    problems.push('a DAY table has no hour: remove {HH}/{H} or set "granularity": "HOUR"');
  }
  if (layout.startsWith('/') || layout.endsWith('/')) {
    problems.push('the layout is relative to source: no leading or trailing "/"');
  }
  const segments = layout.split('/');
  if (
    segments.some((s) => s === '' || s === '.' || s === '..') &&
    !layout.startsWith('/') &&
    !layout.endsWith('/')
  ) {
    problems.push('the layout must not contain empty, "." or ".." path segments');
  }
  if (/[*?]/.test(layout))
    problems.push('the layout must not contain wildcards ("*", "?"): it names one partition');
  // A layout ends up in the same S3 prefix as "source", so it obeys the same character rules.
  if (/[#\s]/.test(layout) || hasControlCharacter(layout))
    problems.push(
      'the layout must be a plain path: no "#", whitespace or control characters (as in "source")',
    );
  return problems;
}

function splitLayout(layout: string): { pieces: Piece[]; problems: string[] } {
  const pieces: Piece[] = [];
  const problems: string[] = [];
  const pattern = /\{([^{}]*)\}/g;
  let last = 0;
  for (const match of layout.matchAll(pattern)) {
    const name = match[1] ?? '';
    if (match.index > last) pieces.push({ literal: layout.slice(last, match.index) });
    if ((LAYOUT_TOKENS as readonly string[]).includes(name)) pieces.push({ token: name as LayoutToken });
    else
      problems.push(
        `unknown layout token "{${name}}"; known tokens: ${LAYOUT_TOKENS.map((t) => `{${t}}`).join(' ')}`,
      );
    last = match.index + match[0].length;
  }
  if (last < layout.length) pieces.push({ literal: layout.slice(last) });
  for (const piece of pieces) {
    if ('literal' in piece && /[{}]/.test(piece.literal)) {
      problems.push('the layout has an unmatched "{" or "}"');
      break;
    }
  }
  return { pieces, problems };
}

export interface PartitionTime {
  year: number;
  month: number;
  day: number;
  hour?: number | undefined;
}

/** Renders a layout already checked by `layoutProblems`. */
export function renderLayout(layout: string, time: PartitionTime): string {
  return compileLayout(layout)(time);
}

/**
 * A layout turned into a renderer once, for the many partitions of one table: the planner
 * renders tens of thousands of prefixes for a big repository.
 */
export function compileLayout(layout: string): (time: PartitionTime) => string {
  const { pieces } = splitLayout(layout);
  return (time) => {
    let out = '';
    for (const piece of pieces) out += 'literal' in piece ? piece.literal : tokenValue(piece.token, time);
    return out;
  };
}

function tokenValue(token: LayoutToken, time: PartitionTime): string {
  switch (token) {
    case 'date':
      return `${pad(time.year, 4)}-${pad(time.month, 2)}-${pad(time.day, 2)}`;
    case 'YYYY':
      return pad(time.year, 4);
    case 'MM':
      return pad(time.month, 2);
    case 'DD':
      return pad(time.day, 2);
    case 'HH':
      return pad(time.hour ?? 0, 2);
    case 'H':
      return String(time.hour ?? 0);
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
