// The cloud services the lifecycle runs against, built in one place from the environment
// and the pipeline settings: the real clouds, or the local cloud when its endpoint
// variables are set.
import type { PipelineSettings } from '../tables/types.js';
import { type BigQueryFace, createBigQueryClient, createBigQueryFace } from './bigquery.js';
import { DEFAULT_DEADLINES, type Deadlines } from './deadlines.js';
import { createDtsFace, type DtsFace } from './dts.js';
import { createDtsClient } from './dts-client.js';
import { gaxClientOptions, isLocal, type Transport } from './endpoints.js';
import { createLoggingFace, createLoggingV2Client, type LoggingFace } from './logging.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, realSleep } from './retry.js';
import { createS3Client, createS3Face, type S3Face } from './s3.js';
import { secretsFrom } from './secrets.js';

export type { Transport } from './endpoints.js';
export type { RetryPolicy } from './retry.js';

export interface CloudServices {
  s3: S3Face;
  dts: DtsFace;
  logging: LoggingFace;
  bigquery: BigQueryFace;
  /** The project configs and tables live in. */
  projectId: string;
  /** AWS keys handed to DTS in each config's params; undefined when not configured. */
  awsCredentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  close(): Promise<void>;
}

/** The project the emulator uses when none is configured. */
const LOCAL_PROJECT = 'local-project';

export interface CreateCloudServicesOptions {
  env: NodeJS.ProcessEnv;
  settings: PipelineSettings;
  transport?: Transport | undefined;
  deadlines?: Partial<Deadlines> | undefined;
  /** Overrides of the retry policy (tests inject `sleep`). */
  retry?: Partial<RetryPolicy> | undefined;
}

export function createCloudServices(options: CreateCloudServicesOptions): CloudServices {
  const { env, settings } = options;
  const transport = options.transport ?? 'grpc';
  const deadlines = { ...DEFAULT_DEADLINES, ...options.deadlines };
  const projectId =
    settings.project || env.GOOGLE_CLOUD_PROJECT || (isLocal(env) ? LOCAL_PROJECT : undefined);
  if (!projectId) {
    throw new Error('no Google Cloud project: set GOOGLE_CLOUD_PROJECT or "project" in pipeline.json');
  }
  const secrets = secretsFrom(env);
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, sleep: realSleep, ...options.retry, secrets };

  const s3Client = createS3Client({ env });
  const dtsClient = createDtsClient(
    gaxClientOptions(env, 'DTS_EMULATOR_HOST', 'DTS_EMULATOR_REST', transport, projectId),
  );
  const loggingClient = createLoggingV2Client(
    gaxClientOptions(env, 'LOGGING_EMULATOR_HOST', 'LOGGING_EMULATOR_REST', transport, projectId),
  );
  const bigqueryClient = createBigQueryClient({
    env,
    projectId,
    location: settings.location,
    timeoutMs: deadlines.callMs,
  });

  const awsCredentials =
    env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY }
      : undefined;
  return {
    projectId,
    awsCredentials,
    s3: createS3Face({ client: s3Client, timeoutMs: deadlines.s3Ms, retry }),
    dts: createDtsFace({
      client: dtsClient,
      projectId,
      location: settings.location,
      timeoutMs: deadlines.callMs,
      retry,
    }),
    logging: createLoggingFace({
      client: loggingClient,
      projectId,
      timeoutMs: deadlines.callMs,
      retry,
      transport,
    }),
    bigquery: createBigQueryFace({
      client: bigqueryClient,
      location: settings.location,
      timeoutMs: deadlines.callMs,
      queryTimeoutMs: deadlines.queryMs,
      retry,
    }),
    async close() {
      s3Client.destroy();
      await Promise.allSettled([dtsClient.close(), loggingClient.close()]);
    },
  };
}
