// The subset of the Cloud Logging query language the product uses, parsed for real:
// comparisons joined by AND (or juxtaposed, which Logging reads as AND) on the fields of
// a DTS run's log entries. Anything outside the subset is refused with INVALID_ARGUMENT
// naming it, so a test never passes on a filter the local cloud silently misread.
import { status } from '@grpc/grpc-js';
import { RpcError } from '../log-contract.js';
import { type LogRecord, payloadMessage, SEVERITY_RANK } from './log-record.js';

export type Operator = '=' | '!=' | '>=' | '<=' | '>' | '<' | ':';

export interface Comparison {
  field: string;
  operator: Operator;
  value: string;
}

export type LogPredicate = (record: LogRecord) => boolean;

const SUPPORTED_FIELDS =
  'resource.type, resource.labels.KEY, labels.KEY, logName, insertId, severity, timestamp, receiveTimestamp, jsonPayload.message, textPayload';

function invalid(filter: string, why: string): RpcError {
  return new RpcError(status.INVALID_ARGUMENT, `Unparseable filter: ${why} in "${filter}"`);
}

class FilterParser {
  private position = 0;

  constructor(private readonly text: string) {}

  parse(): Comparison[] {
    const comparisons: Comparison[] = [];
    this.skipSpace();
    while (this.position < this.text.length) {
      if (comparisons.length > 0) {
        const word = this.peekWord();
        if (word === 'AND') this.position += 3;
        else if (word === 'OR') throw this.unsupported('OR (the local cloud supports only AND)');
        this.skipSpace();
      }
      comparisons.push(this.comparison());
      this.skipSpace();
    }
    return comparisons;
  }

  private comparison(): Comparison {
    const char = this.text[this.position];
    if (char === undefined) throw invalid(this.text, 'a comparison is missing after AND');
    if (char === '(' || char === ')') throw this.unsupported('parentheses');
    if (char === '-' || this.peekWord() === 'NOT') throw this.unsupported('NOT / negation');
    if (this.peekWord() === 'AND' || this.peekWord() === 'OR') throw this.unsupported('a dangling AND/OR');
    const field = this.fieldPath();
    this.skipSpace();
    const operator = this.operator(field);
    this.skipSpace();
    const value = this.value(field);
    return { field, operator, value };
  }

  private fieldPath(): string {
    const segments: string[] = [];
    for (;;) {
      if (this.text[this.position] === '"') segments.push(this.quoted());
      else {
        const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.text.slice(this.position));
        if (!match) {
          const rest = this.text.slice(this.position).split(/\s/)[0];
          throw this.unsupported(`"${rest}" where a field name was expected (global search)`);
        }
        segments.push(match[0]);
        this.position += match[0].length;
      }
      if (this.text[this.position] !== '.') break;
      this.position += 1;
    }
    if (this.text[this.position] === '(') throw this.unsupported(`the function ${segments.join('.')}()`);
    return segments.join('.');
  }

  private operator(field: string): Operator {
    const rest = this.text.slice(this.position);
    if (rest.startsWith('=~') || rest.startsWith('!~'))
      throw this.unsupported('regular expressions (=~, !~)');
    for (const operator of ['!=', '>=', '<=', '=', '>', '<', ':'] as const) {
      if (rest.startsWith(operator)) {
        this.position += operator.length;
        return operator;
      }
    }
    throw this.unsupported(`"${field}" without a comparison (=, !=, >=, <=, >, <, :)`);
  }

  private value(field: string): string {
    const char = this.text[this.position];
    if (char === undefined) throw invalid(this.text, `missing value after "${field}"`);
    if (char === '"') return this.quoted();
    if (char === '(') throw this.unsupported('parentheses');
    const match = /^[^\s()"]+/.exec(this.text.slice(this.position));
    if (!match) throw invalid(this.text, `missing value after "${field}"`);
    this.position += match[0].length;
    return match[0];
  }

  /** A double-quoted string with backslash escapes, as Logging's string literals. */
  private quoted(): string {
    let result = '';
    this.position += 1;
    while (this.position < this.text.length) {
      const char = this.text[this.position++];
      if (char === '"') return result;
      if (char === '\\') {
        const escaped = this.text[this.position++];
        if (escaped === undefined) break;
        result += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped === 'r' ? '\r' : escaped;
      } else result += char;
    }
    throw invalid(this.text, 'unterminated string');
  }

  private peekWord(): string {
    return /^[A-Za-z]+/.exec(this.text.slice(this.position))?.[0] ?? '';
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.position] ?? '')) this.position += 1;
  }

  private unsupported(what: string): RpcError {
    return new RpcError(
      status.INVALID_ARGUMENT,
      `Unsupported filter syntax in the local cloud: ${what}, in "${this.text}". Use comparisons joined by AND on ${SUPPORTED_FIELDS}.`,
    );
  }
}

export function parseLogFilter(filter: string): Comparison[] {
  return new FilterParser(filter).parse();
}

/** Compiles a filter into a predicate; throws RpcError(INVALID_ARGUMENT) on anything unsupported. */
export function compileLogFilter(filter: string): LogPredicate {
  const predicates = parseLogFilter(filter).map((comparison) => compileComparison(comparison, filter));
  return (record) => predicates.every((predicate) => predicate(record));
}

function compileComparison(comparison: Comparison, filter: string): LogPredicate {
  const { field, operator, value } = comparison;
  if (field === 'severity') {
    const wanted = severityRank(value);
    if (wanted === undefined) throw invalid(filter, `unknown severity "${value}"`);
    if (operator === ':') return (record) => SEVERITY_RANK[record.severity] === wanted;
    return (record) => compareOrdered(SEVERITY_RANK[record.severity] ?? 0, wanted, operator);
  }
  if (field === 'timestamp' || field === 'receiveTimestamp') {
    const wanted = Date.parse(value);
    if (Number.isNaN(wanted)) throw invalid(filter, `"${value}" is not an RFC 3339 timestamp`);
    if (operator === ':') throw invalid(filter, `":" does not apply to ${field}`);
    const read = field === 'timestamp' ? (r: LogRecord) => r.timestamp : (r: LogRecord) => r.receiveTimestamp;
    return (record) => compareOrdered(read(record).getTime(), wanted, operator);
  }
  const read = textField(field, filter);
  return (record) => compareText(read(record), value, operator);
}

function severityRank(value: string): number | undefined {
  if (/^\d+$/.test(value)) return Number(value);
  return SEVERITY_RANK[value.toUpperCase()];
}

function textField(field: string, filter: string): (record: LogRecord) => string | undefined {
  if (field === 'resource.type') return (record) => record.resource.type;
  if (field === 'logName') return (record) => record.logName;
  if (field === 'insertId') return (record) => record.insertId;
  if (field === 'jsonPayload.message') return payloadMessage;
  if (field === 'textPayload') return (record) => record.textPayload;
  const resourceLabel = /^resource\.labels\.(.+)$/.exec(field)?.[1];
  if (resourceLabel !== undefined) return (record) => record.resource.labels[resourceLabel];
  const label = /^labels\.(.+)$/.exec(field)?.[1];
  if (label !== undefined) return (record) => record.labels[label];
  throw new RpcError(
    status.INVALID_ARGUMENT,
    `Unsupported filter field in the local cloud: "${field}" in "${filter}". Supported: ${SUPPORTED_FIELDS}.`,
  );
}

function compareOrdered<T extends number | string>(actual: T, wanted: T, operator: Operator): boolean {
  switch (operator) {
    case '=':
    case ':':
      return actual === wanted;
    case '!=':
      return actual !== wanted;
    case '>=':
      return actual >= wanted;
    case '<=':
      return actual <= wanted;
    case '>':
      return actual > wanted;
    case '<':
      return actual < wanted;
  }
}

// A missing field matches only `!=`: it holds no value equal to the one asked for.
function compareText(actual: string | undefined, wanted: string, operator: Operator): boolean {
  if (actual === undefined) return operator === '!=';
  // Logging's "has" operator: a case-insensitive substring test on text.
  if (operator === ':') return actual.toLowerCase().includes(wanted.toLowerCase());
  return compareOrdered(actual, wanted, operator);
}
