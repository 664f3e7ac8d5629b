// The run-based harnesses end to end on a tiny workload, so they cannot rot when the
// lifecycle changes: the local cloud in its own process (aging its lake), the breakdown
// run through runPipeline with its DTS calls recorded, and one table's overhead. Offline
// (loopback only); no timing is asserted, only that every figure is there and consistent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAKE_AGE_MS } from '../../bench/bench-lake.js';
import { measureOverhead } from '../../bench/lifecycle-overhead.js';
import {
  type LocalCloudProcess,
  processCpuMs,
  startLocalCloudProcess,
} from '../../bench/local-cloud-process.js';
import { measureBreakdown } from '../../bench/workload-breakdown.js';

const AT = '2026-11-21T06:00:00Z';

let cloud: LocalCloudProcess;
beforeAll(async () => {
  cloud = await startLocalCloudProcess({ runSeconds: 0.2 });
}, 120_000);
afterAll(async () => {
  await cloud?.stop();
});

describe('the benchmark harnesses on a tiny workload', () => {
  it('starts the local cloud in its own process, which ages its objects and counts its runs', async () => {
    expect(cloud.env.DTS_EMULATOR_HOST).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(await cloud.backdate(LAKE_AGE_MS)).toBe(0);
    expect(await cloud.stats()).toMatchObject({ inFlightRuns: 0, peakInFlightRuns: 0 });
    expect(await cloud.cpuMs()).toBeGreaterThan(0);
    expect(await processCpuMs(process.pid)).toBeGreaterThan(0);
  });

  it('loads every partition through runPipeline and says where each slot’s time went', async () => {
    const figures = await measureBreakdown(cloud, {
      tables: 3,
      partitions: 2,
      runSeconds: 0.2,
      maxParallel: 2,
      at: AT,
    });
    expect(figures.runs).toBe(6);
    expect(figures.slots.runs).toBe(6);
    expect(figures.peakInFlightRuns).toBeLessThanOrEqual(2);
    expect(figures.slots.calls).toMatchObject({ createConfig: 6, startRun: 6, deleteConfig: 6 });
    for (const value of [figures.slots.handoffMs, figures.slots.inFlightMs, figures.makespanEfficiency])
      expect(Number.isFinite(value)).toBe(true);
    // A run is in flight for at least its nominal time, so no more than the whole of every slot.
    expect(figures.slots.inFlightMs).toBeGreaterThanOrEqual(200);
    expect(figures.slotUse).toBeLessThanOrEqual(1);
  }, 120_000);

  it('splits one table’s lifecycle into its parts', async () => {
    const figures = await measureOverhead(cloud, { runSeconds: 0.2, tables: 1, at: AT });
    const [sample] = figures.samples;
    expect(sample?.table).toBe('bench.t_000');
    const { setupMs, admissionMs, runOverrunMs, waitSlackMs, verifyMs, cleanupMs } = sample!;
    // The parts follow one another: they add up to the whole.
    expect(setupMs + admissionMs + runOverrunMs + waitSlackMs + verifyMs + cleanupMs).toBe(
      sample!.overheadMs,
    );
    expect(figures.runOverrunMsMedian).toBe(runOverrunMs);
  }, 120_000);
});
