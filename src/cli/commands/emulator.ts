// `s3bq emulator`: starts the local cloud (S3, DTS, Cloud Logging, BigQuery) and prints its
// endpoints as the environment variables the product reads, then serves until stopped.
// With --demo it also writes the demo lake for the example tables.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { LocalCloud } from '@s3bq/local-cloud';
import { parseCommandArgs } from '../args.js';
import { type Command, type CommandContext, UsageError } from '../command.js';

const DEFAULT_DEMO_TABLES = 'examples/tables';
const DEMO_BUCKET = 'demo-lake';
/** A daily tick loads files that landed hours ago; the demo lake pretends to be that old. */
const DEMO_LAKE_AGE_MS = 60 * 60_000;

function parseRunSeconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(seconds > 0) || seconds > 3600) {
    throw new UsageError(`--run-seconds takes a number of seconds above 0 and up to 3600 (got "${text}")`);
  }
  return seconds;
}

/** `export NAME=value`, quoted for POSIX shells when the value needs it. */
export function exportLine(name: string, value: string): string {
  const safe = /^[\w@%+=:,./-]*$/.test(value);
  return `export ${name}=${safe ? value : `'${value.replaceAll("'", `'\\''`)}'`}`;
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((done) => signal.addEventListener('abort', () => done(), { once: true }));
}

export interface DemoSummary {
  files: number;
  rows: number;
  bytes: number;
  missing: { table: string; partitionId: string }[];
}

/**
 * Plans a tick over the demo tables at `at` and writes their lake into the local cloud,
 * leaving one partition out, with files aged as a lake's files are by tick time.
 */
export async function writeDemoLake(
  context: CommandContext,
  tablesDir: string,
  cloud: Pick<LocalCloud, 'env' | 'projectId' | 'backdateObjects'>,
  at: Date = new Date(),
): Promise<DemoSummary> {
  const { env, projectId } = cloud;
  const [{ S3Client }, { loadSettings }, { loadTables }, { buildPlan }, { generateDemoLake }] =
    await Promise.all([
      import('@aws-sdk/client-s3'),
      import('../../tables/settings.js'),
      import('../load-tables.js'),
      import('../../plan/build.js'),
      import('../../demo/lake.js'),
    ]);
  const settings = { ...(await loadSettings({ cwd: context.cwd, env: context.env })), project: projectId };
  const tables = await loadTables(context.cwd, tablesDir, settings, { throwOnErrors: true });
  const { planned } = buildPlan({ tables, settings, window: { kind: 'tick', at } });
  // One partition deliberately missing: the middle one of the first table with several,
  // so a tick shows the "skipped" outcome next to loaded ones.
  const withSeveral = planned.find((table) => table.plan.enabled && table.plan.partitions.length > 1);
  const middle = withSeveral?.plan.partitions[Math.floor(withSeveral.plan.partitions.length / 2)];
  const missing = withSeveral && middle ? [{ table: withSeveral.spec.name, partitionId: middle.id }] : [];
  const s3 = new S3Client({
    endpoint: env.AWS_ENDPOINT_URL_S3,
    region: env.AWS_REGION,
    forcePathStyle: true,
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID ?? '',
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '',
    },
    // s3rver does not take the aws-chunked CRC32 uploads newer SDKs send by default.
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  try {
    const result = await generateDemoLake({ s3, bucket: DEMO_BUCKET, planned, missing });
    await cloud.backdateObjects(DEMO_LAKE_AGE_MS);
    return { files: result.files, rows: result.rows, bytes: result.bytes, missing };
  } finally {
    s3.destroy();
  }
}

export const emulatorCommand: Command = {
  name: 'emulator',
  summary: 'start the local cloud (S3, DTS, Cloud Logging, BigQuery) and print its endpoints',
  usage: `Usage: s3bq emulator [--data DIR] [--run-seconds N] [--json] [--demo [--tables DIR]]

Starts the local cloud on 127.0.0.1 and prints its endpoints as environment variables
(AWS_ENDPOINT_URL_S3, DTS_EMULATOR_HOST, LOGGING_EMULATOR_HOST, BIGQUERY_EMULATOR_HOST, …),
one \`export NAME=value\` line each, to paste into a shell or \`eval "$(…)"\`. It serves until
stopped with Ctrl-C (SIGINT) or SIGTERM. The AWS keys it prints are the local cloud's own
demo keys, not yours.

Options:
  --data DIR          keep S3 objects in DIR (default: a temporary folder removed on exit)
  --run-seconds N     how long each simulated transfer run takes (default 1)
  --json              print the variables as one JSON object on one line
  --demo              write the demo lake (realistic files for the example tables over
                      their current tick, with one partition left missing)
  --tables DIR        with --demo: the tables to write the lake for (default ${DEFAULT_DEMO_TABLES})
  -h, --help          show this help`,
  async run(context) {
    const values = parseCommandArgs(context.argv, {
      data: { type: 'string' },
      'run-seconds': { type: 'string' },
      json: { type: 'boolean' },
      demo: { type: 'boolean' },
      tables: { type: 'string' },
    });
    const runSeconds = parseRunSeconds(values['run-seconds']);
    if (values.tables !== undefined && !values.demo) throw new UsageError('--tables goes with --demo');
    const dataDir = values.data === undefined ? undefined : resolve(context.cwd, values.data);
    if (dataDir) await mkdir(dataDir, { recursive: true });
    const projectId = context.env.GOOGLE_CLOUD_PROJECT?.trim() || undefined;

    const { startLocalCloud } = await import('@s3bq/local-cloud');
    const started = Date.now();
    const cloud = await startLocalCloud({
      ...(dataDir === undefined ? {} : { dataDir }),
      ...(runSeconds === undefined ? {} : { runSeconds }),
      ...(projectId === undefined ? {} : { projectId }),
    });
    try {
      const env = { ...cloud.env };
      if (values.demo) {
        const demo = await writeDemoLake(context, values.tables ?? DEFAULT_DEMO_TABLES, cloud);
        const skipped =
          demo.missing.map((entry) => `${entry.table} ${entry.partitionId}`).join(', ') || 'none';
        context.stderr.write(
          `s3bq emulator: demo lake written: ${demo.files} files, ${demo.rows} rows, ${demo.bytes} bytes; missing on purpose: ${skipped}\n`,
        );
      }
      if (values.json) context.stdout.write(`${JSON.stringify(env)}\n`);
      else {
        const lines = Object.entries(env).map(([name, value]) => exportLine(name, value));
        context.stdout.write(`${lines.join('\n')}\n`);
        context.stderr.write(
          `s3bq emulator: local cloud up in ${Date.now() - started} ms (admin: ${cloud.endpoints.admin}); Ctrl-C to stop\n`,
        );
      }
      await waitForAbort(context.signal);
    } finally {
      await cloud.stop();
    }
    context.stderr.write('s3bq emulator: stopped\n');
    return 0;
  },
};
