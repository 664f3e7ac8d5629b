import {
  CloudError,
  toCloudError
} from "./chunk-GWZSQ2PE.js";

// src/cloud/retry.ts
import pRetry from "p-retry";
var DEFAULT_RETRY_POLICY = {
  retries: 5,
  baseDelayMs: 500,
  maxDelayMs: 2e4,
  random: Math.random
};
var realSleep = (ms, signal) => new Promise((resolve, reject) => {
  if (signal?.aborted) {
    reject(signal.reason);
    return;
  }
  const timer = setTimeout(() => {
    signal?.removeEventListener("abort", onAbort);
    resolve();
  }, ms);
  const onAbort = () => {
    clearTimeout(timer);
    reject(signal?.reason);
  };
  signal?.addEventListener("abort", onAbort, { once: true });
});
async function withDeadline(context, attempt, secrets = []) {
  const controller = new AbortController();
  let timer;
  const onOuterAbort = () => controller.abort(context.signal?.reason);
  context.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const error = new CloudError(
        context.service,
        context.operation,
        "DEADLINE_EXCEEDED",
        `no answer within ${context.timeoutMs} ms`
      );
      controller.abort(error);
      reject(error);
    }, context.timeoutMs);
    controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true });
  });
  try {
    if (context.signal?.aborted) throw context.signal.reason;
    return await Promise.race([attempt(controller.signal), deadline]);
  } catch (error) {
    if (context.signal?.aborted && error === context.signal.reason) throw error;
    throw toCloudError(error, context.service, context.operation, secrets);
  } finally {
    clearTimeout(timer);
    context.signal?.removeEventListener("abort", onOuterAbort);
    deadline.catch(() => {
    });
  }
}
function backoffDelay(retry, policy) {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(cap / 2 + policy.random() * cap / 2);
}
async function callWithRetry(context, policy, attempt) {
  return pRetry(() => withDeadline(context, attempt, policy.secrets), {
    retries: policy.retries,
    minTimeout: 0,
    maxTimeout: 0,
    randomize: false,
    signal: context.signal,
    shouldRetry: async ({ error, retriesConsumed }) => {
      if (!(error instanceof CloudError) || !error.retryable) return false;
      const factor = error.code === "RESOURCE_EXHAUSTED" ? 4 : 1;
      const delay = backoffDelay(retriesConsumed + 1, {
        ...policy,
        baseDelayMs: policy.baseDelayMs * factor,
        maxDelayMs: policy.maxDelayMs * factor
      });
      await policy.sleep(delay, context.signal);
      return true;
    }
  });
}

export {
  DEFAULT_RETRY_POLICY,
  realSleep,
  callWithRetry
};
