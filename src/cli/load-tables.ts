// The table folder as the CLI reads it: relative to the command's working directory, with
// diagnostics naming files as the user sees them.
import { resolve } from 'node:path';
import { displayPath } from '../pipeline/display-path.js';
import { TableFilesInvalidError } from '../tables/diagnostic.js';
import { type Diagnostic, loadTableDir } from '../tables/load.js';
import type { PipelineSettings, TableSpec } from '../tables/types.js';

export async function loadTables(
  cwd: string,
  tablesDir: string,
  settings: PipelineSettings,
  options: { throwOnErrors: true },
): Promise<TableSpec[]>;
export async function loadTables(
  cwd: string,
  tablesDir: string,
  settings: PipelineSettings,
  options?: { throwOnErrors?: false },
): Promise<{ tables: TableSpec[]; diagnostics: Diagnostic[] }>;
export async function loadTables(
  cwd: string,
  tablesDir: string,
  settings: PipelineSettings,
  options: { throwOnErrors?: boolean } = {},
): Promise<TableSpec[] | { tables: TableSpec[]; diagnostics: Diagnostic[] }> {
  const { tables, diagnostics } = await loadTableDir(resolve(cwd, tablesDir), settings);
  const shown = diagnostics.map((d) => ({ ...d, file: displayPath(cwd, d.file) }));
  if (options.throwOnErrors) {
    if (shown.length > 0) throw new TableFilesInvalidError(shown);
    return tables;
  }
  return { tables, diagnostics: shown };
}
