// The local Cloud Logging's live tail (TailLogEntries) driven through the official clients:
// new entries matching the filter are streamed after about the buffer window, others are
// not, old entries never are; faults refuse the stream; the session limit holds; nothing
// stays open after the client cancels.
import { Logging, v2 } from '@google-cloud/logging';
import * as grpc from '@grpc/grpc-js';
import { PassThroughClient } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultRegistry } from '../src/faults.js';
import type { TransferLogEntry } from '../src/log-contract.js';
import { type LoggingEmulator, startLoggingEmulator } from '../src/logging/index.js';

const PROJECT = 'tail-project';
const faults = new FaultRegistry();
let emulator: LoggingEmulator;
let client: InstanceType<typeof v2.LoggingServiceV2Client>;

type Stream = ReturnType<InstanceType<typeof v2.LoggingServiceV2Client>['tailLogEntries']>;
type Response = { entries: { labels?: Record<string, string>; jsonPayload?: unknown }[] };

function message(overrides: Partial<TransferLogEntry> = {}): TransferLogEntry {
  return {
    projectId: PROJECT,
    location: 'us',
    configId: 'cfg-a',
    runId: 'run-1',
    time: new Date(),
    severity: 'INFO',
    message: 'Starting transfer',
    ...overrides,
  };
}

function clientOptions() {
  const [host, port] = emulator.hostPort.split(':');
  return {
    projectId: PROJECT,
    apiEndpoint: host,
    port: Number(port),
    sslCreds: grpc.credentials.createInsecure(),
    authClient: new PassThroughClient(),
  };
}

/** Opens a tail on config `configId`; collects responses with their arrival times. */
function openTail(configId: string, bufferWindowMs = 300, project = PROJECT) {
  return openFilteredTail(
    `resource.type="bigquery_dts_config" AND resource.labels.config_id="${configId}"`,
    bufferWindowMs,
    project,
  );
}

function openFilteredTail(filter: string, bufferWindowMs = 300, project = PROJECT) {
  const stream: Stream = client.tailLogEntries({ timeout: 30_000 });
  const responses: { at: number; response: Response }[] = [];
  const opened = new Promise<void>((resolve) => stream.once('metadata', () => resolve()));
  const ended = new Promise<{ code?: number; details?: string } | undefined>((resolve) => {
    stream.on('error', (error: { code?: number; details?: string }) => resolve(error));
    stream.on('end', () => resolve(undefined));
  });
  stream.on('data', (response: Response) => responses.push({ at: Date.now(), response }));
  stream.write({
    resourceNames: [`projects/${project}`],
    filter,
    bufferWindow: { seconds: Math.floor(bufferWindowMs / 1000), nanos: (bufferWindowMs % 1000) * 1e6 },
  });
  return { stream, responses, opened, ended };
}

const until = async (check: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

beforeAll(async () => {
  emulator = await startLoggingEmulator({ faults, projectId: PROJECT, maxTailSessions: 3 });
  client = new v2.LoggingServiceV2Client(
    clientOptions() as ConstructorParameters<typeof v2.LoggingServiceV2Client>[0],
  );
});

afterAll(async () => {
  await client.close();
  await emulator.stop();
});

describe('TailLogEntries on the local cloud', () => {
  it('streams new matching entries after about the buffer window, in order', async () => {
    emulator.sink.append(message({ message: 'old, before the session' }));
    const tail = openTail('cfg-a', 300);
    await tail.opened;
    const written = Date.now();
    emulator.sink.append(message({ message: 'one' }));
    emulator.sink.append(message({ configId: 'cfg-other', message: 'other config' }));
    emulator.sink.append(message({ runId: 'run-2', message: 'two' }));
    await until(() => tail.responses.flatMap((r) => r.response.entries).length >= 2);
    const entries = tail.responses.flatMap((r) => r.response.entries);
    expect(entries.map((e) => e.labels?.run_id)).toEqual(['run-1', 'run-2']);
    const firstAt = tail.responses[0]!.at - written;
    // Held for the buffer window (300 ms), not much longer.
    expect(firstAt).toBeGreaterThanOrEqual(250);
    expect(firstAt).toBeLessThan(2_500);
    tail.stream.cancel();
    await tail.ended;
    await until(() => emulator.openTailSessions() === 0);
  });

  it('is what @google-cloud/logging tailEntries() reads', async () => {
    const logging = new Logging(clientOptions() as unknown as ConstructorParameters<typeof Logging>[0]);
    const stream = logging.tailEntries({
      filter: 'resource.type="bigquery_dts_config" AND resource.labels.config_id="cfg-b"',
    });
    const seen: string[] = [];
    stream.on('data', (response: { entries: { metadata: { labels?: Record<string, string> } }[] }) => {
      for (const entry of response.entries) seen.push(entry.metadata.labels?.run_id ?? '');
    });
    stream.on('error', () => undefined);
    await until(() => emulator.openTailSessions() === 1);
    emulator.sink.append(message({ configId: 'cfg-b', runId: 'run-9' }));
    await until(() => seen.length === 1, 6_000);
    expect(seen).toEqual(['run-9']);
    stream.end();
    (stream as unknown as { cancel?: () => void }).cancel?.();
    await until(() => emulator.openTailSessions() === 0);
    await logging.loggingService.close();
  });

  it('refuses a session when a fault says so, and past the session limit', async () => {
    faults.add({ service: 'logging', method: 'TailLogEntries', kind: 'error', code: 7, message: 'denied' });
    const refused = openTail('cfg-a');
    expect(await refused.ended).toMatchObject({ code: 7 });

    const open = [openTail('cfg-a'), openTail('cfg-a'), openTail('cfg-a')];
    await Promise.all(open.map((t) => t.opened));
    const fourth = openTail('cfg-a');
    const error = await fourth.ended;
    expect(error?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect(error?.details).toMatch(/live tailing sessions may be open at once in projects\/tail-project/);
    // The limit is per project: another project still has room.
    const elsewhere = openTail('cfg-a', 300, 'other-project');
    await elsewhere.opened;
    open.push(elsewhere);
    for (const tail of open) tail.stream.cancel();
    await until(() => emulator.openTailSessions() === 0);
  });

  it('rejects a bad filter or buffer window with INVALID_ARGUMENT', async () => {
    const stream: Stream = client.tailLogEntries({ timeout: 10_000 });
    const ended = new Promise<{ code?: number }>((resolve) => stream.on('error', resolve));
    stream.write({ resourceNames: [`projects/${PROJECT}`], bufferWindow: { seconds: 61 } });
    expect((await ended).code).toBe(grpc.status.INVALID_ARGUMENT);
    const bad = openTail('cfg-a');
    bad.stream.write({});
    const badFilter: Stream = client.tailLogEntries({ timeout: 10_000 });
    const badEnded = new Promise<{ code?: number }>((resolve) => badFilter.on('error', resolve));
    badFilter.write({
      resourceNames: [`projects/${PROJECT}`],
      filter: 'severity>=ERROR AND (labels.run_id=x',
    });
    const refused = (await badEnded) as { code?: number; details?: string };
    expect(refused.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(refused.details).toContain('line 1, column 37');
    bad.stream.cancel();
    await until(() => emulator.openTailSessions() === 0);
  });
});

describe('TailLogEntries with the query language', () => {
  it('streams what a filter with OR, NOT and a regex selects', async () => {
    const tail = openFilteredTail(
      '(labels.run_id="run-7" OR severity>=ERROR) NOT jsonPayload.message=~"(?i)^ignore"',
      0,
    );
    await tail.opened;
    emulator.sink.append(message({ runId: 'run-7', message: 'seven' }));
    emulator.sink.append(message({ runId: 'run-8', message: 'eight' }));
    emulator.sink.append(message({ runId: 'run-8', severity: 'ERROR', message: 'IGNORE me' }));
    emulator.sink.append(message({ runId: 'run-9', severity: 'ERROR', message: 'broken' }));
    await until(() => tail.responses.flatMap((r) => r.response.entries).length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const entries = tail.responses.flatMap((r) => r.response.entries);
    expect(entries.map((entry) => entry.labels?.run_id)).toEqual(['run-7', 'run-9']);
    tail.stream.cancel();
    await tail.ended;
    await until(() => emulator.openTailSessions() === 0);
  });
});
