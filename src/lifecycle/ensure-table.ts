// Step 2: the destination exists, shaped as the table file says. A missing dataset or
// table is created (partitioning, require_filter, expiration, description, labels;
// schema from the file or a Parquet footer). An existing table is checked for drift:
// different partitioning fails with an explanation (BigQuery cannot change it in
// place); columns the file adds are added as NULLABLE.
import type {
  BigQueryFace,
  BigQueryField,
  TableDefinition,
  TableInfo,
  TablePatch,
  TableRef,
} from '../cloud/bigquery.js';
import type { TableSpec } from '../tables/types.js';

export class TableDriftError extends Error {
  override name = 'TableDriftError';
}

export interface EnsureTableInput {
  spec: TableSpec;
  ref: TableRef;
  location: string;
  /** Resolves the schema when the file has none (reads S3); called only when needed. */
  inferSchema: () => Promise<BigQueryField[]>;
  signal?: AbortSignal | undefined;
}

export interface EnsureTableOutcome {
  created: { dataset: boolean; table: boolean };
  addedColumns: string[];
}

const DAY_MS = 86_400_000;

function desiredDefinition(spec: TableSpec, schema: BigQueryField[]): TableDefinition {
  const { granularity, field, requireFilter, expirationDays } = spec.partitioning;
  return {
    schema,
    timePartitioning: {
      type: granularity,
      field,
      expirationMs: expirationDays ? String(expirationDays * DAY_MS) : undefined,
    },
    requirePartitionFilter: requireFilter,
    description: spec.description,
    labels: Object.keys(spec.labels).length > 0 ? spec.labels : undefined,
  };
}

function describePartitioning(type: string | undefined, field: string | undefined): string {
  if (!type) return 'not partitioned';
  return `partitioned by ${type} on ${field ?? '_PARTITIONTIME (ingestion time)'}`;
}

/** Why the existing table cannot take this table file's loads, or undefined. */
function partitioningDrift(spec: TableSpec, table: TableInfo, ref: TableRef): string | undefined {
  const want = spec.partitioning;
  const have = table.timePartitioning;
  if (have?.type === want.granularity && (have.field ?? undefined) === (want.field ?? undefined))
    return undefined;
  return (
    `${ref.projectId}.${ref.datasetId}.${ref.tableId} is ${describePartitioning(have?.type, have?.field)}, ` +
    `but ${spec.file} asks for ${describePartitioning(want.granularity, want.field)}. BigQuery cannot change ` +
    'partitioning in place: fix "partitioning" in the table file, or recreate the table (copy it to a new table ' +
    'with the wanted partitioning) and run again.'
  );
}

/** Fields of `wanted` missing from `existing` (by name, case-insensitive), as NULLABLE. */
function newColumns(existing: readonly BigQueryField[], wanted: readonly BigQueryField[]): BigQueryField[] {
  const have = new Set(existing.map((field) => field.name.toLowerCase()));
  return wanted
    .filter((field) => !have.has(field.name.toLowerCase()))
    .map((field) => ({ ...field, mode: field.mode === 'REPEATED' ? 'REPEATED' : 'NULLABLE' }));
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const left = Object.entries(a ?? {}).sort();
  const right = Object.entries(b ?? {}).sort();
  return JSON.stringify(left) === JSON.stringify(right);
}

export async function ensureTable(
  bigquery: BigQueryFace,
  input: EnsureTableInput,
): Promise<EnsureTableOutcome> {
  const { spec, ref, signal } = input;
  const outcome: EnsureTableOutcome = { created: { dataset: false, table: false }, addedColumns: [] };
  const dataset = await bigquery.getDataset(ref.projectId, ref.datasetId, signal);
  if (!dataset) {
    await bigquery.createDataset(ref.projectId, ref.datasetId, input.location, signal);
    outcome.created.dataset = true;
  }
  const existing = dataset ? await bigquery.getTable(ref, signal) : undefined;
  if (!existing) {
    const schema = spec.schema ? (spec.schema as BigQueryField[]) : await input.inferSchema();
    if (
      spec.partitioning.field &&
      !schema.some((f) => f.name.toLowerCase() === spec.partitioning.field?.toLowerCase())
    ) {
      throw new TableDriftError(
        `partition column "${spec.partitioning.field}" is not in the schema (${schema.map((f) => f.name).join(', ')}): ` +
          `fix "partitioning.field" or "schema" in ${spec.file}`,
      );
    }
    await bigquery.createTable(ref, desiredDefinition(spec, schema), signal);
    outcome.created.table = true;
    return outcome;
  }
  const drift = partitioningDrift(spec, existing, ref);
  if (drift) throw new TableDriftError(drift);

  const patch: TablePatch = {};
  if (spec.schema) {
    const added = newColumns(existing.schema, spec.schema as BigQueryField[]);
    if (added.length > 0) {
      patch.schema = [...existing.schema, ...added];
      outcome.addedColumns = added.map((field) => field.name);
    }
  }
  const wanted = desiredDefinition(spec, existing.schema);
  if ((existing.requirePartitionFilter ?? false) !== spec.partitioning.requireFilter) {
    patch.requirePartitionFilter = spec.partitioning.requireFilter;
  }
  if (spec.description !== undefined && existing.description !== spec.description)
    patch.description = spec.description;
  if (Object.keys(spec.labels).length > 0 && !sameLabels(existing.labels, spec.labels))
    patch.labels = spec.labels;
  if (
    (existing.timePartitioning?.expirationMs ?? undefined) !== wanted.timePartitioning?.expirationMs &&
    wanted.timePartitioning?.expirationMs
  ) {
    patch.timePartitioning = wanted.timePartitioning;
  }
  if (Object.keys(patch).length > 0) await bigquery.patchTable(ref, patch, signal);
  return outcome;
}
