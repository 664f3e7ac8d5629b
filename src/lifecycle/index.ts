// One table's transfer lifecycle, and many tables at once: the room's public face.
export { type CleanupOutcome, cleanupConfigs } from './cleanup.js';
export { systemClock } from './clock.js';
export { appendConfigName, type ConfigMark, parseConfigName, tickConfigName } from './config-naming.js';
export { decideRun, tableStatus } from './decide.js';
export { parseDuration } from './duration.js';
export { DEFAULT_POLL_SCHEDULE, type PollSchedule, pollDelay } from './poll-schedule.js';
export { DEFAULT_RUNS_PER_TABLE, runTable } from './run-table.js';
export { runTables } from './run-tables.js';
export type { Clock, LifecycleEvent, LifecycleOptions } from './types.js';
export { waitForRun } from './wait-run.js';
