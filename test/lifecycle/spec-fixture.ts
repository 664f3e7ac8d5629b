// A TableSpec for unit tests, with the defaults the spec loader would fill in.
import type { PartitionPlan, PlannedTable } from '../../src/plan/types.js';
import type { TableSpec } from '../../src/tables/types.js';

export function specOf(overrides: Partial<TableSpec> = {}): TableSpec {
  return {
    name: 'gold.orders',
    file: 'tables/gold.orders.json',
    source: { bucket: 'lake', prefix: 'gold/orders', uri: 's3://lake/gold/orders' },
    format: 'CSV',
    dataset: 'gold',
    table: 'orders',
    partitioning: { granularity: 'DAY', layout: 'dt={date}', requireFilter: false },
    lookbackDays: 0,
    timezone: 'UTC',
    writeDisposition: 'WRITE_TRUNCATE',
    appendRetentionDays: 30,
    schema: [{ name: 'id', type: 'INTEGER' }],
    load: {
      maxBadRecords: 0,
      ignoreUnknownValues: false,
      csv: { fieldDelimiter: ',', skipLeadingRows: 1, allowQuotedNewlines: false, allowJaggedRows: false },
    },
    enabled: true,
    labels: {},
    owners: [],
    ...overrides,
  };
}

export function partitionOf(date: string, hour?: number): PartitionPlan {
  const id = date.replaceAll('-', '') + (hour === undefined ? '' : String(hour).padStart(2, '0'));
  const path = hour === undefined ? `dt=${date}/` : `dt=${date}/hour=${hour}/`;
  return {
    id,
    date,
    ...(hour === undefined ? {} : { hour }),
    source: `s3://lake/gold/orders/${path}`,
    bucket: 'lake',
    prefix: `gold/orders/${path}`,
  };
}

export function plannedOf(spec: TableSpec, partitions: PartitionPlan[]): PlannedTable {
  return {
    spec,
    plan: {
      name: spec.name,
      destination: `p.${spec.dataset}.${spec.table}`,
      enabled: spec.enabled,
      partitions,
    },
  };
}
