// The local cloud's Cloud Logging: every RPC of google.logging.v2.LoggingServiceV2 over
// gRPC (and its unary RPCs over REST), holding the entries clients write and the messages
// of DTS runs as real DTS writes them, queried with Logging's query language (filter.ts),
// and streamed to live tails (TailLogEntries) as they are written. The Logging API's two
// other services, ConfigServiceV2 and MetricsServiceV2, and the long-running operations
// some of their calls start, are served on the same ports (config-service.ts); what they
// do not implement answers UNIMPLEMENTED by name. The package README's fidelity table
// lists what differs from the real service.
import type { FaultRegistry } from '../faults.js';
import type { TransferLogSink, UnaryHandlers } from '../log-contract.js';
import { startGrpcServer } from '../rpc/grpc-server.js';
import {
  LOGGING_SERVICE_NAME,
  type LoadedProto,
  loadLoggingMixinProtos,
  loadLoggingOperationsProto,
  loadLoggingProto,
} from '../rpc/protos.js';
import { type RestGateway, startRestGateway } from '../rpc/rest-gateway.js';
import { createLoggingConfig } from './config-service.js';
import { createEntryRouter } from './entry-routing.js';
import { createLoggingHandlers } from './handlers.js';
import { dtsLogName } from './log-record.js';
import { LogStore } from './log-store.js';
import { createTailService } from './tail.js';

export { createLoggingHandlers } from './handlers.js';
export { LogStore } from './log-store.js';

/** The services served next to LoggingServiceV2 on the Logging ports. */
function loggingMixins(): LoadedProto[] {
  return [...loadLoggingMixinProtos(), loadLoggingOperationsProto()];
}

export interface LoggingEmulatorOptions {
  faults: FaultRegistry;
  /** The project whose `projects/P` resource the entries of DTS runs belong to. */
  projectId: string;
  host?: string | undefined;
  port?: number | undefined;
  /** Stamps receiveTimestamp (and WriteLogEntries entries without a timestamp). */
  clock?: (() => Date) | undefined;
  /** Live-tailing sessions allowed open at once; default 10, as Cloud Logging. */
  maxTailSessions?: number | undefined;
}

export interface LoggingEmulator {
  /** `127.0.0.1:PORT`: the LOGGING_EMULATOR_HOST value. */
  hostPort: string;
  /** The log DTS run messages go to in `projectId`: what a `logName=` filter names. */
  logName: string;
  /** Where the DTS runner appends run messages. */
  sink: TransferLogSink;
  /** The same RPCs for the REST gateway. */
  handlers: UnaryHandlers;
  /** ConfigServiceV2, MetricsServiceV2 and Operations handlers, by service name, for the REST gateway. */
  services: Record<string, UnaryHandlers>;
  store: LogStore;
  /** Live-tailing sessions open now. */
  openTailSessions(): number;
  stop(): Promise<void>;
}

export async function startLoggingEmulator(options: LoggingEmulatorOptions): Promise<LoggingEmulator> {
  if (!options.projectId) throw new Error('startLoggingEmulator needs a projectId.');
  const store = new LogStore(options.clock);
  const config = createLoggingConfig(options.clock);
  const handlers = createLoggingHandlers(store, createEntryRouter(config.store));
  const tail = createTailService({ store, maxSessions: options.maxTailSessions });
  const server = await startGrpcServer({
    proto: loadLoggingProto(),
    handlers,
    streamHandlers: { TailLogEntries: tail.handler },
    // Logging clients call sinks, buckets, views, exclusions, metrics and operations here.
    mixins: loggingMixins().map((proto) => ({ proto, handlers: config.services[proto.serviceName] ?? {} })),
    faults: options.faults,
    faultService: 'logging',
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  return {
    hostPort: server.hostPort,
    logName: dtsLogName(options.projectId),
    sink: store,
    handlers,
    services: config.services,
    store,
    openTailSessions: tail.openSessions,
    stop: async () => {
      tail.stop();
      await server.stop();
    },
  };
}

export interface LoggingRestGatewayOptions {
  /** The LoggingServiceV2 handlers to answer with (`LoggingEmulator.handlers`). */
  handlers: UnaryHandlers;
  /** The other services' handlers (`LoggingEmulator.services`), sharing the emulator's state. */
  services: Record<string, UnaryHandlers>;
  faults: FaultRegistry;
  host?: string | undefined;
  port?: number | undefined;
}

/**
 * The REST face of the local Cloud Logging (what google-gax's `fallback: true` calls):
 * LoggingServiceV2's unary RPCs, ConfigServiceV2, MetricsServiceV2 and Logging's
 * operations, with HTTP 501 `notImplemented` by name for what is not implemented, as over gRPC.
 */
export function startLoggingRestGateway(options: LoggingRestGatewayOptions): Promise<RestGateway> {
  return startRestGateway({
    root: loadLoggingProto().root,
    serviceName: LOGGING_SERVICE_NAME,
    handlers: options.handlers,
    mixins: loggingMixins().map(({ root, serviceName }) => ({
      root,
      serviceName,
      handlers: options.services[serviceName] ?? {},
    })),
    faults: options.faults,
    faultService: 'logging',
    host: options.host,
    port: options.port,
  });
}
