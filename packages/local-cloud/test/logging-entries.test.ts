// LogEntry fidelity through the official clients: every field written reads back (all
// three payload kinds, httpRequest, trace, operation, sourceLocation, split, timestamps to
// the nanosecond), receiveTimestamp comes from the service, insertId + timestamp
// de-duplicate within a project, WriteLogEntries refuses what the real service refuses,
// and ListLogs / DeleteLog / ListMonitoredResourceDescriptors answer.
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultRegistry } from '../src/faults.js';
import { type LoggingEmulator, startLoggingEmulator } from '../src/logging/index.js';
import { loadLoggingProto } from '../src/rpc/protos.js';
import {
  type LogEntryMessage,
  type LoggingV2Client,
  listEntries,
  loggingClient,
  loggingV2Client,
  withoutDiagnostics,
} from './logging-clients.js';

const PROJECT = 'entries-project';
let emulator: LoggingEmulator;
let logging: ReturnType<typeof loggingClient>;
let v2: LoggingV2Client;
type Metadata = Parameters<ReturnType<typeof logging.log>['entry']>[0];
const parent = `projects/${PROJECT}`;
const logName = (id: string) => `${parent}/logs/${encodeURIComponent(id)}`;
const global = { type: 'global', labels: { project_id: PROJECT } };

beforeAll(async () => {
  emulator = await startLoggingEmulator({ faults: new FaultRegistry(), projectId: PROJECT });
  logging = loggingClient(PROJECT, emulator.hostPort);
  v2 = loggingV2Client(PROJECT, emulator.hostPort);
});

afterAll(async () => {
  await logging?.loggingService.close();
  await v2?.close();
  await emulator?.stop();
});

async function rawEntries(filter: string): Promise<LogEntryMessage[]> {
  return listEntries(v2, { resourceNames: [parent], filter, orderBy: 'timestamp asc', pageSize: 1000 });
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** An entry with every LogEntry field set, as @google-cloud/logging takes it. */
const timestamp = `${new Date(Date.now() - 60_000).toISOString().slice(0, 19)}.123456789Z`;
const metadata = {
  resource: { type: 'gce_instance', labels: { zone: 'us-central1-a', instance_id: '123' } },
  severity: 'CRITICAL',
  timestamp,
  labels: { team: 'data' },
  insertId: 'fixed-1',
  httpRequest: {
    requestMethod: 'POST',
    requestUrl: 'https://example.com/upload',
    requestSize: '10',
    status: 201,
    responseSize: '256',
    userAgent: 'curl/8',
    remoteIp: '10.0.0.1',
    serverIp: '10.0.0.2',
    referer: 'https://example.com/',
    latency: { seconds: '3', nanos: 5 },
    cacheLookup: true,
    cacheHit: true,
    cacheValidatedWithOriginServer: true,
    cacheFillBytes: '7',
    protocol: 'HTTP/2',
  },
  trace: `projects/${PROJECT}/traces/0af7651916cd43dd8448eb211c80319c`,
  spanId: '000000000000004a',
  traceSampled: true,
  operation: { id: 'op-1', producer: 'uploader', first: true, last: true },
  sourceLocation: { file: 'upload.ts', line: '42', function: 'upload' },
  split: { uid: 'split-1', index: 1, totalSplits: 3 },
};

describe('LogEntry round trip', () => {
  it('reads back every field written through @google-cloud/logging, receiveTimestamp from the service', async () => {
    const log = logging.log('roundtrip');
    const before = new Date();
    await log.write(
      log.entry(metadata as unknown as Metadata, { message: 'uploaded', bytes: 256, ok: true }),
    );
    const after = new Date();
    const [entry] = await rawEntries(`logName="${logName('roundtrip')}" insertId="fixed-1"`);
    expect(entry).toMatchObject({
      ...metadata,
      timestamp: { nanos: 123_456_789 },
      logName: logName('roundtrip'),
    });
    expect(entry?.payload).toBe('jsonPayload');
    const received = Number(entry?.receiveTimestamp?.seconds);
    expect(received).toBeGreaterThanOrEqual(seconds(before));
    expect(received).toBeLessThanOrEqual(seconds(after));

    const [read] = await log.getEntries({ filter: 'insertId="fixed-1"' });
    expect(read[0]?.data).toEqual({ message: 'uploaded', bytes: 256, ok: true });
    expect(read[0]?.metadata.httpRequest).toMatchObject({ status: 201, requestMethod: 'POST' });
  });

  it('keeps text and proto payloads, and filters on a known proto type', async () => {
    const httpRequest = loadLoggingProto().root.lookupType('google.logging.type.HttpRequest');
    const value = Buffer.from(
      httpRequest.encode(httpRequest.fromObject({ requestMethod: 'PUT', status: 204 })).finish(),
    );
    const typeUrl = 'type.googleapis.com/google.logging.type.HttpRequest';
    await v2.writeLogEntries({
      logName: logName('payloads'),
      resource: global,
      entries: [
        { textPayload: 'plain text', insertId: 'a-text' },
        // google-gax encodes an Any from its proto field names.
        { protoPayload: { type_url: typeUrl, value }, insertId: 'b-proto' },
      ],
    });
    const entries = await rawEntries(`logName="${logName('payloads')}"`);
    expect(entries.map((entry) => entry.payload)).toEqual(['textPayload', 'protoPayload']);
    expect(entries[0]?.textPayload).toBe('plain text');
    expect(entries[1]?.protoPayload).toMatchObject({ type_url: typeUrl });
    expect(Buffer.from(entries[1]?.protoPayload?.value as Uint8Array)).toEqual(value);
    const byType = await rawEntries(`protoPayload.@type="${typeUrl}" protoPayload.requestMethod=PUT`);
    expect(byType.map((entry) => entry.insertId)).toEqual(['b-proto']);
  });

  it('stamps missing timestamps and insertIds so a batch lists in write order', async () => {
    await v2.writeLogEntries({
      logName: logName('order'),
      resource: global,
      entries: ['one', 'two', 'three'].map((textPayload) => ({ textPayload })),
    });
    const entries = await rawEntries(`logName="${logName('order')}"`);
    expect(entries.map((entry) => entry.textPayload)).toEqual(['one', 'two', 'three']);
    expect(new Set(entries.map((entry) => entry.insertId)).size).toBe(3);
  });
});

describe('insertId de-duplication', () => {
  it('keeps one entry per project, timestamp and insertId', async () => {
    const timestamp = { seconds: seconds(new Date()) - 30, nanos: 500 };
    const entry = (insertId: string, text: string, at = timestamp) => ({
      insertId,
      textPayload: text,
      timestamp: at,
    });
    const write = (log: string, entries: object[], project = PROJECT) =>
      v2.writeLogEntries({ logName: `projects/${project}/logs/${log}`, resource: global, entries });
    await write('dedup', [entry('same', 'first'), entry('same', 'second in the batch')]);
    await write('dedup', [entry('same', 'a retry')]);
    await write('dedup-other-log', [entry('same', 'another log, same project')]);
    await write('dedup', [entry('same', 'another timestamp', { ...timestamp, nanos: 501 })]);
    await write('dedup', [entry('same', 'another project')], 'elsewhere');
    const entries = await rawEntries('insertId="same"');
    expect(entries.map((item) => item.textPayload)).toEqual(['first', 'another timestamp']);
    const elsewhere = await listEntries(v2, { resourceNames: ['projects/elsewhere'] });
    expect(elsewhere.map((item) => item.textPayload)).toEqual(['another project']);
  });
});

describe('what WriteLogEntries refuses', () => {
  const refused = { code: grpc.status.INVALID_ARGUMENT };

  it.each([
    [
      'a LOG_ID with a raw "/"',
      { logName: `${parent}/logs/a/b`, resource: global, entries: [{ textPayload: 'x' }] },
      'URL-encoded',
    ],
    [
      'a LOG_ID with a space',
      { logName: `${parent}/logs/a%20b`, resource: global, entries: [{ textPayload: 'x' }] },
      'letters, digits',
    ],
    ['no resource', { logName: logName('x'), entries: [{ textPayload: 'x' }] }, 'resource is required'],
    ['no entries', { logName: logName('x'), resource: global, entries: [] }, 'at least one'],
    [
      'an entry over 256 KiB',
      { logName: logName('x'), resource: global, entries: [{ textPayload: 'x'.repeat(300 * 1024) }] },
      'at most 262144 bytes',
    ],
  ])('%s', async (_, request, named) => {
    await expect(v2.writeLogEntries(request)).rejects.toMatchObject({
      ...refused,
      message: expect.stringContaining(named),
    });
  });

  it('writes the valid entries of a partialSuccess batch, writes nothing on dryRun', async () => {
    const entries = [
      { textPayload: 'kept', logName: logName('partial') },
      { textPayload: 'no log name', logName: 'bad' },
    ];
    await expect(v2.writeLogEntries({ resource: global, entries })).rejects.toMatchObject(refused);
    expect(await rawEntries(`logName="${logName('partial')}"`)).toHaveLength(0);
    await expect(
      v2.writeLogEntries({ resource: global, entries, partialSuccess: true }),
    ).rejects.toMatchObject({
      ...refused,
      message: expect.stringContaining('1 of 2 entries were written'),
    });
    await v2.writeLogEntries({ resource: global, entries: [entries[0]!], dryRun: true });
    expect((await rawEntries(`logName="${logName('partial')}"`)).map((entry) => entry.textPayload)).toEqual([
      'kept',
    ]);
  });

  it('stores entries outside the retention period or a day ahead, but never lists them', async () => {
    const now = seconds(new Date());
    const at = (offsetSeconds: number, textPayload: string) => ({
      textPayload,
      timestamp: { seconds: now + offsetSeconds },
    });
    await v2.writeLogEntries({
      logName: logName('window'),
      resource: global,
      entries: [
        at(-31 * 86_400, 'too old'),
        at(-29 * 86_400, 'old enough'),
        at(25 * 3_600, 'too far ahead'),
        at(3_600, 'soon'),
      ],
    });
    const entries = await rawEntries(`logName="${logName('window')}"`);
    expect(entries.map((entry) => entry.textPayload)).toEqual(['old enough', 'soon']);
  });
});

describe('ListLogs, DeleteLog, ListMonitoredResourceDescriptors', () => {
  it('lists logs with entries, and deletes one with its late-arriving past entries', async () => {
    const log = logging.log('to-delete');
    await log.write(log.entry({ resource: global }, 'doomed'));
    const [logs] = await logging.getLogs();
    expect(logs.map((item) => item.name)).toContain('to-delete');

    await log.delete();
    const [left] = await log.getEntries();
    expect(withoutDiagnostics(left)).toHaveLength(0);
    const [after] = await logging.getLogs();
    expect(after.map((item) => item.name)).not.toContain('to-delete');
    await expect(log.delete()).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });

    const past = new Date(Date.now() - 60_000);
    await log.write([
      log.entry({ resource: global, timestamp: past }, 'late'),
      log.entry({ resource: global }, 'new'),
    ]);
    const [again] = await log.getEntries();
    expect(withoutDiagnostics(again).map((entry) => entry.data)).toEqual(['new']);
  });

  it('pages ListLogs', async () => {
    const [names, , response] = await v2.listLogs({ parent, pageSize: 1 }, { autoPaginate: false });
    expect(names).toHaveLength(1);
    expect(response?.nextPageToken).toBeTruthy();
  });

  it('describes the monitored resources its entries use', async () => {
    const [descriptors] = (await v2.listMonitoredResourceDescriptors({})) as [
      { type?: string; labels?: { key?: string }[] }[],
    ];
    expect(descriptors.map((descriptor) => descriptor.type)).toEqual(['bigquery_dts_config', 'global']);
    expect(descriptors[0]?.labels?.map((label) => label.key)).toEqual([
      'project_id',
      'location',
      'config_id',
    ]);
  });
});
