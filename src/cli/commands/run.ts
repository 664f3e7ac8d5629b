// `s3bq run`: plans like `s3bq plan`, then runs every table's transfer lifecycle with at
// most --max-parallel tables at once, printing progress as tables start and finish, then
// the report. Exit 1 when any table failed. SIGINT/SIGTERM stop it; configs are still
// deleted.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { PlanWindow } from '../../plan/types.js';
import { oneOf, parseCommandArgs } from '../args.js';
import { type Command, type CommandContext, UsageError } from '../command.js';
import { loadPlan, parseSelectors, SELECTOR_OPTIONS, SELECTOR_USAGE } from '../selectors.js';

export const DEFAULT_RUN_TIMEOUT = '2h';

export const runCommand: Command = {
  name: 'run',
  summary: 'load the planned partitions through DTS and print the report',
  usage: `Usage: s3bq run [--tables DIR] [--at ISO] [--from DATE --to DATE] [--only NAME,...]
                [--max-parallel N] [--timeout DURATION] [--dry-run] [--transport grpc|rest]
                [--json] [--results FILE]

Runs the plan: each table's transfer lifecycle (S3 precheck, destination table, transfer
config, one run per partition, wait, verify, clean up), at most N tables at once.
Exit 1 when any table failed; skipped tables never fail the run.

Options:
${SELECTOR_USAGE}
  --max-parallel N     tables loading at once (default: max_parallel of pipeline.json, 10)
  --timeout DURATION   bound on one table's whole lifecycle, e.g. 90s, 45m, 2h (default ${DEFAULT_RUN_TIMEOUT})
  --dry-run            check S3 and report what would load; create and start nothing
  --transport T        grpc (default) or rest, the way out when a proxy blocks gRPC
  --json               print the result file (JSON) instead of the text report
  --results FILE       also write the result file there
  -h, --help           show this help`,
  async run(context) {
    const values = parseCommandArgs(context.argv, {
      ...SELECTOR_OPTIONS,
      'max-parallel': { type: 'string' },
      timeout: { type: 'string' },
      'dry-run': { type: 'boolean' },
      transport: { type: 'string' },
      json: { type: 'boolean' },
      results: { type: 'string' },
    });
    const selectors = parseSelectors(values);
    const transport = oneOf('transport', values.transport, ['grpc', 'rest'] as const, 'grpc');
    const [{ parseDuration, runTables }, { createCloudServices }, { scrubSecrets }] = await Promise.all([
      import('../../lifecycle/index.js'),
      import('../../cloud/index.js'),
      import('../../cloud/secrets.js'),
    ]);
    let timeoutMs: number;
    try {
      timeoutMs = parseDuration(values.timeout ?? DEFAULT_RUN_TIMEOUT, '--timeout');
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    let maxParallel: number | undefined;
    if (values['max-parallel'] !== undefined) {
      maxParallel = Number(values['max-parallel']);
      if (!Number.isInteger(maxParallel) || maxParallel < 1) {
        throw new UsageError(
          `--max-parallel must be a positive whole number (got "${values['max-parallel']}")`,
        );
      }
    }

    const { plan, planned, settings } = await loadPlan(context, selectors);
    const secrets = [context.env.AWS_SECRET_ACCESS_KEY, context.env.AWS_SESSION_TOKEN].filter(
      (s): s is string => Boolean(s),
    );
    const progress = values.json ? context.stderr : context.stdout;
    const say = (line: string) => progress.write(`${scrubSecrets(line, secrets)}\n`);
    const services = createCloudServices({ env: context.env, settings, transport });
    const started = Date.now();
    let results: Awaited<ReturnType<typeof runTables>>;
    try {
      say(
        `Running ${planned.length} table(s), ${planned.reduce((n, t) => n + t.plan.partitions.length, 0)} partition(s), ` +
          `at most ${maxParallel ?? settings.maxParallel} at once${values['dry-run'] ? ' (dry run)' : ''}`,
      );
      results = await runTables(planned, {
        services,
        settings,
        maxParallel: maxParallel ?? settings.maxParallel,
        timeoutMs,
        runLabel: runLabelFrom(context),
        tick: tickLabel(plan.window),
        dryRun: values['dry-run'] === true,
        signal: context.signal,
        onEvent: (event) => {
          if (event.type === 'table-started') say(`▶ ${event.table}: ${event.partitions} partition(s)`);
          else if (event.type === 'table-finished') {
            const r = event.result;
            say(
              `${r.status === 'failed' ? '✖' : r.status === 'loaded' ? '✔' : '–'} ${r.name}: ${r.status}${r.message ? ` — ${r.message}` : ''} (${Math.round(r.duration_ms / 100) / 10} s)`,
            );
          } else if (event.type === 'warning') say(`! ${event.table}: ${event.message}`);
        },
      });
    } finally {
      await services.close();
    }
    const resultFile = { schema_version: 1 as const, window: plan.window, tables: results };
    const json = scrubSecrets(JSON.stringify(resultFile, null, 2), secrets);
    if (values.results) await writeFile(resolve(context.cwd, values.results), `${json}\n`);
    if (values.json) {
      context.stdout.write(`${json}\n`);
    } else {
      const { renderTextReport } = await import('../../report/index.js');
      const color = (context.stdout as { isTTY?: boolean }).isTTY === true && !context.env.NO_COLOR;
      context.stdout.write(`\n${scrubSecrets(renderTextReport(results, { color }), secrets)}`);
      context.stdout.write(`Finished in ${Math.round((Date.now() - started) / 100) / 10} s\n`);
    }
    if (context.signal.aborted) return 1;
    return results.some((result) => result.status === 'failed') ? 1 : 0;
  },
};

/** Names this invocation in config display names: the workflow run, or the CLI and time. */
function runLabelFrom(context: CommandContext): string {
  const { GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT } = context.env;
  if (GITHUB_RUN_ID) return `gh-${GITHUB_RUN_ID}-${GITHUB_RUN_ATTEMPT ?? '1'}`;
  return `cli-${new Date().toISOString().replace(/[-:]|\.\d+/g, '')}-${process.pid}`;
}

function tickLabel(window: PlanWindow): string {
  if (window.kind === 'tick') return window.at.replace(/[-:]|\.\d+/g, '');
  return `${window.from.replaceAll('-', '')}..${window.to.replaceAll('-', '')}`;
}
