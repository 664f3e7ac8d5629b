// `s3bq validate`: checks every table file at once; errors as path:line:col (or as GitHub
// annotations on the PR's exact lines with --format github); exit 1 on any.

import { resolve } from 'node:path';
import type { Diagnostic } from '../../tables/diagnostic.js';
import type { PipelineSettings } from '../../tables/types.js';
import { oneOf, parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { DEFAULT_TABLES_DIR, displayPath } from '../selectors.js';

const FORMATS = ['text', 'github'] as const;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check every table file; errors as path:line:col',
  usage: `Usage: s3bq validate [--tables DIR] [--format text|github]

Checks every table file (*.json except schema.json) and pipeline.json, and reports every
error of every file at once, then warnings for files in the folder that will not be read
(a subfolder, a ".JSON" or missing extension). Exit code 1 on any error; warnings alone
never fail.

Options:
  --tables DIR            folder of table files (default: ${DEFAULT_TABLES_DIR})
  --format text|github    text: path:line:col: message (default);
                          github: workflow commands that annotate the PR's lines
  -h, --help              show this help`,
  async run(context) {
    const values = parseCommandArgs(context.argv, {
      tables: { type: 'string' },
      format: { type: 'string' },
    });
    const format = oneOf('format', values.format, FORMATS, 'text');
    const tablesDir = values.tables ?? DEFAULT_TABLES_DIR;
    const [{ loadSettings, SettingsError }, { loadTableDir }, { formatDiagnostic }, { errorAnnotation }] =
      await Promise.all([
        import('../../tables/settings.js'),
        import('../../tables/load.js'),
        import('../../tables/diagnostic.js'),
        import('../workflow-commands.js'),
      ]);
    const diagnostics: Diagnostic[] = [];
    let settings: PipelineSettings;
    try {
      settings = await loadSettings({ cwd: context.cwd, env: context.env });
    } catch (error) {
      // A bad pipeline.json is reported like a table file (annotated on its line), and the
      // tables are still checked against the defaults so every error shows at once.
      if (!(error instanceof SettingsError) || error.findings.length === 0) throw error;
      diagnostics.push(...error.findings);
      settings = await loadSettings({ cwd: context.cwd, env: context.env, ignoreFile: true });
    }
    const loaded = await loadTableDir(resolve(context.cwd, tablesDir), settings);
    diagnostics.push(...loaded.diagnostics);
    const shown = (list: Diagnostic[]) => list.map((d) => ({ ...d, file: displayPath(context.cwd, d.file) }));
    const warnings = shown(loaded.warnings);
    for (const d of [...shown(diagnostics), ...warnings]) {
      const line =
        format === 'github'
          ? annotation(
              errorAnnotation,
              { file: d.file, line: d.line, col: d.column, title: 's3bq validate' },
              d,
            )
          : formatDiagnostic(d);
      context.stdout.write(`${line}\n`);
    }
    const warned = warnings.length > 0 ? `; ${count(warnings.length, 'warning')}` : '';
    if (diagnostics.length > 0) {
      const files = new Set(diagnostics.map((d) => d.file)).size;
      context.stderr.write(`${count(diagnostics.length, 'error')} in ${count(files, 'file')}${warned}\n`);
      return 1;
    }
    context.stdout.write(`${count(loaded.tables.length, 'table file')} valid in ${tablesDir}${warned}\n`);
    return 0;
  },
};

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A GitHub annotation: an error, or the same with the warning level for warnings. */
function annotation(
  errorAnnotation: (
    properties: { file: string; line: number; col: number; title?: string },
    message: string,
  ) => string,
  properties: { file: string; line: number; col: number; title?: string },
  d: Diagnostic,
): string {
  const line = errorAnnotation(properties, d.message);
  return d.severity === 'warning' ? line.replace(/^::error /, '::warning ') : line;
}
