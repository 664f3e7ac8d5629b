// The rules a transfer config must keep, checked when it is created or updated and before
// a run starts: the destination dataset exists in the config's own location, the schedule
// parses and is not more frequent than the data source allows, and a config with a run in
// flight is left alone ("Simultaneous backfill requests are not supported").
import { status } from '@grpc/grpc-js';
import { RpcError } from '../log-contract.js';
import type { Warehouse } from '../warehouse-contract.js';
import { AMAZON_S3, AMAZON_S3_MINIMUM_INTERVAL_SECONDS } from './amazon-s3-source.js';
import type { DtsStore, StoredConfig } from './dts-store.js';
import { invalid, type Message } from './handler-support.js';
import { formatConfigName, formatRunName } from './resource-names.js';
import { checkSchedule, ScheduleError } from './schedule.js';

/** How far in the future a requested run time may be: clock skew between caller and DTS. */
const RUN_TIME_SKEW_MS = 60_000;

/**
 * The dataset must exist, and live where the config lives. BigQuery reports multi-regions
 * as `us`/`eu` and DTS names them `locations/us`/`locations/eu`: compared in lower case.
 */
export function checkDestination(
  warehouse: Warehouse,
  config: { projectId: string; location: string },
  datasetId: string,
  verb: 'create' | 'update',
): void {
  if (!datasetId) throw invalid('Destination dataset id must be specified (destination_dataset_id).');
  const datasetLocation = warehouse.datasetLocation(config.projectId, datasetId)?.toLowerCase();
  if (datasetLocation === undefined) {
    throw new RpcError(
      status.NOT_FOUND,
      `Not found: Dataset ${config.projectId}:${datasetId}. Create the dataset before the transfer config.`,
    );
  }
  if (datasetLocation !== config.location.toLowerCase()) {
    throw invalid(
      `Cannot ${verb} a transfer in ${config.location} when destination dataset ${config.projectId}:${datasetId} is located in ${datasetLocation}. Use the parent projects/${config.projectId}/locations/${datasetLocation}, or a dataset in ${config.location}.`,
    );
  }
}

interface ScheduleFields {
  schedule: string;
  disableAutoScheduling: boolean;
  scheduleOptions: Message | null;
}

/** Reads schedule, scheduleOptions and scheduleOptionsV2, which cannot be mixed. */
export async function readScheduleFields(input: Message): Promise<ScheduleFields> {
  const options = (input.scheduleOptions as Message | null | undefined) ?? null;
  const v2 = (input.scheduleOptionsV2 as Message | null | undefined) ?? null;
  const schedule = String(input.schedule ?? '');
  if (v2 && (schedule !== '' || options)) {
    throw invalid('schedule_options_v2 cannot be used together with schedule or schedule_options.');
  }
  const timeBased = (v2?.timeBasedSchedule as Message | null | undefined) ?? null;
  const effective = timeBased ? String(timeBased.schedule ?? '') : schedule;
  try {
    await checkSchedule(effective, AMAZON_S3_MINIMUM_INTERVAL_SECONDS, AMAZON_S3);
  } catch (error) {
    if (error instanceof ScheduleError) throw invalid(error.message);
    throw error;
  }
  const manual = Boolean(v2 && (v2.schedule === 'manualSchedule' || v2.manualSchedule));
  return {
    schedule: effective,
    disableAutoScheduling: Boolean(options?.disableAutoScheduling) || manual,
    scheduleOptions: options,
  };
}

/** Refuses to act on a config that has a run PENDING or RUNNING, naming that run. */
export function assertNoRunInFlight(store: DtsStore, config: StoredConfig, what: string): void {
  const busy = store.runsInFlight(config.name.configId)[0];
  if (!busy) return;
  throw new RpcError(
    status.FAILED_PRECONDITION,
    `Transfer config ${formatConfigName(config.name)} already has a run in progress: ${formatRunName(busy.name)} is ${busy.state}. Simultaneous backfill requests are not supported: ${what} once that run has finished.`,
  );
}

/** Refuses run times in the future (beyond a minute of clock skew). */
export function assertNotFuture(time: Date, now: Date, field: string): void {
  if (time.getTime() > now.getTime() + RUN_TIME_SKEW_MS) {
    throw invalid(
      `${field} ${time.toISOString()} is in the future (now ${now.toISOString()}): transfer runs can only be started for past times.`,
    );
  }
}
