// A table file after validation and defaults: what every room after `spec/` reads.
import type { FORMATS, GRANULARITIES, SchemaFieldInput, WRITE_DISPOSITIONS } from './schema.js';

export type Format = (typeof FORMATS)[number];
export type Granularity = (typeof GRANULARITIES)[number];
type WriteDisposition = (typeof WRITE_DISPOSITIONS)[number];
export type SchemaField = SchemaFieldInput;

export interface S3Location {
  bucket: string;
  /** Key prefix without leading or trailing slash; '' for the bucket root. */
  prefix: string;
  /** `s3://bucket/prefix` as written, without a trailing slash. */
  uri: string;
}

export interface CsvOptions {
  fieldDelimiter: string;
  skipLeadingRows: number;
  allowQuotedNewlines: boolean;
  allowJaggedRows: boolean;
}

export interface TableSpec {
  /** File name without `.json`: the table's name in plans, jobs and logs. */
  name: string;
  /** Path of the table file, as given to the loader. */
  file: string;
  source: S3Location;
  format: Format;
  /** GCP project; undefined means the pipeline's default project. */
  project?: string | undefined;
  dataset: string;
  table: string;
  partitioning: {
    granularity: Granularity;
    /** Partition column; undefined means ingestion time (_PARTITIONTIME). */
    field?: string | undefined;
    layout: string;
    requireFilter: boolean;
    expirationDays?: number | undefined;
  };
  lookbackDays: number;
  timezone: string;
  writeDisposition: WriteDisposition;
  /** WRITE_APPEND: days a partition's config is kept after it leaves the lookback window. */
  appendRetentionDays: number;
  /** Undefined means inferred from the files (PARQUET/AVRO/ORC only). */
  schema?: SchemaField[] | undefined;
  load: {
    maxBadRecords: number;
    ignoreUnknownValues: boolean;
    csv: CsvOptions;
  };
  enabled: boolean;
  description?: string | undefined;
  labels: Record<string, string>;
  owners: string[];
}

/** Pipeline-wide settings: `pipeline.json`, overridden by the environment. */
export interface PipelineSettings {
  project?: string | undefined;
  location: string;
  maxParallel: number;
  timezone: string;
}
