// Legacy SQL (`useLegacySql`, the API's default) on the local BigQuery: only the subset
// the official samples use is served, translated to GoogleSQL —
//   SELECT column[, column…] FROM [project:dataset.table] | [dataset.table] [LIMIT n] [;]
// Every other legacy query is refused by name rather than run as GoogleSQL, whose meaning
// differs (comma joins are UNIONs in legacy SQL, results are flattened, and so on). The
// job-level rules of legacy SQL are checked here too: no query parameters, and
// allowLargeResults (or flattenResults: false) only with a destination table.
import { BigQueryApiError } from '../errors.js';

type Body = Record<string, unknown>;

const SUBSET = 'SELECT column, … FROM [project:dataset.table] LIMIT n';
const IDENTIFIER = '[A-Za-z_][A-Za-z0-9_]*';
const PROJECT = '[a-z][a-z0-9-]{4,28}[a-z0-9]';
const LEGACY_SELECT = new RegExp(
  `^\\s*SELECT\\s+(?<columns>${IDENTIFIER}(?:\\s*,\\s*${IDENTIFIER})*)\\s+` +
    `FROM\\s+\\[(?:(?<project>${PROJECT}):)?(?<dataset>[A-Za-z0-9_]{1,1024})\\.(?<table>[A-Za-z0-9_]{1,1024})\\]` +
    `(?:\\s+LIMIT\\s+(?<limit>\\d{1,18}))?\\s*;?\\s*$`,
  'i',
);

function refused(): BigQueryApiError {
  return new BigQueryApiError(
    'invalidQuery',
    `The local cloud serves only this subset of legacy SQL (useLegacySql, the API's default): ${SUBSET}. Set useLegacySql to false and write the query in GoogleSQL.`,
  );
}

/** A legacy query of the served subset, as GoogleSQL; anything else is refused by name. */
export function legacyToGoogleSql(sql: string, projectId: string): string {
  const groups = LEGACY_SELECT.exec(sql)?.groups;
  if (!groups) throw refused();
  const columns = (groups.columns ?? '').split(',').map((column) => `\`${column.trim()}\``);
  const table = `\`${groups.project ?? projectId}.${groups.dataset}.${groups.table}\``;
  const limit = groups.limit === undefined ? '' : ` LIMIT ${groups.limit}`;
  return `SELECT ${columns.join(', ')} FROM ${table}${limit}`;
}

/** The job options legacy SQL constrains, checked before the query runs. */
export function checkLegacyOptions(config: Body): void {
  const named = config.queryParameters;
  if (Array.isArray(named) && named.length > 0) {
    throw new BigQueryApiError(
      'invalidQuery',
      'Query parameters are not supported in legacy SQL: set useLegacySql to false to use them.',
    );
  }
  const hasDestination = config.destinationTable !== undefined && config.destinationTable !== null;
  if (config.allowLargeResults === true && !hasDestination) {
    throw new BigQueryApiError(
      'invalid',
      'allowLargeResults requires a destination table: set destinationTable, or drop allowLargeResults.',
    );
  }
  if (config.flattenResults === false && config.allowLargeResults !== true) {
    throw new BigQueryApiError(
      'invalid',
      'flattenResults: false requires allowLargeResults: true (and a destination table) in legacy SQL.',
    );
  }
}
