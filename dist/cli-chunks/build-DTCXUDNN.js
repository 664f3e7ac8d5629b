import {
  compileLayout,
  destinationKey
} from "./chunk-CPD63CW4.js";

// src/plan/calendar.ts
import { DateTime, IANAZone } from "luxon";
var MS_PER_DAY = 864e5;
function localDay(at, timezone) {
  const local = DateTime.fromJSDate(at, { zone: zoneNamed(timezone) });
  if (!local.isValid)
    throw new Error(`cannot compute the local date in time zone "${timezone}": ${local.invalidExplanation}`);
  return { year: local.year, month: local.month, day: local.day };
}
var zones = /* @__PURE__ */ new Map();
function zoneNamed(name) {
  let zone = zones.get(name);
  if (!zone) {
    zone = IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}
function toEpochDay(day) {
  return Date.UTC(day.year, day.month - 1, day.day) / MS_PER_DAY;
}
function fromEpochDay(epochDay) {
  const date = new Date(epochDay * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
function addDays(day, days) {
  return fromEpochDay(toEpochDay(day) + days);
}
function daysBetween(a, b) {
  return toEpochDay(b) - toEpochDay(a);
}
function compareDays(a, b) {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
function formatDay(day) {
  return `${String(day.year).padStart(4, "0")}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
}
function parseDay(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return void 0;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (day.year < 1) return void 0;
  const back = fromEpochDay(toEpochDay(day));
  return compareDays(back, day) === 0 ? day : void 0;
}

// src/plan/window.ts
var MAX_BACKFILL_DAYS = 3660;
var PlanError = class extends Error {
  name = "PlanError";
};
function tickDays(spec, at) {
  const today = localDay(at, spec.timezone);
  const count = Math.max(1, spec.lookbackDays);
  const days = [];
  for (let back = count; back >= 1; back--) days.push(addDays(today, -back));
  return days;
}
function backfillDays(from, to) {
  const start = parseDay(from);
  if (!start) throw new PlanError(`--from "${from}" is not a date: write YYYY-MM-DD, e.g. 2026-01-01`);
  const end = parseDay(to);
  if (!end) throw new PlanError(`--to "${to}" is not a date: write YYYY-MM-DD, e.g. 2026-01-31`);
  if (compareDays(start, end) > 0)
    throw new PlanError(`--from ${from} is after --to ${to}: the range is inclusive, from ≤ to`);
  const count = daysBetween(start, end) + 1;
  if (count > MAX_BACKFILL_DAYS) {
    throw new PlanError(
      `the range ${from}..${to} has ${count} days; a backfill may span at most ${MAX_BACKFILL_DAYS}: split it`
    );
  }
  return Array.from({ length: count }, (_, i) => addDays(start, i));
}

// src/plan/matrix.ts
var MAX_MATRIX_JOBS = 256;
var MAX_MATRIX_OUTPUT_BYTES = 1e6;
var TABLE_SEPARATOR = ",";
function buildMatrix(tableNames, window) {
  const groups = packTables(tableNames, MAX_MATRIX_JOBS);
  const include = groups.map((group) => {
    const table = group.join(TABLE_SEPARATOR);
    return window.kind === "tick" ? { table, at: window.at } : { table, from: window.from, to: window.to };
  });
  const matrix = { include };
  const bytes = Buffer.byteLength(JSON.stringify(matrix), "utf8");
  if (bytes > MAX_MATRIX_OUTPUT_BYTES) {
    throw new PlanError(
      `the matrix of ${tableNames.length} tables is ${bytes} bytes, over GitHub's job output limit of ${MAX_MATRIX_OUTPUT_BYTES}: split the tables over several workflows or shorten their file names`
    );
  }
  return matrix;
}
function packTables(names, maxGroups) {
  if (names.length <= maxGroups) return names.map((name) => [name]);
  const groups = [];
  const base = Math.floor(names.length / maxGroups);
  const bigger = names.length % maxGroups;
  let start = 0;
  for (let g = 0; g < maxGroups; g++) {
    const size = base + (g < bigger ? 1 : 0);
    groups.push(names.slice(start, start + size));
    start += size;
  }
  return groups;
}

// src/plan/partitions.ts
var HOURS_PER_DAY = 24;
function partitionsFor(spec, days) {
  const root = spec.source.prefix ? `s3://${spec.source.bucket}/${spec.source.prefix}/` : `s3://${spec.source.bucket}/`;
  const render = compileLayout(spec.partitioning.layout);
  const out = [];
  for (const day of days) {
    const date = formatDay(day);
    const dayId = date.replaceAll("-", "");
    if (spec.partitioning.granularity === "DAY") {
      out.push({ id: dayId, date, source: `${root}${render(day)}/` });
      continue;
    }
    for (let hour = 0; hour < HOURS_PER_DAY; hour++) {
      out.push({
        id: `${dayId}${String(hour).padStart(2, "0")}`,
        date,
        hour,
        source: `${root}${render({ ...day, hour })}/`
      });
    }
  }
  return out;
}

// src/plan/build.ts
var DISABLED_REASON = 'disabled ("enabled": false in its table file)';
function buildPlan(request) {
  const { settings, window } = request;
  const tables = selectTables(request.tables, request.only);
  let planWindow;
  let daysOf;
  if (window.kind === "tick") {
    if (Number.isNaN(window.at.getTime())) throw new PlanError("the tick instant is not a valid date");
    planWindow = { kind: "tick", at: window.at.toISOString() };
    daysOf = (spec) => tickDays(spec, window.at);
  } else {
    const days = backfillDays(window.from, window.to);
    planWindow = { kind: "backfill", from: window.from, to: window.to };
    daysOf = () => days;
  }
  const planned = tables.map((spec) => {
    const project = spec.project ?? settings.project;
    const plan2 = {
      name: spec.name,
      destination: destinationKey({ project, dataset: spec.dataset, table: spec.table }),
      enabled: spec.enabled,
      partitions: spec.enabled ? partitionsFor(spec, daysOf(spec)) : []
    };
    if (!spec.enabled) plan2.skip_reason = DISABLED_REASON;
    return { spec, plan: plan2 };
  });
  const loading = planned.filter((p) => p.plan.enabled).map((p) => p.spec.name);
  const plan = {
    window: planWindow,
    tables: planned.map((p) => p.plan),
    matrix: buildMatrix(loading, planWindow),
    max_parallel: settings.maxParallel
  };
  return { plan, planned };
}
function selectTables(tables, only) {
  const sorted = [...tables].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  if (only === void 0) return sorted;
  const known = new Set(sorted.map((t) => t.name));
  const unknown = only.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    const list = sorted.map((t) => t.name).join(", ") || "(none)";
    throw new PlanError(
      `unknown table${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => `"${n}"`).join(", ")}; known tables: ${list}`
    );
  }
  const wanted = new Set(only);
  return sorted.filter((t) => wanted.has(t.name));
}
export {
  DISABLED_REASON,
  PlanError,
  buildPlan
};
