// The one nodejs-logging sample the local cloud refuses: the generated
// config_service_v2.copy_log_entries.js, which copies a log bucket's entries to Cloud
// Storage (the local cloud has none). It must fail at once, over gRPC and over REST alike,
// with the local cloud's one answer for a missing call: UNIMPLEMENTED naming the RPC,
// reason `notImplemented` (HTTP 501 over REST). Every other sinks.js and generated
// ConfigServiceV2 / MetricsServiceV2 sample passes: logging-config-samples.test.ts.
import { v2 } from '@google-cloud/logging';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultRegistry } from '../src/faults.js';
import { type LoggingEmulator, startLoggingEmulator, startLoggingRestGateway } from '../src/logging/index.js';
import { LOGGING_CONFIG_SERVICE_NAME } from '../src/rpc/protos.js';
import type { RestGateway } from '../src/rpc/rest-gateway.js';
import { loggingClientOptions } from './logging-clients.js';

const PROJECT = 'samples-project';
const TRANSPORTS = ['grpc', 'rest'] as const;
type Transport = (typeof TRANSPORTS)[number];
let emulator: LoggingEmulator;
let gateway: RestGateway;
/** Sample → the transports it was refused on as it must be. */
const refused = new Map<string, Set<Transport>>();

beforeAll(async () => {
  const faults = new FaultRegistry();
  emulator = await startLoggingEmulator({ faults, projectId: PROJECT });
  gateway = await startLoggingRestGateway({
    handlers: emulator.handlers,
    services: emulator.services,
    faults,
  });
});
afterAll(async () => {
  const both = [...refused].filter(([, transports]) => transports.size === TRANSPORTS.length);
  console.log(
    `nodejs-logging samples answered UNIMPLEMENTED by name over gRPC and REST: ${both.length} (${[...refused.keys()].join(', ')}).`,
  );
  await Promise.all([gateway?.stop(), emulator?.stop()]);
});

const hostPort = (transport: Transport) => (transport === 'grpc' ? emulator.hostPort : gateway.hostPort);

describe.each(TRANSPORTS)('over %s', (transport) => {
  it('generated config_service_v2.copy_log_entries.js', async () => {
    const options = loggingClientOptions(PROJECT, hostPort(transport), transport) as ConstructorParameters<
      typeof v2.ConfigServiceV2Client
    >[0];
    const client = new v2.ConfigServiceV2Client(options);
    // As generated: `const [operation] = await loggingClient.copyLogEntries(request);`
    const request = {
      name: `projects/${PROJECT}/locations/global/buckets/_Default`,
      destination: 'storage.googleapis.com/my-archive',
    };
    try {
      await expect(client.copyLogEntries(request)).rejects.toMatchObject({
        code: grpc.status.UNIMPLEMENTED,
        message: expect.stringContaining(
          `The local cloud does not implement ${LOGGING_CONFIG_SERVICE_NAME}/CopyLogEntries.`,
        ),
        reason: 'notImplemented',
      });
      const transports = refused.get('copyLogEntries') ?? new Set<Transport>();
      refused.set('copyLogEntries', transports.add(transport));
    } finally {
      await client.close();
    }
  });
});
