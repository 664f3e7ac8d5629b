import { describe, expect, it } from 'vitest';
import {
  layoutAsRunTimeFormat,
  literalTargets,
  runTimeOf,
  templatedTargets,
  transferParams,
} from '../../src/lifecycle/transfer-params.js';
import { partitionOf, specOf } from './spec-fixture.js';

const KEYS = { accessKeyId: 'AKIA', secretAccessKey: 'secret' };

describe('transfer params', () => {
  it('templates a DAY table: the partition folder plus /* and a partition decorator', () => {
    expect(templatedTargets(specOf())).toEqual({
      data_path: 's3://lake/gold/orders/{run_time|"dt=%Y-%m-%d"}/*',
      destination_table_name_template: `orders$${'{run_time|"%Y%m%d"}'}`,
    });
  });

  it('templates padded-hour layouts and refuses the unpadded {H}', () => {
    expect(layoutAsRunTimeFormat('y={YYYY}/m={MM}/d={DD}/h={HH}')).toBe('y=%Y/m=%m/d=%d/h=%H');
    expect(layoutAsRunTimeFormat('dt={date}/hour={H}')).toBeUndefined();
    expect(layoutAsRunTimeFormat('100%/{date}')).toBe('100%%/%Y-%m-%d');
    const hourly = specOf({
      partitioning: { granularity: 'HOUR', layout: 'dt={date}/hour={H}', requireFilter: false },
    });
    expect(templatedTargets(hourly)).toBeUndefined();
    expect(literalTargets(hourly, partitionOf('2026-11-20', 3))).toEqual({
      data_path: 's3://lake/gold/orders/dt=2026-11-20/hour=3/*',
      destination_table_name_template: 'orders$2026112003',
    });
  });

  it('requests each run at its partition start in UTC', () => {
    expect(runTimeOf(partitionOf('2026-11-20')).toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(runTimeOf(partitionOf('2026-11-20', 23)).toISOString()).toBe('2026-11-20T23:00:00.000Z');
  });

  it('carries load options as strings, CSV options only for CSV', () => {
    const targets = templatedTargets(specOf())!;
    expect(transferParams(specOf(), targets, KEYS)).toMatchObject({
      file_format: 'CSV',
      write_disposition: 'WRITE_TRUNCATE',
      max_bad_records: '0',
      skip_leading_rows: '1',
      field_delimiter: ',',
      ignore_unknown_values: 'false',
      secret_access_key: 'secret',
    });
    const parquet = transferParams(specOf({ format: 'PARQUET' }), targets, KEYS);
    expect(parquet.skip_leading_rows).toBeUndefined();
    expect(parquet.ignore_unknown_values).toBeUndefined();
  });
});
