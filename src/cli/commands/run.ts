// `s3bq run`: turns its flags into a pipeline request, plans it like `s3bq plan`, runs it
// (every table's lifecycle, at most max_parallel DTS runs in flight across every process
// of the pipeline), prints progress as tables and partitions finish, then the report.
// Exit 1 when any table failed. SIGINT/SIGTERM stop it; configs are still deleted.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_TIMEOUT, type RunRequest, runLabelOf } from '../../pipeline/request.js';
import { parseCommandArgs } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { asUsage } from '../input-errors.js';
import { loadPlan, parseSelectors, printFindings, SELECTOR_OPTIONS, SELECTOR_USAGE } from '../selectors.js';

const RUN_OPTIONS = {
  ...SELECTOR_OPTIONS,
  'max-parallel': { type: 'string' },
  timeout: { type: 'string' },
  'dry-run': { type: 'boolean' },
  transport: { type: 'string' },
  json: { type: 'boolean' },
  results: { type: 'string' },
} as const;

export const runCommand: Command = {
  name: 'run',
  summary: 'load the planned partitions through DTS and print the report',
  usage: `Usage: s3bq run [--tables DIR] [--at ISO] [--from DATE --to DATE] [--only NAME,...]
                [--max-parallel N] [--timeout DURATION] [--dry-run] [--transport grpc|rest]
                [--json] [--results FILE]

Runs the plan: each table's transfer lifecycle (S3 precheck, destination table, one
transfer config and run per partition, wait, verify, clean up). At most N transfer runs
are in flight at once in the project, counting every process of this pipeline (other
\`s3bq run\`s, the workflow's jobs). Exit 1 when any table failed; skipped tables never
fail the run.

Options:
${SELECTOR_USAGE}
  --max-parallel N     DTS runs in flight at once across the pipeline, 1-256 (default:
                       S3BQ_MAX_PARALLEL, then max_parallel of pipeline.json, then 10)
  --timeout DURATION   bound on one table's whole lifecycle, e.g. 90s, 45m, 2h (default ${DEFAULT_TIMEOUT})
  --dry-run            check S3 and report what would load; create and start nothing
  --transport T        grpc (default) or rest, the way out when a proxy blocks gRPC
  --json               print the result file (JSON) instead of the text report
  --results FILE       also write the result file there (checked before anything runs)
  -h, --help           show this help`,
  async run(context) {
    const values = parseCommandArgs(context.argv, RUN_OPTIONS);
    const [{ parseDuration, parseTransport, parseWholeNumber }, { MAX_PARALLEL_LIMIT }] = await Promise.all([
      import('../../pipeline/inputs.js'),
      import('../../tables/settings.js'),
    ]);
    const request = parseSelectors(values);
    const run: RunRequest = asUsage(() => ({
      timeoutMs: parseDuration(values.timeout ?? DEFAULT_TIMEOUT, '--timeout'),
      dryRun: values['dry-run'] === true,
      transport: parseTransport(values.transport, '--transport'),
      runLabel: runLabelOf(context.env, new Date(), process.pid, 'cli'),
    }));
    const maxParallel = values['max-parallel'];
    if (maxParallel !== undefined) {
      request.overrides = {
        maxParallel: asUsage(() => parseWholeNumber(maxParallel, '--max-parallel', 1, MAX_PARALLEL_LIMIT)),
      };
    }
    const resultsPath = values.results === undefined ? undefined : resolve(context.cwd, values.results);
    if (resultsPath) await checkWritable(resultsPath);
    const planned = await loadPlan(context, request);
    await printFindings(context, planned.warnings);
    const results = await runPlanned(context, planned, run, values.json === true);
    const resultFile = { schema_version: 1 as const, window: planned.plan.window, tables: results.tables };
    const json = results.scrub(JSON.stringify(resultFile, null, 2));
    if (resultsPath) await writeFile(resultsPath, `${json}\n`);
    if (values.json) context.stdout.write(`${json}\n`);
    else await printReport(context, results.tables, results.scrub, results.startedAt);
    if (context.signal.aborted) return 1;
    return results.tables.some((result) => result.status === 'failed') ? 1 : 0;
  },
};

type Planned = Awaited<ReturnType<typeof loadPlan>>;

const TERMINAL_EVENTS = new Set(['table-started', 'table-finished', 'warning', 'progress']);

async function runPlanned(context: CommandContext, planned: Planned, run: RunRequest, json: boolean) {
  const [{ runPipeline }, { describeEvent }, { scrubSecrets, secretsFrom }] = await Promise.all([
    import('../../pipeline/run.js'),
    import('../../pipeline/events.js'),
    import('../../cloud/secrets.js'),
  ]);
  const secrets = secretsFrom(planned.env);
  const scrub = (text: string) => scrubSecrets(text, secrets);
  const progress = json ? context.stderr : context.stdout;
  const say = (line: string) => progress.write(`${scrub(line)}\n`);
  const { planned: tables, settings } = planned;
  const partitions = tables.reduce((sum, table) => sum + table.plan.partitions.length, 0);
  say(
    `Running ${tables.length} table(s), ${partitions} partition(s), at most ${settings.maxParallel} ` +
      `DTS run(s) in flight across the pipeline${run.dryRun ? ' (dry run)' : ''}`,
  );
  const startedAt = Date.now();
  const results = await runPipeline(tables, settings, run, {
    env: planned.env,
    signal: context.signal,
    // A terminal gets tables, progress and warnings; the job log (the action) gets every event.
    onEvent: (event) => {
      if (TERMINAL_EVENTS.has(event.type)) say(describeEvent(event));
    },
  });
  return { tables: results, scrub, startedAt };
}

async function printReport(
  context: CommandContext,
  results: Awaited<ReturnType<typeof runPlanned>>['tables'],
  scrub: (text: string) => string,
  startedAt: number,
): Promise<void> {
  const { renderTextReport } = await import('../../report/index.js');
  const color = (context.stdout as { isTTY?: boolean }).isTTY === true && !context.env.NO_COLOR;
  context.stdout.write(`\n${scrub(renderTextReport(results, { color }))}`);
  context.stdout.write(`Finished in ${Math.round((Date.now() - startedAt) / 100) / 10} s\n`);
}

/** The result file's folder must exist and be writable before a long run, not after it. */
async function checkWritable(path: string): Promise<void> {
  const { access, constants, stat } = await import('node:fs/promises');
  const { dirname } = await import('node:path');
  const { UsageError } = await import('../command.js');
  const folder = dirname(path);
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory())
    throw new UsageError(`--results ${path}: the folder ${folder} does not exist; create it first`);
  await access(folder, constants.W_OK).catch(() => {
    throw new UsageError(`--results ${path}: the folder ${folder} is not writable`);
  });
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`--results ${path} is a folder: name a file`);
}
