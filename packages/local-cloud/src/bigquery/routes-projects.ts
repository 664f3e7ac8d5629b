// projects.list of the BigQuery v2 REST API: the local cloud's own project and every
// project a dataset was created in.
import type { Route } from './http-types.js';
import { pageOf } from './http-types.js';

export const projectRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/projects',
    operation: 'projects.list',
    handle: ({ store, defaultProjectId }, { query }) => {
      const ids = [...new Set([defaultProjectId, ...store.projectIds()])].sort();
      const { page, nextPageToken } = pageOf(ids, query, 1000);
      const projects = page.map((id) => ({
        kind: 'bigquery#project',
        id,
        friendlyName: id,
        projectReference: { projectId: id },
      }));
      return {
        body: { kind: 'bigquery#projectList', etag: '1', projects, nextPageToken, totalItems: ids.length },
      };
    },
  },
];
