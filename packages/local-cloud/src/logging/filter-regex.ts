// The regular expressions of `=~` / `!~`: Cloud Logging uses RE2, the local cloud runs
// them as JavaScript RegExps after a small translation. What RE2 refuses (backreferences,
// lookaround) is refused here too, so a pattern that works locally works on the real
// service; RE2 syntax JavaScript lacks is translated: a leading `(?i)` / `(?s)` / `(?m)`
// becomes a flag, `(?P<name>…)` a named group, `\A` / `\z` text anchors, `\Q…\E` a quoted
// literal, `[[:alpha:]]`-style classes their ranges, `\pL` `\p{L}`. Still different: RE2
// matches in linear time and on UTF-8; flag groups anywhere but the start and the
// ungreedy flag `U` are refused rather than emulated.

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** Why RE2 (or the local cloud) refuses a pattern. */
export class PatternError extends Error {
  override name = 'PatternError';
}

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Translates the escape at pattern[index] (a backslash); returns the JS text and its length. */
function translateEscape(pattern: string, index: number, inClass: boolean): [string, number] {
  const next = pattern[index + 1];
  if (next === undefined) throw new PatternError('the pattern ends with a lone backslash');
  if (/[1-9]/.test(next) && !inClass) throw new PatternError('RE2 does not support backreferences');
  if (next === 'k' && !inClass) throw new PatternError('RE2 does not support backreferences');
  if (next === 'C') throw new PatternError('RE2 \\C (any byte) has no JavaScript equivalent');
  if (next === 'A' && !inClass) return ['(?<![\\s\\S])', 2];
  if (next === 'z' && !inClass) return ['(?![\\s\\S])', 2];
  if (next === 'Q') {
    const end = pattern.indexOf('\\E', index + 2);
    const quoted = pattern.slice(index + 2, end === -1 ? undefined : end);
    return [escapeLiteral(quoted), (end === -1 ? pattern.length : end + 2) - index];
  }
  if ((next === 'p' || next === 'P') && /[A-Za-z]/.test(pattern[index + 2] ?? '')) {
    return [`\\${next}{${pattern[index + 2]}}`, 3];
  }
  return [`\\${next}`, 2];
}

function translateGroupOpening(pattern: string, index: number): [string, number] {
  const rest = pattern.slice(index);
  if (/^\(\?(=|!|<=|<!)/.test(rest)) throw new PatternError('RE2 does not support lookahead or lookbehind');
  if (rest.startsWith('(?P=')) throw new PatternError('RE2 does not support backreferences');
  if (rest.startsWith('(?P<')) return ['(?<', 4];
  if (/^\(\?[a-zA-Z-]+[:)]/.test(rest)) {
    throw new PatternError(
      'flag groups such as (?i) are supported by the local cloud only at the very start of the pattern',
    );
  }
  return ['(', 1];
}

function translateClass(pattern: string, index: number): [string, number] {
  let out = '[';
  let position = index + 1;
  if (pattern[position] === '^') {
    out += '^';
    position += 1;
  }
  if (pattern[position] === ']') {
    out += '\\]';
    position += 1;
  }
  while (position < pattern.length && pattern[position] !== ']') {
    const posix = /^\[:(\^)?([a-z]+):\]/.exec(pattern.slice(position));
    if (posix) {
      const range = POSIX_CLASSES[posix[2] ?? ''];
      if (!range || posix[1])
        throw new PatternError(`unsupported character class [:${posix[1] ?? ''}${posix[2]}:]`);
      out += range;
      position += posix[0].length;
    } else if (pattern[position] === '\\') {
      const [text, length] = translateEscape(pattern, position, true);
      out += text;
      position += length;
    } else {
      out += pattern[position] === '[' ? '\\[' : pattern[position];
      position += 1;
    }
  }
  if (position >= pattern.length) throw new PatternError('missing closing ]');
  return [`${out}]`, position + 1 - index];
}

function leadingFlags(pattern: string): { flags: string; body: string } {
  const match = /^\(\?([a-zA-Z]+)\)/.exec(pattern);
  if (!match) return { flags: '', body: pattern };
  const flags = match[1] ?? '';
  for (const flag of flags) {
    if (!'ims'.includes(flag))
      throw new PatternError(`the RE2 flag "${flag}" is not supported by the local cloud`);
  }
  return { flags: [...new Set(flags)].join(''), body: pattern.slice(match[0].length) };
}

/** A JavaScript RegExp that searches (unanchored) as the RE2 `pattern` would. */
export function compileRe2(pattern: string): RegExp {
  const { flags, body } = leadingFlags(pattern);
  let source = '';
  for (let index = 0; index < body.length; ) {
    const char = body[index];
    const [text, length] =
      char === '\\'
        ? translateEscape(body, index, false)
        : char === '['
          ? translateClass(body, index)
          : char === '('
            ? translateGroupOpening(body, index)
            : [char ?? '', 1];
    source += text;
    index += length;
  }
  try {
    return new RegExp(source, `${flags}u`);
  } catch {
    try {
      return new RegExp(source, flags);
    } catch (error) {
      throw new PatternError((error as Error).message.replace(/^Invalid regular expression: /, ''));
    }
  }
}
