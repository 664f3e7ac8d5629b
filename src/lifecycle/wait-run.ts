// Step 4: wait for one run to end, looking at it on the poll schedule. Bounded by the
// caller's signal (the table's overall timeout or a cancellation); each look has its own
// call deadline inside the DTS face.
import type { DtsFace, TransferRunInfo } from '../cloud/dts.js';
import { DEFAULT_POLL_SCHEDULE, type PollSchedule, pollDelay } from './poll-schedule.js';
import type { Clock } from './types.js';

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

export function isTerminal(run: Pick<TransferRunInfo, 'state'>): boolean {
  return TERMINAL.has(run.state);
}

export interface WaitResult {
  run: TransferRunInfo;
  /** Status calls made, for the benchmarks. */
  calls: number;
}

export async function waitForRun(
  dts: DtsFace,
  runName: string,
  clock: Clock,
  options: { schedule?: PollSchedule | undefined; signal?: AbortSignal | undefined } = {},
): Promise<WaitResult> {
  const schedule = options.schedule ?? DEFAULT_POLL_SCHEDULE;
  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    await clock.sleep(pollDelay(attempt, schedule), options.signal);
    const run = await dts.getRun(runName, options.signal);
    if (isTerminal(run)) return { run, calls: attempt + 1 };
  }
}
