// One Cloud Logging entry as the local cloud stores it: the google.logging.v2.LogEntry
// object (in @grpc/proto-loader's shape, every written field kept, so it reads back as it
// was written) plus its instants in nanoseconds and its write order. Also the entry a DTS
// run's transfer-log message becomes, shaped exactly as real DTS writes it.
import type { TransferLogEntry } from '../log-contract.js';
import { dateToNanos, nanosToTimestamp } from './log-values.js';

/** The monitored-resource type of DTS transfer configs, as in real DTS logs. */
const DTS_RESOURCE_TYPE = 'bigquery_dts_config';

/** The log real DTS writes run messages to, with its `/` URL-encoded as Logging requires. */
export function dtsLogName(projectId: string): string {
  return `projects/${projectId}/logs/bigquerydatatransfer.googleapis.com%2Ftransfer_config`;
}

/** A google.protobuf.Struct in @grpc/proto-loader's object shape. */
export type StructObject = { fields?: Record<string, unknown> };

type Message = Record<string, unknown>;

/** A google.logging.v2.LogEntry in @grpc/proto-loader's object shape. */
export interface StoredEntry {
  logName: string;
  resource: { type: string; labels: Record<string, string> };
  timestamp: { seconds: string; nanos: number };
  receiveTimestamp: { seconds: string; nanos: number };
  /** The LogSeverity name, or its number when it has none. */
  severity: string | number;
  insertId: string;
  labels: Record<string, string>;
  /** Which member of the `payload` oneof is set. */
  payload?: 'textPayload' | 'jsonPayload' | 'protoPayload';
  textPayload?: string;
  jsonPayload?: StructObject;
  /** A google.protobuf.Any; protobufjs names its type field `type_url`. */
  protoPayload?: { type_url?: string; value?: Uint8Array };
  httpRequest?: Message | null;
  operation?: Message | null;
  sourceLocation?: Message | null;
  split?: Message | null;
  trace?: string;
  spanId?: string;
  traceSampled?: boolean;
}

export interface LogRecord {
  entry: StoredEntry;
  /** `entry.timestamp` and `entry.receiveTimestamp` in nanoseconds since the epoch. */
  timestampNanos: bigint;
  receiveNanos: bigint;
  /** Write order: breaks ties after timestamp and insertId so listing is stable. */
  sequence: number;
}

/** `projects/P` of `projects/P/logs/L` (or organizations/…, folders/…, billingAccounts/…). */
export function parentOf(logName: string): string {
  return logName.slice(0, logName.indexOf('/logs/'));
}

export function recordFromTransferLog(entry: TransferLogEntry, sequence: number, received: Date): LogRecord {
  const timestampNanos = dateToNanos(entry.time);
  const receiveNanos = dateToNanos(received);
  return {
    entry: {
      logName: dtsLogName(entry.projectId),
      resource: {
        type: DTS_RESOURCE_TYPE,
        labels: { project_id: entry.projectId, config_id: entry.configId, location: entry.location },
      },
      labels: { run_id: entry.runId },
      severity: entry.severity,
      timestamp: nanosToTimestamp(timestampNanos),
      receiveTimestamp: nanosToTimestamp(receiveNanos),
      insertId: `dts${sequence.toString(36).padStart(8, '0')}`,
      payload: 'jsonPayload',
      jsonPayload: { fields: { message: { stringValue: entry.message, kind: 'stringValue' } } },
    },
    timestampNanos,
    receiveNanos,
    sequence,
  };
}

/** The LogEntry object a read (ListLogEntries, TailLogEntries) returns for a record. */
export function recordToEntry(record: LogRecord): Record<string, unknown> {
  return { ...record.entry };
}
