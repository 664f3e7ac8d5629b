// The README's set-up, followed as a new user would: every name it tells them to create
// (secrets, the environment, its branch, the workflow files the Workload Identity
// condition admits, the comment's author and marker, the alert label) is the name the
// workflows and the code use — and every secret the workflows read is in the README.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ALERT_LABEL } from '../../src/action/alerts.js';
import { PLAN_COMMENT_MARKER } from '../../src/report/index.js';
import { workflowFiles } from './linters.js';

const ROOT = join(import.meta.dirname, '..', '..');
const readme = await readFile(join(ROOT, 'README.md'), 'utf8');

/** The text of one `## ` section of the README. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  expect(start, `README section "${title}"`).toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

const setup = ['Set-up: Google Cloud', 'Set-up: AWS', 'Set-up: GitHub'].map(section).join('\n');
const files = workflowFiles();
const workflows = files.map((f) => ({
  ...f,
  jobs: (parse(f.content) as { jobs: Record<string, Record<string, unknown>> }).jobs,
}));
const allText = files.map((f) => f.content).join('\n');

describe('the README set-up names what the workflows use', () => {
  it('every secret it has you create is read by a workflow, and every secret read is in it', () => {
    // GITHUB_TOKEN is GitHub's own; the README only says it is enough.
    const documented = new Set(
      [...setup.matchAll(/`([A-Z][A-Z0-9_]{5,})`/g)]
        .map((m) => m[1]!)
        .filter((n) => !n.startsWith('PROJECT') && n !== 'GITHUB_TOKEN'),
    );
    const read = new Set([...allText.matchAll(/secrets\.([A-Z0-9_]+)/g)].map((m) => m[1]!));
    expect([...documented].sort()).toEqual([...read].sort());
  });

  it('the environment it has you create is the one the credentialed jobs name, for main', () => {
    const github = section('Set-up: GitHub');
    const name = /New environment, name `([^`]+)`/.exec(github)?.[1];
    expect(name).toBe('production');
    expect(github).toContain('add\n   the rule `main`');
    const named = workflows.flatMap((w) =>
      Object.values(w.jobs).flatMap((job) => (job.environment ? [job.environment] : [])),
    );
    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named)).toEqual(new Set([name]));
    for (const w of workflows.filter((f) => f.content.includes('environment: production')))
      expect(w.content).toContain('"$GITHUB_REF" != "refs/heads/main"');
  });

  it('the Workload Identity condition admits exactly the workflows that mint a token, on main', () => {
    const condition = /--attribute-condition "([^"]+)"/.exec(section('Set-up: Google Cloud'))?.[1] ?? '';
    expect(condition).toContain("assertion.repository == 'acme/lake'");
    expect(condition).toContain("assertion.ref == 'refs/heads/main'");
    const admitted = [
      ...condition.matchAll(/'acme\/lake\/\.github\/workflows\/([\w.-]+)@refs\/heads\/main'/g),
    ];
    expect(condition).toMatch(/assertion\.job_workflow_ref in \[/);
    const minting = workflows
      .filter((w) =>
        Object.values(w.jobs).some((job) => JSON.stringify(job.permissions ?? {}).includes('id-token')),
      )
      .map((w) => w.name);
    expect(admitted.map((m) => m[1]).sort()).toEqual(minting.sort());
  });

  it('the comment author and marker, and the alert label, are the ones the code uses', () => {
    const onboarding = section('Onboarding a table');
    expect(onboarding).toContain(`\`${PLAN_COMMENT_MARKER}\``);
    expect(onboarding).toContain('`github-actions[bot]`');
    const validate = files.find((f) => f.name === 'validate.yml')!.content;
    expect(validate).toContain("const author = 'github-actions[bot]';");
    expect(section('The run report and alerts')).toContain(`\`${ALERT_LABEL}\``);
  });
});
