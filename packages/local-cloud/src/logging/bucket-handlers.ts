// ConfigServiceV2's log buckets: ListBuckets, GetBucket, CreateBucket, UpdateBucket,
// DeleteBucket, UndeleteBucket, and CreateBucketAsync / UpdateBucketAsync (the same work,
// answered as a done long-running operation). A deleted bucket is DELETE_REQUESTED, still
// listed and holding its id, for 7 days; then it is purged. `_Required` can be neither
// changed nor deleted, `_Default` not deleted. Buckets hold no entries in the local cloud
// (sinks do not route), so "a locked bucket may only be deleted if it is empty" never bites.
import { status } from '@grpc/grpc-js';
import { RpcError, type UnaryHandlers } from '../log-contract.js';
import { LOGGING_CONFIG_SERVICE_NAME } from '../rpc/protos.js';
import { unimplemented } from '../rpc/unimplemented.js';
import { activeBucket, applyBucketFields, BUCKET_UPDATABLE, findBucket } from './bucket-fields.js';
import { alreadyExists, checkMask, maskPaths, pageOf, requiredMessage } from './config-common.js';
import { checkId, parseLocation, parseParent } from './config-names.js';
import type { ConfigStore, Resource } from './config-store.js';
import type { OperationStore } from './operations.js';

/** "Log buckets: 100 per project", counting those waiting for deletion. */
const MAX_BUCKETS = 100;

function createBucket(store: ConfigStore, request: Record<string, unknown>): Resource {
  const { parent, location } = parseLocation(request.parent, 'parent');
  const id = checkId('bucket', request.bucketId);
  const changes = requiredMessage(request.bucket, 'bucket');
  const { buckets } = store.of(parent);
  const name = `${parent}/locations/${location}/buckets/${id}`;
  // A bucket waiting for deletion keeps its id until it is purged.
  if (buckets.has(name)) throw alreadyExists('Bucket', name);
  if (buckets.size >= MAX_BUCKETS) {
    throw new RpcError(
      status.RESOURCE_EXHAUSTED,
      `${parent} already has ${MAX_BUCKETS} log buckets: delete one first.`,
    );
  }
  const now = store.now();
  const bucket: Resource = { name, lifecycleState: 'ACTIVE', locked: false, analyticsEnabled: false };
  applyBucketFields(bucket, changes, BUCKET_UPDATABLE, true, now);
  Object.assign(bucket, { createTime: now, updateTime: now });
  const views = new Map([['_AllLogs', { name: `${name}/views/_AllLogs`, description: '', filter: '' }]]);
  buckets.set(name, { bucket, views, links: new Map() });
  return bucket;
}

function updateBucket(store: ConfigStore, request: Record<string, unknown>): Resource {
  const state = activeBucket(store, request.name);
  const name = String(state.bucket.name);
  if (name.endsWith('/buckets/_Required')) {
    throw new RpcError(status.FAILED_PRECONDITION, 'The _Required bucket cannot be changed.');
  }
  const changes = requiredMessage(request.bucket, 'bucket');
  const paths = maskPaths(request);
  if (paths.length === 0) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `updateMask is required: name the fields to change (${BUCKET_UPDATABLE.join(', ')}).`,
    );
  }
  checkMask(paths, BUCKET_UPDATABLE, 'log bucket');
  // The local Logging store keeps the _Default bucket's entries 30 days whatever is set:
  // accepting a new retention there would show entries the real bucket has forgotten.
  if (
    name.endsWith('/buckets/_Default') &&
    paths.includes('retention_days') &&
    changes.retentionDays !== state.bucket.retentionDays
  ) {
    throw unimplemented(LOGGING_CONFIG_SERVICE_NAME, 'UpdateBucket (retention of the _Default bucket)');
  }
  const now = store.now();
  const bucket = { ...state.bucket };
  applyBucketFields(bucket, changes, paths, false, now);
  bucket.updateTime = now;
  state.bucket = bucket;
  return bucket;
}

/** Runs a bucket call and answers it as a done operation, as the `…Async` RPCs do. */
function asOperation(
  store: ConfigStore,
  operations: OperationStore,
  request: Record<string, unknown>,
  kind: 'createBucketRequest' | 'updateBucketRequest',
): Resource {
  const startTime = store.now();
  const bucket = kind === 'createBucketRequest' ? createBucket(store, request) : updateBucket(store, request);
  return operations.finished({
    location: String(bucket.name).replace(/\/buckets\/[^/]+$/, ''),
    metadataType: 'google.logging.v2.BucketMetadata',
    metadata: { [kind]: request },
    responseType: 'google.logging.v2.LogBucket',
    response: bucket,
    startTime,
    endTime: store.now(),
  });
}

function listBuckets(store: ConfigStore, request: Record<string, unknown>): Resource {
  const text = String(request.parent ?? '');
  let owner: string;
  let prefix: string;
  // "supplying the character - in place of LOCATION_ID will return all buckets".
  if (text.endsWith('/locations/-')) {
    owner = parseParent(text.slice(0, -'/locations/-'.length), 'parent');
    prefix = `${owner}/locations/`;
  } else {
    const { parent, location } = parseLocation(text, 'parent');
    owner = parent;
    prefix = `${parent}/locations/${location}/buckets/`;
  }
  const buckets = [...store.of(owner).buckets.values()]
    .map((state) => state.bucket)
    .filter((bucket) => String(bucket.name).startsWith(prefix))
    .sort((a, b) => (String(a.name) < String(b.name) ? -1 : 1));
  const { page, nextPageToken } = pageOf(buckets, request, `buckets ${text}`);
  return { buckets: page, nextPageToken };
}

export function createBucketHandlers(store: ConfigStore, operations: OperationStore): UnaryHandlers {
  return {
    async ListBuckets(request) {
      return listBuckets(store, request);
    },
    async GetBucket(request) {
      return findBucket(store, request.name).bucket;
    },
    async CreateBucket(request) {
      return createBucket(store, request);
    },
    async CreateBucketAsync(request) {
      return asOperation(store, operations, request, 'createBucketRequest');
    },
    async UpdateBucket(request) {
      return updateBucket(store, request);
    },
    async UpdateBucketAsync(request) {
      return asOperation(store, operations, request, 'updateBucketRequest');
    },

    async DeleteBucket(request) {
      const state = activeBucket(store, request.name);
      const name = String(state.bucket.name);
      if (/\/buckets\/_(Required|Default)$/.test(name)) {
        throw new RpcError(status.FAILED_PRECONDITION, `The built-in bucket ${name} cannot be deleted.`);
      }
      if (state.links.size > 0) {
        throw new RpcError(
          status.FAILED_PRECONDITION,
          `Bucket ${name} has linked datasets: delete its links first.`,
        );
      }
      state.deletedAt = store.clock();
      state.bucket = { ...state.bucket, lifecycleState: 'DELETE_REQUESTED', updateTime: store.now() };
      return {};
    },

    async UndeleteBucket(request) {
      const state = findBucket(store, request.name);
      if (!state.deletedAt) {
        throw new RpcError(status.FAILED_PRECONDITION, `Bucket ${String(state.bucket.name)} is not deleted.`);
      }
      state.deletedAt = undefined;
      state.bucket = { ...state.bucket, lifecycleState: 'ACTIVE', updateTime: store.now() };
      return {};
    },
  };
}
