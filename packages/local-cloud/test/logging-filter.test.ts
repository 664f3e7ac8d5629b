// The Logging query subset on its own: how filters parse and what they match, including
// the corners the client tests do not reach (implicit AND, quoted label keys, escapes,
// numeric severities, missing fields).
import { describe, expect, it } from 'vitest';
import { RpcError } from '../src/log-contract.js';
import { compileLogFilter, parseLogFilter } from '../src/logging/filter.js';
import { type LogRecord, recordFromTransferLog } from '../src/logging/log-record.js';

const record: LogRecord = recordFromTransferLog(
  {
    projectId: 'p',
    location: 'us',
    configId: 'cfg',
    runId: 'run-1',
    time: new Date('2026-11-21T10:00:00.250Z'),
    severity: 'WARNING',
    message: 'Say "hi"\nthen \\ leave',
  },
  1,
  new Date('2026-11-21T10:00:01Z'),
);

const matches = (filter: string) => compileLogFilter(filter)(record);

describe('Logging filter subset', () => {
  it('parses AND-joined and juxtaposed comparisons, quoted and bare values', () => {
    expect(
      parseLogFilter('resource.type = "bigquery_dts_config"  labels.run_id:run AND severity>=WARNING'),
    ).toEqual([
      { field: 'resource.type', operator: '=', value: 'bigquery_dts_config' },
      { field: 'labels.run_id', operator: ':', value: 'run' },
      { field: 'severity', operator: '>=', value: 'WARNING' },
    ]);
    expect(parseLogFilter('labels."run_id"="a b"')).toEqual([
      { field: 'labels.run_id', operator: '=', value: 'a b' },
    ]);
    expect(parseLogFilter('')).toEqual([]);
  });

  it('decodes escapes in quoted strings', () => {
    expect(matches('jsonPayload.message="Say \\"hi\\"\\nthen \\\\ leave"')).toBe(true);
  });

  it('orders severities by rank, by name or number', () => {
    expect(matches('severity>=WARNING')).toBe(true);
    expect(matches('severity>warning')).toBe(false);
    expect(matches('severity=400')).toBe(true);
    expect(matches('severity<ERROR')).toBe(true);
  });

  it('compares timestamps to the millisecond', () => {
    expect(matches('timestamp>="2026-11-21T10:00:00.250Z"')).toBe(true);
    expect(matches('timestamp>"2026-11-21T10:00:00.250Z"')).toBe(false);
    expect(matches('timestamp<2026-11-22T00:00:00Z')).toBe(true);
  });

  it('treats a missing label as matching only !=', () => {
    expect(matches('labels.other="x"')).toBe(false);
    expect(matches('labels.other:x')).toBe(false);
    expect(matches('labels.other!="x"')).toBe(true);
  });

  it('matches ":" case-insensitively and "=" exactly', () => {
    expect(matches('jsonPayload.message:"SAY"')).toBe(true);
    expect(matches('jsonPayload.message="say"')).toBe(false);
    expect(matches('resource.labels.config_id=cfg resource.labels.location=us')).toBe(true);
  });

  it.each([
    ['a dangling AND', 'labels.run_id=x AND', 'missing after AND'],
    ['a function', 'log_id("x")', 'function log_id()'],
    ['a bare word', 'timeout', 'without a comparison'],
    ['a negation', '-labels.run_id=x', 'NOT'],
    ['an unknown severity', 'severity=LOUD', 'unknown severity'],
  ])('refuses %s with INVALID_ARGUMENT', (_, filter, named) => {
    let caught: unknown;
    try {
      compileLogFilter(filter);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RpcError);
    expect((caught as RpcError).code).toBe(3);
    expect((caught as RpcError).message).toContain(named);
  });
});
