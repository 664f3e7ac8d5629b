// google.logging.v2.LoggingServiceV2 as transport-free handlers over a LogStore: the gRPC
// server and the REST gateway both serve this map. Only the calls the product and its
// tests make are emulated; the others answer UNIMPLEMENTED through the transport.
import { status } from '@grpc/grpc-js';
import { RpcError, type UnaryHandlers } from '../log-contract.js';
import { type LogRecord, recordToEntry, type StructObject, timestampToDate } from './log-record.js';
import type { LogStore } from './log-store.js';

type Labels = Record<string, string>;
type MonitoredResource = { type?: string; labels?: Labels };
type WrittenEntry = {
  logName?: string;
  resource?: MonitoredResource | null;
  labels?: Labels;
  severity?: string;
  timestamp?: { seconds?: string; nanos?: number } | null;
  insertId?: string;
  jsonPayload?: StructObject | null;
  textPayload?: string;
  payload?: string;
};

export function createLoggingHandlers(store: LogStore): UnaryHandlers {
  return {
    async ListLogEntries(request) {
      const page = store.list({
        resourceNames: (request.resourceNames as string[] | undefined) ?? [],
        filter: request.filter as string | undefined,
        orderBy: request.orderBy as string | undefined,
        pageSize: Number(request.pageSize ?? 0),
        pageToken: request.pageToken as string | undefined,
      });
      return { entries: page.records.map(recordToEntry), nextPageToken: page.nextPageToken };
    },

    async WriteLogEntries(request) {
      const entries = (request.entries as WrittenEntry[] | undefined) ?? [];
      if (entries.length === 0)
        throw new RpcError(status.INVALID_ARGUMENT, 'entries: at least one entry is required.');
      const builders = entries.map((entry, index) => buildRecord(entry, index, request));
      if (request.dryRun) return {};
      for (const build of builders) store.add(build);
      return {};
    },
  };
}

/** Validates one written entry now, so a bad batch stores nothing; builds it at store time. */
function buildRecord(
  entry: WrittenEntry,
  index: number,
  request: Record<string, unknown>,
): (sequence: number, received: Date) => LogRecord {
  const logName = entry.logName || (request.logName as string | undefined) || '';
  if (!/^projects\/[^/]+\/logs\/[^/]+$/.test(logName)) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `entries[${index}].logName "${logName}" is invalid: use "projects/PROJECT_ID/logs/LOG_ID" with "/" in LOG_ID URL-encoded.`,
    );
  }
  const resource = entry.resource?.type
    ? entry.resource
    : (request.resource as MonitoredResource | undefined);
  if (!resource?.type) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `entries[${index}].resource is required (e.g. {type: "global"}).`,
    );
  }
  const labels = { ...((request.labels as Labels | undefined) ?? {}), ...(entry.labels ?? {}) };
  const severity = entry.severity || 'DEFAULT';
  const timestamp = timestampToDate(entry.timestamp);
  const jsonPayload =
    entry.payload === 'jsonPayload' || entry.jsonPayload ? (entry.jsonPayload ?? {}) : undefined;
  return (sequence, received) => ({
    logName,
    resource: { type: resource.type ?? '', labels: resource.labels ?? {} },
    labels,
    severity,
    timestamp: timestamp ?? received,
    receiveTimestamp: received,
    insertId: entry.insertId || `w${sequence.toString(36).padStart(8, '0')}`,
    jsonPayload,
    textPayload: jsonPayload ? undefined : (entry.textPayload ?? ''),
    sequence,
  });
}
