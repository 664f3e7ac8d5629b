// The Cloud Logging face: the messages DTS wrote for one transfer run, read with
// @google-cloud/logging's generated v2 client (ListLogEntries) so the timestamp window is
// ours and explicit, never the library's implicit "last 24 hours"; and a live tail
// (TailLogEntries) of one transfer config's new messages, the push signal that lets a wait
// notice a run's end within seconds. The tail needs gRPC: over REST it is absent.
import { v2 } from '@google-cloud/logging';
import type { Transport } from './endpoints.js';
import { CloudError, toCloudError } from './errors.js';
import { collectPages } from './pages.js';
import { fromStruct, fromTimestamp } from './proto-values.js';
import { type CallContext, callWithRetry, type RetryPolicy } from './retry.js';

interface RunLogMessage {
  time?: Date | undefined;
  severity: string;
  text: string;
}

interface RunLogQuery {
  /** Last segment of the transfer config's name. */
  configId: string;
  /** Last segment of the run's name. */
  runId: string;
  from: Date;
  to: Date;
}

/** One message a tail saw for a run of the tailed config. */
interface TailedRunMessage extends RunLogMessage {
  /** Last segment of the run's name (`labels.run_id`). */
  runId: string;
}

interface RunLogTailRequest {
  /** Last segment of one transfer config's name; absent: every transfer of the project. */
  configId?: string | undefined;
  /** How long Logging holds entries to order them (0–60 s); default DEFAULT_TAIL_BUFFER_WINDOW_MS. */
  bufferWindowMs?: number | undefined;
}

export interface RunLogTailListener {
  /** The service accepted the session: messages written from now on will arrive. */
  onOpen(): void;
  /**
   * New messages of the config's runs; `suppressed` counts entries the service dropped
   * (rate limits), whose runs are therefore unknown.
   */
  onMessages(messages: TailedRunMessage[], suppressed: number): void;
  /** The session ended without close(): refused, failed, or ended by the service. */
  onEnd(error: CloudError): void;
}

export interface RunLogTail {
  /** Cancels the stream; no callback follows. */
  close(): void;
}

export interface LoggingFace {
  runMessages(query: RunLogQuery, signal?: AbortSignal): Promise<RunLogMessage[]>;
  /** A live tail of one config's run messages; absent when the transport cannot stream (REST). */
  tailRunMessages?(request: RunLogTailRequest, listener: RunLogTailListener): RunLogTail;
}

/** The slice of the generated LoggingServiceV2Client this face uses. */
export interface LoggingV2Client {
  listLogEntries(
    request: {
      resourceNames: string[];
      filter: string;
      orderBy: string;
      pageSize: number;
      pageToken?: string;
    },
    options: Record<string, unknown>,
  ): Promise<[Record<string, unknown>[], { pageToken?: string | null } | null | undefined, unknown]>;
  /** The bidirectional TailLogEntries stream (google-gax CancellableStream). */
  tailLogEntries(options: Record<string, unknown>): TailStream;
  close(): Promise<void>;
}

/** The slice of google-gax's CancellableStream the tail uses. */
interface TailStream {
  write(request: Record<string, unknown>): unknown;
  on(event: 'metadata', listener: () => void): unknown;
  on(event: 'data', listener: (response: Record<string, unknown>) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  cancel(): void;
}

export function createLoggingV2Client(options: Record<string, unknown>): LoggingV2Client {
  return new v2.LoggingServiceV2Client(options) as LoggingV2Client;
}

export interface LoggingFaceOptions {
  client: LoggingV2Client;
  projectId: string;
  timeoutMs: number;
  retry: RetryPolicy;
  /** 'rest' cannot stream, so the face then has no tail; default 'grpc'. */
  transport?: Transport | undefined;
}

const MAX_PAGES = 20;
/**
 * The tail's buffer window. The service defaults to 2 s, holding entries to order late
 * arrivals; the wait needs no order (any entry of a run just says "look now"), so no
 * window at all (0, which the API allows) leaves only Logging's own ingestion delay.
 */
export const DEFAULT_TAIL_BUFFER_WINDOW_MS = 0;
const MAX_TAIL_BUFFER_WINDOW_MS = 60_000;
/**
 * Deadline of one tail session (the client library's default for TailLogEntries). A wait
 * that outlives it polls on; the stream never outlives it.
 */
const TAIL_SESSION_MAX_MS = 60 * 60_000;

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * The tail's filter: every transfer run message of the project, or of one config (new
 * entries only, so no time terms). A process tails the whole project once, not each of
 * its configs: DTS writes a handful of messages per run, and live tails are few (10 a project).
 */
function transferLogFilter(configId?: string): string {
  const terms = ['resource.type="bigquery_dts_config"'];
  if (configId) terms.push(`resource.labels.config_id=${quote(configId)}`);
  return terms.join(' AND ');
}

function runLogFilter(query: RunLogQuery): string {
  return [
    'resource.type="bigquery_dts_config"',
    `resource.labels.config_id=${quote(query.configId)}`,
    `labels.run_id=${quote(query.runId)}`,
    `timestamp>=${quote(query.from.toISOString())}`,
    `timestamp<=${quote(query.to.toISOString())}`,
  ].join(' AND ');
}

function entryText(entry: Record<string, unknown>): string {
  const json = fromStruct(entry.jsonPayload);
  if (json.message) return json.message;
  if (typeof entry.textPayload === 'string') return entry.textPayload;
  return '';
}

function entryMessage(entry: Record<string, unknown>): RunLogMessage {
  return {
    time: fromTimestamp(entry.timestamp),
    severity: String(entry.severity ?? 'DEFAULT'),
    text: entryText(entry),
  };
}

function suppressedCount(response: Record<string, unknown>): number {
  const infos = (response.suppressionInfo as { suppressedCount?: unknown }[] | undefined) ?? [];
  return infos.reduce((sum, info) => sum + (Number(info.suppressedCount) || 0), 0);
}

function tailRunMessages(
  client: LoggingV2Client,
  projectId: string,
  secrets: readonly string[],
  request: RunLogTailRequest,
  listener: RunLogTailListener,
): RunLogTail {
  const windowMs = request.bufferWindowMs ?? DEFAULT_TAIL_BUFFER_WINDOW_MS;
  if (!(Number.isFinite(windowMs) && windowMs >= 0 && windowMs <= MAX_TAIL_BUFFER_WINDOW_MS)) {
    throw new Error(`the tail's buffer window must be 0–60000 ms, got ${windowMs}`);
  }
  let done = false;
  const end = (error: unknown) => {
    if (done) return;
    done = true;
    listener.onEnd(toCloudError(error, 'logging', 'TailLogEntries', secrets));
  };
  let stream: TailStream;
  try {
    stream = client.tailLogEntries({ timeout: TAIL_SESSION_MAX_MS, retry: null });
  } catch (error) {
    queueMicrotask(() => end(error));
    return { close: () => (done = true) };
  }
  stream.on('metadata', () => {
    if (!done) listener.onOpen();
  });
  stream.on('data', (response) => {
    if (done) return;
    const entries = (response.entries as Record<string, unknown>[] | undefined) ?? [];
    const messages = entries.map((entry) => ({
      runId: String((entry.labels as Record<string, string> | undefined)?.run_id ?? ''),
      ...entryMessage(entry),
    }));
    listener.onMessages(messages, suppressedCount(response));
  });
  stream.on('error', end);
  stream.on('end', () =>
    end(new CloudError('logging', 'TailLogEntries', 'UNAVAILABLE', 'the service ended the live tail')),
  );
  stream.write({
    resourceNames: [`projects/${projectId}`],
    filter: transferLogFilter(request.configId),
    bufferWindow: { seconds: Math.floor(windowMs / 1000), nanos: (windowMs % 1000) * 1e6 },
  });
  return {
    close() {
      if (done) return;
      done = true;
      stream.cancel();
    },
  };
}

export function createLoggingFace({
  client,
  projectId,
  timeoutMs,
  retry,
  transport = 'grpc',
}: LoggingFaceOptions): LoggingFace {
  const context = (signal?: AbortSignal): CallContext => ({
    service: 'logging',
    operation: 'ListLogEntries',
    timeoutMs: timeoutMs + 1_000,
    signal,
  });
  const tail =
    transport === 'grpc'
      ? {
          tailRunMessages: (request: RunLogTailRequest, listener: RunLogTailListener) =>
            tailRunMessages(client, projectId, retry.secrets, request, listener),
        }
      : {};
  return {
    ...tail,
    async runMessages(query, signal) {
      const filter = runLogFilter(query);
      const entries = await collectPages(MAX_PAGES, (pageToken) =>
        callWithRetry(context(signal), retry, () =>
          client.listLogEntries(
            {
              resourceNames: [`projects/${projectId}`],
              filter,
              orderBy: 'timestamp asc',
              pageSize: 1000,
              ...(pageToken ? { pageToken } : {}),
            },
            { timeout: timeoutMs, retry: null, autoPaginate: false },
          ),
        ),
      );
      return entries.map((entry) => entryMessage(entry));
    },
  };
}
