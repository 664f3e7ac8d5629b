// The Logging query language through the official clients, as users write it: the filters
// @google-cloud/logging builds itself (a user filter in parentheses AND logName AND a 24 h
// window), presence tests on the labels DTS writes, OR / NOT / parentheses / regex / has /
// bare text, severity ranks, timestamps as instants, and errors that say where.
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultRegistry } from '../src/faults.js';
import { type LoggingEmulator, startLoggingEmulator } from '../src/logging/index.js';
import {
  type LoggingV2Client,
  listEntries,
  loggingClient,
  loggingV2Client,
  withoutDiagnostics,
} from './logging-clients.js';

const PROJECT = 'query-project';
let emulator: LoggingEmulator;
let logging: ReturnType<typeof loggingClient>;
let v2: LoggingV2Client;
const now = Date.now();
const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000);
/** 11 minutes ago, whole second, plus 123456789 ns. */
const PRECISE = `${minutesAgo(11).toISOString().slice(0, 19)}.123456789Z`;
type Metadata = Parameters<ReturnType<ReturnType<typeof loggingClient>['log']>['entry']>[0];

beforeAll(async () => {
  emulator = await startLoggingEmulator({ faults: new FaultRegistry(), projectId: PROJECT });
  logging = loggingClient(PROJECT, emulator.hostPort);
  v2 = loggingV2Client(PROJECT, emulator.hostPort);
  const run = { projectId: PROJECT, location: 'us', configId: 'cfg-a', runId: 'run-1' };
  emulator.sink.append({ ...run, time: minutesAgo(30), severity: 'INFO', message: 'Starting transfer run' });
  emulator.sink.append({ ...run, time: minutesAgo(29), severity: 'ERROR', message: 'Access Denied' });
  emulator.sink.append({
    ...run,
    configId: 'cfg-b',
    runId: 'run-2',
    time: minutesAgo(20),
    severity: 'WARNING',
    message: 'Slow',
  });
  const app = logging.log('app');
  const other = logging.log('other');
  await app.write([
    app.entry(
      { resource: { type: 'global' }, severity: 'ERROR', timestamp: minutesAgo(15) },
      'Disk full on /dev/sda1',
    ),
    app.entry(
      { resource: { type: 'global' }, severity: 'NOTICE', timestamp: minutesAgo(14) },
      { user: 'ada', attempts: 3 },
    ),
    app.entry({ resource: { type: 'global' }, severity: 'DEBUG', timestamp: minutesAgo(13) }, 'cache warm'),
  ]);
  await other.write(
    other.entry({ resource: { type: 'global' }, severity: 'ERROR', timestamp: minutesAgo(12) }, 'elsewhere'),
  );
  // A timestamp with nanoseconds: the client sends a string timestamp as written.
  const precise = {
    resource: { type: 'global' },
    severity: 'DEBUG',
    timestamp: PRECISE,
  } as unknown as Metadata;
  await other.write(other.entry(precise, 'to the nanosecond'));
});

afterAll(async () => {
  await logging?.loggingService.close();
  await v2?.close();
  await emulator?.stop();
});

const texts = (entries: { data?: unknown }[]) =>
  withoutDiagnostics(entries).map((entry) =>
    typeof entry.data === 'string'
      ? entry.data
      : ((entry.data as { message?: string }).message ?? JSON.stringify(entry.data)),
  );

async function query(filter: string): Promise<string[]> {
  const [entries] = await logging.getEntries({ filter, orderBy: 'timestamp asc' });
  return texts(entries);
}

describe('filters the official client builds', () => {
  it("log.getEntries({filter: 'severity=ERROR'}): (filter) AND logName AND a 24 h window", async () => {
    const [entries] = await logging.log('app').getEntries({ filter: 'severity=ERROR' });
    expect(texts(entries)).toEqual(['Disk full on /dev/sda1']);
  });

  it('log.getEntries() lists one log, newest first', async () => {
    const [entries] = await logging.log('app').getEntries();
    expect(texts(entries)).toEqual(['cache warm', '{"user":"ada","attempts":3}', 'Disk full on /dev/sda1']);
  });

  it('matches the labels DTS writes with :* (exists)', async () => {
    expect(await query('resource.labels.config_id:* AND labels.run_id:*')).toEqual([
      'Starting transfer run',
      'Access Denied',
      'Slow',
    ]);
    expect(await query('NOT labels.run_id:* AND severity=ERROR')).toEqual([
      'Disk full on /dev/sda1',
      'elsewhere',
    ]);
  });

  it("reads the product's run filter: config, run and a closed timestamp window", async () => {
    const filter = [
      'resource.type="bigquery_dts_config"',
      'resource.labels.config_id="cfg-a"',
      'labels.run_id="run-1"',
      `timestamp>="${minutesAgo(31).toISOString()}"`,
      `timestamp<="${minutesAgo(29).toISOString()}"`,
    ].join(' AND ');
    expect(await query(filter)).toEqual(['Starting transfer run', 'Access Denied']);
  });
});

describe('the query language through the client', () => {
  it.each([
    ['OR', 'labels.run_id="run-2" OR jsonPayload.user="ada"', ['Slow', '{"user":"ada","attempts":3}']],
    [
      'NOT',
      'resource.type="global" NOT severity=ERROR',
      ['{"user":"ada","attempts":3}', 'cache warm', 'to the nanosecond'],
    ],
    ['- as NOT', 'resource.type="global" -logName:app', ['elsewhere', 'to the nanosecond']],
    [
      'parentheses',
      '(severity=ERROR OR severity=WARNING) AND resource.type="bigquery_dts_config"',
      ['Access Denied', 'Slow'],
    ],
    ['a value group', 'severity=(ERROR OR DEBUG) log_id("app")', ['Disk full on /dev/sda1', 'cache warm']],
    ['a regex', 'textPayload=~"^Disk .* /dev/sd[a-z][0-9]$"', ['Disk full on /dev/sda1']],
    [
      'a negated regex',
      'resource.type="global" textPayload!~"(?i)disk"',
      ['{"user":"ada","attempts":3}', 'cache warm', 'elsewhere', 'to the nanosecond'],
    ],
    ['has (:)', 'jsonPayload.message:"access"', ['Access Denied']],
    ['a JSON number', 'jsonPayload.attempts>=3', ['{"user":"ada","attempts":3}']],
    ['bare text', '"transfer run"', ['Starting transfer run']],
    ['bare words (implicit AND)', 'disk sda1', ['Disk full on /dev/sda1']],
  ])('%s', async (_, filter, expected) => {
    expect(await query(filter)).toEqual(expected);
  });

  it('compares severities by rank, by name in any case or by number', async () => {
    expect(await query('severity>=WARNING')).toEqual([
      'Access Denied',
      'Slow',
      'Disk full on /dev/sda1',
      'elsewhere',
    ]);
    expect(await query('severity<=notice AND severity>100')).toEqual([
      'Starting transfer run',
      '{"user":"ada","attempts":3}',
    ]);
    expect(await query('severity=100')).toEqual(['cache warm', 'to the nanosecond']);
  });

  it('compares timestamps as instants to the nanosecond, whatever the zone', async () => {
    const seconds = PRECISE.slice(0, 19);
    const shifted = new Date(`${seconds}Z`).getTime() + 2 * 3_600_000;
    const inParis = `${new Date(shifted).toISOString().slice(0, 19)}.123456789+02:00`;
    expect(await query(`timestamp="${inParis}"`)).toEqual(['to the nanosecond']);
    expect(await query(`timestamp>"${seconds}.123456788Z" AND timestamp<"${seconds}.12345679Z"`)).toEqual([
      'to the nanosecond',
    ]);
    expect(await query(`timestamp>"${PRECISE}"`)).not.toContain('to the nanosecond');
  });

  it('serves the same language to the generated v2 client', async () => {
    const entries = await listEntries(v2, {
      resourceNames: [`projects/${PROJECT}`],
      filter: 'labels.run_id:* severity>=ERROR',
      orderBy: 'timestamp asc',
    });
    expect(entries.map((entry) => entry.labels?.run_id)).toEqual(['run-1']);
  });

  it('refuses a bad filter with INVALID_ARGUMENT at its line and column', async () => {
    await expect(
      logging.getEntries({ filter: 'severity=ERROR AND (labels.run_id="run-1"' }),
    ).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      message: expect.stringMatching(/line 1, column \d+: found the end of the filter, expected .*"\)"/),
    });
    await expect(logging.getEntries({ filter: 'jsonPayload.x=~"(?<=a)b"' })).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      message: expect.stringContaining('RE2 does not support lookahead or lookbehind'),
    });
  });
});
