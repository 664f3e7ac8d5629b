// How one comparison matches one value of an entry, by the value's type (the reference:
// "the value is converted to the field's type prior to the comparison"). A value that
// cannot be converted makes the comparison fail, `!=` included. Strings compare exactly
// and case-sensitively with `=` (the stricter reading: the reference says only that `:` is
// not case sensitive), `:` is a case-insensitive substring test, `=~` an unanchored regex
// search. A JSON object matches `:` when any value inside it does; an array matches when
// any element does (`!=` and `!~`: when none does).

import { isViewNode, type ViewValue } from './entry-view.js';
import type { Comparator } from './filter-ast.js';
import { Instant, Severity, Span } from './log-values.js';

/** A literal with every reading of it a comparison may need, computed once per filter. */
export interface PreparedLiteral {
  text: string;
  lower: string;
  number?: number | undefined;
  bool?: boolean | undefined;
  /** The unquoted keyword NULL_VALUE: matches JSON null. */
  isNull: boolean;
  instant?: bigint | undefined;
  span?: bigint | undefined;
  severity?: Severity | undefined;
  regex?: RegExp | undefined;
}

type PositiveComparator = Exclude<Comparator, '!=' | '!~'>;

function ordered(sign: number, comparator: PositiveComparator): boolean | undefined {
  switch (comparator) {
    case '=':
    case ':':
      return sign === 0;
    case '<':
      return sign < 0;
    case '<=':
      return sign <= 0;
    case '>':
      return sign > 0;
    case '>=':
      return sign >= 0;
    default:
      return undefined;
  }
}

const signOf = (a: bigint | number | string, b: bigint | number | string): number =>
  a < b ? -1 : a > b ? 1 : 0;

/** true / false, or undefined when the literal cannot be compared with this value that way. */
function compareScalar(
  value: ViewValue,
  comparator: PositiveComparator,
  literal: PreparedLiteral,
): boolean | undefined {
  if (value === null) return comparator === '=' ? literal.isNull : undefined;
  if (literal.isNull) return comparator === '=' ? false : undefined;
  if (comparator === '=~') {
    if (value instanceof Severity) return literal.regex?.test(value.name);
    return typeof value === 'object' ? undefined : literal.regex?.test(String(value));
  }
  if (typeof value === 'string') {
    if (comparator === ':') return value.toLowerCase().includes(literal.lower);
    return ordered(signOf(value, literal.text), comparator);
  }
  if (typeof value === 'number') {
    return literal.number === undefined ? undefined : ordered(signOf(value, literal.number), comparator);
  }
  if (typeof value === 'boolean') {
    if (literal.bool === undefined || (comparator !== '=' && comparator !== ':')) return undefined;
    return value === literal.bool;
  }
  if (value instanceof Severity) {
    return literal.severity === undefined
      ? undefined
      : ordered(signOf(value.rank, literal.severity.rank), comparator);
  }
  if (value instanceof Instant || value instanceof Span) {
    const wanted = value instanceof Instant ? literal.instant : literal.span;
    return wanted === undefined || comparator === ':'
      ? undefined
      : ordered(signOf(value.nanos, wanted), comparator);
  }
  return undefined;
}

/** `:` against everything inside a value: a JSON object, an array, a message. */
export function hasDeep(value: ViewValue, literal: PreparedLiteral): boolean {
  if (Array.isArray(value)) return value.some((item) => hasDeep(item, literal));
  if (isViewNode(value)) return Object.values(value).some((item) => hasDeep(item, literal));
  return compareScalar(value, ':', literal) === true;
}

function positiveMatch(
  value: ViewValue,
  comparator: PositiveComparator,
  literal: PreparedLiteral,
): boolean | undefined {
  if (Array.isArray(value)) {
    const results = value.map((item) => positiveMatch(item, comparator, literal));
    return results.includes(true) ? true : results.includes(false) ? false : undefined;
  }
  if (isViewNode(value)) return comparator === ':' ? hasDeep(value, literal) : undefined;
  return compareScalar(value, comparator, literal);
}

/** Whether any of `values` (the field's values in one entry) satisfies the comparison. */
export function matchValues(values: ViewValue[], comparator: Comparator, literal: PreparedLiteral): boolean {
  if (comparator === '!=' || comparator === '!~') {
    const positive = comparator === '!=' ? '=' : '=~';
    const results = values.map((value) => positiveMatch(value, positive, literal));
    return results.length > 0 && results.every((result) => result === false);
  }
  return values.some((value) => positiveMatch(value, comparator, literal) === true);
}
