// Output column names of a query's top-level select list, as BigQuery gives them: a path
// (`t.Name`) is named by its last part as written, an explicit or implicit alias by
// itself, and every other expression `f0_`, `f1_`, … in order. The engine names such
// columns differently, so each needing it gets an explicit alias.
import { isSymbol, isWord, QUERY_CLAUSES, splitTopLevel, type Token, topLevelIndices } from './lexer.js';

/** Words that end the select list at the top level. */
const LIST_END = new Set(['FROM', ...QUERY_CLAUSES]);

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
  for (const index of topLevelIndices(tokens, 0, tokens.length)) {
    const token = tokens[index];
    if (isWord(token, 'SELECT')) return index;
    if (index === 0 && !isWord(token, 'WITH', 'RECURSIVE', 'AS')) return -1;
  }
  return -1;
}

/** Index of the word or `;` that ends the select list starting at `start`. */
function listEnd(tokens: Token[], start: number): number {
  for (const index of topLevelIndices(tokens, start, tokens.length)) {
    const token = tokens[index];
    const ends = isSymbol(token, ';') || (token?.kind === 'word' && LIST_END.has(token.value));
    // `SELECT * EXCEPT (a)` names columns to leave out; it does not start a set operation.
    if (ends && !(token?.value === 'EXCEPT' && isSymbol(tokens[index - 1], '*'))) return index;
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
  for (const [from, to] of splitTopLevel(tokens, start, end)) {
    if (to <= from) continue;
    const named = itemName(tokens, from, to);
    if (named === 'anonymous') {
      aliases.set(to - 1, { name: `f${anonymous}_`, how: 'append' });
      anonymous += 1;
    } else if (named !== 'star') aliases.set(named.at, named.output);
  }
  return aliases;
}
