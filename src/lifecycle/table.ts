// Step 2: the destination table exists as the table file describes it, and how many rows
// each partition held before this tick (so a load that loses most of a partition's rows
// can be called out). One query per table, not per partition.
import type { TableRef } from '../cloud/bigquery.js';
import type { TableContext } from './context.js';
import { ensureTable } from './ensure-table.js';
import { inferSchema } from './infer-schema.js';
import type { PrecheckResult } from './precheck.js';

export interface TableTarget {
  ref: TableRef;
  /** `project.dataset.table`: what append configs are keyed by. */
  destination: string;
  /** Rows per partition id before this tick's loads. */
  rowsBefore: ReadonlyMap<string, number>;
}

export async function prepareTable(
  ctx: TableContext,
  checks: readonly PrecheckResult[],
): Promise<TableTarget> {
  const { spec, services, signal } = ctx;
  const ref: TableRef = {
    projectId: spec.project ?? services.projectId,
    datasetId: spec.dataset,
    tableId: spec.table,
  };
  const firstFiles = checks.find((check) => check.kind === 'files');
  const outcome = await ensureTable(services.bigquery, {
    spec,
    ref,
    location: ctx.location,
    signal,
    inferSchema: () =>
      inferSchema(
        spec,
        services.s3,
        spec.source.bucket,
        firstFiles?.kind === 'files' ? firstFiles.objects : [],
        signal,
      ),
  });
  if (outcome.addedColumns.length > 0) {
    ctx.emit({
      type: 'progress',
      table: spec.name,
      message: `added column(s) ${outcome.addedColumns.join(', ')} to ${ref.datasetId}.${ref.tableId}`,
    });
  }
  const rowsBefore = outcome.created.table
    ? new Map<string, number>()
    : await services.bigquery.partitionRows(ref, signal);
  return { ref, destination: `${ref.projectId}.${ref.datasetId}.${ref.tableId}`, rowsBefore };
}
