// The data source calls of the local DTS through the official client (gRPC and REST):
// ListDataSources, GetDataSource, CheckValidCreds, EnrollDataSources, UnenrollDataSources,
// and the deprecated ScheduleTransferRuns. The amazon_s3 definition is the one DTS
// documents, and the params a config accepts are exactly the ones it lists.
import type { DataTransferServiceClient } from '@google-cloud/bigquery-data-transfer';
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createConfig,
  type Harness,
  PARENT,
  PROJECT,
  s3Params,
  startHarness,
  waitForRun,
} from './dts-harness.js';
import { dtsClient, timestamp } from './helpers/official-clients.js';

const AMAZON_S3 = `${PARENT}/dataSources/amazon_s3`;
const PARAM_IDS = [
  'destination_table_name_template',
  'data_path',
  'access_key_id',
  'secret_access_key',
  'file_format',
  'write_disposition',
  'max_bad_records',
  'decimal_target_types',
  'ignore_unknown_values',
  'field_delimiter',
  'skip_leading_rows',
  'allow_quoted_newlines',
  'allow_jagged_rows',
];

let h: Harness;
let rest: DataTransferServiceClient;

beforeAll(async () => {
  h = await startHarness({ runSeconds: 0.2, fileVisibilitySeconds: 0 });
  rest = dtsClient(h.env, 'rest');
});
afterAll(async () => {
  await rest?.close();
  await h?.stop();
});

const caught = (promise: Promise<unknown>): Promise<{ code?: number; details?: string; message?: string }> =>
  promise.then(
    () => ({}),
    (error: { code?: number }) => error,
  );

describe('ListDataSources and GetDataSource', () => {
  it.each(['grpc', 'rest'] as const)(
    'lists amazon_s3 with its documented definition (%s)',
    async (transport) => {
      const client = transport === 'grpc' ? h.dts : rest;
      const [sources] = await client.listDataSources({ parent: PARENT });
      expect(sources).toHaveLength(1);
      const [source] = sources;
      expect(source).toMatchObject({
        name: AMAZON_S3,
        dataSourceId: 'amazon_s3',
        displayName: 'Amazon S3',
        defaultSchedule: 'every 24 hours',
        supportsCustomSchedule: true,
        minimumScheduleInterval: { seconds: '86400' },
        helpUrl: 'https://cloud.google.com/bigquery/docs/s3-transfer',
        manualRunsDisabled: false,
      });
      const parameters = source?.parameters ?? [];
      expect(parameters.map((parameter) => parameter.paramId)).toEqual(PARAM_IDS);
      expect(
        parameters.filter((parameter) => parameter.required).map((parameter) => parameter.paramId),
      ).toEqual(['destination_table_name_template', 'data_path', 'access_key_id', 'secret_access_key']);
      const byId = new Map(parameters.map((parameter) => [parameter.paramId, parameter]));
      expect(byId.get('file_format')?.allowedValues).toEqual(['CSV', 'JSON', 'AVRO', 'PARQUET', 'ORC']);
      expect(byId.get('write_disposition')?.allowedValues).toEqual(['WRITE_APPEND', 'WRITE_TRUNCATE']);
      expect(byId.get('max_bad_records')).toMatchObject({ type: 'INTEGER', minValue: { value: 0 } });
      expect(byId.get('allow_jagged_rows')?.type).toBe('BOOLEAN');
      expect(parameters.every((parameter) => (parameter.description ?? '').length > 20)).toBe(true);
    },
  );

  it('gets amazon_s3 under the name it was asked by, and nothing else', async () => {
    const [located] = await h.dts.getDataSource({ name: AMAZON_S3 });
    expect(located.name).toBe(AMAZON_S3);
    const locationless = `projects/${PROJECT}/dataSources/amazon_s3`;
    expect((await h.dts.getDataSource({ name: locationless }))[0].name).toBe(locationless);
    const [listed] = await h.dts.listDataSources({ parent: `projects/${PROJECT}` });
    expect(listed.map((source) => source.name)).toEqual([locationless]);
    expect((await caught(h.dts.getDataSource({ name: `${PARENT}/dataSources/scheduled_query` }))).code).toBe(
      status.NOT_FOUND,
    );
    expect((await caught(h.dts.getDataSource({ name: 'amazon_s3' }))).code).toBe(status.INVALID_ARGUMENT);
  });

  it('accepts exactly the params the definition lists', async () => {
    const name = await createConfig(h.dts, {
      max_bad_records: '3',
      decimal_target_types: 'NUMERIC,BIGNUMERIC',
      ignore_unknown_values: 'true',
      field_delimiter: '|',
      skip_leading_rows: '1',
      allow_quoted_newlines: 'true',
      allow_jagged_rows: 'false',
    });
    const [config] = await h.dts.getTransferConfig({ name });
    const returned = Object.keys(config.params?.fields ?? {}).sort();
    expect(returned).toEqual(PARAM_IDS.filter((id) => id !== 'secret_access_key').sort());
    const unknown = await caught(createConfig(h.dts, { role_arn: 'arn:aws:iam::1:role/x' }));
    expect(unknown).toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('role_arn'),
    });
    const badDecimal = await caught(createConfig(h.dts, { decimal_target_types: 'NUMERIC,FLOAT64' }));
    expect(badDecimal.code).toBe(status.INVALID_ARGUMENT);
  });

  it('accepts the older write_disposition spellings APPEND and MIRROR', async () => {
    for (const spelling of ['APPEND', 'MIRROR']) {
      expect(await createConfig(h.dts, { write_disposition: spelling })).toMatch(/transferConfigs\//);
    }
  });
});

describe('credentials and enrollment', () => {
  it('has valid credentials for amazon_s3 (its keys travel in each config)', async () => {
    const [answer] = await h.dts.checkValidCreds({ name: AMAZON_S3 });
    expect(answer.hasValidCreds).toBe(true);
    const [overRest] = await rest.checkValidCreds({ name: AMAZON_S3 });
    expect(overRest.hasValidCreds).toBe(true);
  });

  it('enrolls and unenrolls amazon_s3, refusing empty and unknown lists', async () => {
    await h.dts.enrollDataSources({ name: `projects/${PROJECT}`, dataSourceIds: ['amazon_s3'] });
    await rest.enrollDataSources({ name: PARENT, dataSourceIds: ['amazon_s3'] });
    await h.dts.unenrollDataSources({ name: PARENT, dataSourceIds: ['amazon_s3'] });
    expect(
      (await caught(h.dts.enrollDataSources({ name: `projects/${PROJECT}`, dataSourceIds: [] }))).code,
    ).toBe(status.INVALID_ARGUMENT);
    const unknown = await caught(
      h.dts.enrollDataSources({ name: PARENT, dataSourceIds: ['youtube_channel'] }),
    );
    expect(unknown).toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('youtube_channel'),
    });
    expect((await caught(h.dts.enrollDataSources({}))).code).toBe(status.INVALID_ARGUMENT);
  });
});

describe('ScheduleTransferRuns (deprecated)', () => {
  it('creates one run per day of the closed range on a scheduled config', async () => {
    const [config] = await h.dts.createTransferConfig({
      parent: PARENT,
      transferConfig: {
        dataSourceId: 'amazon_s3',
        destinationDatasetId: 'sales',
        params: s3Params({ data_path: 's3://lake/none/*' }),
        schedule: 'every day 04:00',
      },
    });
    const [response] = await h.dts.scheduleTransferRuns({
      parent: config.name as string,
      startTime: timestamp(new Date('2026-11-20T04:00:00Z')),
      endTime: timestamp(new Date('2026-11-21T04:00:00Z')),
    });
    const runTimes = (response.runs ?? []).map((run) => Number(run.runTime?.seconds) * 1000);
    expect(runTimes.map((time) => new Date(time).toISOString())).toEqual([
      '2026-11-20T04:00:00.000Z',
      '2026-11-21T04:00:00.000Z',
    ]);
    for (const run of response.runs ?? []) await waitForRun(h.dts, run.name as string);
  });

  it('refuses an on-demand config, as a time range on StartManualTransferRuns', async () => {
    const name = await createConfig(h.dts);
    const refused = await caught(
      h.dts.scheduleTransferRuns({
        parent: name,
        startTime: timestamp(new Date('2026-11-20T00:00:00Z')),
        endTime: timestamp(new Date('2026-11-21T00:00:00Z')),
      }),
    );
    expect(refused).toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('requested_run_time'),
    });
  });
});
