// `s3bq validate`: checks every table file at once; errors as path:line:col (or as GitHub
// annotations on the PR's exact lines with --format github); exit 1 on any.

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
error of every file at once. Exit code 1 on any error.

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
    const [{ loadSettings, SettingsError }, { loadTables }, { formatDiagnostic }, { errorAnnotation }] =
      await Promise.all([
        import('../../tables/settings.js'),
        import('../load-tables.js'),
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
      diagnostics.push(...error.findings.map((d) => ({ ...d, file: displayPath(context.cwd, d.file) })));
      settings = await loadSettings({ cwd: context.cwd, env: context.env, ignoreFile: true });
    }
    const loaded = await loadTables(context.cwd, tablesDir, settings);
    const tables = loaded.tables;
    diagnostics.push(...loaded.diagnostics);
    for (const d of diagnostics) {
      const line =
        format === 'github'
          ? errorAnnotation({ file: d.file, line: d.line, col: d.column, title: 's3bq validate' }, d.message)
          : formatDiagnostic(d);
      context.stdout.write(`${line}\n`);
    }
    if (diagnostics.length > 0) {
      const files = new Set(diagnostics.map((d) => d.file)).size;
      context.stderr.write(
        `${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}\n`,
      );
      return 1;
    }
    context.stdout.write(
      `${tables.length} table file${tables.length === 1 ? '' : 's'} valid in ${tablesDir}\n`,
    );
    return 0;
  },
};
