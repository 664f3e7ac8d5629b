// The local cloud's runs in flight (PENDING or RUNNING), sampled from its GET /stats while
// a workload runs: how full the quota's slots were, seen from DTS's side whatever process
// started the runs. The peak comes from the local cloud's own counter, never from here
// (a sample can fall between two changes).

export interface InFlightSample {
  /** ms since the workload started. */
  atMs: number;
  inFlight: number;
}

export interface InFlightSummary {
  samples: number;
  /** Workload start to the first sample with a run in flight. */
  firstRunMs: number;
  /** Workload start to the last sample with a run in flight. */
  lastRunMs: number;
  /** Mean runs in flight between the first and the last run. */
  meanInFlight: number;
  /** meanInFlight ÷ max_parallel: the share of the quota's slots holding a run between the first and the last run. */
  busySlotUse: number;
  /** ∫ runs in flight dt over the whole workload, in run-seconds. */
  runSeconds: number;
  /** Most runs in flight in any one sample. */
  sampledPeak: number;
}

/** Samples `read()` every `everyMs` until `until` settles; returns its value and the samples. */
export async function sampleWhile<T>(
  until: Promise<T>,
  read: () => Promise<number>,
  everyMs: number,
): Promise<{ value: T; samples: InFlightSample[] }> {
  const started = performance.now();
  const samples: InFlightSample[] = [];
  let done = false;
  const sampling = (async () => {
    while (!done) {
      const atMs = performance.now() - started;
      const inFlight = await read().catch(() => undefined);
      if (inFlight !== undefined) samples.push({ atMs, inFlight });
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  try {
    return { value: await until, samples };
  } finally {
    done = true;
    await sampling;
  }
}

/**
 * The share of the quota's slot-time that held a run over a whole makespan: ∫ runs in
 * flight dt ÷ (max_parallel × makespan). The makespan efficiency with the runs' real time
 * in flight as the ideal, so it does not count a run that takes longer than its nominal time.
 */
export function slotUse(summary: InFlightSummary, maxParallel: number, makespanMs: number): number {
  return (summary.runSeconds * 1000) / (maxParallel * makespanMs);
}

/** Left sums between samples: each sample's count holds until the next one. */
export function summarizeInFlight(samples: readonly InFlightSample[], maxParallel: number): InFlightSummary {
  const busy = samples.filter((s) => s.inFlight > 0);
  const first = busy[0];
  const last = busy[busy.length - 1];
  if (!first || !last) throw new Error('no sample saw a run in flight: the workload started nothing');
  let runMs = 0;
  let busyRunMs = 0;
  for (let i = 0; i + 1 < samples.length; i++) {
    const here = samples[i]!;
    const span = samples[i + 1]!.atMs - here.atMs;
    runMs += here.inFlight * span;
    if (here.atMs >= first.atMs && here.atMs < last.atMs) busyRunMs += here.inFlight * span;
  }
  const meanInFlight = last.atMs > first.atMs ? busyRunMs / (last.atMs - first.atMs) : first.inFlight;
  return {
    samples: samples.length,
    firstRunMs: first.atMs,
    lastRunMs: last.atMs,
    meanInFlight,
    busySlotUse: meanInFlight / maxParallel,
    runSeconds: runMs / 1000,
    sampledPeak: Math.max(...samples.map((s) => s.inFlight)),
  };
}
