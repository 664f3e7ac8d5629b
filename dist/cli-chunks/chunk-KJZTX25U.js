import {
  scrubSecrets
} from "./chunk-5SCK5MIT.js";

// src/cloud/errors.ts
var GRPC_CODE_NAMES = [
  "CANCELLED",
  // 0 is OK; index shifted below
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED"
];
var RETRYABLE_CODES = /* @__PURE__ */ new Set([
  "UNAVAILABLE",
  "DEADLINE_EXCEEDED",
  "RESOURCE_EXHAUSTED",
  "INTERNAL",
  "ABORTED"
]);
var CloudError = class extends Error {
  constructor(service, operation, code, message, retryable = RETRYABLE_CODES.has(code)) {
    super(message);
    this.service = service;
    this.operation = operation;
    this.code = code;
    this.retryable = retryable;
  }
  service;
  operation;
  code;
  retryable;
  name = "CloudError";
};
function grpcCodeName(code) {
  return GRPC_CODE_NAMES[code] ?? "UNKNOWN";
}
function httpStatusCode(status) {
  if (status === 400) return "INVALID_ARGUMENT";
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 403) return "PERMISSION_DENIED";
  if (status === 404) return "NOT_FOUND";
  if (status === 409) return "ALREADY_EXISTS";
  if (status === 412) return "FAILED_PRECONDITION";
  if (status === 429) return "RESOURCE_EXHAUSTED";
  if (status === 501) return "UNIMPLEMENTED";
  if (status === 503) return "UNAVAILABLE";
  if (status === 504) return "DEADLINE_EXCEEDED";
  if (status >= 500) return "INTERNAL";
  return "UNKNOWN";
}
function looksLikeQuota(message) {
  return /quota exceeded|exceeded quota|rate ?limit|too many requests|resource.?exhausted/i.test(message);
}
function toCloudError(error, service, operation, secrets = []) {
  if (error instanceof CloudError) return error;
  const e = typeof error === "object" && error !== null ? error : { message: String(error) };
  const rawMessage = typeof e.message === "string" && e.message ? e.message : String(error);
  let code = "UNKNOWN";
  const name = typeof e.name === "string" ? e.name : "";
  if (name === "AbortError" || name === "TimeoutError") code = "DEADLINE_EXCEEDED";
  else if (service === "s3") code = s3Code(name, e.$metadata?.httpStatusCode);
  else if (service === "bigquery" && typeof e.code === "number") code = httpStatusCode(e.code);
  else if (typeof e.code === "number") code = e.code >= 100 ? httpStatusCode(e.code) : grpcCodeName(e.code);
  else if (typeof e.code === "string" && /^[A-Z_]+$/.test(e.code)) code = e.code;
  else if (typeof e.code === "string" && /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EAI_AGAIN)$/.test(e.code))
    code = "UNAVAILABLE";
  else if (typeof e.response?.status === "number") code = httpStatusCode(e.response.status);
  if (code === "UNKNOWN" && /ECONNREFUSED|ECONNRESET|socket hang up|fetch failed/i.test(rawMessage))
    code = "UNAVAILABLE";
  if (code !== "RESOURCE_EXHAUSTED" && code !== "INVALID_ARGUMENT" && looksLikeQuota(rawMessage)) {
    code = "RESOURCE_EXHAUSTED";
  }
  const message = scrubSecrets(rawMessage.replace(/^\d+ [A-Z_]+: /, ""), secrets);
  return new CloudError(service, operation, code, message);
}
function s3Code(name, status) {
  switch (name) {
    case "NoSuchBucket":
    case "NoSuchKey":
    case "NotFound":
      return "NOT_FOUND";
    case "AccessDenied":
    case "AllAccessDisabled":
      return "PERMISSION_DENIED";
    case "InvalidAccessKeyId":
    case "SignatureDoesNotMatch":
    case "ExpiredToken":
      return "UNAUTHENTICATED";
    case "SlowDown":
    case "Throttling":
    case "ThrottlingException":
    case "RequestLimitExceeded":
      return "RESOURCE_EXHAUSTED";
    case "RequestTimeout":
      return "DEADLINE_EXCEEDED";
    default:
      return status === void 0 ? "UNAVAILABLE" : httpStatusCode(status);
  }
}

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
  CloudError,
  grpcCodeName,
  looksLikeQuota,
  toCloudError,
  DEFAULT_RETRY_POLICY,
  realSleep,
  backoffDelay,
  callWithRetry
};
