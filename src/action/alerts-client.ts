// The GitHub client the report job uses for alerts and job links: @actions/github's
// octokit with a deadline on every request, and a fetch that tests replace.
import { getOctokit } from '@actions/github';
import type { GitHubClient } from './alerts.js';

/** No single GitHub API call may take longer than this. */
const GITHUB_REQUEST_TIMEOUT_MS = 30_000;

export interface GitHubClientOptions {
  /** Defaults to the global fetch; tests pass a recorded-API replayer. */
  fetch?: typeof fetch | undefined;
  /** `GITHUB_API_URL` on GitHub Enterprise; octokit's default otherwise. */
  baseUrl?: string | undefined;
  timeoutMs?: number | undefined;
}

export function createGitHubClient(token: string, options: GitHubClientOptions = {}): GitHubClient {
  const base = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? GITHUB_REQUEST_TIMEOUT_MS;
  const withDeadline: typeof fetch = (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return base(input, { ...init, signal });
  };
  return getOctokit(token, {
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    request: { fetch: withDeadline, retries: 0 },
  });
}
