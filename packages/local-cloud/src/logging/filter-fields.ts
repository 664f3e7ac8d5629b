// Field paths of a filter, checked against the LogEntry schema and read from an entry's
// view. The reference's three cases: a field defined by LogEntry is "defaulted" (absent,
// it compares as its default: "", 0, false, DEFAULT); a key of `labels` / `resource.labels`
// or anything inside a payload is "missing" when absent (every comparison fails, `!=`
// included; only NOT turns it true); any other path is undefined and refused before the
// query runs.

import {
  camelCaseOf,
  type FieldSchema,
  isMessage,
  LOG_ENTRY_SCHEMA,
  type ScalarType,
} from './entry-schema.js';
import { isViewNode, type ViewValue } from './entry-view.js';
import type { FieldPath } from './filter-ast.js';
import { decodeRaw } from './filter-escapes.js';
import { filterError } from './filter-parser.js';
import { Instant, Severity, Span } from './log-values.js';

export interface ResolvedField {
  path: FieldPath;
  segments: string[];
  /** A LogEntry scalar; `node` a message, map or payload root; `dynamic` inside a map or payload. */
  type: ScalarType | 'node' | 'dynamic';
  /** For defaulted (LogEntry-defined) scalars: the value an absent field compares as. */
  defaultValue?: ViewValue;
}

const DEFAULTS: Record<ScalarType, ViewValue> = {
  string: '',
  number: 0,
  bool: false,
  timestamp: new Instant(0n),
  duration: new Span(0n),
  severity: new Severity(0, 'DEFAULT'),
};

function unknownField(filter: string, path: FieldPath, index: number, schema: Record<string, FieldSchema>) {
  const name = path.segments[index] ?? '';
  const parent = path.segments.slice(0, index).join('.');
  const suggestion = schema[camelCaseOf(name)] ? ` Did you mean "${camelCaseOf(name)}"?` : '';
  const where = parent ? `"${parent}" has no field "${name}".` : `"${name}" is not a LogEntry field.`;
  return filterError(
    filter,
    path.positions[index] ?? path.at,
    `${where}${suggestion} Fields: ${Object.keys(schema).join(', ')}.`,
  );
}

/** Checks `path` against the LogEntry schema; throws INVALID_ARGUMENT at the bad segment. */
export function resolveField(written: FieldPath, filter: string): ResolvedField {
  const segments = written.segments.map((raw, index) =>
    decodeRaw(raw, written.quoted[index] ?? false, written.positions[index] ?? written.at, filter),
  );
  const path: FieldPath = { ...written, segments };
  let schema: FieldSchema = LOG_ENTRY_SCHEMA;
  for (const [index, segment] of path.segments.entries()) {
    if (!isMessage(schema)) {
      if (schema === 'struct' || schema === 'any') return { path, segments: path.segments, type: 'dynamic' };
      const parent = path.segments.slice(0, index).join('.');
      if (schema === 'map') {
        if (index === path.segments.length - 1) return { path, segments: path.segments, type: 'dynamic' };
        const problem = `a key of "${parent}" that holds "." must be quoted, e.g. ${parent}."${path.segments.slice(index).join('.')}".`;
        throw filterError(filter, path.positions[index] ?? path.at, problem);
      }
      throw filterError(
        filter,
        path.positions[index] ?? path.at,
        `"${parent}" is a ${schema} and has no fields.`,
      );
    }
    const child: FieldSchema | undefined = schema[segment];
    if (child === undefined) throw unknownField(filter, path, index, schema);
    schema = child;
  }
  if (isMessage(schema) || schema === 'map' || schema === 'struct' || schema === 'any') {
    return { path, segments: path.segments, type: 'node' };
  }
  return { path, segments: path.segments, type: schema, defaultValue: DEFAULTS[schema] };
}

/** Every value at `segments` under `node`; arrays met on the way fan out. */
function lookup(node: ViewValue, segments: string[], index: number): ViewValue[] {
  if (index === segments.length) return [node];
  if (Array.isArray(node)) return node.flatMap((item) => lookup(item, segments, index));
  if (!isViewNode(node)) return [];
  const child = node[segments[index] ?? ''];
  return child === undefined ? [] : lookup(child, segments, index + 1);
}

/** The field's values in an entry's view; a defaulted field's default when it is absent. */
export function readField(view: ViewValue, field: ResolvedField): ViewValue[] {
  const values = lookup(view, field.segments, 0);
  if (values.length === 0 && field.defaultValue !== undefined) return [field.defaultValue];
  return values;
}

/** `field:*`: whether the field is explicitly present (a default does not count). */
export function fieldPresent(view: ViewValue, field: ResolvedField): boolean {
  return lookup(view, field.segments, 0).length > 0;
}
