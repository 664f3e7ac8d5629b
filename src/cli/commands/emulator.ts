// `s3bq emulator`: starts the local cloud (S3, DTS, Cloud Logging, BigQuery) and prints its
// endpoints as the environment variables the product reads, then serves until stopped: by
// a signal, or when the shell job that started it goes away (its parent process exits).
// With --demo it also writes the demo lake for the example tables; with --write-env it
// writes the variables to a file, whole and at once, for `. ./file` in the same shell.
// (Not `--env-file`: Node takes that name for itself even after the script's path and
// exits before any code runs when the file does not exist yet, nodejs/node#54232.)
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { LocalCloud } from '@s3bq/local-cloud';
import { parseCommandArgs } from '../args.js';
import { type Command, type CommandContext, UsageError } from '../command.js';

const DEFAULT_DEMO_TABLES = 'examples/tables';
const DEMO_BUCKET = 'demo-lake';
/**
 * A daily tick loads files that landed hours ago; the demo lake pretends to be that old,
 * and always older than the file visibility delay, so every file is visible to a run.
 */
const DEMO_LAKE_AGE_MS = 60 * 60_000;
/** How often the emulator checks that the process that started it is still there. */
const PARENT_POLL_MS = 1_000;

function parseSeconds(
  option: string,
  text: string | undefined,
  bounds: { min: 'above 0' | 'from 0'; max: number },
): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  const low = bounds.min === 'above 0' ? seconds > 0 : seconds >= 0;
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !low || seconds > bounds.max) {
    throw new UsageError(
      `--${option} takes a number of seconds ${bounds.min} and up to ${bounds.max} (got "${text}")`,
    );
  }
  return seconds;
}

/** The demo lake's age: an hour, or more when files take longer than that to become visible. */
export function demoLakeAgeMs(fileVisibilitySeconds: number | undefined): number {
  return Math.max(DEMO_LAKE_AGE_MS, ((fileVisibilitySeconds ?? 0) + 60) * 1000);
}

/** Writes the file beside itself first, then renames it: a reader sees nothing or all of it. */
async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${process.pid}.${Date.now()}.s3bq-tmp`);
  try {
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Aborts `controller` when this process's parent exits. Killing a shell job that runs
 * `npx s3bq emulator` ends npx and its shell, not the node process below them, which the
 * system then hands to another parent: that change is the signal to stop.
 */
export function stopWhenOrphaned(controller: AbortController, parentPid = () => process.ppid): () => void {
  const first = parentPid();
  const timer = setInterval(() => {
    if (parentPid() !== first) controller.abort(new Error('the process that started the local cloud exited'));
  }, PARENT_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
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
  /** The tables the lake was written for, by destination. */
  tables: { name: string; projectId: string; datasetId: string; tableId: string }[];
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
  ageMs: number = DEMO_LAKE_AGE_MS,
): Promise<DemoSummary> {
  const { env, projectId } = cloud;
  const [{ loadSettings }, { loadTables }, { buildPlan }, { createLakeClient, generateDemoLake }] =
    await Promise.all([
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
  const s3 = createLakeClient(env);
  try {
    const result = await generateDemoLake({ s3, bucket: DEMO_BUCKET, planned, missing });
    await cloud.backdateObjects(ageMs);
    const tables = planned
      .filter((table) => table.plan.enabled)
      .map(({ spec }) => ({
        name: spec.name,
        projectId: spec.project ?? projectId,
        datasetId: spec.dataset,
        tableId: spec.table,
      }));
    return { files: result.files, rows: result.rows, bytes: result.bytes, missing, tables };
  } finally {
    s3.destroy();
  }
}

export const emulatorCommand: Command = {
  name: 'emulator',
  summary: 'start the local cloud (S3, DTS, Cloud Logging, BigQuery) and print its endpoints',
  usage: `Usage: s3bq emulator [--data DIR] [--run-seconds N] [--file-visibility-seconds N]
                     [--json] [--write-env PATH] [--demo [--tables DIR]]

Starts the local cloud on 127.0.0.1 and prints its endpoints as environment variables
(AWS_ENDPOINT_URL_S3, DTS_EMULATOR_HOST, LOGGING_EMULATOR_HOST, BIGQUERY_EMULATOR_HOST, …),
one \`export NAME=value\` line each, to paste into a shell or \`eval "$(…)"\`. It serves until
stopped with Ctrl-C (SIGINT), SIGTERM (\`kill "$S3BQ_EMULATOR_PID"\`), or until the process
that started it exits. The AWS keys it prints are the local cloud's own demo keys, not yours.

Options:
  --data DIR                    keep S3 objects in DIR (default: a temporary folder removed on exit)
  --run-seconds N               how long each simulated transfer run takes (default 1)
  --file-visibility-seconds N   how long a new S3 file stays invisible to transfer runs
                                (default: about 300, as DTS; 0 to load files at once)
  --json                        print the variables as one JSON object on one line
  --write-env PATH              also write the export lines to PATH, whole and at once, when
                                the local cloud is ready (and remove it when it stops)
  --demo                        write the demo lake (realistic files for the example tables over
                                their current tick, with one partition left missing)
  --tables DIR                  with --demo: the tables to write the lake for (default ${DEFAULT_DEMO_TABLES})
  -h, --help                    show this help`,
  async run(context) {
    const values = parseCommandArgs(
      context.argv,
      {
        data: { type: 'string' },
        'run-seconds': { type: 'string' },
        'file-visibility-seconds': { type: 'string' },
        json: { type: 'boolean' },
        'write-env': { type: 'string' },
        demo: { type: 'boolean' },
        tables: { type: 'string' },
      },
      { requires: { tables: 'demo' } },
    );
    const runSeconds = parseSeconds('run-seconds', values['run-seconds'], { min: 'above 0', max: 3600 });
    const fileVisibilitySeconds = parseSeconds('file-visibility-seconds', values['file-visibility-seconds'], {
      min: 'from 0',
      max: 86_400,
    });
    const dataDir = values.data === undefined ? undefined : resolve(context.cwd, values.data);
    const envFile = values['write-env'] === undefined ? undefined : resolve(context.cwd, values['write-env']);
    if (dataDir) await mkdir(dataDir, { recursive: true });
    // A file left by an earlier local cloud would point a waiting shell at dead endpoints.
    if (envFile) await rm(envFile, { force: true });
    const projectId = context.env.GOOGLE_CLOUD_PROJECT?.trim() || undefined;

    const { startLocalCloud } = await import('@s3bq/local-cloud');
    const started = Date.now();
    const cloud = await startLocalCloud({
      ...(dataDir === undefined ? {} : { dataDir }),
      ...(runSeconds === undefined ? {} : { runSeconds }),
      ...(fileVisibilitySeconds === undefined ? {} : { fileVisibilitySeconds }),
      ...(projectId === undefined ? {} : { projectId }),
    });
    const stop = new AbortController();
    const unwatch = stopWhenOrphaned(stop);
    const onAbort = () => stop.abort(context.signal.reason);
    context.signal.addEventListener('abort', onAbort, { once: true });
    try {
      const env: Record<string, string> = { ...cloud.env, S3BQ_EMULATOR_PID: String(process.pid) };
      if (values.demo) {
        const ageMs = demoLakeAgeMs(fileVisibilitySeconds);
        const demo = await writeDemoLake(
          context,
          values.tables ?? DEFAULT_DEMO_TABLES,
          cloud,
          new Date(),
          ageMs,
        );
        const skipped =
          demo.missing.map((entry) => `${entry.table} ${entry.partitionId}`).join(', ') || 'none';
        context.stderr.write(
          `s3bq emulator: demo lake written: ${demo.files} files, ${demo.rows} rows, ${demo.bytes} bytes; missing on purpose: ${skipped}\n`,
        );
      }
      const exports = `${Object.entries(env)
        .map(([name, value]) => exportLine(name, value))
        .join('\n')}\n`;
      if (envFile) await writeFileAtomically(envFile, exports);
      if (values.json) context.stdout.write(`${JSON.stringify(env)}\n`);
      else {
        context.stdout.write(exports);
        context.stderr.write(
          `s3bq emulator: local cloud up in ${Date.now() - started} ms (admin: ${cloud.endpoints.admin}); Ctrl-C or kill ${process.pid} to stop\n`,
        );
      }
      if (context.signal.aborted) stop.abort(context.signal.reason);
      await waitForAbort(stop.signal);
    } finally {
      unwatch();
      context.signal.removeEventListener('abort', onAbort);
      await cloud.stop();
      if (envFile) await rm(envFile, { force: true });
    }
    context.stderr.write('s3bq emulator: stopped\n');
    return 0;
  },
};
