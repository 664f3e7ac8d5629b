// The `amazon_s3` data source as GetDataSource / ListDataSources return it, kept as data:
// its parameters are the ones the DTS Amazon S3 documentation lists (console fields and
// `bq mk --params` keys), with their documented defaults, allowed values and bounds. The
// param validation (amazon-s3-params.ts) takes the parameter ids from here.
//
// Documented: the id, the parameters, the 24-hour minimum and default interval between
// scheduled runs, the help page. Not documented anywhere we could read, chosen and listed
// with the package README's readings chosen: the description text, empty OAuth client id
// and scopes (S3 transfers authenticate with the access key pair in their params, not with
// Google OAuth), the parameter types for checkbox and number fields (BOOLEAN, INTEGER) and
// update_deadline_seconds (left unset).

/** The most often a scheduled amazon_s3 transfer may run: once every 24 hours (documented). */
export const AMAZON_S3_MINIMUM_INTERVAL_SECONDS = 86_400;
export const AMAZON_S3 = 'amazon_s3';

interface DataSourceParameterDefinition {
  paramId: string;
  displayName: string;
  description: string;
  type: 'STRING' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';
  required: boolean;
  allowedValues?: string[];
  minValue?: number;
  validationRegex?: string;
  validationDescription?: string;
}

export const AMAZON_S3_PARAMETERS: readonly DataSourceParameterDefinition[] = [
  {
    paramId: 'destination_table_name_template',
    displayName: 'Destination table',
    description:
      'The BigQuery table the transfer loads into. Runtime parameters such as {run_date} or {run_time|"%Y%m%d"} are allowed, including a $YYYYMMDD partition decorator.',
    type: 'STRING',
    required: true,
  },
  {
    paramId: 'data_path',
    displayName: 'Amazon S3 URI',
    description:
      'The data to transfer, as s3://bucket/path. Wildcards (*) and runtime parameters are allowed in the path, not in the bucket.',
    type: 'STRING',
    required: true,
    validationRegex: '^s3://[^/*{}]+/.+$',
    validationDescription: 'An Amazon S3 URI: s3://bucket/path',
  },
  {
    paramId: 'access_key_id',
    displayName: 'Access key ID',
    description: 'The AWS access key id the transfer reads the bucket with.',
    type: 'STRING',
    required: true,
  },
  {
    paramId: 'secret_access_key',
    displayName: 'Secret access key',
    description: 'The secret of the access key pair. It is never returned by the API.',
    type: 'STRING',
    required: true,
  },
  {
    paramId: 'file_format',
    displayName: 'File format',
    description:
      'The format of the files: CSV (the default), JSON (newline-delimited), AVRO, PARQUET or ORC.',
    type: 'STRING',
    required: false,
    allowedValues: ['CSV', 'JSON', 'AVRO', 'PARQUET', 'ORC'],
  },
  {
    paramId: 'write_disposition',
    displayName: 'Write disposition',
    description:
      'WRITE_APPEND (the default) appends the files modified since the previous successful run; WRITE_TRUNCATE replaces the destination with every matching file on each run.',
    type: 'STRING',
    required: false,
    allowedValues: ['WRITE_APPEND', 'WRITE_TRUNCATE'],
  },
  {
    paramId: 'max_bad_records',
    displayName: 'Number of errors allowed',
    description: 'The most bad records a run may skip before it fails. The default is 0.',
    type: 'INTEGER',
    required: false,
    minValue: 0,
  },
  {
    paramId: 'decimal_target_types',
    displayName: 'Decimal target types',
    description:
      'A comma-separated list of the SQL types source decimal values may be converted to: NUMERIC, BIGNUMERIC, STRING. The default is NUMERIC (NUMERIC,STRING for ORC).',
    type: 'STRING',
    required: false,
  },
  {
    paramId: 'ignore_unknown_values',
    displayName: 'Ignore unknown values',
    description:
      "CSV and JSON only: drop values that do not match the destination table's schema instead of counting the record as bad.",
    type: 'BOOLEAN',
    required: false,
  },
  {
    paramId: 'field_delimiter',
    displayName: 'Field delimiter',
    description: 'CSV only: the character that separates fields. The default is a comma.',
    type: 'STRING',
    required: false,
  },
  {
    paramId: 'skip_leading_rows',
    displayName: 'Header rows to skip',
    description: 'CSV only: how many header rows at the top of each file not to load. The default is 0.',
    type: 'INTEGER',
    required: false,
    minValue: 0,
  },
  {
    paramId: 'allow_quoted_newlines',
    displayName: 'Allow quoted newlines',
    description: 'CSV only: allow newlines inside quoted fields.',
    type: 'BOOLEAN',
    required: false,
  },
  {
    paramId: 'allow_jagged_rows',
    displayName: 'Allow jagged rows',
    description: 'CSV only: accept rows missing trailing optional columns; the missing values load as NULL.',
    type: 'BOOLEAN',
    required: false,
  },
];

/** Every field of the DataSource message except `name`, which depends on the request. */
export const AMAZON_S3_DATA_SOURCE = {
  dataSourceId: AMAZON_S3,
  displayName: 'Amazon S3',
  description: 'Schedule and manage recurring load jobs from Amazon S3 into BigQuery.',
  clientId: '',
  scopes: [] as string[],
  transferType: 'BATCH',
  supportsMultipleTransfers: true,
  updateDeadlineSeconds: 0,
  defaultSchedule: 'every 24 hours',
  supportsCustomSchedule: true,
  helpUrl: 'https://cloud.google.com/bigquery/docs/s3-transfer',
  authorizationType: 'AUTHORIZATION_TYPE_UNSPECIFIED',
  dataRefreshType: 'DATA_REFRESH_TYPE_UNSPECIFIED',
  defaultDataRefreshWindowDays: 0,
  manualRunsDisabled: false,
  minimumScheduleInterval: { seconds: String(AMAZON_S3_MINIMUM_INTERVAL_SECONDS), nanos: 0 },
} as const;
