// The local BigQuery's job registry: every query and copy job, done or failed, kept by
// id for jobs.get, jobs.list and getQueryResults paging (the oldest forgotten beyond a
// bound). Jobs run to completion before the call that created them answers.
import { randomUUID } from 'node:crypto';
import { BigQueryApiError } from './errors.js';
import type { StatementResult } from './query-runner.js';

/** Finished jobs kept; the oldest are forgotten beyond this. */
const MAX_KEPT_JOBS = 1000;
const JOB_ID = /^[A-Za-z0-9_-]{1,1024}$/;

type JobType = 'QUERY' | 'COPY' | 'LOAD';

export interface Job {
  projectId: string;
  jobId: string;
  location: string;
  jobType: JobType;
  /** The configuration as requested (echoed back by jobs.get). */
  configuration: Record<string, unknown>;
  creationTime: number;
  endTime: number;
  result?: StatementResult | undefined;
  /** Set when the job failed: reported in status.errorResult. */
  error?: BigQueryApiError | undefined;
  /** Why jobs.query created it in JOB_CREATION_OPTIONAL mode (LARGE_RESULTS, OTHER); else REQUESTED. */
  creationReason?: string | undefined;
  /** Extra statistics of the job type (copy: copiedRows…). */
  extraStatistics?: Record<string, unknown> | undefined;
}

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  /** A fresh job id, or the requested one after checking it. */
  newId(projectId: string, requested: unknown): string {
    if (requested === undefined || requested === null || requested === '') {
      return `job_${randomUUID().replace(/-/g, '')}`;
    }
    const id = String(requested);
    if (!JOB_ID.test(id)) {
      throw new BigQueryApiError(
        'invalid',
        `Invalid job ID "${id}". Job IDs must be alphanumeric (plus underscores and dashes) and at most 1024 characters long.`,
      );
    }
    if (this.jobs.has(`${projectId}/${id}`)) {
      throw new BigQueryApiError('duplicate', `Already Exists: Job ${projectId}:${id}`);
    }
    return id;
  }

  add(job: Job): Job {
    this.jobs.set(`${job.projectId}/${job.jobId}`, job);
    if (this.jobs.size > MAX_KEPT_JOBS) {
      const oldest = this.jobs.keys().next().value;
      if (oldest !== undefined) this.jobs.delete(oldest);
    }
    return job;
  }

  get(projectId: string, jobId: string, location?: string | null): Job {
    const job = this.jobs.get(`${projectId}/${jobId}`);
    if (!job || (location && location.toLowerCase() !== job.location.toLowerCase())) {
      const where = location ? location : (job?.location ?? 'US');
      throw new BigQueryApiError('notFound', `Not found: Job ${projectId}:${where}.${jobId}`);
    }
    return job;
  }

  /** Newest first, as jobs.list returns them. */
  list(projectId: string): Job[] {
    return [...this.jobs.values()].filter((job) => job.projectId === projectId).reverse();
  }

  delete(projectId: string, jobId: string, location?: string | null): void {
    const job = this.get(projectId, jobId, location);
    this.jobs.delete(`${job.projectId}/${job.jobId}`);
  }
}
