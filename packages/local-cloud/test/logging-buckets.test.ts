// The local ConfigServiceV2's log buckets, views and links, and the long-running
// operations some of their calls return, through the official client: the built-in
// buckets, ids and locations, the one-way switches (locked, analytics), the 7 days a
// deleted bucket waits (on the emulator's clock), view filters, links needing analytics,
// and operations that GetOperation / ListOperations serve back over gRPC and REST.
import type { protos } from '@google-cloud/logging';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConfigHarness, codeOf, startConfigHarness } from './logging-config-harness.js';

const PROJECT = 'bucket-project';
const LOCATION = `projects/${PROJECT}/locations/global`;
const { INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, FAILED_PRECONDITION, UNIMPLEMENTED } = grpc.status;
let harness: ConfigHarness;

beforeAll(async () => {
  harness = await startConfigHarness(PROJECT);
});
afterAll(async () => {
  await harness?.stop();
});

describe('log buckets', () => {
  it('start as _Default (30 days) and _Required (400 days, locked), neither deletable', async () => {
    const config = harness.config();
    const [buckets] = await config.listBuckets(
      { parent: `projects/${PROJECT}/locations/-` },
      { autoPaginate: false },
    );
    expect(
      buckets.map((bucket: protos.google.logging.v2.ILogBucket) => [
        bucket.name,
        bucket.retentionDays,
        bucket.locked,
      ]),
    ).toEqual([
      [`${LOCATION}/buckets/_Default`, 30, false],
      [`${LOCATION}/buckets/_Required`, 400, true],
    ]);
    const retention = (name: string, retentionDays: number) =>
      config.updateBucket({ name, bucket: { retentionDays }, updateMask: { paths: ['retention_days'] } });
    expect(await codeOf(retention(`${LOCATION}/buckets/_Required`, 30))).toBe(FAILED_PRECONDITION);
    // The local store keeps _Default's entries 30 days: another retention is not pretended.
    expect(await codeOf(retention(`${LOCATION}/buckets/_Default`, 7))).toBe(UNIMPLEMENTED);
    expect(await codeOf(config.deleteBucket({ name: `${LOCATION}/buckets/_Default` }))).toBe(
      FAILED_PRECONDITION,
    );
  });

  it.each([
    ['an id starting with _', LOCATION, '_mine'],
    ['an id with a slash', LOCATION, 'a/b'],
    ['an id over 100 characters', LOCATION, 'b'.repeat(101)],
    ['an unknown location', `projects/${PROJECT}/locations/moon`, 'ok'],
    ['a parent without a location', `projects/${PROJECT}`, 'ok'],
  ])('CreateBucket refuses %s with INVALID_ARGUMENT', async (_, parent, bucketId) => {
    expect(await codeOf(harness.config().createBucket({ parent, bucketId, bucket: {} }))).toBe(
      INVALID_ARGUMENT,
    );
  });

  it('keeps retention within 1–3650 days and locked buckets locked', async () => {
    const config = harness.config('rest');
    const name = `${LOCATION}/buckets/vault`;
    const long = config.createBucket({
      parent: LOCATION,
      bucketId: 'vault',
      bucket: { retentionDays: 3651 },
    });
    expect(await codeOf(long)).toBe(INVALID_ARGUMENT);
    await config.createBucket({
      parent: LOCATION,
      bucketId: 'vault',
      bucket: { retentionDays: 90, locked: true },
    });
    const update = (bucket: object, paths: string[]) =>
      config.updateBucket({ name, bucket, updateMask: { paths } });
    expect(await codeOf(update({ retentionDays: 10 }, ['retention_days']))).toBe(FAILED_PRECONDITION);
    expect(await codeOf(update({ locked: false }, ['locked']))).toBe(FAILED_PRECONDITION);
    expect(await codeOf(update({ description: 'x' }, []))).toBe(INVALID_ARGUMENT);
    expect(await codeOf(update({ name: 'x' }, ['name']))).toBe(INVALID_ARGUMENT);
    const [described] = await update({ description: 'audit copies' }, ['description']);
    expect(described).toMatchObject({ description: 'audit copies', retentionDays: 90, locked: true });
  });

  it('waits 7 days after DeleteBucket: listed, undeletable, holding its id; then gone', async () => {
    const config = harness.config();
    const name = `${LOCATION}/buckets/short-lived`;
    await config.createBucket({ parent: LOCATION, bucketId: 'short-lived', bucket: {} });
    expect(await codeOf(config.undeleteBucket({ name }))).toBe(FAILED_PRECONDITION);
    await config.deleteBucket({ name });
    const [deleted] = await config.getBucket({ name });
    expect(deleted.lifecycleState).toBe('DELETE_REQUESTED');
    expect(await codeOf(config.createBucket({ parent: LOCATION, bucketId: 'short-lived', bucket: {} }))).toBe(
      ALREADY_EXISTS,
    );
    const view = config.createView({ parent: name, viewId: 'v', view: {} });
    expect(await codeOf(view)).toBe(FAILED_PRECONDITION);
    await config.undeleteBucket({ name });
    await config.deleteBucket({ name });
    harness.advance(8);
    expect(await codeOf(config.getBucket({ name }))).toBe(NOT_FOUND);
    expect(await codeOf(config.undeleteBucket({ name }))).toBe(NOT_FOUND);
    await config.createBucket({ parent: LOCATION, bucketId: 'short-lived', bucket: {} });
  });
});

describe('views and links', () => {
  it('views take only AND-ed SOURCE(), LOG_ID() and resource.type terms; built-in ones stay', async () => {
    const config = harness.config();
    const parent = `${LOCATION}/buckets/_Default`;
    const create = (viewId: string, filter: string) =>
      config.createView({ parent, viewId, view: { filter } });
    await create(
      'mine',
      `SOURCE("projects/${PROJECT}") AND resource.type = "global" AND NOT LOG_ID("stdout")`,
    );
    expect(await codeOf(create('mine', ''))).toBe(ALREADY_EXISTS);
    expect(await codeOf(create('or', 'LOG_ID("a") OR LOG_ID("b")'))).toBe(INVALID_ARGUMENT);
    expect(await codeOf(create('severity', 'severity>=ERROR'))).toBe(INVALID_ARGUMENT);
    expect(await codeOf(create('broken', 'LOG_ID('))).toBe(INVALID_ARGUMENT);
    expect(await codeOf(config.deleteView({ name: `${parent}/views/_AllLogs` }))).toBe(FAILED_PRECONDITION);
    const [views] = await config.listViews({ parent }, { autoPaginate: false });
    expect(views.map((view: protos.google.logging.v2.ILogView) => view.name?.split('/').pop())).toEqual([
      '_AllLogs',
      '_Default',
      'mine',
    ]);
    expect(await codeOf(config.getView({ name: `${parent}/views/none` }))).toBe(NOT_FOUND);
  });

  it('links need a bucket with log analytics, and ids of letters, digits and _', async () => {
    const config = harness.config();
    const plain = `${LOCATION}/buckets/plain`;
    await config.createBucket({ parent: LOCATION, bucketId: 'plain', bucket: {} });
    expect(await codeOf(config.createLink({ parent: plain, linkId: 'l1', link: {} }))).toBe(
      FAILED_PRECONDITION,
    );
    const [enabled] = await config.updateBucket({
      name: plain,
      bucket: { analyticsEnabled: true },
      updateMask: { paths: ['analytics_enabled'] },
    });
    expect(enabled.analyticsEnabled).toBe(true);
    const disable = config.updateBucket({
      name: plain,
      bucket: { analyticsEnabled: false },
      updateMask: { paths: ['analytics_enabled'] },
    });
    expect(await codeOf(disable)).toBe(FAILED_PRECONDITION);
    expect(await codeOf(config.createLink({ parent: plain, linkId: 'has-dash', link: {} }))).toBe(
      INVALID_ARGUMENT,
    );
    const [operation] = await config.createLink({ parent: plain, linkId: 'l1', link: {} });
    await operation.promise();
    expect(await codeOf(config.deleteBucket({ name: plain }))).toBe(FAILED_PRECONDITION);
  });
});

describe('long-running operations', () => {
  it.each(['grpc', 'rest'] as const)(
    'are served back by GetOperation and ListOperations over %s',
    async (transport) => {
      const config = harness.config(transport);
      const [operation] = await config.createBucketAsync({
        parent: LOCATION,
        bucketId: `async-${transport}`,
        bucket: {},
      });
      expect(operation.name).toMatch(new RegExp(`^${LOCATION}/operations/[0-9a-f]+$`));
      const checked = await config.checkCreateBucketAsyncProgress(operation.name ?? '');
      expect(checked.done).toBe(true);
      expect((checked.result as { name?: string }).name).toBe(`${LOCATION}/buckets/async-${transport}`);
      const [listed] = await config.operationsClient
        .listOperations({ name: LOCATION })
        .then((all: unknown) => [all]);
      expect(JSON.stringify(listed)).toContain(operation.name);
      const missing = config.operationsClient.getOperation({ name: `${LOCATION}/operations/none` });
      expect(await codeOf(missing)).toBe(NOT_FOUND);
    },
  );
});
