// A validated table file → the camelCase TableSpec every later room reads, with every
// default filled in (PRODUCT.md's table, DTS's load options, the pipeline's time zone).
import { DEFAULT_LAYOUTS } from './layout.js';
import { parseS3Uri } from './s3-uri.js';
import { DEFAULT_APPEND_RETENTION_DAYS, type TableFile } from './schema.js';
import type { PipelineSettings, TableSpec } from './types.js';

const CSV_DEFAULTS = {
  fieldDelimiter: ',',
  skipLeadingRows: 0,
  allowQuotedNewlines: false,
  allowJaggedRows: false,
} as const;

/** Call only for files `checkTableFile` found no fault in: the source must parse. */
export function resolveTableSpec(
  file: TableFile,
  where: { name: string; file: string },
  settings: PipelineSettings,
): TableSpec {
  const parsed = parseS3Uri(file.source);
  if (!parsed.ok) throw new Error(`${where.file}: ${parsed.problem}`);
  const { location, segments } = parsed;
  const dataset = file.dataset ?? segments.at(-2);
  const table = file.table ?? segments.at(-1);
  if (dataset === undefined || table === undefined) {
    throw new Error(`${where.file}: cannot derive dataset/table from source; set "dataset" and "table"`);
  }
  const granularity = file.partitioning.granularity;
  return {
    name: where.name,
    file: where.file,
    source: location,
    format: file.format,
    project: undefined,
    dataset,
    table,
    partitioning: {
      granularity,
      field: file.partitioning.field,
      layout: file.partitioning.layout ?? DEFAULT_LAYOUTS[granularity],
      requireFilter: file.partitioning.require_filter,
      expirationDays: file.partitioning.expiration_days,
    },
    lookbackDays: file.lookback_days,
    timezone: file.timezone ?? settings.timezone,
    writeDisposition: file.write_disposition,
    appendRetentionDays: file.append_retention_days ?? DEFAULT_APPEND_RETENTION_DAYS,
    schema: file.schema,
    load: {
      maxBadRecords: file.max_bad_records ?? 0,
      ignoreUnknownValues: file.ignore_unknown_values ?? false,
      csv: {
        fieldDelimiter: file.csv?.field_delimiter ?? CSV_DEFAULTS.fieldDelimiter,
        skipLeadingRows: file.csv?.skip_leading_rows ?? CSV_DEFAULTS.skipLeadingRows,
        allowQuotedNewlines: file.csv?.allow_quoted_newlines ?? CSV_DEFAULTS.allowQuotedNewlines,
        allowJaggedRows: file.csv?.allow_jagged_rows ?? CSV_DEFAULTS.allowJaggedRows,
      },
    },
    enabled: file.enabled,
    description: file.description,
    labels: file.labels ?? {},
    owners: file.owners ?? [],
  };
}

/** `dataset.table`, the key two files must not share. */
export function destinationKey(spec: Pick<TableSpec, 'project' | 'dataset' | 'table'>): string {
  return [spec.project, spec.dataset, spec.table].filter((p) => p !== undefined).join('.');
}
