// packages/local-cloud/src/index.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join3 } from "node:path";

// packages/local-cloud/src/admin.ts
import { createServer } from "node:http";
import { z } from "zod";

// packages/local-cloud/src/http-listen.ts
async function listenOnLoopback(server, host = "127.0.0.1", port = 0) {
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const bound = server.address().port;
  const hostPort = `${host.includes(":") ? `[${host}]` : host}:${bound}`;
  return {
    port: bound,
    hostPort,
    url: `http://${hostPort}`,
    stop: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    })
  };
}

// packages/local-cloud/src/admin.ts
var MAX_BODY_BYTES = 64 * 1024;
var faultRuleSchema = z.strictObject({
  service: z.enum(["dts", "logging", "bigquery", "s3"]),
  method: z.string().min(1),
  kind: z.enum(["error", "latency", "hang", "fail-run"]),
  code: z.number().int().min(0).optional(),
  message: z.string().optional(),
  latencyMs: z.number().int().min(0).optional(),
  times: z.number().int().min(-1).refine((times) => times !== 0, "times must be positive, or -1 for always").optional()
});
var denySchema = z.strictObject({ bucket: z.string().min(1) });
var HttpError = class extends Error {
  constructor(status18, message) {
    super(message);
    this.status = status18;
  }
  status;
};
function parseWith(schema, body, what) {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`
  );
  throw new HttpError(400, `Invalid ${what}: ${problems.join("; ")}`);
}
function ruleJson(rule) {
  return { ...rule, times: rule.times === Number.POSITIVE_INFINITY ? -1 : rule.times };
}
async function readJson(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(
      400,
      'The request body must be JSON, e.g. {"service":"dts","method":"*","kind":"error","code":14}.'
    );
  }
}
function send(response, status18, body) {
  const text = JSON.stringify(body);
  response.writeHead(status18, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text)
  });
  response.end(text);
}
async function startAdminServer(options) {
  const { faults } = options;
  async function route(request, response) {
    const path = new URL(request.url ?? "/", "http://localhost").pathname.replace(/\/+$/, "");
    const method = request.method ?? "GET";
    if (path === "/faults") {
      if (method === "GET") return send(response, 200, { faults: faults.listWithIds().map(ruleJson) });
      if (method === "POST") {
        const rule = parseWith(faultRuleSchema, await readJson(request), "fault rule");
        const id = faults.add(rule);
        return send(response, 201, { id });
      }
      if (method === "DELETE") {
        faults.clear();
        return send(response, 200, { cleared: true });
      }
      throw new HttpError(405, `${method} /faults is not allowed: use GET, POST or DELETE.`);
    }
    const faultId = /^\/faults\/([^/]+)$/.exec(path)?.[1];
    if (faultId !== void 0) {
      if (method !== "DELETE") throw new HttpError(405, `${method} ${path} is not allowed: use DELETE.`);
      const id = Number(faultId);
      if (!faults.listWithIds().some((rule) => rule.id === id)) {
        throw new HttpError(404, `No active fault with id ${faultId}; GET /faults lists them.`);
      }
      faults.remove(id);
      return send(response, 200, { removed: id });
    }
    if (path === "/s3/deny") {
      if (method !== "POST")
        throw new HttpError(405, `${method} /s3/deny is not allowed: use POST {"bucket":"name"}.`);
      const { bucket } = parseWith(denySchema, await readJson(request), "deny request");
      options.denyBucket(bucket);
      return send(response, 200, { denied: bucket });
    }
    if (path === "/stats") {
      if (method !== "GET") throw new HttpError(405, `${method} /stats is not allowed: use GET.`);
      return send(response, 200, options.stats());
    }
    throw new HttpError(
      404,
      `No admin endpoint ${method} ${path}: try GET /faults, POST /faults, POST /s3/deny, GET /stats.`
    );
  }
  const server = createServer((request, response) => {
    route(request, response).catch((error) => {
      const status18 = error instanceof HttpError ? error.status : 500;
      send(response, status18, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  const listening = await listenOnLoopback(server, options.host, options.port);
  return { hostPort: listening.hostPort, url: listening.url, stop: listening.stop };
}

// packages/local-cloud/src/bigquery/index.ts
import { setTimeout as sleep } from "node:timers/promises";

// packages/local-cloud/src/bigquery/http-server.ts
import { createServer as createServer2 } from "node:http";

// packages/local-cloud/src/bigquery/errors.ts
var STATUS_OF = {
  notFound: 404,
  duplicate: 409,
  invalid: 400,
  invalidQuery: 400,
  badRequest: 400,
  quotaExceeded: 403,
  accessDenied: 403,
  backendError: 500,
  notImplemented: 501,
  resourceInUse: 400
};
var RPC_STATUS_OF = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "ALREADY_EXISTS",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  501: "NOT_IMPLEMENTED",
  503: "UNAVAILABLE"
};
var BigQueryApiError = class extends Error {
  constructor(reason, message, status18) {
    super(message);
    this.reason = reason;
    this.name = "BigQueryApiError";
    this.status = status18 ?? STATUS_OF[reason];
  }
  reason;
  status;
  toJSON() {
    return {
      error: {
        code: this.status,
        message: this.message,
        errors: [{ message: this.message, domain: "global", reason: this.reason }],
        status: RPC_STATUS_OF[this.status] ?? "UNKNOWN"
      }
    };
  }
};
function reasonForStatus(status18) {
  if (status18 === 404) return "notFound";
  if (status18 === 409) return "duplicate";
  if (status18 === 403) return "accessDenied";
  if (status18 === 429) return "quotaExceeded";
  if (status18 >= 500) return "backendError";
  return "invalid";
}
var tableName = (projectId, datasetId, tableId) => `${projectId}:${datasetId}.${tableId}`;
var notFoundTable = (projectId, datasetId, tableId) => new BigQueryApiError("notFound", `Not found: Table ${tableName(projectId, datasetId, tableId)}`);
var notFoundDataset = (projectId, datasetId) => new BigQueryApiError("notFound", `Not found: Dataset ${projectId}:${datasetId}`);

// packages/local-cloud/src/bigquery/http-server.ts
var API_PREFIX = "/bigquery/v2";
var MAX_BODY_BYTES2 = 10 * 1024 * 1024;
var BODY_DEADLINE_MS = 3e4;
function createBigQueryHttpServer(options) {
  const compiled = options.routes.map((route) => ({
    route,
    method: route.method,
    segments: route.pattern.split("/").filter(Boolean)
  }));
  return createServer2((request, response) => {
    handle(compiled, options, request, response).catch((error) => {
      sendError(response, error instanceof BigQueryApiError ? error : internal(error));
    });
  });
}
function internal(error) {
  return new BigQueryApiError(
    "backendError",
    `Internal error in the local BigQuery: ${error?.message}`
  );
}
async function handle(routes, options, request, response) {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  let path = url.pathname;
  if (path.startsWith(API_PREFIX)) path = path.slice(API_PREFIX.length);
  const segments = path.split("/").filter(Boolean).map(decodeURIComponent);
  const method = request.method ?? "GET";
  const match = findRoute(routes, method, segments);
  if (!match) {
    throw new BigQueryApiError("notFound", `The local BigQuery has no ${method} ${url.pathname}`, 404);
  }
  const body = await readJsonBody(request);
  const fault = options.faults.take("bigquery", match.route.operation);
  if (fault?.kind === "hang") return;
  if (fault?.kind === "latency") await options.sleep(fault.latencyMs ?? 0);
  if (fault?.kind === "error") {
    const status19 = fault.code ?? 500;
    throw new BigQueryApiError(
      reasonForStatus(status19),
      fault.message ?? `Injected fault on ${match.route.operation}`,
      status19
    );
  }
  const result = await match.route.handle(options.context(), {
    params: match.params,
    query: url.searchParams,
    body
  });
  const status18 = result.status ?? 200;
  if (status18 === 204) {
    response.writeHead(204).end();
    return;
  }
  const text = JSON.stringify(
    result.body ?? {},
    (_key, value) => typeof value === "bigint" ? value.toString() : value
  );
  response.writeHead(status18, { "content-type": "application/json; charset=UTF-8" }).end(text);
}
function findRoute(routes, method, segments) {
  for (const candidate of routes) {
    if (candidate.method !== method || candidate.segments.length !== segments.length) continue;
    const params = {};
    const matches = candidate.segments.every((segment, index) => {
      const actual = segments[index] ?? "";
      if (segment.startsWith(":")) {
        params[segment.slice(1)] = actual;
        return true;
      }
      return segment === actual;
    });
    if (matches) return { route: candidate.route, params };
  }
  return void 0;
}
async function readJsonBody(request) {
  const chunks = [];
  let size = 0;
  const timer = setTimeout(() => request.destroy(new Error("request body timed out")), BODY_DEADLINE_MS);
  try {
    for await (const chunk of request) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES2) throw new BigQueryApiError("invalid", "Request body is larger than 10 MB.");
      chunks.push(chunk);
    }
  } finally {
    clearTimeout(timer);
  }
  if (size === 0) return {};
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new Error("not an object");
    }
    return parsed;
  } catch {
    throw new BigQueryApiError(
      "badRequest",
      "Invalid JSON payload received: the request body must be a JSON object."
    );
  }
}
function sendError(response, error) {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(error.status, { "content-type": "application/json; charset=UTF-8" }).end(JSON.stringify(error.toJSON()));
}

// packages/local-cloud/src/bigquery/load-job.ts
import { status as status5 } from "@grpc/grpc-js";

// packages/local-cloud/src/formats/index.ts
import { status as status3 } from "@grpc/grpc-js";

// packages/local-cloud/src/warehouse-contract.ts
var LoadJobError = class extends Error {
  constructor(message, reason, grpcCode) {
    super(message);
    this.reason = reason;
    this.grpcCode = grpcCode;
    this.name = "LoadJobError";
  }
  reason;
  grpcCode;
};

// packages/local-cloud/src/formats/csv.ts
import { status } from "@grpc/grpc-js";
import { parse } from "csv-parse/sync";
function normalizeDelimiter(delimiter) {
  if (delimiter === "\\t" || delimiter.toLowerCase() === "tab") return "	";
  return delimiter === "" ? "," : delimiter;
}
function readCsv(uri, body, options) {
  const csv = options.csv;
  let parsed;
  try {
    parsed = parse(Buffer.from(body), {
      bom: true,
      delimiter: normalizeDelimiter(csv.fieldDelimiter),
      from: csv.skipLeadingRows + 1,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true
    });
  } catch (error) {
    throw new LoadJobError(
      `Error while reading data, error message: Error detected while parsing ${uri}: ${error.message}`,
      "invalid",
      status.INVALID_ARGUMENT
    );
  }
  const expected = options.columns.length;
  return parsed.map(({ record, info }) => {
    const position = info.bytes;
    if (!csv.allowQuotedNewlines && record.some((value) => /[\r\n]/.test(value))) {
      return {
        error: `Error detected while parsing row starting at position: ${position}. Error: Missing close double quote (") character; quoted newlines need allow_quoted_newlines.`
      };
    }
    if (record.length > expected && !options.ignoreUnknownValues) {
      return {
        error: `Too many values in row starting at position: ${position}. Found ${record.length} column(s) while expected ${expected}.`
      };
    }
    if (record.length < expected && !csv.allowJaggedRows) {
      return {
        error: `CSV table references column position ${expected - 1}, but line starting at position:${position} contains only ${record.length} columns.`
      };
    }
    const values = {};
    options.columns.forEach((column, index) => {
      const value = record[index];
      values[column] = value === void 0 || value === "" ? null : value;
    });
    return { values };
  });
}

// packages/local-cloud/src/formats/json.ts
function readNdjson(body) {
  const text = Buffer.from(body).toString("utf8").replace(/^\uFEFF/, "");
  const records = [];
  let position = 0;
  for (const line of text.split("\n")) {
    const start = position;
    position += Buffer.byteLength(line) + 1;
    if (line.trim() === "") continue;
    try {
      const value = JSON.parse(line);
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        records.push({
          error: `JSON parsing error in row starting at position ${start}: Row is not a JSON object.`
        });
      } else {
        records.push({ values: value });
      }
    } catch (error) {
      records.push({
        error: `JSON parsing error in row starting at position ${start}: ${error.message}`
      });
    }
  }
  return records;
}

// packages/local-cloud/src/formats/parquet.ts
import { status as status2 } from "@grpc/grpc-js";
import { parquetMetadata, parquetReadObjects, parquetSchema } from "hyparquet";
var MICROS_PER_DAY = 86400000000n;
function formatMicros(micros) {
  const days = micros >= 0n ? micros / MICROS_PER_DAY : (micros - MICROS_PER_DAY + 1n) / MICROS_PER_DAY;
  const inDay = micros - days * MICROS_PER_DAY;
  const ms = Number(days) * 864e5 + Number(inDay / 1000n);
  const fraction = String(inDay % 1000000n).padStart(6, "0");
  return `${new Date(ms).toISOString().slice(0, 19)}.${fraction}`;
}
var parsers = {
  timestampFromMilliseconds: (millis) => formatMicros(BigInt(millis) * 1000n),
  timestampFromMicroseconds: (micros) => formatMicros(BigInt(micros)),
  timestampFromNanoseconds: (nanos) => formatMicros(BigInt(nanos) / 1000n),
  dateFromDays: (days) => new Date(days * 864e5).toISOString().slice(0, 10)
};
function plain(value) {
  if (typeof value === "bigint") {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(plain);
  const out = {};
  for (const [key, item] of Object.entries(value)) out[key] = plain(item);
  return out;
}
async function readParquet(uri, body) {
  const file = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength);
  try {
    const metadata = parquetMetadata(file);
    const decimalScale = /* @__PURE__ */ new Map();
    for (const child of parquetSchema(metadata).children) {
      const element = child.element;
      if (element.converted_type === "DECIMAL" || element.logical_type?.type === "DECIMAL") {
        decimalScale.set(element.name, element.scale ?? 0);
      }
    }
    const rows = await parquetReadObjects({ file, metadata, parsers, utf8: false });
    return rows.map((row) => {
      const values = plain(row);
      for (const [name, scale] of decimalScale) {
        const value = values[name];
        if (typeof value === "number") values[name] = value.toFixed(scale);
      }
      return { values };
    });
  } catch (error) {
    throw new LoadJobError(
      `Error while reading data, error message: Failed to read Parquet file ${uri}: ${error.message}`,
      "invalid",
      status2.INVALID_ARGUMENT
    );
  }
}

// packages/local-cloud/src/formats/index.ts
async function readRecords(format, file, options) {
  switch (format) {
    case "CSV":
      return readCsv(file.uri, file.body, options);
    case "JSON":
      return readNdjson(file.body);
    case "PARQUET":
      return readParquet(file.uri, file.body);
    case "AVRO":
    case "ORC":
      throw new LoadJobError(
        `${format} is not supported by the local cloud; use PARQUET, CSV or JSON`,
        "notImplemented",
        status3.UNIMPLEMENTED
      );
  }
}

// packages/local-cloud/src/bigquery/load-target.ts
import { status as status4 } from "@grpc/grpc-js";

// packages/local-cloud/src/bigquery/model.ts
var UNPARTITIONED = "__UNPARTITIONED__";

// packages/local-cloud/src/bigquery/partition-ids.ts
var NULL_PARTITION = "__NULL__";
var DAY_ID = /^\d{8}$/;
var HOUR_ID = /^\d{10}$/;
function splitDecorator(tableId) {
  const at = tableId.indexOf("$");
  if (at < 0) return { table: tableId };
  return { table: tableId.slice(0, at), decorator: tableId.slice(at + 1) };
}
function decoratorGranularity(decorator) {
  if (DAY_ID.test(decorator) && isRealDate(decorator)) return "DAY";
  if (HOUR_ID.test(decorator) && isRealDate(decorator.slice(0, 8)) && Number(decorator.slice(8)) < 24) {
    return "HOUR";
  }
  return void 0;
}
function isRealDate(id) {
  const year = Number(id.slice(0, 4));
  const month = Number(id.slice(4, 6));
  const day = Number(id.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
function partitionIdOfInstant(epochMs, type) {
  const iso = new Date(epochMs).toISOString();
  const day = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
  return type === "DAY" ? day : `${day}${iso.slice(11, 13)}`;
}
function partitionIdOfCivil(value, type) {
  const day = `${value.slice(0, 4)}${value.slice(5, 7)}${value.slice(8, 10)}`;
  return type === "DAY" ? day : `${day}${value.length > 10 ? value.slice(11, 13) : "00"}`;
}
function partitionStartMs(partitionId) {
  const year = Number(partitionId.slice(0, 4));
  const month = Number(partitionId.slice(4, 6));
  const day = Number(partitionId.slice(6, 8));
  const hour = partitionId.length === 10 ? Number(partitionId.slice(8, 10)) : 0;
  return Date.UTC(year, month - 1, day, hour);
}
function partitionEndMs(partitionId) {
  const size = partitionId.length === 10 ? 36e5 : 864e5;
  return partitionStartMs(partitionId) + size;
}

// packages/local-cloud/src/bigquery/load-target.ts
function resolveTarget(table, tableId) {
  const { decorator } = splitDecorator(tableId);
  if (decorator === void 0) return { kind: "table" };
  const name = tableName(table.projectId, table.datasetId, table.tableId);
  const partitioning = table.timePartitioning;
  if (!partitioning) {
    throw new LoadJobError(
      `Cannot load into partition ${decorator} of table ${name}: the table is not partitioned. Use the plain table name.`,
      "invalid",
      status4.INVALID_ARGUMENT
    );
  }
  const granularity = decoratorGranularity(decorator);
  if (!granularity) {
    throw new LoadJobError(
      `Invalid partition decorator $${decorator} for table ${name}: expected $YYYYMMDD or $YYYYMMDDHH.`,
      "invalid",
      status4.INVALID_ARGUMENT
    );
  }
  if (granularity !== partitioning.type) {
    const expected = partitioning.type === "DAY" ? "YYYYMMDD" : "YYYYMMDDHH";
    throw new LoadJobError(
      `Invalid partition decorator $${decorator}: table ${name} is partitioned by ${partitioning.type}, so its partitions are addressed as $${expected}.`,
      "invalid",
      status4.INVALID_ARGUMENT
    );
  }
  return { kind: "partition", partitionId: decorator, byColumn: partitioning.field !== void 0 };
}
function assignPartition(table, target, row, loadTime) {
  const partitioning = table.timePartitioning;
  if (!partitioning) return UNPARTITIONED;
  if (partitioning.field === void 0) {
    return target.kind === "partition" ? target.partitionId : partitionIdOfInstant(loadTime.getTime(), partitioning.type);
  }
  const value = row[partitioning.field];
  if (value === null || value === void 0) return NULL_PARTITION;
  if (typeof value === "bigint") return partitionIdOfInstant(Number(value / 1000n), partitioning.type);
  return partitionIdOfCivil(String(value), partitioning.type);
}

// packages/local-cloud/src/bigquery/row-size.ts
var FIXED_SIZE = {
  INTEGER: 8,
  FLOAT: 8,
  BOOLEAN: 1,
  DATE: 8,
  DATETIME: 8,
  TIME: 8,
  TIMESTAMP: 8,
  NUMERIC: 16,
  BIGNUMERIC: 32
};
function rowBytes(fields, row) {
  let total = 0;
  for (const field of fields) total += valueBytes(field, row[field.name] ?? null);
  return total;
}
function valueBytes(field, value) {
  if (value === null) return 0;
  if (Array.isArray(value)) return value.reduce((sum, item) => sum + scalarBytes(field, item), 0);
  return scalarBytes(field, value);
}
function scalarBytes(field, value) {
  const fixed = FIXED_SIZE[field.type];
  if (fixed !== void 0) return fixed;
  if (field.type === "RECORD" && value !== null && typeof value === "object" && !Array.isArray(value)) {
    return rowBytes(field.fields ?? [], value);
  }
  if (field.type === "BYTES" && typeof value === "string") return 2 + Math.floor(value.length * 3 / 4);
  return 2 + Buffer.byteLength(String(value));
}

// packages/local-cloud/src/bigquery/values.ts
var RowError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "RowError";
  }
};
var INT64_MIN = -(2n ** 63n);
var INT64_MAX = 2n ** 63n - 1n;
function convertRow(fields, raw, options) {
  const row = {};
  if (!options.ignoreUnknownValues) {
    const known = knownNames(fields);
    for (const key of Object.keys(raw)) {
      if (!known.has(key) && !known.has(key.toLowerCase())) throw new RowError(`No such field: ${key}.`);
    }
  }
  for (const field of fields) {
    row[field.name] = convertField(field, lookup(raw, field.name), options);
  }
  return row;
}
var namesCache = /* @__PURE__ */ new WeakMap();
function knownNames(fields) {
  let names = namesCache.get(fields);
  if (!names) {
    names = new Set(fields.map((field) => field.name.toLowerCase()));
    namesCache.set(fields, names);
  }
  return names;
}
function lookup(raw, name) {
  if (name in raw) return raw[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(raw)) if (key.toLowerCase() === lower) return value;
  return void 0;
}
function convertField(field, value, options) {
  const mode = field.mode ?? "NULLABLE";
  if (mode === "REPEATED") {
    if (value === null || value === void 0) return [];
    if (!Array.isArray(value))
      throw new RowError(`Non-array value specified for repeated field: ${field.name}.`);
    return value.map((item) => {
      if (item === null || item === void 0)
        throw new RowError(`Array cannot have a null element; field: ${field.name}.`);
      return convertScalar(field, item, options);
    });
  }
  if (value === null || value === void 0) {
    if (mode === "REQUIRED") throw new RowError(`Missing required field: ${field.name}.`);
    return null;
  }
  if (Array.isArray(value)) throw new RowError(`Array specified for non-repeated field: ${field.name}.`);
  return convertScalar(field, value, options);
}
function convertScalar(field, value, options) {
  switch (field.type.toUpperCase()) {
    case "INTEGER":
    case "INT64":
      return toInteger(field, value);
    case "FLOAT":
    case "FLOAT64":
      return toFloat(field, value);
    case "NUMERIC":
    case "BIGNUMERIC":
      return toNumeric(field, value);
    case "BOOLEAN":
    case "BOOL":
      return toBoolean(field, value);
    case "STRING":
    case "GEOGRAPHY":
      return toText(field, value);
    case "BYTES":
      return toBytes(field, value);
    case "DATE":
      return toDate(field, value);
    case "DATETIME":
      return toDatetime(field, value);
    case "TIME":
      return toTime(field, value);
    case "TIMESTAMP":
      return toTimestampMicros(field, value);
    case "JSON":
      return toJsonText(field, value);
    case "RECORD":
    case "STRUCT":
      if (typeof value !== "object" || value === null || value instanceof Uint8Array || value instanceof Date) {
        throw cannotConvert(field, value, "record");
      }
      return convertRow(field.fields ?? [], value, options);
    default:
      throw new RowError(`Unsupported type ${field.type} for field ${field.name}.`);
  }
}
function cannotConvert(field, value, what) {
  const shown = typeof value === "string" ? value : typeof value === "bigint" ? String(value) : JSON.stringify(value);
  return new RowError(
    `Could not convert value '${String(shown).slice(0, 100)}' to ${what}. Field: ${field.name}`
  );
}
function toInteger(field, value) {
  let parsed;
  if (typeof value === "bigint") parsed = value;
  else if (typeof value === "number" && Number.isInteger(value)) parsed = BigInt(value);
  else if (typeof value === "string" && /^\s*[+-]?\d+\s*$/.test(value)) parsed = BigInt(value.trim());
  if (parsed === void 0 || parsed < INT64_MIN || parsed > INT64_MAX)
    throw cannotConvert(field, value, "integer");
  return parsed.toString();
}
function toFloat(field, value) {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") {
    const text = value.trim();
    if (/^[+-]?(inf|infinity)$/i.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
    if (/^nan$/i.test(text)) return Number.NaN;
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  }
  throw cannotConvert(field, value, "double");
}
function toNumeric(field, value) {
  const text = typeof value === "number" || typeof value === "bigint" ? String(value) : value;
  if (typeof text === "string" && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text)) {
    return normalizeDecimal(text.trim());
  }
  throw cannotConvert(field, value, field.type.toLowerCase());
}
function normalizeDecimal(text) {
  const match = /^([+-]?)(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign = "", whole = "", fraction = "", exponentText] = match;
  let digits = `${whole}${fraction}`;
  let point = whole.length + Number(exponentText ?? 0);
  if (point < 0) {
    digits = `${"0".repeat(-point)}${digits}`;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, "0");
  const intPart = digits.slice(0, point).replace(/^0+/, "") || "0";
  const fracPart = digits.slice(point).replace(/0+$/, "");
  const body = fracPart ? `${intPart}.${fracPart}` : intPart;
  return sign === "-" && body !== "0" ? `-${body}` : body;
}
var TRUE_WORDS = /* @__PURE__ */ new Set(["true", "t", "yes", "y", "1"]);
var FALSE_WORDS = /* @__PURE__ */ new Set(["false", "f", "no", "n", "0"]);
function toBoolean(field, value) {
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && (value === 0 || value === 1)) return value === 1;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  throw cannotConvert(field, value, "boolean");
}
function toText(field, value) {
  if (typeof value === "string") return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  throw cannotConvert(field, value, "string");
}
function toBytes(field, value) {
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (typeof value === "string" && /^[A-Za-z0-9+/_-]*={0,2}$/.test(value.trim())) {
    return Buffer.from(value.trim(), "base64").toString("base64");
  }
  throw cannotConvert(field, value, "bytes");
}
var DATE_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
var TIME_TEXT = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6})\d*)?)?$/;
function pad(value, width) {
  return String(value).padStart(width, "0");
}
function civilDate(year, month, day) {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return void 0;
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
function civilTime(text) {
  const match = TIME_TEXT.exec(text);
  if (!match) return void 0;
  const [, hours = "0", minutes = "0", seconds = "0", fraction] = match;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return void 0;
  const base = `${pad(hours, 2)}:${minutes}:${pad(seconds, 2)}`;
  return fraction ? `${base}.${fraction}` : base;
}
function toDate(field, value) {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const match = typeof value === "string" ? DATE_TEXT.exec(value.trim()) : null;
  const date = match ? civilDate(Number(match[1]), Number(match[2]), Number(match[3])) : void 0;
  if (!date) throw cannotConvert(field, value, "date");
  return date;
}
function toDatetime(field, value) {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 23);
  if (typeof value === "string") {
    const [datePart = "", timePart] = value.trim().split(/[T ]/, 2);
    const match = DATE_TEXT.exec(datePart);
    const date = match ? civilDate(Number(match[1]), Number(match[2]), Number(match[3])) : void 0;
    const time = timePart === void 0 ? "00:00:00" : civilTime(timePart);
    if (date && time) return `${date}T${time}`;
  }
  throw cannotConvert(field, value, "datetime");
}
function toTime(field, value) {
  const time = typeof value === "string" ? civilTime(value.trim()) : void 0;
  if (!time) throw cannotConvert(field, value, "time");
  return time;
}
var TIMESTAMP_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{1,2}(?::?\d{2})?)?$/i;
function parseTimestampMicros(text) {
  const match = TIMESTAMP_TEXT.exec(text.trim());
  if (!match) return void 0;
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "", zone] = match;
  if (!civilDate(Number(y), Number(mo), Number(d)) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return void 0;
  }
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  let micros = BigInt(ms) * 1000n + BigInt(fraction.slice(0, 6).padEnd(6, "0"));
  if (zone && !/^(z|utc)$/i.test(zone)) {
    const sign = zone.startsWith("-") ? -1n : 1n;
    const digits = zone.slice(1).replace(":", "");
    const hours = BigInt(digits.length <= 2 ? digits : digits.slice(0, -2));
    const minutes = BigInt(digits.length <= 2 ? "0" : digits.slice(-2));
    micros -= sign * (hours * 3600n + minutes * 60n) * 1000000n;
  }
  return micros;
}
function toTimestampMicros(field, value) {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return BigInt(value.getTime()) * 1000n;
  if (typeof value === "number" && Number.isFinite(value)) return BigInt(Math.round(value * 1e6));
  if (typeof value === "bigint") return value * 1000000n;
  if (typeof value === "string") {
    const micros = parseTimestampMicros(value);
    if (micros !== void 0) return micros;
    if (/^[+-]?\d+(\.\d+)?$/.test(value.trim())) return BigInt(Math.round(Number(value) * 1e6));
  }
  throw cannotConvert(field, value, "timestamp");
}
function toJsonText(field, value) {
  if (typeof value === "string") {
    try {
      return JSON.stringify(JSON.parse(value));
    } catch {
      throw cannotConvert(field, value, "JSON");
    }
  }
  return JSON.stringify(value, (_key, item) => typeof item === "bigint" ? item.toString() : item);
}

// packages/local-cloud/src/bigquery/load-job.ts
function createWarehouse(store, quota, clock) {
  return {
    datasetExists: (projectId, datasetId) => store.hasDataset(projectId, datasetId),
    load: (request) => runLoadJob(store, quota, clock, request)
  };
}
async function runLoadJob(store, quota, clock, request) {
  const { projectId, datasetId } = request;
  const [plainTable = ""] = request.tableId.split("$");
  quota.take(projectId, tableName(projectId, datasetId, plainTable));
  const table = findTable(store, projectId, datasetId, plainTable);
  const target = resolveTarget(table, request.tableId);
  const loadTime = clock();
  const rowsByPartition = /* @__PURE__ */ new Map();
  const errors = [];
  let total = 0;
  for (const file of request.files) {
    const records = await readRecords(request.format, file, {
      columns: table.schema.map((field) => field.name),
      ignoreUnknownValues: request.ignoreUnknownValues,
      csv: request.csv
    });
    for (const record of records) {
      total += 1;
      if ("error" in record) {
        errors.push(`${file.uri}: ${record.error}`);
        continue;
      }
      let row;
      try {
        row = convertRow(table.schema, record.values, { ignoreUnknownValues: request.ignoreUnknownValues });
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        errors.push(`${file.uri}: ${error.message}`);
        continue;
      }
      const partition = assignPartition(table, target, row, loadTime);
      const rows = rowsByPartition.get(partition);
      if (rows) rows.push(row);
      else rowsByPartition.set(partition, [row]);
    }
    if (errors.length > request.maxBadRecords) throw tooManyErrors(request, total, errors);
  }
  checkDecoratorPartition(target, rowsByPartition);
  write(store, table, target, request, rowsByPartition, loadTime.getTime());
  return {
    rowsLoaded: total - errors.length,
    badRecords: errors.length,
    partitions: [...rowsByPartition.keys()].filter((id) => id !== UNPARTITIONED).sort()
  };
}
function findTable(store, projectId, datasetId, tableId) {
  let table;
  try {
    table = store.getTable(projectId, datasetId, tableId);
  } catch {
    throw new LoadJobError(
      `Not found: Table ${tableName(projectId, datasetId, tableId)}`,
      "notFound",
      status5.NOT_FOUND
    );
  }
  if (table.schema.length === 0) {
    throw new LoadJobError(
      `Table ${tableName(projectId, datasetId, tableId)} has no schema. Create the table with a schema before loading; transfers never create or infer it.`,
      "invalid",
      status5.INVALID_ARGUMENT
    );
  }
  return table;
}
function tooManyErrors(request, rows, errors) {
  const kind = request.format === "JSON" ? "JSON" : request.format === "CSV" ? "CSV" : request.format;
  return new LoadJobError(
    `Error while reading data, error message: ${kind} table encountered too many errors, giving up. Rows: ${rows}; errors: ${errors.length}. Please look into the errors[] collection for more details. First error: ${errors[0]}`,
    "invalid",
    status5.INVALID_ARGUMENT
  );
}
function checkDecoratorPartition(target, rowsByPartition) {
  if (target.kind !== "partition" || !target.byColumn) return;
  for (const id of rowsByPartition.keys()) {
    if (id !== target.partitionId) {
      throw new LoadJobError(
        `Some rows belong to different partitions rather than destination partition ${target.partitionId}`,
        "invalid",
        status5.INVALID_ARGUMENT
      );
    }
  }
}
function write(store, table, target, request, rowsByPartition, nowMs) {
  const partitions = store.livePartitions(table);
  if (request.writeDisposition === "WRITE_TRUNCATE") {
    if (target.kind === "partition") partitions.delete(target.partitionId);
    else partitions.clear();
  }
  for (const [id, rows] of rowsByPartition) {
    const bytes = rows.reduce((sum, row) => sum + rowBytes(table.schema, row), 0);
    const existing = partitions.get(id);
    if (existing) {
      for (const row of rows) existing.rows.push(row);
      existing.bytes += bytes;
      existing.lastModifiedMs = nowMs;
    } else {
      partitions.set(id, { rows, bytes, lastModifiedMs: nowMs });
    }
  }
  table.lastModifiedTime = nowMs;
}

// packages/local-cloud/src/bigquery/query-jobs.ts
import { randomUUID } from "node:crypto";

// packages/local-cloud/src/bigquery/sql-tokens.ts
function tokenize(sql) {
  const tokens = [];
  let positional = 0;
  let i = 0;
  while (i < sql.length) {
    const char = sql[i] ?? "";
    const rest = sql.slice(i);
    if (/\s/.test(char)) {
      i += 1;
    } else if (rest.startsWith("--") || char === "#") {
      const end = sql.indexOf("\n", i);
      i = end < 0 ? sql.length : end + 1;
    } else if (rest.startsWith("/*")) {
      const end = sql.indexOf("*/", i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (char === "`") {
      const end = sql.indexOf("`", i + 1);
      if (end < 0) throw syntax("unclosed identifier quote `");
      tokens.push({ kind: "ident", text: sql.slice(i + 1, end), quoted: true });
      i = end + 1;
    } else if (char === "'" || char === '"') {
      let j = i + 1;
      let text = "";
      while (j < sql.length && sql[j] !== char) {
        if (sql[j] === "\\" && j + 1 < sql.length) j += 1;
        text += sql[j];
        j += 1;
      }
      if (j >= sql.length) throw syntax("unclosed string literal");
      tokens.push({ kind: "string", text });
      i = j + 1;
    } else if (char === "@") {
      const match = /^@([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
      if (!match?.[1]) throw syntax("bad query parameter name");
      tokens.push({ kind: "param", name: match[1] });
      i += match[0].length;
    } else if (char === "?") {
      tokens.push({ kind: "param", name: positional++ });
      i += 1;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(rest)?.[0] ?? char;
      tokens.push({ kind: "ident", text: match, quoted: false });
      i += match.length;
    } else if (/\d/.test(char)) {
      const match = /^\d+(\.\d+)?/.exec(rest)?.[0] ?? char;
      tokens.push({ kind: "number", text: match });
      i += match.length;
    } else if ("(),.*=;".includes(char)) {
      tokens.push({ kind: "punct", text: char });
      i += 1;
    } else {
      throw syntax(`unexpected character "${char}"`);
    }
  }
  return tokens;
}
function syntax(detail) {
  return new BigQueryApiError("invalidQuery", `Syntax error: ${detail}`);
}

// packages/local-cloud/src/bigquery/query-parser.ts
var PARTITIONS_COLUMNS = [
  "table_catalog",
  "table_schema",
  "table_name",
  "partition_id",
  "total_rows",
  "total_logical_bytes",
  "last_modified_time",
  "storage_tier"
];
var SUPPORTED_QUERIES = "the local cloud supports only SELECT partition_id, total_rows FROM `project.dataset.INFORMATION_SCHEMA.PARTITIONS` WHERE table_name = '…' [AND partition_id IN (…)], and SELECT COUNT(*) FROM `project.dataset.table` [WHERE _PARTITIONTIME = TIMESTAMP '…' | _PARTITIONDATE = '…' | <DATE column> = '…']";
function unsupported(sql, detail) {
  return new BigQueryApiError(
    "invalidQuery",
    `${detail}; ${SUPPORTED_QUERIES}. Query: ${sql.trim().slice(0, 300)}`
  );
}
var Cursor = class {
  constructor(tokens, fail2) {
    this.tokens = tokens;
    this.fail = fail2;
  }
  tokens;
  fail;
  at = 0;
  peek() {
    return this.tokens[this.at];
  }
  next() {
    const token = this.tokens[this.at++];
    if (!token) throw this.fail("unexpected end of query");
    return token;
  }
  isKeyword(word) {
    const token = this.peek();
    return token?.kind === "ident" && !token.quoted && token.text.toUpperCase() === word;
  }
  keyword(word) {
    if (!this.isKeyword(word)) throw this.fail(`expected ${word}`);
    this.at += 1;
  }
  isPunct(text) {
    const token = this.peek();
    return token?.kind === "punct" && token.text === text;
  }
  punct(text) {
    if (!this.isPunct(text)) throw this.fail(`expected "${text}"`);
    this.at += 1;
  }
  ident() {
    const token = this.next();
    if (token.kind !== "ident") throw this.fail("expected a name");
    return token.text;
  }
  done() {
    while (this.isPunct(";")) this.at += 1;
    return this.at >= this.tokens.length;
  }
};
function parseQuery(sql, params) {
  const fail2 = (detail) => unsupported(sql, detail);
  const cursor = new Cursor(tokenize(sql), fail2);
  cursor.keyword("SELECT");
  const select = parseSelectList(cursor);
  cursor.keyword("FROM");
  const path = parsePath(cursor);
  const conditions = cursor.isKeyword("WHERE") ? parseConditions(cursor, params, fail2) : [];
  let descending = false;
  if (cursor.isKeyword("ORDER")) {
    cursor.keyword("ORDER");
    cursor.keyword("BY");
    if (cursor.ident().toLowerCase() !== "partition_id")
      throw fail2("only ORDER BY partition_id is supported");
    if (cursor.isKeyword("DESC")) {
      cursor.keyword("DESC");
      descending = true;
    } else if (cursor.isKeyword("ASC")) cursor.keyword("ASC");
  }
  if (!cursor.done()) throw fail2("unexpected text after the query");
  const upper = path.map((part) => part.toUpperCase());
  const isPartitions = upper.length >= 3 && upper.at(-1) === "PARTITIONS" && upper.at(-2) === "INFORMATION_SCHEMA";
  if (isPartitions) {
    if (select.kind !== "columns") throw fail2("COUNT(*) over INFORMATION_SCHEMA.PARTITIONS is not supported");
    const scope = path.slice(0, -2);
    if (scope.length > 2) throw fail2("bad INFORMATION_SCHEMA path");
    const query = {
      kind: "partitions",
      projectId: scope.length === 2 ? scope[0] : void 0,
      datasetId: scope.at(-1) ?? "",
      columns: select.columns,
      descending
    };
    for (const condition2 of conditions) {
      if (condition2.column === "table_name" && condition2.values.length === 1 && !condition2.list) {
        query.tableName = condition2.values[0];
      } else if (condition2.column === "partition_id") {
        query.partitionIds = condition2.values;
      } else throw fail2(`filtering on ${condition2.column} is not supported`);
    }
    return query;
  }
  if (select.kind !== "count") throw fail2("only COUNT(*) may be selected from a table");
  if (path.length < 2 || path.length > 3) throw fail2("expected `project.dataset.table` or `dataset.table`");
  if (descending) throw fail2("ORDER BY is not supported on COUNT(*)");
  if (conditions.length > 1 || conditions.some((condition2) => condition2.list)) {
    throw fail2("COUNT(*) accepts at most one equality filter");
  }
  const condition = conditions[0];
  return {
    kind: "count",
    projectId: path.length === 3 ? path[0] : void 0,
    datasetId: path.at(-2) ?? "",
    tableId: path.at(-1) ?? "",
    alias: select.alias,
    filter: condition ? { column: condition.column, value: condition.values[0] ?? "" } : void 0
  };
}
function parseSelectList(cursor) {
  if (cursor.isPunct("*")) {
    cursor.punct("*");
    return { kind: "columns", columns: PARTITIONS_COLUMNS.map((column) => ({ column, alias: column })) };
  }
  if (cursor.isKeyword("COUNT")) {
    cursor.keyword("COUNT");
    cursor.punct("(");
    cursor.punct("*");
    cursor.punct(")");
    let alias = "f0_";
    if (cursor.isKeyword("AS")) {
      cursor.keyword("AS");
      alias = cursor.ident();
    }
    return { kind: "count", alias };
  }
  const columns = [];
  do {
    if (columns.length > 0) cursor.punct(",");
    const written = cursor.ident();
    const name = written.toLowerCase();
    if (!PARTITIONS_COLUMNS.includes(name)) {
      throw new BigQueryApiError("invalidQuery", `Unrecognized name: ${written}`);
    }
    let alias = written;
    if (cursor.isKeyword("AS")) {
      cursor.keyword("AS");
      alias = cursor.ident();
    }
    columns.push({ column: name, alias });
  } while (cursor.isPunct(","));
  return { kind: "columns", columns };
}
function parsePath(cursor) {
  const parts = [];
  do {
    if (parts.length > 0) cursor.punct(".");
    parts.push(...cursor.ident().split("."));
  } while (cursor.isPunct("."));
  return parts;
}
function parseConditions(cursor, params, fail2) {
  cursor.keyword("WHERE");
  const conditions = [];
  do {
    if (conditions.length > 0) cursor.keyword("AND");
    const column = cursor.ident();
    if (cursor.isPunct("=")) {
      cursor.punct("=");
      conditions.push({
        column: column.toLowerCase(),
        values: [parseScalar(cursor, params, fail2)],
        list: false
      });
    } else {
      cursor.keyword("IN");
      const values = [];
      if (cursor.isKeyword("UNNEST")) {
        cursor.keyword("UNNEST");
        cursor.punct("(");
        const token = cursor.next();
        if (token.kind !== "param") throw fail2("UNNEST() takes an array query parameter");
        values.push(...asList(lookupParam(params, token.name, fail2)));
        cursor.punct(")");
      } else {
        cursor.punct("(");
        do {
          if (values.length > 0) cursor.punct(",");
          values.push(parseScalar(cursor, params, fail2));
        } while (cursor.isPunct(","));
        cursor.punct(")");
      }
      conditions.push({ column: column.toLowerCase(), values, list: true });
    }
  } while (cursor.isKeyword("AND"));
  return conditions;
}
function parseScalar(cursor, params, fail2) {
  if (cursor.isKeyword("TIMESTAMP") || cursor.isKeyword("DATE")) {
    cursor.next();
    if (cursor.isPunct("(")) {
      cursor.punct("(");
      const value = parseScalar(cursor, params, fail2);
      cursor.punct(")");
      return value;
    }
  }
  const token = cursor.next();
  if (token.kind === "string" || token.kind === "number") return token.text;
  if (token.kind === "param") {
    const value = lookupParam(params, token.name, fail2);
    if (Array.isArray(value)) throw fail2(`parameter ${String(token.name)} is an array; use IN UNNEST(@name)`);
    return value;
  }
  throw fail2("expected a string literal or a query parameter");
}
function lookupParam(params, name, fail2) {
  const value = params.get(name);
  if (value === void 0) {
    throw typeof name === "number" ? fail2(`positional parameter ${name + 1} is not bound`) : new BigQueryApiError("invalidQuery", `Query parameter '${name}' not found`);
  }
  return value;
}
function asList(value) {
  return Array.isArray(value) ? value : [value];
}
function readQueryParams(raw) {
  const params = /* @__PURE__ */ new Map();
  if (!Array.isArray(raw)) return params;
  raw.forEach((entry, index) => {
    const parameter = entry;
    const value = parameter.parameterValue?.arrayValues ? parameter.parameterValue.arrayValues.map((item) => String(item.value ?? "")) : String(parameter.parameterValue?.value ?? "");
    params.set(parameter.name ? parameter.name : index, value);
  });
  return params;
}

// packages/local-cloud/src/bigquery/query-runner.ts
var PARTITIONS_TYPES = {
  table_catalog: "STRING",
  table_schema: "STRING",
  table_name: "STRING",
  partition_id: "STRING",
  total_rows: "INTEGER",
  total_logical_bytes: "INTEGER",
  last_modified_time: "TIMESTAMP",
  storage_tier: "STRING"
};
function runQuery(store, query, defaultProject) {
  const projectId = query.projectId ?? defaultProject;
  if (!store.hasDataset(projectId, query.datasetId)) {
    throw notFoundDataset(projectId, query.datasetId);
  }
  return query.kind === "partitions" ? partitionsRows(store, projectId, query) : countRows(store, projectId, query);
}
function partitionsRows(store, projectId, query) {
  const tables = store.listTables(projectId, query.datasetId).filter((table) => query.tableName === void 0 || table.tableId === query.tableName);
  const wanted = query.partitionIds ? new Set(query.partitionIds) : void 0;
  const rows = [];
  for (const table of tables) {
    const live = store.livePartitions(table);
    for (const id of [...live.keys()].sort()) {
      const partition = live.get(id);
      if (wanted && !wanted.has(id)) continue;
      const full = {
        table_catalog: projectId,
        table_schema: query.datasetId,
        table_name: table.tableId,
        partition_id: id,
        total_rows: String(partition.rows.length),
        total_logical_bytes: String(partition.bytes),
        last_modified_time: BigInt(partition.lastModifiedMs) * 1000n,
        storage_tier: "ACTIVE"
      };
      const row = {};
      for (const { column, alias } of query.columns) row[alias] = full[column];
      rows.push(row);
    }
  }
  if (query.descending) rows.reverse();
  const schema = query.columns.map(({ column, alias }) => ({
    name: alias,
    type: PARTITIONS_TYPES[column],
    mode: "NULLABLE"
  }));
  return { schema, rows };
}
function countRows(store, projectId, query) {
  let table;
  try {
    table = store.getTable(projectId, query.datasetId, query.tableId);
  } catch {
    throw notFoundTable(projectId, query.datasetId, query.tableId);
  }
  const partitioning = table.timePartitioning;
  const partitions = store.livePartitions(table);
  let count = 0;
  if (!query.filter) {
    if (table.requirePartitionFilter && partitioning) {
      const columns = partitioning.field ? `'${partitioning.field}'` : "'_PARTITION_LOAD_TIME', '_PARTITIONDATE', '_PARTITIONTIME'";
      throw new BigQueryApiError(
        "invalidQuery",
        `Cannot query over table '${query.datasetId}.${query.tableId}' without a filter over column(s) ${columns} that can be used for partition elimination`
      );
    }
    for (const partition of partitions.values()) count += partition.rows.length;
  } else {
    const partitionId = filterPartition(query.filter, partitioning, query.tableId);
    count = partitions.get(partitionId)?.rows.length ?? 0;
  }
  return {
    schema: [{ name: query.alias, type: "INTEGER", mode: "NULLABLE" }],
    rows: [{ [query.alias]: String(count) }]
  };
}
function filterPartition(filter, partitioning, tableId) {
  const refuse = (detail) => new BigQueryApiError("invalidQuery", `${detail} (table ${tableId})`);
  if (!partitioning) throw refuse("COUNT(*) filters are supported on partitioned tables only");
  const column = filter.column.toLowerCase();
  if (!partitioning.field && (column === "_partitiontime" || column === "_partitiondate")) {
    const micros = parseTimestampMicros(filter.value);
    if (micros === void 0) throw refuse(`Could not cast literal "${filter.value}" to type TIMESTAMP`);
    return partitionIdOfInstant(
      Number(micros / 1000n),
      column === "_partitiondate" ? "DAY" : partitioning.type
    );
  }
  if (partitioning.field && column === partitioning.field.toLowerCase() && /^\d{4}-\d{2}-\d{2}$/.test(filter.value)) {
    return partitionIdOfCivil(filter.value, "DAY");
  }
  throw refuse(
    `the local cloud's COUNT(*) filters only on _PARTITIONTIME/_PARTITIONDATE (ingestion-time tables) or a DATE partition column compared to 'YYYY-MM-DD'`
  );
}

// packages/local-cloud/src/bigquery/query-jobs.ts
var MAX_KEPT_JOBS = 1e3;
var QueryJobs = class {
  constructor(store, clock) {
    this.store = store;
    this.clock = clock;
  }
  store;
  clock;
  jobs = /* @__PURE__ */ new Map();
  /** Runs `request` (a jobs.query body or a jobs.insert `configuration.query`). */
  run(projectId, request, jobId, location) {
    const sql = request.query;
    if (typeof sql !== "string" || sql.trim() === "") {
      throw new BigQueryApiError("invalid", "Required parameter is missing: query");
    }
    if (request.useLegacySql === true) {
      throw new BigQueryApiError(
        "invalidQuery",
        "The local cloud runs GoogleSQL only; set useLegacySql to false."
      );
    }
    const id = jobId ?? `job_${randomUUID().replace(/-/g, "")}`;
    if (this.jobs.has(id)) throw new BigQueryApiError("duplicate", `Already Exists: Job ${projectId}:${id}`);
    const parsed = parseQuery(sql, readQueryParams(request.queryParameters));
    const defaultDataset = request.defaultDataset;
    if (parsed.datasetId === "" && defaultDataset?.datasetId) parsed.datasetId = defaultDataset.datasetId;
    const result = runQuery(this.store, parsed, parsed.projectId ?? defaultDataset?.projectId ?? projectId);
    const job = {
      projectId,
      jobId: id,
      location: location ?? (typeof request.location === "string" ? request.location : this.store.defaultLocation),
      sql,
      schema: result.schema,
      rows: result.rows,
      creationTime: this.clock().getTime(),
      configuration: { query: { ...request }, jobType: "QUERY" }
    };
    this.jobs.set(id, job);
    if (this.jobs.size > MAX_KEPT_JOBS) {
      const oldest = this.jobs.keys().next().value;
      if (oldest !== void 0) this.jobs.delete(oldest);
    }
    return job;
  }
  get(projectId, jobId) {
    const job = this.jobs.get(jobId);
    if (!job || job.projectId !== projectId) {
      throw new BigQueryApiError("notFound", `Not found: Job ${projectId}:${jobId}`);
    }
    return job;
  }
};

// packages/local-cloud/src/bigquery/quotas.ts
import { status as status6 } from "@grpc/grpc-js";
var DEFAULT_LOAD_JOBS_PER_PROJECT_PER_DAY = 1e5;
var LOAD_JOBS_PER_TABLE_PER_DAY = 1500;
function quotaExceeded(what) {
  return new LoadJobError(
    `Quota exceeded: ${what}. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas`,
    "quotaExceeded",
    status6.RESOURCE_EXHAUSTED
  );
}
var LoadQuota = class {
  constructor(clock, projectLimit = DEFAULT_LOAD_JOBS_PER_PROJECT_PER_DAY, tableLimit = LOAD_JOBS_PER_TABLE_PER_DAY) {
    this.clock = clock;
    this.projectLimit = projectLimit;
    this.tableLimit = tableLimit;
  }
  clock;
  projectLimit;
  tableLimit;
  day = "";
  perProject = /* @__PURE__ */ new Map();
  perTable = /* @__PURE__ */ new Map();
  /** Counts one load job against the quotas, or throws when either is spent. */
  take(projectId, tableKey) {
    const today = this.clock().toISOString().slice(0, 10);
    if (today !== this.day) {
      this.day = today;
      this.perProject.clear();
      this.perTable.clear();
    }
    const projectUsed = this.perProject.get(projectId) ?? 0;
    if (projectUsed >= this.projectLimit)
      throw quotaExceeded("Your project exceeded quota for imports per project");
    const tableUsed = this.perTable.get(tableKey) ?? 0;
    if (tableUsed >= this.tableLimit) {
      throw quotaExceeded("Your table exceeded quota for imports or query appends per table");
    }
    this.perProject.set(projectId, projectUsed + 1);
    this.perTable.set(tableKey, tableUsed + 1);
  }
};

// packages/local-cloud/src/bigquery/http-types.ts
function pageOf(items, query, defaultMax) {
  const startIndex = Number(query.get("startIndex") ?? 0);
  const offset = query.has("pageToken") ? Number(query.get("pageToken")) : startIndex;
  const maxResults = query.has("maxResults") ? Number(query.get("maxResults")) : defaultMax;
  const safeOffset = Number.isFinite(offset) && offset > 0 ? Math.floor(offset) : 0;
  const safeMax = Number.isFinite(maxResults) && maxResults > 0 ? Math.floor(maxResults) : defaultMax;
  const page = items.slice(safeOffset, safeOffset + safeMax);
  const next = safeOffset + page.length;
  return { page, nextPageToken: next < items.length ? String(next) : void 0 };
}

// packages/local-cloud/src/bigquery/resources.ts
function datasetResource(dataset, baseUrl) {
  const { projectId, datasetId } = dataset;
  return {
    kind: "bigquery#dataset",
    etag: String(dataset.etag),
    id: `${projectId}:${datasetId}`,
    selfLink: `${baseUrl}/bigquery/v2/projects/${projectId}/datasets/${datasetId}`,
    datasetReference: { projectId, datasetId },
    location: dataset.location,
    description: dataset.description,
    friendlyName: dataset.friendlyName,
    labels: dataset.labels,
    defaultTableExpirationMs: dataset.defaultTableExpirationMs,
    defaultPartitionExpirationMs: dataset.defaultPartitionExpirationMs,
    creationTime: String(dataset.creationTime),
    lastModifiedTime: String(dataset.lastModifiedTime),
    type: "DEFAULT"
  };
}
function datasetListItem(dataset) {
  const { projectId, datasetId } = dataset;
  return {
    kind: "bigquery#dataset",
    id: `${projectId}:${datasetId}`,
    datasetReference: { projectId, datasetId },
    labels: dataset.labels,
    location: dataset.location
  };
}
function partitioningResource(table) {
  const partitioning = table.timePartitioning;
  if (!partitioning) return void 0;
  return {
    type: partitioning.type,
    field: partitioning.field,
    expirationMs: partitioning.expirationMs === void 0 ? void 0 : String(partitioning.expirationMs)
  };
}
function tableResource(table, partitions, location, baseUrl) {
  const { projectId, datasetId, tableId } = table;
  const numRows = partitions.reduce((sum, partition) => sum + partition.rows.length, 0);
  const numBytes = partitions.reduce((sum, partition) => sum + partition.bytes, 0);
  return {
    kind: "bigquery#table",
    etag: String(table.etag),
    id: `${projectId}:${datasetId}.${tableId}`,
    selfLink: `${baseUrl}/bigquery/v2/projects/${projectId}/datasets/${datasetId}/tables/${tableId}`,
    tableReference: { projectId, datasetId, tableId },
    schema: { fields: table.schema },
    timePartitioning: partitioningResource(table),
    requirePartitionFilter: table.timePartitioning ? table.requirePartitionFilter : void 0,
    description: table.description,
    labels: table.labels,
    expirationTime: table.expirationTime,
    numRows: String(numRows),
    numBytes: String(numBytes),
    numLongTermBytes: "0",
    numPartitions: table.timePartitioning ? String(partitions.length) : void 0,
    creationTime: String(table.creationTime),
    lastModifiedTime: String(table.lastModifiedTime),
    type: "TABLE",
    location
  };
}
function tableListItem(table) {
  const { projectId, datasetId, tableId } = table;
  return {
    kind: "bigquery#table",
    id: `${projectId}:${datasetId}.${tableId}`,
    tableReference: { projectId, datasetId, tableId },
    type: "TABLE",
    timePartitioning: partitioningResource(table),
    labels: table.labels,
    creationTime: String(table.creationTime)
  };
}

// packages/local-cloud/src/bigquery/routes-datasets.ts
var datasetRoutes = [
  {
    method: "GET",
    pattern: "/projects/:projectId/datasets",
    operation: "datasets.list",
    handle: ({ store }, { params, query }) => {
      const { page, nextPageToken } = pageOf(store.listDatasets(params.projectId ?? ""), query, 1e3);
      return {
        body: { kind: "bigquery#datasetList", datasets: page.map(datasetListItem), nextPageToken }
      };
    }
  },
  {
    method: "POST",
    pattern: "/projects/:projectId/datasets",
    operation: "datasets.insert",
    handle: ({ store, baseUrl }, { params, body }) => ({
      body: datasetResource(store.insertDataset(params.projectId ?? "", body), baseUrl)
    })
  },
  {
    method: "GET",
    pattern: "/projects/:projectId/datasets/:datasetId",
    operation: "datasets.get",
    handle: ({ store, baseUrl }, { params }) => ({
      body: datasetResource(store.getDataset(params.projectId ?? "", params.datasetId ?? ""), baseUrl)
    })
  },
  ...["PATCH", "PUT"].map(
    (method) => ({
      method,
      pattern: "/projects/:projectId/datasets/:datasetId",
      operation: method === "PATCH" ? "datasets.patch" : "datasets.update",
      handle: ({ store, baseUrl }, { params, body }) => {
        const mode = method === "PATCH" ? "merge" : "replace";
        const dataset = store.patchDataset(params.projectId ?? "", params.datasetId ?? "", body, mode);
        return { body: datasetResource(dataset, baseUrl) };
      }
    })
  ),
  {
    method: "DELETE",
    pattern: "/projects/:projectId/datasets/:datasetId",
    operation: "datasets.delete",
    handle: ({ store }, { params, query }) => {
      store.deleteDataset(
        params.projectId ?? "",
        params.datasetId ?? "",
        query.get("deleteContents") === "true"
      );
      return { status: 204 };
    }
  }
];

// packages/local-cloud/src/bigquery/row-encoding.ts
function timestampFormatOf(useInt64, outputFormat) {
  if (outputFormat === "ISO8601_STRING") return "ISO8601_STRING";
  if (outputFormat === "INT64" || useInt64 === true || useInt64 === "true") return "INT64";
  return "FLOAT_SECONDS";
}
function encodeRow(fields, row, format) {
  return { f: fields.map((field) => ({ v: encodeValue(field, row[field.name] ?? null, format) })) };
}
function encodeValue(field, value, format) {
  if (field.mode === "REPEATED") {
    const items = Array.isArray(value) ? value : [];
    return items.map((item) => ({ v: encodeScalar(field, item, format) }));
  }
  return encodeScalar(field, value, format);
}
function encodeScalar(field, value, format) {
  if (value === null) return null;
  if (field.type === "RECORD") return encodeRow(field.fields ?? [], value, format);
  if (field.type === "TIMESTAMP" && typeof value === "bigint") return encodeTimestamp(value, format);
  return String(value);
}
function encodeTimestamp(micros, format) {
  if (format === "INT64") return micros.toString();
  if (format === "ISO8601_STRING") {
    const ms = Number(micros / 1000n);
    const fraction = String((micros % 1000000n + 1000000n) % 1000000n).padStart(6, "0");
    return `${new Date(ms).toISOString().slice(0, 19)}.${fraction}Z`;
  }
  return (Number(micros) / 1e6).toString();
}

// packages/local-cloud/src/bigquery/routes-jobs.ts
function jobReference(job) {
  return { projectId: job.projectId, jobId: job.jobId, location: job.location };
}
function resultPage(job, query, format) {
  const { page, nextPageToken } = pageOf(job.rows, query, 1e5);
  return {
    schema: { fields: job.schema },
    jobReference: jobReference(job),
    totalRows: String(job.rows.length),
    rows: page.map((row) => encodeRow(job.schema, row, format)),
    pageToken: nextPageToken,
    totalBytesProcessed: "0",
    jobComplete: true,
    cacheHit: false
  };
}
function jobResource(job, baseUrl) {
  return {
    kind: "bigquery#job",
    etag: "1",
    id: `${job.projectId}:${job.location}.${job.jobId}`,
    selfLink: `${baseUrl}/bigquery/v2/projects/${job.projectId}/jobs/${job.jobId}?location=${job.location}`,
    jobReference: jobReference(job),
    configuration: job.configuration,
    status: { state: "DONE" },
    statistics: {
      creationTime: String(job.creationTime),
      startTime: String(job.creationTime),
      endTime: String(job.creationTime),
      totalBytesProcessed: "0",
      query: { totalBytesProcessed: "0", statementType: "SELECT", cacheHit: false }
    }
  };
}
var jobRoutes = [
  {
    method: "POST",
    pattern: "/projects/:projectId/queries",
    operation: "jobs.query",
    handle: ({ jobs }, { params, body }) => {
      const job = jobs.run(params.projectId ?? "", body);
      const formatOptions = body.formatOptions ?? {};
      const format = timestampFormatOf(formatOptions.useInt64Timestamp, formatOptions.timestampOutputFormat);
      const query = new URLSearchParams();
      if (body.maxResults !== void 0) query.set("maxResults", String(body.maxResults));
      return { body: { kind: "bigquery#queryResponse", ...resultPage(job, query, format) } };
    }
  },
  {
    method: "GET",
    pattern: "/projects/:projectId/queries/:jobId",
    operation: "jobs.getQueryResults",
    handle: ({ jobs }, { params, query }) => {
      const job = jobs.get(params.projectId ?? "", params.jobId ?? "");
      const format = timestampFormatOf(
        query.get("formatOptions.useInt64Timestamp") ?? void 0,
        query.get("formatOptions.timestampOutputFormat") ?? void 0
      );
      return {
        body: { kind: "bigquery#getQueryResultsResponse", etag: "1", ...resultPage(job, query, format) }
      };
    }
  },
  {
    method: "POST",
    pattern: "/projects/:projectId/jobs",
    operation: "jobs.insert",
    handle: ({ jobs, baseUrl }, { params, body }) => {
      const configuration = body.configuration ?? {};
      const queryConfig = configuration.query;
      if (!queryConfig) {
        throw new BigQueryApiError(
          "notImplemented",
          "The local cloud runs query jobs only; data is loaded through Data Transfer Service runs."
        );
      }
      if (configuration.dryRun === true) {
        throw new BigQueryApiError("notImplemented", "The local cloud does not support dry-run queries.");
      }
      const reference = body.jobReference ?? {};
      const job = jobs.run(params.projectId ?? "", queryConfig, reference.jobId, reference.location);
      return { body: jobResource(job, baseUrl) };
    }
  },
  {
    method: "GET",
    pattern: "/projects/:projectId/jobs/:jobId",
    operation: "jobs.get",
    handle: ({ jobs, baseUrl }, { params }) => ({
      body: jobResource(jobs.get(params.projectId ?? "", params.jobId ?? ""), baseUrl)
    })
  }
];

// packages/local-cloud/src/bigquery/routes-tables.ts
var DEFAULT_ROWS_PER_PAGE = 1e5;
function addressed(context, params) {
  const projectId = params.projectId ?? "";
  const datasetId = params.datasetId ?? "";
  const { table: tableId, decorator } = splitDecorator(params.tableId ?? "");
  const table = context.store.getTable(projectId, datasetId, tableId);
  const live = context.store.livePartitions(table);
  if (decorator === void 0) {
    const ids = [...live.keys()].sort();
    return { table, partitions: ids.map((id) => live.get(id)) };
  }
  if (!table.timePartitioning) throw notFoundTable(projectId, datasetId, params.tableId ?? "");
  const partition = live.get(decorator);
  return { table, partitions: partition ? [partition] : [] };
}
function locationOf(context, table) {
  return context.store.getDataset(table.projectId, table.datasetId).location;
}
var tableRoutes = [
  {
    method: "GET",
    pattern: "/projects/:projectId/datasets/:datasetId/tables",
    operation: "tables.list",
    handle: ({ store }, { params, query }) => {
      const tables = store.listTables(params.projectId ?? "", params.datasetId ?? "");
      const { page, nextPageToken } = pageOf(tables, query, 1e3);
      return {
        body: {
          kind: "bigquery#tableList",
          tables: page.map(tableListItem),
          nextPageToken,
          totalItems: tables.length
        }
      };
    }
  },
  {
    method: "POST",
    pattern: "/projects/:projectId/datasets/:datasetId/tables",
    operation: "tables.insert",
    handle: (context, { params, body }) => {
      const table = context.store.insertTable(params.projectId ?? "", params.datasetId ?? "", body);
      return { body: tableResource(table, [], locationOf(context, table), context.baseUrl) };
    }
  },
  {
    method: "GET",
    pattern: "/projects/:projectId/datasets/:datasetId/tables/:tableId",
    operation: "tables.get",
    handle: (context, { params }) => {
      const { table, partitions } = addressed(context, params);
      return { body: tableResource(table, partitions, locationOf(context, table), context.baseUrl) };
    }
  },
  ...["PATCH", "PUT"].map(
    (method) => ({
      method,
      pattern: "/projects/:projectId/datasets/:datasetId/tables/:tableId",
      operation: method === "PATCH" ? "tables.patch" : "tables.update",
      handle: (context, { params, body }) => {
        if ((params.tableId ?? "").includes("$")) {
          throw new BigQueryApiError(
            "invalid",
            "Cannot update a partition; update the table without a decorator."
          );
        }
        const mode = method === "PATCH" ? "merge" : "replace";
        const table = context.store.updateTable(
          params.projectId ?? "",
          params.datasetId ?? "",
          params.tableId ?? "",
          body,
          mode
        );
        const { partitions } = addressed(context, params);
        return { body: tableResource(table, partitions, locationOf(context, table), context.baseUrl) };
      }
    })
  ),
  {
    method: "DELETE",
    pattern: "/projects/:projectId/datasets/:datasetId/tables/:tableId",
    operation: "tables.delete",
    handle: (context, { params }) => {
      const { table: tableId, decorator } = splitDecorator(params.tableId ?? "");
      if (decorator !== void 0) {
        const { table } = addressed(context, params);
        context.store.livePartitions(table).delete(decorator);
        return { status: 204 };
      }
      context.store.deleteTable(params.projectId ?? "", params.datasetId ?? "", tableId);
      return { status: 204 };
    }
  },
  {
    method: "GET",
    pattern: "/projects/:projectId/datasets/:datasetId/tables/:tableId/data",
    operation: "tabledata.list",
    handle: (context, { params, query }) => {
      const { table, partitions } = addressed(context, params);
      const rows = partitions.flatMap((partition) => partition.rows);
      const { page, nextPageToken } = pageOf(rows, query, DEFAULT_ROWS_PER_PAGE);
      const selected = (query.get("selectedFields") ?? "").split(",").map((name) => name.trim().toLowerCase()).filter(Boolean);
      const fields = selected.length ? table.schema.filter((field) => selected.includes(field.name.toLowerCase())) : table.schema;
      const format = timestampFormatOf(
        query.get("formatOptions.useInt64Timestamp") ?? void 0,
        query.get("formatOptions.timestampOutputFormat") ?? void 0
      );
      return {
        body: {
          kind: "bigquery#tableDataList",
          etag: String(table.etag),
          totalRows: String(rows.length),
          pageToken: nextPageToken,
          rows: page.map((row) => encodeRow(fields, row, format))
        }
      };
    }
  }
];

// packages/local-cloud/src/bigquery/field-types.ts
var TYPE_ALIASES = {
  INT64: "INTEGER",
  FLOAT64: "FLOAT",
  BOOL: "BOOLEAN",
  STRUCT: "RECORD"
};
var BIGQUERY_FIELD_TYPES = [
  "STRING",
  "BYTES",
  "INTEGER",
  "FLOAT",
  "BOOLEAN",
  "TIMESTAMP",
  "DATE",
  "TIME",
  "DATETIME",
  "GEOGRAPHY",
  "NUMERIC",
  "BIGNUMERIC",
  "JSON",
  "RECORD"
];
var UNSUPPORTED_FIELD_TYPES = ["RANGE", "INTERVAL"];

// packages/local-cloud/src/bigquery/schema-rules.ts
var FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,299}$/;
var canonicalType = (type) => TYPE_ALIASES[type.toUpperCase()] ?? type.toUpperCase();
var KNOWN_TYPES = new Set(BIGQUERY_FIELD_TYPES);
function normalizeSchema(fields, where = "schema") {
  if (!Array.isArray(fields))
    throw new BigQueryApiError("invalid", `Invalid ${where}: fields must be a list.`);
  const seen = /* @__PURE__ */ new Set();
  return fields.map((raw) => {
    const field = raw;
    if (!field || typeof field.name !== "string" || !FIELD_NAME.test(field.name)) {
      throw new BigQueryApiError(
        "invalid",
        `Invalid field name "${String(field?.name)}". Fields must contain only letters, numbers, and underscores, start with a letter or underscore, and be at most 300 characters long.`
      );
    }
    const lower = field.name.toLowerCase();
    if (seen.has(lower))
      throw new BigQueryApiError("invalid", `Field ${field.name} already exists in schema`);
    seen.add(lower);
    const type = canonicalType(String(field.type ?? ""));
    if (UNSUPPORTED_FIELD_TYPES.includes(type)) {
      throw new BigQueryApiError(
        "invalid",
        `Field ${field.name} has type ${type}, which the local cloud does not store; use another type`
      );
    }
    if (!KNOWN_TYPES.has(type)) {
      throw new BigQueryApiError(
        "invalid",
        `Invalid value for type: ${String(field.type)} is not a valid value`
      );
    }
    const mode = String(field.mode ?? "NULLABLE").toUpperCase();
    if (!["NULLABLE", "REQUIRED", "REPEATED"].includes(mode)) {
      throw new BigQueryApiError(
        "invalid",
        `Invalid value for mode: ${String(field.mode)} is not a valid value`
      );
    }
    const normalized = { name: field.name, type, mode };
    if (field.description !== void 0) normalized.description = field.description;
    if (type === "RECORD") {
      if (!Array.isArray(field.fields) || field.fields.length === 0) {
        throw new BigQueryApiError("invalid", `Field ${field.name} is type RECORD but has no schema`);
      }
      normalized.fields = normalizeSchema(field.fields, `schema of field ${field.name}`);
    }
    return normalized;
  });
}
function normalizePartitioning(raw, schema) {
  if (raw === void 0 || raw === null) return void 0;
  const spec = raw;
  const type = String(spec.type ?? "DAY").toUpperCase();
  if (type !== "DAY" && type !== "HOUR") {
    throw new BigQueryApiError(
      "invalid",
      `The local cloud supports DAY and HOUR time partitioning only; got ${type}. Use DAY or HOUR.`
    );
  }
  const result = { type };
  if (spec.expirationMs !== void 0 && spec.expirationMs !== null) {
    const ms = Number(spec.expirationMs);
    if (!Number.isInteger(ms) || ms <= 0) {
      throw new BigQueryApiError(
        "invalid",
        `Invalid timePartitioning.expirationMs: ${String(spec.expirationMs)}`
      );
    }
    result.expirationMs = ms;
  }
  if (spec.field !== void 0 && spec.field !== null && spec.field !== "") {
    const name = String(spec.field);
    const column = schema.find((field) => field.name.toLowerCase() === name.toLowerCase());
    if (!column) {
      throw new BigQueryApiError(
        "invalid",
        `The field specified for time partitioning can only be found in the schema: ${name}`
      );
    }
    if (column.mode === "REPEATED" || !["DATE", "TIMESTAMP", "DATETIME"].includes(column.type)) {
      throw new BigQueryApiError(
        "invalid",
        `Partitioning field ${name} must be a top-level, non-repeated field of type DATE, TIMESTAMP or DATETIME; it is ${column.mode} ${column.type}`
      );
    }
    if (type === "HOUR" && column.type === "DATE") {
      throw new BigQueryApiError(
        "invalid",
        `Partitioning by HOUR is not supported for DATE column ${name}; use DAY`
      );
    }
    result.field = column.name;
  }
  return result;
}
function checkSchemaEvolution(table, before, after) {
  const prefix = `Provided Schema does not match Table ${table}.`;
  const next = new Map(after.map((field) => [field.name.toLowerCase(), field]));
  for (const old of before) {
    const now = next.get(old.name.toLowerCase());
    if (!now) throw new BigQueryApiError("invalid", `${prefix} Field ${old.name} is missing in new schema`);
    if (now.type !== old.type) {
      throw new BigQueryApiError(
        "invalid",
        `${prefix} Field ${old.name} has changed type from ${old.type} to ${now.type}`
      );
    }
    const relaxing = old.mode === "REQUIRED" && now.mode === "NULLABLE";
    if (now.mode !== old.mode && !relaxing) {
      throw new BigQueryApiError(
        "invalid",
        `${prefix} Field ${old.name} has changed mode from ${old.mode} to ${now.mode}`
      );
    }
    if (old.type === "RECORD") checkSchemaEvolution(table, old.fields ?? [], now.fields ?? []);
  }
  const known = new Set(before.map((field) => field.name.toLowerCase()));
  for (const added of after) {
    if (!known.has(added.name.toLowerCase()) && added.mode === "REQUIRED") {
      throw new BigQueryApiError(
        "invalid",
        `${prefix} Cannot add required fields to an existing schema. (field: ${added.name})`
      );
    }
  }
}
function checkPartitioningChange(before, after) {
  if (!before && !after) return;
  if (!before || !after || before.type !== after.type || (before.field ?? "") !== (after.field ?? "")) {
    throw new BigQueryApiError(
      "invalid",
      "Cannot change partitioning/clustering spec for a partitioned/clustered table. Create a new table instead."
    );
  }
}

// packages/local-cloud/src/bigquery/store.ts
var DATASET_ID = /^[A-Za-z0-9_]{1,1024}$/;
var TABLE_ID = /^[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}]{1,1024}$/u;
var LABEL_KEY = /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u;
var LABEL_VALUE = /^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u;
var Store = class {
  constructor(clock, defaultLocation = "US") {
    this.clock = clock;
    this.defaultLocation = defaultLocation;
  }
  clock;
  defaultLocation;
  projects = /* @__PURE__ */ new Map();
  now() {
    return this.clock().getTime();
  }
  datasetsOf(projectId) {
    let datasets = this.projects.get(projectId);
    if (!datasets) {
      datasets = /* @__PURE__ */ new Map();
      this.projects.set(projectId, datasets);
    }
    return datasets;
  }
  hasDataset(projectId, datasetId) {
    return this.projects.get(projectId)?.has(datasetId) ?? false;
  }
  getDataset(projectId, datasetId) {
    const dataset = this.projects.get(projectId)?.get(datasetId);
    if (!dataset) throw notFoundDataset(projectId, datasetId);
    return dataset;
  }
  listDatasets(projectId) {
    return [...this.datasetsOf(projectId).values()].sort((a, b) => a.datasetId.localeCompare(b.datasetId));
  }
  insertDataset(projectId, body) {
    const reference = body.datasetReference ?? {};
    const datasetId = String(reference.datasetId ?? "");
    if (!DATASET_ID.test(datasetId)) {
      throw new BigQueryApiError(
        "invalid",
        `Invalid dataset ID "${datasetId}". Dataset IDs must be alphanumeric (plus underscores) and must be at most 1024 characters long.`
      );
    }
    const datasets = this.datasetsOf(projectId);
    if (datasets.has(datasetId)) {
      throw new BigQueryApiError("duplicate", `Already Exists: Dataset ${projectId}:${datasetId}`);
    }
    const now = this.now();
    const dataset = {
      projectId,
      datasetId,
      location: typeof body.location === "string" && body.location ? body.location : this.defaultLocation,
      labels: {},
      creationTime: now,
      lastModifiedTime: now,
      etag: 1,
      tables: /* @__PURE__ */ new Map()
    };
    applyDatasetFields(dataset, body, "replace");
    datasets.set(datasetId, dataset);
    return dataset;
  }
  patchDataset(projectId, datasetId, body, mode) {
    const dataset = this.getDataset(projectId, datasetId);
    applyDatasetFields(dataset, body, mode);
    dataset.lastModifiedTime = this.now();
    dataset.etag += 1;
    return dataset;
  }
  deleteDataset(projectId, datasetId, deleteContents) {
    const dataset = this.getDataset(projectId, datasetId);
    if (dataset.tables.size > 0 && !deleteContents) {
      throw new BigQueryApiError("resourceInUse", `Dataset ${projectId}:${datasetId} is still in use`);
    }
    this.datasetsOf(projectId).delete(datasetId);
  }
  getTable(projectId, datasetId, tableId) {
    const dataset = this.projects.get(projectId)?.get(datasetId);
    const table = dataset?.tables.get(tableId);
    if (!table) throw notFoundTable(projectId, datasetId, tableId);
    if (table.expirationTime !== void 0 && Number(table.expirationTime) <= this.now()) {
      dataset?.tables.delete(tableId);
      throw notFoundTable(projectId, datasetId, tableId);
    }
    return table;
  }
  listTables(projectId, datasetId) {
    const dataset = this.getDataset(projectId, datasetId);
    this.dropExpiredTables(dataset);
    return [...dataset.tables.values()].sort((a, b) => a.tableId.localeCompare(b.tableId));
  }
  insertTable(projectId, datasetId, body) {
    const dataset = this.getDataset(projectId, datasetId);
    const reference = body.tableReference ?? {};
    const tableId = String(reference.tableId ?? "");
    if (!TABLE_ID.test(tableId)) {
      throw new BigQueryApiError(
        "invalid",
        `Invalid table ID "${tableId}". Table IDs must be alphanumeric (plus underscores, dashes and spaces) and at most 1024 characters long; decorators ($) are not allowed here.`
      );
    }
    this.dropExpiredTables(dataset);
    if (dataset.tables.has(tableId)) {
      throw new BigQueryApiError(
        "duplicate",
        `Already Exists: Table ${tableName(projectId, datasetId, tableId)}`
      );
    }
    const schema = readSchema(body) ?? [];
    const timePartitioning = normalizePartitioning(body.timePartitioning, schema);
    if (timePartitioning && timePartitioning.expirationMs === void 0 && dataset.defaultPartitionExpirationMs) {
      timePartitioning.expirationMs = Number(dataset.defaultPartitionExpirationMs);
    }
    const now = this.now();
    const table = {
      projectId,
      datasetId,
      tableId,
      schema,
      timePartitioning,
      requirePartitionFilter: false,
      labels: {},
      creationTime: now,
      lastModifiedTime: now,
      etag: 1,
      partitions: /* @__PURE__ */ new Map()
    };
    applyTableFields(table, body, "replace");
    if (table.expirationTime === void 0 && dataset.defaultTableExpirationMs) {
      table.expirationTime = String(now + Number(dataset.defaultTableExpirationMs));
    }
    dataset.tables.set(tableId, table);
    return table;
  }
  /** tables.patch (`merge`) or tables.update (`replace`), with BigQuery's change rules. */
  updateTable(projectId, datasetId, tableId, body, mode) {
    const table = this.getTable(projectId, datasetId, tableId);
    const name = tableName(projectId, datasetId, tableId);
    const schema = readSchema(body);
    if (schema) {
      if (table.schema.length > 0) checkSchemaEvolution(name, table.schema, schema);
    }
    const nextSchema = schema ?? table.schema;
    let partitioning = table.timePartitioning;
    if (body.timePartitioning !== void 0 || mode === "replace") {
      partitioning = normalizePartitioning(body.timePartitioning, nextSchema);
      checkPartitioningChange(table.timePartitioning, partitioning);
    }
    table.schema = nextSchema;
    table.timePartitioning = partitioning;
    applyTableFields(table, body, mode);
    table.lastModifiedTime = this.now();
    table.etag += 1;
    return table;
  }
  deleteTable(projectId, datasetId, tableId) {
    const dataset = this.getDataset(projectId, datasetId);
    if (!dataset.tables.delete(tableId)) throw notFoundTable(projectId, datasetId, tableId);
  }
  /** BigQuery deletes a table at its expirationTime. */
  dropExpiredTables(dataset) {
    const now = this.now();
    for (const [id, table] of dataset.tables) {
      if (table.expirationTime !== void 0 && Number(table.expirationTime) <= now)
        dataset.tables.delete(id);
    }
  }
  /** The table's partitions that have not expired; expired ones are dropped for good. */
  livePartitions(table) {
    const expirationMs = table.timePartitioning?.expirationMs;
    if (expirationMs !== void 0) {
      const now = this.now();
      for (const id of [...table.partitions.keys()]) {
        if (/^\d{8}(\d{2})?$/.test(id) && partitionEndMs(id) + expirationMs <= now)
          table.partitions.delete(id);
      }
    }
    return table.partitions;
  }
};
function readSchema(body) {
  const schema = body.schema;
  if (schema === void 0 || schema === null) return void 0;
  return normalizeSchema(schema.fields ?? []);
}
function checkLabels(labels) {
  if (labels === void 0 || labels === null) return {};
  if (typeof labels !== "object")
    throw new BigQueryApiError("invalid", "Invalid labels: expected an object of strings.");
  for (const [key, value] of Object.entries(labels)) {
    if (!LABEL_KEY.test(key)) {
      throw new BigQueryApiError(
        "invalid",
        `Label key "${key}" has invalid characters. Keys must start with a lowercase letter and contain only lowercase letters, digits, underscores and dashes (at most 63).`
      );
    }
    if (value !== null && (typeof value !== "string" || !LABEL_VALUE.test(value))) {
      throw new BigQueryApiError(
        "invalid",
        `Label value "${String(value)}" of key "${key}" has invalid characters. Values may contain only lowercase letters, digits, underscores and dashes (at most 63).`
      );
    }
  }
  return labels;
}
function mergeLabels(current, incoming, mode) {
  const labels = checkLabels(incoming);
  const next = mode === "merge" ? { ...current } : {};
  for (const [key, value] of Object.entries(labels)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}
function optionalString(body, key, current, mode) {
  if (!(key in body)) return mode === "merge" ? current : void 0;
  const value = body[key];
  return value === null || value === void 0 ? void 0 : String(value);
}
function applyDatasetFields(dataset, body, mode) {
  dataset.description = optionalString(body, "description", dataset.description, mode);
  dataset.friendlyName = optionalString(body, "friendlyName", dataset.friendlyName, mode);
  dataset.defaultTableExpirationMs = optionalString(
    body,
    "defaultTableExpirationMs",
    dataset.defaultTableExpirationMs,
    mode
  );
  dataset.defaultPartitionExpirationMs = optionalString(
    body,
    "defaultPartitionExpirationMs",
    dataset.defaultPartitionExpirationMs,
    mode
  );
  if ("labels" in body || mode === "replace") dataset.labels = mergeLabels(dataset.labels, body.labels, mode);
}
function applyTableFields(table, body, mode) {
  table.description = optionalString(body, "description", table.description, mode);
  table.expirationTime = optionalString(body, "expirationTime", table.expirationTime, mode);
  if ("labels" in body || mode === "replace") table.labels = mergeLabels(table.labels, body.labels, mode);
  const nested = body.timePartitioning?.requirePartitionFilter;
  const flag = body.requirePartitionFilter ?? nested;
  if (flag !== void 0 && flag !== null) {
    if (flag === true && !table.timePartitioning) {
      throw new BigQueryApiError("invalid", "requirePartitionFilter can only be set on a partitioned table.");
    }
    table.requirePartitionFilter = flag === true;
  } else if (mode === "replace") {
    table.requirePartitionFilter = false;
  }
}

// packages/local-cloud/src/bigquery/index.ts
var LOOPBACK = /* @__PURE__ */ new Set(["127.0.0.1", "localhost", "::1"]);
async function startBigQueryEmulator(options) {
  const host = options.host ?? "127.0.0.1";
  if (!LOOPBACK.has(host)) {
    throw new Error(`The local BigQuery listens on loopback only; got host "${host}". Use 127.0.0.1.`);
  }
  if (!options.projectId) throw new Error("startBigQueryEmulator needs a projectId.");
  const clock = options.clock ?? (() => /* @__PURE__ */ new Date());
  const store = new Store(clock);
  const jobs = new QueryJobs(store, clock);
  const quota = new LoadQuota(clock, options.quotas?.loadJobsPerDay);
  let context;
  const server = createBigQueryHttpServer({
    routes: [...datasetRoutes, ...tableRoutes, ...jobRoutes],
    context: () => {
      if (!context) throw new Error("The local BigQuery is not listening yet.");
      return context;
    },
    faults: options.faults,
    sleep: (ms) => sleep(ms)
  });
  const { hostPort, url, stop } = await listenOnLoopback(server, host, options.port);
  context = { store, jobs, baseUrl: url, defaultProjectId: options.projectId };
  return {
    url,
    hostPort,
    warehouse: createWarehouse(store, quota, clock),
    stop
  };
}

// packages/local-cloud/src/rpc/grpc-server.ts
import * as grpc from "@grpc/grpc-js";

// packages/local-cloud/src/log-contract.ts
var RpcError = class extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
    this.name = "RpcError";
  }
  code;
};
var PROTO_LOADER_OPTIONS = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true
};

// packages/local-cloud/src/rpc/rpc-faults.ts
var DEFAULT_FAULT_CODE = 14;
async function applyRpcFault(faults, service, rpcName, sleep2 = (ms) => new Promise((resolve) => setTimeout(resolve, ms))) {
  const rule = faults.take(service, rpcName);
  if (!rule) return { kind: "proceed" };
  switch (rule.kind) {
    case "hang":
      return { kind: "hang" };
    case "latency":
      await sleep2(rule.latencyMs ?? 0);
      return { kind: "proceed" };
    case "error":
      return {
        kind: "fail",
        error: new RpcError(rule.code ?? DEFAULT_FAULT_CODE, rule.message ?? `Injected fault on ${rpcName}`)
      };
    default:
      return { kind: "proceed" };
  }
}

// packages/local-cloud/src/rpc/grpc-server.ts
function toServiceError(error) {
  if (error instanceof RpcError)
    return { code: error.code, details: error.message, metadata: new grpc.Metadata() };
  const message = error instanceof Error ? error.message : String(error);
  return { code: grpc.status.INTERNAL, details: `Internal error in the local cloud: ${message}` };
}
function serveDuplex(options, rpcName, call, handler) {
  void applyRpcFault(options.faults, options.faultService, rpcName).then((verdict) => {
    if (verdict.kind === "hang" || call.cancelled) return;
    if (verdict.kind === "fail") {
      call.emit("error", toServiceError(verdict.error));
      return;
    }
    try {
      handler(call);
    } catch (error) {
      call.emit("error", toServiceError(error));
    }
  });
}
async function startGrpcServer(options) {
  const server = new grpc.Server();
  const implementation = {};
  for (const [rpcName, method] of Object.entries(options.proto.serviceDefinition)) {
    if (method.requestStream || method.responseStream) {
      const streamHandler = options.streamHandlers?.[rpcName];
      if (method.requestStream && method.responseStream && streamHandler) {
        implementation[rpcName] = (call) => serveDuplex(options, rpcName, call, streamHandler);
      }
      continue;
    }
    const handler = options.handlers[rpcName];
    implementation[rpcName] = (call, callback) => {
      void (async () => {
        const verdict = await applyRpcFault(options.faults, options.faultService, rpcName);
        if (verdict.kind === "hang") return;
        if (verdict.kind === "fail") throw verdict.error;
        if (!handler)
          throw new RpcError(
            grpc.status.UNIMPLEMENTED,
            `Method ${rpcName} is not implemented by the local cloud.`
          );
        return handler(call.request);
      })().then(
        (response) => {
          if (response !== void 0) callback(null, response);
        },
        (error) => callback(toServiceError(error))
      );
    };
  }
  server.addService(options.proto.serviceDefinition, implementation);
  const host = options.host ?? "127.0.0.1";
  const port = await new Promise((resolve, reject) => {
    server.bindAsync(
      `${host}:${options.port ?? 0}`,
      grpc.ServerCredentials.createInsecure(),
      (error, bound) => error ? reject(error) : resolve(bound)
    );
  });
  return {
    hostPort: `${host}:${port}`,
    port,
    // forceShutdown: hung calls (injected 'hang') would otherwise keep the server alive.
    stop: async () => server.forceShutdown()
  };
}

// packages/local-cloud/src/rpc/protos.ts
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { loadSync } from "@grpc/proto-loader";
import protobuf from "protobufjs";
var DTS_SERVICE_NAME = "google.cloud.bigquery.datatransfer.v1.DataTransferService";
var LOGGING_SERVICE_NAME = "google.logging.v2.LoggingServiceV2";
var require2 = createRequire(import.meta.url);
function packageDir(name) {
  const main = require2.resolve(name);
  let dir = dirname(main);
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot locate the package directory of ${name} (resolved ${main}).`);
    dir = parent;
  }
  return dir;
}
function protoDirOf(name) {
  const dir = join(packageDir(name), "build", "protos");
  if (!existsSync(dir)) {
    throw new Error(`The protos of ${name} are missing at ${dir}; reinstall with \`npm ci\`.`);
  }
  return dir;
}
function loadProto(serviceName, protoPaths, includeDirs) {
  const packageDefinition = loadSync(protoPaths, { ...PROTO_LOADER_OPTIONS, includeDirs });
  const serviceDefinition = packageDefinition[serviceName];
  if (!serviceDefinition) throw new Error(`Service ${serviceName} is not in ${protoPaths.join(", ")}.`);
  const root = new protobuf.Root();
  root.resolvePath = (origin, target) => {
    if (target.startsWith("/") || existsSync(target)) return target;
    for (const dir of includeDirs) {
      const candidate = join(dir, target);
      if (existsSync(candidate)) return candidate;
    }
    return protobuf.util.path.resolve(origin, target);
  };
  root.loadSync(protoPaths, { keepCase: PROTO_LOADER_OPTIONS.keepCase });
  root.resolveAll();
  const service = root.lookupService(serviceName);
  return { serviceName, protoPaths, includeDirs, packageDefinition, serviceDefinition, root, service };
}
var dtsProto;
var loggingProto;
function loadDtsProto() {
  if (!dtsProto) {
    const dtsDir = protoDirOf("@google-cloud/bigquery-data-transfer");
    const gaxDir = protoDirOf("google-gax");
    dtsProto = loadProto(
      DTS_SERVICE_NAME,
      [join(dtsDir, "google/cloud/bigquery/datatransfer/v1/datatransfer.proto")],
      [dtsDir, gaxDir]
    );
  }
  return dtsProto;
}
function loadLoggingProto() {
  if (!loggingProto) {
    const loggingDir = protoDirOf("@google-cloud/logging-api");
    const gaxDir = protoDirOf("google-gax");
    loggingProto = loadProto(
      LOGGING_SERVICE_NAME,
      [join(loggingDir, "google/logging/v2/logging.proto")],
      [loggingDir, gaxDir]
    );
  }
  return loggingProto;
}

// packages/local-cloud/src/dts/dts-handlers.ts
import { randomUUID as randomUUID2 } from "node:crypto";
import { status as status11 } from "@grpc/grpc-js";

// packages/local-cloud/src/dts/amazon-s3-params.ts
import { status as status8 } from "@grpc/grpc-js";

// packages/local-cloud/src/load-options.ts
var SOURCE_FORMATS = ["CSV", "JSON", "AVRO", "PARQUET", "ORC"];
var WRITE_DISPOSITIONS = ["WRITE_APPEND", "WRITE_TRUNCATE"];

// packages/local-cloud/src/dts/runtime-params.ts
var TOKEN = /\{([^{}]*)\}/g;
var RUN_TIME = /^run_time(?:([+-])(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?)?(?:\|"([^"]*)")?$/;
var DEFAULT_RUN_TIME_FORMAT = "%Y%m%d";
var TemplateError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "TemplateError";
  }
};
var pad2 = (value, width = 2) => String(value).padStart(width, "0");
function strftimeUtc(format, time) {
  return format.replace(/%([YymdHMSjeF%])/g, (_all, directive) => {
    switch (directive) {
      case "Y":
        return pad2(time.getUTCFullYear(), 4);
      case "y":
        return pad2(time.getUTCFullYear() % 100);
      case "m":
        return pad2(time.getUTCMonth() + 1);
      case "d":
        return pad2(time.getUTCDate());
      case "e":
        return String(time.getUTCDate()).padStart(2, " ");
      case "H":
        return pad2(time.getUTCHours());
      case "M":
        return pad2(time.getUTCMinutes());
      case "S":
        return pad2(time.getUTCSeconds());
      case "j": {
        const start = Date.UTC(time.getUTCFullYear(), 0, 1);
        return pad2(Math.floor((time.getTime() - start) / 864e5) + 1, 3);
      }
      case "F":
        return `${pad2(time.getUTCFullYear(), 4)}-${pad2(time.getUTCMonth() + 1)}-${pad2(time.getUTCDate())}`;
      default:
        return "%";
    }
  });
}
function renderToken(token, runTime) {
  if (token === "run_date") return strftimeUtc("%Y%m%d", runTime);
  const match = RUN_TIME.exec(token);
  if (!match) {
    throw new TemplateError(
      `Invalid runtime parameter {${token}}: use {run_date} or {run_time[+-offset]|"format"} with offsets in h, m, s (no whitespace).`
    );
  }
  const [, sign, hours, minutes, seconds, format] = match;
  if (sign && !hours && !minutes && !seconds) {
    throw new TemplateError(
      `Invalid runtime parameter {${token}}: the offset needs a unit (h, m or s); days are not supported.`
    );
  }
  const offsetMs = (Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0)) * 1e3 * (sign === "-" ? -1 : 1);
  return strftimeUtc(format ?? DEFAULT_RUN_TIME_FORMAT, new Date(runTime.getTime() + offsetMs));
}
function renderRuntimeParams(template, runTime) {
  return template.replace(TOKEN, (_all, token) => renderToken(token, runTime));
}
function checkTemplate(template) {
  renderRuntimeParams(template, /* @__PURE__ */ new Date(0));
}

// packages/local-cloud/src/dts/wildcard.ts
var SINGLE_WILDCARD_FILE_LIMIT = 1e7;
var MULTI_WILDCARD_FILE_LIMIT = 1e4;
var escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
var DataPathError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "DataPathError";
  }
};
function parseS3Pattern(dataPath) {
  const match = /^s3:\/\/([^/]+)\/(.*)$/.exec(dataPath);
  if (!match) {
    throw new DataPathError(
      `Invalid data_path ${dataPath}: expected s3://bucket/path (the bucket must be followed by a path).`
    );
  }
  const [, bucket = "", keyPattern = ""] = match;
  if (bucket.includes("*"))
    throw new DataPathError(`Invalid data_path ${dataPath}: wildcards are not allowed in the bucket name.`);
  if (keyPattern === "")
    throw new DataPathError(
      `Invalid data_path ${dataPath}: the path after the bucket is empty; use s3://${bucket}/*.`
    );
  const parts = keyPattern.split("*");
  const wildcards = parts.length - 1;
  const segment = wildcards === 1 ? ".*" : "[^/]*";
  const regex = new RegExp(`^${parts.map(escapeRegExp).join(segment)}$`, "s");
  return {
    bucket,
    listPrefix: parts[0] ?? "",
    wildcards,
    fileLimit: wildcards > 1 ? MULTI_WILDCARD_FILE_LIMIT : SINGLE_WILDCARD_FILE_LIMIT,
    matches: (key) => regex.test(key)
  };
}
function fileLimitMessage(pattern) {
  return `Number of files in transfer exceeds limit of ${pattern.fileLimit.toLocaleString("en-US")}.`;
}

// packages/local-cloud/src/dts/amazon-s3-params.ts
var AMAZON_S3 = "amazon_s3";
var SECRET_PARAMS = ["secret_access_key"];
var KNOWN_PARAMS = /* @__PURE__ */ new Set([
  "data_path",
  "destination_table_name_template",
  "access_key_id",
  "secret_access_key",
  "file_format",
  "write_disposition",
  "max_bad_records",
  "decimal_target_types",
  "ignore_unknown_values",
  "field_delimiter",
  "skip_leading_rows",
  "allow_quoted_newlines",
  "allow_jagged_rows"
]);
var invalid = (message) => new RpcError(status8.INVALID_ARGUMENT, message);
function required(params, name) {
  const value = params[name];
  if (value === void 0 || value.trim() === "") {
    throw invalid(
      `Missing required parameter: ${name}. Amazon S3 transfers need data_path, destination_table_name_template, access_key_id and secret_access_key as string params.`
    );
  }
  return value;
}
function nonNegativeInteger(params, name, fallback) {
  const value = params[name];
  if (value === void 0 || value === "") return fallback;
  if (!/^\d+$/.test(value))
    throw invalid(`Invalid value for parameter ${name}: "${value}" is not a non-negative integer.`);
  return Number(value);
}
function boolean(params, name) {
  const value = params[name];
  if (value === void 0 || value === "") return false;
  if (value !== "true" && value !== "false")
    throw invalid(`Invalid value for parameter ${name}: "${value}" must be true or false.`);
  return value === "true";
}
function oneOf(params, name, allowed, fallback) {
  const value = params[name];
  if (value === void 0 || value === "") return fallback;
  if (!allowed.includes(value)) {
    throw invalid(`Invalid value for parameter ${name}: "${value}". Allowed values: ${allowed.join(", ")}.`);
  }
  return value;
}
function parseAmazonS3Params(params) {
  for (const name of Object.keys(params)) {
    if (!KNOWN_PARAMS.has(name)) throw invalid(`Unknown parameter for data source amazon_s3: ${name}.`);
  }
  const dataPath = required(params, "data_path");
  const destinationTableNameTemplate = required(params, "destination_table_name_template");
  const accessKeyId = required(params, "access_key_id");
  const secretAccessKey = required(params, "secret_access_key");
  try {
    checkTemplate(dataPath);
    checkTemplate(destinationTableNameTemplate);
    if (/^s3:\/\/[^/]*[{}]/.test(dataPath))
      throw new DataPathError(
        `Invalid data_path ${dataPath}: the bucket name cannot contain runtime parameters.`
      );
    parseS3Pattern(dataPath.replace(/\{[^{}]*\}/g, "x"));
  } catch (error) {
    if (error instanceof TemplateError || error instanceof DataPathError) throw invalid(error.message);
    throw error;
  }
  const sampleTable = renderRuntimeParams(destinationTableNameTemplate, /* @__PURE__ */ new Date(0));
  if (!/^[\p{L}\p{N}_-]+(?:\$\d{4,10})?$/u.test(sampleTable)) {
    throw invalid(
      `Invalid destination_table_name_template "${destinationTableNameTemplate}": it must render to a table name, optionally with a $YYYYMMDD[HH] partition decorator.`
    );
  }
  return {
    dataPath,
    destinationTableNameTemplate,
    accessKeyId,
    secretAccessKey,
    fileFormat: oneOf(params, "file_format", SOURCE_FORMATS, "CSV"),
    writeDisposition: oneOf(params, "write_disposition", WRITE_DISPOSITIONS, "WRITE_APPEND"),
    maxBadRecords: nonNegativeInteger(params, "max_bad_records", 0),
    ignoreUnknownValues: boolean(params, "ignore_unknown_values"),
    csv: {
      fieldDelimiter: params.field_delimiter ?? ",",
      skipLeadingRows: nonNegativeInteger(params, "skip_leading_rows", 0),
      allowQuotedNewlines: boolean(params, "allow_quoted_newlines"),
      allowJaggedRows: boolean(params, "allow_jagged_rows")
    }
  };
}
function redactParams(params) {
  const copy = { ...params };
  for (const name of SECRET_PARAMS) delete copy[name];
  return copy;
}

// packages/local-cloud/src/dts/dts-store.ts
var RUN_STATES = ["PENDING", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"];
var DtsStore = class {
  configs = /* @__PURE__ */ new Map();
  runs = /* @__PURE__ */ new Map();
  sequence = 0;
  nextSequence() {
    this.sequence += 1;
    return this.sequence;
  }
  putConfig(config) {
    this.configs.set(config.name.configId, config);
    if (!this.runs.has(config.name.configId)) this.runs.set(config.name.configId, /* @__PURE__ */ new Map());
  }
  /** A config by id, only if it belongs to this project (configs ids are global in DTS). */
  getConfig(projectId, configId) {
    const config = this.configs.get(configId);
    return config && config.name.projectId === projectId ? config : void 0;
  }
  deleteConfig(configId) {
    this.configs.delete(configId);
    this.runs.delete(configId);
  }
  listConfigs(projectId, location) {
    return [...this.configs.values()].filter(
      (config) => config.name.projectId === projectId && (!location || config.name.location === location)
    ).sort((a, b) => a.sequence - b.sequence);
  }
  putRun(run) {
    this.runs.get(run.name.configId)?.set(run.name.runId, run);
  }
  getRun(configId, runId) {
    return this.runs.get(configId)?.get(runId);
  }
  deleteRun(configId, runId) {
    return this.runs.get(configId)?.delete(runId) ?? false;
  }
  /** Newest first, as DTS lists runs. */
  listRuns(configId) {
    return [...this.runs.get(configId)?.values() ?? []].sort((a, b) => b.sequence - a.sequence);
  }
  /** The config's most recently updated run, whose state DTS reports as the config's state. */
  latestRun(configId) {
    return this.listRuns(configId)[0];
  }
  counts() {
    const runs = Object.fromEntries(RUN_STATES.map((state) => [state, 0]));
    for (const byId of this.runs.values()) for (const run of byId.values()) runs[run.state] += 1;
    return { configs: this.configs.size, runs };
  }
};

// packages/local-cloud/src/dts/resource-names.ts
import { status as status9 } from "@grpc/grpc-js";
var DEFAULT_LOCATION = "us";
var PARENT = /^projects\/([^/]+)(?:\/locations\/([^/]+))?$/;
var CONFIG = /^projects\/([^/]+)(?:\/locations\/([^/]+))?\/transferConfigs\/([^/]+)$/;
var RUN = /^projects\/([^/]+)(?:\/locations\/([^/]+))?\/transferConfigs\/([^/]+)\/runs\/([^/]+)$/;
function fail(kind, value, shape) {
  throw new RpcError(status9.INVALID_ARGUMENT, `Invalid ${kind} name "${String(value)}": expected ${shape}.`);
}
function parseParent(value) {
  const match = typeof value === "string" ? PARENT.exec(value) : null;
  if (!match) fail("parent", value, "projects/PROJECT[/locations/LOCATION]");
  return { projectId: match[1] ?? "", location: match[2] ?? DEFAULT_LOCATION };
}
function parseConfigName(value) {
  const match = typeof value === "string" ? CONFIG.exec(value) : null;
  if (!match) fail("transfer config", value, "projects/PROJECT/locations/LOCATION/transferConfigs/CONFIG_ID");
  return { projectId: match[1] ?? "", location: match[2] ?? DEFAULT_LOCATION, configId: match[3] ?? "" };
}
function parseRunName(value) {
  const match = typeof value === "string" ? RUN.exec(value) : null;
  if (!match)
    fail("transfer run", value, "projects/PROJECT/locations/LOCATION/transferConfigs/CONFIG_ID/runs/RUN_ID");
  return {
    projectId: match[1] ?? "",
    location: match[2] ?? DEFAULT_LOCATION,
    configId: match[3] ?? "",
    runId: match[4] ?? ""
  };
}
var formatConfigName = (name) => `projects/${name.projectId}/locations/${name.location}/transferConfigs/${name.configId}`;
var formatRunName = (name) => `${formatConfigName(name)}/runs/${name.runId}`;

// packages/local-cloud/src/dts/struct-values.ts
function structToStrings(struct) {
  const fields = struct?.fields ?? {};
  const result = {};
  for (const [name, value] of Object.entries(fields)) {
    const kind = value.kind ?? (value.stringValue !== void 0 ? "stringValue" : void 0);
    if (kind === "stringValue" && value.stringValue !== void 0) result[name] = value.stringValue;
    else if (kind === "numberValue" && value.numberValue !== void 0)
      result[name] = String(value.numberValue);
    else if (kind === "boolValue" && value.boolValue !== void 0) result[name] = String(value.boolValue);
  }
  return result;
}
function stringsToStruct(values) {
  return {
    fields: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { stringValue: value }]))
  };
}

// packages/local-cloud/src/dts/dts-views.ts
function toTimestamp(date) {
  if (!date) return null;
  const ms = date.getTime();
  return { seconds: String(Math.floor(ms / 1e3)), nanos: (ms % 1e3 + 1e3) % 1e3 * 1e6 };
}
function configView(config, store) {
  const latest = store.latestRun(config.name.configId);
  return {
    name: formatConfigName(config.name),
    destinationDatasetId: config.destinationDatasetId,
    displayName: config.displayName,
    dataSourceId: config.dataSourceId,
    params: stringsToStruct(redactParams(config.params)),
    schedule: config.schedule,
    scheduleOptions: config.scheduleOptions ?? { disableAutoScheduling: config.disableAutoScheduling },
    disabled: config.disabled,
    updateTime: toTimestamp(config.updateTime),
    state: latest?.state ?? "TRANSFER_STATE_UNSPECIFIED",
    userId: "0",
    datasetRegion: config.name.location,
    notificationPubsubTopic: config.notificationPubsubTopic,
    emailPreferences: config.emailPreferences
  };
}
function runView(run) {
  return {
    name: formatRunName(run.name),
    scheduleTime: toTimestamp(run.scheduleTime),
    runTime: toTimestamp(run.runTime),
    errorStatus: run.errorStatus ? { code: run.errorStatus.code, message: run.errorStatus.message, details: [] } : null,
    startTime: toTimestamp(run.startTime),
    endTime: toTimestamp(run.endTime),
    updateTime: toTimestamp(run.updateTime),
    params: stringsToStruct(redactParams(run.params)),
    destinationDatasetId: run.destinationDatasetId,
    dataSourceId: run.dataSourceId,
    state: run.state,
    userId: "0",
    schedule: ""
  };
}
function messageView(message) {
  return { messageTime: toTimestamp(message.time), severity: message.severity, messageText: message.text };
}

// packages/local-cloud/src/dts/paging.ts
import { status as status10 } from "@grpc/grpc-js";
function paginate(items, pageToken, pageSize, maxPageSize) {
  let offset = 0;
  if (typeof pageToken === "string" && pageToken !== "") {
    const decoded = Number(
      Buffer.from(pageToken, "base64url").toString("utf8").replace(/^offset:/, "")
    );
    if (!Number.isInteger(decoded) || decoded < 0) {
      throw new RpcError(
        status10.INVALID_ARGUMENT,
        `Invalid page token "${pageToken}": pass back the nextPageToken of the previous page.`
      );
    }
    offset = decoded;
  }
  const requested = typeof pageSize === "number" && pageSize > 0 ? pageSize : maxPageSize;
  const size = Math.min(requested, maxPageSize);
  const page = items.slice(offset, offset + size);
  const next = offset + size;
  return {
    page,
    nextPageToken: next < items.length ? Buffer.from(`offset:${next}`, "utf8").toString("base64url") : ""
  };
}

// packages/local-cloud/src/dts/dts-handlers.ts
var ON_DEMAND_TIME_RANGE_MESSAGE = "Starting transfer run with on-demand schedule requires 'requested_run_time' to be specified.";
var ENTITY_NOT_FOUND = "Requested entity was not found.";
var MAX_PAGE_SIZE = 1e3;
var DAY_MS = 864e5;
var invalid2 = (message) => new RpcError(status11.INVALID_ARGUMENT, message);
var notFound = () => new RpcError(status11.NOT_FOUND, ENTITY_NOT_FOUND);
function fromTimestamp(value) {
  if (!value || typeof value !== "object") return void 0;
  const { seconds, nanos } = value;
  if (seconds === void 0) return void 0;
  return new Date(Number(seconds) * 1e3 + Math.floor((nanos ?? 0) / 1e6));
}
var toSnakeCase = (path) => path.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`);
function readSchedule(input) {
  const options = input.scheduleOptions ?? null;
  const v2 = input.scheduleOptionsV2;
  const manual = Boolean(v2 && (v2.schedule === "manualSchedule" || v2.manualSchedule));
  return {
    disableAutoScheduling: Boolean(options?.disableAutoScheduling) || manual,
    scheduleOptions: options
  };
}
function createDtsHandlers(deps) {
  const { store, warehouse, executor, clock } = deps;
  const requireConfig = (name) => {
    const parsed = parseConfigName(name);
    const config = store.getConfig(parsed.projectId, parsed.configId);
    if (!config) throw notFound();
    return config;
  };
  const requireRun = (name) => {
    const parsed = parseRunName(name);
    if (!store.getConfig(parsed.projectId, parsed.configId)) throw notFound();
    const run = store.getRun(parsed.configId, parsed.runId);
    if (!run) throw notFound();
    return run;
  };
  const checkDestination = (projectId, datasetId) => {
    if (!datasetId) throw invalid2("Destination dataset id must be specified (destination_dataset_id).");
    if (!warehouse.datasetExists(projectId, datasetId)) {
      throw new RpcError(
        status11.NOT_FOUND,
        `Not found: Dataset ${projectId}:${datasetId}. Create the dataset before the transfer config.`
      );
    }
  };
  const startRun = (config, runTime) => {
    const now = clock();
    const run = {
      name: { ...config.name, runId: randomUUID2() },
      runTime,
      scheduleTime: now,
      state: "PENDING",
      updateTime: now,
      params: { ...config.params },
      destinationDatasetId: config.destinationDatasetId,
      dataSourceId: config.dataSourceId,
      logs: [],
      sequence: store.nextSequence()
    };
    store.putRun(run);
    executor.launch(run);
    return run;
  };
  return {
    async CreateTransferConfig(request) {
      const parent = parseParent(request.parent);
      const input = request.transferConfig ?? null;
      if (!input) throw invalid2("transfer_config is required.");
      if (input.dataSourceId !== AMAZON_S3) {
        throw invalid2(
          `Data source "${String(input.dataSourceId ?? "")}" is not served by the local cloud; use data_source_id "amazon_s3".`
        );
      }
      const destinationDatasetId = String(input.destinationDatasetId ?? "");
      const params = structToStrings(input.params);
      parseAmazonS3Params(params);
      checkDestination(parent.projectId, destinationDatasetId);
      const now = clock();
      const schedule = readSchedule(input);
      const config = {
        name: { ...parent, configId: randomUUID2() },
        displayName: String(input.displayName ?? ""),
        dataSourceId: AMAZON_S3,
        destinationDatasetId,
        params,
        schedule: String(input.schedule ?? ""),
        disableAutoScheduling: schedule.disableAutoScheduling,
        scheduleOptions: schedule.scheduleOptions,
        disabled: Boolean(input.disabled),
        notificationPubsubTopic: String(input.notificationPubsubTopic ?? ""),
        emailPreferences: input.emailPreferences ?? null,
        createTime: now,
        updateTime: now,
        loadedObjects: /* @__PURE__ */ new Set(),
        sequence: store.nextSequence()
      };
      store.putConfig(config);
      return configView(config, store);
    },
    async GetTransferConfig(request) {
      return configView(requireConfig(request.name), store);
    },
    async ListTransferConfigs(request) {
      const parent = parseParent(request.parent);
      const explicitLocation = typeof request.parent === "string" && request.parent.includes("/locations/");
      const sources = request.dataSourceIds ?? [];
      const all = store.listConfigs(parent.projectId, explicitLocation ? parent.location : void 0).filter((config) => sources.length === 0 || sources.includes(config.dataSourceId));
      const { page, nextPageToken } = paginate(all, request.pageToken, request.pageSize, MAX_PAGE_SIZE);
      return { transferConfigs: page.map((config) => configView(config, store)), nextPageToken };
    },
    async UpdateTransferConfig(request) {
      const input = request.transferConfig ?? null;
      if (!input) throw invalid2("transfer_config is required.");
      const config = requireConfig(input.name);
      const paths = (request.updateMask?.paths ?? []).map(toSnakeCase);
      if (paths.length === 0) throw invalid2("update_mask is required: name the fields to update.");
      const next = { ...config };
      for (const path of paths) {
        switch (path) {
          case "display_name":
            next.displayName = String(input.displayName ?? "");
            break;
          case "params": {
            const params = structToStrings(input.params);
            if (params.secret_access_key === void 0 && config.params.secret_access_key !== void 0) {
              params.secret_access_key = config.params.secret_access_key;
            }
            parseAmazonS3Params(params);
            next.params = params;
            break;
          }
          case "destination_dataset_id":
            next.destinationDatasetId = String(input.destinationDatasetId ?? "");
            checkDestination(config.name.projectId, next.destinationDatasetId);
            break;
          case "schedule":
            next.schedule = String(input.schedule ?? "");
            break;
          case "schedule_options": {
            const schedule = readSchedule(input);
            next.scheduleOptions = schedule.scheduleOptions;
            next.disableAutoScheduling = schedule.disableAutoScheduling;
            break;
          }
          case "disabled":
            next.disabled = Boolean(input.disabled);
            break;
          case "notification_pubsub_topic":
            next.notificationPubsubTopic = String(input.notificationPubsubTopic ?? "");
            break;
          case "email_preferences":
            next.emailPreferences = input.emailPreferences ?? null;
            break;
          default:
            throw invalid2(`Unsupported update_mask path "${path}".`);
        }
      }
      next.updateTime = clock();
      store.putConfig(next);
      return configView(next, store);
    },
    async DeleteTransferConfig(request) {
      const config = requireConfig(request.name);
      store.deleteConfig(config.name.configId);
      return {};
    },
    async StartManualTransferRuns(request) {
      const config = requireConfig(request.parent);
      const chosen = request.time;
      const range = chosen === "requestedTimeRange" || !chosen && request.requestedTimeRange ? request.requestedTimeRange : void 0;
      const runTime = chosen === "requestedTimeRange" ? void 0 : fromTimestamp(request.requestedRunTime);
      if (config.disableAutoScheduling && !runTime) throw invalid2(ON_DEMAND_TIME_RANGE_MESSAGE);
      if (runTime) return { runs: [runView(startRun(config, runTime))] };
      const start = fromTimestamp(range?.startTime);
      const end = fromTimestamp(range?.endTime);
      if (!start || !end || start >= end) {
        throw invalid2("requested_time_range needs a start_time strictly before its end_time.");
      }
      const runs = [];
      for (let time = start.getTime(); time < end.getTime(); time += DAY_MS)
        runs.push(startRun(config, new Date(time)));
      return { runs: runs.map(runView) };
    },
    async GetTransferRun(request) {
      return runView(requireRun(request.name));
    },
    async DeleteTransferRun(request) {
      const run = requireRun(request.name);
      store.deleteRun(run.name.configId, run.name.runId);
      return {};
    },
    async ListTransferRuns(request) {
      const config = requireConfig(request.parent);
      const states = (request.states ?? []).filter(
        (state) => RUN_STATES.includes(state)
      );
      const runs = store.listRuns(config.name.configId).filter((run) => states.length === 0 || states.includes(run.state));
      const { page, nextPageToken } = paginate(runs, request.pageToken, request.pageSize, MAX_PAGE_SIZE);
      return { transferRuns: page.map(runView), nextPageToken };
    },
    async ListTransferLogs(request) {
      const run = requireRun(request.parent);
      const types = request.messageTypes ?? [];
      const messages = run.logs.filter((message) => types.length === 0 || types.includes(message.severity));
      const { page, nextPageToken } = paginate(messages, request.pageToken, request.pageSize, MAX_PAGE_SIZE);
      return { transferMessages: page.map(messageView), nextPageToken };
    }
  };
}

// packages/local-cloud/src/dts/quotas.ts
var DEFAULT_CONCURRENT_RUNS = 1e3;
var DEFAULT_LOAD_JOBS_PER_DAY = 1e5;
var CONCURRENT_RUNS_QUOTA_MESSAGE = (limit) => `Quota exceeded: Your project exceeded quota for concurrent transfer runs (limit ${limit}). Wait for running transfers to finish, or start fewer at once.`;
var LOAD_JOBS_QUOTA_MESSAGE = "Quota exceeded: Your project exceeded quota for imports per project. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas";
var DtsQuotas = class {
  concurrentLimit;
  loadJobsLimit;
  active = 0;
  peak = 0;
  loadJobs = /* @__PURE__ */ new Map();
  constructor(limits = {}) {
    this.concurrentLimit = limits.concurrentRuns ?? DEFAULT_CONCURRENT_RUNS;
    this.loadJobsLimit = limits.loadJobsPerDay ?? DEFAULT_LOAD_JOBS_PER_DAY;
  }
  /** Claims a running slot; false when the project is at its limit. */
  tryStartRun() {
    if (this.active >= this.concurrentLimit) return false;
    this.active += 1;
    this.peak = Math.max(this.peak, this.active);
    return true;
  }
  finishRun() {
    this.active = Math.max(0, this.active - 1);
  }
  /** Counts one load job against today's quota; false (and not counted) when exhausted. */
  tryTakeLoadJob(now) {
    const day = now.toISOString().slice(0, 10);
    const used = this.loadJobs.get(day) ?? 0;
    if (used >= this.loadJobsLimit) return false;
    this.loadJobs.set(day, used + 1);
    return true;
  }
  figures(now) {
    return {
      activeRuns: this.active,
      peakConcurrentRuns: this.peak,
      loadJobsToday: this.loadJobs.get(now.toISOString().slice(0, 10)) ?? 0
    };
  }
};

// packages/local-cloud/src/dts/run-executor.ts
import { status as status12 } from "@grpc/grpc-js";

// packages/local-cloud/src/dts/run-source.ts
import { GetObjectCommand, ListObjectsV2Command, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { status as grpcStatus } from "@grpc/grpc-js";
var RunFailure = class extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
    this.name = "RunFailure";
  }
  code;
};
function createRunS3Client(options) {
  return new S3Client({
    endpoint: options.endpoint,
    forcePathStyle: true,
    region: "us-east-1",
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 2,
    // Without throwOnRequestTimeout, recent Smithy handlers only warn and keep waiting.
    requestHandler: {
      requestTimeout: options.requestTimeoutMs,
      connectionTimeout: options.requestTimeoutMs,
      throwOnRequestTimeout: true
    }
  });
}
function toRunFailure(error, bucket) {
  if (error instanceof RunFailure) return error;
  if (error instanceof S3ServiceException) {
    const status18 = error.$metadata.httpStatusCode;
    switch (error.name) {
      case "NoSuchBucket":
        return new RunFailure(
          grpcStatus.NOT_FOUND,
          `Amazon S3 bucket ${bucket} was not found: The specified bucket does not exist.`
        );
      case "InvalidAccessKeyId":
      case "SignatureDoesNotMatch":
      case "AccessDenied":
        return new RunFailure(
          grpcStatus.PERMISSION_DENIED,
          `Access to Amazon S3 bucket ${bucket} was denied (${error.name}): ${error.message} Check the access key pair and the bucket policy.`
        );
      case "SlowDown":
        return new RunFailure(
          grpcStatus.RESOURCE_EXHAUSTED,
          `Amazon S3 throttled the transfer (SlowDown): ${error.message}`
        );
      default:
        if (status18 === 403)
          return new RunFailure(
            grpcStatus.PERMISSION_DENIED,
            `Access to Amazon S3 bucket ${bucket} was denied.`
          );
        if (status18 === 404)
          return new RunFailure(grpcStatus.NOT_FOUND, `Amazon S3 bucket ${bucket} or object was not found.`);
        return new RunFailure(
          grpcStatus.UNAVAILABLE,
          `Amazon S3 answered ${error.name} (HTTP ${status18 ?? "?"}): ${error.message}`
        );
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return new RunFailure(grpcStatus.UNAVAILABLE, `Could not reach Amazon S3 bucket ${bucket}: ${message}`);
}
async function listMatchingFiles(client, pattern) {
  const files = [];
  let continuationToken;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: pattern.bucket,
        Prefix: pattern.listPrefix,
        ContinuationToken: continuationToken
      })
    );
    for (const object of page.Contents ?? []) {
      if (!object.Key || object.Key.endsWith("/") || !pattern.matches(object.Key)) continue;
      files.push({
        key: object.Key,
        lastModified: object.LastModified ?? /* @__PURE__ */ new Date(0),
        size: object.Size ?? 0
      });
    }
    if (files.length > pattern.fileLimit) break;
    continuationToken = page.IsTruncated ? page.NextContinuationToken : void 0;
  } while (continuationToken);
  return files;
}
async function readFiles(client, bucket, files, parallelism = 8) {
  const bodies = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index];
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: file.key }));
      const body = answer.Body ? await answer.Body.transformToByteArray() : new Uint8Array();
      bodies[index] = { uri: `s3://${bucket}/${file.key}`, body };
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelism, files.length) }, worker));
  return bodies;
}

// packages/local-cloud/src/dts/run-executor.ts
var STOP_GRACE_MS = 2e3;
var PENDING_SHARE = 0.2;
var objectId = (file) => `${file.key}@${file.lastModified.getTime()}`;
var RunExecutor = class {
  constructor(options) {
    this.options = options;
    this.stopping = new Promise((resolve) => {
      this.signalStop = resolve;
    });
  }
  options;
  inFlight = /* @__PURE__ */ new Set();
  stopped = false;
  stopping;
  signalStop = () => void 0;
  /** The injected sleep, cut short when the executor stops so shutdown never waits a run out. */
  pause(ms) {
    return Promise.race([this.options.sleep(ms), this.stopping]);
  }
  /** Starts the run in the background; its progress is visible through the store. */
  launch(run) {
    const task = this.execute(run).catch(() => void 0);
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
  }
  /** Stops the runs: each ends at its next step (an S3 call or load in progress finishes first). */
  async stop() {
    this.stopped = true;
    this.signalStop();
    await Promise.race([Promise.allSettled([...this.inFlight]), this.options.sleep(STOP_GRACE_MS)]);
  }
  alive(run) {
    return !this.stopped && this.options.store.getRun(run.name.configId, run.name.runId) === run;
  }
  log(run, severity, text) {
    const time = this.options.clock();
    run.logs.push({ time, severity, text });
    this.options.logSink?.append({
      projectId: run.name.projectId,
      location: run.name.location,
      configId: run.name.configId,
      runId: run.name.runId,
      time,
      severity,
      message: text
    });
  }
  setState(run, state) {
    run.state = state;
    run.updateTime = this.options.clock();
  }
  finish(run, failure) {
    const now = this.options.clock();
    if (failure) {
      run.errorStatus = { code: failure.code, message: failure.message };
      this.log(run, "ERROR", failure.message);
      this.setState(run, "FAILED");
    } else {
      this.setState(run, "SUCCEEDED");
    }
    run.endTime = now;
  }
  async execute(run) {
    const { runMs, clock, quotas } = this.options;
    await this.pause(runMs * PENDING_SHARE);
    if (!this.alive(run)) return;
    const injected = this.options.faults.take("dts", "run");
    if (!quotas.tryStartRun()) {
      run.startTime = clock();
      this.finish(
        run,
        new RunFailure(status12.RESOURCE_EXHAUSTED, CONCURRENT_RUNS_QUOTA_MESSAGE(quotas.concurrentLimit))
      );
      return;
    }
    try {
      run.startTime = clock();
      this.setState(run, "RUNNING");
      const deadline = run.startTime.getTime() + runMs * (1 - PENDING_SHARE);
      const moving = deadline - clock().getTime();
      if (moving > 0) await this.pause(moving);
      if (!this.alive(run)) return;
      let failure;
      try {
        if (injected?.kind === "fail-run") {
          throw new RunFailure(
            injected.code ?? status12.INTERNAL,
            injected.message ?? "Transfer run failed (injected fault)."
          );
        }
        await this.transfer(run);
      } catch (error) {
        failure = error instanceof RunFailure ? error : new RunFailure(status12.INTERNAL, `Internal error: ${String(error)}`);
      }
      if (!this.alive(run)) return;
      this.finish(run, failure);
    } finally {
      quotas.finishRun();
    }
  }
  async transfer(run) {
    let params;
    try {
      params = parseAmazonS3Params(run.params);
    } catch (error) {
      throw new RunFailure(status12.INVALID_ARGUMENT, error instanceof Error ? error.message : String(error));
    }
    const dataPath = renderRuntimeParams(params.dataPath, run.runTime);
    const tableId = renderRuntimeParams(params.destinationTableNameTemplate, run.runTime);
    const pattern = parseS3Pattern(dataPath);
    this.log(
      run,
      "INFO",
      `Starting transfer from Amazon S3 ${dataPath} to table ${run.destinationDatasetId}.${tableId} (${params.fileFormat}, ${params.writeDisposition}).`
    );
    const client = createRunS3Client({
      endpoint: this.options.s3Endpoint,
      accessKeyId: params.accessKeyId,
      secretAccessKey: params.secretAccessKey,
      requestTimeoutMs: this.options.s3RequestTimeoutMs ?? 3e4
    });
    try {
      let listed;
      try {
        listed = await listMatchingFiles(client, pattern);
      } catch (error) {
        throw toRunFailure(error, pattern.bucket);
      }
      if (listed.length > pattern.fileLimit) {
        throw new RunFailure(status12.INVALID_ARGUMENT, fileLimitMessage(pattern));
      }
      const visibleBefore = this.options.clock().getTime() - this.options.fileVisibilityMs;
      const config = this.options.store.getConfig(run.name.projectId, run.name.configId);
      const files = listed.filter(
        (file) => file.lastModified.getTime() <= visibleBefore && !(params.writeDisposition === "WRITE_APPEND" && config?.loadedObjects.has(objectId(file)))
      );
      if (files.length === 0) {
        this.log(
          run,
          "INFO",
          `Moving data from Amazon S3 to Google Cloud complete: Moved 0 object(s). No new files found matching ${dataPath}.`
        );
        return;
      }
      let bodies;
      try {
        bodies = await readFiles(client, pattern.bucket, files);
      } catch (error) {
        throw toRunFailure(error, pattern.bucket);
      }
      const bytes = bodies.reduce((sum, file) => sum + file.body.byteLength, 0);
      this.log(
        run,
        "INFO",
        `Moving data from Amazon S3 to Google Cloud complete: Moved ${files.length} object(s).`
      );
      if (!this.options.quotas.tryTakeLoadJob(this.options.clock())) {
        throw new RunFailure(status12.RESOURCE_EXHAUSTED, LOAD_JOBS_QUOTA_MESSAGE);
      }
      const jobId = `bqts_${run.name.runId}`;
      try {
        const result = await this.options.warehouse.load({
          projectId: run.name.projectId,
          datasetId: run.destinationDatasetId,
          tableId,
          format: params.fileFormat,
          files: bodies,
          writeDisposition: params.writeDisposition,
          maxBadRecords: params.maxBadRecords,
          ignoreUnknownValues: params.ignoreUnknownValues,
          csv: params.csv
        });
        this.log(
          run,
          "INFO",
          `Job ${run.name.projectId}:${jobId} (table ${tableId}) completed successfully. Number of records: ${result.rowsLoaded}, with errors: ${result.badRecords}. Bytes read: ${bytes}.`
        );
      } catch (error) {
        if (error instanceof LoadJobError) {
          throw new RunFailure(
            error.grpcCode,
            `Job ${run.name.projectId}:${jobId} (table ${tableId}) failed: ${error.message}`
          );
        }
        throw error;
      }
      if (params.writeDisposition === "WRITE_APPEND" && config && this.alive(run)) {
        for (const file of files) config.loadedObjects.add(objectId(file));
      }
    } finally {
      client.destroy();
    }
  }
};

// packages/local-cloud/src/dts/index.ts
async function startDtsEmulator(options) {
  const runSeconds = options.runSeconds ?? 1;
  if (!(runSeconds >= 0)) throw new Error(`runSeconds must be a number of seconds >= 0, got ${runSeconds}.`);
  const clock = options.clock ?? (() => /* @__PURE__ */ new Date());
  const sleep2 = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const store = new DtsStore();
  const quotas = new DtsQuotas(options.quotas);
  const executor = new RunExecutor({
    store,
    warehouse: options.warehouse,
    quotas,
    faults: options.faults,
    s3Endpoint: options.s3Endpoint,
    logSink: options.logSink,
    runMs: runSeconds * 1e3,
    fileVisibilityMs: (options.fileVisibilitySeconds ?? 0) * 1e3,
    clock,
    sleep: sleep2
  });
  const handlers = createDtsHandlers({ store, warehouse: options.warehouse, executor, clock });
  const server = await startGrpcServer({
    proto: loadDtsProto(),
    handlers,
    faults: options.faults,
    faultService: "dts",
    host: options.host
  });
  return {
    hostPort: server.hostPort,
    port: server.port,
    handlers,
    stats: () => ({ ...store.counts(), ...quotas.figures(clock()) }),
    async stop() {
      await server.stop();
      await executor.stop();
    }
  };
}

// packages/local-cloud/src/faults.ts
var FaultRegistry = class {
  rules = [];
  nextId = 1;
  /** How many times each fault fired, for tests to assert the fault was actually hit. */
  fired = /* @__PURE__ */ new Map();
  add(rule) {
    const times = rule.times === void 0 ? 1 : rule.times < 0 ? Number.POSITIVE_INFINITY : rule.times;
    const id = this.nextId++;
    this.rules.push({ ...rule, id, remaining: times });
    return id;
  }
  remove(id) {
    this.rules = this.rules.filter((rule) => rule.id !== id);
  }
  clear() {
    this.rules = [];
  }
  list() {
    return this.rules.map(({ id: _id, remaining, ...rule }) => ({ ...rule, times: remaining }));
  }
  /** The active rules with their ids (what `remove(id)` takes), `times` as remaining. */
  listWithIds() {
    return this.rules.map(({ remaining, ...rule }) => ({ ...rule, times: remaining }));
  }
  /** The fault to apply to this call, if any; consumes one of its `times`. */
  take(service, method) {
    const rule = this.rules.find(
      (candidate) => candidate.service === service && (candidate.method === method || candidate.method === "*")
    );
    if (!rule) return void 0;
    rule.remaining -= 1;
    this.fired.set(rule.id, (this.fired.get(rule.id) ?? 0) + 1);
    if (rule.remaining <= 0) this.remove(rule.id);
    return rule;
  }
};

// packages/local-cloud/src/logging/handlers.ts
import { status as status13 } from "@grpc/grpc-js";

// packages/local-cloud/src/logging/log-record.ts
var SEVERITY_RANK = {
  DEFAULT: 0,
  DEBUG: 100,
  INFO: 200,
  NOTICE: 300,
  WARNING: 400,
  ERROR: 500,
  CRITICAL: 600,
  ALERT: 700,
  EMERGENCY: 800
};
var DTS_RESOURCE_TYPE = "bigquery_dts_config";
function dtsLogName(projectId) {
  return `projects/${projectId}/logs/bigquerydatatransfer.googleapis.com%2Ftransfer_config`;
}
function recordFromTransferLog(entry, sequence, received) {
  return {
    logName: dtsLogName(entry.projectId),
    resource: {
      type: DTS_RESOURCE_TYPE,
      labels: { project_id: entry.projectId, config_id: entry.configId, location: entry.location }
    },
    labels: { run_id: entry.runId },
    severity: entry.severity,
    timestamp: entry.time,
    receiveTimestamp: received,
    insertId: insertIdFor(sequence),
    jsonPayload: { fields: { message: { stringValue: entry.message, kind: "stringValue" } } },
    sequence
  };
}
function insertIdFor(sequence) {
  return `dts${sequence.toString(36).padStart(8, "0")}`;
}
function payloadMessage(record) {
  const value = record.jsonPayload?.fields?.message;
  return typeof value?.stringValue === "string" ? value.stringValue : void 0;
}
function timestampToDate(value) {
  if (!value || value.seconds === void 0 || value.seconds === null) return void 0;
  return new Date(Number(value.seconds) * 1e3 + Math.floor((value.nanos ?? 0) / 1e6));
}
function dateToTimestamp(date) {
  const ms = date.getTime();
  const seconds = Math.floor(ms / 1e3);
  return { seconds: String(seconds), nanos: (ms - seconds * 1e3) * 1e6 };
}
function recordToEntry(record) {
  const entry = {
    logName: record.logName,
    resource: record.resource,
    labels: record.labels,
    severity: record.severity,
    timestamp: dateToTimestamp(record.timestamp),
    receiveTimestamp: dateToTimestamp(record.receiveTimestamp),
    insertId: record.insertId
  };
  if (record.jsonPayload) {
    entry.jsonPayload = record.jsonPayload;
    entry.payload = "jsonPayload";
  } else if (record.textPayload !== void 0) {
    entry.textPayload = record.textPayload;
    entry.payload = "textPayload";
  }
  return entry;
}

// packages/local-cloud/src/logging/handlers.ts
function createLoggingHandlers(store) {
  return {
    async ListLogEntries(request) {
      const page = store.list({
        resourceNames: request.resourceNames ?? [],
        filter: request.filter,
        orderBy: request.orderBy,
        pageSize: Number(request.pageSize ?? 0),
        pageToken: request.pageToken
      });
      return { entries: page.records.map(recordToEntry), nextPageToken: page.nextPageToken };
    },
    async WriteLogEntries(request) {
      const entries = request.entries ?? [];
      if (entries.length === 0)
        throw new RpcError(status13.INVALID_ARGUMENT, "entries: at least one entry is required.");
      const builders = entries.map((entry, index) => buildRecord(entry, index, request));
      if (request.dryRun) return {};
      for (const build of builders) store.add(build);
      return {};
    }
  };
}
function buildRecord(entry, index, request) {
  const logName = entry.logName || request.logName || "";
  if (!/^projects\/[^/]+\/logs\/[^/]+$/.test(logName)) {
    throw new RpcError(
      status13.INVALID_ARGUMENT,
      `entries[${index}].logName "${logName}" is invalid: use "projects/PROJECT_ID/logs/LOG_ID" with "/" in LOG_ID URL-encoded.`
    );
  }
  const resource = entry.resource?.type ? entry.resource : request.resource;
  if (!resource?.type) {
    throw new RpcError(
      status13.INVALID_ARGUMENT,
      `entries[${index}].resource is required (e.g. {type: "global"}).`
    );
  }
  const labels = { ...request.labels ?? {}, ...entry.labels ?? {} };
  const severity = entry.severity || "DEFAULT";
  const timestamp = timestampToDate(entry.timestamp);
  const jsonPayload = entry.payload === "jsonPayload" || entry.jsonPayload ? entry.jsonPayload ?? {} : void 0;
  return (sequence, received) => ({
    logName,
    resource: { type: resource.type ?? "", labels: resource.labels ?? {} },
    labels,
    severity,
    timestamp: timestamp ?? received,
    receiveTimestamp: received,
    insertId: entry.insertId || `w${sequence.toString(36).padStart(8, "0")}`,
    jsonPayload,
    textPayload: jsonPayload ? void 0 : entry.textPayload ?? "",
    sequence
  });
}

// packages/local-cloud/src/logging/log-store.ts
import { status as status15 } from "@grpc/grpc-js";

// packages/local-cloud/src/logging/filter.ts
import { status as status14 } from "@grpc/grpc-js";
var SUPPORTED_FIELDS = "resource.type, resource.labels.KEY, labels.KEY, logName, insertId, severity, timestamp, receiveTimestamp, jsonPayload.message, textPayload";
function invalid3(filter, why) {
  return new RpcError(status14.INVALID_ARGUMENT, `Unparseable filter: ${why} in "${filter}"`);
}
var FilterParser = class {
  constructor(text) {
    this.text = text;
  }
  text;
  position = 0;
  parse() {
    const comparisons = [];
    this.skipSpace();
    while (this.position < this.text.length) {
      if (comparisons.length > 0) {
        const word = this.peekWord();
        if (word === "AND") this.position += 3;
        else if (word === "OR") throw this.unsupported("OR (the local cloud supports only AND)");
        this.skipSpace();
      }
      comparisons.push(this.comparison());
      this.skipSpace();
    }
    return comparisons;
  }
  comparison() {
    const char = this.text[this.position];
    if (char === void 0) throw invalid3(this.text, "a comparison is missing after AND");
    if (char === "(" || char === ")") throw this.unsupported("parentheses");
    if (char === "-" || this.peekWord() === "NOT") throw this.unsupported("NOT / negation");
    if (this.peekWord() === "AND" || this.peekWord() === "OR") throw this.unsupported("a dangling AND/OR");
    const field = this.fieldPath();
    this.skipSpace();
    const operator = this.operator(field);
    this.skipSpace();
    const value = this.value(field);
    return { field, operator, value };
  }
  fieldPath() {
    const segments = [];
    for (; ; ) {
      if (this.text[this.position] === '"') segments.push(this.quoted());
      else {
        const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.text.slice(this.position));
        if (!match) {
          const rest = this.text.slice(this.position).split(/\s/)[0];
          throw this.unsupported(`"${rest}" where a field name was expected (global search)`);
        }
        segments.push(match[0]);
        this.position += match[0].length;
      }
      if (this.text[this.position] !== ".") break;
      this.position += 1;
    }
    if (this.text[this.position] === "(") throw this.unsupported(`the function ${segments.join(".")}()`);
    return segments.join(".");
  }
  operator(field) {
    const rest = this.text.slice(this.position);
    if (rest.startsWith("=~") || rest.startsWith("!~"))
      throw this.unsupported("regular expressions (=~, !~)");
    for (const operator of ["!=", ">=", "<=", "=", ">", "<", ":"]) {
      if (rest.startsWith(operator)) {
        this.position += operator.length;
        return operator;
      }
    }
    throw this.unsupported(`"${field}" without a comparison (=, !=, >=, <=, >, <, :)`);
  }
  value(field) {
    const char = this.text[this.position];
    if (char === void 0) throw invalid3(this.text, `missing value after "${field}"`);
    if (char === '"') return this.quoted();
    if (char === "(") throw this.unsupported("parentheses");
    const match = /^[^\s()"]+/.exec(this.text.slice(this.position));
    if (!match) throw invalid3(this.text, `missing value after "${field}"`);
    this.position += match[0].length;
    return match[0];
  }
  /** A double-quoted string with backslash escapes, as Logging's string literals. */
  quoted() {
    let result = "";
    this.position += 1;
    while (this.position < this.text.length) {
      const char = this.text[this.position++];
      if (char === '"') return result;
      if (char === "\\") {
        const escaped = this.text[this.position++];
        if (escaped === void 0) break;
        result += escaped === "n" ? "\n" : escaped === "t" ? "	" : escaped === "r" ? "\r" : escaped;
      } else result += char;
    }
    throw invalid3(this.text, "unterminated string");
  }
  peekWord() {
    return /^[A-Za-z]+/.exec(this.text.slice(this.position))?.[0] ?? "";
  }
  skipSpace() {
    while (/\s/.test(this.text[this.position] ?? "")) this.position += 1;
  }
  unsupported(what) {
    return new RpcError(
      status14.INVALID_ARGUMENT,
      `Unsupported filter syntax in the local cloud: ${what}, in "${this.text}". Use comparisons joined by AND on ${SUPPORTED_FIELDS}.`
    );
  }
};
function parseLogFilter(filter) {
  return new FilterParser(filter).parse();
}
function compileLogFilter(filter) {
  const predicates = parseLogFilter(filter).map((comparison) => compileComparison(comparison, filter));
  return (record) => predicates.every((predicate) => predicate(record));
}
function compileComparison(comparison, filter) {
  const { field, operator, value } = comparison;
  if (field === "severity") {
    const wanted = severityRank(value);
    if (wanted === void 0) throw invalid3(filter, `unknown severity "${value}"`);
    if (operator === ":") return (record) => SEVERITY_RANK[record.severity] === wanted;
    return (record) => compareOrdered(SEVERITY_RANK[record.severity] ?? 0, wanted, operator);
  }
  if (field === "timestamp" || field === "receiveTimestamp") {
    const wanted = Date.parse(value);
    if (Number.isNaN(wanted)) throw invalid3(filter, `"${value}" is not an RFC 3339 timestamp`);
    if (operator === ":") throw invalid3(filter, `":" does not apply to ${field}`);
    const read2 = field === "timestamp" ? (r) => r.timestamp : (r) => r.receiveTimestamp;
    return (record) => compareOrdered(read2(record).getTime(), wanted, operator);
  }
  const read = textField(field, filter);
  return (record) => compareText(read(record), value, operator);
}
function severityRank(value) {
  if (/^\d+$/.test(value)) return Number(value);
  return SEVERITY_RANK[value.toUpperCase()];
}
function textField(field, filter) {
  if (field === "resource.type") return (record) => record.resource.type;
  if (field === "logName") return (record) => record.logName;
  if (field === "insertId") return (record) => record.insertId;
  if (field === "jsonPayload.message") return payloadMessage;
  if (field === "textPayload") return (record) => record.textPayload;
  const resourceLabel = /^resource\.labels\.(.+)$/.exec(field)?.[1];
  if (resourceLabel !== void 0) return (record) => record.resource.labels[resourceLabel];
  const label = /^labels\.(.+)$/.exec(field)?.[1];
  if (label !== void 0) return (record) => record.labels[label];
  throw new RpcError(
    status14.INVALID_ARGUMENT,
    `Unsupported filter field in the local cloud: "${field}" in "${filter}". Supported: ${SUPPORTED_FIELDS}.`
  );
}
function compareOrdered(actual, wanted, operator) {
  switch (operator) {
    case "=":
    case ":":
      return actual === wanted;
    case "!=":
      return actual !== wanted;
    case ">=":
      return actual >= wanted;
    case "<=":
      return actual <= wanted;
    case ">":
      return actual > wanted;
    case "<":
      return actual < wanted;
  }
}
function compareText(actual, wanted, operator) {
  if (actual === void 0) return operator === "!=";
  if (operator === ":") return actual.toLowerCase().includes(wanted.toLowerCase());
  return compareOrdered(actual, wanted, operator);
}

// packages/local-cloud/src/logging/log-store.ts
var DEFAULT_PAGE_SIZE = 50;
var MAX_PAGE_SIZE2 = 1e3;
var LogStore = class {
  constructor(clock = () => /* @__PURE__ */ new Date()) {
    this.clock = clock;
  }
  clock;
  records = [];
  listeners = /* @__PURE__ */ new Set();
  sequence = 0;
  append(entry) {
    this.store(recordFromTransferLog(entry, this.nextSequence(), this.clock()));
  }
  /** Stores an entry built elsewhere (WriteLogEntries); the store assigns its sequence. */
  add(build) {
    this.store(build(this.nextSequence(), this.clock()));
  }
  /** Calls `listener` with every record stored from now on; returns the unsubscribe. */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  store(record) {
    this.records.push(record);
    for (const listener of this.listeners) {
      try {
        listener(record);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }
  get size() {
    return this.records.length;
  }
  list(query) {
    const parents = validateResourceNames(query.resourceNames);
    const matches = compileLogFilter(query.filter ?? "");
    const descending = parseOrderBy(query.orderBy ?? "");
    const pageSize = validatePageSize(query.pageSize ?? 0);
    const offset = decodePageToken(query.pageToken ?? "", query);
    const selected = this.records.filter((record) => parents.some((parent) => record.logName.startsWith(`${parent}/logs/`))).filter(matches).sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime() || a.sequence - b.sequence);
    if (descending) selected.reverse();
    const records = selected.slice(offset, offset + pageSize);
    const next = offset + records.length;
    return { records, nextPageToken: next < selected.length ? encodePageToken(next, query) : "" };
  }
  nextSequence() {
    this.sequence += 1;
    return this.sequence;
  }
};
function validateResourceNames(names) {
  if (names.length === 0) {
    throw new RpcError(
      status15.INVALID_ARGUMENT,
      'resourceNames is required: name the project, e.g. "projects/P".'
    );
  }
  for (const name of names) {
    if (!/^(projects|organizations|folders|billingAccounts)\/[^/]+$/.test(name)) {
      throw new RpcError(
        status15.INVALID_ARGUMENT,
        `Invalid resource name "${name}": use "projects/PROJECT_ID" (log buckets and views are not emulated).`
      );
    }
  }
  return names;
}
function parseOrderBy(orderBy) {
  const normalized = orderBy.trim().replace(/\s+/g, " ");
  if (normalized === "" || normalized === "timestamp" || normalized === "timestamp asc") return false;
  if (normalized === "timestamp desc") return true;
  throw new RpcError(
    status15.INVALID_ARGUMENT,
    `Invalid orderBy "${orderBy}": only "timestamp asc" and "timestamp desc" are supported.`
  );
}
function validatePageSize(pageSize) {
  if (pageSize < 0)
    throw new RpcError(status15.INVALID_ARGUMENT, `pageSize must not be negative, got ${pageSize}.`);
  if (pageSize === 0) return DEFAULT_PAGE_SIZE;
  return Math.min(pageSize, MAX_PAGE_SIZE2);
}
function queryKey(query) {
  return JSON.stringify([query.resourceNames, query.orderBy ?? ""]);
}
function encodePageToken(offset, query) {
  return Buffer.from(JSON.stringify({ offset, query: queryKey(query) })).toString("base64url");
}
function decodePageToken(token, query) {
  if (token === "") return 0;
  try {
    const decoded = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (typeof decoded.offset === "number" && decoded.offset >= 0 && decoded.query === queryKey(query)) {
      return decoded.offset;
    }
  } catch {
  }
  throw new RpcError(
    status15.INVALID_ARGUMENT,
    "Invalid pageToken: it must come from a previous response to the same resourceNames and orderBy."
  );
}

// packages/local-cloud/src/logging/tail.ts
import { Metadata as Metadata2, status as status16 } from "@grpc/grpc-js";
var DEFAULT_BUFFER_WINDOW_MS = 2e3;
var MAX_BUFFER_WINDOW_MS = 6e4;
var DEFAULT_MAX_TAIL_SESSIONS = 10;
var TailSession = class {
  constructor(call, onClose) {
    this.call = call;
    this.onClose = onClose;
  }
  call;
  onClose;
  pending = [];
  timer;
  unsubscribe;
  closed = false;
  start(store, parents, matches, windowMs) {
    this.call.sendMetadata(new Metadata2());
    this.unsubscribe = store.subscribe((record) => {
      if (this.closed) return;
      if (!parents.some((parent) => record.logName.startsWith(`${parent}/logs/`))) return;
      if (!matches(record)) return;
      this.pending.push({ record, dueAt: Date.now() + windowMs });
      this.schedule();
    });
  }
  schedule() {
    if (this.timer || this.pending.length === 0) return;
    const next = Math.min(...this.pending.map((p) => p.dueAt));
    this.timer = setTimeout(() => this.flush(), Math.max(0, next - Date.now()));
  }
  flush() {
    this.timer = void 0;
    if (this.closed) return;
    const now = Date.now();
    const due = this.pending.filter((p) => p.dueAt <= now);
    this.pending = this.pending.filter((p) => p.dueAt > now);
    if (due.length > 0) {
      const records = due.map((p) => p.record).sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime() || a.sequence - b.sequence);
      this.call.write({ entries: records.map(recordToEntry), suppressionInfo: [] });
    }
    this.schedule();
  }
  /** Stops streaming; `end` also closes the call with OK (the client half-closed). */
  close(end) {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.unsubscribe?.();
    this.pending = [];
    this.onClose();
    if (end && !this.call.cancelled) this.call.end();
  }
  fail(error) {
    if (this.closed) return;
    this.close(false);
    this.call.emit("error", { code: error.code, details: error.message });
  }
};
function bufferWindowMs(value) {
  if (value === null || value === void 0) return DEFAULT_BUFFER_WINDOW_MS;
  const seconds = value.seconds ?? 0;
  const nanos = value.nanos ?? 0;
  const ms = Number(seconds) * 1e3 + Math.floor(nanos / 1e6);
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_BUFFER_WINDOW_MS) {
    throw new RpcError(
      status16.INVALID_ARGUMENT,
      `buffer_window must be between 0 and ${MAX_BUFFER_WINDOW_MS / 1e3} seconds, got ${ms / 1e3}s.`
    );
  }
  return ms;
}
function createTailService(options) {
  const maxSessions = options.maxSessions ?? DEFAULT_MAX_TAIL_SESSIONS;
  const sessions = /* @__PURE__ */ new Set();
  const handler = (call) => {
    let session;
    call.once("data", (request) => {
      try {
        const parents = validateResourceNames(request.resourceNames ?? []);
        const matches = compileLogFilter(request.filter ?? "");
        const windowMs = bufferWindowMs(request.bufferWindow);
        if (sessions.size >= maxSessions) {
          throw new RpcError(
            status16.RESOURCE_EXHAUSTED,
            `Quota exceeded: at most ${maxSessions} live tailing sessions may be open at once in this project; close a session (or read with ListLogEntries) and try again.`
          );
        }
        const opened = new TailSession(call, () => sessions.delete(opened));
        session = opened;
        sessions.add(opened);
        opened.start(options.store, parents, matches, windowMs);
      } catch (error) {
        const rpcError = error instanceof RpcError ? error : new RpcError(status16.INTERNAL, `Internal error: ${String(error)}`);
        call.emit("error", { code: rpcError.code, details: rpcError.message });
      }
    });
    call.on("data", () => void 0);
    call.on("end", () => session ? session.close(true) : call.end());
    call.on("cancelled", () => session?.close(false));
    call.on("error", () => session?.close(false));
  };
  return {
    handler,
    openSessions: () => sessions.size,
    stop() {
      for (const session of [...sessions]) {
        session.fail(new RpcError(status16.UNAVAILABLE, "The local Cloud Logging is shutting down."));
      }
    }
  };
}

// packages/local-cloud/src/logging/index.ts
async function startLoggingEmulator(options) {
  if (!options.projectId) throw new Error("startLoggingEmulator needs a projectId.");
  const store = new LogStore(options.clock);
  const handlers = createLoggingHandlers(store);
  const tail = createTailService({ store, maxSessions: options.maxTailSessions });
  const server = await startGrpcServer({
    proto: loadLoggingProto(),
    handlers,
    streamHandlers: { TailLogEntries: tail.handler },
    faults: options.faults,
    faultService: "logging",
    ...options.host === void 0 ? {} : { host: options.host },
    ...options.port === void 0 ? {} : { port: options.port }
  });
  return {
    hostPort: server.hostPort,
    logName: dtsLogName(options.projectId),
    sink: store,
    handlers,
    store,
    openTailSessions: tail.openSessions,
    stop: async () => {
      tail.stop();
      await server.stop();
    }
  };
}

// packages/local-cloud/src/rpc/rest-gateway.ts
import { createServer as createServer3 } from "node:http";
import { status as status17 } from "@grpc/grpc-js";

// packages/local-cloud/src/rpc/rest-request.ts
import { fromProto3JSON, toProto3JSON } from "proto3-json-serializer";
var NUMBER_TYPES = /* @__PURE__ */ new Set(["int32", "uint32", "sint32", "fixed32", "sfixed32", "double", "float"]);
var BadRequestError = class extends Error {
  name = "BadRequestError";
};
function setPath(target, path, value) {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next === "object" && next !== null && !Array.isArray(next)) node = next;
    else {
      const created = {};
      node[key] = created;
      node = created;
    }
  }
  const last = path[path.length - 1];
  if (last !== void 0) node[last] = value;
}
function queryValue(type, path, values) {
  let current = type;
  let field;
  for (const [index, name] of path.entries()) {
    field = current.fields[name];
    if (!field) return void 0;
    if (index < path.length - 1) {
      const next = field.resolve().resolvedType;
      if (!next || !("fields" in next)) return void 0;
      current = next;
    }
  }
  if (!field) return void 0;
  const isEnum = field.resolve().resolvedType !== null && !("fields" in (field.resolvedType ?? {}));
  const convert = (value) => {
    if (NUMBER_TYPES.has(field.type) || isEnum && /^\d+$/.test(value)) return Number(value);
    return field.type === "bool" ? value === "true" : value;
  };
  return field.repeated ? values.map(convert) : convert(values[values.length - 1] ?? "");
}
function buildRequest(route, pathValues, query, bodyText) {
  const requestType = route.method.resolvedRequestType;
  if (!requestType) throw new Error(`Unresolved request type of ${route.method.name}.`);
  let json = {};
  if (route.body !== "" && bodyText.trim() !== "") {
    let body;
    try {
      body = JSON.parse(bodyText);
    } catch {
      throw new BadRequestError("The request body is not valid JSON.");
    }
    if (route.body === "*") {
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw new BadRequestError("The request body must be a JSON object.");
      }
      json = body;
    } else setPath(json, route.body.split("."), body);
  }
  const keys = new Set([...query.keys()].filter((key) => !key.startsWith("$")));
  for (const key of keys) {
    const path = key.split(".");
    const value = queryValue(requestType, path, query.getAll(key));
    if (value === void 0)
      throw new BadRequestError(`Unknown query parameter "${key}" for ${route.method.name}.`);
    setPath(json, path, value);
  }
  route.variables.forEach((path, index) => {
    setPath(json, path, pathValues[index] ?? "");
  });
  let message;
  try {
    message = fromProto3JSON(requestType, json);
  } catch (error) {
    throw new BadRequestError(`Invalid ${requestType.name}: ${error.message}`);
  }
  if (!message) throw new BadRequestError(`Invalid ${requestType.name}.`);
  return requestType.toObject(message, PROTO_LOADER_OPTIONS);
}
function encodeResponse(route, response, numericEnums) {
  const responseType = route.method.resolvedResponseType;
  if (!responseType) throw new Error(`Unresolved response type of ${route.method.name}.`);
  return toProto3JSON(responseType.fromObject(response), { numericEnums }) ?? {};
}

// packages/local-cloud/src/rpc/rest-routes.ts
var HTTP_OPTION = "(google.api.http)";
var HTTP_METHODS = ["get", "post", "put", "patch", "delete"];
function snakeToCamel(name) {
  return name.replace(/_([a-z0-9])/g, (_, char) => char.toUpperCase());
}
function escapeRegExp2(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function segmentPattern(pattern) {
  return pattern.split("/").map((segment) => segment === "**" ? ".+" : segment === "*" ? "[^/]+" : escapeRegExp2(segment)).join("/");
}
function compileTemplate(template) {
  const variables = [];
  let source = "";
  let rest = template;
  for (; ; ) {
    const match = /^([^{]*)\{([^}=]+)(?:=([^}]*))?\}(.*)$/.exec(rest);
    if (!match) break;
    const [, before = "", field = "", pattern = "*", after = ""] = match;
    source += `${escapeRegExp2(before)}(${segmentPattern(pattern)})`;
    variables.push(field.split(".").map(snakeToCamel));
    rest = after;
  }
  source += escapeRegExp2(rest);
  return { pattern: new RegExp(`^${source}$`), variables };
}
function rulesOf(method) {
  const rules = [];
  for (const option of method.parsedOptions ?? []) {
    const rule = option[HTTP_OPTION];
    if (!rule) continue;
    rules.push(rule);
    const extra = rule.additional_bindings;
    if (extra) rules.push(...Array.isArray(extra) ? extra : [extra]);
  }
  return rules;
}
function compileRoutes(service) {
  const routes = [];
  for (const method of service.methodsArray) {
    for (const rule of rulesOf(method)) {
      for (const httpMethod of HTTP_METHODS) {
        const template = rule[httpMethod];
        if (!template) continue;
        const { pattern, variables } = compileTemplate(template);
        const body = rule.body === void 0 || rule.body === "*" ? rule.body ?? "" : snakeToCamel(rule.body);
        routes.push({ method, httpMethod: httpMethod.toUpperCase(), template, pattern, variables, body });
      }
    }
  }
  return routes;
}
function findRoute2(routes, httpMethod, path) {
  for (const route of routes) {
    if (route.httpMethod !== httpMethod) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, values: match.slice(1).map((value) => decodeURIComponent(value)) };
  }
  return void 0;
}

// packages/local-cloud/src/rpc/rest-gateway.ts
var MAX_BODY_BYTES3 = 32 * 1024 * 1024;
var HTTP_STATUS = {
  [status17.CANCELLED]: 499,
  [status17.UNKNOWN]: 500,
  [status17.INVALID_ARGUMENT]: 400,
  [status17.DEADLINE_EXCEEDED]: 504,
  [status17.NOT_FOUND]: 404,
  [status17.ALREADY_EXISTS]: 409,
  [status17.PERMISSION_DENIED]: 403,
  [status17.RESOURCE_EXHAUSTED]: 429,
  [status17.FAILED_PRECONDITION]: 400,
  [status17.ABORTED]: 409,
  [status17.OUT_OF_RANGE]: 400,
  [status17.UNIMPLEMENTED]: 501,
  [status17.INTERNAL]: 500,
  [status17.UNAVAILABLE]: 503,
  [status17.DATA_LOSS]: 500,
  [status17.UNAUTHENTICATED]: 401
};
async function startRestGateway(options) {
  const service = options.root.lookupService(options.serviceName);
  service.resolveAll();
  const routes = compileRoutes(service);
  const stopping = new AbortController();
  async function handle2(request, response) {
    const url = new URL(request.url ?? "/", "http://localhost");
    const found = findRoute2(routes, request.method ?? "GET", url.pathname);
    if (!found) {
      throw new RpcError(
        status17.NOT_FOUND,
        `No ${options.serviceName} method answers ${request.method} ${url.pathname} in the local cloud.`
      );
    }
    const name = found.route.method.name;
    const handler = options.handlers[name];
    if (!handler) throw new RpcError(status17.UNIMPLEMENTED, `${name} is not implemented by the local cloud.`);
    const bodyText = await readBody(request);
    const rpcRequest = buildRequest(found.route, found.values, url.searchParams, bodyText);
    const verdict = await applyRpcFault(options.faults, options.faultService, name);
    if (verdict.kind === "fail") throw verdict.error;
    if (verdict.kind === "hang") {
      await new Promise((_, reject) => {
        stopping.signal.addEventListener("abort", () => reject(new Error("gateway stopped")), { once: true });
      });
    }
    const result = await handler(rpcRequest);
    const numericEnums = (url.searchParams.get("$alt") ?? "").includes("enum-encoding=int");
    sendJson(response, 200, encodeResponse(found.route, result, numericEnums));
  }
  const server = createServer3((request, response) => {
    handle2(request, response).catch((error) => {
      if (stopping.signal.aborted) return;
      sendError2(response, error);
    });
  });
  const listening = await listenOnLoopback(server, options.host, options.port);
  return {
    hostPort: listening.hostPort,
    url: listening.url,
    async stop() {
      stopping.abort();
      await listening.stop();
    }
  };
}
async function readBody(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES3) throw new BadRequestError(`The request body exceeds ${MAX_BODY_BYTES3} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
function sendJson(response, httpStatus, body) {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(httpStatus, {
    "content-type": "application/json; charset=UTF-8",
    "content-length": Buffer.byteLength(text)
  });
  response.end(text);
}
function sendError2(response, error) {
  const code = error instanceof RpcError ? error.code : error instanceof BadRequestError ? status17.INVALID_ARGUMENT : status17.INTERNAL;
  const message = error instanceof Error ? error.message : String(error);
  sendJson(response, HTTP_STATUS[code] ?? 500, {
    error: { code: HTTP_STATUS[code] ?? 500, message, status: status17[code] }
  });
}

// packages/local-cloud/src/s3/backdate.ts
import { readdir, utimes } from "node:fs/promises";
import { join as join2 } from "node:path";
var OBJECT_FILE_SUFFIX = "._S3rver_object";
async function backdateObjects(dataDir, landedAt) {
  let count = 0;
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(OBJECT_FILE_SUFFIX)) continue;
    await utimes(join2(entry.parentPath, entry.name), landedAt, landedAt);
    count++;
  }
  return count;
}

// packages/local-cloud/src/s3/index.ts
import {
  createServer as createServer4,
  request as httpRequest
} from "node:http";
import S3rver from "s3rver";

// packages/local-cloud/src/s3/aws-chunked.ts
function isAwsChunked(headers) {
  const encoding = String(headers["content-encoding"] ?? "");
  const sha = String(headers["x-amz-content-sha256"] ?? "");
  return encoding.split(",").some((part) => part.trim() === "aws-chunked") || sha.startsWith("STREAMING-");
}
function decodeAwsChunked(body) {
  const parts = [];
  let offset = 0;
  for (; ; ) {
    const lineEnd = body.indexOf("\r\n", offset);
    if (lineEnd < 0) throw new Error("aws-chunked body ends inside a chunk header");
    const header = body.subarray(offset, lineEnd).toString("latin1");
    const size = Number.parseInt(header.split(";")[0] ?? "", 16);
    if (!Number.isFinite(size) || size < 0)
      throw new Error(`aws-chunked chunk header is malformed: ${header}`);
    offset = lineEnd + 2;
    if (size === 0) return Buffer.concat(parts);
    if (offset + size > body.length) throw new Error("aws-chunked body is shorter than its chunk sizes");
    parts.push(body.subarray(offset, offset + size));
    offset += size + 2;
  }
}
function plainHeaders(headers, length) {
  const result = { ...headers };
  const encodings = String(headers["content-encoding"] ?? "").split(",").map((part) => part.trim()).filter((part) => part && part !== "aws-chunked");
  if (encodings.length > 0) result["content-encoding"] = encodings.join(",");
  else delete result["content-encoding"];
  delete result["x-amz-decoded-content-length"];
  delete result["x-amz-trailer"];
  delete result["transfer-encoding"];
  result["x-amz-content-sha256"] = "UNSIGNED-PAYLOAD";
  result["content-length"] = String(length);
  return result;
}

// packages/local-cloud/src/s3/list-objects-v2.ts
var TOKEN_PREFIX = "v2:";
function encodeContinuationToken(lastKey) {
  return Buffer.from(`${TOKEN_PREFIX}${lastKey}`, "utf8").toString("base64url");
}
function decodeContinuationToken(token) {
  const text = Buffer.from(token, "base64url").toString("utf8");
  return text.startsWith(TOKEN_PREFIX) ? text.slice(TOKEN_PREFIX.length) : void 0;
}
function toV1Request(rawUrl) {
  const url = new URL(rawUrl, "http://local");
  const query = url.searchParams;
  const continuationToken = query.get("continuation-token") ?? void 0;
  const startAfter = query.get("start-after") ?? void 0;
  let marker = startAfter;
  if (continuationToken) {
    marker = decodeContinuationToken(continuationToken);
    if (marker === void 0) return void 0;
  }
  const v1 = new URLSearchParams();
  for (const name of ["prefix", "delimiter", "max-keys", "encoding-type"]) {
    const value = query.get(name);
    if (value !== null) v1.set(name, value);
  }
  if (marker) v1.set("marker", marker);
  const search = v1.toString();
  return { v1Url: `${url.pathname}${search ? `?${search}` : ""}`, continuationToken, startAfter };
}
var escapeXml = (text) => text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
var unescapeXml = (text) => text.replace(/&#(\d+);/g, (_all, code) => String.fromCharCode(Number(code))).replace(/&#x([0-9a-f]+);/gi, (_all, code) => String.fromCharCode(Number.parseInt(code, 16))).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
function toV2Body(v1Xml, request) {
  const keys = [...v1Xml.matchAll(/<Contents>[\s\S]*?<Key>([\s\S]*?)<\/Key>/g)].map(
    (match) => unescapeXml(match[1] ?? "")
  );
  const prefixes = [...v1Xml.matchAll(/<CommonPrefixes>[\s\S]*?<Prefix>([\s\S]*?)<\/Prefix>/g)].map(
    (match) => unescapeXml(match[1] ?? "")
  );
  const truncated = /<IsTruncated>true<\/IsTruncated>/.test(v1Xml);
  const nextMarkerMatch = /<NextMarker>([\s\S]*?)<\/NextMarker>/.exec(v1Xml);
  const lastEntry = [...keys, ...prefixes].sort().pop();
  const nextMarker = nextMarkerMatch ? unescapeXml(nextMarkerMatch[1] ?? "") : lastEntry;
  const v2Fields = (request.continuationToken ? `<ContinuationToken>${escapeXml(request.continuationToken)}</ContinuationToken>` : "") + (!request.continuationToken && request.startAfter ? `<StartAfter>${escapeXml(request.startAfter)}</StartAfter>` : "") + (truncated && nextMarker ? `<NextContinuationToken>${encodeContinuationToken(nextMarker)}</NextContinuationToken>` : "") + `<KeyCount>${keys.length + prefixes.length}</KeyCount>`;
  return v1Xml.replace(/<Marker>[\s\S]*?<\/Marker>|<Marker\/>/, "").replace(/<NextMarker>[\s\S]*?<\/NextMarker>/, "").replace(/(<\/Prefix>)/, `$1${v2Fields}`);
}

// packages/local-cloud/src/s3/s3-error.ts
import { randomBytes } from "node:crypto";
function escapeXml2(text) {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
function sendS3Error(res, method, error) {
  const requestId = randomBytes(8).toString("hex").toUpperCase();
  const extra = Object.entries(error.details ?? {}).map(([name, value]) => `<${name}>${escapeXml2(value)}</${name}>`).join("");
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>${error.code}</Code><Message>${escapeXml2(error.message)}</Message>${extra}<RequestId>${requestId}</RequestId></Error>`;
  res.writeHead(error.status, {
    "content-type": "application/xml",
    "content-length": Buffer.byteLength(body),
    "x-amz-request-id": requestId
  });
  res.end(method === "HEAD" ? void 0 : body);
}
var ACCESS_DENIED = { status: 403, code: "AccessDenied", message: "Access Denied" };

// packages/local-cloud/src/s3/s3-operations.ts
function describeS3Request(method, rawUrl) {
  const url = new URL(rawUrl, "http://local");
  const segments = url.pathname.split("/").slice(1);
  const bucket = segments[0] ? decodeURIComponent(segments[0]) : void 0;
  const keyPart = segments.slice(1).join("/");
  const key = keyPart ? decodeURIComponent(keyPart) : void 0;
  const query = url.searchParams;
  let operation;
  if (!bucket) operation = "ListBuckets";
  else if (!key) {
    if (method === "GET") operation = query.get("list-type") === "2" ? "ListObjectsV2" : "ListObjects";
    else if (method === "PUT") operation = "CreateBucket";
    else if (method === "HEAD") operation = "HeadBucket";
    else if (method === "DELETE") operation = "DeleteBucket";
    else if (method === "POST" && query.has("delete")) operation = "DeleteObjects";
    else operation = `${method}Bucket`;
  } else if (method === "GET") operation = "GetObject";
  else if (method === "HEAD") operation = "HeadObject";
  else if (method === "PUT") operation = query.has("partNumber") ? "UploadPart" : "PutObject";
  else if (method === "DELETE") operation = "DeleteObject";
  else operation = `${method}Object`;
  return { bucket, key, operation };
}

// packages/local-cloud/src/s3/sigv4-verify.ts
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
var SKEW_LIMIT_MS = 15 * 60 * 1e3;
function encodeRfc3986(text) {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
  );
}
function canonicalQuery(rawQuery) {
  if (!rawQuery) return "";
  return rawQuery.split("&").filter((part) => part.length > 0).map((part) => {
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    return [encodeRfc3986(decodeURIComponent(name)), encodeRfc3986(decodeURIComponent(value))];
  }).sort((a, b) => a[0] === b[0] ? a[1] < b[1] ? -1 : 1 : a[0] < b[0] ? -1 : 1).map(([name, value]) => `${name}=${value}`).join("&");
}
function headerValue(headers, name) {
  const value = headers[name];
  const joined = Array.isArray(value) ? value.join(",") : value ?? "";
  return joined.trim().replace(/\s+/g, " ");
}
function hmac(key, data) {
  return createHmac("sha256", key).update(data, "utf8").digest();
}
var signatureMismatch = (accessKeyId) => ({
  status: 403,
  code: "SignatureDoesNotMatch",
  message: "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
  details: { AWSAccessKeyId: accessKeyId }
});
function verifySigV4(method, rawUrl, headers, keys, now) {
  const authorization = headerValue(headers, "authorization");
  if (!authorization) {
    return { ok: false, error: { status: 403, code: "AccessDenied", message: "Access Denied" } };
  }
  const match = /^AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/.exec(
    authorization
  );
  if (!match) {
    return {
      ok: false,
      error: {
        status: 400,
        code: "AuthorizationHeaderMalformed",
        message: "The authorization header is malformed; only AWS4-HMAC-SHA256 signatures are accepted."
      }
    };
  }
  const [, credential = "", signedHeaderList = "", signature = ""] = match;
  const [accessKeyId = "", date = "", region = "", service = "", terminator = ""] = credential.split("/");
  const secret = keys.get(accessKeyId);
  if (secret === void 0) {
    return {
      ok: false,
      error: {
        status: 403,
        code: "InvalidAccessKeyId",
        message: "The AWS Access Key Id you provided does not exist in our records.",
        details: { AWSAccessKeyId: accessKeyId }
      }
    };
  }
  const amzDate = headerValue(headers, "x-amz-date");
  const requestTime = Date.parse(
    amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z")
  );
  if (Number.isNaN(requestTime)) {
    return {
      ok: false,
      error: {
        status: 403,
        code: "AccessDenied",
        message: "AWS authentication requires a valid Date or x-amz-date header"
      }
    };
  }
  if (Math.abs(now.getTime() - requestTime) > SKEW_LIMIT_MS) {
    return {
      ok: false,
      error: {
        status: 403,
        code: "RequestTimeTooSkewed",
        message: "The difference between the request time and the current time is too large."
      }
    };
  }
  const queryStart = rawUrl.indexOf("?");
  const path = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
  const query = queryStart < 0 ? "" : rawUrl.slice(queryStart + 1);
  const signedHeaders = signedHeaderList.split(";");
  const canonicalRequest = [
    method,
    path,
    canonicalQuery(query),
    ...signedHeaders.map((name) => `${name}:${headerValue(headers, name)}`),
    "",
    signedHeaderList,
    headerValue(headers, "x-amz-content-sha256") || "UNSIGNED-PAYLOAD"
  ].join("\n");
  const scope = `${date}/${region}/${service}/${terminator}`;
  const stringToSign = [
    "AWS4-HMAC-SHA256",
    amzDate,
    scope,
    createHash("sha256").update(canonicalRequest, "utf8").digest("hex")
  ].join("\n");
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), terminator);
  const expected = createHmac("sha256", signingKey).update(stringToSign, "utf8").digest();
  const provided = Buffer.from(signature, "hex");
  if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) {
    return { ok: false, error: signatureMismatch(accessKeyId) };
  }
  return { ok: true, accessKeyId };
}

// packages/local-cloud/src/s3/index.ts
var BACKEND_TIMEOUT_MS = 3e4;
function readBody2(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
async function startS3Emulator(options) {
  const host = options.host ?? "127.0.0.1";
  const clock = options.clock ?? (() => /* @__PURE__ */ new Date());
  const keys = new Map(options.credentials.map((pair) => [pair.accessKeyId, pair.secretAccessKey]));
  const denied = /* @__PURE__ */ new Set();
  const counts = {};
  const backend = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: options.dataDir,
    vhostBuckets: false
  });
  const backendAddress = await backend.run();
  const callBackend = (method, path, headers, body, res, collect) => new Promise((resolve) => {
    const upstream = httpRequest(
      { host: "127.0.0.1", port: backendAddress.port, method, path, headers, timeout: BACKEND_TIMEOUT_MS },
      (answer) => {
        if (collect) {
          readBody2(answer).then(
            (data) => {
              collect(answer.statusCode ?? 502, answer.headers, data);
              resolve();
            },
            () => {
              res.destroy();
              resolve();
            }
          );
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on("end", resolve);
        answer.on("error", () => resolve());
      }
    );
    upstream.on("timeout", () => upstream.destroy(new Error("local S3 store timed out")));
    upstream.on("error", (error) => {
      if (!res.headersSent)
        sendS3Error(res, method, { status: 500, code: "InternalError", message: error.message });
      else res.destroy();
      resolve();
    });
    if (Buffer.isBuffer(body)) upstream.end(body);
    else if (body) body.pipe(upstream);
    else upstream.end();
  });
  const forward = async (req, res, operation) => {
    const method = req.method ?? "GET";
    const headers = { ...req.headers, host: `127.0.0.1:${backendAddress.port}` };
    delete headers.authorization;
    if (operation === "ListObjectsV2") {
      const v2 = toV1Request(req.url ?? "/");
      if (!v2) {
        sendS3Error(res, method, {
          status: 400,
          code: "InvalidArgument",
          message: "The continuation token provided is incorrect"
        });
        return;
      }
      await callBackend("GET", v2.v1Url, headers, void 0, res, (status18, answerHeaders, data) => {
        const body = status18 === 200 ? Buffer.from(toV2Body(data.toString("utf8"), v2), "utf8") : data;
        res.writeHead(status18, { ...answerHeaders, "content-length": String(body.length) });
        res.end(body);
      });
      return;
    }
    if (isAwsChunked(req.headers)) {
      const body = decodeAwsChunked(await readBody2(req));
      await callBackend(method, req.url ?? "/", plainHeaders(headers, body.length), body, res);
      return;
    }
    await callBackend(method, req.url ?? "/", headers, req, res);
  };
  const handle2 = async (req, res) => {
    const method = req.method ?? "GET";
    const rawUrl = req.url ?? "/";
    const target = describeS3Request(method, rawUrl);
    counts[target.operation] = (counts[target.operation] ?? 0) + 1;
    const fault = options.faults.take("s3", target.operation);
    if (fault?.kind === "hang") return;
    if (fault?.kind === "latency") await new Promise((resolve) => setTimeout(resolve, fault.latencyMs ?? 0));
    if (fault?.kind === "error") {
      const status18 = fault.code ?? 503;
      req.resume();
      sendS3Error(res, method, {
        status: status18,
        code: status18 === 503 ? "SlowDown" : status18 === 403 ? "AccessDenied" : "InternalError",
        message: fault.message ?? "Injected fault"
      });
      return;
    }
    const verdict = verifySigV4(method, rawUrl, req.headers, keys, clock());
    if (!verdict.ok) {
      req.resume();
      sendS3Error(res, method, verdict.error);
      return;
    }
    if (target.bucket && denied.has(target.bucket)) {
      req.resume();
      sendS3Error(res, method, ACCESS_DENIED);
      return;
    }
    await forward(req, res, target.operation);
  };
  const front = createServer4((req, res) => {
    handle2(req, res).catch((error) => {
      if (!res.headersSent) {
        sendS3Error(res, req.method ?? "GET", {
          status: 400,
          code: "InvalidRequest",
          message: error instanceof Error ? error.message : String(error)
        });
      } else res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    front.once("error", reject);
    front.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = front.address();
  return {
    url: `http://${host}:${port}`,
    denyBucket: (bucket) => denied.add(bucket),
    allowBucket: (bucket) => denied.delete(bucket),
    requestCounts: () => ({ ...counts }),
    async stop() {
      front.closeAllConnections();
      await new Promise((resolve) => front.close(() => resolve()));
      backend.httpServer.closeAllConnections();
      await backend.close();
    }
  };
}

// packages/local-cloud/src/index.ts
var DEMO_CREDENTIALS = {
  accessKeyId: "AKIALOCALCLOUDDEMO00",
  secretAccessKey: "local-cloud-demo-secret-access-key"
};
var DEFAULT_PROJECT_ID = "local-project";
var LOCAL_AWS_REGION = "us-east-1";
var HOST = "127.0.0.1";
function checkOptions(options) {
  const nonNegative = (name, value) => {
    if (value !== void 0 && !(Number.isFinite(value) && value >= 0)) {
      throw new Error(`startLocalCloud: ${name} must be a number of seconds >= 0, got ${value}.`);
    }
  };
  nonNegative("runSeconds", options.runSeconds);
  nonNegative("fileVisibilitySeconds", options.fileVisibilitySeconds);
  for (const [name, value] of Object.entries(options.quotas ?? {})) {
    if (value !== void 0 && !(Number.isInteger(value) && value > 0)) {
      throw new Error(`startLocalCloud: quotas.${name} must be a positive integer, got ${value}.`);
    }
  }
  if (options.projectId !== void 0 && !/^[a-z][a-z0-9.:-]*$/.test(options.projectId)) {
    throw new Error(
      `startLocalCloud: projectId "${options.projectId}" is not a Google Cloud project id (lowercase letters, digits, hyphens).`
    );
  }
  for (const pair of options.credentials ?? []) {
    if (!pair.accessKeyId || !pair.secretAccessKey) {
      throw new Error("startLocalCloud: every credentials entry needs an accessKeyId and a secretAccessKey.");
    }
  }
}
async function startLocalCloud(options = {}) {
  checkOptions(options);
  const projectId = options.projectId ?? DEFAULT_PROJECT_ID;
  const credentials = options.credentials ?? [DEMO_CREDENTIALS];
  const first = credentials[0];
  if (!first) throw new Error("startLocalCloud needs at least one AWS key pair in `credentials`.");
  const clock = options.clock ?? (() => /* @__PURE__ */ new Date());
  const faults = new FaultRegistry();
  const ownDataDir = options.dataDir === void 0;
  const dataDir = options.dataDir ?? await mkdtemp(join3(tmpdir(), "s3bq-local-cloud-"));
  const stoppers = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch(() => void 0);
    stoppers.length = 0;
    if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
  };
  const track = (service) => {
    stoppers.push(() => service.stop());
    return service;
  };
  try {
    const [bigquery, logging, s3] = await Promise.all([
      startBigQueryEmulator({
        faults,
        projectId,
        host: HOST,
        clock,
        ...options.quotas?.loadJobsPerDay === void 0 ? {} : { quotas: { loadJobsPerDay: options.quotas.loadJobsPerDay } }
      }).then(track),
      startLoggingEmulator({ faults, projectId, host: HOST, clock }).then(track),
      startS3Emulator({ dataDir, credentials, faults, host: HOST, clock }).then(track)
    ]);
    const dts = await startDtsEmulator({
      faults,
      warehouse: bigquery.warehouse,
      s3Endpoint: s3.url,
      logSink: logging.sink,
      ...options.runSeconds === void 0 ? {} : { runSeconds: options.runSeconds },
      ...options.fileVisibilitySeconds === void 0 ? {} : { fileVisibilitySeconds: options.fileVisibilitySeconds },
      ...options.quotas ? { quotas: options.quotas } : {},
      host: HOST,
      clock
    });
    stoppers.push(() => dts.stop());
    const stats = () => ({ ...dts.stats(), s3Requests: s3.requestCounts() });
    const [dtsRest, loggingRest, admin] = await Promise.all([
      startRestGateway({
        root: loadDtsProto().root,
        serviceName: DTS_SERVICE_NAME,
        handlers: dts.handlers,
        faults,
        faultService: "dts",
        host: HOST
      }).then(track),
      startRestGateway({
        root: loadLoggingProto().root,
        serviceName: LOGGING_SERVICE_NAME,
        handlers: logging.handlers,
        faults,
        faultService: "logging",
        host: HOST
      }).then(track),
      startAdminServer({ faults, denyBucket: s3.denyBucket, stats, host: HOST }).then(track)
    ]);
    const env = {
      AWS_ENDPOINT_URL_S3: s3.url,
      AWS_REGION: LOCAL_AWS_REGION,
      AWS_ACCESS_KEY_ID: first.accessKeyId,
      AWS_SECRET_ACCESS_KEY: first.secretAccessKey,
      DTS_EMULATOR_HOST: dts.hostPort,
      DTS_EMULATOR_REST: dtsRest.hostPort,
      LOGGING_EMULATOR_HOST: logging.hostPort,
      LOGGING_EMULATOR_REST: loggingRest.hostPort,
      BIGQUERY_EMULATOR_HOST: bigquery.hostPort,
      S3BQ_EMULATOR_ADMIN: admin.url,
      GOOGLE_CLOUD_PROJECT: projectId
    };
    return {
      env,
      projectId,
      faults,
      credentials,
      endpoints: {
        s3: s3.url,
        dts: dts.hostPort,
        dtsRest: dtsRest.url,
        logging: logging.hostPort,
        loggingRest: loggingRest.url,
        bigquery: bigquery.url,
        admin: admin.url
      },
      dataDir,
      denyBucket: s3.denyBucket,
      allowBucket: s3.allowBucket,
      backdateObjects: (ageMs) => backdateObjects(dataDir, new Date(clock().getTime() - ageMs)),
      stats,
      stop: stopAll
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
export {
  DEFAULT_PROJECT_ID,
  DEMO_CREDENTIALS,
  FaultRegistry,
  LOCAL_AWS_REGION,
  startLocalCloud,
  startLoggingEmulator,
  startS3Emulator
};
