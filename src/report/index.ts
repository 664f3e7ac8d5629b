// The report room's door: results and plans rendered for people — job summaries, the run
// report, the terminal report and the PR plan comment. Pure functions of values.
export { mermaidText, renderGantt } from './gantt.js';
export { type JobLink, mergeResults } from './merge.js';
export { PLAN_COMMENT_MARKER, renderPlanMarkdown, type SourceCheck } from './plan-markdown.js';
export { missingResults, readResultFiles } from './read-results.js';
export { defaultTitle, renderRunReport } from './run-report.js';
export { renderTableSummary } from './table-summary.js';
export { renderTextReport } from './text-report.js';
