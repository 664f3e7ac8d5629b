// A small GoogleSQL tokenizer for the few statements the local BigQuery answers:
// identifiers (plain or `backticked`), 'string' / "string" literals, @named and ?
// positional parameters, numbers and punctuation. Comments and whitespace are skipped.
import { BigQueryApiError } from './errors.js';

export type Token =
  | { kind: 'ident'; text: string; quoted: boolean }
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'param'; name: string | number }
  | { kind: 'punct'; text: string };

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let positional = 0;
  let i = 0;
  while (i < sql.length) {
    const char = sql[i] ?? '';
    const rest = sql.slice(i);
    if (/\s/.test(char)) {
      i += 1;
    } else if (rest.startsWith('--') || char === '#') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (rest.startsWith('/*')) {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (char === '`') {
      const end = sql.indexOf('`', i + 1);
      if (end < 0) throw syntax('unclosed identifier quote `');
      tokens.push({ kind: 'ident', text: sql.slice(i + 1, end), quoted: true });
      i = end + 1;
    } else if (char === "'" || char === '"') {
      let j = i + 1;
      let text = '';
      while (j < sql.length && sql[j] !== char) {
        if (sql[j] === '\\' && j + 1 < sql.length) j += 1;
        text += sql[j];
        j += 1;
      }
      if (j >= sql.length) throw syntax('unclosed string literal');
      tokens.push({ kind: 'string', text });
      i = j + 1;
    } else if (char === '@') {
      const match = /^@([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
      if (!match?.[1]) throw syntax('bad query parameter name');
      tokens.push({ kind: 'param', name: match[1] });
      i += match[0].length;
    } else if (char === '?') {
      tokens.push({ kind: 'param', name: positional++ });
      i += 1;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(rest)?.[0] ?? char;
      tokens.push({ kind: 'ident', text: match, quoted: false });
      i += match.length;
    } else if (/\d/.test(char)) {
      const match = /^\d+(\.\d+)?/.exec(rest)?.[0] ?? char;
      tokens.push({ kind: 'number', text: match });
      i += match.length;
    } else if ('(),.*=;'.includes(char)) {
      tokens.push({ kind: 'punct', text: char });
      i += 1;
    } else {
      throw syntax(`unexpected character "${char}"`);
    }
  }
  return tokens;
}

function syntax(detail: string): BigQueryApiError {
  return new BigQueryApiError('invalidQuery', `Syntax error: ${detail}`);
}
