// The fields of a log-based metric (google.logging.v2.LogMetric) checked as
// logging_metrics.proto documents them: the metric descriptor (DELTA only; INT64 counts
// or DISTRIBUTION with a value extractor and bucket options), EXTRACT / REGEXP_EXTRACT
// extractors (a regex with exactly one capture group), one label extractor per descriptor
// label and none without one, and the descriptor the service fills in
// (`logging.googleapis.com/user/ID`, unit "1").
import { status } from '@grpc/grpc-js';
import { RpcError } from '../log-contract.js';
import type { Resource } from './config-store.js';

/** "Labels per metric: 10" (cloud.google.com/logging/quotas). */
const MAX_LABELS = 10;
const EXTRACTOR =
  /^\s*(EXTRACT|REGEXP_EXTRACT)\(\s*([A-Za-z_][\w.]*(?:\.[\w]+|\."[^"]*")*)\s*(?:,\s*"((?:[^"\\]|\\.)*)"\s*)?\)\s*$/;

function invalid(message: string): RpcError {
  return new RpcError(status.INVALID_ARGUMENT, message);
}

/** An extractor expression: EXTRACT(field) or REGEXP_EXTRACT(field, "regex with one group"). */
function checkExtractor(expression: string, field: string): void {
  const match = EXTRACTOR.exec(expression);
  if (!match)
    throw invalid(`${field} "${expression}" must be EXTRACT(field) or REGEXP_EXTRACT(field, "regex").`);
  const [, kind, , regex] = match;
  if (kind === 'EXTRACT' && regex !== undefined) throw invalid(`${field}: EXTRACT() takes one argument.`);
  if (kind === 'REGEXP_EXTRACT') {
    if (regex === undefined)
      throw invalid(`${field}: REGEXP_EXTRACT() needs a regex with one capture group.`);
    let groups: number;
    try {
      groups = (new RegExp(`${regex.replace(/\\"/g, '"')}|`).exec('')?.length ?? 1) - 1;
    } catch (error) {
      throw invalid(`${field}: invalid regex: ${(error as Error).message}`);
    }
    if (groups !== 1)
      throw invalid(`${field}: the regex must have exactly one capture group, it has ${groups}.`);
  }
}

function checkLabels(labels: Resource[], extractors: Record<string, string>): void {
  if (labels.length > MAX_LABELS) throw invalid(`A log-based metric has at most ${MAX_LABELS} labels.`);
  const keys = labels.map((label) => String(label.key ?? ''));
  for (const key of keys) {
    if (!/^[a-z][a-zA-Z0-9_]{0,99}$/.test(key))
      throw invalid(`Label key "${key}" must start with a lowercase letter.`);
    if (extractors[key] === undefined) throw invalid(`Label "${key}" has no labelExtractors entry.`);
  }
  for (const [key, expression] of Object.entries(extractors)) {
    if (!keys.includes(key))
      throw invalid(`labelExtractors["${key}"] has no label in metricDescriptor.labels.`);
    checkExtractor(expression, `labelExtractors["${key}"]`);
  }
}

/** The descriptor a metric is answered with, from the request's (which may be absent). */
export function checkDescriptor(metric: Resource, metricName: string, id: string): Resource {
  const given = (metric.metricDescriptor as Resource | null | undefined) ?? {};
  const kind =
    given.metricKind && given.metricKind !== 'METRIC_KIND_UNSPECIFIED' ? given.metricKind : 'DELTA';
  const valueType =
    given.valueType && given.valueType !== 'VALUE_TYPE_UNSPECIFIED' ? given.valueType : 'INT64';
  if (kind !== 'DELTA')
    throw invalid(`metricDescriptor.metricKind must be DELTA for a log-based metric, got ${String(kind)}.`);
  if (valueType !== 'INT64' && valueType !== 'DISTRIBUTION') {
    throw invalid(
      `metricDescriptor.valueType must be INT64 (a counter) or DISTRIBUTION, got ${String(valueType)}.`,
    );
  }
  const extractor = String(metric.valueExtractor ?? '');
  if (valueType === 'DISTRIBUTION') {
    if (extractor === '') throw invalid('A DISTRIBUTION metric needs a valueExtractor.');
    if (!metric.bucketOptions) throw invalid('A DISTRIBUTION metric needs bucketOptions.');
    checkExtractor(extractor, 'valueExtractor');
  } else if (extractor !== '') {
    throw invalid('valueExtractor applies only to DISTRIBUTION metrics: set metricDescriptor.valueType.');
  }
  const labels = (given.labels as Resource[] | undefined) ?? [];
  checkLabels(labels, (metric.labelExtractors as Record<string, string> | undefined) ?? {});
  const type = `logging.googleapis.com/user/${id}`;
  return {
    ...given,
    name: `${metricName.split('/metrics/')[0]}/metricDescriptors/${type}`,
    type,
    metricKind: kind,
    valueType,
    unit: given.unit || '1',
    description: String(metric.description ?? ''),
    labels,
  };
}

/** UpdateLogMetric: kind and value type are fixed, existing labels change only their description. */
export function checkDescriptorChange(before: Resource, after: Resource): void {
  if (before.metricKind !== after.metricKind || before.valueType !== after.valueType) {
    throw invalid('metricDescriptor.metricKind and valueType cannot change once a metric is created.');
  }
  const labelsAfter = new Map(((after.labels as Resource[]) ?? []).map((label) => [label.key, label]));
  for (const label of (before.labels as Resource[]) ?? []) {
    const kept = labelsAfter.get(label.key);
    if (!kept || (kept.valueType ?? 'STRING') !== (label.valueType ?? 'STRING')) {
      throw invalid(
        `Label "${String(label.key)}" cannot be removed or retyped; only its description may change.`,
      );
    }
  }
}
