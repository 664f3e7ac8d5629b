import { describe, expect, it } from 'vitest';
import { CloudError } from '../../src/cloud/errors.js';
import type { S3Face } from '../../src/cloud/s3.js';
import { precheckPartitions, youngFilesWarning } from '../../src/lifecycle/precheck.js';
import { partitionOf } from './spec-fixture.js';

const now = new Date('2026-11-21T03:00:00Z');

function s3(
  listing: (prefix: string) => Awaited<ReturnType<S3Face['listPrefix']>>,
): S3Face & { prefixes: string[] } {
  const prefixes: string[] = [];
  return {
    prefixes,
    listPrefix: async (_bucket, prefix) => {
      prefixes.push(prefix);
      return listing(prefix);
    },
    getRange: async () => new Uint8Array(),
  };
}

describe('precheckPartitions', () => {
  it('lists each partition folder once and tells files from none', async () => {
    const fake = s3((prefix) =>
      prefix.includes('2026-11-20')
        ? {
            objects: [{ key: `${prefix}a`, size: 1 }],
            count: 1,
            truncated: false,
            newest: new Date('2026-11-20T00:00:00Z'),
          }
        : { objects: [], count: 0, truncated: false },
    );
    const checks = await precheckPartitions(
      fake,
      [partitionOf('2026-11-19'), partitionOf('2026-11-20')],
      now,
    );
    expect(fake.prefixes).toEqual(['gold/orders/dt=2026-11-19/', 'gold/orders/dt=2026-11-20/']);
    expect(checks.map((c) => c.kind)).toEqual(['empty', 'files']);
    expect(youngFilesWarning(checks)).toBeUndefined();
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

  it('warns once about files younger than five minutes', async () => {
    const fake = s3((prefix) => ({
      objects: [{ key: `${prefix}a`, size: 1 }],
      count: 1,
      truncated: false,
      newest: new Date(now.getTime() - 30_000),
    }));
    const checks = await precheckPartitions(
      fake,
      [partitionOf('2026-11-19'), partitionOf('2026-11-20')],
      now,
    );
    expect(youngFilesWarning(checks)).toMatch(/in 2 partition\(s\) \(20261119, 20261120; newest 30 s old\)/);
  });
});
