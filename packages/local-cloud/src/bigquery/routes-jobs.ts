// jobs.query, jobs.getQueryResults, jobs.insert (query and copy jobs), jobs.get,
// jobs.list, jobs.cancel and jobs.delete of the BigQuery v2 REST API. Load and extract
// jobs read or write Cloud Storage, which the local cloud does not have: data reaches it
// through Data Transfer Service runs, and those jobs answer 501.
import { runCopyJob } from './copy-jobs.js';
import { timestampFormatOf } from './engine/result-cells.js';
import { BigQueryApiError } from './errors.js';
import type { Route } from './http-types.js';
import { pageOf } from './http-types.js';
import { jobListItem, jobResource, resultPage } from './job-resources.js';
import { answerQuery } from './jobs-query.js';
import { jobOfPath } from './route-params.js';
import { readUpload, runUploadJob } from './upload-jobs.js';

type Body = Record<string, unknown>;

function notImplementedJob(kind: string): BigQueryApiError {
  return new BigQueryApiError(
    'notImplemented',
    `The local cloud does not implement bigquery.jobs.insert for ${kind} jobs: they use Cloud Storage, which the local cloud does not have. Load data through a Data Transfer Service run.`,
  );
}

export const jobRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/upload/projects/:projectId/jobs',
    operation: 'jobs.insert',
    rawBody: true,
    handle: async (context, { params, query, raw }) => {
      if (query.get('uploadType') !== 'multipart' || !raw) {
        throw new BigQueryApiError(
          'notImplemented',
          'The local cloud does not implement bigquery.jobs.insert with resumable uploads; use uploadType=multipart.',
        );
      }
      const upload = readUpload(raw.bytes, raw.contentType);
      const job = await runUploadJob(
        { store: context.store, jobs: context.jobs, warehouse: context.warehouse, now: context.clock() },
        params.projectId ?? '',
        upload,
      );
      return { body: jobResource(job, context.baseUrl) };
    },
  },
  {
    method: 'POST',
    pattern: '/projects/:projectId/queries',
    operation: 'jobs.query',
    handle: async ({ queries }, { params, body }) => ({
      body: await answerQuery(queries, params.projectId ?? '', body),
    }),
  },
  {
    method: 'GET',
    pattern: '/projects/:projectId/queries/:jobId',
    operation: 'jobs.getQueryResults',
    handle: ({ jobs }, { params, query }) => {
      const job = jobOfPath(jobs, params, query);
      if (job.error) throw job.error;
      if (job.jobType !== 'QUERY')
        throw new BigQueryApiError('invalid', `Job ${job.projectId}:${job.jobId} is not a query job.`);
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
    handle: async (context, { params, body }) => {
      const projectId = params.projectId ?? '';
      const configuration = (body.configuration ?? {}) as Body;
      const reference = (body.jobReference ?? {}) as { jobId?: string; location?: string };
      if (configuration.copy) {
        const job = await runCopyJob(context.store, context.jobs, projectId, body, context.clock());
        return { body: jobResource(job, context.baseUrl) };
      }
      if (configuration.load) throw notImplementedJob('load');
      if (configuration.extract) throw notImplementedJob('extract');
      const config = configuration.query as Body | undefined;
      if (!config)
        throw new BigQueryApiError(
          'invalid',
          'Required parameter is missing: configuration (query, copy, load or extract).',
        );
      const dryRun = configuration.dryRun === true;
      const job = await context.queries.insert({
        projectId,
        config,
        jobId: reference.jobId,
        location: reference.location,
        dryRun,
        configuration,
      });
      return { body: jobResource(job, context.baseUrl, dryRun) };
    },
  },
  {
    method: 'GET',
    pattern: '/projects/:projectId/jobs/:jobId',
    operation: 'jobs.get',
    handle: ({ jobs, baseUrl }, { params, query }) => ({
      body: jobResource(jobOfPath(jobs, params, query), baseUrl),
    }),
  },
  {
    method: 'GET',
    pattern: '/projects/:projectId/jobs',
    operation: 'jobs.list',
    handle: ({ jobs, baseUrl }, { params, query }) => {
      const states = (query.getAll('stateFilter') ?? []).map((state) => state.toLowerCase());
      const listed = states.length === 0 || states.includes('done') ? jobs.list(params.projectId ?? '') : [];
      const { page, nextPageToken } = pageOf(listed, query, 1000);
      return {
        body: {
          kind: 'bigquery#jobList',
          etag: '1',
          jobs: page.map((job) => jobListItem(job, baseUrl)),
          nextPageToken,
        },
      };
    },
  },
  {
    method: 'POST',
    pattern: '/projects/:projectId/jobs/:jobId/cancel',
    operation: 'jobs.cancel',
    handle: ({ jobs, baseUrl }, { params, query }) => {
      // Jobs finish before they are created; cancelling one that is done changes nothing.
      const job = jobOfPath(jobs, params, query);
      return { body: { kind: 'bigquery#jobCancelResponse', job: jobResource(job, baseUrl) } };
    },
  },
  {
    method: 'DELETE',
    pattern: '/projects/:projectId/jobs/:jobId/delete',
    operation: 'jobs.delete',
    handle: ({ jobs }, { params, query }) => {
      jobs.delete(params.projectId ?? '', params.jobId ?? '', query.get('location'));
      return { status: 204 };
    },
  },
];
