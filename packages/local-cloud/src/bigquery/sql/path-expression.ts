// Dotted names as GoogleSQL writes them: `a.b.c`, `` `a.b`.c `` (a backticked part may
// hold dots of its own) and, where BigQuery allows it, unquoted `my-project` dashes.
import { isSymbol, type Token } from './lexer.js';

/**
 * Reads the path starting at tokens[index]; returns its parts (empty when no name starts
 * there) and the index after it. `dashedWords` joins `my-project` into one part, as a
 * FROM clause allows; a dash written with spaces around it stays a minus.
 */
export function readPath(
  tokens: Token[],
  index: number,
  { dashedWords }: { dashedWords: boolean },
): { parts: string[]; next: number } {
  const parts: string[] = [];
  let at = index;
  for (;;) {
    const token = tokens[at];
    if (token?.kind === 'quoted') parts.push(...token.value.split('.'));
    else if (token?.kind === 'word') {
      let name = token.text;
      while (
        dashedWords &&
        isSymbol(tokens[at + 1], '-') &&
        !tokens[at + 1]?.spaceBefore &&
        !tokens[at + 2]?.spaceBefore
      ) {
        name += `-${tokens[at + 2]?.text ?? ''}`;
        at += 2;
      }
      parts.push(name);
    } else break;
    at += 1;
    if (!isSymbol(tokens[at], '.')) break;
    at += 1;
  }
  return { parts, next: at };
}
