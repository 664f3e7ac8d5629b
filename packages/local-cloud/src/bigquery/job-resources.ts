// Jobs → the JSON resources of the BigQuery v2 REST API: the job (status, statistics,
// configuration), the query response / getQueryResults page (schema, rows of `{f:[{v}]}`,
// totalRows, pageToken), and jobs.list items.
import { encodeRow, type TimestampFormat } from './engine/result-cells.js';
import type { BigQueryApiError } from './errors.js';
import { pageOf } from './http-types.js';
import type { Job } from './jobs.js';
import type { StatementResult } from './query-runner.js';

function jobReference(job: Job) {
  return { projectId: job.projectId, jobId: job.jobId, location: job.location };
}

function errorProto(error: BigQueryApiError) {
  return { reason: error.reason, message: error.message, location: 'query' };
}

function queryStatistics(result: StatementResult | undefined, dryRun: boolean) {
  const bytes = String(result?.bytesProcessed ?? 0);
  return {
    totalBytesProcessed: bytes,
    totalBytesBilled: dryRun ? '0' : bytes,
    totalBytesProcessedAccuracy: 'PRECISE',
    cacheHit: false,
    statementType: result?.statementType ?? 'SELECT',
    referencedTables: (result?.referenced ?? []).map(({ projectId, datasetId, tableId }) => ({
      projectId,
      datasetId,
      tableId,
    })),
    ...(dryRun && result ? { schema: { fields: result.fields } } : {}),
    ...(result?.ddl
      ? { ddlOperationPerformed: result.ddl.operation, ddlTargetTable: result.ddl.target }
      : {}),
    ...(result?.dmlAffectedRows === undefined
      ? {}
      : { numDmlAffectedRows: String(result.dmlAffectedRows), dmlStats: dmlStats(result) }),
  };
}

function dmlStats(result: StatementResult) {
  const count = String(result.dmlAffectedRows ?? 0);
  if (result.statementType === 'INSERT') return { insertedRowCount: count };
  if (result.statementType === 'UPDATE') return { updatedRowCount: count };
  return { deletedRowCount: count };
}

/** A job's times as the API spells them (epoch ms as strings); it starts when it is created. */
export function jobTimes(job: Job): { creationTime: string; startTime: string; endTime: string } {
  return {
    creationTime: String(job.creationTime),
    startTime: String(job.creationTime),
    endTime: String(job.endTime),
  };
}

export function jobResource(job: Job, baseUrl: string, dryRun = false) {
  const times = jobTimes(job);
  const statistics =
    job.jobType === 'QUERY'
      ? {
          ...times,
          totalBytesProcessed: String(job.result?.bytesProcessed ?? 0),
          query: queryStatistics(job.result, dryRun),
        }
      : { ...times, ...(job.extraStatistics ?? {}) };
  const status = job.error
    ? { state: 'DONE', errorResult: errorProto(job.error), errors: [errorProto(job.error)] }
    : { state: 'DONE' };
  return {
    kind: 'bigquery#job',
    etag: '1',
    id: `${job.projectId}:${job.location}.${job.jobId}`,
    selfLink: `${baseUrl}/bigquery/v2/projects/${job.projectId}/jobs/${job.jobId}?location=${job.location}`,
    user_email: 'local-cloud@localhost',
    jobReference: jobReference(job),
    jobCreationReason: { code: job.creationReason ?? 'REQUESTED' },
    configuration: { ...job.configuration, jobType: job.jobType, ...(dryRun ? { dryRun: true } : {}) },
    status,
    statistics,
  };
}

/** One page of a query's results, in the shape jobs.query and getQueryResults share. */
export function resultPage(job: Job, query: URLSearchParams, format: TimestampFormat) {
  const result = job.result;
  const base = {
    jobReference: jobReference(job),
    totalBytesProcessed: String(result?.bytesProcessed ?? 0),
    jobComplete: true,
    cacheHit: false,
  };
  if (result?.statementType !== 'SELECT') {
    return {
      ...base,
      totalRows: '0',
      ...(result?.dmlAffectedRows === undefined
        ? {}
        : { numDmlAffectedRows: String(result.dmlAffectedRows) }),
    };
  }
  const { page, nextPageToken } = pageOf(result.rows, query, 100_000);
  return {
    ...base,
    schema: { fields: result.fields },
    totalRows: String(result.rows.length),
    rows: page.map((row) => encodeRow(result.fields, row, format)),
    pageToken: nextPageToken,
  };
}

export function jobListItem(job: Job, baseUrl: string) {
  const { id, jobReference: reference, configuration, status, statistics } = jobResource(job, baseUrl);
  return {
    kind: 'bigquery#job',
    id,
    jobReference: reference,
    state: 'DONE',
    configuration,
    status,
    statistics,
    user_email: 'local-cloud@localhost',
  };
}
