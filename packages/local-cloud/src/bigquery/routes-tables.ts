// tables.* and tabledata.list of the BigQuery v2 REST API. A `$YYYYMMDD[HH]` decorator
// on tables.get / tabledata.list narrows numRows and rows to that partition.
import { BigQueryApiError, notFoundTable } from './errors.js';
import type { Route, RouteContext } from './http-types.js';
import { pageOf } from './http-types.js';
import type { StoredPartition, StoredRow, StoredTable } from './model.js';
import { splitDecorator } from './partition-ids.js';
import { tableListItem, tableResource } from './resources.js';
import { encodeRow, timestampFormatOf } from './row-encoding.js';

const DEFAULT_ROWS_PER_PAGE = 100_000;

/** The table and the live partitions a (possibly decorated) table id addresses. */
function addressed(context: RouteContext, params: Record<string, string>) {
  const projectId = params.projectId ?? '';
  const datasetId = params.datasetId ?? '';
  const { table: tableId, decorator } = splitDecorator(params.tableId ?? '');
  const table = context.store.getTable(projectId, datasetId, tableId);
  const live = context.store.livePartitions(table);
  if (decorator === undefined) {
    const ids = [...live.keys()].sort();
    return { table, partitions: ids.map((id) => live.get(id) as StoredPartition) };
  }
  if (!table.timePartitioning) throw notFoundTable(projectId, datasetId, params.tableId ?? '');
  const partition = live.get(decorator);
  return { table, partitions: partition ? [partition] : [] };
}

function locationOf(context: RouteContext, table: StoredTable): string {
  return context.store.getDataset(table.projectId, table.datasetId).location;
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
    handle: (context, { params, body }) => {
      const table = context.store.insertTable(params.projectId ?? '', params.datasetId ?? '', body);
      return { body: tableResource(table, [], locationOf(context, table), context.baseUrl) };
    },
  },
  {
    method: 'GET',
    pattern: '/projects/:projectId/datasets/:datasetId/tables/:tableId',
    operation: 'tables.get',
    handle: (context, { params }) => {
      const { table, partitions } = addressed(context, params);
      return { body: tableResource(table, partitions, locationOf(context, table), context.baseUrl) };
    },
  },
  ...(['PATCH', 'PUT'] as const).map(
    (method): Route => ({
      method,
      pattern: '/projects/:projectId/datasets/:datasetId/tables/:tableId',
      operation: method === 'PATCH' ? 'tables.patch' : 'tables.update',
      handle: (context, { params, body }) => {
        if ((params.tableId ?? '').includes('$')) {
          throw new BigQueryApiError(
            'invalid',
            'Cannot update a partition; update the table without a decorator.',
          );
        }
        const mode = method === 'PATCH' ? 'merge' : 'replace';
        const table = context.store.updateTable(
          params.projectId ?? '',
          params.datasetId ?? '',
          params.tableId ?? '',
          body,
          mode,
        );
        const { partitions } = addressed(context, params);
        return { body: tableResource(table, partitions, locationOf(context, table), context.baseUrl) };
      },
    }),
  ),
  {
    method: 'DELETE',
    pattern: '/projects/:projectId/datasets/:datasetId/tables/:tableId',
    operation: 'tables.delete',
    handle: (context, { params }) => {
      const { table: tableId, decorator } = splitDecorator(params.tableId ?? '');
      if (decorator !== undefined) {
        // Deleting `table$partition` removes that partition, as BigQuery allows.
        const { table } = addressed(context, params);
        context.store.livePartitions(table).delete(decorator);
        return { status: 204 };
      }
      context.store.deleteTable(params.projectId ?? '', params.datasetId ?? '', tableId);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: '/projects/:projectId/datasets/:datasetId/tables/:tableId/data',
    operation: 'tabledata.list',
    handle: (context, { params, query }) => {
      const { table, partitions } = addressed(context, params);
      const rows: StoredRow[] = partitions.flatMap((partition) => partition.rows);
      const { page, nextPageToken } = pageOf(rows, query, DEFAULT_ROWS_PER_PAGE);
      const selected = (query.get('selectedFields') ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean);
      const fields = selected.length
        ? table.schema.filter((field) => selected.includes(field.name.toLowerCase()))
        : table.schema;
      const format = timestampFormatOf(
        query.get('formatOptions.useInt64Timestamp') ?? undefined,
        query.get('formatOptions.timestampOutputFormat') ?? undefined,
      );
      return {
        body: {
          kind: 'bigquery#tableDataList',
          etag: String(table.etag),
          totalRows: String(rows.length),
          pageToken: nextPageToken,
          rows: page.map((row) => encodeRow(fields, row, format)),
        },
      };
    },
  },
];
