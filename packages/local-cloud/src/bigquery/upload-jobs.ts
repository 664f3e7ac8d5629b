// Load jobs from a media upload (`POST /upload/bigquery/v2/projects/{p}/jobs`, multipart:
// the job resource, then the file), as the client's `table.load(localFile)` sends them.
// The file goes through the same load job as a transfer run's files (load-job.ts): the
// destination is created from the job's schema when missing (CREATE_IF_NEEDED), widened
// as schemaUpdateOptions allow, and a failing load is a job DONE with an error.
import type { SourceFormat } from '../load-options.js';
import { LoadJobError, type Warehouse } from '../warehouse-contract.js';
import { BigQueryApiError } from './errors.js';
import type { Job, JobRegistry } from './jobs.js';
import type { FieldSchema, StoredTable } from './model.js';
import { normalizeSchema } from './schema-rules.js';
import type { Store } from './store.js';

type Body = Record<string, unknown>;

const FORMATS: Record<string, SourceFormat> = {
  CSV: 'CSV',
  NEWLINE_DELIMITED_JSON: 'JSON',
  PARQUET: 'PARQUET',
  AVRO: 'AVRO',
  ORC: 'ORC',
};

export interface Upload {
  metadata: Body;
  media: Buffer;
}

/** Splits a multipart/related body into the job resource and the file. */
export function readUpload(body: Buffer, contentType: string): Upload {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary)
    throw new BigQueryApiError('invalid', 'A media upload must be multipart/related with a boundary.');
  const parts: Buffer[] = [];
  const marker = Buffer.from(`--${boundary}`);
  let at = body.indexOf(marker);
  while (at >= 0) {
    const next = body.indexOf(marker, at + marker.length);
    if (next < 0) break;
    parts.push(body.subarray(at + marker.length, next));
    at = next;
  }
  const content = (part: Buffer | undefined) => {
    const start = part?.indexOf('\r\n\r\n') ?? -1;
    return start < 0 || !part ? Buffer.alloc(0) : part.subarray(start + 4, part.length - 2);
  };
  const [metadataPart, mediaPart] = parts;
  try {
    return {
      metadata: JSON.parse(content(metadataPart).toString('utf8')) as Body,
      media: content(mediaPart),
    };
  } catch {
    throw new BigQueryApiError(
      'invalid',
      'The first part of a media upload must be the job resource as JSON.',
    );
  }
}

/** The destination, created or widened as the load configuration allows. */
async function destination(store: Store, load: Body): Promise<StoredTable> {
  const reference = (load.destinationTable ?? {}) as {
    projectId?: string;
    datasetId?: string;
    tableId?: string;
  };
  const [projectId, datasetId, tableId] = [
    reference.projectId ?? '',
    reference.datasetId ?? '',
    reference.tableId ?? '',
  ];
  const schema = load.schema
    ? normalizeSchema((load.schema as { fields?: unknown }).fields ?? [])
    : undefined;
  const exists = store
    .listTables(projectId, datasetId)
    .some((table) => table.tableId === tableId.split('$')[0]);
  if (!exists) {
    if (load.createDisposition === 'CREATE_NEVER' || !schema) {
      throw new BigQueryApiError(
        'invalid',
        `Table ${projectId}:${datasetId}.${tableId} does not exist and the load job gives no schema: the local cloud does not detect schemas.`,
      );
    }
    return store.insertTable(projectId, datasetId, {
      tableReference: { tableId },
      schema: { fields: schema },
    });
  }
  const table = store.getTable(projectId, datasetId, tableId.split('$')[0] ?? '');
  const options = (load.schemaUpdateOptions ?? []) as string[];
  if (schema && options.length > 0) {
    const fields = widened(table.schema, schema, options);
    return store.updateTable(projectId, datasetId, table.tableId, { schema: { fields } }, 'merge');
  }
  return table;
}

/** schemaUpdateOptions: the job's new fields added, REQUIRED fields it leaves out or relaxes relaxed. */
function widened(current: FieldSchema[], given: FieldSchema[], options: string[]): FieldSchema[] {
  const byName = new Map(given.map((field) => [field.name.toLowerCase(), field]));
  const relax = options.includes('ALLOW_FIELD_RELAXATION');
  const kept = current.map((field) => {
    const next = byName.get(field.name.toLowerCase());
    return relax && field.mode === 'REQUIRED' && next?.mode !== 'REQUIRED'
      ? { ...field, mode: 'NULLABLE' }
      : field;
  });
  if (!options.includes('ALLOW_FIELD_ADDITION')) return kept;
  const known = new Set(current.map((field) => field.name.toLowerCase()));
  return [...kept, ...given.filter((field) => !known.has(field.name.toLowerCase()))];
}

export interface UploadContext {
  store: Store;
  jobs: JobRegistry;
  warehouse: Warehouse;
  now: Date;
}

async function load(context: UploadContext, config: Body, media: Buffer): Promise<Body> {
  const format = FORMATS[String(config.sourceFormat ?? 'CSV')];
  if (!format)
    throw new BigQueryApiError(
      'invalid',
      `The local cloud cannot load sourceFormat ${String(config.sourceFormat)}.`,
    );
  const table = await destination(context.store, config);
  const disposition = String(config.writeDisposition ?? 'WRITE_APPEND');
  if (disposition !== 'WRITE_APPEND' && disposition !== 'WRITE_TRUNCATE') {
    throw new BigQueryApiError(
      'invalid',
      `The local cloud's load jobs take WRITE_APPEND or WRITE_TRUNCATE, not ${disposition}.`,
    );
  }
  const reference = config.destinationTable as { tableId?: string };
  const given = (config.schema as { fields?: { name?: string }[] } | undefined)?.fields;
  const result = await context.warehouse.load({
    columns: given?.map((field) => String(field.name)),
    projectId: table.projectId,
    datasetId: table.datasetId,
    tableId: reference.tableId ?? table.tableId,
    format,
    files: [{ uri: 'upload://media', body: media }],
    writeDisposition: disposition,
    maxBadRecords: Number(config.maxBadRecords ?? 0),
    ignoreUnknownValues: config.ignoreUnknownValues === true,
    csv: {
      fieldDelimiter: String(config.fieldDelimiter ?? ','),
      skipLeadingRows: Number(config.skipLeadingRows ?? 0),
      allowQuotedNewlines: config.allowQuotedNewlines === true,
      allowJaggedRows: config.allowJaggedRows === true,
    },
  });
  return {
    inputFiles: '1',
    inputFileBytes: String(media.length),
    outputRows: String(result.rowsLoaded),
    badRecords: String(result.badRecords),
  };
}

export async function runUploadJob(context: UploadContext, projectId: string, upload: Upload): Promise<Job> {
  const configuration = (upload.metadata.configuration ?? {}) as Body;
  const reference = (upload.metadata.jobReference ?? {}) as { jobId?: string; location?: string };
  const config = configuration.load as Body | undefined;
  if (!config) throw new BigQueryApiError('invalid', 'A media upload job needs configuration.load.');
  const job: Job = {
    projectId,
    jobId: context.jobs.newId(projectId, reference.jobId),
    location: reference.location ?? context.store.defaultLocation,
    jobType: 'LOAD',
    configuration,
    creationTime: context.now.getTime(),
    endTime: context.now.getTime(),
  };
  try {
    job.extraStatistics = { load: await load(context, config, upload.media) };
  } catch (error) {
    if (error instanceof LoadJobError) job.error = new BigQueryApiError(error.reason, error.message);
    else if (error instanceof BigQueryApiError) job.error = error;
    else throw error;
  }
  return context.jobs.add(job);
}
