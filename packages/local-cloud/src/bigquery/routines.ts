// Routines as the catalog keeps them: routines.insert/get/list/update/delete store and
// return the routine resource with BigQuery's checks (id, type, body), and CREATE FUNCTION
// lands here too. The local cloud does not run routines: a query calling one is refused
// by name (see sql/translator.ts), never answered with made-up results.
import { BigQueryApiError } from './errors.js';
import type { StoredDataset, StoredRoutine } from './model.js';

const ROUTINE_ID = /^[A-Za-z0-9_]{1,256}$/;
const ROUTINE_TYPES = ['SCALAR_FUNCTION', 'PROCEDURE', 'TABLE_VALUED_FUNCTION', 'AGGREGATE_FUNCTION'];
/** Fields the service sets, never taken from a request. */
const OUTPUT_ONLY = ['etag', 'routineReference', 'creationTime', 'lastModifiedTime', 'kind', 'id'];

type Body = Record<string, unknown>;

const routineName = (dataset: StoredDataset, routineId: string) =>
  `${dataset.projectId}:${dataset.datasetId}.${routineId}`;

function checkedFields(body: Body): Body {
  const fields: Body = {};
  for (const [key, value] of Object.entries(body)) if (!OUTPUT_ONLY.includes(key)) fields[key] = value;
  if (!ROUTINE_TYPES.includes(String(fields.routineType))) {
    throw new BigQueryApiError(
      'invalid',
      `Invalid value for routineType: ${String(fields.routineType)} is not a valid value`,
    );
  }
  if (typeof fields.definitionBody !== 'string' || fields.definitionBody === '') {
    throw new BigQueryApiError('invalid', 'Required field definitionBody is missing.');
  }
  fields.language ??= 'SQL';
  return fields;
}

export function getRoutine(dataset: StoredDataset, routineId: string): StoredRoutine {
  const routine = dataset.routines.get(routineId);
  if (!routine)
    throw new BigQueryApiError('notFound', `Not found: Routine ${routineName(dataset, routineId)}`);
  return routine;
}

export function insertRoutine(
  dataset: StoredDataset,
  body: Body,
  nowMs: number,
  replace = false,
): StoredRoutine {
  const routineId = String(((body.routineReference ?? {}) as Body).routineId ?? '');
  if (!ROUTINE_ID.test(routineId)) {
    throw new BigQueryApiError(
      'invalid',
      `Invalid routine ID "${routineId}". Routine IDs must be alphanumeric (plus underscores) and at most 256 characters long.`,
    );
  }
  if (dataset.routines.has(routineId) && !replace) {
    throw new BigQueryApiError('duplicate', `Already Exists: Routine ${routineName(dataset, routineId)}`);
  }
  const routine: StoredRoutine = {
    projectId: dataset.projectId,
    datasetId: dataset.datasetId,
    routineId,
    fields: checkedFields(body),
    creationTime: nowMs,
    lastModifiedTime: nowMs,
    etag: 1,
  };
  dataset.routines.set(routineId, routine);
  return routine;
}

/** routines.update replaces the whole routine. */
export function updateRoutine(
  dataset: StoredDataset,
  routineId: string,
  body: Body,
  nowMs: number,
): StoredRoutine {
  const routine = getRoutine(dataset, routineId);
  routine.fields = checkedFields(body);
  routine.lastModifiedTime = nowMs;
  routine.etag += 1;
  return routine;
}

export function routineResource(routine: StoredRoutine): Body {
  const { projectId, datasetId, routineId } = routine;
  return {
    etag: String(routine.etag),
    routineReference: { projectId, datasetId, routineId },
    ...routine.fields,
    creationTime: String(routine.creationTime),
    lastModifiedTime: String(routine.lastModifiedTime),
  };
}
