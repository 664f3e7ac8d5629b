// Query parameters as jobs.query / jobs.insert carry them (`queryParameters` with
// `parameterType` and `parameterValue`, named or positional) → typed engine bindings.
// Each value is read by its declared type with the same rules as loaded data, so a
// parameter BigQuery would refuse is refused here too.
import { type DuckDBType, type DuckDBValue, LIST, listValue, STRUCT, structValue } from '@duckdb/node-api';
import { columnType } from '../engine/column-types.js';
import { engineValue } from '../engine/engine-values.js';
import { BigQueryApiError } from '../errors.js';
import type { FieldSchema } from '../model.js';
import { canonicalType } from '../schema-rules.js';
import { convertField, RowError } from '../values.js';

interface ParameterType {
  type?: string;
  arrayType?: ParameterType;
  structTypes?: { name?: string; type?: ParameterType }[];
}

interface ParameterValue {
  value?: unknown;
  arrayValues?: ParameterValue[];
  structValues?: Record<string, ParameterValue>;
}

interface Binding {
  value: DuckDBValue;
  type: DuckDBType;
}

export interface QueryParams {
  /** By lower-case name. */
  named: Map<string, Binding>;
  positional: Binding[];
}

function invalid(message: string): BigQueryApiError {
  return new BigQueryApiError('invalid', message);
}

function scalarBinding(type: string, value: ParameterValue | undefined, where: string): Binding {
  const canonical = canonicalType(type);
  if (canonical === 'INTERVAL' || canonical === 'RANGE') {
    throw new BigQueryApiError(
      'invalidQuery',
      `The local cloud does not support ${canonical} query parameters (${where}).`,
    );
  }
  const field: FieldSchema = { name: where, type: canonical, mode: 'NULLABLE' };
  let engineType: DuckDBType;
  try {
    engineType = columnType(field);
  } catch {
    throw invalid(`Invalid query parameter type ${type} for ${where}.`);
  }
  const raw = value?.value;
  if (raw === undefined || raw === null) return { value: null, type: engineType };
  try {
    return {
      value: engineValue(field, convertField(field, raw, { ignoreUnknownValues: false })),
      type: engineType,
    };
  } catch (error) {
    if (!(error instanceof RowError)) throw error;
    throw invalid(`Invalid value for query parameter ${where} of type ${type}: ${String(raw)}`);
  }
}

function binding(type: ParameterType | undefined, value: ParameterValue | undefined, where: string): Binding {
  const name = String(type?.type ?? '').toUpperCase();
  if (!name) throw invalid(`Query parameter ${where} needs a parameterType.type.`);
  if (name === 'ARRAY') {
    const items = (value?.arrayValues ?? []).map((item, index) =>
      binding(type?.arrayType, item, `${where}[${index}]`),
    );
    const elementType = binding(type?.arrayType, undefined, `${where}[]`).type;
    const isNull = value === undefined || (value.arrayValues === undefined && value.value === null);
    return { value: isNull ? null : listValue(items.map((item) => item.value)), type: LIST(elementType) };
  }
  if (name === 'STRUCT') {
    const members: Record<string, DuckDBType> = {};
    const values: Record<string, DuckDBValue> = {};
    for (const [index, member] of (type?.structTypes ?? []).entries()) {
      const memberName = member.name ?? `_field_${index + 1}`;
      const bound = binding(member.type, value?.structValues?.[memberName], `${where}.${memberName}`);
      members[memberName] = bound.type;
      values[memberName] = bound.value;
    }
    return { value: value?.structValues ? structValue(values) : null, type: STRUCT(members) };
  }
  return scalarBinding(name, value, where);
}

/** Reads `queryParameters`; a request mixing named and positional parameters is refused. */
export function readQueryParams(raw: unknown): QueryParams {
  const params: QueryParams = { named: new Map(), positional: [] };
  if (raw === undefined || raw === null) return params;
  if (!Array.isArray(raw)) throw invalid('queryParameters must be a list.');
  for (const [index, item] of raw.entries()) {
    const parameter = item as {
      name?: string;
      parameterType?: ParameterType;
      parameterValue?: ParameterValue;
    };
    const where = parameter.name ? `@${parameter.name}` : `#${index + 1}`;
    const bound = binding(parameter.parameterType, parameter.parameterValue, where);
    if (parameter.name) params.named.set(parameter.name.toLowerCase(), bound);
    else params.positional.push(bound);
  }
  if (params.named.size > 0 && params.positional.length > 0) {
    throw invalid('Cannot mix named and positional query parameters.');
  }
  return params;
}
