// The Logging handlers behind the REST gateway, driven by @google-cloud/logging in REST
// mode (`fallback: true`): POST /v2/entries:list with body '*', errors as Google JSON.

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

  it('maps a bad filter to INVALID_ARGUMENT', async () => {
    await expect(
      logging.getEntries({ filter: 'labels.run_id="r1" OR labels.run_id="r2"' }),
    ).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      message: expect.stringContaining('OR'),
    });
  });
});
