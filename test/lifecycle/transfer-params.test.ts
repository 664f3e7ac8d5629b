import { describe, expect, it } from 'vitest';
import { dataPathOf, loadParams, transferParams } from '../../src/lifecycle/transfer-params.js';
import { partitionOf, specOf } from './spec-fixture.js';

const KEYS = { accessKeyId: 'AKIA', secretAccessKey: 'secret' };

describe('transfer params: one literal config per partition', () => {
  it('reads a DAY partition folder plus * into its partition decorator', () => {
    expect(transferParams(specOf(), partitionOf('2026-11-20'), KEYS)).toMatchObject({
      data_path: 's3://lake/gold/orders/dt=2026-11-20/*',
      destination_table_name_template: 'orders$20261120',
    });
  });

  it('reads any layout, the unpadded {H} included, into an hourly decorator', () => {
    const hourly = specOf({
      partitioning: { granularity: 'HOUR', layout: 'dt={date}/hour={H}', requireFilter: false },
    });
    expect(transferParams(hourly, partitionOf('2026-11-20', 3), KEYS)).toMatchObject({
      data_path: 's3://lake/gold/orders/dt=2026-11-20/hour=3/*',
      destination_table_name_template: 'orders$2026112003',
    });
    // The folder's slash keeps hour=1 from matching hour=10…19.
    expect(dataPathOf(partitionOf('2026-11-20', 1))).toBe('s3://lake/gold/orders/dt=2026-11-20/hour=1/*');
  });

  it('carries load options as strings, CSV options only for CSV, the secret only to DTS', () => {
    expect(transferParams(specOf(), partitionOf('2026-11-20'), KEYS)).toMatchObject({
      file_format: 'CSV',
      write_disposition: 'WRITE_TRUNCATE',
      max_bad_records: '0',
      skip_leading_rows: '1',
      field_delimiter: ',',
      ignore_unknown_values: 'false',
      secret_access_key: 'secret',
    });
    const parquet = transferParams(specOf({ format: 'PARQUET' }), partitionOf('2026-11-20'), KEYS);
    expect(parquet.skip_leading_rows).toBeUndefined();
    expect(parquet.ignore_unknown_values).toBeUndefined();
    expect(loadParams(specOf(), partitionOf('2026-11-20'), 'AKIA').secret_access_key).toBeUndefined();
  });
});
