// The SQL engine's errors as BigQuery's query errors: an unknown column reads
// "Unrecognized name", an unknown function "Function not found", a parse failure
// "Syntax error"; engine table names are replaced by the BigQuery names they stand for.
import { BigQueryApiError } from '../errors.js';
import type { StoredTable } from '../model.js';

const PATTERNS: [RegExp, (match: RegExpExecArray) => string][] = [
  [/Referenced column "([^"]+)" not found/, (match) => `Unrecognized name: ${match[1]}`],
  [/does not have a column named "([^"]+)"/, (match) => `Unrecognized name: ${match[1]}`],
  [
    /Column "([^"]+)" referenced that exists in the SELECT clause/,
    (match) => `Unrecognized name: ${match[1]}`,
  ],
  [/Scalar Function with name "?([\w.]+)"? does not exist/i, (match) => `Function not found: ${match[1]}`],
  [
    /(?:Table|Aggregate) Function with name "?([\w.]+)"? does not exist/i,
    (match) => `Function not found: ${match[1]}`,
  ],
  [/Parser Error: (.*)/, (match) => `Syntax error: ${match[1]}`],
  [/NOT NULL constraint failed: [^.]+\.(\S+)/, (match) => `Required field ${match[1]} cannot be null`],
];

function readable(message: string, tables: StoredTable[]): string {
  let text = message;
  for (const table of tables) {
    text = text.replaceAll(`"${table.storage}"`, `${table.datasetId}.${table.tableId}`);
    text = text.replace(new RegExp(`\\b${table.storage}\\b`, 'g'), `${table.datasetId}.${table.tableId}`);
  }
  return text;
}

export function queryError(error: unknown, tables: StoredTable[]): BigQueryApiError {
  if (error instanceof BigQueryApiError) return error;
  const full = error instanceof Error ? error.message : String(error);
  const first = readable(full.split('\n')[0] ?? full, tables);
  for (const [pattern, render] of PATTERNS) {
    const match = pattern.exec(first);
    if (match) {
      const reason = /NOT NULL/.test(first) ? 'invalid' : 'invalidQuery';
      return new BigQueryApiError(reason, `${render(match)} (the local cloud's SQL engine: ${first})`);
    }
  }
  return new BigQueryApiError(
    'invalidQuery',
    `The local cloud's SQL engine could not run this query: ${first}`,
  );
}
