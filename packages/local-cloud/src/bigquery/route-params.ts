// The resources a REST route's path names, looked up where every route handler looks
// them up: `/projects/:projectId/datasets/:datasetId…` in the catalog, `…/jobs/:jobId`
// and `…/queries/:jobId` in the job registry. Each answers BigQuery's own 404 when missing.
import type { Job, JobRegistry } from './jobs.js';
import type { StoredDataset } from './model.js';
import type { Store } from './store.js';

type PathParams = Record<string, string>;

/** The dataset the path's `projectId` and `datasetId` name. */
export function datasetOfPath(store: Store, params: PathParams): StoredDataset {
  return store.getDataset(params.projectId ?? '', params.datasetId ?? '');
}

/** The job the path's `projectId` and `jobId` name, in the `location` query parameter's region. */
export function jobOfPath(jobs: JobRegistry, params: PathParams, query: URLSearchParams): Job {
  return jobs.get(params.projectId ?? '', params.jobId ?? '', query.get('location'));
}
