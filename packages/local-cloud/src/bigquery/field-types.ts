// BigQuery's column types, as the tables resource documents TableFieldSchema.type:
// "STRING, BYTES, INTEGER (or INT64), FLOAT (or FLOAT64), BOOLEAN (or BOOL), TIMESTAMP,
// DATE, TIME, DATETIME, GEOGRAPHY, NUMERIC, BIGNUMERIC, JSON, RECORD (or STRUCT)".
// The local cloud keeps its own copy so that a wrong list in a client can never make it
// agree with itself; schema validation and every per-type conversion (engine/column-types.ts
// is typed against this list) follow it. RANGE and INTERVAL columns are not stored by the
// local cloud: a schema naming them is refused with a message that says so.

/** Standard SQL names → the legacy names BigQuery reports back. */
export const TYPE_ALIASES: Readonly<Record<string, string>> = {
  INT64: 'INTEGER',
  FLOAT64: 'FLOAT',
  BOOL: 'BOOLEAN',
  STRUCT: 'RECORD',
};

/** Every type a schema may name, by its legacy name. */
export const BIGQUERY_FIELD_TYPES = [
  'STRING',
  'BYTES',
  'INTEGER',
  'FLOAT',
  'BOOLEAN',
  'TIMESTAMP',
  'DATE',
  'TIME',
  'DATETIME',
  'GEOGRAPHY',
  'NUMERIC',
  'BIGNUMERIC',
  'JSON',
  'RECORD',
] as const;

export type BigQueryFieldType = (typeof BIGQUERY_FIELD_TYPES)[number];

/** Documented by BigQuery, not stored by the local cloud. */
export const UNSUPPORTED_FIELD_TYPES: readonly string[] = ['RANGE', 'INTERVAL'];
