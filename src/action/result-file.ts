// The result JSON one job writes for the run report: its tables' outcomes with the
// workflow run they came from. Matrix jobs overwrite each other's outputs, so results
// travel as files (one artifact per job), merged later.
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

/** One file name per job: its tables, made safe for a file and an artifact name. */
export function resultFileName(tables: readonly string[]): string {
  const joined = tables.join('+').replace(/[^A-Za-z0-9._+-]/g, '_');
  // Artifact and file names stay short; the content names every table anyway.
  const short = joined.length > 120 ? `${joined.slice(0, 100)}+${tables.length}-tables` : joined;
  return `s3bq-result-${short}.json`;
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
  const path = join(dir, resultFileName(tables));
  await writeFile(path, `${scrub(JSON.stringify(file, null, 2))}\n`, 'utf8');
  return path;
}
