// The table files the janitor reads for append retention. Append configs are retired only
// when every table file was read: a config of a table whose file is missing or broken
// looks orphaned, and retiring it inside the table's lookback would make the next tick
// append that partition's files again. A folder named on the command line must exist.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadTableDir } from '../../tables/load.js';
import { loadSettings } from '../../tables/settings.js';
import type { PipelineSettings, TableSpec } from '../../tables/types.js';
import { type CommandContext, UsageError } from '../command.js';

export async function appendTables(
  context: Pick<CommandContext, 'cwd' | 'env' | 'stderr'>,
  tablesDir: string,
  named: boolean,
): Promise<{ settings: PipelineSettings; tables: TableSpec[] | undefined }> {
  const settings = await loadSettings({ cwd: context.cwd, env: context.env });
  const dir = resolve(context.cwd, tablesDir);
  const folder = await stat(dir).catch(() => undefined);
  if (!folder?.isDirectory()) {
    if (named) throw new UsageError(`--tables ${tablesDir} is not a folder`);
    context.stderr.write(`no ${tablesDir}/ here: append configs are not retired, only runs' leftovers\n`);
    return { settings, tables: undefined };
  }
  const { tables, diagnostics } = await loadTableDir(dir, settings);
  const errors = diagnostics.filter((d) => d.severity !== 'warning');
  if (errors.length > 0) {
    context.stderr.write(
      `${errors.length} finding(s) in the table files (run s3bq validate): append configs are not retired this time\n`,
    );
    return { settings, tables: undefined };
  }
  return { settings, tables };
}
