// Runs a parsed query against the store: INFORMATION_SCHEMA.PARTITIONS rows (the real
// API's way to read per-partition counts back) or a COUNT(*), honouring
// requirePartitionFilter the way BigQuery does.
import { BigQueryApiError, notFoundDataset, notFoundTable } from './errors.js';
import type { FieldSchema, StoredRow } from './model.js';
import { partitionIdOfCivil, partitionIdOfInstant } from './partition-ids.js';
import type { ParsedQuery, PartitionsColumn } from './query-parser.js';
import type { Store } from './store.js';
import { parseTimestampMicros } from './values.js';

export interface QueryResult {
  schema: FieldSchema[];
  rows: StoredRow[];
}

const PARTITIONS_TYPES: Record<PartitionsColumn, string> = {
  table_catalog: 'STRING',
  table_schema: 'STRING',
  table_name: 'STRING',
  partition_id: 'STRING',
  total_rows: 'INTEGER',
  total_logical_bytes: 'INTEGER',
  last_modified_time: 'TIMESTAMP',
  storage_tier: 'STRING',
};

export function runQuery(store: Store, query: ParsedQuery, defaultProject: string): QueryResult {
  const projectId = query.projectId ?? defaultProject;
  if (!store.hasDataset(projectId, query.datasetId)) {
    throw notFoundDataset(projectId, query.datasetId);
  }
  return query.kind === 'partitions'
    ? partitionsRows(store, projectId, query)
    : countRows(store, projectId, query);
}

function partitionsRows(
  store: Store,
  projectId: string,
  query: Extract<ParsedQuery, { kind: 'partitions' }>,
): QueryResult {
  const tables = store
    .listTables(projectId, query.datasetId)
    .filter((table) => query.tableName === undefined || table.tableId === query.tableName);
  const wanted = query.partitionIds ? new Set(query.partitionIds) : undefined;
  const rows: StoredRow[] = [];
  for (const table of tables) {
    const live = store.livePartitions(table);
    for (const id of [...live.keys()].sort()) {
      const partition = live.get(id)!;
      if (wanted && !wanted.has(id)) continue;
      const full: Record<PartitionsColumn, StoredRow[string]> = {
        table_catalog: projectId,
        table_schema: query.datasetId,
        table_name: table.tableId,
        partition_id: id,
        total_rows: String(partition.rows.length),
        total_logical_bytes: String(partition.bytes),
        last_modified_time: BigInt(partition.lastModifiedMs) * 1000n,
        storage_tier: 'ACTIVE',
      };
      const row: StoredRow = {};
      for (const { column, alias } of query.columns) row[alias] = full[column];
      rows.push(row);
    }
  }
  if (query.descending) rows.reverse();
  const schema = query.columns.map(({ column, alias }) => ({
    name: alias,
    type: PARTITIONS_TYPES[column],
    mode: 'NULLABLE',
  }));
  return { schema, rows };
}

function countRows(
  store: Store,
  projectId: string,
  query: Extract<ParsedQuery, { kind: 'count' }>,
): QueryResult {
  let table: ReturnType<Store['getTable']>;
  try {
    table = store.getTable(projectId, query.datasetId, query.tableId);
  } catch {
    throw notFoundTable(projectId, query.datasetId, query.tableId);
  }
  const partitioning = table.timePartitioning;
  const partitions = store.livePartitions(table);
  let count = 0;
  if (!query.filter) {
    if (table.requirePartitionFilter && partitioning) {
      const columns = partitioning.field
        ? `'${partitioning.field}'`
        : "'_PARTITION_LOAD_TIME', '_PARTITIONDATE', '_PARTITIONTIME'";
      throw new BigQueryApiError(
        'invalidQuery',
        `Cannot query over table '${query.datasetId}.${query.tableId}' without a filter over column(s) ${columns} that can be used for partition elimination`,
      );
    }
    for (const partition of partitions.values()) count += partition.rows.length;
  } else {
    const partitionId = filterPartition(query.filter, partitioning, query.tableId);
    count = partitions.get(partitionId)?.rows.length ?? 0;
  }
  return {
    schema: [{ name: query.alias, type: 'INTEGER', mode: 'NULLABLE' }],
    rows: [{ [query.alias]: String(count) }],
  };
}

/** The one partition an equality filter selects, for the filters the runner supports. */
function filterPartition(
  filter: { column: string; value: string },
  partitioning: ReturnType<Store['getTable']>['timePartitioning'],
  tableId: string,
): string {
  const refuse = (detail: string) => new BigQueryApiError('invalidQuery', `${detail} (table ${tableId})`);
  if (!partitioning) throw refuse('COUNT(*) filters are supported on partitioned tables only');
  const column = filter.column.toLowerCase();
  if (!partitioning.field && (column === '_partitiontime' || column === '_partitiondate')) {
    const micros = parseTimestampMicros(filter.value);
    if (micros === undefined) throw refuse(`Could not cast literal "${filter.value}" to type TIMESTAMP`);
    return partitionIdOfInstant(
      Number(micros / 1000n),
      column === '_partitiondate' ? 'DAY' : partitioning.type,
    );
  }
  if (
    partitioning.field &&
    column === partitioning.field.toLowerCase() &&
    /^\d{4}-\d{2}-\d{2}$/.test(filter.value)
  ) {
    return partitionIdOfCivil(filter.value, 'DAY');
  }
  throw refuse(
    `the local cloud's COUNT(*) filters only on _PARTITIONTIME/_PARTITIONDATE (ingestion-time tables) or a DATE partition column compared to 'YYYY-MM-DD'`,
  );
}
