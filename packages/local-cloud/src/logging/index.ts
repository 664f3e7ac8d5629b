// The local cloud's Cloud Logging: every RPC of google.logging.v2.LoggingServiceV2 over
// gRPC, holding the entries clients write and the messages of DTS runs as real DTS writes
// them, queried with Logging's query language (filter.ts), and streamed to live tails
// (TailLogEntries) as they are written. docs/fidelity-logging.md lists what differs.
import type { FaultRegistry } from '../faults.js';
import type { TransferLogSink, UnaryHandlers } from '../log-contract.js';
import { startGrpcServer } from '../rpc/grpc-server.js';
import { loadLoggingProto } from '../rpc/protos.js';
import { createLoggingHandlers } from './handlers.js';
import { dtsLogName } from './log-record.js';
import { LogStore } from './log-store.js';
import { createTailService } from './tail.js';

export { createLoggingHandlers } from './handlers.js';
export { dtsLogName } from './log-record.js';
export { LogStore } from './log-store.js';
export { DEFAULT_MAX_TAIL_SESSIONS } from './tail.js';

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
  store: LogStore;
  /** Live-tailing sessions open now. */
  openTailSessions(): number;
  stop(): Promise<void>;
}

export async function startLoggingEmulator(options: LoggingEmulatorOptions): Promise<LoggingEmulator> {
  if (!options.projectId) throw new Error('startLoggingEmulator needs a projectId.');
  const store = new LogStore(options.clock);
  const handlers = createLoggingHandlers(store);
  const tail = createTailService({ store, maxSessions: options.maxTailSessions });
  const server = await startGrpcServer({
    proto: loadLoggingProto(),
    handlers,
    streamHandlers: { TailLogEntries: tail.handler },
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
    store,
    openTailSessions: tail.openSessions,
    stop: async () => {
      tail.stop();
      await server.stop();
    },
  };
}
