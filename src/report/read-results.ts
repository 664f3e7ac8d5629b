// Reads the result files of one run from a folder (the downloaded artifacts, one folder per
// job and attempt), keeping the valid ones and saying which files could not be used and
// why; and the plan's table names, so a table whose job wrote nothing still shows.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResultFile, TableResult } from '../lifecycle/outcome.js';

export interface ReadResults {
  files: ResultFile[];
  /** `path: why` for every JSON file that is not a usable result file. */
  problems: string[];
}

/** Every `*.json` under `dir`, at any depth; a missing folder reads as no results. */
export async function readResultFiles(dir: string): Promise<ReadResults> {
  const out: ReadResults = { files: [], problems: [] };
  for (const path of (await listJson(dir)).sort()) {
    try {
      const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
      const why = whyNotResultFile(parsed);
      if (why) out.problems.push(`${path}: ${why}`);
      else out.files.push(parsed as ResultFile);
    } catch (error) {
      out.problems.push(`${path}: ${(error as Error).message}`);
    }
  }
  return out;
}

async function listJson(dir: string): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listJson(path)));
    else if (entry.isFile() && entry.name.endsWith('.json')) found.push(path);
  }
  return found;
}

/** Why a parsed JSON is not a result file this report can read, or undefined if it is. */
function whyNotResultFile(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not a JSON object';
  const file = value as Partial<ResultFile>;
  if (file.schema_version !== 1) return `schema_version ${String(file.schema_version)} is not 1`;
  if (!Array.isArray(file.tables)) return 'no "tables" array';
  for (const [i, t] of file.tables.entries()) {
    const table = t as Partial<TableResult>;
    if (typeof table?.name !== 'string') return `tables[${i}] has no name`;
    if (!['loaded', 'skipped', 'failed'].includes(table.status as string))
      return `tables[${i}] has no valid status`;
    if (!Array.isArray(table.partitions)) return `tables[${i}] has no partitions array`;
    if (typeof table.destination !== 'string') return `tables[${i}] has no destination`;
  }
  return undefined;
}

/**
 * The names of the tables a plan (`s3bq plan --json`, as a file) hands to its jobs: every
 * entry of its matrix, packed ones (`a,b`) split.
 */
export async function plannedTables(planFile: string): Promise<string[]> {
  let plan: unknown;
  try {
    plan = JSON.parse(await readFile(planFile, 'utf8'));
  } catch (error) {
    throw new Error(
      `cannot read the plan ${planFile} (${(error as Error).message}): pass the plan job's \`s3bq plan --json\` output`,
    );
  }
  const include = (plan as { matrix?: { include?: unknown } } | null)?.matrix?.include;
  if (!Array.isArray(include))
    throw new Error(`the plan ${planFile} has no matrix.include array: pass \`s3bq plan --json\` output`);
  return include.flatMap((entry) =>
    String((entry as { table?: unknown }).table ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  );
}

/**
 * A failed result for every planned table that has no result: its job ended before
 * writing one (a failed setup step, a crash, a runner lost), which is a failure to show.
 */
export function missingResults(expected: readonly string[], files: readonly ResultFile[]): TableResult[] {
  const seen = new Set(files.flatMap((f) => f.tables.map((t) => t.name)));
  return expected
    .filter((name) => !seen.has(name))
    .map((name) => ({
      name,
      destination: '(unknown: no result)',
      status: 'failed' as const,
      partitions: [],
      started_at: '',
      finished_at: '',
      duration_ms: Number.NaN,
      message:
        'No result file: the load job ended before writing one (a setup step failed, it was cancelled or the runner was lost). Open the job log.',
    }));
}
