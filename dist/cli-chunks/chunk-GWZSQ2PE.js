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
function scrubSecrets(text, secrets) {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join("***");
  }
  return out.replace(
    /(secret_?access_?key["'\s:=]+(?:\{\s*"?string_?value"?\s*:\s*)?["']?)[^"'\s,}]+/gi,
    "$1***"
  );
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

export {
  CloudError,
  grpcCodeName,
  httpStatusCode,
  looksLikeQuota,
  scrubSecrets,
  toCloudError
};
