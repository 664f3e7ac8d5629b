// Reads the team's table files: every error of every file at once, each pinned to
// file:line:col, then the cross-file rule (two files must not write one destination).
// Valid files come back as resolved TableSpecs.
import { readFile, readlink, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { checkTableFile } from './checks.js';
import { compareDiagnostics, type Diagnostic } from './diagnostic.js';
import { decodeJsonFile } from './encoding.js';
import { scanTablesFolder } from './folder.js';
import { type JsonDocument, locate, parseJsonDocument } from './json-document.js';
import { tableFileNameProblem } from './naming.js';
import { destinationKey, resolveTableSpec } from './resolve.js';
import { tableFileSchema } from './schema.js';
import type { PipelineSettings, TableSpec } from './types.js';
import { zodIssueMessages } from './zod-issues.js';

export { type Diagnostic, formatDiagnostic } from './diagnostic.js';

/** A table file is a few KiB; anything this big is a mistake (a data file in tables/). */
export const MAX_TABLE_FILE_BYTES = 1024 * 1024;

export interface TableFileResult {
  spec?: TableSpec | undefined;
  diagnostics: Diagnostic[];
}

interface Analysis extends TableFileResult {
  doc?: JsonDocument | undefined;
}

/** Checks one table file's text; `file` is the path shown in diagnostics. */
export function analyzeTableText(text: string, file: string, settings: PipelineSettings): TableFileResult {
  const { spec, diagnostics } = analyze(text, file, settings);
  return { spec, diagnostics };
}

function analyze(text: string, file: string, settings: PipelineSettings): Analysis {
  const at = (position: { line: number; column: number }, message: string): Diagnostic => ({
    file,
    ...position,
    message,
  });
  const diagnostics: Diagnostic[] = [];
  const name = basename(file).replace(/\.json$/, '');
  const nameProblem = tableFileNameProblem(name);
  if (nameProblem) diagnostics.push(at({ line: 1, column: 1 }, nameProblem));

  const doc = parseJsonDocument(text.replace(/^\uFEFF/, ''));
  for (const error of doc.errors) diagnostics.push(at(error, error.message));
  if (doc.value === undefined) return done(diagnostics);
  if (typeof doc.value !== 'object' || doc.value === null || Array.isArray(doc.value)) {
    diagnostics.push(
      at(
        { line: 1, column: 1 },
        'a table file is one JSON object, e.g. { "source": "s3://bucket/dataset/table" }',
      ),
    );
    return done(diagnostics, doc);
  }

  const parsed = tableFileSchema.safeParse(doc.value);
  const flagged = new Set<string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) flagged.add(issue.path.map(String).join('\u0000'));
    for (const m of zodIssueMessages(doc, parsed.error.issues)) diagnostics.push(at(m, m.message));
  }
  for (const finding of checkTableFile(doc.value as Record<string, unknown>)) {
    // A value zod already rejected (wrong type, bad enum) would only be reported twice.
    if (flagged.has(finding.path.map(String).join('\u0000'))) continue;
    diagnostics.push(at(locate(doc, finding.path, finding.at), finding.message));
  }
  if (diagnostics.length > 0 || !parsed.success) return done(diagnostics, doc);
  return { spec: resolveTableSpec(parsed.data, { name, file }, settings), diagnostics: [], doc };
}

function done(diagnostics: Diagnostic[], doc?: JsonDocument): Analysis {
  return { diagnostics: diagnostics.sort(compareDiagnostics), doc };
}

/** Reads and checks one table file (size-capped). */
export async function loadTableFile(file: string, settings: PipelineSettings): Promise<TableFileResult> {
  const { spec, diagnostics } = await readAndAnalyze(file, settings);
  return { spec, diagnostics };
}

async function readAndAnalyze(file: string, settings: PipelineSettings): Promise<Analysis> {
  const fileProblem = (message: string, position = { line: 1, column: 1 }): Analysis => ({
    diagnostics: [{ file, ...position, message }],
  });
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) return fileProblem('not a regular file: a table file is a JSON file');
    if (info.size > MAX_TABLE_FILE_BYTES) {
      return fileProblem(
        `the file is ${info.size} bytes; a table file may be at most ${MAX_TABLE_FILE_BYTES} bytes (is this a data file in the tables folder?)`,
      );
    }
    bytes = await readFile(file);
  } catch (error) {
    return fileProblem(await unreadableMessage(file, error as NodeJS.ErrnoException));
  }
  const decoded = decodeJsonFile(bytes);
  if (!decoded.ok) return fileProblem(decoded.message, decoded);
  return analyze(decoded.text, file, settings);
}

/** Why a file listed in the folder cannot be read, as one finding of that file alone. */
async function unreadableMessage(file: string, error: NodeJS.ErrnoException): Promise<string> {
  const target = await readlink(file).catch(() => undefined);
  switch (error.code) {
    case 'ENOENT':
      return target === undefined
        ? 'the file disappeared while it was being read: run again'
        : `a symbolic link to "${target}", which does not exist: fix the link or remove it`;
    case 'ELOOP':
      return `a symbolic link that leads back to itself (via "${target ?? '?'}"): fix the link or remove it`;
    case 'EACCES':
    case 'EPERM':
      return 'cannot read the file (permission denied): let the user running s3bq read it, or remove it';
    default:
      return `cannot read the file (${error.code ?? 'error'}: ${error.message})`;
  }
}

/**
 * Every `*.json` in `dir` except `schema.json`, sorted by name. Diagnostics name files as
 * `join(dir, file)`, so pass the directory the way users should see it. `warnings` name the
 * entries that look like tables but will not be read.
 */
export async function loadTableDir(
  dir: string,
  settings: PipelineSettings,
): Promise<{ tables: TableSpec[]; diagnostics: Diagnostic[]; warnings: Diagnostic[] }> {
  const { files, warnings } = await scanTablesFolder(dir);
  const analyses = await Promise.all(files.map((name) => readAndAnalyze(join(dir, name), settings)));

  const diagnostics = analyses.flatMap((a) => a.diagnostics);
  diagnostics.push(...destinationClashes(analyses));
  const clashing = new Set(diagnostics.map((d) => d.file));
  const tables = analyses.flatMap((a) => (a.spec && !clashing.has(a.spec.file) ? [a.spec] : []));
  return {
    tables,
    diagnostics: diagnostics.sort(compareDiagnostics),
    warnings: warnings.sort(compareDiagnostics),
  };
}

/** Two files loading into one table would overwrite each other: report it on each of them. */
function destinationClashes(analyses: Analysis[]): Diagnostic[] {
  const byDestination = new Map<string, Analysis[]>();
  for (const analysis of analyses) {
    if (!analysis.spec) continue;
    const key = destinationKey(analysis.spec);
    byDestination.set(key, [...(byDestination.get(key) ?? []), analysis]);
  }
  const out: Diagnostic[] = [];
  for (const [destination, group] of byDestination) {
    if (group.length < 2) continue;
    for (const analysis of group) {
      const spec = analysis.spec!;
      const others = group.filter((g) => g !== analysis).map((g) => g.spec!.file);
      const doc = analysis.doc!;
      const raw = doc.value as Record<string, unknown>;
      const path = raw.table !== undefined ? ['table'] : raw.dataset !== undefined ? ['dataset'] : ['source'];
      out.push({
        file: spec.file,
        ...locate(doc, path),
        message: `destination ${destination} is also written by ${others.join(', ')}: each BigQuery table needs exactly one table file`,
      });
    }
  }
  return out;
}
