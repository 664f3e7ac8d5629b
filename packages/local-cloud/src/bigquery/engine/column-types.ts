// How each BigQuery column type is stored in the SQL engine, and how an engine result type
// reads back as a BigQuery field. TIMESTAMP is an instant (TIMESTAMPTZ in a UTC session),
// DATETIME a civil time (TIMESTAMP), NUMERIC DECIMAL(38,9) exactly as BigQuery defines it.
// BIGNUMERIC (76 digits) and GEOGRAPHY have no engine type: they are kept as exact text.
import {
  BIGINT,
  BLOB,
  BOOLEAN,
  DATE,
  DECIMAL,
  DOUBLE,
  type DuckDBType,
  DuckDBTypeId,
  LIST,
  STRUCT,
  TIME,
  TIMESTAMP,
  TIMESTAMPTZ,
  VARCHAR,
} from '@duckdb/node-api';
import { BigQueryApiError } from '../errors.js';
import type { BigQueryFieldType } from '../field-types.js';
import type { FieldSchema } from '../model.js';

export const NUMERIC_SCALE = 9;
export const NUMERIC_WIDTH = 38;

type ScalarType = Exclude<BigQueryFieldType, 'RECORD'>;

const SCALAR_SQL: Record<ScalarType, string> = {
  STRING: 'VARCHAR',
  BYTES: 'BLOB',
  INTEGER: 'BIGINT',
  FLOAT: 'DOUBLE',
  BOOLEAN: 'BOOLEAN',
  TIMESTAMP: 'TIMESTAMPTZ',
  DATE: 'DATE',
  TIME: 'TIME',
  DATETIME: 'TIMESTAMP',
  GEOGRAPHY: 'VARCHAR',
  NUMERIC: `DECIMAL(${NUMERIC_WIDTH},${NUMERIC_SCALE})`,
  BIGNUMERIC: 'VARCHAR',
  JSON: 'JSON',
};

/** A quoted engine identifier. */
export const sqlName = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A quoted engine string literal. */
export const sqlText = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** The engine type of one value of the field (its element type when REPEATED). */
export function elementSqlType(field: FieldSchema): string {
  if (field.type === 'RECORD') {
    const members = (field.fields ?? []).map((child) => `${sqlName(child.name)} ${columnSqlType(child)}`);
    return `STRUCT(${members.join(', ')})`;
  }
  const scalar = SCALAR_SQL[field.type as ScalarType];
  if (!scalar) throw new BigQueryApiError('invalid', `The local cloud cannot store type ${field.type}.`);
  return scalar;
}

export function columnSqlType(field: FieldSchema): string {
  const element = elementSqlType(field);
  return field.mode === 'REPEATED' ? `${element}[]` : element;
}

const SCALAR_TYPE: Record<ScalarType, DuckDBType> = {
  STRING: VARCHAR,
  BYTES: BLOB,
  INTEGER: BIGINT,
  FLOAT: DOUBLE,
  BOOLEAN: BOOLEAN,
  TIMESTAMP: TIMESTAMPTZ,
  DATE: DATE,
  TIME: TIME,
  DATETIME: TIMESTAMP,
  GEOGRAPHY: VARCHAR,
  NUMERIC: DECIMAL(NUMERIC_WIDTH, NUMERIC_SCALE),
  BIGNUMERIC: VARCHAR,
  JSON: VARCHAR,
};

/** The engine type object of a column, for appenders and parameter binding. */
export function columnType(field: FieldSchema): DuckDBType {
  let element: DuckDBType;
  if (field.type === 'RECORD') {
    const members: Record<string, DuckDBType> = {};
    for (const child of field.fields ?? []) members[child.name] = columnType(child);
    element = STRUCT(members);
  } else {
    const scalar = SCALAR_TYPE[field.type as ScalarType];
    if (!scalar) throw new BigQueryApiError('invalid', `The local cloud cannot store type ${field.type}.`);
    element = scalar;
  }
  return field.mode === 'REPEATED' ? LIST(element) : element;
}

const INTEGER_IDS = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.SQLNULL,
  DuckDBTypeId.INTEGER_LITERAL,
]);

const SIMPLE_RESULT: Partial<Record<DuckDBTypeId, string>> = {
  [DuckDBTypeId.BOOLEAN]: 'BOOLEAN',
  [DuckDBTypeId.FLOAT]: 'FLOAT',
  [DuckDBTypeId.DOUBLE]: 'FLOAT',
  [DuckDBTypeId.VARCHAR]: 'STRING',
  [DuckDBTypeId.STRING_LITERAL]: 'STRING',
  [DuckDBTypeId.UUID]: 'STRING',
  [DuckDBTypeId.ENUM]: 'STRING',
  [DuckDBTypeId.BLOB]: 'BYTES',
  [DuckDBTypeId.DATE]: 'DATE',
  [DuckDBTypeId.TIME]: 'TIME',
  [DuckDBTypeId.TIMESTAMP]: 'DATETIME',
  [DuckDBTypeId.TIMESTAMP_S]: 'DATETIME',
  [DuckDBTypeId.TIMESTAMP_MS]: 'DATETIME',
  [DuckDBTypeId.TIMESTAMP_NS]: 'DATETIME',
  [DuckDBTypeId.TIMESTAMP_TZ]: 'TIMESTAMP',
  [DuckDBTypeId.INTERVAL]: 'INTERVAL',
};

/** The BigQuery field a query result column of this engine type is reported as. */
export function fieldOfResultType(name: string, type: DuckDBType): FieldSchema {
  if (type.typeId === DuckDBTypeId.LIST || type.typeId === DuckDBTypeId.ARRAY) {
    const element = fieldOfResultType(name, type.valueType);
    if (element.mode === 'REPEATED') {
      throw new BigQueryApiError(
        'invalidQuery',
        `Cannot return an array of arrays in column ${name}: BigQuery does not support nested arrays.`,
      );
    }
    return { ...element, mode: 'REPEATED' };
  }
  if (type.typeId === DuckDBTypeId.STRUCT) {
    const fields = type.entryNames.map((entry, index) =>
      fieldOfResultType(entry, type.entryTypes[index] as DuckDBType),
    );
    return { name, type: 'RECORD', mode: 'NULLABLE', fields };
  }
  if (type.typeId === DuckDBTypeId.DECIMAL) {
    const fitsNumeric =
      type.scale <= NUMERIC_SCALE && type.width - type.scale <= NUMERIC_WIDTH - NUMERIC_SCALE;
    return { name, type: fitsNumeric ? 'NUMERIC' : 'BIGNUMERIC', mode: 'NULLABLE' };
  }
  if (type.typeId === DuckDBTypeId.VARCHAR && type.alias === 'JSON') {
    return { name, type: 'JSON', mode: 'NULLABLE' };
  }
  if (INTEGER_IDS.has(type.typeId)) return { name, type: 'INTEGER', mode: 'NULLABLE' };
  const simple = SIMPLE_RESULT[type.typeId];
  if (!simple) {
    throw new BigQueryApiError(
      'invalidQuery',
      `Column ${name} has engine type ${type.toString()}, which has no BigQuery equivalent; CAST it to a BigQuery type.`,
    );
  }
  return { name, type: simple, mode: 'NULLABLE' };
}
