// GitHub Actions workflow commands (`::error file=…::message`) written by hand, escaped the
// way @actions/core escapes them, so the CLI needs no GitHub library to annotate a PR; and
// the escaping that keeps user-controlled text in any other output line from being read
// as a command. The runner takes any line that starts with `::` (after spaces) as one, so
// a table file named "x\n::add-mask::…" printed raw would run a command.

/** Message text: `%`, CR and LF. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally escape `:` and `,`, which delimit properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function errorAnnotation(
  properties: { file: string; line: number; col: number; title?: string },
  message: string,
): string {
  const props = [
    `file=${escapeProperty(properties.file)}`,
    `line=${properties.line}`,
    `col=${properties.col}`,
    ...(properties.title ? [`title=${escapeProperty(properties.title)}`] : []),
  ];
  return `::error ${props.join(',')}::${escapeData(message)}`;
}

/**
 * A user-controlled value (a table name, a path, a source) for a plain output line: on one
 * line, and with no `::` left to start a command.
 */
export function escapeLogValue(value: string): string {
  return escapeData(value).replace(/::/g, ':%3A');
}

/**
 * Free text that may carry user values (an error message): its own line breaks stay, but
 * no line can start a command — every `::` is broken and CR cannot fake a line start.
 */
export function escapeLogText(text: string): string {
  return text.replace(/\r/g, '%0D').replace(/::/g, ':%3A');
}

interface Diagnostic {
  file: string;
  message: string;
}

/**
 * The same error with its message and diagnostics (file names are user-controlled) made
 * safe to print, for a command whose errors the front door prints as they come.
 */
export function withEscapedText(error: unknown): unknown {
  if (!(error instanceof Error)) return typeof error === 'string' ? escapeLogText(error) : error;
  const copy = Object.assign(Object.create(Object.getPrototypeOf(error)) as Error, error);
  copy.message = escapeLogText(error.message);
  if (error.stack !== undefined) copy.stack = escapeLogText(error.stack);
  const diagnostics = (error as { diagnostics?: unknown }).diagnostics;
  if (Array.isArray(diagnostics)) {
    (copy as { diagnostics?: unknown }).diagnostics = (diagnostics as Diagnostic[]).map((d) => ({
      ...d,
      file: escapeLogValue(d.file),
      message: escapeLogText(d.message),
    }));
  }
  return copy;
}
