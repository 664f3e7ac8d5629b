// validate.yml's comment step, run as actions/github-script runs it (an async function of
// `require`, `github` and `context`) against the recorded GitHub API: the first push
// comments the plan, later pushes edit that same comment, and a failed validation replaces
// it with a note rather than leaving a stale plan.
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
  jobs: { validate: { steps: { uses?: string; with?: { script?: string } }[] } };
};
const script = validate.jobs.validate.steps.find((s) => s.uses?.startsWith('actions/github-script'))!.with!
  .script!;

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function push(replay: GitHubReplay, plan: string | undefined) {
  const runnerTemp = await mkdtemp(join(tmpdir(), 's3bq-comment-'));
  dirs.push(runnerTemp);
  if (plan !== undefined) await writeFile(join(runnerTemp, 'plan.md'), plan);
  const github = createGitHubClient('ghs_test', { fetch: replay.fetch });
  const context = {
    repo: { owner: 'acme', repo: 'lake' },
    issue: { owner: 'acme', repo: 'lake', number: 40 },
  };
  const previous = process.env.RUNNER_TEMP;
  process.env.RUNNER_TEMP = runnerTemp;
  try {
    await new AsyncFunction('require', 'github', 'context', script)(
      createRequire(import.meta.url),
      github,
      context,
    );
  } finally {
    process.env.RUNNER_TEMP = previous;
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

    await push(replay, undefined);
    expect(replay.comments.filter((c) => c.issue === 40)).toHaveLength(1);
    expect(replay.comments[0]!.body).toContain('No plan: the table files do not validate');
    expect(replay.comments[0]!.body.startsWith(PLAN_COMMENT_MARKER)).toBe(true);
  });
});
