// Time as the lifecycle sees it: injected, so plans and waits are testable. The wall clock
// for production; tests and benchmarks pass their own.
import { realSleep } from '../cloud/retry.js';

export interface Clock {
  now(): Date;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: realSleep,
};
