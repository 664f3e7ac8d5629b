// FROM items: `project.dataset.table` paths (backticked or not, `my-project` dashes
// included) resolved through the catalog to engine tables, views expanded to their
// translated query (a view runs on every read), `dataset.INFORMATION_SCHEMA.<view>`
// built from the catalog, UNNEST, subqueries and CTE names. Each reference keeps
// BigQuery's implicit alias (the table's name) so `orders.id` still resolves.
import { sqlName } from '../engine/column-types.js';
import { BigQueryApiError, notFoundDataset, notFoundTable } from '../errors.js';
import { isIngestionTime, PARTITION_TIME, type StoredTable } from '../model.js';
import { informationSchemaSql } from './information-schema.js';
import { closingIndex, isSymbol, isWord, QUERY_CLAUSES, type Token } from './lexer.js';
import { readPath } from './path-expression.js';
import { filteredTableName } from './table-name-filter.js';
import type { Translator } from './translator.js';
import { unsupported } from './type-names.js';

const MAX_VIEW_DEPTH = 16;
const NOT_ALIASES = new Set([
  ...QUERY_CLAUSES,
  'JOIN',
  'INNER',
  'LEFT',
  'RIGHT',
  'FULL',
  'CROSS',
  'OUTER',
  'ON',
  'USING',
  'FOR',
  'TABLESAMPLE',
  'SET',
  'SELECT',
  'WITH',
  'PIVOT',
  'UNPIVOT',
  'WHEN',
  'LATERAL',
  'NATURAL',
  'VALUES',
  'OFFSET',
]);

interface Item {
  text: string;
  next: number;
}

/** Names defined by WITH clauses anywhere in the query (they shadow tables). */
function cteNames(tokens: Token[]): Set<string> {
  const names = new Set<string>();
  tokens.forEach((token, index) => {
    const before = tokens[index - 1];
    if (
      (token.kind === 'word' || token.kind === 'quoted') &&
      (isWord(before, 'WITH', 'RECURSIVE') || isSymbol(before, ',')) &&
      isWord(tokens[index + 1], 'AS') &&
      isSymbol(tokens[index + 2], '(')
    ) {
      names.add(token.value.toLowerCase());
    }
  });
  return names;
}

function alias(tokens: Token[], index: number): { name?: string; next: number } {
  const token = tokens[index];
  if (isWord(token, 'AS')) {
    const name = tokens[index + 1];
    return { name: name?.kind === 'quoted' ? name.value : name?.text, next: index + 2 };
  }
  if (token?.kind === 'quoted' || (token?.kind === 'word' && !NOT_ALIASES.has(token.value))) {
    return { name: token.kind === 'quoted' ? token.value : token.text, next: index + 1 };
  }
  return { next: index };
}

function checkPartitionFilter(translator: Translator, table: StoredTable): void {
  if (!table.requirePartitionFilter) return;
  const column = table.timePartitioning?.field ?? table.rangePartitioning?.field;
  const accepted = column
    ? [column.toLowerCase()]
    : ['_partitiontime', '_partitiondate', '_partition_load_time'];
  const where = translator.tokens.findIndex((token) => isWord(token, 'WHERE'));
  const filtered =
    where >= 0 &&
    translator.tokens
      .slice(where)
      .some(
        (token) =>
          (token.kind === 'word' || token.kind === 'quoted') && accepted.includes(token.value.toLowerCase()),
      );
  if (!filtered) {
    const columns = column ? `'${column}'` : "'_PARTITION_LOAD_TIME', '_PARTITIONDATE', '_PARTITIONTIME'";
    throw new BigQueryApiError(
      'invalidQuery',
      `Cannot query over table '${table.datasetId}.${table.tableId}' without a filter over column(s) ${columns} that can be used for partition elimination`,
    );
  }
}

function viewSql(translator: Translator, view: StoredTable): string {
  if (translator.state.viewDepth >= MAX_VIEW_DEPTH)
    throw unsupported(`views nested more than ${MAX_VIEW_DEPTH} deep`);
  return translator.viewText(view.viewQuery ?? '', view.projectId);
}

/** The engine relation of a stored table or view. */
function relationSql(translator: Translator, table: StoredTable): string {
  if (table.kind === 'VIEW') return `(${viewSql(translator, table)})`;
  translator.state.referenced.set(table.storage, table);
  if (!translator.options.store.storage.hasRows(table)) return '(SELECT NULL AS "_" WHERE false)';
  if (!isIngestionTime(table)) return sqlName(table.storage);
  return `(SELECT *, CAST(${sqlName(PARTITION_TIME)} AS DATE) AS "_PARTITIONDATE" FROM ${sqlName(table.storage)})`;
}

/** A job runs in one location; a dataset elsewhere is "not found in location", as BigQuery says. */
function checkLocation(translator: Translator, projectId: string, datasetId: string): void {
  const { store, location } = translator.options;
  if (!store.hasDataset(projectId, datasetId)) throw notFoundDataset(projectId, datasetId);
  const where = store.getDataset(projectId, datasetId).location;
  if (location && where.toLowerCase() !== location.toLowerCase()) {
    throw new BigQueryApiError(
      'notFound',
      `Not found: Dataset ${projectId}:${datasetId} was not found in location ${location}`,
    );
  }
}

function resolveTable(translator: Translator, parts: string[], index: number): StoredTable {
  const { store, projectId, defaultDataset } = translator.options;
  let ids: [string, string, string];
  if (parts.length === 1) {
    if (!defaultDataset) {
      throw new BigQueryApiError(
        'invalidQuery',
        `Table "${parts[0]}" must be qualified with a dataset (e.g. dataset.table).`,
      );
    }
    ids = [defaultDataset.projectId, defaultDataset.datasetId, parts[0] ?? ''];
  } else if (parts.length === 2) ids = [projectId, parts[0] ?? '', parts[1] ?? ''];
  else if (parts.length === 3) ids = parts as [string, string, string];
  else throw translator.error(index, `Invalid table name ${parts.join('.')}`);
  if (ids[2].endsWith('*')) throw unsupported(`wildcard tables (${parts.join('.')})`);
  checkLocation(translator, ids[0], ids[1]);
  try {
    return store.getTable(...ids);
  } catch {
    throw notFoundTable(...ids);
  }
}

function informationSchema(
  translator: Translator,
  parts: string[],
  onlyTable: (name: string) => string | undefined,
): { sql: string; name: string } {
  const view = (parts.at(-1) ?? '').toUpperCase();
  const scope = parts.slice(0, -2);
  if (scope.length === 0 || scope.some((part) => /^region-/i.test(part))) {
    throw unsupported(
      `project- or region-level INFORMATION_SCHEMA (${parts.join('.')}); qualify it with a dataset`,
    );
  }
  const [projectId, datasetId] =
    scope.length === 1 ? [translator.options.projectId, scope[0] ?? ''] : [scope[0] ?? '', scope[1] ?? ''];
  checkLocation(translator, projectId, datasetId);
  const dataset = translator.options.store.getDataset(projectId, datasetId);
  const { sql, tables } = informationSchemaSql(dataset, view, onlyTable(view));
  for (const table of tables) translator.state.referenced.set(table.storage, table);
  return { sql: `(${sql})`, name: view };
}

/** A DML target: the table a path names (never a view or subquery), and its alias. */
export function targetTable(
  translator: Translator,
  index: number,
): { table: StoredTable; alias: string; next: number } {
  const { parts, next } = readPath(translator.tokens, index, { dashedWords: true });
  if (parts.length === 0) throw translator.error(index, 'Expected a table name');
  const table = resolveTable(translator, parts, index);
  if (table.kind !== 'TABLE') {
    throw new BigQueryApiError(
      'invalidQuery',
      `${table.datasetId}.${table.tableId} is a view; DML needs a table.`,
    );
  }
  translator.state.referenced.set(table.storage, table);
  const named = alias(translator.tokens, next);
  return { table, alias: sqlName(named.name ?? table.tableId), next: named.next };
}

function pathItem(translator: Translator, index: number): Item {
  const { tokens } = translator;
  const { parts, next } = readPath(tokens, index, { dashedWords: true });
  if (isSymbol(tokens[next], '*') && !tokens[next]?.spaceBefore)
    throw unsupported(`wildcard tables (${parts.join('.')}*)`);
  if (isWord(tokens[next], 'FOR') && isWord(tokens[next + 1], 'SYSTEM_TIME'))
    throw unsupported('time travel (FOR SYSTEM_TIME AS OF)');
  const named = alias(tokens, next);
  if (parts.length === 1 && cteNames(tokens).has((parts[0] ?? '').toLowerCase())) {
    return {
      text: `${sqlName(parts[0] ?? '')}${named.name ? ` AS ${sqlName(named.name)}` : ''}`,
      next: named.next,
    };
  }
  if (parts.length >= 3 && (parts.at(-2) ?? '').toUpperCase() === 'INFORMATION_SCHEMA') {
    const info = informationSchema(translator, parts, (view) =>
      filteredTableName(translator, index, named.next, named.name ?? view),
    );
    return { text: `${info.sql} AS ${sqlName(named.name ?? info.name)}`, next: named.next };
  }
  if (parts.length === 2 && (parts[0] ?? '').toUpperCase() === 'INFORMATION_SCHEMA') {
    throw unsupported(
      `project- or region-level INFORMATION_SCHEMA (${parts.join('.')}); qualify it with a dataset`,
    );
  }
  const table = resolveTable(translator, parts, index);
  checkPartitionFilter(translator, table);
  const name = named.name ?? table.tableId;
  if (isIngestionTime(table)) translator.state.hiddenAliases.add(name.toLowerCase());
  return { text: `${relationSql(translator, table)} AS ${sqlName(name)}`, next: named.next };
}

function unnestItem(translator: Translator, index: number): Item {
  const close = closingIndex(translator.tokens, index + 1);
  const inner = translator.emit(index + 2, close);
  const named = alias(translator.tokens, close + 1);
  if (isWord(translator.tokens[named.next], 'WITH') && isWord(translator.tokens[named.next + 1], 'OFFSET')) {
    throw unsupported('UNNEST … WITH OFFSET');
  }
  const name = named.name ? ` AS ${sqlName(named.name)}(${sqlName(named.name)})` : '';
  return { text: `unnest(${inner})${name}`, next: named.next };
}

/** Translates the FROM item at `index`. */
export function readFromItem(translator: Translator, index: number, to: number): Item {
  const token = translator.tokens[index];
  if (isSymbol(token, '(')) {
    const close = closingIndex(translator.tokens, index);
    if (close < 0 || close >= to) throw translator.error(index, 'Unclosed "("');
    const named = alias(translator.tokens, close + 1);
    const name = named.name ? ` AS ${sqlName(named.name)}` : '';
    return { text: `(${translator.emit(index + 1, close)})${name}`, next: named.next };
  }
  if (isWord(token, 'UNNEST') && isSymbol(translator.tokens[index + 1], '('))
    return unnestItem(translator, index);
  if (token?.kind === 'word' || token?.kind === 'quoted') return pathItem(translator, index);
  throw translator.error(index, `Unexpected "${token?.text ?? 'end of input'}" where a table was expected`);
}
