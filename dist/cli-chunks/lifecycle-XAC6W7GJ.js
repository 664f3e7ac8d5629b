import {
  appendConfigName,
  parseConfigName,
  tickConfigName,
  tickOf
} from "./chunk-RI6YYD3P.js";
import {
  CloudError,
  backoffDelay,
  grpcCodeName,
  looksLikeQuota,
  realSleep
} from "./chunk-KJZTX25U.js";
import "./chunk-5SCK5MIT.js";

// src/lifecycle/cleanup.ts
async function cleanupConfigs(services, names, signal) {
  const outcome = { deleted: [], missing: [], failed: [] };
  for (const name of new Set(names)) {
    try {
      await services.dts.deleteConfig(name, signal);
      outcome.deleted.push(name);
    } catch (error) {
      if (error instanceof CloudError && error.code === "NOT_FOUND") outcome.missing.push(name);
      else outcome.failed.push({ name, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcome;
}

// src/lifecycle/clock.ts
var systemClock = {
  now: () => /* @__PURE__ */ new Date(),
  sleep: realSleep
};

// src/lifecycle/decide.ts
var NO_NEW_FILES = /no new files found/i;
function saysNoNewFiles(messages) {
  return messages.some((message) => NO_NEW_FILES.test(message.text));
}
function decideRun(evidence) {
  const { run } = evidence;
  if (run.state === "FAILED" || run.state === "CANCELLED") {
    const why = run.errorMessage ?? (run.state === "CANCELLED" ? "the run was cancelled" : "DTS gave no reason");
    return { status: "failed", step: "wait", message: `transfer run ${run.state}: ${why}` };
  }
  if (run.state !== "SUCCEEDED") {
    return { status: "failed", step: "wait", message: `transfer run ended in unexpected state ${run.state}` };
  }
  if (saysNoNewFiles(evidence.messages)) {
    return { status: "skipped", message: `DTS found no new files under ${evidence.source}` };
  }
  if (evidence.rows === void 0) {
    return {
      status: "failed",
      step: "verify",
      message: "the run succeeded but its rows could not be counted"
    };
  }
  if (evidence.rows > 0) return { status: "loaded", rows: evidence.rows };
  return {
    status: "loaded",
    rows: 0,
    message: "the run succeeded but the partition holds no rows (are the files empty?)"
  };
}
function tableStatus(partitions) {
  if (partitions.some((p) => p.status === "failed")) return "failed";
  if (partitions.some((p) => p.status === "loaded")) return "loaded";
  return "skipped";
}
function tableMessage(result, status) {
  if (status === "failed") {
    const failed = result.partitions.find((p) => p.status === "failed");
    return failed?.message ? `${failed.id}: ${failed.message}` : void 0;
  }
  if (status === "skipped") {
    if (result.partitions.length === 0) return "nothing planned";
    return result.partitions.every((p) => p.message === result.partitions[0]?.message) ? result.partitions[0]?.message : "no partition had files to load";
  }
  const skipped = result.partitions.filter((p) => p.status === "skipped").map((p) => p.id);
  return skipped.length > 0 ? `skipped (no files): ${skipped.join(", ")}` : void 0;
}

// src/lifecycle/duration.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
function parseDuration(text, what = "duration") {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1e3;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  const consumed = parts.map((part) => part[0]).join("");
  if (parts.length === 0 || consumed !== trimmed) {
    throw new Error(`${what} "${text}" is not a duration: write e.g. 90s, 45m, 2h or 1h30m`);
  }
  const ms = parts.reduce((sum, part) => sum + Number(part[1]) * (UNIT_MS[part[2]] ?? 0), 0);
  if (ms <= 0) throw new Error(`${what} "${text}" must be longer than zero`);
  return Math.round(ms);
}

// src/lifecycle/poll-schedule.ts
var DEFAULT_POLL_SCHEDULE = {
  initialMs: 1e3,
  factor: 1.5,
  capMs: 9e4
};
var SAFETY_FACTOR = 2;
var SAFETY_CAP_MS = 5 * 6e4;
function safetyScheduleFor(schedule) {
  return {
    initialMs: schedule.initialMs,
    factor: Math.max(SAFETY_FACTOR, schedule.factor),
    capMs: Math.max(SAFETY_CAP_MS, schedule.capMs)
  };
}
var SAFETY_POLL_SCHEDULE = safetyScheduleFor(DEFAULT_POLL_SCHEDULE);
function pollDelay(attempt, schedule = DEFAULT_POLL_SCHEDULE) {
  return Math.min(schedule.capMs, Math.round(schedule.initialMs * schedule.factor ** attempt));
}
var MAX_STEPS = 1e4;
function pollDelayAt(elapsedMs, schedule = DEFAULT_POLL_SCHEDULE) {
  let reached = 0;
  for (let attempt = 0; attempt < MAX_STEPS; attempt++) {
    const delay = pollDelay(attempt, schedule);
    reached += delay;
    if (reached > elapsedMs || delay >= schedule.capMs || delay <= 0) return delay;
  }
  return pollDelay(MAX_STEPS, schedule);
}

// src/lifecycle/run-table.ts
import pLimit2 from "p-limit";

// src/lifecycle/ensure-table.ts
var TableDriftError = class extends Error {
  name = "TableDriftError";
};
var DAY_MS = 864e5;
function desiredDefinition(spec, schema) {
  const { granularity, field, requireFilter, expirationDays } = spec.partitioning;
  return {
    schema,
    timePartitioning: {
      type: granularity,
      field,
      expirationMs: expirationDays ? String(expirationDays * DAY_MS) : void 0
    },
    requirePartitionFilter: requireFilter,
    description: spec.description,
    labels: Object.keys(spec.labels).length > 0 ? spec.labels : void 0
  };
}
function describePartitioning(type, field) {
  if (!type) return "not partitioned";
  return `partitioned by ${type} on ${field ?? "_PARTITIONTIME (ingestion time)"}`;
}
function partitioningDrift(spec, table, ref) {
  const want = spec.partitioning;
  const have = table.timePartitioning;
  if (have?.type === want.granularity && (have.field ?? void 0) === (want.field ?? void 0))
    return void 0;
  return `${ref.projectId}.${ref.datasetId}.${ref.tableId} is ${describePartitioning(have?.type, have?.field)}, but ${spec.file} asks for ${describePartitioning(want.granularity, want.field)}. BigQuery cannot change partitioning in place: fix "partitioning" in the table file, or recreate the table (copy it to a new table with the wanted partitioning) and run again.`;
}
function newColumns(existing, wanted) {
  const have = new Set(existing.map((field) => field.name.toLowerCase()));
  return wanted.filter((field) => !have.has(field.name.toLowerCase())).map((field) => ({ ...field, mode: field.mode === "REPEATED" ? "REPEATED" : "NULLABLE" }));
}
function sameLabels(a, b) {
  const left = Object.entries(a ?? {}).sort();
  const right = Object.entries(b ?? {}).sort();
  return JSON.stringify(left) === JSON.stringify(right);
}
async function ensureTable(bigquery, input) {
  const { spec, ref, signal } = input;
  const outcome = { created: { dataset: false, table: false }, addedColumns: [] };
  const dataset = await bigquery.getDataset(ref.projectId, ref.datasetId, signal);
  if (!dataset) {
    await bigquery.createDataset(ref.projectId, ref.datasetId, input.location, signal);
    outcome.created.dataset = true;
  }
  const existing = dataset ? await bigquery.getTable(ref, signal) : void 0;
  if (!existing) {
    const schema = spec.schema ? spec.schema : await input.inferSchema();
    if (spec.partitioning.field && !schema.some((f) => f.name.toLowerCase() === spec.partitioning.field?.toLowerCase())) {
      throw new TableDriftError(
        `partition column "${spec.partitioning.field}" is not in the schema (${schema.map((f) => f.name).join(", ")}): fix "partitioning.field" or "schema" in ${spec.file}`
      );
    }
    await bigquery.createTable(ref, desiredDefinition(spec, schema), signal);
    outcome.created.table = true;
    return outcome;
  }
  const drift = partitioningDrift(spec, existing, ref);
  if (drift) throw new TableDriftError(drift);
  const patch = {};
  if (spec.schema) {
    const added = newColumns(existing.schema, spec.schema);
    if (added.length > 0) {
      patch.schema = [...existing.schema, ...added];
      outcome.addedColumns = added.map((field) => field.name);
    }
  }
  const wanted = desiredDefinition(spec, existing.schema);
  if ((existing.requirePartitionFilter ?? false) !== spec.partitioning.requireFilter) {
    patch.requirePartitionFilter = spec.partitioning.requireFilter;
  }
  if (spec.description !== void 0 && existing.description !== spec.description)
    patch.description = spec.description;
  if (Object.keys(spec.labels).length > 0 && !sameLabels(existing.labels, spec.labels))
    patch.labels = spec.labels;
  if ((existing.timePartitioning?.expirationMs ?? void 0) !== wanted.timePartitioning?.expirationMs && wanted.timePartitioning?.expirationMs) {
    patch.timePartitioning = wanted.timePartitioning;
  }
  if (Object.keys(patch).length > 0) await bigquery.patchTable(ref, patch, signal);
  return outcome;
}

// src/lifecycle/infer-schema.ts
import { parquetMetadataAsync, parquetSchema } from "hyparquet";

// src/cloud/parquet-schema.ts
function leafType(element) {
  const logical = element.logical_type;
  if (logical) {
    switch (logical.type) {
      case "STRING":
      case "ENUM":
      case "UUID":
        return "STRING";
      case "JSON":
        return "JSON";
      case "DATE":
        return "DATE";
      case "TIME":
        return "TIME";
      case "TIMESTAMP":
        return logical.isAdjustedToUTC ? "TIMESTAMP" : "DATETIME";
      case "DECIMAL":
        return logical.precision - logical.scale > 29 || logical.scale > 9 ? "BIGNUMERIC" : "NUMERIC";
      case "INTEGER":
        return "INTEGER";
      case "FLOAT16":
        return "FLOAT";
      case "GEOGRAPHY":
      case "GEOMETRY":
        return "GEOGRAPHY";
      default:
        break;
    }
  }
  switch (element.converted_type) {
    case "UTF8":
    case "ENUM":
      return "STRING";
    case "JSON":
      return "JSON";
    case "DATE":
      return "DATE";
    case "TIME_MILLIS":
    case "TIME_MICROS":
      return "TIME";
    case "TIMESTAMP_MILLIS":
    case "TIMESTAMP_MICROS":
      return "TIMESTAMP";
    case "DECIMAL":
      return (element.precision ?? 38) - (element.scale ?? 0) > 29 || (element.scale ?? 0) > 9 ? "BIGNUMERIC" : "NUMERIC";
    default:
      break;
  }
  switch (element.type) {
    case "BOOLEAN":
      return "BOOLEAN";
    case "INT32":
    case "INT64":
      return "INTEGER";
    case "INT96":
      return "TIMESTAMP";
    case "FLOAT":
    case "DOUBLE":
      return "FLOAT";
    default:
      return "BYTES";
  }
}
function mode(element) {
  if (element.repetition_type === "REQUIRED") return "REQUIRED";
  if (element.repetition_type === "REPEATED") return "REPEATED";
  return "NULLABLE";
}
function listElement(node) {
  const isList = node.element.logical_type?.type === "LIST" || node.element.converted_type === "LIST";
  if (!isList || node.children.length !== 1) return void 0;
  const repeated = node.children[0];
  if (repeated.children.length === 1) return repeated.children[0];
  return repeated;
}
function toField(node) {
  const element = node.element;
  const inner = listElement(node);
  if (inner) {
    const field = toField(inner);
    return { ...field, name: element.name, mode: "REPEATED" };
  }
  if (node.children.length > 0) {
    return { name: element.name, type: "RECORD", mode: mode(element), fields: node.children.map(toField) };
  }
  return { name: element.name, type: leafType(element), mode: mode(element) };
}
function parquetSchemaToBigQuery(root) {
  return root.children.map(toField);
}

// src/lifecycle/infer-schema.ts
var SchemaNeededError = class extends Error {
  name = "SchemaNeededError";
};
function s3AsyncBuffer(s3, bucket, object, signal) {
  return {
    byteLength: object.size,
    async slice(start, end) {
      const bytes = await s3.getRange(bucket, object.key, start, end ?? object.size, signal);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    }
  };
}
function pickDataFile(objects) {
  return objects.find((object) => {
    const base = object.key.split("/").pop() ?? "";
    return object.size > 0 && !base.startsWith("_") && !base.startsWith(".");
  });
}
async function inferSchema(spec, s3, bucket, objects, signal) {
  if (spec.format !== "PARQUET") {
    throw new SchemaNeededError(
      `${spec.format} schemas are not inferred: add a "schema" (BigQuery fields) to ${spec.file}`
    );
  }
  const file = pickDataFile(objects);
  if (!file)
    throw new SchemaNeededError(`no Parquet file to read a schema from: add a "schema" to ${spec.file}`);
  try {
    const metadata = await parquetMetadataAsync(s3AsyncBuffer(s3, bucket, file, signal));
    return parquetSchemaToBigQuery(parquetSchema(metadata));
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new SchemaNeededError(
      `could not read a Parquet schema from s3://${bucket}/${file.key} (${error.message}); add a "schema" to ${spec.file}`
    );
  }
}

// src/lifecycle/precheck.ts
import pLimit from "p-limit";

// src/lifecycle/s3-location.ts
function splitS3Uri(uri) {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match) throw new Error(`"${uri}" is not an s3://bucket/prefix URI`);
  const rest = match[2] ?? "";
  return { bucket: match[1], prefix: rest === "" || rest.endsWith("/") ? rest : `${rest}/` };
}

// src/lifecycle/precheck.ts
var DTS_VISIBILITY_DELAY_MS = 5 * 6e4;
var LISTS_IN_FLIGHT = 8;
async function precheckPartitions(s3, partitions, now, signal) {
  const limit = pLimit(LISTS_IN_FLIGHT);
  return Promise.all(
    partitions.map(
      (partition) => limit(async () => {
        const { bucket, prefix } = splitS3Uri(partition.source);
        try {
          const listing = await s3.listPrefix(bucket, prefix, signal);
          if (listing.count === 0) return { partition, kind: "empty" };
          const age = listing.newest ? now.getTime() - listing.newest.getTime() : Number.POSITIVE_INFINITY;
          return {
            partition,
            kind: "files",
            count: listing.count,
            truncated: listing.truncated,
            objects: listing.objects,
            ...age < DTS_VISIBILITY_DELAY_MS ? { youngMs: Math.max(0, age) } : {}
          };
        } catch (error) {
          if (signal?.aborted) throw error;
          const message = error instanceof CloudError ? error.message : String(error);
          return { partition, kind: "error", message: `S3 check of ${partition.source} failed: ${message}` };
        }
      })
    )
  );
}
function youngFilesWarning(checks) {
  const young = checks.flatMap(
    (check) => check.kind === "files" && check.youngMs !== void 0 ? [check] : []
  );
  if (young.length === 0) return void 0;
  const newest = Math.min(...young.map((check) => check.youngMs ?? 0));
  const ids = young.map((check) => check.partition.id);
  const listed = ids.length > 5 ? `${ids.slice(0, 5).join(", ")} and ${ids.length - 5} more` : ids.join(", ");
  return `files younger than DTS's ~5-minute visibility delay in ${ids.length} partition(s) (${listed}; newest ${Math.round(newest / 1e3)} s old): DTS may not see them yet and could load an incomplete partition`;
}

// src/lifecycle/run-watch.ts
var TAIL_REOPEN_DELAYS_MS = [5e3, 3e4, 12e4];
var lastSegment = (name) => name.split("/").pop() ?? "";
var Subscription = class {
  constructor(watch, onClose) {
    this.watch = watch;
    this.onClose = onClose;
  }
  watch;
  onClose;
  activity = false;
  wake;
  get live() {
    return this.watch.state === "live";
  }
  takeActivity() {
    const had = this.activity;
    this.activity = false;
    return had;
  }
  nextWake() {
    this.wake = new AbortController();
    return this.wake.signal;
  }
  /** Called by the watch: a message arrived for this run. */
  signalActivity() {
    this.activity = true;
    this.wake?.abort();
  }
  /** Called by the watch: the tail became live or was lost. */
  signalChange() {
    this.wake?.abort();
  }
  close() {
    this.onClose(this);
  }
};
function createRunWatch(options) {
  const byRun = /* @__PURE__ */ new Map();
  const all = () => [...byRun.values()].flatMap((set) => [...set]);
  const watch = { state: "opening" };
  let tail;
  const setState = (state) => {
    if (watch.state === state || watch.state === "closed") return;
    watch.state = state;
    for (const subscription of all()) subscription.signalChange();
  };
  const configId = lastSegment(options.configName);
  const clock = options.clock ?? systemClock;
  const closing = new AbortController();
  let reopened = 0;
  let told = false;
  const fallBack = (message) => {
    if (told) return;
    told = true;
    options.onFallback?.(`${message}; waiting for runs by polling`);
  };
  const onEnd = (error) => {
    if (watch.state === "closed") return;
    tail = void 0;
    setState("lost");
    const delay = TAIL_REOPEN_DELAYS_MS[reopened];
    fallBack(
      `Cloud Logging live tail unavailable (${error.code}: ${error.message})${error.retryable && delay !== void 0 ? ", retrying it later" : ""}`
    );
    if (!error.retryable || delay === void 0) return;
    reopened += 1;
    clock.sleep(delay, closing.signal).then(
      () => open(),
      () => void 0
      // closed meanwhile
    );
  };
  const open = () => {
    if (watch.state === "closed" || !options.logging.tailRunMessages) return;
    try {
      tail = options.logging.tailRunMessages(
        { configId, bufferWindowMs: options.bufferWindowMs },
        {
          onOpen: () => setState("live"),
          onMessages: (messages, suppressed) => {
            if (watch.state === "closed") return;
            if (suppressed > 0) for (const subscription of all()) subscription.signalActivity();
            for (const message of messages) {
              for (const subscription of byRun.get(message.runId) ?? []) subscription.signalActivity();
            }
          },
          onEnd
        }
      );
    } catch (error) {
      setState("lost");
      fallBack(
        `Cloud Logging live tail could not start (${error instanceof Error ? error.message : String(error)})`
      );
    }
  };
  if (options.logging.tailRunMessages) open();
  else watch.state = "lost";
  return {
    get state() {
      return watch.state;
    },
    subscribe(runName) {
      const runId = lastSegment(runName);
      const subscription = new Subscription(watch, (closed) => {
        const set2 = byRun.get(runId);
        set2?.delete(closed);
        if (set2?.size === 0) byRun.delete(runId);
      });
      let set = byRun.get(runId);
      if (!set) {
        set = /* @__PURE__ */ new Set();
        byRun.set(runId, set);
      }
      set.add(subscription);
      return subscription;
    },
    close() {
      if (watch.state === "closed") return;
      setState("lost");
      watch.state = "closed";
      byRun.clear();
      closing.abort();
      tail?.close();
    }
  };
}

// src/lifecycle/transfer-config.ts
function configInput(spec, displayName, params) {
  return { displayName, destinationDatasetId: spec.dataset, params };
}
async function createTickConfig(dts, input, signal) {
  const config = await dts.createConfig(input, signal);
  return { name: config.name, displayName: input.displayName, ephemeral: true, created: true };
}
function sameParams(a, b) {
  const keys = /* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}
function configMatches(config, input) {
  return config.destinationDatasetId === input.destinationDatasetId && sameParams(config.params, input.params);
}
async function ensureAppendConfig(dts, spec, params, signal) {
  const displayName = appendConfigName(spec.name);
  const input = configInput(spec, displayName, params);
  const existing = (await dts.listConfigs(signal)).filter((config) => config.displayName === displayName);
  const current = existing[0];
  if (!current) {
    const config = await dts.createConfig(input, signal);
    return { name: config.name, displayName, ephemeral: false, created: true };
  }
  if (!configMatches(current, input)) await dts.updateConfig(current.name, input, signal);
  return { name: current.name, displayName, ephemeral: false, created: false };
}

// src/lifecycle/transfer-params.ts
var STRFTIME = {
  date: "%Y-%m-%d",
  YYYY: "%Y",
  MM: "%m",
  DD: "%d",
  HH: "%H"
};
function layoutAsRunTimeFormat(layout) {
  let unsupported = false;
  const format = layout.split(/(\{[^{}]*\})/).map((piece) => {
    const token = /^\{([^{}]*)\}$/.exec(piece)?.[1];
    if (token === void 0) return piece.replaceAll("%", "%%");
    const directive = STRFTIME[token];
    if (!directive) unsupported = true;
    return directive ?? "";
  }).join("");
  return unsupported || format.includes('"') ? void 0 : format;
}
function runTimeOf(partition) {
  const [y, m, d] = partition.date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d, partition.hour ?? 0));
}
var partitionIdFormat = (spec) => spec.partitioning.granularity === "HOUR" ? "%Y%m%d%H" : "%Y%m%d";
function templatedTargets(spec) {
  const format = layoutAsRunTimeFormat(spec.partitioning.layout);
  if (format === void 0) return void 0;
  return {
    data_path: `${spec.source.uri}/{run_time|"${format}"}/*`,
    destination_table_name_template: `${spec.table}\${run_time|"${partitionIdFormat(spec)}"}`
  };
}
function literalTargets(spec, partition) {
  const folder = partition.source.endsWith("/") ? partition.source : `${partition.source}/`;
  return {
    data_path: `${folder}*`,
    destination_table_name_template: `${spec.table}$${partition.id}`
  };
}
function transferParams(spec, targets, keys) {
  const params = {
    ...targets,
    access_key_id: keys.accessKeyId,
    secret_access_key: keys.secretAccessKey,
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

// src/lifecycle/wait-run.ts
var TERMINAL = /* @__PURE__ */ new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);
var FOLLOW_UP_GAPS_MS = [1e3, 2e3, 4e3];
function isTerminal(run) {
  return TERMINAL.has(run.state);
}
async function waitForRun(dts, runName, clock, options = {}) {
  const schedule = options.schedule ?? DEFAULT_POLL_SCHEDULE;
  if (options.signals) return waitWithSignals(dts, runName, clock, schedule, options.signals, options);
  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    await clock.sleep(pollDelay(attempt, schedule), options.signal);
    const run = await dts.getRun(runName, options.signal);
    if (isTerminal(run)) return { run, calls: attempt + 1 };
  }
}
async function waitWithSignals(dts, runName, clock, schedule, signals, options) {
  const safety = options.safetySchedule ?? safetyScheduleFor(schedule);
  const outer = options.signal;
  const subscription = signals.subscribe(runName);
  try {
    const startedAt = clock.now().getTime();
    let lastLookAt = startedAt;
    let followUps = [];
    for (let calls = 0; ; ) {
      outer?.throwIfAborted();
      if (subscription.takeActivity()) followUps = [0, ...FOLLOW_UP_GAPS_MS];
      const now = clock.now().getTime();
      const blindGap = pollDelayAt(now - startedAt, subscription.live ? safety : schedule);
      const followUpGap = followUps[0] ?? Number.POSITIVE_INFINITY;
      const fromFollowUp = followUpGap <= blindGap;
      const waitMs = Math.max(0, lastLookAt + Math.min(blindGap, followUpGap) - now);
      if (waitMs > 0) {
        const wake = subscription.nextWake();
        try {
          await clock.sleep(waitMs, outer ? AbortSignal.any([outer, wake]) : wake);
        } catch (error) {
          if (outer?.aborted) throw outer.reason;
          if (wake.aborted) continue;
          throw error;
        }
      }
      if (fromFollowUp) followUps.shift();
      lastLookAt = clock.now().getTime();
      calls += 1;
      const run = await dts.getRun(runName, outer);
      if (isTerminal(run)) return { run, calls };
    }
  } finally {
    subscription.close();
  }
}

// src/lifecycle/run-table.ts
var DEFAULT_RUNS_PER_TABLE = 4;
var MAX_RUN_ATTEMPTS = 5;
var DEFAULT_QUOTA_BACKOFF_MS = 3e4;
function failedOnQuota(run) {
  return run.state === "FAILED" && (run.errorCode !== void 0 && grpcCodeName(run.errorCode) === "RESOURCE_EXHAUSTED" || looksLikeQuota(run.errorMessage ?? ""));
}
var CLEANUP_TIMEOUT_MS = 6e4;
var LOG_WINDOW_MARGIN_MS = 10 * 6e4;
var TableTimeout = class extends Error {
  name = "TableTimeout";
};
function errorText(error) {
  if (error instanceof CloudError)
    return `${error.message} (${error.service} ${error.operation}: ${error.code})`;
  return error instanceof Error ? error.message : String(error);
}
function formatMs(ms) {
  if (ms % 36e5 === 0) return `${ms / 36e5}h`;
  if (ms % 6e4 === 0) return `${ms / 6e4}m`;
  return `${Math.round(ms / 1e3)}s`;
}
async function runTable(planned, options) {
  const result = await runTableSteps(planned, options);
  options.onEvent?.({ type: "table-finished", table: planned.spec.name, result });
  return result;
}
async function runTableSteps(planned, options) {
  const clock = options.clock ?? systemClock;
  const { spec, plan } = planned;
  const { services } = options;
  const emit = (event) => options.onEvent?.(event);
  const startedAt = clock.now();
  const warnings = [];
  const states = new Map(
    plan.partitions.map((p) => [
      p.id,
      { result: { id: p.id, source: p.source, status: "skipped" }, decided: false }
    ])
  );
  const decide = (id, fields) => {
    const state = states.get(id);
    if (!state || state.decided) return;
    Object.assign(state.result, fields);
    state.decided = true;
    emit({ type: "partition-finished", table: spec.name, partition: state.result });
  };
  let config;
  let failedStep;
  let tableFailure;
  emit({ type: "table-started", table: spec.name, partitions: plan.partitions.length });
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new TableTimeout(`timed out after ${formatMs(options.timeoutMs)} (--timeout)`)),
    options.timeoutMs
  );
  const onCancel = () => controller.abort(options.signal?.reason ?? new Error("cancelled"));
  if (options.signal?.aborted) onCancel();
  else options.signal?.addEventListener("abort", onCancel, { once: true });
  const signal = controller.signal;
  const abortMessage = () => signal.reason instanceof TableTimeout ? signal.reason.message : "cancelled before the partition finished";
  let step = "precheck";
  try {
    if (!plan.enabled || plan.skip_reason) {
      for (const id of states.keys())
        decide(id, { status: "skipped", message: plan.skip_reason ?? "table disabled" });
      return finish();
    }
    const checks = await precheckPartitions(services.s3, plan.partitions, clock.now(), signal);
    const toLoad = [];
    for (const check of checks) {
      if (check.kind === "empty") {
        decide(check.partition.id, {
          status: "skipped",
          message: `no files under ${check.partition.source}`
        });
      } else if (check.kind === "error") {
        failedStep ??= "precheck";
        decide(check.partition.id, { status: "failed", message: check.message });
      } else {
        toLoad.push(check.partition);
      }
    }
    const young = youngFilesWarning(checks);
    if (young) {
      warnings.push(young);
      emit({ type: "warning", table: spec.name, message: young });
    }
    if (options.dryRun) {
      for (const check of checks) {
        if (check.kind === "files") {
          decide(check.partition.id, {
            status: "skipped",
            message: `dry run: ${check.count}${check.truncated ? "+" : ""} file(s) would load`
          });
        }
      }
      return finish();
    }
    if (toLoad.length === 0) return finish();
    step = "ensure-table";
    const ref = {
      projectId: spec.project ?? services.projectId,
      datasetId: spec.dataset,
      tableId: spec.table
    };
    const firstFiles = checks.find((check) => check.kind === "files");
    await ensureTable(services.bigquery, {
      spec,
      ref,
      location: options.settings.location,
      signal,
      inferSchema: () => inferSchema(
        spec,
        services.s3,
        spec.source.bucket,
        firstFiles?.kind === "files" ? firstFiles.objects : [],
        signal
      )
    });
    step = "create-config";
    const keys = services.awsCredentials;
    if (!keys) {
      throw new Error("no AWS keys for the transfer: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    }
    const templated = templatedTargets(spec);
    const firstTargets = templated ?? literalTargets(spec, toLoad[0]);
    const params = transferParams(spec, firstTargets, keys);
    const append = spec.writeDisposition === "WRITE_APPEND";
    if (append) {
      config = await ensureAppendConfig(services.dts, spec, params, signal);
    } else {
      const tick = options.tick ?? tickOf(plan.partitions.map((p) => p.id));
      const displayName = tickConfigName(spec.name, tick, options.runLabel);
      config = await createTickConfig(services.dts, configInput(spec, displayName, params), signal);
    }
    if (config.ephemeral) options.onConfigCreated?.(config.name);
    emit({ type: "config-ready", table: spec.name, config: config.name, created: config.created });
    const configName = config.name;
    step = "start-run";
    const perTable = pLimit2(append ? 1 : Math.max(1, options.maxRunsPerTable ?? DEFAULT_RUNS_PER_TABLE));
    const starts = pLimit2(1);
    const slot = (fn) => options.runSlots ? options.runSlots(fn) : fn();
    const schedule = { ...DEFAULT_POLL_SCHEDULE, ...options.poll };
    const watch = createRunWatch({
      logging: services.logging,
      configName,
      clock,
      onFallback: (message) => emit({ type: "warning", table: spec.name, message })
    });
    const closeWatch = () => watch.close();
    signal.addEventListener("abort", closeWatch, { once: true });
    const loadPartition = async (partition) => {
      const result = states.get(partition.id).result;
      let partitionStep = "start-run";
      try {
        signal.throwIfAborted();
        const runStartedAt = clock.now();
        result.started_at = runStartedAt.toISOString();
        const start = async () => {
          if (!templated) {
            const literal = transferParams(spec, literalTargets(spec, partition), keys);
            await services.dts.updateConfig(
              configName,
              configInput(spec, config.displayName, literal),
              signal
            );
          }
          return services.dts.startRun(configName, runTimeOf(partition), signal);
        };
        let run;
        for (let attempt = 1; ; attempt++) {
          partitionStep = "start-run";
          const started = templated ? await start() : await starts(start);
          result.run_name = started.name;
          emit({ type: "run-started", table: spec.name, partition: partition.id, run: started.name });
          partitionStep = "wait";
          ({ run } = await waitForRun(services.dts, started.name, clock, {
            schedule,
            signal,
            signals: watch
          }));
          if (!failedOnQuota(run) || attempt >= MAX_RUN_ATTEMPTS) break;
          const base = options.quotaBackoffMs ?? DEFAULT_QUOTA_BACKOFF_MS;
          const pause = backoffDelay(attempt, {
            baseDelayMs: base,
            maxDelayMs: base * 4,
            random: Math.random
          });
          const text = `${partition.id}: run hit a quota (${run.errorMessage}); starting it again in ${formatMs(pause)}`;
          warnings.push(text);
          emit({ type: "warning", table: spec.name, message: text });
          await clock.sleep(pause, signal);
        }
        const finishedAt = clock.now();
        result.finished_at = finishedAt.toISOString();
        result.duration_ms = finishedAt.getTime() - runStartedAt.getTime();
        partitionStep = "verify";
        let messages = [];
        let rows;
        if (run.state === "SUCCEEDED") {
          let logsRead = true;
          try {
            messages = await services.dts.listLogs(run.name, signal);
          } catch (error) {
            if (signal.aborted) throw error;
            logsRead = false;
          }
          if (!saysNoNewFiles(messages)) {
            rows = (await services.bigquery.partitionRows(ref, signal)).get(partition.id) ?? 0;
            if (rows === 0 || !logsRead) {
              const configId = configName.split("/").pop() ?? "";
              const runId = run.name.split("/").pop() ?? "";
              try {
                const logged = await services.logging.runMessages(
                  {
                    configId,
                    runId,
                    from: new Date(runStartedAt.getTime() - LOG_WINDOW_MARGIN_MS),
                    to: new Date(finishedAt.getTime() + LOG_WINDOW_MARGIN_MS)
                  },
                  signal
                );
                messages = [...messages, ...logged];
              } catch (error) {
                if (signal.aborted) throw error;
                warnings.push(`${partition.id}: Cloud Logging could not be read (${errorText(error)})`);
              }
            }
          }
        }
        const decision = decideRun({ run, messages, rows, source: partition.source });
        if (decision.status === "failed") failedStep ??= decision.step;
        decide(partition.id, { status: decision.status, rows: decision.rows, message: decision.message });
      } catch (error) {
        const message = signal.aborted ? abortMessage() : errorText(error);
        failedStep ??= partitionStep;
        decide(partition.id, { status: "failed", message: `${partitionStep}: ${message}` });
      }
    };
    try {
      await Promise.all(toLoad.map((partition) => perTable(() => slot(() => loadPartition(partition)))));
    } finally {
      signal.removeEventListener("abort", closeWatch);
      watch.close();
    }
  } catch (error) {
    failedStep ??= step;
    tableFailure = signal.aborted ? abortMessage() : errorText(error);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onCancel);
    if (config?.ephemeral) {
      try {
        await services.dts.deleteConfig(config.name, AbortSignal.timeout(CLEANUP_TIMEOUT_MS));
        options.onConfigDeleted?.(config.name);
      } catch (error) {
        const text = `could not delete transfer config ${config.name} (${errorText(error)}); \`s3bq janitor\` will remove it`;
        warnings.push(text);
        emit({ type: "warning", table: spec.name, message: text });
      }
    }
  }
  return finish();
  function finish() {
    for (const [id, state] of states) {
      if (!state.decided) {
        failedStep ??= step;
        decide(id, { status: "failed", message: `${failedStep}: ${tableFailure ?? abortMessage()}` });
      }
    }
    const partitions = [...states.values()].map((state) => state.result);
    const status = tableStatus(partitions);
    const finishedAt = clock.now();
    const result = {
      name: spec.name,
      destination: plan.destination,
      status,
      partitions,
      started_at: startedAt.toISOString(),
      finished_at: finishedAt.toISOString(),
      duration_ms: finishedAt.getTime() - startedAt.getTime(),
      message: status === "failed" && tableFailure ? `${failedStep}: ${tableFailure}` : tableMessage({ partitions }, status),
      ...status === "failed" ? { failed_step: failedStep } : {},
      ...config ? { config_name: config.name } : {},
      ...warnings.length > 0 ? { warnings: [...warnings] } : {},
      ...spec.owners.length > 0 ? { owners: spec.owners } : {}
    };
    return result;
  }
}

// src/lifecycle/run-tables.ts
import { getMaxListeners, setMaxListeners } from "node:events";
import pLimit3 from "p-limit";
async function runTables(planned, options) {
  if (!Number.isInteger(options.maxParallel) || options.maxParallel < 1) {
    throw new Error(`maxParallel must be a positive integer (got ${options.maxParallel})`);
  }
  if (options.signal) {
    const wanted = options.maxParallel + 10;
    if (getMaxListeners(options.signal) < wanted) setMaxListeners(wanted, options.signal);
  }
  const tables = pLimit3(options.maxParallel);
  const runSlots = options.runSlots ?? pLimit3(options.maxParallel);
  return Promise.all(planned.map((table) => tables(() => runTable(table, { ...options, runSlots }))));
}
export {
  DEFAULT_POLL_SCHEDULE,
  DEFAULT_RUNS_PER_TABLE,
  appendConfigName,
  cleanupConfigs,
  decideRun,
  parseConfigName,
  parseDuration,
  pollDelay,
  runTable,
  runTables,
  systemClock,
  tableStatus,
  tickConfigName,
  waitForRun
};
