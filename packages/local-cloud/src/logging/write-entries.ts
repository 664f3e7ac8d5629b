// WriteLogEntries' request checked as the real service checks it, entry by entry: a log
// name whose LOG_ID is URL-encoded and uses only the allowed characters, a monitored
// resource, at most 256 KiB per entry. Request-level logName, resource and labels fill what
// an entry leaves out (an entry's own label wins). Every LogEntry field the client set is
// kept, so the entry reads back as written.
import { status } from '@grpc/grpc-js';
import { RpcError } from '../log-contract.js';
import type { StoredEntry } from './log-record.js';
import type { EntryDraft } from './log-store.js';
import { timestampToNanos } from './log-values.js';

type Labels = Record<string, string>;
type MonitoredResource = { type?: string; labels?: Labels | null };
type Message = Record<string, unknown>;

/** The largest LogEntry Cloud Logging accepts. */
const MAX_ENTRY_BYTES = 256 * 1024;
const LOG_NAME = /^((?:projects|organizations|folders|billingAccounts)\/[^/]+)\/logs\/([^/]+)$/;
const LOG_ID_CHARACTERS = /^[A-Za-z0-9/_\-.]+$/;
const OPTIONAL_MESSAGES = ['httpRequest', 'operation', 'sourceLocation', 'split'] as const;

export interface WriteRequest {
  logName?: string;
  resource?: MonitoredResource | null;
  labels?: Labels | null;
  entries?: Message[];
  partialSuccess?: boolean;
  dryRun?: boolean;
}

export interface CheckedEntries {
  drafts: EntryDraft[];
  /** `entries[i]: why`, for each entry refused. */
  errors: string[];
}

export function checkLogName(logName: string, where: string): string {
  const match = LOG_NAME.exec(logName);
  let logId = '';
  try {
    logId = decodeURIComponent(match?.[2] ?? '');
  } catch {
    // A malformed %-escape: refused below like any other bad name.
  }
  if (!match || logId.length >= 512 || !LOG_ID_CHARACTERS.test(logId)) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `${where} "${logName}" is invalid: use "projects/PROJECT_ID/logs/LOG_ID" with LOG_ID under 512 characters of letters, digits, "_", "-", "." and "/" (written URL-encoded as %2F).`,
    );
  }
  return logName;
}

function entrySize(entry: Message): number {
  return JSON.stringify(entry, (_, value: unknown) =>
    value instanceof Uint8Array ? 'x'.repeat(value.length) : value,
  ).length;
}

function draftOf(entry: Message, index: number, request: WriteRequest): EntryDraft {
  const where = `entries[${index}]`;
  const logName = checkLogName(
    (entry.logName as string | undefined) || request.logName || '',
    `${where}.logName`,
  );
  const ownResource = entry.resource as MonitoredResource | null | undefined;
  const resource = ownResource?.type ? ownResource : request.resource;
  if (!resource?.type) {
    throw new RpcError(status.INVALID_ARGUMENT, `${where}.resource is required (e.g. {type: "global"}).`);
  }
  const size = entrySize(entry);
  if (size > MAX_ENTRY_BYTES) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `${where} is ${size} bytes; Cloud Logging accepts entries of at most ${MAX_ENTRY_BYTES} bytes.`,
    );
  }
  const draft: EntryDraft = {
    logName,
    resource: { type: resource.type, labels: { ...(resource.labels ?? {}) } },
    labels: { ...(request.labels ?? {}), ...((entry.labels as Labels | undefined) ?? {}) },
    severity: (entry.severity as string | number | undefined) ?? 'DEFAULT',
    timestampNanos: timestampToNanos(entry.timestamp as { seconds?: string } | null | undefined),
    insertId: (entry.insertId as string | undefined) ?? '',
    ...payloadOf(entry),
  };
  for (const name of OPTIONAL_MESSAGES) {
    const value = entry[name];
    if (value !== null && value !== undefined) draft[name] = value as Message;
  }
  if (entry.trace) draft.trace = entry.trace as string;
  if (entry.spanId) draft.spanId = entry.spanId as string;
  if (entry.traceSampled === true) draft.traceSampled = true;
  return draft;
}

function payloadOf(entry: Message): Partial<StoredEntry> {
  const member = entry.payload as StoredEntry['payload'] | undefined;
  if (member === 'jsonPayload')
    return { payload: member, jsonPayload: entry.jsonPayload as StoredEntry['jsonPayload'] };
  if (member === 'protoPayload') {
    return { payload: member, protoPayload: entry.protoPayload as StoredEntry['protoPayload'] };
  }
  if (member === 'textPayload' || typeof entry.textPayload === 'string') {
    return { payload: 'textPayload', textPayload: (entry.textPayload as string | undefined) ?? '' };
  }
  return {};
}

/** Every entry of the request checked; the refused ones listed with why. */
export function checkEntries(request: WriteRequest): CheckedEntries {
  const entries = request.entries ?? [];
  if (entries.length === 0) {
    throw new RpcError(status.INVALID_ARGUMENT, 'entries: at least one log entry is required.');
  }
  const drafts: EntryDraft[] = [];
  const errors: string[] = [];
  entries.forEach((entry, index) => {
    try {
      drafts.push(draftOf(entry, index, request));
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      errors.push(error.message);
    }
  });
  return { drafts, errors };
}
