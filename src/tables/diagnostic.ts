// One validation finding, pinned to a place in a file, and its one-line rendering that
// editors and terminals turn into a clickable link.

export interface Diagnostic {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like editors count them. */
  column: number;
  message: string;
  /** Absent for errors; a warning never fails validation. */
  severity?: 'warning' | undefined;
}

/**
 * `path:line:col: message` (`path:line:col: warning: message` for warnings) — the form compilers use, so terminals and editors link it.
 * Always one line: control characters (a file named with a newline, a message quoting
 * one) are written as escapes, so no finding can break the form or forge another line.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const level = d.severity === 'warning' ? 'warning: ' : '';
  return `${oneLine(d.file)}:${d.line}:${d.column}: ${level}${oneLine(d.message)}`;
}

function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
}

/** Stable order: by file, then position, so output does not depend on check order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** Thrown where table files must be valid to go on (plan, run); carries every finding. */
export class TableFilesInvalidError extends Error {
  override name = 'TableFilesInvalidError';
  constructor(readonly diagnostics: Diagnostic[]) {
    const files = new Set(diagnostics.map((d) => d.file)).size;
    super(
      `${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'} in ${files} table file${files === 1 ? '' : 's'}: fix them (see \`s3bq validate\`) and run again`,
    );
  }
}
