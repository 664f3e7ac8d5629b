import { describe, expect, it } from 'vitest';
import { CloudError } from '../../src/cloud/errors.js';
import type { PrefixListing, S3Face } from '../../src/cloud/s3.js';
import { precheckPartitions } from '../../src/lifecycle/precheck.js';
import { partitionOf } from './spec-fixture.js';

const now = () => new Date('2026-11-21T03:00:00Z');

function s3(listing: (prefix: string) => PrefixListing): S3Face & { prefixes: string[]; pages: number[] } {
  const prefixes: string[] = [];
  const pages: number[] = [];
  return {
    prefixes,
    pages,
    listPrefix: async (_bucket, prefix, _signal, options) => {
      prefixes.push(prefix);
      pages.push(options?.maxPages ?? 1);
      return listing(prefix);
    },
    getRange: async () => new Uint8Array(),
  };
}

const files = (
  prefix: string,
  sizes: number[],
  newest = new Date('2026-11-20T00:00:00Z'),
): PrefixListing => ({
  objects: sizes.map((size, i) => ({ key: `${prefix}${i}`, size })),
  count: sizes.length,
  nonEmpty: sizes.filter((size) => size > 0).length,
  truncated: false,
  newest,
});

describe('precheckPartitions', () => {
  it('lists each partition folder once, as far as the newest file needs, and tells files from none', async () => {
    const fake = s3((prefix) => (prefix.includes('2026-11-20') ? files(prefix, [1]) : files(prefix, [])));
    const checks = await precheckPartitions(
      fake,
      [partitionOf('2026-11-19'), partitionOf('2026-11-20')],
      now,
    );
    expect(fake.prefixes).toEqual(['gold/orders/dt=2026-11-19/', 'gold/orders/dt=2026-11-20/']);
    expect(fake.pages).toEqual([10, 10]);
    expect(checks.map((c) => c.kind)).toEqual(['empty', 'files']);
    expect(checks[1]).toMatchObject({
      kind: 'files',
      newest: new Date('2026-11-20T00:00:00Z'),
      listedAt: now(),
    });
  });

  it('tells a partition of only empty files apart: loading them would wipe its rows', async () => {
    const fake = s3((prefix) => files(prefix, [0, 0]));
    const [check] = await precheckPartitions(fake, [partitionOf('2026-11-20')], now);
    expect(check).toMatchObject({ kind: 'empty-files', count: 2 });
  });

  it('turns S3 failures into a failed partition naming the source', async () => {
    const fake: S3Face = {
      listPrefix: async () => {
        throw new CloudError('s3', 'ListObjectsV2', 'PERMISSION_DENIED', 'access to s3://lake denied');
      },
      getRange: async () => new Uint8Array(),
    };
    const [check] = await precheckPartitions(fake, [partitionOf('2026-11-20')], now);
    expect(check).toMatchObject({ kind: 'error' });
    expect(check?.kind === 'error' && check.message).toMatch(
      /S3 check of s3:\/\/lake\/gold\/orders\/dt=2026-11-20\/ failed: access/,
    );
  });
});
