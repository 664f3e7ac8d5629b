// What every format reader yields: one entry per source row, either the row's values by
// column name or why the row could not be read (a bad record the load job counts).

export type SourceRecord = { values: Record<string, unknown> } | { error: string };

export interface CsvReadOptions {
  fieldDelimiter: string;
  skipLeadingRows: number;
  allowQuotedNewlines: boolean;
  allowJaggedRows: boolean;
}

export interface ReadOptions {
  /** The destination's top-level column names in schema order (CSV maps columns by position). */
  columns: string[];
  ignoreUnknownValues: boolean;
  csv: CsvReadOptions;
}
