// Serves a UnaryHandlers map as a gRPC service on loopback, from the service's own proto:
// RpcError becomes that gRPC status, faults are applied before every call, and RPCs
// without a handler answer UNIMPLEMENTED as Google's servers do. A service may also serve
// bidirectional streaming RPCs (Logging's TailLogEntries) through `streamHandlers`; the
// same faults apply when a stream opens.
import * as grpc from '@grpc/grpc-js';
import type { FaultRegistry, FaultService } from '../faults.js';
import { RpcError, type UnaryHandlers } from '../log-contract.js';
import type { LoadedProto } from './protos.js';
import { applyRpcFault } from './rpc-faults.js';

/** A server-side bidirectional stream in @grpc/proto-loader's object shape. */
export type DuplexCall = grpc.ServerDuplexStream<Record<string, unknown>, Record<string, unknown>>;
/**
 * Serves one bidirectional streaming call. It owns the call until it ends it: with
 * `call.end()` (OK), `call.emit('error', RpcError)` (that status), or the client cancelling.
 */
export type DuplexHandler = (call: DuplexCall) => void;

export interface GrpcServerOptions {
  proto: LoadedProto;
  handlers: UnaryHandlers;
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

export async function startGrpcServer(options: GrpcServerOptions): Promise<RunningGrpcServer> {
  const server = new grpc.Server();
  const implementation: grpc.UntypedServiceImplementation = {};
  for (const [rpcName, method] of Object.entries(options.proto.serviceDefinition)) {
    if (method.requestStream || method.responseStream) {
      const streamHandler = options.streamHandlers?.[rpcName];
      if (method.requestStream && method.responseStream && streamHandler) {
        implementation[rpcName] = (call: DuplexCall) => serveDuplex(options, rpcName, call, streamHandler);
      }
      continue; // other streaming RPCs stay UNIMPLEMENTED
    }
    const handler = options.handlers[rpcName];
    implementation[rpcName] = (
      call: grpc.ServerUnaryCall<Record<string, unknown>, Record<string, unknown>>,
      callback: grpc.sendUnaryData<Record<string, unknown>>,
    ) => {
      void (async () => {
        const verdict = await applyRpcFault(options.faults, options.faultService, rpcName);
        if (verdict.kind === 'hang') return;
        if (verdict.kind === 'fail') throw verdict.error;
        if (!handler)
          throw new RpcError(
            grpc.status.UNIMPLEMENTED,
            `Method ${rpcName} is not implemented by the local cloud.`,
          );
        return handler(call.request);
      })().then(
        (response) => {
          if (response !== undefined) callback(null, response);
        },
        (error: unknown) => callback(toServiceError(error)),
      );
    };
  }
  server.addService(options.proto.serviceDefinition, implementation);
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
