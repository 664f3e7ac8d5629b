// The fields of a LogBucket a request may set, checked as logging_config.proto documents
// them: retention (1–3650 days, 0 at creation meaning 30), restricted fields, index
// configs, CMEK settings (never on a `global` bucket), and the one-way switches: a locked
// bucket's retention never changes and it never unlocks, analytics once enabled stays
// enabled, CMEK once set cannot be removed. Also how a bucket is found by name.
import { status } from '@grpc/grpc-js';
import { RpcError } from '../log-contract.js';
import { notFound } from './config-common.js';
import { checkDescription, parseBucketName } from './config-names.js';
import type { BucketState, ConfigStore, Resource } from './config-store.js';
import { parentPart } from './config-store.js';

export const BUCKET_UPDATABLE = [
  'description',
  'retention_days',
  'locked',
  'restricted_fields',
  'index_configs',
  'analytics_enabled',
  'cmek_settings',
] as const;

const RESTRICTABLE = [
  'textPayload',
  'jsonPayload',
  'protoPayload',
  'httpRequest',
  'labels',
  'sourceLocation',
];
const KMS_KEY = /^projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/;
const INDEX_PATH = /^(jsonPayload|labels)\.[A-Za-z0-9_.-]{1,790}$/;

function failedPrecondition(message: string): RpcError {
  return new RpcError(status.FAILED_PRECONDITION, message);
}

function checkRetention(value: unknown, creating: boolean): number {
  const days = Number(value ?? 0);
  if (creating && days === 0) return 30;
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `bucket.retentionDays must be from 1 to 3650 days, got ${String(value)}.`,
    );
  }
  return days;
}

function checkRestrictedFields(value: unknown): string[] {
  const fields = (value as string[] | undefined) ?? [];
  for (const field of fields) {
    if (!RESTRICTABLE.includes(field.split('.')[0] ?? '')) {
      throw new RpcError(
        status.INVALID_ARGUMENT,
        `bucket.restrictedFields "${field}" is not eligible: use ${RESTRICTABLE.join(', ')} or their children.`,
      );
    }
  }
  return fields;
}

function checkIndexConfigs(value: unknown, now: Resource): Resource[] {
  const configs = (value as Resource[] | undefined) ?? [];
  return configs.map((config, index) => {
    const fieldPath = String(config.fieldPath ?? '');
    if (!INDEX_PATH.test(fieldPath)) {
      throw new RpcError(
        status.INVALID_ARGUMENT,
        `bucket.indexConfigs[${index}].fieldPath "${fieldPath}" must be a jsonPayload. or labels. path of letters, digits, _, - and . (at most 800 characters).`,
      );
    }
    if (config.type !== 'INDEX_TYPE_STRING' && config.type !== 'INDEX_TYPE_INTEGER') {
      throw new RpcError(
        status.INVALID_ARGUMENT,
        `bucket.indexConfigs[${index}].type must be INDEX_TYPE_STRING or INDEX_TYPE_INTEGER.`,
      );
    }
    return { fieldPath, type: config.type, createTime: now };
  });
}

function checkCmek(value: unknown, bucketName: string): Resource | null {
  const settings = value as Resource | null | undefined;
  const key = String(settings?.kmsKeyName ?? '');
  if (!settings || key === '') return null;
  if (bucketName.includes('/locations/global/')) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      'CMEK cannot be configured on a bucket in the global location: use a region.',
    );
  }
  if (!KMS_KEY.test(key)) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `bucket.cmekSettings.kmsKeyName "${key}" must be projects/P/locations/L/keyRings/R/cryptoKeys/K.`,
    );
  }
  return { name: '', kmsKeyName: key, kmsKeyVersionName: '', serviceAccountId: '' };
}

/** Sets the fields named by `paths` on `bucket` from `changes`, enforcing the one-way switches. */
export function applyBucketFields(
  bucket: Resource,
  changes: Resource,
  paths: readonly string[],
  creating: boolean,
  now: Resource,
): void {
  const name = String(bucket.name);
  if (paths.includes('description'))
    bucket.description = checkDescription(changes.description, 'bucket.description');
  if (paths.includes('retention_days')) {
    const days = checkRetention(changes.retentionDays, creating);
    if (!creating && bucket.locked === true && days !== bucket.retentionDays) {
      throw failedPrecondition(`Bucket ${name} is locked: its retention cannot change.`);
    }
    bucket.retentionDays = days;
  }
  if (paths.includes('locked')) {
    if (bucket.locked === true && changes.locked !== true)
      throw failedPrecondition(`Bucket ${name} is locked for good.`);
    bucket.locked = changes.locked === true;
  }
  if (paths.includes('restricted_fields'))
    bucket.restrictedFields = checkRestrictedFields(changes.restrictedFields);
  if (paths.includes('index_configs')) bucket.indexConfigs = checkIndexConfigs(changes.indexConfigs, now);
  if (paths.includes('analytics_enabled')) {
    if (bucket.analyticsEnabled === true && changes.analyticsEnabled !== true) {
      throw failedPrecondition(
        `Bucket ${name} has log analytics enabled: once enabled it cannot be disabled.`,
      );
    }
    bucket.analyticsEnabled = changes.analyticsEnabled === true;
  }
  if (paths.includes('cmek_settings')) {
    const cmek = checkCmek(changes.cmekSettings, name);
    if (bucket.cmekSettings && !cmek)
      throw failedPrecondition(`Bucket ${name} has CMEK: it cannot be disabled.`);
    bucket.cmekSettings = cmek;
  }
}

/** The bucket named `name` (deleted ones too), or NOT_FOUND. */
export function findBucket(store: ConfigStore, name: unknown, field = 'name'): BucketState {
  const bucketName = parseBucketName(name, field);
  const state = store.of(parentPart(bucketName)).buckets.get(bucketName);
  if (!state) throw notFound('Bucket', bucketName);
  return state;
}

/** The bucket, which must not be waiting for deletion. */
export function activeBucket(store: ConfigStore, name: unknown, field = 'name'): BucketState {
  const state = findBucket(store, name, field);
  if (state.deletedAt) {
    throw failedPrecondition(
      `Bucket ${String(state.bucket.name)} is deleted (DELETE_REQUESTED): undelete it first.`,
    );
  }
  return state;
}
