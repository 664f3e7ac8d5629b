import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  PLAN_COMMENT_MARKER,
  STATUS_EMOJI,
  STATUS_ORDER,
  formatCount,
  formatDuration,
  mdCell,
  mdCode,
  mdLink,
  mdTable,
  plural,
  renderPlanMarkdown,
  resultTotals,
  sumRows,
  totalsBits,
  utf8Bytes
} from "./chunk-XASKQV6V.js";
import {
  maskCredentialPatterns
} from "./chunk-S3CM6QUE.js";
import "./chunk-TORVRQCF.js";

// src/report/gantt.ts
var MAX_GANTT_TASKS = 250;
var TAG = { loaded: "done", failed: "crit", skipped: "active" };
var KEYWORDS = /^(section|title|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|weekday|weekend|click|accTitle|accDescr|inclusiveEndDates|topAxis|gantt)\b/i;
function mermaidText(text) {
  const clean = text.replace(/[:;#]/g, " ").replace(/%%/g, "% %").replace(/[<>"'`{}[\]\\]/g, "").replace(/\s+/g, " ").trim();
  const safe = KEYWORDS.test(clean) ? `table ${clean}` : clean;
  return safe === "" ? "unnamed" : safe;
}
function utcStamp(ms) {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}
function renderGantt(results, options = {}) {
  const timed = results.map((r) => ({ r, start: Date.parse(r.started_at), end: Date.parse(r.finished_at) })).filter((t) => Number.isFinite(t.start) && Number.isFinite(t.end)).sort((a, b) => a.start - b.start || a.r.name.localeCompare(b.r.name));
  if (timed.length === 0) return void 0;
  const limit = options.maxTasks ?? MAX_GANTT_TASKS;
  const shown = timed.slice(0, limit);
  const first = Math.min(...shown.map((t) => t.start));
  const last = Math.max(...shown.map((t) => t.end));
  const span = last - first;
  const axis = span > 864e5 ? "%m-%d %H:%M" : span < 15 * 6e4 ? "%H:%M:%S" : "%H:%M";
  const lines = [
    "gantt",
    `  title ${mermaidText(options.title ?? "When each table loaded (UTC)")}`,
    "  dateFormat YYYY-MM-DD HH:mm:ss",
    `  axisFormat ${axis}`,
    "  section Tables"
  ];
  shown.forEach((t, i) => {
    const end = Math.max(t.end, t.start + 1e3);
    lines.push(
      `  ${mermaidText(t.r.name)} :${TAG[t.r.status]}, t${i + 1}, ${utcStamp(t.start)}, ${utcStamp(end)}`
    );
  });
  return { source: lines.join("\n"), charted: shown.length, omitted: results.length - shown.length };
}

// src/report/merge.ts
function mergeResults(files) {
  const byName = /* @__PURE__ */ new Map();
  for (const file of files) {
    for (const result of file.tables) {
      const seen = byName.get(result.name);
      if (!seen || isNewer(result, file, seen)) byName.set(result.name, { result, file });
    }
  }
  return [...byName.values()];
}
function isNewer(candidate, file, seen) {
  const attempt = (f) => Number(f.run?.attempt ?? 0) || 0;
  if (attempt(file) !== attempt(seen.file)) return attempt(file) > attempt(seen.file);
  const time = (r) => Date.parse(r.finished_at) || 0;
  return time(candidate) > time(seen.result);
}
function jobUrlFor(table, jobs, file) {
  for (const job of jobs ?? []) {
    if (job.name === table) return job.url;
    const words = job.name.split(/[\s,()]+/).filter(Boolean);
    if (words.includes(table)) return job.url;
  }
  return file?.run?.url;
}

// src/report/read-results.ts
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
async function readResultFiles(dir) {
  const out = { files: [], problems: [] };
  for (const path of (await listJson(dir)).sort()) {
    try {
      const parsed = JSON.parse(await readFile(path, "utf8"));
      const why = whyNotResultFile(parsed);
      if (why) out.problems.push(`${path}: ${why}`);
      else out.files.push(parsed);
    } catch (error) {
      out.problems.push(`${path}: ${error.message}`);
    }
  }
  return out;
}
async function listJson(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw error;
  }
  const found = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...await listJson(path));
    else if (entry.isFile() && entry.name.endsWith(".json")) found.push(path);
  }
  return found;
}
function whyNotResultFile(value) {
  if (typeof value !== "object" || value === null) return "not a JSON object";
  const file = value;
  if (file.schema_version !== 1) return `schema_version ${String(file.schema_version)} is not 1`;
  if (!Array.isArray(file.tables)) return 'no "tables" array';
  for (const [i, t] of file.tables.entries()) {
    const table = t;
    if (typeof table?.name !== "string") return `tables[${i}] has no name`;
    if (!["loaded", "skipped", "failed"].includes(table.status))
      return `tables[${i}] has no valid status`;
    if (!Array.isArray(table.partitions)) return `tables[${i}] has no partitions array`;
    if (typeof table.destination !== "string") return `tables[${i}] has no destination`;
  }
  return void 0;
}
function missingResults(expected, files) {
  const seen = new Set(files.flatMap((f) => f.tables.map((t) => t.name)));
  return expected.filter((name) => !seen.has(name)).map((name) => ({
    name,
    destination: "(unknown: no result)",
    status: "failed",
    partitions: [],
    started_at: "",
    finished_at: "",
    duration_ms: Number.NaN,
    message: "No result file: the load job ended before writing one (a setup step failed, it was cancelled or the runner was lost). Open the job log."
  }));
}

// src/report/console-links.ts
var CONSOLE = "https://console.cloud.google.com";
var CONFIG_NAME = /^projects\/([^/]+)\/locations\/([^/]+)\/transferConfigs\/([^/]+)$/;
function transferRunsUrl(configName, context) {
  if (!configName) return void 0;
  const match = CONFIG_NAME.exec(configName);
  if (!match) return void 0;
  const [, configProject, location, configId] = match;
  const project = context.projectId ?? configProject;
  return `${CONSOLE}/bigquery/transfers/locations/${encodeURIComponent(location)}/configs/${encodeURIComponent(
    configId
  )}/runs?project=${encodeURIComponent(project)}`;
}
function tableUrl(destination, context) {
  const parts = destination.split(".");
  const [project, dataset, table] = parts.length === 3 ? parts : parts.length === 2 ? [context.projectId, ...parts] : [void 0];
  if (!project || !dataset || !table) return void 0;
  const p = encodeURIComponent(project);
  return `${CONSOLE}/bigquery?project=${p}&ws=!1m5!1m4!4m3!1s${p}!2s${encodeURIComponent(
    dataset
  )}!3s${encodeURIComponent(table)}`;
}
function resultConsoleUrl(result, context) {
  const failedRun = result.partitions.find(
    (partition) => partition.status === "failed" && partition.run_name
  );
  const configName = failedRun?.run_name?.split("/runs/")[0];
  return result.console_url ?? transferRunsUrl(configName, context) ?? tableUrl(result.destination, context);
}

// src/report/table-summary.ts
var MAX_SUMMARY_PARTITIONS = 500;
function renderTableSummary(result, context = {}) {
  const lines = [];
  lines.push(`### ${STATUS_EMOJI[result.status]} ${mdCell(result.name)} — ${result.status}`);
  lines.push("");
  lines.push(headline(result, context));
  if (result.status === "failed" && result.message) {
    lines.push("");
    const step = result.failed_step ? ` at step ${mdCode(result.failed_step)}` : "";
    lines.push(`> [!CAUTION]
> Failed${step}: ${mdCell(result.message)}`);
  } else if (result.status === "skipped" && result.message) {
    lines.push("");
    lines.push(`> [!NOTE]
> Skipped: ${mdCell(result.message)}`);
  }
  if (result.partitions.length > 0) {
    lines.push("");
    lines.push(renderPartitionTable(result.partitions, MAX_SUMMARY_PARTITIONS));
  }
  if (result.warnings && result.warnings.length > 0) {
    lines.push("");
    lines.push("> [!WARNING]");
    for (const w of result.warnings) lines.push(`> - ${mdCell(w)}`);
  }
  return `${lines.join("\n")}
`;
}
function headline(result, context) {
  const tableLink = tableUrl(result.destination, context);
  const destination = mdLink(mdCode(result.destination), tableLink);
  const counts = partitionCounts(result.partitions);
  const rows = sumRows(result.partitions.map((p) => p.rows));
  const bits = [`**Destination** ${destination}`, plural(result.partitions.length, "partition")];
  if (counts) bits.push(counts);
  if (rows !== void 0) bits.push(`${formatCount(rows)} rows`);
  bits.push(formatDuration(result.duration_ms));
  const link = resultConsoleUrl(result, context);
  if (link && link !== tableLink) bits.push(mdLink("Google Cloud console", link));
  return bits.join(" · ");
}
function partitionCounts(partitions) {
  const counts = /* @__PURE__ */ new Map();
  for (const p of partitions) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  if (counts.size <= 1) return "";
  return ["loaded", "skipped", "failed"].filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`).join(", ");
}
function renderPartitionTable(partitions, limit) {
  const shown = partitions.slice(0, limit);
  const table = mdTable(
    ["Partition", "Status", "Rows", "Duration", "Message"],
    shown.map((p) => [
      mdCode(p.id),
      `${STATUS_EMOJI[p.status]} ${p.status}`,
      formatCount(p.rows),
      formatDuration(p.duration_ms),
      mdCell(p.message)
    ])
  );
  const rest = partitions.length - shown.length;
  return rest > 0 ? `${table}

_…and ${plural(rest, "more partition")} not shown._` : table;
}

// src/report/run-report.ts
var SUMMARY_LIMIT_BYTES = 1e6;
var PARTITIONS_PER_TABLE = 100;
function renderRunReport(files, context = {}) {
  const merged = mergeResults(files);
  const limit = context.limitBytes ?? SUMMARY_LIMIT_BYTES;
  const full = compose(files, merged, context, true);
  if (utf8Bytes(full) <= limit) return full;
  const note = "\n> [!NOTE]\n> This report was shortened to fit GitHub’s 1 MiB summary limit: partition details are in each job’s own summary and in the result artifacts.\n";
  const compact = compose(files, merged, context, false);
  if (utf8Bytes(compact + note) <= limit) return compact + note;
  return truncateLines(compact, limit, note);
}
function compose(files, merged, context, withPartitions) {
  const results = merged.map((m) => m.result);
  const out = [];
  out.push(`## ${mdCell(context.title ?? defaultTitle(files))}`, "");
  out.push(headline2(results, context.runUrl), "");
  if (context.incomplete) {
    out.push(
      `> [!CAUTION]`,
      `> Incomplete: ${mdCell(context.incomplete)} No alert issue was opened or closed.`,
      ""
    );
  }
  if (results.length === 0) {
    out.push("No table results were found: the load jobs did not run or did not upload their results.", "");
    return out.join("\n");
  }
  out.push(totalsTable(results), "");
  const link = (m) => {
    const url = jobUrlFor(m.result.name, context.jobs, m.file);
    return url ? mdLink("job", url) : "";
  };
  const of = (s) => merged.filter((m) => m.result.status === s).sort((a, b) => a.result.name.localeCompare(b.result.name));
  const [failed, loaded, skipped] = [of("failed"), of("loaded"), of("skipped")];
  out.push(...failedSection(failed, link), ...loadedSection(loaded, link), ...skippedSection(skipped, link));
  out.push(...warningsSection(merged));
  if (withPartitions) out.push(...partitionsSection([...failed, ...loaded, ...skipped]));
  out.push(...timelineSection(results));
  return out.join("\n");
}
function failedSection(failed, link) {
  if (failed.length === 0) return [];
  const rows = failed.map((m) => [
    `**${mdCell(m.result.name)}**`,
    mdCode(m.result.destination),
    m.result.failed_step ? mdCode(m.result.failed_step) : "",
    mdCell(m.result.message ?? firstPartitionMessage(m.result)),
    link(m)
  ]);
  return outcomeSection(
    "failed",
    rows.length,
    mdTable(["Table", "Destination", "Step", "Message", "Job"], rows)
  );
}
function loadedSection(loaded, link) {
  if (loaded.length === 0) return [];
  const rows = loaded.map((m) => [
    mdCell(m.result.name),
    mdCode(m.result.destination),
    partitionsCell(m.result),
    formatCount(sumRows(m.result.partitions.map((p) => p.rows))),
    formatDuration(m.result.duration_ms),
    link(m)
  ]);
  const header = ["Table", "Destination", "Partitions", "Rows", "Duration", "Job"];
  return outcomeSection("loaded", rows.length, mdTable(header, rows));
}
function skippedSection(skipped, link) {
  if (skipped.length === 0) return [];
  const rows = skipped.map((m) => [
    mdCell(m.result.name),
    mdCode(m.result.destination),
    formatCount(m.result.partitions.length),
    mdCell(m.result.message ?? firstPartitionMessage(m.result)),
    link(m)
  ]);
  return outcomeSection(
    "skipped",
    rows.length,
    mdTable(["Table", "Destination", "Partitions", "Why", "Job"], rows),
    "_No source files for these partitions: neither a success nor a failure._"
  );
}
function outcomeSection(status, count, table, note) {
  const heading = `### ${STATUS_EMOJI[status]} ${status[0].toUpperCase()}${status.slice(1)} (${count})`;
  return [heading, "", ...note ? [note, ""] : [], table, ""];
}
function warningsSection(merged) {
  const warned = merged.filter((m) => (m.result.warnings ?? []).length > 0);
  if (warned.length === 0) return [];
  const lines = warned.flatMap(
    (m) => (m.result.warnings ?? []).map((w) => `- **${mdCell(m.result.name)}**: ${mdCell(w)}`)
  );
  return ["### ⚠️ Warnings", "", ...lines, ""];
}
function partitionsSection(shown) {
  const withParts = shown.filter((m) => m.result.partitions.length > 0);
  if (withParts.length === 0) return [];
  return [
    "### Partitions",
    "",
    ...withParts.flatMap(({ result: r }) => [
      `<details><summary>${STATUS_EMOJI[r.status]} ${mdCell(r.name)} — ${plural(r.partitions.length, "partition")}</summary>`,
      "",
      renderPartitionTable(r.partitions, PARTITIONS_PER_TABLE),
      "",
      "</details>",
      ""
    ])
  ];
}
function timelineSection(results) {
  const gantt = renderGantt(results);
  if (!gantt) return [];
  const out = ["### Timeline", "", "```mermaid", gantt.source, "```", ""];
  if (gantt.omitted > 0) {
    out.push(`_${plural(gantt.omitted, "table")} not charted (no times, or past the chart’s limit)._`, "");
  }
  return out;
}
function headline2(results, runUrl) {
  const counts = STATUS_ORDER.map(
    (s) => `${STATUS_EMOJI[s]} ${results.filter((r) => r.status === s).length} ${s}`
  );
  const bits = [plural(results.length, "table"), ...totalsBits(results)];
  if (runUrl) bits.push(mdLink("workflow run", runUrl));
  return `**${counts.join(" · ")}** — ${bits.join(" · ")}`;
}
function totalsTable(results) {
  return mdTable(
    ["Outcome", "Tables", "Partitions", "Rows"],
    STATUS_ORDER.map((s) => {
      const of = results.filter((r) => r.status === s);
      const { partitions, rows } = resultTotals(of);
      return [`${STATUS_EMOJI[s]} ${s}`, formatCount(of.length), formatCount(partitions), formatCount(rows)];
    })
  );
}
function partitionsCell(r) {
  const counts = partitionCounts(r.partitions);
  return counts ? `${r.partitions.length} (${counts})` : formatCount(r.partitions.length);
}
function firstPartitionMessage(r) {
  return r.partitions.find((p) => p.status === r.status && p.message)?.message;
}
function defaultTitle(files) {
  const window = files.find((f) => f.window)?.window;
  if (!window) return "Load report";
  if (window.kind === "tick") return `Daily load ${window.at.slice(0, 10)}`;
  const names = [...new Set(files.flatMap((f) => f.tables.map((t) => t.name)))].sort();
  const tables = names.length <= 3 ? names.join(", ") : plural(names.length, "table");
  return `Backfill ${tables} ${window.from}..${window.to}`;
}
function truncateLines(text, limit, note) {
  const lines = text.split("\n");
  const kept = [];
  let size = utf8Bytes(note) + 16;
  let inFence = false;
  for (const line of lines) {
    const bytes = utf8Bytes(line) + 1;
    if (size + bytes > limit) break;
    kept.push(line);
    size += bytes;
    if (line.startsWith("```")) inFence = !inFence;
  }
  if (inFence) kept.push("```");
  return `${kept.join("\n")}
${note}`;
}

// src/report/text-report.ts
var ANSI = {
  loaded: ["\x1B[32m", "\x1B[39m"],
  failed: ["\x1B[31m", "\x1B[39m"],
  skipped: ["\x1B[33m", "\x1B[39m"],
  dim: ["\x1B[2m", "\x1B[22m"],
  bold: ["\x1B[1m", "\x1B[22m"]
};
var MARK = { loaded: "✔", failed: "✖", skipped: "–" };
function renderTextReport(results, options = {}) {
  const paint = (style, text) => options.color ? `${ANSI[style][0]}${text}${ANSI[style][1]}` : text;
  if (results.length === 0) return "No tables were planned: nothing to load.\n";
  const main = [
    ...results.filter((r) => r.status === "failed"),
    ...results.filter((r) => r.status === "loaded")
  ];
  const skipped = results.filter((r) => r.status === "skipped");
  const rowsOf = (r) => [
    `${MARK[r.status]} ${r.status}`,
    r.name,
    r.destination,
    partitionSummary(r),
    rowsText(r),
    formatDuration(r.duration_ms)
  ];
  const cells = [...main, ...skipped].map(rowsOf);
  const widths = cells[0].map((_, i) => Math.max(...cells.map((c) => [...c[i] ?? ""].length)));
  const rightAligned = /* @__PURE__ */ new Set([4, 5]);
  const line = (r, row) => {
    const padded = row.map((cell, i) => {
      const gap = " ".repeat((widths[i] ?? 0) - [...cell].length);
      return rightAligned.has(i) ? gap + cell : cell + gap;
    });
    const [status, ...rest] = padded;
    let text = `${paint(r.status, status ?? "")}  ${rest.join("  ")}`.trimEnd();
    if (r.message && r.status !== "loaded") text += `
${" ".repeat(4)}${paint("dim", oneLine(r.message))}`;
    for (const w of r.warnings ?? [])
      text += `
${" ".repeat(4)}${paint("skipped", `warning: ${oneLine(w)}`)}`;
    return text;
  };
  const out = [];
  main.forEach((r) => {
    out.push(line(r, rowsOf(r)));
  });
  if (skipped.length > 0) {
    if (out.length > 0) out.push("");
    out.push(paint("dim", "Skipped (no source files; neither success nor failure):"));
    skipped.forEach((r) => {
      out.push(line(r, rowsOf(r)));
    });
  }
  out.push("");
  out.push(paint("bold", totalsLine(results)));
  return `${out.join("\n")}
`;
}
function partitionSummary(r) {
  const counts = partitionCounts(r.partitions);
  const base = plural(r.partitions.length, "partition");
  return counts ? `${base} (${counts})` : base;
}
function rowsText(r) {
  const rows = sumRows(r.partitions.map((p) => p.rows));
  return rows === void 0 ? "" : `${formatCount(rows)} rows`;
}
function oneLine(text) {
  return maskCredentialPatterns(text).replace(/\s*\r?\n\s*/g, " ");
}
function totalsLine(results) {
  const by = (s) => results.filter((r) => r.status === s).length;
  return [
    `Totals: ${plural(results.length, "table")} — ${by("loaded")} loaded, ${by("skipped")} skipped, ${by("failed")} failed`,
    ...totalsBits(results)
  ].join(" · ");
}
export {
  PLAN_COMMENT_MARKER,
  defaultTitle,
  mergeResults,
  mermaidText,
  missingResults,
  readResultFiles,
  renderGantt,
  renderPlanMarkdown,
  renderRunReport,
  renderTableSummary,
  renderTextReport
};
