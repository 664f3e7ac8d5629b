import { describe, expect, it } from 'vitest';
import { editDistance, unknownKeyMessage } from '../../src/tables/hints.js';
import {
  bucketNameProblem,
  datasetNameProblem,
  labelProblem,
  tableFileNameProblem,
  tableNameProblem,
} from '../../src/tables/naming.js';
import { parseS3Uri } from '../../src/tables/s3-uri.js';

describe('S3 bucket names', () => {
  it.each(['demo-lake', 'abc', 'my.bucket.name', 'a1-b2', 'x'.repeat(63)])('accepts %s', (name) => {
    expect(bucketNameProblem(name)).toBeUndefined();
  });
  it.each([
    ['ab', '3 to 63'],
    ['x'.repeat(64), '3 to 63'],
    ['Demo', 'lowercase'],
    ['my_bucket', 'lowercase'],
    ['-abc', 'begin and end'],
    ['abc.', 'begin and end'],
    ['a..b', 'adjacent dots'],
    ['192.168.5.4', 'IP address'],
    ['xn--abc', 'xn--'],
    ['sthree-abc', 'sthree-'],
    ['data-s3alias', '-s3alias'],
    ['data--ol-s3', '--ol-s3'],
  ])('refuses %s', (name, why) => {
    expect(bucketNameProblem(name)).toContain(why);
  });
});

describe('s3:// sources', () => {
  it('splits bucket and prefix, dropping trailing slashes', () => {
    expect(parseS3Uri('s3://demo-lake/gold/orders/')).toEqual({
      ok: true,
      location: { bucket: 'demo-lake', prefix: 'gold/orders', uri: 's3://demo-lake/gold/orders' },
      segments: ['gold', 'orders'],
    });
    expect(parseS3Uri('s3://demo-lake')).toMatchObject({ ok: true, location: { prefix: '' }, segments: [] });
  });
  it.each([
    ['gs://bucket/a/b', 'not gs://'],
    ['/data/a/b', 's3:// URI'],
    ['s3:///a/b', 'no bucket'],
    ['s3://Bad_Bucket/a/b', 'invalid S3 bucket name'],
    ['s3://bucket/a//b', 'empty'],
    ['s3://bucket/a/../b', '".."'],
    ['s3://bucket/a/*/b', 'wildcards'],
    ['s3://bucket/a b/c', 'whitespace'],
    ['s3://bucket/a\u0001/c', 'control'],
  ])('refuses %s', (source, why) => {
    const result = parseS3Uri(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain(why);
  });
});

describe('BigQuery names', () => {
  it('datasets: letters, digits, underscores, at most 1024', () => {
    expect(datasetNameProblem('gold_2')).toBeUndefined();
    expect(datasetNameProblem('x'.repeat(1024))).toBeUndefined();
    expect(datasetNameProblem('x'.repeat(1025))).toContain('1024');
    expect(datasetNameProblem('my-data')).toContain('hyphens');
    expect(datasetNameProblem('données')).toContain('only letters');
    expect(datasetNameProblem('')).toContain('empty');
  });
  it('tables: Unicode letters, marks, numbers, connectors, dashes, spaces; at most 1024 bytes', () => {
    for (const ok of ['orders', 'click-stream', 'my table', '주문_2026', 'café', 'x'.repeat(1024)]) {
      expect(tableNameProblem(ok)).toBeUndefined();
    }
    expect(tableNameProblem('orders$20260101')).toContain('only letters');
    expect(tableNameProblem('a.b')).toContain('only letters');
    expect(tableNameProblem('주'.repeat(342))).toContain('1024 UTF-8 bytes');
  });
  it('labels', () => {
    expect(labelProblem('team', 'growth-1')).toBeUndefined();
    expect(labelProblem('Team', 'x')).toContain('label key');
    expect(labelProblem('team', 'Growth')).toContain('label value');
  });
});

describe('table file names', () => {
  it.each(['gold.orders', 'raw_click-stream.v2', 'A1'])('accepts %s', (name) => {
    expect(tableFileNameProblem(name)).toBeUndefined();
  });
  it.each(['a b', 'a,b', '../x', '.hidden', '-flag', 'a..b', 'ä', 'x'.repeat(129), ''])(
    'refuses %j',
    (name) => {
      expect(tableFileNameProblem(name)).toBeDefined();
    },
  );
});

describe('hints', () => {
  it('edit distance counts a swap of neighbours as one edit', () => {
    expect(editDistance('feild', 'field')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('suggests the closest key, the seed mapping, or lists the allowed keys', () => {
    expect(unknownKeyMessage('lookback_day', '', ['lookback_days', 'source'])).toBe(
      'unknown key "lookback_day" — did you mean "lookback_days"?',
    );
    expect(unknownKeyMessage('src_s3_path', '', ['source'])).toContain('did you mean "source"?');
    expect(unknownKeyMessage('require_partition_filter', '', [])).toContain(
      'write it as "require_filter" inside "partitioning"',
    );
    expect(unknownKeyMessage('zzz', 'csv', ['field_delimiter'])).toBe(
      'unknown key "zzz" in "csv"; allowed keys: field_delimiter',
    );
  });
});
