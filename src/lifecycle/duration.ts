// Durations as people write them on a command line or an action input: `90s`, `45m`,
// `2h`, `1h30m`, or a bare number of seconds.

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds, or an Error saying how to write it. */
export function parseDuration(text: string, what = 'duration'): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1_000;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  const consumed = parts.map((part) => part[0]).join('');
  if (parts.length === 0 || consumed !== trimmed) {
    throw new Error(`${what} "${text}" is not a duration: write e.g. 90s, 45m, 2h or 1h30m`);
  }
  const ms = parts.reduce((sum, part) => sum + Number(part[1]) * (UNIT_MS[part[2]!] ?? 0), 0);
  if (ms <= 0) throw new Error(`${what} "${text}" must be longer than zero`);
  return Math.round(ms);
}
