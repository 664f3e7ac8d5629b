import { parquetMetadata, parquetSchema, type SchemaElement } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
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

  it('maps a Parquet footer to a BigQuery schema as BigQuery infers it', () => {
    const bytes = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: [1n] },
        { name: 'score', data: [1.5] },
        { name: 'ok', data: [true] },
        { name: 'name', data: ['a'] },
        { name: 'raw', data: [new Uint8Array([1])] },
        { name: 'day', data: [20_000] },
        { name: 'at', data: [1n] },
        { name: 'local', data: [1n] },
        { name: 'small', data: [1] },
        { name: 'huge', data: [1.5] },
        { name: 'tags', data: [['x']] },
        { name: 'items', data: [[{ sku: 'a', qty: 1 }]] },
      ],
      schema: [
        { name: 'root', num_children: 12 },
        { name: 'id', type: 'INT64', repetition_type: 'REQUIRED' },
        { name: 'score', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
        { name: 'ok', type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
        { name: 'name', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        { name: 'raw', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL' },
        { name: 'day', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
        {
          name: 'at',
          type: 'INT64',
          logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' },
          repetition_type: 'OPTIONAL',
        },
        {
          name: 'local',
          type: 'INT64',
          logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MICROS' },
          repetition_type: 'OPTIONAL',
        },
        {
          name: 'small',
          type: 'INT32',
          converted_type: 'DECIMAL',
          precision: 9,
          scale: 2,
          repetition_type: 'OPTIONAL',
        },
        {
          name: 'huge',
          type: 'FIXED_LEN_BYTE_ARRAY',
          type_length: 16,
          converted_type: 'DECIMAL',
          precision: 38,
          scale: 20,
          repetition_type: 'OPTIONAL',
        },
        { name: 'tags', converted_type: 'LIST', repetition_type: 'OPTIONAL', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        { name: 'items', converted_type: 'LIST', repetition_type: 'OPTIONAL', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', repetition_type: 'OPTIONAL', num_children: 2 },
        { name: 'sku', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        { name: 'qty', type: 'INT32', repetition_type: 'OPTIONAL' },
      ] as never,
    });
    const inferred = parquetSchemaToBigQuery(parquetSchema(parquetMetadata(bytes)));
    expect(inferred).toEqual([
      { name: 'id', type: 'INTEGER', mode: 'REQUIRED' },
      { name: 'score', type: 'FLOAT', mode: 'NULLABLE' },
      { name: 'ok', type: 'BOOLEAN', mode: 'NULLABLE' },
      { name: 'name', type: 'STRING', mode: 'NULLABLE' },
      { name: 'raw', type: 'BYTES', mode: 'NULLABLE' },
      { name: 'day', type: 'DATE', mode: 'NULLABLE' },
      { name: 'at', type: 'TIMESTAMP', mode: 'NULLABLE' },
      { name: 'local', type: 'DATETIME', mode: 'NULLABLE' },
      { name: 'small', type: 'NUMERIC', mode: 'NULLABLE' },
      { name: 'huge', type: 'BIGNUMERIC', mode: 'NULLABLE' },
      { name: 'tags', type: 'STRING', mode: 'REPEATED' },
      {
        name: 'items',
        type: 'RECORD',
        mode: 'REPEATED',
        fields: [
          { name: 'sku', type: 'STRING', mode: 'NULLABLE' },
          { name: 'qty', type: 'INTEGER', mode: 'NULLABLE' },
        ],
      },
    ]);
  });
});
