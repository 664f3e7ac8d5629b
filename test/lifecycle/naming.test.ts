import { describe, expect, it } from 'vitest';
import {
  appendConfigName,
  parseConfigName,
  parseDuration,
  tickConfigName,
} from '../../src/lifecycle/index.js';
import { findLeftovers } from '../../src/lifecycle/janitor.js';

describe('config names', () => {
  it('round-trips tick and append names and ignores foreign ones', () => {
    expect(parseConfigName(tickConfigName('gold.orders', '20261121T030000Z', 'gh-1-1'))).toEqual({
      kind: 'tick',
      table: 'gold.orders',
      tick: '20261121T030000Z',
      runLabel: 'gh-1-1',
    });
    expect(parseConfigName(appendConfigName('gold.events'))).toEqual({
      kind: 'append',
      table: 'gold.events',
    });
    expect(parseConfigName('nightly export')).toBeUndefined();
    expect(parseConfigName(tickConfigName('a|b', 't', 'r'))?.kind).toBe('tick');
  });
});

describe('findLeftovers', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  const old = new Date('2026-11-21T00:00:00Z');
  it('picks old tick configs only', () => {
    const configs = [
      { name: '1', displayName: 's3bq|t|x|r', params: {}, updateTime: old },
      { name: '2', displayName: 's3bq|t|x|r', params: {}, updateTime: now },
      { name: '3', displayName: 's3bq-append|t', params: {}, updateTime: old },
      { name: '4', displayName: 'other', params: {}, updateTime: old },
      { name: '5', displayName: 's3bq|t|x|r', params: {} },
    ];
    expect(findLeftovers(configs, now, 6 * 3_600_000).map((c) => c.name)).toEqual(['1']);
  });
});

describe('parseDuration', () => {
  it('reads 90s, 45m, 2h, 1h30m and bare seconds', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('45m')).toBe(2_700_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('15')).toBe(15_000);
  });
  it('refuses nonsense with an example', () => {
    expect(() => parseDuration('soon', '--timeout')).toThrow(
      /--timeout "soon" is not a duration: write e.g. 90s/,
    );
    expect(() => parseDuration('2x')).toThrow();
    expect(() => parseDuration('0s')).toThrow(/longer than zero/);
  });
});
