// google.logging.v2.MetricsServiceV2: log-based metrics of a project (ListLogMetrics,
// GetLogMetric, CreateLogMetric, UpdateLogMetric, DeleteLogMetric). Metrics are kept with
// the real service's rules (ids, filters through the query-language parser, descriptors,
// extractors, an owning bucket in the same project; UpdateLogMetric creates a missing
// metric, as documented). The local cloud has no Cloud Monitoring: metrics count nothing.
import { status } from '@grpc/grpc-js';
import { RpcError, type UnaryHandlers } from '../log-contract.js';
import { activeBucket } from './bucket-fields.js';
import { alreadyExists, checkFilter, notFound, pageOf, requiredMessage } from './config-common.js';
import { checkDescription, checkId, parseChild } from './config-names.js';
import { type ConfigStore, type Resource, sortedValues } from './config-store.js';
import { checkDescriptor, checkDescriptorChange } from './metric-fields.js';

/** "User-defined logs-based metrics: 500 per Google Cloud project". */
const MAX_METRICS = 500;

/** Metrics belong to projects only: `projects/P`. */
function parseProject(value: unknown, field: string): string {
  const text = typeof value === 'string' ? value : '';
  if (!/^projects\/[^/]+$/.test(text)) {
    throw new RpcError(status.INVALID_ARGUMENT, `Invalid ${field} "${text}": use "projects/[PROJECT_ID]".`);
  }
  return text;
}

/** `projects/P/metrics/ID` (the id URL-encoded, `nginx%2Frequests`) → project and decoded id. */
function parseMetricName(value: unknown): { project: string; id: string; name: string } {
  const { parent, id } = parseChild(value, 'metricName', 'metrics');
  const project = parseProject(parent, 'metricName');
  let decoded: string;
  try {
    decoded = decodeURIComponent(id);
  } catch {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `metricName "${String(value)}" has a malformed percent-encoding.`,
    );
  }
  return { project, id: decoded, name: `${project}/metrics/${encodeURIComponent(decoded)}` };
}

function buildMetric(store: ConfigStore, project: string, given: Resource, id: string): Resource {
  const bucketName = String(given.bucketName ?? '');
  if (bucketName !== '') {
    // "Only Log Buckets in projects are supported. The bucket has to be in the same project."
    if (!bucketName.startsWith(`${project}/locations/`)) {
      throw new RpcError(status.INVALID_ARGUMENT, `metric.bucketName must be a bucket of ${project}.`);
    }
    activeBucket(store, bucketName, 'metric.bucketName');
  }
  const name = `${project}/metrics/${encodeURIComponent(id)}`;
  return {
    name: id,
    description: checkDescription(given.description, 'metric.description'),
    filter: checkFilter(given.filter, 'metric.filter', true),
    bucketName,
    disabled: given.disabled === true,
    metricDescriptor: checkDescriptor(given, name, id),
    valueExtractor: String(given.valueExtractor ?? ''),
    labelExtractors: (given.labelExtractors as Record<string, string> | undefined) ?? {},
    bucketOptions: given.bucketOptions ?? null,
    version: 'V2',
  };
}

/** A project holds at most MAX_METRICS log-based metrics; one more is refused. */
function checkRoomForMetric(project: string, count: number): void {
  if (count >= MAX_METRICS) {
    throw new RpcError(status.RESOURCE_EXHAUSTED, `${project} already has ${MAX_METRICS} log-based metrics.`);
  }
}
export function createMetricHandlers(store: ConfigStore): UnaryHandlers {
  return {
    async ListLogMetrics(request) {
      const project = parseProject(request.parent, 'parent');
      const all = sortedValues(store.of(project).metrics);
      const { page, nextPageToken } = pageOf(all, request, `metrics ${project}`);
      return { metrics: page, nextPageToken };
    },

    async GetLogMetric(request) {
      const { project, id, name } = parseMetricName(request.metricName);
      const metric = store.of(project).metrics.get(id);
      if (!metric) throw notFound('Metric', name);
      return metric;
    },

    async CreateLogMetric(request) {
      const project = parseProject(request.parent, 'parent');
      const given = requiredMessage(request.metric, 'metric');
      const id = checkId('metric', given.name);
      const { metrics } = store.of(project);
      if (metrics.has(id)) throw alreadyExists('Metric', `${project}/metrics/${encodeURIComponent(id)}`);
      checkRoomForMetric(project, metrics.size);
      const now = store.now();
      const metric = { ...buildMetric(store, project, given, id), createTime: now, updateTime: now };
      metrics.set(id, metric);
      return metric;
    },

    async UpdateLogMetric(request) {
      const { project, id } = parseMetricName(request.metricName);
      const given = requiredMessage(request.metric, 'metric');
      // "its name field must be the same as [METRIC_ID]": an empty name is refused too.
      if (given.name !== id) {
        throw new RpcError(
          status.INVALID_ARGUMENT,
          `metric.name "${String(given.name)}" must be "${id}", as in metricName.`,
        );
      }
      checkId('metric', id);
      const { metrics } = store.of(project);
      const before = metrics.get(id);
      const now = store.now();
      const metric: Resource = {
        ...buildMetric(store, project, given, id),
        createTime: before?.createTime ?? now,
        updateTime: now,
      };
      if (before)
        checkDescriptorChange(before.metricDescriptor as Resource, metric.metricDescriptor as Resource);
      else checkRoomForMetric(project, metrics.size);
      metrics.set(id, metric);
      return metric;
    },

    async DeleteLogMetric(request) {
      const { project, id, name } = parseMetricName(request.metricName);
      const { metrics } = store.of(project);
      if (!metrics.delete(id)) throw notFound('Metric', name);
      return {};
    },
  };
}
