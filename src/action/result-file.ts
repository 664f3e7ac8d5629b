// The result JSON one job writes for the run report: its tables' outcomes with the
// workflow run they came from. Matrix jobs overwrite each other's outputs, so results
// travel as files (one artifact per job and attempt, each downloaded into its own folder),
// merged later by the report, which keeps each table's newest attempt.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResultFile, TableResult } from '../lifecycle/outcome.js';

/** The run and job this result belongs to, from the runner's environment. */
export function runInfo(env: NodeJS.ProcessEnv): ResultFile['run'] {
  const { GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_JOB } = env;
  if (!GITHUB_RUN_ID) return undefined;
  const url =
    GITHUB_SERVER_URL && GITHUB_REPOSITORY
      ? `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}${
          GITHUB_RUN_ATTEMPT ? `/attempts/${GITHUB_RUN_ATTEMPT}` : ''
        }`
      : undefined;
  return {
    id: GITHUB_RUN_ID,
    ...(GITHUB_RUN_ATTEMPT ? { attempt: GITHUB_RUN_ATTEMPT } : {}),
    ...(url ? { url } : {}),
    ...(GITHUB_JOB ? { job: GITHUB_JOB } : {}),
  };
}

/** Characters of the tables' names kept in a file name; the content names every table. */
const NAME_CHARS = 80;

/**
 * One file name per job and attempt: a readable start of its tables' names, a hash of
 * all of them (two long names that differ only past the readable part never collide), and
 * the run attempt (a re-run's file never replaces the earlier attempt's).
 */
export function resultFileName(tables: readonly string[], attempt?: string): string {
  const joined = tables.join('+');
  const readable = joined.replace(/[^A-Za-z0-9._+-]/g, '_').slice(0, NAME_CHARS);
  const hash = createHash('sha256').update(joined).digest('hex').slice(0, 12);
  const attemptPart = attempt && /^\d+$/.test(attempt) ? `-attempt-${attempt}` : '';
  return `s3bq-result-${readable}-${hash}${attemptPart}.json`;
}

/** Writes the file (secrets scrubbed) and returns its path. */
export async function writeResultFile(
  dir: string,
  tables: readonly string[],
  content: { run: ResultFile['run']; window: ResultFile['window']; tables: TableResult[] },
  scrub: (text: string) => string,
): Promise<string> {
  const file: ResultFile = {
    schema_version: 1,
    run: content.run,
    window: content.window,
    tables: content.tables,
  };
  await mkdir(dir, { recursive: true });
  const path = join(dir, resultFileName(tables, content.run?.attempt));
  await writeFile(path, `${scrub(JSON.stringify(file, null, 2))}\n`, 'utf8');
  return path;
}
