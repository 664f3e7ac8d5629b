// One error shape for every cloud call: which service and operation failed, a gRPC-style
// code, whether retrying can help, and a message already scrubbed of AWS secrets, so
// callers decide and print without knowing which client library raised it.

import { scrubSecrets } from './secrets.js';

export type CloudService = 's3' | 'dts' | 'logging' | 'bigquery';

/** gRPC status names: the common language of the four services' failures. */
export type CloudErrorCode =
  | 'CANCELLED'
  | 'UNKNOWN'
  | 'INVALID_ARGUMENT'
  | 'DEADLINE_EXCEEDED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'PERMISSION_DENIED'
  | 'RESOURCE_EXHAUSTED'
  | 'FAILED_PRECONDITION'
  | 'ABORTED'
  | 'OUT_OF_RANGE'
  | 'UNIMPLEMENTED'
  | 'INTERNAL'
  | 'UNAVAILABLE'
  | 'DATA_LOSS'
  | 'UNAUTHENTICATED';

const GRPC_CODE_NAMES: CloudErrorCode[] = [
  'CANCELLED', // 0 is OK; index shifted below
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

/** Codes worth another attempt: the service was away, slow or rationing. */
const RETRYABLE_CODES = new Set<CloudErrorCode>([
  'UNAVAILABLE',
  'DEADLINE_EXCEEDED',
  'RESOURCE_EXHAUSTED',
  'INTERNAL',
  'ABORTED',
]);

export class CloudError extends Error {
  override name = 'CloudError';
  constructor(
    readonly service: CloudService,
    readonly operation: string,
    readonly code: CloudErrorCode,
    message: string,
    readonly retryable: boolean = RETRYABLE_CODES.has(code),
  ) {
    super(message);
  }
}

export function grpcCodeName(code: number): CloudErrorCode {
  return GRPC_CODE_NAMES[code] ?? 'UNKNOWN';
}

function httpStatusCode(status: number): CloudErrorCode {
  if (status === 400) return 'INVALID_ARGUMENT';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'PERMISSION_DENIED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'ALREADY_EXISTS';
  if (status === 412) return 'FAILED_PRECONDITION';
  if (status === 429) return 'RESOURCE_EXHAUSTED';
  if (status === 501) return 'UNIMPLEMENTED';
  if (status === 503) return 'UNAVAILABLE';
  if (status === 504) return 'DEADLINE_EXCEEDED';
  if (status >= 500) return 'INTERNAL';
  return 'UNKNOWN';
}

/** Quota messages arrive under several codes (403 rateLimitExceeded, FAILED_PRECONDITION…). */
export function looksLikeQuota(message: string): boolean {
  return /quota exceeded|exceeded quota|rate ?limit|too many requests|resource.?exhausted/i.test(message);
}

interface ErrorLike {
  code?: unknown;
  status?: unknown;
  name?: unknown;
  message?: unknown;
  details?: unknown;
  $metadata?: { httpStatusCode?: number };
  response?: { status?: number };
  errors?: { reason?: string; message?: string }[];
}

/**
 * Turns whatever a client threw into a CloudError: gRPC errors (numeric `code`), gax REST
 * errors, AWS SDK errors (`name` + `$metadata`) and BigQuery's ApiError (HTTP `code`).
 */
export function toCloudError(
  error: unknown,
  service: CloudService,
  operation: string,
  secrets: readonly string[] = [],
): CloudError {
  if (error instanceof CloudError) return error;
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorLike;
  const rawMessage = typeof e.message === 'string' && e.message ? e.message : String(error);
  let code: CloudErrorCode = 'UNKNOWN';
  const name = typeof e.name === 'string' ? e.name : '';
  if (name === 'AbortError' || name === 'TimeoutError') code = 'DEADLINE_EXCEEDED';
  else if (service === 's3') code = s3Code(name, e.$metadata?.httpStatusCode);
  else if (service === 'bigquery' && typeof e.code === 'number') code = httpStatusCode(e.code);
  else if (typeof e.code === 'number') code = e.code >= 100 ? httpStatusCode(e.code) : grpcCodeName(e.code);
  else if (typeof e.code === 'string' && /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EAI_AGAIN)$/.test(e.code))
    code = 'UNAVAILABLE';
  else if (typeof e.code === 'string' && GRPC_CODE_NAMES.includes(e.code as CloudErrorCode))
    code = e.code as CloudErrorCode;
  else if (typeof e.response?.status === 'number') code = httpStatusCode(e.response.status);
  if (code === 'UNKNOWN' && /ECONNREFUSED|ECONNRESET|socket hang up|fetch failed/i.test(rawMessage))
    code = 'UNAVAILABLE';
  if (code !== 'RESOURCE_EXHAUSTED' && code !== 'INVALID_ARGUMENT' && looksLikeQuota(rawMessage)) {
    code = 'RESOURCE_EXHAUSTED';
  }
  const message = scrubSecrets(rawMessage.replace(/^\d+ [A-Z_]+: /, ''), secrets);
  return new CloudError(service, operation, code, message);
}

function s3Code(name: string, status: number | undefined): CloudErrorCode {
  switch (name) {
    case 'NoSuchBucket':
    case 'NoSuchKey':
    case 'NotFound':
      return 'NOT_FOUND';
    case 'AccessDenied':
    case 'AllAccessDisabled':
      return 'PERMISSION_DENIED';
    case 'InvalidAccessKeyId':
    case 'SignatureDoesNotMatch':
    case 'ExpiredToken':
      return 'UNAUTHENTICATED';
    case 'SlowDown':
    case 'Throttling':
    case 'ThrottlingException':
    case 'RequestLimitExceeded':
      return 'RESOURCE_EXHAUSTED';
    case 'RequestTimeout':
      return 'DEADLINE_EXCEEDED';
    default:
      return status === undefined ? 'UNAVAILABLE' : httpStatusCode(status);
  }
}
