// The local ConfigServiceV2's sinks, exclusions and settings, and MetricsServiceV2, refuse
// what the real Logging API refuses (names, ids, destinations, filters, masks, the
// built-in _Required sink) and keep what it keeps (writer identities, pages), through the
// official clients; exclusions and the _Default sink change what WriteLogEntries keeps.
import type { protos } from '@google-cloud/logging';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConfigHarness, codeOf, startConfigHarness } from './logging-config-harness.js';

const PROJECT = 'config-project';
const PARENT = `projects/${PROJECT}`;
const { INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, FAILED_PRECONDITION } = grpc.status;
let harness: ConfigHarness;

beforeAll(async () => {
  harness = await startConfigHarness(PROJECT);
});
afterAll(async () => {
  await harness?.stop();
});

describe('sinks', () => {
  it('every project has _Default and _Required; _Required can be neither changed nor deleted', async () => {
    const config = harness.config();
    const [sinks] = await config.listSinks({ parent: PARENT }, { autoPaginate: false });
    expect(sinks.map((sink: protos.google.logging.v2.ILogSink) => [sink.name, sink.destination])).toEqual([
      ['_Default', `logging.googleapis.com/${PARENT}/locations/global/buckets/_Default`],
      ['_Required', `logging.googleapis.com/${PARENT}/locations/global/buckets/_Required`],
    ]);
    const required = { sinkName: `${PARENT}/sinks/_Required`, sink: { name: '_Required', filter: '' } };
    expect(await codeOf(config.updateSink(required))).toBe(FAILED_PRECONDITION);
    expect(await codeOf(config.deleteSink({ sinkName: required.sinkName }))).toBe(FAILED_PRECONDITION);
    expect(await codeOf(config.deleteSink({ sinkName: `${PARENT}/sinks/_Default` }))).toBe(
      FAILED_PRECONDITION,
    );
  });

  it.each([
    ['a name starting with _', { name: '_mine', destination: 'storage.googleapis.com/bkt' }],
    ['a name over 100 characters', { name: 'a'.repeat(101), destination: 'storage.googleapis.com/bkt' }],
    ['a name with a slash', { name: 'a/b', destination: 'storage.googleapis.com/bkt' }],
    ['no destination', { name: 'ok' }],
    ['an unknown destination', { name: 'ok', destination: 's3://bucket' }],
    ['an invalid filter', { name: 'ok', destination: 'storage.googleapis.com/bkt', filter: 'severity=' }],
    [
      'includeChildren on a project',
      { name: 'ok', destination: 'storage.googleapis.com/bkt', includeChildren: true },
    ],
  ])('CreateSink refuses %s with INVALID_ARGUMENT', async (_, sink) => {
    expect(await codeOf(harness.config().createSink({ parent: PARENT, sink }))).toBe(INVALID_ARGUMENT);
  });

  it('refuses a malformed parent, an existing id and a missing sink', async () => {
    const config = harness.config();
    const sink = { name: 'dup', destination: 'pubsub.googleapis.com/projects/p/topics/logs' };
    expect(await codeOf(config.createSink({ parent: 'project/x', sink }))).toBe(INVALID_ARGUMENT);
    await config.createSink({ parent: PARENT, sink });
    expect(await codeOf(config.createSink({ parent: PARENT, sink }))).toBe(ALREADY_EXISTS);
    expect(await codeOf(config.getSink({ sinkName: `${PARENT}/sinks/nope` }))).toBe(NOT_FOUND);
  });

  it('gives writer identities as documented, and never lets a unique one go back', async () => {
    const config = harness.config('rest');
    const destination = 'bigquery.googleapis.com/projects/other/datasets/logs';
    const [legacy] = await config.createSink({ parent: PARENT, sink: { name: 'legacy', destination } });
    expect(legacy.writerIdentity).toBe('serviceAccount:cloud-logs@system.gserviceaccount.com');
    const [unique] = await config.createSink({
      parent: PARENT,
      sink: { name: 'unique', destination },
      uniqueWriterIdentity: true,
    });
    expect(unique.writerIdentity).toMatch(
      /^serviceAccount:p\d+-\d+@gcp-sa-logging\.iam\.gserviceaccount\.com$/,
    );
    const update = { sinkName: `${PARENT}/sinks/unique`, sink: { name: 'unique', destination } };
    expect(await codeOf(config.updateSink(update))).toBe(INVALID_ARGUMENT);
    const [own] = await config.createSink({
      parent: PARENT,
      sink: {
        name: 'own',
        destination: `logging.googleapis.com/${PARENT}/locations/global/buckets/_Default`,
      },
    });
    expect(own.writerIdentity).toBe('');
  });

  it('honours updateMask; an empty one means destination, filter and includeChildren', async () => {
    const config = harness.config();
    const sinkName = `${PARENT}/sinks/masked`;
    const destination = 'storage.googleapis.com/first';
    await config.createSink({ parent: PARENT, sink: { name: 'masked', destination, description: 'kept' } });
    const changes = {
      name: 'masked',
      destination: 'storage.googleapis.com/second',
      filter: 'severity>=ERROR',
      description: 'new',
    };
    const [described] = await config.updateSink({
      sinkName,
      sink: changes,
      updateMask: { paths: ['description'] },
    });
    expect(described).toMatchObject({ destination, filter: '', description: 'new' });
    const [defaulted] = await config.updateSink({ sinkName, sink: { ...changes, description: 'ignored' } });
    expect(defaulted).toMatchObject({
      destination: changes.destination,
      filter: changes.filter,
      description: 'new',
    });
    const badMask = { sinkName, sink: changes, updateMask: { paths: ['writer_identity'] } };
    expect(await codeOf(config.updateSink(badMask))).toBe(INVALID_ARGUMENT);
    expect(await codeOf(config.updateSink({ sinkName, sink: { ...changes, name: 'other' } }))).toBe(
      INVALID_ARGUMENT,
    );
  });
});

describe('exclusions', () => {
  it('pages with page tokens and refuses a token from another request', async () => {
    const config = harness.config();
    const parent = 'projects/paging-project';
    for (const name of ['c', 'a', 'b']) {
      await config.createExclusion({ parent, exclusion: { name, filter: `labels.id="${name}"` } });
    }
    const [first, next] = await config.listExclusions({ parent, pageSize: 2 }, { autoPaginate: false });
    expect(first.map((exclusion: protos.google.logging.v2.ILogExclusion) => exclusion.name)).toEqual([
      'a',
      'b',
    ]);
    const [second, last] = await config.listExclusions(
      { parent, pageSize: 2, pageToken: next?.pageToken ?? '' },
      { autoPaginate: false },
    );
    expect([second.map((exclusion: protos.google.logging.v2.ILogExclusion) => exclusion.name), last]).toEqual(
      [['c'], null],
    );
    const foreign = config.listExclusions(
      { parent: PARENT, pageToken: next?.pageToken ?? '' },
      { autoPaginate: false },
    );
    expect(await codeOf(foreign)).toBe(INVALID_ARGUMENT);
  });

  it('answer 50 per page when pageSize is 0 or negative ("non-positive values are ignored")', async () => {
    const metrics = harness.metrics();
    const parent = 'projects/many-metrics';
    for (let index = 0; index < 51; index++) {
      await metrics.createLogMetric({
        parent,
        metric: { name: `m${String(index).padStart(2, '0')}`, filter: 'severity>=ERROR' },
      });
    }
    for (const pageSize of [0, -5]) {
      const [page, next] = await metrics.listLogMetrics({ parent, pageSize }, { autoPaginate: false });
      expect([page.length, typeof next?.pageToken]).toEqual([50, 'string']);
    }
    const [all] = await metrics.listLogMetrics({ parent });
    expect(all).toHaveLength(51);
  });

  it('need a filter that parses, an update mask, and an existing name', async () => {
    const config = harness.config('rest');
    const create = (filter: string) =>
      config.createExclusion({ parent: PARENT, exclusion: { name: 'x1', filter } });
    expect(await codeOf(create(''))).toBe(INVALID_ARGUMENT);
    expect(await codeOf(create('severity >'))).toBe(INVALID_ARGUMENT);
    await create('severity < INFO');
    const name = `${PARENT}/exclusions/x1`;
    expect(await codeOf(config.updateExclusion({ name, exclusion: { filter: 'severity=DEBUG' } }))).toBe(
      INVALID_ARGUMENT,
    );
    expect(await codeOf(config.getExclusion({ name: `${PARENT}/exclusions/none` }))).toBe(NOT_FOUND);
    await config.deleteExclusion({ name });
    expect(await codeOf(config.deleteExclusion({ name }))).toBe(NOT_FOUND);
  });

  it('drop the entries they match from what is written, as the _Default sink does when disabled', async () => {
    const project = 'routing-project';
    const parent = `projects/${project}`;
    const config = harness.config();
    const logging = harness.logging();
    const write = (text: string, severity: string) =>
      logging.writeLogEntries({
        logName: `${parent}/logs/app`,
        resource: { type: 'global' },
        entries: [{ textPayload: text, severity }],
      });
    const listed = async () => {
      const [entries] = await logging.listLogEntries({ resourceNames: [parent] }, { autoPaginate: false });
      return entries.map((entry: protos.google.logging.v2.ILogEntry) => entry.textPayload);
    };
    await config.createExclusion({ parent, exclusion: { name: 'no-debug', filter: 'severity <= DEBUG' } });
    await write('debug dropped', 'DEBUG');
    await write('info kept', 'INFO');
    expect(await listed()).toEqual(['info kept']);
    const sinkName = `${parent}/sinks/_Default`;
    const [fallback] = await config.getSink({ sinkName });
    await config.updateSink({
      sinkName,
      sink: { ...fallback, disabled: true },
      updateMask: { paths: ['disabled'] },
    });
    await write('nowhere to go', 'ERROR');
    expect(await listed()).toEqual(['info kept']);
  });
});

describe('Log Router settings', () => {
  it('read everywhere, changed only where documented, with KMS keys checked for form', async () => {
    const config = harness.config();
    const [settings] = await config.getCmekSettings({ name: PARENT });
    expect(settings.serviceAccountId).toMatch(/@gcp-sa-logging\.iam\.gserviceaccount\.com$/);
    const key = 'projects/k/locations/global/keyRings/r/cryptoKeys/c';
    const mask = { paths: ['kms_key_name'] };
    const onProject = config.updateCmekSettings({
      name: PARENT,
      cmekSettings: { kmsKeyName: key },
      updateMask: mask,
    });
    expect(await codeOf(onProject)).toBe(INVALID_ARGUMENT);
    const badKey = { name: 'organizations/1', cmekSettings: { kmsKeyName: 'my-key' }, updateMask: mask };
    expect(await codeOf(config.updateCmekSettings(badKey))).toBe(INVALID_ARGUMENT);
    expect(await codeOf(config.getCmekSettings({ name: `${PARENT}/cmekSettings` }))).toBe(INVALID_ARGUMENT);
  });
});

describe('log-based metrics', () => {
  const metricName = `${PARENT}/metrics/latency`;
  const distribution = {
    name: 'latency',
    filter: 'httpRequest.latency >= "1s"',
    metricDescriptor: { metricKind: 'DELTA', valueType: 'DISTRIBUTION' },
    valueExtractor: 'EXTRACT(httpRequest.latency)',
    bucketOptions: { exponentialBuckets: { numFiniteBuckets: 10, growthFactor: 2, scale: 1 } },
  } as const;

  it.each([
    ['a name starting with /', { name: '/x', filter: 'severity>=ERROR' }],
    ['no filter', { name: 'x' }],
    ['an invalid filter', { name: 'x', filter: 'severity >>= ERROR' }],
    ['a distribution without an extractor', { ...distribution, valueExtractor: '' }],
    [
      'a regex extractor without one capture group',
      { ...distribution, valueExtractor: 'REGEXP_EXTRACT(textPayload, "a+")' },
    ],
    [
      'a counter with an extractor',
      { name: 'x', filter: 'severity>=ERROR', valueExtractor: 'EXTRACT(textPayload)' },
    ],
    [
      'a label without an extractor',
      { name: 'x', filter: 'severity>=ERROR', metricDescriptor: { labels: [{ key: 'code' }] } },
    ],
    ['a GAUGE metric', { name: 'x', filter: 'severity>=ERROR', metricDescriptor: { metricKind: 'GAUGE' } }],
  ])('CreateLogMetric refuses %s with INVALID_ARGUMENT', async (_, metric) => {
    expect(await codeOf(harness.metrics().createLogMetric({ parent: PARENT, metric }))).toBe(
      INVALID_ARGUMENT,
    );
  });

  it('keeps distributions; UpdateLogMetric creates a missing metric and never retypes one', async () => {
    const metrics = harness.metrics('rest');
    const [created] = await metrics.createLogMetric({ parent: PARENT, metric: distribution });
    expect(created.metricDescriptor).toMatchObject({
      type: 'logging.googleapis.com/user/latency',
      valueType: 'DISTRIBUTION',
      metricKind: 'DELTA',
    });
    expect(await codeOf(metrics.createLogMetric({ parent: PARENT, metric: distribution }))).toBe(
      ALREADY_EXISTS,
    );
    const counter = { name: 'latency', filter: 'severity>=ERROR' };
    expect(await codeOf(metrics.updateLogMetric({ metricName, metric: counter }))).toBe(INVALID_ARGUMENT);
    const [fresh] = await metrics.updateLogMetric({
      metricName: `${PARENT}/metrics/errors`,
      metric: { name: 'errors', filter: 'severity>=ERROR' },
    });
    expect(fresh.name).toBe('errors');
    const misnamed = metrics.updateLogMetric({ metricName: `${PARENT}/metrics/errors`, metric: counter });
    expect(await codeOf(misnamed)).toBe(INVALID_ARGUMENT);
    // Metrics belong to projects (REST has no URL for anything else; gRPC reaches the server).
    const organization = harness
      .metrics('grpc')
      .listLogMetrics({ parent: 'organizations/1' }, { autoPaginate: false });
    expect(await codeOf(organization)).toBe(INVALID_ARGUMENT);
  });
});
