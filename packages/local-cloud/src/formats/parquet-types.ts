// How BigQuery types a Parquet column on load, from its physical type and its logical (or
// legacy converted) type, after BigQuery's "Parquet conversions" table: BOOLEAN → BOOL;
// INT32/INT64 (plain or INT annotations) → INT64; DECIMAL → NUMERIC or BIGNUMERIC by
// precision and scale; INT32 DATE → DATE; INT64 TIMESTAMP (UTC-adjusted) and INT96 →
// TIMESTAMP, not adjusted → DATETIME; TIME → TIME; FLOAT/DOUBLE → FLOAT64; BYTE_ARRAY
// STRING/UTF8/ENUM → STRING, JSON → JSON, plain → BYTES; groups → STRUCT; LISTs → arrays.
// A destination column takes a Parquet column only if its type is among the ones listed
// for that column: no numbers into STRING, no strings into INT64 or DATE, and so on.

export interface ParquetNode {
  name: string;
  physical: string | null;
  repetition: string | null;
  converted: string | null;
  logical: string | null;
  scale: number | null;
  precision: number | null;
  children: ParquetNode[];
}

export interface ParquetTyping {
  /** The BigQuery type BigQuery reads the column as (for messages). */
  type: string;
  /** The destination types that accept it. */
  accepts: readonly string[];
}

const NUMERIC_MAX_SCALE = 9;
const NUMERIC_MAX_INTEGER_DIGITS = 29;
const BIGNUMERIC_MAX = 38;

/** `TimestampType(isAdjustedToUTC=0, …)` → `TIMESTAMP`; the annotation's kind in upper case. */
function logicalKind(node: ParquetNode): string | undefined {
  const match = /^([A-Za-z]+)Type\(/.exec(node.logical ?? '');
  return match?.[1]?.toUpperCase();
}

function isUtcAdjusted(node: ParquetNode): boolean {
  if (logicalKind(node) === 'TIMESTAMP') return /isAdjustedToUTC=(1|true)/i.test(node.logical ?? '');
  return true; // legacy TIMESTAMP_MILLIS/MICROS are UTC instants
}

function decimalTyping(node: ParquetNode): ParquetTyping {
  const precision = node.precision ?? BIGNUMERIC_MAX;
  const scale = node.scale ?? 0;
  const fitsNumeric = scale <= NUMERIC_MAX_SCALE && precision - scale <= NUMERIC_MAX_INTEGER_DIGITS;
  const fitsBig = scale <= BIGNUMERIC_MAX && precision - scale <= BIGNUMERIC_MAX;
  if (fitsNumeric) return { type: 'NUMERIC', accepts: ['NUMERIC', 'BIGNUMERIC'] };
  return { type: 'BIGNUMERIC', accepts: fitsBig ? ['BIGNUMERIC'] : [] };
}

const one = (type: string, ...more: string[]): ParquetTyping => ({ type, accepts: [type, ...more] });

/** The annotation of a leaf, logical type first, legacy converted type second. */
function annotation(node: ParquetNode): string | undefined {
  const logical = logicalKind(node);
  if (logical === 'INT') return 'INTEGER';
  if (logical) return logical;
  const converted = node.converted ?? undefined;
  if (!converted) return undefined;
  if (/^U?INT_\d+$/.test(converted)) return 'INTEGER';
  if (converted === 'UTF8') return 'STRING';
  if (converted.startsWith('TIMESTAMP_')) return 'TIMESTAMP';
  if (converted.startsWith('TIME_')) return 'TIME';
  return converted;
}

function annotatedTyping(node: ParquetNode, kind: string): ParquetTyping | undefined {
  switch (kind) {
    case 'DECIMAL':
      return decimalTyping(node);
    case 'DATE':
      return node.physical === 'INT32' ? one('DATE') : undefined;
    case 'TIME':
      return node.physical === 'INT32' || node.physical === 'INT64' ? one('TIME') : undefined;
    case 'TIMESTAMP':
      if (node.physical !== 'INT64') return undefined;
      return isUtcAdjusted(node) ? one('TIMESTAMP') : one('DATETIME');
    case 'INTEGER':
      return node.physical === 'INT32' || node.physical === 'INT64' ? one('INTEGER') : undefined;
    case 'STRING':
    case 'ENUM':
      // BigQuery reads WKT/GeoJSON text into a GEOGRAPHY column when the schema says so.
      return node.physical === 'BYTE_ARRAY' ? one('STRING', 'GEOGRAPHY') : undefined;
    case 'JSON':
      return node.physical === 'BYTE_ARRAY' ? one('JSON') : undefined;
    case 'UUID':
      return one('STRING');
    default:
      return undefined;
  }
}

const PLAIN: Record<string, ParquetTyping> = {
  BOOLEAN: one('BOOLEAN'),
  INT32: one('INTEGER'),
  INT64: one('INTEGER'),
  INT96: one('TIMESTAMP'),
  FLOAT: one('FLOAT'),
  DOUBLE: one('FLOAT'),
  BYTE_ARRAY: one('BYTES'),
  FIXED_LEN_BYTE_ARRAY: one('BYTES'),
};

/** How BigQuery types a leaf column; `accepts` is empty when BigQuery cannot load it at all. */
export function leafTyping(node: ParquetNode): ParquetTyping {
  const kind = annotation(node);
  if (kind) {
    return annotatedTyping(node, kind) ?? { type: `${node.physical} ${kind}`, accepts: [] };
  }
  return PLAIN[node.physical ?? ''] ?? { type: String(node.physical), accepts: [] };
}

/** The element of a LIST-annotated group (3-level `list.element` or legacy 2-level), if any. */
export function listElement(node: ParquetNode): ParquetNode | undefined {
  const isList = logicalKind(node) === 'LIST' || node.converted === 'LIST';
  if (!isList || node.children.length !== 1) return undefined;
  const repeated = node.children[0] as ParquetNode;
  if (repeated.children.length === 1) return repeated.children[0];
  return repeated;
}

export function isMap(node: ParquetNode): boolean {
  return logicalKind(node) === 'MAP' || node.converted === 'MAP' || node.converted === 'MAP_KEY_VALUE';
}

/** Rebuilds the schema tree from `parquet_schema()`'s depth-first rows (root first). */
export function parquetTree(rows: ParquetNode[], counts: number[]): ParquetNode {
  let cursor = 0;
  const build = (): ParquetNode => {
    const index = cursor;
    cursor += 1;
    const node = { ...(rows[index] as ParquetNode), children: [] as ParquetNode[] };
    for (let child = 0; child < (counts[index] ?? 0); child += 1) node.children.push(build());
    return node;
  };
  return build();
}
