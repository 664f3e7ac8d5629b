// The load job's file readers. CSV and newline-delimited JSON become source records whose
// values the job converts one by one (bad values are bad records); Parquet is read by the
// SQL engine after a schema match (parquet.ts); AVRO and ORC are refused with a clear
// message, since the local cloud does not decode them.
import { status } from '@grpc/grpc-js';
import type { SourceFormat } from '../load-options.js';
import { LoadJobError } from '../warehouse-contract.js';
import { readCsv } from './csv.js';
import { readNdjson } from './json.js';
import type { ReadOptions, SourceRecord } from './records.js';

export { loadParquet } from './parquet.js';
export type { ReadOptions, SourceRecord } from './records.js';

/** Refuses the formats the local cloud cannot read, before the job touches anything. */
export function checkFormatSupported(format: SourceFormat): void {
  if (format === 'AVRO' || format === 'ORC') {
    throw new LoadJobError(
      `${format} is not supported by the local cloud; use PARQUET, CSV or JSON`,
      'notImplemented',
      status.UNIMPLEMENTED,
    );
  }
}

/** Source records of a CSV or JSON file. */
export function readRecords(
  format: 'CSV' | 'JSON',
  file: { uri: string; body: Uint8Array },
  options: ReadOptions,
): SourceRecord[] {
  return format === 'CSV' ? readCsv(file.uri, file.body, options) : readNdjson(file.body);
}
