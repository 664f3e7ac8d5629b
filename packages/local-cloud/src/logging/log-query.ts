// The request fields the Logging list calls share, checked as the real API checks them:
// resource names, orderBy, pageSize and page tokens.
import { status } from '@grpc/grpc-js';
import { RpcError } from '../log-contract.js';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

const PARENT = /^(projects|organizations|folders|billingAccounts)\/[^/]+$/;

export function validateResourceNames(names: string[]): string[] {
  if (names.length === 0) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      'resourceNames is required: name the project, e.g. "projects/P".',
    );
  }
  for (const name of names) {
    if (!PARENT.test(name)) {
      throw new RpcError(
        status.INVALID_ARGUMENT,
        `Invalid resource name "${name}": use "projects/PROJECT_ID" (log buckets and views are not emulated).`,
      );
    }
  }
  return names;
}

export function validateParent(parent: string): string {
  if (!PARENT.test(parent)) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `Invalid parent "${parent}": use "projects/PROJECT_ID" (or organizations/, folders/, billingAccounts/).`,
    );
  }
  return parent;
}

/** True for descending order. Logging orders by timestamp only. */
export function parseOrderBy(orderBy: string): boolean {
  const normalized = orderBy.trim().replace(/\s+/g, ' ');
  if (normalized === '' || normalized === 'timestamp' || normalized === 'timestamp asc') return false;
  if (normalized === 'timestamp desc') return true;
  throw new RpcError(
    status.INVALID_ARGUMENT,
    `Invalid orderBy "${orderBy}": only "timestamp asc" and "timestamp desc" are supported.`,
  );
}

/** ListLogEntries' pageSize: default 50; "negative or exceeds 1000, the request is rejected". */
export function validatePageSize(pageSize: number): number {
  if (pageSize < 0 || pageSize > MAX_PAGE_SIZE) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `pageSize must be between 0 and ${MAX_PAGE_SIZE}, got ${pageSize}: page through larger results with pageToken.`,
    );
  }
  return pageSize === 0 ? DEFAULT_PAGE_SIZE : pageSize;
}

// A page token binds the offset to the request it came from (resources and order), not to
// the filter: getEntries appends a fresh `timestamp >= now-24h` to every call, so a caller
// paging by hand never sends the exact same filter twice.
/**
 * The page of `items` the request's page token points at: `pageSize` items, or all the
 * rest when it is undefined, with the token of the next page ('' after the last).
 */
export function pageFromToken<T>(
  items: readonly T[],
  pageToken: string,
  pageSize: number | undefined,
  key: string,
): { page: T[]; nextPageToken: string } {
  const offset = decodePageToken(pageToken, key);
  const page = items.slice(offset, pageSize === undefined ? undefined : offset + pageSize);
  const next = offset + page.length;
  return { page, nextPageToken: next < items.length ? encodePageToken(next, key) : '' };
}

export function encodePageToken(offset: number, key: string): string {
  return Buffer.from(JSON.stringify({ offset, key })).toString('base64url');
}

export function decodePageToken(token: string, key: string): number {
  if (token === '') return 0;
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      offset?: unknown;
      key?: unknown;
    };
    if (typeof decoded.offset === 'number' && decoded.offset >= 0 && decoded.key === key) {
      return decoded.offset;
    }
  } catch {
    // Falls through to the error below.
  }
  throw new RpcError(
    status.INVALID_ARGUMENT,
    'Invalid pageToken: it must come from a previous response to the same request.',
  );
}
