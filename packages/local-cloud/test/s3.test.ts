// The local S3 through the official AWS SDK: the calls the product makes, SigV4 checked
// against the configured keys, denied buckets, and injected faults.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultRegistry } from '../src/faults.js';
import { type S3Emulator, startS3Emulator } from '../src/s3/index.js';

const KEYS = { accessKeyId: 'AKIAS3TEST0000000001', secretAccessKey: 's3-test-secret' };
let dataDir: string;
let server: S3Emulator;
const faults = new FaultRegistry();
const clients: S3Client[] = [];

function client(keys = KEYS, extra: Partial<ConstructorParameters<typeof S3Client>[0]> = {}): S3Client {
  const created = new S3Client({
    endpoint: server.url,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: keys,
    maxAttempts: 1,
    ...extra,
  });
  clients.push(created);
  return created;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 's3-test-'));
  server = await startS3Emulator({
    dataDir,
    credentials: [KEYS, { accessKeyId: 'AKIASECONDKEY0000001', secretAccessKey: 'second' }],
    faults,
  });
  await client().send(new CreateBucketCommand({ Bucket: 'lake' }));
});
afterAll(async () => {
  for (const created of clients) created.destroy();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('local S3 with the official SDK', () => {
  it('puts, lists, heads and range-gets objects (SDK default checksums, streamed aws-chunked bodies)', async () => {
    const s3 = client();
    await s3.send(
      new PutObjectCommand({ Bucket: 'lake', Key: 'orders/dt=2026-11-21/a b+c.csv', Body: 'id,name\n1,x\n' }),
    );
    await s3.send(
      new PutObjectCommand({
        Bucket: 'lake',
        Key: 'orders/dt=2026-11-21/stream.csv',
        Body: Readable.from([Buffer.from('id,name\n'), Buffer.from('2,y\n')]),
        ContentLength: 12,
      }),
    );
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: 'lake', Prefix: 'orders/dt=2026-11-21/' }),
    );
    expect(listed.Contents?.map((object) => [object.Key, object.Size])).toEqual([
      ['orders/dt=2026-11-21/a b+c.csv', 12],
      ['orders/dt=2026-11-21/stream.csv', 12],
    ]);
    expect(listed.Contents?.[0]?.LastModified).toBeInstanceOf(Date);
    const ranged = await s3.send(
      new GetObjectCommand({ Bucket: 'lake', Key: 'orders/dt=2026-11-21/a b+c.csv', Range: 'bytes=0-1' }),
    );
    expect(await ranged.Body?.transformToString()).toBe('id');
    expect(ranged.ContentRange).toBe('bytes 0-1/12');
    const streamed = await s3.send(
      new GetObjectCommand({ Bucket: 'lake', Key: 'orders/dt=2026-11-21/stream.csv' }),
    );
    expect(await streamed.Body?.transformToString()).toBe('id,name\n2,y\n');
    const head = await s3.send(
      new HeadObjectCommand({ Bucket: 'lake', Key: 'orders/dt=2026-11-21/stream.csv' }),
    );
    expect(head.ContentLength).toBe(12);
  });

  it('pages ListObjectsV2 with continuation tokens', async () => {
    const s3 = client();
    await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        s3.send(new PutObjectCommand({ Bucket: 'lake', Key: `paged/${index}.csv`, Body: 'x' })),
      ),
    );
    const first = await s3.send(new ListObjectsV2Command({ Bucket: 'lake', Prefix: 'paged/', MaxKeys: 2 }));
    expect(first.Contents).toHaveLength(2);
    expect(first.IsTruncated).toBe(true);
    const rest = await s3.send(
      new ListObjectsV2Command({
        Bucket: 'lake',
        Prefix: 'paged/',
        ContinuationToken: first.NextContinuationToken,
      }),
    );
    expect(rest.Contents?.map((object) => object.Key)).toEqual(['paged/2.csv', 'paged/3.csv', 'paged/4.csv']);
  });

  it('refuses a wrong secret, an unknown key and a missing bucket as S3 does', async () => {
    await expect(
      client({ accessKeyId: KEYS.accessKeyId, secretAccessKey: 'wrong' }).send(
        new ListObjectsV2Command({ Bucket: 'lake' }),
      ),
    ).rejects.toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
    await expect(
      client({ accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' }).send(
        new ListObjectsV2Command({ Bucket: 'lake' }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidAccessKeyId', $metadata: { httpStatusCode: 403 } });
    await expect(client().send(new ListObjectsV2Command({ Bucket: 'no-such-bucket' }))).rejects.toMatchObject(
      {
        name: 'NoSuchBucket',
      },
    );
    // Every configured pair works.
    const second = client({ accessKeyId: 'AKIASECONDKEY0000001', secretAccessKey: 'second' });
    await expect(second.send(new ListObjectsV2Command({ Bucket: 'lake' }))).resolves.toBeDefined();
  });

  it('answers AccessDenied on a denied bucket until it is allowed again', async () => {
    const s3 = client();
    await s3.send(new CreateBucketCommand({ Bucket: 'guarded' }));
    server.denyBucket('guarded');
    await expect(s3.send(new ListObjectsV2Command({ Bucket: 'guarded' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(s3.send(new HeadObjectCommand({ Bucket: 'guarded', Key: 'x' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 403 },
    });
    server.allowBucket('guarded');
    await expect(s3.send(new ListObjectsV2Command({ Bucket: 'guarded' }))).resolves.toBeDefined();
  });

  it('applies injected faults: an error status, then a hang bounded by the client timeout', async () => {
    faults.add({ service: 's3', method: 'ListObjectsV2', kind: 'error', code: 503 });
    await expect(client().send(new ListObjectsV2Command({ Bucket: 'lake' }))).rejects.toMatchObject({
      name: 'SlowDown',
      $metadata: { httpStatusCode: 503 },
    });
    faults.add({ service: 's3', method: 'GetObject', kind: 'hang' });
    const started = Date.now();
    // throwOnRequestTimeout: without it the SDK only logs a warning and waits forever.
    const impatient = client(KEYS, {
      requestHandler: { requestTimeout: 300, connectionTimeout: 300, throwOnRequestTimeout: true },
    });
    await expect(
      impatient.send(new GetObjectCommand({ Bucket: 'lake', Key: 'paged/0.csv' })),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.requestCounts().GetObject).toBeGreaterThan(0);
  });
});
