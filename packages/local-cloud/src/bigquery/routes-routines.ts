// routines.* of the BigQuery v2 REST API: the catalog keeps routines (routines.ts); the
// local cloud does not run them.
import { BigQueryApiError } from './errors.js';
import type { Route } from './http-types.js';
import { pageOf } from './http-types.js';
import { datasetOfPath } from './route-params.js';
import { getRoutine, insertRoutine, routineResource, updateRoutine } from './routines.js';

const ROUTINES = '/projects/:projectId/datasets/:datasetId/routines';

export const routineRoutes: Route[] = [
  {
    method: 'POST',
    pattern: ROUTINES,
    operation: 'routines.insert',
    handle: ({ store, clock }, { params, body }) => {
      const dataset = datasetOfPath(store, params);
      return { body: routineResource(insertRoutine(dataset, body, clock().getTime())) };
    },
  },
  {
    method: 'GET',
    pattern: ROUTINES,
    operation: 'routines.list',
    handle: ({ store }, { params, query }) => {
      const dataset = datasetOfPath(store, params);
      const routines = [...dataset.routines.values()].sort((a, b) => a.routineId.localeCompare(b.routineId));
      const { page, nextPageToken } = pageOf(routines, query, 1000);
      return { body: { routines: page.map(routineResource), nextPageToken } };
    },
  },
  {
    method: 'GET',
    pattern: `${ROUTINES}/:routineId`,
    operation: 'routines.get',
    handle: ({ store }, { params }) => {
      const dataset = datasetOfPath(store, params);
      return { body: routineResource(getRoutine(dataset, params.routineId ?? '')) };
    },
  },
  {
    method: 'PUT',
    pattern: `${ROUTINES}/:routineId`,
    operation: 'routines.update',
    handle: ({ store, clock }, { params, body }) => {
      const dataset = datasetOfPath(store, params);
      const reference = (body.routineReference ?? {}) as { routineId?: string };
      if (reference.routineId !== undefined && reference.routineId !== params.routineId) {
        throw new BigQueryApiError(
          'invalid',
          'A routine cannot be renamed: routineReference must match the URL.',
        );
      }
      return {
        body: routineResource(updateRoutine(dataset, params.routineId ?? '', body, clock().getTime())),
      };
    },
  },
  {
    method: 'DELETE',
    pattern: `${ROUTINES}/:routineId`,
    operation: 'routines.delete',
    handle: ({ store }, { params }) => {
      const dataset = datasetOfPath(store, params);
      getRoutine(dataset, params.routineId ?? '');
      dataset.routines.delete(params.routineId ?? '');
      return { status: 204 };
    },
  },
];
