import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);

// src/pipeline/inputs.ts
var InputError = class extends Error {
  name = "InputError";
};
var ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
var ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
function parseInstant(text) {
  const match = ISO_INSTANT.exec(text.trim());
  if (!match) return void 0;
  const [, y, mo, d, h = "00", mi = "00", s = "00", fraction = "", zone = "Z"] = match;
  const offset = zone.toUpperCase() === "Z" ? "Z" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = /* @__PURE__ */ new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction.slice(0, 4)}${offset}`);
  if (Number.isNaN(date.getTime())) return void 0;
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return void 0;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return void 0;
  return date;
}
function parseWindow(texts, name) {
  const at = texts.at?.trim() || void 0;
  const from = texts.from?.trim() || void 0;
  const to = texts.to?.trim() || void 0;
  if (at !== void 0 && (from !== void 0 || to !== void 0)) {
    throw new InputError(
      `${name("at")} is for a tick, ${name("from")}/${name("to")} for a backfill: give one or the other`
    );
  }
  if (at !== void 0) {
    const instant = parseInstant(at);
    if (!instant)
      throw new InputError(`${name("at")} "${at}" is not an ISO 8601 instant such as 2026-11-21T00:30:00Z`);
    return { kind: "tick", at: instant };
  }
  if (from === void 0 && to === void 0) return { kind: "now" };
  if (from === void 0 || to === void 0) {
    throw new InputError(`a backfill needs both ${name("from")} and ${name("to")} (YYYY-MM-DD, inclusive)`);
  }
  for (const [input, day] of [
    ["from", from],
    ["to", to]
  ]) {
    if (!ISO_DAY.test(day)) throw new InputError(`${name(input)} "${day}" is not a date: write YYYY-MM-DD`);
  }
  if (from > to) throw new InputError(`${name("from")} ${from} is after ${name("to")} ${to}: swap them`);
  return { kind: "backfill", from, to };
}
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
var MAX_DURATION_MS = 2 ** 31 - 1;
function parseDuration(text, name, maxMs = MAX_DURATION_MS) {
  const trimmed = text.trim();
  let ms;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1e3;
  else {
    const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
    if (parts.length === 0 || parts.map((part) => part[0]).join("") !== trimmed) {
      throw new InputError(`${name} "${text}" is not a duration: write e.g. 90s, 45m, 2h or 1h30m`);
    }
    ms = Math.round(parts.reduce((sum, part) => sum + Number(part[1]) * (UNIT_MS[part[2]] ?? 0), 0));
  }
  if (!(ms > 0)) throw new InputError(`${name} "${text}" must be longer than zero`);
  if (ms > maxMs) throw new InputError(`${name} "${text}" is longer than the ${describeMax(maxMs)} allowed`);
  return ms;
}
function describeMax(ms) {
  if (ms % 36e5 === 0) return `${ms / 36e5}h`;
  return `${Math.floor(ms / 864e5)} days`;
}
function parseTableNames(text, name) {
  const names = [
    ...new Set(
      text.split(",").map((part) => part.trim()).filter(Boolean)
    )
  ];
  if (names.length === 0) throw new InputError(`${name} needs at least one table name, e.g. gold.orders`);
  const bad = names.find((table) => /[/\\]|^\.\.?$/.test(table));
  if (bad !== void 0) {
    throw new InputError(
      `${name} holds "${bad}", which is not a table name: give the file name without .json`
    );
  }
  return names;
}
function parseWholeNumber(text, name, min, max) {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`${name} must be a whole number from ${min} to ${max} (got "${text}")`);
  }
  return value;
}
function parseTransport(text, name) {
  const word = (text ?? "").trim().toLowerCase();
  if (word === "") return "grpc";
  if (word === "grpc" || word === "rest") return word;
  throw new InputError(`${name} must be grpc or rest (rest when a proxy blocks gRPC), got "${text}"`);
}
var TRUE_WORDS = ["true", "yes", "on", "1"];
var FALSE_WORDS = ["false", "no", "off", "0", ""];
function parseBoolean(text, name) {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  throw new InputError(`${name} must be true or false, got "${text}"`);
}

export {
  InputError,
  parseInstant,
  parseWindow,
  parseDuration,
  parseTableNames,
  parseWholeNumber,
  parseTransport,
  parseBoolean
};
