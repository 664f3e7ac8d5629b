// The shapes shared by the local BigQuery's HTTP server and its route handlers, and the
// paging every list shares.
import type { JobRegistry } from './jobs.js';
import type { QueryJobs } from './query-jobs.js';
import type { Store } from './store.js';

export interface RouteContext {
  store: Store;
  queries: QueryJobs;
  jobs: JobRegistry;
  clock: () => Date;
  /** `http://127.0.0.1:PORT`, for selfLinks. */
  baseUrl: string;
  defaultProjectId: string;
}

export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export interface RouteResponse {
  status?: number;
  body?: unknown;
}

export interface Route {
  method: string;
  /** Path pattern below `/bigquery/v2`, with `:name` segments. */
  pattern: string;
  /** The REST operation name that faults target (`tables.get`). */
  operation: string;
  handle(context: RouteContext, request: RouteRequest): RouteResponse | Promise<RouteResponse>;
}

/** `pageToken` is the offset of the next item; a simple, stable scheme for a static store. */
export function pageOf<T>(items: T[], query: URLSearchParams, defaultMax: number) {
  const startIndex = Number(query.get('startIndex') ?? 0);
  const offset = query.has('pageToken') ? Number(query.get('pageToken')) : startIndex;
  const maxResults = query.has('maxResults') ? Number(query.get('maxResults')) : defaultMax;
  const safeOffset = Number.isFinite(offset) && offset > 0 ? Math.floor(offset) : 0;
  const safeMax = Number.isFinite(maxResults) && maxResults > 0 ? Math.floor(maxResults) : defaultMax;
  const page = items.slice(safeOffset, safeOffset + safeMax);
  const next = safeOffset + page.length;
  return { page, nextPageToken: next < items.length ? String(next) : undefined };
}
