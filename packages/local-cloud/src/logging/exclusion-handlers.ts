// ConfigServiceV2's exclusions (ListExclusions, GetExclusion, CreateExclusion,
// UpdateExclusion, DeleteExclusion): filters on a parent's _Default sink, stored as the
// real service stores them. Their filters go through the Logging query-language parser.
// The local cloud applies them to what WriteLogEntries stores (entry-routing.ts).
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
import { type ConfigStore, type Resource, sortedValues } from './config-store.js';

/** "Exclusions: 50 per sink" (cloud.google.com/logging/quotas); on a parent, its _Default sink. */
const MAX_EXCLUSIONS = 50;
const UPDATABLE = ['description', 'filter', 'disabled'] as const;

/** An exclusion as the request gives it, checked: a name, a parseable filter. */
export function checkExclusion(exclusion: Record<string, unknown>, field: string): Resource {
  return {
    name: checkId('exclusion', exclusion.name),
    description: checkDescription(exclusion.description, `${field}.description`),
    filter: checkFilter(exclusion.filter, `${field}.filter`, true),
    disabled: exclusion.disabled === true,
  };
}

function lookup(store: ConfigStore, name: unknown): { exclusions: Map<string, Resource>; id: string } {
  const { parent, id } = parseChild(name, 'name', 'exclusions');
  const { exclusions } = store.of(parent);
  if (!exclusions.has(id)) throw notFound('Exclusion', String(name));
  return { exclusions, id };
}

export function createExclusionHandlers(store: ConfigStore): UnaryHandlers {
  return {
    async ListExclusions(request) {
      const parent = parseParent(request.parent, 'parent');
      const all = sortedValues(store.of(parent).exclusions);
      const { page, nextPageToken } = pageOf(all, request, `exclusions ${parent}`);
      return { exclusions: page, nextPageToken };
    },

    async GetExclusion(request) {
      const { exclusions, id } = lookup(store, request.name);
      return exclusions.get(id) as Resource;
    },

    async CreateExclusion(request) {
      const parent = parseParent(request.parent, 'parent');
      const exclusion = checkExclusion(requiredMessage(request.exclusion, 'exclusion'), 'exclusion');
      const { exclusions } = store.of(parent);
      const id = exclusion.name as string;
      if (exclusions.has(id)) throw alreadyExists('Exclusion', `${parent}/exclusions/${id}`);
      if (exclusions.size >= MAX_EXCLUSIONS) {
        throw new RpcError(
          status.RESOURCE_EXHAUSTED,
          `${parent} already has ${MAX_EXCLUSIONS} exclusions, the most Cloud Logging allows: delete one first.`,
        );
      }
      const now = store.now();
      const created = { ...exclusion, createTime: now, updateTime: now };
      exclusions.set(id, created);
      return created;
    },

    async UpdateExclusion(request) {
      const { exclusions, id } = lookup(store, request.name);
      const changes = requiredMessage(request.exclusion, 'exclusion');
      const paths = maskPaths(request);
      // "Required. A non-empty list of fields to change in the existing exclusion."
      if (paths.length === 0) {
        throw new RpcError(
          status.INVALID_ARGUMENT,
          `updateMask is required: name the fields to change (${UPDATABLE.join(', ')}).`,
        );
      }
      checkMask(paths, UPDATABLE, 'exclusion');
      const updated: Resource = { ...(exclusions.get(id) as Resource), updateTime: store.now() };
      if (paths.includes('description'))
        updated.description = checkDescription(changes.description, 'exclusion.description');
      if (paths.includes('filter')) updated.filter = checkFilter(changes.filter, 'exclusion.filter', true);
      if (paths.includes('disabled')) updated.disabled = changes.disabled === true;
      exclusions.set(id, updated);
      return updated;
    },

    async DeleteExclusion(request) {
      const { exclusions, id } = lookup(store, request.name);
      exclusions.delete(id);
      return {};
    },
  };
}
