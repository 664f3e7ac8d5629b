// Output column names of a query's top-level select list, as BigQuery gives them: a path
// (`t.Name`) is named by its last part as written, an explicit or implicit alias by
// itself, and every other expression `f0_`, `f1_`, … in order. The engine names such
// columns differently, so each needing it gets an explicit alias.
import { isSymbol, isWord, type Token } from './lexer.js';

/** Words that end the select list at the top level. */
const LIST_END = new Set([
  'FROM',
  'WHERE',
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

/** Words that read as identifiers but are values or keywords, never aliases or paths. */
const NOT_NAMES = new Set([
  'NULL',
  'TRUE',
  'FALSE',
  'END',
  'CURRENT_DATE',
  'CURRENT_TIMESTAMP',
  'CURRENT_DATETIME',
  'CURRENT_TIME',
]);

const isName = (token: Token | undefined): boolean =>
  token?.kind === 'quoted' || (token?.kind === 'word' && !NOT_NAMES.has(token.value));

/** Index of the query's main SELECT (after a WITH clause), or -1 for other statements. */
function mainSelectIndex(tokens: Token[]): number {
  let depth = 0;
  for (const [index, token] of tokens.entries()) {
    if (isSymbol(token, '(', '[')) depth += 1;
    else if (isSymbol(token, ')', ']')) depth -= 1;
    else if (depth === 0 && isWord(token, 'SELECT')) return index;
    else if (depth === 0 && !isWord(token, 'WITH', 'RECURSIVE', 'AS') && index === 0) return -1;
  }
  return -1;
}

function listEnd(tokens: Token[], start: number): number {
  let depth = 0;
  for (let index = start; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (isSymbol(token, '(', '[')) depth += 1;
    else if (isSymbol(token, ')', ']')) depth -= 1;
    else if (
      depth === 0 &&
      token &&
      (isSymbol(token, ';') || (token.kind === 'word' && LIST_END.has(token.value)))
    ) {
      if (token.value === 'EXCEPT' && isSymbol(tokens[index - 1], '*')) continue;
      return index;
    }
  }
  return tokens.length;
}

/** How an item's output column gets its name in the engine SQL. */
export interface OutputName {
  name: string;
  /** append: ` AS name` after the item; alias: the item's alias token becomes `AS name`; quote: it becomes `name`. */
  how: 'append' | 'alias' | 'quote';
}

const nameOf = (token: Token | undefined): string =>
  token?.kind === 'quoted' ? (token.value.split('.').at(-1) ?? token.value) : (token?.text ?? '');

/** The output name of the item tokens[from, to), keyed by the token it attaches to. */
function itemName(
  tokens: Token[],
  from: number,
  to: number,
): { at: number; output: OutputName } | 'star' | 'anonymous' {
  const last = tokens[to - 1];
  const before = tokens[to - 2];
  const items = tokens.slice(from, to);
  if (items.some((token, index) => isSymbol(token, '*') && (index === 0 || isSymbol(items[index - 1], '.'))))
    return 'star';
  if (isWord(before, 'AS') && isName(last))
    return { at: to - 1, output: { name: nameOf(last), how: 'quote' } };
  const isPath = items.every((token, index) => (index % 2 === 0 ? isName(token) : isSymbol(token, '.')));
  if (isPath && items.length % 2 === 1) return { at: to - 1, output: { name: nameOf(last), how: 'append' } };
  const endsExpression =
    before &&
    (isName(before) || ['number', 'string', 'param'].includes(before.kind) || isSymbol(before, ')', ']'));
  if (items.length >= 2 && isName(last) && endsExpression && !isSymbol(tokens[to - 3], '.')) {
    return { at: to - 1, output: { name: nameOf(last), how: 'alias' } };
  }
  return 'anonymous';
}

/** The output name of each top-level select item, by the token index it attaches to. */
export function selectAliases(tokens: Token[]): Map<number, OutputName> {
  const aliases = new Map<number, OutputName>();
  const select = mainSelectIndex(tokens);
  if (select < 0) return aliases;
  let start = select + 1;
  if (isWord(tokens[start], 'DISTINCT', 'ALL')) start += 1;
  const end = listEnd(tokens, start);
  let anonymous = 0;
  let depth = 0;
  let itemStart = start;
  for (let index = start; index <= end; index += 1) {
    const token = tokens[index];
    if (isSymbol(token, '(', '[')) depth += 1;
    else if (isSymbol(token, ')', ']')) depth -= 1;
    if (index < end && !(depth === 0 && isSymbol(token, ','))) continue;
    if (index > itemStart) {
      const named = itemName(tokens, itemStart, index);
      if (named === 'anonymous') {
        aliases.set(index - 1, { name: `f${anonymous}_`, how: 'append' });
        anonymous += 1;
      } else if (named !== 'star') aliases.set(named.at, named.output);
    }
    itemStart = index + 1;
  }
  return aliases;
}
