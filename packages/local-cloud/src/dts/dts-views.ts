// Stored configs and runs as DTS returns them (proto-loader object shape): timestamps as
// {seconds, nanos}, params as a Struct, secrets removed.
import { redactParams } from './amazon-s3-params.js';
import type { DtsStore, StoredConfig, StoredRun, TransferLogMessage } from './dts-store.js';
import { formatConfigName, formatRunName } from './resource-names.js';
import { stringsToStruct } from './struct-values.js';

function toTimestamp(date: Date | undefined): { seconds: string; nanos: number } | null {
  if (!date) return null;
  const ms = date.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (((ms % 1000) + 1000) % 1000) * 1_000_000 };
}

export function configView(config: StoredConfig, store: DtsStore): Record<string, unknown> {
  const latest = store.latestRun(config.name.configId);
  return {
    name: formatConfigName(config.name),
    destinationDatasetId: config.destinationDatasetId,
    displayName: config.displayName,
    dataSourceId: config.dataSourceId,
    params: stringsToStruct(redactParams(config.params)),
    schedule: config.schedule,
    scheduleOptions: config.scheduleOptions ?? { disableAutoScheduling: config.disableAutoScheduling },
    disabled: config.disabled,
    updateTime: toTimestamp(config.updateTime),
    state: latest?.state ?? 'TRANSFER_STATE_UNSPECIFIED',
    userId: '0',
    datasetRegion: config.name.location,
    notificationPubsubTopic: config.notificationPubsubTopic,
    emailPreferences: config.emailPreferences,
  };
}

export function runView(run: StoredRun): Record<string, unknown> {
  return {
    name: formatRunName(run.name),
    scheduleTime: toTimestamp(run.scheduleTime),
    runTime: toTimestamp(run.runTime),
    errorStatus: run.errorStatus
      ? { code: run.errorStatus.code, message: run.errorStatus.message, details: [] }
      : null,
    startTime: toTimestamp(run.startTime),
    endTime: toTimestamp(run.endTime),
    updateTime: toTimestamp(run.updateTime),
    params: stringsToStruct(redactParams(run.params)),
    destinationDatasetId: run.destinationDatasetId,
    dataSourceId: run.dataSourceId,
    state: run.state,
    userId: '0',
    schedule: '',
  };
}

export function messageView(message: TransferLogMessage): Record<string, unknown> {
  return { messageTime: toTimestamp(message.time), severity: message.severity, messageText: message.text };
}
