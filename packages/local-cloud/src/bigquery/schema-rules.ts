// BigQuery's rules for table schemas and partitioning: what tables.insert accepts, and
// which changes tables.patch/update allow (add NULLABLE/REPEATED columns, relax REQUIRED)
// and which it refuses (drop a column, change a type, tighten a mode, re-partition).
import { BigQueryApiError } from './errors.js';
import { BIGQUERY_FIELD_TYPES, TYPE_ALIASES, UNSUPPORTED_FIELD_TYPES } from './field-types.js';
import type { FieldSchema, PartitionType, TimePartitioning } from './model.js';

const PARTITION_TYPES: readonly string[] = ['HOUR', 'DAY', 'MONTH', 'YEAR'];
const isPartitionType = (type: string): type is PartitionType => PARTITION_TYPES.includes(type);

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,299}$/;
/** Column name prefixes BigQuery reserves for its own pseudo-columns. */
const RESERVED_PREFIXES = ['_TABLE_', '_FILE_', '_PARTITION', '_ROW_TIMESTAMP', '__ROOT__', '_COLIDENTIFIER'];
/** Field attributes kept and returned as given. */
const PASSED_THROUGH = [
  'policyTags',
  'maxLength',
  'precision',
  'scale',
  'defaultValueExpression',
  'collation',
] as const;

/** The legacy type name BigQuery reports (INT64 → INTEGER), for comparisons. */
export const canonicalType = (type: string): string => TYPE_ALIASES[type.toUpperCase()] ?? type.toUpperCase();

const KNOWN_TYPES = new Set<string>(BIGQUERY_FIELD_TYPES);

function checkFieldName(field: Partial<FieldSchema> | null, seen: Set<string>): string {
  if (!field || typeof field.name !== 'string' || !FIELD_NAME.test(field.name)) {
    throw new BigQueryApiError(
      'invalid',
      `Invalid field name "${String(field?.name)}". Fields must contain only letters, numbers, and underscores, start with a letter or underscore, and be at most 300 characters long.`,
    );
  }
  const upper = field.name.toUpperCase();
  const reserved = RESERVED_PREFIXES.find((prefix) => upper.startsWith(prefix));
  if (reserved) {
    throw new BigQueryApiError(
      'invalid',
      `Invalid field name "${field.name}". Field names are not allowed to start with the (case-insensitive) prefixes ${RESERVED_PREFIXES.join(', ')}`,
    );
  }
  const lower = field.name.toLowerCase();
  if (seen.has(lower)) throw new BigQueryApiError('invalid', `Field ${field.name} already exists in schema`);
  seen.add(lower);
  return field.name;
}

function checkFieldType(name: string, raw: unknown): string {
  const type = canonicalType(String(raw ?? ''));
  if (UNSUPPORTED_FIELD_TYPES.includes(type)) {
    throw new BigQueryApiError(
      'invalid',
      `Field ${name} has type ${type}: BigQuery documents it, but the local cloud cannot store ${type} columns. Use another type.`,
    );
  }
  if (!KNOWN_TYPES.has(type)) {
    throw new BigQueryApiError('invalid', `Invalid value for type: ${String(raw)} is not a valid value`);
  }
  return type;
}

/** Validates and normalizes a schema from a request: upper-case types, explicit modes. */
export function normalizeSchema(fields: unknown, where = 'schema'): FieldSchema[] {
  if (!Array.isArray(fields))
    throw new BigQueryApiError('invalid', `Invalid ${where}: fields must be a list.`);
  const seen = new Set<string>();
  return fields.map((raw) => {
    const field = raw as Partial<FieldSchema> | null;
    const name = checkFieldName(field, seen);
    const type = checkFieldType(name, field?.type);
    const mode = String(field?.mode ?? 'NULLABLE').toUpperCase();
    if (!['NULLABLE', 'REQUIRED', 'REPEATED'].includes(mode)) {
      throw new BigQueryApiError(
        'invalid',
        `Invalid value for mode: ${String(field?.mode)} is not a valid value`,
      );
    }
    const normalized: FieldSchema = { name, type, mode };
    if (field?.description !== undefined) normalized.description = field.description;
    const kept: Record<string, unknown> = {};
    for (const key of PASSED_THROUGH) {
      if (field?.[key] !== undefined && field[key] !== null) kept[key] = field[key];
    }
    Object.assign(normalized, kept);
    if (type === 'RECORD') {
      if (!Array.isArray(field?.fields) || field.fields.length === 0) {
        throw new BigQueryApiError('invalid', `Field ${name} is type RECORD but has no schema`);
      }
      normalized.fields = normalizeSchema(field.fields, `schema of field ${name}`);
    }
    return normalized;
  });
}

/** Validates timePartitioning against the schema, as tables.insert does. */
export function normalizePartitioning(raw: unknown, schema: FieldSchema[]): TimePartitioning | undefined {
  if (raw === undefined || raw === null) return undefined;
  const spec = raw as { type?: unknown; field?: unknown; expirationMs?: unknown };
  const type = String(spec.type ?? 'DAY').toUpperCase();
  if (!isPartitionType(type)) {
    throw new BigQueryApiError(
      'invalid',
      `Invalid value for timePartitioning.type: ${type}. Use HOUR, DAY, MONTH or YEAR.`,
    );
  }
  const result: TimePartitioning = { type };
  if (spec.expirationMs !== undefined && spec.expirationMs !== null) {
    const ms = Number(spec.expirationMs);
    if (!Number.isInteger(ms) || ms <= 0) {
      throw new BigQueryApiError(
        'invalid',
        `Invalid timePartitioning.expirationMs: ${String(spec.expirationMs)}`,
      );
    }
    result.expirationMs = ms;
  }
  if (spec.field !== undefined && spec.field !== null && spec.field !== '') {
    const name = String(spec.field);
    const column = schema.find((field) => field.name.toLowerCase() === name.toLowerCase());
    if (!column) {
      throw new BigQueryApiError(
        'invalid',
        `The field specified for time partitioning can only be found in the schema: ${name}`,
      );
    }
    if (column.mode === 'REPEATED' || !['DATE', 'TIMESTAMP', 'DATETIME'].includes(column.type)) {
      throw new BigQueryApiError(
        'invalid',
        `Partitioning field ${name} must be a top-level, non-repeated field of type DATE, TIMESTAMP or DATETIME; it is ${column.mode} ${column.type}`,
      );
    }
    if (type === 'HOUR' && column.type === 'DATE') {
      throw new BigQueryApiError(
        'invalid',
        `Partitioning by HOUR is not supported for DATE column ${name}; use DAY`,
      );
    }
    result.field = column.name;
  }
  return result;
}

/** Refuses a schema change that BigQuery refuses; `table` names it in the message. */
export function checkSchemaEvolution(table: string, before: FieldSchema[], after: FieldSchema[]): void {
  const prefix = `Provided Schema does not match Table ${table}.`;
  const next = new Map(after.map((field) => [field.name.toLowerCase(), field]));
  for (const old of before) {
    const now = next.get(old.name.toLowerCase());
    if (!now) throw new BigQueryApiError('invalid', `${prefix} Field ${old.name} is missing in new schema`);
    if (now.type !== old.type) {
      throw new BigQueryApiError(
        'invalid',
        `${prefix} Field ${old.name} has changed type from ${old.type} to ${now.type}`,
      );
    }
    const relaxing = old.mode === 'REQUIRED' && now.mode === 'NULLABLE';
    if (now.mode !== old.mode && !relaxing) {
      throw new BigQueryApiError(
        'invalid',
        `${prefix} Field ${old.name} has changed mode from ${old.mode} to ${now.mode}`,
      );
    }
    if (old.type === 'RECORD') checkSchemaEvolution(table, old.fields ?? [], now.fields ?? []);
  }
  const known = new Set(before.map((field) => field.name.toLowerCase()));
  for (const added of after) {
    if (!known.has(added.name.toLowerCase()) && added.mode === 'REQUIRED') {
      throw new BigQueryApiError(
        'invalid',
        `${prefix} Cannot add required fields to an existing schema. (field: ${added.name})`,
      );
    }
  }
}

/** Only the partition expiration may change on an existing partitioned table. */
export function checkPartitioningChange(
  before: TimePartitioning | undefined,
  after: TimePartitioning | undefined,
): void {
  if (!before && !after) return;
  if (!before || !after || before.type !== after.type || (before.field ?? '') !== (after.field ?? '')) {
    throw new BigQueryApiError(
      'invalid',
      'Cannot change partitioning/clustering spec for a partitioned/clustered table. Create a new table instead.',
    );
  }
}
