// The Cloud Logging face: the messages DTS wrote for one transfer run, read with
// @google-cloud/logging's generated v2 client (ListLogEntries) so the timestamp window is
// ours and explicit, never the library's implicit "last 24 hours".
import { v2 } from '@google-cloud/logging';
import { fromStruct, fromTimestamp } from './proto-values.js';
import { type CallContext, callWithRetry, type RetryPolicy } from './retry.js';

export interface RunLogMessage {
  time?: Date | undefined;
  severity: string;
  text: string;
}

export interface RunLogQuery {
  /** Last segment of the transfer config's name. */
  configId: string;
  /** Last segment of the run's name. */
  runId: string;
  from: Date;
  to: Date;
}

export interface LoggingFace {
  runMessages(query: RunLogQuery, signal?: AbortSignal): Promise<RunLogMessage[]>;
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
  close(): Promise<void>;
}

export function createLoggingV2Client(options: Record<string, unknown>): LoggingV2Client {
  return new v2.LoggingServiceV2Client(options) as LoggingV2Client;
}

export interface LoggingFaceOptions {
  client: LoggingV2Client;
  projectId: string;
  timeoutMs: number;
  retry: RetryPolicy;
}

const MAX_PAGES = 20;

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function runLogFilter(query: RunLogQuery): string {
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

export function createLoggingFace({ client, projectId, timeoutMs, retry }: LoggingFaceOptions): LoggingFace {
  const context = (signal?: AbortSignal): CallContext => ({
    service: 'logging',
    operation: 'ListLogEntries',
    timeoutMs: timeoutMs + 1_000,
    signal,
  });
  return {
    async runMessages(query, signal) {
      const filter = runLogFilter(query);
      const messages: RunLogMessage[] = [];
      let pageToken: string | undefined;
      for (let pages = 0; pages < MAX_PAGES; pages++) {
        const [entries, next] = await callWithRetry(context(signal), retry, () =>
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
        );
        for (const entry of entries) {
          messages.push({
            time: fromTimestamp(entry.timestamp),
            severity: String(entry.severity ?? 'DEFAULT'),
            text: entryText(entry),
          });
        }
        pageToken = next?.pageToken ?? undefined;
        if (!pageToken) break;
      }
      return messages;
    },
  };
}
