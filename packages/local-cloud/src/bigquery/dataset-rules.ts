// BigQuery's rules for dataset fields: ids, labels, the `access` list (each entry grants a
// role to exactly one grantee, or authorizes a view, routine or dataset without a role) and
// the datasets.list label filter (`labels.key[:value]` terms, all of which must match).
import { BigQueryApiError } from './errors.js';
import type { AccessEntry, StoredDataset } from './model.js';

const LABEL_KEY = /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u;
const LABEL_VALUE = /^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u;
const GRANTEES = ['userByEmail', 'groupByEmail', 'domain', 'specialGroup', 'iamMember'];
const AUTHORIZED = ['view', 'routine', 'dataset'];
const SPECIAL_GROUPS = ['projectOwners', 'projectReaders', 'projectWriters', 'allAuthenticatedUsers'];
const BASIC_ROLES = ['READER', 'WRITER', 'OWNER'];

/** What BigQuery grants a new dataset whose request names no access. */
export const DEFAULT_ACCESS: readonly AccessEntry[] = [
  { role: 'WRITER', specialGroup: 'projectWriters' },
  { role: 'OWNER', specialGroup: 'projectOwners' },
  { role: 'READER', specialGroup: 'projectReaders' },
];

function invalid(message: string): BigQueryApiError {
  return new BigQueryApiError('invalid', message);
}

function checkEntry(entry: unknown, index: number): AccessEntry {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    throw invalid(`Invalid access entry at position ${index}: expected an object.`);
  }
  const record = entry as AccessEntry;
  const targets = [...GRANTEES, ...AUTHORIZED].filter((key) => record[key] !== undefined);
  if (targets.length !== 1) {
    throw invalid(
      `Invalid access entry at position ${index}: exactly one of ${[...GRANTEES, ...AUTHORIZED].join(', ')} must be set.`,
    );
  }
  const target = targets[0] ?? '';
  // Fields the Access resource does not have (a sample sends `entity_type`) are dropped.
  const kept: AccessEntry = { [target]: record[target] };
  if (record.condition !== undefined) kept.condition = record.condition;
  if (AUTHORIZED.includes(target)) {
    if (record.role !== undefined)
      throw invalid(`Access entry at position ${index}: an authorized ${target} takes no role.`);
    return kept;
  }
  const role = String(record.role ?? '');
  if (!BASIC_ROLES.includes(role) && !/^roles\/[A-Za-z0-9_.]+$/.test(role)) {
    throw invalid(`Invalid value for role: ${role} is not a valid value`);
  }
  if (target === 'specialGroup' && !SPECIAL_GROUPS.includes(String(record.specialGroup))) {
    throw invalid(`Invalid value for specialGroup: ${String(record.specialGroup)} is not a valid value`);
  }
  return { role, ...kept };
}

export function checkAccess(raw: unknown): AccessEntry[] {
  if (!Array.isArray(raw)) throw invalid('Invalid access: expected a list of access entries.');
  return raw.map(checkEntry);
}

function checkLabels(labels: unknown): Record<string, string | null> {
  if (labels === undefined || labels === null) return {};
  if (typeof labels !== 'object') throw invalid('Invalid labels: expected an object of strings.');
  for (const [key, value] of Object.entries(labels)) {
    if (!LABEL_KEY.test(key)) {
      throw invalid(
        `Label key "${key}" has invalid characters. Keys must start with a lowercase letter and contain only lowercase letters, digits, underscores and dashes (at most 63).`,
      );
    }
    if (value !== null && (typeof value !== 'string' || !LABEL_VALUE.test(value))) {
      throw invalid(
        `Label value "${String(value)}" of key "${key}" has invalid characters. Values may contain only lowercase letters, digits, underscores and dashes (at most 63).`,
      );
    }
  }
  return labels as Record<string, string | null>;
}

export function mergeLabels(
  current: Record<string, string>,
  incoming: unknown,
  mode: 'merge' | 'replace',
): Record<string, string> {
  const labels = checkLabels(incoming);
  const next: Record<string, string> = mode === 'merge' ? { ...current } : {};
  for (const [key, value] of Object.entries(labels)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** datasets.list's `filter`: space-separated `labels.key` or `labels.key:value` terms. */
export function datasetFilter(filter: string | null): (dataset: StoredDataset) => boolean {
  if (!filter?.trim()) return () => true;
  const terms = filter
    .trim()
    .split(/\s+/)
    .map((term) => {
      const match = /^labels\.([^:]+)(?::(.*))?$/.exec(term);
      if (!match) throw invalid(`Invalid filter: ${term}. Use labels.key or labels.key:value terms.`);
      return { key: match[1] ?? '', value: match[2] };
    });
  return (dataset) =>
    terms.every(({ key, value }) =>
      value === undefined ? key in dataset.labels : dataset.labels[key] === value,
    );
}
