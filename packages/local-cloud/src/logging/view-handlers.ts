// ConfigServiceV2's log views (ListViews, GetView, CreateView, UpdateView, DeleteView) on
// the buckets of bucket-handlers.ts. A view's filter must be what the API documents: "a
// logical AND of ==/!= of … originating project/folder/organization/billing account,
// resource type, log id", i.e. SOURCE(), LOG_ID() and resource.type, parsed with the
// Logging query grammar; anything else is INVALID_ARGUMENT. The built-in views (ids
// starting with `_`) can be neither changed nor deleted. Views are kept, not queried:
// ListLogEntries does not read through them.
import { status } from '@grpc/grpc-js';
import { RpcError, type UnaryHandlers } from '../log-contract.js';
import { activeBucket, findBucket } from './bucket-fields.js';
import { alreadyExists, checkMask, maskPaths, notFound, pageOf, requiredMessage } from './config-common.js';
import { checkDescription, checkId, parseBucketChild } from './config-names.js';
import type { ConfigStore } from './config-store.js';
import { type Resource, sortedValues } from './config-store.js';
import type { FilterExpression } from './filter-ast.js';
import { parseLogFilter } from './filter-parser.js';

/** "Views: 30 per log bucket" (cloud.google.com/logging/quotas). */
const MAX_VIEWS = 30;
const UPDATABLE = ['description', 'filter'] as const;
const VIEW_FUNCTIONS = new Set(['source', 'log_id']);

function refuse(filter: string, problem: string): RpcError {
  return new RpcError(
    status.INVALID_ARGUMENT,
    `Invalid view.filter "${filter}": ${problem} A view filter is an AND of SOURCE("projects/P"), LOG_ID("id") and resource.type = "type" terms, each possibly negated.`,
  );
}

function checkTerm(node: FilterExpression, filter: string): void {
  const term = node.type === 'not' ? node.item : node;
  if (term.type === 'function') {
    const [argument] = term.args;
    if (
      !VIEW_FUNCTIONS.has(term.name.toLowerCase()) ||
      term.args.length !== 1 ||
      argument?.type !== 'literal'
    ) {
      throw refuse(filter, `${term.name}() with these arguments is not allowed.`);
    }
    return;
  }
  if (term.type === 'comparison') {
    const path = term.field.segments.join('.');
    if (
      path !== 'resource.type' ||
      (term.comparator !== '=' && term.comparator !== '!=') ||
      term.value.type !== 'literal'
    ) {
      throw refuse(filter, `"${path} ${term.comparator}" is not allowed.`);
    }
    return;
  }
  throw refuse(filter, 'OR, nested NOT and free text are not allowed.');
}

function checkViewFilter(value: unknown): string {
  const filter = typeof value === 'string' ? value : '';
  const tree = parseLogFilter(filter);
  if (tree === null) return filter;
  for (const term of tree.type === 'and' ? tree.items : [tree]) checkTerm(term, filter);
  return filter;
}

function lookup(store: ConfigStore, name: unknown): { views: Map<string, Resource>; id: string } {
  const { bucket, id } = parseBucketChild(name, 'name', 'views');
  const { views } = findBucket(store, bucket);
  if (!views.has(id)) throw notFound('View', String(name));
  return { views, id };
}

function refuseBuiltIn(id: string, what: string): void {
  if (id.startsWith('_'))
    throw new RpcError(status.FAILED_PRECONDITION, `The built-in view ${id} cannot be ${what}.`);
}

export function createViewHandlers(store: ConfigStore): UnaryHandlers {
  return {
    async ListViews(request) {
      const { views, bucket } = findBucket(store, request.parent, 'parent');
      const { page, nextPageToken } = pageOf(sortedValues(views), request, `views ${String(bucket.name)}`);
      return { views: page, nextPageToken };
    },

    async GetView(request) {
      const { views, id } = lookup(store, request.name);
      return views.get(id) as Resource;
    },

    async CreateView(request) {
      const { views, bucket } = activeBucket(store, request.parent, 'parent');
      const id = checkId('view', request.viewId);
      const changes = requiredMessage(request.view, 'view');
      const name = `${String(bucket.name)}/views/${id}`;
      if (views.has(id)) throw alreadyExists('View', name);
      if (views.size >= MAX_VIEWS) {
        throw new RpcError(
          status.RESOURCE_EXHAUSTED,
          `Bucket ${String(bucket.name)} already has ${MAX_VIEWS} views.`,
        );
      }
      const now = store.now();
      const view = {
        name,
        description: checkDescription(changes.description, 'view.description'),
        filter: checkViewFilter(changes.filter),
        createTime: now,
        updateTime: now,
      };
      views.set(id, view);
      return view;
    },

    async UpdateView(request) {
      const { views, id } = lookup(store, request.name);
      refuseBuiltIn(id, 'changed');
      const changes = requiredMessage(request.view, 'view');
      // "A field will be overwritten if, and only if, it is in the update mask": an empty
      // mask changes nothing (the literal reading; the view is answered as it stands).
      const paths = maskPaths(request);
      checkMask(paths, UPDATABLE, 'log view');
      const view = { ...(views.get(id) as Resource) };
      if (paths.includes('description'))
        view.description = checkDescription(changes.description, 'view.description');
      if (paths.includes('filter')) view.filter = checkViewFilter(changes.filter);
      if (paths.length > 0) view.updateTime = store.now();
      views.set(id, view);
      return view;
    },

    async DeleteView(request) {
      const { views, id } = lookup(store, request.name);
      refuseBuiltIn(id, 'deleted');
      views.delete(id);
      return {};
    },
  };
}
