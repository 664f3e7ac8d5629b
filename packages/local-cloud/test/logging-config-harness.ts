// A local Cloud Logging (gRPC and REST) with a settable clock, and the official
// ConfigServiceV2 / MetricsServiceV2 / LoggingServiceV2 clients on it, for the tests of
// sinks, exclusions, buckets, views, links, settings and log-based metrics.
import { v2 } from '@google-cloud/logging';
import { FaultRegistry } from '../src/faults.js';
import { type LoggingEmulator, startLoggingEmulator, startLoggingRestGateway } from '../src/logging/index.js';
import type { RestGateway } from '../src/rpc/rest-gateway.js';
import { loggingClientOptions } from './logging-clients.js';

type Options = ConstructorParameters<typeof v2.ConfigServiceV2Client>[0];

export interface ConfigHarness {
  emulator: LoggingEmulator;
  gateway: RestGateway;
  /** Moves the emulator's clock forward. */
  advance(days: number): void;
  config(transport?: 'grpc' | 'rest'): InstanceType<typeof v2.ConfigServiceV2Client>;
  metrics(transport?: 'grpc' | 'rest'): InstanceType<typeof v2.MetricsServiceV2Client>;
  logging(): InstanceType<typeof v2.LoggingServiceV2Client>;
  stop(): Promise<void>;
}

export async function startConfigHarness(projectId: string): Promise<ConfigHarness> {
  let now = Date.now();
  const faults = new FaultRegistry();
  const emulator = await startLoggingEmulator({ faults, projectId, clock: () => new Date(now) });
  const gateway = await startLoggingRestGateway({
    handlers: emulator.handlers,
    services: emulator.services,
    faults,
  });
  const clients: { close(): Promise<void> }[] = [];
  const options = (transport: 'grpc' | 'rest') =>
    loggingClientOptions(
      projectId,
      transport === 'grpc' ? emulator.hostPort : gateway.hostPort,
      transport,
    ) as Options;
  const track = <T extends { close(): Promise<void> }>(client: T): T => {
    clients.push(client);
    return client;
  };
  return {
    emulator,
    gateway,
    advance: (days) => {
      now += days * 86_400_000;
    },
    config: (transport = 'grpc') => track(new v2.ConfigServiceV2Client(options(transport))),
    metrics: (transport = 'grpc') => track(new v2.MetricsServiceV2Client(options(transport))),
    logging: () => track(new v2.LoggingServiceV2Client(options('grpc'))),
    async stop() {
      await Promise.all(clients.map((client) => client.close()));
      await Promise.all([gateway.stop(), emulator.stop()]);
    },
  };
}

/** The gRPC status code a call fails with (the official clients surface it on both transports). */
export async function codeOf(call: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return (error as { code: number }).code;
  }
}
