// Naming rules of the outside world, checked before anything is sent there: S3 bucket
// names, BigQuery dataset/table names and labels, and our own table file names (which
// become job names in the workflow matrix and in logs).
// Each function returns undefined when the name is fine, else what is wrong.

/** https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html */
export function bucketNameProblem(bucket: string): string | undefined {
  if (bucket.length < 3 || bucket.length > 63)
    return `must be 3 to 63 characters long (it has ${bucket.length})`;
  if (!/^[a-z0-9.-]+$/.test(bucket)) return 'may contain only lowercase letters, digits, dots and hyphens';
  if (!/^[a-z0-9]/.test(bucket) || !/[a-z0-9]$/.test(bucket))
    return 'must begin and end with a letter or digit';
  if (bucket.includes('..')) return 'must not contain two adjacent dots';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(bucket)) return 'must not be formatted as an IP address';
  for (const prefix of ['xn--', 'sthree-', 'amzn-s3-demo-']) {
    if (bucket.startsWith(prefix)) return `must not start with "${prefix}" (reserved by AWS)`;
  }
  for (const suffix of ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3']) {
    if (bucket.endsWith(suffix)) return `must not end with "${suffix}" (reserved by AWS)`;
  }
  return undefined;
}

const MAX_BIGQUERY_NAME = 1024;

/** https://cloud.google.com/bigquery/docs/datasets#dataset-naming */
export function datasetNameProblem(dataset: string): string | undefined {
  if (dataset.length === 0) return 'must not be empty';
  if (dataset.length > MAX_BIGQUERY_NAME) return `must be at most ${MAX_BIGQUERY_NAME} characters`;
  if (dataset.includes('-'))
    return 'must not contain hyphens (BigQuery dataset names allow letters, digits and "_")';
  if (!/^[A-Za-z0-9_]+$/.test(dataset)) return 'may contain only letters, digits and underscores';
  return undefined;
}

const TABLE_NAME = /^[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}]+$/u;

/** https://cloud.google.com/bigquery/docs/tables#table_naming */
export function tableNameProblem(table: string): string | undefined {
  if (table.length === 0) return 'must not be empty';
  if (Buffer.byteLength(table, 'utf8') > MAX_BIGQUERY_NAME)
    return `must be at most ${MAX_BIGQUERY_NAME} UTF-8 bytes`;
  if (!TABLE_NAME.test(table)) {
    return 'may contain only letters, marks, digits, connectors such as "_", dashes and spaces (no "$", ".", "/")';
  }
  return undefined;
}

/** https://cloud.google.com/bigquery/docs/labels-intro#requirements */
export function labelProblem(key: string, value: string): string | undefined {
  if (!/^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u.test(key)) {
    return `label key "${key}" must start with a lowercase letter and hold at most 63 lowercase letters, digits, "_" or "-"`;
  }
  if (!/^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u.test(value)) {
    return `label value "${value}" may hold at most 63 lowercase letters, digits, "_" or "-"`;
  }
  return undefined;
}

/** Longest table file name (without `.json`); keeps the workflow matrix output small. */
const MAX_TABLE_NAME = 128;

/**
 * A table file's name is its name in jobs, artifacts and logs: plain characters only, so
 * it can never traverse paths, break a comma-separated matrix entry or a shell word.
 */
export function tableFileNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'the file name (without ".json") must not be empty';
  if (name.length > MAX_TABLE_NAME)
    return `the file name must be at most ${MAX_TABLE_NAME} characters before ".json"`;
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
    return `the file name "${name}.json" may use only letters, digits, "_", "-" and "." (it names the table in jobs and logs)`;
  }
  if (name.startsWith('.') || name.startsWith('-') || name.includes('..')) {
    return `the file name "${name}.json" must not start with "." or "-" nor contain ".."`;
  }
  return undefined;
}
