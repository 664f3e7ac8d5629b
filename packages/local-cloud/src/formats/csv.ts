// CSV reader with BigQuery's load semantics: columns map to the schema by position, an
// empty field is NULL (the default null marker), missing trailing columns need allowJaggedRows, extra
// columns need ignoreUnknownValues, and quoted newlines need allowQuotedNewlines.
import { status } from '@grpc/grpc-js';
import { parse } from 'csv-parse/sync';
import { LoadJobError } from '../warehouse-contract.js';
import type { CsvReadOptions, ReadOptions, SourceRecord } from './records.js';

/** BigQuery accepts `\t` and the word `tab` for a tab delimiter. */
function normalizeDelimiter(delimiter: string): string {
  if (delimiter === '\\t' || delimiter.toLowerCase() === 'tab') return '\t';
  return delimiter === '' ? ',' : delimiter;
}

export function readCsv(uri: string, body: Uint8Array, options: ReadOptions): SourceRecord[] {
  const csv: CsvReadOptions = options.csv;
  let parsed: { record: string[]; info: { bytes: number; lines: number } }[];
  try {
    parsed = parse(Buffer.from(body), {
      bom: true,
      delimiter: normalizeDelimiter(csv.fieldDelimiter),
      from: csv.skipLeadingRows + 1,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    throw new LoadJobError(
      `Error while reading data, error message: Error detected while parsing ${uri}: ${(error as Error).message}`,
      'invalid',
      status.INVALID_ARGUMENT,
    );
  }
  const expected = options.columns.length;
  return parsed.map(({ record, info }) => {
    const position = info.bytes;
    // A field can only hold a line break if it was quoted.
    if (!csv.allowQuotedNewlines && record.some((value) => /[\r\n]/.test(value))) {
      return {
        error: `Error detected while parsing row starting at position: ${position}. Error: Missing close double quote (") character; quoted newlines need allow_quoted_newlines.`,
      };
    }
    if (record.length > expected && !options.ignoreUnknownValues) {
      return {
        error: `Too many values in row starting at position: ${position}. Found ${record.length} column(s) while expected ${expected}.`,
      };
    }
    if (record.length < expected && !csv.allowJaggedRows) {
      return {
        error: `CSV table references column position ${expected - 1}, but line starting at position:${position} contains only ${record.length} columns.`,
      };
    }
    const values: Record<string, unknown> = {};
    options.columns.forEach((column, index) => {
      // BigQuery's default null marker is the empty string, for every type.
      const value = record[index];
      values[column] = value === undefined || value === '' ? null : value;
    });
    return { values };
  });
}
