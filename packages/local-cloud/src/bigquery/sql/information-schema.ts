// A dataset's INFORMATION_SCHEMA views as engine subqueries built from the catalog:
// PARTITIONS (rows and logical bytes counted from the engine tables, one row with a NULL
// partition_id for an unpartitioned table), TABLES and COLUMNS (with the hidden
// _PARTITIONTIME/_PARTITIONDATE of ingestion-time tables, as BigQuery lists them).
import { sqlName, sqlText } from '../engine/column-types.js';
import { partitionIdSql } from '../engine/partition-sql.js';
import { rowBytesSql } from '../engine/table-storage.js';
import {
  type FieldSchema,
  isIngestionTime,
  isPartitioned,
  PARTITION_DATE,
  PARTITION_TIME,
  type StoredDataset,
  type StoredTable,
} from '../model.js';
import { unsupported } from './type-names.js';

const SQL_TYPE_OF: Record<string, string> = { INTEGER: 'INT64', FLOAT: 'FLOAT64', BOOLEAN: 'BOOL' };

/** A field's type as GoogleSQL spells it in DDL: INT64, ARRAY<STRING>, STRUCT<a INT64>. */
function sqlTypeName(field: FieldSchema): string {
  const base =
    field.type === 'RECORD'
      ? `STRUCT<${(field.fields ?? []).map((child) => `${child.name} ${sqlTypeName(child)}`).join(', ')}>`
      : (SQL_TYPE_OF[field.type] ?? field.type);
  return field.mode === 'REPEATED' ? `ARRAY<${base}>` : base;
}

const timestamp = (ms: number): string => `TIMESTAMPTZ '${new Date(ms).toISOString()}'`;

function partitionsOf(table: StoredTable): string {
  const names = `${sqlText(table.projectId)} AS table_catalog, ${sqlText(table.datasetId)} AS table_schema, ${sqlText(table.tableId)} AS table_name`;
  const source = sqlName(table.storage);
  const bytes = `CAST(coalesce(sum(${rowBytesSql(table)}), 0) AS BIGINT)`;
  if (!isPartitioned(table)) {
    return `SELECT ${names}, CAST(NULL AS VARCHAR) AS partition_id, CAST(count(*) AS BIGINT) AS total_rows, ${bytes} AS total_logical_bytes, ${timestamp(table.lastModifiedTime)} AS last_modified_time, 'ACTIVE' AS storage_tier FROM ${source}`;
  }
  const modified = [...table.partitionModified].map(
    ([id, ms]) => `WHEN ${sqlText(id)} THEN ${timestamp(ms)}`,
  );
  const fallback = timestamp(table.lastModifiedTime);
  const lastModified = modified.length
    ? `CASE partition_id ${modified.join(' ')} ELSE ${fallback} END`
    : fallback;
  return `SELECT *, ${lastModified} AS last_modified_time, 'ACTIVE' AS storage_tier FROM (SELECT ${names}, ${partitionIdSql(table)} AS partition_id, CAST(count(*) AS BIGINT) AS total_rows, ${bytes} AS total_logical_bytes FROM ${source} GROUP BY ALL)`;
}

const PARTITIONS_EMPTY =
  'SELECT CAST(NULL AS VARCHAR) AS table_catalog, CAST(NULL AS VARCHAR) AS table_schema, CAST(NULL AS VARCHAR) AS table_name, CAST(NULL AS VARCHAR) AS partition_id, CAST(NULL AS BIGINT) AS total_rows, CAST(NULL AS BIGINT) AS total_logical_bytes, CAST(NULL AS TIMESTAMPTZ) AS last_modified_time, CAST(NULL AS VARCHAR) AS storage_tier WHERE false';

function tableDdl(table: StoredTable): string {
  const name = `\`${table.projectId}.${table.datasetId}.${table.tableId}\``;
  if (table.kind === 'VIEW') return `CREATE VIEW ${name}\nAS ${table.viewQuery ?? ''};`;
  const columns = table.schema.map(
    (field) => `  ${field.name} ${sqlTypeName(field)}${field.mode === 'REQUIRED' ? ' NOT NULL' : ''}`,
  );
  return `CREATE TABLE ${name}\n(\n${columns.join(',\n')}\n);`;
}

function tablesRow(table: StoredTable): string {
  const kind = table.kind === 'VIEW' ? 'VIEW' : 'BASE TABLE';
  return `SELECT ${sqlText(table.projectId)} AS table_catalog, ${sqlText(table.datasetId)} AS table_schema, ${sqlText(table.tableId)} AS table_name, '${kind}' AS table_type, '${table.kind === 'VIEW' ? 'NO' : 'YES'}' AS is_insertable_into, 'NO' AS is_typed, ${timestamp(table.creationTime)} AS creation_time, ${sqlText(tableDdl(table))} AS ddl`;
}

function columnRows(table: StoredTable): string[] {
  const prefix = `${sqlText(table.projectId)} AS table_catalog, ${sqlText(table.datasetId)} AS table_schema, ${sqlText(table.tableId)} AS table_name`;
  const partitionField = table.timePartitioning?.field ?? table.rangePartitioning?.field;
  const rows = table.schema.map((field, index) => {
    const clusterAt = (table.clustering ?? []).indexOf(field.name);
    return `SELECT ${prefix}, ${sqlText(field.name)} AS column_name, ${index + 1} AS ordinal_position, '${field.mode === 'REQUIRED' ? 'NO' : 'YES'}' AS is_nullable, ${sqlText(sqlTypeName(field))} AS data_type, 'NO' AS is_hidden, 'NO' AS is_system_defined, '${field.name === partitionField ? 'YES' : 'NO'}' AS is_partitioning_column, ${clusterAt < 0 ? 'CAST(NULL AS BIGINT)' : clusterAt + 1} AS clustering_ordinal_position`;
  });
  if (isIngestionTime(table)) {
    for (const [name, type] of [
      [PARTITION_TIME, 'TIMESTAMP'],
      [PARTITION_DATE, 'DATE'],
    ]) {
      rows.push(
        `SELECT ${prefix}, '${name}', NULL, 'YES', '${type}', 'YES', 'YES', 'YES', CAST(NULL AS BIGINT)`,
      );
    }
  }
  return rows;
}

/** A stand-in table, so an empty dataset's views still have their columns. */
function blankTable(): StoredTable {
  return {
    projectId: '',
    datasetId: '',
    tableId: '',
    kind: 'TABLE',
    schema: [{ name: '', type: 'STRING' }],
    requirePartitionFilter: false,
    labels: {},
    creationTime: 0,
    lastModifiedTime: 0,
    etag: 0,
    storage: '',
    partitionModified: new Map(),
    recentInsertIds: new Map(),
  };
}

const unionOrEmpty = (rows: string[], empty: string): string =>
  rows.length > 0 ? rows.join(' UNION ALL ') : `${empty} WHERE false`;

/**
 * The subquery for `dataset.INFORMATION_SCHEMA.<view>`, and the tables it reads: every
 * table of the dataset, or only `onlyTable` when the query filters on that table_name
 * (table-name-filter.ts says when).
 */
export function informationSchemaSql(
  dataset: StoredDataset,
  view: string,
  onlyTable?: string,
): { sql: string; tables: StoredTable[] } {
  const named = onlyTable === undefined ? undefined : dataset.tables.get(onlyTable);
  const all = onlyTable === undefined ? [...dataset.tables.values()] : named ? [named] : [];
  const tables = all.sort((a, b) => a.tableId.localeCompare(b.tableId));
  switch (view) {
    case 'PARTITIONS': {
      const stored = tables.filter(
        (table) => table.kind === 'TABLE' && table.schema.length + (isIngestionTime(table) ? 1 : 0) > 0,
      );
      const parts = stored.map(partitionsOf);
      return { sql: parts.length ? parts.join(' UNION ALL ') : PARTITIONS_EMPTY, tables: stored };
    }
    case 'TABLES':
      return { sql: unionOrEmpty(tables.map(tablesRow), tablesRow(blankTable())), tables: [] };
    case 'COLUMNS':
      return {
        sql: unionOrEmpty(tables.flatMap(columnRows), columnRows(blankTable())[0] ?? ''),
        tables: [],
      };
    default:
      throw unsupported(`INFORMATION_SCHEMA.${view} (the local cloud serves PARTITIONS, TABLES and COLUMNS)`);
  }
}
