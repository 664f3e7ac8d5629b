// Query jobs: jobs.query (a failing statement answers with an error) and jobs.insert with
// a query configuration (a failing statement is a job that ends DONE with an
// errorResult, as BigQuery reports it), dry runs (planned, never run or kept), and query
// results written to a destination table under its write disposition.
import { runDdl } from './ddl-runner.js';
import { BigQueryApiError } from './errors.js';
import type { Job, JobRegistry } from './jobs.js';
import { writeQueryResults } from './query-destination.js';
import { runStatement, type StatementRequest, type StatementResult } from './query-runner.js';
import { isDdl } from './sql/ddl.js';
import { checkLegacyOptions, legacyToGoogleSql } from './sql/legacy-sql.js';
import { readQueryParams } from './sql/params.js';
import type { Store } from './store.js';

type Body = Record<string, unknown>;

export interface QueryJobRequest {
  projectId: string;
  /** A jobs.query body or a jobs.insert `configuration.query`. */
  config: Body;
  jobId?: unknown;
  location?: unknown;
  dryRun: boolean;
  /** The configuration echoed by jobs.get. */
  configuration: Body;
}

export class QueryJobs {
  constructor(
    private readonly store: Store,
    private readonly registry: JobRegistry,
    private readonly clock: () => Date,
  ) {}

  private statement(projectId: string, config: Body, dryRun: boolean, location?: unknown): StatementRequest {
    const sql = config.query;
    if (typeof sql !== 'string' || sql.trim() === '') {
      throw new BigQueryApiError('invalid', 'Required parameter is missing: query');
    }
    // The API's default is legacy SQL; only an explicit false runs GoogleSQL.
    const legacy = config.useLegacySql !== false;
    if (legacy) checkLegacyOptions(config);
    const dataset = config.defaultDataset as { projectId?: string; datasetId?: string } | undefined;
    return {
      sql: legacy ? legacyToGoogleSql(sql, projectId) : sql,
      projectId,
      defaultDataset: dataset?.datasetId
        ? { projectId: dataset.projectId ?? projectId, datasetId: dataset.datasetId }
        : undefined,
      params: readQueryParams(config.queryParameters),
      now: this.clock(),
      dryRun,
      location: typeof location === 'string' && location ? location : undefined,
    };
  }

  private location(request: QueryJobRequest): string {
    const given = request.location ?? request.config.location;
    return typeof given === 'string' && given ? given : this.store.defaultLocation;
  }

  private async execute(request: QueryJobRequest): Promise<StatementResult> {
    const statement = this.statement(
      request.projectId,
      request.config,
      request.dryRun,
      request.location ?? request.config.location,
    );
    if (isDdl(statement.sql)) return runDdl(this.store, statement);
    const result = await runStatement(this.store, statement);
    if (request.config.destinationTable && !request.dryRun) {
      await writeQueryResults(this.store, statement, result, request.config, this.clock());
    }
    return result;
  }

  private newJob(request: QueryJobRequest, jobId: string): Job {
    const now = this.clock().getTime();
    return {
      projectId: request.projectId,
      jobId,
      location: this.location(request),
      jobType: 'QUERY',
      configuration: request.configuration,
      creationTime: now,
      endTime: now,
    };
  }

  /** Without a requested location, a job runs where the first dataset it reads lives. */
  private settle(job: Job, request: QueryJobRequest): void {
    const first = job.result?.referenced[0];
    if ((request.location ?? request.config.location) || !first) return;
    job.location = this.store.getDataset(first.projectId, first.datasetId).location;
  }

  /** jobs.query: the statement's failure is the call's failure. */
  async query(request: QueryJobRequest): Promise<Job> {
    const job = this.newJob(request, this.registry.newId(request.projectId, request.jobId));
    job.result = await this.execute(request);
    this.settle(job, request);
    return request.dryRun ? job : this.registry.add(job);
  }

  /**
   * jobs.query in JOB_CREATION_OPTIONAL mode: the statement runs, and becomes a job only
   * when `reasonFor` names why one is needed; otherwise nothing is kept.
   */
  async queryOptional(
    request: QueryJobRequest,
    reasonFor: (job: Job) => string | undefined,
  ): Promise<{ job: Job; created: boolean }> {
    const job = this.newJob(request, this.registry.newId(request.projectId, undefined));
    job.result = await this.execute(request);
    this.settle(job, request);
    job.creationReason = request.dryRun ? undefined : reasonFor(job);
    if (job.creationReason === undefined) return { job, created: false };
    return { job: this.registry.add(job), created: true };
  }

  /** jobs.insert: a dry run fails the call; a real run that fails is a failed job. */
  async insert(request: QueryJobRequest): Promise<Job> {
    const job = this.newJob(request, this.registry.newId(request.projectId, request.jobId));
    if (request.dryRun) {
      job.result = await this.execute(request);
      this.settle(job, request);
      return job;
    }
    try {
      job.result = await this.execute(request);
      this.settle(job, request);
    } catch (error) {
      if (!(error instanceof BigQueryApiError)) throw error;
      job.error = error;
    }
    job.endTime = this.clock().getTime();
    return this.registry.add(job);
  }
}
