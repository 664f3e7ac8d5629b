// The DataTransferService RPCs of the local cloud as a UnaryHandlers map (served over gRPC
// and, through the REST gateway, over HTTP/JSON). Validation follows the real service:
// amazon_s3 params, an existing destination dataset, one requested_run_time per manual
// run on an on-demand config. Secrets never appear in a response or an error.

import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { RpcError, type UnaryHandlers } from '../log-contract.js';
import type { Warehouse } from '../warehouse-contract.js';
import { AMAZON_S3, parseAmazonS3Params } from './amazon-s3-params.js';
import { type DtsStore, RUN_STATES, type StoredConfig, type StoredRun } from './dts-store.js';
import { configView, messageView, runView } from './dts-views.js';
import { paginate } from './paging.js';
import { parseConfigName, parseParent, parseRunName } from './resource-names.js';
import type { RunExecutor } from './run-executor.js';
import { structToStrings } from './struct-values.js';

export const ON_DEMAND_TIME_RANGE_MESSAGE =
  "Starting transfer run with on-demand schedule requires 'requested_run_time' to be specified.";
const ENTITY_NOT_FOUND = 'Requested entity was not found.';
const MAX_PAGE_SIZE = 1000;
const DAY_MS = 86_400_000;

export interface DtsHandlerDeps {
  store: DtsStore;
  warehouse: Warehouse;
  executor: RunExecutor;
  clock: () => Date;
}

type Message = Record<string, unknown>;

const invalid = (message: string): RpcError => new RpcError(status.INVALID_ARGUMENT, message);
const notFound = (): RpcError => new RpcError(status.NOT_FOUND, ENTITY_NOT_FOUND);

function fromTimestamp(value: unknown): Date | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { seconds, nanos } = value as { seconds?: string | number; nanos?: number };
  if (seconds === undefined) return undefined;
  return new Date(Number(seconds) * 1000 + Math.floor((nanos ?? 0) / 1_000_000));
}

const toSnakeCase = (path: string): string => path.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`);

function readSchedule(input: Message): { disableAutoScheduling: boolean; scheduleOptions: Message | null } {
  const options = (input.scheduleOptions as Message | null | undefined) ?? null;
  const v2 = input.scheduleOptionsV2 as Message | null | undefined;
  const manual = Boolean(v2 && (v2.schedule === 'manualSchedule' || v2.manualSchedule));
  return {
    disableAutoScheduling: Boolean(options?.disableAutoScheduling) || manual,
    scheduleOptions: options,
  };
}

export function createDtsHandlers(deps: DtsHandlerDeps): UnaryHandlers {
  const { store, warehouse, executor, clock } = deps;

  const requireConfig = (name: unknown): StoredConfig => {
    const parsed = parseConfigName(name);
    const config = store.getConfig(parsed.projectId, parsed.configId);
    if (!config) throw notFound();
    return config;
  };

  const requireRun = (name: unknown): StoredRun => {
    const parsed = parseRunName(name);
    if (!store.getConfig(parsed.projectId, parsed.configId)) throw notFound();
    const run = store.getRun(parsed.configId, parsed.runId);
    if (!run) throw notFound();
    return run;
  };

  const checkDestination = (projectId: string, datasetId: string): void => {
    if (!datasetId) throw invalid('Destination dataset id must be specified (destination_dataset_id).');
    if (warehouse.datasetLocation(projectId, datasetId) === undefined) {
      throw new RpcError(
        status.NOT_FOUND,
        `Not found: Dataset ${projectId}:${datasetId}. Create the dataset before the transfer config.`,
      );
    }
  };

  const startRun = (config: StoredConfig, runTime: Date): StoredRun => {
    const now = clock();
    const run: StoredRun = {
      name: { ...config.name, runId: randomUUID() },
      runTime,
      scheduleTime: now,
      state: 'PENDING',
      updateTime: now,
      params: { ...config.params },
      destinationDatasetId: config.destinationDatasetId,
      dataSourceId: config.dataSourceId,
      logs: [],
      sequence: store.nextSequence(),
    };
    store.putRun(run);
    executor.launch(run);
    return run;
  };

  return {
    async CreateTransferConfig(request) {
      const parent = parseParent(request.parent);
      const input = (request.transferConfig as Message | null) ?? null;
      if (!input) throw invalid('transfer_config is required.');
      if (input.dataSourceId !== AMAZON_S3) {
        throw invalid(
          `Data source "${String(input.dataSourceId ?? '')}" is not served by the local cloud; use data_source_id "amazon_s3".`,
        );
      }
      const destinationDatasetId = String(input.destinationDatasetId ?? '');
      const params = structToStrings(input.params);
      parseAmazonS3Params(params);
      checkDestination(parent.projectId, destinationDatasetId);
      const now = clock();
      const schedule = readSchedule(input);
      const config: StoredConfig = {
        name: { ...parent, configId: randomUUID() },
        displayName: String(input.displayName ?? ''),
        dataSourceId: AMAZON_S3,
        destinationDatasetId,
        params,
        schedule: String(input.schedule ?? ''),
        disableAutoScheduling: schedule.disableAutoScheduling,
        scheduleOptions: schedule.scheduleOptions,
        disabled: Boolean(input.disabled),
        notificationPubsubTopic: String(input.notificationPubsubTopic ?? ''),
        emailPreferences: (input.emailPreferences as Message | null) ?? null,
        createTime: now,
        updateTime: now,
        loadedObjects: new Set(),
        sequence: store.nextSequence(),
      };
      store.putConfig(config);
      return configView(config, store);
    },

    async GetTransferConfig(request) {
      return configView(requireConfig(request.name), store);
    },

    async ListTransferConfigs(request) {
      const parent = parseParent(request.parent);
      const explicitLocation = typeof request.parent === 'string' && request.parent.includes('/locations/');
      const sources = (request.dataSourceIds as string[] | undefined) ?? [];
      const all = store
        .listConfigs(parent.projectId, explicitLocation ? parent.location : undefined)
        .filter((config) => sources.length === 0 || sources.includes(config.dataSourceId));
      const { page, nextPageToken } = paginate(all, request.pageToken, request.pageSize, MAX_PAGE_SIZE);
      return { transferConfigs: page.map((config) => configView(config, store)), nextPageToken };
    },

    async UpdateTransferConfig(request) {
      const input = (request.transferConfig as Message | null) ?? null;
      if (!input) throw invalid('transfer_config is required.');
      const config = requireConfig(input.name);
      const paths = ((request.updateMask as { paths?: string[] } | null)?.paths ?? []).map(toSnakeCase);
      if (paths.length === 0) throw invalid('update_mask is required: name the fields to update.');
      const next: StoredConfig = { ...config };
      for (const path of paths) {
        switch (path) {
          case 'display_name':
            next.displayName = String(input.displayName ?? '');
            break;
          case 'params': {
            const params = structToStrings(input.params);
            // Clients cannot read the secret back, so an update without it keeps the old one.
            if (params.secret_access_key === undefined && config.params.secret_access_key !== undefined) {
              params.secret_access_key = config.params.secret_access_key;
            }
            parseAmazonS3Params(params);
            next.params = params;
            break;
          }
          case 'destination_dataset_id':
            next.destinationDatasetId = String(input.destinationDatasetId ?? '');
            checkDestination(config.name.projectId, next.destinationDatasetId);
            break;
          case 'schedule':
            next.schedule = String(input.schedule ?? '');
            break;
          case 'schedule_options': {
            const schedule = readSchedule(input);
            next.scheduleOptions = schedule.scheduleOptions;
            next.disableAutoScheduling = schedule.disableAutoScheduling;
            break;
          }
          case 'disabled':
            next.disabled = Boolean(input.disabled);
            break;
          case 'notification_pubsub_topic':
            next.notificationPubsubTopic = String(input.notificationPubsubTopic ?? '');
            break;
          case 'email_preferences':
            next.emailPreferences = (input.emailPreferences as Message | null) ?? null;
            break;
          default:
            throw invalid(`Unsupported update_mask path "${path}".`);
        }
      }
      next.updateTime = clock();
      store.putConfig(next);
      return configView(next, store);
    },

    async DeleteTransferConfig(request) {
      const config = requireConfig(request.name);
      store.deleteConfig(config.name.configId);
      return {};
    },

    async StartManualTransferRuns(request) {
      const config = requireConfig(request.parent);
      const chosen = request.time as string | undefined;
      const range = (
        chosen === 'requestedTimeRange' || (!chosen && request.requestedTimeRange)
          ? request.requestedTimeRange
          : undefined
      ) as { startTime?: unknown; endTime?: unknown } | undefined;
      const runTime = chosen === 'requestedTimeRange' ? undefined : fromTimestamp(request.requestedRunTime);
      if (config.disableAutoScheduling && !runTime) throw invalid(ON_DEMAND_TIME_RANGE_MESSAGE);
      if (runTime) return { runs: [runView(startRun(config, runTime))] };
      const start = fromTimestamp(range?.startTime);
      const end = fromTimestamp(range?.endTime);
      if (!start || !end || start >= end) {
        throw invalid('requested_time_range needs a start_time strictly before its end_time.');
      }
      const runs: StoredRun[] = [];
      for (let time = start.getTime(); time < end.getTime(); time += DAY_MS)
        runs.push(startRun(config, new Date(time)));
      return { runs: runs.map(runView) };
    },

    async GetTransferRun(request) {
      return runView(requireRun(request.name));
    },

    async DeleteTransferRun(request) {
      const run = requireRun(request.name);
      store.deleteRun(run.name.configId, run.name.runId);
      return {};
    },

    async ListTransferRuns(request) {
      const config = requireConfig(request.parent);
      const states = ((request.states as string[] | undefined) ?? []).filter((state) =>
        (RUN_STATES as readonly string[]).includes(state),
      );
      const runs = store
        .listRuns(config.name.configId)
        .filter((run) => states.length === 0 || states.includes(run.state));
      const { page, nextPageToken } = paginate(runs, request.pageToken, request.pageSize, MAX_PAGE_SIZE);
      return { transferRuns: page.map(runView), nextPageToken };
    },

    async ListTransferLogs(request) {
      const run = requireRun(request.parent);
      const types = (request.messageTypes as string[] | undefined) ?? [];
      const messages = run.logs.filter((message) => types.length === 0 || types.includes(message.severity));
      const { page, nextPageToken } = paginate(messages, request.pageToken, request.pageSize, MAX_PAGE_SIZE);
      return { transferMessages: page.map(messageView), nextPageToken };
    },
  };
}
