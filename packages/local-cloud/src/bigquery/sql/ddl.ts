// GoogleSQL DDL the local cloud runs through the catalog: CREATE [OR REPLACE] VIEW,
// CREATE [OR REPLACE] TABLE (column list or AS SELECT, PARTITION BY, CLUSTER BY,
// OPTIONS) and DROP TABLE/VIEW. Other DDL (functions, procedures, models, ALTER, …) is
// refused by name. OPTIONS values are GoogleSQL expressions, evaluated by the engine.
import { BigQueryApiError } from '../errors.js';
import {
  type Brackets,
  closingIndex,
  isSymbol,
  isWord,
  splitTopLevel,
  type Token,
  tokenize,
  topLevelWord,
} from './lexer.js';
import { readPath } from './path-expression.js';
import { unsupported } from './type-names.js';

export type DdlKind =
  | 'CREATE_VIEW'
  | 'CREATE_TABLE'
  | 'CREATE_TABLE_AS_SELECT'
  | 'CREATE_FUNCTION'
  | 'DROP_TABLE'
  | 'DROP_VIEW'
  | 'DROP_FUNCTION';

export interface DdlStatement {
  kind: DdlKind;
  path: string[];
  replace: boolean;
  ifNotExists: boolean;
  ifExists: boolean;
  /** A view's query, or a CREATE TABLE's AS SELECT, as GoogleSQL text. */
  query?: string | undefined;
  /** Column definitions as a tables.insert schema. */
  fields?: Record<string, unknown>[] | undefined;
  /** `name = expression` pairs of OPTIONS(...), expressions as GoogleSQL text. */
  options: Map<string, string>;
  partitionBy?: Token[] | undefined;
  clusterBy?: string[] | undefined;
  /** CREATE FUNCTION: the routine resource it describes. */
  routine?: Record<string, unknown> | undefined;
}

/** Whether the SQL is DDL (CREATE, DROP, ALTER …). */
export function isDdl(sql: string): boolean {
  return /^\s*(CREATE|DROP|ALTER)\b/i.test(sql.replace(/^(\s*(--[^\n]*\n|#[^\n]*\n|\/\*[\s\S]*?\*\/))*/, ''));
}

const source = (sql: string, tokens: Token[], from: number, to: number): string => {
  const first = tokens[from];
  const last = tokens[to - 1];
  if (!first || !last || to <= from) return '';
  return sql.slice(first.start, last.start + last.text.length);
};

/** The table, view or function path at `index`; DDL paths take no unquoted dashes. */
function readPathAt(tokens: Token[], index: number): { path: string[]; next: number } {
  const { parts, next } = readPath(tokens, index, { dashedWords: false });
  if (parts.length === 0) throw unsupported('this DDL statement without a table name');
  return { path: parts, next };
}

function readOptions(
  sql: string,
  tokens: Token[],
  open: number,
): { options: Map<string, string>; next: number } {
  const close = closingIndex(tokens, open);
  const options = new Map<string, string>();
  for (const [from, to] of splitTopLevel(tokens, open + 1, close)) {
    if (!isSymbol(tokens[from + 1], '=')) throw unsupported('OPTIONS entries other than name = value');
    options.set((tokens[from]?.text ?? '').toLowerCase(), source(sql, tokens, from + 2, to));
  }
  return { options, next: close + 1 };
}

const FIELD_TYPES: Record<string, string> = {
  INT64: 'INTEGER',
  FLOAT64: 'FLOAT',
  BOOL: 'BOOLEAN',
  DECIMAL: 'NUMERIC',
  BIGDECIMAL: 'BIGNUMERIC',
  STRUCT: 'RECORD',
};

/** A column type (`INT64`, `ARRAY<STRUCT<a STRING>>`) as a schema field's type, mode and fields. */
function fieldType(tokens: Token[], from: number, to: number): Record<string, unknown> {
  const name = (tokens[from]?.value ?? '').toUpperCase();
  if (name === 'ARRAY') return { ...fieldType(tokens, from + 2, to - 1), mode: 'REPEATED' };
  if (name === 'STRUCT') {
    const members = splitTopLevelAngles(tokens, from + 2, to - 1).map(([start, end]) => ({
      name: tokens[start]?.kind === 'quoted' ? tokens[start]?.value : tokens[start]?.text,
      ...fieldType(tokens, start + 1, end),
    }));
    return { type: 'RECORD', fields: members };
  }
  return { type: FIELD_TYPES[name] ?? name };
}

/** Column types nest in `<…>` (`ARRAY<STRUCT<a INT64>>`) and `(…)` (`NUMERIC(10, 2)`). */
const TYPE_BRACKETS: Brackets = { open: ['<', '('], close: ['>', ')'] };

/**
 * Splits a column, member or argument list at commas outside `<…>` and `(…)`. An empty
 * list still yields one (empty) part, so `CREATE TABLE t ()` reaches the schema check and
 * is refused there, as it always was.
 */
function splitTopLevelAngles(tokens: Token[], from: number, to: number): [number, number][] {
  const parts = splitTopLevel(tokens, from, to, TYPE_BRACKETS);
  return parts.length > 0 ? parts : [[from, to]];
}

function readColumns(
  sql: string,
  tokens: Token[],
  open: number,
): { fields: Record<string, unknown>[]; next: number } {
  const close = closingIndex(tokens, open);
  const fields = splitTopLevelAngles(tokens, open + 1, close).map(([from, to]) => {
    let end = to;
    const options = topLevelWord(tokens, from, to, 'OPTIONS');
    const description =
      options >= 0 ? readOptions(sql, tokens, options + 1).options.get('description') : undefined;
    if (options >= 0) end = options;
    const required = isWord(tokens[end - 2], 'NOT') && isWord(tokens[end - 1], 'NULL');
    if (required) end -= 2;
    const column = tokens[from];
    return {
      name: column?.kind === 'quoted' ? column.value : column?.text,
      ...fieldType(tokens, from + 1, end),
      ...(required ? { mode: 'REQUIRED' } : {}),
      ...(description ? { description: tokenize(description)[0]?.value } : {}),
    };
  });
  return { fields, next: close + 1 };
}

function readHead(tokens: Token[]): { kind: 'VIEW' | 'TABLE' | 'FUNCTION'; replace: boolean; at: number } {
  let at = 1;
  const replace = isWord(tokens[1], 'OR') && isWord(tokens[2], 'REPLACE');
  if (replace) at = 3;
  if (isWord(tokens[at], 'TEMP', 'TEMPORARY'))
    throw unsupported('temporary tables and functions (they need a session)');
  const kind = tokens[at]?.value;
  if (kind !== 'VIEW' && kind !== 'TABLE' && kind !== 'FUNCTION') {
    throw unsupported(`CREATE ${tokens[at]?.text.toUpperCase() ?? ''} statements`);
  }
  return { kind, replace, at: at + 1 };
}

const TYPE_KINDS: Record<string, string> = { INTEGER: 'INT64', FLOAT: 'FLOAT64', BOOLEAN: 'BOOL' };

/** A schema field's type as a routine's StandardSqlDataType. */
function standardType(field: Record<string, unknown>): Record<string, unknown> {
  if (field.mode === 'REPEATED')
    return { typeKind: 'ARRAY', arrayElementType: standardType({ ...field, mode: undefined }) };
  if (field.type === 'RECORD') {
    const members = (field.fields as Record<string, unknown>[]).map((member) => ({
      name: member.name,
      type: standardType(member),
    }));
    return { typeKind: 'STRUCT', structType: { fields: members } };
  }
  const type = String(field.type);
  return { typeKind: TYPE_KINDS[type] ?? type };
}

/** `CREATE FUNCTION path(args) [RETURNS type] [LANGUAGE x] AS (body)` → a routine resource. */
function parseFunction(sql: string, tokens: Token[], at: number, replace: boolean): DdlStatement {
  const { path, next } = readPathAt(tokens, at);
  if (!isSymbol(tokens[next], '(')) throw unsupported('CREATE FUNCTION without an argument list');
  const close = closingIndex(tokens, next);
  const args = close > next + 1 ? splitTopLevelAngles(tokens, next + 1, close) : [];
  const routineArguments = args.map(([from, to]) => ({
    name: tokens[from]?.text,
    dataType: standardType(fieldType(tokens, from + 1, to)),
  }));
  const as = topLevelWord(tokens, close + 1, tokens.length, 'AS');
  if (as < 0)
    throw new BigQueryApiError('invalidQuery', 'Syntax error: CREATE FUNCTION needs AS followed by its body');
  const returns = topLevelWord(tokens, close + 1, as, 'RETURNS');
  const language = topLevelWord(tokens, close + 1, as, 'LANGUAGE');
  const returnEnd = [language, as].filter((index) => index > returns).sort((a, b) => a - b)[0] ?? as;
  const body =
    tokens[as + 1]?.kind === 'string'
      ? (tokens[as + 1]?.value ?? '')
      : source(sql, tokens, as + 2, tokens.length - 1);
  const routine = {
    routineType: 'SCALAR_FUNCTION',
    language:
      language >= 0 ? (tokens[language + 1]?.text.toUpperCase() === 'JS' ? 'JAVASCRIPT' : 'SQL') : 'SQL',
    arguments: routineArguments,
    ...(returns >= 0 ? { returnType: standardType(fieldType(tokens, returns + 1, returnEnd)) } : {}),
    definitionBody: body,
  };
  return {
    kind: 'CREATE_FUNCTION',
    path,
    replace,
    ifNotExists: false,
    ifExists: false,
    options: new Map(),
    routine,
  };
}

function parseCreate(sql: string, tokens: Token[]): DdlStatement {
  const head = readHead(tokens);
  if (head.kind === 'FUNCTION') return parseFunction(sql, tokens, head.at, head.replace);
  let at = head.at;
  const ifNotExists =
    isWord(tokens[at], 'IF') && isWord(tokens[at + 1], 'NOT') && isWord(tokens[at + 2], 'EXISTS');
  if (ifNotExists) at += 3;
  if (ifNotExists && head.replace)
    throw new BigQueryApiError('invalidQuery', 'CREATE OR REPLACE cannot be combined with IF NOT EXISTS');
  const { path, next } = readPathAt(tokens, at);
  at = next;
  const statement: DdlStatement = {
    kind: head.kind === 'VIEW' ? 'CREATE_VIEW' : 'CREATE_TABLE',
    path,
    replace: head.replace,
    ifNotExists,
    ifExists: false,
    options: new Map(),
  };
  if (head.kind === 'TABLE' && isSymbol(tokens[at], '('))
    ({ fields: statement.fields, next: at } = readColumns(sql, tokens, at));
  const as = topLevelWord(tokens, at, tokens.length, 'AS');
  const end = as < 0 ? tokens.length : as;
  const partition = topLevelWord(tokens, at, end, 'PARTITION');
  const cluster = topLevelWord(tokens, at, end, 'CLUSTER');
  const options = topLevelWord(tokens, at, end, 'OPTIONS');
  if (options >= 0) statement.options = readOptions(sql, tokens, options + 1).options;
  if (partition >= 0)
    statement.partitionBy = tokens.slice(
      partition + 2,
      [cluster, options, end].filter((i) => i > partition).sort((a, b) => a - b)[0],
    );
  if (cluster >= 0) {
    const stop = [options, end].filter((index) => index > cluster).sort((a, b) => a - b)[0] ?? end;
    statement.clusterBy = tokens
      .slice(cluster + 2, stop)
      .filter((token) => !isSymbol(token, ','))
      .map((token) => token.text);
  }
  if (as >= 0) {
    statement.query = source(sql, tokens, as + 1, tokens.length).replace(/;\s*$/, '');
    if (head.kind === 'TABLE') statement.kind = 'CREATE_TABLE_AS_SELECT';
  } else if (head.kind === 'VIEW') {
    throw new BigQueryApiError('invalidQuery', 'Syntax error: CREATE VIEW needs AS followed by a query');
  }
  return statement;
}

/** Tokens with `>>` split in two, so nested `ARRAY<STRUCT<…>>` types close one at a time. */
function ddlTokens(sql: string): Token[] {
  return tokenize(sql)
    .filter((token, index, all) => !(isSymbol(token, ';') && index === all.length - 1))
    .flatMap((token) =>
      isSymbol(token, '>>')
        ? [
            { ...token, text: '>', value: '>' },
            { ...token, text: '>', value: '>', start: token.start + 1, spaceBefore: false },
          ]
        : [token],
    );
}

export function parseDdl(sql: string): DdlStatement {
  const tokens = ddlTokens(sql);
  const verb = tokens[0]?.value;
  if (verb === 'CREATE') return parseCreate(sql, tokens);
  if (verb === 'DROP' && isWord(tokens[1], 'TABLE', 'VIEW', 'FUNCTION')) {
    const ifExists = isWord(tokens[2], 'IF') && isWord(tokens[3], 'EXISTS');
    const { path } = readPathAt(tokens, ifExists ? 4 : 2);
    const kind = `DROP_${tokens[1]?.value}` as DdlKind;
    return { kind, path, replace: false, ifNotExists: false, ifExists, options: new Map() };
  }
  throw unsupported(`${verb ?? ''} ${tokens[1]?.text.toUpperCase() ?? ''} statements`.trim());
}
