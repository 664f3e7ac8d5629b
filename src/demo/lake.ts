// The demo lake: realistic files for planned partitions written to S3 through the official
// client, so `npm start` and the tests load something that looks like a team's data, with
// chosen partitions left missing on purpose (the "skipped" outcome).
import { CreateBucketCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import type { PartitionPlan, PlannedTable } from '../plan/types.js';
import type { SchemaField, TableSpec } from '../tables/types.js';
import { DemoLakeError, encodeRows, FILE_EXTENSIONS } from './lake-files.js';
import {
  BUILT_IN_COLUMNS,
  generateRow,
  hashSeed,
  type PartitionWindow,
  type Row,
  seededRandom,
} from './lake-values.js';

const DEFAULT_ROWS_PER_PARTITION = 100;
const DEFAULT_SEED = 20261121;
const UPLOAD_CONCURRENCY = 8;
/** A bound on each S3 call: the local S3 answers in milliseconds, a stuck one never. */
const UPLOAD_TIMEOUT_MS = 30_000;

/**
 * The official client, pointed at the local cloud's S3 with its keys. (Imported here, not
 * by the command: a CommonJS package's named exports are lost through a dynamic import.)
 */
export function createLakeClient(env: NodeJS.ProcessEnv): S3Client {
  return new S3Client({
    endpoint: env.AWS_ENDPOINT_URL_S3,
    region: env.AWS_REGION,
    forcePathStyle: true,
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID ?? '',
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '',
    },
    // s3rver does not take the aws-chunked CRC32 uploads newer SDKs send by default.
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
}

export interface DemoLakeOptions {
  /** The official client, pointed at the local cloud's S3. */
  s3: S3Client;
  /** Created if needed (so is every bucket a planned table reads from). */
  bucket: string;
  planned: PlannedTable[];
  /** Partitions to leave without files. */
  missing: { table: string; partitionId: string }[];
  rowsPerPartition?: number | undefined;
  seed?: number | undefined;
}

export interface DemoLakeResult {
  files: number;
  bytes: number;
  rows: number;
  /** Object URIs written, in order. */
  uris: string[];
  /** Tables the generator cannot write (AVRO/ORC), with why. */
  skippedTables: { table: string; reason: string }[];
}

function parseS3Prefix(uri: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match) throw new DemoLakeError(`Not an s3:// URI: ${uri}`);
  const prefix = match[2] ?? '';
  return { bucket: match[1] ?? '', prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/` };
}

/** The table's columns: its schema, or the built-in set plus its partition column. */
function demoColumns(spec: TableSpec): SchemaField[] {
  if (spec.schema) return spec.schema;
  const field = spec.partitioning.field;
  if (!field || BUILT_IN_COLUMNS.some((column) => column.name === field)) return BUILT_IN_COLUMNS;
  const type = spec.partitioning.granularity === 'HOUR' ? 'TIMESTAMP' : 'DATE';
  return [...BUILT_IN_COLUMNS, { name: field, type, mode: 'REQUIRED' }];
}

/** The UTC span the partition id names: what BigQuery's partition boundaries are. */
function partitionWindow(partition: PartitionPlan): PartitionWindow {
  const id = partition.id;
  const start = Date.UTC(
    Number(id.slice(0, 4)),
    Number(id.slice(4, 6)) - 1,
    Number(id.slice(6, 8)),
    Number(id.slice(8, 10) || 0),
  );
  const length = id.length === 10 ? 3_600_000 : 86_400_000;
  return { start: new Date(start), end: new Date(start + length) };
}

async function ensureBucket(s3: S3Client, bucket: string): Promise<void> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }), {
      abortSignal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status !== 404) throw error;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }), {
      abortSignal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
  }
}

export async function generateDemoLake(options: DemoLakeOptions): Promise<DemoLakeResult> {
  const rowsPerPartition = options.rowsPerPartition ?? DEFAULT_ROWS_PER_PARTITION;
  if (!Number.isInteger(rowsPerPartition) || rowsPerPartition < 1) {
    throw new DemoLakeError(`rowsPerPartition must be a positive integer, got ${rowsPerPartition}.`);
  }
  const seed = options.seed ?? DEFAULT_SEED;
  const missing = new Set(options.missing.map((entry) => `${entry.table}\u0000${entry.partitionId}`));
  const result: DemoLakeResult = { files: 0, bytes: 0, rows: 0, uris: [], skippedTables: [] };

  const buckets = new Set([options.bucket]);
  for (const { spec } of options.planned) buckets.add(spec.source.bucket);
  for (const bucket of buckets) await ensureBucket(options.s3, bucket);

  // Files are encoded in plan order (so the seeded values never depend on timing) and
  // uploaded a few at a time: a demo lake is a few hundred small PUTs.
  const uploads: { bucket: string; key: string; body: Uint8Array; rows: number }[] = [];
  for (const { spec, plan } of options.planned) {
    const extension = FILE_EXTENSIONS[spec.format];
    if (!extension) {
      result.skippedTables.push({ table: spec.name, reason: `the demo lake writes no ${spec.format} files` });
      continue;
    }
    const columns = demoColumns(spec);
    for (const partition of plan.partitions) {
      if (missing.has(`${spec.name}\u0000${partition.id}`)) continue;
      const random = seededRandom(hashSeed(seed, `${spec.name}/${partition.id}`));
      const window = partitionWindow(partition);
      const rows: Row[] = Array.from({ length: rowsPerPartition }, (_, rowIndex) =>
        generateRow(columns, random, { rowIndex, partitionId: partition.id, window }),
      );
      // One or two files per partition, as writers that roll files produce.
      const fileCount = rowsPerPartition > 1 && random() < 0.5 ? 2 : 1;
      const split = Math.ceil(rows.length / fileCount);
      const { bucket, prefix } = parseS3Prefix(partition.source);
      for (let index = 0; index < fileCount; index += 1) {
        const slice = rows.slice(index * split, (index + 1) * split);
        const body = encodeRows(spec.format, columns, slice, spec.load.csv);
        const key = `${prefix}part-${String(index).padStart(5, '0')}.${extension}`;
        uploads.push({ bucket, key, body, rows: slice.length });
      }
    }
  }
  const limit = pLimit(UPLOAD_CONCURRENCY);
  await Promise.all(
    uploads.map(({ bucket, key, body }) =>
      limit(() =>
        options.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }), {
          abortSignal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
        }),
      ),
    ),
  );
  for (const upload of uploads) {
    result.files += 1;
    result.bytes += upload.body.byteLength;
    result.rows += upload.rows;
    result.uris.push(`s3://${upload.bucket}/${upload.key}`);
  }
  return result;
}
