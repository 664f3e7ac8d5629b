// The run-report job's script (`node dist/action/report.js`): merges every load job's
// result file, writes the whole run's summary, and opens or closes the alert issues.
// Configured by environment variables, set by load.yml's report job:
//   S3BQ_RESULTS_DIR  folder of the downloaded result artifacts, one folder per job and
//                     attempt (default `results`); each table's newest attempt wins
//   S3BQ_PLAN_FILE    the plan job's `s3bq plan --json` (its artifact), so a planned table
//                     that wrote no result shows as failed
//   S3BQ_DOWNLOAD     `success` when the plan and the results were downloaded; anything
//                     else means the results are incomplete: the report says so, opens or
//                     closes no alert issue, and fails
//   S3BQ_RUN_TITLE    the report's heading (default: from the results' window)
//   S3BQ_ALERTS       `false` to leave issues alone (dry runs, cancelled runs)
//   GITHUB_TOKEN      for job links (actions: read) and alerts (issues: write)
// Nothing large travels in a variable: Linux refuses one over 128 KiB.
import { pathToFileURL } from 'node:url';
import * as core from '@actions/core';
import type { ResultFile, TableResult } from '../lifecycle/outcome.js';
import {
  defaultTitle,
  type JobLink,
  mergeResults,
  missingResults,
  readResultFiles,
  renderRunReport,
  renderTextReport,
} from '../report/index.js';
import { plannedTables } from '../report/read-results.js';
import { type AlertAction, type GitHubClient, syncAlerts } from './alerts.js';
import { createGitHubClient } from './alerts-client.js';

export interface ReportDeps {
  env: NodeJS.ProcessEnv;
  /** Builds the GitHub client from a token; tests hand in one over a recorded API. */
  github?: ((token: string) => GitHubClient) | undefined;
  writeSummary?: ((markdown: string) => Promise<void>) | undefined;
  log?: ((line: string) => void) | undefined;
}

export interface ReportOutcome {
  markdown: string;
  results: TableResult[];
  alerts: AlertAction[];
  /** Why the results are incomplete (a failed download); the job then fails. */
  incomplete?: string | undefined;
}

export async function runReport(deps: ReportDeps): Promise<ReportOutcome> {
  const { env } = deps;
  const log = deps.log ?? ((line: string) => core.info(line));
  const { all, files, incomplete } = await gatherResults(env);
  const results = mergeResults(all).map((m) => m.result);
  log(renderTextReport(results, { color: true }));

  const repo = splitRepository(env.GITHUB_REPOSITORY);
  const runUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  const token = env.GITHUB_TOKEN;
  const octokit = token && repo ? (deps.github ?? defaultClient(env))(token) : undefined;

  const jobs = octokit && repo ? await listJobs(octokit, repo, env) : undefined;
  const title = env.S3BQ_RUN_TITLE || defaultTitle(files);
  const markdown = renderRunReport(all, { title, runUrl, jobs, incomplete });
  await (deps.writeSummary ?? defaultWriteSummary(env))(markdown);

  let alerts: AlertAction[] = [];
  if (incomplete) {
    log(`No issue opened or closed: ${incomplete}`);
  } else if (env.S3BQ_ALERTS === 'false') {
    log('Alerts are off for this run (S3BQ_ALERTS=false): no issue opened or closed.');
  } else if (!octokit || !repo) {
    core.warning('Alerts need GITHUB_TOKEN and GITHUB_REPOSITORY: no issue opened or closed.');
  } else {
    alerts = await syncAlerts(octokit, results, { ...repo, runUrl, runTitle: title });
    for (const a of alerts)
      if (a.action !== 'none') log(`Alert for ${a.table}: ${a.action} issue #${a.issue}`);
  }
  return { markdown, results, alerts, incomplete };
}

/**
 * The run's result files, plus a failed result for every planned table without one. When
 * a download failed, a missing file says nothing about its table: nothing is added, and
 * `incomplete` says why.
 */
async function gatherResults(
  env: NodeJS.ProcessEnv,
): Promise<{ all: ResultFile[]; files: ResultFile[]; incomplete?: string | undefined }> {
  const { files, problems } = await readResultFiles(env.S3BQ_RESULTS_DIR || 'results');
  for (const p of problems) core.warning(`Ignored a result file that cannot be read: ${p}`);
  const download = env.S3BQ_DOWNLOAD || 'success';
  if (download !== 'success') {
    const incomplete = `the plan and result artifacts could not all be downloaded (download: ${download}), so this report shows only the results that were. Re-run the report job.`;
    return { all: files, files, incomplete };
  }
  const expected = env.S3BQ_PLAN_FILE ? await plannedTables(env.S3BQ_PLAN_FILE) : [];
  const missing = missingResults(expected, files);
  const all: ResultFile[] = missing.length > 0 ? [...files, { schema_version: 1, tables: missing }] : files;
  return { all, files };
}

function splitRepository(value: string | undefined): { owner: string; repo: string } | undefined {
  const [owner, repo, ...rest] = (value ?? '').split('/');
  return owner && repo && rest.length === 0 ? { owner, repo } : undefined;
}

function defaultClient(env: NodeJS.ProcessEnv) {
  return (token: string) => createGitHubClient(token, { baseUrl: env.GITHUB_API_URL });
}

function defaultWriteSummary(env: NodeJS.ProcessEnv) {
  return async (markdown: string) => {
    // Outside a runner there is no summary file: print instead.
    if (!env.GITHUB_STEP_SUMMARY) {
      console.log(markdown);
      return;
    }
    await core.summary.addRaw(markdown, true).write({ overwrite: false });
  };
}

/** The run's jobs, for links; a failure here costs the links, never the report. */
async function listJobs(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  env: NodeJS.ProcessEnv,
): Promise<JobLink[] | undefined> {
  const runId = Number(env.GITHUB_RUN_ID);
  if (!Number.isInteger(runId)) return undefined;
  try {
    const jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRunAttempt, {
      ...repo,
      run_id: runId,
      attempt_number: Number(env.GITHUB_RUN_ATTEMPT) || 1,
      per_page: 100,
    });
    return jobs.filter((j) => j.html_url).map((j) => ({ name: j.name, url: j.html_url as string }));
  } catch (error) {
    core.warning(
      `Could not list this run's jobs for links (needs actions: read): ${(error as Error).message}`,
    );
    return undefined;
  }
}

// Run only as the bundled script, never when a test imports this module.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const outcome = await runReport({ env: process.env });
    const failed = outcome.results.filter((r) => r.status === 'failed').length;
    core.setOutput('failed', String(failed));
    if (outcome.incomplete) core.setFailed(`The run report is incomplete: ${outcome.incomplete}`);
  } catch (error) {
    core.setFailed(`The run report failed: ${(error as Error).message}`);
  }
}
