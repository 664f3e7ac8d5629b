// `s3bq plan`: what a tick (or a backfill range) would load, as a table, as the JSON the
// workflow reads, or as Markdown: the whole plan for a step summary, or the pull-request
// comment (`--changed`: only the tables a pull request changes, within GitHub's limits).
// Table file names are user-controlled: every line that can carry one is escaped, errors
// included, so a crafted name cannot run a workflow command in a step's log.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { type Command, type CommandContext, UsageError } from '../command.js';
import { loadPlan, parseSelectors, printFindings, SELECTOR_OPTIONS, SELECTOR_USAGE } from '../selectors.js';
import { withEscapedText } from '../workflow-commands.js';

const PLAN_OPTIONS = {
  ...SELECTOR_OPTIONS,
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  'check-source': { type: 'boolean' },
  changed: { type: 'string' },
  'details-url': { type: 'string' },
} as const;

export const planCommand: Command = {
  name: 'plan',
  summary: 'show what a tick or a backfill would load (--json for the workflow)',
  usage: `Usage: s3bq plan [--tables DIR] [--at ISO] [--from DATE --to DATE] [--only NAME,...]
                 [--json | --markdown [--changed FILE] [--details-url URL] [--check-source]]

Lists, per table, the partitions a tick at --at (default: now) would load — D-1 … D-n in
the table's time zone, oldest first — or every day of an inclusive backfill range.

Options:
${SELECTOR_USAGE}
  --json              print the plan as one JSON object (tables, matrix, max_parallel)
  --markdown          print the plan as Markdown: every table, within GitHub's 1 MiB
                      step-summary limit
  --changed FILE      with --markdown: the pull request comment — only the table files
                      listed in FILE (one path per line, as \`git diff --name-only\` prints
                      them), the whole plan's totals, within GitHub's comment limit
  --details-url URL   with --markdown: where the full plan is (linked from the comment)
  --check-source      with --markdown: list S3 under each shown partition (needs AWS
                      credentials; a list-only key is enough)
  -h, --help          show this help`,
  async run(context) {
    const values = parseCommandArgs(context.argv, PLAN_OPTIONS, {
      conflicts: [['json', 'markdown']],
      // These shape the Markdown only.
      requires: { 'check-source': 'markdown', changed: 'markdown', 'details-url': 'markdown' },
    });
    const selectors = parseSelectors(values);
    const changed = values.changed === undefined ? undefined : await readChanged(context, values.changed);
    const { plan, planned, warnings } = await loadPlan(context, selectors).catch((error: unknown) => {
      throw withEscapedText(error);
    });
    await printFindings(context, warnings);
    if (values.json) {
      context.stdout.write(`${JSON.stringify(plan)}\n`);
    } else if (values.markdown) {
      const { renderPlanMarkdown } = await import('../../report/index.js');
      const { checkSources, createSourceS3 } = await import('../../pipeline/source-check.js');
      const { changedTableNames } = await import('../../report/plan-markdown.js');
      let checks: Awaited<ReturnType<typeof checkSources>> | undefined;
      if (values['check-source']) {
        // Only the tables the Markdown shows: a comment on one table lists one table's S3.
        const names = changed ? changedTableNames(changed) : undefined;
        const shown = names ? { ...plan, tables: plan.tables.filter((t) => names.has(t.name)) } : plan;
        checks = await checkSources(shown, createSourceS3(context.env), context.signal);
      }
      const options = { specs: planned.map((p) => p.spec), changed, detailsUrl: values['details-url'] };
      context.stdout.write(renderPlanMarkdown(plan, checks, options));
    } else {
      const { renderPlanText } = await import('../plan-text.js');
      context.stdout.write(renderPlanText(plan, planned));
    }
    return 0;
  },
};

/** The changed files' list: one path per line; a missing file is a usage error. */
async function readChanged(context: Pick<CommandContext, 'cwd'>, file: string): Promise<string[]> {
  try {
    const text = await readFile(resolve(context.cwd, file), 'utf8');
    return text.split('\n').filter((line) => line.trim() !== '');
  } catch (error) {
    throw new UsageError(
      `--changed ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
}
