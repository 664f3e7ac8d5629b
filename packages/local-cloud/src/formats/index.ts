// One reader per source format: file bytes in, source records out. AVRO and ORC are
// refused with a clear message, since the local cloud does not decode them.
import { status } from '@grpc/grpc-js';
import type { SourceFormat } from '../load-options.js';
import { LoadJobError } from '../warehouse-contract.js';
import { readCsv } from './csv.js';
import { readNdjson } from './json.js';
import { readParquet } from './parquet.js';
import type { ReadOptions, SourceRecord } from './records.js';

export type { CsvReadOptions, ReadOptions, SourceRecord } from './records.js';

export async function readRecords(
  format: SourceFormat,
  file: { uri: string; body: Uint8Array },
  options: ReadOptions,
): Promise<SourceRecord[]> {
  switch (format) {
    case 'CSV':
      return readCsv(file.uri, file.body, options);
    case 'JSON':
      return readNdjson(file.body);
    case 'PARQUET':
      return readParquet(file.uri, file.body);
    case 'AVRO':
    case 'ORC':
      throw new LoadJobError(
        `${format} is not supported by the local cloud; use PARQUET, CSV or JSON`,
        'notImplemented',
        status.UNIMPLEMENTED,
      );
  }
}
