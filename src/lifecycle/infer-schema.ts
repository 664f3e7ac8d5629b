// A table's schema when its file has none: read from one Parquet file's footer through
// S3 ranged GETs (only the footer's bytes travel). Avro and ORC files are not read: the
// user is asked for a schema instead.
import { type AsyncBuffer, parquetMetadataAsync, parquetSchema } from 'hyparquet';
import type { BigQueryField } from '../cloud/bigquery.js';
import { parquetSchemaToBigQuery } from '../cloud/parquet-schema.js';
import type { S3Face, S3Object } from '../cloud/s3.js';
import type { TableSpec } from '../tables/types.js';

class SchemaNeededError extends Error {
  override name = 'SchemaNeededError';
}

/** S3 object as hyparquet's AsyncBuffer: every slice is one ranged GET. */
function s3AsyncBuffer(s3: S3Face, bucket: string, object: S3Object, signal?: AbortSignal): AsyncBuffer {
  return {
    byteLength: object.size,
    async slice(start: number, end?: number) {
      const bytes = await s3.getRange(bucket, object.key, start, end ?? object.size, signal);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
}

/** Picks a data file: not a marker (`_SUCCESS`), not hidden, not empty. */
function pickDataFile(objects: readonly S3Object[]): S3Object | undefined {
  return objects.find((object) => {
    const base = object.key.split('/').pop() ?? '';
    return object.size > 0 && !base.startsWith('_') && !base.startsWith('.');
  });
}

export async function inferSchema(
  spec: TableSpec,
  s3: S3Face,
  bucket: string,
  objects: readonly S3Object[],
  signal?: AbortSignal,
): Promise<BigQueryField[]> {
  if (spec.format !== 'PARQUET') {
    throw new SchemaNeededError(
      `${spec.format} schemas are not inferred: add a "schema" (BigQuery fields) to ${spec.file}`,
    );
  }
  const file = pickDataFile(objects);
  if (!file)
    throw new SchemaNeededError(`no Parquet file to read a schema from: add a "schema" to ${spec.file}`);
  try {
    const metadata = await parquetMetadataAsync(s3AsyncBuffer(s3, bucket, file, signal));
    return parquetSchemaToBigQuery(parquetSchema(metadata));
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new SchemaNeededError(
      `could not read a Parquet schema from s3://${bucket}/${file.key} (${(error as Error).message}); add a "schema" to ${spec.file}`,
    );
  }
}
