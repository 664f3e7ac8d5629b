// Merges the result files of one workflow run (one per matrix job, possibly several
// attempts) into one list of table results: the latest result of each table wins.
import type { ResultFile, TableResult } from '../lifecycle/outcome.js';

export interface MergedResult {
  result: TableResult;
  /** The file it came from: its run and job say where to look. */
  file: ResultFile;
}

/** One entry per table name; a re-run's newer result replaces the earlier attempt's. */
export function mergeResults(files: readonly ResultFile[]): MergedResult[] {
  const byName = new Map<string, MergedResult>();
  for (const file of files) {
    for (const result of file.tables) {
      const seen = byName.get(result.name);
      if (!seen || isNewer(result, file, seen)) byName.set(result.name, { result, file });
    }
  }
  return [...byName.values()];
}

function isNewer(candidate: TableResult, file: ResultFile, seen: MergedResult): boolean {
  const attempt = (f: ResultFile) => Number(f.run?.attempt ?? 0) || 0;
  if (attempt(file) !== attempt(seen.file)) return attempt(file) > attempt(seen.file);
  const time = (r: TableResult) => Date.parse(r.finished_at) || 0;
  return time(candidate) > time(seen.result);
}

/** A job of the workflow run, as the report links to it. */
export interface JobLink {
  name: string;
  url: string;
}

/**
 * The job that loaded a table. Matrix jobs are named after their table (`load gold.orders`)
 * or several tables (`load a.x,b.y`), so a job matches when one of its name's words is the
 * table; the file's own run URL is the fallback.
 */
export function jobUrlFor(
  table: string,
  jobs: readonly JobLink[] | undefined,
  file?: ResultFile,
): string | undefined {
  for (const job of jobs ?? []) {
    if (job.name === table) return job.url;
    const words = job.name.split(/[\s,()]+/).filter(Boolean);
    if (words.includes(table)) return job.url;
  }
  return file?.run?.url;
}
