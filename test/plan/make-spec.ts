// A resolved TableSpec for planner tests, with overrides.
import type { TableSpec } from '../../src/tables/types.js';

export function makeSpec(
  name: string,
  overrides: Partial<Omit<TableSpec, 'partitioning'>> & {
    partitioning?: Partial<TableSpec['partitioning']>;
  } = {},
): TableSpec {
  const [dataset = 'ds', table = name] = name.split('.');
  const { partitioning, ...rest } = overrides;
  return {
    name,
    file: `tables/${name}.json`,
    source: {
      bucket: 'demo-lake',
      prefix: `lake/${dataset}/${table}`,
      uri: `s3://demo-lake/lake/${dataset}/${table}`,
    },
    format: 'PARQUET',
    dataset,
    table,
    lookbackDays: 0,
    timezone: 'UTC',
    writeDisposition: 'WRITE_TRUNCATE',
    appendRetentionDays: 30,
    load: {
      maxBadRecords: 0,
      ignoreUnknownValues: false,
      csv: { fieldDelimiter: ',', skipLeadingRows: 0, allowQuotedNewlines: false, allowJaggedRows: false },
    },
    enabled: true,
    labels: {},
    owners: [],
    ...rest,
    partitioning: { granularity: 'DAY', layout: 'dt={date}', requireFilter: false, ...partitioning },
  };
}
