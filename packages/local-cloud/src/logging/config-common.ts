// What the ConfigServiceV2 and MetricsServiceV2 handlers share: list pages with page
// tokens, update masks, filters checked through the query-language parser, and the
// Timestamp messages resources carry, all in @grpc/proto-loader's object shape.
import { status } from '@grpc/grpc-js';
import { RpcError } from '../log-contract.js';
import { compileLogFilter } from './filter.js';
import { pageFromToken } from './log-query.js';

/** A google.protobuf.Timestamp as proto-loader gives it (longs as strings). */
export type TimestampMessage = {
  seconds: string;
  nanos: number;
};

export function timestampOf(date: Date): TimestampMessage {
  const millis = date.getTime();
  return { seconds: String(Math.floor(millis / 1000)), nanos: (millis % 1000) * 1_000_000 };
}

/**
 * "Non-positive values are ignored": a pageSize of 0 or less gets the service's own page
 * size. Logging does not document it for these lists; the local cloud uses 50, Logging's
 * documented default for entries, so that a client which never follows nextPageToken
 * fails here as it would against the real service once a parent holds more.
 */
const DEFAULT_PAGE_SIZE = 50;

/** One page of `items` (already in the service's order) from the request's page token. */
export function pageOf<T>(
  items: readonly T[],
  request: Record<string, unknown>,
  key: string,
): { page: T[]; nextPageToken: string } {
  const asked = Number(request.pageSize ?? 0);
  const pageSize = Number.isInteger(asked) && asked > 0 ? asked : DEFAULT_PAGE_SIZE;
  return pageFromToken(items, (request.pageToken as string | undefined) ?? '', pageSize, key);
}

const snakeCase = (path: string) => path.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`);

/** The update mask's paths in snake_case (REST sends camelCase), or [] when absent. */
export function maskPaths(request: Record<string, unknown>): string[] {
  const mask = request.updateMask as { paths?: string[] } | null | undefined;
  return (mask?.paths ?? []).map(snakeCase);
}

/** Refuses a path no update may name: `name`, output-only fields, or unknown ones. */
export function checkMask(paths: string[], updatable: readonly string[], resource: string): void {
  for (const path of paths) {
    if (!updatable.includes(path)) {
      throw new RpcError(
        status.INVALID_ARGUMENT,
        `updateMask names "${path}", which cannot be updated on a ${resource}: use ${updatable.join(', ')}.`,
      );
    }
  }
}

const MAX_FILTER_LENGTH = 20_000;

/** A filter as the Logging query language parses it: a bad one fails INVALID_ARGUMENT. */
export function checkFilter(value: unknown, field: string, isRequired: boolean): string {
  const filter = typeof value === 'string' ? value : '';
  if (isRequired && filter.trim() === '') {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `${field} is required: a Logging query such as severity>=ERROR.`,
    );
  }
  if (filter.length > MAX_FILTER_LENGTH) {
    throw new RpcError(status.INVALID_ARGUMENT, `${field} is longer than ${MAX_FILTER_LENGTH} characters.`);
  }
  try {
    compileLogFilter(filter);
  } catch (error) {
    if (error instanceof RpcError) throw new RpcError(error.code, `Invalid ${field}: ${error.message}`);
    throw error;
  }
  return filter;
}

/** A required message field: proto-loader gives null for an unset one. */
export function requiredMessage(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    throw new RpcError(status.INVALID_ARGUMENT, `${field} is required.`);
  }
  return value as Record<string, unknown>;
}

export function notFound(kind: string, name: string): RpcError {
  return new RpcError(status.NOT_FOUND, `${kind} ${name} does not exist.`);
}

export function alreadyExists(kind: string, name: string): RpcError {
  return new RpcError(
    status.ALREADY_EXISTS,
    `${kind} ${name} already exists: choose another id or update it.`,
  );
}

/** A project-like parent's numeric stand-in, stable per name: what writer identities carry. */
export function numberOf(parent: string): string {
  let hash = 0;
  for (const char of parent) hash = (hash * 31 + char.charCodeAt(0)) % 900_000_000_000;
  return String(100_000_000_000 + hash);
}
