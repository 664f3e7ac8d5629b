// GoogleSQL's lexical structure, enough to translate a query for the SQL engine: words,
// backticked identifiers, every string and bytes literal form (quotes, triple quotes, raw,
// escapes), numbers, `@named` and `?` parameters, `@@system` variables and symbols.
// Comments (`--`, `#`, `/* */`) and whitespace are dropped; `spaceBefore` remembers them.
import { BigQueryApiError } from '../errors.js';

type TokenKind =
  | 'word'
  | 'quoted'
  | 'string'
  | 'bytes'
  | 'number'
  | 'param'
  | 'positional'
  | 'sysvar'
  | 'symbol';

export interface Token {
  kind: TokenKind;
  /** The source text of the token. */
  text: string;
  /** Words: upper-cased; quoted: the name; strings/bytes: the decoded value; params: the name. */
  value: string;
  /** Offset in the query, for error positions. */
  start: number;
  /** Whether whitespace or a comment came right before it. */
  spaceBefore: boolean;
}

/** The clauses that end a select list, a FROM item or an expression of a query. */
export const QUERY_CLAUSES = [
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
];

const SYMBOLS = ['>=', '<=', '<>', '!=', '||', '<<', '>>', '=>'];
const SINGLE_SYMBOLS = new Set('()[],.;+-*/=<>~&|^{}:%!'.split(''));
const WORD_START = /[A-Za-z_]/;
const WORD_PART = /[A-Za-z0-9_]/;

/** `[line:column]` of an offset, as BigQuery prints positions in syntax errors. */
export function positionOf(sql: string, offset: number): string {
  const before = sql.slice(0, offset).split('\n');
  return `[${before.length}:${(before.at(-1)?.length ?? 0) + 1}]`;
}

export function syntaxError(sql: string, offset: number, detail: string): BigQueryApiError {
  return new BigQueryApiError('invalidQuery', `Syntax error: ${detail} at ${positionOf(sql, offset)}`);
}

class Lexer {
  private at = 0;
  private readonly tokens: Token[] = [];
  private spaceBefore = false;

  constructor(private readonly sql: string) {}

  run(): Token[] {
    while (this.at < this.sql.length) {
      if (this.skipSpaceOrComment()) {
        this.spaceBefore = true;
        continue;
      }
      this.tokens.push(this.next());
      this.spaceBefore = false;
    }
    return this.tokens;
  }

  private skipSpaceOrComment(): boolean {
    const { sql, at } = this;
    const char = sql[at] ?? '';
    if (/\s/.test(char)) {
      this.at += 1;
      return true;
    }
    if (char === '#' || sql.startsWith('--', at)) {
      const end = sql.indexOf('\n', at);
      this.at = end < 0 ? sql.length : end + 1;
      return true;
    }
    if (sql.startsWith('/*', at)) {
      const end = sql.indexOf('*/', at + 2);
      if (end < 0) throw syntaxError(sql, at, 'Unclosed comment');
      this.at = end + 2;
      return true;
    }
    return false;
  }

  private token(kind: TokenKind, start: number, value: string): Token {
    return { kind, text: this.sql.slice(start, this.at), value, start, spaceBefore: this.spaceBefore };
  }

  private next(): Token {
    const { sql, at } = this;
    const char = sql[at] ?? '';
    const prefix = /^(rb|br|r|b)(?=['"])/i.exec(sql.slice(at, at + 3))?.[0];
    if (prefix) return this.stringLiteral(prefix.toLowerCase());
    if (char === "'" || char === '"') return this.stringLiteral('');
    if (char === '`') return this.quoted(at);
    if (WORD_START.test(char)) return this.word(at);
    if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(sql[at + 1] ?? ''))) return this.number(at);
    if (char === '@') return this.parameter(at);
    if (char === '?') {
      this.at += 1;
      return this.token('positional', at, '?');
    }
    const pair = sql.slice(at, at + 2);
    if (SYMBOLS.includes(pair)) {
      this.at += 2;
      return this.token('symbol', at, pair);
    }
    if (SINGLE_SYMBOLS.has(char)) {
      this.at += 1;
      return this.token('symbol', at, char);
    }
    throw syntaxError(sql, at, `Illegal input character "${char}"`);
  }

  private word(start: number): Token {
    while (WORD_PART.test(this.sql[this.at] ?? '')) this.at += 1;
    return this.token('word', start, this.sql.slice(start, this.at).toUpperCase());
  }

  private quoted(start: number): Token {
    const end = this.sql.indexOf('`', start + 1);
    if (end < 0) throw syntaxError(this.sql, start, 'Unclosed identifier literal');
    this.at = end + 1;
    const name = this.sql.slice(start + 1, end);
    if (name === '') throw syntaxError(this.sql, start, 'Invalid empty identifier');
    return this.token('quoted', start, name);
  }

  private number(start: number): Token {
    const match = /^(0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(this.sql.slice(start));
    this.at = start + (match?.[0].length ?? 1);
    return this.token('number', start, match?.[0] ?? '');
  }

  private parameter(start: number): Token {
    const system = this.sql[start + 1] === '@';
    this.at = start + (system ? 2 : 1);
    if (this.sql[this.at] === '`') {
      const name = this.quoted(this.at).value;
      return this.token(system ? 'sysvar' : 'param', start, name);
    }
    const nameStart = this.at;
    while (/[A-Za-z0-9_.]/.test(this.sql[this.at] ?? '')) this.at += 1;
    if (this.at === nameStart) throw syntaxError(this.sql, start, 'Unexpected "@"');
    return this.token(system ? 'sysvar' : 'param', start, this.sql.slice(nameStart, this.at));
  }

  private stringLiteral(prefix: string): Token {
    const start = this.at;
    this.at += prefix.length;
    const quote = this.sql[this.at] ?? "'";
    const triple = this.sql.startsWith(quote.repeat(3), this.at);
    const delimiter = triple ? quote.repeat(3) : quote;
    this.at += delimiter.length;
    const raw = prefix.includes('r');
    let value = '';
    for (;;) {
      if (this.at >= this.sql.length) throw syntaxError(this.sql, start, 'Unclosed string literal');
      if (this.sql.startsWith(delimiter, this.at)) break;
      const char = this.sql[this.at] ?? '';
      if (!triple && char === '\n') throw syntaxError(this.sql, start, 'Unclosed string literal');
      if (char === '\\') {
        value += raw ? this.sql.slice(this.at, this.at + 2) : this.escape();
        this.at += raw ? 2 : 0;
        continue;
      }
      value += char;
      this.at += 1;
    }
    this.at += delimiter.length;
    return this.token(prefix.includes('b') ? 'bytes' : 'string', start, value);
  }

  /** Decodes one escape sequence at the cursor and moves past it. */
  private escape(): string {
    const { sql } = this;
    const kind = sql[this.at + 1] ?? '';
    const simple: Record<string, string> = {
      a: '\x07',
      b: '\b',
      f: '\f',
      n: '\n',
      r: '\r',
      t: '\t',
      v: '\v',
      '\\': '\\',
      '?': '?',
      '"': '"',
      "'": "'",
      '`': '`',
    };
    const direct = simple[kind];
    if (direct !== undefined) {
      this.at += 2;
      return direct;
    }
    const patterns: [RegExp, number][] = [
      [/^[0-7]{3}/, 8],
      [/^[xX][0-9a-fA-F]{2}/, 16],
      [/^u[0-9a-fA-F]{4}/, 16],
      [/^U[0-9a-fA-F]{8}/, 16],
    ];
    for (const [pattern, radix] of patterns) {
      const match = pattern.exec(sql.slice(this.at + 1));
      if (!match) continue;
      this.at += 1 + match[0].length;
      const digits = radix === 8 ? match[0] : match[0].slice(1);
      return String.fromCodePoint(Number.parseInt(digits, radix));
    }
    throw syntaxError(sql, this.at, `Illegal escape sequence: \\${kind}`);
  }
}

export function tokenize(sql: string): Token[] {
  return new Lexer(sql).run();
}

/** A word token with this (upper-case) value. */
export function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token?.kind === 'word' && words.includes(token.value);
}

export function isSymbol(token: Token | undefined, ...symbols: string[]): boolean {
  return token?.kind === 'symbol' && symbols.includes(token.value);
}

/** Index of the `)` or `]` closing the bracket at `open`, or -1. */
export function closingIndex(tokens: Token[], open: number): number {
  const opener = tokens[open]?.value;
  const closer = opener === '[' ? ']' : ')';
  let depth = 0;
  for (let index = open; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (isSymbol(token, opener ?? '(')) depth += 1;
    else if (isSymbol(token, closer)) {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

/** The symbols that open and close a nesting level the top-level scans step over. */
export interface Brackets {
  open: string[];
  close: string[];
}

/** Expressions nest in `(…)` and `[…]`. */
const EXPRESSION_BRACKETS: Brackets = { open: ['(', '['], close: [')', ']'] };

/**
 * The indices in tokens[from, to) that sit outside brackets, in order; the brackets
 * themselves are not yielded. Every "at the top level" scan walks tokens through this, so
 * the depth rule lives in one place.
 */
export function* topLevelIndices(
  tokens: Token[],
  from: number,
  to: number,
  brackets: Brackets = EXPRESSION_BRACKETS,
): Generator<number> {
  let depth = 0;
  for (let index = from; index < to; index += 1) {
    const token = tokens[index];
    if (isSymbol(token, ...brackets.open)) depth += 1;
    else if (isSymbol(token, ...brackets.close)) depth -= 1;
    else if (depth === 0) yield index;
  }
}

/** Splits tokens[from, to) at commas outside brackets; an empty range has no parts. */
export function splitTopLevel(
  tokens: Token[],
  from: number,
  to: number,
  brackets: Brackets = EXPRESSION_BRACKETS,
): [number, number][] {
  const parts: [number, number][] = [];
  let partStart = from;
  for (const index of topLevelIndices(tokens, from, to, brackets)) {
    if (!isSymbol(tokens[index], ',')) continue;
    parts.push([partStart, index]);
    partStart = index + 1;
  }
  if (to > partStart || parts.length > 0) parts.push([partStart, to]);
  return parts;
}

/** Index of the first `word` outside brackets in tokens[from, to), or -1. */
export function topLevelWord(tokens: Token[], from: number, to: number, word: string): number {
  for (const index of topLevelIndices(tokens, from, to)) if (isWord(tokens[index], word)) return index;
  return -1;
}
