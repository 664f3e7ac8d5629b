import { parquetSchema, type SchemaElement } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { parquetSchemaToBigQuery } from '../../src/cloud/parquet-schema.js';

describe('parquetSchemaToBigQuery', () => {
  it('maps leaves, logical types, lists and groups the way BigQuery loads them', () => {
    const schema: SchemaElement[] = [
      { name: 'root', num_children: 7 },
      { name: 'id', type: 'INT64', repetition_type: 'REQUIRED' },
      { name: 'name', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      {
        name: 'at',
        type: 'INT64',
        repetition_type: 'OPTIONAL',
        logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' },
      },
      {
        name: 'amount',
        type: 'FIXED_LEN_BYTE_ARRAY',
        repetition_type: 'OPTIONAL',
        logical_type: { type: 'DECIMAL', precision: 18, scale: 2 },
      },
      { name: 'day', type: 'INT32', repetition_type: 'OPTIONAL', converted_type: 'DATE' },
      { name: 'tags', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      { name: 'geo', repetition_type: 'OPTIONAL', num_children: 2 },
      { name: 'lat', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
      { name: 'ok', type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
    ];
    expect(parquetSchemaToBigQuery(parquetSchema({ schema }))).toEqual([
      { name: 'id', type: 'INTEGER', mode: 'REQUIRED' },
      { name: 'name', type: 'STRING', mode: 'NULLABLE' },
      { name: 'at', type: 'TIMESTAMP', mode: 'NULLABLE' },
      { name: 'amount', type: 'NUMERIC', mode: 'NULLABLE' },
      { name: 'day', type: 'DATE', mode: 'NULLABLE' },
      { name: 'tags', type: 'STRING', mode: 'REPEATED' },
      {
        name: 'geo',
        type: 'RECORD',
        mode: 'NULLABLE',
        fields: [
          { name: 'lat', type: 'FLOAT', mode: 'NULLABLE' },
          { name: 'ok', type: 'BOOLEAN', mode: 'NULLABLE' },
        ],
      },
    ]);
  });
});
