// Parquet schema → BigQuery schema, the way BigQuery maps a Parquet file on load: the pure
// mapping used to infer a table's schema from a file footer. Shared by the lifecycle and,
// if it wishes, the local cloud's BigQuery (the product never imports emulator code).
import type { SchemaElement, SchemaTree } from 'hyparquet';
import type { BigQueryField } from './bigquery.js';

function leafType(element: SchemaElement): string {
  const logical = element.logical_type;
  if (logical) {
    switch (logical.type) {
      case 'STRING':
      case 'ENUM':
      case 'UUID':
        return 'STRING';
      case 'JSON':
        return 'JSON';
      case 'DATE':
        return 'DATE';
      case 'TIME':
        return 'TIME';
      case 'TIMESTAMP':
        return logical.isAdjustedToUTC ? 'TIMESTAMP' : 'DATETIME';
      case 'DECIMAL':
        return logical.precision - logical.scale > 29 || logical.scale > 9 ? 'BIGNUMERIC' : 'NUMERIC';
      case 'INTEGER':
        return 'INTEGER';
      case 'FLOAT16':
        return 'FLOAT';
      case 'GEOGRAPHY':
      case 'GEOMETRY':
        return 'GEOGRAPHY';
      default:
        break;
    }
  }
  switch (element.converted_type) {
    case 'UTF8':
    case 'ENUM':
      return 'STRING';
    case 'JSON':
      return 'JSON';
    case 'DATE':
      return 'DATE';
    case 'TIME_MILLIS':
    case 'TIME_MICROS':
      return 'TIME';
    case 'TIMESTAMP_MILLIS':
    case 'TIMESTAMP_MICROS':
      return 'TIMESTAMP';
    case 'DECIMAL':
      return (element.precision ?? 38) - (element.scale ?? 0) > 29 || (element.scale ?? 0) > 9
        ? 'BIGNUMERIC'
        : 'NUMERIC';
    default:
      break;
  }
  switch (element.type) {
    case 'BOOLEAN':
      return 'BOOLEAN';
    case 'INT32':
    case 'INT64':
      return 'INTEGER';
    case 'INT96':
      return 'TIMESTAMP';
    case 'FLOAT':
    case 'DOUBLE':
      return 'FLOAT';
    default:
      return 'BYTES';
  }
}

function mode(element: SchemaElement): string {
  if (element.repetition_type === 'REQUIRED') return 'REQUIRED';
  if (element.repetition_type === 'REPEATED') return 'REPEATED';
  return 'NULLABLE';
}

/** A LIST group (`list.element` or legacy `array`) becomes a REPEATED field of its element. */
function listElement(node: SchemaTree): SchemaTree | undefined {
  const isList = node.element.logical_type?.type === 'LIST' || node.element.converted_type === 'LIST';
  if (!isList || node.children.length !== 1) return undefined;
  const repeated = node.children[0]!;
  if (repeated.children.length === 1) return repeated.children[0];
  return repeated;
}

function toField(node: SchemaTree): BigQueryField {
  const element = node.element;
  const inner = listElement(node);
  if (inner) {
    const field = toField(inner);
    return { ...field, name: element.name, mode: 'REPEATED' };
  }
  if (node.children.length > 0) {
    return { name: element.name, type: 'RECORD', mode: mode(element), fields: node.children.map(toField) };
  }
  return { name: element.name, type: leafType(element), mode: mode(element) };
}

/** The BigQuery fields of a Parquet schema tree (as `parquetSchema(metadata)` returns). */
export function parquetSchemaToBigQuery(root: SchemaTree): BigQueryField[] {
  return root.children.map(toField);
}
