import { ListObjectsV2Command, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createS3Face } from '../../src/cloud/s3.js';

const SECRET = 'verysecretvalue1234567890';
const s3Mock = mockClient(S3Client);
const face = () =>
  createS3Face({
    client: new S3Client({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIA', secretAccessKey: SECRET },
    }),
    timeoutMs: 1_000,
    retry: {
      retries: 2,
      baseDelayMs: 1,
      maxDelayMs: 1,
      random: () => 0,
      sleep: async () => {},
      secrets: [SECRET],
    },
  });

function s3Error(name: string, status: number) {
  return new S3ServiceException({
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: status },
    message: `${name} ${SECRET}`,
  });
}

afterEach(() => s3Mock.reset());

describe('S3 face', () => {
  it('counts the first page and finds the newest file, ignoring folder markers', async () => {
    s3Mock.on(ListObjectsV2Command).resolves({
      Contents: [
        { Key: 'p/dt=1/', Size: 0 },
        { Key: 'p/dt=1/a', Size: 10, LastModified: new Date('2026-01-01T00:00:00Z') },
        { Key: 'p/dt=1/b', Size: 20, LastModified: new Date('2026-01-02T00:00:00Z') },
      ],
      IsTruncated: true,
    });
    const listing = await face().listPrefix('bucket', 'p/dt=1/');
    expect(listing).toMatchObject({ count: 2, truncated: true, newest: new Date('2026-01-02T00:00:00Z') });
  });

  it('reads further pages when asked, for the newest file and the non-empty count', async () => {
    s3Mock
      .on(ListObjectsV2Command, { ContinuationToken: undefined })
      .resolves({
        Contents: [{ Key: 'p/a', Size: 0, LastModified: new Date('2026-01-01T00:00:00Z') }],
        IsTruncated: true,
        NextContinuationToken: 't1',
      })
      .on(ListObjectsV2Command, { ContinuationToken: 't1' })
      .resolves({ Contents: [{ Key: 'p/z', Size: 5, LastModified: new Date('2026-01-03T00:00:00Z') }] });
    const listing = await face().listPrefix('bucket', 'p/', undefined, { maxPages: 10 });
    expect(listing).toMatchObject({
      count: 2,
      nonEmpty: 1,
      truncated: false,
      newest: new Date('2026-01-03T00:00:00Z'),
    });
    expect(listing.objects.map((o) => o.key)).toEqual(['p/a']);
  });

  it('explains a missing bucket, denied access and bad keys without leaking the secret', async () => {
    for (const [name, status, pattern] of [
      ['NoSuchBucket', 404, /bucket "bucket" does not exist/],
      ['AccessDenied', 403, /access to s3:\/\/bucket denied: grant s3:ListBucket/],
      ['InvalidAccessKeyId', 403, /AWS rejected the credentials/],
      ['SignatureDoesNotMatch', 403, /AWS rejected the credentials/],
    ] as const) {
      s3Mock.reset();
      s3Mock.on(ListObjectsV2Command).rejects(s3Error(name, status));
      const error = (await face()
        .listPrefix('bucket', 'p/')
        .catch((e: unknown) => e)) as Error & { retryable: boolean };
      expect(error.message).toMatch(pattern);
      expect(error.message).not.toContain(SECRET);
      expect(error.retryable).toBe(false);
    }
  });

  it('retries throttling', async () => {
    s3Mock.on(ListObjectsV2Command).rejectsOnce(s3Error('SlowDown', 503)).resolves({ Contents: [] });
    expect((await face().listPrefix('bucket', 'p/')).count).toBe(0);
    expect(s3Mock.commandCalls(ListObjectsV2Command)).toHaveLength(2);
  });
});
