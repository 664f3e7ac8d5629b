// In-memory test doubles of the cloud faces, recording calls; each behaviour can be
// replaced per test.
import type { BigQueryFace, TableInfo } from '../../src/cloud/bigquery.js';
import type { DtsFace, TransferConfigInfo, TransferRunInfo } from '../../src/cloud/dts.js';
import { CloudError } from '../../src/cloud/errors.js';
import type { CloudServices } from '../../src/cloud/index.js';
import type { LoggingFace } from '../../src/cloud/logging.js';
import type { S3Face } from '../../src/cloud/s3.js';

export interface FakeState {
  calls: string[];
  configs: Map<string, TransferConfigInfo>;
  tables: Map<string, TableInfo>;
  rows: Map<string, number>;
}

export function fakeServices(
  overrides: {
    s3?: Partial<S3Face>;
    dts?: Partial<DtsFace>;
    logging?: Partial<LoggingFace>;
    bigquery?: Partial<BigQueryFace>;
  } = {},
): CloudServices & { state: FakeState } {
  const state: FakeState = { calls: [], configs: new Map(), tables: new Map(), rows: new Map() };
  let next = 1;
  const log = (call: string) => state.calls.push(call);
  const s3: S3Face = {
    listPrefix: async (_bucket, prefix) => {
      log(`list ${prefix}`);
      return {
        objects: [{ key: `${prefix}a.csv`, size: 10 }],
        count: 1,
        nonEmpty: 1,
        truncated: false,
        newest: new Date(0),
      };
    },
    getRange: async () => new Uint8Array(),
    ...overrides.s3,
  };
  const setState = (configName: string, runState: TransferRunInfo['state']) => {
    const config = state.configs.get(configName);
    if (config) state.configs.set(configName, { ...config, state: runState });
  };
  const dts: DtsFace = {
    parent: 'projects/p/locations/us',
    createConfig: async (input) => {
      const config: TransferConfigInfo = {
        name: `projects/p/locations/us/transferConfigs/c${next++}`,
        ...input,
        updateTime: new Date(),
        state: 'UNSPECIFIED',
      };
      state.configs.set(config.name, config);
      log(`create ${input.displayName}`);
      return config;
    },
    updateConfig: async (name, input) => {
      log(`update ${name}`);
      const config: TransferConfigInfo = {
        state: 'UNSPECIFIED',
        ...state.configs.get(name),
        name,
        ...input,
        updateTime: new Date(),
      };
      state.configs.set(name, config);
      return config;
    },
    renameConfig: async (name, displayName) => {
      const existing = state.configs.get(name);
      if (!existing)
        throw new CloudError('dts', 'UpdateTransferConfig', 'NOT_FOUND', 'Requested entity was not found.');
      const config = { ...existing, displayName, updateTime: new Date() };
      state.configs.set(name, config);
      return config;
    },
    getConfig: async (name) => state.configs.get(name)!,
    listConfigs: async () => [...state.configs.values()],
    deleteConfig: async (name) => {
      log(`delete ${name}`);
      state.configs.delete(name);
    },
    startRun: async (configName, runTime): Promise<TransferRunInfo> => {
      log(`start ${runTime.toISOString()}`);
      setState(configName, 'PENDING');
      return { name: `${configName}/runs/r${next++}`, state: 'PENDING', runTime };
    },
    getRun: async (name) => ({ name, state: 'SUCCEEDED' }),
    listRuns: async () => [],
    listLogs: async () => [],
    ...overrides.dts,
  };
  // A run's end shows in its config's state, as DTS lists it.
  const getRun = dts.getRun;
  dts.getRun = async (name, signal) => {
    const run = await getRun(name, signal);
    setState(name.split('/runs/')[0] ?? '', run.state);
    return run;
  };
  const logging: LoggingFace = { runMessages: async () => [], ...overrides.logging };
  const bigquery: BigQueryFace = {
    getDataset: async () => ({ location: 'US' }),
    createDataset: async () => {
      log('createDataset');
    },
    getTable: async (ref) => state.tables.get(ref.tableId),
    createTable: async (ref, definition) => {
      log(`createTable ${ref.tableId}`);
      state.tables.set(ref.tableId, definition);
    },
    patchTable: async (ref) => {
      log(`patchTable ${ref.tableId}`);
    },
    partitionRows: async () => state.rows,
    tableRows: async () => 0,
    ...overrides.bigquery,
  };
  return {
    s3,
    dts,
    logging,
    bigquery,
    projectId: 'p',
    awsCredentials: { accessKeyId: 'AKIA', secretAccessKey: 'secret' },
    close: async () => {},
    state,
  };
}

/** A clock whose sleeps pass instantly. */
export const instantClock = {
  now: () => new Date('2026-11-21T03:00:00Z'),
  sleep: async (_ms: number, signal?: AbortSignal) => {
    signal?.throwIfAborted();
    await new Promise((resolve) => setImmediate(resolve));
  },
};
