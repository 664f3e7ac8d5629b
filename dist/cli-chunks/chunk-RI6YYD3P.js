// src/lifecycle/config-naming.ts
var TICK_PREFIX = "s3bq";
var APPEND_PREFIX = "s3bq-append";
var SEPARATOR = "|";
var MAX_PART = 80;
var clean = (part) => part.replaceAll(SEPARATOR, "_").slice(0, MAX_PART);
function tickConfigName(table, tick, runLabel) {
  return [TICK_PREFIX, clean(table), clean(tick), clean(runLabel)].join(SEPARATOR);
}
function appendConfigName(table) {
  return [APPEND_PREFIX, clean(table)].join(SEPARATOR);
}
function parseConfigName(displayName) {
  const parts = displayName.split(SEPARATOR);
  if (parts[0] === TICK_PREFIX && parts.length === 4 && parts.every(Boolean)) {
    return { kind: "tick", table: parts[1], tick: parts[2], runLabel: parts[3] };
  }
  if (parts[0] === APPEND_PREFIX && parts.length === 2 && parts[1])
    return { kind: "append", table: parts[1] };
  return void 0;
}
function tickOf(partitionIds) {
  if (partitionIds.length === 0) return "none";
  const sorted = [...partitionIds].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  return first === last ? first : `${first}-${last}`;
}

export {
  tickConfigName,
  appendConfigName,
  parseConfigName,
  tickOf
};
