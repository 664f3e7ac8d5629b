import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  DEFAULT_APPEND_RETENTION_DAYS
} from "./chunk-VQA6TWGF.js";

// src/tables/naming.ts
function bucketNameProblem(bucket) {
  if (bucket.length < 3 || bucket.length > 63)
    return `must be 3 to 63 characters long (it has ${bucket.length})`;
  if (!/^[a-z0-9.-]+$/.test(bucket)) return "may contain only lowercase letters, digits, dots and hyphens";
  if (!/^[a-z0-9]/.test(bucket) || !/[a-z0-9]$/.test(bucket))
    return "must begin and end with a letter or digit";
  if (bucket.includes("..")) return "must not contain two adjacent dots";
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(bucket)) return "must not be formatted as an IP address";
  for (const prefix of ["xn--", "sthree-", "amzn-s3-demo-"]) {
    if (bucket.startsWith(prefix)) return `must not start with "${prefix}" (reserved by AWS)`;
  }
  for (const suffix of ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"]) {
    if (bucket.endsWith(suffix)) return `must not end with "${suffix}" (reserved by AWS)`;
  }
  return void 0;
}
var MAX_BIGQUERY_NAME = 1024;
function datasetNameProblem(dataset) {
  if (dataset.length === 0) return "must not be empty";
  if (dataset.length > MAX_BIGQUERY_NAME) return `must be at most ${MAX_BIGQUERY_NAME} characters`;
  if (dataset.includes("-"))
    return 'must not contain hyphens (BigQuery dataset names allow letters, digits and "_")';
  if (!/^[A-Za-z0-9_]+$/.test(dataset)) return "may contain only letters, digits and underscores";
  return void 0;
}
var TABLE_NAME = /^[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}]+$/u;
function tableNameProblem(table) {
  if (table.length === 0) return "must not be empty";
  if (Buffer.byteLength(table, "utf8") > MAX_BIGQUERY_NAME)
    return `must be at most ${MAX_BIGQUERY_NAME} UTF-8 bytes`;
  if (!TABLE_NAME.test(table)) {
    return 'may contain only letters, marks, digits, connectors such as "_", dashes and spaces (no "$", ".", "/")';
  }
  return void 0;
}
function labelProblem(key, value) {
  if (!/^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u.test(key)) {
    return `label key "${key}" must start with a lowercase letter and hold at most 63 lowercase letters, digits, "_" or "-"`;
  }
  if (!/^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u.test(value)) {
    return `label value "${value}" may hold at most 63 lowercase letters, digits, "_" or "-"`;
  }
  return void 0;
}
var MAX_TABLE_NAME = 128;
function tableFileNameProblem(name) {
  if (name.length === 0) return 'the file name (without ".json") must not be empty';
  if (name.length > MAX_TABLE_NAME)
    return `the file name must be at most ${MAX_TABLE_NAME} characters before ".json"`;
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
    return `the file name "${name}.json" may use only letters, digits, "_", "-" and "." (it names the table in jobs and logs)`;
  }
  if (name.startsWith(".") || name.startsWith("-") || name.includes("..")) {
    return `the file name "${name}.json" must not start with "." or "-" nor contain ".."`;
  }
  return void 0;
}

// src/tables/s3-uri.ts
function parseS3Uri(source) {
  if (!source.startsWith("s3://")) {
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(source)?.[1];
    return {
      ok: false,
      problem: scheme ? `source must be an s3:// URI, not ${scheme}:// (the S3 transfer reads Amazon S3 only)` : 'source must be an s3:// URI such as "s3://my-bucket/warehouse/dataset/table"'
    };
  }
  const rest = source.slice("s3://".length).replace(/\/+$/, "");
  const [bucket = "", ...segments] = rest.split("/");
  if (bucket === "") return { ok: false, problem: 'source has no bucket: write "s3://bucket/prefix"' };
  const bucketProblem = bucketNameProblem(bucket);
  if (bucketProblem) return { ok: false, problem: `invalid S3 bucket name "${bucket}": it ${bucketProblem}` };
  if (segments.some((s) => s === "" || s === "." || s === "..")) {
    return { ok: false, problem: 'source must not contain empty, "." or ".." path segments' };
  }
  if (/[*?#\s]/.test(rest) || hasControlCharacter(rest)) {
    return {
      ok: false,
      problem: 'source must be a plain prefix: no wildcards ("*", "?"), "#", whitespace or control characters'
    };
  }
  const prefix = segments.join("/");
  return { ok: true, location: { bucket, prefix, uri: `s3://${rest}` }, segments };
}
function hasControlCharacter(text) {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 || code === 127) return true;
  }
  return false;
}

// src/tables/layout.ts
var LAYOUT_TOKENS = ["date", "YYYY", "MM", "DD", "HH", "H"];
var DEFAULT_LAYOUTS = {
  DAY: "dt={date}",
  HOUR: "dt={date}/hour={H}"
};
function layoutProblems(layout, granularity) {
  const problems = [];
  const { pieces, problems: syntax } = splitLayout(layout);
  problems.push(...syntax);
  const used = new Set(pieces.flatMap((p) => "token" in p ? [p.token] : []));
  const hasDate = used.has("date") || used.has("YYYY") && used.has("MM") && used.has("DD");
  if (!hasDate) {
    problems.push("the layout must name the date: use {date} or all of {YYYY}, {MM} and {DD}");
  }
  const hasHour = used.has("HH") || used.has("H");
  if (granularity === "HOUR" && !hasHour) {
    problems.push("an HOUR table needs the hour in its layout: add {HH} (zero-padded) or {H} (unpadded)");
  }
  if (granularity === "DAY" && hasHour) {
    problems.push('a DAY table has no hour: remove {HH}/{H} or set "granularity": "HOUR"');
  }
  if (layout.startsWith("/") || layout.endsWith("/")) {
    problems.push('the layout is relative to source: no leading or trailing "/"');
  }
  const segments = layout.split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..") && !layout.startsWith("/") && !layout.endsWith("/")) {
    problems.push('the layout must not contain empty, "." or ".." path segments');
  }
  if (/[*?]/.test(layout))
    problems.push('the layout must not contain wildcards ("*", "?"): it names one partition');
  if (/[#\s]/.test(layout) || hasControlCharacter(layout))
    problems.push(
      'the layout must be a plain path: no "#", whitespace or control characters (as in "source")'
    );
  return problems;
}
function splitLayout(layout) {
  const pieces = [];
  const problems = [];
  const pattern = /\{([^{}]*)\}/g;
  let last = 0;
  for (const match of layout.matchAll(pattern)) {
    const name = match[1] ?? "";
    if (match.index > last) pieces.push({ literal: layout.slice(last, match.index) });
    if (LAYOUT_TOKENS.includes(name)) pieces.push({ token: name });
    else
      problems.push(
        `unknown layout token "{${name}}"; known tokens: ${LAYOUT_TOKENS.map((t) => `{${t}}`).join(" ")}`
      );
    last = match.index + match[0].length;
  }
  if (last < layout.length) pieces.push({ literal: layout.slice(last) });
  for (const piece of pieces) {
    if ("literal" in piece && /[{}]/.test(piece.literal)) {
      problems.push('the layout has an unmatched "{" or "}"');
      break;
    }
  }
  return { pieces, problems };
}
function compileLayout(layout) {
  const { pieces } = splitLayout(layout);
  return (time) => {
    let out = "";
    for (const piece of pieces) out += "literal" in piece ? piece.literal : tokenValue(piece.token, time);
    return out;
  };
}
function tokenValue(token, time) {
  switch (token) {
    case "date":
      return `${pad(time.year, 4)}-${pad(time.month, 2)}-${pad(time.day, 2)}`;
    case "YYYY":
      return pad(time.year, 4);
    case "MM":
      return pad(time.month, 2);
    case "DD":
      return pad(time.day, 2);
    case "HH":
      return pad(time.hour ?? 0, 2);
    case "H":
      return String(time.hour ?? 0);
  }
}
function pad(value, width) {
  return String(value).padStart(width, "0");
}

// src/tables/resolve.ts
var CSV_DEFAULTS = {
  fieldDelimiter: ",",
  skipLeadingRows: 0,
  allowQuotedNewlines: false,
  allowJaggedRows: false
};
function resolveTableSpec(file, where, settings) {
  const parsed = parseS3Uri(file.source);
  if (!parsed.ok) throw new Error(`${where.file}: ${parsed.problem}`);
  const { location, segments } = parsed;
  const dataset = file.dataset ?? segments.at(-2);
  const table = file.table ?? segments.at(-1);
  if (dataset === void 0 || table === void 0) {
    throw new Error(`${where.file}: cannot derive dataset/table from source; set "dataset" and "table"`);
  }
  const granularity = file.partitioning.granularity;
  return {
    name: where.name,
    file: where.file,
    source: location,
    format: file.format,
    project: void 0,
    dataset,
    table,
    partitioning: {
      granularity,
      field: file.partitioning.field,
      layout: file.partitioning.layout ?? DEFAULT_LAYOUTS[granularity],
      requireFilter: file.partitioning.require_filter,
      expirationDays: file.partitioning.expiration_days
    },
    lookbackDays: file.lookback_days,
    timezone: file.timezone ?? settings.timezone,
    writeDisposition: file.write_disposition,
    appendRetentionDays: file.append_retention_days ?? DEFAULT_APPEND_RETENTION_DAYS,
    schema: file.schema,
    load: {
      maxBadRecords: file.max_bad_records ?? 0,
      ignoreUnknownValues: file.ignore_unknown_values ?? false,
      csv: {
        fieldDelimiter: file.csv?.field_delimiter ?? CSV_DEFAULTS.fieldDelimiter,
        skipLeadingRows: file.csv?.skip_leading_rows ?? CSV_DEFAULTS.skipLeadingRows,
        allowQuotedNewlines: file.csv?.allow_quoted_newlines ?? CSV_DEFAULTS.allowQuotedNewlines,
        allowJaggedRows: file.csv?.allow_jagged_rows ?? CSV_DEFAULTS.allowJaggedRows
      }
    },
    enabled: file.enabled,
    description: file.description,
    labels: file.labels ?? {},
    owners: file.owners ?? []
  };
}
function destinationKey(spec) {
  return [spec.project, spec.dataset, spec.table].filter((p) => p !== void 0).join(".");
}

export {
  datasetNameProblem,
  tableNameProblem,
  labelProblem,
  tableFileNameProblem,
  parseS3Uri,
  layoutProblems,
  compileLayout,
  resolveTableSpec,
  destinationKey
};
