// The wall clock, for production; tests pass their own Clock.
import { realSleep } from '../cloud/retry.js';
import type { Clock } from './types.js';

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: realSleep,
};
