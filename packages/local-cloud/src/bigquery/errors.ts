// BigQuery's REST error vocabulary: an HTTP status plus a `reason`, rendered in the JSON
// shape the official clients parse (`{error:{code,message,errors:[{reason,message}],status}}`).

export type ApiErrorReason =
  | 'notFound'
  | 'duplicate'
  | 'invalid'
  | 'invalidQuery'
  | 'quotaExceeded'
  | 'accessDenied'
  | 'backendError'
  | 'notImplemented'
  | 'badRequest'
  | 'resourceInUse';

const STATUS_OF: Record<ApiErrorReason, number> = {
  notFound: 404,
  duplicate: 409,
  invalid: 400,
  invalidQuery: 400,
  badRequest: 400,
  quotaExceeded: 403,
  accessDenied: 403,
  backendError: 500,
  notImplemented: 501,
  resourceInUse: 400,
};

/** The google.rpc status name BigQuery puts next to each HTTP status. */
const RPC_STATUS_OF: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
};

export class BigQueryApiError extends Error {
  readonly status: number;
  constructor(
    readonly reason: ApiErrorReason,
    message: string,
    status?: number,
  ) {
    super(message);
    this.name = 'BigQueryApiError';
    this.status = status ?? STATUS_OF[reason];
  }

  toJSON(): Record<string, unknown> {
    return {
      error: {
        code: this.status,
        message: this.message,
        errors: [{ message: this.message, domain: 'global', reason: this.reason }],
        status: RPC_STATUS_OF[this.status] ?? 'UNKNOWN',
      },
    };
  }
}

/** The reason BigQuery gives for an injected HTTP status. */
export function reasonForStatus(status: number): ApiErrorReason {
  if (status === 404) return 'notFound';
  if (status === 409) return 'duplicate';
  if (status === 403) return 'accessDenied';
  if (status === 429) return 'quotaExceeded';
  if (status >= 500) return 'backendError';
  return 'invalid';
}

export const tableName = (projectId: string, datasetId: string, tableId: string): string =>
  `${projectId}:${datasetId}.${tableId}`;

export const notFoundTable = (projectId: string, datasetId: string, tableId: string): BigQueryApiError =>
  new BigQueryApiError('notFound', `Not found: Table ${tableName(projectId, datasetId, tableId)}`);

export const notFoundDataset = (projectId: string, datasetId: string): BigQueryApiError =>
  new BigQueryApiError('notFound', `Not found: Dataset ${projectId}:${datasetId}`);
