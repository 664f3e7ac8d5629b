// A Mermaid `gantt` of when each table loaded: one bar per table from its start to its
// finish, sorted by start, so the `max-parallel` quota guard shows as a staircase.
import type { Status, TableResult } from '../lifecycle/outcome.js';

/** Mermaid refuses diagrams over 50,000 characters by default; stay well under. */
const MAX_GANTT_TASKS = 250;

/** Outcome → Mermaid task tag (colour): done grey, crit red, active blue. */
const TAG: Readonly<Record<Status, string>> = { loaded: 'done', failed: 'crit', skipped: 'active' };

// Lines of a gantt that start with these words are statements, not tasks.
const KEYWORDS =
  /^(section|title|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|weekday|weekend|click|accTitle|accDescr|inclusiveEndDates|topAxis|gantt)\b/i;

/**
 * Text safe inside a Mermaid gantt line. `:` ends a task name, `#` and `;` end a task's
 * data, `%%` starts a comment, and `<>"'{}` upset the renderer's HTML labels.
 */
export function mermaidText(text: string): string {
  const clean = text
    .replace(/[:;#]/g, ' ')
    .replace(/%%/g, '% %')
    .replace(/[<>"'`{}[\]\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const safe = KEYWORDS.test(clean) ? `table ${clean}` : clean;
  return safe === '' ? 'unnamed' : safe;
}

/** `YYYY-MM-DD HH:mm:ss` in UTC, the gantt's `dateFormat`. */
function utcStamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export interface GanttOptions {
  title?: string;
  maxTasks?: number;
}

export interface Gantt {
  /** The diagram source, without the code fence. */
  source: string;
  charted: number;
  /** Tables left out: no valid times, or past `maxTasks`. */
  omitted: number;
}

/** The gantt of a run's tables, or undefined when none has usable start/finish times. */
export function renderGantt(results: readonly TableResult[], options: GanttOptions = {}): Gantt | undefined {
  const timed = results
    .map((r) => ({ r, start: Date.parse(r.started_at), end: Date.parse(r.finished_at) }))
    .filter((t) => Number.isFinite(t.start) && Number.isFinite(t.end))
    .sort((a, b) => a.start - b.start || a.r.name.localeCompare(b.r.name));
  if (timed.length === 0) return undefined;
  const limit = options.maxTasks ?? MAX_GANTT_TASKS;
  const shown = timed.slice(0, limit);

  const first = Math.min(...shown.map((t) => t.start));
  const last = Math.max(...shown.map((t) => t.end));
  // Over a day the axis needs the date too; a short run needs seconds to tell ticks apart.
  const span = last - first;
  const axis = span > 86_400_000 ? '%m-%d %H:%M' : span < 15 * 60_000 ? '%H:%M:%S' : '%H:%M';
  const lines = [
    'gantt',
    `  title ${mermaidText(options.title ?? 'When each table loaded (UTC)')}`,
    '  dateFormat YYYY-MM-DD HH:mm:ss',
    `  axisFormat ${axis}`,
    '  section Tables',
  ];
  shown.forEach((t, i) => {
    // A bar needs a width to be seen: a table done within the second still gets one.
    const end = Math.max(t.end, t.start + 1000);
    lines.push(
      `  ${mermaidText(t.r.name)} :${TAG[t.r.status]}, t${i + 1}, ${utcStamp(t.start)}, ${utcStamp(end)}`,
    );
  });
  return { source: lines.join('\n'), charted: shown.length, omitted: results.length - shown.length };
}
