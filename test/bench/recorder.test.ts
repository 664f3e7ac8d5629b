// The DTS recorder against a hand-made DTS face: it must name each call's subject, catch a
// run's first terminal look, and record a failed call without swallowing it.
import { describe, expect, it } from 'vitest';
import { recordDts } from '../../bench/dts-recorder.js';
import type { DtsFace, TransferRunInfo } from '../../src/cloud/dts.js';

function fakeDts(runStates: TransferRunInfo['state'][]): DtsFace {
  const fail = () => Promise.reject(new Error('not used here'));
  let look = 0;
  return {
    parent: 'projects/p/locations/us',
    createConfig: async (input) => ({
      name: 'projects/p/locations/us/transferConfigs/new',
      displayName: input.displayName,
      params: {},
      state: 'UNSPECIFIED',
    }),
    updateConfig: fail,
    renameConfig: fail,
    getConfig: fail,
    listConfigs: async () => [],
    deleteConfig: async () => undefined,
    startRun: async (configName) => ({ name: `${configName}/runs/r1`, state: 'PENDING' }),
    getRun: async (name) => {
      const state = runStates[Math.min(look++, runStates.length - 1)]!;
      return state === 'SUCCEEDED' ? { name, state, endTime: new Date(5_000) } : { name, state };
    },
    listRuns: fail,
    listLogs: async () => [],
  };
}

describe('the DTS recorder', () => {
  it('records what each call was about, and when a run was seen ended', async () => {
    const { dts, calls } = recordDts(fakeDts(['RUNNING', 'SUCCEEDED']));
    const config = await dts.createConfig({ displayName: 'x', destinationDatasetId: 'd', params: {} });
    const run = await dts.startRun(config.name, new Date(0));
    await dts.getRun(run.name);
    await dts.getRun(run.name);
    await dts.deleteConfig(config.name);
    expect(calls.map((call) => [call.method, call.subject, call.terminal])).toEqual([
      ['createConfig', config.name, undefined],
      ['startRun', run.name, undefined],
      ['getRun', run.name, undefined],
      ['getRun', run.name, { endTimeMs: 5_000 }],
      ['deleteConfig', config.name, undefined],
    ]);
    for (const call of calls) expect(call.endMs).toBeGreaterThanOrEqual(call.startMs);
  });

  it('records a failed call as failed and still throws it', async () => {
    const { dts, calls } = recordDts(fakeDts([]));
    await expect(dts.getConfig('c')).rejects.toThrow(/not used/);
    expect(calls).toMatchObject([{ method: 'getConfig', subject: 'c', failed: true }]);
  });
});
