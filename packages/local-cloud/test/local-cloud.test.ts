// The composed local cloud through the official clients only: it starts fast, publishes
// its endpoints, and a DTS run really lands rows in the local BigQuery; 100 runs at once.
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { BigQuery } from '@google-cloud/bigquery';
import type { DataTransferServiceClient } from '@google-cloud/bigquery-data-transfer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../src/index.js';
import { runLogs, waitForRun } from './dts-harness.js';
import { bigQueryClient, dtsClient, s3Client, structParams, timestamp } from './helpers/official-clients.js';

let cloud: LocalCloud;
let startupMs: number;
let dts: DataTransferServiceClient;
let bigquery: BigQuery;

beforeAll(async () => {
  const started = performance.now();
  cloud = await startLocalCloud({ runSeconds: 1 });
  startupMs = performance.now() - started;
  console.log(`local cloud startup: ${startupMs.toFixed(0)} ms`);
  dts = dtsClient(cloud.env);
  bigquery = bigQueryClient(cloud.env);
  const s3 = s3Client(cloud.env);
  await s3.send(new CreateBucketCommand({ Bucket: 'lake' }));
  const puts: Promise<unknown>[] = [];
  for (let table = 0; table < 100; table++) {
    for (const day of ['2026-11-20', '2026-11-21']) {
      puts.push(
        s3.send(
          new PutObjectCommand({
            Bucket: 'lake',
            Key: `t${table}/dt=${day}/part-0.csv`,
            Body: `${table},1\n${table},2\n`,
          }),
        ),
      );
    }
  }
  await Promise.all(puts);
  s3.destroy();
  // DTS sees a file five minutes after it lands (the default, as the real service).
  expect(await cloud.backdateObjects(600_000)).toBe(200);
  const [dataset] = await bigquery.createDataset('sales');
  await dataset.createTable('orders', {
    schema: {
      fields: [
        { name: 'table_no', type: 'INTEGER' },
        { name: 'n', type: 'INTEGER' },
      ],
    },
    timePartitioning: { type: 'DAY' },
  });
});
afterAll(async () => {
  await dts?.close();
  await cloud?.stop();
});

function params(source: string, table: string): ReturnType<typeof structParams> {
  return structParams({
    data_path: `s3://lake/${source}/dt={run_time|"%Y-%m-%d"}/*`,
    destination_table_name_template: `${table}\${run_date}`,
    access_key_id: cloud.env.AWS_ACCESS_KEY_ID,
    secret_access_key: cloud.env.AWS_SECRET_ACCESS_KEY,
    file_format: 'CSV',
    write_disposition: 'WRITE_TRUNCATE',
  });
}

async function createConfig(source: string, table: string): Promise<string> {
  const [config] = await dts.createTransferConfig({
    parent: `projects/${cloud.projectId}/locations/us`,
    transferConfig: {
      displayName: source,
      dataSourceId: 'amazon_s3',
      destinationDatasetId: 'sales',
      params: params(source, table),
      scheduleOptions: { disableAutoScheduling: true },
    },
  });
  return config.name as string;
}

describe('startLocalCloud', () => {
  it('starts in under 2 seconds and publishes every endpoint on loopback', () => {
    expect(startupMs).toBeLessThan(2000);
    const env = cloud.env;
    expect(env.GOOGLE_CLOUD_PROJECT).toBe('local-project');
    for (const name of [
      'DTS_EMULATOR_HOST',
      'DTS_EMULATOR_REST',
      'LOGGING_EMULATOR_HOST',
      'LOGGING_EMULATOR_REST',
      'BIGQUERY_EMULATOR_HOST',
    ] as const) {
      expect(env[name]).toMatch(/^127\.0\.0\.1:\d+$/);
    }
    expect(env.AWS_ENDPOINT_URL_S3).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env.S3BQ_EMULATOR_ADMIN).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(env.AWS_REGION).toBe('us-east-1');
    expect(env.AWS_ACCESS_KEY_ID).toBe(cloud.credentials[0]?.accessKeyId);
  });

  it('refuses options that would make a broken cloud', async () => {
    await expect(startLocalCloud({ runSeconds: -1 })).rejects.toThrow(/runSeconds/);
    await expect(startLocalCloud({ quotas: { concurrentRuns: 0 } })).rejects.toThrow(/quotas.concurrentRuns/);
    await expect(startLocalCloud({ projectId: 'a/b' })).rejects.toThrow(/projectId/);
    await expect(startLocalCloud({ credentials: [] })).rejects.toThrow(/key pair/);
  });

  it('lands the rows of a DTS run in the partition its decorator names', async () => {
    const name = await createConfig('t7', 'orders');
    const [started] = await dts.startManualTransferRuns({
      parent: name,
      requestedRunTime: timestamp(new Date('2026-11-21T00:00:00Z')),
    });
    const { run } = await waitForRun(dts, started.runs?.[0]?.name as string);
    expect(run.state).toBe('SUCCEEDED');
    expect((await runLogs(dts, run.name as string)).join('\n')).toMatch(
      /Moved 1 object\(s\)\.[\s\S]*Number of records: 2/,
    );
    const [rows] = await bigquery.dataset('sales').table('orders').getRows();
    expect(rows.map((row) => [Number(row.table_no), Number(row.n)]).sort()).toEqual([
      [7, 1],
      [7, 2],
    ]);
    const [metadata] = await bigquery.dataset('sales').table('orders').getMetadata();
    expect(Number(metadata.numRows)).toBe(2);
  });

  it('serves the same DTS over REST (google-gax fallback) for `transport: rest`', async () => {
    const name = await createConfig('t9', 'orders');
    const rest = dtsClient(cloud.env, 'rest');
    try {
      const [config] = await rest.getTransferConfig({ name });
      expect(config.name).toBe(name);
      expect(JSON.stringify(config)).not.toContain(cloud.env.AWS_SECRET_ACCESS_KEY);
      await expect(rest.getTransferConfig({ name: `${name}0` })).rejects.toMatchObject({ code: 5 });
    } finally {
      await rest.close();
    }
  });

  it('fails a run whose destination table does not exist, with the load error', async () => {
    const name = await createConfig('t8', 'missing_table');
    const [started] = await dts.startManualTransferRuns({
      parent: name,
      requestedRunTime: timestamp(new Date('2026-11-21T00:00:00Z')),
    });
    const { run } = await waitForRun(dts, started.runs?.[0]?.name as string);
    expect(run.state).toBe('FAILED');
    expect(run.errorStatus?.code).toBe(5);
    expect(run.errorStatus?.message).toMatch(/missing_table/);
  });

  it('serves 100 concurrent runs', async () => {
    const configs = await Promise.all(
      Array.from({ length: 100 }, (_, index) => createConfig(`t${index}`, `orders_t${index}`)),
    );
    await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        bigquery.dataset('sales').createTable(`orders_t${index}`, {
          schema: {
            fields: [
              { name: 'table_no', type: 'INTEGER' },
              { name: 'n', type: 'INTEGER' },
            ],
          },
          timePartitioning: { type: 'DAY' },
        }),
      ),
    );
    const started = performance.now();
    const runNames = await Promise.all(
      configs.map(async (name) => {
        const [response] = await dts.startManualTransferRuns({
          parent: name,
          requestedRunTime: timestamp(new Date('2026-11-20T00:00:00Z')),
        });
        return response.runs?.[0]?.name as string;
      }),
    );
    const ended = await Promise.all(runNames.map((runName) => waitForRun(dts, runName, 30_000)));
    const wallMs = performance.now() - started;
    const stats = cloud.stats();
    console.log(
      `100 concurrent runs (runSeconds 1): ${wallMs.toFixed(0)} ms wall, peak ${stats.peakConcurrentRuns} RUNNING, peak ${stats.peakInFlightRuns} in flight`,
    );
    expect(ended.map(({ run }) => run.state)).toEqual(Array(100).fill('SUCCEEDED'));
    expect(stats.peakConcurrentRuns).toBeGreaterThan(50);
    // Runs in flight (PENDING or RUNNING), as the admin endpoint serves them to other processes.
    const served = (await (await fetch(`${cloud.env.S3BQ_EMULATOR_ADMIN}/stats`)).json()) as typeof stats;
    expect(served).toMatchObject({ inFlightRuns: 0, peakInFlightRuns: stats.peakInFlightRuns });
    expect(served.peakInFlightRuns).toBeGreaterThanOrEqual(stats.peakConcurrentRuns);
    const [rows] = await bigquery.dataset('sales').table('orders_t42').getRows();
    expect(rows.map((row) => Number(row.table_no))).toEqual([42, 42]);
  });
});
