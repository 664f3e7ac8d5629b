// The local BigQuery's REST surface beyond queries, through the official client: one
// honest answer (501 notImplemented, naming the method) for every API method it does not
// serve; tabledata.insertAll with insertId de-duplication and per-row insertErrors; jobs
// list/get/cancel/delete and copy jobs; clustering, range partitioning and dataset access
// round-trips with BigQuery's validation; the column types it cannot store.
import { promisify } from 'node:util';
import { BigQuery, type RoutineMetadata } from '@google-cloud/bigquery';
import { PassThroughClient } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BigQueryEmulator, startBigQueryEmulator } from '../src/bigquery/index.js';
import { INSERT_ID_WINDOW_MS } from '../src/bigquery/insert-all.js';
import { FaultRegistry } from '../src/faults.js';

const PROJECT = 'rest-project';
let now = new Date('2026-11-21T10:00:00Z');
let emulator: BigQueryEmulator;
let bigquery: BigQuery;

interface Failure {
  code?: number;
  reason?: string;
  message: string;
  status?: string;
}

async function failure(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (error) {
    const caught = error as {
      code?: number;
      message: string;
      errors?: { reason?: string }[];
      response?: { body?: string };
    };
    const body = typeof caught.response?.body === 'string' ? JSON.parse(caught.response.body) : undefined;
    return {
      code: caught.code,
      reason: caught.errors?.[0]?.reason,
      message: caught.message,
      status: body?.error?.status,
    };
  }
  throw new Error('expected the call to fail');
}

/** Any request through the client's own transport (for methods the client has no helper for). */
function call(method: string, uri: string): Promise<unknown> {
  const request = promisify(bigquery.request.bind(bigquery)) as (options: object) => Promise<unknown>;
  return request({ method, uri });
}

beforeAll(async () => {
  emulator = await startBigQueryEmulator({
    faults: new FaultRegistry(),
    projectId: PROJECT,
    clock: () => now,
  });
  bigquery = new BigQuery({
    apiEndpoint: emulator.url,
    projectId: PROJECT,
    authClient: new PassThroughClient() as never,
    autoRetry: false,
  });
  const [dataset] = await bigquery.createDataset('rest');
  await dataset.createTable('events', { schema: 'id:integer,name:string' });
});
afterAll(async () => {
  await emulator.stop();
});

describe('methods the local cloud does not serve', () => {
  it.each([
    ['routines.getIamPolicy', () => call('POST', '/datasets/rest/routines/r:getIamPolicy')],
    ['models.list', () => bigquery.dataset('rest').getModels()],
    ['tables.getIamPolicy', () => bigquery.dataset('rest').table('events').getIamPolicy()],
    ['datasets.undelete', () => call('POST', '/datasets/rest:undelete')],
    ['rowAccessPolicies.list', () => call('GET', '/datasets/rest/tables/events/rowAccessPolicies')],
    ['projects.getServiceAccount', () => call('GET', '/serviceAccount')],
  ])('answers %s with 501 notImplemented naming it', async (method, request) => {
    const error = await failure(request());
    expect(error).toMatchObject({
      code: 501,
      reason: 'notImplemented',
      message: `The local cloud does not implement bigquery.${method}.`,
    });
  });

  it('answers 404 only for paths that are no BigQuery method at all', async () => {
    const error = await failure(call('GET', '/datasets/rest/nothing/here/at/all'));
    expect(error.code).toBe(404);
    expect(error.message).toContain('The BigQuery v2 API has no method GET');
  });

  it('refuses load and extract jobs, which need Cloud Storage', async () => {
    const load = await failure(
      bigquery.createJob({
        configuration: {
          load: {
            sourceUris: ['gs://b/x.csv'],
            destinationTable: { projectId: PROJECT, datasetId: 'rest', tableId: 'events' },
          },
        },
      }),
    );
    expect(load).toMatchObject({ code: 501, reason: 'notImplemented' });
    expect(load.message).toContain('bigquery.jobs.insert for load jobs');
  });
});

describe('tabledata.insertAll', () => {
  it('reports each bad row by index and stops the others, writing nothing', async () => {
    const table = bigquery.dataset('rest').table('events');
    const partial = (await table
      .insert([{ id: 1, name: 'ok' }, { id: 'x' }, { id: 3, extra: true }])
      .catch((error) => error)) as {
      name: string;
      errors: { row: unknown; errors: { reason: string; message: string }[] }[];
    };
    expect(partial.name).toBe('PartialFailureError');
    expect(partial.errors.map((item) => item.errors[0]?.reason)).toEqual(['stopped', 'invalid', 'invalid']);
    expect(partial.errors[1]?.errors[0]?.message).toBe("Could not convert value 'x' to integer. Field: id");
    expect(partial.errors[2]?.errors[0]?.message).toBe('No such field: extra.');
    expect((await table.getRows())[0]).toEqual([]);
    const skipped = await table
      .insert([{ id: 1, name: 'ok' }, { id: 'x' }], { skipInvalidRows: true })
      .catch((error) => error);
    expect((skipped as { errors: unknown[] }).errors).toHaveLength(1);
    expect((await table.getRows())[0]).toEqual([{ id: 1, name: 'ok' }]);
  });

  it('drops rows whose insertId was seen in the last minute, and takes them again after it', async () => {
    await bigquery.dataset('rest').createTable('dedup', { schema: 'id:integer' });
    const table = bigquery.dataset('rest').table('dedup');
    const rows = [
      { insertId: 'a', json: { id: 1 } },
      { insertId: 'b', json: { id: 2 } },
      { insertId: 'a', json: { id: 1 } },
    ];
    await table.insert(rows, { raw: true });
    await table.insert(rows, { raw: true });
    expect((await table.getRows())[0]).toHaveLength(2);
    const saved = now;
    now = new Date(saved.getTime() + INSERT_ID_WINDOW_MS);
    try {
      await table.insert([{ insertId: 'a', json: { id: 1 } }], { raw: true });
      expect((await table.getRows())[0]).toHaveLength(3);
    } finally {
      now = saved;
    }
  });
});

describe('routines', () => {
  it('keeps routines but refuses a query calling one, by name', async () => {
    await bigquery.dataset('rest').createRoutine('triple', {
      routineType: 'SCALAR_FUNCTION',
      definitionBody: 'x * 3',
      arguments: [{ name: 'x', dataType: { typeKind: 'INT64' } }],
    });
    const error = await failure(bigquery.query('SELECT rest.triple(2)'));
    expect(error.message).toBe(
      'The local cloud does not support calling routines (rest.triple): the local cloud keeps routines but does not run them.',
    );
    const bad = await failure(
      bigquery
        .dataset('rest')
        .createRoutine('bad', { routineType: 'MACRO', definitionBody: '1' } as unknown as RoutineMetadata),
    );
    expect(bad.message).toBe('Invalid value for routineType: MACRO is not a valid value');
  });
});

describe('jobs', () => {
  it('lists, gets, cancels and deletes jobs', async () => {
    const [job] = await bigquery.createQueryJob({ query: 'SELECT 1', jobId: 'listed_job' });
    const [jobs] = await bigquery.getJobs();
    expect(jobs.map((item) => item.id)).toContain('listed_job');
    const [cancelled] = await job.cancel();
    expect(cancelled.job?.status?.state).toBe('DONE');
    await job.delete();
    expect((await failure(job.get())).code).toBe(404);
    const duplicate = await failure(
      bigquery
        .createQueryJob({ query: 'SELECT 1', jobId: 'same_job' })
        .then(() => bigquery.createQueryJob({ query: 'SELECT 1', jobId: 'same_job' })),
    );
    expect(duplicate).toMatchObject({ code: 409, reason: 'duplicate' });
  });

  it('copies tables, refusing a destination with rows under WRITE_EMPTY', async () => {
    const source = bigquery.dataset('rest').table('dedup');
    const [job] = await source.createCopyJob(bigquery.dataset('rest').table('dedup_copy'));
    await job.promise();
    expect((await bigquery.dataset('rest').table('dedup_copy').getRows())[0]).toHaveLength(3);
    const again = await failure(
      source.copy(bigquery.dataset('rest').table('dedup_copy'), { writeDisposition: 'WRITE_EMPTY' }),
    );
    expect(again.message).toBe(`Already Exists: Table ${PROJECT}:rest.dedup_copy`);
    const [failed] = await bigquery.getJobs();
    expect(failed[0]?.metadata.status.errorResult.reason).toBe('duplicate');
  });
});

describe('table layout and dataset access', () => {
  it('round-trips range partitioning, counts its partitions, and addresses them by decorator', async () => {
    const [table] = await bigquery.dataset('rest').createTable('ranged', {
      schema: 'score:integer',
      rangePartitioning: { field: 'score', range: { start: '0', end: '100', interval: '10' } },
      clustering: { fields: ['score'] },
    });
    expect(table.metadata).toMatchObject({
      rangePartitioning: { field: 'score', range: { start: '0', end: '100', interval: '10' } },
      clustering: { fields: ['score'] },
    });
    await table.insert([{ score: 5 }, { score: 15 }, { score: 17 }, { score: 500 }]);
    const [partition] = await bigquery.dataset('rest').table('ranged$10').getMetadata();
    expect(partition.numRows).toBe('2');
    const [whole] = await table.getMetadata();
    expect(whole.numPartitions).toBe('3');
  });

  it('validates clustering and range partitioning as BigQuery does', async () => {
    const floats = await failure(
      bigquery
        .dataset('rest')
        .createTable('bad_cluster', { schema: 'x:float', clustering: { fields: ['x'] } }),
    );
    expect(floats.message).toBe('Field x is of type FLOAT which is not supported for clustering.');
    const tooMany = await failure(
      bigquery.dataset('rest').createTable('bad_range', {
        schema: 'x:integer',
        rangePartitioning: { field: 'x', range: { start: '0', end: '100000', interval: '1' } },
      }),
    );
    expect(tooMany.message).toContain('more than 10000 partitions');
  });

  it('gives a new dataset BigQuery’s default access and validates changes to it', async () => {
    const [dataset] = await bigquery.createDataset('shared');
    expect(dataset.metadata.access).toEqual([
      { role: 'WRITER', specialGroup: 'projectWriters' },
      { role: 'OWNER', specialGroup: 'projectOwners' },
      { role: 'READER', specialGroup: 'projectReaders' },
    ]);
    const bad = await failure(
      dataset.setMetadata({ access: [{ role: 'SUPREME', userByEmail: 'a@example.com' }] }),
    );
    expect(bad).toMatchObject({ code: 400, message: 'Invalid value for role: SUPREME is not a valid value' });
    const both = await failure(
      dataset.setMetadata({
        access: [{ role: 'READER', userByEmail: 'a@example.com', domain: 'example.com' }],
      }),
    );
    expect(both.message).toContain('exactly one of');
  });

  it('refuses RANGE and INTERVAL columns, saying the local cloud cannot store them', async () => {
    for (const type of ['RANGE', 'INTERVAL']) {
      const error = await failure(
        bigquery.dataset('rest').createTable(`with_${type}`, { schema: { fields: [{ name: 'x', type }] } }),
      );
      expect(error).toMatchObject({ code: 400, reason: 'invalid' });
      expect(error.message).toBe(
        `Field x has type ${type}: BigQuery documents it, but the local cloud cannot store ${type} columns. Use another type.`,
      );
    }
  });

  it('lists its projects (projects.list, which the client has no helper for)', async () => {
    const response = await fetch(`${emulator.url}/bigquery/v2/projects`);
    const body = (await response.json()) as { projects: { id: string }[] };
    expect(body.projects.map((project) => project.id)).toContain(PROJECT);
  });
});
