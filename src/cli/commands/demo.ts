// `s3bq demo` (the README's `npm start`): the main job on the embedded default, no cloud
// account needed. Starts the local cloud, writes the demo lake for the example tables at
// this instant (one partition left missing on purpose), runs a whole tick through the very
// `s3bq run` the team uses, prints its progress and report, then what BigQuery now holds
// (rows per partition, queried through the official client), and stops the cloud.
import type { DemoTable } from '../../demo/partition-table.js';
import { parseCommandArgs } from '../args.js';
import { type Command, type CommandContext, UsageError } from '../command.js';

const DEFAULT_DEMO_TABLES = 'examples/tables';
/** Short transfer runs keep the whole demo well under a minute. */
const DEFAULT_DEMO_RUN_SECONDS = 1;

/**
 * Variables that would point the demo at real credentials or a real endpoint. The local
 * cloud's own keys and endpoints replace them, so the demo can never touch a real cloud.
 */
const FOREIGN_CLOUD_VARIABLES = [
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_ENDPOINT_URL',
  'GOOGLE_APPLICATION_CREDENTIALS',
  'S3BQ_LOCATION',
];

function parseRunSeconds(text: string | undefined): number {
  if (text === undefined) return DEFAULT_DEMO_RUN_SECONDS;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(seconds >= 0) || seconds > 600) {
    throw new UsageError(`--run-seconds takes a number of seconds from 0 to 600 (got "${text}")`);
  }
  return seconds;
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'load the example tables from a generated lake on the local cloud (npm start)',
  usage: `Usage: s3bq demo [--tables DIR] [--run-seconds N] [--transport grpc|rest]

Starts the local cloud (S3, DTS, Cloud Logging, BigQuery on 127.0.0.1), writes a demo lake
for the tables in DIR over their current tick with one partition missing on purpose, then
loads a whole tick exactly as \`s3bq run\` does, prints the report, then queries the
local BigQuery for the rows in each partition. Nothing reaches a real cloud. Exit 1 when
a table failed.

Options:
  --tables DIR       the tables to load (default ${DEFAULT_DEMO_TABLES})
  --run-seconds N    how long each simulated transfer run takes (default ${DEFAULT_DEMO_RUN_SECONDS})
  --transport T      grpc (default) or rest
  -h, --help         show this help`,
  async run(context) {
    const values = parseCommandArgs(context.argv, {
      tables: { type: 'string' },
      'run-seconds': { type: 'string' },
      transport: { type: 'string' },
    });
    const runSeconds = parseRunSeconds(values['run-seconds']);
    const tablesDir = values.tables ?? DEFAULT_DEMO_TABLES;
    const say = (line: string) => context.stdout.write(`${line}\n`);

    const [{ startLocalCloud }, { writeDemoLake }, { runCommand }, { loadSettings }] = await Promise.all([
      import('@s3bq/local-cloud'),
      import('./emulator.js'),
      import('./run.js'),
      import('../../tables/settings.js'),
    ]);
    const started = Date.now();
    const cloud = await startLocalCloud({ runSeconds });
    try {
      say(`Local cloud up in ${Date.now() - started} ms (S3, DTS, Cloud Logging, BigQuery on 127.0.0.1)`);
      const env: NodeJS.ProcessEnv = { ...context.env, ...cloud.env };
      for (const name of FOREIGN_CLOUD_VARIABLES) delete env[name];
      // One instant for the lake and the tick, so both see the same partitions.
      const at = new Date();
      const lake = await writeDemoLake({ ...context, env }, tablesDir, cloud, at);
      const missing = lake.missing.map((entry) => `${entry.table} ${entry.partitionId}`).join(', ') || 'none';
      say(
        `Demo lake: ${lake.files} files, ${lake.rows} rows in s3://demo-lake; missing on purpose: ${missing}`,
      );
      say('');
      const argv = ['--tables', tablesDir, '--at', at.toISOString()];
      if (values.transport !== undefined) argv.push('--transport', values.transport);
      const code = await runCommand.run({ ...context, env, argv });
      if (!context.signal.aborted) {
        const { location } = await loadSettings({ cwd: context.cwd, env });
        await showWhatBigQueryHolds(context, env, location, lake.tables);
      }
      return code;
    } finally {
      await cloud.stop();
      say(`Local cloud stopped; the demo took ${Math.round((Date.now() - started) / 100) / 10} s.`);
    }
  },
};

/** Rows per partition of every demo table, queried from the local BigQuery after the load. */
async function showWhatBigQueryHolds(
  context: CommandContext,
  env: NodeJS.ProcessEnv,
  location: string,
  tables: DemoTable[],
): Promise<void> {
  const { queryPartitionRows, renderPartitionRows, partitionsQuery } = await import(
    '../../demo/partition-table.js'
  );
  const example = tables[0];
  if (!example) return;
  try {
    const results = await queryPartitionRows(env, location, tables);
    context.stdout.write(
      `\nWhat BigQuery holds now, asked through @google-cloud/bigquery with one query per table:\n  ${partitionsQuery(example)}\n\n`,
    );
    context.stdout.write(`${renderPartitionRows(results)}\n`);
  } catch (error) {
    // The load and its report stand on their own; only the closing query is lost.
    context.stderr.write(`s3bq demo: could not query BigQuery afterwards: ${(error as Error).message}\n`);
  }
}
