// Before any table starts: one short call to each service the run needs, 5 s at most and
// all at once, so a silent endpoint, a closed port or missing credentials fail the run in
// seconds with the setting to fix — not minutes later, table by table. Any answer at all
// (a "not found" included) proves the service is there; only silence, refused connections
// and refused credentials stop the run.
import { CloudError } from '../cloud/errors.js';
import { type CloudServices, createCloudServices, type Transport } from '../cloud/index.js';
import type { PlannedTable } from '../plan/types.js';
import type { PipelineSettings } from '../tables/types.js';

/** How long each service has to answer. */
const PREFLIGHT_DEADLINE_MS = 5_000;

/** The run cannot start: each line names a service and the setting to fix. */
class PreflightError extends Error {
  override name = 'PreflightError';
}

type Service = 's3' | 'dts' | 'bigquery' | 'logging';

const GOOGLE_CREDENTIALS =
  'run `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS to a key file, and check the service account’s roles';

/** Where a service is, in the words of the setting that chose it. */
function whereIs(service: Service, env: NodeJS.ProcessEnv, transport: Transport): string {
  const variable = {
    s3: env.AWS_ENDPOINT_URL_S3
      ? 'AWS_ENDPOINT_URL_S3'
      : env.AWS_ENDPOINT_URL
        ? 'AWS_ENDPOINT_URL'
        : undefined,
    dts:
      transport === 'rest' && env.DTS_EMULATOR_REST
        ? 'DTS_EMULATOR_REST'
        : env.DTS_EMULATOR_HOST
          ? 'DTS_EMULATOR_HOST'
          : undefined,
    logging:
      transport === 'rest' && env.LOGGING_EMULATOR_REST
        ? 'LOGGING_EMULATOR_REST'
        : env.LOGGING_EMULATOR_HOST
          ? 'LOGGING_EMULATOR_HOST'
          : undefined,
    bigquery: env.BIGQUERY_EMULATOR_HOST ? 'BIGQUERY_EMULATOR_HOST' : undefined,
  }[service];
  if (variable) return `${variable}=${env[variable]}`;
  return {
    s3: 'Amazon S3',
    dts: 'the BigQuery Data Transfer Service (bigquerydatatransfer.googleapis.com)',
    logging: 'Cloud Logging (logging.googleapis.com)',
    bigquery: 'BigQuery (bigquery.googleapis.com)',
  }[service];
}

/** Why an answer (or its absence) stops the run, or undefined when the service answered. */
function problem(service: Service, error: unknown, where: string, hasAwsKeys: boolean): string | undefined {
  const text = error instanceof Error ? error.message : String(error);
  if (service === 's3' && /credential/i.test(text)) {
    return `no AWS credentials for ${where}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY`;
  }
  if (
    service !== 's3' &&
    /default credentials|could not load the default|invalid_grant|unauthenticated/i.test(text)
  ) {
    return `no usable Google credentials for ${where}: ${GOOGLE_CREDENTIALS}`;
  }
  if (!(error instanceof CloudError)) return `${where} failed: ${text}`;
  if (error.code === 'DEADLINE_EXCEEDED' && service === 's3' && !hasAwsKeys) {
    // The AWS SDK looks for credentials far and wide (profiles, instance metadata) before it gives up.
    return `${where} could not be asked within ${PREFLIGHT_DEADLINE_MS / 1000} s and no AWS keys are set: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY`;
  }
  if (error.code === 'DEADLINE_EXCEEDED')
    return `${where} does not answer (nothing within ${PREFLIGHT_DEADLINE_MS / 1000} s)`;
  if (error.code === 'UNAVAILABLE') {
    const refused = /ECONNREFUSED|connection refused|No connection established/i.test(text);
    return `${where} ${refused ? 'refuses connections' : 'is unreachable'} (${text})`;
  }
  if (error.code === 'UNAUTHENTICATED') {
    return service === 's3'
      ? `${where} refused the AWS credentials: check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY`
      : `${where} refused the Google credentials: ${GOOGLE_CREDENTIALS}`;
  }
  return undefined; // NOT_FOUND, PERMISSION_DENIED on a probe, …: the service is there
}

const PROBE_ID = 's3bq-preflight-probe';

function probes(services: CloudServices, first: PlannedTable['plan']['partitions'][number] | undefined) {
  const signal = () => AbortSignal.timeout(PREFLIGHT_DEADLINE_MS + 1_000);
  return {
    s3: () =>
      first ? services.s3.listPrefix(first.bucket, first.prefix, signal()) : Promise.resolve(undefined),
    dts: () => services.dts.getConfig(`${services.dts.parent}/transferConfigs/${PROBE_ID}`, signal()),
    bigquery: () => services.bigquery.getDataset(services.projectId, 's3bq_preflight_probe', signal()),
    logging: () =>
      services.logging.runMessages(
        { configId: PROBE_ID, runId: PROBE_ID, from: new Date(Date.now() - 60_000), to: new Date() },
        signal(),
      ),
  } satisfies Record<Service, () => Promise<unknown>>;
}

export interface PreflightRequest {
  env: NodeJS.ProcessEnv;
  settings: PipelineSettings;
  transport: Transport;
  planned: readonly PlannedTable[];
  /** A dry run only reads S3. */
  dryRun: boolean;
}

/** Throws PreflightError naming every service that cannot serve the run. */
export async function preflight(request: PreflightRequest): Promise<void> {
  const { env, transport } = request;
  if (!request.dryRun && !(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY)) {
    throw new PreflightError(
      'no AWS keys for the transfers: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (DTS reads S3 with them)',
    );
  }
  const services = createCloudServices({
    env,
    settings: request.settings,
    transport,
    deadlines: { callMs: PREFLIGHT_DEADLINE_MS, s3Ms: PREFLIGHT_DEADLINE_MS, queryMs: PREFLIGHT_DEADLINE_MS },
    retry: { retries: 0 },
  });
  try {
    const first = request.planned.flatMap((table) => table.plan.partitions)[0];
    const wanted: Service[] = request.dryRun ? ['s3'] : ['s3', 'dts', 'bigquery', 'logging'];
    const calls = probes(services, first);
    const hasAwsKeys = Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
    const problems = await Promise.all(
      wanted.map((service) =>
        calls[service]().then(
          () => undefined,
          (error: unknown) => problem(service, error, whereIs(service, env, transport), hasAwsKeys),
        ),
      ),
    );
    const found = problems.filter((text): text is string => text !== undefined);
    if (found.length > 0) throw new PreflightError(found.join('; '));
  } finally {
    await services.close();
  }
}
