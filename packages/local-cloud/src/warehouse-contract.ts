// The seam between the local cloud's transfer runner (DTS side) and its BigQuery store:
// a DTS run reads files from S3 and hands them here as one load job, as real DTS does.
import type { CsvOptions, SourceFormat, WriteDisposition } from './load-options.js';

export interface LoadJobRequest {
  projectId: string;
  datasetId: string;
  /** The table id as DTS rendered it, possibly with a `$YYYYMMDD[HH]` decorator. */
  tableId: string;
  format: SourceFormat;
  files: { uri: string; body: Uint8Array }[];
  writeDisposition: WriteDisposition;
  maxBadRecords: number;
  ignoreUnknownValues: boolean;
  csv: CsvOptions;
  /**
   * The job's own schema's column names, in file order, when it gives one (a CSV maps
   * its columns by position onto them). Transfer runs give none: the table's order.
   */
  columns?: string[] | undefined;
}

export interface LoadJobResult {
  rowsLoaded: number;
  badRecords: number;
  /** Partition ids the rows landed in. */
  partitions: string[];
}

/**
 * A load job refused the way BigQuery refuses it. `reason` follows BigQuery's error
 * reasons; `grpcCode` is what DTS reports in the run's errorStatus.
 */
export class LoadJobError extends Error {
  constructor(
    message: string,
    readonly reason: 'notFound' | 'invalid' | 'quotaExceeded' | 'accessDenied' | 'notImplemented',
    readonly grpcCode: number,
  ) {
    super(message);
    this.name = 'LoadJobError';
  }
}

export interface Warehouse {
  /** Runs one load job: all files or nothing. Throws LoadJobError. */
  load(request: LoadJobRequest): Promise<LoadJobResult>;
  /**
   * The dataset's location (lower case, as BigQuery reports it, e.g. `us`, `eu`,
   * `europe-west1`), or undefined when the dataset does not exist. DTS refuses a config
   * whose destination dataset is missing or lives in another location.
   */
  datasetLocation(projectId: string, datasetId: string): string | undefined;
}
