// tables.*, tabledata.list and tabledata.insertAll of the BigQuery v2 REST API. A
// `$partition` decorator on tables.get / tabledata.list narrows numRows and rows to that
// partition; on tables.delete it deletes that partition's rows.
import { encodeRow, type RestRow, timestampFormatOf } from './engine/result-cells.js';
import { BigQueryApiError, notFoundTable } from './errors.js';
import type { Route, RouteContext } from './http-types.js';
import { pageOf } from './http-types.js';
import { insertAll } from './insert-all.js';
import type { StoredTable } from './model.js';
import { splitDecorator } from './partition-ids.js';
import { tableListItem, tableResource } from './resources.js';

const DEFAULT_ROWS_PER_PAGE = 100_000;

/** The table a (possibly decorated) table id names, and the decorator. */
function addressed(context: RouteContext, params: Record<string, string>) {
  const projectId = params.projectId ?? '';
  const datasetId = params.datasetId ?? '';
  const { table: tableId, decorator } = splitDecorator(params.tableId ?? '');
  const table = context.store.getTable(projectId, datasetId, tableId);
  if (decorator !== undefined && !table.timePartitioning && !table.rangePartitioning) {
    throw notFoundTable(projectId, datasetId, params.tableId ?? '');
  }
  return { table, decorator };
}

async function resource(context: RouteContext, table: StoredTable, decorator?: string) {
  const stats = await context.store.storage.partitionStats(table);
  const partitions = decorator === undefined ? stats : stats.filter((stat) => stat.id === decorator);
  const location = context.store.getDataset(table.projectId, table.datasetId).location;
  return tableResource(table, partitions, location, context.baseUrl);
}

function selectedFields(table: StoredTable, query: URLSearchParams) {
  const selected = (query.get('selectedFields') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  return selected.length
    ? table.schema.filter((field) => selected.includes(field.name.toLowerCase()))
    : table.schema;
}

async function listRows(context: RouteContext, params: Record<string, string>, query: URLSearchParams) {
  const { table, decorator } = addressed(context, params);
  if (table.kind === 'VIEW') throw new BigQueryApiError('invalid', 'Cannot list a table of type VIEW.');
  const fields = selectedFields(table, query);
  const offset = Number(query.get('pageToken') ?? query.get('startIndex') ?? 0) || 0;
  const limit = Number(query.get('maxResults') ?? DEFAULT_ROWS_PER_PAGE) || DEFAULT_ROWS_PER_PAGE;
  const { rows, total } = await context.store.storage.readRows(table, {
    partitionId: decorator,
    offset,
    limit,
    fields,
  });
  const format = timestampFormatOf(
    query.get('formatOptions.useInt64Timestamp') ?? undefined,
    query.get('formatOptions.timestampOutputFormat') ?? undefined,
  );
  const next = offset + rows.length;
  return {
    kind: 'bigquery#tableDataList',
    etag: String(table.etag),
    totalRows: String(total),
    pageToken: next < total ? String(next) : undefined,
    rows: rows.map((row): RestRow => encodeRow(fields, row, format)),
  };
}

export const tableRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/projects/:projectId/datasets/:datasetId/tables',
    operation: 'tables.list',
    handle: ({ store }, { params, query }) => {
      const tables = store.listTables(params.projectId ?? '', params.datasetId ?? '');
      const { page, nextPageToken } = pageOf(tables, query, 1000);
      return {
        body: {
          kind: 'bigquery#tableList',
          tables: page.map(tableListItem),
          nextPageToken,
          totalItems: tables.length,
        },
      };
    },
  },
  {
    method: 'POST',
    pattern: '/projects/:projectId/datasets/:datasetId/tables',
    operation: 'tables.insert',
    handle: async (context, { params, body }) => {
      const table = await context.store.insertTable(params.projectId ?? '', params.datasetId ?? '', body);
      return { body: await resource(context, table) };
    },
  },
  {
    method: 'GET',
    pattern: '/projects/:projectId/datasets/:datasetId/tables/:tableId',
    operation: 'tables.get',
    handle: async (context, { params }) => {
      const { table, decorator } = addressed(context, params);
      return { body: await resource(context, table, decorator) };
    },
  },
  ...(['PATCH', 'PUT'] as const).map(
    (method): Route => ({
      method,
      pattern: '/projects/:projectId/datasets/:datasetId/tables/:tableId',
      operation: method === 'PATCH' ? 'tables.patch' : 'tables.update',
      handle: async (context, { params, body }) => {
        if ((params.tableId ?? '').includes('$')) {
          throw new BigQueryApiError(
            'invalid',
            'Cannot update a partition; update the table without a decorator.',
          );
        }
        const mode = method === 'PATCH' ? 'merge' : 'replace';
        const { projectId = '', datasetId = '', tableId = '' } = params;
        const table = await context.store.updateTable(projectId, datasetId, tableId, body, mode);
        return { body: await resource(context, table) };
      },
    }),
  ),
  {
    method: 'DELETE',
    pattern: '/projects/:projectId/datasets/:datasetId/tables/:tableId',
    operation: 'tables.delete',
    handle: async (context, { params }) => {
      const { table, decorator } = addressed(context, params);
      // Deleting `table$partition` removes that partition, as BigQuery allows.
      if (decorator !== undefined) await context.store.storage.deletePartition(table, decorator);
      else await context.store.deleteTable(table.projectId, table.datasetId, table.tableId);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: '/projects/:projectId/datasets/:datasetId/tables/:tableId/data',
    operation: 'tabledata.list',
    handle: async (context, { params, query }) => ({ body: await listRows(context, params, query) }),
  },
  {
    method: 'POST',
    pattern: '/projects/:projectId/datasets/:datasetId/tables/:tableId/insertAll',
    operation: 'tabledata.insertAll',
    handle: async (context, { params, body }) => {
      const { table } = addressed(context, params);
      return { body: await insertAll(context.store, table, params.tableId ?? '', body, context.clock()) };
    },
  },
];
