// The workflows reviewed as a security engineer would: every action pinned to a full commit
// SHA of a Node 24 major with its version in a comment, no token left in .git/config, no
// expression spliced into a shell or a script, credentials only for main (an environment,
// a guard that says why), and no install script where an OIDC token can be minted.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { workflowFiles } from './linters.js';

const run = promisify(execFile);

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  environment?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  permissions?: unknown;
  jobs: Record<string, Job>;
}

const files = workflowFiles().map((f) => ({ ...f, workflow: parse(f.content) as Workflow }));
const byName = (name: string) => files.find((f) => f.name === name)!.workflow;

/** The Node 24 majors (and their commits) the workflows may use, as looked up for this pin. */
const PINS: Record<string, { sha: string; version: string }> = {
  'actions/checkout': { sha: '3d3c42e5aac5ba805825da76410c181273ba90b1', version: 'v7.0.1' },
  'actions/setup-node': { sha: '820762786026740c76f36085b0efc47a31fe5020', version: 'v7.0.0' },
  'actions/upload-artifact': { sha: '043fb46d1a93c77aae656e7c1c64a875d1fc6a0a', version: 'v7.0.1' },
  'actions/download-artifact': { sha: '3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c', version: 'v8.0.1' },
  'actions/github-script': { sha: '3a2844b7e9c422d3c10d287c895573f7108da1b3', version: 'v9.0.0' },
  'google-github-actions/auth': { sha: '7c6bc770dae815cd3e89ee6cdf493a5fab2cc093', version: 'v3.0.0' },
};

/** Every `uses:` line of a workflow's text, with its trailing comment. */
function usesLines(content: string): { action: string; ref: string; comment: string | undefined }[] {
  return [...content.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+?)(?:@(\S+))?(?:\s+#\s*(.+))?\s*$/gm)].map((m) => ({
    action: m[1]!,
    ref: m[2] ?? '',
    comment: m[3]?.trim(),
  }));
}

/** Places where a `${{ … }}` would be spliced into code: every `run:` and github-script `script:`. */
function expressionsInCode(workflow: Workflow): string[] {
  const found: string[] = [];
  for (const [jobName, job] of Object.entries(workflow.jobs))
    for (const [index, step] of (job.steps ?? []).entries()) {
      const where = `${jobName} step ${step.name ?? step.id ?? index}`;
      if (step.run?.includes('${{')) found.push(`${where}: run`);
      const script = step.with?.script;
      if (typeof script === 'string' && script.includes('${{')) found.push(`${where}: script`);
    }
  return found;
}

const secretsOf = (job: Job) => [...JSON.stringify(job).matchAll(/secrets\.(\w+)/g)].map((m) => m[1]!);
const mintsTokens = (job: Job) => job.permissions?.['id-token'] === 'write';

describe('the workflows, hardened', () => {
  it('pin every action to a full commit SHA of its Node 24 major, the version in a comment', () => {
    for (const file of files) {
      const lines = usesLines(file.content);
      expect(lines.length, file.name).toBeGreaterThan(0);
      for (const { action, ref, comment } of lines) {
        if (action === './') continue;
        expect(PINS[action], `${file.name}: ${action} is a known action`).toBeDefined();
        expect(ref, `${file.name}: ${action}`).toMatch(/^[0-9a-f]{40}$/);
        expect({ action, ref, comment }).toEqual({
          action,
          ref: PINS[action]!.sha,
          comment: PINS[action]!.version,
        });
      }
    }
  });

  it('leave no token in .git/config: persist-credentials false on every checkout', () => {
    for (const file of files)
      for (const job of Object.values(file.workflow.jobs))
        for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@')))
          expect(step.with?.['persist-credentials'], file.name).toBe(false);
  });

  it('start every workflow with no permissions, each job asking for its own', () => {
    for (const file of files) {
      expect(file.workflow.permissions, file.name).toEqual({});
      for (const [name, job] of Object.entries(file.workflow.jobs))
        expect(job.permissions, `${file.name} ${name}`).toBeDefined();
    }
  });

  it('splice no expression into a run: or a github-script script:', () => {
    for (const file of files) expect(expressionsInCode(file.workflow), file.name).toEqual([]);
    // The check is not blind.
    const bad = {
      jobs: {
        x: {
          steps: [
            { run: `echo "\${{ github.event.pull_request.title }}"` },
            { uses: 'actions/github-script@x', with: { script: `core.info("\${{ inputs.tables }}")` } },
          ],
        },
      },
    };
    expect(expressionsInCode(bad as Workflow)).toEqual(['x step 0: run', 'x step 1: script']);
  });

  it('give credentials to main only: load and janitor jobs take them from the production environment', () => {
    const credentialed = files.flatMap((file) =>
      Object.entries(file.workflow.jobs)
        .filter(([, job]) => mintsTokens(job) || secretsOf(job).some((s) => !s.startsWith('S3BQ_PR_CHECK_')))
        .map(([name, job]) => ({ where: `${file.name} ${name}`, job })),
    );
    expect(credentialed.map((c) => c.where).sort()).toEqual(['janitor.yml janitor', 'load.yml load']);
    for (const { where, job } of credentialed) expect(job.environment, where).toBe('production');
  });

  it('run no install script where an OIDC token can be minted: no npm in those jobs', () => {
    for (const file of files)
      for (const job of Object.values(file.workflow.jobs).filter(mintsTokens))
        for (const step of job.steps)
          expect(step.run ?? '', file.name).not.toMatch(/\bnpm\b|\bnpx\b|\byarn\b/);
  });

  it('hold no load credential in the pull-request check: only the opt-in list-only key', () => {
    const validate = byName('validate.yml');
    expect(Object.values(validate.jobs).flatMap(secretsOf).sort()).toEqual([
      'S3BQ_PR_CHECK_AWS_ACCESS_KEY_ID',
      'S3BQ_PR_CHECK_AWS_SECRET_ACCESS_KEY',
    ]);
    for (const job of Object.values(validate.jobs)) expect(mintsTokens(job)).toBe(false);
  });
});

/** The step that refuses other branches, and the jobs that must wait for it. */
const GUARDS = [
  { workflow: 'load.yml', job: 'plan', guarded: ['load'] },
  { workflow: 'janitor.yml', job: 'guard', guarded: ['janitor'] },
];

describe('a run from another branch', () => {
  for (const { workflow, job, guarded } of GUARDS) {
    const jobs = byName(workflow).jobs;
    const guard = jobs[job]!.steps[0]!;

    it(`${workflow}: the guard is the first step of a job without secrets, before every credentialed job`, () => {
      expect(guard.id).toBe('main-only');
      expect(secretsOf(jobs[job]!)).toEqual([]);
      expect(mintsTokens(jobs[job]!)).toBe(false);
      for (const name of guarded) expect([jobs[name]!.needs].flat()).toContain(job);
    });

    it(`${workflow}: fails on another branch, saying why, and passes on main`, async () => {
      const onMain = await run('bash', ['--noprofile', '--norc', '-e', '-c', guard.run!], {
        env: { GITHUB_REF: 'refs/heads/main', PATH: process.env.PATH },
      });
      expect(onMain.stdout).toBe('');
      const elsewhere = run('bash', ['--noprofile', '--norc', '-e', '-c', guard.run!], {
        env: { GITHUB_REF: 'refs/heads/feature/50%-off', PATH: process.env.PATH },
      });
      await expect(elsewhere).rejects.toMatchObject({ code: 1 });
      const { stdout } = (await elsewhere.catch((e: { stdout: string }) => e)) as { stdout: string };
      expect(stdout).toMatch(/^::error title=[^:]+::This run is on refs\/heads\/feature\/50%25-off\. /);
      expect(stdout).toContain('released to main only');
      expect(stdout).toContain('Use workflow from: main');
    });
  }
});
