// The official Node.js BigQuery samples (googleapis/nodejs-bigquery, samples/*.js), their
// calls as written with only the client's endpoint changed, against the local cloud. Each
// test is named after its sample file. Samples that read `bigquery-public-data` tables get
// a small stand-in of that table in the local cloud (same project, dataset, table and
// columns), so their SQL runs unchanged. Samples the local cloud does not serve are run
// too, and must be refused honestly (501 notImplemented, or a query error naming what is
// unsupported). Samples that need Cloud Storage, Data Catalog or OAuth are not listed here:
// the package README says which and why. The tally is printed.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BigQuery,
  type Dataset,
  type JobLoadMetadata,
  type RoutineMetadata,
  type TableMetadata,
} from '@google-cloud/bigquery';
import { PassThroughClient } from 'google-auth-library';
import {
  afterAll,
  beforeAll,
  describe,
  expect,
  it,
  type RunnerTask,
  type RunnerTestFile,
  type RunnerTestSuite,
} from 'vitest';
import { type BigQueryEmulator, startBigQueryEmulator } from '../src/bigquery/index.js';
import { FaultRegistry } from '../src/faults.js';
import { refusal } from './helpers/bigquery-refusal.js';
import { bigQueryClient, type CloudEnv } from './helpers/official-clients.js';

const projectId = 'sample-project';
let emulator: BigQueryEmulator;
let bigquery: BigQuery;

/** `new BigQuery()` of the samples, pointed at the local cloud. */
function newBigQuery(): BigQuery {
  const env: CloudEnv = {
    AWS_ENDPOINT_URL_S3: '',
    AWS_REGION: '',
    AWS_ACCESS_KEY_ID: '',
    AWS_SECRET_ACCESS_KEY: '',
    DTS_EMULATOR_HOST: '',
    BIGQUERY_EMULATOR_HOST: emulator.hostPort,
    GOOGLE_CLOUD_PROJECT: projectId,
  };
  return bigQueryClient(env);
}

/** Stand-ins for the public tables the samples read (a few rows, the real columns). */
async function seedPublicData(): Promise<void> {
  const publicData = (datasetId: string): Dataset =>
    bigquery.dataset(datasetId, { projectId: 'bigquery-public-data' });
  const names = 'state:string,gender:string,year:integer,name:string,number:integer';
  const people = [
    { state: 'TX', gender: 'F', year: 1990, name: 'Ada', number: 120 },
    { state: 'TX', gender: 'M', year: 1990, name: 'Tom', number: 300 },
    { state: 'WA', gender: 'M', year: 1991, name: 'Bob', number: 80 },
    { state: 'WY', gender: 'M', year: 1992, name: 'Bob', number: 20 },
  ];
  await publicData('usa_names').create();
  for (const tableId of ['usa_1910_2013', 'usa_1910_current']) {
    const [table] = await publicData('usa_names').createTable(tableId, { schema: names });
    await table.insert(people);
  }
  await publicData('samples').create();
  const [shakespeare] = await publicData('samples').createTable('shakespeare', {
    schema: 'word:string,word_count:integer,corpus:string,corpus_date:integer',
  });
  await shakespeare.insert([
    { word: 'the', word_count: 614, corpus: 'romeoandjuliet', corpus_date: 1595 },
    { word: 'love', word_count: 140, corpus: 'romeoandjuliet', corpus_date: 1595 },
    { word: 'the', word_count: 700, corpus: 'hamlet', corpus_date: 1600 },
  ]);
  await publicData('stackoverflow').create();
  const [posts] = await publicData('stackoverflow').createTable('posts_questions', {
    schema: 'id:integer,tags:string,view_count:integer',
  });
  await posts.insert([
    { id: 1, tags: 'sql|google-bigquery', view_count: 900 },
    { id: 2, tags: 'python', view_count: 5000 },
  ]);
  await publicData('utility_us').create();
  const [countries] = await publicData('utility_us').createTable('country_code_iso', {
    schema: 'country_name:string,alpha_2_code:string',
  });
  await countries.insert([
    { country_name: 'France', alpha_2_code: 'FR' },
    { country_name: 'Japan', alpha_2_code: 'JP' },
  ]);
  await publicData('github_repos').create();
  const person = {
    type: 'RECORD',
    fields: [
      { name: 'name', type: 'STRING' },
      { name: 'email', type: 'STRING' },
    ],
  };
  const [commits] = await publicData('github_repos').createTable('commits', {
    schema: {
      fields: [
        { name: 'commit', type: 'STRING' },
        { name: 'author', ...person },
        { name: 'committer', ...person },
        { name: 'repo_name', type: 'STRING', mode: 'REPEATED' },
      ],
    },
  });
  await commits.insert([
    {
      commit: 'abc',
      author: { name: 'Ada', email: 'a@x' },
      committer: { name: 'Tom', email: 't@x' },
      repo_name: ['r'],
    },
  ]);
}

beforeAll(async () => {
  emulator = await startBigQueryEmulator({ faults: new FaultRegistry(), projectId });
  bigquery = newBigQuery();
  await seedPublicData();
});
// biome-ignore lint/correctness/noEmptyPattern: vitest reads the first parameter as the fixtures to set up and wants a destructuring pattern; the file is the second.
afterAll(async ({}, file) => {
  const { passed, refused } = sampleTally(file);
  console.log(
    `nodejs-bigquery samples on the local cloud: ${passed.length} pass, ${refused.length} refused by name (${refused.join(', ')}).`,
  );
  await emulator.stop();
});

/** The sample files named by the tests that passed: run as written, or refused as they must be. */
function sampleTally(suite: Readonly<RunnerTestSuite | RunnerTestFile>): {
  passed: string[];
  refused: string[];
} {
  const passed = new Set<string>();
  const refused = new Set<string>();
  const visit = (task: Readonly<RunnerTask>, refusing: boolean): void => {
    if (task.type === 'suite') {
      for (const child of task.tasks) visit(child, refusing || task.name === REFUSED_SUITE);
      return;
    }
    if (task.result?.state !== 'pass') return;
    for (const sample of task.name.match(/\w+\.js/g) ?? []) (refusing ? refused : passed).add(sample);
  };
  for (const task of suite.tasks) visit(task, false);
  return { passed: [...passed], refused: [...refused] };
}

describe('datasets', () => {
  const datasetId = 'my_dataset';

  it('createDataset.js', async () => {
    const options = { location: 'US' };
    const [dataset] = await bigquery.createDataset(datasetId, options);
    expect(dataset.id).toBe(datasetId);
  });

  it('quickstart.js', async () => {
    const [dataset] = await bigquery.createDataset('my_new_dataset');
    expect(dataset.id).toBe('my_new_dataset');
  });

  it('getDataset.js', async () => {
    const [dataset] = await bigquery.dataset(datasetId).get();
    expect(dataset.metadata.datasetReference).toEqual({ projectId, datasetId });
  });

  it('listDatasets.js', async () => {
    const [datasets] = await bigquery.getDatasets();
    expect(datasets.map((dataset) => dataset.id)).toEqual(
      expect.arrayContaining([datasetId, 'my_new_dataset']),
    );
  });

  it('updateDatasetDescription.js', async () => {
    const dataset = bigquery.dataset(datasetId);
    const [metadata] = await dataset.getMetadata();
    metadata.description = 'New dataset description.';
    const [apiResponse] = await dataset.setMetadata(metadata);
    expect(apiResponse.description).toBe('New dataset description.');
  });

  it('updateDatasetExpiration.js', async () => {
    const dataset = bigquery.dataset(datasetId);
    const [metadata] = await dataset.getMetadata();
    const expirationTime = 24 * 60 * 60 * 1000;
    metadata.defaultTableExpirationMs = expirationTime.toString();
    const [apiResponse] = await dataset.setMetadata(metadata);
    expect(apiResponse.defaultTableExpirationMs).toBe('86400000');
    await dataset.setMetadata({ defaultTableExpirationMs: null });
  });

  it('labelDataset.js, getDatasetLabels.js, listDatasetsByLabel.js, deleteLabelDataset.js', async () => {
    const dataset = bigquery.dataset(datasetId);
    const [metadata] = await dataset.getMetadata();
    metadata.labels = { color: 'green' };
    const [apiResponse] = await dataset.setMetadata(metadata);
    expect(apiResponse.labels).toEqual({ color: 'green' });
    const [fetched] = await dataset.getMetadata();
    expect(fetched.labels).toEqual({ color: 'green' });
    const [labelled] = await bigquery.getDatasets({ filter: 'labels.color:green' });
    expect(labelled.map((item) => item.id)).toEqual([datasetId]);
    const [current] = await dataset.getMetadata();
    current.labels = { color: null };
    const [cleared] = await dataset.setMetadata(current);
    expect(cleared.labels ?? {}).toEqual({});
  });

  it('updateDatasetAccess.js', async () => {
    const newRole = {
      role: 'READER',
      entity_type: 'userByEmail',
      userByEmail: 'sample.bigquery.dev@gmail.com',
    };
    const dataset = bigquery.dataset(datasetId);
    const [metadata] = await dataset.getMetadata();
    metadata.access.push(newRole);
    const [apiResponse] = await dataset.setMetadata(metadata);
    expect(apiResponse.access).toContainEqual({
      role: 'READER',
      userByEmail: 'sample.bigquery.dev@gmail.com',
    });
  });

  it('deleteDataset.js', async () => {
    const dataset = bigquery.dataset('my_new_dataset');
    await dataset.delete({ force: true });
    expect((await dataset.exists())[0]).toBe(false);
  });
});

describe('tables', () => {
  const datasetId = 'tables_dataset';
  beforeAll(async () => {
    await bigquery.createDataset(datasetId);
  });

  it('createTable.js', async () => {
    const schema = 'Name:string, Age:integer, Weight:float, IsMagic:boolean';
    const options = { schema: schema, location: 'US' };
    const [table] = await bigquery.dataset(datasetId).createTable('my_table', options);
    expect(table.metadata.schema.fields.map((field: { name: string }) => field.name)).toEqual([
      'Name',
      'Age',
      'Weight',
      'IsMagic',
    ]);
  });

  it('createTablePartitioned.js', async () => {
    const schema = 'Name:string, Post_Abbr:string, Date:date';
    const options = {
      schema: schema,
      location: 'US',
      timePartitioning: { type: 'DAY', expirationMS: '7776000000', field: 'date' },
    };
    const [table] = await bigquery.dataset(datasetId).createTable('partitioned', options);
    expect(table.metadata.timePartitioning).toMatchObject({ type: 'DAY', field: 'Date' });
  });

  it('createTableRangePartitioned.js', async () => {
    const schema = 'Name:string, Score:integer';
    const rangePartition = { field: 'Score', range: { start: 1, end: 100, interval: 10 } };
    const options = { schema: schema, rangePartitioning: rangePartition };
    // The sample is JavaScript: its numbers go where the client's types say strings.
    const [table] = await bigquery
      .dataset(datasetId)
      .createTable('ranged', options as unknown as TableMetadata);
    expect(table.metadata.rangePartitioning).toEqual({
      field: 'Score',
      range: { start: '1', end: '100', interval: '10' },
    });
  });

  it('createTableClustered.js and removeTableClustering.js', async () => {
    const schema = 'name:string, city:string, zipcode:integer';
    const options = { schema: schema, clustering: { fields: ['city', 'zipcode'] } };
    const [table] = await bigquery.dataset(datasetId).createTable('clustered', options);
    expect(table.metadata.clustering).toEqual({ fields: ['city', 'zipcode'] });
    const [metadata] = await table.getMetadata();
    metadata.clustering = null;
    const [apiResponse] = await table.setMetadata(metadata);
    expect(apiResponse.clustering).toBeUndefined();
  });

  it('nestedRepeatedSchema.js', async () => {
    const schema = [
      { name: 'Name', type: 'STRING', mode: 'REQUIRED' },
      {
        name: 'Addresses',
        type: 'RECORD',
        mode: 'REPEATED',
        fields: [
          { name: 'Address', type: 'STRING' },
          { name: 'City', type: 'STRING' },
          { name: 'State', type: 'STRING' },
          { name: 'Zip', type: 'STRING' },
        ],
      },
    ];
    const [table] = await bigquery
      .dataset(datasetId)
      .createTable('nested', { schema: schema, location: 'US' });
    expect(table.metadata.schema.fields[1].mode).toBe('REPEATED');
  });

  it('getTable.js, listTables.js, tableExists.js', async () => {
    const [table] = await bigquery.dataset(datasetId).table('my_table').get();
    expect(table.metadata.tableReference.tableId).toBe('my_table');
    const [tables] = await bigquery.dataset(datasetId).getTables();
    expect(tables.map((item) => item.id)).toContain('my_table');
    const [exists] = await bigquery.dataset(datasetId).table('nope').exists();
    expect(exists).toBe(false);
  });

  it('updateTableDescription.js and updateTableExpiration.js', async () => {
    const table = bigquery.dataset(datasetId).table('my_table');
    const [metadata] = await table.getMetadata();
    metadata.description = 'New table description.';
    const [described] = await table.setMetadata(metadata);
    expect(described.description).toBe('New table description.');
    const [again] = await table.getMetadata();
    const expirationTime = Date.now() + 5 * 24 * 60 * 60 * 1000;
    again.expirationTime = expirationTime.toString();
    const [expiring] = await table.setMetadata(again);
    expect(expiring.expirationTime).toBe(expirationTime.toString());
  });

  it('labelTable.js, getTableLabels.js, deleteLabelTable.js', async () => {
    const table = bigquery.dataset(datasetId).table('my_table');
    const [metadata] = await table.getMetadata();
    metadata.labels = { color: 'green' };
    const [labelled] = await table.setMetadata(metadata);
    expect(labelled.labels).toEqual({ color: 'green' });
    const [current] = await table.getMetadata();
    current.labels = { color: null };
    const [cleared] = await table.setMetadata(current);
    expect(cleared.labels ?? {}).toEqual({});
  });

  it('addEmptyColumn.js', async () => {
    const column = { name: 'size', type: 'STRING' };
    const table = bigquery.dataset(datasetId).table('my_table');
    const [metadata] = await table.getMetadata();
    const schema = metadata.schema;
    const new_schema = schema;
    new_schema.fields.push(column);
    metadata.schema = new_schema;
    const [result] = await table.setMetadata(metadata);
    expect(result.schema.fields.at(-1)).toEqual({ name: 'size', type: 'STRING', mode: 'NULLABLE' });
  });

  it('relaxColumn.js', async () => {
    const newSchema = [
      { name: 'Name', type: 'STRING', mode: 'NULLABLE' },
      { name: 'Age', type: 'INTEGER' },
    ];
    const options = {
      schema: [
        { name: 'Name', type: 'STRING', mode: 'REQUIRED' },
        { name: 'Age', type: 'INTEGER' },
      ],
    };
    const [table] = await bigquery.dataset(datasetId).createTable('relaxed', options);
    const [metadata] = await table.getMetadata();
    metadata.schema = newSchema;
    const [result] = await table.setMetadata(metadata);
    expect(result.schema.fields[0].mode).toBe('NULLABLE');
  });

  it('insertRowsAsStream.js and browseTable.js', async () => {
    await bigquery.dataset(datasetId).createTable('people', { schema: 'name:string,age:integer' });
    const rows = [
      { name: 'Tom', age: 30 },
      { name: 'Jane', age: 32 },
    ];
    await bigquery.dataset(datasetId).table('people').insert(rows);
    const [browsed] = await bigquery.dataset(datasetId).table('people').getRows({ maxResults: 10 });
    expect(browsed).toEqual(rows);
  });

  it('insertingDataTypes.js', async () => {
    const schema = [
      { name: 'name', type: 'STRING' },
      { name: 'age', type: 'INTEGER' },
      { name: 'school', type: 'BYTES' },
      { name: 'metadata', type: 'JSON' },
      { name: 'location', type: 'GEOGRAPHY' },
      { name: 'measurements', mode: 'REPEATED', type: 'FLOAT' },
      {
        name: 'datesTimes',
        type: 'RECORD',
        fields: [
          { name: 'day', type: 'DATE' },
          { name: 'firstTime', type: 'DATETIME' },
          { name: 'secondTime', type: 'TIME' },
          { name: 'thirdTime', type: 'TIMESTAMP' },
        ],
      },
    ];
    const [table] = await bigquery.dataset(datasetId).createTable('data_types', { schema: schema });
    const rows = [
      {
        name: 'Tom',
        age: '30',
        location: bigquery.geography('POINT(1 2)'),
        school: Buffer.from('Test University'),
        metadata: JSON.stringify({ owner: 'John Doe', contact: 'johndoe@example.com' }),
        measurements: [50.05, 100.5],
        datesTimes: {
          day: bigquery.date('2019-1-12'),
          firstTime: bigquery.datetime('2019-02-17 11:24:00.000'),
          secondTime: bigquery.time('14:00:00'),
          thirdTime: bigquery.timestamp('2020-04-27T18:07:25.356Z'),
        },
      },
      { name: 'Ada', age: '35', measurements: [30.08, 121.7] },
    ];
    await table.insert(rows);
    const [stored] = await bigquery.query(
      'SELECT name, datesTimes.thirdTime AS t, datesTimes.day AS d FROM tables_dataset.data_types ORDER BY name',
    );
    expect(stored.map((row) => row.name)).toEqual(['Ada', 'Tom']);
    expect(stored[1].t.value).toBe('2020-04-27T18:07:25.356Z');
    expect(stored[1].d.value).toBe('2019-01-12');
  });

  it('copyTable.js and copyTableMultipleSource.js', async () => {
    const [job] = await bigquery
      .dataset(datasetId)
      .table('people')
      .createCopyJob(bigquery.dataset(datasetId).table('people_copy'));
    await job.promise();
    expect((await bigquery.dataset(datasetId).table('people_copy').getRows())[0]).toHaveLength(2);
    const metadata = { createDisposition: 'CREATE_NEVER', writeDisposition: 'WRITE_TRUNCATE' };
    const [apiResponse] = await bigquery
      .dataset(datasetId)
      .table('people')
      .copy(bigquery.dataset(datasetId).table('people_copy'), metadata);
    expect(apiResponse.configuration?.copy?.writeDisposition).toBe('WRITE_TRUNCATE');
  });

  it('deleteTable.js', async () => {
    await bigquery.dataset(datasetId).table('people_copy').delete();
    expect((await bigquery.dataset(datasetId).table('people_copy').exists())[0]).toBe(false);
  });

  it('undeleteTable.js', async () => {
    const tableId = 'my_table_to_undelete';
    const recoveredTableId = 'my_recovered_table';
    const [created] = await bigquery.dataset(datasetId).createTable(tableId, { schema: 'name:string' });
    await created.insert([{ name: 'Ada' }, { name: 'Tom' }]);

    const snapshotEpoch = Date.now();
    await bigquery.dataset(datasetId).table(tableId).delete();
    const snapshotTableId = `${tableId}@${snapshotEpoch}`;
    await bigquery
      .dataset(datasetId)
      .table(snapshotTableId)
      .copy(bigquery.dataset(datasetId).table(recoveredTableId));

    expect((await bigquery.dataset(datasetId).table(tableId).exists())[0]).toBe(false);
    const [rows] = await bigquery.dataset(datasetId).table(recoveredTableId).getRows();
    expect(rows.map((row) => row.name).sort()).toEqual(['Ada', 'Tom']);
  });
});

describe('views', () => {
  const datasetId = 'views_dataset';
  beforeAll(async () => {
    await bigquery.createDataset(datasetId);
    const [table] = await bigquery
      .dataset(datasetId)
      .createTable('states', { schema: 'name:string,post_abbr:string' });
    await table.insert([
      { name: 'Washington', post_abbr: 'WA' },
      { name: 'Texas', post_abbr: 'TX' },
    ]);
  });

  it('createView.js, getView.js, updateViewQuery.js', async () => {
    const options = {
      view: {
        query: `SELECT name, post_abbr FROM \`${projectId}.${datasetId}.states\` WHERE name LIKE 'W%'`,
        useLegacySql: false,
      },
    };
    const [view] = await bigquery.dataset(datasetId).createTable('my_view', options);
    expect(view.metadata.type).toBe('VIEW');
    const [fetched] = await bigquery.dataset(datasetId).table('my_view').get();
    expect(fetched.metadata.view.query).toContain("WHERE name LIKE 'W%'");
    const [metadata] = await fetched.getMetadata();
    metadata.view = `SELECT name FROM \`${projectId}.${datasetId}.states\` WHERE name LIKE 'T%'`;
    const [apiResponse] = await fetched.setMetadata(metadata);
    expect(apiResponse.view.query).toContain("LIKE 'T%'");
    const [rows] = await bigquery.query(`SELECT * FROM ${datasetId}.my_view`);
    expect(rows).toEqual([{ name: 'Texas' }]);
  });

  it('ddlCreateView.js', async () => {
    const query = `
    CREATE VIEW \`${projectId}.${datasetId}.my_new_view\`
    OPTIONS(
        expiration_timestamp=TIMESTAMP_ADD(
            CURRENT_TIMESTAMP(), INTERVAL 48 HOUR),
        friendly_name="new_view",
        description="a view that expires in 2 days",
        labels=[("org_unit", "development")]
    )
    AS SELECT name, state, year, number
        FROM \`bigquery-public-data.usa_names.usa_1910_current\`
        WHERE state LIKE 'W%'`;
    const [job] = await bigquery.createQueryJob({ query: query });
    await job.promise();
    const [view] = await bigquery.dataset(datasetId).table('my_new_view').getMetadata();
    expect(view).toMatchObject({
      type: 'VIEW',
      friendlyName: 'new_view',
      labels: { org_unit: 'development' },
    });
    const [rows] = await bigquery.query(`SELECT name FROM ${datasetId}.my_new_view ORDER BY year`);
    expect(rows).toEqual([{ name: 'Bob' }, { name: 'Bob' }]);
  });

  it('authViewTutorial.js', async () => {
    const sourceDatasetId = 'shared_source';
    const sourceTableId = 'my_source_table';
    const sharedDatasetId = 'shared_views';
    const sharedViewId = 'github_analyst_view';
    const [sourceDataset] = await bigquery.createDataset(sourceDatasetId);
    const destinationTable = sourceDataset.table(sourceTableId);
    const query = `SELECT commit, author, committer, repo_name
      FROM \`bigquery-public-data.github_repos.commits\`
      LIMIT 1000`;
    await bigquery.query({ query: query, destination: destinationTable });
    const [sharedDataset] = await bigquery.createDataset(sharedDatasetId);
    const viewQuery = `SELECT
    commit, author.name as author,
    committer.name as committer, repo_name
    FROM
    \`${projectId}.${sourceDatasetId}.${sourceTableId}\``;
    const [view] = await sharedDataset.createTable(sharedViewId, {
      view: { query: viewQuery, useLegacySql: false },
    });
    expect(view.metadata.id).toBe(`${projectId}:${sharedDatasetId}.${sharedViewId}`);
    const [sharedMetadata] = await sharedDataset.getMetadata();
    sharedMetadata.access.push({ role: 'READER', groupByEmail: 'example-analyst-group@google.com' });
    await sharedDataset.setMetadata(sharedMetadata);
    const [sourceMetadata] = await sourceDataset.getMetadata();
    sourceMetadata.access.push({
      view: { projectId: projectId, datasetId: sharedDatasetId, tableId: sharedViewId },
    });
    const [updatedSourceMetadata] = await sourceDataset.setMetadata(sourceMetadata);
    expect(updatedSourceMetadata.access).toContainEqual({
      view: { projectId, datasetId: sharedDatasetId, tableId: sharedViewId },
    });
    const [rows] = await bigquery.query(`SELECT author, committer FROM ${sharedDatasetId}.${sharedViewId}`);
    expect(rows).toEqual([{ author: 'Ada', committer: 'Tom' }]);
  });
});

describe('queries', () => {
  it('query.js', async () => {
    const query = `SELECT name
      FROM \`bigquery-public-data.usa_names.usa_1910_2013\`
      WHERE state = 'TX'
      LIMIT 100`;
    const options = { query: query, location: 'US' };
    const [job] = await bigquery.createQueryJob(options);
    const [rows] = await job.getQueryResults();
    expect(rows).toEqual([{ name: 'Ada' }, { name: 'Tom' }]);
  });

  it('queryPagination.js', async () => {
    const query = `SELECT name, SUM(number) as total_people
    FROM \`bigquery-public-data.usa_names.usa_1910_2013\`
    GROUP BY name
    ORDER BY total_people DESC
    LIMIT 100`;
    const [job] = await bigquery.createQueryJob(query);
    const [rows] = await job.getQueryResults();
    expect(rows).toEqual([
      { name: 'Tom', total_people: 300 },
      { name: 'Ada', total_people: 120 },
      { name: 'Bob', total_people: 100 },
    ]);
  });

  it('queryDisableCache.js', async () => {
    const query = `SELECT corpus
      FROM \`bigquery-public-data.samples.shakespeare\`
      GROUP BY corpus`;
    const options = { query: query, location: 'US', useQueryCache: false };
    const [job] = await bigquery.createQueryJob(options);
    const [rows] = await job.getQueryResults();
    expect(rows.map((row) => row.corpus).sort()).toEqual(['hamlet', 'romeoandjuliet']);
  });

  it('queryDryRun.js', async () => {
    const query = `SELECT name
      FROM \`bigquery-public-data.usa_names.usa_1910_2013\`
      WHERE state = 'TX'
      LIMIT 100`;
    const options = { query: query, location: 'US', dryRun: true };
    const [job] = await bigquery.createQueryJob(options);
    expect(job.metadata.status).toEqual({ state: 'DONE' });
    expect(Number(job.metadata.statistics.totalBytesProcessed)).toBeGreaterThan(0);
    expect(job.metadata.statistics.query.schema.fields).toEqual([
      { name: 'name', type: 'STRING', mode: 'NULLABLE' },
    ]);
  });

  it('queryBatch.js', async () => {
    const queryJobConfig = {
      query: `SELECT corpus
              FROM \`bigquery-public-data.samples.shakespeare\` 
              LIMIT 100`,
      useLegacySql: false,
      priority: 'BATCH',
    };
    const jobConfig = { configuration: { query: queryJobConfig } };
    const [job] = await bigquery.createJob(jobConfig);
    expect(job.metadata.status.state).toBe('DONE');
  });

  it('queryDestinationTable.js and queryClusteredTable.js', async () => {
    await bigquery.createDataset('my_existing_dataset');
    const dataset = bigquery.dataset('my_existing_dataset');
    const destinationTable = dataset.table('my_existing_table');
    const query = `SELECT name
      FROM \`bigquery-public-data.usa_names.usa_1910_2013\`
      WHERE state = 'TX'
      LIMIT 100`;
    await bigquery.createQueryJob({ query: query, location: 'US', destination: destinationTable });
    expect((await destinationTable.getRows())[0]).toHaveLength(2);
    const options = {
      query: 'SELECT * FROM `bigquery-public-data.samples.shakespeare`',
      location: 'US',
      destination: dataset.table('clustered_copy'),
      clusterFields: ['corpus'],
    };
    const [job] = await bigquery.createQueryJob(options);
    expect(job.metadata.status.state).toBe('DONE');
    expect((await dataset.table('clustered_copy').getRows())[0]).toHaveLength(3);
  });

  it('addColumnQueryAppend.js', async () => {
    await bigquery.createDataset('append_dataset');
    await bigquery.dataset('append_dataset').createTable('my_table', { schema: 'name:string' });
    const [table] = await bigquery.dataset('append_dataset').table('my_table').get();
    const destinationTableRef = table.metadata.tableReference;
    const query = `SELECT name, year
      FROM \`bigquery-public-data.usa_names.usa_1910_2013\`
      WHERE state = 'TX'
      LIMIT 10`;
    const options = {
      query: query,
      schemaUpdateOptions: ['ALLOW_FIELD_ADDITION'],
      writeDisposition: 'WRITE_APPEND',
      destinationTable: destinationTableRef,
      location: 'US',
    };
    const [job] = await bigquery.createQueryJob(options);
    const [rows] = await job.getQueryResults();
    expect(rows).toHaveLength(2);
    const [metadata] = await table.getMetadata();
    expect(metadata.schema.fields.map((field: { name: string }) => field.name)).toEqual(['name', 'year']);
  });

  it('relaxColumnQueryAppend.js', async () => {
    const datasetId = 'append_dataset';
    const tableId = 'required_table';
    await bigquery.dataset(datasetId).createTable(tableId, {
      schema: [
        { name: 'name', type: 'STRING', mode: 'REQUIRED' },
        { name: 'age', type: 'INTEGER', mode: 'REQUIRED' },
      ],
    });
    await bigquery
      .dataset(datasetId)
      .table(tableId)
      .insert([{ name: 'Ada', age: 36 }]);
    const dataset = await bigquery.dataset(datasetId);
    const table = await dataset.table(tableId);
    const [metaData] = await table.getMetadata();
    const requiredFields = metaData.schema.fields.filter(
      ({ mode }: { mode: string }) => mode === 'REQUIRED',
    ).length;
    expect(requiredFields).toBe(2);
    const tableRef = { projectId, tableId, datasetId };
    const queryJobConfig = {
      query: `SELECT age FROM \`${projectId}.${datasetId}.${tableId}\``,
      destinationTable: tableRef,
      schemaUpdateOptions: ['ALLOW_FIELD_RELAXATION'],
      writeDisposition: ['WRITE_APPEND'],
      useLegacySql: false,
    };
    const jobConfig = { configuration: { query: queryJobConfig } };
    const response = await bigquery.createJob(jobConfig as never);
    const job = response[0];
    await job.getQueryResults(job as never);
    const [updatedMetaData] = await (await dataset.table(tableId)).getMetadata();
    const updatedRequiredFields = updatedMetaData.schema.fields.filter(
      ({ mode }: { mode: string }) => mode === 'REQUIRED',
    ).length;
    expect(updatedRequiredFields).toBe(0);
    expect((await table.getRows())[0]).toEqual([
      { name: 'Ada', age: 36 },
      { name: null, age: 36 },
    ]);
  });

  it('queryParamsNamed.js', async () => {
    const query = `SELECT word, word_count
        FROM \`bigquery-public-data.samples.shakespeare\`
        WHERE corpus = @corpus
        AND word_count >= @min_word_count
        ORDER BY word_count DESC`;
    const options = {
      query: query,
      location: 'US',
      params: { corpus: 'romeoandjuliet', min_word_count: 250 },
    };
    const [job] = await bigquery.createQueryJob(options);
    const [rows] = await job.getQueryResults();
    expect(rows).toEqual([{ word: 'the', word_count: 614 }]);
  });

  it('queryParamsPositional.js', async () => {
    const query = `SELECT word, word_count
        FROM \`bigquery-public-data.samples.shakespeare\`
        WHERE corpus = ?
        AND word_count >= ?
        ORDER BY word_count DESC`;
    const options = { query: query, location: 'US', params: ['romeoandjuliet', 250] };
    const [job] = await bigquery.createQueryJob(options);
    const [rows] = await job.getQueryResults();
    expect(rows).toEqual([{ word: 'the', word_count: 614 }]);
  });

  it('queryParamsNamedTypes.js and queryParamsPositionalTypes.js', async () => {
    const datasetId = 'typed_params';
    await bigquery.createDataset(datasetId);
    const schema = [
      { name: 'name', type: 'STRING' },
      { name: 'age', type: 'INT64' },
    ];
    const [table] = await bigquery.dataset(datasetId).createTable('my_table', { schema: schema });
    await table.insert([
      { name: 'jane', age: 30 },
      { name: 'joe', age: 40 },
    ]);
    const named = await bigquery.query({
      query: `SELECT name , age
          FROM \`${projectId}.${datasetId}.my_table\`
          WHERE name IN UNNEST(@names)`,
      params: { names: ['jane', 'bob', 'sally'] },
      types: { names: ['STRING'] },
    });
    expect(named[0]).toEqual([{ name: 'jane', age: 30 }]);
    const positional = await bigquery.query({
      query: `SELECT name , age
          FROM \`${projectId}.${datasetId}.my_table\`
          WHERE name IN UNNEST(?)`,
      params: [['jane', 'bob', 'sally']],
      types: [['STRING']],
    });
    expect(positional[0]).toEqual([{ name: 'jane', age: 30 }]);
  });

  it('queryParamsArrays.js', async () => {
    const sqlQuery = `SELECT name, sum(number) as count 
    FROM \`bigquery-public-data.usa_names.usa_1910_2013\`
    WHERE gender = @gender
    AND state IN UNNEST(@states)
    GROUP BY name
    ORDER BY count DESC
    LIMIT 10;`;
    const options = {
      query: sqlQuery,
      location: 'US',
      params: { gender: 'M', states: ['WA', 'WI', 'WV', 'WY'] },
    };
    const [rows] = await bigquery.query(options);
    expect(rows).toEqual([{ name: 'Bob', count: 100 }]);
  });

  it('queryParamsStructs.js', async () => {
    const sqlQuery = 'SELECT @struct_value AS struct_obj;';
    const options = { query: sqlQuery, location: 'US', params: { struct_value: { x: 1, y: 'foo' } } };
    const [rows] = await bigquery.query(options);
    expect(rows[0].struct_obj.y).toBe('foo');
  });

  it('queryParamsTimestamps.js', async () => {
    const sqlQuery = 'SELECT TIMESTAMP_ADD(@ts_value, INTERVAL 1 HOUR);';
    const now = new Date();
    const options = { query: sqlQuery, location: 'US', params: { ts_value: now } };
    const [rows] = await bigquery.query(options);
    expect(new Date(rows[0].f0_.value).getTime()).toBe(now.getTime() + 3_600_000);
  });

  it('queryStackOverflow.js', async () => {
    const query = `SELECT
      CONCAT(
        'https://stackoverflow.com/questions/',
        CAST(id as STRING)) as url,
      view_count
      FROM \`bigquery-public-data.stackoverflow.posts_questions\`
      WHERE tags like '%google-bigquery%'
      ORDER BY view_count DESC
      LIMIT 10`;
    const options = { query: query, location: 'US' };
    const [rows] = await bigquery.query(options);
    expect(rows).toEqual([{ url: 'https://stackoverflow.com/questions/1', view_count: 900 }]);
  });

  it('queryLegacy.js', async () => {
    const query = 'SELECT word FROM [bigquery-public-data:samples.shakespeare] LIMIT 10;';
    const options = { query: query, location: 'US', useLegacySql: true };
    const [job] = await bigquery.createQueryJob(options);
    const [rows] = await job.getQueryResults();
    expect(rows.map((row) => row.word).sort()).toEqual(['love', 'the', 'the']);
  });

  it('queryLegacyLargeResults.js', async () => {
    const datasetId = 'legacy_dataset';
    const tableId = 'legacy_results';
    await bigquery.createDataset(datasetId);
    const query = 'SELECT word FROM [bigquery-public-data:samples.shakespeare] LIMIT 10;';
    // As the sample writes it: `allowLargeResult` (sic) is not an API field and does nothing.
    const options = {
      query: query,
      useLegacySql: true,
      allowLargeResult: true,
      destinationTable: { projectId: projectId, datasetId: datasetId, tableId: tableId },
    };
    const [job] = await bigquery.createQueryJob(options);
    const [rows] = await job.getQueryResults();
    expect(rows).toHaveLength(3);
    const [stored] = await bigquery.dataset(datasetId).table(tableId).getRows();
    expect(stored.map((row) => row.word).sort()).toEqual(['love', 'the', 'the']);
  });
});

describe('load jobs from local files (media uploads)', () => {
  const datasetId = 'upload_dataset';
  let directory = '';
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'bigquery-sample-'));
    await bigquery.createDataset(datasetId);
  });

  it('loadLocalFile.js', async () => {
    await bigquery.dataset(datasetId).createTable('my_table', { schema: 'Name:string, Age:integer' });
    const filename = join(directory, 'people.csv');
    await writeFile(filename, 'Tom,30\nJane,32\n');
    const [job] = await bigquery.dataset(datasetId).table('my_table').load(filename);
    expect(job.status?.errors).toBeUndefined();
    expect((await bigquery.dataset(datasetId).table('my_table').getRows())[0]).toEqual([
      { Name: 'Tom', Age: 30 },
      { Name: 'Jane', Age: 32 },
    ]);
  });

  it('addColumnLoadAppend.js', async () => {
    await bigquery
      .dataset(datasetId)
      .createTable('magic', { schema: 'Name:STRING, Age:INTEGER, Weight:FLOAT' });
    const fileName = join(directory, 'magic.csv');
    await writeFile(fileName, 'Ada,36,55.5,true\n');
    const schema = 'Name:STRING, Age:INTEGER, Weight:FLOAT, IsMagic:BOOLEAN';
    const [table] = await bigquery.dataset(datasetId).table('magic').get();
    const destinationTableRef = table.metadata.tableReference;
    const options = {
      schema: schema,
      schemaUpdateOptions: ['ALLOW_FIELD_ADDITION'],
      writeDisposition: 'WRITE_APPEND',
      destinationTable: destinationTableRef,
    };
    const [job] = await bigquery
      .dataset(datasetId)
      .table('magic')
      .load(fileName, options as unknown as JobLoadMetadata);
    expect(job.configuration?.load?.schema?.fields?.map((field: { name?: string }) => field.name)).toEqual([
      'Name',
      'Age',
      'Weight',
      'IsMagic',
    ]);
    expect(job.status?.errors).toBeUndefined();
    expect((await bigquery.dataset(datasetId).table('magic').getRows())[0]).toEqual([
      { Name: 'Ada', Age: 36, Weight: 55.5, IsMagic: true },
    ]);
  });

  it('relaxColumnLoadAppend.js', async () => {
    await bigquery.dataset(datasetId).createTable('relax', {
      schema: {
        fields: [
          { name: 'Name', type: 'STRING', mode: 'REQUIRED' },
          { name: 'Age', type: 'INTEGER' },
          { name: 'Weight', type: 'FLOAT' },
          { name: 'IsMagic', type: 'BOOLEAN' },
        ],
      },
    });
    const fileName = join(directory, 'relax.csv');
    await writeFile(fileName, '40,70.5,false\n');
    const schema = 'Age:INTEGER, Weight:FLOAT, IsMagic:BOOLEAN';
    const [table] = await bigquery.dataset(datasetId).table('relax').get();
    const destinationTableRef = table.metadata.tableReference;
    const options = {
      schema: schema,
      schemaUpdateOptions: ['ALLOW_FIELD_RELAXATION'],
      writeDisposition: 'WRITE_APPEND',
      destinationTable: destinationTableRef,
    };
    const [job] = await bigquery
      .dataset(datasetId)
      .table('relax')
      .load(fileName, options as unknown as JobLoadMetadata);
    expect(job.status?.errors).toBeUndefined();
    const [metadata] = await table.getMetadata();
    expect(metadata.schema.fields[0].mode).toBe('NULLABLE');
    expect((await table.getRows())[0]).toEqual([{ Name: null, Age: 40, Weight: 70.5, IsMagic: false }]);
  });
});

describe('routines (kept, not run)', () => {
  const datasetId = 'tables_dataset';

  it('createRoutine.js', async () => {
    const dataset = bigquery.dataset(datasetId);
    let routine = dataset.routine('my_routine');
    const config = {
      arguments: [{ name: 'x', dataType: { typeKind: 'INT64' } }],
      definitionBody: 'x * 3',
      routineType: 'SCALAR_FUNCTION',
      returnType: { typeKind: 'INT64' },
    };
    [routine] = await routine.create(config as RoutineMetadata);
    expect(routine.metadata.routineReference).toEqual({ projectId, datasetId, routineId: 'my_routine' });
  });

  it('getRoutine.js and listRoutines.js', async () => {
    const [routine] = await bigquery.dataset(datasetId).routine('my_routine').get();
    expect(routine.metadata.definitionBody).toBe('x * 3');
    const [routines] = await bigquery.dataset(datasetId).getRoutines();
    expect(routines.map((item) => item.id)).toEqual(['my_routine']);
  });

  it('updateRoutine.js', async () => {
    const updates = { description: 'New description' };
    const dataset = bigquery.dataset(datasetId);
    const routine = dataset.routine('my_routine');
    const [metadata] = await routine.setMetadata(updates);
    expect(metadata).toMatchObject({ description: 'New description', definitionBody: 'x * 3' });
  });

  it('createRoutineDDL.js', async () => {
    const query = `CREATE FUNCTION \`${projectId}.${datasetId}.my_ddl_routine\`(
        arr ARRAY<STRUCT<name STRING, val INT64>>
    ) AS (
        (SELECT SUM(IF(elem.name = "foo",elem.val,null)) FROM UNNEST(arr) AS elem)
    )`;
    const [job] = await bigquery.createQueryJob({ query: query });
    await job.getQueryResults();
    const [routine] = await bigquery.dataset(datasetId).routine('my_ddl_routine').get();
    expect(routine.metadata.arguments).toEqual([
      {
        name: 'arr',
        dataType: {
          typeKind: 'ARRAY',
          arrayElementType: {
            typeKind: 'STRUCT',
            structType: {
              fields: [
                { name: 'name', type: { typeKind: 'STRING' } },
                { name: 'val', type: { typeKind: 'INT64' } },
              ],
            },
          },
        },
      },
    ]);
    expect(routine.metadata.definitionBody).toBe(
      '(SELECT SUM(IF(elem.name = "foo",elem.val,null)) FROM UNNEST(arr) AS elem)',
    );
  });

  it('deleteRoutine.js', async () => {
    await bigquery.dataset(datasetId).routine('my_ddl_routine').delete();
    expect((await bigquery.dataset(datasetId).routine('my_ddl_routine').exists())[0]).toBe(false);
  });
});

describe('jobs', () => {
  let jobId = '';
  beforeAll(async () => {
    const [job] = await bigquery.createQueryJob('SELECT 1 AS one');
    jobId = job.id ?? '';
  });

  it('getJob.js', async () => {
    const job = bigquery.job(jobId);
    const [jobResult] = await job.get();
    expect(jobResult.metadata.status.state).toBe('DONE');
  });

  it('cancelJob.js', async () => {
    const job = bigquery.job(jobId);
    const [apiResult] = await job.cancel();
    expect(apiResult.job?.status).toEqual({ state: 'DONE' });
  });

  it('listJobs.js', async () => {
    const options = { maxResults: 10 };
    const [jobs] = await bigquery.getJobs(options);
    expect(jobs.map((job) => job.id)).toContain(jobId);
  });

  it('createJob.js', async () => {
    const options = {
      configuration: {
        query: {
          query: `SELECT country_name
              FROM \`bigquery-public-data.utility_us.country_code_iso\`
              LIMIT 10`,
          useLegacySql: false,
        },
        labels: { 'example-label': 'example-value' },
      },
    };
    const response = await bigquery.createJob(options);
    const job = response[0];
    // As the sample writes it: the job object itself passed as getQueryResults' options.
    const [rows] = await job.getQueryResults(job as never);
    expect(rows.map((row) => row.country_name).sort()).toEqual(['France', 'Japan']);
    const [metadata] = await job.getMetadata();
    expect(metadata.configuration.labels).toEqual({ 'example-label': 'example-value' });
  });

  it('queryJobOptional.js', async () => {
    const optionalBigQuery = new BigQuery({
      apiEndpoint: `http://${emulator.hostPort}`,
      projectId,
      authClient: new PassThroughClient(),
      defaultJobCreationMode: 'JOB_CREATION_REQUIRED',
    } as ConstructorParameters<typeof BigQuery>[0]);
    const sqlQuery = `
      SELECT name, gender, SUM(number) AS total
      FROM bigquery-public-data.usa_names.usa_1910_2013
      GROUP BY name, gender
      ORDER BY total DESC
      LIMIT 10`;
    const [rows, , response] = await optionalBigQuery.query({
      query: sqlQuery,
      jobCreationMode: 'JOB_CREATION_OPTIONAL',
    } as never);
    // The client types the third value as a getQueryResults response; it is jobs.query's.
    const res = response as { jobReference?: unknown; queryId?: string } | undefined;
    // Short query mode: no job, a query id; the job it names does not exist.
    expect(res?.jobReference).toBeUndefined();
    expect(res?.queryId).toEqual(expect.any(String));
    expect(rows[0]).toEqual({ name: 'Tom', gender: 'M', total: 300 });
    expect((await refusal(optionalBigQuery.job(res?.queryId ?? '').get())).code).toBe(404);
  });
});

const REFUSED_SUITE = 'samples the local cloud refuses, by name';
describe(REFUSED_SUITE, () => {
  it('createModel.js: CREATE MODEL is refused naming it', async () => {
    const model = await refusal(
      bigquery.query(`CREATE OR REPLACE MODEL \`tables_dataset.my_model\`
        OPTIONS (model_type='linear_reg', input_label_cols=['label'])
        AS SELECT 1 AS label, 2 AS feature`),
    );
    expect(model.message).toContain('does not support CREATE MODEL statements');
  });

  it('getModel.js, listModels.js, listModelsStreaming.js, updateModel.js, deleteModel.js: 501 notImplemented', async () => {
    const dataset = bigquery.dataset('tables_dataset');
    expect((await refusal(dataset.getModels())).message).toBe(
      'The local cloud does not implement bigquery.models.list.',
    );
    expect((await refusal(dataset.model('my_model').get())).code).toBe(501);
    expect((await refusal(dataset.model('my_model').setMetadata({ description: 'x' }))).code).toBe(501);
    expect((await refusal(dataset.model('my_model').delete())).message).toContain('bigquery.models.delete');
  });
});
