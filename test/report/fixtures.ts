// Result files of one made-up daily run: five tables over three jobs, with every outcome,
// a partly skipped table, a message with Markdown- and Mermaid-hostile characters, and a
// run attempt that a later attempt replaces.
import type { PartitionResult, ResultFile, TableResult } from '../../src/lifecycle/outcome.js';

const at = (minute: number, second = 0) =>
  new Date(Date.UTC(2026, 10, 22, 3, 17 + minute, second)).toISOString();

function partition(
  id: string,
  status: PartitionResult['status'],
  rows?: number,
  message?: string,
): PartitionResult {
  return {
    id,
    source: `s3://lake/x/dt=${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}/`,
    status,
    rows,
    duration_ms: 61_000,
    message,
  };
}

export function table(overrides: Partial<TableResult> & Pick<TableResult, 'name' | 'status'>): TableResult {
  return {
    destination: `demo-project.${overrides.name}`,
    partitions: [],
    started_at: at(0),
    finished_at: at(2),
    duration_ms: 120_000,
    ...overrides,
  };
}

export const orders = table({
  name: 'gold.orders',
  status: 'loaded',
  partitions: [partition('20261121', 'loaded', 120_345), partition('20261120', 'loaded', 98_001)],
  started_at: at(0, 5),
  finished_at: at(3, 40),
  duration_ms: 215_000,
});

export const events = table({
  name: 'silver.events',
  status: 'loaded',
  partitions: [
    partition('20261121', 'loaded', 5_000),
    partition('20261120', 'skipped', undefined, 'No files'),
  ],
  started_at: at(0, 6),
  finished_at: at(2, 10),
  duration_ms: 124_000,
  warnings: ['Partition 20261120 had no files; loaded the rest'],
});

export const clicks = table({
  name: 'bronze.clicks',
  status: 'failed',
  failed_step: 'wait',
  message:
    'Access Denied: s3://lake/clicks | check the IAM policy; key AKIAABCDEFGHIJKLMNOP; <uri>: #1; done',
  partitions: [
    {
      ...partition('20261121', 'failed', undefined, 'Run FAILED: Access Denied'),
      run_name: 'projects/123/locations/us/transferConfigs/6a1b2c3d-0000-1111-2222-333344445555/runs/r1',
    },
  ],
  started_at: at(3, 41),
  finished_at: at(4, 2),
  duration_ms: 21_000,
  owners: ['@data-team', '@alice'],
});

export const weather = table({
  name: 'raw.weather',
  status: 'skipped',
  message: 'No files under s3://lake/weather/dt=2026-11-21/',
  partitions: [partition('20261121', 'skipped', undefined, 'No files')],
  started_at: at(2, 11),
  finished_at: at(2, 12),
  duration_ms: 800,
});

const run = (job: string, attempt = '1') => ({
  id: '9001',
  attempt,
  url: 'https://github.com/acme/lake/actions/runs/9001',
  job,
});

export const window = { kind: 'tick', at: '2026-11-22T03:17:00Z' } as const;

/** The run's files; clicks failed in attempt 1 and failed again in attempt 2. */
export const files: ResultFile[] = [
  { schema_version: 1, run: run('load'), window, tables: [orders, events] },
  {
    schema_version: 1,
    run: run('load'),
    window,
    tables: [{ ...clicks, message: 'first attempt', finished_at: at(1), started_at: at(0, 30) }],
  },
  { schema_version: 1, run: run('load', '2'), window, tables: [clicks] },
  { schema_version: 1, run: run('load'), window, tables: [weather] },
];

export const jobs = [
  { name: 'plan', url: 'https://github.com/acme/lake/actions/runs/9001/job/1' },
  { name: 'load gold.orders,silver.events', url: 'https://github.com/acme/lake/actions/runs/9001/job/2' },
  { name: 'load bronze.clicks', url: 'https://github.com/acme/lake/actions/runs/9001/job/3' },
  { name: 'load raw.weather', url: 'https://github.com/acme/lake/actions/runs/9001/job/4' },
];
