// GitHub Actions workflow commands (`::error file=…::message`) written by hand, escaped the
// way @actions/core escapes them, so the CLI needs no GitHub library to annotate a PR.

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
