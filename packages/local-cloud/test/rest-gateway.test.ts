// The REST gateway driven by the official DTS client in REST mode (`fallback: true`),
// against a small handler map: routing by google.api.http, request rebuilding (path
// variables, query parameters, body), protobuf JSON both ways, error mapping and faults.
import { DataTransferServiceClient } from '@google-cloud/bigquery-data-transfer';
import { status } from '@grpc/grpc-js';
import { PassThroughClient } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultRegistry } from '../src/faults.js';
import { RpcError, type UnaryHandlers } from '../src/log-contract.js';
import { DTS_SERVICE_NAME, loadDtsProto } from '../src/rpc/protos.js';
import { type RestGateway, startRestGateway } from '../src/rpc/rest-gateway.js';

const seen: Record<string, Record<string, unknown>> = {};
const handlers: UnaryHandlers = {
  async CreateTransferConfig(request) {
    seen.CreateTransferConfig = request;
    const config = request.transferConfig as Record<string, unknown>;
    return { ...config, name: `${request.parent}/transferConfigs/cfg1`, state: 'SUCCEEDED' };
  },
  async GetTransferConfig(request) {
    if (request.name !== 'projects/p1/locations/us/transferConfigs/cfg1') {
      throw new RpcError(status.NOT_FOUND, `Transfer config ${request.name} not found.`);
    }
    return { name: request.name, displayName: 'orders', updateTime: { seconds: '1763700000', nanos: 0 } };
  },
  async StartManualTransferRuns(request) {
    seen.StartManualTransferRuns = request;
    return {
      runs: [{ name: `${request.parent}/runs/r1`, state: 'PENDING', runTime: request.requestedRunTime }],
    };
  },
  async ListTransferRuns(request) {
    seen.ListTransferRuns = request;
    return { transferRuns: [{ name: `${request.parent}/runs/r1`, state: 'SUCCEEDED' }], nextPageToken: '' };
  },
  async DeleteTransferConfig() {
    return {};
  },
};

let gateway: RestGateway;
let client: DataTransferServiceClient;
const faults = new FaultRegistry();

beforeAll(async () => {
  const proto = loadDtsProto();
  gateway = await startRestGateway({
    root: proto.root,
    serviceName: DTS_SERVICE_NAME,
    handlers,
    faults,
    faultService: 'dts',
  });
  const port = Number(gateway.hostPort.split(':')[1]);
  client = new DataTransferServiceClient({
    fallback: true,
    protocol: 'http',
    apiEndpoint: '127.0.0.1',
    port,
    // Gaxios throws on any non-2xx by default, before gax can decode the Google error body
    // into a gRPC code; letting every status through keeps errors as GoogleErrors.
    // (cast: google-gax pins its own copy of google-auth-library's types)
    authClient: new PassThroughClient({ transporterOptions: { validateStatus: () => true } }) as never,
    projectId: 'p1',
  });
});

afterAll(async () => {
  await client?.close();
  await gateway?.stop();
});

describe('REST gateway with the official DTS client in fallback mode', () => {
  it('creates a config: path variable, body field, Struct params and enums round-trip', async () => {
    const [config] = await client.createTransferConfig({
      parent: 'projects/p1/locations/us',
      transferConfig: {
        displayName: 's3bq orders',
        dataSourceId: 'amazon_s3',
        destinationDatasetId: 'gold',
        params: { fields: { data_path: { stringValue: 's3://lake/orders/*' } } },
        scheduleOptions: { disableAutoScheduling: true },
      },
    });
    expect(config.name).toBe('projects/p1/locations/us/transferConfigs/cfg1');
    expect(config.state).toBe('SUCCEEDED');
    expect(config.params?.fields?.data_path?.stringValue).toBe('s3://lake/orders/*');
    const received = seen.CreateTransferConfig!;
    expect(received.parent).toBe('projects/p1/locations/us');
    const sent = received.transferConfig as {
      dataSourceId: string;
      scheduleOptions: { disableAutoScheduling: boolean };
      params: { fields: Record<string, { stringValue: string }> };
    };
    expect(sent.dataSourceId).toBe('amazon_s3');
    expect(sent.scheduleOptions.disableAutoScheduling).toBe(true);
    expect(sent.params.fields.data_path?.stringValue).toBe('s3://lake/orders/*');
  });

  it('gets a config, timestamps as seconds strings', async () => {
    const [config] = await client.getTransferConfig({
      name: 'projects/p1/locations/us/transferConfigs/cfg1',
    });
    expect(config.displayName).toBe('orders');
    expect(String(config.updateTime?.seconds)).toBe('1763700000');
  });

  it('starts a manual run with a requestedRunTime (Timestamp through JSON)', async () => {
    const [response] = await client.startManualTransferRuns({
      parent: 'projects/p1/locations/us/transferConfigs/cfg1',
      requestedRunTime: { seconds: 1763683200, nanos: 0 },
    });
    expect(response.runs?.[0]?.state).toBe('PENDING');
    expect(String(response.runs?.[0]?.runTime?.seconds)).toBe('1763683200');
    const received = seen.StartManualTransferRuns!;
    expect(received.requestedRunTime).toEqual({ seconds: '1763683200', nanos: 0 });
    expect(received.time).toBe('requestedRunTime');
  });

  it('passes query parameters: repeated enums and numbers', async () => {
    const [runs] = await client.listTransferRuns({
      parent: 'projects/p1/locations/us/transferConfigs/cfg1',
      states: ['SUCCEEDED', 'FAILED'] as never,
      pageSize: 7,
    });
    expect(runs[0]?.state).toBe('SUCCEEDED');
    const received = seen.ListTransferRuns!;
    expect(received.states).toEqual(['SUCCEEDED', 'FAILED']);
    expect(received.pageSize).toBe(7);
  });

  it('maps RpcError to the Google JSON error gax decodes (code and message)', async () => {
    await expect(
      client.getTransferConfig({ name: 'projects/p1/locations/us/transferConfigs/nope' }),
    ).rejects.toMatchObject({ code: status.NOT_FOUND, message: expect.stringContaining('not found') });
  });

  it('answers UNIMPLEMENTED (HTTP 501, reason notImplemented) naming a method without a handler', async () => {
    await expect(
      client.getDataSource({ name: 'projects/p1/locations/us/dataSources/amazon_s3' }),
    ).rejects.toMatchObject({
      code: status.UNIMPLEMENTED,
      message: expect.stringContaining(
        'The local cloud does not implement google.cloud.bigquery.datatransfer.v1.DataTransferService/GetDataSource',
      ),
      reason: 'notImplemented',
    });
  });

  it('applies injected faults: an error code for the next call only', async () => {
    faults.add({
      service: 'dts',
      method: 'DeleteTransferConfig',
      kind: 'error',
      code: status.RESOURCE_EXHAUSTED,
      message: 'Quota exceeded: test',
    });
    await expect(
      client.deleteTransferConfig({ name: 'projects/p1/locations/us/transferConfigs/cfg1' }),
    ).rejects.toMatchObject({
      code: status.RESOURCE_EXHAUSTED,
      message: expect.stringContaining('Quota exceeded'),
    });
    await expect(
      client.deleteTransferConfig({ name: 'projects/p1/locations/us/transferConfigs/cfg1' }),
    ).resolves.toBeDefined();
  });

  // google-gax's REST transport ignores its own `timeout` for a single attempt (the deadline
  // only reaches gRPC), so a hang holds the call open until the caller gives up: the
  // product's cloud/ faces must bound every call themselves.
  it('a hang fault never answers until the caller gives up', async () => {
    const id = faults.add({ service: 'dts', method: 'GetTransferConfig', kind: 'hang' });
    const call = client.getTransferConfig({ name: 'projects/p1/locations/us/transferConfigs/cfg1' });
    call.catch(() => undefined); // rejected when the gateway stops
    const winner = await Promise.race([
      call.then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('deadline'), 500)),
    ]);
    expect(winner).toBe('deadline');
    expect(faults.fired.get(id)).toBe(1);
  });
});
