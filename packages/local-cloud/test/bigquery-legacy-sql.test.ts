// Legacy SQL on the local BigQuery: the samples' subset (`SELECT columns FROM
// [project:dataset.table] LIMIT n`) runs, translated to GoogleSQL; every other legacy query
// is refused by name, never run as GoogleSQL; allowLargeResults needs a destination table.
import { BigQuery } from '@google-cloud/bigquery';
import { PassThroughClient } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BigQueryEmulator, startBigQueryEmulator } from '../src/bigquery/index.js';
import { legacyToGoogleSql } from '../src/bigquery/sql/legacy-sql.js';
import { FaultRegistry } from '../src/faults.js';
import { refusal } from './helpers/bigquery-refusal.js';

const PROJECT = 'legacy-project';
let emulator: BigQueryEmulator;
let bigquery: BigQuery;

beforeAll(async () => {
  emulator = await startBigQueryEmulator({ faults: new FaultRegistry(), projectId: PROJECT });
  bigquery = new BigQuery({
    apiEndpoint: emulator.url,
    projectId: PROJECT,
    authClient: new PassThroughClient() as never,
  });
  const [dataset] = await bigquery.createDataset('words');
  const [table] = await dataset.createTable('counts', { schema: 'word:string,n:integer' });
  await table.insert([
    { word: 'a', n: 1 },
    { word: 'b', n: 2 },
    { word: 'c', n: 3 },
  ]);
});
afterAll(async () => {
  await emulator.stop();
});

/** Runs a legacy query as a job (the client sends legacy SQL through jobs.insert). */
async function legacyRows(query: string, extra: Record<string, unknown> = {}) {
  const [job] = await bigquery.createQueryJob({ query, useLegacySql: true, ...extra });
  const [rows] = await job.getQueryResults();
  return rows;
}

describe('the served subset', () => {
  it('translates bracketed names, with or without the project, and LIMIT', () => {
    expect(legacyToGoogleSql('SELECT word FROM [p-roject1:ds.t] LIMIT 10;', 'home')).toBe(
      'SELECT `word` FROM `p-roject1.ds.t` LIMIT 10',
    );
    expect(legacyToGoogleSql('select a, b from [ds.t]', 'home-project')).toBe(
      'SELECT `a`, `b` FROM `home-project.ds.t`',
    );
  });

  it('runs against the tables, the default project filled in', async () => {
    expect(await legacyRows(`SELECT word, n FROM [${PROJECT}:words.counts] LIMIT 2;`)).toHaveLength(2);
    const rows = await legacyRows('SELECT n FROM [words.counts]');
    expect(rows.map((row) => row.n).sort()).toEqual([1, 2, 3]);
  });

  it('writes to a destination table with allowLargeResults', async () => {
    const destinationTable = { projectId: PROJECT, datasetId: 'words', tableId: 'large' };
    await legacyRows('SELECT word FROM [words.counts]', { allowLargeResults: true, destinationTable });
    const [stored] = await bigquery.dataset('words').table('large').getRows();
    expect(stored.map((row) => row.word).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('what is refused', () => {
  it('refuses any other legacy query by name, rather than running it as GoogleSQL', async () => {
    for (const query of [
      'SELECT word FROM [words.counts] WHERE n > 1',
      'SELECT COUNT(*) FROM [words.counts]',
      'SELECT word FROM [words.counts], [words.counts]',
      'SELECT word FROM `legacy-project.words.counts`',
      'SELECT 1',
    ]) {
      const error = await refusal(legacyRows(query));
      expect(error.reason).toBe('invalidQuery');
      expect(error.message).toContain('The local cloud serves only this subset of legacy SQL');
    }
  });

  it('refuses a GoogleSQL query sent without useLegacySql: false (the API default is legacy)', async () => {
    const error = await refusal(
      bigquery.createJob({ configuration: { query: { query: 'SELECT n FROM words.counts' } } }),
    );
    expect(error.message).toContain('Set useLegacySql to false');
  });

  it('refuses allowLargeResults without a destination table, and flattenResults: false alone', async () => {
    const large = await refusal(legacyRows('SELECT word FROM [words.counts]', { allowLargeResults: true }));
    expect(large.message).toContain('allowLargeResults requires a destination table');
    const nested = await refusal(legacyRows('SELECT word FROM [words.counts]', { flattenResults: false }));
    expect(nested.message).toContain('requires allowLargeResults');
  });

  it('refuses query parameters in legacy SQL', async () => {
    const error = await refusal(legacyRows('SELECT word FROM [words.counts]', { params: { n: 1 } }));
    expect(error.message).toContain('Query parameters are not supported in legacy SQL');
  });
});
