// Config display names (what each config is for, and its claim in the quota queue) and
// the janitor's decisions over them.
import { describe, expect, it } from 'vitest';
import type { TransferConfigInfo } from '../../src/cloud/dts.js';
import {
  appendConfigKey,
  appendConfigName,
  parseConfigName,
  stripClaim,
  tickConfigName,
  withClaim,
} from '../../src/lifecycle/config-naming.js';
import { findRetirable, retentionByDestination } from '../../src/lifecycle/janitor.js';
import { specOf } from './spec-fixture.js';

const claim = { ticket: 1_764, touch: 3, process: 'abc123' };

describe('config names', () => {
  it('round-trips a WRITE_TRUNCATE partition config, with and without a claim', () => {
    const base = tickConfigName('gold.orders', '20261121', 'gh-1-1');
    expect(parseConfigName(base)).toEqual({
      kind: 'tick',
      table: 'gold.orders',
      partition: '20261121',
      runLabel: 'gh-1-1',
      claim: undefined,
    });
    expect(parseConfigName(withClaim(base, claim))).toMatchObject({ kind: 'tick', claim });
    expect(stripClaim(withClaim(base, claim))).toBe(base);
    expect(withClaim(withClaim(base, claim), { ...claim, touch: 4 })).toBe(
      `${base}|q${claim.ticket}.4@abc123`,
    );
  });

  it('keys an append config by destination partition and source, never by the table file', () => {
    const key = appendConfigKey('p.gold.events', '2026112103', 's3://lake/events/dt=2026-11-21/hour=3/*');
    expect(key).toBe(
      appendConfigKey('p.gold.events', '2026112103', 's3://lake/events/dt=2026-11-21/hour=3/*'),
    );
    expect(key).not.toBe(
      appendConfigKey('p.gold.events2', '2026112103', 's3://lake/events/dt=2026-11-21/hour=3/*'),
    );
    expect(key).not.toBe(
      appendConfigKey('p.gold.events', '2026112103', 's3://other/events/dt=2026-11-21/hour=3/*'),
    );
    const name = withClaim(appendConfigName(key, 42), claim);
    expect(parseConfigName(name)).toEqual({
      kind: 'append',
      key,
      destination: 'p.gold.events',
      partition: '2026112103',
      sourceKey: expect.stringMatching(/^[0-9a-f]{12}$/),
      createdAtMs: 42,
      claim,
    });
  });

  it('keeps long names short and distinct, and ignores names that are not ours', () => {
    const long = `p.d.${'t'.repeat(300)}`;
    const a = parseConfigName(appendConfigName(appendConfigKey(`${long}a`, '20261121', 's3://b/x/'), 1));
    const b = parseConfigName(appendConfigName(appendConfigKey(`${long}b`, '20261121', 's3://b/x/'), 1));
    expect(a?.kind === 'append' && a.destination.length).toBeLessThanOrEqual(120);
    expect(a?.kind === 'append' && b?.kind === 'append' && a.key !== b.key).toBe(true);
    expect(parseConfigName('nightly export')).toBeUndefined();
    expect(parseConfigName('s3bq|t|x|r|not-a-claim')).toBeUndefined();
    expect(parseConfigName(tickConfigName('a|b', 't', 'r'))?.kind).toBe('tick');
    expect(parseConfigName('s3bq-append|gold.events')).toEqual({
      kind: 'legacy-append',
      table: 'gold.events',
    });
  });
});

describe('the janitor', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  const old = new Date('2026-11-21T00:00:00Z');
  const config = (
    name: string,
    displayName: string,
    extra: Partial<TransferConfigInfo> = {},
  ): TransferConfigInfo => ({
    name,
    displayName,
    params: {},
    state: 'SUCCEEDED',
    updateTime: old,
    ...extra,
  });
  const events = specOf({
    name: 'gold.events',
    dataset: 'gold',
    table: 'events',
    writeDisposition: 'WRITE_APPEND',
    lookbackDays: 3,
    appendRetentionDays: 10,
  });
  const retention = retentionByDestination([events], 'p');
  const appendFor = (destination: string, partition: string, created = 1) =>
    appendConfigName(appendConfigKey(destination, partition, 's3://lake/x/'), created);
  const sixHours = 6 * 3_600_000;

  it('deletes run leftovers idle past --older-than, never one in flight or touched recently', () => {
    const configs = [
      config('1', 's3bq|t|20261120|r', { state: 'UNSPECIFIED' }),
      config('2', 's3bq|t|20261120|r', { updateTime: now }),
      config('3', 's3bq|t|20261120|r', { state: 'RUNNING' }),
      config('4', 'other', {}),
      config('5', 's3bq|t|20261120|r', { updateTime: undefined }),
    ];
    expect(findRetirable(configs, retention, now, sixHours).map((r) => r.config.name)).toEqual(['1']);
  });

  it('retires an append config once its partition is older than lookback + retention, in the table zone', () => {
    const kept = config('a', appendFor('p.gold.events', '20261108'));
    const retired = config('b', appendFor('p.gold.events', '20261107'));
    const running = config('c', appendFor('p.gold.events', '20261101'), { state: 'PENDING' });
    const orphanYoung = config('d', appendFor('p.gone.table', '20261101'));
    const orphanOld = config('e', appendFor('p.gone.table', '20261020'));
    const found = findRetirable([kept, retired, running, orphanYoung, orphanOld], retention, now, sixHours);
    expect(found.map((r) => r.config.name)).toEqual(['b', 'e']);
    expect(found[0]?.why).toMatch(/lookback plus 10 day/);
    expect(found[1]?.why).toMatch(/no table file loads it/);
  });

  it('deletes a duplicate append config that never ran, keeps the one every process keeps', () => {
    const first = config('x', appendFor('p.gold.events', '20261120', 1), { state: 'UNSPECIFIED' });
    const loser = config('y', appendFor('p.gold.events', '20261120', 2), { state: 'UNSPECIFIED' });
    expect(findRetirable([first, loser], retention, now, sixHours).map((r) => r.config.name)).toEqual(['y']);
  });

  it('retires no append config when the table files could not all be read', () => {
    const legacy = config('l', 's3bq-append|gold.events');
    const old = config('b', appendFor('p.gold.events', '20250101'));
    expect(findRetirable([legacy, old], undefined, now, sixHours)).toEqual([]);
    expect(findRetirable([legacy], retention, now, sixHours).map((r) => r.config.name)).toEqual(['l']);
  });
});
