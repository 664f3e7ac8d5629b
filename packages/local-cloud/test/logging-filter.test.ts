// The Logging query language on its own, over entries stored in a LogStore: precedence,
// juxtaposition, value groups, every comparator on every kind of field (strings, numbers,
// booleans, severities, timestamps to the nanosecond, durations, JSON arrays and nulls),
// missing versus defaulted fields, RE2 patterns, functions, and errors that point at the
// offending column. The client-facing behaviour is in logging-query.test.ts.
import { describe, expect, it } from 'vitest';
import { RpcError } from '../src/log-contract.js';
import { compileLogFilter } from '../src/logging/filter.js';
import { type EntryDraft, LogStore } from '../src/logging/log-store.js';

const NOW = new Date('2026-11-21T12:00:00Z');
const BASE = BigInt(NOW.getTime() - 3_600_000) * 1_000_000n;
const store = new LogStore(() => NOW);

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function value(json: Json): Record<string, unknown> {
  if (json === null) return { nullValue: 'NULL_VALUE', kind: 'nullValue' };
  if (Array.isArray(json)) return { listValue: { values: json.map(value) }, kind: 'listValue' };
  if (typeof json === 'object') return { structValue: struct(json), kind: 'structValue' };
  if (typeof json === 'string') return { stringValue: json, kind: 'stringValue' };
  if (typeof json === 'number') return { numberValue: json, kind: 'numberValue' };
  return { boolValue: json, kind: 'boolValue' };
}

function struct(json: { [key: string]: Json }): { fields: Record<string, unknown> } {
  return { fields: Object.fromEntries(Object.entries(json).map(([key, item]) => [key, value(item)])) };
}

const draft = (insertId: string, fields: Partial<EntryDraft>): EntryDraft => ({
  logName: 'projects/p/logs/app',
  resource: { type: 'global', labels: {} },
  labels: {},
  severity: 'DEFAULT',
  insertId,
  timestampNanos: BASE,
  ...fields,
});

store.write([
  draft('a', {
    payload: 'textPayload',
    textPayload: 'Alpha error happened',
    severity: 'ERROR',
    labels: { env: 'prod' },
    resource: { type: 'gce_instance', labels: { zone: 'us-east1-b' } },
    trace: 'projects/p/traces/abc',
    httpRequest: {
      requestMethod: 'GET',
      status: 503,
      responseSize: '2048',
      latency: { seconds: '1', nanos: 500_000_000 },
    },
  }),
  draft('b', {
    payload: 'jsonPayload',
    jsonPayload: struct({
      message: 'Starting transfer',
      count: 5,
      ok: true,
      tags: ['x', 'y'],
      nested: { deep: { value: 'hidden' } },
      nothing: null,
    }),
    severity: 'INFO',
    labels: { run_id: 'r1', 'k8s.io/app': 'web' },
    resource: { type: 'bigquery_dts_config', labels: { config_id: 'c1' } },
    operation: { id: 'op1', producer: 'me', first: true, last: false },
    sourceLocation: { file: 'main.ts', line: '42', function: 'run' },
    traceSampled: true,
    spanId: '000000000000004a',
  }),
  draft('c', {
    payload: 'jsonPayload',
    jsonPayload: struct({ message: 'done' }),
    severity: 'WARNING',
    timestampNanos: BASE + 123_456_789n,
  }),
  draft('d', {
    payload: 'textPayload',
    textPayload: 'plain and simple',
    logName: 'projects/p/logs/other%2Flog',
  }),
]);

const ids = (filter: string) =>
  store
    .list({ resourceNames: ['projects/p'], filter, pageSize: 1000 })
    .records.map((record) => record.entry.insertId)
    .sort()
    .join(',');

function refusal(filter: string): RpcError {
  try {
    compileLogFilter(filter);
  } catch (error) {
    if (error instanceof RpcError) return error;
    throw error;
  }
  throw new Error(`"${filter}" was accepted`);
}

describe('Logging filters: boolean structure', () => {
  it.each([
    ['', 'a,b,c,d'],
    // Logging's precedence: OR binds tighter than AND: (b OR c) AND (c OR d).
    ['insertId=b OR insertId=c AND insertId=c OR insertId=d', 'c'],
    ['insertId=b labels.run_id=r1', 'b'],
    ['insertId=b labels.run_id=zz', ''],
    ['-insertId=a', 'b,c,d'],
    ['NOT insertId=a AND NOT (insertId=b OR insertId=c)', 'd'],
    ['(insertId=a OR insertId=b) AND severity=INFO', 'b'],
    ['resource.type = ("gce_instance" OR "bigquery_dts_config")', 'a,b'],
    ['insertId = (NOT a)', 'b,c,d'],
    ['jsonPayload.tags:("x" AND "y")', 'b'],
  ])('%j matches %j', (filter, expected) => {
    expect(ids(filter)).toBe(expected);
  });

  it('reads lowercase and/or/not as search terms, as the real service does', () => {
    expect(ids('plain and simple')).toBe('d');
    expect(ids('alpha or plain')).toBe('');
  });
});

describe('Logging filters: comparisons by field type', () => {
  it.each([
    ['severity>=WARNING', 'a,c'],
    ['severity>=warning', 'a,c'],
    ['severity=400', 'c'],
    ['severity<INFO', 'd'],
    ['severity=~"^WARN"', 'c'],
    ['jsonPayload.message:"START"', 'b'],
    ['jsonPayload.message="starting transfer"', ''],
    ['jsonPayload.message="Starting transfer"', 'b'],
    ['jsonPayload.message>"cat"', 'c'],
    ['jsonPayload.count > 4', 'b'],
    ['jsonPayload.count = "5"', 'b'],
    ['jsonPayload.count > abc', ''],
    ['jsonPayload.ok = true', 'b'],
    ['jsonPayload.tags = "y"', 'b'],
    ['jsonPayload.tags != "z"', 'b'],
    ['jsonPayload.tags != "x"', ''],
    ['jsonPayload.nothing = NULL_VALUE', 'b'],
    ['jsonPayload.message = NULL_VALUE', ''],
    ['jsonPayload.nested.deep.value = hidden', 'b'],
    ['jsonPayload:hidden', 'b'],
    ['httpRequest.status >= 500', 'a'],
    ['httpRequest.responseSize = 2048', 'a'],
    ['httpRequest.latency > "1.4s"', 'a'],
    ['httpRequest:"get"', 'a'],
    ['sourceLocation.line = 42 operation.first = true', 'b'],
    ['traceSampled = true', 'b'],
    ['spanId = "000000000000004a"', 'b'],
    ['labels."k8s.io/app" = web', 'b'],
    ['resource.labels.zone:east', 'a'],
    ['log_id("other/log")', 'd'],
    // Function names are case-insensitive, as the documented views filters spell it.
    ['LOG_ID("other/log")', 'd'],
    ['logName="projects/p/logs/other%2Flog"', 'd'],
  ])('%j matches %j', (filter, expected) => {
    expect(ids(filter)).toBe(expected);
  });

  it('compares timestamps as instants to the nanosecond, in any zone', () => {
    const at = '2026-11-21T11:00:00.123456789Z';
    expect(ids(`timestamp = "${at}"`)).toBe('c');
    expect(ids('timestamp > "2026-11-21T11:00:00.123456788Z"')).toBe('c');
    expect(ids('timestamp >= "2026-11-21T12:00:00.1234567+01:00"')).toBe('c');
    expect(ids('timestamp < "2026-11-21T11:00:00.000000001Z"')).toBe('a,b,d');
    expect(ids('receiveTimestamp = "2026-11-21T12:00:00Z"')).toBe('a,b,c,d');
  });

  it('runs RE2 patterns: unanchored, case-sensitive, flags, RE2-only syntax', () => {
    expect(ids('textPayload=~"^Alpha"')).toBe('a');
    expect(ids('textPayload=~"^alpha"')).toBe('');
    expect(ids('textPayload=~"(?i)^alpha"')).toBe('a');
    expect(ids('textPayload=~"\\Aplain.*simple\\z"')).toBe('d');
    expect(ids('textPayload=~"^[[:upper:]][[:lower:]]+ \\w+"')).toBe('a');
    expect(ids('textPayload=~"(?P<word>err)or"')).toBe('a');
    expect(ids('jsonPayload.message=~"\\.|ing"')).toBe('b');
  });
});

describe('Logging filters: missing, defaulted and present fields', () => {
  it('fails every comparison on a missing label or payload field, != included; NOT turns it true', () => {
    expect(ids('labels.env != "dev"')).toBe('a');
    expect(ids('NOT labels.env = "dev"')).toBe('a,b,c,d');
    expect(ids('jsonPayload.count != 7')).toBe('b');
  });

  it('compares an absent LogEntry field as its default', () => {
    expect(ids('trace = ""')).toBe('b,c,d');
    expect(ids('httpRequest.status = 0')).toBe('b,c,d');
    expect(ids('severity = DEFAULT')).toBe('d');
    expect(ids('textPayload!~"error"')).toBe('b,c,d');
  });

  it('tests explicit presence with :*', () => {
    expect(ids('trace:*')).toBe('a');
    expect(ids('labels.run_id:*')).toBe('b');
    expect(ids('resource.labels.config_id:*')).toBe('b');
    expect(ids('jsonPayload.nothing:*')).toBe('b');
    expect(ids('httpRequest:*')).toBe('a');
    expect(ids('NOT textPayload:*')).toBe('b,c');
    expect(ids('operation.last:*')).toBe('');
  });

  it('searches every field for a bare value (a global restriction), case-insensitively', () => {
    expect(ids('hidden')).toBe('b');
    expect(ids('"ALPHA ERROR"')).toBe('a');
    expect(ids('us-east1-b')).toBe('a');
    expect(ids('op1 main.ts')).toBe('b');
    expect(ids('503')).toBe('a');
  });
});

describe('Logging filters: errors point at the offending text', () => {
  it.each([
    ['labels.run_id=x AND', 1, 20, 'found the end of the filter'],
    ['timestamp>=2026-11-21T10:00:00Z', 1, 25, 'Quote values'],
    ['severity=ERROR AND thud=1', 1, 20, '"thud" is not a LogEntry field'],
    ['http_request.status=200', 1, 1, 'Did you mean "httpRequest"?'],
    ['operation.thud=1', 1, 11, '"operation" has no field "thud"'],
    ['textPayload.thud=1', 1, 13, '"textPayload" is a string'],
    ['labels.a.b=1', 1, 8, 'must be quoted'],
    ['severity=LOUD', 1, 10, 'is a severity'],
    ['timestamp>="2026-11-21"', 1, 12, 'RFC 3339'],
    ['timestamp>="2026-13-01T00:00:00Z"', 1, 12, 'RFC 3339'],
    ['timestamp>="2026-11-21T10:00:00"', 1, 12, 'RFC 3339'],
    ['httpRequest.status=abc', 1, 20, 'is a number'],
    ['traceSampled>true', 1, 1, 'use = or !='],
    ['timestamp:"2026"', 1, 1, 'is a timestamp'],
    ['httpRequest="x"', 1, 1, 'holds several fields'],
    ['textPayload=~"(a)\\1"', 1, 14, 'backreferences'],
    ['textPayload=~"a(?=b)"', 1, 14, 'lookahead'],
    ['textPayload=~"(?U)a+"', 1, 14, 'flag "U"'],
    ['textPayload=~"a("', 1, 14, 'invalid regular expression'],
    ['labels.x="a\\qb"', 1, 12, 'invalid escape sequence "\\q"'],
    ['labels.x="open', 1, 10, 'Unterminated string'],
    ['sample(insertId, 0.1)', 1, 1, 'not supported by the local cloud'],
    ['SEARCH("x")', 1, 1, 'not supported by the local cloud'],
    ['frobnicate("x")', 1, 1, 'unknown function'],
    ['severity=ERROR\n  AND (labels.x=1', 2, 18, 'expected'],
  ])('%j is refused at line %i, column %i', (filter, line, column, named) => {
    const error = refusal(filter);
    expect(error.code).toBe(3);
    expect(error.message).toContain(`line ${line}, column ${column}:`);
    expect(error.message).toContain(named);
  });

  it('refuses filters longer than 20,000 characters', () => {
    expect(refusal(`labels.x="${'a'.repeat(20_000)}"`).message).toContain('at most 20000');
  });
});
