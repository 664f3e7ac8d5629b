// `s3bq plan`: what a tick (or a backfill range) would load, as a table or as the JSON the
// workflow reads.

import { parseCommandArgs } from '../args.js';
import { type Command, UsageError } from '../command.js';
import { loadPlan, parseSelectors, SELECTOR_OPTIONS, SELECTOR_USAGE } from '../selectors.js';

export const planCommand: Command = {
  name: 'plan',
  summary: 'show what a tick or a backfill would load (--json for the workflow)',
  usage: `Usage: s3bq plan [--tables DIR] [--at ISO] [--from DATE --to DATE] [--only NAME,...] [--json]

Lists, per table, the partitions a tick at --at (default: now) would load — D-1 … D-n in
the table's time zone, oldest first — or every day of an inclusive backfill range.

Options:
${SELECTOR_USAGE}
  --json            print the plan as one JSON object (tables, matrix, max_parallel)
  --markdown        print the plan as the pull request comment (Markdown)
  --check-source    with --markdown: list S3 under each partition (needs AWS credentials)
  -h, --help        show this help`,
  async run(context) {
    const values = parseCommandArgs(context.argv, {
      ...SELECTOR_OPTIONS,
      json: { type: 'boolean' },
      markdown: { type: 'boolean' },
      'check-source': { type: 'boolean' },
    });
    const selectors = parseSelectors(values);
    const { plan, planned } = await loadPlan(context, selectors);
    if (values['check-source'] && !values.markdown)
      throw new UsageError('--check-source goes with --markdown');
    if (values.json) {
      context.stdout.write(`${JSON.stringify(plan)}\n`);
    } else if (values.markdown) {
      const { renderPlanMarkdown, checkSources } = await import('../../report/index.js');
      let checks: Awaited<ReturnType<typeof checkSources>> | undefined;
      if (values['check-source']) {
        const { createPlanS3 } = await import('../../report/plan-s3.js');
        checks = await checkSources(plan, createPlanS3(context.env), context.signal);
      }
      context.stdout.write(renderPlanMarkdown(plan, checks, { specs: planned.map((p) => p.spec) }));
    } else {
      const { renderPlanText } = await import('../plan-text.js');
      context.stdout.write(renderPlanText(plan, planned));
    }
    return 0;
  },
};
