// The one parser of each input, as the CLI's flags and the action's inputs both use it.
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import {
  InputError,
  parseBoolean,
  parseDuration,
  parseInstant,
  parseTableNames,
  parseTransport,
  parseWholeNumber,
  parseWindow,
} from '../../src/pipeline/inputs.js';

const flag = (input: string) => `--${input}`;
const actionInput = (input: string) => `Input '${input}'`;

describe('parseInstant: one rule for a tick instant on both doors', () => {
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
  it('reads a time without an offset as UTC for the action too (no Date.parse local time)', () => {
    const given: Record<string, string> = { table: 't', at: '2026-11-21T06:00' };
    const inputs = readInputs((name) => given[name] ?? '');
    expect(inputs.plan.window).toEqual({ kind: 'tick', at: new Date('2026-11-21T06:00:00Z') });
  });
});

describe('parseWindow', () => {
  it('reads a tick, a backfill or now', () => {
    expect(parseWindow({ at: '2026-11-21T06:00:00Z' }, flag)).toEqual({
      kind: 'tick',
      at: new Date('2026-11-21T06:00:00Z'),
    });
    expect(parseWindow({ from: '2026-01-01', to: '2026-01-31' }, flag)).toEqual({
      kind: 'backfill',
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(parseWindow({ at: '', from: '', to: '' }, actionInput)).toEqual({ kind: 'now' });
  });
  it.each([
    [{ at: '2026-01-01T00:00:00Z', from: '2026-01-01', to: '2026-01-02' }, 'one or the other'],
    [{ from: '2026-01-01' }, 'needs both --from and --to'],
    [{ to: '2026-01-01' }, 'needs both --from and --to'],
    [{ from: '2026/01/01', to: '2026-01-02' }, '--from "2026/01/01" is not a date'],
    [{ from: '2026-02-01', to: '2026-01-01' }, 'swap them'],
    [{ at: 'yesterday' }, '--at "yesterday" is not an ISO 8601 instant'],
  ])('refuses %j', (values, message) => {
    expect(() => parseWindow(values, flag)).toThrow(InputError);
    expect(() => parseWindow(values, flag)).toThrow(message);
  });
  it("names the action's inputs as the workflow spells them", () => {
    expect(() => parseWindow({ from: '2026-01-01' }, actionInput)).toThrow(
      /both Input 'from' and Input 'to'/,
    );
  });
});

describe('parseDuration', () => {
  it('reads units, combined units and bare seconds', () => {
    expect(parseDuration('2h', '--timeout')).toBe(7_200_000);
    expect(parseDuration('1h30m', '--timeout')).toBe(5_400_000);
    expect(parseDuration('90s', '--timeout')).toBe(90_000);
    expect(parseDuration('1500ms', '--timeout')).toBe(1_500);
    expect(parseDuration('45m', '--timeout')).toBe(2_700_000);
    expect(parseDuration('15', '--timeout')).toBe(15_000);
  });
  it('refuses nonsense, zero and what a timer cannot hold, naming the flag', () => {
    expect(() => parseDuration('soon', '--timeout')).toThrow(
      /--timeout "soon" is not a duration: write e.g. 90s/,
    );
    expect(() => parseDuration('2 hours', "Input 'timeout'")).toThrow(
      /Input 'timeout' "2 hours" is not a duration/,
    );
    expect(() => parseDuration('2x', '--timeout')).toThrow(InputError);
    expect(() => parseDuration('0s', '--timeout')).toThrow(/longer than zero/);
    // 25 days overflows Node's timers (2^31-1 ms): refused, never a timeout that fires at once.
    expect(() => parseDuration('25d', '--timeout')).toThrow(/longer than the 24 days allowed/);
    expect(parseDuration('24d', '--timeout')).toBe(24 * 86_400_000);
  });
  it("caps the action's timeout at GitHub's 6-hour job limit", () => {
    const read = (timeout: string) => (name: string) => ({ table: 't', timeout })[name] ?? '';
    expect(() => readInputs(read('7h'))).toThrow(/Input 'timeout' "7h" is longer than the 6h allowed/);
    expect(readInputs(read('6h')).run.timeoutMs).toBe(6 * 3_600_000);
  });
});

describe('the other inputs', () => {
  it('parses booleans the way workflows write them', () => {
    expect(parseBoolean('true', "Input 'dry-run'")).toBe(true);
    expect(parseBoolean(' TRUE ', "Input 'dry-run'")).toBe(true);
    expect(parseBoolean('', "Input 'dry-run'")).toBe(false);
    expect(() => parseBoolean('maybe', "Input 'dry-run'")).toThrow(/'dry-run' must be true or false/);
  });
  it('parses the transport, grpc by default', () => {
    expect(parseTransport('', '--transport')).toBe('grpc');
    expect(parseTransport('REST', '--transport')).toBe('rest');
    expect(() => parseTransport('http', '--transport')).toThrow(/grpc or rest/);
  });
  it('splits table lists and refuses paths', () => {
    expect(parseTableNames('gold.orders', '--only')).toEqual(['gold.orders']);
    expect(parseTableNames(' a.b , c.d,,a.b ', '--only')).toEqual(['a.b', 'c.d']);
    expect(() => parseTableNames(' , ', '--only')).toThrow(/--only needs at least one table name/);
    expect(() => parseTableNames('../secrets', "Input 'table'")).toThrow(/not a table name/);
  });
  it('bounds whole numbers', () => {
    expect(parseWholeNumber('5', '--max-parallel', 1, 256)).toBe(5);
    expect(() => parseWholeNumber('1000', '--max-parallel', 1, 256)).toThrow(/from 1 to 256/);
    expect(() => parseWholeNumber('0', '--max-parallel', 1, 256)).toThrow(InputError);
    expect(() => parseWholeNumber('2.5', '--max-parallel', 1, 256)).toThrow(InputError);
  });
});

describe("the action's inputs as one request", () => {
  it('reads every input once with defaults', () => {
    const given: Record<string, string> = { table: 'gold.orders', at: '2026-11-21T06:00:00Z', timeout: '' };
    expect(readInputs((name) => given[name] ?? '')).toEqual({
      tables: ['gold.orders'],
      plan: {
        tablesDir: 'tables',
        only: ['gold.orders'],
        window: { kind: 'tick', at: new Date('2026-11-21T06:00:00Z') },
        overrides: { project: undefined, location: undefined },
      },
      run: { timeoutMs: 7_200_000, transport: 'grpc', dryRun: false },
      resultDir: undefined,
    });
  });
});
