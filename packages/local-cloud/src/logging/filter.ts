// Cloud Logging's query language, compiled into a predicate over stored entries: the
// syntax tree from the peggy parser (filter-parser.ts), field paths checked against the
// LogEntry schema (filter-fields.ts), literals converted to each field's type once, here,
// so that a bad timestamp, severity or number fails the request with INVALID_ARGUMENT at
// its position instead of silently matching nothing. Functions: `log_id()` only, in any
// case (`LOG_ID()` too): the language is case-insensitive but for regular expressions and
// the logical operators.

import { entryView } from './entry-view.js';
import type {
  Comparator,
  Comparison,
  FilterExpression,
  FunctionCall,
  Literal,
  ValueExpression,
} from './filter-ast.js';
import { hasDeep, matchValues, type PreparedLiteral } from './filter-compare.js';
import { literalText } from './filter-escapes.js';
import { fieldPresent, type ResolvedField, readField, resolveField } from './filter-fields.js';
import { filterError, parseLogFilter } from './filter-parser.js';
import { compileRe2, PatternError } from './filter-regex.js';
import type { LogRecord } from './log-record.js';
import { parseDuration, parseRfc3339, parseSeverity, SEVERITY_RANK } from './log-values.js';

export type LogPredicate = (record: LogRecord) => boolean;

/** Functions of the real query language that the local cloud does not evaluate. */
const UNSUPPORTED_FUNCTIONS = new Set(['sample', 'ip_in_net', 'search', 'cast', 'regexp_extract', 'source']);

/** Compiles a filter; throws RpcError(INVALID_ARGUMENT) pointing at what is wrong. */
export function compileLogFilter(filter: string): LogPredicate {
  const tree = parseLogFilter(filter);
  return tree === null ? () => true : compileExpression(tree, filter);
}

function compileExpression(node: FilterExpression, filter: string): LogPredicate {
  switch (node.type) {
    case 'and': {
      const items = node.items.map((item) => compileExpression(item, filter));
      return (record) => items.every((item) => item(record));
    }
    case 'or': {
      const items = node.items.map((item) => compileExpression(item, filter));
      return (record) => items.some((item) => item(record));
    }
    case 'not': {
      const item = compileExpression(node.item, filter);
      return (record) => !item(record);
    }
    case 'global': {
      const literal = prepareLiteral(node.value, ':', filter);
      return (record) => hasDeep(entryView(record), literal);
    }
    case 'function':
      return compileFunction(node, filter);
    case 'comparison':
      return compileComparison(node, filter);
  }
}

function compileFunction(node: FunctionCall, filter: string): LogPredicate {
  const [argument] = node.args;
  const name = node.name.toLowerCase();
  if (name === 'log_id') {
    if (node.args.length !== 1 || argument?.type !== 'literal') {
      throw filterError(filter, node.at, 'log_id() takes one argument, the log ID, e.g. log_id("syslog").');
    }
    const wanted = literalText(argument, filter);
    return (record) => {
      const logName = record.entry.logName;
      return decodeURIComponent(logName.slice(logName.indexOf('/logs/') + 6)) === wanted;
    };
  }
  const problem = UNSUPPORTED_FUNCTIONS.has(name)
    ? `the function ${node.name}() is not supported by the local cloud (only log_id() is).`
    : `unknown function ${node.name}().`;
  throw filterError(filter, node.at, problem);
}

function compileComparison(node: Comparison, filter: string): LogPredicate {
  const field = resolveField(node.field, filter);
  const { comparator, value } = node;
  if (comparator === ':' && value.type === 'literal' && !value.quoted && value.raw === '*') {
    return (record) => fieldPresent(entryView(record), field);
  }
  checkComparator(field, comparator, node, filter);
  return compileValues(value, (literal) => {
    const prepared = prepareLiteral(literal, comparator, filter);
    checkLiteral(field, comparator, literal, prepared, filter);
    return (record) => matchValues(readField(entryView(record), field), comparator, prepared);
  });
}

/** `field = ("a" OR "b")`: the comparison distributed over the values' AND / OR / NOT. */
function compileValues(node: ValueExpression, leaf: (literal: Literal) => LogPredicate): LogPredicate {
  switch (node.type) {
    case 'literal':
      return leaf(node);
    case 'valueAnd': {
      const items = node.items.map((item) => compileValues(item, leaf));
      return (record) => items.every((item) => item(record));
    }
    case 'valueOr': {
      const items = node.items.map((item) => compileValues(item, leaf));
      return (record) => items.some((item) => item(record));
    }
    case 'valueNot': {
      const item = compileValues(node.item, leaf);
      return (record) => !item(record);
    }
  }
}

function prepareLiteral(literal: Literal, comparator: Comparator, filter: string): PreparedLiteral {
  const isPattern = comparator === '=~' || comparator === '!~';
  // A pattern keeps its backslashes for RE2; any other value has its escapes decoded.
  const text = isPattern ? literal.raw : literalText(literal, filter);
  let regex: RegExp | undefined;
  if (isPattern) {
    try {
      regex = compileRe2(text);
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      throw filterError(filter, literal.at, `invalid regular expression "${text}": ${error.message}.`);
    }
  }
  return {
    text,
    lower: text.toLowerCase(),
    number: /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : undefined,
    bool: /^(true|false)$/i.test(text) ? text.toLowerCase() === 'true' : undefined,
    isNull: !literal.quoted && text === 'NULL_VALUE',
    instant: parseRfc3339(text),
    span: parseDuration(text),
    severity: parseSeverity(text),
    regex,
  };
}

const ORDERING = new Set<Comparator>(['<', '<=', '>', '>=']);

/** Refuses comparators that make no sense for a LogEntry field's type. */
function checkComparator(
  field: ResolvedField,
  comparator: Comparator,
  node: Comparison,
  filter: string,
): void {
  const name = field.segments.join('.');
  const refuse = (why: string) => filterError(filter, node.at, `"${name}" ${why}`);
  if (field.type === 'node' && comparator !== ':') {
    throw refuse(`holds several fields: compare one of them, or use ":" (has) or ":*" (exists).`);
  }
  if (field.type === 'bool' && ORDERING.has(comparator)) throw refuse('is true or false: use = or !=.');
  const isTime = field.type === 'timestamp' || field.type === 'duration';
  if (isTime && (comparator === ':' || comparator === '=~' || comparator === '!~')) {
    throw refuse(`is a ${field.type}: compare it with =, !=, <, <=, > or >=.`);
  }
}

/** Refuses a literal that cannot be converted to a LogEntry field's type. */
function checkLiteral(
  field: ResolvedField,
  comparator: Comparator,
  literal: Literal,
  prepared: PreparedLiteral,
  filter: string,
): void {
  if (prepared.isNull || comparator === '=~' || comparator === '!~') return;
  const name = field.segments.join('.');
  const problems: Partial<Record<ResolvedField['type'], [boolean, string]>> = {
    number: [prepared.number === undefined, 'is a number'],
    bool: [prepared.bool === undefined, 'is true or false'],
    timestamp: [
      prepared.instant === undefined,
      'is a timestamp: write an RFC 3339 time with a zone, e.g. "2026-01-01T00:00:00Z"',
    ],
    duration: [prepared.span === undefined, 'is a duration: write it as seconds, e.g. "1.5s"'],
    severity: [
      prepared.severity === undefined,
      `is a severity: use ${Object.keys(SEVERITY_RANK).join(', ')}`,
    ],
  };
  const [wrong, expected] = problems[field.type] ?? [false, ''];
  if (wrong) {
    throw filterError(filter, literal.at, `"${name}" ${expected}; ${JSON.stringify(prepared.text)} is not.`);
  }
}
