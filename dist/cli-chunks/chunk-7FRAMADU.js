import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);

// src/lifecycle/config-naming.ts
import { createHash } from "node:crypto";
var TICK_PREFIX = "s3bq";
var APPEND_PREFIX = "s3bq-append";
var SEPARATOR = "|";
var MAX_PART = 120;
var HASH_CHARS = 12;
var sameClaim = (shown, mine) => shown?.ticket === mine.ticket && shown.process === mine.process;
var hash = (text) => createHash("sha256").update(text).digest("hex").slice(0, HASH_CHARS);
function clean(part) {
  const safe = part.replaceAll(SEPARATOR, "_");
  return safe.length <= MAX_PART ? safe : `${safe.slice(0, MAX_PART - HASH_CHARS - 1)}~${hash(part)}`;
}
function tickConfigName(table, partition, runLabel) {
  return [TICK_PREFIX, clean(table), clean(partition), clean(runLabel)].join(SEPARATOR);
}
function sourceKey(dataPath) {
  return hash(dataPath);
}
function appendConfigKey(destination, partition, dataPath) {
  return [APPEND_PREFIX, `${clean(destination)}$${partition}`, sourceKey(dataPath)].join(SEPARATOR);
}
function appendConfigName(key, createdAtMs) {
  return `${key}${SEPARATOR}c${createdAtMs}`;
}
function formatClaim(claim) {
  return `q${claim.ticket}.${claim.touch}@${claim.process}`;
}
var CLAIM = /^q(\d+)\.(\d+)@([a-z0-9]+)$/;
function parseClaim(part) {
  if (part === void 0) return void 0;
  const match = CLAIM.exec(part);
  if (!match) return null;
  return { ticket: Number(match[1]), touch: Number(match[2]), process: match[3] };
}
function withClaim(base, claim) {
  const plain = stripClaim(base);
  return claim ? `${plain}${SEPARATOR}${formatClaim(claim)}` : plain;
}
function stripClaim(displayName) {
  const parts = displayName.split(SEPARATOR);
  const last = parts[parts.length - 1];
  return last !== void 0 && CLAIM.test(last) ? parts.slice(0, -1).join(SEPARATOR) : displayName;
}
function parseConfigName(displayName) {
  const parts = displayName.split(SEPARATOR);
  if (!parts.every(Boolean)) return void 0;
  if (parts[0] === TICK_PREFIX && (parts.length === 4 || parts.length === 5)) {
    const claim2 = parseClaim(parts[4]);
    if (claim2 === null) return void 0;
    return { kind: "tick", table: parts[1], partition: parts[2], runLabel: parts[3], claim: claim2 };
  }
  if (parts[0] !== APPEND_PREFIX) return void 0;
  if (parts.length === 2) return { kind: "legacy-append", table: parts[1] };
  const target = /^(.+)\$(\d{8}|\d{10})$/.exec(parts[1] ?? "");
  const created = /^c(\d+)$/.exec(parts[3] ?? "");
  if (!target || !created || parts.length !== 4 && parts.length !== 5) return void 0;
  const claim = parseClaim(parts[4]);
  if (claim === null) return void 0;
  return {
    kind: "append",
    key: parts.slice(0, 3).join(SEPARATOR),
    destination: target[1],
    partition: target[2],
    sourceKey: parts[2],
    createdAtMs: Number(created[1]),
    claim
  };
}

// src/lifecycle/transfer-params.ts
function dataPathOf(partition) {
  const folder = partition.source.endsWith("/") ? partition.source : `${partition.source}/`;
  return `${folder}*`;
}
function loadParams(spec, partition, accessKeyId) {
  const params = {
    data_path: dataPathOf(partition),
    destination_table_name_template: `${spec.table}$${partition.id}`,
    access_key_id: accessKeyId,
    file_format: spec.format,
    write_disposition: spec.writeDisposition,
    max_bad_records: String(spec.load.maxBadRecords)
  };
  if (spec.format === "CSV" || spec.format === "JSON") {
    params.ignore_unknown_values = String(spec.load.ignoreUnknownValues);
  }
  if (spec.format === "CSV") {
    params.field_delimiter = spec.load.csv.fieldDelimiter;
    params.skip_leading_rows = String(spec.load.csv.skipLeadingRows);
    params.allow_quoted_newlines = String(spec.load.csv.allowQuotedNewlines);
    params.allow_jagged_rows = String(spec.load.csv.allowJaggedRows);
  }
  return params;
}
function transferParams(spec, partition, keys) {
  return { ...loadParams(spec, partition, keys.accessKeyId), secret_access_key: keys.secretAccessKey };
}

// src/lifecycle/config.ts
var AppendConfigIndex = class {
  constructor(dts) {
    this.dts = dts;
  }
  dts;
  byKey;
  async find(key, signal) {
    this.byKey ??= this.dts.listConfigs(signal).then(groupByKey);
    return (await this.byKey).get(key) ?? [];
  }
};
function groupByKey(configs) {
  const groups = /* @__PURE__ */ new Map();
  for (const config of configs) {
    const mark = parseConfigName(config.displayName);
    if (mark?.kind !== "append") continue;
    groups.set(mark.key, [...groups.get(mark.key) ?? [], config]);
  }
  return groups;
}
function pickAppendConfig(candidates) {
  const rank = (config) => {
    const mark = parseConfigName(config.displayName);
    const created = mark?.kind === "append" ? mark.createdAtMs : Number.MAX_SAFE_INTEGER;
    return { ran: config.state === "UNSPECIFIED" ? 1 : 0, created, name: config.name };
  };
  return [...candidates].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x.ran - y.ran || x.created - y.created || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
  })[0];
}
function awsKeysOf(ctx) {
  const keys = ctx.services.awsCredentials;
  if (!keys) throw new Error("no AWS keys for the transfer: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
  return keys;
}
function configInput(ctx, partition, baseName, claim) {
  return {
    displayName: withClaim(baseName, claim),
    destinationDatasetId: ctx.spec.dataset,
    params: transferParams(ctx.spec, partition, awsKeysOf(ctx))
  };
}
async function createTruncateConfig(ctx, partition, claim) {
  const baseName = tickConfigName(ctx.spec.name, partition.id, ctx.runLabel);
  const config = await ctx.services.dts.createConfig(
    configInput(ctx, partition, baseName, claim),
    ctx.signal
  );
  ctx.onConfigCreated(config.name);
  return { name: config.name, baseName, ephemeral: true, created: true };
}
async function openAppendConfig(ctx, target, partition, claim, index) {
  const appendKey = appendConfigKey(target.destination, partition.id, dataPathOf(partition));
  const existing = pickAppendConfig(await index.find(appendKey, ctx.signal));
  if (existing) {
    return {
      name: existing.name,
      baseName: stripClaim(existing.displayName),
      appendKey,
      ephemeral: false,
      created: false
    };
  }
  const baseName = appendConfigName(appendKey, ctx.clock.now().getTime());
  const created = await ctx.services.dts.createConfig(
    configInput(ctx, partition, baseName, claim),
    ctx.signal
  );
  return { name: created.name, baseName, ephemeral: false, created: true, appendKey };
}
async function busyReason(ctx, name, claimTtlMs) {
  const config = await ctx.services.dts.getConfig(name, ctx.signal);
  if (config.state === "PENDING" || config.state === "RUNNING")
    return "another run of its transfer config is in flight";
  const claim = parseConfigName(config.displayName);
  const claimed = claim?.kind === "append" ? claim.claim : void 0;
  const age = config.updateTime ? ctx.clock.now().getTime() - config.updateTime.getTime() : Infinity;
  if (claimed && claimed.process !== ctx.admission.process && age < claimTtlMs) {
    return "another process is about to run its transfer config";
  }
  return void 0;
}
function paramsCurrent(ctx, partition, config) {
  const wanted = loadParams(ctx.spec, partition, awsKeysOf(ctx).accessKeyId);
  const have = { ...config.params };
  delete have.secret_access_key;
  const keys = /* @__PURE__ */ new Set([...Object.keys(wanted), ...Object.keys(have)]);
  return [...keys].every((key) => wanted[key] === have[key]);
}

export {
  sameClaim,
  clean,
  withClaim,
  stripClaim,
  parseConfigName,
  AppendConfigIndex,
  groupByKey,
  pickAppendConfig,
  configInput,
  createTruncateConfig,
  openAppendConfig,
  busyReason,
  paramsCurrent
};
