// jobs.query: one statement run and answered in the call, with its first page of rows.
// `jobCreationMode: JOB_CREATION_OPTIONAL` (short query mode) may run it without a job:
// the response then carries a `queryId` and no `jobReference`, and nothing can be fetched
// again. BigQuery says its conditions for skipping the job "are subject to change"; the
// local cloud reads that most strictly and skips the job whenever it can — a SELECT without
// a destination whose rows all fit in the response — so a client that counts on a job
// fails here as it would the day BigQuery chooses short mode. Otherwise the job is created,
// with the jobCreationReason BigQuery gives (LARGE_RESULTS, OTHER).
import { randomUUID } from 'node:crypto';
import { timestampFormatOf } from './engine/result-cells.js';
import { BigQueryApiError } from './errors.js';
import { jobTimes, resultPage } from './job-resources.js';
import type { Job } from './jobs.js';
import type { QueryJobs } from './query-jobs.js';

type Body = Record<string, unknown>;

/** A response's rows when maxResults does not say (BigQuery caps a response at about 10 MB). */
const DEFAULT_PAGE_ROWS = 100_000;
const JOB_CREATION_MODES = [
  'JOB_CREATION_MODE_UNSPECIFIED',
  'JOB_CREATION_REQUIRED',
  'JOB_CREATION_OPTIONAL',
];

function readJobCreationMode(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'string' || !JOB_CREATION_MODES.includes(value)) {
    throw new BigQueryApiError(
      'invalid',
      `Invalid value at 'query_request.job_creation_mode': ${JSON.stringify(value)}. Use one of ${JOB_CREATION_MODES.join(', ')}.`,
    );
  }
  return value === 'JOB_CREATION_OPTIONAL';
}

/** Why a job is needed in JOB_CREATION_OPTIONAL mode, or undefined when it is not. */
function creationReason(job: Job, config: Body, pageRows: number): string | undefined {
  const result = job.result;
  if (result?.statementType !== 'SELECT' || config.destinationTable) return 'OTHER';
  return result.rows.length > pageRows ? 'LARGE_RESULTS' : undefined;
}

function dryRunResponse(job: Job) {
  return {
    kind: 'bigquery#queryResponse',
    jobReference: { projectId: job.projectId, location: job.location },
    schema: { fields: job.result?.fields ?? [] },
    totalBytesProcessed: String(job.result?.bytesProcessed ?? 0),
    jobComplete: true,
    cacheHit: false,
  };
}

export async function answerQuery(queries: QueryJobs, projectId: string, body: Body) {
  const dryRun = body.dryRun === true;
  const { maxResults, formatOptions, jobCreationMode, ...config } = body;
  const optional = readJobCreationMode(jobCreationMode);
  const request = { projectId, config, location: body.location, dryRun, configuration: { query: config } };
  const pageRows = Number(maxResults ?? DEFAULT_PAGE_ROWS) || DEFAULT_PAGE_ROWS;
  const { job, created } = optional
    ? await queries.queryOptional(request, (ran) => creationReason(ran, config, pageRows))
    : { job: await queries.query(request), created: !dryRun };
  if (dryRun) return dryRunResponse(job);
  const options = (formatOptions ?? {}) as Body;
  const format = timestampFormatOf(options.useInt64Timestamp, options.timestampOutputFormat);
  const query = new URLSearchParams();
  if (maxResults !== undefined) query.set('maxResults', String(maxResults));
  const { jobReference, ...page } = resultPage(job, query, format);
  const times = jobTimes(job);
  if (!created) {
    return {
      kind: 'bigquery#queryResponse',
      queryId: `query_${randomUUID()}`,
      location: job.location,
      ...times,
      ...page,
    };
  }
  return {
    kind: 'bigquery#queryResponse',
    jobReference,
    queryId: job.jobId,
    location: job.location,
    ...times,
    ...(optional && job.creationReason ? { jobCreationReason: { code: job.creationReason } } : {}),
    ...page,
  };
}
