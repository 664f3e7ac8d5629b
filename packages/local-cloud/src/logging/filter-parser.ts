// Parses Cloud Logging filters with the parser peggy precompiled from filter-grammar.ts
// (filter-parser.generated.js). A syntax error becomes INVALID_ARGUMENT naming the line and column, what was found there
// and what would have been accepted, as the real service points at the offending token.
import { status } from '@grpc/grpc-js';
import { RpcError } from '../log-contract.js';
import type { FilterExpression, SourcePosition } from './filter-ast.js';
import { SyntaxError as FilterSyntaxError, parse } from './filter-parser.generated.js';

/** The longest filter the Logging API accepts. */
const MAX_FILTER_LENGTH = 20_000;

/** INVALID_ARGUMENT pointing at `at` in `filter`, with the text found there. */
export function filterError(filter: string, at: SourcePosition, problem: string): RpcError {
  const lineText = filter.split(/\r\n|\r|\n/)[at.line - 1] ?? '';
  const caret = `${' '.repeat(Math.max(0, at.column - 1))}^`;
  return new RpcError(
    status.INVALID_ARGUMENT,
    `Unparseable filter at line ${at.line}, column ${at.column}: ${problem}\n  ${lineText}\n  ${caret}`,
  );
}

/** The syntax tree of `filter`, or null for an empty filter (which matches every entry). */
export function parseLogFilter(filter: string): FilterExpression | null {
  if (filter.length > MAX_FILTER_LENGTH) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `The filter is ${filter.length} characters long; Cloud Logging accepts at most ${MAX_FILTER_LENGTH}.`,
    );
  }
  try {
    return parse(filter);
  } catch (error) {
    if (error instanceof FilterSyntaxError) {
      const start = error.location.start;
      throw filterError(filter, start, syntaxProblem(error, filter.slice(start.offset)));
    }
    throw error;
  }
}

function syntaxProblem(error: FilterSyntaxError, rest: string): string {
  // Errors raised by grammar actions (an unterminated string) carry their own text.
  if (!error.expected) return error.message;
  // peggy reports one character; a whole word reads better ("AND", not "A").
  const token = /^[A-Za-z0-9_]+/.exec(rest)?.[0] ?? error.found;
  const found = token === null ? 'the end of the filter' : JSON.stringify(token);
  const expected = [
    ...new Set(
      error.expected.map((item) =>
        item.type === 'literal' ? JSON.stringify(item.text) : item.type === 'other' ? item.description : '',
      ),
    ),
  ].filter((text) => text !== '');
  const hint =
    error.found === ':' || error.found === '.'
      ? ' Quote values that hold ":" or "." (timestamps included), e.g. timestamp>="2026-01-01T00:00:00Z".'
      : '';
  return `found ${found}, expected ${expected.join(', ') || 'something else'}.${hint}`;
}
