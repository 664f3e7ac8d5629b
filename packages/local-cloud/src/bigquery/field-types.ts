// BigQuery's column types, as the tables resource documents TableFieldSchema.type:
// "STRING, BYTES, INTEGER (or INT64), FLOAT (or FLOAT64), BOOLEAN (or BOOL), TIMESTAMP,
// DATE, TIME, DATETIME, GEOGRAPHY, NUMERIC, BIGNUMERIC, JSON, RECORD (or STRUCT)".
// The local cloud keeps its own copy so that a wrong list in a client can never make it
// agree with itself. RANGE and INTERVAL columns are not stored by the local cloud: a
// schema naming them is refused with a message that says so, never silently accepted.

/** Standard SQL names → the legacy names BigQuery reports back. */
export const TYPE_ALIASES: Readonly<Record<string, string>> = {
  INT64: 'INTEGER',
  FLOAT64: 'FLOAT',
  BOOL: 'BOOLEAN',
  STRUCT: 'RECORD',
};

/** Every type a schema may name, by its legacy name. */
export const BIGQUERY_FIELD_TYPES: readonly string[] = [
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
];

/** Documented by BigQuery, not stored by the local cloud. */
export const UNSUPPORTED_FIELD_TYPES: readonly string[] = ['RANGE', 'INTERVAL'];
