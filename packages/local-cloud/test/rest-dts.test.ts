// The whole local cloud reached over REST: the official DTS and Logging clients in
// fallback mode create a config, start a run, follow it to SUCCEEDED, read its transfer
// logs and its Cloud Logging entries; DTS errors arrive with their gRPC codes.
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DataTransferServiceClient } from '@google-cloud/bigquery-data-transfer';
import { Logging } from '@google-cloud/logging';
import { status } from '@grpc/grpc-js';
import { PassThroughClient } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../src/index.js';
import { bigQueryClient, s3Client, structParams, timestamp } from './helpers/official-clients.js';

let cloud: LocalCloud;
let dts: DataTransferServiceClient;
let logging: Logging;

// Gaxios throws on non-2xx before gax can decode the Google error body; letting every
// status through is what makes REST errors carry gRPC codes, as over gRPC.
const restAuth = () => new PassThroughClient({ transporterOptions: { validateStatus: () => true } });

function endpoint(hostPort: string): { apiEndpoint: string; port: number } {
  const index = hostPort.lastIndexOf(':');
  return { apiEndpoint: hostPort.slice(0, index), port: Number(hostPort.slice(index + 1)) };
}

const RUN_TIME = new Date('2026-11-21T00:00:00Z');

beforeAll(async () => {
  cloud = await startLocalCloud({ runSeconds: 0.2 });
  const env = cloud.env;
  dts = new DataTransferServiceClient({
    ...endpoint(env.DTS_EMULATOR_REST),
    protocol: 'http',
    fallback: true,
    authClient: restAuth(),
  } as unknown as ConstructorParameters<typeof DataTransferServiceClient>[0]);
  logging = new Logging({
    ...endpoint(env.LOGGING_EMULATOR_REST),
    projectId: cloud.projectId,
    protocol: 'http',
    fallback: true,
    authClient: restAuth(),
  } as unknown as ConstructorParameters<typeof Logging>[0]);

  const bigquery = bigQueryClient(env);
  const [dataset] = await bigquery.createDataset('sales');
  await dataset.createTable('orders', {
    schema: {
      fields: [
        { name: 'a', type: 'INTEGER' },
        { name: 'b', type: 'INTEGER' },
      ],
    },
    timePartitioning: { type: 'DAY' },
  });
  const s3 = s3Client(env);
  await s3.send(new CreateBucketCommand({ Bucket: 'lake' }));
  await s3.send(
    new PutObjectCommand({ Bucket: 'lake', Key: 'orders/dt=2026-11-20/part-0.csv', Body: '1,2\n3,4\n' }),
  );
  s3.destroy();
  // DTS sees a file five minutes after it lands: age the lake past that.
  await cloud.backdateObjects(600_000);
}, 60_000);

afterAll(async () => {
  await dts?.close();
  await logging?.loggingService.close();
  await cloud?.stop();
});

async function createConfig(params: Record<string, string> = {}): Promise<string> {
  const [config] = await dts.createTransferConfig({
    parent: `projects/${cloud.projectId}/locations/us`,
    transferConfig: {
      displayName: 'rest test',
      dataSourceId: 'amazon_s3',
      destinationDatasetId: 'sales',
      params: structParams({
        data_path: 's3://lake/orders/dt={run_time-24h|"%Y-%m-%d"}/*',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a DTS runtime parameter, not JS
        destination_table_name_template: 'orders${run_time-24h|"%Y%m%d"}',
        access_key_id: cloud.env.AWS_ACCESS_KEY_ID,
        secret_access_key: cloud.env.AWS_SECRET_ACCESS_KEY,
        file_format: 'CSV',
        write_disposition: 'WRITE_TRUNCATE',
        ...params,
      }),
      scheduleOptions: { disableAutoScheduling: true },
    },
  });
  return config.name as string;
}

describe('the local cloud over REST (official clients, fallback mode)', () => {
  it('creates a config, runs it to SUCCEEDED, and reads its transfer logs and log entries', async () => {
    const configName = await createConfig();
    expect(configName).toMatch(/^projects\/[^/]+\/locations\/us\/transferConfigs\/[^/]+$/);
    const [started] = await dts.startManualTransferRuns({
      parent: configName,
      requestedRunTime: timestamp(RUN_TIME),
    });
    const runName = started.runs?.[0]?.name as string;
    expect(started.runs?.[0]?.state).toBe('PENDING');
    // One run in flight per config: a second start is refused until this one ends.
    await expect(
      dts.startManualTransferRuns({ parent: configName, requestedRunTime: timestamp(RUN_TIME) }),
    ).rejects.toMatchObject({ code: status.FAILED_PRECONDITION, message: expect.stringContaining(runName) });

    let state = '';
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const [run] = await dts.getTransferRun({ name: runName });
      state = String(run.state);
      if (state === 'SUCCEEDED' || state === 'FAILED') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(state).toBe('SUCCEEDED');

    const [messages] = await dts.listTransferLogs({ parent: runName });
    expect(messages.map((message) => message.messageText).join('\n')).toContain('Moved 1 object(s)');
    expect(messages.every((message) => ['INFO', 'WARNING', 'ERROR'].includes(String(message.severity)))).toBe(
      true,
    );

    const configId = configName.split('/').pop();
    const runId = runName.split('/').pop();
    const [entries] = await logging.getEntries({
      filter: `resource.type="bigquery_dts_config" AND resource.labels.config_id="${configId}" AND labels.run_id="${runId}"`,
      orderBy: 'timestamp asc',
    });
    expect(entries.map((entry) => (entry.data as { message: string }).message)).toEqual(
      messages.map((message) => message.messageText),
    );
  });

  it('refuses requestedTimeRange on an on-demand config with INVALID_ARGUMENT and the documented message', async () => {
    const configName = await createConfig();
    await expect(
      dts.startManualTransferRuns({
        parent: configName,
        requestedTimeRange: {
          startTime: timestamp(RUN_TIME),
          endTime: timestamp(new Date(RUN_TIME.getTime() + 3_600_000)),
        },
      }),
    ).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      message: expect.stringContaining("requires 'requested_run_time'"),
    });
  });

  it('answers NOT_FOUND for an unknown config and honours injected faults', async () => {
    await expect(
      dts.getTransferConfig({ name: `projects/${cloud.projectId}/locations/us/transferConfigs/missing` }),
    ).rejects.toMatchObject({ code: status.NOT_FOUND });
    cloud.faults.add({
      service: 'dts',
      method: 'ListTransferConfigs',
      kind: 'error',
      code: status.RESOURCE_EXHAUSTED,
    });
    await expect(
      dts.listTransferConfigs({ parent: `projects/${cloud.projectId}/locations/us` }),
    ).rejects.toMatchObject({ code: status.RESOURCE_EXHAUSTED });
  });
});
