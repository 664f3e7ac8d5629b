// Hints for keys and values a user got almost right: the keys of the Airflow framework
// this pipeline replaces, and "did you mean" by edit distance for typos.

/** Airflow framework key → where it lives in a table file (PRODUCT.md, seed mapping). */
export const AIRFLOW_SEED_KEYS: Readonly<Record<string, string>> = {
  src_s3_path: 'source',
  sink_dataset: 'dataset',
  sink_table: 'table',
  daily_partition_field: 'partitioning.field',
  require_partition_filter: 'partitioning.require_filter',
  time_partition_expiration_days: 'partitioning.expiration_days',
  lookback_window_days: 'lookback_days',
};

/**
 * Edit distance counting a swap of two neighbours as one edit (optimal string alignment),
 * since "feild" for "field" is the typo people make. Small inputs only (key names).
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current[j] = best;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The closest candidate, if it is close enough to be a plausible typo. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  return closestMatches(input, candidates, 1)[0];
}

/**
 * Up to `limit` candidates close enough to `input` to be a plausible typo (about one edit
 * per three characters), nearest first, then by name. Case is ignored, as people ignore it.
 */
export function closestMatches(input: string, candidates: readonly string[], limit: number): string[] {
  const lowered = input.toLowerCase();
  const allowed = Math.max(1, Math.floor(input.length / 3));
  const near: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    // Lengths further apart than the allowance can never be within it: skip the work.
    if (Math.abs(candidate.length - input.length) > allowed) continue;
    const distance = editDistance(lowered, candidate.toLowerCase());
    if (distance <= allowed) near.push({ candidate, distance });
  }
  near.sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : 1));
  return near.slice(0, limit).map((n) => n.candidate);
}

/**
 * The message for an unknown key. `where` is the dotted path of the object holding it
 * ('' at the top level), `known` its allowed keys.
 */
export function unknownKeyMessage(
  key: string,
  where: string,
  known: readonly string[],
  seeds: Readonly<Record<string, string>> = AIRFLOW_SEED_KEYS,
): string {
  const base = where ? `unknown key "${key}" in "${where}"` : `unknown key "${key}"`;
  // Own keys only: a file's key may be "valueOf" or "constructor", which a plain lookup
  // would find on Object.prototype.
  const seed = where === '' && Object.hasOwn(seeds, key) ? seeds[key] : undefined;
  if (seed) {
    const [parent, child] = seed.split('.');
    return child
      ? `${base} — this is the Airflow framework's key: write it as "${child}" inside "${parent}": { … }`
      : `${base} — did you mean "${seed}"? (the Airflow framework's "${key}" is "${seed}" here)`;
  }
  const suggestion = closest(key, known);
  if (suggestion) return `${base} — did you mean "${suggestion}"?`;
  return `${base}; allowed keys: ${known.join(', ')}`;
}
