// src/tables/json-document.ts
import {
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode
} from "jsonc-parser";
var PARSE_ERROR_TEXT = {
  InvalidSymbol: "invalid character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a quoted key (trailing commas are not allowed in JSON)",
  ValueExpected: "expected a value (trailing commas are not allowed in JSON)",
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: "expected the end of the file after the top-level value",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "unterminated comment",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "unterminated number",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character in string (control characters must be escaped)"
};
var MAX_NESTING = 64;
function offsetBeyondDepth(text, max) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > max) return i;
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  return void 0;
}
function parseJsonDocument(text) {
  let lineStarts;
  const positionOf = (offset) => {
    lineStarts ??= computeLineStarts(text);
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
  };
  const tooDeep = offsetBeyondDepth(text, MAX_NESTING);
  if (tooDeep !== void 0) {
    const message = `nested deeper than ${MAX_NESTING} levels: a table file needs only a few (is this a table file?)`;
    return {
      text,
      root: void 0,
      value: void 0,
      errors: [{ ...positionOf(tooDeep), message }],
      positionOf
    };
  }
  const parseErrors = [];
  const root = parseTree(text, parseErrors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false
  });
  const errors = parseErrors.filter((e, i) => parseErrors.findIndex((o) => o.offset === e.offset) === i).map((e) => {
    const code = printParseErrorCode(e.error);
    return { ...positionOf(e.offset), message: `invalid JSON: ${PARSE_ERROR_TEXT[code] ?? code}` };
  });
  if (text.trim() === "")
    errors.push({ line: 1, column: 1, message: "the file is empty: a table file is a JSON object" });
  if (root) {
    for (const node of findDuplicateKeys(root)) {
      const key = String(node.value);
      const first = positionOf(node.offset);
      errors.push({
        ...first,
        message: `duplicate key "${key}": JSON keeps only the last one, so remove or merge the others`
      });
    }
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  const value = root && parseErrors.length === 0 ? getNodeValue(root) : void 0;
  return { text, root, value, errors, positionOf };
}
function findDuplicateKeys(root) {
  const found = [];
  const visit = (node) => {
    if (node.type === "object") {
      const seen = /* @__PURE__ */ new Set();
      for (const property of node.children ?? []) {
        const keyNode = property.children?.[0];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        if (seen.has(key)) found.push(keyNode);
        seen.add(key);
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return found;
}
function computeLineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}
function locate(doc, path, target = "value") {
  if (!doc.root) return { line: 1, column: 1 };
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(doc.root, path.slice(0, depth));
    if (!node) continue;
    if (target === "key" && depth === path.length && node.parent?.type === "property") {
      const keyNode = node.parent.children?.[0];
      if (keyNode) return doc.positionOf(keyNode.offset);
    }
    return doc.positionOf(node.offset);
  }
  return doc.positionOf(doc.root.offset);
}
function locateKey(doc, objectPath, key) {
  if (!doc.root) return { line: 1, column: 1 };
  const object = findNodeAtLocation(doc.root, objectPath);
  const property = object?.children?.find((p) => p.children?.[0]?.value === key);
  const keyNode = property?.children?.[0];
  return keyNode ? doc.positionOf(keyNode.offset) : locate(doc, objectPath);
}

// src/tables/time-zones.ts
import { IANAZone } from "luxon";
var known = /* @__PURE__ */ new Map();
function isValidTimeZone(zone) {
  let valid = known.get(zone);
  if (valid === void 0) {
    valid = IANAZone.isValidZone(zone);
    known.set(zone, valid);
  }
  return valid;
}

// src/tables/zod-issues.ts
import { findNodeAtLocation as findNodeAtLocation2, getNodeValue as getNodeValue2 } from "jsonc-parser";

// src/tables/hints.ts
var AIRFLOW_SEED_KEYS = {
  src_s3_path: "source",
  sink_dataset: "dataset",
  sink_table: "table",
  daily_partition_field: "partitioning.field",
  require_partition_filter: "partitioning.require_filter",
  time_partition_expiration_days: "partitioning.expiration_days",
  lookback_window_days: "lookback_days"
};
function editDistance(a, b) {
  let before = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current[j] = best;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
function closest(input, candidates) {
  const lowered = input.toLowerCase();
  let best;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(lowered, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(input.length / 3));
  return bestDistance <= allowed ? best : void 0;
}
function unknownKeyMessage(key, where, known2, seeds = AIRFLOW_SEED_KEYS) {
  const base = where ? `unknown key "${key}" in "${where}"` : `unknown key "${key}"`;
  const seed = where === "" && Object.hasOwn(seeds, key) ? seeds[key] : void 0;
  if (seed) {
    const [parent, child] = seed.split(".");
    return child ? `${base} — this is the Airflow framework's key: write it as "${child}" inside "${parent}": { … }` : `${base} — did you mean "${seed}"? (the Airflow framework's "${key}" is "${seed}" here)`;
  }
  const suggestion = closest(key, known2);
  if (suggestion) return `${base} — did you mean "${suggestion}"?`;
  return `${base}; allowed keys: ${known2.join(", ")}`;
}

// src/tables/schema.ts
import { z } from "zod";
var FORMATS = ["PARQUET", "CSV", "JSON", "AVRO", "ORC"];
var GRANULARITIES = ["DAY", "HOUR"];
var WRITE_DISPOSITIONS = ["WRITE_TRUNCATE", "WRITE_APPEND"];
var FIELD_TYPES = [
  "STRING",
  "BYTES",
  "INTEGER",
  "INT64",
  "FLOAT",
  "FLOAT64",
  "NUMERIC",
  "BIGNUMERIC",
  "BOOLEAN",
  "BOOL",
  "TIMESTAMP",
  "DATE",
  "TIME",
  "DATETIME",
  "GEOGRAPHY",
  "JSON",
  "RECORD",
  "STRUCT"
];
var FIELD_MODES = ["NULLABLE", "REQUIRED", "REPEATED"];
var MAX_LOOKBACK_DAYS = 366;
var schemaFieldSchema = z.lazy(
  () => z.strictObject({
    name: z.string().min(1).max(300),
    type: z.enum(FIELD_TYPES),
    mode: z.enum(FIELD_MODES).optional(),
    description: z.string().max(1024).optional(),
    fields: z.array(schemaFieldSchema).min(1).optional()
  })
);
var partitioningSchema = z.strictObject({
  granularity: z.enum(GRANULARITIES).default("DAY").describe("Partition size."),
  field: z.string().min(1).max(300).optional().describe("Partition column; absent means ingestion-time partitioning (_PARTITIONTIME)."),
  layout: z.string().min(1).optional().describe(
    "Path of one partition under `source`. Tokens: {date}=YYYY-MM-DD, {YYYY} {MM} {DD}, {HH} (zero-padded hour), {H} (unpadded hour). Default dt={date} for DAY, dt={date}/hour={H} for HOUR."
  ),
  require_filter: z.boolean().default(false).describe("BigQuery requirePartitionFilter."),
  expiration_days: z.number().int().positive().optional().describe("Partition expiration in days.")
});
var csvOptionsSchema = z.strictObject({
  field_delimiter: z.string().min(1).max(4).optional(),
  skip_leading_rows: z.number().int().min(0).optional(),
  allow_quoted_newlines: z.boolean().optional(),
  allow_jagged_rows: z.boolean().optional()
});
var tableFileSchema = z.strictObject({
  $schema: z.string().optional(),
  source: z.string().describe("Root of the Hive-style table in S3: s3://bucket/prefix"),
  format: z.enum(FORMATS).default("PARQUET"),
  dataset: z.string().optional().describe("BigQuery dataset; default: the second-to-last segment of source."),
  table: z.string().optional().describe("BigQuery table; default: the last segment of source."),
  partitioning: partitioningSchema.default({ granularity: "DAY", require_filter: false }),
  lookback_days: z.number().int().min(0).max(MAX_LOOKBACK_DAYS).default(0).describe("Each tick loads D-1 … D-max(1, n); 0 and 1 both mean D-1 only."),
  timezone: z.string().optional().describe("IANA zone that decides which local date is D; default UTC."),
  write_disposition: z.enum(WRITE_DISPOSITIONS).default("WRITE_TRUNCATE"),
  schema: z.array(schemaFieldSchema).min(1).optional(),
  max_bad_records: z.number().int().min(0).optional(),
  ignore_unknown_values: z.boolean().optional(),
  csv: csvOptionsSchema.optional(),
  enabled: z.boolean().default(true),
  description: z.string().max(16384).optional(),
  labels: z.record(z.string(), z.string()).optional(),
  owners: z.array(z.string().min(1)).optional()
});

// src/tables/zod-issues.ts
var SCHEMA_FIELD_KEYS = ["name", "type", "mode", "description", "fields"];
function dottedPath(path) {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}
function tableFileKeysAt(path) {
  if (path.length === 0) return Object.keys(tableFileSchema.shape);
  const last = path.at(-1);
  if (last === "partitioning" && path.length === 1) return Object.keys(partitioningSchema.shape);
  if (last === "csv" && path.length === 1) return Object.keys(csvOptionsSchema.shape);
  if (path[0] === "schema") return SCHEMA_FIELD_KEYS;
  return [];
}
function jsonType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number";
  return `a ${typeof value}`;
}
function describeExpected(expected) {
  if (expected === "object") return "an object";
  if (expected === "array") return "an array";
  if (expected === "int") return "an integer";
  return `a ${expected}`;
}
var TABLE_FILE_VOCABULARY = { keysAt: tableFileKeysAt, seeds: AIRFLOW_SEED_KEYS };
function zodIssueMessages(doc, issues, vocabulary = TABLE_FILE_VOCABULARY) {
  const out = [];
  for (const issue of issues) {
    const path = issue.path;
    const where = dottedPath(path);
    const node = doc.root ? findNodeAtLocation2(doc.root, path) : void 0;
    const value = node ? getNodeValue2(node) : void 0;
    switch (issue.code) {
      case "unrecognized_keys": {
        for (const key of issue.keys) {
          out.push({
            ...locateKey(doc, path, key),
            message: unknownKeyMessage(key, where, vocabulary.keysAt(path), vocabulary.seeds)
          });
        }
        break;
      }
      case "invalid_type": {
        if (!node) {
          const key = path.at(-1);
          const parent = dottedPath(path.slice(0, -1));
          out.push({
            ...locate(doc, path),
            message: `missing required key "${String(key)}"${parent ? ` in "${parent}"` : ""}`
          });
        } else {
          out.push({
            ...locate(doc, path),
            message: `${where ? `"${where}"` : "the table file"} must be ${describeExpected(issue.expected)}, not ${jsonType(value)}`
          });
        }
        break;
      }
      case "invalid_value": {
        const allowed = issue.values.map((v) => String(v));
        const guess = typeof value === "string" ? closest(value, allowed) : void 0;
        out.push({
          ...locate(doc, path),
          message: `"${where}" is ${JSON.stringify(value)}; allowed: ${allowed.join(", ")}${guess ? ` — did you mean "${guess}"?` : ""}`
        });
        break;
      }
      case "too_big":
      case "too_small": {
        const bound = issue.code === "too_big" ? issue.maximum : issue.minimum;
        const inclusive = issue.inclusive !== false;
        const relation = issue.code === "too_big" ? inclusive ? "at most" : "less than" : inclusive ? "at least" : "more than";
        const unit = issue.origin === "string" ? " characters long" : issue.origin === "array" ? " item(s)" : "";
        const got = typeof value === "number" ? ` (it is ${value})` : "";
        const subject = issue.origin === "string" ? "be" : issue.origin === "array" ? "have" : "be";
        out.push({
          ...locate(doc, path),
          message: `"${where}" must ${subject} ${relation} ${String(bound)}${unit}${got}`
        });
        break;
      }
      default:
        out.push({ ...locate(doc, path), message: `${where ? `"${where}": ` : ""}${issue.message}` });
    }
  }
  return out;
}

export {
  parseJsonDocument,
  locate,
  isValidTimeZone,
  GRANULARITIES,
  tableFileSchema,
  zodIssueMessages
};
