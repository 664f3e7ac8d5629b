// The official DTS Node.js samples (googleapis/google-cloud-node,
// packages/google-cloud-bigquery-datatransfer/samples: quickstart.js and the generated
// samples/generated/v1/data_transfer_service.*.js, one per RPC), run as written against
// the local DTS with only the client's endpoint changed. The generated samples are
// templates whose request variables are commented out ("TODO(developer): Uncomment these
// variables"): each is run with those variables filled in, and the three that would send
// an empty request are also run as generated, where the honest answer is INVALID_ARGUMENT.
import { DataTransferServiceClient, type protos } from '@google-cloud/bigquery-data-transfer';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, KEYS, PROJECT, putFiles, startHarness, waitForRun } from './dts-harness.js';
import { structParams } from './helpers/official-clients.js';

type TransferConfig = protos.google.cloud.bigquery.datatransfer.v1.ITransferConfig;

let h: Harness;
let datatransferClient: DataTransferServiceClient;
const passed: string[] = [];
const samples = { total: 0 };
const state: { config?: string; run?: string; scheduled?: string } = {};

beforeAll(async () => {
  h = await startHarness({ runSeconds: 0.2, fileVisibilitySeconds: 0 });
  await putFiles(h.s3, 'lake', ['orders/dt=2026-11-20/part-0.csv']);
  process.env.GOOGLE_CLOUD_PROJECT = PROJECT; // where quickstart's getProjectId() looks
  const [host, port] = h.env.DTS_EMULATOR_HOST.split(':');
  // The samples' `new DataTransferServiceClient()`, with only the endpoint changed.
  datatransferClient = new DataTransferServiceClient({
    apiEndpoint: host,
    port: Number(port),
    sslCreds: grpc.credentials.createInsecure(),
  });
});
afterAll(async () => {
  console.log(
    `DTS samples passing against the local cloud: ${passed.length}/${samples.total} (${passed.join(', ')})`,
  );
  await datatransferClient?.close();
  await h?.stop();
});

/** One sample: counted, and listed as passing once its body succeeded. */
function sample(name: string, body: () => Promise<void>): void {
  samples.total += 1;
  it(name, async () => {
    await body();
    passed.push(name);
  });
}

const parent = `projects/${PROJECT}/locations/us`;
const transferConfig: TransferConfig = {
  displayName: 'Sample S3 transfer',
  dataSourceId: 'amazon_s3',
  destinationDatasetId: 'sales',
  params: structParams({
    data_path: 's3://lake/orders/dt={run_time|"%Y-%m-%d"}/*',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a DTS runtime parameter, not JS
    destination_table_name_template: 'orders${run_date}',
    access_key_id: KEYS.accessKeyId,
    secret_access_key: KEYS.secretAccessKey,
    file_format: 'CSV',
  }),
  scheduleOptions: { disableAutoScheduling: true },
};

describe('DTS samples, run as written against the local cloud', () => {
  sample('quickstart', async () => {
    const projectId = await datatransferClient.getProjectId();
    const formattedParent = datatransferClient.projectPath(projectId);
    type ListRequest = protos.google.cloud.bigquery.datatransfer.v1.IListDataSourcesRequest;
    let nextRequest: ListRequest | null | undefined = { parent: formattedParent };
    const names: string[] = [];
    do {
      const responses: [
        protos.google.cloud.bigquery.datatransfer.v1.IDataSource[],
        ListRequest | null,
        unknown,
      ] = await datatransferClient.listDataSources(nextRequest, { autoPaginate: false });
      for (const resource of responses[0]) names.push(String(resource.name));
      nextRequest = responses[1];
    } while (nextRequest);
    expect(names).toEqual([`projects/${PROJECT}/dataSources/amazon_s3`]);
    const streamed = await new Promise<string[]>((resolve, reject) => {
      const seen: string[] = [];
      datatransferClient
        .listDataSourcesStream({ parent: formattedParent })
        .on('data', (element: { name: string }) => seen.push(element.name))
        .on('error', reject)
        .on('end', () => resolve(seen));
    });
    expect(streamed).toEqual(names);
  });

  sample('listDataSources', async () => {
    const iterable = datatransferClient.listDataSourcesAsync({ parent });
    const ids: string[] = [];
    for await (const response of iterable) ids.push(String(response.dataSourceId));
    expect(ids).toEqual(['amazon_s3']);
  });

  sample('getDataSource', async () => {
    const [response] = await datatransferClient.getDataSource({ name: `${parent}/dataSources/amazon_s3` });
    expect(response.displayName).toBe('Amazon S3');
  });

  sample('checkValidCreds', async () => {
    const [response] = await datatransferClient.checkValidCreds({ name: `${parent}/dataSources/amazon_s3` });
    expect(response.hasValidCreds).toBe(true);
  });

  sample('enrollDataSources', async () => {
    const [response] = await datatransferClient.enrollDataSources({
      name: `projects/${PROJECT}`,
      dataSourceIds: ['amazon_s3'],
    });
    expect(response).toEqual({});
  });

  sample('unenrollDataSources', async () => {
    const [response] = await datatransferClient.unenrollDataSources({
      name: `projects/${PROJECT}`,
      dataSourceIds: ['amazon_s3'],
    });
    expect(response).toEqual({});
  });

  sample('createTransferConfig', async () => {
    const [response] = await datatransferClient.createTransferConfig({ parent, transferConfig });
    expect(response.name).toMatch(/^projects\/test-project\/locations\/us\/transferConfigs\//);
    state.config = response.name as string;
  });

  sample('getTransferConfig', async () => {
    const [response] = await datatransferClient.getTransferConfig({ name: state.config });
    expect(response.displayName).toBe('Sample S3 transfer');
  });

  sample('listTransferConfigs', async () => {
    const names: string[] = [];
    for await (const response of datatransferClient.listTransferConfigsAsync({ parent })) {
      names.push(String(response.name));
    }
    expect(names).toContain(state.config);
  });

  sample('updateTransferConfig', async () => {
    const [response] = await datatransferClient.updateTransferConfig({
      transferConfig: { name: state.config, displayName: 'Renamed sample transfer' },
      updateMask: { paths: ['display_name'] },
    });
    expect(response.displayName).toBe('Renamed sample transfer');
  });

  sample('startManualTransferRuns', async () => {
    const [response] = await datatransferClient.startManualTransferRuns({
      parent: state.config,
      requestedRunTime: { seconds: Date.parse('2026-11-20T00:00:00Z') / 1000 },
    });
    state.run = response.runs?.[0]?.name as string;
    expect((await waitForRun(datatransferClient, state.run)).run.state).toBe('SUCCEEDED');
  });

  sample('getTransferRun', async () => {
    const [response] = await datatransferClient.getTransferRun({ name: state.run });
    expect(response.state).toBe('SUCCEEDED');
  });

  sample('listTransferRuns', async () => {
    const names: string[] = [];
    for await (const response of datatransferClient.listTransferRunsAsync({ parent: state.config })) {
      names.push(String(response.name));
    }
    expect(names).toEqual([state.run]);
  });

  sample('listTransferLogs', async () => {
    const texts: string[] = [];
    for await (const response of datatransferClient.listTransferLogsAsync({ parent: state.run })) {
      texts.push(String(response.messageText));
    }
    expect(texts.join('\n')).toContain('Moved 1 object(s)');
  });

  sample('deleteTransferRun', async () => {
    const [response] = await datatransferClient.deleteTransferRun({ name: state.run });
    expect(response).toEqual({});
  });

  sample('scheduleTransferRuns', async () => {
    const [scheduled] = await datatransferClient.createTransferConfig({
      parent,
      transferConfig: { ...transferConfig, scheduleOptions: null, schedule: 'every 24 hours' },
    });
    state.scheduled = scheduled.name as string;
    const [response] = await datatransferClient.scheduleTransferRuns({
      parent: state.scheduled,
      startTime: { seconds: Date.parse('2026-11-19T00:00:00Z') / 1000 },
      endTime: { seconds: Date.parse('2026-11-20T00:00:00Z') / 1000 },
    });
    expect(response.runs).toHaveLength(2);
    for (const run of response.runs ?? []) await waitForRun(datatransferClient, run.name as string);
  });

  sample('deleteTransferConfig', async () => {
    for (const name of [state.config, state.scheduled]) {
      const [response] = await datatransferClient.deleteTransferConfig({ name });
      expect(response).toEqual({});
    }
    await expect(datatransferClient.getTransferConfig({ name: state.config })).rejects.toMatchObject({
      code: 5,
    });
  });
});

describe('the samples that send an empty request as generated', () => {
  it.each([
    ['startManualTransferRuns', () => datatransferClient.startManualTransferRuns({})],
    ['enrollDataSources', () => datatransferClient.enrollDataSources({})],
    ['unenrollDataSources', () => datatransferClient.unenrollDataSources({})],
  ])('%s({}) is refused with INVALID_ARGUMENT, not UNIMPLEMENTED', async (_name, call) => {
    await expect(call()).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
  });
});
