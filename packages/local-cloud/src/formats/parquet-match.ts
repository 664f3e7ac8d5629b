// Matches a Parquet file's schema against the destination table's before a load reads a
// single row, as BigQuery does: every column by name (case-insensitive), its mode (a LIST
// only into REPEATED, OPTIONAL never into REQUIRED) and its type (parquet-types.ts). A
// mismatch fails the whole load job, naming the column and the file, in BigQuery's words
// ("Provided Schema does not match Table … Field x has changed type from STRING to
// INTEGER"); Parquet loads have no bad records to skip.
import { status } from '@grpc/grpc-js';
import type { FieldSchema } from '../bigquery/model.js';
import { LoadJobError } from '../warehouse-contract.js';
import { isMap, leafTyping, listElement, type ParquetNode } from './parquet-types.js';

export interface MatchContext {
  /** `project:dataset.table`. */
  table: string;
  uri: string;
  ignoreUnknownValues: boolean;
}

function schemaMismatch(context: MatchContext, detail: string): LoadJobError {
  return new LoadJobError(
    `Provided Schema does not match Table ${context.table}. ${detail}. File: ${context.uri}`,
    'invalid',
    status.INVALID_ARGUMENT,
  );
}

/** The file's child named like the field (BigQuery column names ignore case). */
export function childNamed(node: ParquetNode, name: string): ParquetNode | undefined {
  const lower = name.toLowerCase();
  return node.children.find((child) => child.name.toLowerCase() === lower);
}

const modeName = (node: ParquetNode): string => (node.repetition === 'REQUIRED' ? 'REQUIRED' : 'NULLABLE');

function checkMode(field: FieldSchema, node: ParquetNode, path: string, context: MatchContext): void {
  const repeated = listElement(node) !== undefined || node.repetition === 'REPEATED';
  const mode = field.mode ?? 'NULLABLE';
  if (mode === 'REPEATED' && !repeated) {
    throw schemaMismatch(context, `Field ${path} has changed mode from REPEATED to ${modeName(node)}`);
  }
  if (mode !== 'REPEATED' && repeated) {
    throw schemaMismatch(context, `Field ${path} has changed mode from ${mode} to REPEATED`);
  }
  if (mode === 'REQUIRED' && node.repetition !== 'REQUIRED') {
    throw schemaMismatch(context, `Field ${path} has changed mode from REQUIRED to NULLABLE`);
  }
}

/** The node holding one value of the column: a LIST's element, or the column itself. */
export function valueNode(node: ParquetNode): ParquetNode {
  return listElement(node) ?? node;
}

function checkType(field: FieldSchema, node: ParquetNode, path: string, context: MatchContext): void {
  const value = valueNode(node);
  if (isMap(value)) {
    throw schemaMismatch(context, `Field ${path} is a Parquet MAP, which the local cloud cannot load`);
  }
  const isGroup = value.children.length > 0;
  if (field.type === 'RECORD') {
    if (!isGroup) {
      throw schemaMismatch(
        context,
        `Field ${path} has changed type from RECORD to ${leafTyping(value).type}`,
      );
    }
    checkFields(field.fields ?? [], value, `${path}.`, context);
    return;
  }
  if (isGroup) throw schemaMismatch(context, `Field ${path} has changed type from ${field.type} to RECORD`);
  const typing = leafTyping(value);
  if (!typing.accepts.includes(field.type)) {
    throw schemaMismatch(context, `Field ${path} has changed type from ${field.type} to ${typing.type}`);
  }
}

/** Checks the fields of a table (or record) against a file group; throws a LoadJobError. */
export function checkFields(
  fields: FieldSchema[],
  group: ParquetNode,
  prefix: string,
  context: MatchContext,
): void {
  for (const field of fields) {
    const path = `${prefix}${field.name}`;
    const node = childNamed(group, field.name);
    if (!node) {
      if (field.mode === 'REQUIRED') throw schemaMismatch(context, `Field ${path} is missing in new schema`);
      continue;
    }
    checkMode(field, node, path, context);
    checkType(field, node, path, context);
  }
  if (context.ignoreUnknownValues) return;
  const known = new Set(fields.map((field) => field.name.toLowerCase()));
  const extra = group.children.find((child) => !known.has(child.name.toLowerCase()));
  if (extra) throw schemaMismatch(context, `Cannot add fields (field: ${prefix}${extra.name})`);
}
