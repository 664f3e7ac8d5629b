import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/command.js';
import { parseSelectors } from '../../src/cli/selectors.js';
import { errorAnnotation, escapeData, escapeProperty } from '../../src/cli/workflow-commands.js';

describe('parseSelectors', () => {
  it('defaults: tables/, a tick now, every table', () => {
    expect(parseSelectors({})).toEqual({ tablesDir: 'tables', window: { kind: 'now' }, only: undefined });
  });

  it('--at, --from/--to, --only', () => {
    expect(parseSelectors({ at: '2026-03-08T05:00:00-05:00' }).window).toEqual({
      kind: 'tick',
      at: new Date('2026-03-08T10:00:00Z'),
    });
    expect(parseSelectors({ from: '2026-01-01', to: '2026-01-31', tables: 'x' })).toEqual({
      tablesDir: 'x',
      window: { kind: 'backfill', from: '2026-01-01', to: '2026-01-31' },
      only: undefined,
    });
    expect(parseSelectors({ only: ' a.b, c ,a.b,' }).only).toEqual(['a.b', 'c']);
  });

  it.each([
    [{ at: '2026-01-01T00:00:00Z', from: '2026-01-01', to: '2026-01-02' }, 'one or the other'],
    [{ from: '2026-01-01' }, 'needs both --from and --to'],
    [{ to: '2026-01-01' }, 'needs both --from and --to'],
    [{ from: '2026/01/01', to: '2026-01-02' }, '--from "2026/01/01" is not a date'],
    [{ at: 'yesterday' }, '--at "yesterday" is not an ISO 8601 instant'],
    [{ only: ' , ' }, '--only needs at least one table name'],
    [{ tables: '' }, '--tables needs a folder'],
  ])('refuses %j as a usage error', (values, message) => {
    expect(() => parseSelectors(values)).toThrow(UsageError);
    expect(() => parseSelectors(values)).toThrow(message);
  });
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
