// Serves a UnaryHandlers map as a gRPC service on loopback, from the service's own proto:
// RpcError becomes that gRPC status (with its google.rpc.ErrorInfo when it has one),
// faults are applied before every call, and every RPC of the service without a handler,
// unary or streaming, answers UNIMPLEMENTED naming the call (unimplemented.ts). A service
// may also serve bidirectional streaming RPCs (Logging's TailLogEntries) through
// `streamHandlers`; the same faults apply when a stream opens. Mixins (other services on
// the same port, as Google serves google.cloud.location.Locations next to an API) follow
// the same rules.
import * as grpc from '@grpc/grpc-js';
import type { FaultRegistry, FaultService } from '../faults.js';
import { RpcError, type UnaryHandlers } from '../log-contract.js';
import { DetailedRpcError, grpcStatusDetails } from './error-details.js';
import type { LoadedProto } from './protos.js';
import { applyRpcFault } from './rpc-faults.js';
import { unimplemented } from './unimplemented.js';

/** A server-side bidirectional stream in @grpc/proto-loader's object shape. */
export type DuplexCall = grpc.ServerDuplexStream<Record<string, unknown>, Record<string, unknown>>;
/**
 * Serves one bidirectional streaming call. It owns the call until it ends it: with
 * `call.end()` (OK), `call.emit('error', RpcError)` (that status), or the client cancelling.
 */
export type DuplexHandler = (call: DuplexCall) => void;

/** Another service served on the same port, with its own (possibly empty) handlers. */
interface ServedMixin {
  proto: LoadedProto;
  handlers: UnaryHandlers;
}

export interface GrpcServerOptions {
  proto: LoadedProto;
  handlers: UnaryHandlers;
  mixins?: ServedMixin[] | undefined;
  /** Bidirectional streaming RPCs, by name; streaming RPCs without one stay UNIMPLEMENTED. */
  streamHandlers?: Record<string, DuplexHandler>;
  faults: FaultRegistry;
  faultService: FaultService;
  host?: string;
  port?: number;
}

export interface RunningGrpcServer {
  /** `127.0.0.1:PORT`, the *_EMULATOR_HOST value. */
  hostPort: string;
  port: number;
  stop(): Promise<void>;
}

function toServiceError(error: unknown): Partial<grpc.ServiceError> {
  if (error instanceof DetailedRpcError)
    return { code: error.code, details: error.message, metadata: grpcStatusDetails(error) };
  if (error instanceof RpcError)
    return { code: error.code, details: error.message, metadata: new grpc.Metadata() };
  const message = error instanceof Error ? error.message : String(error);
  return { code: grpc.status.INTERNAL, details: `Internal error in the local cloud: ${message}` };
}

function serveDuplex(
  options: GrpcServerOptions,
  rpcName: string,
  call: DuplexCall,
  handler: DuplexHandler,
): void {
  void applyRpcFault(options.faults, options.faultService, rpcName).then((verdict) => {
    // A 'hang' holds the stream open and silent until the client gives up or cancels.
    if (verdict.kind === 'hang' || call.cancelled) return;
    if (verdict.kind === 'fail') {
      call.emit('error', toServiceError(verdict.error));
      return;
    }
    try {
      handler(call);
    } catch (error) {
      call.emit('error', toServiceError(error));
    }
  });
}

/** A streaming RPC without a handler: every kind of call ends at once with UNIMPLEMENTED. */
function unimplementedStream(
  serviceName: string,
  rpcName: string,
  method: { requestStream: boolean; responseStream: boolean },
): grpc.UntypedHandleCall {
  const error = toServiceError(unimplemented(serviceName, rpcName));
  if (method.requestStream && !method.responseStream) {
    return (_call: grpc.ServerReadableStream<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) =>
      callback(error);
  }
  return (call: grpc.ServerWritableStream<unknown, unknown> | DuplexCall) => {
    call.emit('error', error);
  };
}

function serveUnary(
  options: GrpcServerOptions,
  served: ServedMixin,
  rpcName: string,
): grpc.UntypedHandleCall {
  const handler = served.handlers[rpcName];
  return (
    call: grpc.ServerUnaryCall<Record<string, unknown>, Record<string, unknown>>,
    callback: grpc.sendUnaryData<Record<string, unknown>>,
  ) => {
    void (async () => {
      const verdict = await applyRpcFault(options.faults, options.faultService, rpcName);
      if (verdict.kind === 'hang') return;
      if (verdict.kind === 'fail') throw verdict.error;
      if (!handler) throw unimplemented(served.proto.serviceName, rpcName);
      return handler(call.request);
    })().then(
      (response) => {
        if (response !== undefined) callback(null, response);
      },
      (error: unknown) => callback(toServiceError(error)),
    );
  };
}

function implement(options: GrpcServerOptions, served: ServedMixin, streams: Record<string, DuplexHandler>) {
  const implementation: grpc.UntypedServiceImplementation = {};
  for (const [rpcName, method] of Object.entries(served.proto.serviceDefinition)) {
    if (!method.requestStream && !method.responseStream) {
      implementation[rpcName] = serveUnary(options, served, rpcName);
      continue;
    }
    const streamHandler = streams[rpcName];
    implementation[rpcName] =
      method.requestStream && method.responseStream && streamHandler
        ? (call: DuplexCall) => serveDuplex(options, rpcName, call, streamHandler)
        : unimplementedStream(served.proto.serviceName, rpcName, method);
  }
  return implementation;
}

export async function startGrpcServer(options: GrpcServerOptions): Promise<RunningGrpcServer> {
  const server = new grpc.Server();
  const main = { proto: options.proto, handlers: options.handlers };
  server.addService(options.proto.serviceDefinition, implement(options, main, options.streamHandlers ?? {}));
  for (const mixin of options.mixins ?? []) {
    server.addService(mixin.proto.serviceDefinition, implement(options, mixin, {}));
  }
  const host = options.host ?? '127.0.0.1';
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(
      `${host}:${options.port ?? 0}`,
      grpc.ServerCredentials.createInsecure(),
      (error, bound) => (error ? reject(error) : resolve(bound)),
    );
  });
  return {
    hostPort: `${host}:${port}`,
    port,
    // forceShutdown: hung calls (injected 'hang') would otherwise keep the server alive.
    stop: async () => server.forceShutdown(),
  };
}
