// The report room's door: results and plans rendered for people — job summaries, the run
// report, the terminal report and the PR plan comment. Pure functions of values.
export { type ConsoleContext, resultConsoleUrl, tableUrl, transferRunsUrl } from './console-links.js';
export { formatCount, formatDuration } from './format.js';
export { type Gantt, MAX_GANTT_TASKS, mermaidText, renderGantt } from './gantt.js';
export { type JobLink, jobUrlFor, type MergedResult, mergeResults } from './merge.js';
export {
  PLAN_COMMENT_MARKER,
  type PlanMarkdownOptions,
  renderPlanMarkdown,
  type SourceCheck,
} from './plan-markdown.js';
export { missingResults, type ReadResults, readResultFiles, whyNotResultFile } from './read-results.js';
export { defaultTitle, type RunReportContext, renderRunReport, SUMMARY_LIMIT_BYTES } from './run-report.js';
export { renderTableSummary } from './table-summary.js';
export { renderTextReport, type TextReportOptions, totalsLine } from './text-report.js';
