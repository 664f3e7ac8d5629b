// Builds the official Google and AWS clients against a running local cloud, from the same
// environment variables the product reads, with explicit dummy credentials so nothing
// probes a metadata server. Tests use these and only these to talk to the local cloud.
import { S3Client } from '@aws-sdk/client-s3';
import { BigQuery } from '@google-cloud/bigquery';
import { DataTransferServiceClient } from '@google-cloud/bigquery-data-transfer';
import * as grpc from '@grpc/grpc-js';
import { PassThroughClient } from 'google-auth-library';

/** The subset of LocalCloud.env the clients need. */
export interface CloudEnv {
  AWS_ENDPOINT_URL_S3: string;
  AWS_REGION: string;
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  DTS_EMULATOR_HOST: string;
  DTS_EMULATOR_REST?: string;
  BIGQUERY_EMULATOR_HOST?: string;
  GOOGLE_CLOUD_PROJECT?: string;
}

function splitHostPort(hostPort: string): { host: string; port: number } {
  const index = hostPort.lastIndexOf(':');
  return { host: hostPort.slice(0, index), port: Number(hostPort.slice(index + 1)) };
}

/** DataTransferServiceClient over gRPC (default) or google-gax's REST transport. */
export function dtsClient(env: CloudEnv, transport: 'grpc' | 'rest' = 'grpc'): DataTransferServiceClient {
  if (transport === 'rest') {
    if (!env.DTS_EMULATOR_REST)
      throw new Error('This local cloud has no DTS REST gateway (DTS_EMULATOR_REST).');
    const { host, port } = splitHostPort(env.DTS_EMULATOR_REST);
    return new DataTransferServiceClient({
      apiEndpoint: host,
      port,
      protocol: 'http',
      fallback: true,
      // Gaxios throws on non-2xx before gax decodes the Google error body; letting every
      // status through makes REST errors carry their gRPC codes, as over gRPC.
      authClient: new PassThroughClient({ transporterOptions: { validateStatus: () => true } }),
    } as unknown as ConstructorParameters<typeof DataTransferServiceClient>[0]);
  }
  const { host, port } = splitHostPort(env.DTS_EMULATOR_HOST);
  // An explicit universe domain keeps google-auth-library from asking the metadata server.
  return new DataTransferServiceClient({
    apiEndpoint: host,
    port,
    sslCreds: grpc.credentials.createInsecure(),
    universeDomain: 'googleapis.com',
  });
}

/** S3Client with the local cloud's demo keys, or the given ones. */
export function s3Client(env: CloudEnv, keys?: { accessKeyId: string; secretAccessKey: string }): S3Client {
  return new S3Client({
    endpoint: env.AWS_ENDPOINT_URL_S3,
    forcePathStyle: true,
    region: env.AWS_REGION,
    credentials: keys ?? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
    maxAttempts: 1,
  });
}

/** BigQuery against the local REST endpoint, unauthenticated (custom endpoints skip auth). */
export function bigQueryClient(env: CloudEnv): BigQuery {
  if (!env.BIGQUERY_EMULATOR_HOST) throw new Error('BIGQUERY_EMULATOR_HOST is not set.');
  return new BigQuery({
    apiEndpoint: `http://${env.BIGQUERY_EMULATOR_HOST}`,
    projectId: env.GOOGLE_CLOUD_PROJECT ?? 'local-project',
    authClient: new PassThroughClient(),
  } as ConstructorParameters<typeof BigQuery>[0]);
}

/** Struct params as the Node DTS client must send them (a plain object is sent empty). */
export function structParams(values: Record<string, string>): {
  fields: Record<string, { stringValue: string }>;
} {
  return {
    fields: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { stringValue: value }])),
  };
}

/** Timestamp message for a Date. */
export function timestamp(date: Date): { seconds: number; nanos: number } {
  return { seconds: Math.floor(date.getTime() / 1000), nanos: (date.getTime() % 1000) * 1_000_000 };
}
