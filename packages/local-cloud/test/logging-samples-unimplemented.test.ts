// The nodejs-logging samples of the services the local cloud does not implement:
// samples/sinks.js (through @google-cloud/logging's Logging and Sink, as written) and the
// generated ConfigServiceV2 / MetricsServiceV2 samples (samples/generated/v2/*, with the
// request fields they ask the developer to fill in). Each one must fail at once, over gRPC
// and over REST alike, with the local cloud's one answer for a missing call: UNIMPLEMENTED
// naming the RPC, reason `notImplemented` (HTTP 501 over REST). The tally is printed.
import { v2 } from '@google-cloud/logging';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultRegistry } from '../src/faults.js';
import { type LoggingEmulator, startLoggingEmulator, startLoggingRestGateway } from '../src/logging/index.js';
import { LOGGING_CONFIG_SERVICE_NAME, LOGGING_METRICS_SERVICE_NAME } from '../src/rpc/protos.js';
import type { RestGateway } from '../src/rpc/rest-gateway.js';
import { loggingClient, loggingClientOptions } from './logging-clients.js';

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
  gateway = await startLoggingRestGateway({ handlers: emulator.handlers, faults });
});
afterAll(async () => {
  const both = [...refused].filter(([, transports]) => transports.size === TRANSPORTS.length);
  console.log(
    `nodejs-logging samples answered UNIMPLEMENTED by name over gRPC and REST: ${both.length} (sinks.js and the generated ConfigServiceV2 / MetricsServiceV2 samples).`,
  );
  await Promise.all([gateway?.stop(), emulator?.stop()]);
});

const hostPort = (transport: Transport) => (transport === 'grpc' ? emulator.hostPort : gateway.hostPort);

function record(sample: string, transport: Transport): void {
  const transports = refused.get(sample) ?? new Set<Transport>();
  transports.add(transport);
  refused.set(sample, transports);
}

/** The one answer for a call the local cloud does not implement, as the client surfaces it. */
function unimplemented(service: string, rpc: string) {
  return {
    code: grpc.status.UNIMPLEMENTED,
    message: expect.stringContaining(`The local cloud does not implement ${service}/${rpc}.`),
    reason: 'notImplemented',
  };
}

describe.each(TRANSPORTS)('over %s', (transport) => {
  it('samples/sinks.js: create, get, list, update, delete', async () => {
    const logging = loggingClient(PROJECT, hostPort(transport), transport);
    const sink = logging.sink('export-errors');
    // [sample, the RPC it fails on, the call]: setMetadata reads the sink (GetSink) first.
    // createSink's destination is a Cloud Storage Bucket in the sample; its string form
    // sends the same CreateSink request without the Storage ACL call before it.
    const calls: [string, string, () => Promise<unknown>][] = [
      [
        'createSink',
        'CreateSink',
        () => sink.create({ destination: 'storage.googleapis.com/app-error-logs', filter: 'severity=ERROR' }),
      ],
      ['getSinkMetadata', 'GetSink', () => sink.getMetadata()],
      ['listSinks', 'ListSinks', () => logging.getSinks()],
      ['updateSink', 'GetSink', () => sink.setMetadata({ filter: 'severity >= WARNING' })],
      ['deleteSink', 'DeleteSink', () => sink.delete()],
    ];
    try {
      for (const [sample, rpc, run] of calls) {
        await expect(run(), sample).rejects.toMatchObject(unimplemented(LOGGING_CONFIG_SERVICE_NAME, rpc));
        record(`sinks.js ${sample}`, transport);
      }
    } finally {
      await logging.loggingService.close();
    }
  });

  it.each([
    [LOGGING_CONFIG_SERVICE_NAME, CONFIG_SAMPLES],
    [LOGGING_METRICS_SERVICE_NAME, METRICS_SAMPLES],
  ])('every generated %s sample', async (service, samples) => {
    const options = loggingClientOptions(PROJECT, hostPort(transport), transport) as ConstructorParameters<
      typeof v2.ConfigServiceV2Client
    >[0];
    const client =
      service === LOGGING_CONFIG_SERVICE_NAME
        ? new v2.ConfigServiceV2Client(options)
        : new v2.MetricsServiceV2Client(options);
    try {
      for (const [call, request] of Object.entries(samples)) {
        const rpc = call.replace(/^./, (char) => char.toUpperCase());
        await expect(runGenerated(client, call, request), call).rejects.toMatchObject(
          unimplemented(service, rpc),
        );
        record(`generated ${service}.${call}`, transport);
      }
    } finally {
      await client.close();
    }
  });
});

/** As the generated samples call: list RPCs through their `…Async` iterator, others awaited. */
async function runGenerated(client: object, call: string, request: object): Promise<unknown> {
  const methods = client as Record<string, (request: object) => unknown>;
  if (call.startsWith('list')) {
    const iterable = methods[`${call}Async`]?.call(client, request) as AsyncIterable<unknown>;
    const responses: unknown[] = [];
    for await (const response of iterable) responses.push(response);
    return responses;
  }
  const method = methods[call];
  if (!method) throw new Error(`The client has no ${call}.`);
  return await method.call(client, request);
}

const PARENT = `projects/${PROJECT}`;
const LOCATION = `${PARENT}/locations/global`;
const BUCKET = `${LOCATION}/buckets/my-bucket`;
const VIEW = `${BUCKET}/views/my-view`;
const LINK = `${BUCKET}/links/my-link`;
const SINK = `${PARENT}/sinks/my-sink`;
const EXCLUSION = `${PARENT}/exclusions/my-exclusion`;
const METRIC = `${PARENT}/metrics/my-metric`;
const DESTINATION = 'storage.googleapis.com/my-bucket';
const exclusion = { name: 'my-exclusion', filter: 'severity < INFO' };
const metric = { name: 'my-metric', filter: 'severity >= ERROR' };

/** samples/generated/v2/config_service_v2.*.js: the call and its request, required fields filled in. */
const CONFIG_SAMPLES: Record<string, object> = {
  copyLogEntries: { name: PARENT, destination: DESTINATION },
  createBucket: { parent: LOCATION, bucketId: 'my-bucket', bucket: {} },
  createBucketAsync: { parent: LOCATION, bucketId: 'my-bucket', bucket: {} },
  createExclusion: { parent: PARENT, exclusion },
  createLink: { parent: BUCKET, linkId: 'my-link', link: {} },
  createSink: { parent: PARENT, sink: { name: 'my-sink', destination: DESTINATION } },
  createView: { parent: BUCKET, viewId: 'my-view', view: {} },
  deleteBucket: { name: BUCKET },
  deleteExclusion: { name: EXCLUSION },
  deleteLink: { name: LINK },
  deleteSink: { sinkName: SINK },
  deleteView: { name: VIEW },
  getBucket: { name: BUCKET },
  getCmekSettings: { name: PARENT },
  getExclusion: { name: EXCLUSION },
  getLink: { name: LINK },
  getSettings: { name: PARENT },
  getSink: { sinkName: SINK },
  getView: { name: VIEW },
  listBuckets: { parent: LOCATION },
  listExclusions: { parent: PARENT },
  listLinks: { parent: BUCKET },
  listSinks: { parent: PARENT },
  listViews: { parent: BUCKET },
  undeleteBucket: { name: BUCKET },
  updateBucket: { name: BUCKET, bucket: {}, updateMask: { paths: ['retention_days'] } },
  updateBucketAsync: { name: BUCKET, bucket: {}, updateMask: { paths: ['retention_days'] } },
  updateCmekSettings: { name: PARENT, cmekSettings: {} },
  updateExclusion: { name: EXCLUSION, exclusion, updateMask: { paths: ['filter'] } },
  updateSettings: { name: PARENT, settings: {} },
  updateSink: { sinkName: SINK, sink: { name: 'my-sink', destination: DESTINATION } },
  updateView: { name: VIEW, view: {} },
};

/** samples/generated/v2/metrics_service_v2.*.js. */
const METRICS_SAMPLES: Record<string, object> = {
  createLogMetric: { parent: PARENT, metric },
  deleteLogMetric: { metricName: METRIC },
  getLogMetric: { metricName: METRIC },
  listLogMetrics: { parent: PARENT },
  updateLogMetric: { metricName: METRIC, metric },
};
