// The load options a transfer hands to a load job, in the local cloud's own words (DTS's
// `amazon_s3` params and BigQuery's load configuration), independent of any client.

/** DTS's `file_format` values for Amazon S3 transfers. */
export const SOURCE_FORMATS = ['CSV', 'JSON', 'AVRO', 'PARQUET', 'ORC'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** BigQuery's write dispositions a transfer may use. */
export const WRITE_DISPOSITIONS = ['WRITE_APPEND', 'WRITE_TRUNCATE'] as const;
export type WriteDisposition = (typeof WRITE_DISPOSITIONS)[number];

/** BigQuery's CSV load options, as DTS's `field_delimiter`, `skip_leading_rows`, … params. */
export interface CsvOptions {
  fieldDelimiter: string;
  skipLeadingRows: number;
  allowQuotedNewlines: boolean;
  allowJaggedRows: boolean;
}
