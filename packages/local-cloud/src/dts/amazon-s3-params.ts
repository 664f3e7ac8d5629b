// The `amazon_s3` data source's params, validated the way DTS validates them when a
// config is created or updated. Everything that can be refused up front is refused here
// with status.INVALID_ARGUMENT; what depends on S3 (keys, bucket) only fails the run.
import { status } from '@grpc/grpc-js';
import {
  type CsvOptions,
  SOURCE_FORMATS,
  type SourceFormat,
  WRITE_DISPOSITIONS,
  type WriteDisposition,
} from '../load-options.js';
import { RpcError } from '../log-contract.js';
import { AMAZON_S3_PARAMETERS } from './amazon-s3-source.js';
import { checkTemplate, renderRuntimeParams, TemplateError } from './runtime-params.js';
import { DataPathError, parseS3Pattern } from './wildcard.js';

/** Params real DTS never returns: the emulator strips them from every response. */
const SECRET_PARAMS = ['secret_access_key'] as const;

const KNOWN_PARAMS = new Set(AMAZON_S3_PARAMETERS.map((parameter) => parameter.paramId));

/** Older spellings DTS still accepts for write_disposition. */
const WRITE_DISPOSITION_ALIASES: Record<string, WriteDisposition> = {
  APPEND: 'WRITE_APPEND',
  MIRROR: 'WRITE_TRUNCATE',
};
const DECIMAL_TARGET_TYPES = ['NUMERIC', 'BIGNUMERIC', 'STRING'];

export interface AmazonS3Params {
  dataPath: string;
  destinationTableNameTemplate: string;
  accessKeyId: string;
  secretAccessKey: string;
  fileFormat: SourceFormat;
  writeDisposition: WriteDisposition;
  maxBadRecords: number;
  ignoreUnknownValues: boolean;
  csv: CsvOptions;
}

const invalid = (message: string): RpcError => new RpcError(status.INVALID_ARGUMENT, message);

function required(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (value === undefined || value.trim() === '') {
    throw invalid(
      `Missing required parameter: ${name}. Amazon S3 transfers need data_path, destination_table_name_template, access_key_id and secret_access_key as string params.`,
    );
  }
  return value;
}

function nonNegativeInteger(params: Record<string, string>, name: string, fallback: number): number {
  const value = params[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value))
    throw invalid(`Invalid value for parameter ${name}: "${value}" is not a non-negative integer.`);
  return Number(value);
}

function boolean(params: Record<string, string>, name: string): boolean {
  const value = params[name];
  if (value === undefined || value === '') return false;
  if (value !== 'true' && value !== 'false')
    throw invalid(`Invalid value for parameter ${name}: "${value}" must be true or false.`);
  return value === 'true';
}

function oneOf<T extends string>(
  params: Record<string, string>,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = params[name];
  if (value === undefined || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalid(`Invalid value for parameter ${name}: "${value}". Allowed values: ${allowed.join(', ')}.`);
  }
  return value as T;
}

function writeDisposition(params: Record<string, string>): WriteDisposition {
  const value = params.write_disposition;
  const alias = value === undefined ? undefined : WRITE_DISPOSITION_ALIASES[value];
  return alias ?? oneOf(params, 'write_disposition', WRITE_DISPOSITIONS, 'WRITE_APPEND');
}

/** A comma-separated list of distinct types among NUMERIC, BIGNUMERIC, STRING. */
function checkDecimalTargetTypes(params: Record<string, string>): void {
  const value = params.decimal_target_types;
  if (value === undefined || value === '') return;
  const types = value.split(',').map((type) => type.trim());
  const unknown = types.find((type) => !DECIMAL_TARGET_TYPES.includes(type));
  if (unknown !== undefined || new Set(types).size !== types.length) {
    throw invalid(
      `Invalid value for parameter decimal_target_types: "${value}". Use distinct types among ${DECIMAL_TARGET_TYPES.join(', ')}, separated by commas.`,
    );
  }
}

/** Checks and types the params of an amazon_s3 config; throws RpcError(status.INVALID_ARGUMENT). */
export function parseAmazonS3Params(params: Record<string, string>): AmazonS3Params {
  for (const name of Object.keys(params)) {
    if (!KNOWN_PARAMS.has(name)) throw invalid(`Unknown parameter for data source amazon_s3: ${name}.`);
  }
  const dataPath = required(params, 'data_path');
  const destinationTableNameTemplate = required(params, 'destination_table_name_template');
  const accessKeyId = required(params, 'access_key_id');
  const secretAccessKey = required(params, 'secret_access_key');
  try {
    checkTemplate(dataPath);
    checkTemplate(destinationTableNameTemplate);
    // The bucket cannot be templated: check the pattern with any date rendered in.
    if (/^s3:\/\/[^/]*[{}]/.test(dataPath))
      throw new DataPathError(
        `Invalid data_path ${dataPath}: the bucket name cannot contain runtime parameters.`,
      );
    parseS3Pattern(dataPath.replace(/\{[^{}]*\}/g, 'x'));
  } catch (error) {
    if (error instanceof TemplateError || error instanceof DataPathError) throw invalid(error.message);
    throw error;
  }
  checkDecimalTargetTypes(params);
  const sampleTable = renderRuntimeParams(destinationTableNameTemplate, new Date(0));
  if (!/^[\p{L}\p{N}_-]+(?:\$\d{4,10})?$/u.test(sampleTable)) {
    throw invalid(
      `Invalid destination_table_name_template "${destinationTableNameTemplate}": it must render to a table name, optionally with a $YYYYMMDD[HH] partition decorator.`,
    );
  }
  return {
    dataPath,
    destinationTableNameTemplate,
    accessKeyId,
    secretAccessKey,
    fileFormat: oneOf(params, 'file_format', SOURCE_FORMATS, 'CSV'),
    writeDisposition: writeDisposition(params),
    maxBadRecords: nonNegativeInteger(params, 'max_bad_records', 0),
    ignoreUnknownValues: boolean(params, 'ignore_unknown_values'),
    csv: {
      fieldDelimiter: params.field_delimiter ?? ',',
      skipLeadingRows: nonNegativeInteger(params, 'skip_leading_rows', 0),
      allowQuotedNewlines: boolean(params, 'allow_quoted_newlines'),
      allowJaggedRows: boolean(params, 'allow_jagged_rows'),
    },
  };
}

/** The params as DTS echoes them: every secret removed. */
export function redactParams(params: Record<string, string>): Record<string, string> {
  const copy = { ...params };
  for (const name of SECRET_PARAMS) delete copy[name];
  return copy;
}
