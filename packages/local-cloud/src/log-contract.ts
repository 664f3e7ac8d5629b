// The seam between the local cloud's transfer runner and its Cloud Logging store: every
// message a run writes to its transfer log also becomes a log entry, as in real DTS.

export type LogSeverity = 'INFO' | 'WARNING' | 'ERROR';

export interface TransferLogEntry {
  projectId: string;
  location: string;
  /** The transfer config's id (last segment of its name). */
  configId: string;
  /** The run's id (last segment of its name). */
  runId: string;
  time: Date;
  severity: LogSeverity;
  message: string;
}

export interface TransferLogSink {
  append(entry: TransferLogEntry): void;
}

/**
 * A unary RPC implementation shared by the gRPC server and the REST gateway. Requests and
 * responses are plain objects in @grpc/proto-loader's shape with PROTO_LOADER_OPTIONS.
 */
type UnaryHandler = (request: Record<string, unknown>) => Promise<Record<string, unknown>>;
export type UnaryHandlers = Record<string, UnaryHandler>;

/** An RPC failure with a gRPC status code, raised by handlers and mapped by each transport. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

export const PROTO_LOADER_OPTIONS = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
} as const;
