// validate.yml's comment step, run as actions/github-script runs it (an async function of
// `require`, `github` and `context`) against the recorded GitHub API: the first push
// comments the plan, later pushes edit that same comment (only this workflow's own, never
// another bot's or a person's), and a failed validation replaces it with a note rather
// than leaving a stale plan. A cancelled check posts nothing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createGitHubClient } from '../../src/action/alerts-client.js';
import { PLAN_COMMENT_MARKER } from '../../src/report/index.js';
import { GitHubReplay } from '../alerts/github-replay.js';
import { workflowFiles } from './linters.js';

const validate = parse(workflowFiles().find((f) => f.name === 'validate.yml')!.content) as {
  jobs: {
    validate: {
      steps: { uses?: string; if?: string; env?: Record<string, string>; with?: { script?: string } }[];
    };
  };
};
const step = validate.jobs.validate.steps.find((s) => s.uses?.startsWith('actions/github-script'))!;
const script = step.with!.script!;

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

interface Outcomes {
  validate: string;
  plan: string;
}

async function push(
  replay: GitHubReplay,
  plan: string | undefined,
  outcomes: Outcomes = { validate: 'success', plan: 'success' },
) {
  const runnerTemp = await mkdtemp(join(tmpdir(), 's3bq-comment-'));
  dirs.push(runnerTemp);
  if (plan !== undefined) await writeFile(join(runnerTemp, 'plan.md'), plan);
  const github = createGitHubClient('ghs_test', { fetch: replay.fetch });
  const context = {
    repo: { owner: 'acme', repo: 'lake' },
    issue: { owner: 'acme', repo: 'lake', number: 40 },
  };
  const env = { RUNNER_TEMP: runnerTemp, VALIDATE_OUTCOME: outcomes.validate, PLAN_OUTCOME: outcomes.plan };
  const previous = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    await new AsyncFunction('require', 'github', 'context', script)(
      createRequire(import.meta.url),
      github,
      context,
    );
  } finally {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('the plan comment on a pull request', () => {
  it('is created once, then edited in place on every push', async () => {
    const replay = new GitHubReplay();
    await push(replay, `${PLAN_COMMENT_MARKER}\n## s3bq plan\n\nfirst`);
    await push(replay, `${PLAN_COMMENT_MARKER}\n## s3bq plan\n\nsecond`);
    const onPr = replay.comments.filter((c) => c.issue === 40);
    expect(onPr).toHaveLength(1);
    expect(onPr[0]!.body).toContain('second');
    expect(
      replay.calls.filter(
        (c) => c.method === 'PATCH' && c.path.startsWith('/repos/acme/lake/issues/comments/'),
      ),
    ).toHaveLength(1);

    await push(replay, undefined, { validate: 'failure', plan: 'skipped' });
    expect(replay.comments.filter((c) => c.issue === 40)).toHaveLength(1);
    expect(replay.comments[0]!.body).toContain('No plan: the table files do not validate');
    expect(replay.comments[0]!.body.startsWith(PLAN_COMMENT_MARKER)).toBe(true);

    // A plan step that failed for another reason says so, not "do not validate".
    await push(replay, `${PLAN_COMMENT_MARKER}\nstale`, { validate: 'success', plan: 'failure' });
    expect(replay.comments[0]!.body).toContain('No plan: the plan step failed');
  });

  it('never edits a comment it did not write, even one that carries the marker', async () => {
    const replay = new GitHubReplay();
    const quoted = `${PLAN_COMMENT_MARKER}\nquoted by a person`;
    replay.comments.push(
      { id: 1, issue: 40, body: quoted, user: { login: 'alice', type: 'User' } },
      {
        id: 2,
        issue: 40,
        body: `${PLAN_COMMENT_MARKER}\nother bot`,
        user: { login: 'other-app[bot]', type: 'Bot' },
      },
    );
    await push(replay, `${PLAN_COMMENT_MARKER}\n## s3bq plan\n\nours`);
    expect(replay.calls.some((c) => c.method === 'PATCH')).toBe(false);
    expect(replay.comments.map((c) => c.body)).toEqual([
      quoted,
      `${PLAN_COMMENT_MARKER}\nother bot`,
      expect.stringContaining('ours'),
    ]);
    expect(replay.comments[2]!.user.login).toBe('github-actions[bot]');
  });

  it('posts nothing from a cancelled check, and reads outcomes only from the environment', () => {
    expect(step.if).toContain('!cancelled()');
    expect(step.if).not.toContain('always()');
    expect(step.env).toEqual({
      VALIDATE_OUTCOME: `\${{ steps.validate.outcome }}`,
      PLAN_OUTCOME: `\${{ steps.plan.outcome }}`,
    });
  });
});
