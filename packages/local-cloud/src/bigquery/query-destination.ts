// A query job's `destinationTable`: the destination is created from the result's schema
// when missing (createDisposition CREATE_IF_NEEDED, the default), its schema widened as
// schemaUpdateOptions allow, and written under the job's writeDisposition (WRITE_EMPTY by
// default: a table with rows is refused), columns matched by name, all or nothing,
// through the same stage-and-commit path as load jobs.
import { sqlName } from './engine/column-types.js';
import type { WriteDisposition } from './engine/table-writes.js';
import { BigQueryApiError, notFoundTable } from './errors.js';
import type { FieldSchema, StoredTable } from './model.js';
import { splitDecorator } from './partition-ids.js';
import { bindings, type StatementRequest, type StatementResult } from './query-runner.js';
import { queryError } from './sql/engine-errors.js';
import { translate } from './sql/translate.js';
import { writeThroughStage } from './staged-write.js';
import type { Store } from './store.js';

type Body = Record<string, unknown>;
const DISPOSITIONS: WriteDisposition[] = ['WRITE_APPEND', 'WRITE_TRUNCATE', 'WRITE_EMPTY'];

async function destination(
  store: Store,
  config: Body,
  result: StatementResult,
): Promise<{ table: StoredTable; tableId: string }> {
  const reference = config.destinationTable as { projectId?: string; datasetId?: string; tableId?: string };
  const projectId = reference.projectId ?? '';
  const datasetId = reference.datasetId ?? '';
  const tableId = reference.tableId ?? '';
  const { table: plain } = splitDecorator(tableId);
  try {
    return { table: store.getTable(projectId, datasetId, plain), tableId };
  } catch (error) {
    if (
      !(error instanceof BigQueryApiError) ||
      error.reason !== 'notFound' ||
      !store.hasDataset(projectId, datasetId)
    ) {
      throw error;
    }
  }
  if (config.createDisposition === 'CREATE_NEVER') throw notFoundTable(projectId, datasetId, plain);
  const table = await store.insertTable(projectId, datasetId, {
    tableReference: { tableId: plain },
    schema: { fields: result.fields },
    timePartitioning: config.timePartitioning,
    rangePartitioning: config.rangePartitioning,
    clustering: config.clustering,
  });
  return { table, tableId };
}

/** schemaUpdateOptions: new result columns added (ALLOW_FIELD_ADDITION), REQUIRED ones relaxed. */
async function applySchemaUpdates(
  store: Store,
  table: StoredTable,
  fields: FieldSchema[],
  options: string[],
) {
  if (options.length === 0) return;
  const known = new Set(table.schema.map((field) => field.name.toLowerCase()));
  const given = new Map(fields.map((field) => [field.name.toLowerCase(), field]));
  const schema = table.schema.map((field) =>
    options.includes('ALLOW_FIELD_RELAXATION') &&
    field.mode === 'REQUIRED' &&
    given.get(field.name.toLowerCase())?.mode !== 'REQUIRED'
      ? { ...field, mode: 'NULLABLE' }
      : field,
  );
  if (options.includes('ALLOW_FIELD_ADDITION')) {
    for (const field of fields) if (!known.has(field.name.toLowerCase())) schema.push(field);
  }
  await store.updateTable(
    table.projectId,
    table.datasetId,
    table.tableId,
    { schema: { fields: schema } },
    'merge',
  );
}

/** Every result column must exist in the destination with the same type. */
function checkResultFits(table: StoredTable, fields: FieldSchema[]): void {
  const name = `${table.projectId}:${table.datasetId}.${table.tableId}`;
  for (const field of fields) {
    const column = table.schema.find(
      (candidate) => candidate.name.toLowerCase() === field.name.toLowerCase(),
    );
    if (!column) {
      throw new BigQueryApiError(
        'invalid',
        `Provided Schema does not match Table ${name}. Cannot add fields (field: ${field.name})`,
      );
    }
    if (column.type !== field.type || (column.mode === 'REPEATED') !== (field.mode === 'REPEATED')) {
      throw new BigQueryApiError(
        'invalid',
        `Provided Schema does not match Table ${name}. Field ${field.name} has changed type from ${column.type} to ${field.type}`,
      );
    }
  }
}

export async function writeQueryResults(
  store: Store,
  statement: StatementRequest,
  result: StatementResult,
  config: Body,
  now: Date,
): Promise<void> {
  if (result.statementType !== 'SELECT') {
    throw new BigQueryApiError('invalid', 'Only a SELECT query can write to a destinationTable.');
  }
  const disposition = String(config.writeDisposition ?? 'WRITE_EMPTY') as WriteDisposition;
  if (!DISPOSITIONS.includes(disposition)) {
    throw new BigQueryApiError('invalid', `Invalid value for writeDisposition: ${disposition}`);
  }
  const { table, tableId } = await destination(store, config, result);
  await applySchemaUpdates(store, table, result.fields, (config.schemaUpdateOptions ?? []) as string[]);
  checkResultFits(table, result.fields);
  const translation = translate({ store, ...statement });
  const { values, types } = bindings(statement.params, translation.parameters);
  try {
    await writeThroughStage(store, {
      table,
      tableId,
      disposition,
      now,
      fill: async (connection, stage) => {
        await connection.run(
          `INSERT INTO ${sqlName(stage)} BY NAME SELECT * FROM (${translation.sql})`,
          values,
          types,
        );
      },
    });
  } catch (error) {
    throw queryError(error, translation.referenced);
  }
}
