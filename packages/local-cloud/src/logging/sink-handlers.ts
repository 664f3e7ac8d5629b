// ConfigServiceV2's sinks (ListSinks, GetSink, CreateSink, UpdateSink, DeleteSink), with
// the real service's rules: sink ids, destinations of the four documented kinds, filters
// through the query-language parser, the writer identity `unique_writer_identity` gives,
// update masks (empty meaning `destination,filter,include_children`, as documented), and
// the built-in `_Required` sink that can be neither changed nor deleted. The local cloud
// keeps sinks but exports nothing to their destinations.
import { status } from '@grpc/grpc-js';
import { RpcError, type UnaryHandlers } from '../log-contract.js';
import {
  alreadyExists,
  checkFilter,
  checkMask,
  maskPaths,
  notFound,
  pageOf,
  requiredMessage,
} from './config-common.js';
import { checkDescription, checkId, parseChild, parseParent } from './config-names.js';
import {
  type ConfigStore,
  LEGACY_WRITER_IDENTITY,
  type Resource,
  type SinkState,
  sortedValues,
  uniqueWriterIdentity,
} from './config-store.js';
import { checkExclusion } from './exclusion-handlers.js';

/** "Sinks: 200 per Google Cloud project" (cloud.google.com/logging/quotas). */
const MAX_SINKS = 200;
const UPDATABLE = [
  'destination',
  'filter',
  'description',
  'disabled',
  'exclusions',
  'include_children',
  'bigquery_options',
] as const;
/** "An empty updateMask is temporarily treated as … destination,filter,includeChildren." */
const DEFAULT_MASK = ['destination', 'filter', 'include_children'];

const DESTINATIONS: [RegExp, string][] = [
  [/^storage\.googleapis\.com\/[a-z0-9][a-z0-9_.-]{1,220}[a-z0-9]$/, 'storage.googleapis.com/[GCS_BUCKET]'],
  [
    /^bigquery\.googleapis\.com\/projects\/[^/]+\/datasets\/[A-Za-z0-9_]{1,1024}$/,
    'bigquery.googleapis.com/projects/[PROJECT_ID]/datasets/[DATASET]',
  ],
  [
    /^pubsub\.googleapis\.com\/projects\/[^/]+\/topics\/[A-Za-z][A-Za-z0-9\-_.~+%]{2,254}$/,
    'pubsub.googleapis.com/projects/[PROJECT_ID]/topics/[TOPIC_ID]',
  ],
  [
    /^logging\.googleapis\.com\/(projects|organizations|folders|billingAccounts)\/[^/]+\/locations\/[^/]+\/buckets\/[^/]+$/,
    'logging.googleapis.com/projects/[PROJECT_ID]/locations/[LOCATION_ID]/buckets/[BUCKET_ID]',
  ],
  [/^logging\.googleapis\.com\/projects\/[^/]+$/, 'logging.googleapis.com/projects/[PROJECT_ID]'],
];

function checkDestination(value: unknown): string {
  const destination = typeof value === 'string' ? value : '';
  if (destination === '') throw new RpcError(status.INVALID_ARGUMENT, 'sink.destination is required.');
  if (!DESTINATIONS.some(([pattern]) => pattern.test(destination))) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `Invalid sink.destination "${destination}": use one of ${DESTINATIONS.map(([, form]) => `"${form}"`).join(', ')}.`,
    );
  }
  return destination;
}

/** The writer identity a sink gets: none for a bucket of its own parent, else legacy or unique. */
function writerIdentityOf(parent: string, id: string, destination: string, unique: boolean): string {
  if (destination.startsWith(`logging.googleapis.com/${parent}/`)) return '';
  return unique || !parent.startsWith('projects/')
    ? uniqueWriterIdentity(parent, id)
    : LEGACY_WRITER_IDENTITY;
}

/** Sets the masked fields of `sink` from `changes`, each checked. */
function applyFields(parent: string, sink: Resource, changes: Resource, paths: readonly string[]): void {
  if (paths.includes('destination')) sink.destination = checkDestination(changes.destination);
  if (paths.includes('filter')) sink.filter = checkFilter(changes.filter, 'sink.filter', false);
  if (paths.includes('description'))
    sink.description = checkDescription(changes.description, 'sink.description');
  if (paths.includes('disabled')) sink.disabled = changes.disabled === true;
  if (paths.includes('exclusions')) {
    const exclusions = (changes.exclusions as Resource[] | undefined) ?? [];
    sink.exclusions = exclusions.map((exclusion, index) =>
      checkExclusion(exclusion, `sink.exclusions[${index}]`),
    );
  }
  if (paths.includes('include_children')) {
    // "This field applies only to sinks owned by organizations and folders": refused elsewhere.
    if (changes.includeChildren === true && !/^(organizations|folders)\//.test(parent)) {
      throw new RpcError(
        status.INVALID_ARGUMENT,
        'sink.includeChildren applies only to organization and folder sinks.',
      );
    }
    sink.includeChildren = changes.includeChildren === true;
  }
  if (paths.includes('bigquery_options')) {
    const options = changes.bigqueryOptions as Resource | null | undefined;
    if (options && !String(sink.destination).startsWith('bigquery.googleapis.com/')) {
      throw new RpcError(
        status.INVALID_ARGUMENT,
        'sink.bigqueryOptions applies only to a BigQuery destination.',
      );
    }
    sink.bigqueryOptions = options
      ? {
          usePartitionedTables: options.usePartitionedTables === true,
          usesTimestampColumnPartitioning: false,
        }
      : null;
  }
}

function lookup(
  store: ConfigStore,
  sinkName: unknown,
): { sinks: Map<string, SinkState>; parent: string; id: string } {
  const { parent, id } = parseChild(sinkName, 'sinkName', 'sinks');
  const { sinks } = store.of(parent);
  if (!sinks.has(id)) throw notFound('Sink', String(sinkName));
  return { sinks, parent, id };
}

function refuseRequired(id: string, what: string): void {
  if (id === '_Required') {
    throw new RpcError(
      status.FAILED_PRECONDITION,
      `The _Required sink cannot be ${what}: it routes audit logs.`,
    );
  }
}

export function createSinkHandlers(store: ConfigStore): UnaryHandlers {
  return {
    async ListSinks(request) {
      const parent = parseParent(request.parent, 'parent');
      const all = sortedValues(store.of(parent).sinks).map((state) => state.sink);
      const { page, nextPageToken } = pageOf(all, request, `sinks ${parent}`);
      return { sinks: page, nextPageToken };
    },

    async GetSink(request) {
      const { sinks, id } = lookup(store, request.sinkName);
      return (sinks.get(id) as SinkState).sink;
    },

    async CreateSink(request) {
      const parent = parseParent(request.parent, 'parent');
      const changes = requiredMessage(request.sink, 'sink');
      const id = checkId('sink', changes.name);
      const { sinks } = store.of(parent);
      if (sinks.has(id)) throw alreadyExists('Sink', `${parent}/sinks/${id}`);
      if (sinks.size >= MAX_SINKS) {
        throw new RpcError(
          status.RESOURCE_EXHAUSTED,
          `${parent} already has ${MAX_SINKS} sinks: delete one first.`,
        );
      }
      const sink: Resource = { name: id, filter: '', description: '', disabled: false, exclusions: [] };
      applyFields(parent, sink, changes, UPDATABLE);
      const unique = request.uniqueWriterIdentity === true;
      const now = store.now();
      Object.assign(sink, {
        writerIdentity: writerIdentityOf(parent, id, sink.destination as string, unique),
      });
      Object.assign(sink, { createTime: now, updateTime: now });
      sinks.set(id, { sink, uniqueWriterIdentity: unique });
      return sink;
    },

    async UpdateSink(request) {
      const { sinks, parent, id } = lookup(store, request.sinkName);
      refuseRequired(id, 'changed');
      const changes = requiredMessage(request.sink, 'sink');
      // "The updated sink, whose name is the same identifier that appears as part of
      // sink_name": an empty or different name is refused, not taken as "unchanged".
      if (changes.name !== id) {
        throw new RpcError(
          status.INVALID_ARGUMENT,
          `sink.name "${String(changes.name)}" must be "${id}", as in sinkName.`,
        );
      }
      const paths = maskPaths(request);
      checkMask(paths, UPDATABLE, 'sink');
      const state = sinks.get(id) as SinkState;
      const unique = request.uniqueWriterIdentity === true;
      if (state.uniqueWriterIdentity && !unique) {
        throw new RpcError(
          status.INVALID_ARGUMENT,
          `Sink ${id} has a unique writer identity: uniqueWriterIdentity cannot go back to false; send true.`,
        );
      }
      const sink = { ...state.sink };
      applyFields(parent, sink, changes, paths.length > 0 ? paths : DEFAULT_MASK);
      const keepsIdentity =
        state.uniqueWriterIdentity === unique && sink.destination === state.sink.destination;
      sink.writerIdentity = keepsIdentity
        ? state.sink.writerIdentity
        : writerIdentityOf(parent, id, sink.destination as string, unique);
      sink.updateTime = store.now();
      sinks.set(id, { sink, uniqueWriterIdentity: unique });
      return sink;
    },

    async DeleteSink(request) {
      const { sinks, id } = lookup(store, request.sinkName);
      refuseRequired(id, 'deleted');
      // The docs let the _Default sink be disabled, never removed: refused (the hostile reading).
      if (id === '_Default') {
        throw new RpcError(
          status.FAILED_PRECONDITION,
          'The _Default sink cannot be deleted: disable it instead.',
        );
      }
      sinks.delete(id);
      return {};
    },
  };
}
