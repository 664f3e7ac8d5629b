// The one honest answer for a call the local cloud does not implement, from the shared
// gRPC server and REST gateway: UNIMPLEMENTED naming the call, reason `notImplemented`,
// HTTP 501 over REST, surfaced as such by the official clients (DTS and Logging, unary
// and streaming). Also: the local DTS itself implements every DataTransferService v1 RPC.
import { DataTransferServiceClient } from '@google-cloud/bigquery-data-transfer';
import { v2 } from '@google-cloud/logging';
import * as grpc from '@grpc/grpc-js';
import { PassThroughClient } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDtsEmulator } from '../src/dts/index.js';
import { FaultRegistry } from '../src/faults.js';
import type { UnaryHandlers } from '../src/log-contract.js';
import { type RunningGrpcServer, startGrpcServer } from '../src/rpc/grpc-server.js';
import { DTS_SERVICE_NAME, loadDtsProto, loadLoggingProto } from '../src/rpc/protos.js';
import { type RestGateway, startRestGateway } from '../src/rpc/rest-gateway.js';
import { type Harness, RecordingWarehouse, startHarness } from './dts-harness.js';
import { dtsClient } from './helpers/official-clients.js';

const DTS_CALL = 'google.cloud.bigquery.datatransfer.v1.DataTransferService/GetDataSource';
const faults = new FaultRegistry();
// A service with one RPC implemented: every other RPC of it is "not implemented".
const partialDts: UnaryHandlers = {
  async GetTransferConfig(request) {
    return { name: String(request.name), displayName: 'only this call is served' };
  },
};

let dtsGrpc: RunningGrpcServer;
let dtsRest: RestGateway;
let loggingGrpc: RunningGrpcServer;

const endpointOf = (hostPort: string): { apiEndpoint: string; port: number } => ({
  apiEndpoint: hostPort.split(':')[0] ?? '127.0.0.1',
  port: Number(hostPort.split(':')[1]),
});

beforeAll(async () => {
  dtsGrpc = await startGrpcServer({
    proto: loadDtsProto(),
    handlers: partialDts,
    faults,
    faultService: 'dts',
  });
  dtsRest = await startRestGateway({
    root: loadDtsProto().root,
    serviceName: DTS_SERVICE_NAME,
    handlers: partialDts,
    faults,
    faultService: 'dts',
  });
  loggingGrpc = await startGrpcServer({
    proto: loadLoggingProto(),
    handlers: {},
    faults,
    faultService: 'logging',
  });
});
afterAll(async () => {
  await Promise.all([dtsGrpc?.stop(), dtsRest?.stop(), loggingGrpc?.stop()]);
});

describe('UNIMPLEMENTED, named, with reason notImplemented', () => {
  it('over gRPC, through the official DTS client', async () => {
    const client = new DataTransferServiceClient({
      ...endpointOf(dtsGrpc.hostPort),
      sslCreds: grpc.credentials.createInsecure(),
    });
    try {
      const [served] = await client.getTransferConfig({ name: 'projects/p/locations/us/transferConfigs/c' });
      expect(served.displayName).toBe('only this call is served');
      const error = await client.getDataSource({ name: 'projects/p/dataSources/amazon_s3' }).catch((e) => e);
      expect(error).toMatchObject({
        code: grpc.status.UNIMPLEMENTED,
        details: expect.stringContaining(`The local cloud does not implement ${DTS_CALL}`),
        reason: 'notImplemented',
      });
    } finally {
      await client.close();
    }
  });

  it('over REST, through the official DTS client and as raw HTTP 501', async () => {
    const client = new DataTransferServiceClient({
      ...endpointOf(dtsRest.hostPort),
      protocol: 'http',
      fallback: true,
      authClient: new PassThroughClient({ transporterOptions: { validateStatus: () => true } }) as never,
    });
    try {
      const error = await client
        .checkValidCreds({ name: 'projects/p/dataSources/amazon_s3' })
        .catch((e) => e);
      expect(error).toMatchObject({
        code: grpc.status.UNIMPLEMENTED,
        message: expect.stringContaining('DataTransferService/CheckValidCreds'),
        reason: 'notImplemented',
      });
    } finally {
      await client.close();
    }
    const response = await fetch(`${dtsRest.url}/v1/projects/p/locations/us/dataSources/amazon_s3`, {
      signal: AbortSignal.timeout(5000),
    });
    expect(response.status).toBe(501);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({
      code: 501,
      status: 'UNIMPLEMENTED',
      message: expect.stringContaining(DTS_CALL),
      errors: [{ reason: 'notImplemented', domain: 'global', message: expect.stringContaining(DTS_CALL) }],
      details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'notImplemented' }],
    });
    // A URL that no method of the service answers is a different thing: 404.
    expect(
      (await fetch(`${dtsRest.url}/v1/nothing/here`, { signal: AbortSignal.timeout(5000) })).status,
    ).toBe(404);
  });

  it('for Cloud Logging, unary and streaming, through the official Logging client', async () => {
    const client = new v2.LoggingServiceV2Client({
      ...endpointOf(loggingGrpc.hostPort),
      projectId: 'p',
      sslCreds: grpc.credentials.createInsecure(),
      authClient: new PassThroughClient(),
    } as ConstructorParameters<typeof v2.LoggingServiceV2Client>[0]);
    try {
      const unary = await client
        .listLogEntries({ resourceNames: ['projects/p'] }, { autoPaginate: false })
        .catch((error: unknown) => error);
      expect(unary).toMatchObject({
        code: grpc.status.UNIMPLEMENTED,
        details: expect.stringContaining('google.logging.v2.LoggingServiceV2/ListLogEntries'),
        reason: 'notImplemented',
      });
      const stream = client.tailLogEntries();
      const streamError = await new Promise<{ code?: number; details?: string }>((resolve) => {
        stream.on('error', resolve);
        stream.on('data', () => undefined);
        stream.write({ resourceNames: ['projects/p'] });
      });
      expect(streamError).toMatchObject({
        code: grpc.status.UNIMPLEMENTED,
        details: expect.stringContaining('google.logging.v2.LoggingServiceV2/TailLogEntries'),
      });
    } finally {
      await client.close();
    }
  });
});

describe('the local DTS', () => {
  it('serves the Locations mixin its clients call, answering UNIMPLEMENTED by name', async () => {
    const h: Harness = await startHarness();
    const rest = dtsClient(h.env, 'rest');
    try {
      const overGrpc = await h.dts
        .getLocation({ name: 'projects/p/locations/us' })
        .catch((error: unknown) => error);
      expect(overGrpc).toMatchObject({
        code: grpc.status.UNIMPLEMENTED,
        details: expect.stringContaining(
          'The local cloud does not implement google.cloud.location.Locations/GetLocation',
        ),
        reason: 'notImplemented',
      });
      const listing = async (): Promise<unknown> => {
        for await (const location of rest.listLocationsAsync({ name: 'projects/p' })) return location;
      };
      const overRest = await listing().catch((error: unknown) => error);
      expect(overRest).toMatchObject({
        code: grpc.status.UNIMPLEMENTED,
        message: expect.stringContaining('google.cloud.location.Locations/ListLocations'),
      });
    } finally {
      await rest.close();
      await h.stop();
    }
  });

  it('implements every DataTransferService v1 RPC of the official proto', async () => {
    const dts = await startDtsEmulator({
      faults,
      warehouse: new RecordingWarehouse(),
      s3Endpoint: 'http://127.0.0.1:9',
    });
    try {
      const rpcs = loadDtsProto()
        .service.methodsArray.map((method) => method.name)
        .sort();
      expect(rpcs).toHaveLength(16);
      expect(Object.keys(dts.handlers).sort()).toEqual(rpcs);
    } finally {
      await dts.stop();
    }
  });
});
