// The one retry policy of every cloud call: a hard deadline per attempt (so a hung call
// cannot outlive it, whatever the client library does), jittered exponential backoff on
// transient failures, and an injectable sleep so tests and benchmarks do not wait.
import pRetry from 'p-retry';
import { CloudError, type CloudService, toCloudError } from './errors.js';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  /** Backoff before the first retry, doubled each time up to maxDelayMs, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: Sleep;
  random: () => number;
  /** Secrets to scrub from error messages. */
  secrets: readonly string[];
}

export const DEFAULT_RETRY_POLICY: Omit<RetryPolicy, 'sleep' | 'secrets'> = {
  retries: 5,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  random: Math.random,
};

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export interface CallContext {
  service: CloudService;
  operation: string;
  /** Deadline of one attempt. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/**
 * Runs `attempt` once with a deadline. The attempt receives an AbortSignal that fires at
 * the deadline (or when the caller aborts) for clients that accept one; clients that do
 * not are raced against the same deadline so the caller is never left waiting.
 */
export async function withDeadline<T>(
  context: CallContext,
  attempt: (signal: AbortSignal) => Promise<T>,
  secrets: readonly string[] = [],
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const onOuterAbort = () => controller.abort(context.signal?.reason);
  context.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new CloudError(
        context.service,
        context.operation,
        'DEADLINE_EXCEEDED',
        `no answer within ${context.timeoutMs} ms`,
      );
      controller.abort(error);
      reject(error);
    }, context.timeoutMs);
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  try {
    if (context.signal?.aborted) throw context.signal.reason;
    return await Promise.race([attempt(controller.signal), deadline]);
  } catch (error) {
    if (context.signal?.aborted && error === context.signal.reason) throw error;
    throw toCloudError(error, context.service, context.operation, secrets);
  } finally {
    clearTimeout(timer);
    context.signal?.removeEventListener('abort', onOuterAbort);
    deadline.catch(() => {});
  }
}

/** Backoff before retry number `retry` (1-based): full jitter over an exponential cap. */
export function backoffDelay(
  retry: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(cap / 2 + (policy.random() * cap) / 2);
}

/**
 * One call with deadline and retries. Only CloudErrors marked retryable are retried;
 * INVALID_ARGUMENT, PERMISSION_DENIED, NOT_FOUND and the like fail at once. A quota error
 * backs off longer (four times the base delay), since quotas refill slowly.
 */
export async function callWithRetry<T>(
  context: CallContext,
  policy: RetryPolicy,
  attempt: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  return pRetry(() => withDeadline(context, attempt, policy.secrets), {
    retries: policy.retries,
    minTimeout: 0,
    maxTimeout: 0,
    randomize: false,
    signal: context.signal,
    shouldRetry: async ({ error, retriesConsumed }) => {
      if (!(error instanceof CloudError) || !error.retryable) return false;
      const factor = error.code === 'RESOURCE_EXHAUSTED' ? 4 : 1;
      const delay = backoffDelay(retriesConsumed + 1, {
        ...policy,
        baseDelayMs: policy.baseDelayMs * factor,
        maxDelayMs: policy.maxDelayMs * factor,
      });
      await policy.sleep(delay, context.signal);
      return true;
    },
  });
}
