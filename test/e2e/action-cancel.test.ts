// A cancelled job, the way the runner cancels: SIGINT to main, SIGTERM 7.5 s later, SIGKILL
// 2.5 s after that (scaled down here, order and ratio kept), then post with main's saved
// state. Whether main cleans up itself or is killed first, no transfer config survives and
// the secret appears nowhere.

import type { LocalCloud } from '@s3bq/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  csvRows,
  csvTable,
  expectJobLeftNothing,
  jobEnv,
  listConfigs,
  putFiles,
  startE2eCloud,
  writeTables,
} from './local-cloud.js';
import {
  type Cancellation,
  makeWorkspace,
  runJob,
  runStep,
  type StepOptions,
  type Workspace,
} from './runner.js';

/** 7.5 s and 2.5 s on the runner; a fifth of that here. */
const RUNNER_CANCELLATION: Omit<Cancellation, 'whenStdoutIncludes'> = {
  sigtermAfterMs: 1500,
  killAfterMs: 500,
};

let cloud: LocalCloud;
let workspace: Workspace;

beforeAll(async () => {
  // Runs take far longer than the test waits: the cancellation always lands mid-wait.
  cloud = await startE2eCloud(60);
  workspace = await makeWorkspace();
  await putFiles(cloud, 'e2e-cancel', {
    'orders/dt=2026-11-19/part-0.csv': csvRows(2),
    'orders/dt=2026-11-20/part-0.csv': csvRows(2),
  });
  await writeTables(workspace.cwd, {
    'cancel.orders': csvTable('cancel.orders', 's3://e2e-cancel/orders', { lookback_days: 2 }),
  });
});

afterAll(async () => {
  await cloud?.stop();
  await workspace?.remove();
});

function cancelledJob(runId: string): StepOptions {
  return {
    inputs: { table: 'cancel.orders', at: '2026-11-21T06:00:00Z', timeout: '1m' },
    env: jobEnv(cloud, runId),
    cwd: workspace.cwd,
    runnerTemp: workspace.runnerTemp,
    // Cancel once a transfer run is in flight.
    cancel: { whenStdoutIncludes: '→ run ', ...RUNNER_CANCELLATION },
  };
}

describe('a cancelled job', () => {
  it('stops on SIGINT, deletes its config before exiting, and post finds nothing left', async () => {
    const result = await runJob(cancelledJob('2001'));
    expect(result.main.signalsSent.map((sent) => sent.signal)[0]).toBe('SIGINT');
    // main finished its own cleanup well before the runner would have killed it.
    expect(result.main.signal).toBeNull();
    expect(result.main.code).toBe(1);
    expect(result.main.stdout).toContain('Received SIGINT: cancelling');
    expect(result.main.outputs).toMatchObject({ status: 'failed' });
    expect(result.main.state['s3bq-cleanup']).toBeDefined();
    expect(JSON.parse(String(result.main.state['s3bq-cleanup'])).configs).toEqual([]);
    expect(result.post.stdout).toContain('No transfer config left behind by this job.');
    await expectJobLeftNothing(cloud, result, workspace.runnerTemp, ['cancel.orders']);
  });

  it('is killed while its own delete hangs: post deletes the config from the saved state', async () => {
    const hang = cloud.faults.add({ service: 'dts', method: 'DeleteTransferConfig', kind: 'hang', times: 1 });
    try {
      const options = cancelledJob('2002');
      const main = await runStep('main', options);
      expect(cloud.faults.fired.get(hang)).toBe(1);
      expect(main.signalsSent.map((sent) => sent.signal)).toEqual(['SIGINT', 'SIGTERM', 'SIGKILL']);
      expect(main.signal).toBe('SIGKILL');
      const saved = JSON.parse(String(main.state['s3bq-cleanup'])) as { configs: string[] };
      expect(saved.configs).toHaveLength(1);
      // The killed main left its config behind: only post can delete it now.
      expect((await listConfigs(cloud)).map((config) => config.name)).toContain(saved.configs[0]);

      const post = await runStep('post', { ...options, cancel: undefined, state: main.state });
      const result = { main, post };
      expect(result.post.code).toBe(0);
      expect(result.post.stdout).toContain(`Deleted ${saved.configs[0]}`);
      await expectJobLeftNothing(cloud, result, workspace.runnerTemp, ['cancel.orders']);
    } finally {
      cloud.faults.remove(hang);
    }
  });
});
