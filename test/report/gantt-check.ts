// A structural check of a Mermaid gantt, line by line, as Mermaid's gantt grammar reads
// it: statements it knows, tasks of the form `name :tags, id, start, end` with dates in
// the declared format, unique ids, and nothing that would end a line early.
export function checkGantt(source: string): string[] {
  const problems: string[] = [];
  const lines = source.split('\n');
  if (lines[0]?.trim() !== 'gantt') problems.push('first line must be `gantt`');
  let dateFormat: string | undefined;
  const ids = new Set<string>();
  for (const [i, raw] of lines.slice(1).entries()) {
    const line = raw.trim();
    const where = `line ${i + 2}: ${line}`;
    if (line === '') continue;
    if (/^(title|section) [^#;:]+$/.test(line) || /^axisFormat [^#;]+$/.test(line)) continue;
    const format = /^dateFormat (.+)$/.exec(line);
    if (format) {
      dateFormat = format[1];
      continue;
    }
    const task = /^([^:]+?) :([^#;]+)$/.exec(line);
    if (!task) {
      problems.push(`not a statement or task: ${where}`);
      continue;
    }
    const [tags, id, start, end, ...extra] = task[2]!.split(',').map((s) => s.trim());
    if (extra.length > 0 || !end) problems.push(`task needs tag, id, start, end: ${where}`);
    if (!['done', 'crit', 'active'].includes(tags ?? '')) problems.push(`unknown tag: ${where}`);
    if (!/^[a-zA-Z][\w-]*$/.test(id ?? '') || ids.has(id!)) problems.push(`bad or repeated id: ${where}`);
    ids.add(id!);
    if (dateFormat !== 'YYYY-MM-DD HH:mm:ss') problems.push(`dateFormat must come first: ${where}`);
    const stamp = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
    if (!stamp.test(start ?? '') || !stamp.test(end ?? ''))
      problems.push(`dates not in dateFormat: ${where}`);
    else if (Date.parse(`${end}Z`) <= Date.parse(`${start}Z`)) problems.push(`bar has no width: ${where}`);
  }
  return problems;
}

/** The body of the first ```mermaid fence in a Markdown text. */
export function mermaidBlock(markdown: string): string | undefined {
  return /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1];
}
