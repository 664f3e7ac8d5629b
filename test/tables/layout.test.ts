import { describe, expect, it } from 'vitest';
import { layoutProblems, renderLayout } from '../../src/tables/layout.js';

describe('layoutProblems', () => {
  it.each([
    ['dt={date}', 'DAY'],
    ['year={YYYY}/month={MM}/day={DD}', 'DAY'],
    ['{YYYY}{MM}{DD}', 'DAY'],
    ['dt={date}/hour={H}', 'HOUR'],
    ['dt={date}/hour={HH}', 'HOUR'],
    ['{YYYY}/{MM}/{DD}/{HH}', 'HOUR'],
  ] as const)('accepts %s for %s', (layout, granularity) => {
    expect(layoutProblems(layout, granularity)).toEqual([]);
  });

  it.each([
    ['dt={YYYY}-{MM}', 'DAY', 'must name the date'],
    ['hour={H}', 'HOUR', 'must name the date'],
    ['dt={date}', 'HOUR', 'needs the hour'],
    ['dt={date}/hour={H}', 'DAY', 'has no hour'],
    ['dt={day}', 'DAY', 'unknown layout token "{day}"'],
    ['dt={date', 'DAY', 'unmatched'],
    ['dt={date}}', 'DAY', 'unmatched'],
    ['/dt={date}', 'DAY', 'no leading or trailing'],
    ['dt={date}/', 'DAY', 'no leading or trailing'],
    ['a//dt={date}', 'DAY', 'empty'],
    ['../dt={date}', 'DAY', '".."'],
    ['dt={date}/*', 'DAY', 'wildcards'],
    ['dt = {date}', 'DAY', 'no "#", whitespace or control characters'],
    ['dt={date}#1', 'DAY', 'no "#", whitespace or control characters'],
    ['dt={date}\tx', 'DAY', 'no "#", whitespace or control characters'],
    ['dt={date}\u0001', 'DAY', 'no "#", whitespace or control characters'],
  ] as const)('refuses %s for %s', (layout, granularity, why) => {
    expect(layoutProblems(layout, granularity).join(' | ')).toContain(why);
  });
});

describe('renderLayout', () => {
  it('renders every token, padded or not', () => {
    const t = { year: 2022, month: 8, day: 5, hour: 3 };
    expect(renderLayout('dt={date}/hour={H}', t)).toBe('dt=2022-08-05/hour=3');
    expect(renderLayout('{YYYY}/{MM}/{DD}/{HH}', t)).toBe('2022/08/05/03');
    expect(renderLayout('dt={date}', { year: 2024, month: 2, day: 29 })).toBe('dt=2024-02-29');
  });
});
