// One table's transfer lifecycle and the process-wide pieces it shares: the room's public face.
export { type AdmissionGate, createAdmissionGate } from './admission.js';
export { type CleanupOutcome, cleanupConfigs } from './cleanup.js';
export { systemClock } from './clock.js';
export { type ConfigMark, parseConfigName } from './config-naming.js';
export { runTable } from './run-table.js';
export { createRunWatch } from './run-watch.js';
export type { Clock, LifecycleEvent, LifecycleOptions, LifecycleTiming } from './types.js';
