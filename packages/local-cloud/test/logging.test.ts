// The local Cloud Logging driven only through the official @google-cloud/logging client
// over gRPC: DTS run messages as entries, the product's filters (resource type, config and
// run ids, timestamp windows, getEntries' 24 h default), ordering, paging, bad filters.
// The rest of the query language is in logging-query.test.ts.

import { Logging } from '@google-cloud/logging';
import * as grpc from '@grpc/grpc-js';
import { PassThroughClient } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultRegistry } from '../src/faults.js';
import type { TransferLogEntry } from '../src/log-contract.js';
import { type LoggingEmulator, startLoggingEmulator } from '../src/logging/index.js';

const PROJECT = 'demo-project';
const faults = new FaultRegistry();
let emulator: LoggingEmulator;
let logging: Logging;

const now = Date.now();
const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000);

function runMessage(overrides: Partial<TransferLogEntry>): TransferLogEntry {
  return {
    projectId: PROJECT,
    location: 'us',
    configId: 'cfg-a',
    runId: 'run-1',
    time: minutesAgo(10),
    severity: 'INFO',
    message: 'Job started',
    ...overrides,
  };
}

beforeAll(async () => {
  emulator = await startLoggingEmulator({ faults, projectId: PROJECT });
  const [host, port] = emulator.hostPort.split(':');
  logging = new Logging({
    projectId: PROJECT,
    apiEndpoint: host,
    port: Number(port),
    sslCreds: grpc.credentials.createInsecure(),
    // Explicit dummy credentials: nothing probes the GCE metadata server.
    authClient: new PassThroughClient(),
  } as unknown as ConstructorParameters<typeof Logging>[0]);
  const sink = emulator.sink;
  sink.append(runMessage({ time: minutesAgo(30), message: 'Starting transfer run' }));
  sink.append(
    runMessage({
      time: minutesAgo(29),
      message:
        'Moving data from Amazon S3 to Google Cloud complete: Moved 0 object(s). No new files found matching "s3://lake/orders/dt=2026-11-20/*".',
    }),
  );
  sink.append(
    runMessage({ time: minutesAgo(28), severity: 'ERROR', message: 'Access Denied: "quoted" \\ path' }),
  );
  sink.append(runMessage({ runId: 'run-2', time: minutesAgo(20), message: 'Starting transfer run' }));
  sink.append(
    runMessage({
      configId: 'cfg-b',
      runId: 'run-9',
      time: minutesAgo(5),
      severity: 'WARNING',
      message: 'Slow',
    }),
  );
  // Older than a day: only an explicit timestamp term reaches it.
  sink.append(runMessage({ runId: 'run-old', time: new Date(now - 26 * 3_600_000), message: 'Yesterday' }));
});

afterAll(async () => {
  await logging?.loggingService.close();
  await emulator?.stop();
});

const DTS = 'resource.type="bigquery_dts_config"';

describe('local Cloud Logging through @google-cloud/logging', () => {
  it('holds run messages as DTS writes them: log name, resource, labels, jsonPayload', async () => {
    const [entries] = await logging.getEntries({
      filter: `${DTS} AND resource.labels.config_id="cfg-a" AND labels.run_id="run-1"`,
      orderBy: 'timestamp asc',
    });
    expect(entries).toHaveLength(3);
    const first = entries[0]!;
    expect(first.metadata.logName).toBe(
      `projects/${PROJECT}/logs/bigquerydatatransfer.googleapis.com%2Ftransfer_config`,
    );
    expect(first.metadata.resource).toEqual({
      type: 'bigquery_dts_config',
      labels: { project_id: PROJECT, config_id: 'cfg-a', location: 'us' },
    });
    expect(first.metadata.labels).toEqual({ run_id: 'run-1' });
    expect(first.metadata.severity).toBe('INFO');
    expect(first.metadata.insertId).toBeTruthy();
    expect(first.data).toEqual({ message: 'Starting transfer run' });
    expect((first.metadata.timestamp as Date).getTime()).toBe(minutesAgo(30).getTime());
  });

  it('orders by timestamp desc by default (getEntries) and asc on request', async () => {
    const [desc] = await logging.getEntries({ filter: `${DTS} AND resource.labels.config_id="cfg-a"` });
    expect(desc.map((entry) => entry.metadata.labels?.run_id)).toEqual(['run-2', 'run-1', 'run-1', 'run-1']);
    const [asc] = await logging.getEntries({
      filter: `${DTS} AND resource.labels.config_id="cfg-a"`,
      orderBy: 'timestamp asc',
    });
    expect(asc.map((entry) => entry.metadata.labels?.run_id)).toEqual(['run-1', 'run-1', 'run-1', 'run-2']);
  });

  it("honours getEntries' implicit 24 h window and explicit timestamp windows", async () => {
    const [recent] = await logging.getEntries({ filter: `${DTS} AND labels.run_id="run-old"` });
    expect(recent).toHaveLength(0);
    const [window] = await logging.getEntries({
      filter: `${DTS} AND timestamp >= "${new Date(now - 27 * 3_600_000).toISOString()}" AND timestamp < "${minutesAgo(25).toISOString()}"`,
      orderBy: 'timestamp asc',
    });
    expect(window.map((entry) => entry.data)).toEqual([
      { message: 'Yesterday' },
      { message: 'Starting transfer run' },
      { message: expect.stringContaining('No new files found') },
      { message: expect.stringContaining('Access Denied') },
    ]);
  });
});

describe('local Cloud Logging: the product filters', () => {
  it('matches jsonPayload.message by substring (:) and exactly (=), severity by order', async () => {
    const [noFiles] = await logging.getEntries({
      filter: `${DTS} AND jsonPayload.message:"no new files found"`,
    });
    expect(noFiles).toHaveLength(1);
    const [exact] = await logging.getEntries({
      filter: `${DTS} AND jsonPayload.message="Access Denied: \\"quoted\\" \\\\ path"`,
    });
    expect(exact).toHaveLength(1);
    const [notExact] = await logging.getEntries({ filter: `${DTS} AND jsonPayload.message="Access Denied"` });
    expect(notExact).toHaveLength(0);
    const [warnings] = await logging.getEntries({
      filter: `${DTS} severity>=WARNING`,
      orderBy: 'timestamp asc',
    });
    expect(warnings.map((entry) => entry.metadata.severity)).toEqual(['ERROR', 'WARNING']);
    const [others] = await logging.getEntries({ filter: `${DTS} AND resource.labels.config_id!="cfg-a"` });
    expect(others.map((entry) => entry.metadata.labels?.run_id)).toEqual(['run-9']);
  });

  it('filters by logName and project resource name', async () => {
    const [byLog] = await logging.getEntries({ filter: `logName="${emulator.logName}"` });
    expect(byLog).toHaveLength(5);
    const [otherProject] = await logging.getEntries({
      resourceNames: ['projects/someone-else'],
      filter: DTS,
    });
    expect(otherProject).toHaveLength(0);
  });

  it('pages with pageSize and pageToken', async () => {
    const filter = `${DTS} AND resource.labels.config_id="cfg-a"`;
    const [first, next, response] = await logging.getEntries({
      filter,
      pageSize: 3,
      autoPaginate: false,
      orderBy: 'timestamp asc',
    });
    expect(first).toHaveLength(3);
    const token =
      (next as { pageToken?: string } | null)?.pageToken ??
      (response as { nextPageToken?: string }).nextPageToken;
    expect(token).toBeTruthy();
    const [second] = await logging.getEntries({
      filter,
      pageSize: 3,
      pageToken: token,
      autoPaginate: false,
      orderBy: 'timestamp asc',
    });
    expect(second.map((entry) => entry.metadata.labels?.run_id)).toEqual(['run-2']);
  });
});

describe('local Cloud Logging: bad filters, writes, faults', () => {
  it.each([
    ['a dangling AND', `${DTS} AND`, 'column 41: found "AND"'],
    ['an unknown field', `${DTS} AND httpRequest.thud=200`, '"httpRequest" has no field "thud"'],
    [
      'an unterminated string',
      `${DTS} AND timestamp>="2026-01-01T00:00:00Z" AND labels.run_id="run-1`,
      'Unterminated string',
    ],
    ['a timestamp that is not RFC 3339', `${DTS} AND timestamp>="yesterday"`, 'RFC 3339'],
  ])('refuses %s with INVALID_ARGUMENT naming the place', async (_, filter, named) => {
    await expect(logging.getEntries({ filter })).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      message: expect.stringContaining(named),
    });
  });

  it('writes entries with WriteLogEntries and reads them back', async () => {
    const log = logging.log('s3bq-test');
    await log.write([
      log.entry(
        { resource: { type: 'global' }, labels: { run_id: 'w1' }, severity: 'NOTICE' },
        { message: 'hello' },
      ),
      log.entry({ resource: { type: 'global' }, severity: 'INFO' }, 'plain text'),
    ]);
    const [entries] = await logging.getEntries({
      filter: `logName="projects/${PROJECT}/logs/s3bq-test"`,
      orderBy: 'timestamp asc',
    });
    // The client also writes its own instrumentation entry on first use, as against the real API.
    const ours = entries.filter(
      (entry) => !JSON.stringify(entry.data).includes('logging.googleapis.com/diagnostic'),
    );
    expect(ours.map((entry) => entry.data)).toEqual([{ message: 'hello' }, 'plain text']);
    expect(ours[0]?.metadata.labels).toEqual({ run_id: 'w1' });
  });

  it('applies injected faults to ListLogEntries', async () => {
    faults.add({
      service: 'logging',
      method: 'ListLogEntries',
      kind: 'error',
      code: grpc.status.UNAVAILABLE,
      message: 'down',
    });
    await expect(
      logging.getEntries({ filter: DTS, gaxOptions: { retry: null } as never }),
    ).rejects.toMatchObject({
      code: grpc.status.UNAVAILABLE,
    });
    const [entries] = await logging.getEntries({ filter: DTS });
    expect(entries.length).toBeGreaterThan(0);
  });
});
