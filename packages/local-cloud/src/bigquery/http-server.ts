// The local BigQuery's REST front door on loopback: routes `/bigquery/v2/...` (and the
// same paths without the prefix, which is what the client sends when it reads
// BIGQUERY_EMULATOR_HOST) to the handlers, consults the fault registry before each
// operation, and renders every failure in BigQuery's JSON error shape. A real API method
// the local cloud does not serve answers 501 `notImplemented` naming it.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FaultRegistry } from '../faults.js';
import { type BodyBounds, readBody } from '../http-body.js';
import { answeringServer } from '../http-listen.js';
import { BigQueryApiError, reasonForStatus } from './errors.js';
import type { Route, RouteContext } from './http-types.js';
import { restMethodOf } from './rest-methods.js';

const API_PREFIX = '/bigquery/v2';
const UPLOAD_PREFIX = '/upload/bigquery/v2';
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Media uploads may be larger; the local cloud keeps them in memory, so it bounds them. */
const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
/** A request body must arrive within this long, so a stalled client cannot pin a socket. */
const BODY_DEADLINE_MS = 30_000;

interface CompiledRoute {
  route: Route;
  method: string;
  segments: string[];
}

export interface HttpServerOptions {
  routes: Route[];
  context: () => RouteContext;
  faults: FaultRegistry;
  sleep: (ms: number) => Promise<void>;
}

export function createBigQueryHttpServer(options: HttpServerOptions): Server {
  const compiled: CompiledRoute[] = options.routes.map((route) => ({
    route,
    method: route.method,
    segments: route.pattern.split('/').filter(Boolean),
  }));
  return answeringServer(
    (request, response) => handle(compiled, options, request, response),
    (response, error) => sendError(response, error instanceof BigQueryApiError ? error : internal(error)),
  );
}

function notImplemented(method: string): BigQueryApiError {
  return new BigQueryApiError('notImplemented', `The local cloud does not implement ${method}.`);
}

function internal(error: unknown): BigQueryApiError {
  return new BigQueryApiError(
    'backendError',
    `Internal error in the local BigQuery: ${(error as Error)?.message}`,
  );
}

async function handle(
  routes: CompiledRoute[],
  options: HttpServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  let path = url.pathname;
  if (path.startsWith(API_PREFIX)) path = path.slice(API_PREFIX.length);
  // Media uploads are routed under `/upload/…`, with their body read raw.
  if (path.startsWith(UPLOAD_PREFIX)) path = `/upload${path.slice(UPLOAD_PREFIX.length)}`;
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const method = request.method ?? 'GET';
  const match = findRoute(routes, method, segments);
  if (!match) {
    const known = restMethodOf(method, segments);
    if (known) throw notImplemented(`bigquery.${known}`);
    throw new BigQueryApiError(
      'notFound',
      `The BigQuery v2 API has no method ${method} ${url.pathname}`,
      404,
    );
  }
  const raw = match.route.rawBody ? await readBody(request, bodyBounds(MAX_UPLOAD_BYTES)) : undefined;
  const body = raw ? {} : await readJsonBody(request);
  const fault = options.faults.take('bigquery', match.route.operation);
  if (fault?.kind === 'hang') return; // never answered; stop() closes the socket
  if (fault?.kind === 'latency') await options.sleep(fault.latencyMs ?? 0);
  if (fault?.kind === 'error') {
    const status = fault.code ?? 500;
    throw new BigQueryApiError(
      reasonForStatus(status),
      fault.message ?? `Injected fault on ${match.route.operation}`,
      status,
    );
  }
  const result = await match.route.handle(options.context(), {
    params: match.params,
    query: url.searchParams,
    body,
    raw: raw ? { bytes: raw, contentType: request.headers['content-type'] ?? '' } : undefined,
  });
  const status = result.status ?? 200;
  if (status === 204) {
    response.writeHead(204).end();
    return;
  }
  const text = JSON.stringify(result.body ?? {}, (_key, value) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
  response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' }).end(text);
}

function findRoute(routes: CompiledRoute[], method: string, segments: string[]) {
  for (const candidate of routes) {
    if (candidate.method !== method || candidate.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = candidate.segments.every((segment, index) => {
      const actual = segments[index] ?? '';
      if (segment.startsWith(':')) {
        // `table:getIamPolicy` is a custom verb, never an id (ids cannot hold ':').
        params[segment.slice(1)] = actual;
        return !actual.includes(':');
      }
      return segment === actual;
    });
    if (matches) return { route: candidate.route, params };
  }
  return undefined;
}

/** Bounds a body to `maxBytes` and the deadline, failing in BigQuery's error shape. */
function bodyBounds(maxBytes: number): BodyBounds {
  return {
    maxBytes,
    tooLarge: () =>
      new BigQueryApiError('invalid', `Request body is larger than ${maxBytes / 1024 / 1024} MB.`),
    deadlineMs: BODY_DEADLINE_MS,
  };
}

async function readJsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const bytes = await readBody(request, bodyBounds(MAX_BODY_BYTES));
  if (bytes.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error('not an object');
    }
    return parsed as Record<string, unknown>;
  } catch {
    throw new BigQueryApiError(
      'badRequest',
      'Invalid JSON payload received: the request body must be a JSON object.',
    );
  }
}

function sendError(response: ServerResponse, error: BigQueryApiError): void {
  if (response.headersSent || response.destroyed) return;
  response
    .writeHead(error.status, { 'content-type': 'application/json; charset=UTF-8' })
    .end(JSON.stringify(error.toJSON()));
}
