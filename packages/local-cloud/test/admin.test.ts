// The admin endpoint over plain HTTP: faults added, listed, consumed and removed; buckets
// denied; stats served; clear JSON errors for bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminServer, startAdminServer } from '../src/admin.js';
import { FaultRegistry } from '../src/faults.js';

const faults = new FaultRegistry();
const denied: string[] = [];
let admin: AdminServer;

beforeAll(async () => {
  admin = await startAdminServer({
    faults,
    denyBucket: (bucket) => denied.push(bucket),
    stats: () => ({ runs: 3, faults: faults.list().length }),
  });
});

afterAll(async () => {
  await admin?.stop();
});

// The admin answers' JSON, loosely: each test reads the keys its endpoint returns.
// biome-ignore lint/suspicious/noExplicitAny: response bodies of several shapes
type AdminJson = any;

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: AdminJson }> {
  const response = await fetch(`${admin.url}${path}`, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    signal: AbortSignal.timeout(5000),
  });
  return { status: response.status, json: await response.json() };
}

describe('admin endpoint', () => {
  it('listens on loopback', () => {
    expect(admin.hostPort).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('adds a fault that the registry then applies, and lists it with its id', async () => {
    const added = await call('POST', '/faults', {
      service: 'dts',
      method: 'StartManualTransferRuns',
      kind: 'error',
      code: 8,
      message: 'Quota exceeded',
      times: 2,
    });
    expect(added.status).toBe(201);
    const listed = await call('GET', '/faults');
    expect(listed.json.faults).toEqual([
      {
        id: added.json.id,
        service: 'dts',
        method: 'StartManualTransferRuns',
        kind: 'error',
        code: 8,
        message: 'Quota exceeded',
        times: 2,
      },
    ]);
    expect(faults.take('dts', 'StartManualTransferRuns')?.code).toBe(8);
    expect((await call('GET', '/faults')).json.faults[0].times).toBe(1);
  });

  it('takes times -1 as always, and deletes one fault by id', async () => {
    const { json } = await call('POST', '/faults', {
      service: 'logging',
      method: '*',
      kind: 'latency',
      latencyMs: 50,
      times: -1,
    });
    for (let i = 0; i < 5; i += 1) expect(faults.take('logging', 'ListLogEntries')?.kind).toBe('latency');
    const listed = await call('GET', '/faults');
    expect(listed.json.faults.find((rule: { id: number }) => rule.id === json.id).times).toBe(-1);
    expect((await call('DELETE', `/faults/${json.id}`)).status).toBe(200);
    expect(faults.take('logging', 'ListLogEntries')).toBeUndefined();
    expect((await call('DELETE', `/faults/${json.id}`)).status).toBe(404);
  });

  it('clears all faults', async () => {
    await call('POST', '/faults', { service: 's3', method: '*', kind: 'hang' });
    expect((await call('DELETE', '/faults')).status).toBe(200);
    expect((await call('GET', '/faults')).json.faults).toEqual([]);
  });

  it('denies a bucket', async () => {
    const { status, json } = await call('POST', '/s3/deny', { bucket: 'secret-lake' });
    expect(status).toBe(200);
    expect(json).toEqual({ denied: 'secret-lake' });
    expect(denied).toEqual(['secret-lake']);
  });

  it('serves stats', async () => {
    expect(await call('GET', '/stats')).toEqual({ status: 200, json: { runs: 3, faults: 0 } });
  });

  it.each([
    ['not JSON', '/faults', '{nope', 'must be JSON'],
    ['unknown service', '/faults', { service: 'ec2', method: '*', kind: 'error' }, 'service'],
    ['missing kind', '/faults', { service: 'dts', method: '*' }, 'kind'],
    ['unknown key', '/faults', { service: 'dts', method: '*', kind: 'hang', when: 'now' }, 'when'],
    ['times 0', '/faults', { service: 'dts', method: '*', kind: 'hang', times: 0 }, 'times'],
    ['deny without bucket', '/s3/deny', {}, 'bucket'],
  ])('answers 400 with a clear message: %s', async (_, path, body, named) => {
    const { status, json } = await call('POST', path, body);
    expect(status).toBe(400);
    expect(json.error).toContain(named);
  });

  it('answers 404 and 405 with what to do instead', async () => {
    const missing = await call('GET', '/nothing');
    expect(missing.status).toBe(404);
    expect(missing.json.error).toContain('GET /faults');
    const wrong = await call('PUT', '/stats');
    expect(wrong.status).toBe(405);
    expect(wrong.json.error).toContain('use GET');
  });
});
