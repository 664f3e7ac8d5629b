// A local S3 + local DTS pair for the DTS tests, with a recording warehouse standing in for
// BigQuery so each test can see exactly which files a run handed to its load job. The
// tests talk to both services only through the official clients. DTS sees files only
// five minutes after they land, as the real service: tests age objects (backdate) or move
// the DTS clock (advance), or pass fileVisibilitySeconds 0 when visibility is not their
// subject.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DataTransferServiceClient, protos } from '@google-cloud/bigquery-data-transfer';
import { startDtsEmulator } from '../src/dts/index.js';
import { FaultRegistry } from '../src/faults.js';
import {
  DTS_SERVICE_NAME,
  LOCATIONS_SERVICE_NAME,
  loadDtsProto,
  loadLocationsProto,
} from '../src/rpc/protos.js';
import { startRestGateway } from '../src/rpc/rest-gateway.js';
import { backdateObjects } from '../src/s3/backdate.js';
import { startS3Emulator } from '../src/s3/index.js';
import type { LoadJobError, LoadJobRequest, LoadJobResult, Warehouse } from '../src/warehouse-contract.js';
import { type CloudEnv, dtsClient, s3Client, structParams, timestamp } from './helpers/official-clients.js';

export const PROJECT = 'test-project';
export const KEYS = { accessKeyId: 'AKIATESTKEY000000001', secretAccessKey: 'test-secret-key-never-shown' };

export class RecordingWarehouse implements Warehouse {
  readonly loads: LoadJobRequest[] = [];
  /** Dataset id → location, as BigQuery reports it (lower case). */
  readonly datasets = new Map([
    ['sales', 'us'],
    ['sales_eu', 'eu'],
    ['sales_tokyo', 'asia-northeast1'],
  ]);
  failNext: LoadJobError | undefined;

  async load(request: LoadJobRequest): Promise<LoadJobResult> {
    this.loads.push(request);
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw failure;
    return { rowsLoaded: request.files.length * 10, badRecords: 0, partitions: [] };
  }

  datasetLocation(_projectId: string, datasetId: string): string | undefined {
    return this.datasets.get(datasetId);
  }
}

export interface Harness {
  env: CloudEnv;
  dts: DataTransferServiceClient;
  s3: S3Client;
  faults: FaultRegistry;
  warehouse: RecordingWarehouse;
  denyBucket(bucket: string): void;
  /** Shifts the DTS clock (not S3's), e.g. to age files past the visibility delay. */
  advance(ms: number): void;
  /** Makes every stored object look as if it landed `ageMs` ago (S3's clock). */
  backdate(ageMs: number): Promise<number>;
  stats: ReturnType<Awaited<ReturnType<typeof startDtsEmulator>>['stats']>;
  stop(): Promise<void>;
}

export async function startHarness(
  options: {
    runSeconds?: number;
    fileVisibilitySeconds?: number;
    quotas?: { concurrentRuns?: number; loadJobsPerDay?: number };
  } = {},
): Promise<Harness & { statsNow(): Harness['stats'] }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'dts-test-'));
  const faults = new FaultRegistry();
  const warehouse = new RecordingWarehouse();
  let shift = 0;
  const s3 = await startS3Emulator({ dataDir, credentials: [KEYS], faults });
  const dtsServer = await startDtsEmulator({
    faults,
    warehouse,
    s3Endpoint: s3.url,
    runSeconds: options.runSeconds ?? 0.2,
    ...(options.fileVisibilitySeconds === undefined
      ? {}
      : { fileVisibilitySeconds: options.fileVisibilitySeconds }),
    ...(options.quotas ? { quotas: options.quotas } : {}),
    clock: () => new Date(Date.now() + shift),
  });
  // The same handlers over REST, for tests of google-gax's REST transport (`fallback`).
  const rest = await startRestGateway({
    root: loadDtsProto().root,
    serviceName: DTS_SERVICE_NAME,
    handlers: dtsServer.handlers,
    mixins: [{ root: loadLocationsProto().root, serviceName: LOCATIONS_SERVICE_NAME, handlers: {} }],
    faults,
    faultService: 'dts',
  });
  const env: CloudEnv = {
    AWS_ENDPOINT_URL_S3: s3.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: KEYS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
    DTS_EMULATOR_HOST: dtsServer.hostPort,
    DTS_EMULATOR_REST: rest.hostPort,
  };
  const dts = dtsClient(env);
  const s3c = s3Client(env);
  return {
    env,
    dts,
    s3: s3c,
    faults,
    warehouse,
    denyBucket: s3.denyBucket,
    advance: (ms) => {
      shift += ms;
    },
    backdate: (ageMs) => backdateObjects(dataDir, new Date(Date.now() - ageMs)),
    stats: dtsServer.stats(),
    statsNow: () => dtsServer.stats(),
    async stop() {
      await dts.close();
      s3c.destroy();
      await rest.stop();
      await dtsServer.stop();
      await s3.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function putFiles(
  s3: S3Client,
  bucket: string,
  keys: string[],
  body = 'a,b\n1,2\n',
): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: { name?: string }) => {
    if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error;
  });
  await Promise.all(keys.map((Key) => s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: body }))));
}

export const PARENT = `projects/${PROJECT}/locations/us`;

export function s3Params(overrides: Record<string, string> = {}): ReturnType<typeof structParams> {
  return structParams({
    data_path: 's3://lake/orders/*',
    destination_table_name_template: 'orders',
    access_key_id: KEYS.accessKeyId,
    secret_access_key: KEYS.secretAccessKey,
    file_format: 'CSV',
    write_disposition: 'WRITE_TRUNCATE',
    ...overrides,
  });
}

/** Creates an on-demand amazon_s3 config (in `us`, into `sales`) and returns its name. */
export async function createConfig(
  dts: DataTransferServiceClient,
  params: Record<string, string> = {},
  place: { parent?: string; dataset?: string } = {},
): Promise<string> {
  const [config] = await dts.createTransferConfig({
    parent: place.parent ?? PARENT,
    transferConfig: {
      displayName: 'test',
      dataSourceId: 'amazon_s3',
      destinationDatasetId: place.dataset ?? 'sales',
      params: s3Params(params),
      scheduleOptions: { disableAutoScheduling: true },
    },
  });
  return config.name as string;
}

export async function startRun(
  dts: DataTransferServiceClient,
  configName: string,
  runTime: Date,
): Promise<string> {
  const [response] = await dts.startManualTransferRuns({
    parent: configName,
    requestedRunTime: timestamp(runTime),
  });
  const name = response.runs?.[0]?.name;
  if (!name) throw new Error('StartManualTransferRuns returned no run');
  return name;
}

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** Polls GetTransferRun until the run ends (bounded), returning every state it saw. */
export async function waitForRun(
  dts: DataTransferServiceClient,
  runName: string,
  timeoutMs = 15_000,
): Promise<{ run: protos.google.cloud.bigquery.datatransfer.v1.ITransferRun; seen: string[] }> {
  const seen: string[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [run] = await dts.getTransferRun({ name: runName }, { timeout: 5000 });
    const state = String(run.state);
    if (seen[seen.length - 1] !== state) seen.push(state);
    if (TERMINAL.has(state)) return { run, seen };
    if (Date.now() > deadline) throw new Error(`Run ${runName} still ${state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts one run and waits for its end. */
export async function runToEnd(
  dts: DataTransferServiceClient,
  configName: string,
  runTime: Date,
): Promise<protos.google.cloud.bigquery.datatransfer.v1.ITransferRun> {
  return (await waitForRun(dts, await startRun(dts, configName, runTime))).run;
}

/**
 * Waits until S3 would stamp a new object as modified after the run started. S3's
 * LastModified has whole seconds, so a file written in the second a run started looks
 * older than that start (and falls behind a WRITE_APPEND cut-off, as on AWS).
 */
export async function waitPastStartOf(
  run: protos.google.cloud.bigquery.datatransfer.v1.ITransferRun,
): Promise<void> {
  const startMs = Number(run.startTime?.seconds ?? 0) * 1000 + Math.floor((run.startTime?.nanos ?? 0) / 1e6);
  const nextSecond = Math.floor(startMs / 1000) * 1000 + 1000;
  const wait = nextSecond - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 5));
}

/** The object keys (s3://bucket/key) each load job received, in load order. */
export function loadedUris(warehouse: RecordingWarehouse, from = 0): string[][] {
  return warehouse.loads.slice(from).map((load) => load.files.map((file) => file.uri).sort());
}

export async function runLogs(dts: DataTransferServiceClient, runName: string): Promise<string[]> {
  const [messages] = await dts.listTransferLogs({ parent: runName });
  return messages.map((message) => `${message.severity}: ${message.messageText}`);
}
