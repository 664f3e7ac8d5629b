// One table's transfer lifecycle and the process-wide pieces it shares: the room's public face.
export { cleanupConfigs } from './cleanup.js';
export { systemClock } from './clock.js';
export { parseConfigName } from './config-naming.js';
export { runTable } from './run-table.js';
