// What the local Cloud Logging serves next to LoggingServiceV2 but does not implement:
// ConfigServiceV2's CopyLogEntries (a copy to Cloud Storage, which the local cloud lacks)
// and google.longrunning.Operations' DeleteOperation and WaitOperation (which Logging does
// not bind over HTTP). Every other RPC of ConfigServiceV2, MetricsServiceV2 and Operations
// has a handler. The missing ones give the one honest answer, as DTS's do: UNIMPLEMENTED
// naming the call with the reason `notImplemented` over gRPC, HTTP 501 with a Google error
// body (status UNIMPLEMENTED, reason notImplemented) over REST.
import { v2 } from '@google-cloud/logging';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultRegistry } from '../src/faults.js';
import { type LoggingEmulator, startLoggingEmulator, startLoggingRestGateway } from '../src/logging/index.js';
import {
  LOGGING_CONFIG_SERVICE_NAME,
  LOGGING_METRICS_SERVICE_NAME,
  LOGGING_OPERATIONS_SERVICE_NAME,
  loadLoggingMixinProtos,
  loadLoggingOperationsProto,
} from '../src/rpc/protos.js';
import type { RestGateway } from '../src/rpc/rest-gateway.js';
import { loggingClientOptions } from './logging-clients.js';

const PROJECT = 'unimplemented-project';
const faults = new FaultRegistry();
let emulator: LoggingEmulator;
let gateway: RestGateway;

beforeAll(async () => {
  emulator = await startLoggingEmulator({ faults, projectId: PROJECT });
  gateway = await startLoggingRestGateway({
    handlers: emulator.handlers,
    services: emulator.services,
    faults,
  });
});
afterAll(async () => {
  await Promise.all([gateway?.stop(), emulator?.stop()]);
});

function clientFor(transport: 'grpc' | 'rest') {
  const hostPort = transport === 'grpc' ? emulator.hostPort : gateway.hostPort;
  return new v2.ConfigServiceV2Client(
    loggingClientOptions(PROJECT, hostPort, transport) as ConstructorParameters<
      typeof v2.ConfigServiceV2Client
    >[0],
  );
}

const unimplemented = (service: string, rpc: string) => ({
  code: grpc.status.UNIMPLEMENTED,
  message: expect.stringContaining(`The local cloud does not implement ${service}/${rpc}.`),
  reason: 'notImplemented',
});

describe('the Logging services served next to LoggingServiceV2', () => {
  it('have a handler for every RPC but CopyLogEntries, DeleteOperation and WaitOperation', () => {
    const served = [...loadLoggingMixinProtos(), loadLoggingOperationsProto()];
    expect(served.map((proto) => proto.serviceName)).toEqual([
      LOGGING_CONFIG_SERVICE_NAME,
      LOGGING_METRICS_SERVICE_NAME,
      LOGGING_OPERATIONS_SERVICE_NAME,
    ]);
    const missing = served.flatMap((proto) =>
      proto.service.methodsArray
        .filter((method) => !emulator.services[proto.serviceName]?.[method.name])
        .map((method) => `${proto.serviceName}/${method.name}`),
    );
    expect(missing).toEqual([
      `${LOGGING_CONFIG_SERVICE_NAME}/CopyLogEntries`,
      `${LOGGING_OPERATIONS_SERVICE_NAME}/DeleteOperation`,
      `${LOGGING_OPERATIONS_SERVICE_NAME}/WaitOperation`,
    ]);
  });

  it.each(['grpc', 'rest'] as const)(
    'answer CopyLogEntries with UNIMPLEMENTED by name over %s',
    async (transport) => {
      const client = clientFor(transport);
      try {
        const request = {
          name: `projects/${PROJECT}/locations/global/buckets/_Default`,
          destination: 'storage.googleapis.com/archive',
        };
        await expect(client.copyLogEntries(request)).rejects.toMatchObject(
          unimplemented(LOGGING_CONFIG_SERVICE_NAME, 'CopyLogEntries'),
        );
      } finally {
        await client.close();
      }
    },
  );

  it('answer DeleteOperation over gRPC with UNIMPLEMENTED by name (Logging binds it to no URL)', async () => {
    const client = clientFor('grpc');
    try {
      const name = `projects/${PROJECT}/locations/global/operations/any`;
      await expect(client.operationsClient.deleteOperation({ name })).rejects.toMatchObject({
        code: grpc.status.UNIMPLEMENTED,
        details: expect.stringContaining(`${LOGGING_OPERATIONS_SERVICE_NAME}/DeleteOperation`),
      });
    } finally {
      await client.close();
    }
  });

  it('answer HTTP 501 with a Google error body on the CopyLogEntries URL', async () => {
    const response = await fetch(`${gateway.url}/v2/entries:copy`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
      signal: AbortSignal.timeout(5_000),
    });
    expect(response.status).toBe(501);
    const { error } = (await response.json()) as { error: Record<string, unknown> };
    expect(error).toMatchObject({
      code: 501,
      status: 'UNIMPLEMENTED',
      errors: [{ reason: 'notImplemented', domain: 'global' }],
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'notImplemented',
          metadata: { service: LOGGING_CONFIG_SERVICE_NAME, method: 'CopyLogEntries' },
        },
      ],
    });
  });

  it('leave LoggingServiceV2 as it was, and an unknown URL 404', async () => {
    const logging = new v2.LoggingServiceV2Client(
      loggingClientOptions(PROJECT, gateway.hostPort, 'rest') as ConstructorParameters<
        typeof v2.LoggingServiceV2Client
      >[0],
    );
    try {
      const [logs] = await logging.listLogs({ parent: `projects/${PROJECT}` }, { autoPaginate: false });
      expect(logs).toEqual([]);
    } finally {
      await logging.close();
    }
    const unknown = await fetch(`${gateway.url}/v2/nothing/here/at/all`, {
      signal: AbortSignal.timeout(5_000),
    });
    expect(unknown.status).toBe(404);
  });
});
