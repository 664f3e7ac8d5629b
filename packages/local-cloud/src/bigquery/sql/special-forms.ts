// GoogleSQL forms with their own syntax: CAST/SAFE_CAST (GoogleSQL type names), EXTRACT
// (DAYOFWEEK counts from 1 = Sunday), STRUCT(x AS a) constructors, typed literals
// (`TIMESTAMP '…'` is an instant, `DATETIME '…'` civil), `x IN UNNEST(array)`, and
// array subscripts `[OFFSET(i)]` / `[ORDINAL(i)]`.
import { sqlText } from '../engine/column-types.js';
import { closingIndex, isSymbol, isWord, splitTopLevel, type Token, topLevelWord } from './lexer.js';
import type { Translator } from './translator.js';
import { translateType, unsupported } from './type-names.js';

interface Form {
  text: string;
  next: number;
}

/** The form's bracket opening at `open` and its closing partner, with the tokens they index. */
function bracketed(translator: Translator, open: number): { tokens: Token[]; open: number; close: number } {
  return { tokens: translator.tokens, open, close: closingIndex(translator.tokens, open) };
}

const LITERAL_TYPES: Record<string, (text: string) => string> = {
  DATE: (text) => `DATE ${text}`,
  TIME: (text) => `TIME ${text}`,
  DATETIME: (text) => `TIMESTAMP ${text}`,
  TIMESTAMP: (text) => `TIMESTAMPTZ ${text}`,
  NUMERIC: (text) => `CAST(${text} AS DECIMAL(38,9))`,
  DECIMAL: (text) => `CAST(${text} AS DECIMAL(38,9))`,
  BIGNUMERIC: (text) => `CAST(${text} AS DECIMAL(38,18))`,
  BIGDECIMAL: (text) => `CAST(${text} AS DECIMAL(38,18))`,
  JSON: (text) => `CAST(${text} AS JSON)`,
};

function castForm(translator: Translator, index: number, safe: boolean): Form {
  const { tokens, open, close } = bracketed(translator, index + 1);
  const as = topLevelWord(tokens, open + 1, close, 'AS');
  if (as < 0) throw translator.error(open, 'Expected keyword AS in CAST');
  const format = tokens.slice(as, close).findIndex((token) => isWord(token, 'FORMAT'));
  if (format >= 0) throw unsupported('CAST … FORMAT');
  const value = translator.emit(open + 1, as).trim();
  const type = translateType(tokens, as + 1, close);
  if (type === 'VARCHAR') return { text: `bq_to_string(${value})`, next: close + 1 };
  return { text: `${safe ? 'TRY_CAST' : 'CAST'}(${value} AS ${type})`, next: close + 1 };
}

function extractForm(translator: Translator, index: number): Form {
  const { tokens, open, close } = bracketed(translator, index + 1);
  const part = tokens[open + 1];
  if (!isWord(tokens[open + 2], 'FROM')) throw translator.error(open + 2, 'Expected keyword FROM in EXTRACT');
  const at = tokens.findIndex(
    (token, position) => position > open && position < close && isWord(token, 'AT'),
  );
  if (at >= 0) throw unsupported('EXTRACT … AT TIME ZONE');
  const value = translator.emit(open + 3, close).trim();
  const name = part?.value ?? '';
  const next = close + 1;
  if (name === 'DAYOFWEEK') return { text: `(extract('dow' FROM ${value}) + 1)`, next };
  if (name === 'DATE') return { text: `CAST(${value} AS DATE)`, next };
  if (name === 'TIME') return { text: `CAST(${value} AS TIME)`, next };
  if (name === 'WEEK') throw unsupported('EXTRACT(WEEK …) (Sunday-based weeks); use ISOWEEK');
  const engineName = name === 'ISOWEEK' ? 'week' : name === 'DAYOFYEAR' ? 'doy' : name.toLowerCase();
  return { text: `extract('${engineName}' FROM ${value})`, next };
}

/** `STRUCT(1 AS a, 'x' AS b)` → `struct_pack(a := 1, b := 'x')`. */
function structForm(translator: Translator, index: number): Form {
  const { tokens, open, close } = bracketed(translator, index + 1);
  const members = splitTopLevel(tokens, open + 1, close).map(([from, to], position) => {
    const aliased = isWord(tokens[to - 2], 'AS');
    const alias = tokens[to - 1];
    const name = aliased
      ? alias?.kind === 'quoted'
        ? alias.value
        : (alias?.text ?? '')
      : `_field_${position + 1}`;
    const value = translator.emit(from, aliased ? to - 2 : to).trim();
    return `"${name.replace(/"/g, '""')}" := ${value}`;
  });
  return { text: `struct_pack(${members.join(', ')})`, next: close + 1 };
}

/** `IN UNNEST(array)` → `IN (SELECT unnest(array))`. */
function inUnnestForm(translator: Translator, index: number): Form {
  const { open, close } = bracketed(translator, index + 2);
  return { text: `IN (SELECT unnest(${translator.emit(open + 1, close)}))`, next: close + 1 };
}

/** `[OFFSET(i)]` (0-based) and `[ORDINAL(i)]` (1-based) → the engine's 1-based subscript. */
function subscriptForm(translator: Translator, index: number): Form | undefined {
  const kind = translator.tokens[index + 1];
  if (
    !isWord(kind, 'OFFSET', 'SAFE_OFFSET', 'ORDINAL', 'SAFE_ORDINAL') ||
    !isSymbol(translator.tokens[index + 2], '(')
  ) {
    return undefined;
  }
  const close = closingIndex(translator.tokens, index + 2);
  if (!isSymbol(translator.tokens[close + 1], ']')) throw translator.error(close + 1, 'Expected "]"');
  const position = translator.emit(index + 3, close).trim();
  const offset = kind?.value.endsWith('OFFSET') ? ` + 1` : '';
  return { text: `[(${position})${offset}]`, next: close + 2 };
}

function typedLiteral(translator: Translator, index: number): Form | undefined {
  const token = translator.tokens[index] as Token;
  const literal = translator.tokens[index + 1];
  const build = LITERAL_TYPES[token.value];
  if (!build || literal?.kind !== 'string') return undefined;
  return { text: build(sqlText(literal.value)), next: index + 2 };
}

/** The special form starting at `index`, if there is one. */
export function specialForm(translator: Translator, index: number): Form | undefined {
  const { tokens } = translator;
  const token = tokens[index];
  const next = tokens[index + 1];
  if (isSymbol(token, '[')) return subscriptForm(translator, index);
  if (token?.kind !== 'word') return undefined;
  if (isSymbol(next, '(')) {
    if (token.value === 'CAST' || token.value === 'SAFE_CAST')
      return castForm(translator, index, token.value === 'SAFE_CAST');
    if (token.value === 'EXTRACT') return extractForm(translator, index);
    if (token.value === 'STRUCT') return structForm(translator, index);
  }
  if (isSymbol(next, '<') && ['STRUCT', 'ARRAY', 'RANGE'].includes(token.value)) {
    throw unsupported(`typed ${token.value}<…> constructors and literals`);
  }
  if (token.value === 'IN' && isWord(next, 'UNNEST') && isSymbol(tokens[index + 2], '('))
    return inUnnestForm(translator, index);
  if (token.value === 'SELECT' && isWord(next, 'AS') && isWord(tokens[index + 2], 'STRUCT', 'VALUE')) {
    throw unsupported(`SELECT AS ${tokens[index + 2]?.value}`);
  }
  return typedLiteral(translator, index);
}
