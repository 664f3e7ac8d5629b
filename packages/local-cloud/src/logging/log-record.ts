// One Cloud Logging entry as the local cloud stores it, and its conversions: from a DTS
// run's transfer-log message (shaped exactly as real DTS writes it) and to/from the
// google.logging.v2.LogEntry objects the gRPC and REST transports carry.
import type { TransferLogEntry } from '../log-contract.js';

/** LogSeverity names in their numeric order, as google.logging.type.LogSeverity. */
export const SEVERITY_RANK: Readonly<Record<string, number>> = {
  DEFAULT: 0,
  DEBUG: 100,
  INFO: 200,
  NOTICE: 300,
  WARNING: 400,
  ERROR: 500,
  CRITICAL: 600,
  ALERT: 700,
  EMERGENCY: 800,
};

export const DTS_RESOURCE_TYPE = 'bigquery_dts_config';

/** The log real DTS writes run messages to, with its `/` URL-encoded as Logging requires. */
export function dtsLogName(projectId: string): string {
  return `projects/${projectId}/logs/bigquerydatatransfer.googleapis.com%2Ftransfer_config`;
}

/** A google.protobuf.Struct in @grpc/proto-loader's object shape. */
export type StructObject = { fields?: Record<string, unknown> };

export interface LogRecord {
  logName: string;
  resource: { type: string; labels: Record<string, string> };
  labels: Record<string, string>;
  severity: string;
  timestamp: Date;
  receiveTimestamp: Date;
  insertId: string;
  /** Exactly one payload, as the LogEntry `payload` oneof. */
  jsonPayload?: StructObject | undefined;
  textPayload?: string | undefined;
  /** Write order: breaks timestamp ties so listing is stable. */
  sequence: number;
}

export function recordFromTransferLog(entry: TransferLogEntry, sequence: number, received: Date): LogRecord {
  return {
    logName: dtsLogName(entry.projectId),
    resource: {
      type: DTS_RESOURCE_TYPE,
      labels: { project_id: entry.projectId, config_id: entry.configId, location: entry.location },
    },
    labels: { run_id: entry.runId },
    severity: entry.severity,
    timestamp: entry.time,
    receiveTimestamp: received,
    insertId: insertIdFor(sequence),
    jsonPayload: { fields: { message: { stringValue: entry.message, kind: 'stringValue' } } },
    sequence,
  };
}

function insertIdFor(sequence: number): string {
  return `dts${sequence.toString(36).padStart(8, '0')}`;
}

/** The `jsonPayload.message` string, when the payload has one. */
export function payloadMessage(record: LogRecord): string | undefined {
  const value = record.jsonPayload?.fields?.message as { stringValue?: unknown } | undefined;
  return typeof value?.stringValue === 'string' ? value.stringValue : undefined;
}

type TimestampObject = { seconds?: string | number | null; nanos?: number | null } | null | undefined;

export function timestampToDate(value: TimestampObject): Date | undefined {
  if (!value || value.seconds === undefined || value.seconds === null) return undefined;
  return new Date(Number(value.seconds) * 1000 + Math.floor((value.nanos ?? 0) / 1e6));
}

export function dateToTimestamp(date: Date): { seconds: string; nanos: number } {
  const ms = date.getTime();
  const seconds = Math.floor(ms / 1000);
  return { seconds: String(seconds), nanos: (ms - seconds * 1000) * 1e6 };
}

/** A google.logging.v2.LogEntry object (proto-loader shape) for a stored record. */
export function recordToEntry(record: LogRecord): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    logName: record.logName,
    resource: record.resource,
    labels: record.labels,
    severity: record.severity,
    timestamp: dateToTimestamp(record.timestamp),
    receiveTimestamp: dateToTimestamp(record.receiveTimestamp),
    insertId: record.insertId,
  };
  if (record.jsonPayload) {
    entry.jsonPayload = record.jsonPayload;
    entry.payload = 'jsonPayload';
  } else if (record.textPayload !== undefined) {
    entry.textPayload = record.textPayload;
    entry.payload = 'textPayload';
  }
  return entry;
}
