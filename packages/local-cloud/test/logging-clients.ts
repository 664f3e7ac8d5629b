// The official Cloud Logging clients pointed at a local Logging endpoint, with explicit
// dummy credentials so nothing probes a metadata server: @google-cloud/logging's Logging
// (what the samples use) and its generated v2 LoggingServiceV2Client, over gRPC or REST.
import { Logging, type protos, v2 } from '@google-cloud/logging';
import * as grpc from '@grpc/grpc-js';
import { PassThroughClient } from 'google-auth-library';

export type LoggingV2Client = InstanceType<typeof v2.LoggingServiceV2Client>;
/** A LogEntry as the v2 client returns it, with its `payload` oneof discriminator. */
export type LogEntryMessage = protos.google.logging.v2.ILogEntry & { payload?: string };
type ListRequest = protos.google.logging.v2.IListLogEntriesRequest;

/** One page of ListLogEntries through the generated client. */
export async function listEntries(client: LoggingV2Client, request: ListRequest): Promise<LogEntryMessage[]> {
  const [entries] = await client.listLogEntries(request, { autoPaginate: false });
  return entries as LogEntryMessage[];
}

function splitHostPort(hostPort: string): { host: string; port: number } {
  const index = hostPort.lastIndexOf(':');
  return { host: hostPort.slice(0, index), port: Number(hostPort.slice(index + 1)) };
}

/** Constructor options for either client, over gRPC (default) or google-gax's REST transport. */
export function loggingClientOptions(
  projectId: string,
  hostPort: string,
  transport: 'grpc' | 'rest' = 'grpc',
) {
  const { host, port } = splitHostPort(hostPort);
  if (transport === 'rest') {
    return {
      projectId,
      apiEndpoint: host,
      port,
      protocol: 'http',
      fallback: true,
      // Lets every HTTP status through so gax decodes Google's error body into a gRPC code.
      authClient: new PassThroughClient({ transporterOptions: { validateStatus: () => true } }),
    };
  }
  return {
    projectId,
    apiEndpoint: host,
    port,
    sslCreds: grpc.credentials.createInsecure(),
    authClient: new PassThroughClient(),
  };
}

export function loggingClient(
  projectId: string,
  hostPort: string,
  transport: 'grpc' | 'rest' = 'grpc',
): Logging {
  return new Logging(
    loggingClientOptions(projectId, hostPort, transport) as unknown as ConstructorParameters<
      typeof Logging
    >[0],
  );
}

export function loggingV2Client(projectId: string, hostPort: string): LoggingV2Client {
  return new v2.LoggingServiceV2Client(
    loggingClientOptions(projectId, hostPort) as ConstructorParameters<typeof v2.LoggingServiceV2Client>[0],
  );
}

/** Entries the tests wrote, without the client's own instrumentation (diagnostic) entry. */
export function withoutDiagnostics<T extends { data?: unknown }>(entries: T[]): T[] {
  return entries.filter(
    (entry) => !JSON.stringify(entry.data ?? '').includes('logging.googleapis.com/diagnostic'),
  );
}
