// The backslash escapes of filter strings and unquoted text, decoded: \uXXXX, \xHH, octal
// \NNN, \a \b \f \n \r \t \v, and a backslash before any of , : = < > + ~ " \ . * (the
// set Google's own Logging filter parser in the Ops Agent accepts). Any other escape is
// an error, reported at its position; regular expressions skip this and keep theirs.
import type { Literal, SourcePosition } from './filter-ast.js';
import { filterError } from './filter-parser.js';

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
const LITERAL_ESCAPES = ',:=<>+~"\\.*';

/** Decodes `raw`; on a bad escape returns the index of its backslash instead. */
function decode(raw: string): { text: string } | { badIndex: number } {
  let text = '';
  for (let index = 0; index < raw.length; index += 1) {
    const char = raw[index] as string;
    if (char !== '\\') {
      text += char;
      continue;
    }
    const rest = raw.slice(index + 1);
    const numeric = /^u([0-9a-fA-F]{4})|^x([0-9a-fA-F]{2})|^([0-3][0-7]{2}|[0-7]{1,2})/.exec(rest);
    if (numeric) {
      const [whole, unicode, hex, octal] = numeric;
      text += String.fromCharCode(
        unicode || hex ? Number.parseInt(unicode ?? hex ?? '', 16) : Number.parseInt(octal ?? '', 8),
      );
      index += whole.length;
    } else if (rest[0] !== undefined && SIMPLE[rest[0]] !== undefined) {
      text += SIMPLE[rest[0]];
      index += 1;
    } else if (rest[0] !== undefined && LITERAL_ESCAPES.includes(rest[0])) {
      text += rest[0];
      index += 1;
    } else {
      return { badIndex: index };
    }
  }
  return { text };
}

/** The decoded text of a raw string or unquoted value written at `at` (the opening quote, if any). */
export function decodeRaw(raw: string, quoted: boolean, at: SourcePosition, filter: string): string {
  const result = decode(raw);
  if ('text' in result) return result.text;
  const column = at.column + (quoted ? 1 : 0) + result.badIndex;
  const position = { offset: at.offset + column - at.column, line: at.line, column };
  const written = raw.slice(result.badIndex, result.badIndex + 2);
  throw filterError(
    filter,
    position,
    `invalid escape sequence "${written}": escape only , : = < > + ~ " \\ . * (or write \\n, \\t, \\uXXXX).`,
  );
}

export function literalText(literal: Literal, filter: string): string {
  return decodeRaw(literal.raw, literal.quoted, literal.at, filter);
}
