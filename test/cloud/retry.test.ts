import { describe, expect, it } from 'vitest';
import { CloudError } from '../../src/cloud/errors.js';
import { backoffDelay, callWithRetry, type RetryPolicy } from '../../src/cloud/retry.js';

function policy(delays: number[]): RetryPolicy {
  return {
    retries: 3,
    baseDelayMs: 100,
    maxDelayMs: 1_000,
    random: () => 1,
    secrets: [],
    sleep: async (ms) => {
      delays.push(ms);
    },
  };
}

const context = { service: 'dts' as const, operation: 'GetTransferRun', timeoutMs: 1_000 };

describe('callWithRetry', () => {
  it('retries UNAVAILABLE with growing backoff, then succeeds', async () => {
    const delays: number[] = [];
    let calls = 0;
    const value = await callWithRetry(context, policy(delays), async () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error('unavailable'), { code: 14 });
      return 'ok';
    });
    expect(value).toBe('ok');
    expect(calls).toBe(3);
    expect(delays).toEqual([100, 200]);
  });

  it('backs off longer on quota errors and gives up after the retries', async () => {
    const delays: number[] = [];
    let calls = 0;
    const error = await callWithRetry(context, policy(delays), async () => {
      calls++;
      throw Object.assign(new Error('Quota exceeded: too many'), { code: 8 });
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RESOURCE_EXHAUSTED' });
    expect(calls).toBe(4);
    expect(delays).toEqual([400, 800, 1600]);
  });

  it('never retries INVALID_ARGUMENT, PERMISSION_DENIED or NOT_FOUND', async () => {
    for (const code of [3, 7, 5]) {
      let calls = 0;
      const error = await callWithRetry(context, policy([]), async () => {
        calls++;
        throw Object.assign(new Error('no'), { code });
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CloudError);
      expect(calls).toBe(1);
    }
  });

  it('abandons a hung attempt at its deadline and retries it', async () => {
    let calls = 0;
    const error = await callWithRetry({ ...context, timeoutMs: 30 }, { ...policy([]), retries: 1 }, () => {
      calls++;
      return new Promise<never>(() => {});
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DEADLINE_EXCEEDED', operation: 'GetTransferRun' });
    expect(calls).toBe(2);
  });

  it('stops at once when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = callWithRetry(
      { ...context, signal: controller.signal },
      policy([]),
      () => new Promise<never>(() => {}),
    );
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });
});

describe('backoffDelay', () => {
  it('jitters between half and all of an exponential cap', () => {
    const p = { baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(backoffDelay(1, { ...p, random: () => 0 })).toBe(50);
    expect(backoffDelay(3, { ...p, random: () => 1 })).toBe(400);
    expect(backoffDelay(10, { ...p, random: () => 1 })).toBe(1_000);
  });
});
