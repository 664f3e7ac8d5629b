// The shapes shared by the local BigQuery's HTTP server and its route handlers, and the
// paging every list shares.
import type { Warehouse } from '../warehouse-contract.js';
import type { JobRegistry } from './jobs.js';
import type { QueryJobs } from './query-jobs.js';
import type { Store } from './store.js';

export interface RouteContext {
  store: Store;
  queries: QueryJobs;
  jobs: JobRegistry;
  clock: () => Date;
  /** The load job path, shared with transfer runs. */
  warehouse: Warehouse;
  /** `http://127.0.0.1:PORT`, for selfLinks. */
  baseUrl: string;
  defaultProjectId: string;
}

interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** The unparsed body, for routes that take one (media uploads). */
  raw?: { bytes: Buffer; contentType: string } | undefined;
}

interface RouteResponse {
  status?: number;
  body?: unknown;
}

export interface Route {
  method: string;
  /** Path pattern below `/bigquery/v2`, with `:name` segments. */
  pattern: string;
  /** The REST operation name that faults target (`tables.get`). */
  operation: string;
  /** Read the body as bytes rather than JSON. */
  rawBody?: boolean;
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
