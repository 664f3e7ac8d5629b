// The local cloud's Cloud Logging storage: DTS runs append their messages here (as the
// TransferLogSink), ListLogEntries queries them with a filter, order and pages, and live
// tails (TailLogEntries) subscribe to each new record as it is stored.
import { status } from '@grpc/grpc-js';
import { RpcError, type TransferLogEntry, type TransferLogSink } from '../log-contract.js';
import { compileLogFilter } from './filter.js';
import { type LogRecord, recordFromTransferLog } from './log-record.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

export interface LogQuery {
  /** `projects/P` (also organizations/folders/billingAccounts): which logs to search. */
  resourceNames: string[];
  filter?: string | undefined;
  orderBy?: string | undefined;
  pageSize?: number | undefined;
  pageToken?: string | undefined;
}

export interface LogPage {
  records: LogRecord[];
  /** Empty when this is the last page. */
  nextPageToken: string;
}

export type LogListener = (record: LogRecord) => void;

export class LogStore implements TransferLogSink {
  private readonly records: LogRecord[] = [];
  private readonly listeners = new Set<LogListener>();
  private sequence = 0;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  append(entry: TransferLogEntry): void {
    this.store(recordFromTransferLog(entry, this.nextSequence(), this.clock()));
  }

  /** Stores an entry built elsewhere (WriteLogEntries); the store assigns its sequence. */
  add(build: (sequence: number, received: Date) => LogRecord): void {
    this.store(build(this.nextSequence(), this.clock()));
  }

  /** Calls `listener` with every record stored from now on; returns the unsubscribe. */
  subscribe(listener: LogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private store(record: LogRecord): void {
    this.records.push(record);
    // A failing listener (a tail whose client vanished) must not fail the writer.
    for (const listener of this.listeners) {
      try {
        listener(record);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }

  get size(): number {
    return this.records.length;
  }

  list(query: LogQuery): LogPage {
    const parents = validateResourceNames(query.resourceNames);
    const matches = compileLogFilter(query.filter ?? '');
    const descending = parseOrderBy(query.orderBy ?? '');
    const pageSize = validatePageSize(query.pageSize ?? 0);
    const offset = decodePageToken(query.pageToken ?? '', query);

    const selected = this.records
      .filter((record) => parents.some((parent) => record.logName.startsWith(`${parent}/logs/`)))
      .filter(matches)
      .sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime() || a.sequence - b.sequence);
    if (descending) selected.reverse();
    const records = selected.slice(offset, offset + pageSize);
    const next = offset + records.length;
    return { records, nextPageToken: next < selected.length ? encodePageToken(next, query) : '' };
  }

  private nextSequence(): number {
    this.sequence += 1;
    return this.sequence;
  }
}

export function validateResourceNames(names: string[]): string[] {
  if (names.length === 0) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      'resourceNames is required: name the project, e.g. "projects/P".',
    );
  }
  for (const name of names) {
    if (!/^(projects|organizations|folders|billingAccounts)\/[^/]+$/.test(name)) {
      throw new RpcError(
        status.INVALID_ARGUMENT,
        `Invalid resource name "${name}": use "projects/PROJECT_ID" (log buckets and views are not emulated).`,
      );
    }
  }
  return names;
}

/** True for descending order. Logging orders by timestamp only. */
function parseOrderBy(orderBy: string): boolean {
  const normalized = orderBy.trim().replace(/\s+/g, ' ');
  if (normalized === '' || normalized === 'timestamp' || normalized === 'timestamp asc') return false;
  if (normalized === 'timestamp desc') return true;
  throw new RpcError(
    status.INVALID_ARGUMENT,
    `Invalid orderBy "${orderBy}": only "timestamp asc" and "timestamp desc" are supported.`,
  );
}

function validatePageSize(pageSize: number): number {
  if (pageSize < 0)
    throw new RpcError(status.INVALID_ARGUMENT, `pageSize must not be negative, got ${pageSize}.`);
  if (pageSize === 0) return DEFAULT_PAGE_SIZE;
  return Math.min(pageSize, MAX_PAGE_SIZE);
}

// A page token binds the offset to the resources and order it came from. Not to the
// filter: getEntries appends a fresh `timestamp >= now-24h` to every call, so a caller
// paging by hand never sends the exact same filter twice.
function queryKey(query: LogQuery): string {
  return JSON.stringify([query.resourceNames, query.orderBy ?? '']);
}

function encodePageToken(offset: number, query: LogQuery): string {
  return Buffer.from(JSON.stringify({ offset, query: queryKey(query) })).toString('base64url');
}

function decodePageToken(token: string, query: LogQuery): number {
  if (token === '') return 0;
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      offset?: unknown;
      query?: unknown;
    };
    if (typeof decoded.offset === 'number' && decoded.offset >= 0 && decoded.query === queryKey(query)) {
      return decoded.offset;
    }
  } catch {
    // Falls through to the error below.
  }
  throw new RpcError(
    status.INVALID_ARGUMENT,
    'Invalid pageToken: it must come from a previous response to the same resourceNames and orderBy.',
  );
}
