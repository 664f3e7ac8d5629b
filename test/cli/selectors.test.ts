import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/command.js';
import { parseInstant, parseSelectors } from '../../src/cli/selectors.js';
import { errorAnnotation, escapeData, escapeProperty } from '../../src/cli/workflow-commands.js';

const now = () => new Date('2026-11-21T00:30:00Z');

describe('parseSelectors', () => {
  it('defaults: tables/, a tick now, every table', () => {
    expect(parseSelectors({}, now)).toEqual({
      tablesDir: 'tables',
      window: { kind: 'tick', at: now() },
      only: undefined,
    });
  });

  it('--at, --from/--to, --only', () => {
    expect(parseSelectors({ at: '2026-03-08T05:00:00-05:00' }, now).window).toEqual({
      kind: 'tick',
      at: new Date('2026-03-08T10:00:00Z'),
    });
    expect(parseSelectors({ from: '2026-01-01', to: '2026-01-31', tables: 'x' }, now)).toEqual({
      tablesDir: 'x',
      window: { kind: 'backfill', from: '2026-01-01', to: '2026-01-31' },
      only: undefined,
    });
    expect(parseSelectors({ only: ' a.b, c ,a.b,' }, now).only).toEqual(['a.b', 'c']);
  });

  it.each([
    [{ at: '2026-01-01T00:00:00Z', from: '2026-01-01', to: '2026-01-02' }, 'one or the other'],
    [{ from: '2026-01-01' }, 'needs both --from and --to'],
    [{ to: '2026-01-01' }, 'needs both --from and --to'],
    [{ from: '2026/01/01', to: '2026-01-02' }, '--from "2026/01/01" is not a date'],
    [{ at: 'yesterday' }, '--at "yesterday" is not an ISO 8601 instant'],
    [{ only: ' , ' }, '--only needs at least one table name'],
    [{ tables: '' }, '--tables needs a folder'],
  ])('refuses %j', (values, message) => {
    expect(() => parseSelectors(values, now)).toThrow(UsageError);
    expect(() => parseSelectors(values, now)).toThrow(message);
  });
});

describe('parseInstant', () => {
  it.each([
    ['2026-11-21', '2026-11-21T00:00:00.000Z'],
    ['2026-11-21T09:30', '2026-11-21T09:30:00.000Z'],
    ['2026-11-21T09:30:15.5Z', '2026-11-21T09:30:15.500Z'],
    ['2026-11-21T09:30:00+09:00', '2026-11-21T00:30:00.000Z'],
    ['2026-11-21T09:30:00+0900', '2026-11-21T00:30:00.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseInstant(text)?.toISOString()).toBe(iso);
  });
  it.each(['2026-02-30', '2026-11-21T24:00:00Z', '21/11/2026', '2026-11-21T09:30:00+9'])(
    'refuses %s',
    (text) => {
      expect(parseInstant(text)).toBeUndefined();
    },
  );
});

describe('workflow commands', () => {
  it('escape like @actions/core', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    expect(
      errorAnnotation({ file: 'tables/a,b.json', line: 3, col: 7, title: 's3bq validate' }, 'bad: "x"\nmore'),
    ).toBe('::error file=tables/a%2Cb.json,line=3,col=7,title=s3bq validate::bad: "x"%0Amore');
  });
});
