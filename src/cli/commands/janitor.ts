// `s3bq janitor`: deletes the transfer configs this pipeline left behind (a killed runner,
// a crash) and retires the WRITE_APPEND partition configs no tick will use again. It reads
// the table files to know each append table's lookback and retention; it never touches a
// config it did not create, nor one with a run in flight.
import { DEFAULT_TABLES_DIR } from '../../pipeline/request.js';
import { parseCommandArgs } from '../args.js';
import { type Command, type CommandContext, UsageError } from '../command.js';
import { asUsage } from '../input-errors.js';

const DEFAULT_JANITOR_AGE = '6h';
/**
 * The shortest --older-than: a config is only ever idle between its run's end and its
 * deletion (seconds), or while waiting in the quota queue (its claim is renewed every
 * 20 s). An hour leaves a wide margin for a slow verify or a paused runner.
 */
const MIN_JANITOR_AGE_MS = 60 * 60_000;

export const janitorCommand: Command = {
  name: 'janitor',
  summary: 'delete transfer configs this pipeline left behind, and retire old append configs',
  usage: `Usage: s3bq janitor [--older-than DURATION] [--tables DIR] [--dry-run] [--transport grpc|rest]

Deletes this pipeline's transfer configs that no run will use again:
  - a WRITE_TRUNCATE partition's config (s3bq|<table>|<partition>|<run>) not touched for
    --older-than: its run died before cleaning up;
  - a WRITE_APPEND partition's config (s3bq-append|<destination>$<partition>|…) once the
    partition is older than its table's lookback_days plus append_retention_days
    (default 30; a destination no table file names any more keeps 30 days).
Never a config with a run PENDING or RUNNING, never one this pipeline did not create.

Options:
  --older-than DURATION  idle time before a run's config counts as left behind, at least 1h
                         (default ${DEFAULT_JANITOR_AGE})
  --tables DIR           folder of table files, for append retention (default ${DEFAULT_TABLES_DIR})
  --dry-run              list what would be deleted; delete nothing
  --transport T          grpc (default) or rest
  -h, --help             show this help`,
  async run(context) {
    const values = parseCommandArgs(context.argv, {
      'older-than': { type: 'string' },
      tables: { type: 'string' },
      'dry-run': { type: 'boolean' },
      transport: { type: 'string' },
    });
    const { parseDuration, parseTransport } = await import('../../pipeline/inputs.js');
    const olderThanMs = asUsage(() =>
      parseDuration(values['older-than'] ?? DEFAULT_JANITOR_AGE, '--older-than'),
    );
    if (olderThanMs < MIN_JANITOR_AGE_MS) {
      throw new UsageError(
        `--older-than ${values['older-than']} is shorter than 1h: a live run's config could be deleted mid-run`,
      );
    }
    const transport = asUsage(() => parseTransport(values.transport, '--transport'));
    return sweep(context, {
      olderThanMs,
      transport,
      tablesDir: values.tables,
      dryRun: values['dry-run'] === true,
    });
  },
};

interface SweepOptions {
  olderThanMs: number;
  transport: 'grpc' | 'rest';
  tablesDir: string | undefined;
  dryRun: boolean;
}

async function sweep(context: CommandContext, options: SweepOptions): Promise<number> {
  const [{ findRetirable, retentionByDestination }, { createCloudServices }, { appendTables }] =
    await Promise.all([
      import('../../lifecycle/janitor.js'),
      import('../../cloud/index.js'),
      import('./janitor-tables.js'),
    ]);
  const { settings, tables } = await appendTables(
    context,
    options.tablesDir ?? DEFAULT_TABLES_DIR,
    options.tablesDir !== undefined,
  );
  const services = createCloudServices({ env: context.env, settings, transport: options.transport });
  try {
    const configs = await services.dts.listConfigs(context.signal);
    const retention = tables ? retentionByDestination(tables, services.projectId) : undefined;
    const retirable = findRetirable(configs, retention, new Date(), options.olderThanMs);
    const verb = options.dryRun ? 'would delete' : 'deleted';
    let failures = 0;
    for (const { config, why } of retirable) {
      if (!options.dryRun) {
        const error = await services.dts.deleteConfig(config.name, context.signal).then(
          () => undefined,
          (reason: unknown) => reason,
        );
        if (error) {
          failures++;
          context.stderr.write(`could not delete ${config.name}: ${(error as Error).message}\n`);
          continue;
        }
      }
      context.stdout.write(`${verb} ${config.displayName} (${config.name}): ${why}\n`);
    }
    context.stdout.write(
      `${retirable.length - failures} config(s) ${verb}; ${configs.length - retirable.length} kept of ${configs.length}\n`,
    );
    return failures > 0 ? 1 : 0;
  } finally {
    await services.close();
  }
}
