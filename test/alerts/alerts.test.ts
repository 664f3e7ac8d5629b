import { describe, expect, it } from 'vitest';
import { ALERT_LABEL, alertMarker, syncAlerts } from '../../src/action/alerts.js';
import { createGitHubClient } from '../../src/action/alerts-client.js';
import { clicks, events, orders, table, weather } from '../report/fixtures.js';
import { GitHubReplay } from './github-replay.js';

const options = {
  owner: 'acme',
  repo: 'lake',
  runUrl: 'https://github.com/acme/lake/actions/runs/9001',
  runTitle: 'Daily load 2026-11-22',
};

function client(replay: GitHubReplay) {
  return createGitHubClient('ghs_test', { fetch: replay.fetch });
}

describe('syncAlerts against the recorded GitHub API', () => {
  it('comments on the open issue of a table that keeps failing, never opening a second', async () => {
    const replay = new GitHubReplay();
    const actions = await syncAlerts(client(replay), [clicks, orders], options);
    expect(actions).toEqual([
      { table: 'bronze.clicks', action: 'commented', issue: 41 },
      { table: 'gold.orders', action: 'none' },
    ]);
    expect(replay.calls.filter((c) => c.method === 'POST' && c.path === '/repos/acme/lake/issues')).toEqual(
      [],
    );
    expect(replay.comments).toHaveLength(1);
    expect(replay.comments[0]!.body).toContain(
      'Still failing in [Daily load 2026-11-22](https://github.com/acme/lake/actions/runs/9001)',
    );
    expect(replay.comments[0]!.body).not.toContain('AKIAABCDEFGHIJKLMNOP');
    // The listing asked for open issues with the label.
    expect(replay.calls[0]!.path).toBe('/repos/acme/lake/issues?labels=s3bq-alert&state=open&per_page=100');
  });

  it('ignores a pull request that carries the marker: gold.orders gets no close', async () => {
    const replay = new GitHubReplay();
    await syncAlerts(client(replay), [orders], options);
    expect(replay.calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('opens one labelled issue per newly failing table, creating the label if missing, mentioning owners', async () => {
    const replay = new GitHubReplay({ openIssues: false, labelExists: false });
    const failing = table({
      name: 'gold.orders',
      status: 'failed',
      message: 'Quota exceeded',
      owners: ['@data-team', 'alice', 'oncall@example.com'],
    });
    const actions = await syncAlerts(client(replay), [failing, { ...failing }], options);
    expect(actions).toEqual([
      { table: 'gold.orders', action: 'opened', issue: 42 },
      { table: 'gold.orders', action: 'commented', issue: 42 },
    ]);
    const created = replay.calls.filter((c) => c.method === 'POST' && c.path === '/repos/acme/lake/issues');
    expect(created).toHaveLength(1);
    expect(created[0]!.body).toMatchObject({ title: 'Load failing: gold.orders', labels: [ALERT_LABEL] });
    const body = String(created[0]!.body!.body);
    expect(body.startsWith(alertMarker('gold.orders'))).toBe(true);
    expect(body).toContain('Owners: @data-team @alice `oncall@example.com`');
    expect(body).toContain('Quota exceeded');
    expect(replay.calls.filter((c) => c.path === '/repos/acme/lake/labels')).toHaveLength(1);
  });

  it('follows a table across runs: open, update, close, with never two open', async () => {
    const replay = new GitHubReplay({ openIssues: false });
    const gh = client(replay);
    const failing = { ...orders, status: 'failed' as const, message: 'Run FAILED: Access Denied' };

    expect(await syncAlerts(gh, [failing, weather], options)).toEqual([
      { table: 'gold.orders', action: 'opened', issue: 42 },
      { table: 'raw.weather', action: 'none' },
    ]);
    expect(await syncAlerts(gh, [failing], options)).toEqual([
      { table: 'gold.orders', action: 'commented', issue: 42 },
    ]);
    expect(replay.openAlerts()).toEqual(['Load failing: gold.orders']);

    // A skipped load counts as a successful one: it closes the alert.
    const skippedNow = { ...orders, status: 'skipped' as const };
    expect(await syncAlerts(gh, [skippedNow], options)).toEqual([
      { table: 'gold.orders', action: 'closed', issue: 42 },
    ]);
    expect(replay.openAlerts()).toEqual([]);
    const closed = replay.issues.find((i) => i.number === 42)!;
    expect(closed).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(replay.comments.at(-1)!.body).toContain(
      'Recovered: **gold.orders** ran and found no source files (skipped)',
    );

    // Failing again later opens a fresh issue rather than reopening an old one silently.
    expect(await syncAlerts(gh, [failing], options)).toEqual([
      { table: 'gold.orders', action: 'opened', issue: 43 },
    ]);
    expect(replay.openAlerts()).toEqual(['Load failing: gold.orders']);
  });

  it('finds an alert by title when its body lost the marker', async () => {
    const replay = new GitHubReplay();
    replay.issues[0]!.body = 'edited by a person';
    const actions = await syncAlerts(client(replay), [{ ...clicks, status: 'loaded' }, events], options);
    expect(actions[0]).toEqual({ table: 'bronze.clicks', action: 'closed', issue: 41 });
  });

  it('two runs opening an alert for one table at once end with one open issue, the oldest', async () => {
    const replay = new GitHubReplay({ openIssues: false });
    const failing = { ...orders, status: 'failed' as const, message: 'Quota exceeded' };
    // Another run's report opens its issue between this run's listing and its own opening.
    const racing: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if ((init?.method ?? 'GET') === 'POST' && url.endsWith('/repos/acme/lake/issues')) {
        await createGitHubClient('ghs_other', { fetch: replay.fetch }).rest.issues.create({
          owner: 'acme',
          repo: 'lake',
          title: 'Load failing: gold.orders',
          labels: [ALERT_LABEL],
          body: `${alertMarker('gold.orders')}\nopened by the other run`,
        });
      }
      return replay.fetch(input, init);
    };
    const actions = await syncAlerts(createGitHubClient('ghs_test', { fetch: racing }), [failing], options);
    expect(actions).toEqual([
      { table: 'gold.orders', action: 'opened', issue: 43 },
      { table: 'gold.orders', action: 'closed-duplicate', issue: 43 },
      { table: 'gold.orders', action: 'commented', issue: 42 },
    ]);
    expect(replay.openAlerts()).toEqual(['Load failing: gold.orders']);
    expect(replay.issues.find((i) => i.number === 43)).toMatchObject({
      state: 'closed',
      state_reason: 'not_planned',
    });
    expect(replay.comments.find((c) => c.issue === 42)!.body).toContain('Quota exceeded');
    expect(replay.comments.find((c) => c.issue === 43)!.body).toContain('Duplicate of #42');
  });

  it('closes duplicates left open by an earlier race, keeping the oldest', async () => {
    const replay = new GitHubReplay();
    const original = replay.issues.find((i) => i.number === 41)!;
    replay.issues.push({ ...original, number: 57, comments: 0 });
    const actions = await syncAlerts(client(replay), [clicks], options);
    expect(actions).toEqual([
      { table: 'bronze.clicks', action: 'closed-duplicate', issue: 57 },
      { table: 'bronze.clicks', action: 'commented', issue: 41 },
    ]);
    expect(replay.issues.find((i) => i.number === 57)!.state).toBe('closed');
  });

  it('gives up a request that does not answer within the deadline', async () => {
    const hang: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const gh = createGitHubClient('ghs_test', { fetch: hang, timeoutMs: 50 });
    await expect(syncAlerts(gh, [clicks], options)).rejects.toThrow();
  });
});
