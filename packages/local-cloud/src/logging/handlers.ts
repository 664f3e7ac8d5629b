// google.logging.v2.LoggingServiceV2 as transport-free handlers over a LogStore: the gRPC
// server and the REST gateway both serve this map. Every unary RPC of the service is here;
// TailLogEntries (bidirectional streaming, gRPC only) lives in tail.ts.
import { status } from '@grpc/grpc-js';
import { RpcError, type UnaryHandlers } from '../log-contract.js';
import type { EntryRouter } from './entry-routing.js';
import { pageFromToken, validateParent, validateResourceNames } from './log-query.js';
import { recordToEntry } from './log-record.js';
import type { LogStore } from './log-store.js';
import { RESOURCE_DESCRIPTORS } from './resource-descriptors.js';
import { checkEntries, checkLogName, type WriteRequest } from './write-entries.js';

/** One page of `items` from `pageToken`; a non-positive pageSize means all of them. */
function pageOf<T>(items: readonly T[], request: Record<string, unknown>, key: string) {
  const pageSize = Number(request.pageSize ?? 0);
  const token = (request.pageToken as string | undefined) ?? '';
  return pageFromToken(items, token, pageSize > 0 ? pageSize : undefined, key);
}

/** `projects/P/logs/a/b` (a path-decoded REST name) → `projects/P/logs/a%2Fb`. */
function encodedLogName(logName: string): string {
  const index = logName.indexOf('/logs/');
  if (index < 0) return logName;
  const logId = logName.slice(index + 6);
  return logId.includes('/') ? `${logName.slice(0, index)}/logs/${encodeURIComponent(logId)}` : logName;
}

/**
 * `route` keeps the entries the Log Router sends to the project's listing (entry-routing.ts);
 * without it every valid entry is stored.
 */
export function createLoggingHandlers(store: LogStore, route?: EntryRouter): UnaryHandlers {
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
      const write = request as WriteRequest;
      const { drafts, errors } = checkEntries(write);
      if (errors.length > 0 && !write.partialSuccess) {
        throw new RpcError(status.INVALID_ARGUMENT, `Nothing was written. ${errors.join(' ')}`);
      }
      if (!write.dryRun) store.write(route ? route(drafts) : drafts);
      if (errors.length > 0) {
        throw new RpcError(
          status.INVALID_ARGUMENT,
          `${drafts.length} of ${drafts.length + errors.length} entries were written (partialSuccess); refused: ${errors.join(' ')}`,
        );
      }
      return {};
    },

    async ListLogs(request) {
      const parent = validateParent((request.parent as string | undefined) ?? '');
      const extra = (request.resourceNames as string[] | undefined) ?? [];
      const parents = validateResourceNames([parent, ...extra]);
      const { page, nextPageToken } = pageOf(store.logNames(parents), request, JSON.stringify(parents));
      return { logNames: page, nextPageToken };
    },

    async DeleteLog(request) {
      const logName = encodedLogName((request.logName as string | undefined) ?? '');
      store.deleteLog(checkLogName(logName, 'logName'));
      return {};
    },

    async ListMonitoredResourceDescriptors(request) {
      const { page, nextPageToken } = pageOf(RESOURCE_DESCRIPTORS, request, 'descriptors');
      return { resourceDescriptors: page, nextPageToken };
    },
  };
}
