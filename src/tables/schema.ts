// The table file (`tables/*.json`) as a zod schema: the single source of its rules, its
// defaults and the generated JSON Schema (`tables/schema.json`). Keys are snake_case as
// users write them; `resolve.ts` turns a parsed file into the camelCase `TableSpec`.
import { z } from 'zod';

export const FORMATS = ['PARQUET', 'CSV', 'JSON', 'AVRO', 'ORC'] as const;
export const GRANULARITIES = ['DAY', 'HOUR'] as const;
export const WRITE_DISPOSITIONS = ['WRITE_TRUNCATE', 'WRITE_APPEND'] as const;
const FIELD_TYPES = [
  'STRING',
  'BYTES',
  'INTEGER',
  'INT64',
  'FLOAT',
  'FLOAT64',
  'NUMERIC',
  'BIGNUMERIC',
  'BOOLEAN',
  'BOOL',
  'TIMESTAMP',
  'DATE',
  'TIME',
  'DATETIME',
  'GEOGRAPHY',
  'JSON',
  'RECORD',
  'STRUCT',
] as const;
const FIELD_MODES = ['NULLABLE', 'REQUIRED', 'REPEATED'] as const;

const MAX_LOOKBACK_DAYS = 366;

export interface SchemaFieldInput {
  name: string;
  type: (typeof FIELD_TYPES)[number];
  mode?: (typeof FIELD_MODES)[number] | undefined;
  description?: string | undefined;
  fields?: SchemaFieldInput[] | undefined;
}

const schemaFieldSchema: z.ZodType<SchemaFieldInput> = z.lazy(() =>
  z.strictObject({
    name: z.string().min(1).max(300),
    type: z.enum(FIELD_TYPES),
    mode: z.enum(FIELD_MODES).optional(),
    description: z.string().max(1024).optional(),
    fields: z.array(schemaFieldSchema).min(1).optional(),
  }),
);

export const partitioningSchema = z.strictObject({
  granularity: z.enum(GRANULARITIES).default('DAY').describe('Partition size.'),
  field: z
    .string()
    .min(1)
    .max(300)
    .optional()
    .describe('Partition column; absent means ingestion-time partitioning (_PARTITIONTIME).'),
  layout: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Path of one partition under `source`. Tokens: {date}=YYYY-MM-DD, {YYYY} {MM} {DD}, {HH} (zero-padded hour), {H} (unpadded hour). Default dt={date} for DAY, dt={date}/hour={H} for HOUR.',
    ),
  require_filter: z.boolean().default(false).describe('BigQuery requirePartitionFilter.'),
  expiration_days: z.number().int().positive().optional().describe('Partition expiration in days.'),
});

export const csvOptionsSchema = z.strictObject({
  field_delimiter: z.string().min(1).max(4).optional(),
  skip_leading_rows: z.number().int().min(0).optional(),
  allow_quoted_newlines: z.boolean().optional(),
  allow_jagged_rows: z.boolean().optional(),
});

/** How long an append partition's config outlives the lookback window, by default. */
export const DEFAULT_APPEND_RETENTION_DAYS = 30;
/** Ten years: past that a kept config is surely a typo. */
const MAX_APPEND_RETENTION_DAYS = 3660;

export const tableFileSchema = z.strictObject({
  $schema: z.string().optional(),
  source: z.string().describe('Root of the Hive-style table in S3: s3://bucket/prefix'),
  format: z.enum(FORMATS).default('PARQUET'),
  dataset: z.string().optional().describe('BigQuery dataset; default: the second-to-last segment of source.'),
  table: z.string().optional().describe('BigQuery table; default: the last segment of source.'),
  partitioning: partitioningSchema.default({ granularity: 'DAY', require_filter: false }),
  lookback_days: z
    .number()
    .int()
    .min(0)
    .max(MAX_LOOKBACK_DAYS)
    .default(0)
    .describe('Each tick loads D-1 … D-max(1, n); 0 and 1 both mean D-1 only.'),
  timezone: z.string().optional().describe('IANA zone that decides which local date is D; default UTC.'),
  write_disposition: z.enum(WRITE_DISPOSITIONS).default('WRITE_TRUNCATE'),
  append_retention_days: z
    .number()
    .int()
    .min(1)
    .max(MAX_APPEND_RETENTION_DAYS)
    .optional()
    .describe(
      `WRITE_APPEND only: days a partition's transfer config is kept after the partition leaves the lookback window; default ${DEFAULT_APPEND_RETENTION_DAYS}.`,
    ),
  schema: z.array(schemaFieldSchema).min(1).optional(),
  max_bad_records: z.number().int().min(0).optional(),
  ignore_unknown_values: z.boolean().optional(),
  csv: csvOptionsSchema.optional(),
  enabled: z.boolean().default(true),
  description: z.string().max(16384).optional(),
  labels: z.record(z.string(), z.string()).optional(),
  owners: z.array(z.string().min(1)).optional(),
});

export type TableFile = z.output<typeof tableFileSchema>;
