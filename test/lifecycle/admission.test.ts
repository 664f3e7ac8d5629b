// The quota queue kept in DTS: the pure ranking of one snapshot, and gates of several
// "processes" sharing one in-memory DTS — never more runs in flight than max_parallel,
// first queued first served, dead claims ignored, a config claimed by another waits.
import { describe, expect, it } from 'vitest';
import type { DtsFace, RunState, TransferConfigInfo } from '../../src/cloud/dts.js';
import { createAdmissionGate } from '../../src/lifecycle/admission.js';
import { foreignChoosing, mayTail, readQueue, withinSlots } from '../../src/lifecycle/admission-queue.js';
import { systemClock } from '../../src/lifecycle/clock.js';
import { type Claim, parseConfigName, tickConfigName, withClaim } from '../../src/lifecycle/config-naming.js';

const NOW = 1_800_000_000_000;
const claim = (ticket: number, process: string, touch = 0): Claim => ({ ticket, touch, process });
const config = (
  name: string,
  c: Claim | undefined,
  state: RunState = 'UNSPECIFIED',
  updatedAgoMs = 0,
): TransferConfigInfo => ({
  name,
  displayName: withClaim(tickConfigName('t', name, 'r'), c),
  params: {},
  state,
  updateTime: new Date(NOW - updatedAgoMs),
});
const none = { inFlight: new Map(), waiting: new Map() };

describe('the queue in one snapshot', () => {
  it('counts runs in flight, ranks live tickets, and admits only within free slots', () => {
    const configs = [
      config('a', claim(1, 'p1'), 'RUNNING'),
      config('b', claim(5, 'p2')),
      config('c', claim(3, 'p1')),
      config('d', claim(2, 'p3'), 'UNSPECIFIED', 120_000), // its process died: stale
      config('e', undefined, 'PENDING'), // in flight, no claim
      config('f', claim(0, 'p4')), // choosing its ticket
    ];
    const view = readQueue(configs, none, NOW, 60_000);
    expect([...view.inFlight].sort()).toEqual(['a', 'e']);
    expect(view.queue.map((entry) => entry.name)).toEqual(['c', 'b']);
    expect(view.maxTicket).toBe(5);
    expect(withinSlots(view, 'p1', 3)).toEqual(['c']);
    expect(withinSlots(view, 'p2', 3)).toEqual([]); // c is ahead of b and takes the one free slot
    expect(withinSlots(view, 'p2', 4)).toEqual(['b']);
    expect([...foreignChoosing(view, 'p1')]).toEqual(['f']);
    expect([...foreignChoosing(view, 'p4')]).toEqual([]);
  });

  it("counts this process's own runs before DTS lists them, and its claims before they show", () => {
    const own = { inFlight: new Map([['x', claim(1, 'me')]]), waiting: new Map([['y', claim(9, 'me')]]) };
    const view = readQueue([], own, NOW, 60_000);
    expect([...view.inFlight]).toEqual(['x']);
    expect(withinSlots(view, 'me', 2)).toEqual(['y']);
    expect(withinSlots(view, 'me', 1)).toEqual([]);
  });

  it('leaves a config carrying another process’s live claim to that process', () => {
    const own = { inFlight: new Map(), waiting: new Map([['k', claim(1, 'me')]]) };
    const view = readQueue([config('k', claim(2, 'other'))], own, NOW, 60_000);
    expect(view.contested.has('k')).toBe(true);
    expect(withinSlots(view, 'me', 5)).toEqual([]);
    // As the other process reads the same list, the config is its own to start.
    expect(withinSlots(readQueue([config('k', claim(2, 'other'))], none, NOW, 60_000), 'other', 5)).toEqual([
      'k',
    ]);
  });

  it('lets only the first 8 processes with runs in flight hold a live tail', () => {
    const configs = Array.from({ length: 10 }, (_, i) => config(`c${i}`, claim(i, `p${i}`), 'RUNNING'));
    const view = readQueue(configs, none, NOW, 60_000);
    expect(mayTail(view, 'p0')).toBe(true);
    expect(mayTail(view, 'p7')).toBe(true);
    expect(mayTail(view, 'p8')).toBe(false);
    expect(mayTail(view, 'newcomer')).toBe(false);
  });
});

/** DTS's config list, shared by every gate, with runs that end when the test says. */
function sharedDts() {
  const configs = new Map<string, TransferConfigInfo>();
  let peak = 0;
  const inFlight = () =>
    [...configs.values()].filter((c) => c.state === 'PENDING' || c.state === 'RUNNING').length;
  const dts: Pick<DtsFace, 'listConfigs' | 'renameConfig'> = {
    listConfigs: async () => [...configs.values()].map((c) => ({ ...c })),
    renameConfig: async (name, displayName) => {
      const existing = configs.get(name);
      if (!existing) throw new Error(`no config ${name}`);
      const renamed = { ...existing, displayName, updateTime: new Date() };
      configs.set(name, renamed);
      return renamed;
    },
  };
  return {
    dts,
    create(name: string, c: Claim) {
      configs.set(name, {
        name,
        displayName: withClaim(tickConfigName('t', name, 'r'), c),
        params: {},
        state: 'UNSPECIFIED',
        updateTime: new Date(),
      });
    },
    start(name: string) {
      configs.set(name, { ...configs.get(name)!, state: 'RUNNING' });
      peak = Math.max(peak, inFlight());
    },
    /** The run ends and its process takes its claim off, as a gate's release does. */
    end(name: string) {
      configs.set(name, {
        ...configs.get(name)!,
        state: 'SUCCEEDED',
        displayName: tickConfigName('t', name, 'r'),
      });
    },
    peak: () => peak,
    displayName: (name: string) => configs.get(name)?.displayName ?? '',
  };
}

const FAST = { pollMs: 20, claimTtlMs: 5_000, renewMs: 50 };

describe('gates of several processes on one DTS', () => {
  it('never let more than max_parallel runs be in flight, however many processes ask at once', async () => {
    const shared = sharedDts();
    const gates = ['p1', 'p2', 'p3'].map((process) =>
      createAdmissionGate({ dts: shared.dts, maxParallel: 3, clock: systemClock, timing: FAST, process }),
    );
    const partition = async (gateIndex: number, index: number) => {
      const gate = gates[gateIndex]!;
      const lease = await gate.enter();
      const name = `g${gateIndex}-${index}`;
      shared.create(name, lease.claim);
      lease.attach(name, tickConfigName('t', name, 'r'));
      await lease.admitted();
      shared.start(name);
      await new Promise((resolve) => setTimeout(resolve, 30 + Math.random() * 30));
      shared.end(name);
      // 'ok': the run ended, so the gate hands its slot on from its last look at once.
      await lease.release('ok');
    };
    await Promise.all(gates.flatMap((_, g) => Array.from({ length: 8 }, (_, i) => partition(g, i))));
    for (const gate of gates) gate.close();
    expect(shared.peak()).toBeLessThanOrEqual(3);
    expect(shared.peak()).toBe(3);
  });

  it('hands a slot on the moment its run ends, without waiting for another look', async () => {
    const shared = sharedDts();
    let looks = 0;
    const dts = {
      ...shared.dts,
      listConfigs: () => {
        looks += 1;
        return shared.dts.listConfigs();
      },
    };
    // Looks far apart: only the hand-over can admit the second partition in time.
    const timing = { pollMs: 60_000, claimTtlMs: 120_000, renewMs: 60_000 };
    const gate = createAdmissionGate({ dts, maxParallel: 1, clock: systemClock, timing, process: 'me' });
    const enter = async (name: string) => {
      const lease = await gate.enter();
      shared.create(name, lease.claim);
      lease.attach(name, tickConfigName('t', name, 'r'));
      return lease;
    };
    const first = await enter('first');
    await first.admitted();
    shared.start('first');
    const second = await enter('second');
    let admitted = false;
    const waiting = second.admitted().then(() => {
      admitted = true;
    });
    // Let the second partition's ticket be chosen and shown (the kicks of entering).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(admitted).toBe(false);
    const looksBefore = looks;
    shared.end('first');
    await first.release('ok');
    await new Promise((resolve) => setImmediate(resolve));
    expect(admitted).toBe(true);
    expect(looks).toBe(looksBefore);
    await waiting;
    await second.release();
    gate.close();
  });

  it('renews a waiting claim so that other processes see it alive, and stops once admitted', async () => {
    const shared = sharedDts();
    shared.create('busy', claim(1, 'other'));
    shared.start('busy');
    const gate = createAdmissionGate({
      dts: shared.dts,
      maxParallel: 1,
      clock: systemClock,
      timing: FAST,
      process: 'me',
    });
    const lease = await gate.enter();
    shared.create('mine', lease.claim);
    lease.attach('mine', tickConfigName('t', 'mine', 'r'));
    const admitted = lease.admitted();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const renewed = parseConfigName(shared.displayName('mine'));
    expect(renewed?.kind === 'tick' && renewed.claim?.touch).toBeGreaterThan(0);
    shared.end('busy');
    await admitted;
    await lease.release();
    gate.close();
  });

  it('waits for a process that was choosing its ticket when ours showed, and lets a smaller ticket go first', async () => {
    const shared = sharedDts();
    shared.create('slow-chooser', claim(0, 'other')); // marked "choosing" before we queued
    shared.create('old-ticket', claim(4, 'other'));
    const gate = createAdmissionGate({
      dts: shared.dts,
      maxParallel: 1,
      clock: systemClock,
      timing: FAST,
      process: 'me',
    });
    const lease = await gate.enter();
    shared.create('mine', lease.claim);
    lease.attach('mine', tickConfigName('t', 'mine', 'r'));
    let admittedAt = 0;
    const admitted = lease.admitted().then(() => {
      admittedAt = Date.now();
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    // Our ticket is 5 (one above the 4 we saw), yet the chooser blocks us and the 4 goes first.
    const mine = parseConfigName(shared.displayName('mine'));
    expect(mine?.kind === 'tick' && mine.claim?.ticket).toBe(5);
    expect(admittedAt).toBe(0);
    shared.create('slow-chooser', claim(3, 'other')); // it chose 3: ahead of us
    shared.end('old-ticket');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(admittedAt).toBe(0);
    const freedAt = Date.now();
    shared.end('slow-chooser');
    await admitted;
    expect(admittedAt).toBeGreaterThanOrEqual(freedAt);
    await lease.release();
    gate.close();
  });
});
