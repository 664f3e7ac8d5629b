// datasets.* of the BigQuery v2 REST API.
import type { Route } from './http-types.js';
import { pageOf } from './http-types.js';
import { datasetListItem, datasetResource } from './resources.js';
import { datasetOfPath } from './route-params.js';

export const datasetRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/projects/:projectId/datasets',
    operation: 'datasets.list',
    handle: ({ store }, { params, query }) => {
      const datasets = store.listDatasets(params.projectId ?? '', query.get('filter'));
      const { page, nextPageToken } = pageOf(datasets, query, 1000);
      return {
        body: { kind: 'bigquery#datasetList', datasets: page.map(datasetListItem), nextPageToken },
      };
    },
  },
  {
    method: 'POST',
    pattern: '/projects/:projectId/datasets',
    operation: 'datasets.insert',
    handle: ({ store, baseUrl }, { params, body }) => ({
      body: datasetResource(store.insertDataset(params.projectId ?? '', body), baseUrl),
    }),
  },
  {
    method: 'GET',
    pattern: '/projects/:projectId/datasets/:datasetId',
    operation: 'datasets.get',
    handle: ({ store, baseUrl }, { params }) => ({
      body: datasetResource(datasetOfPath(store, params), baseUrl),
    }),
  },
  ...(['PATCH', 'PUT'] as const).map(
    (method): Route => ({
      method,
      pattern: '/projects/:projectId/datasets/:datasetId',
      operation: method === 'PATCH' ? 'datasets.patch' : 'datasets.update',
      handle: ({ store, baseUrl }, { params, body }) => {
        const mode = method === 'PATCH' ? 'merge' : 'replace';
        const dataset = store.patchDataset(params.projectId ?? '', params.datasetId ?? '', body, mode);
        return { body: datasetResource(dataset, baseUrl) };
      },
    }),
  ),
  {
    method: 'DELETE',
    pattern: '/projects/:projectId/datasets/:datasetId',
    operation: 'datasets.delete',
    handle: async ({ store }, { params, query }) => {
      const force = query.get('deleteContents') === 'true';
      await store.deleteDataset(params.projectId ?? '', params.datasetId ?? '', force);
      return { status: 204 };
    },
  },
];
