// The job summary: one section per table (renderTableSummary), kept under GitHub's 1 MiB
// step-summary limit, with secrets scrubbed because the runner masks logs, not summaries.
import * as core from '@actions/core';
import type { TableResult } from '../lifecycle/outcome.js';
import { renderTableSummary } from '../report/index.js';

/** GitHub refuses a step summary over 1 MiB; leave room for the truncation note. */
const MAX_SUMMARY_BYTES = 1024 * 1024 - 4096;

export interface SummaryContext {
  projectId?: string | undefined;
  location?: string | undefined;
}

/** The summary's markdown: every table's section that fits, then a note of what did not. */
function summaryMarkdown(
  results: readonly TableResult[],
  context: SummaryContext,
  scrub: (text: string) => string,
): string {
  const sections: string[] = [];
  let bytes = 0;
  for (const [index, result] of results.entries()) {
    const section = `${scrub(renderTableSummary(result, context))}\n`;
    const size = Buffer.byteLength(section, 'utf8');
    if (bytes + size > MAX_SUMMARY_BYTES) {
      const rest = results.slice(index).map((table) => table.name);
      sections.push(
        `\n_${rest.length} more table(s) do not fit GitHub's 1 MiB summary: ${rest.join(', ')}._\n`,
      );
      break;
    }
    sections.push(section);
    bytes += size;
  }
  return sections.join('\n');
}

export async function writeSummaries(
  results: readonly TableResult[],
  context: SummaryContext,
  scrub: (text: string) => string,
): Promise<void> {
  // Outside a runner (local runs) there is no summary file: nothing to write.
  if (!process.env.GITHUB_STEP_SUMMARY || results.length === 0) return;
  await core.summary.addRaw(summaryMarkdown(results, context, scrub), true).write();
}
