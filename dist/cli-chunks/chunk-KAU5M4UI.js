import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);

// src/tables/hints.ts
var AIRFLOW_SEED_KEYS = {
  src_s3_path: "source",
  sink_dataset: "dataset",
  sink_table: "table",
  daily_partition_field: "partitioning.field",
  require_partition_filter: "partitioning.require_filter",
  time_partition_expiration_days: "partitioning.expiration_days",
  lookback_window_days: "lookback_days"
};
function editDistance(a, b) {
  let before = [];
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
function closest(input, candidates) {
  return closestMatches(input, candidates, 1)[0];
}
function closestMatches(input, candidates, limit) {
  const lowered = input.toLowerCase();
  const allowed = Math.max(1, Math.floor(input.length / 3));
  const near = [];
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - input.length) > allowed) continue;
    const distance = editDistance(lowered, candidate.toLowerCase());
    if (distance <= allowed) near.push({ candidate, distance });
  }
  near.sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : 1));
  return near.slice(0, limit).map((n) => n.candidate);
}
function unknownKeyMessage(key, where, known, seeds = AIRFLOW_SEED_KEYS) {
  const base = where ? `unknown key "${key}" in "${where}"` : `unknown key "${key}"`;
  const seed = where === "" && Object.hasOwn(seeds, key) ? seeds[key] : void 0;
  if (seed) {
    const [parent, child] = seed.split(".");
    return child ? `${base} — this is the Airflow framework's key: write it as "${child}" inside "${parent}": { … }` : `${base} — did you mean "${seed}"? (the Airflow framework's "${key}" is "${seed}" here)`;
  }
  const suggestion = closest(key, known);
  if (suggestion) return `${base} — did you mean "${suggestion}"?`;
  return `${base}; allowed keys: ${known.join(", ")}`;
}

export {
  AIRFLOW_SEED_KEYS,
  closest,
  closestMatches,
  unknownKeyMessage
};
