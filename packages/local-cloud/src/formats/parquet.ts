// Parquet loads, read by the SQL engine: the file's schema (physical and logical types,
// from `parquet_schema`) is matched against the destination first (parquet-match.ts),
// then its rows go straight into the load job's stage table, each column converted to its
// destination type exactly (DECIMAL stays exact, timestamps keep microseconds).
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DuckDBConnection, type DuckDBType, DuckDBTypeId } from '@duckdb/node-api';
import { status } from '@grpc/grpc-js';
import { columnSqlType, elementSqlType, sqlName, sqlText } from '../bigquery/engine/column-types.js';
import type { FieldSchema } from '../bigquery/model.js';
import { LoadJobError } from '../warehouse-contract.js';
import { checkFields, childNamed, type MatchContext, valueNode } from './parquet-match.js';
import { type ParquetNode, parquetTree } from './parquet-types.js';

export interface ParquetLoad extends MatchContext {
  connection: DuckDBConnection;
  /** Directory the engine may read; the file is written there for the load. */
  stageDir: string;
  /** A unique file name for this load's copy of the file. */
  fileName: string;
  body: Uint8Array;
  /** The stage table, shaped like the destination. */
  stage: string;
  fields: FieldSchema[];
  /** Engine columns after the schema's (an ingestion-time table's _PARTITIONTIME). */
  trailingNulls: number;
}

function readError(uri: string, error: unknown): LoadJobError {
  const detail = ((error as Error).message ?? String(error)).split('\n')[0];
  return new LoadJobError(
    `Error while reading data, error message: Failed to read Parquet file ${uri}: ${detail}`,
    'invalid',
    status.INVALID_ARGUMENT,
  );
}

async function fileSchema(connection: DuckDBConnection, path: string): Promise<ParquetNode> {
  const reader = await connection.runAndReadAll(
    `SELECT name, type, repetition_type, converted_type, logical_type, scale, precision, num_children FROM parquet_schema(${sqlText(path)})`,
  );
  const rows = reader.getRowsJS();
  const nodes = rows.map(([name, physical, repetition, converted, logical, scale, precision]) => ({
    name: String(name),
    physical: physical === null ? null : String(physical),
    repetition: repetition === null ? null : String(repetition),
    converted: converted === null ? null : String(converted),
    logical: logical === null ? null : String(logical),
    scale: scale === null ? null : Number(scale),
    precision: precision === null ? null : Number(precision),
    children: [],
  }));
  return parquetTree(
    nodes,
    rows.map((row) => Number(row[7] ?? 0)),
  );
}

/** The engine's own reading of each top-level column, to pick conversions. */
async function readTypes(connection: DuckDBConnection, path: string): Promise<Map<string, DuckDBType>> {
  const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet(${sqlText(path)}) LIMIT 0`);
  const names = reader.columnNames();
  const types = reader.columnTypes();
  return new Map(names.map((name, index) => [name.toLowerCase(), types[index] as DuckDBType]));
}

function memberType(type: DuckDBType | undefined, name: string): DuckDBType | undefined {
  if (type?.typeId !== DuckDBTypeId.STRUCT) return undefined;
  const index = type.entryNames.findIndex((entry) => entry.toLowerCase() === name.toLowerCase());
  return index < 0 ? undefined : type.entryTypes[index];
}

/** One column of the file on its way to a destination field. */
interface FileColumn {
  /** The destination field it becomes. */
  field: FieldSchema;
  /** Its node in the file's schema. */
  node: ParquetNode;
  /** The engine's reading of it, when known. */
  type: DuckDBType | undefined;
  /** SQL naming its value: a column, a struct member or a list element. */
  ref: string;
  /** Nesting depth, to name list elements uniquely (`item0`, `item1`, …). */
  depth: number;
}

function scalarSql(column: FileColumn): string {
  const { field, type, ref } = column;
  if (field.type === 'RECORD') return recordSql(column);
  const text = type?.typeId === DuckDBTypeId.BLOB ? `decode(${ref})` : `CAST(${ref} AS VARCHAR)`;
  switch (field.type) {
    case 'STRING':
    case 'GEOGRAPHY':
      return text;
    case 'JSON':
      return `json(${text})`;
    case 'BIGNUMERIC':
      return `regexp_replace(regexp_replace(${text}, '(\\.\\d*?)0+$', '\\1'), '\\.$', '')`;
    default:
      return `CAST(${ref} AS ${elementSqlType(field)})`;
  }
}

function recordSql({ field, node, type, ref, depth }: FileColumn): string {
  const members = (field.fields ?? []).map((child) => {
    const childNode = childNamed(node, child.name);
    const value = childNode
      ? valueSql({
          field: child,
          node: childNode,
          type: memberType(type, childNode.name),
          ref: `struct_extract(${ref}, ${sqlText(childNode.name)})`,
          depth,
        })
      : `CAST(NULL AS ${columnSqlType(child)})`;
    return `${sqlName(child.name)} := ${value}`;
  });
  return `CASE WHEN ${ref} IS NULL THEN NULL ELSE struct_pack(${members.join(', ')}) END`;
}

/** SQL converting one file column (at `ref`) to the destination field's engine type. */
function valueSql(column: FileColumn): string {
  const { field, node, type, ref, depth } = column;
  if (field.mode !== 'REPEATED') return scalarSql(column);
  const elementType =
    type?.typeId === DuckDBTypeId.LIST || type?.typeId === DuckDBTypeId.ARRAY ? type.valueType : undefined;
  const item = `item${depth}`;
  const converted = scalarSql({
    field,
    node: valueNode(node),
    type: elementType,
    ref: item,
    depth: depth + 1,
  });
  // BigQuery stores a NULL array as an empty one.
  return `coalesce(list_transform(${ref}, lambda ${item}: ${converted}), CAST([] AS ${columnSqlType(field)}))`;
}

function selectSql(load: ParquetLoad, root: ParquetNode, types: Map<string, DuckDBType>): string {
  const columns = load.fields.map((field) => {
    const node = childNamed(root, field.name);
    if (!node) return `CAST(NULL AS ${columnSqlType(field)})`;
    return valueSql({
      field,
      node,
      type: types.get(node.name.toLowerCase()),
      ref: sqlName(node.name),
      depth: 0,
    });
  });
  for (let index = 0; index < load.trailingNulls; index += 1) columns.push('NULL');
  return columns.join(', ');
}

/** Checks one Parquet file against the destination and appends its rows to the stage. */
export async function loadParquet(load: ParquetLoad): Promise<void> {
  const path = join(load.stageDir, load.fileName);
  await writeFile(path, load.body);
  try {
    await loadFile(load, path);
  } finally {
    await rm(path, { force: true });
  }
}

async function loadFile(load: ParquetLoad, path: string): Promise<void> {
  let root: ParquetNode;
  let types: Map<string, DuckDBType>;
  try {
    root = await fileSchema(load.connection, path);
    types = await readTypes(load.connection, path);
  } catch (error) {
    throw readError(load.uri, error);
  }
  checkFields(load.fields, root, '', load);
  try {
    await load.connection.run(
      `INSERT INTO ${sqlName(load.stage)} SELECT ${selectSql(load, root, types)} FROM read_parquet(${sqlText(path)})`,
    );
  } catch (error) {
    const detail = ((error as Error).message ?? '').split('\n')[0];
    throw new LoadJobError(
      `Error while reading data, error message: ${detail} File: ${load.uri}`,
      'invalid',
      status.INVALID_ARGUMENT,
    );
  }
}
