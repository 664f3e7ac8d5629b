// Which entries of the tables folder are table files, and a warning for each entry that
// looks meant as one but would be ignored: a subfolder holding .json files, a `.JSON`
// extension, a file with another or no extension. A table nobody loads because of its name
// must never pass in silence as "0 table files valid".
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from './diagnostic.js';

/** The generated JSON Schema lives beside the tables and is not a table. */
const SCHEMA_FILE_NAME = 'schema.json';

/** A tables folder that is missing or not a folder: the user must point --tables elsewhere. */
class TablesFolderError extends Error {
  override name = 'TablesFolderError';
}

/** Names a folder may hold beside its tables without a word: documentation and hidden files. */
const QUIET_NAME = /^(readme|license|licence|changelog|codeowners)(\..*)?$|\.(md|markdown|txt|rst|adoc)$/i;
/** A subfolder's .json files named in its warning, at most. */
const NAMED_IN_WARNING = 3;

export interface TablesFolder {
  /** Table file names (`*.json`), sorted. */
  files: string[];
  /** Entries that will not be read, each with what to do about it. */
  warnings: Diagnostic[];
}

export async function scanTablesFolder(dir: string): Promise<TablesFolder> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new TablesFolderError(
        `no tables folder at "${dir}": create it or point --tables at the folder of table files`,
      );
    if (code === 'ENOTDIR')
      throw new TablesFolderError(
        `"${dir}" is not a folder: --tables takes the folder that holds the table files`,
      );
    throw error;
  }
  const files: string[] = [];
  const warnings: Diagnostic[] = [];
  const warn = (name: string, message: string): void => {
    warnings.push({ file: join(dir, name), line: 1, column: 1, message, severity: 'warning' });
  };
  for (const entry of entries) {
    const name = entry.name;
    if (name === SCHEMA_FILE_NAME || name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      const message = await subfolderWarning(join(dir, name), name);
      if (message) warn(name, message);
    } else if (name.endsWith('.json')) {
      files.push(name);
    } else if (!QUIET_NAME.test(name)) {
      warn(name, ignoredFileMessage(name));
    }
  }
  return { files: files.sort(), warnings };
}

/** Why a file is not read and the rename that would make it a table file. */
function ignoredFileMessage(name: string): string {
  const lower = name.toLowerCase();
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  if (lower.endsWith('.json'))
    return `not read: table files end in lowercase ".json"; rename it to "${base}.json"`;
  if (/\.(jsonc|json5)$/.test(lower))
    return `not read: table files are strict JSON ending in ".json"; rename it to "${base}.json" (no comments or trailing commas)`;
  if (/\.(ya?ml)$/.test(lower)) return `not read: table files are JSON; write it as "${base}.json"`;
  return `not read: only files ending in ".json" are table files; if this is one, rename it to "${name}.json"`;
}

/** A warning for a subfolder that holds .json files (one level down), else undefined. */
async function subfolderWarning(path: string, name: string): Promise<string | undefined> {
  let inside: string[];
  try {
    inside = (await readdir(path)).filter((n) => n.toLowerCase().endsWith('.json') && !n.startsWith('.'));
  } catch {
    return undefined;
  }
  if (inside.length === 0) return undefined;
  inside.sort();
  const named = inside.slice(0, NAMED_IN_WARNING).map((n) => `${name}/${n}`);
  const more = inside.length > NAMED_IN_WARNING ? ` and ${inside.length - NAMED_IN_WARNING} more` : '';
  const example = `${name}.${inside[0]}`;
  return `folder not read: table files live directly in the tables folder, so ${named.join(', ')}${more} will not load; move each up, e.g. as "${example}"`;
}
