// The process's own run limit under DTS's concurrent-runs quota: halved when a run admitted
// under the current limit fails on the quota, grown back one at a time as runs succeed.
import { describe, expect, it } from 'vitest';
import { QuotaLimit } from '../../src/lifecycle/quota-limit.js';

describe('QuotaLimit', () => {
  it('starts at max_parallel and halves when a run fails on the quota', () => {
    const limit = new QuotaLimit(20);
    expect(limit.current).toBe(20);
    limit.runEnded('quota', 0, 100);
    expect(limit.current).toBe(10);
    limit.runEnded('quota', 150, 200);
    expect(limit.current).toBe(5);
  });

  it('cuts once for a burst: runs admitted before the last cut say nothing new', () => {
    const limit = new QuotaLimit(20);
    for (let i = 0; i < 12; i++) limit.runEnded('quota', 50, 100 + i);
    expect(limit.current).toBe(10);
  });

  it('never goes below one run', () => {
    const limit = new QuotaLimit(3);
    for (let i = 0; i < 5; i++) limit.runEnded('quota', i * 10, i * 10 + 5);
    expect(limit.current).toBe(1);
  });

  it('grows by one after each `limit` runs that end without the quota, up to max_parallel', () => {
    const changes: [number, string][] = [];
    const limit = new QuotaLimit(6, (now, reason) => changes.push([now, reason]));
    limit.runEnded('quota', 0, 1);
    expect(limit.current).toBe(3);
    limit.runEnded('ok', 2, 3);
    limit.runEnded('ok', 2, 3);
    expect(limit.current).toBe(3);
    limit.runEnded('ok', 2, 3);
    expect(limit.current).toBe(4);
    for (let i = 0; i < 4 + 5 + 6; i++) limit.runEnded('ok', 2, 3);
    expect(limit.current).toBe(6);
    expect(changes).toEqual([
      [3, 'quota'],
      [4, 'ok'],
      [5, 'ok'],
      [6, 'ok'],
    ]);
  });

  it('a success before the cut does not count toward growing back', () => {
    const limit = new QuotaLimit(4);
    limit.runEnded('ok', 0, 1);
    limit.runEnded('quota', 0, 2);
    expect(limit.current).toBe(2);
    limit.runEnded('ok', 3, 4);
    expect(limit.current).toBe(2);
    limit.runEnded('ok', 3, 5);
    expect(limit.current).toBe(3);
  });
});
