import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  decodeJsonFile,
  isValidTimeZone,
  locate,
  parseJsonDocument,
  zodIssueMessages
} from "./chunk-OUMTBUWZ.js";
import {
  compareDiagnostics
} from "./chunk-SZY5Y5CX.js";
import {
  datasetNameProblem,
  destinationKey,
  labelProblem,
  layoutProblems,
  parseS3Uri,
  resolveTableSpec,
  tableFileNameProblem,
  tableNameProblem
} from "./chunk-H6WYGB6N.js";
import {
  GRANULARITIES,
  tableFileSchema
} from "./chunk-VQA6TWGF.js";

// src/tables/load.ts
import { readFile, readlink, stat } from "node:fs/promises";
import { basename, join as join2 } from "node:path";

// src/tables/checks.ts
var PARTITION_FIELD_TYPES = ["DATE", "TIMESTAMP", "DATETIME"];
var NEEDS_SCHEMA = ["CSV", "JSON"];
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var str = (v) => typeof v === "string" ? v : void 0;
function checkTableFile(raw) {
  const findings = [];
  findings.push(...checkDestination(raw));
  const timezone = str(raw.timezone);
  if (timezone !== void 0 && !isValidTimeZone(timezone)) {
    findings.push({
      path: ["timezone"],
      message: `unknown time zone "${timezone}": use an IANA zone name such as "UTC", "Asia/Seoul" or "America/New_York"`
    });
  }
  const partitioning = isObject(raw.partitioning) ? raw.partitioning : {};
  const granularityRaw = partitioning.granularity ?? "DAY";
  const granularity = GRANULARITIES.includes(granularityRaw) ? granularityRaw : void 0;
  const layout = str(partitioning.layout);
  if (layout !== void 0 && layout !== "" && granularity) {
    for (const problem of layoutProblems(layout, granularity)) {
      findings.push({ path: ["partitioning", "layout"], message: problem });
    }
  }
  const format = str(raw.format) ?? "PARQUET";
  const schema = Array.isArray(raw.schema) ? raw.schema : void 0;
  if (NEEDS_SCHEMA.includes(format) && raw.schema === void 0) {
    findings.push({
      path: raw.format === void 0 ? [] : ["format"],
      message: `a ${format} table needs a "schema": BigQuery cannot infer columns from ${format} files in a transfer`
    });
  }
  if (raw.csv !== void 0 && format !== "CSV") {
    findings.push({
      path: ["csv"],
      at: "key",
      message: `"csv" options apply only to "format": "CSV" (this table is ${format})`
    });
  }
  if (schema) findings.push(...checkSchemaFields(schema, ["schema"]));
  const field = str(partitioning.field);
  if (field !== void 0 && schema) {
    const column = schema.find((f) => isObject(f) && f.name === field);
    if (!isObject(column)) {
      const names = schema.flatMap((f) => isObject(f) && typeof f.name === "string" ? [f.name] : []);
      findings.push({
        path: ["partitioning", "field"],
        message: `partition field "${field}" is not a top-level column of "schema" (columns: ${names.join(", ") || "none"})`
      });
    } else if (typeof column.type === "string" && !PARTITION_FIELD_TYPES.includes(column.type)) {
      findings.push({
        path: ["partitioning", "field"],
        message: `partition field "${field}" has type ${column.type}; BigQuery partitions by a DATE, TIMESTAMP or DATETIME column`
      });
    } else if (column.mode === "REPEATED") {
      findings.push({
        path: ["partitioning", "field"],
        message: `partition field "${field}" must not be REPEATED`
      });
    }
  }
  if (isObject(raw.labels)) {
    for (const [key, value] of Object.entries(raw.labels)) {
      if (typeof value !== "string") continue;
      const problem = labelProblem(key, value);
      if (problem) findings.push({ path: ["labels", key], message: problem });
    }
  }
  return findings;
}
var DESTINATION_PARTS = [
  {
    key: "dataset",
    problemOf: datasetNameProblem,
    fromEnd: 2,
    missing: 'source has fewer than two path segments to name the destination: set "dataset" (and "table")',
    defaulted: (derived, problem) => `the dataset defaults to "${derived}" (second-to-last segment of source), which ${problem}: set "dataset", e.g. "${derived.replace(/[^A-Za-z0-9_]/g, "_")}"`
  },
  {
    key: "table",
    problemOf: tableNameProblem,
    fromEnd: 1,
    missing: 'source has no path segment to name the table: set "table"',
    defaulted: (derived, problem) => `the table defaults to "${derived}" (last segment of source), which ${problem}: set "table"`
  }
];
function checkDestination(raw) {
  const findings = [];
  const source = str(raw.source);
  let segments;
  if (source !== void 0) {
    const parsed = parseS3Uri(source);
    if (parsed.ok) segments = parsed.segments;
    else findings.push({ path: ["source"], message: parsed.problem });
  }
  for (const part of DESTINATION_PARTS) {
    const given = raw[part.key];
    if (typeof given === "string") {
      const problem2 = part.problemOf(given);
      if (problem2) {
        findings.push({
          path: [part.key],
          message: `invalid BigQuery ${part.key} name "${given}": it ${problem2}`
        });
      }
      continue;
    }
    if (given !== void 0 || !segments) continue;
    const derived = segments.at(-part.fromEnd);
    const problem = derived === void 0 ? void 0 : part.problemOf(derived);
    if (derived === void 0) findings.push({ path: ["source"], message: part.missing });
    else if (problem) findings.push({ path: ["source"], message: part.defaulted(derived, problem) });
  }
  return findings;
}
function checkSchemaFields(fields, path) {
  const findings = [];
  const seen = /* @__PURE__ */ new Map();
  fields.forEach((field, index) => {
    if (!isObject(field)) return;
    const name = str(field.name);
    if (name !== void 0) {
      const lowered = name.toLowerCase();
      const first = seen.get(lowered);
      if (first !== void 0) {
        findings.push({
          path: [...path, index, "name"],
          message: `duplicate column "${name}" (BigQuery column names are case-insensitive; first at index ${first})`
        });
      } else seen.set(lowered, index);
    }
    const isRecord = field.type === "RECORD" || field.type === "STRUCT";
    if (isRecord && field.fields === void 0) {
      findings.push({
        path: [...path, index],
        message: `column "${name ?? index}" of type ${field.type} needs "fields"`
      });
    }
    if (!isRecord && field.fields !== void 0 && typeof field.type === "string") {
      findings.push({
        path: [...path, index, "fields"],
        at: "key",
        message: `only RECORD/STRUCT columns have "fields" ("${name ?? index}" is ${field.type})`
      });
    }
    if (Array.isArray(field.fields))
      findings.push(...checkSchemaFields(field.fields, [...path, index, "fields"]));
  });
  return findings;
}

// src/tables/folder.ts
import { readdir } from "node:fs/promises";
import { join } from "node:path";
var SCHEMA_FILE_NAME = "schema.json";
var TablesFolderError = class extends Error {
  name = "TablesFolderError";
};
var QUIET_NAME = /^(readme|license|licence|changelog|codeowners)(\..*)?$|\.(md|markdown|txt|rst|adoc)$/i;
var NAMED_IN_WARNING = 3;
async function scanTablesFolder(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT")
      throw new TablesFolderError(
        `no tables folder at "${dir}": create it or point --tables at the folder of table files`
      );
    if (code === "ENOTDIR")
      throw new TablesFolderError(
        `"${dir}" is not a folder: --tables takes the folder that holds the table files`
      );
    throw error;
  }
  const files = [];
  const warnings = [];
  const warn = (name, message) => {
    warnings.push({ file: join(dir, name), line: 1, column: 1, message, severity: "warning" });
  };
  for (const entry of entries) {
    const name = entry.name;
    if (name === SCHEMA_FILE_NAME || name.startsWith(".")) continue;
    if (entry.isDirectory()) {
      const message = await subfolderWarning(join(dir, name), name);
      if (message) warn(name, message);
    } else if (name.endsWith(".json")) {
      files.push(name);
    } else if (!QUIET_NAME.test(name)) {
      warn(name, ignoredFileMessage(name));
    }
  }
  return { files: files.sort(), warnings };
}
function ignoredFileMessage(name) {
  const lower = name.toLowerCase();
  const dot = name.lastIndexOf(".");
  const base = dot > 0 ? name.slice(0, dot) : name;
  if (lower.endsWith(".json"))
    return `not read: table files end in lowercase ".json"; rename it to "${base}.json"`;
  if (/\.(jsonc|json5)$/.test(lower))
    return `not read: table files are strict JSON ending in ".json"; rename it to "${base}.json" (no comments or trailing commas)`;
  if (/\.(ya?ml)$/.test(lower)) return `not read: table files are JSON; write it as "${base}.json"`;
  return `not read: only files ending in ".json" are table files; if this is one, rename it to "${name}.json"`;
}
async function subfolderWarning(path, name) {
  let inside;
  try {
    inside = (await readdir(path)).filter((n) => n.toLowerCase().endsWith(".json") && !n.startsWith("."));
  } catch {
    return void 0;
  }
  if (inside.length === 0) return void 0;
  inside.sort();
  const named = inside.slice(0, NAMED_IN_WARNING).map((n) => `${name}/${n}`);
  const more = inside.length > NAMED_IN_WARNING ? ` and ${inside.length - NAMED_IN_WARNING} more` : "";
  const example = `${name}.${inside[0]}`;
  return `folder not read: table files live directly in the tables folder, so ${named.join(", ")}${more} will not load; move each up, e.g. as "${example}"`;
}

// src/tables/load.ts
var MAX_TABLE_FILE_BYTES = 1024 * 1024;
function analyzeTableText(text, file, settings) {
  const { spec, diagnostics } = analyze(text, file, settings);
  return { spec, diagnostics };
}
function analyze(text, file, settings) {
  const at = (position, message) => ({
    file,
    ...position,
    message
  });
  const diagnostics = [];
  const name = basename(file).replace(/\.json$/, "");
  const nameProblem = tableFileNameProblem(name);
  if (nameProblem) diagnostics.push(at({ line: 1, column: 1 }, nameProblem));
  const doc = parseJsonDocument(text.replace(/^\uFEFF/, ""));
  for (const error of doc.errors) diagnostics.push(at(error, error.message));
  if (doc.value === void 0) return done(diagnostics);
  if (typeof doc.value !== "object" || doc.value === null || Array.isArray(doc.value)) {
    diagnostics.push(
      at(
        { line: 1, column: 1 },
        'a table file is one JSON object, e.g. { "source": "s3://bucket/dataset/table" }'
      )
    );
    return done(diagnostics, doc);
  }
  const parsed = tableFileSchema.safeParse(doc.value);
  const flagged = /* @__PURE__ */ new Set();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) flagged.add(issue.path.map(String).join("\0"));
    for (const m of zodIssueMessages(doc, parsed.error.issues)) diagnostics.push(at(m, m.message));
  }
  for (const finding of checkTableFile(doc.value)) {
    if (flagged.has(finding.path.map(String).join("\0"))) continue;
    diagnostics.push(at(locate(doc, finding.path, finding.at), finding.message));
  }
  if (diagnostics.length > 0 || !parsed.success) return done(diagnostics, doc);
  return { spec: resolveTableSpec(parsed.data, { name, file }, settings), diagnostics: [], doc };
}
function done(diagnostics, doc) {
  return { diagnostics: diagnostics.sort(compareDiagnostics), doc };
}
async function loadTableFile(file, settings) {
  const { spec, diagnostics } = await readAndAnalyze(file, settings);
  return { spec, diagnostics };
}
async function readAndAnalyze(file, settings) {
  const fileProblem = (message, position = { line: 1, column: 1 }) => ({
    diagnostics: [{ file, ...position, message }]
  });
  let bytes;
  try {
    const info = await stat(file);
    if (!info.isFile()) return fileProblem("not a regular file: a table file is a JSON file");
    if (info.size > MAX_TABLE_FILE_BYTES) {
      return fileProblem(
        `the file is ${info.size} bytes; a table file may be at most ${MAX_TABLE_FILE_BYTES} bytes (is this a data file in the tables folder?)`
      );
    }
    bytes = await readFile(file);
  } catch (error) {
    return fileProblem(await unreadableMessage(file, error));
  }
  const decoded = decodeJsonFile(bytes);
  if (!decoded.ok) return fileProblem(decoded.message, decoded);
  return analyze(decoded.text, file, settings);
}
async function unreadableMessage(file, error) {
  const target = await readlink(file).catch(() => void 0);
  switch (error.code) {
    case "ENOENT":
      return target === void 0 ? "the file disappeared while it was being read: run again" : `a symbolic link to "${target}", which does not exist: fix the link or remove it`;
    case "ELOOP":
      return `a symbolic link that leads back to itself (via "${target ?? "?"}"): fix the link or remove it`;
    case "EACCES":
    case "EPERM":
      return "cannot read the file (permission denied): let the user running s3bq read it, or remove it";
    default:
      return `cannot read the file (${error.code ?? "error"}: ${error.message})`;
  }
}
async function loadTableDir(dir, settings) {
  const { files, warnings } = await scanTablesFolder(dir);
  const analyses = await Promise.all(files.map((name) => readAndAnalyze(join2(dir, name), settings)));
  const diagnostics = analyses.flatMap((a) => a.diagnostics);
  diagnostics.push(...destinationClashes(analyses));
  const clashing = new Set(diagnostics.map((d) => d.file));
  const tables = analyses.flatMap((a) => a.spec && !clashing.has(a.spec.file) ? [a.spec] : []);
  return {
    tables,
    diagnostics: diagnostics.sort(compareDiagnostics),
    warnings: warnings.sort(compareDiagnostics)
  };
}
function destinationClashes(analyses) {
  const byDestination = /* @__PURE__ */ new Map();
  for (const analysis of analyses) {
    if (!analysis.spec) continue;
    const key = destinationKey(analysis.spec);
    byDestination.set(key, [...byDestination.get(key) ?? [], analysis]);
  }
  const out = [];
  for (const [destination, group] of byDestination) {
    if (group.length < 2) continue;
    for (const analysis of group) {
      const spec = analysis.spec;
      const others = group.filter((g) => g !== analysis).map((g) => g.spec.file);
      const doc = analysis.doc;
      const raw = doc.value;
      const path = raw.table !== void 0 ? ["table"] : raw.dataset !== void 0 ? ["dataset"] : ["source"];
      out.push({
        file: spec.file,
        ...locate(doc, path),
        message: `destination ${destination} is also written by ${others.join(", ")}: each BigQuery table needs exactly one table file`
      });
    }
  }
  return out;
}

export {
  MAX_TABLE_FILE_BYTES,
  analyzeTableText,
  loadTableFile,
  loadTableDir
};
