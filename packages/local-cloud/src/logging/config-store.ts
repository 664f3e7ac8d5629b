// The state behind the local ConfigServiceV2 and MetricsServiceV2: per parent resource
// (projects/P, organizations/O, folders/F, billingAccounts/B) its sinks, exclusions, log
// buckets (with their views and links), log-based metrics and settings. Every parent
// starts as the real service creates it: the `_Required` and `_Default` buckets in
// `global` (each with its `_AllLogs` view, `_Default` also with its `_Default` view) and
// the `_Required` and `_Default` sinks routing to them. Resources are plain objects in
// @grpc/proto-loader's shape, so handlers return them as they are.
import { numberOf, timestampOf } from './config-common.js';

export type Resource = Record<string, unknown>;

export interface BucketState {
  bucket: Resource;
  /** When DeleteBucket was called: the bucket is DELETE_REQUESTED for 7 days, then gone. */
  deletedAt?: Date | undefined;
  views: Map<string, Resource>;
  links: Map<string, Resource>;
}

export interface SinkState {
  sink: Resource;
  /** The value of `unique_writer_identity` the sink was created or last updated with. */
  uniqueWriterIdentity: boolean;
}

export interface ParentConfig {
  parent: string;
  sinks: Map<string, SinkState>;
  exclusions: Map<string, Resource>;
  /** By full bucket name. */
  buckets: Map<string, BucketState>;
  metrics: Map<string, Resource>;
  settings: Resource;
  cmekSettings: Resource;
}

/** A deleted bucket can be undeleted for 7 days, then it is purged. */
const UNDELETE_DAYS = 7;
const DAY_MS = 86_400_000;

// The log IDs the _Required sink routes (cloud.google.com/logging/docs/routing/overview).
// Written with log_id(); LOG_ID() is the same function (names are case-insensitive).
const REQUIRED_LOG_IDS = [
  'cloudaudit.googleapis.com/activity',
  'externalaudit.googleapis.com/activity',
  'cloudaudit.googleapis.com/system_event',
  'externalaudit.googleapis.com/system_event',
  'cloudaudit.googleapis.com/access_transparency',
  'externalaudit.googleapis.com/access_transparency',
];
const REQUIRED_SINK_FILTER = REQUIRED_LOG_IDS.map((id) => `log_id("${id}")`).join(' OR ');
const DEFAULT_SINK_FILTER = REQUIRED_LOG_IDS.map((id) => `NOT log_id("${id}")`).join(' AND ');
const DEFAULT_VIEW_FILTER =
  'NOT LOG_ID("cloudaudit.googleapis.com/data_access") AND NOT LOG_ID("externalaudit.googleapis.com/data_access")';

/** The identity Logging used for project sinks before unique writer identities. */
export const LEGACY_WRITER_IDENTITY = 'serviceAccount:cloud-logs@system.gserviceaccount.com';

/** A service account used only by one sink, as `unique_writer_identity` gives. */
export function uniqueWriterIdentity(parent: string, sinkId: string): string {
  const suffix = numberOf(`${parent}/sinks/${sinkId}`).slice(-6);
  return `serviceAccount:p${numberOf(parent)}-${suffix}@gcp-sa-logging.iam.gserviceaccount.com`;
}

function builtInBucket(parent: string, id: '_Required' | '_Default'): BucketState {
  const name = `${parent}/locations/global/buckets/${id}`;
  const view = (viewId: string, filter: string, description: string): [string, Resource] => [
    viewId,
    { name: `${name}/views/${viewId}`, description, filter },
  ];
  const views = new Map([view('_AllLogs', '', 'View of all logs in the bucket.')]);
  if (id === '_Default')
    views.set(...view('_Default', DEFAULT_VIEW_FILTER, 'Default view of the _Default bucket.'));
  return {
    bucket: {
      name,
      description: id === '_Required' ? 'Audit bucket' : 'Default bucket',
      // _Required keeps its entries 400 days and cannot be changed; _Default, 30 days.
      retentionDays: id === '_Required' ? 400 : 30,
      locked: id === '_Required',
      lifecycleState: 'ACTIVE',
      analyticsEnabled: false,
      restrictedFields: [],
      indexConfigs: [],
    },
    views,
    links: new Map(),
  };
}

function builtInSink(parent: string, id: '_Required' | '_Default', filter: string): [string, SinkState] {
  return [
    id,
    {
      sink: {
        name: id,
        destination: `logging.googleapis.com/${parent}/locations/global/buckets/${id}`,
        filter,
        description: '',
        disabled: false,
        exclusions: [],
        // A sink writing to a bucket of its own parent has no writer identity.
        writerIdentity: '',
        includeChildren: false,
      },
      uniqueWriterIdentity: false,
    },
  ];
}

function newParent(parent: string): ParentConfig {
  const required = builtInBucket(parent, '_Required');
  const fallback = builtInBucket(parent, '_Default');
  return {
    parent,
    sinks: new Map([
      builtInSink(parent, '_Required', REQUIRED_SINK_FILTER),
      builtInSink(parent, '_Default', DEFAULT_SINK_FILTER),
    ]),
    exclusions: new Map(),
    buckets: new Map([
      [required.bucket.name as string, required],
      [fallback.bucket.name as string, fallback],
    ]),
    metrics: new Map(),
    settings: {
      name: `${parent}/settings`,
      kmsKeyName: '',
      kmsServiceAccountId: `service-${numberOf(parent)}@gcp-sa-logging.iam.gserviceaccount.com`,
      storageLocation: '',
      disableDefaultSink: false,
    },
    cmekSettings: {
      name: `${parent}/cmekSettings`,
      kmsKeyName: '',
      kmsKeyVersionName: '',
      serviceAccountId: `cmek-p${numberOf(parent)}@gcp-sa-logging.iam.gserviceaccount.com`,
    },
  };
}

export class ConfigStore {
  private readonly parents = new Map<string, ParentConfig>();

  constructor(readonly clock: () => Date = () => new Date()) {}

  /** The configuration of a parent, created as the real service has it on first use. */
  of(parent: string): ParentConfig {
    let config = this.parents.get(parent);
    if (!config) {
      config = newParent(parent);
      this.parents.set(parent, config);
    }
    this.purgeDeletedBuckets(config);
    return config;
  }

  /** The configuration of a parent if anything has read or changed it yet. */
  peek(parent: string): ParentConfig | undefined {
    return this.parents.has(parent) ? this.of(parent) : undefined;
  }

  now(): ReturnType<typeof timestampOf> {
    return timestampOf(this.clock());
  }

  /** Buckets deleted more than 7 days ago are gone for good, their ids free again. */
  private purgeDeletedBuckets(config: ParentConfig): void {
    const now = this.clock().getTime();
    for (const [name, state] of config.buckets) {
      if (state.deletedAt && now - state.deletedAt.getTime() >= UNDELETE_DAYS * DAY_MS)
        config.buckets.delete(name);
    }
  }
}

/** `PARENT/...` → `PARENT`: the first two segments of a resource name. */
export function parentPart(name: string): string {
  return name.split('/').slice(0, 2).join('/');
}

/** Ids sorted, as the lists answer them. */
export function sortedValues<T>(items: Map<string, T>): T[] {
  return [...items.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);
}
