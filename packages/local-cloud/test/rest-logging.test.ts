// The Logging handlers behind the REST gateway, driven by @google-cloud/logging in REST
// mode (`fallback: true`): POST /v2/entries:list and :write with body '*', GET …/logs,
// DELETE …/logs/LOG_ID (its %2F decoded by the gateway), errors as Google JSON.

import { Logging } from '@google-cloud/logging';
import { status } from '@grpc/grpc-js';
import { PassThroughClient } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultRegistry } from '../src/faults.js';
import { createLoggingHandlers, LogStore } from '../src/logging/index.js';
import { LOGGING_SERVICE_NAME, loadLoggingProto } from '../src/rpc/protos.js';
import { type RestGateway, startRestGateway } from '../src/rpc/rest-gateway.js';

const PROJECT = 'rest-project';
const faults = new FaultRegistry();
const store = new LogStore();
let gateway: RestGateway;
let logging: Logging;

beforeAll(async () => {
  gateway = await startRestGateway({
    root: loadLoggingProto().root,
    serviceName: LOGGING_SERVICE_NAME,
    handlers: createLoggingHandlers(store),
    faults,
    faultService: 'logging',
  });
  logging = new Logging({
    projectId: PROJECT,
    fallback: true,
    protocol: 'http',
    apiEndpoint: '127.0.0.1',
    port: Number(gateway.hostPort.split(':')[1]),
    authClient: new PassThroughClient({ transporterOptions: { validateStatus: () => true } }),
  } as unknown as ConstructorParameters<typeof Logging>[0]);
  for (const [index, runId] of ['r1', 'r1', 'r2'].entries()) {
    store.append({
      projectId: PROJECT,
      location: 'us',
      configId: 'cfg',
      runId,
      time: new Date(Date.now() - (10 - index) * 60_000),
      severity: index === 1 ? 'ERROR' : 'INFO',
      message: `message ${index}`,
    });
  }
});

afterAll(async () => {
  await logging?.loggingService.close();
  await gateway?.stop();
});

describe('local Cloud Logging over REST through @google-cloud/logging', () => {
  it('lists run entries with the product filter', async () => {
    const [entries] = await logging.getEntries({
      filter:
        'resource.type="bigquery_dts_config" AND resource.labels.config_id="cfg" AND labels.run_id="r1"',
      orderBy: 'timestamp asc',
    });
    expect(entries.map((entry) => entry.data)).toEqual([{ message: 'message 0' }, { message: 'message 1' }]);
    expect(entries[1]?.metadata.severity).toBe('ERROR');
    expect(entries[0]?.metadata.resource?.labels?.config_id).toBe('cfg');
  });

  it('pages over REST', async () => {
    const [page, next] = await logging.getEntries({
      pageSize: 2,
      autoPaginate: false,
      orderBy: 'timestamp asc',
    });
    expect(page).toHaveLength(2);
    expect((next as { pageToken?: string } | null)?.pageToken).toBeTruthy();
  });

  it('answers the full query language: OR, regex, exists', async () => {
    const [entries] = await logging.getEntries({
      filter:
        '(labels.run_id="r2" OR severity=ERROR) AND jsonPayload.message=~"^message [0-9]$" AND labels.run_id:*',
      orderBy: 'timestamp asc',
    });
    expect(entries.map((entry) => entry.data)).toEqual([{ message: 'message 1' }, { message: 'message 2' }]);
  });

  it('maps a bad filter to INVALID_ARGUMENT naming the column', async () => {
    const filter = 'timestamp>="2026-01-01T00:00:00Z" AND labels.run_id="r1';
    await expect(logging.getEntries({ filter })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      message: expect.stringContaining('line 1, column 53: Unterminated string'),
    });
  });

  it('writes, lists and deletes logs over REST with every field intact', async () => {
    const log = logging.log('rest/app');
    const metadata = {
      resource: { type: 'global' },
      severity: 'WARNING',
      httpRequest: { requestMethod: 'GET', status: 404, latency: { seconds: 1, nanos: 5 } },
      trace: 'projects/rest-project/traces/t1',
      spanId: '0000000000000001',
      traceSampled: true,
      operation: { id: 'op', producer: 'p', first: true },
      sourceLocation: { file: 'a.ts', line: 3, function: 'f' },
      labels: { team: 'data' },
    };
    await log.write(log.entry(metadata as Parameters<typeof log.entry>[0], 'over REST'));
    const [entries] = await log.getEntries({ filter: 'httpRequest.status=404' });
    expect(entries.map((entry) => entry.data)).toEqual(['over REST']);
    expect(entries[0]?.metadata).toMatchObject({
      severity: 'WARNING',
      httpRequest: { requestMethod: 'GET', status: 404 },
      trace: 'projects/rest-project/traces/t1',
      spanId: '0000000000000001',
      traceSampled: true,
      operation: { id: 'op', producer: 'p', first: true },
      sourceLocation: { file: 'a.ts', function: 'f' },
      labels: { team: 'data' },
    });
    const [logs] = await logging.getLogs();
    expect(logs.map((item) => item.name)).toContain('rest%2Fapp');
    await log.delete();
    const [after] = await logging.getLogs();
    expect(after.map((item) => item.name)).not.toContain('rest%2Fapp');
  });
});
