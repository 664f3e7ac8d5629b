// A fake `fetch` serving the recorded GitHub API responses in test/fixtures/github: the
// issues, comments, labels and jobs endpoints the report job calls, with issue state kept
// between calls (and between runs, when the same replay is reused). Nothing leaves the
// process; any request it does not know fails the test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'github');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

interface Issue {
  number: number;
  title: string;
  body: string | null;
  state: string;
  state_reason: string | null;
  labels: { name: string }[];
  pull_request?: unknown;
  comments: number;
  [key: string]: unknown;
}

export interface RecordedCall {
  method: string;
  path: string;
  body?: Record<string, unknown>;
}

export class GitHubReplay {
  readonly calls: RecordedCall[] = [];
  readonly issues: Issue[];
  readonly comments: { id: number; issue: number; body: string; user: { login: string; type: string } }[] =
    [];
  labelExists: boolean;

  constructor(options: { openIssues?: boolean; labelExists?: boolean } = {}) {
    this.issues = options.openIssues === false ? [] : (fixture('issues-open.json') as Issue[]);
    this.labelExists = options.labelExists ?? true;
  }

  /** The fetch to hand to the client. */
  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined;
    this.calls.push({ method, path: url.pathname + url.search, ...(body ? { body } : {}) });
    if (url.host !== 'api.github.com')
      throw new Error(`the replay serves api.github.com only, not ${url.host}`);
    if (init?.signal?.aborted) throw new Error('aborted');
    const response = this.route(method, url, body);
    // A real fetch's response knows its URL; octokit's paginator reads it.
    Object.defineProperty(response, 'url', { value: url.href });
    return response;
  };

  private route(method: string, url: URL, body: Record<string, unknown> | undefined): Response {
    const path = url.pathname;
    const repo = '/repos/acme/lake';
    if (method === 'GET' && path === `${repo}/issues`) {
      const label = url.searchParams.get('labels');
      const state = url.searchParams.get('state') ?? 'open';
      return json(
        200,
        this.issues.filter((i) => i.state === state && (!label || i.labels.some((l) => l.name === label))),
      );
    }
    if (method === 'POST' && path === `${repo}/issues`) {
      const number = Math.max(41, ...this.issues.map((i) => i.number)) + 1;
      const issue: Issue = {
        ...(fixture('issue.json') as Issue),
        number,
        title: String(body?.title),
        body: String(body?.body ?? ''),
        html_url: `https://github.com/acme/lake/issues/${number}`,
        labels: ((body?.labels as string[]) ?? []).map((name) => ({
          ...(fixture('label.json') as object),
          name,
        })),
      };
      this.issues.push(issue);
      return json(201, issue);
    }
    const one = /^\/repos\/acme\/lake\/issues\/(\d+)(\/comments)?$/.exec(path);
    if (one) {
      const issue = this.issues.find((i) => i.number === Number(one[1]));
      if (!issue) return json(404, fixture('not-found.json'));
      if (method === 'POST' && one[2]) {
        const comment = {
          ...(fixture('comment.json') as { user: { login: string; type: string } }),
          id: 3000000001 + this.comments.length,
          issue: issue.number,
          body: String(body?.body),
        };
        this.comments.push(comment);
        issue.comments += 1;
        return json(201, comment);
      }
      if (method === 'GET' && one[2]) {
        return json(
          200,
          this.comments.filter((c) => c.issue === issue.number),
        );
      }
      if (method === 'PATCH' && !one[2]) {
        Object.assign(issue, body);
        return json(200, issue);
      }
    }
    const comment = /^\/repos\/acme\/lake\/issues\/comments\/(\d+)$/.exec(path);
    if (comment && method === 'PATCH') {
      const found = this.comments.find((c) => c.id === Number(comment[1]));
      if (!found) return json(404, fixture('not-found.json'));
      found.body = String(body?.body);
      return json(200, found);
    }
    if (method === 'GET' && path === `${repo}/labels/s3bq-alert`) {
      return this.labelExists ? json(200, fixture('label.json')) : json(404, fixture('not-found.json'));
    }
    if (method === 'POST' && path === `${repo}/labels`) {
      this.labelExists = true;
      return json(201, { ...(fixture('label.json') as object), ...body });
    }
    if (method === 'GET' && /^\/repos\/acme\/lake\/actions\/runs\/\d+\/attempts\/\d+\/jobs$/.test(path)) {
      return json(200, fixture('jobs.json'));
    }
    throw new Error(`the recorded API has no ${method} ${path}`);
  }

  /** Open alert issues (pull requests excluded) by title. */
  openAlerts(): string[] {
    return this.issues.filter((i) => i.state === 'open' && !i.pull_request).map((i) => i.title);
  }
}

function json(status: number, value: unknown): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
    },
  });
}
