import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  maskCredentialPatterns
} from "./chunk-S3CM6QUE.js";

// src/report/format.ts
var STATUS_ORDER = ["failed", "loaded", "skipped"];
var STATUS_EMOJI = {
  loaded: "✅",
  skipped: "⏭️",
  failed: "❌"
};
function formatDuration(ms) {
  if (ms === void 0 || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1e3) return `${Math.round(ms)}ms`;
  if (ms < 1e4) return `${(ms / 1e3).toFixed(1)}s`;
  const totalSeconds = Math.round(ms / 1e3);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor(totalSeconds % 3600 / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m ${seconds}s`;
  return `${seconds}s`;
}
function formatCount(n) {
  if (n === void 0 || !Number.isFinite(n)) return "—";
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function plural(n, word, many = `${word}s`) {
  return `${formatCount(n)} ${n === 1 ? word : many}`;
}
function sumRows(rows) {
  let total;
  for (const r of rows) if (r !== void 0 && Number.isFinite(r)) total = (total ?? 0) + r;
  return total;
}
function resultTotals(results) {
  return {
    partitions: results.reduce((n, r) => n + r.partitions.length, 0),
    rows: sumRows(results.flatMap((r) => r.partitions.map((p) => p.rows)))
  };
}
function totalsBits(results) {
  const { partitions, rows } = resultTotals(results);
  const bits = [plural(partitions, "partition")];
  if (rows !== void 0) bits.push(`${formatCount(rows)} rows`);
  return bits;
}
function mdCell(text) {
  if (text === void 0 || text === "") return "";
  return maskCredentialPatterns(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
function mdCode(text) {
  const clean = text.replace(/\r?\n/g, " ");
  const fence = clean.includes("`") ? "``" : "`";
  const pad = clean.startsWith("`") || clean.endsWith("`") ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}
function mdLink(label, url) {
  if (!url) return label;
  return `[${label.replace(/([[\]])/g, "\\$1")}](${url.replace(/\)/g, "%29").replace(/ /g, "%20")})`;
}
function mdTable(header, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
function utf8Bytes(text) {
  return Buffer.byteLength(text, "utf8");
}

// src/report/plan-markdown.ts
var PLAN_COMMENT_MARKER = "<!-- s3bq-plan -->";
var PLAN_COMMENT_LIMIT_BYTES = 6e4;
var PLAN_SUMMARY_LIMIT_BYTES = 1e6;
var MAX_ROWS_PER_TABLE = 10;
var MAX_FLAGGED_ROWS = 40;
function renderPlanMarkdown(plan, sourceCheck, options = {}) {
  const specs = toMap(options.specs);
  const changedNames = options.changed ? changedTableNames(options.changed) : void 0;
  const shown = changedNames ? plan.tables.filter((t) => changedNames.has(t.name)) : plan.tables;
  const limit = options.limitBytes ?? (changedNames ? PLAN_COMMENT_LIMIT_BYTES : PLAN_SUMMARY_LIMIT_BYTES);
  const head = [PLAN_COMMENT_MARKER, "## s3bq plan", "", totalsLine(plan), ""];
  if (!sourceCheck) head.push("_S3 was not checked (no AWS credentials configured for this check)._", "");
  if (changedNames) head.push(...changedLines(plan, shown, changedNames), "");
  if (plan.tables.length === 0) return [...head, "No table files found.", ""].join("\n");
  const rows = shown.map((t) => overviewRow(t, specs.get(t.name), sourceCheck));
  const details = shown.map((t) => t.partitions.length > 0 ? detailsBlock(t, sourceCheck) : void 0);
  return fitToLimit({ head, rows, details, sourceCheck, limit, plan, shown, options });
}
function totalsLine(plan) {
  const window = plan.window.kind === "tick" ? `a tick at ${mdCode(plan.window.at)}` : `a backfill ${mdCode(`${plan.window.from}..${plan.window.to}`)}`;
  const loading = plan.tables.filter((t) => t.partitions.length > 0).length;
  const partitions = plan.tables.reduce((n, t) => n + t.partitions.length, 0);
  return `What ${window} would load: ${plural(plan.tables.length, "table")}, ${loading} with partitions to load (${plural(partitions, "partition")}), at most ${plan.max_parallel} at once, in ${plural(plan.matrix.include.length, "job")}.`;
}
function changedLines(plan, shown, changed) {
  const planned = new Set(plan.tables.map((t) => t.name));
  const gone = [...changed].filter((name) => !planned.has(name)).sort();
  const lines = [
    shown.length === 0 ? "This pull request changes no table that the plan loads." : `This pull request changes ${plural(shown.length, "planned table")}, shown below.`
  ];
  if (gone.length > 0) {
    const names = gone.slice(0, 50).map(mdCode).join(", ");
    const more = gone.length > 50 ? ` and ${gone.length - 50} more` : "";
    lines.push("", `Removed or renamed (no longer planned): ${names}${more}.`);
  }
  return lines;
}
function changedTableNames(changed) {
  const names = /* @__PURE__ */ new Set();
  for (const entry of changed) {
    const base = entry.trim().split("/").pop() ?? "";
    if (base.endsWith(".json") && base !== "schema.json") names.add(base.slice(0, -".json".length));
  }
  return names;
}
function overviewRow(t, spec, sourceCheck) {
  return [
    `**${mdCell(t.name)}**`,
    mdCode(t.destination),
    partitioning(t, spec),
    t.enabled ? t.skip_reason ? `none: ${mdCell(t.skip_reason)}` : formatCountOf(t.partitions) : "disabled",
    ...sourceCheck ? [sourceSummary(t.partitions, sourceCheck)] : []
  ];
}
function detailsBlock(t, sourceCheck) {
  const out = [
    `<details><summary>${mdCell(t.name)}: ${plural(t.partitions.length, "partition")}</summary>`,
    ""
  ];
  const shown = partitionsToShow(t.partitions, sourceCheck);
  out.push(
    mdTable(
      ["Partition", "Source", ...sourceCheck ? ["S3"] : []],
      shown.map((p) => [
        mdCode(p.id),
        mdCode(p.source),
        ...sourceCheck ? [sourceCell(sourceCheck.get(p.source))] : []
      ])
    )
  );
  const rest = t.partitions.length - shown.length;
  if (rest > 0) {
    const last = t.partitions[t.partitions.length - 1];
    const others = shown.length > MAX_ROWS_PER_TABLE ? "other " : "more ";
    out.push("", `_…and ${plural(rest, `${others}partition`)}, up to ${mdCode(last.id)}._`);
  }
  out.push("", "</details>", "");
  return out.join("\n");
}
function fitToLimit(parts) {
  const header = ["Table", "Destination", "Partitioning", "Partitions", ...parts.sourceCheck ? ["S3"] : []];
  const tableOf = (rows2) => rows2.length > 0 ? [mdTable(header, rows2), ""] : [];
  const assemble = (rows2, details2, omitted2) => [...parts.head, ...tableOf(rows2), ...details2, ...footer(parts, omitted2)].join("\n");
  const full = assemble(parts.rows, parts.details.filter(isText), 0);
  if (utf8Bytes(full) <= parts.limit) return full;
  const reserve = utf8Bytes(footer(parts, parts.shown.length).join("\n")) + 64;
  let budget = parts.limit - reserve - utf8Bytes(parts.head.join("\n")) - utf8Bytes(tableOf([]).join("\n"));
  budget -= utf8Bytes(mdTable(header, []));
  const rows = [];
  for (const row of parts.rows) {
    const size = utf8Bytes(mdTable(header, [row])) - utf8Bytes(mdTable(header, [])) + 1;
    if (size > budget) break;
    rows.push(row);
    budget -= size;
  }
  const wanted = parts.details.slice(0, rows.length).filter(isText);
  const details = [];
  for (const block of wanted) {
    const size = utf8Bytes(block) + 1;
    if (size > budget) break;
    details.push(block);
    budget -= size;
  }
  const omitted = parts.rows.length - rows.length;
  const note = details.length < wanted.length ? detailsNote() : [];
  return [...parts.head, ...tableOf(rows), ...details, ...note, ...footer(parts, omitted)].join("\n");
}
function isText(block) {
  return block !== void 0;
}
function detailsNote() {
  return ["_Partition details of the other tables do not fit here._", ""];
}
function footer(parts, omitted) {
  const lines = [];
  if (omitted > 0)
    lines.push(`_…and ${plural(omitted, "more table")} not shown: too many for GitHub's size limit._`, "");
  const everyTable = parts.shown.length === parts.plan.tables.length && omitted === 0;
  if (!everyTable) {
    const where = parts.options.detailsUrl ? `in ${mdLink("this check's summary", parts.options.detailsUrl)}` : "printed by `npx s3bq plan`";
    lines.push(`The full plan of all ${plural(parts.plan.tables.length, "table")} is ${where}.`, "");
  }
  return lines;
}
function partitionsToShow(partitions, checks) {
  const needsEye = (p) => {
    const c = checks?.get(p.source);
    return c !== void 0 && ("error" in c || c.objects === 0);
  };
  return partitions.filter((p, i) => i < MAX_ROWS_PER_TABLE || needsEye(p)).slice(0, MAX_ROWS_PER_TABLE + MAX_FLAGGED_ROWS);
}
function toMap(specs) {
  if (!specs) return /* @__PURE__ */ new Map();
  if (specs instanceof Map) return specs;
  return new Map(specs.map((s) => [s.name, s]));
}
function formatCountOf(partitions) {
  if (partitions.length === 0) return "0";
  const first = partitions[0].id;
  const last = partitions[partitions.length - 1].id;
  return partitions.length === 1 ? mdCode(first) : `${partitions.length}: ${mdCode(first)} … ${mdCode(last)}`;
}
function partitioning(t, spec) {
  if (spec) {
    const p = spec.partitioning;
    const column = p.field ? `by ${mdCode(p.field)}` : "by ingestion time";
    const extras = [
      p.requireFilter ? "filter required" : "",
      p.expirationDays ? `expires after ${p.expirationDays} d` : "",
      spec.timezone !== "UTC" ? `dates in ${spec.timezone}` : ""
    ].filter(Boolean);
    return [`${p.granularity} ${column}`, ...extras].join(", ");
  }
  const id = t.partitions[0]?.id;
  if (!id) return "—";
  return id.length === 10 ? "HOUR" : "DAY";
}
function sourceCell(check) {
  if (!check) return "—";
  if ("error" in check) return `❌ ${mdCell(check.error)}`;
  return check.objects > 0 ? `✅ ${plural(check.objects, "file")}` : "⏭️ no files (would be skipped)";
}
function sourceSummary(partitions, checks) {
  if (partitions.length === 0) return "—";
  let withFiles = 0;
  let empty = 0;
  const errors = [];
  for (const p of partitions) {
    const c = checks.get(p.source);
    if (!c) continue;
    if ("error" in c) errors.push(c.error);
    else if (c.objects > 0) withFiles++;
    else empty++;
  }
  if (errors.length > 0) return `❌ ${mdCell(errors[0])}`;
  if (withFiles + empty === 0) return "—";
  if (empty === 0) return `✅ all ${withFiles} have files`;
  if (withFiles === 0) return `⏭️ no files yet (would be skipped)`;
  return `⚠️ ${withFiles} with files, ${empty} without`;
}

export {
  STATUS_ORDER,
  STATUS_EMOJI,
  formatDuration,
  formatCount,
  plural,
  sumRows,
  resultTotals,
  totalsBits,
  mdCell,
  mdCode,
  mdLink,
  mdTable,
  utf8Bytes,
  PLAN_COMMENT_MARKER,
  renderPlanMarkdown,
  changedTableNames
};
