// One GitHub issue per failing table: opened on the first failure, commented on while it
// keeps failing, closed by the next load that succeeds (loaded or skipped). Issues are
// found by label and a hidden marker. Two runs' reports may sync at the same moment (no
// concurrency group holds them back, as one would cancel a waiting report): when both open
// an issue for one table, the oldest stays and the others are closed as its duplicates —
// right after opening, and again by every later sync.

import type { getOctokit } from '@actions/github';
import { maskCredentialPatterns } from '../cloud/secrets.js';
import type { TableResult } from '../lifecycle/outcome.js';
import { mdCell, mdCode } from '../report/format.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

export const ALERT_LABEL = 's3bq-alert';
const ALERT_TITLE_PREFIX = 'Load failing: ';

export interface AlertOptions {
  owner: string;
  repo: string;
  /** The workflow run, linked from every issue and comment. */
  runUrl?: string | undefined;
  /** What the run was ("Daily load 2026-11-22"), named in comments. */
  runTitle?: string | undefined;
  label?: string | undefined;
}

export type AlertAction =
  | { table: string; action: 'opened' | 'commented' | 'closed' | 'closed-duplicate'; issue: number }
  | { table: string; action: 'none' };

/** The hidden line in an alert's body that names its table for good. */
export function alertMarker(table: string): string {
  return `<!-- s3bq-alert table=${encodeURIComponent(table)} -->`;
}

/** The table an alert issue is about: from its marker, else from its title. */
function alertTable(issue: OpenIssue): string | undefined {
  const marked = /<!-- s3bq-alert table=([^\s]+) -->/.exec(issue.body ?? '');
  if (marked) {
    try {
      return decodeURIComponent(marked[1]!);
    } catch {
      return undefined;
    }
  }
  return issue.title.startsWith(ALERT_TITLE_PREFIX)
    ? issue.title.slice(ALERT_TITLE_PREFIX.length)
    : undefined;
}

interface OpenIssue {
  number: number;
  title: string;
  body?: string | null;
}

/** Opens, updates and closes alert issues so they match this run's results. */
export async function syncAlerts(
  octokit: GitHubClient,
  results: readonly TableResult[],
  options: AlertOptions,
): Promise<AlertAction[]> {
  const label = options.label ?? ALERT_LABEL;
  const repo = { owner: options.owner, repo: options.repo };
  const open = await listOpenAlerts(octokit, repo, label);
  const actions: AlertAction[] = await closeDuplicates(octokit, repo, open);
  let labelReady = false;

  for (const result of results) {
    const issue = findAlert(open, result.name);
    if (result.status === 'failed') {
      if (issue) {
        actions.push(await commentFailure(octokit, repo, issue.number, result, options));
      } else {
        if (!labelReady) {
          await ensureLabel(octokit, repo, label);
          labelReady = true;
        }
        const { data } = await octokit.rest.issues.create({
          ...repo,
          title: `${ALERT_TITLE_PREFIX}${result.name}`,
          labels: [label],
          body: issueBody(result, options),
        });
        actions.push({ table: result.name, action: 'opened', issue: data.number });
        actions.push(...(await settleOpened(octokit, repo, label, result, options, open, data.number)));
      }
    } else if (issue) {
      await octokit.rest.issues.createComment({
        ...repo,
        issue_number: issue.number,
        body: recoveryComment(result, options),
      });
      await octokit.rest.issues.update({
        ...repo,
        issue_number: issue.number,
        state: 'closed',
        state_reason: 'completed',
      });
      open.splice(open.indexOf(issue), 1);
      actions.push({ table: result.name, action: 'closed', issue: issue.number });
    } else {
      actions.push({ table: result.name, action: 'none' });
    }
  }
  return actions;
}

/**
 * After opening an issue, looks again: when another run opened one for the same table at
 * the same moment, the oldest stays, this run's failure goes there as a comment, and the
 * others are closed. `open` ends up holding the one issue that stays.
 */
async function settleOpened(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  label: string,
  result: TableResult,
  options: AlertOptions,
  open: OpenIssue[],
  opened: number,
): Promise<AlertAction[]> {
  const now = (await listOpenAlerts(octokit, repo, label)).filter((i) => alertTable(i) === result.name);
  if (!now.some((i) => i.number === opened))
    now.push({ number: opened, title: '', body: alertMarker(result.name) });
  const actions = await closeDuplicates(octokit, repo, now);
  const kept = now.reduce((a, b) => (a.number < b.number ? a : b));
  if (kept.number !== opened) actions.push(await commentFailure(octokit, repo, kept.number, result, options));
  // Remember it, so the same table twice in one batch still makes one issue.
  for (let i = open.length - 1; i >= 0; i--) if (alertTable(open[i]!) === result.name) open.splice(i, 1);
  open.push(kept);
  return actions;
}

/** Adds this run's failure of a table to the alert issue already open for it. */
async function commentFailure(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  issue: number,
  result: TableResult,
  options: AlertOptions,
): Promise<AlertAction> {
  await octokit.rest.issues.createComment({
    ...repo,
    issue_number: issue,
    body: failureComment(result, options),
  });
  return { table: result.name, action: 'commented', issue };
}

/** Closes every open alert but the oldest of each table, pointing at the one that stays. */
async function closeDuplicates(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  open: OpenIssue[],
): Promise<AlertAction[]> {
  const oldest = new Map<string, OpenIssue>();
  for (const issue of [...open].sort((a, b) => a.number - b.number)) {
    const table = alertTable(issue);
    if (table !== undefined && !oldest.has(table)) oldest.set(table, issue);
  }
  const actions: AlertAction[] = [];
  for (const issue of [...open]) {
    const table = alertTable(issue);
    const keep = table === undefined ? undefined : oldest.get(table);
    if (!keep || keep.number === issue.number) continue;
    await octokit.rest.issues.createComment({
      ...repo,
      issue_number: issue.number,
      body: `Duplicate of #${keep.number}: two runs reported this table at the same moment. Closing.`,
    });
    await octokit.rest.issues.update({
      ...repo,
      issue_number: issue.number,
      state: 'closed',
      state_reason: 'not_planned',
    });
    open.splice(open.indexOf(issue), 1);
    actions.push({ table: table!, action: 'closed-duplicate', issue: issue.number });
  }
  return actions;
}

async function listOpenAlerts(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  label: string,
): Promise<OpenIssue[]> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    ...repo,
    labels: label,
    state: 'open',
    per_page: 100,
  });
  // The issues endpoint also returns pull requests; an alert is never one.
  return issues
    .filter((i) => !i.pull_request)
    .map((i) => ({ number: i.number, title: i.title, body: i.body ?? null }));
}

/** By marker first (titles can be edited by people), then by the exact title. */
function findAlert(open: readonly OpenIssue[], table: string): OpenIssue | undefined {
  const marker = alertMarker(table);
  return (
    open.find((i) => i.body?.includes(marker)) ??
    open.find((i) => i.title === `${ALERT_TITLE_PREFIX}${table}`)
  );
}

async function ensureLabel(octokit: GitHubClient, repo: { owner: string; repo: string }, label: string) {
  try {
    await octokit.rest.issues.getLabel({ ...repo, name: label });
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
    await octokit.rest.issues.createLabel({
      ...repo,
      name: label,
      color: 'd73a4a',
      description: 'A table the s3bq pipeline failed to load; closed by its next successful load',
    });
  }
}

/** `@user` and `@org/team` mention; e-mail addresses are shown as text; bare names become mentions. */
function mentions(owners: readonly string[] | undefined): string {
  return (owners ?? [])
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      if (/^@[\w.-]+(\/[\w.-]+)?$/.test(o)) return o;
      if (/^[\w.-]+(\/[\w.-]+)?$/.test(o)) return `@${o}`;
      return mdCode(o);
    })
    .join(' ');
}

function runLink(options: AlertOptions): string {
  const title = options.runTitle ?? 'the workflow run';
  return options.runUrl ? `[${mdCell(title)}](${options.runUrl})` : mdCell(title);
}

function failureLines(result: TableResult): string[] {
  const step = result.failed_step ? ` at step ${mdCode(result.failed_step)}` : '';
  const failedPartitions = result.partitions.filter((p) => p.status === 'failed').map((p) => mdCode(p.id));
  const lines = [
    `**Destination:** ${mdCode(result.destination)}`,
    `**Failed${step}:** ${mdCell(maskCredentialPatterns(result.message ?? 'no message was recorded'))}`,
  ];
  if (failedPartitions.length > 0) {
    const shown = failedPartitions.slice(0, 20).join(', ');
    const more = failedPartitions.length > 20 ? ` and ${failedPartitions.length - 20} more` : '';
    lines.push(`**Partitions:** ${shown}${more}`);
  }
  return lines;
}

function issueBody(result: TableResult, options: AlertOptions): string {
  const who = mentions(result.owners);
  return [
    alertMarker(result.name),
    `The table **${mdCell(result.name)}** failed to load in ${runLink(options)}.`,
    '',
    ...failureLines(result),
    '',
    who ? `Owners: ${who}` : '_This table has no `owners` in its table file to notify._',
    '',
    'This issue gets a comment on every failing run and is closed by the next successful load (loaded or skipped). ' +
      'To retry now, run the **load** workflow from the Actions tab with this table and the failed dates.',
  ].join('\n');
}

function failureComment(result: TableResult, options: AlertOptions): string {
  return [`Still failing in ${runLink(options)}.`, '', ...failureLines(result)].join('\n');
}

function recoveryComment(result: TableResult, options: AlertOptions): string {
  const how = result.status === 'loaded' ? 'loaded' : 'ran and found no source files (skipped)';
  return `Recovered: **${mdCell(result.name)}** ${how} in ${runLink(options)}. Closing.`;
}
