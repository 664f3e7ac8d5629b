// The local cloud as the end-to-end tests use it: started in the test process with a key
// pair whose secret the scan looks for, CSV files put into its S3, and the official clients
// to see what is left behind (transfer configs) and what landed (rows).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DataTransferServiceClient } from '@google-cloud/bigquery-data-transfer';
import { type LocalCloud, startLocalCloud } from '@s3bq/local-cloud';
import { gaxClientOptions } from '../../src/cloud/endpoints.js';
import { createCloudServices } from '../../src/cloud/index.js';
import { parseConfigName } from '../../src/lifecycle/index.js';
import { assertNoSecret, filesUnder } from '../helpers/secret-scan.js';
import { type JobResult, jobTexts } from './runner.js';

/** The AWS secret of every end-to-end run: long and distinctive, so any leak is found. */
export const E2E_SECRET = 'e2eSecret/Do+Not=Leak/xK7MDENGbPxRfiCY2026';
const E2E_ACCESS_KEY = 'AKIAE2ETESTACCESS001';
const LOCATION = 'us';

export async function startE2eCloud(runSeconds = 0.2): Promise<LocalCloud> {
  return startLocalCloud({
    runSeconds,
    credentials: [{ accessKeyId: E2E_ACCESS_KEY, secretAccessKey: E2E_SECRET }],
  });
}

/** The environment a job step gets: the cloud's endpoints and keys, and GitHub's run info. */
export function jobEnv(cloud: LocalCloud, runId: string): Record<string, string> {
  return {
    ...cloud.env,
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/data-pipeline',
    GITHUB_JOB: 'load',
  };
}

function s3Client(cloud: LocalCloud): S3Client {
  return new S3Client({
    endpoint: cloud.env.AWS_ENDPOINT_URL_S3,
    region: cloud.env.AWS_REGION,
    forcePathStyle: true,
    credentials: {
      accessKeyId: cloud.env.AWS_ACCESS_KEY_ID,
      secretAccessKey: cloud.env.AWS_SECRET_ACCESS_KEY,
    },
  });
}

/** Creates the bucket and writes each `key → CSV text`, aged past DTS's visibility delay. */
export async function putFiles(
  cloud: LocalCloud,
  bucket: string,
  files: Record<string, string>,
): Promise<void> {
  const s3 = s3Client(cloud);
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: { name?: string }) => {
      if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error;
    });
    for (const [key, body] of Object.entries(files)) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'text/csv' }));
    }
    // Landed an hour ago: past DTS's visibility delay, which the action waits out otherwise.
    await cloud.backdateObjects(60 * 60_000);
  } finally {
    s3.destroy();
  }
}

/** A CSV table file for `dataset.table`, with ingestion-time DAY partitions under `dt={date}`. */
export function csvTable(
  name: string,
  source: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const [dataset, table] = name.split('.');
  return {
    source,
    dataset,
    table,
    format: 'CSV',
    schema: [
      { name: 'id', type: 'INTEGER', mode: 'REQUIRED' },
      { name: 'name', type: 'STRING' },
    ],
    csv: { skip_leading_rows: 1 },
    ...extra,
  };
}

export function csvRows(count: number, prefix = 'row'): string {
  const lines = ['id,name'];
  for (let index = 1; index <= count; index++) lines.push(`${index},${prefix}-${index}`);
  return `${lines.join('\n')}\n`;
}

export async function writeTables(
  workspace: string,
  tables: Record<string, Record<string, unknown>>,
): Promise<void> {
  const dir = join(workspace, 'tables');
  await mkdir(dir, { recursive: true });
  for (const [name, body] of Object.entries(tables)) {
    await writeFile(join(dir, `${name}.json`), `${JSON.stringify(body, null, 2)}\n`);
  }
}

/** Every transfer config in the project, listed with the official DTS client. */
export async function listConfigs(cloud: LocalCloud): Promise<{ name: string; displayName: string }[]> {
  const client = new DataTransferServiceClient(
    gaxClientOptions(
      cloud.env,
      'DTS_EMULATOR_HOST',
      'DTS_EMULATOR_REST',
      'grpc',
      cloud.projectId,
    ) as ConstructorParameters<typeof DataTransferServiceClient>[0],
  );
  try {
    const [configs] = await client.listTransferConfigs(
      { parent: `projects/${cloud.projectId}/locations/${LOCATION}` },
      { timeout: 10_000, autoPaginate: true },
    );
    return configs.map((config) => ({ name: String(config.name), displayName: String(config.displayName) }));
  } finally {
    await client.close();
  }
}

/**
 * Configs that should not exist after a job of `tables` (all tables when absent):
 * everything but a WRITE_APPEND table's long-lived config, kept on purpose so DTS never
 * loads a file twice. Scoped by table so jobs running side by side do not see each other's
 * configs in flight.
 */
async function leftoverConfigs(cloud: LocalCloud, tables?: readonly string[]): Promise<string[]> {
  const configs = await listConfigs(cloud);
  return configs
    .filter((config) => {
      const mark = parseConfigName(config.displayName);
      if (mark?.kind === 'append') return false;
      return mark === undefined || tables === undefined || tables.includes(mark.table);
    })
    .map((config) => `${config.displayName} (${config.name})`);
}

/**
 * What every job must leave behind: no transfer config of a tick of its tables, and the
 * AWS secret in none of its logs, file-command files, summaries, outputs, state or result
 * files.
 */
export async function expectJobLeftNothing(
  cloud: LocalCloud,
  job: JobResult,
  runnerTemp: string,
  tables: readonly string[],
): Promise<void> {
  const leftovers = await leftoverConfigs(cloud, tables);
  if (leftovers.length > 0) throw new Error(`Transfer configs left behind: ${leftovers.join(', ')}`);
  assertNoSecret(E2E_SECRET, { ...jobTexts(job), ...(await filesUnder(runnerTemp)) });
}

/** Rows per partition of a table, read through the product's BigQuery face (official client). */
export async function partitionRows(
  cloud: LocalCloud,
  datasetId: string,
  tableId: string,
): Promise<Record<string, number>> {
  const services = createCloudServices({
    env: cloud.env,
    settings: { project: cloud.projectId, location: LOCATION, maxParallel: 1, timezone: 'UTC' },
  });
  try {
    const rows = await services.bigquery.partitionRows({ projectId: cloud.projectId, datasetId, tableId });
    return Object.fromEntries(rows);
  } finally {
    await services.close();
  }
}

/** Whether the destination table exists (a dry run must create nothing). */
export async function tableExists(cloud: LocalCloud, datasetId: string, tableId: string): Promise<boolean> {
  const services = createCloudServices({
    env: cloud.env,
    settings: { project: cloud.projectId, location: LOCATION, maxParallel: 1, timezone: 'UTC' },
  });
  try {
    return (
      (await services.bigquery.getTable({ projectId: cloud.projectId, datasetId, tableId })) !== undefined
    );
  } finally {
    await services.close();
  }
}
