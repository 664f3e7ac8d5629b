// Parses the only SQL the local BigQuery answers — what the product needs to verify
// partitions — into a plain description; anything else is refused with `invalidQuery`
// naming what is supported:
//   SELECT <columns> FROM `p.d.INFORMATION_SCHEMA.PARTITIONS`
//     [WHERE table_name = 'T' [AND partition_id IN ('…', …) | IN UNNEST(@ids) | = '…']]
//     [ORDER BY partition_id [ASC|DESC]]
//   SELECT COUNT(*) [AS n] FROM `p.d.t`
//     [WHERE _PARTITIONTIME = TIMESTAMP '…' | _PARTITIONDATE = DATE '…' | <DATE column> = '…']
import { BigQueryApiError } from './errors.js';
import { type Token, tokenize } from './sql-tokens.js';

export const PARTITIONS_COLUMNS = [
  'table_catalog',
  'table_schema',
  'table_name',
  'partition_id',
  'total_rows',
  'total_logical_bytes',
  'last_modified_time',
  'storage_tier',
] as const;
export type PartitionsColumn = (typeof PARTITIONS_COLUMNS)[number];
/** A selected column and the name it is returned under (as written, like BigQuery). */
export interface SelectedColumn {
  column: PartitionsColumn;
  alias: string;
}

export type ParsedQuery =
  | {
      kind: 'partitions';
      projectId?: string | undefined;
      datasetId: string;
      columns: SelectedColumn[];
      tableName?: string | undefined;
      partitionIds?: string[] | undefined;
      descending: boolean;
    }
  | {
      kind: 'count';
      projectId?: string | undefined;
      datasetId: string;
      tableId: string;
      alias: string;
      filter?: { column: string; value: string } | undefined;
    };

/** Query parameter values by name (named mode) or index (positional mode). */
export type QueryParams = Map<string | number, string | string[]>;

export const SUPPORTED_QUERIES =
  "the local cloud supports only SELECT partition_id, total_rows FROM `project.dataset.INFORMATION_SCHEMA.PARTITIONS` WHERE table_name = '…' [AND partition_id IN (…)], and SELECT COUNT(*) FROM `project.dataset.table` [WHERE _PARTITIONTIME = TIMESTAMP '…' | _PARTITIONDATE = '…' | <DATE column> = '…']";

function unsupported(sql: string, detail: string): BigQueryApiError {
  return new BigQueryApiError(
    'invalidQuery',
    `${detail}; ${SUPPORTED_QUERIES}. Query: ${sql.trim().slice(0, 300)}`,
  );
}

class Cursor {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly fail: (detail: string) => BigQueryApiError,
  ) {}

  peek(): Token | undefined {
    return this.tokens[this.at];
  }
  next(): Token {
    const token = this.tokens[this.at++];
    if (!token) throw this.fail('unexpected end of query');
    return token;
  }
  isKeyword(word: string): boolean {
    const token = this.peek();
    return token?.kind === 'ident' && !token.quoted && token.text.toUpperCase() === word;
  }
  keyword(word: string): void {
    if (!this.isKeyword(word)) throw this.fail(`expected ${word}`);
    this.at += 1;
  }
  isPunct(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'punct' && token.text === text;
  }
  punct(text: string): void {
    if (!this.isPunct(text)) throw this.fail(`expected "${text}"`);
    this.at += 1;
  }
  ident(): string {
    const token = this.next();
    if (token.kind !== 'ident') throw this.fail('expected a name');
    return token.text;
  }
  done(): boolean {
    while (this.isPunct(';')) this.at += 1;
    return this.at >= this.tokens.length;
  }
}

export function parseQuery(sql: string, params: QueryParams): ParsedQuery {
  const fail = (detail: string) => unsupported(sql, detail);
  const cursor = new Cursor(tokenize(sql), fail);
  cursor.keyword('SELECT');
  const select = parseSelectList(cursor);
  cursor.keyword('FROM');
  const path = parsePath(cursor);
  const conditions = cursor.isKeyword('WHERE') ? parseConditions(cursor, params, fail) : [];
  let descending = false;
  if (cursor.isKeyword('ORDER')) {
    cursor.keyword('ORDER');
    cursor.keyword('BY');
    if (cursor.ident().toLowerCase() !== 'partition_id')
      throw fail('only ORDER BY partition_id is supported');
    if (cursor.isKeyword('DESC')) {
      cursor.keyword('DESC');
      descending = true;
    } else if (cursor.isKeyword('ASC')) cursor.keyword('ASC');
  }
  if (!cursor.done()) throw fail('unexpected text after the query');

  const upper = path.map((part) => part.toUpperCase());
  const isPartitions =
    upper.length >= 3 && upper.at(-1) === 'PARTITIONS' && upper.at(-2) === 'INFORMATION_SCHEMA';
  if (isPartitions) {
    if (select.kind !== 'columns') throw fail('COUNT(*) over INFORMATION_SCHEMA.PARTITIONS is not supported');
    const scope = path.slice(0, -2);
    if (scope.length > 2) throw fail('bad INFORMATION_SCHEMA path');
    const query: ParsedQuery = {
      kind: 'partitions',
      projectId: scope.length === 2 ? scope[0] : undefined,
      datasetId: scope.at(-1) ?? '',
      columns: select.columns,
      descending,
    };
    for (const condition of conditions) {
      if (condition.column === 'table_name' && condition.values.length === 1 && !condition.list) {
        query.tableName = condition.values[0];
      } else if (condition.column === 'partition_id') {
        query.partitionIds = condition.values;
      } else throw fail(`filtering on ${condition.column} is not supported`);
    }
    return query;
  }
  if (select.kind !== 'count') throw fail('only COUNT(*) may be selected from a table');
  if (path.length < 2 || path.length > 3) throw fail('expected `project.dataset.table` or `dataset.table`');
  if (descending) throw fail('ORDER BY is not supported on COUNT(*)');
  if (conditions.length > 1 || conditions.some((condition) => condition.list)) {
    throw fail('COUNT(*) accepts at most one equality filter');
  }
  const condition = conditions[0];
  return {
    kind: 'count',
    projectId: path.length === 3 ? path[0] : undefined,
    datasetId: path.at(-2) ?? '',
    tableId: path.at(-1) ?? '',
    alias: select.alias,
    filter: condition ? { column: condition.column, value: condition.values[0] ?? '' } : undefined,
  };
}

type SelectList = { kind: 'columns'; columns: SelectedColumn[] } | { kind: 'count'; alias: string };

function parseSelectList(cursor: Cursor): SelectList {
  if (cursor.isPunct('*')) {
    cursor.punct('*');
    return { kind: 'columns', columns: PARTITIONS_COLUMNS.map((column) => ({ column, alias: column })) };
  }
  if (cursor.isKeyword('COUNT')) {
    cursor.keyword('COUNT');
    cursor.punct('(');
    cursor.punct('*');
    cursor.punct(')');
    let alias = 'f0_';
    if (cursor.isKeyword('AS')) {
      cursor.keyword('AS');
      alias = cursor.ident();
    }
    return { kind: 'count', alias };
  }
  const columns: SelectedColumn[] = [];
  do {
    if (columns.length > 0) cursor.punct(',');
    const written = cursor.ident();
    const name = written.toLowerCase();
    if (!(PARTITIONS_COLUMNS as readonly string[]).includes(name)) {
      throw new BigQueryApiError('invalidQuery', `Unrecognized name: ${written}`);
    }
    let alias = written;
    if (cursor.isKeyword('AS')) {
      cursor.keyword('AS');
      alias = cursor.ident();
    }
    columns.push({ column: name as PartitionsColumn, alias });
  } while (cursor.isPunct(','));
  return { kind: 'columns', columns };
}

function parsePath(cursor: Cursor): string[] {
  const parts: string[] = [];
  do {
    if (parts.length > 0) cursor.punct('.');
    parts.push(...cursor.ident().split('.'));
  } while (cursor.isPunct('.'));
  return parts;
}

interface Condition {
  column: string;
  values: string[];
  list: boolean;
}

function parseConditions(
  cursor: Cursor,
  params: QueryParams,
  fail: (d: string) => BigQueryApiError,
): Condition[] {
  cursor.keyword('WHERE');
  const conditions: Condition[] = [];
  do {
    if (conditions.length > 0) cursor.keyword('AND');
    const column = cursor.ident();
    if (cursor.isPunct('=')) {
      cursor.punct('=');
      conditions.push({
        column: column.toLowerCase(),
        values: [parseScalar(cursor, params, fail)],
        list: false,
      });
    } else {
      cursor.keyword('IN');
      const values: string[] = [];
      if (cursor.isKeyword('UNNEST')) {
        cursor.keyword('UNNEST');
        cursor.punct('(');
        const token = cursor.next();
        if (token.kind !== 'param') throw fail('UNNEST() takes an array query parameter');
        values.push(...asList(lookupParam(params, token.name, fail)));
        cursor.punct(')');
      } else {
        cursor.punct('(');
        do {
          if (values.length > 0) cursor.punct(',');
          values.push(parseScalar(cursor, params, fail));
        } while (cursor.isPunct(','));
        cursor.punct(')');
      }
      conditions.push({ column: column.toLowerCase(), values, list: true });
    }
  } while (cursor.isKeyword('AND'));
  return conditions;
}

/** A string literal or parameter, optionally typed (`TIMESTAMP '…'`, `DATE('…')`). */
function parseScalar(cursor: Cursor, params: QueryParams, fail: (d: string) => BigQueryApiError): string {
  if (cursor.isKeyword('TIMESTAMP') || cursor.isKeyword('DATE')) {
    cursor.next();
    if (cursor.isPunct('(')) {
      cursor.punct('(');
      const value = parseScalar(cursor, params, fail);
      cursor.punct(')');
      return value;
    }
  }
  const token = cursor.next();
  if (token.kind === 'string' || token.kind === 'number') return token.text;
  if (token.kind === 'param') {
    const value = lookupParam(params, token.name, fail);
    if (Array.isArray(value)) throw fail(`parameter ${String(token.name)} is an array; use IN UNNEST(@name)`);
    return value;
  }
  throw fail('expected a string literal or a query parameter');
}

function lookupParam(params: QueryParams, name: string | number, fail: (d: string) => BigQueryApiError) {
  const value = params.get(name);
  if (value === undefined) {
    throw typeof name === 'number'
      ? fail(`positional parameter ${name + 1} is not bound`)
      : new BigQueryApiError('invalidQuery', `Query parameter '${name}' not found`);
  }
  return value;
}

function asList(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

/** Reads jobs.query `queryParameters` (named or positional) into a map. */
export function readQueryParams(raw: unknown): QueryParams {
  const params: QueryParams = new Map();
  if (!Array.isArray(raw)) return params;
  raw.forEach((entry, index) => {
    const parameter = entry as {
      name?: string;
      parameterValue?: { value?: unknown; arrayValues?: { value?: unknown }[] };
    };
    const value = parameter.parameterValue?.arrayValues
      ? parameter.parameterValue.arrayValues.map((item) => String(item.value ?? ''))
      : String(parameter.parameterValue?.value ?? '');
    params.set(parameter.name ? parameter.name : index, value);
  });
  return params;
}
