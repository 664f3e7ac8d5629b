// Runs the DDL the local cloud understands (sql/ddl.ts) against the catalog: views and
// tables created, replaced or dropped, OPTIONS applied (description, friendly_name,
// labels, expiration_timestamp, require_partition_filter, partition_expiration_days),
// PARTITION BY and CLUSTER BY turned into the table's partitioning and clustering, and a
// CREATE TABLE … AS SELECT filled with the query's rows.
import { DuckDBTimestampTZValue } from '@duckdb/node-api';
import { BigQueryApiError, notFoundTable, tableName } from './errors.js';
import { writeQueryResults } from './query-destination.js';
import { runStatement, type StatementRequest, type StatementResult } from './query-runner.js';
import { getRoutine, insertRoutine } from './routines.js';
import { type DdlStatement, parseDdl } from './sql/ddl.js';
import { ddlPartitioning } from './sql/ddl-partitioning.js';
import type { Store } from './store.js';

type Body = Record<string, unknown>;

function ids(statement: DdlStatement, request: StatementRequest): [string, string, string] {
  const { path } = statement;
  if (path.length === 3) return path as [string, string, string];
  if (path.length === 2) return [request.projectId, path[0] ?? '', path[1] ?? ''];
  if (path.length === 1 && request.defaultDataset) {
    return [request.defaultDataset.projectId, request.defaultDataset.datasetId, path[0] ?? ''];
  }
  throw new BigQueryApiError(
    'invalidQuery',
    `Table "${path.join('.')}" must be qualified with a dataset (e.g. dataset.table).`,
  );
}

async function evaluate(store: Store, request: StatementRequest, expression: string) {
  const result = await runStatement(store, { ...request, sql: `SELECT ${expression}`, dryRun: false });
  return result.rows[0]?.[0] ?? null;
}

/** OPTIONS(...) → the table resource fields they set. */
async function optionFields(
  store: Store,
  request: StatementRequest,
  options: Map<string, string>,
): Promise<Body> {
  const body: Body = {};
  for (const [name, expression] of options) {
    if (name === 'labels') {
      const pairs = [...expression.matchAll(/\(\s*["']([^"']*)["']\s*,\s*["']([^"']*)["']\s*\)/g)];
      body.labels = Object.fromEntries(pairs.map((pair) => [pair[1], pair[2]]));
      continue;
    }
    const value = await evaluate(store, request, expression);
    if (name === 'description') body.description = value === null ? null : String(value);
    else if (name === 'friendly_name') body.friendlyName = value === null ? null : String(value);
    else if (name === 'expiration_timestamp' && value instanceof DuckDBTimestampTZValue) {
      body.expirationTime = String(value.micros / 1000n);
    } else if (name === 'require_partition_filter') body.requirePartitionFilter = value === true;
    else if (name === 'partition_expiration_days')
      body.partitionExpirationMs = Math.round(Number(value) * 86_400_000);
    else
      throw new BigQueryApiError(
        'invalidQuery',
        `The local cloud does not support the table option ${name}.`,
      );
  }
  return body;
}

async function existing(store: Store, [projectId, datasetId, tableId]: [string, string, string]) {
  try {
    return store.getTable(projectId, datasetId, tableId);
  } catch (error) {
    if (
      error instanceof BigQueryApiError &&
      error.reason === 'notFound' &&
      store.hasDataset(projectId, datasetId)
    )
      return undefined;
    throw error;
  }
}

async function drop(store: Store, statement: DdlStatement, target: [string, string, string]): Promise<void> {
  const table = await existing(store, target);
  if (!table) {
    if (statement.ifExists) return;
    throw notFoundTable(...target);
  }
  const wanted = statement.kind === 'DROP_VIEW' ? 'VIEW' : 'TABLE';
  if (table.kind !== wanted) {
    throw new BigQueryApiError(
      'invalidQuery',
      `${tableName(...target)} is a ${table.kind.toLowerCase()}; use DROP ${table.kind}.`,
    );
  }
  await store.deleteTable(...target);
}

async function tableBody(store: Store, request: StatementRequest, statement: DdlStatement, fields: unknown) {
  const options = await optionFields(store, request, statement.options);
  const { partitionExpirationMs, ...rest } = options;
  const layout = ddlPartitioning(statement.partitionBy, partitionExpirationMs as number | undefined);
  return {
    ...rest,
    ...layout,
    ...(statement.kind === 'CREATE_VIEW'
      ? { view: { query: statement.query, useLegacySql: false } }
      : { schema: { fields } }),
    ...(statement.clusterBy ? { clustering: { fields: statement.clusterBy } } : {}),
  };
}

async function create(
  store: Store,
  request: StatementRequest,
  statement: DdlStatement,
  target: [string, string, string],
) {
  const [projectId, datasetId, tableId] = target;
  const current = await existing(store, target);
  if (current && statement.ifNotExists) return 'SKIP';
  if (current && !statement.replace)
    throw new BigQueryApiError('duplicate', `Already Exists: Table ${tableName(...target)}`);
  let fields = statement.fields;
  let query: StatementResult | undefined;
  const select =
    statement.kind === 'CREATE_TABLE_AS_SELECT'
      ? { ...request, sql: statement.query ?? '', dryRun: false }
      : undefined;
  if (select) {
    query = await runStatement(store, { ...select, dryRun: true });
    fields ??= query.fields.map((field) => ({ ...field }));
  }
  const body = await tableBody(store, request, statement, fields ?? []);
  if (current) await store.deleteTable(...target);
  await store.insertTable(projectId, datasetId, { tableReference: { tableId }, ...body });
  if (select && query) {
    const destination = {
      destinationTable: { projectId, datasetId, tableId },
      writeDisposition: 'WRITE_TRUNCATE',
      createDisposition: 'CREATE_NEVER',
    };
    await writeQueryResults(store, select, query, destination, request.now);
  }
  return current ? 'REPLACE' : 'CREATE';
}

/** CREATE FUNCTION and DROP FUNCTION keep the routine in the catalog. */
function routineDdl(
  store: Store,
  statement: DdlStatement,
  target: [string, string, string],
  nowMs: number,
): string {
  const [projectId, datasetId, routineId] = target;
  const dataset = store.getDataset(projectId, datasetId);
  if (statement.kind === 'DROP_FUNCTION') {
    if (!dataset.routines.has(routineId) && statement.ifExists) return 'SKIP';
    getRoutine(dataset, routineId);
    dataset.routines.delete(routineId);
    return 'DROP';
  }
  const existed = dataset.routines.has(routineId);
  insertRoutine(dataset, { ...statement.routine, routineReference: { routineId } }, nowMs, statement.replace);
  return existed ? 'REPLACE' : 'CREATE';
}

export async function runDdl(store: Store, request: StatementRequest): Promise<StatementResult> {
  const statement = parseDdl(request.sql);
  const target = ids(statement, request);
  const base: StatementResult = {
    statementType: statement.kind,
    fields: [],
    rows: [],
    bytesProcessed: 0,
    referenced: [],
  };
  if (request.dryRun) return base;
  let operation = 'DROP';
  if (statement.kind.endsWith('FUNCTION'))
    operation = routineDdl(store, statement, target, request.now.getTime());
  else if (statement.kind.startsWith('DROP')) await drop(store, statement, target);
  else operation = await create(store, request, statement, target);
  const [projectId, datasetId, tableId] = target;
  return { ...base, ddl: { operation, target: { projectId, datasetId, tableId } } };
}
