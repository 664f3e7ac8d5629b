// The transfer config RPCs: CreateTransferConfig, GetTransferConfig, ListTransferConfigs,
// UpdateTransferConfig and DeleteTransferConfig, with DTS's checks (amazon_s3 params, the
// destination dataset in the config's location, the schedule, no change of what a run
// in flight reads). Secrets never appear in a response or an error.
import { randomUUID } from 'node:crypto';
import type { UnaryHandlers } from '../log-contract.js';
import { parseAmazonS3Params } from './amazon-s3-params.js';
import { AMAZON_S3 } from './amazon-s3-source.js';
import { assertNoRunInFlight, checkDestination, readScheduleFields } from './config-rules.js';
import type { StoredConfig } from './dts-store.js';
import { configView } from './dts-views.js';
import {
  type DtsHandlerDeps,
  invalid,
  MAX_PAGE_SIZE,
  type Message,
  requireConfig,
} from './handler-support.js';
import { paginate } from './paging.js';
import { parseParent } from './resource-names.js';
import { structToStrings } from './struct-values.js';

const PUBSUB_TOPIC = /^projects\/[^/]+\/topics\/[^/]+$/;

const toSnakeCase = (path: string): string => path.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`);

function checkOptionalFields(input: Message): void {
  const topic = String(input.notificationPubsubTopic ?? '');
  if (topic !== '' && !PUBSUB_TOPIC.test(topic)) {
    throw invalid(`Invalid notification_pubsub_topic "${topic}": expected projects/PROJECT/topics/TOPIC.`);
  }
  if (Number(input.dataRefreshWindowDays ?? 0) !== 0) {
    throw invalid('data_refresh_window_days is not supported by data source amazon_s3; leave it 0.');
  }
}

async function createConfig(deps: DtsHandlerDeps, request: Message): Promise<Message> {
  const { store, warehouse, clock } = deps;
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
  checkOptionalFields(input);
  const schedule = await readScheduleFields(input);
  checkDestination(warehouse, parent, destinationDatasetId, 'create');
  const now = clock();
  const config: StoredConfig = {
    name: { ...parent, configId: randomUUID() },
    displayName: String(input.displayName ?? ''),
    dataSourceId: AMAZON_S3,
    destinationDatasetId,
    params,
    schedule: schedule.schedule,
    disableAutoScheduling: schedule.disableAutoScheduling,
    scheduleOptions: schedule.scheduleOptions,
    disabled: Boolean(input.disabled),
    notificationPubsubTopic: String(input.notificationPubsubTopic ?? ''),
    emailPreferences: (input.emailPreferences as Message | null) ?? null,
    createTime: now,
    updateTime: now,
    sequence: store.nextSequence(),
  };
  store.putConfig(config);
  return configView(config, store);
}

/** Applies one update_mask path to `next`; throws for paths DTS would refuse. */
async function applyPath(
  deps: DtsHandlerDeps,
  path: string,
  input: Message,
  next: StoredConfig,
): Promise<void> {
  switch (path) {
    case 'display_name':
      next.displayName = String(input.displayName ?? '');
      return;
    case 'params': {
      const params = structToStrings(input.params);
      // Clients cannot read the secret back, so an update without it keeps the old one.
      if (params.secret_access_key === undefined && next.params.secret_access_key !== undefined) {
        params.secret_access_key = next.params.secret_access_key;
      }
      parseAmazonS3Params(params);
      assertNoRunInFlight(deps.store, next, 'change its params');
      next.params = params;
      return;
    }
    case 'destination_dataset_id':
      next.destinationDatasetId = String(input.destinationDatasetId ?? '');
      checkDestination(deps.warehouse, next.name, next.destinationDatasetId, 'update');
      assertNoRunInFlight(deps.store, next, 'change its destination');
      return;
    case 'schedule':
    case 'schedule_options': {
      const schedule = await readScheduleFields(input);
      if (path === 'schedule') next.schedule = schedule.schedule;
      else {
        next.scheduleOptions = schedule.scheduleOptions;
        next.disableAutoScheduling = schedule.disableAutoScheduling;
      }
      return;
    }
    case 'disabled':
      next.disabled = Boolean(input.disabled);
      return;
    case 'notification_pubsub_topic':
      checkOptionalFields({ notificationPubsubTopic: input.notificationPubsubTopic });
      next.notificationPubsubTopic = String(input.notificationPubsubTopic ?? '');
      return;
    case 'email_preferences':
      next.emailPreferences = (input.emailPreferences as Message | null) ?? null;
      return;
    default:
      throw invalid(
        `Unsupported update_mask path "${path}": amazon_s3 configs update display_name, params, destination_dataset_id, schedule, schedule_options, disabled, notification_pubsub_topic or email_preferences.`,
      );
  }
}

async function updateConfig(deps: DtsHandlerDeps, request: Message): Promise<Message> {
  const input = (request.transferConfig as Message | null) ?? null;
  if (!input) throw invalid('transfer_config is required.');
  const config = requireConfig(deps.store, input.name);
  const paths = ((request.updateMask as { paths?: string[] } | null)?.paths ?? []).map(toSnakeCase);
  if (paths.length === 0) throw invalid('update_mask is required: name the fields to update.');
  const next: StoredConfig = { ...config };
  for (const path of paths) await applyPath(deps, path, input, next);
  // Checking a schedule may wait for the parser: take what changed meanwhile into account.
  const live = requireConfig(deps.store, input.name);
  if (paths.includes('params') || paths.includes('destination_dataset_id')) {
    assertNoRunInFlight(deps.store, live, 'change its params or destination');
  }
  next.lastSuccessfulRunStart = live.lastSuccessfulRunStart;
  next.updateTime = deps.clock();
  deps.store.putConfig(next);
  return configView(next, deps.store);
}

export function createConfigHandlers(deps: DtsHandlerDeps): UnaryHandlers {
  const { store } = deps;
  return {
    CreateTransferConfig: (request) => createConfig(deps, request),
    UpdateTransferConfig: (request) => updateConfig(deps, request),

    async GetTransferConfig(request) {
      return configView(requireConfig(store, request.name), store);
    },

    async ListTransferConfigs(request) {
      const parent = parseParent(request.parent);
      const sources = (request.dataSourceIds as string[] | undefined) ?? [];
      const all = store
        .listConfigs(parent.projectId, parent.location)
        .filter((config) => sources.length === 0 || sources.includes(config.dataSourceId));
      const { page, nextPageToken } = paginate(all, request.pageToken, request.pageSize, MAX_PAGE_SIZE);
      return { transferConfigs: page.map((config) => configView(config, store)), nextPageToken };
    },

    async DeleteTransferConfig(request) {
      const config = requireConfig(store, request.name);
      store.deleteConfig(config.name.configId);
      return {};
    },
  };
}
