// The table a `dataset.INFORMATION_SCHEMA.<view>` reference is filtered to, when the query
// says so plainly: `FROM <view> [alias] WHERE … table_name = 'x' AND …` (or `= @param`).
// BigQuery narrows the tables such a view reads by this filter (its documentation on
// INFORMATION_SCHEMA.PARTITIONS: the view reads at most 1,000 tables, "to narrow down your
// results, use filters with the WHERE statement, for example, table_name = 'mytable'"), so
// the local cloud builds the view from that table alone instead of every table of the
// dataset. The filter itself stays in the query: this only leaves out rows it would drop.
// Anything less plain (OR, NOT, CASE, BETWEEN, joins, positional parameters, a non-STRING
// value) reads every table, as before.
import { isSymbol, isWord, type Token, topLevelIndices } from './lexer.js';
import type { Translator } from './translator.js';

/** Words that end a WHERE clause at its own level. */
const WHERE_ENDS = new Set([
  'GROUP',
  'HAVING',
  'QUALIFY',
  'WINDOW',
  'ORDER',
  'LIMIT',
  'UNION',
  'INTERSECT',
  'EXCEPT',
]);
/** Top-level words under which a conjunct `table_name = v` might not be one. */
const NOT_A_CONJUNCTION = ['OR', 'NOT', 'CASE', 'BETWEEN', 'XOR'];

/** Index past the WHERE clause that starts at `where`, at the same bracket level. */
function whereEnd(tokens: Token[], where: number): number {
  let depth = 0;
  for (let index = where + 1; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (isSymbol(token, '(', '[')) depth += 1;
    else if (isSymbol(token, ')', ']')) {
      depth -= 1;
      if (depth < 0) return index;
    } else if (
      depth === 0 &&
      (isSymbol(token, ';') || (token?.kind === 'word' && WHERE_ENDS.has(token.value)))
    )
      return index;
  }
  return tokens.length;
}

/** The top-level conjuncts of tokens[from, to), or undefined when it is not a plain AND chain. */
function conjuncts(tokens: Token[], from: number, to: number): [number, number][] | undefined {
  const parts: [number, number][] = [];
  let start = from;
  for (const index of topLevelIndices(tokens, from, to)) {
    const token = tokens[index];
    if (isWord(token, ...NOT_A_CONJUNCTION)) return undefined;
    if (isWord(token, 'AND')) {
      parts.push([start, index]);
      start = index + 1;
    }
  }
  parts.push([start, to]);
  return parts;
}

const isName = (token: Token | undefined, name: string): boolean =>
  (token?.kind === 'word' || token?.kind === 'quoted') && token.value.toLowerCase() === name;

/** The STRING a literal or named parameter holds, else undefined. */
function stringValue(translator: Translator, token: Token | undefined): string | undefined {
  if (token?.kind === 'string') return token.value;
  if (token?.kind !== 'param') return undefined;
  const bound = translator.options.params.named.get(token.value.toLowerCase());
  return typeof bound?.value === 'string' ? bound.value : undefined;
}

/** `[alias.]table_name = v` or `v = [alias.]table_name` spanning exactly tokens[from, to). */
function equalsValue(translator: Translator, from: number, to: number, alias: string): string | undefined {
  const { tokens } = translator;
  const column = (at: number, end: number): boolean => {
    if (end - at === 1) return isName(tokens[at], 'table_name');
    return (
      end - at === 3 &&
      isName(tokens[at], alias) &&
      isSymbol(tokens[at + 1], '.') &&
      isName(tokens[at + 2], 'table_name')
    );
  };
  for (const valueAt of [to - 1, from]) {
    const [columnFrom, columnTo] = valueAt === from ? [from + 2, to] : [from, to - 2];
    const equals = valueAt === from ? from + 1 : to - 2;
    if (isSymbol(tokens[equals], '=') && column(columnFrom, columnTo)) {
      const value = stringValue(translator, tokens[valueAt]);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

/**
 * The table name the FROM item tokens[itemStart, next) is filtered to, when it is the
 * query's only FROM item and its WHERE clause holds `table_name = <STRING>` as a conjunct.
 */
export function filteredTableName(
  translator: Translator,
  itemStart: number,
  next: number,
  alias: string,
): string | undefined {
  const { tokens } = translator;
  if (!isWord(tokens[itemStart - 1], 'FROM') || !isWord(tokens[next], 'WHERE')) return undefined;
  const parts = conjuncts(tokens, next + 1, whereEnd(tokens, next));
  for (const [from, to] of parts ?? []) {
    const value = equalsValue(translator, from, to, alias.toLowerCase());
    if (value !== undefined) return value;
  }
  return undefined;
}
