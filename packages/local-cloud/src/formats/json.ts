// Newline-delimited JSON reader: one object per line; a line that is not a JSON object
// is a bad record, as BigQuery counts it.
import type { SourceRecord } from './records.js';

export function readNdjson(body: Uint8Array): SourceRecord[] {
  const text = Buffer.from(body)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const records: SourceRecord[] = [];
  let position = 0;
  for (const line of text.split('\n')) {
    const start = position;
    position += Buffer.byteLength(line) + 1;
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        records.push({
          error: `JSON parsing error in row starting at position ${start}: Row is not a JSON object.`,
        });
      } else {
        records.push({ values: value as Record<string, unknown> });
      }
    } catch (error) {
      records.push({
        error: `JSON parsing error in row starting at position ${start}: ${(error as Error).message}`,
      });
    }
  }
  return records;
}
