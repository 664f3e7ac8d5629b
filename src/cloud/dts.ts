// The BigQuery Data Transfer Service face: transfer configs, manual runs, run states and
// transfer logs over @google-cloud/bigquery-data-transfer, with plain values in and out
// (params as a string map, times as Dates, states as names), deadlines and retries.
import type { DataTransferServiceClient } from '@google-cloud/bigquery-data-transfer';
import { collectPages } from './pages.js';
import { enumName, fromStruct, fromTimestamp, toStruct, toTimestamp } from './proto-values.js';
import { type CallContext, callWithRetry, type RetryPolicy } from './retry.js';
import { scrubSecrets } from './secrets.js';

const RUN_STATES = [
  'TRANSFER_STATE_UNSPECIFIED',
  'UNSPECIFIED',
  'PENDING',
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
] as const;
export type RunState = (typeof RUN_STATES)[number];
const SEVERITIES = ['MESSAGE_SEVERITY_UNSPECIFIED', 'INFO', 'WARNING', 'ERROR'] as const;
type LogSeverity = (typeof SEVERITIES)[number];

export interface TransferConfigInput {
  displayName: string;
  destinationDatasetId: string;
  /** DTS params as strings; sent as a protobuf Struct. */
  params: Record<string, string>;
}

export interface TransferConfigInfo {
  name: string;
  displayName: string;
  destinationDatasetId?: string | undefined;
  dataSourceId?: string | undefined;
  params: Record<string, string>;
  updateTime?: Date | undefined;
  /** The state of the config's most recently updated run (UNSPECIFIED before any run). */
  state: RunState;
}

export interface TransferRunInfo {
  name: string;
  state: RunState;
  runTime?: Date | undefined;
  startTime?: Date | undefined;
  endTime?: Date | undefined;
  updateTime?: Date | undefined;
  /** errorStatus.message of a FAILED run. */
  errorMessage?: string | undefined;
  errorCode?: number | undefined;
}

interface TransferLogMessage {
  time?: Date | undefined;
  severity: LogSeverity;
  text: string;
}

export interface DtsFace {
  /** `projects/P/locations/L`, the parent of every config. */
  parent: string;
  createConfig(input: TransferConfigInput, signal?: AbortSignal): Promise<TransferConfigInfo>;
  updateConfig(name: string, input: TransferConfigInput, signal?: AbortSignal): Promise<TransferConfigInfo>;
  /** Changes only the display name (never params): safe on a config between runs. */
  renameConfig(name: string, displayName: string, signal?: AbortSignal): Promise<TransferConfigInfo>;
  getConfig(name: string, signal?: AbortSignal): Promise<TransferConfigInfo>;
  listConfigs(signal?: AbortSignal): Promise<TransferConfigInfo[]>;
  deleteConfig(name: string, signal?: AbortSignal): Promise<void>;
  /** One manual run of an on-demand config at `runTime`; returns the run it created. */
  startRun(configName: string, runTime: Date, signal?: AbortSignal): Promise<TransferRunInfo>;
  getRun(name: string, signal?: AbortSignal): Promise<TransferRunInfo>;
  /** The config's runs, newest first; only those in `states` when given. */
  listRuns(
    configName: string,
    signal?: AbortSignal,
    states?: readonly RunState[],
  ): Promise<TransferRunInfo[]>;
  listLogs(runName: string, signal?: AbortSignal): Promise<TransferLogMessage[]>;
}

const AMAZON_S3_SOURCE = 'amazon_s3';

export interface DtsFaceOptions {
  client: DataTransferServiceClient;
  projectId: string;
  location: string;
  timeoutMs: number;
  retry: RetryPolicy;
}

/** The most pages a list call follows: a guard against a server that never ends a listing. */
const MAX_PAGES = 100;

export function toConfigInfo(config: Record<string, unknown> | null | undefined): TransferConfigInfo {
  const c = config ?? {};
  return {
    name: String(c.name ?? ''),
    displayName: String(c.displayName ?? ''),
    destinationDatasetId: typeof c.destinationDatasetId === 'string' ? c.destinationDatasetId : undefined,
    dataSourceId: typeof c.dataSourceId === 'string' ? c.dataSourceId : undefined,
    params: fromStruct(c.params),
    updateTime: fromTimestamp(c.updateTime),
    state: enumName(c.state, RUN_STATES, 'UNSPECIFIED'),
  };
}

export function toRunInfo(run: Record<string, unknown> | null | undefined): TransferRunInfo {
  const r = run ?? {};
  const error = r.errorStatus as { code?: number; message?: string } | null | undefined;
  return {
    name: String(r.name ?? ''),
    state: enumName(r.state, RUN_STATES, 'UNSPECIFIED'),
    runTime: fromTimestamp(r.runTime),
    startTime: fromTimestamp(r.startTime),
    endTime: fromTimestamp(r.endTime),
    updateTime: fromTimestamp(r.updateTime),
    errorMessage: error?.message ? error.message : undefined,
    errorCode: typeof error?.code === 'number' && error.code !== 0 ? error.code : undefined,
  };
}

export function createDtsFace({ client, projectId, location, timeoutMs, retry }: DtsFaceOptions): DtsFace {
  const parent = `projects/${projectId}/locations/${location}`;
  // gax's own retries are off (`retry: null`) so `timeout` is a real per-call deadline and
  // callWithRetry is the one retry policy.
  const gax = { timeout: timeoutMs, retry: null, autoPaginate: false } as const;
  const context = (operation: string, signal?: AbortSignal): CallContext => ({
    service: 'dts',
    operation,
    timeoutMs: timeoutMs + 1_000,
    signal,
  });
  const call = <T>(operation: string, signal: AbortSignal | undefined, attempt: () => Promise<T>) =>
    callWithRetry(context(operation, signal), retry, attempt);
  // A run's error status and its log messages are DTS's words, and DTS may echo the
  // config's params (the AWS secret among them) in them: scrub them like call errors.
  const clean = (text: string) => scrubSecrets(text, retry.secrets);
  const runInfo = (run: unknown): TransferRunInfo => {
    const info = toRunInfo(run as Record<string, unknown>);
    return info.errorMessage === undefined ? info : { ...info, errorMessage: clean(info.errorMessage) };
  };

  const configBody = (input: TransferConfigInput) => ({
    displayName: input.displayName,
    destinationDatasetId: input.destinationDatasetId,
    dataSourceId: AMAZON_S3_SOURCE,
    params: toStruct(input.params),
    scheduleOptions: { disableAutoScheduling: true },
  });

  async function listAll<T>(
    operation: string,
    signal: AbortSignal | undefined,
    page: (
      pageToken: string | undefined,
    ) => Promise<[T[], { pageToken?: string | null } | null | undefined, unknown]>,
  ): Promise<T[]> {
    return collectPages(MAX_PAGES, (pageToken) => call(operation, signal, () => page(pageToken)));
  }

  return {
    parent,
    async createConfig(input, signal) {
      const [config] = await call('CreateTransferConfig', signal, () =>
        client.createTransferConfig({ parent, transferConfig: configBody(input) }, gax),
      );
      return toConfigInfo(config as Record<string, unknown>);
    },
    async updateConfig(name, input, signal) {
      const [config] = await call('UpdateTransferConfig', signal, () =>
        client.updateTransferConfig(
          {
            transferConfig: { name, ...configBody(input) },
            updateMask: { paths: ['display_name', 'destination_dataset_id', 'params', 'schedule_options'] },
          },
          gax,
        ),
      );
      return toConfigInfo(config as Record<string, unknown>);
    },
    async renameConfig(name, displayName, signal) {
      const [config] = await call('UpdateTransferConfig', signal, () =>
        client.updateTransferConfig(
          { transferConfig: { name, displayName }, updateMask: { paths: ['display_name'] } },
          gax,
        ),
      );
      return toConfigInfo(config as Record<string, unknown>);
    },
    async getConfig(name, signal) {
      const [config] = await call('GetTransferConfig', signal, () => client.getTransferConfig({ name }, gax));
      return toConfigInfo(config as Record<string, unknown>);
    },
    async listConfigs(signal) {
      const configs = await listAll('ListTransferConfigs', signal, (pageToken) =>
        client.listTransferConfigs(
          { parent, dataSourceIds: [AMAZON_S3_SOURCE], pageSize: 1000, pageToken },
          gax,
        ),
      );
      return configs.map((config) => toConfigInfo(config as Record<string, unknown>));
    },
    async deleteConfig(name, signal) {
      await call('DeleteTransferConfig', signal, () => client.deleteTransferConfig({ name }, gax));
    },
    async startRun(configName, runTime, signal) {
      const [response] = await call('StartManualTransferRuns', signal, () =>
        client.startManualTransferRuns({ parent: configName, requestedRunTime: toTimestamp(runTime) }, gax),
      );
      const run = response.runs?.[0];
      if (!run) throw new Error(`DTS started no run for ${configName} at ${runTime.toISOString()}`);
      return runInfo(run);
    },
    async getRun(name, signal) {
      const [run] = await call('GetTransferRun', signal, () => client.getTransferRun({ name }, gax));
      return runInfo(run);
    },
    async listRuns(configName, signal, states) {
      const runs = await listAll('ListTransferRuns', signal, (pageToken) =>
        client.listTransferRuns(
          {
            parent: configName,
            pageSize: 1000,
            pageToken,
            // The client encodes enum names as their numbers (protobufjs fromObject).
            ...(states ? { states: [...states] as unknown as number[] } : {}),
          },
          gax,
        ),
      );
      return runs.map(runInfo);
    },
    async listLogs(runName, signal) {
      const messages = await listAll('ListTransferLogs', signal, (pageToken) =>
        client.listTransferLogs({ parent: runName, pageSize: 1000, pageToken }, gax),
      );
      return messages.map((message) => ({
        time: fromTimestamp(message.messageTime),
        severity: enumName(message.severity, SEVERITIES, 'MESSAGE_SEVERITY_UNSPECIFIED'),
        text: clean(String(message.messageText ?? '')),
      }));
    },
  };
}
