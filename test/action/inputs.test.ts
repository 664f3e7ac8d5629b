import { describe, expect, it } from 'vitest';
import {
  parseBoolean,
  parseDuration,
  parseTableList,
  parseTransport,
  parseWindow,
  readInputs,
} from '../../src/action/inputs.js';

describe('action inputs', () => {
  it('parses booleans the way workflows write them and refuses anything else', () => {
    expect(parseBoolean('dry-run', 'true')).toBe(true);
    expect(parseBoolean('dry-run', ' TRUE ')).toBe(true);
    expect(parseBoolean('dry-run', 'false')).toBe(false);
    expect(parseBoolean('dry-run', '')).toBe(false);
    expect(() => parseBoolean('dry-run', 'maybe')).toThrow(/'dry-run' must be true or false/);
  });

  it('parses durations with units, combined units and bare seconds', () => {
    expect(parseDuration('timeout', '2h')).toBe(7_200_000);
    expect(parseDuration('timeout', '1h30m')).toBe(5_400_000);
    expect(parseDuration('timeout', '90s')).toBe(90_000);
    expect(parseDuration('timeout', '1500ms')).toBe(1_500);
    expect(parseDuration('timeout', '30')).toBe(30_000);
    expect(() => parseDuration('timeout', '2 hours')).toThrow(/Input 'timeout' "2 hours" is not a duration/);
    expect(() => parseDuration('timeout', '0s')).toThrow(/longer than zero/);
    expect(() => parseDuration('timeout', '7h')).toThrow(/at most 6h/);
  });

  it('parses the transport, grpc by default', () => {
    expect(parseTransport('transport', '')).toBe('grpc');
    expect(parseTransport('transport', 'REST')).toBe('rest');
    expect(() => parseTransport('transport', 'http')).toThrow(/grpc or rest/);
  });

  it('splits a matrix entry of several tables and refuses paths', () => {
    expect(parseTableList('table', 'gold.orders')).toEqual(['gold.orders']);
    expect(parseTableList('table', ' a.b , c.d,,a.b ')).toEqual(['a.b', 'c.d']);
    expect(() => parseTableList('table', ' , ')).toThrow(/'table' is required/);
    expect(() => parseTableList('table', '../secrets')).toThrow(/not a table name/);
  });

  it('reads a tick, a backfill or now, and refuses mixtures', () => {
    expect(parseWindow('2026-11-21T06:00:00Z', '', '')).toEqual({ kind: 'tick', at: '2026-11-21T06:00:00Z' });
    expect(parseWindow('', '2026-01-01', '2026-01-31')).toEqual({
      kind: 'backfill',
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(parseWindow('', '', '')).toEqual({ kind: 'now' });
    expect(() => parseWindow('2026-11-21T06:00:00Z', '2026-01-01', '')).toThrow(/not both/);
    expect(() => parseWindow('', '2026-01-01', '')).toThrow(/both 'from' and 'to'/);
    expect(() => parseWindow('', '2026-02-01', '2026-01-01')).toThrow(/swap them/);
    expect(() => parseWindow('', '2026-1-1', '2026-01-02')).toThrow(/YYYY-MM-DD/);
    expect(() => parseWindow('yesterday', '', '')).toThrow(/ISO 8601/);
  });

  it('reads every input once with defaults', () => {
    const given: Record<string, string> = { table: 'gold.orders', at: '2026-11-21T06:00:00Z', timeout: '' };
    const inputs = readInputs((name) => given[name] ?? '');
    expect(inputs).toEqual({
      tables: ['gold.orders'],
      window: { kind: 'tick', at: '2026-11-21T06:00:00Z' },
      tablesDir: 'tables',
      project: undefined,
      location: undefined,
      timeoutMs: 7_200_000,
      transport: 'grpc',
      dryRun: false,
      resultDir: undefined,
    });
  });
});
