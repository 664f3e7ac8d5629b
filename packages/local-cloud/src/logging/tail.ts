// Cloud Logging's live tail (google.logging.v2.LoggingServiceV2.TailLogEntries) for the
// local cloud: the client's first message names the resources, a filter and a buffer
// window; from then on every newly stored entry that matches is held for the window (as
// the real service holds entries to order late arrivals) and streamed in timestamp order.
// Like the real service, at most 10 sessions may be open at once in a project (a session
// counts against every project it names); one more is refused with RESOURCE_EXHAUSTED.
import { Metadata, status } from '@grpc/grpc-js';
import { RpcError } from '../log-contract.js';
import type { DuplexCall, DuplexHandler } from '../rpc/grpc-server.js';
import { compileLogFilter, type LogPredicate } from './filter.js';
import { validateResourceNames } from './log-query.js';
import { type LogRecord, parentOf, recordToEntry } from './log-record.js';
import { compareRecords, type LogStore } from './log-store.js';

/** Cloud Logging's documented default and limit of `buffer_window`. */
const DEFAULT_BUFFER_WINDOW_MS = 2_000;
const MAX_BUFFER_WINDOW_MS = 60_000;
/** Live-tailing sessions Cloud Logging allows open at once in a project. */
const DEFAULT_MAX_TAIL_SESSIONS = 10;

export interface TailServiceOptions {
  store: LogStore;
  maxSessions?: number | undefined;
}

export interface TailService {
  handler: DuplexHandler;
  /** Sessions open now, for tests that check nothing is left streaming. */
  openSessions(): number;
  /** Ends every session (the server is stopping). */
  stop(): void;
}

interface Pending {
  record: LogRecord;
  dueAt: number;
}

class TailSession {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private closed = false;

  constructor(
    private readonly call: DuplexCall,
    private readonly onClose: () => void,
  ) {}

  start(store: LogStore, parents: string[], matches: LogPredicate, windowMs: number): void {
    // Headers now: the client learns the session is accepted before any entry arrives.
    this.call.sendMetadata(new Metadata());
    this.unsubscribe = store.subscribe((record) => {
      if (this.closed) return;
      if (!parents.includes(parentOf(record.entry.logName))) return;
      if (!store.visible(record) || !matches(record)) return;
      this.pending.push({ record, dueAt: Date.now() + windowMs });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer || this.pending.length === 0) return;
    const next = Math.min(...this.pending.map((p) => p.dueAt));
    this.timer = setTimeout(() => this.flush(), Math.max(0, next - Date.now()));
  }

  private flush(): void {
    this.timer = undefined;
    if (this.closed) return;
    const now = Date.now();
    const due = this.pending.filter((p) => p.dueAt <= now);
    this.pending = this.pending.filter((p) => p.dueAt > now);
    if (due.length > 0) {
      const records = due.map((p) => p.record).sort(compareRecords);
      this.call.write({ entries: records.map(recordToEntry), suppressionInfo: [] });
    }
    this.schedule();
  }

  /** Stops streaming; `end` also closes the call with OK (the client half-closed). */
  close(end: boolean): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.unsubscribe?.();
    this.pending = [];
    this.onClose();
    if (end && !this.call.cancelled) this.call.end();
  }

  fail(error: RpcError): void {
    if (this.closed) return;
    this.close(false);
    this.call.emit('error', { code: error.code, details: error.message });
  }
}

function bufferWindowMs(value: unknown): number {
  if (value === null || value === undefined) return DEFAULT_BUFFER_WINDOW_MS;
  const seconds = (value as { seconds?: string | number }).seconds ?? 0;
  const nanos = (value as { nanos?: number }).nanos ?? 0;
  const ms = Number(seconds) * 1000 + Math.floor(nanos / 1e6);
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_BUFFER_WINDOW_MS) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `buffer_window must be between 0 and ${MAX_BUFFER_WINDOW_MS / 1000} seconds, got ${ms / 1000}s.`,
    );
  }
  return ms;
}

export function createTailService(options: TailServiceOptions): TailService {
  const maxSessions = options.maxSessions ?? DEFAULT_MAX_TAIL_SESSIONS;
  /** Each open session, with the parents (projects) it counts against. */
  const sessions = new Map<TailSession, string[]>();
  const openIn = (parent: string) =>
    [...sessions.values()].filter((parents) => parents.includes(parent)).length;

  const handler: DuplexHandler = (call) => {
    let session: TailSession | undefined;
    call.once('data', (request: Record<string, unknown>) => {
      try {
        const parents = validateResourceNames((request.resourceNames as string[] | undefined) ?? []);
        const matches = compileLogFilter((request.filter as string | undefined) ?? '');
        const windowMs = bufferWindowMs(request.bufferWindow);
        const full = parents.find((parent) => openIn(parent) >= maxSessions);
        if (full) {
          throw new RpcError(
            status.RESOURCE_EXHAUSTED,
            `Quota exceeded: at most ${maxSessions} live tailing sessions may be open at once in ${full}; close a session (or read with ListLogEntries) and try again.`,
          );
        }
        const opened = new TailSession(call, () => sessions.delete(opened));
        session = opened;
        sessions.set(opened, parents);
        opened.start(options.store, parents, matches, windowMs);
      } catch (error) {
        const rpcError =
          error instanceof RpcError
            ? error
            : new RpcError(status.INTERNAL, `Internal error: ${String(error)}`);
        call.emit('error', { code: rpcError.code, details: rpcError.message });
      }
    });
    // Later requests on the same stream are ignored, as the official client only writes once.
    call.on('data', () => undefined);
    call.on('end', () => (session ? session.close(true) : call.end()));
    call.on('cancelled', () => session?.close(false));
    call.on('error', () => session?.close(false));
  };

  return {
    handler,
    openSessions: () => sessions.size,
    stop() {
      for (const session of [...sessions.keys()]) {
        session.fail(new RpcError(status.UNAVAILABLE, 'The local Cloud Logging is shutting down.'));
      }
    },
  };
}
