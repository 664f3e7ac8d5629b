// A table's DTS params: where to read (data_path), where to write (destination template)
// and how to load. One config serves every partition of a tick: data_path and the
// destination are DTS runtime templates rendered from each run's requestedRunTime, which
// is the partition's own instant in UTC (see runTimeOf).
//
// Destination: always the partition decorator `table$YYYYMMDD[HH]`. For ingestion-time
// tables that is DTS's documented form. For column-partitioned tables the documented
// plain name would make WRITE_TRUNCATE replace the whole table; a decorator replaces
// exactly one partition, and a load whose rows fall outside it fails loudly instead of
// silently wiping other days — the safe side of an unconfirmed DTS fact.
//
// data_path: the partition folder plus `/*`. The slash keeps `hour=1` from matching
// `hour=10…19`, and a single `*` spans sub-folders and keeps the 10,000,000-file limit.
import type { PartitionPlan } from '../plan/types.js';
import type { TableSpec } from '../tables/types.js';

const STRFTIME: Record<string, string> = {
  date: '%Y-%m-%d',
  YYYY: '%Y',
  MM: '%m',
  DD: '%d',
  HH: '%H',
};

/** A layout as a `{run_time|"…"}` format, or undefined when DTS cannot express it ({H}). */
export function layoutAsRunTimeFormat(layout: string): string | undefined {
  let unsupported = false;
  const format = layout
    .split(/(\{[^{}]*\})/)
    .map((piece) => {
      const token = /^\{([^{}]*)\}$/.exec(piece)?.[1];
      if (token === undefined) return piece.replaceAll('%', '%%');
      const directive = STRFTIME[token];
      if (!directive) unsupported = true;
      return directive ?? '';
    })
    .join('');
  return unsupported || format.includes('"') ? undefined : format;
}

/** The instant a partition's run is requested at: its start, in UTC, as ids are literal. */
export function runTimeOf(partition: PartitionPlan): Date {
  const [y, m, d] = partition.date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, partition.hour ?? 0));
}

const partitionIdFormat = (spec: TableSpec) =>
  spec.partitioning.granularity === 'HOUR' ? '%Y%m%d%H' : '%Y%m%d';

export interface TransferTargets {
  data_path: string;
  destination_table_name_template: string;
}

/** Templated targets for one config serving many runs; undefined if the layout needs {H}. */
export function templatedTargets(spec: TableSpec): TransferTargets | undefined {
  const format = layoutAsRunTimeFormat(spec.partitioning.layout);
  if (format === undefined) return undefined;
  return {
    data_path: `${spec.source.uri}/{run_time|"${format}"}/*`,
    destination_table_name_template: `${spec.table}\${run_time|"${partitionIdFormat(spec)}"}`,
  };
}

/** Literal targets for one partition (for layouts no template can express). */
export function literalTargets(spec: TableSpec, partition: PartitionPlan): TransferTargets {
  const folder = partition.source.endsWith('/') ? partition.source : `${partition.source}/`;
  return {
    data_path: `${folder}*`,
    destination_table_name_template: `${spec.table}$${partition.id}`,
  };
}

export interface AwsKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Every param of the config; the secret goes to DTS only, never to output. */
export function transferParams(
  spec: TableSpec,
  targets: TransferTargets,
  keys: AwsKeys,
): Record<string, string> {
  const params: Record<string, string> = {
    ...targets,
    access_key_id: keys.accessKeyId,
    secret_access_key: keys.secretAccessKey,
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
