// The local cloud's Cloud Logging storage: DTS runs append their messages here (as the
// TransferLogSink), WriteLogEntries stores what clients write, ListLogEntries queries with
// a filter, order and pages, live tails subscribe to each new record. It keeps the real
// service's documented rules: entries with the same insertId and timestamp in a project
// are one entry; entries older than the retention period (30 days, the _Default bucket)
// or more than 24 hours in the future are stored but never listed or tailed; DeleteLog
// also removes entries that arrive later with a timestamp before the deletion.
import { status } from '@grpc/grpc-js';
import { RpcError, type TransferLogEntry, type TransferLogSink } from '../log-contract.js';
import { compileLogFilter } from './filter.js';
import {
  decodePageToken,
  encodePageToken,
  parseOrderBy,
  validatePageSize,
  validateResourceNames,
} from './log-query.js';
import { type LogRecord, parentOf, recordFromTransferLog, type StoredEntry } from './log-record.js';
import { dateToNanos, nanosToTimestamp } from './log-values.js';

const DEFAULT_RETENTION_DAYS = 30;
const DAY_NANOS = 86_400n * 1_000_000_000n;

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

/** A validated entry from WriteLogEntries; the store fills in what the service supplies. */
export type EntryDraft = Omit<StoredEntry, 'timestamp' | 'receiveTimestamp' | 'insertId'> & {
  timestampNanos?: bigint | undefined;
  insertId?: string | undefined;
};

export type LogListener = (record: LogRecord) => void;

export class LogStore implements TransferLogSink {
  private records: LogRecord[] = [];
  private readonly listeners = new Set<LogListener>();
  /** `parent|timestamp|insertId` of every stored record: Logging's duplicate key. */
  private readonly keys = new Set<string>();
  /** Per log: entries timestamped before this were deleted, and arrive deleted. */
  private readonly deletedBefore = new Map<string, bigint>();
  private sequence = 0;

  constructor(
    private readonly clock: () => Date = () => new Date(),
    private readonly retentionDays = DEFAULT_RETENTION_DAYS,
  ) {}

  append(entry: TransferLogEntry): void {
    this.sequence += 1;
    this.store(recordFromTransferLog(entry, this.sequence, this.clock()));
  }

  /** Stores WriteLogEntries drafts in order; returns how many were new (not duplicates). */
  write(drafts: EntryDraft[]): number {
    const receiveNanos = dateToNanos(this.clock());
    let stored = 0;
    for (const draft of drafts) {
      this.sequence += 1;
      const fallbackId = `w${this.sequence.toString(36).padStart(11, '0')}`;
      if (this.store(recordOfDraft(draft, receiveNanos, this.sequence, fallbackId))) stored += 1;
    }
    return stored;
  }

  /** Calls `listener` with every record stored from now on; returns the unsubscribe. */
  subscribe(listener: LogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private store(record: LogRecord): boolean {
    const key = duplicateKey(record);
    if (this.keys.has(key)) return false;
    const deletedBefore = this.deletedBefore.get(record.entry.logName);
    if (deletedBefore !== undefined && record.timestampNanos < deletedBefore) return false;
    this.keys.add(key);
    this.records.push(record);
    // A failing listener (a tail whose client vanished) must not fail the writer.
    for (const listener of this.listeners) {
      try {
        listener(record);
      } catch {
        this.listeners.delete(listener);
      }
    }
    return true;
  }

  get size(): number {
    return this.records.length;
  }

  /** Whether ListLogEntries and tails show the record now (retention and future limits). */
  visible(record: LogRecord): boolean {
    const now = dateToNanos(this.clock());
    const oldest = now - BigInt(this.retentionDays) * DAY_NANOS;
    return record.timestampNanos >= oldest && record.timestampNanos <= now + DAY_NANOS;
  }

  list(query: LogQuery): LogPage {
    const parents = validateResourceNames(query.resourceNames);
    const matches = compileLogFilter(query.filter ?? '');
    const descending = parseOrderBy(query.orderBy ?? '');
    const pageSize = validatePageSize(query.pageSize ?? 0);
    const key = JSON.stringify([query.resourceNames, query.orderBy ?? '']);
    const offset = decodePageToken(query.pageToken ?? '', key);

    const selected = this.records
      .filter((record) => parents.includes(parentOf(record.entry.logName)))
      .filter((record) => this.visible(record) && matches(record))
      .sort(compareRecords);
    if (descending) selected.reverse();
    const records = selected.slice(offset, offset + pageSize);
    const next = offset + records.length;
    return { records, nextPageToken: next < selected.length ? encodePageToken(next, key) : '' };
  }

  /** The names of the logs that hold visible entries under `parents`, sorted. */
  logNames(parents: string[]): string[] {
    const names = new Set<string>();
    for (const record of this.records) {
      if (parents.includes(parentOf(record.entry.logName)) && this.visible(record))
        names.add(record.entry.logName);
    }
    return [...names].sort();
  }

  /** Deletes every entry of `logName`, and those that arrive later timestamped before now. */
  deleteLog(logName: string): void {
    const kept = this.records.filter((record) => record.entry.logName !== logName);
    if (kept.length === this.records.length) {
      throw new RpcError(status.NOT_FOUND, `Log ${logName} does not exist (it holds no entries).`);
    }
    for (const record of this.records) {
      if (record.entry.logName === logName) this.keys.delete(duplicateKey(record));
    }
    this.records = kept;
    this.deletedBefore.set(logName, dateToNanos(this.clock()));
  }
}

function duplicateKey(record: LogRecord): string {
  return `${parentOf(record.entry.logName)}|${record.timestampNanos}|${record.entry.insertId}`;
}

/** Logging's order: timestamp, then insertId ("entries with equal timestamps … in order of their insert_id"). */
/**
 * The record a draft is stored as: its timestamp defaults to the receive time, and an
 * entry without an insertId gets `fallbackId`.
 */
export function recordOfDraft(
  draft: EntryDraft,
  receiveNanos: bigint,
  sequence: number,
  fallbackId: string,
): LogRecord {
  const { timestampNanos = receiveNanos, insertId, ...fields } = draft;
  const entry: StoredEntry = {
    ...fields,
    timestamp: nanosToTimestamp(timestampNanos),
    receiveTimestamp: nanosToTimestamp(receiveNanos),
    insertId: insertId || fallbackId,
  };
  return { entry, timestampNanos, receiveNanos, sequence };
}

export function compareRecords(a: LogRecord, b: LogRecord): number {
  if (a.timestampNanos !== b.timestampNanos) return a.timestampNanos < b.timestampNanos ? -1 : 1;
  if (a.entry.insertId !== b.entry.insertId) return a.entry.insertId < b.entry.insertId ? -1 : 1;
  return a.sequence - b.sequence;
}
