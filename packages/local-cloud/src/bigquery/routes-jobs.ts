// jobs.query, jobs.getQueryResults, jobs.insert (queries only) and jobs.get of the
// BigQuery v2 REST API. Load jobs reach the local cloud through DTS runs, not here.
import { BigQueryApiError } from './errors.js';
import type { Route } from './http-types.js';
import { pageOf } from './http-types.js';
import type { QueryJob } from './query-jobs.js';
import { encodeRow, type TimestampFormat, timestampFormatOf } from './row-encoding.js';

function jobReference(job: QueryJob) {
  return { projectId: job.projectId, jobId: job.jobId, location: job.location };
}

function resultPage(job: QueryJob, query: URLSearchParams, format: TimestampFormat) {
  const { page, nextPageToken } = pageOf(job.rows, query, 100_000);
  return {
    schema: { fields: job.schema },
    jobReference: jobReference(job),
    totalRows: String(job.rows.length),
    rows: page.map((row) => encodeRow(job.schema, row, format)),
    pageToken: nextPageToken,
    totalBytesProcessed: '0',
    jobComplete: true,
    cacheHit: false,
  };
}

function jobResource(job: QueryJob, baseUrl: string) {
  return {
    kind: 'bigquery#job',
    etag: '1',
    id: `${job.projectId}:${job.location}.${job.jobId}`,
    selfLink: `${baseUrl}/bigquery/v2/projects/${job.projectId}/jobs/${job.jobId}?location=${job.location}`,
    jobReference: jobReference(job),
    configuration: job.configuration,
    status: { state: 'DONE' },
    statistics: {
      creationTime: String(job.creationTime),
      startTime: String(job.creationTime),
      endTime: String(job.creationTime),
      totalBytesProcessed: '0',
      query: { totalBytesProcessed: '0', statementType: 'SELECT', cacheHit: false },
    },
  };
}

export const jobRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/projects/:projectId/queries',
    operation: 'jobs.query',
    handle: ({ jobs }, { params, body }) => {
      const job = jobs.run(params.projectId ?? '', body);
      const formatOptions = (body.formatOptions ?? {}) as Record<string, unknown>;
      const format = timestampFormatOf(formatOptions.useInt64Timestamp, formatOptions.timestampOutputFormat);
      const query = new URLSearchParams();
      if (body.maxResults !== undefined) query.set('maxResults', String(body.maxResults));
      return { body: { kind: 'bigquery#queryResponse', ...resultPage(job, query, format) } };
    },
  },
  {
    method: 'GET',
    pattern: '/projects/:projectId/queries/:jobId',
    operation: 'jobs.getQueryResults',
    handle: ({ jobs }, { params, query }) => {
      const job = jobs.get(params.projectId ?? '', params.jobId ?? '');
      const format = timestampFormatOf(
        query.get('formatOptions.useInt64Timestamp') ?? undefined,
        query.get('formatOptions.timestampOutputFormat') ?? undefined,
      );
      return {
        body: { kind: 'bigquery#getQueryResultsResponse', etag: '1', ...resultPage(job, query, format) },
      };
    },
  },
  {
    method: 'POST',
    pattern: '/projects/:projectId/jobs',
    operation: 'jobs.insert',
    handle: ({ jobs, baseUrl }, { params, body }) => {
      const configuration = (body.configuration ?? {}) as Record<string, unknown>;
      const queryConfig = configuration.query as Record<string, unknown> | undefined;
      if (!queryConfig) {
        throw new BigQueryApiError(
          'notImplemented',
          'The local cloud runs query jobs only; data is loaded through Data Transfer Service runs.',
        );
      }
      if (configuration.dryRun === true) {
        throw new BigQueryApiError('notImplemented', 'The local cloud does not support dry-run queries.');
      }
      const reference = (body.jobReference ?? {}) as { jobId?: string; location?: string };
      const job = jobs.run(params.projectId ?? '', queryConfig, reference.jobId, reference.location);
      return { body: jobResource(job, baseUrl) };
    },
  },
  {
    method: 'GET',
    pattern: '/projects/:projectId/jobs/:jobId',
    operation: 'jobs.get',
    handle: ({ jobs, baseUrl }, { params }) => ({
      body: jobResource(jobs.get(params.projectId ?? '', params.jobId ?? ''), baseUrl),
    }),
  },
];
