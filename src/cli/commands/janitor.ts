// `s3bq janitor`: deletes the transfer configs of ticks that never cleaned up after
// themselves (a killed runner, a crash), found by the display-name convention and last
// update time. A WRITE_APPEND table's long-lived config is never touched.
import { oneOf, parseCommandArgs } from '../args.js';
import { type Command, UsageError } from '../command.js';

export const DEFAULT_JANITOR_AGE = '6h';

export const janitorCommand: Command = {
  name: 'janitor',
  summary: 'delete transfer configs that this pipeline created and left behind',
  usage: `Usage: s3bq janitor [--older-than DURATION] [--dry-run] [--transport grpc|rest]

Deletes the transfer configs of ticks (display name s3bq|<table>|<tick>|<run>) last updated
longer ago than --older-than. Long-lived WRITE_APPEND configs (s3bq-append|<table>) and
configs this pipeline did not create are never deleted.

Options:
  --older-than DURATION  only configs not updated for this long, e.g. 90m, 6h (default ${DEFAULT_JANITOR_AGE})
  --dry-run              list what would be deleted; delete nothing
  --transport T          grpc (default) or rest
  -h, --help             show this help`,
  async run(context) {
    const values = parseCommandArgs(context.argv, {
      'older-than': { type: 'string' },
      'dry-run': { type: 'boolean' },
      transport: { type: 'string' },
    });
    const transport = oneOf('transport', values.transport, ['grpc', 'rest'] as const, 'grpc');
    const [{ parseDuration }, { findLeftovers }, { createCloudServices }, { loadSettings }] =
      await Promise.all([
        import('../../lifecycle/index.js'),
        import('../../lifecycle/janitor.js'),
        import('../../cloud/index.js'),
        import('../../tables/settings.js'),
      ]);
    let olderThanMs: number;
    try {
      olderThanMs = parseDuration(values['older-than'] ?? DEFAULT_JANITOR_AGE, '--older-than');
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const settings = await loadSettings({ cwd: context.cwd, env: context.env });
    const services = createCloudServices({ env: context.env, settings, transport });
    try {
      const configs = await services.dts.listConfigs(context.signal);
      const leftovers = findLeftovers(configs, new Date(), olderThanMs);
      const verb = values['dry-run'] ? 'would delete' : 'deleted';
      let failures = 0;
      for (const config of leftovers) {
        if (!values['dry-run']) {
          try {
            await services.dts.deleteConfig(config.name, context.signal);
          } catch (error) {
            failures++;
            context.stderr.write(`could not delete ${config.name}: ${(error as Error).message}\n`);
            continue;
          }
        }
        context.stdout.write(
          `${verb} ${config.displayName} (${config.name}, updated ${config.updateTime?.toISOString() ?? 'never'})\n`,
        );
      }
      context.stdout.write(
        `${leftovers.length - failures} config(s) ${verb}; ${configs.length - leftovers.length} kept of ${configs.length}\n`,
      );
      return failures > 0 ? 1 : 0;
    } finally {
      await services.close();
    }
  },
};
