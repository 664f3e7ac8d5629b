// jobs.query's jobCreationMode over REST: JOB_CREATION_OPTIONAL answers a SELECT whose rows
// fit in the response without a job (a queryId, no jobReference, nothing kept); results
// larger than the response, DML and destination tables create a job and say why; the
// default mode always creates one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BigQueryEmulator, startBigQueryEmulator } from '../src/bigquery/index.js';
import { FaultRegistry } from '../src/faults.js';

const PROJECT = 'short-project';
let emulator: BigQueryEmulator;

/** The parts of the REST replies these tests read. */
interface Reply {
  jobReference: { jobId: string };
  queryId: string;
  rows?: unknown[];
  pageToken?: string;
  jobCreationReason?: { code: string };
  error: { message: string };
}

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${emulator.url}/bigquery/v2/projects/${PROJECT}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Reply };
}

const query = (sql: string, extra: Record<string, unknown> = {}) =>
  call('POST', '/queries', { query: sql, useLegacySql: false, ...extra });

beforeAll(async () => {
  emulator = await startBigQueryEmulator({ faults: new FaultRegistry(), projectId: PROJECT });
  await call('POST', '/datasets', { datasetReference: { datasetId: 'd' } });
  await query('CREATE TABLE d.t (n INT64)');
  await query('INSERT INTO d.t (n) VALUES (1), (2), (3)');
});
afterAll(async () => {
  await emulator.stop();
});

describe('JOB_CREATION_OPTIONAL', () => {
  it('answers a small SELECT without a job: a queryId, no jobReference, nothing to fetch again', async () => {
    const { status, body } = await query('SELECT n FROM d.t ORDER BY n', {
      jobCreationMode: 'JOB_CREATION_OPTIONAL',
    });
    expect(status).toBe(200);
    expect(body.jobReference).toBeUndefined();
    expect(body.jobCreationReason).toBeUndefined();
    expect(body).toMatchObject({ jobComplete: true, totalRows: '3', location: 'US' });
    expect(body.rows).toHaveLength(3);
    expect(body.pageToken).toBeUndefined();
    expect((await call('GET', `/jobs/${body.queryId}`)).status).toBe(404);
    expect((await call('GET', `/queries/${body.queryId}`)).status).toBe(404);
    const listed = await call('GET', '/jobs');
    expect(JSON.stringify(listed.body)).not.toContain(body.queryId);
  });

  it('creates a job when the rows do not fit in the response (LARGE_RESULTS)', async () => {
    const { body } = await query('SELECT n FROM d.t ORDER BY n', {
      jobCreationMode: 'JOB_CREATION_OPTIONAL',
      maxResults: 2,
    });
    expect(body.jobCreationReason).toEqual({ code: 'LARGE_RESULTS' });
    expect(body.pageToken).toBe('2');
    const next = await call('GET', `/queries/${body.jobReference.jobId}?pageToken=2`);
    expect(next.body.rows).toHaveLength(1);
  });

  it('creates a job for DML (OTHER)', async () => {
    const { body } = await query('UPDATE d.t SET n = n WHERE true', {
      jobCreationMode: 'JOB_CREATION_OPTIONAL',
    });
    expect(body.jobCreationReason).toEqual({ code: 'OTHER' });
    const job = await call('GET', `/jobs/${body.jobReference.jobId}`);
    expect(job.body.jobCreationReason).toEqual({ code: 'OTHER' });
  });
});

describe('the default mode and bad values', () => {
  it('always creates a job, REQUESTED', async () => {
    const { body } = await query('SELECT 1 AS one', { jobCreationMode: 'JOB_CREATION_REQUIRED' });
    expect(body.jobReference.jobId).toEqual(expect.any(String));
    const job = await call('GET', `/jobs/${body.jobReference.jobId}`);
    expect(job.body.jobCreationReason).toEqual({ code: 'REQUESTED' });
  });

  it('refuses an unknown jobCreationMode', async () => {
    const { status, body } = await query('SELECT 1', { jobCreationMode: 'JOB_CREATION_SOMETIMES' });
    expect(status).toBe(400);
    expect(body.error.message).toContain('job_creation_mode');
  });
});
