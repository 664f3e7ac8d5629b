// One log line per lifecycle event, so the job log reads as the table's story: what it
// loads, which config and runs it uses, how each partition ended.
import type { LifecycleEvent } from '../lifecycle/types.js';

export function describeEvent(event: LifecycleEvent): string {
  switch (event.type) {
    case 'table-started':
      return `${event.table}: ${event.partitions} partition(s) to load`;
    case 'config-ready':
      return `${event.table}: transfer config ${event.config}${event.created ? ' created' : ' reused'}`;
    case 'run-started':
      return `${event.table}: partition ${event.partition} → run ${event.run}`;
    case 'partition-finished': {
      const { id, status, rows, message } = event.partition;
      const detail =
        status === 'loaded' && rows !== undefined ? ` (${rows} rows)` : message ? `: ${message}` : '';
      return `${event.table}: partition ${id} ${status}${detail}`;
    }
    case 'warning':
      return `${event.table}: warning: ${event.message}`;
    case 'table-finished':
      return `${event.table}: ${event.result.status}${event.result.message ? ` — ${event.result.message}` : ''}`;
  }
}
