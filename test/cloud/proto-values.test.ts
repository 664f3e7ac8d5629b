import { describe, expect, it } from 'vitest';
import { toConfigInfo, toRunInfo } from '../../src/cloud/dts.js';
import { parseHostPort } from '../../src/cloud/endpoints.js';
import { enumName, fromStruct, fromTimestamp, toStruct, toTimestamp } from '../../src/cloud/proto-values.js';

describe('protobuf values', () => {
  it('sends params as a Struct of strings and reads them back', () => {
    const struct = toStruct({ data_path: 's3://b/p/*', max_bad_records: '0' });
    expect(struct).toEqual({
      fields: { data_path: { stringValue: 's3://b/p/*' }, max_bad_records: { stringValue: '0' } },
    });
    expect(fromStruct(struct)).toEqual({ data_path: 's3://b/p/*', max_bad_records: '0' });
    expect(fromStruct(undefined)).toEqual({});
  });

  it('reads Timestamps whose seconds are strings', () => {
    expect(fromTimestamp({ seconds: '1763683200', nanos: 500_000_000 })?.toISOString()).toBe(
      '2025-11-21T00:00:00.500Z',
    );
    expect(fromTimestamp(null)).toBeUndefined();
    expect(toTimestamp(new Date('2026-11-20T00:00:00.250Z'))).toEqual({
      seconds: 1795132800,
      nanos: 250_000_000,
    });
  });

  it('reads enums as names or numbers', () => {
    expect(enumName('SUCCEEDED', ['A', 'SUCCEEDED'] as const, 'A')).toBe('SUCCEEDED');
    expect(enumName(1, ['A', 'SUCCEEDED'] as const, 'A')).toBe('SUCCEEDED');
    expect(toRunInfo({ name: 'r', state: 5, errorStatus: { code: 9, message: 'boom' } })).toMatchObject({
      state: 'FAILED',
      errorMessage: 'boom',
      errorCode: 9,
    });
    expect(
      toRunInfo({ name: 'r', state: 'SUCCEEDED', errorStatus: { code: 0, message: '' } }).errorMessage,
    ).toBeUndefined();
    expect(
      toConfigInfo({ name: 'c', displayName: 'd', updateTime: { seconds: '10' } }).updateTime?.getTime(),
    ).toBe(10_000);
  });

  it('parses emulator endpoints written as host:port or URLs', () => {
    expect(parseHostPort('127.0.0.1:9000', 'X')).toEqual({ host: '127.0.0.1', port: 9000, protocol: 'http' });
    expect(parseHostPort('http://localhost:8080/', 'X')).toEqual({
      host: 'localhost',
      port: 8080,
      protocol: 'http',
    });
    expect(() => parseHostPort('::::', 'DTS_EMULATOR_HOST')).toThrow(/DTS_EMULATOR_HOST/);
  });
});
