// GoogleSQL functions whose engine spelling or meaning differs, rewritten call by call
// (arguments arrive already translated). Functions absent here pass through unchanged;
// one the engine lacks fails the query naming it. Argument order (FORMAT_DATE,
// DATE_DIFF), results types (DATE_TRUNC gives a DATE), NULL rules (CONCAT) and
// defaults (REGEXP_REPLACE replaces every match, LOG is natural) follow GoogleSQL.
import type { Token } from './lexer.js';
import { unsupported } from './type-names.js';

interface CallInfo {
  /** The untranslated tokens of each argument. */
  raw: Token[][];
  /** The job's clock, for CURRENT_* functions. */
  now: Date;
}

type Rewrite = (args: string[], call: CallInfo) => string;

const PARTS = new Set([
  'MICROSECOND',
  'MILLISECOND',
  'SECOND',
  'MINUTE',
  'HOUR',
  'DAY',
  'ISOWEEK',
  'MONTH',
  'QUARTER',
  'YEAR',
  'ISOYEAR',
]);

/** A date part argument (`MONTH`) as an engine string literal (`'month'`). */
function datePart(tokens: Token[] | undefined): string {
  const token = tokens?.[0];
  const name = token?.value.toUpperCase() ?? '';
  if (tokens?.length !== 1 || !PARTS.has(name)) {
    const text = (tokens ?? []).map((part) => part.text).join('');
    throw unsupported(`the date part ${text || '(none)'} here (Sunday-based WEEK and WEEK(<day>) included)`);
  }
  return `'${name === 'ISOWEEK' ? 'week' : name.toLowerCase()}'`;
}

function arity(name: string, args: string[], ...allowed: number[]): void {
  if (!allowed.includes(args.length)) {
    throw unsupported(`${name} with ${args.length} argument(s)`);
  }
}

const cast = (expression: string, type: string): string => `CAST(${expression} AS ${type})`;

/** Whether a regular expression literal has a capturing group (REGEXP_EXTRACT returns it). */
function capturesGroup(tokens: Token[] | undefined): boolean {
  const token = tokens?.[0];
  if (tokens?.length !== 1 || token?.kind !== 'string') return false;
  return /\((?!\?)/.test(token.value.replace(/\\./g, ''));
}

const instant = (now: Date): string => `TIMESTAMPTZ '${now.toISOString()}'`;

const TIME_REWRITES: Record<string, Rewrite> = {
  DATE: (args) => {
    if (args.length === 1) return cast(args[0] ?? '', 'DATE');
    if (args.length === 3) return `make_date(${args.join(', ')})`;
    arity('DATE', args, 1, 3);
    return cast(`timezone(${args[1]}, ${args[0]})`, 'DATE');
  },
  TIMESTAMP: (args) => {
    arity('TIMESTAMP', args, 1, 2);
    if (args.length === 1) return cast(args[0] ?? '', 'TIMESTAMPTZ');
    return `timezone(${args[1]}, ${cast(args[0] ?? '', 'TIMESTAMP')})`;
  },
  DATETIME: (args) => {
    if (args.length === 1) return cast(args[0] ?? '', 'TIMESTAMP');
    if (args.length === 2) return `(${cast(args[0] ?? '', 'DATE')} + ${cast(args[1] ?? '', 'TIME')})`;
    arity('DATETIME', args, 1, 2, 6);
    return `make_timestamp(${args.join(', ')})`;
  },
  TIME: (args) => (args.length === 3 ? `make_time(${args.join(', ')})` : cast(args[0] ?? '', 'TIME')),
  CURRENT_TIMESTAMP: (_args, { now }) => instant(now),
  CURRENT_DATE: (_args, { now }) => `DATE '${now.toISOString().slice(0, 10)}'`,
  CURRENT_DATETIME: (_args, { now }) => `TIMESTAMP '${now.toISOString().slice(0, 23).replace('T', ' ')}'`,
  CURRENT_TIME: (_args, { now }) => `TIME '${now.toISOString().slice(11, 23)}'`,
  DATE_ADD: ([date, interval]) => cast(`(${date}) + (${interval})`, 'DATE'),
  DATE_SUB: ([date, interval]) => cast(`(${date}) - (${interval})`, 'DATE'),
  DATETIME_ADD: ([value, interval]) => cast(`(${value}) + (${interval})`, 'TIMESTAMP'),
  DATETIME_SUB: ([value, interval]) => cast(`(${value}) - (${interval})`, 'TIMESTAMP'),
  TIMESTAMP_ADD: ([value, interval]) => `((${value}) + (${interval}))`,
  TIMESTAMP_SUB: ([value, interval]) => `((${value}) - (${interval}))`,
  TIME_ADD: ([value, interval]) => `((${value}) + (${interval}))`,
  TIME_SUB: ([value, interval]) => `((${value}) - (${interval}))`,
  DATE_DIFF: ([end, start], { raw }) => `date_diff(${datePart(raw[2])}, ${start}, ${end})`,
  DATETIME_DIFF: ([end, start], { raw }) => `date_sub(${datePart(raw[2])}, ${start}, ${end})`,
  TIMESTAMP_DIFF: ([end, start], { raw }) => `date_sub(${datePart(raw[2])}, ${start}, ${end})`,
  TIME_DIFF: ([end, start], { raw }) => `date_sub(${datePart(raw[2])}, ${start}, ${end})`,
  DATE_TRUNC: ([value], { raw }) => cast(`date_trunc(${datePart(raw[1])}, ${value})`, 'DATE'),
  DATETIME_TRUNC: ([value], { raw }) => cast(`date_trunc(${datePart(raw[1])}, ${value})`, 'TIMESTAMP'),
  TIMESTAMP_TRUNC: (args, { raw }) => {
    arity('TIMESTAMP_TRUNC', args, 2);
    return `date_trunc(${datePart(raw[1])}, ${args[0]})`;
  },
  FORMAT_DATE: ([format, value]) => `strftime(${value}, ${format})`,
  FORMAT_DATETIME: ([format, value]) => `strftime(${value}, ${format})`,
  FORMAT_TIMESTAMP: (args) => {
    arity('FORMAT_TIMESTAMP', args, 2);
    return `strftime(${args[1]}, ${args[0]})`;
  },
  PARSE_DATE: ([format, text]) => cast(`strptime(${text}, ${format})`, 'DATE'),
  PARSE_DATETIME: ([format, text]) => cast(`strptime(${text}, ${format})`, 'TIMESTAMP'),
  PARSE_TIMESTAMP: (args) => {
    arity('PARSE_TIMESTAMP', args, 2);
    return cast(`strptime(${args[1]}, ${args[0]})`, 'TIMESTAMPTZ');
  },
  UNIX_SECONDS: ([value]) => cast(`floor(epoch(${value}))`, 'BIGINT'),
  UNIX_MILLIS: ([value]) => `epoch_ms(${value})`,
  UNIX_MICROS: ([value]) => `epoch_us(${value})`,
  UNIX_DATE: ([value]) => `(${value} - DATE '1970-01-01')`,
  DATE_FROM_UNIX_DATE: ([value]) => cast(`DATE '1970-01-01' + (${value})`, 'DATE'),
  TIMESTAMP_SECONDS: ([value]) => `to_timestamp(${value})`,
  TIMESTAMP_MILLIS: ([value]) => cast(`epoch_ms(${value})`, 'TIMESTAMPTZ'),
  TIMESTAMP_MICROS: ([value]) => cast(`make_timestamp(${value})`, 'TIMESTAMPTZ'),
  GENERATE_DATE_ARRAY: ([start, end, step]) =>
    cast(
      `generate_series(${cast(start ?? '', 'DATE')}, ${cast(end ?? '', 'DATE')}, ${step ?? 'INTERVAL 1 DAY'})`,
      'DATE[]',
    ),
};

const OTHER_REWRITES: Record<string, Rewrite> = {
  COUNTIF: (args) => `count_if(${args.join(', ')})`,
  LOGICAL_AND: (args) => `bool_and(${args.join(', ')})`,
  LOGICAL_OR: (args) => `bool_or(${args.join(', ')})`,
  ARRAY_LENGTH: ([value]) => `len(${value})`,
  ARRAY_REVERSE: ([value]) => `list_reverse(${value})`,
  ARRAY_CONCAT: (args) => args.reduce((left, right) => `list_concat(${left}, ${right})`),
  GENERATE_ARRAY: (args) => `generate_series(${args.join(', ')})`,
  CONCAT: (args) => `(${args.join(' || ')})`,
  SPLIT: ([text, delimiter]) => `string_split(${text}, ${delimiter ?? "','"})`,
  BYTE_LENGTH: ([value]) => `octet_length(${value})`,
  REGEXP_CONTAINS: ([text, pattern]) => `regexp_matches(${text}, ${pattern})`,
  REGEXP_REPLACE: ([text, pattern, replacement]) =>
    `regexp_replace(${text}, ${pattern}, ${replacement}, 'g')`,
  REGEXP_EXTRACT: ([text, pattern], { raw }) =>
    `regexp_extract(${text}, ${pattern}, ${capturesGroup(raw[1]) ? 1 : 0})`,
  REGEXP_EXTRACT_ALL: ([text, pattern], { raw }) =>
    `regexp_extract_all(${text}, ${pattern}, ${capturesGroup(raw[1]) ? 1 : 0})`,
  SAFE_DIVIDE: ([left, right]) => `(CASE WHEN (${right}) = 0 THEN NULL ELSE (${left}) / (${right}) END)`,
  DIV: ([left, right]) => cast(`trunc((${left}) / (${right}))`, 'BIGINT'),
  LOG: (args) => (args.length === 2 ? `(ln(${args[0]}) / ln(${args[1]}))` : `ln(${args[0]})`),
  IS_NAN: ([value]) => `isnan(${value})`,
  IS_INF: ([value]) => `isinf(${value})`,
  RAND: () => 'random()',
  GENERATE_UUID: () => 'CAST(gen_random_uuid() AS VARCHAR)',
  TO_JSON_STRING: ([value]) => cast(`to_json(${value})`, 'VARCHAR'),
  JSON_VALUE: ([json, path]) => `json_extract_string(${json}, ${path ?? "'$'"})`,
  JSON_EXTRACT_SCALAR: ([json, path]) => `json_extract_string(${json}, ${path ?? "'$'"})`,
  JSON_QUERY: ([json, path]) => `json_extract(${json}, ${path ?? "'$'"})`,
  JSON_EXTRACT: ([json, path]) => `json_extract(${json}, ${path ?? "'$'"})`,
};

export const FUNCTION_REWRITES: Record<string, Rewrite> = { ...TIME_REWRITES, ...OTHER_REWRITES };

/** Functions written without parentheses in GoogleSQL. */
export const NILADIC = new Set(['CURRENT_TIMESTAMP', 'CURRENT_DATE', 'CURRENT_DATETIME', 'CURRENT_TIME']);
