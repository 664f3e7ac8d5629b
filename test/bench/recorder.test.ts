// The DTS recorder and the what-if wrapper against a hand-made DTS face: the recorder must
// name each call's subject and catch a run's first terminal look; the what-if must take
// the claim off finished per-run configs only.
import { describe, expect, it } from 'vitest';
import { recordDts } from '../../bench/dts-recorder.js';
import { unclaimFinished } from '../../bench/what-if-unclaimed.js';
import type { DtsFace, TransferConfigInfo, TransferRunInfo } from '../../src/cloud/dts.js';
import { tickConfigName, withClaim } from '../../src/lifecycle/config-naming.js';

const CLAIM = { ticket: 1, touch: 0, process: 'abc123' };
const tick = tickConfigName('bench.t_000', '20261120', 'cli-1');

function fakeDts(configs: TransferConfigInfo[], runStates: TransferRunInfo['state'][]): DtsFace {
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
    listConfigs: async () => configs,
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
    const { dts, calls } = recordDts(fakeDts([], ['RUNNING', 'SUCCEEDED']));
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
    const { dts, calls } = recordDts(fakeDts([], []));
    await expect(dts.getConfig('c')).rejects.toThrow(/not used/);
    expect(calls).toMatchObject([{ method: 'getConfig', subject: 'c', failed: true }]);
  });
});

describe('the what-if of unclaimed finished configs', () => {
  it('takes the claim off finished per-run configs, and leaves waiting and running ones alone', async () => {
    const config = (
      name: string,
      state: TransferConfigInfo['state'],
      displayName = withClaim(tick, CLAIM),
    ) => ({
      name,
      displayName,
      params: {},
      state,
    });
    const listed = await unclaimFinished(
      fakeDts(
        [
          config('done', 'SUCCEEDED'),
          config('failed', 'FAILED'),
          config('running', 'RUNNING'),
          config('waiting', 'UNSPECIFIED'),
          config('someone-else', 'SUCCEEDED', 'nightly export'),
        ],
        [],
      ),
    ).listConfigs();
    expect(Object.fromEntries(listed.map((c) => [c.name, c.displayName]))).toEqual({
      done: tick,
      failed: tick,
      running: withClaim(tick, CLAIM),
      waiting: withClaim(tick, CLAIM),
      'someone-else': 'nightly export',
    });
  });
});
