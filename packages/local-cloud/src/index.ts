// The local cloud as a library: S3, BigQuery Data Transfer Service, Cloud Logging and
// BigQuery on loopback, wired together the way the real services are (DTS runs read S3
// with the config's keys, load into the BigQuery warehouse and log to Cloud Logging),
// plus the REST faces of the gRPC services and the admin endpoint for faults.
// `s3bq emulator` and the tests start it in-process with `startLocalCloud()`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAdminServer } from './admin.js';
import { startBigQueryEmulator } from './bigquery/index.js';
import { type DtsStats, startDtsEmulator } from './dts/index.js';
import { FaultRegistry } from './faults.js';
import { startLoggingEmulator, startLoggingRestGateway } from './logging/index.js';
import { DTS_SERVICE_NAME, LOCATIONS_SERVICE_NAME, loadDtsProto, loadLocationsProto } from './rpc/protos.js';
import { startRestGateway } from './rpc/rest-gateway.js';
import { backdateObjects } from './s3/backdate.js';
import { type AwsKeyPair, startS3Emulator } from './s3/index.js';

export { FaultRegistry, type FaultRule, type FaultService } from './faults.js';
export {
  type LoggingEmulator,
  type LoggingRestGatewayOptions,
  startLoggingEmulator,
  startLoggingRestGateway,
} from './logging/index.js';
export { type AwsKeyPair, type S3Emulator, startS3Emulator } from './s3/index.js';

/** The demo key pair the local S3 accepts when no credentials are given. Not a secret. */
export const DEMO_CREDENTIALS: AwsKeyPair = {
  accessKeyId: 'AKIALOCALCLOUDDEMO00',
  secretAccessKey: 'local-cloud-demo-secret-access-key',
};
export const DEFAULT_PROJECT_ID = 'local-project';
export const LOCAL_AWS_REGION = 'us-east-1';

export interface LocalCloudOptions {
  /** Where S3 objects live; default a temporary directory removed by stop(). */
  dataDir?: string;
  /** Wall time of one transfer run (may be fractional); default 1. */
  runSeconds?: number;
  /** Default `local-project`. */
  projectId?: string;
  /** AWS key pairs the local S3 accepts; default [DEMO_CREDENTIALS]. The first goes in `env`. */
  credentials?: AwsKeyPair[];
  quotas?: {
    /** Transfer runs RUNNING at once in the project; default 1000. */
    concurrentRuns?: number;
    /** Load jobs per UTC day; default 100,000 (BigQuery's per-project limit). */
    loadJobsPerDay?: number;
  };
  /**
   * Seconds a new S3 file stays invisible to transfer runs; default 300, as real DTS.
   * To load files written just now, pass 0 or age them with `backdateObjects`.
   */
  fileVisibilitySeconds?: number;
  clock?: () => Date;
}

/** The environment the product reads to find each local service. */
export interface LocalCloudEnv {
  AWS_ENDPOINT_URL_S3: string;
  AWS_REGION: string;
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  DTS_EMULATOR_HOST: string;
  DTS_EMULATOR_REST: string;
  LOGGING_EMULATOR_HOST: string;
  LOGGING_EMULATOR_REST: string;
  BIGQUERY_EMULATOR_HOST: string;
  S3BQ_EMULATOR_ADMIN: string;
  GOOGLE_CLOUD_PROJECT: string;
  [name: string]: string;
}

export interface LocalCloudStats extends DtsStats {
  /** S3 requests served, by operation (ListObjectsV2, GetObject, …). */
  s3Requests: Record<string, number>;
}

export interface LocalCloud {
  env: LocalCloudEnv;
  projectId: string;
  faults: FaultRegistry;
  credentials: AwsKeyPair[];
  /** Where each service listens (URLs for HTTP services, host:port for gRPC). */
  endpoints: {
    s3: string;
    dts: string;
    dtsRest: string;
    logging: string;
    loggingRest: string;
    bigquery: string;
    admin: string;
  };
  dataDir: string;
  /** Every S3 request on the bucket answers AccessDenied until allowBucket(). */
  denyBucket(bucket: string): void;
  allowBucket(bucket: string): void;
  /** Makes every stored object look as if it landed `ageMs` ago; returns how many. */
  backdateObjects(ageMs: number): Promise<number>;
  /** Makes every transfer config look untouched (updateTime) for `ageMs` more; returns how many. */
  ageConfigs(ageMs: number): number;
  stats(): LocalCloudStats;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Refuses options that would make a broken cloud, saying which one and what is allowed. */
function checkOptions(options: LocalCloudOptions): void {
  const nonNegative = (name: string, value: number | undefined): void => {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new Error(`startLocalCloud: ${name} must be a number of seconds >= 0, got ${value}.`);
    }
  };
  nonNegative('runSeconds', options.runSeconds);
  nonNegative('fileVisibilitySeconds', options.fileVisibilitySeconds);
  for (const [name, value] of Object.entries(options.quotas ?? {})) {
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
      throw new Error(`startLocalCloud: quotas.${name} must be a positive integer, got ${value}.`);
    }
  }
  // Resource names embed the project id, so it cannot be empty or contain '/'.
  if (options.projectId !== undefined && !/^[a-z][a-z0-9.:-]*$/.test(options.projectId)) {
    throw new Error(
      `startLocalCloud: projectId "${options.projectId}" is not a Google Cloud project id (lowercase letters, digits, hyphens).`,
    );
  }
  for (const pair of options.credentials ?? []) {
    if (!pair.accessKeyId || !pair.secretAccessKey) {
      throw new Error('startLocalCloud: every credentials entry needs an accessKeyId and a secretAccessKey.');
    }
  }
}

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  checkOptions(options);
  const projectId = options.projectId ?? DEFAULT_PROJECT_ID;
  const credentials = options.credentials ?? [DEMO_CREDENTIALS];
  const first = credentials[0];
  if (!first) throw new Error('startLocalCloud needs at least one AWS key pair in `credentials`.');
  const clock = options.clock ?? (() => new Date());
  const faults = new FaultRegistry();
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 's3bq-local-cloud-')));

  // Stopped in reverse order of start, also when startup fails halfway.
  const stoppers: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
    stoppers.length = 0;
    if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
  };

  const track = <T extends { stop(): Promise<void> }>(service: T): T => {
    stoppers.push(() => service.stop());
    return service;
  };

  try {
    const [bigquery, logging, s3] = await Promise.all([
      startBigQueryEmulator({
        faults,
        projectId,
        host: HOST,
        clock,
        ...(options.quotas?.loadJobsPerDay === undefined
          ? {}
          : { quotas: { loadJobsPerDay: options.quotas.loadJobsPerDay } }),
      }).then(track),
      startLoggingEmulator({ faults, projectId, host: HOST, clock }).then(track),
      startS3Emulator({ dataDir, credentials, faults, host: HOST, clock }).then(track),
    ]);
    const dts = await startDtsEmulator({
      faults,
      warehouse: bigquery.warehouse,
      s3Endpoint: s3.url,
      logSink: logging.sink,
      ...(options.runSeconds === undefined ? {} : { runSeconds: options.runSeconds }),
      ...(options.fileVisibilitySeconds === undefined
        ? {}
        : { fileVisibilitySeconds: options.fileVisibilitySeconds }),
      ...(options.quotas ? { quotas: options.quotas } : {}),
      host: HOST,
      clock,
    });
    stoppers.push(() => dts.stop());
    const stats = (): LocalCloudStats => ({ ...dts.stats(), s3Requests: s3.requestCounts() });
    const [dtsRest, loggingRest, admin] = await Promise.all([
      startRestGateway({
        root: loadDtsProto().root,
        serviceName: DTS_SERVICE_NAME,
        handlers: dts.handlers,
        mixins: [{ root: loadLocationsProto().root, serviceName: LOCATIONS_SERVICE_NAME, handlers: {} }],
        faults,
        faultService: 'dts',
        host: HOST,
      }).then(track),
      startLoggingRestGateway({
        handlers: logging.handlers,
        services: logging.services,
        faults,
        host: HOST,
      }).then(track),
      startAdminServer({ faults, denyBucket: s3.denyBucket, stats, host: HOST }).then(track),
    ]);

    const env: LocalCloudEnv = {
      AWS_ENDPOINT_URL_S3: s3.url,
      AWS_REGION: LOCAL_AWS_REGION,
      AWS_ACCESS_KEY_ID: first.accessKeyId,
      AWS_SECRET_ACCESS_KEY: first.secretAccessKey,
      DTS_EMULATOR_HOST: dts.hostPort,
      DTS_EMULATOR_REST: dtsRest.hostPort,
      LOGGING_EMULATOR_HOST: logging.hostPort,
      LOGGING_EMULATOR_REST: loggingRest.hostPort,
      BIGQUERY_EMULATOR_HOST: bigquery.hostPort,
      S3BQ_EMULATOR_ADMIN: admin.url,
      GOOGLE_CLOUD_PROJECT: projectId,
    };
    return {
      env,
      projectId,
      faults,
      credentials,
      endpoints: {
        s3: s3.url,
        dts: dts.hostPort,
        dtsRest: dtsRest.url,
        logging: logging.hostPort,
        loggingRest: loggingRest.url,
        bigquery: bigquery.url,
        admin: admin.url,
      },
      dataDir,
      denyBucket: s3.denyBucket,
      allowBucket: s3.allowBucket,
      backdateObjects: (ageMs) => backdateObjects(dataDir, new Date(clock().getTime() - ageMs)),
      ageConfigs: (ageMs) => dts.ageConfigs(ageMs),
      stats,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
