// The same tick run twice through the bundled action: a WRITE_TRUNCATE table ends with the
// same rows (the partition is replaced, not added to), a WRITE_APPEND table duplicates
// nothing (its long-lived config makes DTS skip files it already loaded). No tick config
// is left after either, and the secret appears nowhere.

import type { LocalCloud } from '@s3bq/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  csvRows,
  csvTable,
  expectJobLeftNothing,
  jobEnv,
  listConfigs,
  partitionRows,
  putFiles,
  startE2eCloud,
  writeTables,
} from './local-cloud.js';
import { type JobResult, makeWorkspace, runJob, type Workspace } from './runner.js';

const AT = '2026-11-21T06:00:00Z';

let cloud: LocalCloud;
let workspace: Workspace;

beforeAll(async () => {
  cloud = await startE2eCloud();
  workspace = await makeWorkspace();
  await putFiles(cloud, 'e2e-repeat', {
    'truncate/dt=2026-11-19/part-0.csv': csvRows(3),
    'truncate/dt=2026-11-20/part-0.csv': csvRows(6),
    'append/dt=2026-11-20/part-0.csv': csvRows(4),
  });
  await writeTables(workspace.cwd, {
    'repeat.truncate': csvTable('repeat.truncate', 's3://e2e-repeat/truncate', { lookback_days: 2 }),
    'repeat.append': csvTable('repeat.append', 's3://e2e-repeat/append', {
      write_disposition: 'WRITE_APPEND',
    }),
  });
});

afterAll(async () => {
  await cloud?.stop();
  await workspace?.remove();
});

async function tick(table: string, runId: string): Promise<JobResult> {
  const result = await runJob({
    inputs: { table, at: AT, timeout: '1m' },
    env: jobEnv(cloud, runId),
    cwd: workspace.cwd,
    runnerTemp: workspace.runnerTemp,
  });
  expect(result.main.code, result.main.stdout + result.main.stderr).toBe(0);
  await expectJobLeftNothing(cloud, result, workspace.runnerTemp, table.split(','));
  return result;
}

describe('a repeated tick', () => {
  it('changes nothing for WRITE_TRUNCATE and duplicates nothing for WRITE_APPEND', async () => {
    // One job of two tables, as the matrix hands them past 256 jobs: loaded one after another.
    const tables = 'repeat.truncate,repeat.append';
    const first = await tick(tables, '3001');
    expect(first.main.outputs).toMatchObject({ status: 'loaded', loaded: '3', skipped: '0', failed: '0' });
    const truncated = await partitionRows(cloud, 'repeat', 'truncate');
    expect(truncated).toMatchObject({ '20261119': 3, '20261120': 6 });
    expect(await partitionRows(cloud, 'repeat', 'append')).toMatchObject({ '20261120': 4 });
    // The WRITE_APPEND config is never handed to post for deletion.
    expect(JSON.parse(String(first.main.state['s3bq-cleanup'])).configs).toEqual([]);

    const second = await tick(tables, '3002');
    expect(second.main.outputs.status).not.toBe('failed');
    expect(await partitionRows(cloud, 'repeat', 'truncate')).toEqual(truncated);
    expect(await partitionRows(cloud, 'repeat', 'append')).toMatchObject({ '20261120': 4 });
    const appendConfigs = (await listConfigs(cloud)).filter((config) =>
      config.displayName.includes('repeat.append'),
    );
    expect(appendConfigs).toHaveLength(1);
  });
});
