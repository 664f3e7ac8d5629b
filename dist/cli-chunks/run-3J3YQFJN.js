import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  AppendConfigIndex,
  busyReason,
  configInput,
  createTruncateConfig,
  groupByKey,
  openAppendConfig,
  paramsCurrent,
  parseConfigName,
  pickAppendConfig,
  sameClaim,
  stripClaim,
  withClaim
} from "./chunk-7FRAMADU.js";
import {
  checkPrefix,
  precheckPartitions
} from "./chunk-AAQR7QR7.js";
import {
  createCloudServices
} from "./chunk-WO2ILBRF.js";
import "./chunk-NRUALMLC.js";
import "./chunk-FNWQJDUF.js";
import {
  CloudError,
  backoffDelay,
  grpcCodeName,
  looksLikeQuota,
  realSleep
} from "./chunk-ETTOO2EQ.js";
import "./chunk-S3CM6QUE.js";
import "./chunk-Q5I7DL2S.js";
import {
  parquetMetadataAsync,
  parquetSchema
} from "./chunk-6WTGYLD5.js";
import {
  pLimit
} from "./chunk-T64AGV5P.js";
import "./chunk-XTUQKZPG.js";
import "./chunk-TORVRQCF.js";

// src/pipeline/run.ts
import { getMaxListeners, setMaxListeners as setMaxListeners2 } from "node:events";

// src/lifecycle/admission.ts
import { randomBytes } from "node:crypto";
import { setMaxListeners } from "node:events";

// src/lifecycle/admission-queue.ts
var IN_FLIGHT = /* @__PURE__ */ new Set(["PENDING", "RUNNING"]);
var MAX_TAILS_PER_PROJECT = 8;
var byTicket = (a, b) => a.claim.ticket - b.claim.ticket || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
function listedClaims(configs, nowMs, claimTtlMs) {
  return configs.flatMap((config) => {
    const mark = parseConfigName(config.displayName);
    if (!mark || mark.kind === "legacy-append") return [];
    const alive = Boolean(config.updateTime && nowMs - config.updateTime.getTime() < claimTtlMs);
    return [{ config, claim: mark.claim, alive }];
  });
}
function readQueue(configs, own, nowMs, claimTtlMs) {
  const view = {
    inFlight: new Set(own.inFlight.keys()),
    queue: [],
    choosing: /* @__PURE__ */ new Map(),
    maxTicket: 0,
    tailOrder: [],
    contested: /* @__PURE__ */ new Set(),
    shown: /* @__PURE__ */ new Map()
  };
  const waiting = /* @__PURE__ */ new Map();
  const holders = /* @__PURE__ */ new Map();
  const hold = (claim) => {
    if (claim) holders.set(claim.process, Math.min(holders.get(claim.process) ?? Infinity, claim.ticket));
  };
  for (const { config, claim, alive } of listedClaims(configs, nowMs, claimTtlMs)) {
    if (claim) view.shown.set(config.name, claim);
    if (claim) view.maxTicket = Math.max(view.maxTicket, claim.ticket);
    if (IN_FLIGHT.has(config.state)) {
      view.inFlight.add(config.name);
      hold(claim ?? own.inFlight.get(config.name));
      continue;
    }
    if (!claim || !alive) continue;
    const mine = own.waiting.get(config.name);
    if (mine && mine.process !== claim.process) view.contested.add(config.name);
    if (claim.ticket === 0) view.choosing.set(config.name, claim.process);
    else waiting.set(config.name, claim);
  }
  for (const claim of own.inFlight.values()) hold(claim);
  for (const [name, claim] of own.waiting) {
    if (claim.ticket > 0 && !view.inFlight.has(name) && !view.contested.has(name)) waiting.set(name, claim);
    view.maxTicket = Math.max(view.maxTicket, claim.ticket);
  }
  view.queue = [...waiting].filter(([name]) => !view.inFlight.has(name)).map(([name, claim]) => ({ name, claim })).sort(byTicket);
  view.tailOrder = [...holders].sort((a, b) => a[1] - b[1]).map(([process]) => process);
  return view;
}
function withinSlots(view, process, maxParallel) {
  const free = Math.max(0, maxParallel - view.inFlight.size);
  return view.queue.slice(0, free).filter((entry) => entry.claim.process === process && !view.contested.has(entry.name)).map((entry) => entry.name);
}
function foreignChoosing(view, process) {
  return new Set([...view.choosing].filter(([, owner]) => owner !== process).map(([name]) => name));
}
function mayTail(view, process) {
  const rank = view.tailOrder.indexOf(process);
  return rank === -1 ? view.tailOrder.length < MAX_TAILS_PER_PROJECT : rank < MAX_TAILS_PER_PROJECT;
}

// src/lifecycle/quota-limit.ts
var QuotaLimit = class {
  constructor(maxParallel, onChange) {
    this.maxParallel = maxParallel;
    this.onChange = onChange;
    this.limit = maxParallel;
  }
  maxParallel;
  onChange;
  limit;
  loweredAtMs = Number.NEGATIVE_INFINITY;
  endedOk = 0;
  get current() {
    return this.limit;
  }
  /** A run admitted at `admittedAtMs` ended; `quota` when DTS failed it on a quota. */
  runEnded(end, admittedAtMs, nowMs) {
    if (end === "quota") {
      if (admittedAtMs < this.loweredAtMs) return;
      this.limit = Math.max(1, Math.ceil(this.limit / 2));
      this.loweredAtMs = nowMs;
      this.endedOk = 0;
      this.onChange?.(this.limit, end);
      return;
    }
    if (this.limit >= this.maxParallel) return;
    this.endedOk += 1;
    if (this.endedOk < this.limit) return;
    this.endedOk = 0;
    this.limit += 1;
    this.onChange?.(this.limit, end);
  }
};

// src/lifecycle/slots.ts
var Slots = class {
  constructor(capacity) {
    this.capacity = capacity;
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new Error(`a slot count must be a positive integer (got ${capacity})`);
    }
  }
  capacity;
  used = 0;
  line = [];
  acquire(signal) {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.used < this.capacity && this.line.length === 0) {
      this.used += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const entry = {
        signal,
        grant: () => {
          signal?.removeEventListener("abort", leave);
          resolve();
        }
      };
      const leave = () => {
        const index = this.line.indexOf(entry);
        if (index !== -1) this.line.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", leave, { once: true });
      this.line.push(entry);
    });
  }
  release() {
    const next = this.line.shift();
    if (next) next.grant();
    else this.used = Math.max(0, this.used - 1);
  }
};

// src/lifecycle/admission.ts
var DEFAULT_ADMISSION_TIMING = {
  pollMs: 2e3,
  claimTtlMs: 6e4,
  renewMs: 2e4
};
var CLAIMS_PER_SLOT = 2;
var MIN_POLL_GAP_MS = 200;
function createAdmissionGate(options) {
  const timing = { ...DEFAULT_ADMISSION_TIMING, ...options.timing };
  const { dts, clock, maxParallel } = options;
  const random = options.random ?? Math.random;
  const process = options.process ?? randomBytes(5).toString("hex");
  const slots = new Slots(maxParallel * CLAIMS_PER_SLOT);
  const waiting = /* @__PURE__ */ new Map();
  const inFlight = /* @__PURE__ */ new Map();
  const closing = new AbortController();
  setMaxListeners(maxParallel * CLAIMS_PER_SLOT + 10, closing.signal);
  let view;
  let listed = [];
  let polling = false;
  let kicked = false;
  let wake = new AbortController();
  let troubleTold = false;
  const limit = new QuotaLimit(maxParallel, (now, reason) => {
    if (reason === "quota") {
      options.onLimit?.(
        `DTS failed a run on its concurrent-runs quota: this process now keeps at most ${now} run(s) in flight (max_parallel ${maxParallel}); lower max_parallel if this repeats`
      );
    } else if (now === maxParallel) {
      options.onLimit?.(`runs end without meeting the quota again: back to max_parallel ${maxParallel}`);
    }
  });
  const own = () => ({
    inFlight,
    waiting: new Map([...waiting].map(([name, waiter]) => [name, waiter.lease.claim]))
  });
  const write = async (name, waiter, claim) => {
    const lease = waiter.lease;
    lease.claim = claim;
    lease.renewedAtMs = clock.now().getTime();
    try {
      await dts.renameConfig(name, withClaim(lease.baseName ?? name, claim), closing.signal);
    } catch (error) {
      if (error instanceof CloudError && error.code === "NOT_FOUND") {
        waiting.delete(name);
        waiter.reject(new Error(`transfer config ${name} was deleted while it waited for a quota slot`));
      }
    }
  };
  const chooseTickets = async (current) => {
    let next = current.maxTicket;
    const chosen = [...waiting].filter(
      ([name, waiter]) => waiter.lease.claim.ticket === 0 && !current.contested.has(name) && sameClaim(current.shown.get(name), waiter.lease.claim)
    );
    await Promise.all(
      chosen.map(
        ([name, waiter]) => write(name, waiter, { ...waiter.lease.claim, ticket: ++next, touch: waiter.lease.claim.touch + 1 })
      )
    );
    return new Set(chosen.map(([name]) => name));
  };
  const admit = (current, justChosen) => {
    const choosing = foreignChoosing(current, process);
    for (const [name, waiter] of waiting) {
      const lease = waiter.lease;
      if (justChosen.has(name) || lease.claim.ticket === 0 || !sameClaim(current.shown.get(name), lease.claim))
        continue;
      lease.blockers = new Set([...lease.blockers ?? choosing].filter((blocker) => choosing.has(blocker)));
    }
    for (const name of withinSlots(current, process, limit.current)) {
      const waiter = waiting.get(name);
      if (waiter?.lease.blockers?.size !== 0) continue;
      waiter.lease.admittedAtMs = clock.now().getTime();
      waiting.delete(name);
      inFlight.set(name, waiter.lease.claim);
      waiter.resolve();
    }
  };
  const renew = async (current, nowMs, justWritten) => {
    const listedNames = new Set(listed.map((config) => config.name));
    const due = [...waiting].filter(([name, waiter]) => {
      if (justWritten.has(name) || current.contested.has(name) || current.inFlight.has(name)) return false;
      const stale = nowMs - waiter.lease.renewedAtMs >= timing.renewMs;
      const shown = current.shown.get(name);
      return stale || listedNames.has(name) && !sameClaim(shown, waiter.lease.claim);
    });
    await Promise.all(
      due.map(
        ([name, waiter]) => write(name, waiter, { ...waiter.lease.claim, touch: waiter.lease.claim.touch + 1 })
      )
    );
  };
  const read = async () => {
    const configs = await dts.listConfigs(closing.signal);
    listed = configs;
    const nowMs = clock.now().getTime();
    view = readQueue(configs, own(), nowMs, timing.claimTtlMs);
    return { current: view, nowMs };
  };
  const look = async () => {
    const { current, nowMs } = await read();
    const justChosen = await chooseTickets(current);
    admit(current, justChosen);
    await renew(current, nowMs, justChosen);
    if (justChosen.size > 0 && waiting.size > 0) admit((await read()).current, /* @__PURE__ */ new Set());
  };
  const pause = async () => {
    const lookedAt = clock.now().getTime();
    if (!kicked) {
      wake = new AbortController();
      const gap = timing.pollMs * (0.5 + random());
      await clock.sleep(gap, AbortSignal.any([closing.signal, wake.signal])).catch(() => void 0);
    }
    kicked = false;
    const floor = Math.min(MIN_POLL_GAP_MS, timing.pollMs / 2) - (clock.now().getTime() - lookedAt);
    if (floor > 0 && !closing.signal.aborted) await clock.sleep(floor, closing.signal).catch(() => void 0);
  };
  const loop = async () => {
    polling = true;
    try {
      while (waiting.size > 0 && !closing.signal.aborted) {
        try {
          await look();
          troubleTold = false;
        } catch (error) {
          if (closing.signal.aborted) return;
          if (!troubleTold) {
            troubleTold = true;
            options.onTrouble?.(
              `the quota queue could not be read (${error instanceof Error ? error.message : String(error)}); retrying`
            );
          }
        }
        if (waiting.size === 0) break;
        await pause();
      }
    } finally {
      polling = false;
    }
  };
  const kick = () => {
    kicked = true;
    if (polling) wake.abort();
    else void loop();
  };
  const leaseFor = (state) => {
    let released = false;
    return {
      get claim() {
        return state.claim;
      },
      attach(configName, baseName) {
        state.configName = configName;
        state.baseName = baseName;
        state.renewedAtMs = clock.now().getTime();
      },
      admitted(signal) {
        const name = state.configName;
        if (!name) return Promise.reject(new Error("a lease must be attached to a config before admission"));
        return new Promise((resolve, reject) => {
          const abort = () => {
            waiting.delete(name);
            reject(signal?.reason);
          };
          if (signal?.aborted) return abort();
          signal?.addEventListener("abort", abort, { once: true });
          const done = () => signal?.removeEventListener("abort", abort);
          waiting.set(name, {
            lease: state,
            resolve: () => {
              done();
              resolve();
            },
            reject: (error) => {
              done();
              reject(error);
            }
          });
          kick();
        });
      },
      async release(ended) {
        if (released) return;
        released = true;
        if (ended && state.admittedAtMs !== void 0) {
          limit.runEnded(ended, state.admittedAtMs, clock.now().getTime());
        }
        const name = state.configName;
        if (name && state.baseName) {
          await dts.renameConfig(name, state.baseName, AbortSignal.timeout(3e4)).catch(() => void 0);
        }
        if (name) {
          waiting.delete(name);
          inFlight.delete(name);
        }
        slots.release();
        if (name && ended && view) {
          view.inFlight.delete(name);
          admit(view, /* @__PURE__ */ new Set());
        }
        if (waiting.size > 0) kick();
      }
    };
  };
  return {
    process,
    maxParallel,
    claims: maxParallel * CLAIMS_PER_SLOT,
    async enter(signal) {
      await slots.acquire(signal);
      const now = clock.now().getTime();
      return leaseFor({ claim: { ticket: 0, touch: 0, process }, renewedAtMs: now });
    },
    mayTail: () => view ? mayTail(view, process) : true,
    lastConfigs: () => listed,
    nudge() {
      if (waiting.size > 0) kick();
    },
    close() {
      closing.abort();
      for (const [name, waiter] of waiting) {
        waiting.delete(name);
        waiter.reject(new Error("the quota queue was closed"));
      }
    }
  };
}

// src/lifecycle/clock.ts
var systemClock = {
  now: () => /* @__PURE__ */ new Date(),
  sleep: realSleep
};

// src/lifecycle/format.ts
function errorText(error) {
  if (error instanceof CloudError)
    return `${error.message} (${error.service} ${error.operation}: ${error.code})`;
  return error instanceof Error ? error.message : String(error);
}
function formatDuration(ms) {
  if (ms % 36e5 === 0) return `${ms / 36e5}h`;
  if (ms % 6e4 === 0) return `${ms / 6e4}m`;
  return `${Math.round(ms / 1e3)}s`;
}
function timeSpan(startedAt, finishedAt) {
  return {
    started_at: startedAt.toISOString(),
    finished_at: finishedAt.toISOString(),
    duration_ms: finishedAt.getTime() - startedAt.getTime()
  };
}

// src/lifecycle/run-watch.ts
var IDLE_CLOSE_MS = 1e4;
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
  const watch = { state: "idle" };
  const clock = options.clock ?? systemClock;
  const configId = options.configName ? lastSegment(options.configName) : void 0;
  let session = new AbortController();
  let tail;
  let reopened = 0;
  let told = false;
  const setState = (state) => {
    if (watch.state === state || watch.state === "closed") return;
    watch.state = state;
    for (const subscription of all()) subscription.signalChange();
  };
  const fallBack = (message) => {
    if (told) return;
    told = true;
    options.onFallback?.(`${message}; waiting for runs by polling`);
  };
  const onEnd = (error) => {
    if (watch.state === "closed" || watch.state === "idle") return;
    tail = void 0;
    setState("lost");
    const delay = TAIL_REOPEN_DELAYS_MS[reopened];
    fallBack(
      `Cloud Logging live tail unavailable (${error.code}: ${error.message})${error.retryable && delay !== void 0 ? ", retrying it later" : ""}`
    );
    if (!error.retryable || delay === void 0) return;
    reopened += 1;
    clock.sleep(delay, session.signal).then(
      () => byRun.size > 0 && open(),
      () => void 0
      // closed or idle meanwhile
    );
  };
  const onMessages = (messages, suppressed) => {
    if (watch.state === "closed") return;
    if (messages.length > 0 || suppressed > 0) options.onAnyMessage?.();
    if (suppressed > 0) for (const subscription of all()) subscription.signalActivity();
    for (const message of messages) {
      for (const subscription of byRun.get(message.runId) ?? []) subscription.signalActivity();
    }
  };
  const open = () => {
    if (watch.state === "closed" || !options.logging.tailRunMessages) return;
    if (watch.state === "idle") setState("opening");
    try {
      tail = options.logging.tailRunMessages(
        { configId, bufferWindowMs: options.bufferWindowMs },
        { onOpen: () => setState("live"), onMessages, onEnd }
      );
    } catch (error) {
      setState("lost");
      fallBack(
        `Cloud Logging live tail could not start (${error instanceof Error ? error.message : String(error)})`
      );
    }
  };
  const closeTail = (next) => {
    session.abort();
    session = new AbortController();
    tail?.close();
    tail = void 0;
    reopened = 0;
    setState(next);
  };
  const idleCheck = () => {
    clock.sleep(options.idleCloseMs ?? IDLE_CLOSE_MS, session.signal).then(
      () => byRun.size === 0 && watch.state !== "closed" && closeTail("idle"),
      () => void 0
    );
  };
  const unsubscribe = (runId, closed) => {
    const set = byRun.get(runId);
    set?.delete(closed);
    if (set?.size === 0) byRun.delete(runId);
    if (byRun.size === 0 && watch.state !== "idle" && watch.state !== "closed") idleCheck();
  };
  return {
    get state() {
      return watch.state;
    },
    subscribe(runName) {
      const runId = lastSegment(runName);
      const subscription = new Subscription(watch, (closed) => unsubscribe(runId, closed));
      let set = byRun.get(runId);
      if (!set) {
        set = /* @__PURE__ */ new Set();
        byRun.set(runId, set);
      }
      set.add(subscription);
      if (watch.state === "idle" && (options.mayTail?.() ?? true)) open();
      return subscription;
    },
    close() {
      if (watch.state === "closed") return;
      closeTail("closed");
      byRun.clear();
    }
  };
}

// src/lifecycle/poll-schedule.ts
var DEFAULT_POLL_SCHEDULE = {
  initialMs: 1e3,
  factor: 1.5,
  capMs: 1e4
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

// src/lifecycle/timing.ts
var DTS_VISIBILITY_DELAY_MS = 5 * 6e4;
var DEFAULT_TIMING = {
  poll: DEFAULT_POLL_SCHEDULE,
  quotaBackoffMs: 3e4,
  visibilityDelayMs: DTS_VISIBILITY_DELAY_MS,
  settleTimeoutMs: 10 * 6e4,
  busyRetryMs: 5e3,
  admission: DEFAULT_ADMISSION_TIMING
};
function timingOf(overrides) {
  return {
    ...DEFAULT_TIMING,
    ...overrides,
    admission: { ...DEFAULT_TIMING.admission, ...overrides?.admission }
  };
}

// src/lifecycle/context.ts
var TableTimeout = class extends Error {
  name = "TableTimeout";
};
function createTableContext(spec, plan, options) {
  const clock = options.clock ?? systemClock;
  const timing = timingOf(options.timing);
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new TableTimeout(`timed out after ${formatDuration(options.timeoutMs)} (--timeout)`)),
    options.timeoutMs
  );
  const onCancel = () => controller.abort(options.signal?.reason ?? new Error("cancelled"));
  if (options.signal?.aborted) onCancel();
  else options.signal?.addEventListener("abort", onCancel, { once: true });
  const admission = options.admission ?? createAdmissionGate({
    dts: options.services.dts,
    maxParallel: options.settings.maxParallel,
    clock,
    timing: timing.admission
  });
  const ownWatch = options.watch ? void 0 : createRunWatch({ logging: options.services.logging, clock });
  const warnings = [];
  const emit = (event) => options.onEvent?.(event);
  return {
    spec,
    plan,
    services: options.services,
    location: options.settings.location,
    clock,
    timing,
    signal: controller.signal,
    admission,
    watch: options.watch ?? ownWatch,
    runLabel: options.runLabel,
    dryRun: options.dryRun === true,
    emit,
    warn(message) {
      warnings.push(message);
      emit({ type: "warning", table: spec.name, message });
    },
    warnings,
    onConfigCreated: (name) => options.onConfigCreated?.(name),
    onConfigDeleted: (name) => options.onConfigDeleted?.(name),
    abortMessage: () => controller.signal.reason instanceof TableTimeout ? controller.signal.reason.message : "cancelled before the partition finished",
    dispose() {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onCancel);
      ownWatch?.close();
      if (!options.admission) admission.close();
    }
  };
}

// src/lifecycle/decide.ts
var NO_NEW_FILES = /no new files found/i;
function saysNoNewFiles(messages) {
  return messages.some((message) => NO_NEW_FILES.test(message.text));
}
var ROW_DROP_WARNING_SHARE = 0.5;
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
    return {
      status: "skipped",
      message: evidence.append ? `no new files under ${evidence.source} since this partition's last append` : `DTS found no new files under ${evidence.source}`
    };
  }
  if (evidence.rows === void 0) {
    return {
      status: "failed",
      step: "verify",
      message: "the run succeeded but its rows could not be counted"
    };
  }
  const before = evidence.rowsBefore ?? 0;
  if (!evidence.append && before > 0 && evidence.rows < before * ROW_DROP_WARNING_SHARE) {
    const message = `the partition went from ${before} to ${evidence.rows} rows: check the files under ${evidence.source}`;
    return { status: "loaded", rows: evidence.rows, message, warning: message };
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
  const wouldLoad2 = result.partitions.filter((p) => p.would_load_files !== void 0);
  if (wouldLoad2.length > 0) return dryRunMessage(result.partitions.length, wouldLoad2);
  if (status === "skipped") {
    if (result.partitions.length === 0) return "nothing planned";
    return result.partitions.every((p) => p.message === result.partitions[0]?.message) ? result.partitions[0]?.message : "no partition had files to load";
  }
  const skipped = result.partitions.filter((p) => p.status === "skipped").map((p) => p.id);
  return skipped.length > 0 ? `skipped (no files): ${skipped.join(", ")}` : void 0;
}
function dryRunMessage(planned, wouldLoad2) {
  const files = wouldLoad2.reduce((sum, p) => sum + (p.would_load_files ?? 0), 0);
  const rest = planned - wouldLoad2.length;
  return `dry run: ${wouldLoad2.length} partition(s) would load (${files} file(s))${rest > 0 ? `, ${rest} would not` : ""}`;
}

// src/lifecycle/start.ts
async function startAdmitted(ctx, partition, config, lease, runTime) {
  const { dts } = ctx.services;
  if (config.appendKey) {
    const candidates = groupByKey(ctx.admission.lastConfigs()).get(config.appendKey) ?? [];
    const winner = pickAppendConfig(candidates);
    if (winner && winner.name !== config.name) return { kind: "moved", to: winner };
    const now = parseConfigName((await dts.getConfig(config.name, ctx.signal)).displayName);
    const claim = now?.kind === "append" ? now.claim : void 0;
    if (!sameClaim(claim, lease.claim)) {
      return { kind: "busy", message: "another process claimed its transfer config first" };
    }
    const listed = candidates.find((candidate) => candidate.name === config.name);
    if (listed && !paramsCurrent(ctx, partition, listed)) {
      await dts.updateConfig(
        config.name,
        configInput(ctx, partition, config.baseName, lease.claim),
        ctx.signal
      );
    }
  }
  try {
    return { kind: "started", run: await dts.startRun(config.name, runTime, ctx.signal) };
  } catch (error) {
    if (error instanceof CloudError && error.code === "FAILED_PRECONDITION") {
      return { kind: "busy", message: error.message };
    }
    throw error;
  }
}

// src/lifecycle/steps.ts
var StepError = class extends Error {
  constructor(step, cause) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.step = step;
    this.cause = cause;
  }
  step;
  cause;
  name = "StepError";
};
async function inStep(step, work) {
  try {
    return await work();
  } catch (error) {
    throw error instanceof StepError ? error : new StepError(step, error);
  }
}
function stepFailure(error, cancellation) {
  const step = error instanceof StepError ? error.step : "precheck";
  const cause = error instanceof StepError ? error.cause : error;
  return { step, message: cancellation.signal.aborted ? cancellation.abortMessage() : errorText(cause) };
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

// src/lifecycle/attempt.ts
async function claimConfig(ctx, input, claim) {
  const config = input.config ?? await openConfig(ctx, input, claim);
  if (config.created && !input.config) return config;
  const busy = config.ephemeral ? void 0 : await busyReason(ctx, config.name, ctx.timing.admission.claimTtlMs);
  if (busy) return { busy, config };
  await ctx.services.dts.renameConfig(config.name, withClaim(config.baseName, claim), ctx.signal);
  return config;
}
async function openConfig(ctx, input, claim) {
  const { partition } = input;
  const opened = ctx.spec.writeDisposition === "WRITE_APPEND" ? await openAppendConfig(ctx, input.target, partition, claim, input.index) : await createTruncateConfig(ctx, partition, claim);
  ctx.emit({
    type: "config-ready",
    table: ctx.spec.name,
    partition: partition.id,
    config: opened.name,
    created: opened.created
  });
  return opened;
}
function failedOnQuota(run) {
  return run.state === "FAILED" && (run.errorCode !== void 0 && grpcCodeName(run.errorCode) === "RESOURCE_EXHAUSTED" || looksLikeQuota(run.errorMessage ?? ""));
}
async function attemptRun(ctx, input) {
  const { signal } = ctx;
  const lease = await inStep("admission", () => ctx.admission.enter(signal));
  let config = input.config;
  let ended;
  try {
    const claimed = await inStep("create-config", () => claimConfig(ctx, input, lease.claim));
    if ("busy" in claimed) return { kind: "busy", config: claimed.config, message: claimed.busy };
    config = claimed;
    input.onConfig(config);
    const current = config;
    lease.attach(current.name, current.baseName);
    await inStep("admission", () => lease.admitted(signal));
    const start = await inStep(
      "start-run",
      () => startAdmitted(ctx, input.partition, current, lease, input.runTime)
    );
    if (start.kind === "moved") {
      config = await moveTo(ctx, current, start.to);
      input.onConfig(config);
      return { kind: "moved", config };
    }
    if (start.kind === "busy") return { kind: "busy", config: current, message: start.message };
    ctx.emit({
      type: "run-started",
      table: ctx.spec.name,
      partition: input.partition.id,
      run: start.run.name
    });
    const { run } = await inStep(
      "wait",
      () => waitForRun(ctx.services.dts, start.run.name, ctx.clock, {
        schedule: ctx.timing.poll,
        signal,
        signals: ctx.watch
      })
    );
    ended = failedOnQuota(run) ? "quota" : "ok";
    ctx.emit({
      type: "run-ended",
      table: ctx.spec.name,
      partition: input.partition.id,
      run: run.name,
      state: run.state
    });
    return { kind: "ran", config: current, run };
  } finally {
    await lease.release(ended);
  }
}
async function moveTo(ctx, mine, winner) {
  if (mine.created) await ctx.services.dts.deleteConfig(mine.name, ctx.signal).catch(() => void 0);
  return {
    name: winner.name,
    baseName: stripClaim(winner.displayName),
    ephemeral: false,
    created: false,
    appendKey: mine.appendKey
  };
}

// src/lifecycle/cleanup.ts
var CLEANUP_TIMEOUT_MS = 6e4;
async function deletePartitionConfig(ctx, name) {
  try {
    await ctx.services.dts.deleteConfig(name, AbortSignal.timeout(CLEANUP_TIMEOUT_MS));
    ctx.onConfigDeleted(name);
  } catch (error) {
    if (error instanceof CloudError && error.code === "NOT_FOUND") {
      ctx.onConfigDeleted(name);
      return;
    }
    ctx.warn(
      `could not delete transfer config ${name} (${errorText(error)}); \`s3bq janitor\` removes it later`
    );
  }
}

// src/lifecycle/settle.ts
var MARGIN_MS = 1e3;
async function settle(ctx, partition, first) {
  const { clock, timing } = ctx;
  const deadline = clock.now().getTime() + timing.settleTimeoutMs;
  let check = first;
  let told = false;
  for (; ; ) {
    const ageMs = check.newest ? check.listedAt.getTime() - check.newest.getTime() : Infinity;
    if (ageMs >= timing.visibilityDelayMs) return { kind: "quiet", check };
    const waitMs = timing.visibilityDelayMs - ageMs + MARGIN_MS;
    if (clock.now().getTime() + waitMs > deadline) return { kind: "arriving", check, newestAgeMs: ageMs };
    if (!told) {
      told = true;
      ctx.emit({
        type: "progress",
        table: ctx.spec.name,
        message: `${partition.id}: newest file is ${formatDuration(Math.max(0, ageMs))} old; waiting until DTS can see it (up to ${formatDuration(timing.settleTimeoutMs)})`
      });
    }
    await clock.sleep(waitMs, ctx.signal);
    const next = await checkPrefix(ctx.services.s3, partition, () => clock.now(), ctx.signal);
    if (next.kind !== "files") return { kind: "changed", check: next };
    check = next;
  }
}

// src/lifecycle/verify.ts
var LOG_WINDOW_MARGIN_MS = 10 * 6e4;
async function verifyRun(ctx, target, partition, configName, run) {
  if (run.state !== "SUCCEEDED") return { messages: [] };
  const { services, signal } = ctx;
  let messages = [];
  let logsRead = true;
  try {
    messages = await services.dts.listLogs(run.name, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    logsRead = false;
  }
  if (saysNoNewFiles(messages)) return { messages };
  const rows = (await services.bigquery.partitionRows(target.ref, signal)).get(partition.id) ?? 0;
  if (rows === 0 || !logsRead) messages.push(...await loggedMessages(ctx, partition, configName, run));
  return { messages, rows };
}
async function loggedMessages(ctx, partition, configName, run) {
  const started = run.startTime ?? run.runTime ?? ctx.clock.now();
  const ended = run.endTime ?? ctx.clock.now();
  try {
    return await ctx.services.logging.runMessages(
      {
        configId: configName.split("/").pop() ?? "",
        runId: run.name.split("/").pop() ?? "",
        from: new Date(started.getTime() - LOG_WINDOW_MARGIN_MS),
        to: new Date(ended.getTime() + LOG_WINDOW_MARGIN_MS)
      },
      ctx.signal
    );
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    ctx.warn(`${partition.id}: Cloud Logging could not be read (${errorText(error)})`);
    return [];
  }
}
async function warnLateArrivals(ctx, partition, checkedAt) {
  const check = await checkPrefix(ctx.services.s3, partition, () => ctx.clock.now(), ctx.signal);
  if (check.kind !== "files" || !check.newest || check.newest <= checkedAt) return;
  ctx.warn(
    `${partition.id}: files landed under ${partition.source} while its append run was starting (newest ${check.newest.toISOString()}, after the check at ${checkedAt.toISOString()}); DTS may never append a file it could not see yet: compare the partition with S3, and let writers finish before the tick`
  );
}

// src/lifecycle/partition.ts
var MAX_RUN_ATTEMPTS = 5;
var MAX_MOVES = 5;
async function loadPartition(ctx, target, check, index) {
  const { partition } = check;
  const base = { id: partition.id, source: partition.source, status: "skipped" };
  const rowsBefore = target.rowsBefore.get(partition.id);
  if (rowsBefore !== void 0) base.rows_before = rowsBefore;
  const append = ctx.spec.writeDisposition === "WRITE_APPEND";
  let config;
  try {
    const settled = await inStep("precheck", () => settle(ctx, partition, check));
    if (settled.kind === "changed") return changedOutcome(base, settled.check);
    const early = settled.kind === "arriving" ? arrivingOutcome(ctx, base, settled, append) : void 0;
    if (early) return { result: early };
    const startedAt = ctx.clock.now();
    const runTime = settled.check.listedAt;
    const run = await runThroughQueue(ctx, target, check, index, runTime, (next) => {
      config = next;
    });
    const timed = { ...base, run_name: run.name, ...timeSpan(startedAt, ctx.clock.now()) };
    const evidence = await inStep("verify", () => verifyRun(ctx, target, partition, config.name, run));
    if (append && run.state === "SUCCEEDED") await warnLateArrivals(ctx, partition, runTime);
    const decision = decideRun({ run, ...evidence, rowsBefore, source: partition.source, append });
    if (decision.warning) ctx.warn(`${partition.id}: ${decision.warning}`);
    const { status, rows, message, step } = decision;
    if (status !== "failed") return { result: { ...timed, status, rows, message } };
    return { result: { ...timed, status, rows, message: `${step}: ${message}` }, failedStep: step };
  } catch (error) {
    const { step, message } = stepFailure(error, ctx);
    return { result: { ...base, status: "failed", message: `${step}: ${message}` }, failedStep: step };
  } finally {
    if (config?.ephemeral) await deletePartitionConfig(ctx, config.name);
  }
}
function changedOutcome(base, check) {
  if (check.kind === "error") {
    return {
      result: { ...base, status: "failed", message: `precheck: ${check.message}` },
      failedStep: "precheck"
    };
  }
  return { result: { ...base, status: "skipped", message: `no files under ${base.source} any more` } };
}
function arrivingOutcome(ctx, base, settled, append) {
  const age = formatDuration(Math.max(0, Math.round(settled.newestAgeMs / 1e3) * 1e3));
  if (append) {
    const message = `files are still arriving under ${base.source} (newest ${age} old): skipped so that DTS appends them all on a later tick`;
    ctx.warn(`${base.id}: ${message}`);
    return { ...base, message };
  }
  ctx.warn(
    `${base.id}: files are still arriving under ${base.source} (newest ${age} old); DTS may not see them yet, so the partition may load incomplete — a later tick loads it again`
  );
  return void 0;
}
async function runThroughQueue(ctx, target, check, index, runTime, onConfig) {
  const { partition } = check;
  let config;
  for (let quotaFailures = 0, moves = 0; ; ) {
    const attempt = await attemptRun(ctx, {
      target,
      partition,
      config,
      index,
      runTime,
      onConfig: (next) => {
        config = next;
        onConfig(next);
      }
    });
    config = attempt.config;
    if (attempt.kind === "moved") {
      if (++moves > MAX_MOVES)
        throw new StepError("start-run", new Error("its transfer config keeps changing"));
      continue;
    }
    if (attempt.kind === "busy") {
      ctx.emit({
        type: "progress",
        table: ctx.spec.name,
        message: `${partition.id}: ${attempt.message}; waiting`
      });
      await ctx.clock.sleep(ctx.timing.busyRetryMs * (0.5 + Math.random()), ctx.signal);
      continue;
    }
    const { run } = attempt;
    if (!failedOnQuota(run) || ++quotaFailures >= MAX_RUN_ATTEMPTS) return run;
    await quotaPause(ctx, partition.id, run, quotaFailures);
  }
}
async function quotaPause(ctx, id, run, failures) {
  const base = ctx.timing.quotaBackoffMs;
  const pause = backoffDelay(failures, { baseDelayMs: base, maxDelayMs: base * 4, random: Math.random });
  ctx.warn(`${id}: run hit a quota (${run.errorMessage}); starting it again in ${formatDuration(pause)}`);
  await ctx.clock.sleep(pause, ctx.signal);
}

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

// src/lifecycle/table.ts
async function prepareTable(ctx, checks) {
  const { spec, services, signal } = ctx;
  const ref = {
    projectId: spec.project ?? services.projectId,
    datasetId: spec.dataset,
    tableId: spec.table
  };
  const firstFiles = checks.find((check) => check.kind === "files");
  const outcome = await ensureTable(services.bigquery, {
    spec,
    ref,
    location: ctx.location,
    signal,
    inferSchema: () => inferSchema(
      spec,
      services.s3,
      spec.source.bucket,
      firstFiles?.kind === "files" ? firstFiles.objects : [],
      signal
    )
  });
  if (outcome.addedColumns.length > 0) {
    ctx.emit({
      type: "progress",
      table: spec.name,
      message: `added column(s) ${outcome.addedColumns.join(", ")} to ${ref.datasetId}.${ref.tableId}`
    });
  }
  const rowsBefore = outcome.created.table ? /* @__PURE__ */ new Map() : await services.bigquery.partitionRows(ref, signal);
  return { ref, destination: `${ref.projectId}.${ref.datasetId}.${ref.tableId}`, rowsBefore };
}

// src/lifecycle/run-table.ts
async function runTable(planned, options) {
  const ctx = createTableContext(planned.spec, planned.plan, options);
  const startedAt = ctx.clock.now();
  ctx.emit({ type: "table-started", table: ctx.spec.name, partitions: ctx.plan.partitions.length });
  const outcomes = /* @__PURE__ */ new Map();
  const decide = (outcome) => {
    outcomes.set(outcome.result.id, outcome);
    ctx.emit({ type: "partition-finished", table: ctx.spec.name, partition: outcome.result });
  };
  let failure;
  try {
    await loadTable(ctx, decide);
  } catch (error) {
    failure = stepFailure(error, ctx);
    for (const partition of ctx.plan.partitions) {
      if (outcomes.has(partition.id)) continue;
      const message = `${failure.step}: ${failure.message}`;
      decide({
        result: { id: partition.id, source: partition.source, status: "failed", message },
        failedStep: failure.step
      });
    }
  } finally {
    ctx.dispose();
  }
  const result = summarize(ctx, startedAt, outcomes, failure);
  ctx.emit({ type: "table-finished", table: ctx.spec.name, result });
  return result;
}
async function loadTable(ctx, decide) {
  const { plan } = ctx;
  if (!plan.enabled || plan.skip_reason) {
    const message = plan.skip_reason ?? "table disabled";
    for (const p of plan.partitions)
      decide({ result: { id: p.id, source: p.source, status: "skipped", message } });
    return;
  }
  const checks = await inStep(
    "precheck",
    () => precheckPartitions(ctx.services.s3, plan.partitions, () => ctx.clock.now(), ctx.signal)
  );
  const withFiles = checks.flatMap((check) => check.kind === "files" ? [check] : []);
  for (const check of checks) if (check.kind !== "files") decide(withoutFiles(ctx, check));
  if (ctx.dryRun) {
    for (const check of withFiles) decide({ result: wouldLoad(check) });
    return;
  }
  if (withFiles.length === 0) return;
  const target = await inStep("ensure-table", () => prepareTable(ctx, checks));
  const index = new AppendConfigIndex(ctx.services.dts);
  const limit = pLimit(ctx.admission.claims);
  await Promise.all(
    withFiles.map((check) => limit(async () => decide(await loadPartition(ctx, target, check, index))))
  );
}
function withoutFiles(ctx, check) {
  const { id, source } = check.partition;
  if (check.kind === "error")
    return { result: { id, source, status: "failed", message: check.message }, failedStep: "precheck" };
  if (check.kind === "empty")
    return { result: { id, source, status: "skipped", message: `no files under ${source}` } };
  const message = `all ${check.count} file(s) under ${source} are empty: skipped, the partition's rows are kept`;
  ctx.warn(`${id}: ${message}`);
  return { result: { id, source, status: "skipped", message } };
}
function wouldLoad(check) {
  const { id, source } = check.partition;
  const files = `${check.count}${check.truncated ? "+" : ""} file(s)`;
  return {
    id,
    source,
    status: "skipped",
    message: `dry run: would load ${files}`,
    would_load_files: check.count
  };
}
function summarize(ctx, startedAt, outcomes, failure) {
  const partitions = ctx.plan.partitions.flatMap((p) => {
    const outcome = outcomes.get(p.id);
    return outcome ? [outcome.result] : [];
  });
  const status = tableStatus(partitions);
  const failedStep = failure?.step ?? ctx.plan.partitions.map((p) => outcomes.get(p.id)?.failedStep).find(Boolean);
  return {
    name: ctx.spec.name,
    destination: ctx.plan.destination,
    status,
    partitions,
    ...timeSpan(startedAt, ctx.clock.now()),
    message: status === "failed" && failure ? `${failure.step}: ${failure.message}` : tableMessage({ partitions }, status),
    ...status === "failed" ? { failed_step: failedStep } : {},
    ...ctx.warnings.length > 0 ? { warnings: [...ctx.warnings] } : {},
    ...ctx.spec.owners.length > 0 ? { owners: ctx.spec.owners } : {}
  };
}

// src/pipeline/preflight.ts
var PREFLIGHT_DEADLINE_MS = 5e3;
var PreflightError = class extends Error {
  name = "PreflightError";
};
var GOOGLE_CREDENTIALS = "run `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS to a key file, and check the service account’s roles";
function whereIs(service, env, transport) {
  const variable = {
    s3: env.AWS_ENDPOINT_URL_S3 ? "AWS_ENDPOINT_URL_S3" : env.AWS_ENDPOINT_URL ? "AWS_ENDPOINT_URL" : void 0,
    dts: transport === "rest" && env.DTS_EMULATOR_REST ? "DTS_EMULATOR_REST" : env.DTS_EMULATOR_HOST ? "DTS_EMULATOR_HOST" : void 0,
    logging: transport === "rest" && env.LOGGING_EMULATOR_REST ? "LOGGING_EMULATOR_REST" : env.LOGGING_EMULATOR_HOST ? "LOGGING_EMULATOR_HOST" : void 0,
    bigquery: env.BIGQUERY_EMULATOR_HOST ? "BIGQUERY_EMULATOR_HOST" : void 0
  }[service];
  if (variable) return `${variable}=${env[variable]}`;
  return {
    s3: "Amazon S3",
    dts: "the BigQuery Data Transfer Service (bigquerydatatransfer.googleapis.com)",
    logging: "Cloud Logging (logging.googleapis.com)",
    bigquery: "BigQuery (bigquery.googleapis.com)"
  }[service];
}
function problem(service, error, where, hasAwsKeys) {
  const text = error instanceof Error ? error.message : String(error);
  if (service === "s3" && /credential/i.test(text)) {
    return `no AWS credentials for ${where}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY`;
  }
  if (service !== "s3" && /default credentials|could not load the default|invalid_grant|unauthenticated/i.test(text)) {
    return `no usable Google credentials for ${where}: ${GOOGLE_CREDENTIALS}`;
  }
  if (!(error instanceof CloudError)) return `${where} failed: ${text}`;
  if (error.code === "DEADLINE_EXCEEDED" && service === "s3" && !hasAwsKeys) {
    return `${where} could not be asked within ${PREFLIGHT_DEADLINE_MS / 1e3} s and no AWS keys are set: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY`;
  }
  if (error.code === "DEADLINE_EXCEEDED")
    return `${where} does not answer (nothing within ${PREFLIGHT_DEADLINE_MS / 1e3} s)`;
  if (error.code === "UNAVAILABLE") {
    const refused = /ECONNREFUSED|connection refused|No connection established/i.test(text);
    return `${where} ${refused ? "refuses connections" : "is unreachable"} (${text})`;
  }
  if (error.code === "UNAUTHENTICATED") {
    return service === "s3" ? `${where} refused the AWS credentials: check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY` : `${where} refused the Google credentials: ${GOOGLE_CREDENTIALS}`;
  }
  return void 0;
}
var PROBE_ID = "s3bq-preflight-probe";
function probes(services, first) {
  const signal = () => AbortSignal.timeout(PREFLIGHT_DEADLINE_MS + 1e3);
  return {
    s3: () => first ? services.s3.listPrefix(first.bucket, first.prefix, signal()) : Promise.resolve(void 0),
    dts: () => services.dts.getConfig(`${services.dts.parent}/transferConfigs/${PROBE_ID}`, signal()),
    bigquery: () => services.bigquery.getDataset(services.projectId, "s3bq_preflight_probe", signal()),
    logging: () => services.logging.runMessages(
      { configId: PROBE_ID, runId: PROBE_ID, from: new Date(Date.now() - 6e4), to: /* @__PURE__ */ new Date() },
      signal()
    )
  };
}
async function preflight(request) {
  const { env, transport } = request;
  if (!request.dryRun && !(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY)) {
    throw new PreflightError(
      "no AWS keys for the transfers: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (DTS reads S3 with them)"
    );
  }
  const services = createCloudServices({
    env,
    settings: request.settings,
    transport,
    deadlines: { callMs: PREFLIGHT_DEADLINE_MS, s3Ms: PREFLIGHT_DEADLINE_MS, queryMs: PREFLIGHT_DEADLINE_MS },
    retry: { retries: 0 }
  });
  try {
    const first = request.planned.flatMap((table) => table.plan.partitions)[0];
    const wanted = request.dryRun ? ["s3"] : ["s3", "dts", "bigquery", "logging"];
    const calls = probes(services, first);
    const hasAwsKeys = Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
    const problems = await Promise.all(
      wanted.map(
        (service) => calls[service]().then(
          () => void 0,
          (error) => problem(service, error, whereIs(service, env, transport), hasAwsKeys)
        )
      )
    );
    const found = problems.filter((text) => text !== void 0);
    if (found.length > 0) throw new PreflightError(found.join("; "));
  } finally {
    await services.close();
  }
}

// src/pipeline/run.ts
async function runPipeline(planned, settings, request, deps) {
  const clock = deps.clock ?? systemClock;
  if (!deps.services) {
    await preflight({
      env: deps.env,
      settings,
      transport: request.transport,
      planned,
      dryRun: request.dryRun
    });
  }
  const services = deps.services ?? createCloudServices({ env: deps.env, settings, transport: request.transport });
  deps.onServices?.(services);
  const note = (message) => deps.onEvent?.({ type: "warning", table: "(pipeline)", message });
  const admission = createAdmissionGate({
    dts: services.dts,
    maxParallel: settings.maxParallel,
    clock,
    timing: deps.timing?.admission,
    onTrouble: note,
    onLimit: note
  });
  const watch = createRunWatch({
    logging: services.logging,
    clock,
    mayTail: admission.mayTail,
    onFallback: note,
    onAnyMessage: admission.nudge
  });
  const wanted = settings.maxParallel + 10;
  if (getMaxListeners(deps.signal) < wanted) setMaxListeners2(wanted, deps.signal);
  const tables = pLimit(settings.maxParallel);
  try {
    return await Promise.all(
      planned.map(
        (table) => tables(
          () => runTable(table, {
            services,
            settings,
            clock,
            signal: deps.signal,
            timeoutMs: request.timeoutMs,
            runLabel: request.runLabel,
            dryRun: request.dryRun,
            admission,
            watch,
            timing: deps.timing,
            onEvent: deps.onEvent,
            onConfigCreated: deps.onConfigCreated,
            onConfigDeleted: deps.onConfigDeleted
          })
        )
      )
    );
  } finally {
    watch.close();
    admission.close();
    if (!deps.services) await services.close();
  }
}
export {
  runPipeline
};
