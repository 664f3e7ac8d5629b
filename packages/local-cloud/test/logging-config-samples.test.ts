// The nodejs-logging samples of sinks and configuration, run against the local cloud over
// gRPC and over REST: samples/sinks.js (through @google-cloud/logging's Logging and Sink,
// as written) and the generated ConfigServiceV2 / MetricsServiceV2 samples
// (samples/generated/v2/*: the call, awaited as generated, `…Async` iterators for lists,
// `operation.promise()` for long-running calls), with the request fields they ask the
// developer to fill in. They run in a lifecycle order (create, read, update, delete) and
// each answer is checked. CopyLogEntries (Cloud Storage) stays refused by name:
// logging-samples-unimplemented.test.ts. The tally is printed.
import { format } from 'node:util';
import { v2 } from '@google-cloud/logging';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultRegistry } from '../src/faults.js';
import { type LoggingEmulator, startLoggingEmulator, startLoggingRestGateway } from '../src/logging/index.js';
import type { RestGateway } from '../src/rpc/rest-gateway.js';
import { loggingClient, loggingClientOptions } from './logging-clients.js';

const TRANSPORTS = ['grpc', 'rest'] as const;
type Transport = (typeof TRANSPORTS)[number];
let emulator: LoggingEmulator;
let gateway: RestGateway;
/** Sample → the transports it passed on. */
const passed = new Map<string, Set<Transport>>();

beforeAll(async () => {
  const faults = new FaultRegistry();
  emulator = await startLoggingEmulator({ faults, projectId: 'config-samples' });
  gateway = await startLoggingRestGateway({
    handlers: emulator.handlers,
    services: emulator.services,
    faults,
  });
});
afterAll(async () => {
  const both = [...passed].filter(([, transports]) => transports.size === TRANSPORTS.length);
  console.log(
    `nodejs-logging sinks.js and generated config/metrics samples passing over gRPC and REST: ${both.length}.`,
  );
  await Promise.all([gateway?.stop(), emulator?.stop()]);
});

const hostPort = (transport: Transport) => (transport === 'grpc' ? emulator.hostPort : gateway.hostPort);

function record(sample: string, transport: Transport): void {
  const transports = passed.get(sample) ?? new Set<Transport>();
  transports.add(transport);
  passed.set(sample, transports);
}

describe.each(TRANSPORTS)('samples/sinks.js over %s', (transport) => {
  it('create, get, list, update, delete a sink, printing what the sample prints', async () => {
    const project = `sinks-js-${transport}`;
    const logging = loggingClient(project, hostPort(transport), transport);
    const printed: string[] = [];
    const console = { log: (...args: unknown[]) => printed.push(format(...args)) };
    const sinkName = 'export-errors';
    const bucketName = 'app-error-logs';
    try {
      // createSink: the sample's destination is a Storage Bucket object; its string form
      // sends the same CreateSink without the Storage ACL call before it.
      const sink = logging.sink(sinkName);
      await sink.create({ destination: `storage.googleapis.com/${bucketName}`, filter: 'severity=ERROR' });
      console.log(`Created sink ${sinkName} to ${bucketName}`);
      record('sinks.js createSink', transport);

      const [metadata] = await logging.sink(sinkName).getMetadata();
      console.log(`Name: ${metadata.name}`);
      console.log(`Destination: ${metadata.destination}`);
      console.log(`Filter: ${metadata.filter}`);
      record('sinks.js getSinkMetadata', transport);

      const [sinks] = await logging.getSinks();
      console.log('Sinks:');
      for (const each of sinks) console.log(each.name);
      record('sinks.js listSinks', transport);

      const [updated] = await logging.sink(sinkName).setMetadata({ filter: 'severity >= WARNING' });
      console.log(`Sink ${sinkName} updated.`, updated.filter);
      record('sinks.js updateSink', transport);

      await logging.sink(sinkName).delete();
      console.log(`Sink ${sinkName} deleted.`);
      record('sinks.js deleteSink', transport);
    } finally {
      await logging.loggingService.close();
    }
    expect(printed).toEqual([
      `Created sink ${sinkName} to ${bucketName}`,
      `Name: ${sinkName}`,
      `Destination: storage.googleapis.com/${bucketName}`,
      'Filter: severity=ERROR',
      'Sinks:',
      '_Default',
      '_Required',
      sinkName,
      `Sink ${sinkName} updated. severity >= WARNING`,
      `Sink ${sinkName} deleted.`,
    ]);
  });
});

type Check = (response: unknown) => void;
/** [generated sample (the client method), its request, what its printed response must be]. */
type GeneratedSample = [string, Record<string, unknown>, Check];

/** An operation's response is decoded by the client from bytes: enums come back as numbers. */
const ACTIVE_IN_OPERATION = 1;
const LRO = new Set(['createBucketAsync', 'updateBucketAsync', 'createLink', 'deleteLink']);

/** As the generated samples call: lists through `…Async`, long-running calls through `promise()`. */
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
  if (LRO.has(call)) {
    const [operation] = (await method.call(client, request)) as [{ promise(): Promise<[unknown]> }];
    const [response] = await operation.promise();
    return response;
  }
  const [response] = (await method.call(client, request)) as [unknown];
  return response;
}

const named =
  (...names: string[]) =>
  (response: unknown) =>
    expect((response as { name: string }[]).map((item) => item.name)).toEqual(names);
const matching = (expected: object) => (response: unknown) => expect(response).toMatchObject(expected);
const empty = (response: unknown) => expect(response).toEqual({});

/** samples/generated/v2/config_service_v2.*.js, in a lifecycle order, required fields filled in. */
function configSamples(project: string): GeneratedSample[] {
  const parent = `projects/${project}`;
  const location = `${parent}/locations/global`;
  const bucket = `${location}/buckets/my-bucket`;
  const analytics = `${location}/buckets/my-analytics-bucket`;
  const view = `${bucket}/views/my-view`;
  const link = `${analytics}/links/my_link`;
  const sink = `${parent}/sinks/my-sink`;
  const exclusion = `${parent}/exclusions/my-exclusion`;
  const destination = 'storage.googleapis.com/my-gcs-bucket';
  const org = 'organizations/123456789';
  const key = 'projects/keys/locations/global/keyRings/ring/cryptoKeys/key';
  return [
    [
      'createBucket',
      { parent: location, bucketId: 'my-bucket', bucket: { retentionDays: 14 } },
      matching({ name: bucket, retentionDays: 14, lifecycleState: 'ACTIVE' }),
    ],
    [
      'createBucketAsync',
      { parent: location, bucketId: 'my-analytics-bucket', bucket: { analyticsEnabled: true } },
      matching({ name: analytics, analyticsEnabled: true, retentionDays: 30 }),
    ],
    ['getBucket', { name: bucket }, matching({ name: bucket, retentionDays: 14 })],
    [
      'listBuckets',
      { parent: location },
      named(`${location}/buckets/_Default`, `${location}/buckets/_Required`, analytics, bucket),
    ],
    [
      'updateBucket',
      { name: bucket, bucket: { retentionDays: 60 }, updateMask: { paths: ['retention_days'] } },
      matching({ retentionDays: 60 }),
    ],
    [
      'updateBucketAsync',
      { name: bucket, bucket: { description: 'errors' }, updateMask: { paths: ['description'] } },
      matching({ description: 'errors', retentionDays: 60 }),
    ],
    [
      'createView',
      { parent: bucket, viewId: 'my-view', view: { filter: 'resource.type = "global"' } },
      matching({ name: view, filter: 'resource.type = "global"' }),
    ],
    ['getView', { name: view }, matching({ name: view })],
    ['listViews', { parent: bucket }, named(`${bucket}/views/_AllLogs`, view)],
    [
      'updateView',
      { name: view, view: { filter: 'LOG_ID("stdout")' }, updateMask: { paths: ['filter'] } },
      matching({ filter: 'LOG_ID("stdout")' }),
    ],
    ['deleteView', { name: view }, empty],
    [
      'createLink',
      { parent: analytics, linkId: 'my_link', link: {} },
      matching({
        name: link,
        lifecycleState: ACTIVE_IN_OPERATION,
        bigqueryDataset: { datasetId: `bigquery.googleapis.com/${parent}/datasets/my_link` },
      }),
    ],
    ['getLink', { name: link }, matching({ name: link })],
    ['listLinks', { parent: analytics }, named(link)],
    ['deleteLink', { name: link }, empty],
    ['deleteBucket', { name: bucket }, empty],
    ['undeleteBucket', { name: bucket }, empty],
    [
      'createSink',
      { parent, sink: { name: 'my-sink', destination } },
      matching({
        name: 'my-sink',
        destination,
        writerIdentity: 'serviceAccount:cloud-logs@system.gserviceaccount.com',
      }),
    ],
    ['getSink', { sinkName: sink }, matching({ name: 'my-sink', destination })],
    ['listSinks', { parent }, named('_Default', '_Required', 'my-sink')],
    [
      'updateSink',
      { sinkName: sink, sink: { name: 'my-sink', destination, filter: 'severity>=ERROR' } },
      matching({ filter: 'severity>=ERROR' }),
    ],
    ['deleteSink', { sinkName: sink }, empty],
    [
      'createExclusion',
      { parent, exclusion: { name: 'my-exclusion', filter: 'severity < INFO' } },
      matching({ name: 'my-exclusion', filter: 'severity < INFO' }),
    ],
    ['getExclusion', { name: exclusion }, matching({ name: 'my-exclusion' })],
    ['listExclusions', { parent }, named('my-exclusion')],
    [
      'updateExclusion',
      { name: exclusion, exclusion: { filter: 'severity <= DEBUG' }, updateMask: { paths: ['filter'] } },
      matching({ filter: 'severity <= DEBUG' }),
    ],
    ['deleteExclusion', { name: exclusion }, empty],
    ['getCmekSettings', { name: parent }, matching({ name: `${parent}/cmekSettings`, kmsKeyName: '' })],
    [
      'updateCmekSettings',
      { name: org, cmekSettings: { kmsKeyName: key }, updateMask: { paths: ['kms_key_name'] } },
      matching({ name: `${org}/cmekSettings`, kmsKeyName: key }),
    ],
    ['getSettings', { name: parent }, matching({ name: `${parent}/settings`, disableDefaultSink: false })],
    [
      'updateSettings',
      {
        name: org,
        settings: { storageLocation: 'europe-west1' },
        updateMask: { paths: ['storage_location'] },
      },
      matching({ storageLocation: 'europe-west1' }),
    ],
  ];
}

/** samples/generated/v2/metrics_service_v2.*.js. */
function metricsSamples(project: string): GeneratedSample[] {
  const parent = `projects/${project}`;
  const metricName = `${parent}/metrics/my-metric`;
  const metric = { name: 'my-metric', filter: 'severity >= ERROR' };
  return [
    [
      'createLogMetric',
      { parent, metric },
      matching({
        ...metric,
        metricDescriptor: {
          type: 'logging.googleapis.com/user/my-metric',
          metricKind: 'DELTA',
          valueType: 'INT64',
          unit: '1',
        },
      }),
    ],
    ['getLogMetric', { metricName }, matching(metric)],
    ['listLogMetrics', { parent }, named('my-metric')],
    [
      'updateLogMetric',
      { metricName, metric: { ...metric, description: 'errors' } },
      matching({ description: 'errors' }),
    ],
    ['deleteLogMetric', { metricName }, empty],
  ];
}

describe.each(TRANSPORTS)('the generated samples over %s', (transport) => {
  it.each([['ConfigServiceV2', configSamples] as const, ['MetricsServiceV2', metricsSamples] as const])(
    'every generated %s sample but copyLogEntries',
    async (service, samples) => {
      const options = loggingClientOptions('unused', hostPort(transport), transport) as ConstructorParameters<
        typeof v2.ConfigServiceV2Client
      >[0];
      const client =
        service === 'ConfigServiceV2'
          ? new v2.ConfigServiceV2Client(options)
          : new v2.MetricsServiceV2Client(options);
      try {
        for (const [call, request, check] of samples(`generated-${transport}`)) {
          const response = await runGenerated(client, call, request).catch((error: Error) => {
            throw new Error(`${call} over ${transport}: ${error.message}`);
          });
          check(response);
          record(`generated ${service}.${call}`, transport);
        }
      } finally {
        await client.close();
      }
      // After the lifecycle, what was deleted is gone: NOT_FOUND, as the real service answers.
      const gone = service === 'ConfigServiceV2' ? 'getSink' : 'getLogMetric';
      const request =
        service === 'ConfigServiceV2'
          ? { sinkName: `projects/generated-${transport}/sinks/my-sink` }
          : { metricName: `projects/generated-${transport}/metrics/my-metric` };
      const again =
        service === 'ConfigServiceV2'
          ? new v2.ConfigServiceV2Client(options)
          : new v2.MetricsServiceV2Client(options);
      try {
        await expect(runGenerated(again, gone, request)).rejects.toMatchObject({
          code: grpc.status.NOT_FOUND,
        });
      } finally {
        await again.close();
      }
    },
  );
});
