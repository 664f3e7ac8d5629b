// One line per lifecycle event, the same in a terminal and in a job's log, so a run reads
// as each table's story: what it loads, which configs and runs it uses, how each ended.
import type { LifecycleEvent } from '../lifecycle/types.js';

const MARK = { loaded: '✔', skipped: '–', failed: '✖' } as const;

export function describeEvent(event: LifecycleEvent): string {
  switch (event.type) {
    case 'table-started':
      return `▶ ${event.table}: ${event.partitions} partition(s)`;
    case 'config-ready':
      return `  ${event.table}: ${event.partition}: transfer config ${event.config} ${event.created ? 'created' : 'reused'}`;
    case 'run-started':
      return `  ${event.table}: ${event.partition} → run ${event.run}`;
    case 'run-ended':
      return `  ${event.table}: ${event.partition} run ${event.state}`;
    case 'partition-finished': {
      const { id, status, rows, message } = event.partition;
      const detail = status === 'loaded' && rows !== undefined ? ` (${rows} rows)` : '';
      return `  ${event.table}: ${id} ${status}${detail}${message ? ` — ${message}` : ''}`;
    }
    case 'progress':
      return `  ${event.table}: ${event.message}`;
    case 'warning':
      return `! ${event.table}: ${event.message}`;
    case 'table-finished': {
      const r = event.result;
      const seconds = Math.round(r.duration_ms / 100) / 10;
      return `${MARK[r.status]} ${r.name}: ${r.status}${r.message ? ` — ${r.message}` : ''} (${seconds} s)`;
    }
  }
}
