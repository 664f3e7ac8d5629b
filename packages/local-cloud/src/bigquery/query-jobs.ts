// Query jobs of the local BigQuery: each query runs at once (the store is in memory)
// and its result is kept by job id so getQueryResults / jobs.get can page through it.
import { randomUUID } from 'node:crypto';
import { BigQueryApiError } from './errors.js';
import type { FieldSchema, StoredRow } from './model.js';
import { parseQuery, readQueryParams } from './query-parser.js';
import { runQuery } from './query-runner.js';
import type { Store } from './store.js';

/** Finished jobs kept for paging; the oldest are forgotten beyond this. */
const MAX_KEPT_JOBS = 1000;

export interface QueryJob {
  projectId: string;
  jobId: string;
  location: string;
  sql: string;
  schema: FieldSchema[];
  rows: StoredRow[];
  creationTime: number;
  configuration: Record<string, unknown>;
}

export class QueryJobs {
  private readonly jobs = new Map<string, QueryJob>();

  constructor(
    private readonly store: Store,
    private readonly clock: () => Date,
  ) {}

  /** Runs `request` (a jobs.query body or a jobs.insert `configuration.query`). */
  run(projectId: string, request: Record<string, unknown>, jobId?: string, location?: string): QueryJob {
    const sql = request.query;
    if (typeof sql !== 'string' || sql.trim() === '') {
      throw new BigQueryApiError('invalid', 'Required parameter is missing: query');
    }
    if (request.useLegacySql === true) {
      throw new BigQueryApiError(
        'invalidQuery',
        'The local cloud runs GoogleSQL only; set useLegacySql to false.',
      );
    }
    const id = jobId ?? `job_${randomUUID().replace(/-/g, '')}`;
    if (this.jobs.has(id)) throw new BigQueryApiError('duplicate', `Already Exists: Job ${projectId}:${id}`);
    const parsed = parseQuery(sql, readQueryParams(request.queryParameters));
    const defaultDataset = request.defaultDataset as { projectId?: string; datasetId?: string } | undefined;
    if (parsed.datasetId === '' && defaultDataset?.datasetId) parsed.datasetId = defaultDataset.datasetId;
    const result = runQuery(this.store, parsed, parsed.projectId ?? defaultDataset?.projectId ?? projectId);
    const job: QueryJob = {
      projectId,
      jobId: id,
      location:
        location ?? (typeof request.location === 'string' ? request.location : this.store.defaultLocation),
      sql,
      schema: result.schema,
      rows: result.rows,
      creationTime: this.clock().getTime(),
      configuration: { query: { ...request }, jobType: 'QUERY' },
    };
    this.jobs.set(id, job);
    if (this.jobs.size > MAX_KEPT_JOBS) {
      const oldest = this.jobs.keys().next().value;
      if (oldest !== undefined) this.jobs.delete(oldest);
    }
    return job;
  }

  get(projectId: string, jobId: string): QueryJob {
    const job = this.jobs.get(jobId);
    if (!job || job.projectId !== projectId) {
      throw new BigQueryApiError('notFound', `Not found: Job ${projectId}:${jobId}`);
    }
    return job;
  }
}
