// The lifecycle's real waits: what DTS documents and what a data engineer would wait for.
import { DEFAULT_ADMISSION_TIMING } from './admission.js';
import { DEFAULT_POLL_SCHEDULE } from './poll-schedule.js';
import type { LifecycleTiming } from './types.js';

/** DTS sees a file about five minutes after it lands in S3. */
const DTS_VISIBILITY_DELAY_MS = 5 * 60_000;

const DEFAULT_TIMING: LifecycleTiming = {
  poll: DEFAULT_POLL_SCHEDULE,
  quotaBackoffMs: 30_000,
  visibilityDelayMs: DTS_VISIBILITY_DELAY_MS,
  settleTimeoutMs: 10 * 60_000,
  busyRetryMs: 5_000,
  admission: DEFAULT_ADMISSION_TIMING,
};

export function timingOf(overrides: Partial<LifecycleTiming> | undefined): LifecycleTiming {
  return {
    ...DEFAULT_TIMING,
    ...overrides,
    admission: { ...DEFAULT_TIMING.admission, ...overrides?.admission },
  };
}
