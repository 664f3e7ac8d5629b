// Parquet footer → BigQuery schema, by the mapping BigQuery applies when it infers a
// table's schema from Parquet: INT32/INT64 → INTEGER, FLOAT/DOUBLE → FLOAT, BOOLEAN,
// strings (UTF8/STRING/ENUM) → STRING, other byte arrays → BYTES, DATE, TIME,
// TIMESTAMP_* / INT96 → TIMESTAMP (DATETIME when not adjusted to UTC), DECIMAL → NUMERIC
// or BIGNUMERIC by precision and scale, JSON → JSON, LIST → REPEATED, groups → RECORD.
// It imports nothing from the emulator, so the product may use it to infer schemas.
import { type FileMetaData, parquetMetadata, parquetSchema, type SchemaTree } from 'hyparquet';
import type { SchemaField } from '../../spec/types.js';

type Mode = 'NULLABLE' | 'REQUIRED' | 'REPEATED';

/** The BigQuery schema of a Parquet file's bytes (reads the footer only). */
export function bigQuerySchemaFromParquetFile(body: Uint8Array): SchemaField[] {
  const file = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  return bigQuerySchemaFromParquet(parquetMetadata(file));
}

/** The BigQuery schema of parsed Parquet metadata (hyparquet's `parquetMetadata`). */
export function bigQuerySchemaFromParquet(metadata: FileMetaData): SchemaField[] {
  return parquetSchema(metadata).children.map((child) => toField(child));
}

function modeOf(node: SchemaTree): Mode {
  const repetition = node.element.repetition_type;
  if (repetition === 'REPEATED') return 'REPEATED';
  if (repetition === 'REQUIRED') return 'REQUIRED';
  return 'NULLABLE';
}

function isList(node: SchemaTree): boolean {
  return node.element.converted_type === 'LIST' || node.element.logical_type?.type === 'LIST';
}

function isMap(node: SchemaTree): boolean {
  const converted = node.element.converted_type;
  return converted === 'MAP' || converted === 'MAP_KEY_VALUE' || node.element.logical_type?.type === 'MAP';
}

function toField(node: SchemaTree, forcedMode?: Mode): SchemaField {
  const name = node.element.name;
  if (isList(node)) {
    // LIST → repeated group → element (3-level); a repeated group of several fields is
    // itself the element (legacy 2-level lists).
    const repeated = node.children[0];
    if (!repeated) throw new Error(`Parquet LIST column ${name} has no element.`);
    const element = repeated.children.length === 1 && repeated.children[0] ? repeated.children[0] : repeated;
    const inner = element === repeated ? toRecord(repeated, 'REPEATED') : toField(element, 'REPEATED');
    return { ...inner, name };
  }
  if (isMap(node)) {
    const keyValue = node.children[0];
    if (!keyValue) throw new Error(`Parquet MAP column ${name} has no key_value group.`);
    return { ...toRecord(keyValue, 'REPEATED'), name };
  }
  if (node.children.length > 0) return toRecord(node, forcedMode ?? modeOf(node));
  return { name, type: scalarType(node), mode: forcedMode ?? modeOf(node) };
}

function toRecord(node: SchemaTree, mode: Mode): SchemaField {
  return {
    name: node.element.name,
    type: 'RECORD',
    mode,
    fields: node.children.map((child) => toField(child)),
  };
}

function scalarType(node: SchemaTree): SchemaField['type'] {
  const { type, converted_type: converted, logical_type: logical, precision, scale } = node.element;
  if (converted === 'DECIMAL' || logical?.type === 'DECIMAL') {
    const p = logical?.type === 'DECIMAL' ? logical.precision : (precision ?? 38);
    const s = logical?.type === 'DECIMAL' ? logical.scale : (scale ?? 0);
    return s <= 9 && p - s <= 29 ? 'NUMERIC' : 'BIGNUMERIC';
  }
  if (converted === 'DATE' || logical?.type === 'DATE') return 'DATE';
  if (logical?.type === 'TIME' || converted === 'TIME_MILLIS' || converted === 'TIME_MICROS') return 'TIME';
  if (logical?.type === 'TIMESTAMP') return logical.isAdjustedToUTC ? 'TIMESTAMP' : 'DATETIME';
  if (converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS' || type === 'INT96')
    return 'TIMESTAMP';
  if (converted === 'JSON' || logical?.type === 'JSON') return 'JSON';
  if (
    converted === 'UTF8' ||
    converted === 'ENUM' ||
    logical?.type === 'STRING' ||
    logical?.type === 'ENUM'
  ) {
    return 'STRING';
  }
  switch (type) {
    case 'BOOLEAN':
      return 'BOOLEAN';
    case 'INT32':
    case 'INT64':
      return 'INTEGER';
    case 'FLOAT':
    case 'DOUBLE':
      return 'FLOAT';
    default:
      return 'BYTES';
  }
}
