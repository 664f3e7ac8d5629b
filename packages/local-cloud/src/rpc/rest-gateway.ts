// The REST face of a local-cloud gRPC service: what google-gax's REST transport
// (`fallback: true`) calls. Routes come from the service's `google.api.http` annotations,
// requests are rebuilt from path, query and JSON body, the same UnaryHandlers as the gRPC
// server answer, and RpcErrors become the Google JSON error body gax decodes. A method of
// the service without a handler answers 501 UNIMPLEMENTED (reason `notImplemented`)
// naming the call; a URL no method of the service answers is 404.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { status } from '@grpc/grpc-js';
import type protobuf from 'protobufjs';
import type { FaultRegistry } from '../faults.js';
import { readBody, sendJson } from '../http-body.js';
import { answeringServer, listenOnLoopback } from '../http-listen.js';
import { RpcError, type UnaryHandlers } from '../log-contract.js';
import { DetailedRpcError, restErrorDetails } from './error-details.js';
import { BadRequestError, buildRequest, encodeResponse } from './rest-request.js';
import { compileRoutes, findRoute, type HttpRoute } from './rest-routes.js';
import { applyRpcFault } from './rpc-faults.js';
import { unimplemented } from './unimplemented.js';

/** A service the gateway answers for: its protobufjs Root, full name and handlers. */
interface RestService {
  /** A protobufjs Root holding the service (e.g. `loadDtsProto().root`). */
  root: protobuf.Root;
  /** Fully qualified, e.g. `google.cloud.bigquery.datatransfer.v1.DataTransferService`. */
  serviceName: string;
  handlers: UnaryHandlers;
}

export interface RestGatewayOptions extends RestService {
  /** Other services on the same gateway (e.g. the Locations mixin), matched after the main one. */
  mixins?: RestService[] | undefined;
  faults: FaultRegistry;
  faultService: 'dts' | 'logging';
  host?: string | undefined;
  /** 0 (default) picks a free port. */
  port?: number | undefined;
}

export interface RestGateway {
  hostPort: string;
  /** `http://host:port`, what a client's `apiEndpoint` + `port` + `protocol: 'http'` reach. */
  url: string;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** google.rpc.Code → HTTP status, as Google's REST APIs map them (google/rpc/code.proto). */
const HTTP_STATUS: Record<number, number> = {
  [status.CANCELLED]: 499,
  [status.UNKNOWN]: 500,
  [status.INVALID_ARGUMENT]: 400,
  [status.DEADLINE_EXCEEDED]: 504,
  [status.NOT_FOUND]: 404,
  [status.ALREADY_EXISTS]: 409,
  [status.PERMISSION_DENIED]: 403,
  [status.RESOURCE_EXHAUSTED]: 429,
  [status.FAILED_PRECONDITION]: 400,
  [status.ABORTED]: 409,
  [status.OUT_OF_RANGE]: 400,
  [status.UNIMPLEMENTED]: 501,
  [status.INTERNAL]: 500,
  [status.UNAVAILABLE]: 503,
  [status.DATA_LOSS]: 500,
  [status.UNAUTHENTICATED]: 401,
};

function routesOf(served: RestService): { served: RestService; routes: HttpRoute[] } {
  const service = served.root.lookupService(served.serviceName);
  service.resolveAll();
  return { served, routes: compileRoutes(service) };
}

export async function startRestGateway(options: RestGatewayOptions): Promise<RestGateway> {
  const services = [options, ...(options.mixins ?? [])].map(routesOf);
  const stopping = new AbortController();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let served: RestService | undefined;
    let found: ReturnType<typeof findRoute>;
    for (const candidate of services) {
      found = findRoute(candidate.routes, request.method ?? 'GET', url.pathname);
      served = candidate.served;
      if (found) break;
    }
    if (!found || !served) {
      throw new RpcError(
        status.NOT_FOUND,
        `No ${options.serviceName} method answers ${request.method} ${url.pathname} in the local cloud.`,
      );
    }
    const name = found.route.method.name;
    const handler = served.handlers[name];
    if (!handler) throw unimplemented(served.serviceName, name);
    const body = await readBody(request, {
      maxBytes: MAX_BODY_BYTES,
      tooLarge: () => new BadRequestError(`The request body exceeds ${MAX_BODY_BYTES} bytes.`),
    });
    const rpcRequest = buildRequest(found.route, found.values, url.searchParams, body.toString('utf8'));
    const verdict = await applyRpcFault(options.faults, options.faultService, name);
    if (verdict.kind === 'fail') throw verdict.error;
    if (verdict.kind === 'hang') {
      // Never answers: the caller gives up, or stop() closes the connection.
      await new Promise<never>((_, reject) => {
        stopping.signal.addEventListener('abort', () => reject(new Error('gateway stopped')), { once: true });
      });
    }
    const result = await handler(rpcRequest);
    const numericEnums = (url.searchParams.get('$alt') ?? '').includes('enum-encoding=int');
    sendJson(response, 200, encodeResponse(found.route, result, numericEnums));
  }

  const server = answeringServer(handle, (response, error) => {
    if (!stopping.signal.aborted) sendError(response, error);
  });
  const listening = await listenOnLoopback(server, options.host, options.port);
  return {
    ...listening,
    // Ends hung calls unanswered (their failure is not sent), then closes every socket.
    async stop() {
      stopping.abort();
      await listening.stop();
    },
  };
}

function sendError(response: ServerResponse, error: unknown): void {
  const code =
    error instanceof RpcError
      ? error.code
      : error instanceof BadRequestError
        ? status.INVALID_ARGUMENT
        : status.INTERNAL;
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof DetailedRpcError ? restErrorDetails(error) : {};
  sendJson(response, HTTP_STATUS[code] ?? 500, {
    error: { code: HTTP_STATUS[code] ?? 500, message, status: status[code], ...details },
  });
}
