// One partition's DTS params: where to read (data_path), where to write (the destination)
// and how to load. Every config serves exactly one partition, so both are literal: no
// runtime templating, no parameter changes between runs, any layout ({H} included).
//
// Destination: always the partition decorator `table$YYYYMMDD[HH]`. For ingestion-time
// tables that is DTS's documented form (and hourly decorators are what the design this
// replaces ran in production). For column-partitioned tables the documented plain name
// would make WRITE_TRUNCATE replace the whole table; a decorator replaces exactly one
// partition, and a load whose rows fall outside it fails loudly instead of silently
// wiping other days — the safe side of an unconfirmed DTS fact.
//
// data_path: the partition folder plus `*`. The folder's trailing slash keeps `hour=1`
// from matching `hour=10…19`; a single `*` spans sub-folders and keeps the
// 10,000,000-file limit.
import type { PartitionPlan } from '../plan/types.js';
import type { TableSpec } from '../tables/types.js';

export interface AwsKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The files a partition's config reads. */
export function dataPathOf(partition: PartitionPlan): string {
  const folder = partition.source.endsWith('/') ? partition.source : `${partition.source}/`;
  return `${folder}*`;
}

/** Params that say how to load, without the secret: what a config's params are compared on. */
export function loadParams(
  spec: TableSpec,
  partition: PartitionPlan,
  accessKeyId: string,
): Record<string, string> {
  const params: Record<string, string> = {
    data_path: dataPathOf(partition),
    destination_table_name_template: `${spec.table}$${partition.id}`,
    access_key_id: accessKeyId,
    file_format: spec.format,
    write_disposition: spec.writeDisposition,
    max_bad_records: String(spec.load.maxBadRecords),
  };
  if (spec.format === 'CSV' || spec.format === 'JSON') {
    params.ignore_unknown_values = String(spec.load.ignoreUnknownValues);
  }
  if (spec.format === 'CSV') {
    params.field_delimiter = spec.load.csv.fieldDelimiter;
    params.skip_leading_rows = String(spec.load.csv.skipLeadingRows);
    params.allow_quoted_newlines = String(spec.load.csv.allowQuotedNewlines);
    params.allow_jagged_rows = String(spec.load.csv.allowJaggedRows);
  }
  return params;
}

/** Every param of the config; the secret goes to DTS only, never to output. */
export function transferParams(
  spec: TableSpec,
  partition: PartitionPlan,
  keys: AwsKeys,
): Record<string, string> {
  return { ...loadParams(spec, partition, keys.accessKeyId), secret_access_key: keys.secretAccessKey };
}
