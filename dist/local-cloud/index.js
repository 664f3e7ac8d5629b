// packages/local-cloud/src/index.ts
import { mkdtemp as mkdtemp2, rm as rm3 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join6 } from "node:path";

// packages/local-cloud/src/admin.ts
import { z } from "zod";

// packages/local-cloud/src/http-body.ts
async function readBody(request, bounds) {
  const chunks = [];
  let size = 0;
  const timer = bounds.deadlineMs === void 0 ? void 0 : setTimeout(() => request.destroy(new Error("request body timed out")), bounds.deadlineMs);
  try {
    for await (const chunk of request) {
      size += chunk.length;
      if (size > bounds.maxBytes) throw bounds.tooLarge();
      chunks.push(chunk);
    }
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks);
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

// packages/local-cloud/src/http-listen.ts
import { createServer } from "node:http";
function answeringServer(handle2, fail) {
  return createServer((request, response) => {
    handle2(request, response).catch((error) => fail(response, error));
  });
}
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
  constructor(status34, message) {
    super(message);
    this.status = status34;
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
  const body = await readBody(request, {
    maxBytes: MAX_BODY_BYTES,
    tooLarge: () => new HttpError(413, `The request body exceeds ${MAX_BODY_BYTES} bytes.`)
  });
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new HttpError(
      400,
      'The request body must be JSON, e.g. {"service":"dts","method":"*","kind":"error","code":14}.'
    );
  }
}
async function startAdminServer(options) {
  const { faults } = options;
  async function route(request, response) {
    const path = new URL(request.url ?? "/", "http://localhost").pathname.replace(/\/+$/, "");
    const method = request.method ?? "GET";
    if (path === "/faults") {
      if (method === "GET") return sendJson(response, 200, { faults: faults.listWithIds().map(ruleJson) });
      if (method === "POST") {
        const rule = parseWith(faultRuleSchema, await readJson(request), "fault rule");
        const id = faults.add(rule);
        return sendJson(response, 201, { id });
      }
      if (method === "DELETE") {
        faults.clear();
        return sendJson(response, 200, { cleared: true });
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
      return sendJson(response, 200, { removed: id });
    }
    if (path === "/s3/deny") {
      if (method !== "POST")
        throw new HttpError(405, `${method} /s3/deny is not allowed: use POST {"bucket":"name"}.`);
      const { bucket } = parseWith(denySchema, await readJson(request), "deny request");
      options.denyBucket(bucket);
      return sendJson(response, 200, { denied: bucket });
    }
    if (path === "/stats") {
      if (method !== "GET") throw new HttpError(405, `${method} /stats is not allowed: use GET.`);
      return sendJson(response, 200, options.stats());
    }
    throw new HttpError(
      404,
      `No admin endpoint ${method} ${path}: try GET /faults, POST /faults, POST /s3/deny, GET /stats.`
    );
  }
  const server = answeringServer(route, (response, error) => {
    const status34 = error instanceof HttpError ? error.status : 500;
    sendJson(response, status34, { error: error instanceof Error ? error.message : String(error) });
  });
  return listenOnLoopback(server, options.host, options.port);
}

// packages/local-cloud/src/bigquery/index.ts
import { setTimeout as sleep } from "node:timers/promises";

// packages/local-cloud/src/bigquery/engine/sql-engine.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
var MACROS = [
  `CREATE MACRO bq_to_string(x) AS CASE
     WHEN typeof(x) LIKE 'DECIMAL%' THEN regexp_replace(regexp_replace(CAST(x AS VARCHAR), '(\\.\\d*?)0+$', '\\1'), '\\.$', '')
     WHEN typeof(x) = 'DOUBLE' THEN regexp_replace(CAST(x AS VARCHAR), '\\.0$', '')
     ELSE CAST(x AS VARCHAR) END`
];
var SqlEngine = class _SqlEngine {
  constructor(instance, connection, stageDir) {
    this.instance = instance;
    this.connection = connection;
    this.stageDir = stageDir;
  }
  instance;
  connection;
  stageDir;
  queue = Promise.resolve();
  nextName = 1;
  static async open() {
    const stageDir = await mkdtemp(join(tmpdir(), "s3bq-bigquery-stage-"));
    const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
    const connection = await instance.connect();
    for (const macro of MACROS) await connection.run(macro);
    for (const setting of [
      "SET TimeZone = 'UTC'",
      "SET default_null_order = 'nulls_first_on_asc_last_on_desc'",
      `SET allowed_directories = ['${stageDir}/']`,
      "SET enable_external_access = false",
      "SET autoinstall_known_extensions = false",
      "SET autoload_known_extensions = false",
      "SET lock_configuration = true"
    ]) {
      await connection.run(setting);
    }
    return new _SqlEngine(instance, connection, stageDir);
  }
  /** Runs `work` alone on the engine's connection, after everything queued before it. */
  exclusive(work) {
    const result = this.queue.then(() => work(this.connection));
    this.queue = result.catch(() => void 0);
    return result;
  }
  /** A fresh engine table name; BigQuery names never reach the engine as identifiers. */
  newTableName(prefix) {
    const name = `${prefix}_${this.nextName}`;
    this.nextName += 1;
    return name;
  }
  async close() {
    await this.queue.catch(() => void 0);
    this.connection.closeSync();
    this.instance.closeSync();
    await rm(this.stageDir, { recursive: true, force: true });
  }
};
async function inTransaction(connection, work) {
  await connection.run("BEGIN TRANSACTION");
  try {
    const result = await work();
    await connection.run("COMMIT");
    return result;
  } catch (error) {
    await connection.run("ROLLBACK").catch(() => void 0);
    throw error;
  }
}

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
  501: "UNIMPLEMENTED",
  503: "UNAVAILABLE"
};
var BigQueryApiError = class extends Error {
  constructor(reason, message, status34) {
    super(message);
    this.reason = reason;
    this.name = "BigQueryApiError";
    this.status = status34 ?? STATUS_OF[reason];
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
function reasonForStatus(status34) {
  if (status34 === 404) return "notFound";
  if (status34 === 409) return "duplicate";
  if (status34 === 403) return "accessDenied";
  if (status34 === 429) return "quotaExceeded";
  if (status34 >= 500) return "backendError";
  return "invalid";
}
var tableName = (projectId, datasetId, tableId) => `${projectId}:${datasetId}.${tableId}`;
var notFoundTable = (projectId, datasetId, tableId) => new BigQueryApiError("notFound", `Not found: Table ${tableName(projectId, datasetId, tableId)}`);
var notFoundDataset = (projectId, datasetId) => new BigQueryApiError("notFound", `Not found: Dataset ${projectId}:${datasetId}`);

// packages/local-cloud/src/bigquery/model.ts
var UNPARTITIONED = "__UNPARTITIONED__";
var NULL_PARTITION = "__NULL__";
var PARTITION_TIME = "_PARTITIONTIME";
var PARTITION_DATE = "_PARTITIONDATE";
var isIngestionTime = (table) => table.timePartitioning !== void 0 && table.timePartitioning.field === void 0;
var isPartitioned = (table) => table.timePartitioning !== void 0 || table.rangePartitioning !== void 0;

// packages/local-cloud/src/bigquery/engine/column-types.ts
import {
  BIGINT,
  BLOB,
  BOOLEAN,
  DATE,
  DECIMAL,
  DOUBLE,
  DuckDBTypeId,
  LIST,
  STRUCT,
  TIME,
  TIMESTAMP,
  TIMESTAMPTZ,
  VARCHAR
} from "@duckdb/node-api";
var NUMERIC_SCALE = 9;
var NUMERIC_WIDTH = 38;
var SCALAR_SQL = {
  STRING: "VARCHAR",
  BYTES: "BLOB",
  INTEGER: "BIGINT",
  FLOAT: "DOUBLE",
  BOOLEAN: "BOOLEAN",
  TIMESTAMP: "TIMESTAMPTZ",
  DATE: "DATE",
  TIME: "TIME",
  DATETIME: "TIMESTAMP",
  GEOGRAPHY: "VARCHAR",
  NUMERIC: `DECIMAL(${NUMERIC_WIDTH},${NUMERIC_SCALE})`,
  BIGNUMERIC: "VARCHAR",
  JSON: "JSON"
};
var sqlName = (name) => `"${name.replace(/"/g, '""')}"`;
var sqlText = (text) => `'${text.replace(/'/g, "''")}'`;
function elementSqlType(field) {
  if (field.type === "RECORD") {
    const members = (field.fields ?? []).map((child) => `${sqlName(child.name)} ${columnSqlType(child)}`);
    return `STRUCT(${members.join(", ")})`;
  }
  const scalar2 = SCALAR_SQL[field.type];
  if (!scalar2) throw new BigQueryApiError("invalid", `The local cloud cannot store type ${field.type}.`);
  return scalar2;
}
function columnSqlType(field) {
  const element = elementSqlType(field);
  return field.mode === "REPEATED" ? `${element}[]` : element;
}
var SCALAR_TYPE = {
  STRING: VARCHAR,
  BYTES: BLOB,
  INTEGER: BIGINT,
  FLOAT: DOUBLE,
  BOOLEAN,
  TIMESTAMP: TIMESTAMPTZ,
  DATE,
  TIME,
  DATETIME: TIMESTAMP,
  GEOGRAPHY: VARCHAR,
  NUMERIC: DECIMAL(NUMERIC_WIDTH, NUMERIC_SCALE),
  BIGNUMERIC: VARCHAR,
  JSON: VARCHAR
};
function columnType(field) {
  let element;
  if (field.type === "RECORD") {
    const members = {};
    for (const child of field.fields ?? []) members[child.name] = columnType(child);
    element = STRUCT(members);
  } else {
    const scalar2 = SCALAR_TYPE[field.type];
    if (!scalar2) throw new BigQueryApiError("invalid", `The local cloud cannot store type ${field.type}.`);
    element = scalar2;
  }
  return field.mode === "REPEATED" ? LIST(element) : element;
}
var INTEGER_IDS = /* @__PURE__ */ new Set([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.SQLNULL,
  DuckDBTypeId.INTEGER_LITERAL
]);
var SIMPLE_RESULT = {
  [DuckDBTypeId.BOOLEAN]: "BOOLEAN",
  [DuckDBTypeId.FLOAT]: "FLOAT",
  [DuckDBTypeId.DOUBLE]: "FLOAT",
  [DuckDBTypeId.VARCHAR]: "STRING",
  [DuckDBTypeId.STRING_LITERAL]: "STRING",
  [DuckDBTypeId.UUID]: "STRING",
  [DuckDBTypeId.ENUM]: "STRING",
  [DuckDBTypeId.BLOB]: "BYTES",
  [DuckDBTypeId.DATE]: "DATE",
  [DuckDBTypeId.TIME]: "TIME",
  [DuckDBTypeId.TIMESTAMP]: "DATETIME",
  [DuckDBTypeId.TIMESTAMP_S]: "DATETIME",
  [DuckDBTypeId.TIMESTAMP_MS]: "DATETIME",
  [DuckDBTypeId.TIMESTAMP_NS]: "DATETIME",
  [DuckDBTypeId.TIMESTAMP_TZ]: "TIMESTAMP",
  [DuckDBTypeId.INTERVAL]: "INTERVAL"
};
function fieldOfResultType(name, type) {
  if (type.typeId === DuckDBTypeId.LIST || type.typeId === DuckDBTypeId.ARRAY) {
    const element = fieldOfResultType(name, type.valueType);
    if (element.mode === "REPEATED") {
      throw new BigQueryApiError(
        "invalidQuery",
        `Cannot return an array of arrays in column ${name}: BigQuery does not support nested arrays.`
      );
    }
    return { ...element, mode: "REPEATED" };
  }
  if (type.typeId === DuckDBTypeId.STRUCT) {
    const fields = type.entryNames.map(
      (entry, index) => fieldOfResultType(entry, type.entryTypes[index])
    );
    return { name, type: "RECORD", mode: "NULLABLE", fields };
  }
  if (type.typeId === DuckDBTypeId.DECIMAL) {
    const fitsNumeric = type.scale <= NUMERIC_SCALE && type.width - type.scale <= NUMERIC_WIDTH - NUMERIC_SCALE;
    return { name, type: fitsNumeric ? "NUMERIC" : "BIGNUMERIC", mode: "NULLABLE" };
  }
  if (type.typeId === DuckDBTypeId.VARCHAR && type.alias === "JSON") {
    return { name, type: "JSON", mode: "NULLABLE" };
  }
  if (INTEGER_IDS.has(type.typeId)) return { name, type: "INTEGER", mode: "NULLABLE" };
  const simple = SIMPLE_RESULT[type.typeId];
  if (!simple) {
    throw new BigQueryApiError(
      "invalidQuery",
      `Column ${name} has engine type ${type.toString()}, which has no BigQuery equivalent; CAST it to a BigQuery type.`
    );
  }
  return { name, type: simple, mode: "NULLABLE" };
}

// packages/local-cloud/src/bigquery/engine/partition-sql.ts
var FORMAT = {
  HOUR: "%Y%m%d%H",
  DAY: "%Y%m%d",
  MONTH: "%Y%m",
  YEAR: "%Y"
};
var UNIT = { HOUR: "hour", DAY: "day", MONTH: "month", YEAR: "year" };
function partitionColumn(table) {
  if (table.rangePartitioning) return table.rangePartitioning.field;
  if (!table.timePartitioning) return void 0;
  return table.timePartitioning.field ?? PARTITION_TIME;
}
function partitionIdSql(table) {
  const column2 = partitionColumn(table);
  if (column2 === void 0) return "CAST(NULL AS VARCHAR)";
  const ref = sqlName(column2);
  const range = table.rangePartitioning;
  if (range) {
    const { start, end, interval } = range;
    return `CASE WHEN ${ref} IS NULL THEN '${NULL_PARTITION}' WHEN ${ref} < ${start} OR ${ref} >= ${end} THEN '${UNPARTITIONED}' ELSE CAST(${start} + ((${ref} - ${start}) // ${interval}) * ${interval} AS VARCHAR) END`;
  }
  const type = table.timePartitioning?.type ?? "DAY";
  const nullId = isIngestionTime(table) ? UNPARTITIONED : NULL_PARTITION;
  return `CASE WHEN ${ref} IS NULL THEN '${nullId}' WHEN ${ref} < DATE '1960-01-01' OR ${ref} >= DATE '2160-01-01' THEN '${UNPARTITIONED}' ELSE strftime(${ref}, '${FORMAT[type]}') END`;
}
function partitionStartSql(table) {
  const partitioning = table.timePartitioning;
  if (!partitioning) return void 0;
  const ref = sqlName(partitioning.field ?? PARTITION_TIME);
  return `CAST(date_trunc('${UNIT[partitioning.type]}', ${ref}) AS TIMESTAMPTZ)`;
}
function partitionFilterSql(table, partitionId) {
  return `(${partitionIdSql(table)}) = ${sqlText(partitionId)}`;
}
function partitionIntervalSql(type) {
  return `INTERVAL 1 ${UNIT[type].toUpperCase()}`;
}

// packages/local-cloud/src/bigquery/engine/table-storage.ts
var FIXED_BYTES = {
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
function columnBytesSql(field) {
  const ref = sqlName(field.name);
  const fixed = FIXED_BYTES[field.type];
  if (fixed !== void 0 && field.mode !== "REPEATED")
    return `(CASE WHEN ${ref} IS NULL THEN 0 ELSE ${fixed} END)`;
  if (field.type === "BYTES" && field.mode !== "REPEATED") return `coalesce(2 + octet_length(${ref}), 0)`;
  return `coalesce(2 + strlen(CAST(${ref} AS VARCHAR)), 0)`;
}
function rowBytesSql(table) {
  if (table.schema.length === 0) return "0";
  return table.schema.map(columnBytesSql).join(" + ");
}
function engineColumnsSql(table) {
  const columns = table.schema.map(
    (field) => `${sqlName(field.name)} ${columnSqlType(field)}${field.mode === "REQUIRED" ? " NOT NULL" : ""}`
  );
  if (isIngestionTime(table)) columns.push(`${sqlName(PARTITION_TIME)} TIMESTAMPTZ`);
  return columns.join(", ");
}
function expiredRowsSql(table, instant2) {
  const partitioning = table.timePartitioning;
  const start = partitionStartSql(table);
  if (partitioning?.expirationMs === void 0 || !start) return void 0;
  const expiration = `to_milliseconds(CAST(${partitioning.expirationMs} AS BIGINT))`;
  const end = `(${start} + ${partitionIntervalSql(partitioning.type)} + ${expiration})`;
  return { condition: `${end} <= TIMESTAMPTZ '${instant2.toISOString()}'`, end };
}
var TableStorage = class {
  constructor(engine, clock) {
    this.engine = engine;
    this.clock = clock;
  }
  engine;
  clock;
  /** A table without columns (schemaless) gets its engine table when it gets a schema. */
  create(table) {
    return this.engine.exclusive((connection) => this.createOn(connection, table, table.schema));
  }
  async createOn(connection, table, schema) {
    const columns = engineColumnsSql({ ...table, schema });
    if (columns === "") return;
    await connection.run(`CREATE TABLE IF NOT EXISTS ${sqlName(table.storage)} (${columns})`);
  }
  /** Whether the table has an engine table yet (a schemaless table has none). */
  hasRows(table) {
    return table.kind === "TABLE" && (table.schema.length > 0 || isIngestionTime(table));
  }
  drop(table) {
    return this.engine.exclusive(async (connection) => {
      await connection.run(`DROP TABLE IF EXISTS ${sqlName(table.storage)}`);
    });
  }
  /**
   * Moves a deleted table's rows to a fresh engine name, kept for time travel. The table
   * names it at once; the rename is queued before any work that could read it there.
   */
  retire(table) {
    const current = table.storage;
    table.storage = this.engine.newTableName("bq_deleted");
    return this.engine.exclusive(async (connection) => {
      await connection.run(`ALTER TABLE ${sqlName(current)} RENAME TO ${sqlName(table.storage)}`);
    });
  }
  /** Applies an accepted schema change: new columns, and REQUIRED relaxed to NULLABLE. */
  evolve(table, before, after) {
    return this.engine.exclusive(async (connection) => {
      if (!this.hasRows(table)) return this.createOn(connection, table, after);
      const name = sqlName(table.storage);
      const old = new Map(before.map((field) => [field.name.toLowerCase(), field]));
      for (const field of after) {
        const previous = old.get(field.name.toLowerCase());
        if (!previous) {
          await connection.run(
            `ALTER TABLE ${name} ADD COLUMN ${sqlName(field.name)} ${columnSqlType(field)}`
          );
          continue;
        }
        if (previous.mode === "REQUIRED" && field.mode !== "REQUIRED") {
          await connection.run(`ALTER TABLE ${name} ALTER COLUMN ${sqlName(field.name)} DROP NOT NULL`);
        }
        if (columnSqlType(previous) !== columnSqlType(field)) {
          await this.widenRecord(connection, table, field);
        }
      }
    });
  }
  /** A RECORD gained nested fields: the column is retyped, new members NULL. */
  async widenRecord(connection, table, field) {
    try {
      await connection.run(
        `ALTER TABLE ${sqlName(table.storage)} ALTER COLUMN ${sqlName(field.name)} TYPE ${columnSqlType(field)}`
      );
    } catch (error) {
      throw new BigQueryApiError(
        "invalid",
        `The local cloud cannot add nested fields to ${field.name} of a table with rows (${error.message.split("\n")[0]}). Recreate the table instead.`
      );
    }
  }
  /**
   * Drops partitions whose expiration has passed (BigQuery deletes them; they never come
   * back), and records the latest instant such rows expired: time travel must not read the
   * kept state as the state of an instant before it.
   */
  async purgeExpired(connection, table) {
    const expired = expiredRowsSql(table, this.clock());
    if (!this.hasRows(table) || !expired) return;
    const from = `FROM ${sqlName(table.storage)} WHERE ${expired.condition}`;
    const latest = await connection.runAndReadAll(`SELECT max(epoch_ms(${expired.end})) ${from}`);
    const expiredAt = latest.getRowsJS()[0]?.[0];
    if (expiredAt === null || expiredAt === void 0) return;
    await connection.run(`DELETE ${from}`);
    table.rowsExpiredAt = Math.max(table.rowsExpiredAt ?? 0, Number(expiredAt));
  }
  partitionStats(table) {
    return this.engine.exclusive((connection) => this.partitionStatsOn(connection, table));
  }
  async partitionStatsOn(connection, table) {
    if (!this.hasRows(table)) return [];
    await this.purgeExpired(connection, table);
    const reader = await connection.runAndReadAll(
      `SELECT ${partitionIdSql(table)} AS id, count(*) AS n, sum(${rowBytesSql(table)}) AS bytes FROM ${sqlName(table.storage)} GROUP BY ALL ORDER BY id`
    );
    return reader.getRowsJS().map(([id, rows, bytes]) => ({
      id: id === null ? null : String(id),
      rows: Number(rows),
      bytes: Number(bytes ?? 0)
    }));
  }
  /** Rows of the table (or one partition) in storage order, for tabledata.list. */
  readRows(table, options) {
    return this.engine.exclusive(async (connection) => {
      if (!this.hasRows(table)) return { rows: [], total: 0 };
      await this.purgeExpired(connection, table);
      const where = options.partitionId === void 0 ? "" : ` WHERE ${partitionFilterSql(table, options.partitionId)}`;
      const from = `FROM ${sqlName(table.storage)}${where}`;
      const counted = await connection.runAndReadAll(`SELECT count(*) ${from}`);
      const total = Number(counted.getRowsJS()[0]?.[0] ?? 0);
      if (options.fields.length === 0) return { rows: [], total };
      const columns = options.fields.map((field) => sqlName(field.name)).join(", ");
      const reader = await connection.runAndReadAll(
        `SELECT ${columns} ${from} LIMIT ${options.limit} OFFSET ${options.offset}`
      );
      return { rows: reader.getRows(), total };
    });
  }
  deletePartition(table, partitionId) {
    return this.engine.exclusive(async (connection) => {
      await connection.run(
        `DELETE FROM ${sqlName(table.storage)} WHERE ${partitionFilterSql(table, partitionId)}`
      );
      table.lastModifiedTime = this.clock().getTime();
    });
  }
};

// packages/local-cloud/src/bigquery/rest-methods.ts
var METHODS = [
  ["GET", "projects", "projects.list"],
  ["GET", "projects/*/serviceAccount", "projects.getServiceAccount"],
  ["GET", "projects/*/datasets", "datasets.list"],
  ["POST", "projects/*/datasets", "datasets.insert"],
  ["GET", "projects/*/datasets/*", "datasets.get"],
  ["PATCH", "projects/*/datasets/*", "datasets.patch"],
  ["PUT", "projects/*/datasets/*", "datasets.update"],
  ["DELETE", "projects/*/datasets/*", "datasets.delete"],
  ["POST", "projects/*/datasets/*:undelete", "datasets.undelete"],
  ["GET", "projects/*/jobs", "jobs.list"],
  ["POST", "projects/*/jobs", "jobs.insert"],
  ["GET", "projects/*/jobs/*", "jobs.get"],
  ["POST", "projects/*/jobs/*/cancel", "jobs.cancel"],
  ["DELETE", "projects/*/jobs/*/delete", "jobs.delete"],
  ["POST", "projects/*/queries", "jobs.query"],
  ["GET", "projects/*/queries/*", "jobs.getQueryResults"],
  ["GET", "projects/*/datasets/*/models", "models.list"],
  ["GET", "projects/*/datasets/*/models/*", "models.get"],
  ["PATCH", "projects/*/datasets/*/models/*", "models.patch"],
  ["DELETE", "projects/*/datasets/*/models/*", "models.delete"],
  ["GET", "projects/*/datasets/*/routines", "routines.list"],
  ["POST", "projects/*/datasets/*/routines", "routines.insert"],
  ["GET", "projects/*/datasets/*/routines/*", "routines.get"],
  ["PUT", "projects/*/datasets/*/routines/*", "routines.update"],
  ["DELETE", "projects/*/datasets/*/routines/*", "routines.delete"],
  ["POST", "projects/*/datasets/*/routines/*:getIamPolicy", "routines.getIamPolicy"],
  ["POST", "projects/*/datasets/*/routines/*:setIamPolicy", "routines.setIamPolicy"],
  ["POST", "projects/*/datasets/*/routines/*:testIamPermissions", "routines.testIamPermissions"],
  ["GET", "projects/*/datasets/*/tables", "tables.list"],
  ["POST", "projects/*/datasets/*/tables", "tables.insert"],
  ["GET", "projects/*/datasets/*/tables/*", "tables.get"],
  ["PATCH", "projects/*/datasets/*/tables/*", "tables.patch"],
  ["PUT", "projects/*/datasets/*/tables/*", "tables.update"],
  ["DELETE", "projects/*/datasets/*/tables/*", "tables.delete"],
  ["POST", "projects/*/datasets/*/tables/*:getIamPolicy", "tables.getIamPolicy"],
  ["POST", "projects/*/datasets/*/tables/*:setIamPolicy", "tables.setIamPolicy"],
  ["POST", "projects/*/datasets/*/tables/*:testIamPermissions", "tables.testIamPermissions"],
  ["GET", "projects/*/datasets/*/tables/*/data", "tabledata.list"],
  ["POST", "projects/*/datasets/*/tables/*/insertAll", "tabledata.insertAll"],
  ["GET", "projects/*/datasets/*/tables/*/rowAccessPolicies", "rowAccessPolicies.list"],
  ["POST", "projects/*/datasets/*/tables/*/rowAccessPolicies", "rowAccessPolicies.insert"],
  ["GET", "projects/*/datasets/*/tables/*/rowAccessPolicies/*", "rowAccessPolicies.get"],
  ["PUT", "projects/*/datasets/*/tables/*/rowAccessPolicies/*", "rowAccessPolicies.update"],
  ["DELETE", "projects/*/datasets/*/tables/*/rowAccessPolicies/*", "rowAccessPolicies.delete"],
  ["POST", "projects/*/datasets/*/tables/*/rowAccessPolicies:batchDelete", "rowAccessPolicies.batchDelete"],
  [
    "POST",
    "projects/*/datasets/*/tables/*/rowAccessPolicies/*:getIamPolicy",
    "rowAccessPolicies.getIamPolicy"
  ],
  [
    "POST",
    "projects/*/datasets/*/tables/*/rowAccessPolicies/*:testIamPermissions",
    "rowAccessPolicies.testIamPermissions"
  ]
];
function matches(template, segments) {
  const parts = template.split("/");
  if (parts.length !== segments.length) return false;
  return parts.every((part, index) => {
    const actual = segments[index] ?? "";
    if (part === "*") return actual !== "" && !actual.includes(":");
    if (part.startsWith("*:")) return actual.endsWith(part.slice(1)) && actual.length > part.length - 1;
    return part === actual;
  });
}
function restMethodOf(httpMethod, segments) {
  return METHODS.find(([method, template]) => method === httpMethod && matches(template, segments))?.[2];
}

// packages/local-cloud/src/bigquery/http-server.ts
var API_PREFIX = "/bigquery/v2";
var UPLOAD_PREFIX = "/upload/bigquery/v2";
var MAX_BODY_BYTES2 = 10 * 1024 * 1024;
var MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
var BODY_DEADLINE_MS = 3e4;
function createBigQueryHttpServer(options) {
  const compiled = options.routes.map((route) => ({
    route,
    method: route.method,
    segments: route.pattern.split("/").filter(Boolean)
  }));
  return answeringServer(
    (request, response) => handle(compiled, options, request, response),
    (response, error) => sendError(response, error instanceof BigQueryApiError ? error : internal(error))
  );
}
function notImplemented(method) {
  return new BigQueryApiError("notImplemented", `The local cloud does not implement ${method}.`);
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
  if (path.startsWith(UPLOAD_PREFIX)) path = `/upload${path.slice(UPLOAD_PREFIX.length)}`;
  const segments = path.split("/").filter(Boolean).map(decodeURIComponent);
  const method = request.method ?? "GET";
  const match = findRoute(routes, method, segments);
  if (!match) {
    const known = restMethodOf(method, segments);
    if (known) throw notImplemented(`bigquery.${known}`);
    throw new BigQueryApiError(
      "notFound",
      `The BigQuery v2 API has no method ${method} ${url.pathname}`,
      404
    );
  }
  const raw = match.route.rawBody ? await readBody(request, bodyBounds(MAX_UPLOAD_BYTES)) : void 0;
  const body = raw ? {} : await readJsonBody(request);
  const fault = options.faults.take("bigquery", match.route.operation);
  if (fault?.kind === "hang") return;
  if (fault?.kind === "latency") await options.sleep(fault.latencyMs ?? 0);
  if (fault?.kind === "error") {
    const status35 = fault.code ?? 500;
    throw new BigQueryApiError(
      reasonForStatus(status35),
      fault.message ?? `Injected fault on ${match.route.operation}`,
      status35
    );
  }
  const result = await match.route.handle(options.context(), {
    params: match.params,
    query: url.searchParams,
    body,
    raw: raw ? { bytes: raw, contentType: request.headers["content-type"] ?? "" } : void 0
  });
  const status34 = result.status ?? 200;
  if (status34 === 204) {
    response.writeHead(204).end();
    return;
  }
  const text = JSON.stringify(
    result.body ?? {},
    (_key, value) => typeof value === "bigint" ? value.toString() : value
  );
  response.writeHead(status34, { "content-type": "application/json; charset=UTF-8" }).end(text);
}
function findRoute(routes, method, segments) {
  for (const candidate of routes) {
    if (candidate.method !== method || candidate.segments.length !== segments.length) continue;
    const params = {};
    const matches2 = candidate.segments.every((segment, index) => {
      const actual = segments[index] ?? "";
      if (segment.startsWith(":")) {
        params[segment.slice(1)] = actual;
        return !actual.includes(":");
      }
      return segment === actual;
    });
    if (matches2) return { route: candidate.route, params };
  }
  return void 0;
}
function bodyBounds(maxBytes) {
  return {
    maxBytes,
    tooLarge: () => new BigQueryApiError("invalid", `Request body is larger than ${maxBytes / 1024 / 1024} MB.`),
    deadlineMs: BODY_DEADLINE_MS
  };
}
async function readJsonBody(request) {
  const bytes = await readBody(request, bodyBounds(MAX_BODY_BYTES2));
  if (bytes.length === 0) return {};
  try {
    const parsed = JSON.parse(bytes.toString("utf8"));
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

// packages/local-cloud/src/bigquery/jobs.ts
import { randomUUID } from "node:crypto";
var MAX_KEPT_JOBS = 1e3;
var JOB_ID = /^[A-Za-z0-9_-]{1,1024}$/;
var JobRegistry = class {
  jobs = /* @__PURE__ */ new Map();
  /** A fresh job id, or the requested one after checking it. */
  newId(projectId, requested) {
    if (requested === void 0 || requested === null || requested === "") {
      return `job_${randomUUID().replace(/-/g, "")}`;
    }
    const id = String(requested);
    if (!JOB_ID.test(id)) {
      throw new BigQueryApiError(
        "invalid",
        `Invalid job ID "${id}". Job IDs must be alphanumeric (plus underscores and dashes) and at most 1024 characters long.`
      );
    }
    if (this.jobs.has(`${projectId}/${id}`)) {
      throw new BigQueryApiError("duplicate", `Already Exists: Job ${projectId}:${id}`);
    }
    return id;
  }
  add(job) {
    this.jobs.set(`${job.projectId}/${job.jobId}`, job);
    if (this.jobs.size > MAX_KEPT_JOBS) {
      const oldest = this.jobs.keys().next().value;
      if (oldest !== void 0) this.jobs.delete(oldest);
    }
    return job;
  }
  get(projectId, jobId, location) {
    const job = this.jobs.get(`${projectId}/${jobId}`);
    if (!job || location && location.toLowerCase() !== job.location.toLowerCase()) {
      const where = location ? location : job?.location ?? "US";
      throw new BigQueryApiError("notFound", `Not found: Job ${projectId}:${where}.${jobId}`);
    }
    return job;
  }
  /** Newest first, as jobs.list returns them. */
  list(projectId) {
    return [...this.jobs.values()].filter((job) => job.projectId === projectId).reverse();
  }
  delete(projectId, jobId, location) {
    const job = this.get(projectId, jobId, location);
    this.jobs.delete(`${job.projectId}/${job.jobId}`);
  }
};

// packages/local-cloud/src/bigquery/load-job.ts
import { status as status5 } from "@grpc/grpc-js";

// packages/local-cloud/src/formats/index.ts
import { status as status4 } from "@grpc/grpc-js";

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
    options.columns.forEach((column2, index) => {
      const value = record[index];
      values[column2] = value === void 0 || value === "" ? null : value;
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
import { rm as rm2, writeFile } from "node:fs/promises";
import { join as join2 } from "node:path";
import { DuckDBTypeId as DuckDBTypeId2 } from "@duckdb/node-api";
import { status as status3 } from "@grpc/grpc-js";

// packages/local-cloud/src/formats/parquet-match.ts
import { status as status2 } from "@grpc/grpc-js";

// packages/local-cloud/src/formats/parquet-types.ts
var NUMERIC_MAX_SCALE = 9;
var NUMERIC_MAX_INTEGER_DIGITS = 29;
var BIGNUMERIC_MAX = 38;
function logicalKind(node) {
  const match = /^([A-Za-z]+)Type\(/.exec(node.logical ?? "");
  return match?.[1]?.toUpperCase();
}
function isUtcAdjusted(node) {
  if (logicalKind(node) === "TIMESTAMP") return /isAdjustedToUTC=(1|true)/i.test(node.logical ?? "");
  return true;
}
function decimalTyping(node) {
  const precision = node.precision ?? BIGNUMERIC_MAX;
  const scale = node.scale ?? 0;
  const fitsNumeric = scale <= NUMERIC_MAX_SCALE && precision - scale <= NUMERIC_MAX_INTEGER_DIGITS;
  const fitsBig = scale <= BIGNUMERIC_MAX && precision - scale <= BIGNUMERIC_MAX;
  if (fitsNumeric) return { type: "NUMERIC", accepts: ["NUMERIC", "BIGNUMERIC"] };
  return { type: "BIGNUMERIC", accepts: fitsBig ? ["BIGNUMERIC"] : [] };
}
var one = (type, ...more) => ({ type, accepts: [type, ...more] });
function annotation(node) {
  const logical = logicalKind(node);
  if (logical === "INT") return "INTEGER";
  if (logical) return logical;
  const converted = node.converted ?? void 0;
  if (!converted) return void 0;
  if (/^U?INT_\d+$/.test(converted)) return "INTEGER";
  if (converted === "UTF8") return "STRING";
  if (converted.startsWith("TIMESTAMP_")) return "TIMESTAMP";
  if (converted.startsWith("TIME_")) return "TIME";
  return converted;
}
function annotatedTyping(node, kind) {
  switch (kind) {
    case "DECIMAL":
      return decimalTyping(node);
    case "DATE":
      return node.physical === "INT32" ? one("DATE") : void 0;
    case "TIME":
      return node.physical === "INT32" || node.physical === "INT64" ? one("TIME") : void 0;
    case "TIMESTAMP":
      if (node.physical !== "INT64") return void 0;
      return isUtcAdjusted(node) ? one("TIMESTAMP") : one("DATETIME");
    case "INTEGER":
      return node.physical === "INT32" || node.physical === "INT64" ? one("INTEGER") : void 0;
    case "STRING":
    case "ENUM":
      return node.physical === "BYTE_ARRAY" ? one("STRING", "GEOGRAPHY") : void 0;
    case "JSON":
      return node.physical === "BYTE_ARRAY" ? one("JSON") : void 0;
    case "UUID":
      return one("STRING");
    default:
      return void 0;
  }
}
var PLAIN = {
  BOOLEAN: one("BOOLEAN"),
  INT32: one("INTEGER"),
  INT64: one("INTEGER"),
  INT96: one("TIMESTAMP"),
  FLOAT: one("FLOAT"),
  DOUBLE: one("FLOAT"),
  BYTE_ARRAY: one("BYTES"),
  FIXED_LEN_BYTE_ARRAY: one("BYTES")
};
function leafTyping(node) {
  const kind = annotation(node);
  if (kind) {
    return annotatedTyping(node, kind) ?? { type: `${node.physical} ${kind}`, accepts: [] };
  }
  return PLAIN[node.physical ?? ""] ?? { type: String(node.physical), accepts: [] };
}
function listElement(node) {
  const isList = logicalKind(node) === "LIST" || node.converted === "LIST";
  if (!isList || node.children.length !== 1) return void 0;
  const repeated = node.children[0];
  if (repeated.children.length === 1) return repeated.children[0];
  return repeated;
}
function isMap(node) {
  return logicalKind(node) === "MAP" || node.converted === "MAP" || node.converted === "MAP_KEY_VALUE";
}
function parquetTree(rows, counts2) {
  let cursor = 0;
  const build = () => {
    const index = cursor;
    cursor += 1;
    const node = { ...rows[index], children: [] };
    for (let child = 0; child < (counts2[index] ?? 0); child += 1) node.children.push(build());
    return node;
  };
  return build();
}

// packages/local-cloud/src/formats/parquet-match.ts
function schemaMismatch(context, detail) {
  return new LoadJobError(
    `Provided Schema does not match Table ${context.table}. ${detail}. File: ${context.uri}`,
    "invalid",
    status2.INVALID_ARGUMENT
  );
}
function childNamed(node, name) {
  const lower = name.toLowerCase();
  return node.children.find((child) => child.name.toLowerCase() === lower);
}
var modeName = (node) => node.repetition === "REQUIRED" ? "REQUIRED" : "NULLABLE";
function checkMode(field, node, path, context) {
  const repeated = listElement(node) !== void 0 || node.repetition === "REPEATED";
  const mode = field.mode ?? "NULLABLE";
  if (mode === "REPEATED" && !repeated) {
    throw schemaMismatch(context, `Field ${path} has changed mode from REPEATED to ${modeName(node)}`);
  }
  if (mode !== "REPEATED" && repeated) {
    throw schemaMismatch(context, `Field ${path} has changed mode from ${mode} to REPEATED`);
  }
  if (mode === "REQUIRED" && node.repetition !== "REQUIRED") {
    throw schemaMismatch(context, `Field ${path} has changed mode from REQUIRED to NULLABLE`);
  }
}
function valueNode(node) {
  return listElement(node) ?? node;
}
function checkType(field, node, path, context) {
  const value = valueNode(node);
  if (isMap(value)) {
    throw schemaMismatch(context, `Field ${path} is a Parquet MAP, which the local cloud cannot load`);
  }
  const isGroup = value.children.length > 0;
  if (field.type === "RECORD") {
    if (!isGroup) {
      throw schemaMismatch(
        context,
        `Field ${path} has changed type from RECORD to ${leafTyping(value).type}`
      );
    }
    checkFields(field.fields ?? [], value, `${path}.`, context);
    return;
  }
  if (isGroup) throw schemaMismatch(context, `Field ${path} has changed type from ${field.type} to RECORD`);
  const typing = leafTyping(value);
  if (!typing.accepts.includes(field.type)) {
    throw schemaMismatch(context, `Field ${path} has changed type from ${field.type} to ${typing.type}`);
  }
}
function checkFields(fields, group, prefix, context) {
  for (const field of fields) {
    const path = `${prefix}${field.name}`;
    const node = childNamed(group, field.name);
    if (!node) {
      if (field.mode === "REQUIRED") throw schemaMismatch(context, `Field ${path} is missing in new schema`);
      continue;
    }
    checkMode(field, node, path, context);
    checkType(field, node, path, context);
  }
  if (context.ignoreUnknownValues) return;
  const known = new Set(fields.map((field) => field.name.toLowerCase()));
  const extra = group.children.find((child) => !known.has(child.name.toLowerCase()));
  if (extra) throw schemaMismatch(context, `Cannot add fields (field: ${prefix}${extra.name})`);
}

// packages/local-cloud/src/formats/parquet.ts
function readError(uri, error) {
  const detail = (error.message ?? String(error)).split("\n")[0];
  return new LoadJobError(
    `Error while reading data, error message: Failed to read Parquet file ${uri}: ${detail}`,
    "invalid",
    status3.INVALID_ARGUMENT
  );
}
async function fileSchema(connection, path) {
  const reader = await connection.runAndReadAll(
    `SELECT name, type, repetition_type, converted_type, logical_type, scale, precision, num_children FROM parquet_schema(${sqlText(path)})`
  );
  const rows = reader.getRowsJS();
  const nodes = rows.map(([name, physical, repetition, converted, logical, scale, precision]) => ({
    name: String(name),
    physical: physical === null ? null : String(physical),
    repetition: repetition === null ? null : String(repetition),
    converted: converted === null ? null : String(converted),
    logical: logical === null ? null : String(logical),
    scale: scale === null ? null : Number(scale),
    precision: precision === null ? null : Number(precision),
    children: []
  }));
  return parquetTree(
    nodes,
    rows.map((row) => Number(row[7] ?? 0))
  );
}
async function readTypes(connection, path) {
  const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet(${sqlText(path)}) LIMIT 0`);
  const names = reader.columnNames();
  const types = reader.columnTypes();
  return new Map(names.map((name, index) => [name.toLowerCase(), types[index]]));
}
function memberType(type, name) {
  if (type?.typeId !== DuckDBTypeId2.STRUCT) return void 0;
  const index = type.entryNames.findIndex((entry) => entry.toLowerCase() === name.toLowerCase());
  return index < 0 ? void 0 : type.entryTypes[index];
}
function scalarSql(column2) {
  const { field, type, ref } = column2;
  if (field.type === "RECORD") return recordSql(column2);
  const text = type?.typeId === DuckDBTypeId2.BLOB ? `decode(${ref})` : `CAST(${ref} AS VARCHAR)`;
  switch (field.type) {
    case "STRING":
    case "GEOGRAPHY":
      return text;
    case "JSON":
      return `json(${text})`;
    case "BIGNUMERIC":
      return `regexp_replace(regexp_replace(${text}, '(\\.\\d*?)0+$', '\\1'), '\\.$', '')`;
    default:
      return `CAST(${ref} AS ${elementSqlType(field)})`;
  }
}
function recordSql({ field, node, type, ref, depth }) {
  const members = (field.fields ?? []).map((child) => {
    const childNode = childNamed(node, child.name);
    const value = childNode ? valueSql({
      field: child,
      node: childNode,
      type: memberType(type, childNode.name),
      ref: `struct_extract(${ref}, ${sqlText(childNode.name)})`,
      depth
    }) : `CAST(NULL AS ${columnSqlType(child)})`;
    return `${sqlName(child.name)} := ${value}`;
  });
  return `CASE WHEN ${ref} IS NULL THEN NULL ELSE struct_pack(${members.join(", ")}) END`;
}
function valueSql(column2) {
  const { field, node, type, ref, depth } = column2;
  if (field.mode !== "REPEATED") return scalarSql(column2);
  const elementType = type?.typeId === DuckDBTypeId2.LIST || type?.typeId === DuckDBTypeId2.ARRAY ? type.valueType : void 0;
  const item = `item${depth}`;
  const converted = scalarSql({
    field,
    node: valueNode(node),
    type: elementType,
    ref: item,
    depth: depth + 1
  });
  return `coalesce(list_transform(${ref}, lambda ${item}: ${converted}), CAST([] AS ${columnSqlType(field)}))`;
}
function selectSql(load2, root, types) {
  const columns = load2.fields.map((field) => {
    const node = childNamed(root, field.name);
    if (!node) return `CAST(NULL AS ${columnSqlType(field)})`;
    return valueSql({
      field,
      node,
      type: types.get(node.name.toLowerCase()),
      ref: sqlName(node.name),
      depth: 0
    });
  });
  for (let index = 0; index < load2.trailingNulls; index += 1) columns.push("NULL");
  return columns.join(", ");
}
async function loadParquet(load2) {
  const path = join2(load2.stageDir, load2.fileName);
  await writeFile(path, load2.body);
  try {
    await loadFile(load2, path);
  } finally {
    await rm2(path, { force: true });
  }
}
async function loadFile(load2, path) {
  let root;
  let types;
  try {
    root = await fileSchema(load2.connection, path);
    types = await readTypes(load2.connection, path);
  } catch (error) {
    throw readError(load2.uri, error);
  }
  checkFields(load2.fields, root, "", load2);
  try {
    await load2.connection.run(
      `INSERT INTO ${sqlName(load2.stage)} SELECT ${selectSql(load2, root, types)} FROM read_parquet(${sqlText(path)})`
    );
  } catch (error) {
    const detail = (error.message ?? "").split("\n")[0];
    throw new LoadJobError(
      `Error while reading data, error message: ${detail} File: ${load2.uri}`,
      "invalid",
      status3.INVALID_ARGUMENT
    );
  }
}

// packages/local-cloud/src/formats/index.ts
function checkFormatSupported(format) {
  if (format === "AVRO" || format === "ORC") {
    throw new LoadJobError(
      `${format} is not supported by the local cloud; use PARQUET, CSV or JSON`,
      "notImplemented",
      status4.UNIMPLEMENTED
    );
  }
}
function readRecords(format, file, options) {
  return format === "CSV" ? readCsv(file.uri, file.body, options) : readNdjson(file.body);
}

// packages/local-cloud/src/bigquery/engine/table-writes.ts
import { DuckDBDataChunk, TIMESTAMPTZ as TIMESTAMPTZ2 } from "@duckdb/node-api";

// packages/local-cloud/src/bigquery/engine/engine-values.ts
import {
  blobValue,
  dateValue,
  decimalValue,
  listValue,
  structValue,
  timestampTZValue,
  timestampValue,
  timeValue
} from "@duckdb/node-api";
var MICROS_PER_SECOND = 1000000n;
var MS_PER_DAY = 864e5;
function unscaledNumeric(text) {
  const negative = text.startsWith("-");
  const [whole = "0", fraction2 = ""] = text.replace(/^[+-]/, "").split(".");
  const digits = BigInt(`${whole}${fraction2.padEnd(NUMERIC_SCALE, "0")}`);
  return negative ? -digits : digits;
}
function timeMicros(text) {
  const [clock = "", fraction2 = ""] = text.split(".");
  const [hours = 0, minutes = 0, seconds = 0] = clock.split(":").map(Number);
  const whole = BigInt(hours * 3600 + minutes * 60 + seconds) * MICROS_PER_SECOND;
  return whole + BigInt(fraction2.padEnd(6, "0").slice(0, 6) || "0");
}
function epochDays(text) {
  const [year = 1970, month = 1, day = 1] = text.split("-").map(Number);
  const date = /* @__PURE__ */ new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}
function civilMicros(text) {
  const [datePart2 = "", timePart = "00:00:00"] = text.split("T");
  return BigInt(epochDays(datePart2)) * 86400n * MICROS_PER_SECOND + timeMicros(timePart);
}
function scalar(field, value) {
  if (value === null) return null;
  switch (field.type) {
    case "INTEGER":
      return BigInt(value);
    case "NUMERIC":
      return decimalValue(unscaledNumeric(String(value)), NUMERIC_WIDTH, NUMERIC_SCALE);
    case "BYTES":
      return blobValue(Buffer.from(String(value), "base64"));
    case "DATE":
      return dateValue(epochDays(String(value)));
    case "DATETIME":
      return timestampValue(civilMicros(String(value)));
    case "TIME":
      return timeValue(timeMicros(String(value)));
    case "TIMESTAMP":
      return timestampTZValue(value);
    case "RECORD":
      return structValue(engineRow(field.fields ?? [], value));
    default:
      return value;
  }
}
function engineValue(field, value) {
  if (field.mode === "REPEATED") {
    return listValue((Array.isArray(value) ? value : []).map((item) => scalar(field, item)));
  }
  return scalar(field, value);
}
function engineRow(fields, row) {
  const out = {};
  for (const field of fields) out[field.name] = engineValue(field, row[field.name] ?? null);
  return out;
}

// packages/local-cloud/src/bigquery/engine/table-writes.ts
async function createStage(connection, engine, table) {
  const stage = engine.newTableName("stage");
  await connection.run(`CREATE TABLE ${sqlName(stage)} AS SELECT * FROM ${sqlName(table.storage)} LIMIT 0`);
  return stage;
}
async function dropStage(connection, stage) {
  await connection.run(`DROP TABLE IF EXISTS ${sqlName(stage)}`);
}
var CHUNK_ROWS = 2048;
async function appendRows(connection, stage, table, rows) {
  if (rows.length === 0) return;
  const types = table.schema.map(columnType);
  if (isIngestionTime(table)) types.push(TIMESTAMPTZ2);
  const appender = await connection.createAppender(stage);
  try {
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      const slice = rows.slice(start, start + CHUNK_ROWS);
      const columns = table.schema.map(
        (field) => slice.map((row) => engineValue(field, row[field.name] ?? null))
      );
      if (isIngestionTime(table)) columns.push(slice.map(() => null));
      const chunk = DuckDBDataChunk.create(types, slice.length);
      chunk.setColumns(columns);
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
async function stagedRows(connection, table, stage) {
  const id = isPartitioned(table) ? partitionIdSql(table) : "NULL";
  const reader = await connection.runAndReadAll(
    `SELECT ${id} AS id, count(*) FROM ${sqlName(stage)} GROUP BY ALL ORDER BY id`
  );
  const groups = reader.getRowsJS();
  return {
    rows: groups.reduce((sum, [, count]) => sum + Number(count), 0),
    partitions: isPartitioned(table) ? groups.map(([partition]) => String(partition)) : []
  };
}
async function countRows(connection, name, where = "") {
  const reader = await connection.runAndReadAll(`SELECT count(*) FROM ${sqlName(name)}${where}`);
  return Number(reader.getRowsJS()[0]?.[0] ?? 0);
}
function checkDecorator(table, plan, partitions) {
  if (plan.partitionId === void 0 || isIngestionTime(table)) return;
  if (partitions.some((id) => id !== plan.partitionId)) {
    throw new BigQueryApiError(
      "invalid",
      `Some rows belong to different partitions rather than destination partition ${plan.partitionId}`
    );
  }
}
async function replaceOrAppend(connection, table, stage, plan) {
  const target = sqlName(table.storage);
  const scope = plan.partitionId === void 0 ? "" : ` WHERE ${partitionFilterSql(table, plan.partitionId)}`;
  if (plan.disposition === "WRITE_EMPTY" && await countRows(connection, table.storage, scope) > 0) {
    throw new BigQueryApiError(
      "duplicate",
      `Already Exists: Table ${tableName(table.projectId, table.datasetId, table.tableId)}`
    );
  }
  if (plan.disposition === "WRITE_TRUNCATE") await connection.run(`DELETE FROM ${target}${scope}`);
  try {
    await connection.run(`INSERT INTO ${target} SELECT * FROM ${sqlName(stage)}`);
  } catch (error) {
    const message = error.message;
    const column2 = /NOT NULL constraint failed: [^.]+\.(\S+)/.exec(message)?.[1];
    if (column2) throw new BigQueryApiError("invalid", `Required field ${column2} cannot be null`);
    throw error;
  }
}
async function commitStage(connection, table, stage, plan) {
  if (isIngestionTime(table) && plan.partitionTimeMicros !== void 0) {
    const instant2 = `CAST(make_timestamp(${plan.partitionTimeMicros}) AS TIMESTAMPTZ)`;
    await connection.run(`UPDATE ${sqlName(stage)} SET ${sqlName(PARTITION_TIME)} = ${instant2}`);
  }
  const { rows, partitions } = await stagedRows(connection, table, stage);
  checkDecorator(table, plan, partitions);
  await inTransaction(connection, () => replaceOrAppend(connection, table, stage, plan));
  recordModification(table, plan, partitions);
  return { rows, partitions };
}
function recordModification(table, plan, partitions) {
  if (plan.disposition === "WRITE_TRUNCATE" && plan.partitionId === void 0)
    table.partitionModified.clear();
  if (plan.partitionId !== void 0) table.partitionModified.set(plan.partitionId, plan.nowMs);
  for (const id of partitions) table.partitionModified.set(id, plan.nowMs);
  table.lastModifiedTime = plan.nowMs;
}

// packages/local-cloud/src/bigquery/partition-ids.ts
var PATTERNS = [
  ["HOUR", /^(\d{4})(\d{2})(\d{2})(\d{2})$/],
  ["DAY", /^(\d{4})(\d{2})(\d{2})$/],
  ["MONTH", /^(\d{4})(\d{2})$/],
  ["YEAR", /^(\d{4})$/]
];
function splitDecorator(tableId) {
  const at2 = tableId.indexOf("$");
  if (at2 < 0) return { table: tableId };
  return { table: tableId.slice(0, at2), decorator: tableId.slice(at2 + 1) };
}
function timeParts(id) {
  for (const [type, pattern] of PATTERNS) {
    const match = pattern.exec(id);
    if (!match) continue;
    const [year = 0, month = 1, day = 1, hour = 0] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24;
    return real ? { type, year, month, day, hour } : void 0;
  }
  return void 0;
}
function decoratorGranularity(decorator) {
  return timeParts(decorator)?.type;
}
function partitionIdOfInstant(epochMs, type) {
  const iso = new Date(epochMs).toISOString();
  const year = iso.slice(0, 4);
  const month = iso.slice(5, 7);
  const day = iso.slice(8, 10);
  const hour = iso.slice(11, 13);
  return {
    YEAR: year,
    MONTH: `${year}${month}`,
    DAY: `${year}${month}${day}`,
    HOUR: `${year}${month}${day}${hour}`
  }[type];
}
function partitionStartMs(partitionId) {
  const parts = timeParts(partitionId);
  if (!parts) throw new Error(`${partitionId} is not a time partition id`);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour);
}
function isRangePartitionId(id, range) {
  if (!/^-?\d+$/.test(id)) return false;
  const value = BigInt(id);
  return value >= range.start && value < range.end && (value - range.start) % range.interval === 0n;
}

// packages/local-cloud/src/bigquery/load-target.ts
var EXPECTED = {
  HOUR: "YYYYMMDDHH",
  DAY: "YYYYMMDD",
  MONTH: "YYYYMM",
  YEAR: "YYYY"
};
function invalid(message) {
  return new BigQueryApiError("invalid", message);
}
function rangeTarget(table, decorator, name) {
  const range = table.rangePartitioning;
  if (range && isRangePartitionId(decorator, range)) return { partitionId: decorator };
  throw invalid(
    `Invalid partition decorator $${decorator} for table ${name}: an integer-range table's partitions are addressed by the start of their range.`
  );
}
function resolveTarget(table, tableId, loadTime) {
  const { decorator } = splitDecorator(tableId);
  const name = tableName(table.projectId, table.datasetId, table.tableId);
  const partitioning = table.timePartitioning;
  const ingestion = isIngestionTime(table);
  if (decorator === void 0) {
    if (!ingestion || !partitioning) return {};
    const start = partitionStartMs(partitionIdOfInstant(loadTime.getTime(), partitioning.type));
    return { partitionTimeMicros: BigInt(start) * 1000n };
  }
  if (table.rangePartitioning) return rangeTarget(table, decorator, name);
  if (!partitioning) {
    throw invalid(
      `Cannot load into partition ${decorator} of table ${name}: the table is not partitioned. Use the plain table name.`
    );
  }
  const granularity = decoratorGranularity(decorator);
  if (!granularity) {
    throw invalid(
      `Invalid partition decorator $${decorator} for table ${name}: expected $${EXPECTED[partitioning.type]}.`
    );
  }
  if (granularity !== partitioning.type) {
    throw invalid(
      `Invalid partition decorator $${decorator}: table ${name} is partitioned by ${partitioning.type}, so its partitions are addressed as $${EXPECTED[partitioning.type]}.`
    );
  }
  if (!ingestion) return { partitionId: decorator };
  return { partitionId: decorator, partitionTimeMicros: BigInt(partitionStartMs(decorator)) * 1000n };
}

// packages/local-cloud/src/bigquery/staged-write.ts
async function writeThroughStage(store, write2) {
  const { table, disposition, now } = write2;
  const target = resolveTarget(table, write2.tableId, now);
  const engine = store.storage.engine;
  return engine.exclusive(async (connection) => {
    const stage = await createStage(connection, engine, table);
    try {
      const filled = await write2.fill(connection, stage);
      const written = await commitStage(connection, table, stage, {
        disposition,
        ...target,
        nowMs: now.getTime()
      });
      return { written, filled };
    } finally {
      await dropStage(connection, stage);
    }
  });
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
      if (typeof value !== "object" || value === null) {
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
var DECIMAL_LIMITS = {
  NUMERIC: { whole: 29, fraction: 9 },
  BIGNUMERIC: { whole: 38, fraction: 38 }
};
function toNumeric(field, value) {
  const text = typeof value === "number" || typeof value === "bigint" ? String(value) : value;
  if (typeof text !== "string" || !/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text)) {
    throw cannotConvert(field, value, field.type.toLowerCase());
  }
  const normalized = normalizeDecimal(text.trim());
  const [whole = "", fraction2 = ""] = normalized.replace("-", "").split(".");
  const limits = DECIMAL_LIMITS[field.type] ?? { whole: 29, fraction: 9 };
  if (whole.length > limits.whole || fraction2.length > limits.fraction) {
    throw new RowError(`Invalid ${field.type} value: ${text.trim()} Field: ${field.name}`);
  }
  return normalized;
}
function normalizeDecimal(text) {
  const match = /^([+-]?)(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign = "", whole = "", fraction2 = "", exponentText] = match;
  let digits = `${whole}${fraction2}`;
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
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  throw cannotConvert(field, value, "string");
}
function toBytes(field, value) {
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
  const [, hours = "0", minutes = "0", seconds = "0", fraction2] = match;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return void 0;
  const base = `${pad(hours, 2)}:${minutes}:${pad(seconds, 2)}`;
  return fraction2 ? `${base}.${fraction2}` : base;
}
function toDate(field, value) {
  const match = typeof value === "string" ? DATE_TEXT.exec(value.trim()) : null;
  const date = match ? civilDate(Number(match[1]), Number(match[2]), Number(match[3])) : void 0;
  if (!date) throw cannotConvert(field, value, "date");
  return date;
}
function toDatetime(field, value) {
  if (typeof value === "string") {
    const [datePart2 = "", timePart] = value.trim().split(/[T ]/, 2);
    const match = DATE_TEXT.exec(datePart2);
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
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction2 = "", zone] = match;
  if (!civilDate(Number(y), Number(mo), Number(d)) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return void 0;
  }
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  let micros = BigInt(ms) * 1000n + BigInt(fraction2.slice(0, 6).padEnd(6, "0"));
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
    datasetLocation: (projectId, datasetId) => store.hasDataset(projectId, datasetId) ? store.getDataset(projectId, datasetId).location.toLowerCase() : void 0,
    load: (request) => runLoadJob(store, quota, clock, request)
  };
}
var GRPC_OF = {
  notFound: status5.NOT_FOUND,
  quotaExceeded: status5.RESOURCE_EXHAUSTED,
  accessDenied: status5.PERMISSION_DENIED,
  notImplemented: status5.UNIMPLEMENTED
};
function asLoadError(error) {
  if (!(error instanceof BigQueryApiError)) return error;
  const reason = error.reason in GRPC_OF ? error.reason : "invalid";
  return new LoadJobError(error.message, reason, GRPC_OF[error.reason] ?? status5.INVALID_ARGUMENT);
}
async function runLoadJob(store, quota, clock, request) {
  const { projectId, datasetId } = request;
  const [plainTable = ""] = request.tableId.split("$");
  quota.take(projectId, tableName(projectId, datasetId, plainTable));
  checkFormatSupported(request.format);
  const table = findTable(store, projectId, datasetId, plainTable);
  const loadTime = clock();
  try {
    const { written, filled: badRecords } = await writeThroughStage(store, {
      table,
      tableId: request.tableId,
      disposition: request.writeDisposition,
      now: loadTime,
      fill: (connection, stage) => fillStage(connection, store, table, stage, request)
    });
    return { rowsLoaded: written.rows, badRecords, partitions: written.partitions };
  } catch (error) {
    throw asLoadError(error);
  }
}
function findTable(store, projectId, datasetId, tableId) {
  const name = tableName(projectId, datasetId, tableId);
  let table;
  try {
    table = store.getTable(projectId, datasetId, tableId);
  } catch {
    throw new LoadJobError(`Not found: Table ${name}`, "notFound", status5.NOT_FOUND);
  }
  if (table.kind !== "TABLE") {
    throw new LoadJobError(`Cannot load into ${name}: it is a view.`, "invalid", status5.INVALID_ARGUMENT);
  }
  if (table.schema.length === 0) {
    throw new LoadJobError(
      `Table ${name} has no schema. Create the table with a schema before loading; transfers never create or infer it.`,
      "invalid",
      status5.INVALID_ARGUMENT
    );
  }
  return table;
}
async function fillStage(connection, store, table, stage, request) {
  if (request.format === "PARQUET") {
    for (const [index, file] of request.files.entries()) {
      await loadParquet({
        connection,
        stageDir: store.storage.engine.stageDir,
        fileName: `${stage}_${index}.parquet`,
        body: file.body,
        uri: file.uri,
        stage,
        fields: table.schema,
        trailingNulls: isIngestionTime(table) ? 1 : 0,
        table: tableName(table.projectId, table.datasetId, table.tableId),
        ignoreUnknownValues: request.ignoreUnknownValues
      });
    }
    return 0;
  }
  const { rows, errors, total } = convertFiles(table, request);
  if (errors.length > request.maxBadRecords) throw tooManyErrors(request, total, errors);
  await appendRows(connection, stage, table, rows);
  return errors.length;
}
function convertFiles(table, request) {
  const rows = [];
  const errors = [];
  let total = 0;
  const options = {
    columns: request.columns ?? table.schema.map((field) => field.name),
    ignoreUnknownValues: request.ignoreUnknownValues,
    csv: request.csv
  };
  for (const file of request.files) {
    for (const record of readRecords(request.format, file, options)) {
      total += 1;
      if ("error" in record) {
        errors.push(`${file.uri}: ${record.error}`);
        continue;
      }
      try {
        rows.push(
          convertRow(table.schema, record.values, { ignoreUnknownValues: request.ignoreUnknownValues })
        );
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        errors.push(`${file.uri}: ${error.message}`);
      }
    }
    if (errors.length > request.maxBadRecords) break;
  }
  return { rows, errors, total };
}
function tooManyErrors(request, rows, errors) {
  return new LoadJobError(
    `Error while reading data, error message: ${request.format} table encountered too many errors, giving up. Rows: ${rows}; errors: ${errors.length}. Please look into the errors[] collection for more details. First error: ${errors[0]}`,
    "invalid",
    status5.INVALID_ARGUMENT
  );
}

// packages/local-cloud/src/bigquery/ddl-runner.ts
import { DuckDBTimestampTZValue } from "@duckdb/node-api";

// packages/local-cloud/src/bigquery/sql/engine-errors.ts
var PATTERNS2 = [
  [/Referenced column "([^"]+)" not found/, (match) => `Unrecognized name: ${match[1]}`],
  [/does not have a column named "([^"]+)"/, (match) => `Unrecognized name: ${match[1]}`],
  [
    /Column "([^"]+)" referenced that exists in the SELECT clause/,
    (match) => `Unrecognized name: ${match[1]}`
  ],
  [/Scalar Function with name "?([\w.]+)"? does not exist/i, (match) => `Function not found: ${match[1]}`],
  [
    /(?:Table|Aggregate) Function with name "?([\w.]+)"? does not exist/i,
    (match) => `Function not found: ${match[1]}`
  ],
  [/Parser Error: (.*)/, (match) => `Syntax error: ${match[1]}`],
  [/NOT NULL constraint failed: [^.]+\.(\S+)/, (match) => `Required field ${match[1]} cannot be null`]
];
function readable(message, tables) {
  let text = message;
  for (const table of tables) {
    text = text.replaceAll(`"${table.storage}"`, `${table.datasetId}.${table.tableId}`);
    text = text.replace(new RegExp(`\\b${table.storage}\\b`, "g"), `${table.datasetId}.${table.tableId}`);
  }
  return text;
}
function queryError(error, tables) {
  if (error instanceof BigQueryApiError) return error;
  const full = error instanceof Error ? error.message : String(error);
  const first = readable(full.split("\n")[0] ?? full, tables);
  for (const [pattern, render] of PATTERNS2) {
    const match = pattern.exec(first);
    if (match) {
      const reason = /NOT NULL/.test(first) ? "invalid" : "invalidQuery";
      return new BigQueryApiError(reason, `${render(match)} (the local cloud's SQL engine: ${first})`);
    }
  }
  return new BigQueryApiError(
    "invalidQuery",
    `The local cloud's SQL engine could not run this query: ${first}`
  );
}

// packages/local-cloud/src/bigquery/sql/lexer.ts
var QUERY_CLAUSES = [
  "WHERE",
  "GROUP",
  "HAVING",
  "QUALIFY",
  "WINDOW",
  "ORDER",
  "LIMIT",
  "UNION",
  "INTERSECT",
  "EXCEPT"
];
var SYMBOLS = [">=", "<=", "<>", "!=", "||", "<<", ">>", "=>"];
var SINGLE_SYMBOLS = new Set("()[],.;+-*/=<>~&|^{}:%!".split(""));
var WORD_START = /[A-Za-z_]/;
var WORD_PART = /[A-Za-z0-9_]/;
function positionOf(sql, offset) {
  const before = sql.slice(0, offset).split("\n");
  return `[${before.length}:${(before.at(-1)?.length ?? 0) + 1}]`;
}
function syntaxError(sql, offset, detail) {
  return new BigQueryApiError("invalidQuery", `Syntax error: ${detail} at ${positionOf(sql, offset)}`);
}
var Lexer = class {
  constructor(sql) {
    this.sql = sql;
  }
  sql;
  at = 0;
  tokens = [];
  spaceBefore = false;
  run() {
    while (this.at < this.sql.length) {
      if (this.skipSpaceOrComment()) {
        this.spaceBefore = true;
        continue;
      }
      this.tokens.push(this.next());
      this.spaceBefore = false;
    }
    return this.tokens;
  }
  skipSpaceOrComment() {
    const { sql, at: at2 } = this;
    const char = sql[at2] ?? "";
    if (/\s/.test(char)) {
      this.at += 1;
      return true;
    }
    if (char === "#" || sql.startsWith("--", at2)) {
      const end = sql.indexOf("\n", at2);
      this.at = end < 0 ? sql.length : end + 1;
      return true;
    }
    if (sql.startsWith("/*", at2)) {
      const end = sql.indexOf("*/", at2 + 2);
      if (end < 0) throw syntaxError(sql, at2, "Unclosed comment");
      this.at = end + 2;
      return true;
    }
    return false;
  }
  token(kind, start, value) {
    return { kind, text: this.sql.slice(start, this.at), value, start, spaceBefore: this.spaceBefore };
  }
  next() {
    const { sql, at: at2 } = this;
    const char = sql[at2] ?? "";
    const prefix = /^(rb|br|r|b)(?=['"])/i.exec(sql.slice(at2, at2 + 3))?.[0];
    if (prefix) return this.stringLiteral(prefix.toLowerCase());
    if (char === "'" || char === '"') return this.stringLiteral("");
    if (char === "`") return this.quoted(at2);
    if (WORD_START.test(char)) return this.word(at2);
    if (/[0-9]/.test(char) || char === "." && /[0-9]/.test(sql[at2 + 1] ?? "")) return this.number(at2);
    if (char === "@") return this.parameter(at2);
    if (char === "?") {
      this.at += 1;
      return this.token("positional", at2, "?");
    }
    const pair = sql.slice(at2, at2 + 2);
    if (SYMBOLS.includes(pair)) {
      this.at += 2;
      return this.token("symbol", at2, pair);
    }
    if (SINGLE_SYMBOLS.has(char)) {
      this.at += 1;
      return this.token("symbol", at2, char);
    }
    throw syntaxError(sql, at2, `Illegal input character "${char}"`);
  }
  word(start) {
    while (WORD_PART.test(this.sql[this.at] ?? "")) this.at += 1;
    return this.token("word", start, this.sql.slice(start, this.at).toUpperCase());
  }
  quoted(start) {
    const end = this.sql.indexOf("`", start + 1);
    if (end < 0) throw syntaxError(this.sql, start, "Unclosed identifier literal");
    this.at = end + 1;
    const name = this.sql.slice(start + 1, end);
    if (name === "") throw syntaxError(this.sql, start, "Invalid empty identifier");
    return this.token("quoted", start, name);
  }
  number(start) {
    const match = /^(0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(this.sql.slice(start));
    this.at = start + (match?.[0].length ?? 1);
    return this.token("number", start, match?.[0] ?? "");
  }
  parameter(start) {
    const system = this.sql[start + 1] === "@";
    this.at = start + (system ? 2 : 1);
    if (this.sql[this.at] === "`") {
      const name = this.quoted(this.at).value;
      return this.token(system ? "sysvar" : "param", start, name);
    }
    const nameStart = this.at;
    while (/[A-Za-z0-9_.]/.test(this.sql[this.at] ?? "")) this.at += 1;
    if (this.at === nameStart) throw syntaxError(this.sql, start, 'Unexpected "@"');
    return this.token(system ? "sysvar" : "param", start, this.sql.slice(nameStart, this.at));
  }
  stringLiteral(prefix) {
    const start = this.at;
    this.at += prefix.length;
    const quote = this.sql[this.at] ?? "'";
    const triple = this.sql.startsWith(quote.repeat(3), this.at);
    const delimiter = triple ? quote.repeat(3) : quote;
    this.at += delimiter.length;
    const raw = prefix.includes("r");
    let value = "";
    for (; ; ) {
      if (this.at >= this.sql.length) throw syntaxError(this.sql, start, "Unclosed string literal");
      if (this.sql.startsWith(delimiter, this.at)) break;
      const char = this.sql[this.at] ?? "";
      if (!triple && char === "\n") throw syntaxError(this.sql, start, "Unclosed string literal");
      if (char === "\\") {
        value += raw ? this.sql.slice(this.at, this.at + 2) : this.escape();
        this.at += raw ? 2 : 0;
        continue;
      }
      value += char;
      this.at += 1;
    }
    this.at += delimiter.length;
    return this.token(prefix.includes("b") ? "bytes" : "string", start, value);
  }
  /** Decodes one escape sequence at the cursor and moves past it. */
  escape() {
    const { sql } = this;
    const kind = sql[this.at + 1] ?? "";
    const simple = {
      a: "\x07",
      b: "\b",
      f: "\f",
      n: "\n",
      r: "\r",
      t: "	",
      v: "\v",
      "\\": "\\",
      "?": "?",
      '"': '"',
      "'": "'",
      "`": "`"
    };
    const direct = simple[kind];
    if (direct !== void 0) {
      this.at += 2;
      return direct;
    }
    const patterns = [
      [/^[0-7]{3}/, 8],
      [/^[xX][0-9a-fA-F]{2}/, 16],
      [/^u[0-9a-fA-F]{4}/, 16],
      [/^U[0-9a-fA-F]{8}/, 16]
    ];
    for (const [pattern, radix] of patterns) {
      const match = pattern.exec(sql.slice(this.at + 1));
      if (!match) continue;
      this.at += 1 + match[0].length;
      const digits = radix === 8 ? match[0] : match[0].slice(1);
      return String.fromCodePoint(Number.parseInt(digits, radix));
    }
    throw syntaxError(sql, this.at, `Illegal escape sequence: \\${kind}`);
  }
};
function tokenize(sql) {
  return new Lexer(sql).run();
}
function isWord(token, ...words) {
  return token?.kind === "word" && words.includes(token.value);
}
function isSymbol(token, ...symbols) {
  return token?.kind === "symbol" && symbols.includes(token.value);
}
function closingIndex(tokens, open) {
  const opener = tokens[open]?.value;
  const closer = opener === "[" ? "]" : ")";
  let depth = 0;
  for (let index = open; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (isSymbol(token, opener ?? "(")) depth += 1;
    else if (isSymbol(token, closer)) {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}
var EXPRESSION_BRACKETS = { open: ["(", "["], close: [")", "]"] };
function* topLevelIndices(tokens, from, to, brackets = EXPRESSION_BRACKETS) {
  let depth = 0;
  for (let index = from; index < to; index += 1) {
    const token = tokens[index];
    if (isSymbol(token, ...brackets.open)) depth += 1;
    else if (isSymbol(token, ...brackets.close)) depth -= 1;
    else if (depth === 0) yield index;
  }
}
function splitTopLevel(tokens, from, to, brackets = EXPRESSION_BRACKETS) {
  const parts = [];
  let partStart = from;
  for (const index of topLevelIndices(tokens, from, to, brackets)) {
    if (!isSymbol(tokens[index], ",")) continue;
    parts.push([partStart, index]);
    partStart = index + 1;
  }
  if (to > partStart || parts.length > 0) parts.push([partStart, to]);
  return parts;
}
function topLevelWord(tokens, from, to, word) {
  for (const index of topLevelIndices(tokens, from, to)) if (isWord(tokens[index], word)) return index;
  return -1;
}

// packages/local-cloud/src/bigquery/sql/type-names.ts
var SIMPLE = {
  INT64: "BIGINT",
  INT: "BIGINT",
  INTEGER: "BIGINT",
  SMALLINT: "BIGINT",
  BIGINT: "BIGINT",
  TINYINT: "BIGINT",
  BYTEINT: "BIGINT",
  FLOAT64: "DOUBLE",
  FLOAT: "DOUBLE",
  NUMERIC: "DECIMAL(38,9)",
  DECIMAL: "DECIMAL(38,9)",
  // BIGNUMERIC has 76 digits; the engine's widest exact decimal has 38.
  BIGNUMERIC: "DECIMAL(38,18)",
  BIGDECIMAL: "DECIMAL(38,18)",
  STRING: "VARCHAR",
  BYTES: "BLOB",
  BOOL: "BOOLEAN",
  BOOLEAN: "BOOLEAN",
  DATE: "DATE",
  DATETIME: "TIMESTAMP",
  TIME: "TIME",
  TIMESTAMP: "TIMESTAMPTZ",
  JSON: "JSON",
  GEOGRAPHY: "VARCHAR",
  INTERVAL: "INTERVAL"
};
function unsupported(what) {
  return new BigQueryApiError("invalidQuery", `The local cloud does not support ${what}.`);
}
function translateType(tokens, from, to) {
  const parser = new TypeParser(tokens, from, to);
  const type = parser.type();
  if (parser.at < to) throw unsupported(`the type syntax near "${tokens[parser.at]?.text}"`);
  return type;
}
var TypeParser = class {
  constructor(tokens, at2, end) {
    this.tokens = tokens;
    this.at = at2;
    this.end = end;
  }
  tokens;
  at;
  end;
  halfClosed = false;
  take() {
    const token = this.tokens[this.at];
    if (!token || this.at >= this.end) throw unsupported("an incomplete type name");
    this.at += 1;
    return token;
  }
  expect(symbol) {
    const token = this.take();
    if (!isSymbol(token, symbol)) throw unsupported(`the type syntax near "${token.text}"`);
  }
  type() {
    const name = this.take().value.toUpperCase();
    if (name === "ARRAY") {
      this.expect("<");
      const element = this.type();
      this.closeAngle();
      return `${element}[]`;
    }
    if (name === "STRUCT") return this.struct();
    if (name === "RANGE") throw unsupported("RANGE values");
    const simple = SIMPLE[name];
    if (!simple) throw unsupported(`the type ${name}`);
    if ((name === "NUMERIC" || name === "DECIMAL") && isSymbol(this.tokens[this.at], "(")) {
      return this.parameterizedDecimal();
    }
    if (isSymbol(this.tokens[this.at], "(")) this.skipParameters();
    return simple;
  }
  /** `>>` closes two nested types at once: the first close leaves it half used. */
  closeAngle() {
    const token = this.tokens[this.at];
    if (isSymbol(token, ">>")) {
      if (this.halfClosed) this.at += 1;
      this.halfClosed = !this.halfClosed;
      return;
    }
    this.expect(">");
  }
  struct() {
    this.expect("<");
    const members = [];
    for (; ; ) {
      const name = this.take();
      members.push(`"${name.value.replace(/"/g, '""')}" ${this.type()}`);
      if (isSymbol(this.tokens[this.at], ",")) {
        this.at += 1;
        continue;
      }
      this.closeAngle();
      return `STRUCT(${members.join(", ")})`;
    }
  }
  parameterizedDecimal() {
    this.expect("(");
    const precision = Number(this.take().value);
    let scale = 0;
    if (isSymbol(this.tokens[this.at], ",")) {
      this.at += 1;
      scale = Number(this.take().value);
    }
    this.expect(")");
    if (!(precision <= 38 && scale <= precision)) return "DECIMAL(38,9)";
    return `DECIMAL(${precision},${scale})`;
  }
  /** STRING(10), BYTES(5): the engine does not bound lengths. */
  skipParameters() {
    while (this.at < this.end && !isSymbol(this.tokens[this.at], ")")) this.at += 1;
    this.at += 1;
  }
};

// packages/local-cloud/src/bigquery/sql/information-schema.ts
var SQL_TYPE_OF = { INTEGER: "INT64", FLOAT: "FLOAT64", BOOLEAN: "BOOL" };
function sqlTypeName(field) {
  const base = field.type === "RECORD" ? `STRUCT<${(field.fields ?? []).map((child) => `${child.name} ${sqlTypeName(child)}`).join(", ")}>` : SQL_TYPE_OF[field.type] ?? field.type;
  return field.mode === "REPEATED" ? `ARRAY<${base}>` : base;
}
var timestamp = (ms) => `TIMESTAMPTZ '${new Date(ms).toISOString()}'`;
function partitionsOf(table) {
  const names = `${sqlText(table.projectId)} AS table_catalog, ${sqlText(table.datasetId)} AS table_schema, ${sqlText(table.tableId)} AS table_name`;
  const source2 = sqlName(table.storage);
  const bytes = `CAST(coalesce(sum(${rowBytesSql(table)}), 0) AS BIGINT)`;
  if (!isPartitioned(table)) {
    return `SELECT ${names}, CAST(NULL AS VARCHAR) AS partition_id, CAST(count(*) AS BIGINT) AS total_rows, ${bytes} AS total_logical_bytes, ${timestamp(table.lastModifiedTime)} AS last_modified_time, 'ACTIVE' AS storage_tier FROM ${source2}`;
  }
  const modified = [...table.partitionModified].map(
    ([id, ms]) => `WHEN ${sqlText(id)} THEN ${timestamp(ms)}`
  );
  const fallback = timestamp(table.lastModifiedTime);
  const lastModified = modified.length ? `CASE partition_id ${modified.join(" ")} ELSE ${fallback} END` : fallback;
  return `SELECT *, ${lastModified} AS last_modified_time, 'ACTIVE' AS storage_tier FROM (SELECT ${names}, ${partitionIdSql(table)} AS partition_id, CAST(count(*) AS BIGINT) AS total_rows, ${bytes} AS total_logical_bytes FROM ${source2} GROUP BY ALL)`;
}
var PARTITIONS_EMPTY = "SELECT CAST(NULL AS VARCHAR) AS table_catalog, CAST(NULL AS VARCHAR) AS table_schema, CAST(NULL AS VARCHAR) AS table_name, CAST(NULL AS VARCHAR) AS partition_id, CAST(NULL AS BIGINT) AS total_rows, CAST(NULL AS BIGINT) AS total_logical_bytes, CAST(NULL AS TIMESTAMPTZ) AS last_modified_time, CAST(NULL AS VARCHAR) AS storage_tier WHERE false";
function tableDdl(table) {
  const name = `\`${table.projectId}.${table.datasetId}.${table.tableId}\``;
  if (table.kind === "VIEW") return `CREATE VIEW ${name}
AS ${table.viewQuery ?? ""};`;
  const columns = table.schema.map(
    (field) => `  ${field.name} ${sqlTypeName(field)}${field.mode === "REQUIRED" ? " NOT NULL" : ""}`
  );
  return `CREATE TABLE ${name}
(
${columns.join(",\n")}
);`;
}
function tablesRow(table) {
  const kind = table.kind === "VIEW" ? "VIEW" : "BASE TABLE";
  return `SELECT ${sqlText(table.projectId)} AS table_catalog, ${sqlText(table.datasetId)} AS table_schema, ${sqlText(table.tableId)} AS table_name, '${kind}' AS table_type, '${table.kind === "VIEW" ? "NO" : "YES"}' AS is_insertable_into, 'NO' AS is_typed, ${timestamp(table.creationTime)} AS creation_time, ${sqlText(tableDdl(table))} AS ddl`;
}
function columnRows(table) {
  const prefix = `${sqlText(table.projectId)} AS table_catalog, ${sqlText(table.datasetId)} AS table_schema, ${sqlText(table.tableId)} AS table_name`;
  const partitionField = table.timePartitioning?.field ?? table.rangePartitioning?.field;
  const rows = table.schema.map((field, index) => {
    const clusterAt = (table.clustering ?? []).indexOf(field.name);
    return `SELECT ${prefix}, ${sqlText(field.name)} AS column_name, ${index + 1} AS ordinal_position, '${field.mode === "REQUIRED" ? "NO" : "YES"}' AS is_nullable, ${sqlText(sqlTypeName(field))} AS data_type, 'NO' AS is_hidden, 'NO' AS is_system_defined, '${field.name === partitionField ? "YES" : "NO"}' AS is_partitioning_column, ${clusterAt < 0 ? "CAST(NULL AS BIGINT)" : clusterAt + 1} AS clustering_ordinal_position`;
  });
  if (isIngestionTime(table)) {
    for (const [name, type] of [
      [PARTITION_TIME, "TIMESTAMP"],
      [PARTITION_DATE, "DATE"]
    ]) {
      rows.push(
        `SELECT ${prefix}, '${name}', NULL, 'YES', '${type}', 'YES', 'YES', 'YES', CAST(NULL AS BIGINT)`
      );
    }
  }
  return rows;
}
function blankTable() {
  return {
    projectId: "",
    datasetId: "",
    tableId: "",
    kind: "TABLE",
    schema: [{ name: "", type: "STRING" }],
    requirePartitionFilter: false,
    labels: {},
    creationTime: 0,
    lastModifiedTime: 0,
    etag: 0,
    storage: "",
    partitionModified: /* @__PURE__ */ new Map(),
    recentInsertIds: /* @__PURE__ */ new Map()
  };
}
var unionOrEmpty = (rows, empty) => rows.length > 0 ? rows.join(" UNION ALL ") : `${empty} WHERE false`;
function informationSchemaSql(dataset, view, onlyTable) {
  const named = onlyTable === void 0 ? void 0 : dataset.tables.get(onlyTable);
  const all = onlyTable === void 0 ? [...dataset.tables.values()] : named ? [named] : [];
  const tables = all.sort((a, b) => a.tableId.localeCompare(b.tableId));
  switch (view) {
    case "PARTITIONS": {
      const stored = tables.filter(
        (table) => table.kind === "TABLE" && table.schema.length + (isIngestionTime(table) ? 1 : 0) > 0
      );
      const parts = stored.map(partitionsOf);
      return { sql: parts.length ? parts.join(" UNION ALL ") : PARTITIONS_EMPTY, tables: stored };
    }
    case "TABLES":
      return { sql: unionOrEmpty(tables.map(tablesRow), tablesRow(blankTable())), tables: [] };
    case "COLUMNS":
      return {
        sql: unionOrEmpty(tables.flatMap(columnRows), columnRows(blankTable())[0] ?? ""),
        tables: []
      };
    default:
      throw unsupported(`INFORMATION_SCHEMA.${view} (the local cloud serves PARTITIONS, TABLES and COLUMNS)`);
  }
}

// packages/local-cloud/src/bigquery/sql/path-expression.ts
function readPath(tokens, index, { dashedWords }) {
  const parts = [];
  let at2 = index;
  for (; ; ) {
    const token = tokens[at2];
    if (token?.kind === "quoted") parts.push(...token.value.split("."));
    else if (token?.kind === "word") {
      let name = token.text;
      while (dashedWords && isSymbol(tokens[at2 + 1], "-") && !tokens[at2 + 1]?.spaceBefore && !tokens[at2 + 2]?.spaceBefore) {
        name += `-${tokens[at2 + 2]?.text ?? ""}`;
        at2 += 2;
      }
      parts.push(name);
    } else break;
    at2 += 1;
    if (!isSymbol(tokens[at2], ".")) break;
    at2 += 1;
  }
  return { parts, next: at2 };
}

// packages/local-cloud/src/bigquery/sql/table-name-filter.ts
var WHERE_ENDS = /* @__PURE__ */ new Set([
  "GROUP",
  "HAVING",
  "QUALIFY",
  "WINDOW",
  "ORDER",
  "LIMIT",
  "UNION",
  "INTERSECT",
  "EXCEPT"
]);
var NOT_A_CONJUNCTION = ["OR", "NOT", "CASE", "BETWEEN", "XOR"];
function whereEnd(tokens, where) {
  let depth = 0;
  for (let index = where + 1; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (isSymbol(token, "(", "[")) depth += 1;
    else if (isSymbol(token, ")", "]")) {
      depth -= 1;
      if (depth < 0) return index;
    } else if (depth === 0 && (isSymbol(token, ";") || token?.kind === "word" && WHERE_ENDS.has(token.value)))
      return index;
  }
  return tokens.length;
}
function conjuncts(tokens, from, to) {
  const parts = [];
  let start = from;
  for (const index of topLevelIndices(tokens, from, to)) {
    const token = tokens[index];
    if (isWord(token, ...NOT_A_CONJUNCTION)) return void 0;
    if (isWord(token, "AND")) {
      parts.push([start, index]);
      start = index + 1;
    }
  }
  parts.push([start, to]);
  return parts;
}
var isName = (token, name) => (token?.kind === "word" || token?.kind === "quoted") && token.value.toLowerCase() === name;
function stringValue(translator, token) {
  if (token?.kind === "string") return token.value;
  if (token?.kind !== "param") return void 0;
  const bound = translator.options.params.named.get(token.value.toLowerCase());
  return typeof bound?.value === "string" ? bound.value : void 0;
}
function equalsValue(translator, from, to, alias2) {
  const { tokens } = translator;
  const column2 = (at2, end) => {
    if (end - at2 === 1) return isName(tokens[at2], "table_name");
    return end - at2 === 3 && isName(tokens[at2], alias2) && isSymbol(tokens[at2 + 1], ".") && isName(tokens[at2 + 2], "table_name");
  };
  for (const valueAt of [to - 1, from]) {
    const [columnFrom, columnTo] = valueAt === from ? [from + 2, to] : [from, to - 2];
    const equals = valueAt === from ? from + 1 : to - 2;
    if (isSymbol(tokens[equals], "=") && column2(columnFrom, columnTo)) {
      const value = stringValue(translator, tokens[valueAt]);
      if (value !== void 0) return value;
    }
  }
  return void 0;
}
function filteredTableName(translator, itemStart, next, alias2) {
  const { tokens } = translator;
  if (!isWord(tokens[itemStart - 1], "FROM") || !isWord(tokens[next], "WHERE")) return void 0;
  const parts = conjuncts(tokens, next + 1, whereEnd(tokens, next));
  for (const [from, to] of parts ?? []) {
    const value = equalsValue(translator, from, to, alias2.toLowerCase());
    if (value !== void 0) return value;
  }
  return void 0;
}

// packages/local-cloud/src/bigquery/sql/from-items.ts
var MAX_VIEW_DEPTH = 16;
var NOT_ALIASES = /* @__PURE__ */ new Set([
  ...QUERY_CLAUSES,
  "JOIN",
  "INNER",
  "LEFT",
  "RIGHT",
  "FULL",
  "CROSS",
  "OUTER",
  "ON",
  "USING",
  "FOR",
  "TABLESAMPLE",
  "SET",
  "SELECT",
  "WITH",
  "PIVOT",
  "UNPIVOT",
  "WHEN",
  "LATERAL",
  "NATURAL",
  "VALUES",
  "OFFSET"
]);
function cteNames(tokens) {
  const names = /* @__PURE__ */ new Set();
  tokens.forEach((token, index) => {
    const before = tokens[index - 1];
    if ((token.kind === "word" || token.kind === "quoted") && (isWord(before, "WITH", "RECURSIVE") || isSymbol(before, ",")) && isWord(tokens[index + 1], "AS") && isSymbol(tokens[index + 2], "(")) {
      names.add(token.value.toLowerCase());
    }
  });
  return names;
}
function alias(tokens, index) {
  const token = tokens[index];
  if (isWord(token, "AS")) {
    const name = tokens[index + 1];
    return { name: name?.kind === "quoted" ? name.value : name?.text, next: index + 2 };
  }
  if (token?.kind === "quoted" || token?.kind === "word" && !NOT_ALIASES.has(token.value)) {
    return { name: token.kind === "quoted" ? token.value : token.text, next: index + 1 };
  }
  return { next: index };
}
function checkPartitionFilter(translator, table) {
  if (!table.requirePartitionFilter) return;
  const column2 = table.timePartitioning?.field ?? table.rangePartitioning?.field;
  const accepted = column2 ? [column2.toLowerCase()] : ["_partitiontime", "_partitiondate", "_partition_load_time"];
  const where = translator.tokens.findIndex((token) => isWord(token, "WHERE"));
  const filtered = where >= 0 && translator.tokens.slice(where).some(
    (token) => (token.kind === "word" || token.kind === "quoted") && accepted.includes(token.value.toLowerCase())
  );
  if (!filtered) {
    const columns = column2 ? `'${column2}'` : "'_PARTITION_LOAD_TIME', '_PARTITIONDATE', '_PARTITIONTIME'";
    throw new BigQueryApiError(
      "invalidQuery",
      `Cannot query over table '${table.datasetId}.${table.tableId}' without a filter over column(s) ${columns} that can be used for partition elimination`
    );
  }
}
function viewSql(translator, view) {
  if (translator.state.viewDepth >= MAX_VIEW_DEPTH)
    throw unsupported(`views nested more than ${MAX_VIEW_DEPTH} deep`);
  return translator.viewText(view.viewQuery ?? "", view.projectId);
}
function relationSql(translator, table) {
  if (table.kind === "VIEW") return `(${viewSql(translator, table)})`;
  translator.state.referenced.set(table.storage, table);
  if (!translator.options.store.storage.hasRows(table)) return '(SELECT NULL AS "_" WHERE false)';
  if (!isIngestionTime(table)) return sqlName(table.storage);
  return `(SELECT *, CAST(${sqlName(PARTITION_TIME)} AS DATE) AS "_PARTITIONDATE" FROM ${sqlName(table.storage)})`;
}
function checkLocation(translator, projectId, datasetId) {
  const { store, location } = translator.options;
  if (!store.hasDataset(projectId, datasetId)) throw notFoundDataset(projectId, datasetId);
  const where = store.getDataset(projectId, datasetId).location;
  if (location && where.toLowerCase() !== location.toLowerCase()) {
    throw new BigQueryApiError(
      "notFound",
      `Not found: Dataset ${projectId}:${datasetId} was not found in location ${location}`
    );
  }
}
function resolveTable(translator, parts, index) {
  const { store, projectId, defaultDataset } = translator.options;
  let ids2;
  if (parts.length === 1) {
    if (!defaultDataset) {
      throw new BigQueryApiError(
        "invalidQuery",
        `Table "${parts[0]}" must be qualified with a dataset (e.g. dataset.table).`
      );
    }
    ids2 = [defaultDataset.projectId, defaultDataset.datasetId, parts[0] ?? ""];
  } else if (parts.length === 2) ids2 = [projectId, parts[0] ?? "", parts[1] ?? ""];
  else if (parts.length === 3) ids2 = parts;
  else throw translator.error(index, `Invalid table name ${parts.join(".")}`);
  if (ids2[2].endsWith("*")) throw unsupported(`wildcard tables (${parts.join(".")})`);
  checkLocation(translator, ids2[0], ids2[1]);
  try {
    return store.getTable(...ids2);
  } catch {
    throw notFoundTable(...ids2);
  }
}
function informationSchema(translator, parts, onlyTable) {
  const view = (parts.at(-1) ?? "").toUpperCase();
  const scope = parts.slice(0, -2);
  if (scope.length === 0 || scope.some((part) => /^region-/i.test(part))) {
    throw unsupported(
      `project- or region-level INFORMATION_SCHEMA (${parts.join(".")}); qualify it with a dataset`
    );
  }
  const [projectId, datasetId] = scope.length === 1 ? [translator.options.projectId, scope[0] ?? ""] : [scope[0] ?? "", scope[1] ?? ""];
  checkLocation(translator, projectId, datasetId);
  const dataset = translator.options.store.getDataset(projectId, datasetId);
  const { sql, tables } = informationSchemaSql(dataset, view, onlyTable(view));
  for (const table of tables) translator.state.referenced.set(table.storage, table);
  return { sql: `(${sql})`, name: view };
}
function targetTable(translator, index) {
  const { parts, next } = readPath(translator.tokens, index, { dashedWords: true });
  if (parts.length === 0) throw translator.error(index, "Expected a table name");
  const table = resolveTable(translator, parts, index);
  if (table.kind !== "TABLE") {
    throw new BigQueryApiError(
      "invalidQuery",
      `${table.datasetId}.${table.tableId} is a view; DML needs a table.`
    );
  }
  translator.state.referenced.set(table.storage, table);
  const named = alias(translator.tokens, next);
  return { table, alias: sqlName(named.name ?? table.tableId), next: named.next };
}
function pathItem(translator, index) {
  const { tokens } = translator;
  const { parts, next } = readPath(tokens, index, { dashedWords: true });
  if (isSymbol(tokens[next], "*") && !tokens[next]?.spaceBefore)
    throw unsupported(`wildcard tables (${parts.join(".")}*)`);
  if (isWord(tokens[next], "FOR") && isWord(tokens[next + 1], "SYSTEM_TIME"))
    throw unsupported("time travel (FOR SYSTEM_TIME AS OF)");
  const named = alias(tokens, next);
  if (parts.length === 1 && cteNames(tokens).has((parts[0] ?? "").toLowerCase())) {
    return {
      text: `${sqlName(parts[0] ?? "")}${named.name ? ` AS ${sqlName(named.name)}` : ""}`,
      next: named.next
    };
  }
  if (parts.length >= 3 && (parts.at(-2) ?? "").toUpperCase() === "INFORMATION_SCHEMA") {
    const info = informationSchema(
      translator,
      parts,
      (view) => filteredTableName(translator, index, named.next, named.name ?? view)
    );
    return { text: `${info.sql} AS ${sqlName(named.name ?? info.name)}`, next: named.next };
  }
  if (parts.length === 2 && (parts[0] ?? "").toUpperCase() === "INFORMATION_SCHEMA") {
    throw unsupported(
      `project- or region-level INFORMATION_SCHEMA (${parts.join(".")}); qualify it with a dataset`
    );
  }
  const table = resolveTable(translator, parts, index);
  checkPartitionFilter(translator, table);
  const name = named.name ?? table.tableId;
  if (isIngestionTime(table)) translator.state.hiddenAliases.add(name.toLowerCase());
  return { text: `${relationSql(translator, table)} AS ${sqlName(name)}`, next: named.next };
}
function unnestItem(translator, index) {
  const close = closingIndex(translator.tokens, index + 1);
  const inner = translator.emit(index + 2, close);
  const named = alias(translator.tokens, close + 1);
  if (isWord(translator.tokens[named.next], "WITH") && isWord(translator.tokens[named.next + 1], "OFFSET")) {
    throw unsupported("UNNEST … WITH OFFSET");
  }
  const name = named.name ? ` AS ${sqlName(named.name)}(${sqlName(named.name)})` : "";
  return { text: `unnest(${inner})${name}`, next: named.next };
}
function readFromItem(translator, index, to) {
  const token = translator.tokens[index];
  if (isSymbol(token, "(")) {
    const close = closingIndex(translator.tokens, index);
    if (close < 0 || close >= to) throw translator.error(index, 'Unclosed "("');
    const named = alias(translator.tokens, close + 1);
    const name = named.name ? ` AS ${sqlName(named.name)}` : "";
    return { text: `(${translator.emit(index + 1, close)})${name}`, next: named.next };
  }
  if (isWord(token, "UNNEST") && isSymbol(translator.tokens[index + 1], "("))
    return unnestItem(translator, index);
  if (token?.kind === "word" || token?.kind === "quoted") return pathItem(translator, index);
  throw translator.error(index, `Unexpected "${token?.text ?? "end of input"}" where a table was expected`);
}

// packages/local-cloud/src/bigquery/sql/functions.ts
var PARTS = /* @__PURE__ */ new Set([
  "MICROSECOND",
  "MILLISECOND",
  "SECOND",
  "MINUTE",
  "HOUR",
  "DAY",
  "ISOWEEK",
  "MONTH",
  "QUARTER",
  "YEAR",
  "ISOYEAR"
]);
function datePart(tokens) {
  const token = tokens?.[0];
  const name = token?.value.toUpperCase() ?? "";
  if (tokens?.length !== 1 || !PARTS.has(name)) {
    const text = (tokens ?? []).map((part) => part.text).join("");
    throw unsupported(`the date part ${text || "(none)"} here (Sunday-based WEEK and WEEK(<day>) included)`);
  }
  return `'${name === "ISOWEEK" ? "week" : name.toLowerCase()}'`;
}
function arity(name, args, ...allowed) {
  if (!allowed.includes(args.length)) {
    throw unsupported(`${name} with ${args.length} argument(s)`);
  }
}
var cast = (expression, type) => `CAST(${expression} AS ${type})`;
function capturesGroup(tokens) {
  const token = tokens?.[0];
  if (tokens?.length !== 1 || token?.kind !== "string") return false;
  return /\((?!\?)/.test(token.value.replace(/\\./g, ""));
}
var instant = (now) => `TIMESTAMPTZ '${now.toISOString()}'`;
var TIME_REWRITES = {
  DATE: (args) => {
    if (args.length === 1) return cast(args[0] ?? "", "DATE");
    if (args.length === 3) return `make_date(${args.join(", ")})`;
    arity("DATE", args, 1, 3);
    return cast(`timezone(${args[1]}, ${args[0]})`, "DATE");
  },
  TIMESTAMP: (args) => {
    arity("TIMESTAMP", args, 1, 2);
    if (args.length === 1) return cast(args[0] ?? "", "TIMESTAMPTZ");
    return `timezone(${args[1]}, ${cast(args[0] ?? "", "TIMESTAMP")})`;
  },
  DATETIME: (args) => {
    if (args.length === 1) return cast(args[0] ?? "", "TIMESTAMP");
    if (args.length === 2) return `(${cast(args[0] ?? "", "DATE")} + ${cast(args[1] ?? "", "TIME")})`;
    arity("DATETIME", args, 1, 2, 6);
    return `make_timestamp(${args.join(", ")})`;
  },
  TIME: (args) => args.length === 3 ? `make_time(${args.join(", ")})` : cast(args[0] ?? "", "TIME"),
  CURRENT_TIMESTAMP: (_args, { now }) => instant(now),
  CURRENT_DATE: (_args, { now }) => `DATE '${now.toISOString().slice(0, 10)}'`,
  CURRENT_DATETIME: (_args, { now }) => `TIMESTAMP '${now.toISOString().slice(0, 23).replace("T", " ")}'`,
  CURRENT_TIME: (_args, { now }) => `TIME '${now.toISOString().slice(11, 23)}'`,
  DATE_ADD: ([date, interval]) => cast(`(${date}) + (${interval})`, "DATE"),
  DATE_SUB: ([date, interval]) => cast(`(${date}) - (${interval})`, "DATE"),
  DATETIME_ADD: ([value, interval]) => cast(`(${value}) + (${interval})`, "TIMESTAMP"),
  DATETIME_SUB: ([value, interval]) => cast(`(${value}) - (${interval})`, "TIMESTAMP"),
  TIMESTAMP_ADD: ([value, interval]) => `((${value}) + (${interval}))`,
  TIMESTAMP_SUB: ([value, interval]) => `((${value}) - (${interval}))`,
  TIME_ADD: ([value, interval]) => `((${value}) + (${interval}))`,
  TIME_SUB: ([value, interval]) => `((${value}) - (${interval}))`,
  DATE_DIFF: ([end, start], { raw }) => `date_diff(${datePart(raw[2])}, ${start}, ${end})`,
  DATETIME_DIFF: ([end, start], { raw }) => `date_sub(${datePart(raw[2])}, ${start}, ${end})`,
  TIMESTAMP_DIFF: ([end, start], { raw }) => `date_sub(${datePart(raw[2])}, ${start}, ${end})`,
  TIME_DIFF: ([end, start], { raw }) => `date_sub(${datePart(raw[2])}, ${start}, ${end})`,
  DATE_TRUNC: ([value], { raw }) => cast(`date_trunc(${datePart(raw[1])}, ${value})`, "DATE"),
  DATETIME_TRUNC: ([value], { raw }) => cast(`date_trunc(${datePart(raw[1])}, ${value})`, "TIMESTAMP"),
  TIMESTAMP_TRUNC: (args, { raw }) => {
    arity("TIMESTAMP_TRUNC", args, 2);
    return `date_trunc(${datePart(raw[1])}, ${args[0]})`;
  },
  FORMAT_DATE: ([format, value]) => `strftime(${value}, ${format})`,
  FORMAT_DATETIME: ([format, value]) => `strftime(${value}, ${format})`,
  FORMAT_TIMESTAMP: (args) => {
    arity("FORMAT_TIMESTAMP", args, 2);
    return `strftime(${args[1]}, ${args[0]})`;
  },
  PARSE_DATE: ([format, text]) => cast(`strptime(${text}, ${format})`, "DATE"),
  PARSE_DATETIME: ([format, text]) => cast(`strptime(${text}, ${format})`, "TIMESTAMP"),
  PARSE_TIMESTAMP: (args) => {
    arity("PARSE_TIMESTAMP", args, 2);
    return cast(`strptime(${args[1]}, ${args[0]})`, "TIMESTAMPTZ");
  },
  UNIX_SECONDS: ([value]) => cast(`floor(epoch(${value}))`, "BIGINT"),
  UNIX_MILLIS: ([value]) => `epoch_ms(${value})`,
  UNIX_MICROS: ([value]) => `epoch_us(${value})`,
  UNIX_DATE: ([value]) => `(${value} - DATE '1970-01-01')`,
  DATE_FROM_UNIX_DATE: ([value]) => cast(`DATE '1970-01-01' + (${value})`, "DATE"),
  TIMESTAMP_SECONDS: ([value]) => `to_timestamp(${value})`,
  TIMESTAMP_MILLIS: ([value]) => cast(`epoch_ms(${value})`, "TIMESTAMPTZ"),
  TIMESTAMP_MICROS: ([value]) => cast(`make_timestamp(${value})`, "TIMESTAMPTZ"),
  GENERATE_DATE_ARRAY: ([start, end, step]) => cast(
    `generate_series(${cast(start ?? "", "DATE")}, ${cast(end ?? "", "DATE")}, ${step ?? "INTERVAL 1 DAY"})`,
    "DATE[]"
  )
};
var OTHER_REWRITES = {
  COUNTIF: (args) => `count_if(${args.join(", ")})`,
  LOGICAL_AND: (args) => `bool_and(${args.join(", ")})`,
  LOGICAL_OR: (args) => `bool_or(${args.join(", ")})`,
  ARRAY_LENGTH: ([value]) => `len(${value})`,
  ARRAY_REVERSE: ([value]) => `list_reverse(${value})`,
  ARRAY_CONCAT: (args) => args.reduce((left, right) => `list_concat(${left}, ${right})`),
  GENERATE_ARRAY: (args) => `generate_series(${args.join(", ")})`,
  CONCAT: (args) => `(${args.join(" || ")})`,
  SPLIT: ([text, delimiter]) => `string_split(${text}, ${delimiter ?? "','"})`,
  BYTE_LENGTH: ([value]) => `octet_length(${value})`,
  REGEXP_CONTAINS: ([text, pattern]) => `regexp_matches(${text}, ${pattern})`,
  REGEXP_REPLACE: ([text, pattern, replacement]) => `regexp_replace(${text}, ${pattern}, ${replacement}, 'g')`,
  REGEXP_EXTRACT: ([text, pattern], { raw }) => `regexp_extract(${text}, ${pattern}, ${capturesGroup(raw[1]) ? 1 : 0})`,
  REGEXP_EXTRACT_ALL: ([text, pattern], { raw }) => `regexp_extract_all(${text}, ${pattern}, ${capturesGroup(raw[1]) ? 1 : 0})`,
  SAFE_DIVIDE: ([left, right]) => `(CASE WHEN (${right}) = 0 THEN NULL ELSE (${left}) / (${right}) END)`,
  DIV: ([left, right]) => cast(`trunc((${left}) / (${right}))`, "BIGINT"),
  LOG: (args) => args.length === 2 ? `(ln(${args[0]}) / ln(${args[1]}))` : `ln(${args[0]})`,
  IS_NAN: ([value]) => `isnan(${value})`,
  IS_INF: ([value]) => `isinf(${value})`,
  RAND: () => "random()",
  GENERATE_UUID: () => "CAST(gen_random_uuid() AS VARCHAR)",
  TO_JSON_STRING: ([value]) => cast(`to_json(${value})`, "VARCHAR"),
  JSON_VALUE: ([json, path]) => `json_extract_string(${json}, ${path ?? "'$'"})`,
  JSON_EXTRACT_SCALAR: ([json, path]) => `json_extract_string(${json}, ${path ?? "'$'"})`,
  JSON_QUERY: ([json, path]) => `json_extract(${json}, ${path ?? "'$'"})`,
  JSON_EXTRACT: ([json, path]) => `json_extract(${json}, ${path ?? "'$'"})`
};
var FUNCTION_REWRITES = { ...TIME_REWRITES, ...OTHER_REWRITES };
var NILADIC = /* @__PURE__ */ new Set(["CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_DATETIME", "CURRENT_TIME"]);

// packages/local-cloud/src/bigquery/sql/select-list.ts
var LIST_END = /* @__PURE__ */ new Set(["FROM", ...QUERY_CLAUSES]);
var NOT_NAMES = /* @__PURE__ */ new Set([
  "NULL",
  "TRUE",
  "FALSE",
  "END",
  "CURRENT_DATE",
  "CURRENT_TIMESTAMP",
  "CURRENT_DATETIME",
  "CURRENT_TIME"
]);
var isName2 = (token) => token?.kind === "quoted" || token?.kind === "word" && !NOT_NAMES.has(token.value);
function mainSelectIndex(tokens) {
  for (const index of topLevelIndices(tokens, 0, tokens.length)) {
    const token = tokens[index];
    if (isWord(token, "SELECT")) return index;
    if (index === 0 && !isWord(token, "WITH", "RECURSIVE", "AS")) return -1;
  }
  return -1;
}
function listEnd(tokens, start) {
  for (const index of topLevelIndices(tokens, start, tokens.length)) {
    const token = tokens[index];
    const ends = isSymbol(token, ";") || token?.kind === "word" && LIST_END.has(token.value);
    if (ends && !(token?.value === "EXCEPT" && isSymbol(tokens[index - 1], "*"))) return index;
  }
  return tokens.length;
}
var nameOf = (token) => token?.kind === "quoted" ? token.value.split(".").at(-1) ?? token.value : token?.text ?? "";
function itemName(tokens, from, to) {
  const last = tokens[to - 1];
  const before = tokens[to - 2];
  const items = tokens.slice(from, to);
  if (items.some((token, index) => isSymbol(token, "*") && (index === 0 || isSymbol(items[index - 1], "."))))
    return "star";
  if (isWord(before, "AS") && isName2(last))
    return { at: to - 1, output: { name: nameOf(last), how: "quote" } };
  const isPath = items.every((token, index) => index % 2 === 0 ? isName2(token) : isSymbol(token, "."));
  if (isPath && items.length % 2 === 1) return { at: to - 1, output: { name: nameOf(last), how: "append" } };
  const endsExpression = before && (isName2(before) || ["number", "string", "param"].includes(before.kind) || isSymbol(before, ")", "]"));
  if (items.length >= 2 && isName2(last) && endsExpression && !isSymbol(tokens[to - 3], ".")) {
    return { at: to - 1, output: { name: nameOf(last), how: "alias" } };
  }
  return "anonymous";
}
function selectAliases(tokens) {
  const aliases = /* @__PURE__ */ new Map();
  const select = mainSelectIndex(tokens);
  if (select < 0) return aliases;
  let start = select + 1;
  if (isWord(tokens[start], "DISTINCT", "ALL")) start += 1;
  const end = listEnd(tokens, start);
  let anonymous = 0;
  for (const [from, to] of splitTopLevel(tokens, start, end)) {
    if (to <= from) continue;
    const named = itemName(tokens, from, to);
    if (named === "anonymous") {
      aliases.set(to - 1, { name: `f${anonymous}_`, how: "append" });
      anonymous += 1;
    } else if (named !== "star") aliases.set(named.at, named.output);
  }
  return aliases;
}

// packages/local-cloud/src/bigquery/sql/special-forms.ts
function bracketed(translator, open) {
  return { tokens: translator.tokens, open, close: closingIndex(translator.tokens, open) };
}
var LITERAL_TYPES = {
  DATE: (text) => `DATE ${text}`,
  TIME: (text) => `TIME ${text}`,
  DATETIME: (text) => `TIMESTAMP ${text}`,
  TIMESTAMP: (text) => `TIMESTAMPTZ ${text}`,
  NUMERIC: (text) => `CAST(${text} AS DECIMAL(38,9))`,
  DECIMAL: (text) => `CAST(${text} AS DECIMAL(38,9))`,
  BIGNUMERIC: (text) => `CAST(${text} AS DECIMAL(38,18))`,
  BIGDECIMAL: (text) => `CAST(${text} AS DECIMAL(38,18))`,
  JSON: (text) => `CAST(${text} AS JSON)`
};
function castForm(translator, index, safe) {
  const { tokens, open, close } = bracketed(translator, index + 1);
  const as = topLevelWord(tokens, open + 1, close, "AS");
  if (as < 0) throw translator.error(open, "Expected keyword AS in CAST");
  const format = tokens.slice(as, close).findIndex((token) => isWord(token, "FORMAT"));
  if (format >= 0) throw unsupported("CAST … FORMAT");
  const value = translator.emit(open + 1, as).trim();
  const type = translateType(tokens, as + 1, close);
  if (type === "VARCHAR") return { text: `bq_to_string(${value})`, next: close + 1 };
  return { text: `${safe ? "TRY_CAST" : "CAST"}(${value} AS ${type})`, next: close + 1 };
}
function extractForm(translator, index) {
  const { tokens, open, close } = bracketed(translator, index + 1);
  const part = tokens[open + 1];
  if (!isWord(tokens[open + 2], "FROM")) throw translator.error(open + 2, "Expected keyword FROM in EXTRACT");
  const at2 = tokens.findIndex(
    (token, position) => position > open && position < close && isWord(token, "AT")
  );
  if (at2 >= 0) throw unsupported("EXTRACT … AT TIME ZONE");
  const value = translator.emit(open + 3, close).trim();
  const name = part?.value ?? "";
  const next = close + 1;
  if (name === "DAYOFWEEK") return { text: `(extract('dow' FROM ${value}) + 1)`, next };
  if (name === "DATE") return { text: `CAST(${value} AS DATE)`, next };
  if (name === "TIME") return { text: `CAST(${value} AS TIME)`, next };
  if (name === "WEEK") throw unsupported("EXTRACT(WEEK …) (Sunday-based weeks); use ISOWEEK");
  const engineName = name === "ISOWEEK" ? "week" : name === "DAYOFYEAR" ? "doy" : name.toLowerCase();
  return { text: `extract('${engineName}' FROM ${value})`, next };
}
function structForm(translator, index) {
  const { tokens, open, close } = bracketed(translator, index + 1);
  const members = splitTopLevel(tokens, open + 1, close).map(([from, to], position) => {
    const aliased = isWord(tokens[to - 2], "AS");
    const alias2 = tokens[to - 1];
    const name = aliased ? alias2?.kind === "quoted" ? alias2.value : alias2?.text ?? "" : `_field_${position + 1}`;
    const value = translator.emit(from, aliased ? to - 2 : to).trim();
    return `"${name.replace(/"/g, '""')}" := ${value}`;
  });
  return { text: `struct_pack(${members.join(", ")})`, next: close + 1 };
}
function inUnnestForm(translator, index) {
  const { open, close } = bracketed(translator, index + 2);
  return { text: `IN (SELECT unnest(${translator.emit(open + 1, close)}))`, next: close + 1 };
}
function subscriptForm(translator, index) {
  const kind = translator.tokens[index + 1];
  if (!isWord(kind, "OFFSET", "SAFE_OFFSET", "ORDINAL", "SAFE_ORDINAL") || !isSymbol(translator.tokens[index + 2], "(")) {
    return void 0;
  }
  const close = closingIndex(translator.tokens, index + 2);
  if (!isSymbol(translator.tokens[close + 1], "]")) throw translator.error(close + 1, 'Expected "]"');
  const position = translator.emit(index + 3, close).trim();
  const offset = kind?.value.endsWith("OFFSET") ? ` + 1` : "";
  return { text: `[(${position})${offset}]`, next: close + 2 };
}
function typedLiteral(translator, index) {
  const token = translator.tokens[index];
  const literal = translator.tokens[index + 1];
  const build = LITERAL_TYPES[token.value];
  if (!build || literal?.kind !== "string") return void 0;
  return { text: build(sqlText(literal.value)), next: index + 2 };
}
function specialForm(translator, index) {
  const { tokens } = translator;
  const token = tokens[index];
  const next = tokens[index + 1];
  if (isSymbol(token, "[")) return subscriptForm(translator, index);
  if (token?.kind !== "word") return void 0;
  if (isSymbol(next, "(")) {
    if (token.value === "CAST" || token.value === "SAFE_CAST")
      return castForm(translator, index, token.value === "SAFE_CAST");
    if (token.value === "EXTRACT") return extractForm(translator, index);
    if (token.value === "STRUCT") return structForm(translator, index);
  }
  if (isSymbol(next, "<") && ["STRUCT", "ARRAY", "RANGE"].includes(token.value)) {
    throw unsupported(`typed ${token.value}<…> constructors and literals`);
  }
  if (token.value === "IN" && isWord(next, "UNNEST") && isSymbol(tokens[index + 2], "("))
    return inUnnestForm(translator, index);
  if (token.value === "SELECT" && isWord(next, "AS") && isWord(tokens[index + 2], "STRUCT", "VALUE")) {
    throw unsupported(`SELECT AS ${tokens[index + 2]?.value}`);
  }
  return typedLiteral(translator, index);
}

// packages/local-cloud/src/bigquery/sql/translator.ts
var ENGINE_ONLY_RESERVED = new Set(
  "ANALYSE ANALYZE ASYMMETRIC BOTH CHECK COLUMN CONSTRAINT DEFERRABLE DESCRIBE DO FOREIGN INITIALLY LAMBDA LEADING ONLY PLACING PRIMARY REFERENCES RETURNING SHOW SUMMARIZE SYMMETRIC TRAILING UNIQUE VARIADIC PIVOT_LONGER PIVOT_WIDER".split(
    " "
  )
);
var NO_PARAMS = { named: /* @__PURE__ */ new Map(), positional: [] };
var HIDDEN = "'_partitiontime', '_partitiondate'";
var CLAUSE_END = /* @__PURE__ */ new Set([...QUERY_CLAUSES, "ON", "USING", "SELECT", "SET", "VALUES", "WHEN"]);
function newState() {
  return {
    referenced: /* @__PURE__ */ new Map(),
    hiddenAliases: /* @__PURE__ */ new Set(),
    hideColumns: false,
    namedUsed: /* @__PURE__ */ new Set(),
    positionalUsed: 0,
    viewDepth: 0
  };
}
function bytesLiteral(value) {
  const bytes = [...value].every((char) => char.charCodeAt(0) < 256) ? Buffer.from(value, "latin1") : Buffer.from(value);
  const escaped = [...bytes].map(
    (byte) => byte >= 32 && byte < 127 && byte !== 39 && byte !== 92 ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, "0")}`
  );
  return `CAST('${escaped.join("")}' AS BLOB)`;
}
var Translator = class _Translator {
  constructor(tokens, options, state) {
    this.tokens = tokens;
    this.options = options;
    this.state = state;
    this.aliases = state.viewDepth === 0 ? selectAliases(tokens) : /* @__PURE__ */ new Map();
  }
  tokens;
  options;
  state;
  aliases;
  /** A view's query, translated in the view's project, sharing this query's state. */
  viewText(sql, projectId) {
    const tokens = tokenize(sql);
    const options = { ...this.options, sql, projectId, defaultDataset: void 0, params: NO_PARAMS };
    const nested = new _Translator(tokens, options, { ...this.state, viewDepth: this.state.viewDepth + 1 });
    return nested.emit(0, tokens.length);
  }
  error(index, detail) {
    return syntaxError(this.options.sql, this.tokens[index]?.start ?? this.options.sql.length, detail);
  }
  /** Translates tokens[from, to). */
  emit(from, to) {
    let out = "";
    let expectTable = false;
    let inFrom = false;
    for (let index = from; index < to; ) {
      const token = this.tokens[index];
      const space = token.spaceBefore && out !== "" ? " " : "";
      if (expectTable && !isWord(token, "LATERAL")) {
        const item = readFromItem(this, index, to);
        out += space + item.text;
        index = item.next;
        expectTable = false;
        continue;
      }
      if (isWord(token, "FROM", "JOIN")) {
        expectTable = true;
        inFrom = true;
      } else if (token.kind === "word" && CLAUSE_END.has(token.value)) {
        inFrom = false;
      } else if (inFrom && isSymbol(token, ",")) {
        expectTable = true;
      }
      const renamed = this.aliases.get(index);
      if (renamed && renamed.how !== "append") {
        out += `${space}${renamed.how === "alias" ? "AS " : ""}${sqlName(renamed.name)}`;
        index += 1;
        continue;
      }
      const { text, next } = this.step(index, to);
      out += space + text;
      const alias2 = this.aliases.get(next - 1);
      if (alias2?.how === "append" && next - 1 < to) out += ` AS ${sqlName(alias2.name)}`;
      index = next;
    }
    return out;
  }
  /** One construct starting at `index`: its engine text and the index after it. */
  step(index, to) {
    const token = this.tokens[index];
    switch (token.kind) {
      case "string":
        return { text: sqlText(token.value), next: index + 1 };
      case "bytes":
        return { text: bytesLiteral(token.value), next: index + 1 };
      case "param":
        return { text: this.namedParam(token), next: index + 1 };
      case "positional":
        return { text: this.positionalParam(token), next: index + 1 };
      case "sysvar":
        throw unsupported(`system variables (@@${token.value})`);
      case "quoted":
        this.refuseRoutineCall(index);
        return { text: token.value.split(".").map(sqlName).join("."), next: index + 1 };
      case "symbol":
        return this.symbol(index, to);
      default:
        return this.word(index, to);
    }
  }
  symbol(index, to) {
    const token = this.tokens[index];
    if (isSymbol(token, "*") && this.isSelectStar(index)) return this.star(index, to);
    if (isSymbol(token, "(", "[")) {
      const special = specialForm(this, index);
      if (special) return special;
      const close = closingIndex(this.tokens, index);
      if (close < 0 || close >= to) throw this.error(index, `Unclosed "${token.value}"`);
      return {
        text: `${token.value}${this.emit(index + 1, close)}${this.tokens[close]?.value}`,
        next: close + 1
      };
    }
    if (isSymbol(token, ";")) {
      const rest = this.tokens.slice(index + 1, to).filter((next) => !isSymbol(next, ";"));
      if (rest.length > 0) throw unsupported("multi-statement queries (scripts); send one statement per job");
      return { text: "", next: to };
    }
    return { text: token.value, next: index + 1 };
  }
  word(index, to) {
    const token = this.tokens[index];
    const special = specialForm(this, index);
    if (special) return special;
    const rewrite = FUNCTION_REWRITES[token.value];
    if (rewrite && isSymbol(this.tokens[index + 1], "(")) return this.call(index, to, rewrite);
    if (NILADIC.has(token.value) && !isSymbol(this.tokens[index + 1], "(")) {
      return {
        text: FUNCTION_REWRITES[token.value]?.([], { raw: [], now: this.options.now }) ?? token.text,
        next: index + 1
      };
    }
    if (isWord(token, "UNION", "INTERSECT", "EXCEPT")) return this.setOperation(index);
    if (isWord(token, "SAFE") && isSymbol(this.tokens[index + 1], "."))
      throw unsupported("SAFE.-prefixed function calls");
    this.refuseRoutineCall(index);
    if (ENGINE_ONLY_RESERVED.has(token.value) && !isSymbol(this.tokens[index + 1], "(")) {
      return { text: sqlName(token.text), next: index + 1 };
    }
    return { text: token.text, next: index + 1 };
  }
  /** `dataset.fn(…)` (or `project.dataset.fn(…)`) calls a stored routine, which the engine cannot run. */
  refuseRoutineCall(index) {
    const parts = [];
    let at2 = index;
    while (this.tokens[at2]?.kind === "word" || this.tokens[at2]?.kind === "quoted") {
      parts.push(
        ...this.tokens[at2]?.kind === "quoted" ? (this.tokens[at2]?.value ?? "").split(".") : [this.tokens[at2]?.text ?? ""]
      );
      if (!isSymbol(this.tokens[at2 + 1], ".")) break;
      at2 += 2;
    }
    if (parts.length < 2 || !isSymbol(this.tokens[at2 + 1], "(")) return;
    const [projectId, datasetId] = parts.length === 3 ? parts : [this.options.projectId, parts[0]];
    const { store } = this.options;
    if (store.hasDataset(projectId ?? "", datasetId ?? "")) {
      throw unsupported(
        `calling routines (${parts.join(".")}): the local cloud keeps routines but does not run them`
      );
    }
  }
  call(index, to, rewrite) {
    const open = index + 1;
    const close = closingIndex(this.tokens, open);
    if (close < 0 || close >= to) throw this.error(open, 'Unclosed "("');
    const parts = close > open + 1 ? splitTopLevel(this.tokens, open + 1, close) : [];
    const args = parts.map(([from, end]) => this.emit(from, end).trim());
    const raw = parts.map(([from, end]) => this.tokens.slice(from, end));
    return { text: rewrite(args, { raw, now: this.options.now }), next: close + 1 };
  }
  setOperation(index) {
    const token = this.tokens[index];
    const quantifier = this.tokens[index + 1];
    if (isWord(quantifier, "DISTINCT")) return { text: token.value, next: index + 2 };
    if (isWord(quantifier, "ALL") && token.value === "UNION") return { text: "UNION ALL", next: index + 2 };
    if (isWord(quantifier, "ALL"))
      throw unsupported(`${token.value} ALL (GoogleSQL has ${token.value} DISTINCT only)`);
    throw this.error(
      index + 1,
      `Expected keyword ALL or keyword DISTINCT but got "${quantifier?.text ?? "end of input"}"`
    );
  }
  isSelectStar(index) {
    const before = this.tokens[index - 1];
    return isWord(before, "SELECT", "DISTINCT", "ALL") || isSymbol(before, ",", ".");
  }
  /** `*`, `t.*`, `* EXCEPT (…)`, `* REPLACE (…)`, hiding the partition pseudo-columns. */
  star(index, to) {
    const qualifier = isSymbol(this.tokens[index - 1], ".") ? this.tokens[index - 2] : void 0;
    const hides = this.state.hideColumns && (!qualifier || this.state.hiddenAliases.has(qualifier.value.toLowerCase()));
    let next = index + 1;
    let excluded = [];
    if (isWord(this.tokens[next], "EXCEPT") && isSymbol(this.tokens[next + 1], "(")) {
      const close = closingIndex(this.tokens, next + 1);
      excluded = this.tokens.slice(next + 2, close).filter((token) => !isSymbol(token, ",")).map((token) => token.value.toLowerCase());
      next = close + 1;
    }
    if (isWord(this.tokens[next], "REPLACE") && hides)
      throw unsupported("SELECT * REPLACE over an ingestion-time partitioned table");
    if (!hides) {
      const list = excluded.map(sqlName).join(", ");
      return { text: excluded.length ? `* EXCLUDE (${list})` : "*", next };
    }
    if (qualifier) {
      const names = ["_PARTITIONTIME", "_PARTITIONDATE", ...excluded].map(sqlName).join(", ");
      return { text: `* EXCLUDE (${names})`, next };
    }
    const others = excluded.map((name) => `, ${sqlText(name)}`).join("");
    return { text: `COLUMNS(lambda c: lower(c) NOT IN (${HIDDEN}${others}))`, next: Math.min(next, to) };
  }
  namedParam(token) {
    const name = token.value.toLowerCase();
    if (!this.options.params.named.has(name)) {
      throw new BigQueryApiError(
        "invalidQuery",
        `Query parameter '${token.value}' not found at ${positionOf(this.options.sql, token.start)}`
      );
    }
    this.state.namedUsed.add(name);
    return `$n_${name}`;
  }
  positionalParam(token) {
    this.state.positionalUsed += 1;
    const position = this.state.positionalUsed;
    if (position > this.options.params.positional.length) {
      throw new BigQueryApiError(
        "invalidQuery",
        `Query parameter #${position} not found at ${positionOf(this.options.sql, token.start)}`
      );
    }
    return `$q_${position}`;
  }
};

// packages/local-cloud/src/bigquery/sql/translate.ts
var DML = /* @__PURE__ */ new Set(["INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE"]);
function insertSql(translator, start) {
  const { tokens } = translator;
  const { table, next } = targetTable(translator, start);
  const explicitColumns = isSymbol(tokens[next], "(") && !isWord(tokens[next + 1], "SELECT", "WITH");
  const columns = explicitColumns ? "" : ` (${table.schema.map((field) => sqlName(field.name)).join(", ")})`;
  return {
    sql: `INSERT INTO ${sqlName(table.storage)}${columns} ${translator.emit(next, tokens.length)}`,
    table
  };
}
function changeSql(translator, verb, start) {
  const { tokens } = translator;
  if ((verb === "UPDATE" || verb === "DELETE") && topLevelWord(tokens, start, tokens.length, "WHERE") < 0) {
    throw new BigQueryApiError("invalidQuery", `${verb} must have a WHERE clause`);
  }
  const { table, alias: alias2, next } = targetTable(translator, start);
  const head = { UPDATE: "UPDATE", DELETE: "DELETE FROM", MERGE: "MERGE INTO" }[verb] ?? verb;
  if (verb !== "MERGE")
    return {
      sql: `${head} ${sqlName(table.storage)} AS ${alias2} ${translator.emit(next, tokens.length)}`,
      table
    };
  if (!isWord(tokens[next], "USING")) throw translator.error(next, "Expected keyword USING");
  const source2 = readFromItem(translator, next + 1, tokens.length);
  return {
    sql: `MERGE INTO ${sqlName(table.storage)} AS ${alias2} USING ${source2.text} ${translator.emit(source2.next, tokens.length)}`,
    table
  };
}
function dmlSql(translator) {
  const { tokens } = translator;
  const verb = tokens[0]?.value ?? "";
  const skip = (word) => isWord(tokens[1], word) ? 2 : 1;
  if (verb === "INSERT") return { ...insertSql(translator, skip("INTO")), statementType: "INSERT" };
  if (verb === "TRUNCATE") {
    if (!isWord(tokens[1], "TABLE")) throw translator.error(1, "Expected keyword TABLE");
    const { table } = targetTable(translator, 2);
    return { sql: `DELETE FROM ${sqlName(table.storage)}`, statementType: "TRUNCATE_TABLE", table };
  }
  const start = verb === "DELETE" ? skip("FROM") : verb === "MERGE" ? skip("INTO") : 1;
  return { ...changeSql(translator, verb, start), statementType: verb };
}
function run(tokens, options, state) {
  const translator = new Translator(tokens, options, state);
  const first = tokens[0];
  let sql;
  let statementType = "SELECT";
  let table;
  if (isWord(first, "SELECT", "WITH") || isSymbol(first, "(")) {
    sql = translator.emit(0, tokens.length);
  } else if (first?.kind === "word" && DML.has(first.value)) {
    ({ sql, statementType, table } = dmlSql(translator));
  } else {
    throw unsupported(
      `${first?.text.toUpperCase() ?? "empty"} statements (it runs queries and DML; views are created with tables.insert or CREATE VIEW)`
    );
  }
  const parameters = [...state.namedUsed].map((name) => `n_${name}`);
  for (let position = 1; position <= state.positionalUsed; position += 1) parameters.push(`q_${position}`);
  return { sql, statementType, referenced: [...state.referenced.values()], target: table, parameters };
}
function translate(options) {
  const tokens = tokenize(options.sql);
  if (tokens.length === 0)
    throw new BigQueryApiError("invalidQuery", "Syntax error: Unexpected end of script at [1:1]");
  const firstState = newState();
  const first = run(tokens, options, firstState);
  if (!first.referenced.some(isIngestionTime)) return first;
  return run(tokens, options, { ...newState(), hideColumns: true, hiddenAliases: firstState.hiddenAliases });
}

// packages/local-cloud/src/bigquery/query-runner.ts
function bindings(params, names) {
  const values = {};
  const types = {};
  for (const name of names) {
    const bound = name.startsWith("n_") ? params.named.get(name.slice(2)) : params.positional[Number(name.slice(2)) - 1];
    if (!bound) continue;
    values[name] = bound.value;
    types[name] = bound.type;
  }
  return { values, types };
}
function resultFields(names, types) {
  const seen = /* @__PURE__ */ new Map();
  for (const name of names) seen.set(name.toLowerCase(), (seen.get(name.toLowerCase()) ?? 0) + 1);
  const duplicates = [...seen].filter(([, count]) => count > 1).map(([name]) => name);
  if (duplicates.length > 0) {
    throw new BigQueryApiError(
      "invalidQuery",
      `Duplicate column names in the result are not supported. Found duplicate(s): ${duplicates.join(", ")}`
    );
  }
  return names.map((name, index) => fieldOfResultType(name, types[index]));
}
async function bytesRead(connection, store, tables) {
  let total = 0;
  for (const table of tables) {
    for (const stat of await store.storage.partitionStatsOn(connection, table)) total += stat.bytes;
  }
  return total;
}
async function fillPartitionTime(connection, table, now) {
  const type = table.timePartitioning?.type ?? "DAY";
  const start = new Date(partitionStartMs(partitionIdOfInstant(now.getTime(), type))).toISOString();
  await connection.run(
    `UPDATE ${sqlName(table.storage)} SET ${sqlName(PARTITION_TIME)} = TIMESTAMPTZ '${start}' WHERE ${sqlName(PARTITION_TIME)} IS NULL`
  );
}
async function runStatement(store, request) {
  const translation = translate({ store, ...request });
  const { values, types } = bindings(request.params, translation.parameters);
  const { sql, statementType, referenced, target } = translation;
  return store.storage.engine.exclusive(async (connection) => {
    try {
      const bytesProcessed = await bytesRead(connection, store, referenced);
      const base = { statementType, bytesProcessed, referenced };
      if (statementType === "SELECT") {
        const text = request.dryRun ? `SELECT * FROM (${sql}) LIMIT 0` : sql;
        const reader = await connection.runAndReadAll(text, values, types);
        const fields = resultFields(reader.columnNames(), reader.columnTypes());
        return { ...base, fields, rows: reader.getRows() };
      }
      if (request.dryRun) {
        await connection.run(`EXPLAIN ${sql}`, values, types);
        return { ...base, fields: [], rows: [] };
      }
      const affected = await inTransaction(connection, async () => {
        const reader = await connection.runAndReadAll(sql, values, types);
        if (target && statementType === "INSERT" && isIngestionTime(target)) {
          await fillPartitionTime(connection, target, request.now);
        }
        return Number(reader.getRowsJS()[0]?.[0] ?? 0);
      });
      if (target) target.lastModifiedTime = request.now.getTime();
      return { ...base, fields: [], rows: [], dmlAffectedRows: affected };
    } catch (error) {
      throw queryError(error, referenced);
    }
  });
}

// packages/local-cloud/src/bigquery/query-destination.ts
var DISPOSITIONS = ["WRITE_APPEND", "WRITE_TRUNCATE", "WRITE_EMPTY"];
async function destination(store, config, result) {
  const reference = config.destinationTable;
  const projectId = reference.projectId ?? "";
  const datasetId = reference.datasetId ?? "";
  const tableId = reference.tableId ?? "";
  const { table: plain } = splitDecorator(tableId);
  try {
    return { table: store.getTable(projectId, datasetId, plain), tableId };
  } catch (error) {
    if (!(error instanceof BigQueryApiError) || error.reason !== "notFound" || !store.hasDataset(projectId, datasetId)) {
      throw error;
    }
  }
  if (config.createDisposition === "CREATE_NEVER") throw notFoundTable(projectId, datasetId, plain);
  const table = await store.insertTable(projectId, datasetId, {
    tableReference: { tableId: plain },
    schema: { fields: result.fields },
    timePartitioning: config.timePartitioning,
    rangePartitioning: config.rangePartitioning,
    clustering: config.clustering
  });
  return { table, tableId };
}
async function applySchemaUpdates(store, table, fields, options) {
  if (options.length === 0) return;
  const known = new Set(table.schema.map((field) => field.name.toLowerCase()));
  const given = new Map(fields.map((field) => [field.name.toLowerCase(), field]));
  const schema = table.schema.map(
    (field) => options.includes("ALLOW_FIELD_RELAXATION") && field.mode === "REQUIRED" && given.get(field.name.toLowerCase())?.mode !== "REQUIRED" ? { ...field, mode: "NULLABLE" } : field
  );
  if (options.includes("ALLOW_FIELD_ADDITION")) {
    for (const field of fields) if (!known.has(field.name.toLowerCase())) schema.push(field);
  }
  await store.updateTable(
    table.projectId,
    table.datasetId,
    table.tableId,
    { schema: { fields: schema } },
    "merge"
  );
}
function checkResultFits(table, fields) {
  const name = `${table.projectId}:${table.datasetId}.${table.tableId}`;
  for (const field of fields) {
    const column2 = table.schema.find(
      (candidate) => candidate.name.toLowerCase() === field.name.toLowerCase()
    );
    if (!column2) {
      throw new BigQueryApiError(
        "invalid",
        `Provided Schema does not match Table ${name}. Cannot add fields (field: ${field.name})`
      );
    }
    if (column2.type !== field.type || column2.mode === "REPEATED" !== (field.mode === "REPEATED")) {
      throw new BigQueryApiError(
        "invalid",
        `Provided Schema does not match Table ${name}. Field ${field.name} has changed type from ${column2.type} to ${field.type}`
      );
    }
  }
}
async function writeQueryResults(store, statement, result, config, now) {
  if (result.statementType !== "SELECT") {
    throw new BigQueryApiError("invalid", "Only a SELECT query can write to a destinationTable.");
  }
  const disposition = String(config.writeDisposition ?? "WRITE_EMPTY");
  if (!DISPOSITIONS.includes(disposition)) {
    throw new BigQueryApiError("invalid", `Invalid value for writeDisposition: ${disposition}`);
  }
  const { table, tableId } = await destination(store, config, result);
  await applySchemaUpdates(store, table, result.fields, config.schemaUpdateOptions ?? []);
  checkResultFits(table, result.fields);
  const translation = translate({ store, ...statement });
  const { values, types } = bindings(statement.params, translation.parameters);
  try {
    await writeThroughStage(store, {
      table,
      tableId,
      disposition,
      now,
      fill: async (connection, stage) => {
        await connection.run(
          `INSERT INTO ${sqlName(stage)} BY NAME SELECT * FROM (${translation.sql})`,
          values,
          types
        );
      }
    });
  } catch (error) {
    throw queryError(error, translation.referenced);
  }
}

// packages/local-cloud/src/bigquery/routines.ts
var ROUTINE_ID = /^[A-Za-z0-9_]{1,256}$/;
var ROUTINE_TYPES = ["SCALAR_FUNCTION", "PROCEDURE", "TABLE_VALUED_FUNCTION", "AGGREGATE_FUNCTION"];
var OUTPUT_ONLY = ["etag", "routineReference", "creationTime", "lastModifiedTime", "kind", "id"];
var routineName = (dataset, routineId) => `${dataset.projectId}:${dataset.datasetId}.${routineId}`;
function checkedFields(body) {
  const fields = {};
  for (const [key, value] of Object.entries(body)) if (!OUTPUT_ONLY.includes(key)) fields[key] = value;
  if (!ROUTINE_TYPES.includes(String(fields.routineType))) {
    throw new BigQueryApiError(
      "invalid",
      `Invalid value for routineType: ${String(fields.routineType)} is not a valid value`
    );
  }
  if (typeof fields.definitionBody !== "string" || fields.definitionBody === "") {
    throw new BigQueryApiError("invalid", "Required field definitionBody is missing.");
  }
  fields.language ??= "SQL";
  return fields;
}
function getRoutine(dataset, routineId) {
  const routine = dataset.routines.get(routineId);
  if (!routine)
    throw new BigQueryApiError("notFound", `Not found: Routine ${routineName(dataset, routineId)}`);
  return routine;
}
function insertRoutine(dataset, body, nowMs, replace = false) {
  const routineId = String((body.routineReference ?? {}).routineId ?? "");
  if (!ROUTINE_ID.test(routineId)) {
    throw new BigQueryApiError(
      "invalid",
      `Invalid routine ID "${routineId}". Routine IDs must be alphanumeric (plus underscores) and at most 256 characters long.`
    );
  }
  if (dataset.routines.has(routineId) && !replace) {
    throw new BigQueryApiError("duplicate", `Already Exists: Routine ${routineName(dataset, routineId)}`);
  }
  const routine = {
    projectId: dataset.projectId,
    datasetId: dataset.datasetId,
    routineId,
    fields: checkedFields(body),
    creationTime: nowMs,
    lastModifiedTime: nowMs,
    etag: 1
  };
  dataset.routines.set(routineId, routine);
  return routine;
}
function updateRoutine(dataset, routineId, body, nowMs) {
  const routine = getRoutine(dataset, routineId);
  routine.fields = checkedFields(body);
  routine.lastModifiedTime = nowMs;
  routine.etag += 1;
  return routine;
}
function routineResource(routine) {
  const { projectId, datasetId, routineId } = routine;
  return {
    etag: String(routine.etag),
    routineReference: { projectId, datasetId, routineId },
    ...routine.fields,
    creationTime: String(routine.creationTime),
    lastModifiedTime: String(routine.lastModifiedTime)
  };
}

// packages/local-cloud/src/bigquery/sql/ddl.ts
function isDdl(sql) {
  return /^\s*(CREATE|DROP|ALTER)\b/i.test(sql.replace(/^(\s*(--[^\n]*\n|#[^\n]*\n|\/\*[\s\S]*?\*\/))*/, ""));
}
var source = (sql, tokens, from, to) => {
  const first = tokens[from];
  const last = tokens[to - 1];
  if (!first || !last || to <= from) return "";
  return sql.slice(first.start, last.start + last.text.length);
};
function readPathAt(tokens, index) {
  const { parts, next } = readPath(tokens, index, { dashedWords: false });
  if (parts.length === 0) throw unsupported("this DDL statement without a table name");
  return { path: parts, next };
}
function readOptions(sql, tokens, open) {
  const close = closingIndex(tokens, open);
  const options = /* @__PURE__ */ new Map();
  for (const [from, to] of splitTopLevel(tokens, open + 1, close)) {
    if (!isSymbol(tokens[from + 1], "=")) throw unsupported("OPTIONS entries other than name = value");
    options.set((tokens[from]?.text ?? "").toLowerCase(), source(sql, tokens, from + 2, to));
  }
  return { options, next: close + 1 };
}
var FIELD_TYPES = {
  INT64: "INTEGER",
  FLOAT64: "FLOAT",
  BOOL: "BOOLEAN",
  DECIMAL: "NUMERIC",
  BIGDECIMAL: "BIGNUMERIC",
  STRUCT: "RECORD"
};
function fieldType(tokens, from, to) {
  const name = (tokens[from]?.value ?? "").toUpperCase();
  if (name === "ARRAY") return { ...fieldType(tokens, from + 2, to - 1), mode: "REPEATED" };
  if (name === "STRUCT") {
    const members = splitTopLevelAngles(tokens, from + 2, to - 1).map(([start, end]) => ({
      name: tokens[start]?.kind === "quoted" ? tokens[start]?.value : tokens[start]?.text,
      ...fieldType(tokens, start + 1, end)
    }));
    return { type: "RECORD", fields: members };
  }
  return { type: FIELD_TYPES[name] ?? name };
}
var TYPE_BRACKETS = { open: ["<", "("], close: [">", ")"] };
function splitTopLevelAngles(tokens, from, to) {
  const parts = splitTopLevel(tokens, from, to, TYPE_BRACKETS);
  return parts.length > 0 ? parts : [[from, to]];
}
function readColumns(sql, tokens, open) {
  const close = closingIndex(tokens, open);
  const fields = splitTopLevelAngles(tokens, open + 1, close).map(([from, to]) => {
    let end = to;
    const options = topLevelWord(tokens, from, to, "OPTIONS");
    const description = options >= 0 ? readOptions(sql, tokens, options + 1).options.get("description") : void 0;
    if (options >= 0) end = options;
    const required3 = isWord(tokens[end - 2], "NOT") && isWord(tokens[end - 1], "NULL");
    if (required3) end -= 2;
    const column2 = tokens[from];
    return {
      name: column2?.kind === "quoted" ? column2.value : column2?.text,
      ...fieldType(tokens, from + 1, end),
      ...required3 ? { mode: "REQUIRED" } : {},
      ...description ? { description: tokenize(description)[0]?.value } : {}
    };
  });
  return { fields, next: close + 1 };
}
function readHead(tokens) {
  let at2 = 1;
  const replace = isWord(tokens[1], "OR") && isWord(tokens[2], "REPLACE");
  if (replace) at2 = 3;
  if (isWord(tokens[at2], "TEMP", "TEMPORARY"))
    throw unsupported("temporary tables and functions (they need a session)");
  const kind = tokens[at2]?.value;
  if (kind !== "VIEW" && kind !== "TABLE" && kind !== "FUNCTION") {
    throw unsupported(`CREATE ${tokens[at2]?.text.toUpperCase() ?? ""} statements`);
  }
  return { kind, replace, at: at2 + 1 };
}
var TYPE_KINDS = { INTEGER: "INT64", FLOAT: "FLOAT64", BOOLEAN: "BOOL" };
function standardType(field) {
  if (field.mode === "REPEATED")
    return { typeKind: "ARRAY", arrayElementType: standardType({ ...field, mode: void 0 }) };
  if (field.type === "RECORD") {
    const members = field.fields.map((member) => ({
      name: member.name,
      type: standardType(member)
    }));
    return { typeKind: "STRUCT", structType: { fields: members } };
  }
  const type = String(field.type);
  return { typeKind: TYPE_KINDS[type] ?? type };
}
function parseFunction(sql, tokens, at2, replace) {
  const { path, next } = readPathAt(tokens, at2);
  if (!isSymbol(tokens[next], "(")) throw unsupported("CREATE FUNCTION without an argument list");
  const close = closingIndex(tokens, next);
  const args = close > next + 1 ? splitTopLevelAngles(tokens, next + 1, close) : [];
  const routineArguments = args.map(([from, to]) => ({
    name: tokens[from]?.text,
    dataType: standardType(fieldType(tokens, from + 1, to))
  }));
  const as = topLevelWord(tokens, close + 1, tokens.length, "AS");
  if (as < 0)
    throw new BigQueryApiError("invalidQuery", "Syntax error: CREATE FUNCTION needs AS followed by its body");
  const returns = topLevelWord(tokens, close + 1, as, "RETURNS");
  const language = topLevelWord(tokens, close + 1, as, "LANGUAGE");
  const returnEnd = [language, as].filter((index) => index > returns).sort((a, b) => a - b)[0] ?? as;
  const body = tokens[as + 1]?.kind === "string" ? tokens[as + 1]?.value ?? "" : source(sql, tokens, as + 2, tokens.length - 1);
  const routine = {
    routineType: "SCALAR_FUNCTION",
    language: language >= 0 ? tokens[language + 1]?.text.toUpperCase() === "JS" ? "JAVASCRIPT" : "SQL" : "SQL",
    arguments: routineArguments,
    ...returns >= 0 ? { returnType: standardType(fieldType(tokens, returns + 1, returnEnd)) } : {},
    definitionBody: body
  };
  return {
    kind: "CREATE_FUNCTION",
    path,
    replace,
    ifNotExists: false,
    ifExists: false,
    options: /* @__PURE__ */ new Map(),
    routine
  };
}
function parseCreate(sql, tokens) {
  const head = readHead(tokens);
  if (head.kind === "FUNCTION") return parseFunction(sql, tokens, head.at, head.replace);
  let at2 = head.at;
  const ifNotExists = isWord(tokens[at2], "IF") && isWord(tokens[at2 + 1], "NOT") && isWord(tokens[at2 + 2], "EXISTS");
  if (ifNotExists) at2 += 3;
  if (ifNotExists && head.replace)
    throw new BigQueryApiError("invalidQuery", "CREATE OR REPLACE cannot be combined with IF NOT EXISTS");
  const { path, next } = readPathAt(tokens, at2);
  at2 = next;
  const statement = {
    kind: head.kind === "VIEW" ? "CREATE_VIEW" : "CREATE_TABLE",
    path,
    replace: head.replace,
    ifNotExists,
    ifExists: false,
    options: /* @__PURE__ */ new Map()
  };
  if (head.kind === "TABLE" && isSymbol(tokens[at2], "("))
    ({ fields: statement.fields, next: at2 } = readColumns(sql, tokens, at2));
  const as = topLevelWord(tokens, at2, tokens.length, "AS");
  const end = as < 0 ? tokens.length : as;
  const partition = topLevelWord(tokens, at2, end, "PARTITION");
  const cluster = topLevelWord(tokens, at2, end, "CLUSTER");
  const options = topLevelWord(tokens, at2, end, "OPTIONS");
  if (options >= 0) statement.options = readOptions(sql, tokens, options + 1).options;
  if (partition >= 0)
    statement.partitionBy = tokens.slice(
      partition + 2,
      [cluster, options, end].filter((i) => i > partition).sort((a, b) => a - b)[0]
    );
  if (cluster >= 0) {
    const stop = [options, end].filter((index) => index > cluster).sort((a, b) => a - b)[0] ?? end;
    statement.clusterBy = tokens.slice(cluster + 2, stop).filter((token) => !isSymbol(token, ",")).map((token) => token.text);
  }
  if (as >= 0) {
    statement.query = source(sql, tokens, as + 1, tokens.length).replace(/;\s*$/, "");
    if (head.kind === "TABLE") statement.kind = "CREATE_TABLE_AS_SELECT";
  } else if (head.kind === "VIEW") {
    throw new BigQueryApiError("invalidQuery", "Syntax error: CREATE VIEW needs AS followed by a query");
  }
  return statement;
}
function ddlTokens(sql) {
  return tokenize(sql).filter((token, index, all) => !(isSymbol(token, ";") && index === all.length - 1)).flatMap(
    (token) => isSymbol(token, ">>") ? [
      { ...token, text: ">", value: ">" },
      { ...token, text: ">", value: ">", start: token.start + 1, spaceBefore: false }
    ] : [token]
  );
}
function parseDdl(sql) {
  const tokens = ddlTokens(sql);
  const verb = tokens[0]?.value;
  if (verb === "CREATE") return parseCreate(sql, tokens);
  if (verb === "DROP" && isWord(tokens[1], "TABLE", "VIEW", "FUNCTION")) {
    const ifExists = isWord(tokens[2], "IF") && isWord(tokens[3], "EXISTS");
    const { path } = readPathAt(tokens, ifExists ? 4 : 2);
    const kind = `DROP_${tokens[1]?.value}`;
    return { kind, path, replace: false, ifNotExists: false, ifExists, options: /* @__PURE__ */ new Map() };
  }
  throw unsupported(`${verb ?? ""} ${tokens[1]?.text.toUpperCase() ?? ""} statements`.trim());
}

// packages/local-cloud/src/bigquery/sql/ddl-partitioning.ts
var INGESTION = ["_PARTITIONTIME", "_PARTITIONDATE"];
function column(token) {
  if (!token) return void 0;
  const name = token.kind === "quoted" ? token.value : token.text;
  return INGESTION.includes(name.toUpperCase()) ? void 0 : name;
}
function timePartitioning(type, token, expirationMs) {
  const field = column(token);
  return {
    timePartitioning: {
      type,
      ...field ? { field } : {},
      ...expirationMs ? { expirationMs: String(expirationMs) } : {}
    }
  };
}
function ddlPartitioning(tokens, expirationMs) {
  if (!tokens || tokens.length === 0) return {};
  const [first, second, third] = tokens;
  const text = tokens.map((token) => token.text).join(" ");
  if (tokens.length === 1) return timePartitioning("DAY", first, expirationMs);
  if (isWord(first, "DATE") && isSymbol(second, "(") && tokens.length === 4)
    return timePartitioning("DAY", third, expirationMs);
  if (isWord(first, "TIMESTAMP_TRUNC", "DATETIME_TRUNC", "DATE_TRUNC") && isSymbol(second, "(")) {
    const unit = tokens[4]?.value ?? "";
    if (!["HOUR", "DAY", "MONTH", "YEAR"].includes(unit)) throw unsupported(`PARTITION BY ${text}`);
    return timePartitioning(unit, third, expirationMs);
  }
  if (isWord(first, "RANGE_BUCKET")) {
    const numbers = [];
    tokens.forEach((token, index) => {
      if (token.kind === "number")
        numbers.push(`${isSymbol(tokens[index - 1], "-") ? "-" : ""}${token.value}`);
    });
    if (numbers.length !== 3) throw unsupported(`PARTITION BY ${text}`);
    const [start, end, interval] = numbers;
    return { rangePartitioning: { field: column(third), range: { start, end, interval } } };
  }
  throw unsupported(`PARTITION BY ${text}`);
}

// packages/local-cloud/src/bigquery/ddl-runner.ts
function ids(statement, request) {
  const { path } = statement;
  if (path.length === 3) return path;
  if (path.length === 2) return [request.projectId, path[0] ?? "", path[1] ?? ""];
  if (path.length === 1 && request.defaultDataset) {
    return [request.defaultDataset.projectId, request.defaultDataset.datasetId, path[0] ?? ""];
  }
  throw new BigQueryApiError(
    "invalidQuery",
    `Table "${path.join(".")}" must be qualified with a dataset (e.g. dataset.table).`
  );
}
async function evaluate(store, request, expression) {
  const result = await runStatement(store, { ...request, sql: `SELECT ${expression}`, dryRun: false });
  return result.rows[0]?.[0] ?? null;
}
async function optionFields(store, request, options) {
  const body = {};
  for (const [name, expression] of options) {
    if (name === "labels") {
      const pairs = [...expression.matchAll(/\(\s*["']([^"']*)["']\s*,\s*["']([^"']*)["']\s*\)/g)];
      body.labels = Object.fromEntries(pairs.map((pair) => [pair[1], pair[2]]));
      continue;
    }
    const value = await evaluate(store, request, expression);
    if (name === "description") body.description = value === null ? null : String(value);
    else if (name === "friendly_name") body.friendlyName = value === null ? null : String(value);
    else if (name === "expiration_timestamp" && value instanceof DuckDBTimestampTZValue) {
      body.expirationTime = String(value.micros / 1000n);
    } else if (name === "require_partition_filter") body.requirePartitionFilter = value === true;
    else if (name === "partition_expiration_days")
      body.partitionExpirationMs = Math.round(Number(value) * 864e5);
    else
      throw new BigQueryApiError(
        "invalidQuery",
        `The local cloud does not support the table option ${name}.`
      );
  }
  return body;
}
async function existing(store, [projectId, datasetId, tableId]) {
  try {
    return store.getTable(projectId, datasetId, tableId);
  } catch (error) {
    if (error instanceof BigQueryApiError && error.reason === "notFound" && store.hasDataset(projectId, datasetId))
      return void 0;
    throw error;
  }
}
async function drop(store, statement, target) {
  const table = await existing(store, target);
  if (!table) {
    if (statement.ifExists) return;
    throw notFoundTable(...target);
  }
  const wanted = statement.kind === "DROP_VIEW" ? "VIEW" : "TABLE";
  if (table.kind !== wanted) {
    throw new BigQueryApiError(
      "invalidQuery",
      `${tableName(...target)} is a ${table.kind.toLowerCase()}; use DROP ${table.kind}.`
    );
  }
  await store.deleteTable(...target);
}
async function tableBody(store, request, statement, fields) {
  const options = await optionFields(store, request, statement.options);
  const { partitionExpirationMs, ...rest } = options;
  const layout2 = ddlPartitioning(statement.partitionBy, partitionExpirationMs);
  return {
    ...rest,
    ...layout2,
    ...statement.kind === "CREATE_VIEW" ? { view: { query: statement.query, useLegacySql: false } } : { schema: { fields } },
    ...statement.clusterBy ? { clustering: { fields: statement.clusterBy } } : {}
  };
}
async function create(store, request, statement, target) {
  const [projectId, datasetId, tableId] = target;
  const current = await existing(store, target);
  if (current && statement.ifNotExists) return "SKIP";
  if (current && !statement.replace)
    throw new BigQueryApiError("duplicate", `Already Exists: Table ${tableName(...target)}`);
  let fields = statement.fields;
  let query;
  const select = statement.kind === "CREATE_TABLE_AS_SELECT" ? { ...request, sql: statement.query ?? "", dryRun: false } : void 0;
  if (select) {
    query = await runStatement(store, { ...select, dryRun: true });
    fields ??= query.fields.map((field) => ({ ...field }));
  }
  const body = await tableBody(store, request, statement, fields ?? []);
  if (current) await store.deleteTable(...target);
  await store.insertTable(projectId, datasetId, { tableReference: { tableId }, ...body });
  if (select && query) {
    const destination3 = {
      destinationTable: { projectId, datasetId, tableId },
      writeDisposition: "WRITE_TRUNCATE",
      createDisposition: "CREATE_NEVER"
    };
    await writeQueryResults(store, select, query, destination3, request.now);
  }
  return current ? "REPLACE" : "CREATE";
}
function routineDdl(store, statement, target, nowMs) {
  const [projectId, datasetId, routineId] = target;
  const dataset = store.getDataset(projectId, datasetId);
  if (statement.kind === "DROP_FUNCTION") {
    if (!dataset.routines.has(routineId) && statement.ifExists) return "SKIP";
    getRoutine(dataset, routineId);
    dataset.routines.delete(routineId);
    return "DROP";
  }
  const existed = dataset.routines.has(routineId);
  insertRoutine(dataset, { ...statement.routine, routineReference: { routineId } }, nowMs, statement.replace);
  return existed ? "REPLACE" : "CREATE";
}
async function runDdl(store, request) {
  const statement = parseDdl(request.sql);
  const target = ids(statement, request);
  const base = {
    statementType: statement.kind,
    fields: [],
    rows: [],
    bytesProcessed: 0,
    referenced: []
  };
  if (request.dryRun) return base;
  let operation = "DROP";
  if (statement.kind.endsWith("FUNCTION"))
    operation = routineDdl(store, statement, target, request.now.getTime());
  else if (statement.kind.startsWith("DROP")) await drop(store, statement, target);
  else operation = await create(store, request, statement, target);
  const [projectId, datasetId, tableId] = target;
  return { ...base, ddl: { operation, target: { projectId, datasetId, tableId } } };
}

// packages/local-cloud/src/bigquery/sql/legacy-sql.ts
var SUBSET = "SELECT column, … FROM [project:dataset.table] LIMIT n";
var IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";
var PROJECT = "[a-z][a-z0-9-]{4,28}[a-z0-9]";
var LEGACY_SELECT = new RegExp(
  `^\\s*SELECT\\s+(?<columns>${IDENTIFIER}(?:\\s*,\\s*${IDENTIFIER})*)\\s+FROM\\s+\\[(?:(?<project>${PROJECT}):)?(?<dataset>[A-Za-z0-9_]{1,1024})\\.(?<table>[A-Za-z0-9_]{1,1024})\\](?:\\s+LIMIT\\s+(?<limit>\\d{1,18}))?\\s*;?\\s*$`,
  "i"
);
function refused() {
  return new BigQueryApiError(
    "invalidQuery",
    `The local cloud serves only this subset of legacy SQL (useLegacySql, the API's default): ${SUBSET}. Set useLegacySql to false and write the query in GoogleSQL.`
  );
}
function legacyToGoogleSql(sql, projectId) {
  const groups = LEGACY_SELECT.exec(sql)?.groups;
  if (!groups) throw refused();
  const columns = (groups.columns ?? "").split(",").map((column2) => `\`${column2.trim()}\``);
  const table = `\`${groups.project ?? projectId}.${groups.dataset}.${groups.table}\``;
  const limit = groups.limit === void 0 ? "" : ` LIMIT ${groups.limit}`;
  return `SELECT ${columns.join(", ")} FROM ${table}${limit}`;
}
function checkLegacyOptions(config) {
  const named = config.queryParameters;
  if (Array.isArray(named) && named.length > 0) {
    throw new BigQueryApiError(
      "invalidQuery",
      "Query parameters are not supported in legacy SQL: set useLegacySql to false to use them."
    );
  }
  const hasDestination = config.destinationTable !== void 0 && config.destinationTable !== null;
  if (config.allowLargeResults === true && !hasDestination) {
    throw new BigQueryApiError(
      "invalid",
      "allowLargeResults requires a destination table: set destinationTable, or drop allowLargeResults."
    );
  }
  if (config.flattenResults === false && config.allowLargeResults !== true) {
    throw new BigQueryApiError(
      "invalid",
      "flattenResults: false requires allowLargeResults: true (and a destination table) in legacy SQL."
    );
  }
}

// packages/local-cloud/src/bigquery/sql/params.ts
import { LIST as LIST2, listValue as listValue2, STRUCT as STRUCT2, structValue as structValue2 } from "@duckdb/node-api";

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
var PARTITION_TYPES = ["HOUR", "DAY", "MONTH", "YEAR"];
var isPartitionType = (type) => PARTITION_TYPES.includes(type);
var FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,299}$/;
var RESERVED_PREFIXES = ["_TABLE_", "_FILE_", "_PARTITION", "_ROW_TIMESTAMP", "__ROOT__", "_COLIDENTIFIER"];
var PASSED_THROUGH = [
  "policyTags",
  "maxLength",
  "precision",
  "scale",
  "defaultValueExpression",
  "collation"
];
var canonicalType = (type) => TYPE_ALIASES[type.toUpperCase()] ?? type.toUpperCase();
var KNOWN_TYPES = new Set(BIGQUERY_FIELD_TYPES);
function checkFieldName(field, seen) {
  if (!field || typeof field.name !== "string" || !FIELD_NAME.test(field.name)) {
    throw new BigQueryApiError(
      "invalid",
      `Invalid field name "${String(field?.name)}". Fields must contain only letters, numbers, and underscores, start with a letter or underscore, and be at most 300 characters long.`
    );
  }
  const upper = field.name.toUpperCase();
  const reserved = RESERVED_PREFIXES.find((prefix) => upper.startsWith(prefix));
  if (reserved) {
    throw new BigQueryApiError(
      "invalid",
      `Invalid field name "${field.name}". Field names are not allowed to start with the (case-insensitive) prefixes ${RESERVED_PREFIXES.join(", ")}`
    );
  }
  const lower = field.name.toLowerCase();
  if (seen.has(lower)) throw new BigQueryApiError("invalid", `Field ${field.name} already exists in schema`);
  seen.add(lower);
  return field.name;
}
function checkFieldType(name, raw) {
  const type = canonicalType(String(raw ?? ""));
  if (UNSUPPORTED_FIELD_TYPES.includes(type)) {
    throw new BigQueryApiError(
      "invalid",
      `Field ${name} has type ${type}: BigQuery documents it, but the local cloud cannot store ${type} columns. Use another type.`
    );
  }
  if (!KNOWN_TYPES.has(type)) {
    throw new BigQueryApiError("invalid", `Invalid value for type: ${String(raw)} is not a valid value`);
  }
  return type;
}
function normalizeSchema(fields, where = "schema") {
  if (!Array.isArray(fields))
    throw new BigQueryApiError("invalid", `Invalid ${where}: fields must be a list.`);
  const seen = /* @__PURE__ */ new Set();
  return fields.map((raw) => {
    const field = raw;
    const name = checkFieldName(field, seen);
    const type = checkFieldType(name, field?.type);
    const mode = String(field?.mode ?? "NULLABLE").toUpperCase();
    if (!["NULLABLE", "REQUIRED", "REPEATED"].includes(mode)) {
      throw new BigQueryApiError(
        "invalid",
        `Invalid value for mode: ${String(field?.mode)} is not a valid value`
      );
    }
    const normalized = { name, type, mode };
    if (field?.description !== void 0) normalized.description = field.description;
    const kept = {};
    for (const key of PASSED_THROUGH) {
      if (field?.[key] !== void 0 && field[key] !== null) kept[key] = field[key];
    }
    Object.assign(normalized, kept);
    if (type === "RECORD") {
      if (!Array.isArray(field?.fields) || field.fields.length === 0) {
        throw new BigQueryApiError("invalid", `Field ${name} is type RECORD but has no schema`);
      }
      normalized.fields = normalizeSchema(field.fields, `schema of field ${name}`);
    }
    return normalized;
  });
}
function normalizePartitioning(raw, schema) {
  if (raw === void 0 || raw === null) return void 0;
  const spec = raw;
  const type = String(spec.type ?? "DAY").toUpperCase();
  if (!isPartitionType(type)) {
    throw new BigQueryApiError(
      "invalid",
      `Invalid value for timePartitioning.type: ${type}. Use HOUR, DAY, MONTH or YEAR.`
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
    const column2 = schema.find((field) => field.name.toLowerCase() === name.toLowerCase());
    if (!column2) {
      throw new BigQueryApiError(
        "invalid",
        `The field specified for time partitioning can only be found in the schema: ${name}`
      );
    }
    if (column2.mode === "REPEATED" || !["DATE", "TIMESTAMP", "DATETIME"].includes(column2.type)) {
      throw new BigQueryApiError(
        "invalid",
        `Partitioning field ${name} must be a top-level, non-repeated field of type DATE, TIMESTAMP or DATETIME; it is ${column2.mode} ${column2.type}`
      );
    }
    if (type === "HOUR" && column2.type === "DATE") {
      throw new BigQueryApiError(
        "invalid",
        `Partitioning by HOUR is not supported for DATE column ${name}; use DAY`
      );
    }
    result.field = column2.name;
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

// packages/local-cloud/src/bigquery/sql/params.ts
function invalid2(message) {
  return new BigQueryApiError("invalid", message);
}
function scalarBinding(type, value, where) {
  const canonical = canonicalType(type);
  if (canonical === "INTERVAL" || canonical === "RANGE") {
    throw new BigQueryApiError(
      "invalidQuery",
      `The local cloud does not support ${canonical} query parameters (${where}).`
    );
  }
  const field = { name: where, type: canonical, mode: "NULLABLE" };
  let engineType;
  try {
    engineType = columnType(field);
  } catch {
    throw invalid2(`Invalid query parameter type ${type} for ${where}.`);
  }
  const raw = value?.value;
  if (raw === void 0 || raw === null) return { value: null, type: engineType };
  try {
    return {
      value: engineValue(field, convertField(field, raw, { ignoreUnknownValues: false })),
      type: engineType
    };
  } catch (error) {
    if (!(error instanceof RowError)) throw error;
    throw invalid2(`Invalid value for query parameter ${where} of type ${type}: ${String(raw)}`);
  }
}
function binding(type, value, where) {
  const name = String(type?.type ?? "").toUpperCase();
  if (!name) throw invalid2(`Query parameter ${where} needs a parameterType.type.`);
  if (name === "ARRAY") {
    const items = (value?.arrayValues ?? []).map(
      (item, index) => binding(type?.arrayType, item, `${where}[${index}]`)
    );
    const elementType = binding(type?.arrayType, void 0, `${where}[]`).type;
    const isNull = value === void 0 || value.arrayValues === void 0 && value.value === null;
    return { value: isNull ? null : listValue2(items.map((item) => item.value)), type: LIST2(elementType) };
  }
  if (name === "STRUCT") {
    const members = {};
    const values = {};
    for (const [index, member] of (type?.structTypes ?? []).entries()) {
      const memberName = member.name ?? `_field_${index + 1}`;
      const bound = binding(member.type, value?.structValues?.[memberName], `${where}.${memberName}`);
      members[memberName] = bound.type;
      values[memberName] = bound.value;
    }
    return { value: value?.structValues ? structValue2(values) : null, type: STRUCT2(members) };
  }
  return scalarBinding(name, value, where);
}
function readQueryParams(raw) {
  const params = { named: /* @__PURE__ */ new Map(), positional: [] };
  if (raw === void 0 || raw === null) return params;
  if (!Array.isArray(raw)) throw invalid2("queryParameters must be a list.");
  for (const [index, item] of raw.entries()) {
    const parameter = item;
    const where = parameter.name ? `@${parameter.name}` : `#${index + 1}`;
    const bound = binding(parameter.parameterType, parameter.parameterValue, where);
    if (parameter.name) params.named.set(parameter.name.toLowerCase(), bound);
    else params.positional.push(bound);
  }
  if (params.named.size > 0 && params.positional.length > 0) {
    throw invalid2("Cannot mix named and positional query parameters.");
  }
  return params;
}

// packages/local-cloud/src/bigquery/query-jobs.ts
var QueryJobs = class {
  constructor(store, registry, clock) {
    this.store = store;
    this.registry = registry;
    this.clock = clock;
  }
  store;
  registry;
  clock;
  statement(projectId, config, dryRun, location) {
    const sql = config.query;
    if (typeof sql !== "string" || sql.trim() === "") {
      throw new BigQueryApiError("invalid", "Required parameter is missing: query");
    }
    const legacy = config.useLegacySql !== false;
    if (legacy) checkLegacyOptions(config);
    const dataset = config.defaultDataset;
    return {
      sql: legacy ? legacyToGoogleSql(sql, projectId) : sql,
      projectId,
      defaultDataset: dataset?.datasetId ? { projectId: dataset.projectId ?? projectId, datasetId: dataset.datasetId } : void 0,
      params: readQueryParams(config.queryParameters),
      now: this.clock(),
      dryRun,
      location: typeof location === "string" && location ? location : void 0
    };
  }
  location(request) {
    const given = request.location ?? request.config.location;
    return typeof given === "string" && given ? given : this.store.defaultLocation;
  }
  async execute(request) {
    const statement = this.statement(
      request.projectId,
      request.config,
      request.dryRun,
      request.location ?? request.config.location
    );
    if (isDdl(statement.sql)) return runDdl(this.store, statement);
    const result = await runStatement(this.store, statement);
    if (request.config.destinationTable && !request.dryRun) {
      await writeQueryResults(this.store, statement, result, request.config, this.clock());
    }
    return result;
  }
  newJob(request, jobId) {
    const now = this.clock().getTime();
    return {
      projectId: request.projectId,
      jobId,
      location: this.location(request),
      jobType: "QUERY",
      configuration: request.configuration,
      creationTime: now,
      endTime: now
    };
  }
  /** Without a requested location, a job runs where the first dataset it reads lives. */
  settle(job, request) {
    const first = job.result?.referenced[0];
    if ((request.location ?? request.config.location) || !first) return;
    job.location = this.store.getDataset(first.projectId, first.datasetId).location;
  }
  /** jobs.query: the statement's failure is the call's failure. */
  async query(request) {
    const job = this.newJob(request, this.registry.newId(request.projectId, request.jobId));
    job.result = await this.execute(request);
    this.settle(job, request);
    return request.dryRun ? job : this.registry.add(job);
  }
  /**
   * jobs.query in JOB_CREATION_OPTIONAL mode: the statement runs, and becomes a job only
   * when `reasonFor` names why one is needed; otherwise nothing is kept.
   */
  async queryOptional(request, reasonFor) {
    const job = this.newJob(request, this.registry.newId(request.projectId, void 0));
    job.result = await this.execute(request);
    this.settle(job, request);
    job.creationReason = request.dryRun ? void 0 : reasonFor(job);
    if (job.creationReason === void 0) return { job, created: false };
    return { job: this.registry.add(job), created: true };
  }
  /** jobs.insert: a dry run fails the call; a real run that fails is a failed job. */
  async insert(request) {
    const job = this.newJob(request, this.registry.newId(request.projectId, request.jobId));
    if (request.dryRun) {
      job.result = await this.execute(request);
      this.settle(job, request);
      return job;
    }
    try {
      job.result = await this.execute(request);
      this.settle(job, request);
    } catch (error) {
      if (!(error instanceof BigQueryApiError)) throw error;
      job.error = error;
    }
    job.endTime = this.clock().getTime();
    return this.registry.add(job);
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

// packages/local-cloud/src/bigquery/layout-rules.ts
var MAX_RANGE_PARTITIONS = 10000n;
var MAX_CLUSTERING_FIELDS = 4;
var CLUSTERABLE = /* @__PURE__ */ new Set([
  "STRING",
  "INTEGER",
  "NUMERIC",
  "BIGNUMERIC",
  "DATE",
  "DATETIME",
  "TIMESTAMP",
  "BOOLEAN",
  "GEOGRAPHY"
]);
function invalid3(message) {
  return new BigQueryApiError("invalid", message);
}
function int64(value, what) {
  const text = typeof value === "number" || typeof value === "bigint" ? String(value) : value;
  if (typeof text !== "string" || !/^-?\d+$/.test(text)) {
    throw invalid3(`Invalid value for rangePartitioning.range.${what}: ${String(value)} is not an integer.`);
  }
  return BigInt(text);
}
function topLevel(schema, name) {
  return schema.find((field) => field.name.toLowerCase() === name.toLowerCase());
}
function normalizeRangePartitioning(raw, schema) {
  if (raw === void 0 || raw === null) return void 0;
  const spec = raw;
  const name = String(spec.field ?? "");
  const column2 = topLevel(schema, name);
  if (!column2) {
    throw invalid3(`The field specified for range partitioning can only be found in the schema: ${name}`);
  }
  if (column2.type !== "INTEGER" || column2.mode === "REPEATED") {
    throw invalid3(
      `Range partitioning field ${name} must be a top-level, non-repeated INT64 column; it is ${column2.mode} ${column2.type}`
    );
  }
  const range = spec.range ?? {};
  const start = int64(range.start, "start");
  const end = int64(range.end, "end");
  const interval = int64(range.interval, "interval");
  if (interval <= 0n || end <= start) {
    throw invalid3("Invalid range partitioning: end must be greater than start, and interval positive.");
  }
  if ((end - start + interval - 1n) / interval > MAX_RANGE_PARTITIONS) {
    throw invalid3(
      `Too many partitions: the range would create more than ${MAX_RANGE_PARTITIONS} partitions.`
    );
  }
  return { field: column2.name, start, end, interval };
}
function normalizeClustering(raw, schema) {
  if (raw === void 0 || raw === null) return void 0;
  const fields = raw.fields;
  if (fields === void 0 || fields === null) return void 0;
  if (!Array.isArray(fields) || fields.length === 0) {
    throw invalid3("Invalid clustering: fields must be a non-empty list of column names.");
  }
  if (fields.length > MAX_CLUSTERING_FIELDS) {
    throw invalid3(`Too many clustering fields: ${fields.length}, only ${MAX_CLUSTERING_FIELDS} are allowed.`);
  }
  return fields.map((name) => {
    const column2 = topLevel(schema, String(name));
    if (!column2)
      throw invalid3(
        `The field specified for clustering cannot be found in the schema.  Invalid field: ${String(name)}.`
      );
    if (column2.mode === "REPEATED" || !CLUSTERABLE.has(column2.type)) {
      throw invalid3(
        `Field ${column2.name} is of type ${column2.mode === "REPEATED" ? "ARRAY" : column2.type} which is not supported for clustering.`
      );
    }
    return column2.name;
  });
}
function rangeResource(range) {
  if (!range) return void 0;
  return {
    field: range.field,
    range: { start: String(range.start), end: String(range.end), interval: String(range.interval) }
  };
}
function checkRangeChange(before, after) {
  const same = before?.field === after?.field && before?.start === after?.start && before?.end === after?.end && before?.interval === after?.interval;
  if (!same) {
    throw invalid3(
      "Cannot change partitioning/clustering spec for a partitioned/clustered table. Create a new table instead."
    );
  }
}

// packages/local-cloud/src/bigquery/time-travel.ts
var DEFAULT_TIME_TRAVEL_HOURS = 168;
var MIN_TIME_TRAVEL_HOURS = 48;
var HOUR_MS = 36e5;
var DECORATOR = /^(?<table>[^@]+)@(?<instant>-?\d{1,16})$/;
function readTimeTravelHours(value) {
  const hours = Number(value);
  if (!Number.isInteger(hours) || hours < MIN_TIME_TRAVEL_HOURS || hours > DEFAULT_TIME_TRAVEL_HOURS || hours % 24 !== 0) {
    throw new BigQueryApiError(
      "invalid",
      `Invalid value for maxTimeTravelHours: ${String(value)}. The time travel window must be a multiple of 24 hours between ${MIN_TIME_TRAVEL_HOURS} and ${DEFAULT_TIME_TRAVEL_HOURS}.`
    );
  }
  return hours;
}
function splitSnapshot(tableId) {
  if (!tableId.includes("@")) return { tableId };
  const match = DECORATOR.exec(tableId);
  if (!match?.groups) {
    throw new BigQueryApiError(
      "invalid",
      `Invalid table decorator in "${tableId}": use table@<milliseconds since the epoch> or table@-<milliseconds ago>.`
    );
  }
  return { tableId: match.groups.table ?? "", instant: Number(match.groups.instant) };
}
var TimeTravel = class {
  constructor(storage) {
    this.storage = storage;
  }
  storage;
  deleted = /* @__PURE__ */ new Map();
  /** Keeps a deleted table for `windowHours`; its engine table is renamed, not dropped. */
  keep(table, deletedAt, windowHours, location) {
    if (table.kind !== "TABLE") return Promise.resolve();
    const key = datasetKey(table.projectId, table.datasetId);
    const kept = this.deleted.get(key) ?? [];
    kept.push({ table, deletedAt, keptUntil: deletedAt + windowHours * HOUR_MS, location });
    this.deleted.set(key, kept);
    return this.storage.hasRows(table) ? this.storage.retire(table) : Promise.resolve();
  }
  /**
   * Drops for good every deleted table that has left its window: the window it was deleted
   * under, or its dataset's window now if that is shorter (`windowOf` answers for the
   * datasets that exist).
   */
  purge(now, windowOf) {
    for (const [key, kept] of this.deleted) {
      const alive = kept.filter((entry) => {
        const hours = windowOf(entry.table.projectId, entry.table.datasetId);
        const until = hours === void 0 ? entry.keptUntil : entry.deletedAt + hours * HOUR_MS;
        if (now < Math.min(entry.keptUntil, until)) return true;
        if (this.storage.hasRows(entry.table)) void this.storage.drop(entry.table).catch(() => void 0);
        return false;
      });
      if (alive.length > 0) this.deleted.set(key, alive);
      else this.deleted.delete(key);
    }
  }
  /**
   * The deleted table `tableId` as it was at `instant` (`-n`: n ms before now; `0`: the
   * oldest readable instant), and that instant resolved. The caller has purged first.
   */
  snapshot(live, reference, instant2, clock) {
    const { projectId, datasetId, tableId } = reference;
    const name = `${tableName(projectId, datasetId, tableId)}@${instant2}`;
    const incarnations = (this.deleted.get(datasetKey(projectId, datasetId)) ?? []).filter((entry) => entry.table.tableId === tableId && entry.location === reference.location).map((entry) => ({ table: entry.table, deletedAt: entry.deletedAt }));
    if (live) incarnations.push({ table: live });
    const windowStart = clock.now - clock.windowHours * HOUR_MS;
    const at2 = resolveInstant(instant2, clock.now, windowStart, incarnations);
    if (at2 > clock.now) throw invalidSnapshot(at2, name, `Cannot read after ${clock.now}.`);
    if (at2 < windowStart) throw invalidSnapshot(at2, name, `Cannot read before ${windowStart}.`);
    const covering = incarnations.find(
      (entry) => entry.table.creationTime <= at2 && (entry.deletedAt === void 0 || at2 < entry.deletedAt)
    );
    if (covering?.deletedAt !== void 0) return { table: keptStateAt(covering.table, at2, name), at: at2 };
    if (covering) {
      throw new BigQueryApiError(
        "notImplemented",
        `The local cloud does not implement snapshots of an existing table at a past instant (${name}): it keeps a table's history only once the table is deleted. Copy the table itself instead.`
      );
    }
    const next = incarnations.map((entry) => entry.table.creationTime).filter((created) => created > at2).sort((a, b) => a - b)[0];
    if (next !== void 0) throw invalidSnapshot(at2, name, `Cannot read before ${next}.`);
    throw new BigQueryApiError(
      "notFound",
      `Not found: Table ${name}: the table did not exist at ${at2} (a snapshot must name an instant before its deletion).`
    );
  }
};
function keptStateAt(table, at2, name) {
  const changed = Math.max(table.lastModifiedTime, table.rowsExpiredAt ?? 0);
  if (at2 >= changed) return table;
  throw new BigQueryApiError(
    "notImplemented",
    `The local cloud does not implement snapshots of a table at an instant before its last change (${name}; last changed at ${changed}): it keeps only a deleted table's last state. Name an instant after ${changed}.`
  );
}
function resolveInstant(instant2, now, windowStart, incarnations) {
  if (instant2 < 0) return now + instant2;
  if (instant2 > 0) return instant2;
  const created = Math.min(...incarnations.map((entry) => entry.table.creationTime), now);
  return Math.max(windowStart, created);
}
function invalidSnapshot(at2, name, bound) {
  return new BigQueryApiError("invalid", `Invalid snapshot time ${at2} for table ${name}. ${bound}`);
}
function datasetKey(projectId, datasetId) {
  return `${projectId}/${datasetId}`;
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
    access: dataset.access,
    defaultTableExpirationMs: dataset.defaultTableExpirationMs,
    defaultPartitionExpirationMs: dataset.defaultPartitionExpirationMs,
    maxTimeTravelHours: String(dataset.maxTimeTravelHours ?? DEFAULT_TIME_TRAVEL_HOURS),
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
    friendlyName: dataset.friendlyName,
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
function layout(table) {
  return {
    timePartitioning: partitioningResource(table),
    rangePartitioning: rangeResource(table.rangePartitioning),
    clustering: table.clustering ? { fields: table.clustering } : void 0
  };
}
function counts(table, partitions) {
  if (table.kind === "VIEW") return {};
  const partitioned = table.timePartitioning !== void 0 || table.rangePartitioning !== void 0;
  return {
    numRows: String(partitions.reduce((sum, partition) => sum + partition.rows, 0)),
    numBytes: String(partitions.reduce((sum, partition) => sum + partition.bytes, 0)),
    numLongTermBytes: "0",
    numPartitions: partitioned ? String(partitions.length) : void 0
  };
}
function tableResource(table, partitions, location, baseUrl) {
  const { projectId, datasetId, tableId } = table;
  return {
    kind: "bigquery#table",
    etag: String(table.etag),
    id: `${projectId}:${datasetId}.${tableId}`,
    selfLink: `${baseUrl}/bigquery/v2/projects/${projectId}/datasets/${datasetId}/tables/${tableId}`,
    tableReference: { projectId, datasetId, tableId },
    schema: { fields: table.schema },
    ...layout(table),
    requirePartitionFilter: table.timePartitioning || table.rangePartitioning ? table.requirePartitionFilter : void 0,
    view: table.kind === "VIEW" ? { query: table.viewQuery, useLegacySql: false } : void 0,
    description: table.description,
    friendlyName: table.friendlyName,
    labels: table.labels,
    expirationTime: table.expirationTime,
    ...counts(table, partitions),
    creationTime: String(table.creationTime),
    lastModifiedTime: String(table.lastModifiedTime),
    type: table.kind,
    location
  };
}
function tableListItem(table) {
  const { projectId, datasetId, tableId } = table;
  return {
    kind: "bigquery#table",
    id: `${projectId}:${datasetId}.${tableId}`,
    tableReference: { projectId, datasetId, tableId },
    type: table.kind,
    friendlyName: table.friendlyName,
    ...layout(table),
    view: table.kind === "VIEW" ? { useLegacySql: false } : void 0,
    labels: table.labels,
    creationTime: String(table.creationTime),
    expirationTime: table.expirationTime
  };
}

// packages/local-cloud/src/bigquery/route-params.ts
function datasetOfPath(store, params) {
  return store.getDataset(params.projectId ?? "", params.datasetId ?? "");
}
function jobOfPath(jobs, params, query) {
  return jobs.get(params.projectId ?? "", params.jobId ?? "", query.get("location"));
}

// packages/local-cloud/src/bigquery/routes-datasets.ts
var datasetRoutes = [
  {
    method: "GET",
    pattern: "/projects/:projectId/datasets",
    operation: "datasets.list",
    handle: ({ store }, { params, query }) => {
      const datasets = store.listDatasets(params.projectId ?? "", query.get("filter"));
      const { page, nextPageToken } = pageOf(datasets, query, 1e3);
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
      body: datasetResource(datasetOfPath(store, params), baseUrl)
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
    handle: async ({ store }, { params, query }) => {
      const force = query.get("deleteContents") === "true";
      await store.deleteDataset(params.projectId ?? "", params.datasetId ?? "", force);
      return { status: 204 };
    }
  }
];

// packages/local-cloud/src/bigquery/copy-jobs.ts
function notSupported(what) {
  return new BigQueryApiError("notImplemented", `The local cloud does not implement ${what}.`);
}
function sourceTable(store, reference) {
  const tableId = reference.tableId ?? "";
  const source2 = store.sourceTable(reference.projectId ?? "", reference.datasetId ?? "", tableId);
  const { table } = source2;
  if (table.kind !== "TABLE")
    throw new BigQueryApiError("invalid", `Cannot copy ${table.datasetId}.${table.tableId}: it is a view.`);
  return source2;
}
async function fillFrom(store, connection, stage, source2) {
  const { table, at: at2 } = source2;
  if (!store.storage.hasRows(table)) return;
  if (at2 === void 0) {
    await store.storage.purgeExpired(connection, table);
    await connection.run(`INSERT INTO ${sqlName(stage)} SELECT * FROM ${sqlName(table.storage)}`);
    return;
  }
  const columns = table.schema.map((field) => sqlName(field.name)).join(", ");
  const expired = expiredRowsSql(table, new Date(at2));
  const where = expired ? ` WHERE NOT (${expired.condition})` : "";
  await connection.run(
    `INSERT INTO ${sqlName(stage)} (${columns}) SELECT ${columns} FROM ${sqlName(table.storage)}${where}`
  );
}
function sameSchema(a, b) {
  return JSON.stringify(a.schema) === JSON.stringify(b.schema);
}
async function destinationOf(store, copy2, first) {
  const reference = copy2.destinationTable ?? {};
  const projectId = reference.projectId ?? "";
  const datasetId = reference.datasetId ?? "";
  const { table: tableId } = splitDecorator(reference.tableId ?? "");
  if (store.hasDataset(projectId, datasetId) && store.listTables(projectId, datasetId).some((table2) => table2.tableId === tableId)) {
    return store.getTable(projectId, datasetId, tableId);
  }
  if (copy2.createDisposition === "CREATE_NEVER") throw notFoundTable(projectId, datasetId, tableId);
  const { table, at: at2 } = first;
  if (at2 !== void 0)
    return store.insertTable(projectId, datasetId, {
      tableReference: { tableId },
      schema: { fields: table.schema }
    });
  return store.insertTable(projectId, datasetId, {
    tableReference: { tableId },
    schema: { fields: table.schema },
    timePartitioning: table.timePartitioning,
    rangePartitioning: rangeResource(table.rangePartitioning),
    clustering: table.clustering ? { fields: table.clustering } : void 0
  });
}
async function copy(store, copy2, now) {
  if (copy2.operationType !== void 0 && copy2.operationType !== "COPY")
    throw notSupported(`${String(copy2.operationType)} copy jobs`);
  const sources = (copy2.sourceTables ?? (copy2.sourceTable ? [copy2.sourceTable] : [])).map(
    (source2) => sourceTable(store, source2)
  );
  const [first] = sources;
  if (!first) throw new BigQueryApiError("invalid", "A copy job needs sourceTable or sourceTables.");
  const destination3 = await destinationOf(store, copy2, first);
  if (!sources.every((source2) => sameSchema(source2.table, destination3))) {
    throw new BigQueryApiError(
      "invalid",
      `Provided Schema does not match Table ${destination3.projectId}:${destination3.datasetId}.${destination3.tableId}.`
    );
  }
  const { written } = await writeThroughStage(store, {
    table: destination3,
    tableId: (copy2.destinationTable ?? {}).tableId ?? "",
    disposition: String(copy2.writeDisposition ?? "WRITE_EMPTY"),
    now,
    fill: async (connection, stage) => {
      for (const source2 of sources) await fillFrom(store, connection, stage, source2);
    }
  });
  return { rows: written.rows, destination: destination3 };
}
async function runCopyJob(store, registry, projectId, body, now) {
  const configuration = body.configuration ?? {};
  const reference = body.jobReference ?? {};
  const job = {
    projectId,
    jobId: registry.newId(projectId, reference.jobId),
    location: reference.location ?? store.defaultLocation,
    jobType: "COPY",
    configuration,
    creationTime: now.getTime(),
    endTime: now.getTime()
  };
  try {
    const { rows, destination: destination3 } = await copy(store, configuration.copy, now);
    job.location = reference.location ?? store.getDataset(destination3.projectId, destination3.datasetId).location;
    job.extraStatistics = { copy: { copiedRows: String(rows), copiedLogicalBytes: "0" } };
  } catch (error) {
    if (!(error instanceof BigQueryApiError)) throw error;
    job.error = error;
  }
  return registry.add(job);
}

// packages/local-cloud/src/bigquery/engine/result-cells.ts
import {
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBIntervalValue,
  DuckDBListValue,
  DuckDBStructValue,
  DuckDBTimestampTZValue as DuckDBTimestampTZValue2,
  DuckDBTimestampValue,
  DuckDBTimeValue
} from "@duckdb/node-api";
var MICROS_PER_DAY = 86400000000n;
function timestampFormatOf(useInt64, outputFormat) {
  if (outputFormat === "ISO8601_STRING") return "ISO8601_STRING";
  if (outputFormat === "INT64" || useInt64 === true || useInt64 === "true") return "INT64";
  return "FLOAT_SECONDS";
}
function fraction(micros) {
  if (micros === 0n) return "";
  return `.${String(micros).padStart(6, "0").replace(/0+$/, "")}`;
}
function clockText(microsOfDay) {
  const seconds = Number(microsOfDay / 1000000n);
  const hh = String(Math.floor(seconds / 3600)).padStart(2, "0");
  const mm = String(Math.floor(seconds % 3600 / 60)).padStart(2, "0");
  const ss = String(seconds % 60).padStart(2, "0");
  return `${hh}:${mm}:${ss}${fraction(microsOfDay % 1000000n)}`;
}
function dateText(days) {
  const date = new Date(days * 864e5);
  const year = String(date.getUTCFullYear()).padStart(4, "0");
  return `${year}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}
function splitDays(micros) {
  let days = micros / MICROS_PER_DAY;
  if (micros < 0n && micros % MICROS_PER_DAY !== 0n) days -= 1n;
  return { days: Number(days), inDay: micros - days * MICROS_PER_DAY };
}
function civilText(micros) {
  const { days, inDay } = splitDays(micros);
  return `${dateText(days)}T${clockText(inDay)}`;
}
function timestampText(micros, format) {
  if (format === "INT64") return micros.toString();
  if (format === "FLOAT_SECONDS") return (Number(micros) / 1e6).toString();
  const { days, inDay } = splitDays(micros);
  const full = String(inDay % 1000000n).padStart(6, "0");
  return `${dateText(days)}T${clockText(inDay - inDay % 1000000n)}.${full}Z`;
}
function decimalText(text) {
  if (!text.includes(".")) return text === "-0" ? "0" : text;
  const trimmed = text.replace(/0+$/, "").replace(/\.$/, "");
  return trimmed === "-0" ? "0" : trimmed;
}
function floatText(value) {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "Infinity";
  if (value === Number.NEGATIVE_INFINITY) return "-Infinity";
  return String(value);
}
function intervalText(value) {
  const sign = value.months < 0 ? "-" : "";
  const months = Math.abs(value.months);
  const micros = value.micros < 0n ? -value.micros : value.micros;
  const seconds = micros / 1000000n;
  const clock = `${seconds / 3600n}:${seconds % 3600n / 60n}:${seconds % 60n}${fraction(micros % 1000000n)}`;
  return `${sign}${Math.floor(months / 12)}-${months % 12} ${value.days} ${value.micros < 0n ? "-" : ""}${clock}`;
}
function scalarText(field, value, format) {
  if (value === null || value === void 0) return null;
  if (field.type === "RECORD") return structCells(field.fields ?? [], value, format);
  if (value instanceof DuckDBTimestampTZValue2) return timestampText(value.micros, format);
  if (value instanceof DuckDBTimestampValue) return civilText(value.micros);
  if (value instanceof DuckDBDateValue) return dateText(value.days);
  if (value instanceof DuckDBTimeValue) return clockText(value.micros);
  if (value instanceof DuckDBDecimalValue) return decimalText(value.toString());
  if (value instanceof DuckDBBlobValue) return Buffer.from(value.bytes).toString("base64");
  if (value instanceof DuckDBIntervalValue) return intervalText(value);
  if (typeof value === "number") return field.type === "FLOAT" ? floatText(value) : String(value);
  return String(value);
}
function structCells(fields, value, format) {
  const entries = value instanceof DuckDBStructValue ? value.entries : {};
  const values = Object.values(entries);
  return { f: fields.map((field, index) => ({ v: cellValue(field, values[index] ?? null, format) })) };
}
function cellValue(field, value, format) {
  if (field.mode === "REPEATED") {
    const items = value instanceof DuckDBListValue ? value.items : [];
    return items.map((item) => ({ v: scalarText(field, item, format) }));
  }
  return scalarText(field, value, format);
}
function encodeRow(fields, row, format) {
  return { f: fields.map((field, index) => ({ v: cellValue(field, row[index] ?? null, format) })) };
}

// packages/local-cloud/src/bigquery/job-resources.ts
function jobReference(job) {
  return { projectId: job.projectId, jobId: job.jobId, location: job.location };
}
function errorProto(error) {
  return { reason: error.reason, message: error.message, location: "query" };
}
function queryStatistics(result, dryRun) {
  const bytes = String(result?.bytesProcessed ?? 0);
  return {
    totalBytesProcessed: bytes,
    totalBytesBilled: dryRun ? "0" : bytes,
    totalBytesProcessedAccuracy: "PRECISE",
    cacheHit: false,
    statementType: result?.statementType ?? "SELECT",
    referencedTables: (result?.referenced ?? []).map(({ projectId, datasetId, tableId }) => ({
      projectId,
      datasetId,
      tableId
    })),
    ...dryRun && result ? { schema: { fields: result.fields } } : {},
    ...result?.ddl ? { ddlOperationPerformed: result.ddl.operation, ddlTargetTable: result.ddl.target } : {},
    ...result?.dmlAffectedRows === void 0 ? {} : { numDmlAffectedRows: String(result.dmlAffectedRows), dmlStats: dmlStats(result) }
  };
}
function dmlStats(result) {
  const count = String(result.dmlAffectedRows ?? 0);
  if (result.statementType === "INSERT") return { insertedRowCount: count };
  if (result.statementType === "UPDATE") return { updatedRowCount: count };
  return { deletedRowCount: count };
}
function jobTimes(job) {
  return {
    creationTime: String(job.creationTime),
    startTime: String(job.creationTime),
    endTime: String(job.endTime)
  };
}
function jobResource(job, baseUrl, dryRun = false) {
  const times = jobTimes(job);
  const statistics = job.jobType === "QUERY" ? {
    ...times,
    totalBytesProcessed: String(job.result?.bytesProcessed ?? 0),
    query: queryStatistics(job.result, dryRun)
  } : { ...times, ...job.extraStatistics ?? {} };
  const status34 = job.error ? { state: "DONE", errorResult: errorProto(job.error), errors: [errorProto(job.error)] } : { state: "DONE" };
  return {
    kind: "bigquery#job",
    etag: "1",
    id: `${job.projectId}:${job.location}.${job.jobId}`,
    selfLink: `${baseUrl}/bigquery/v2/projects/${job.projectId}/jobs/${job.jobId}?location=${job.location}`,
    user_email: "local-cloud@localhost",
    jobReference: jobReference(job),
    jobCreationReason: { code: job.creationReason ?? "REQUESTED" },
    configuration: { ...job.configuration, jobType: job.jobType, ...dryRun ? { dryRun: true } : {} },
    status: status34,
    statistics
  };
}
function resultPage(job, query, format) {
  const result = job.result;
  const base = {
    jobReference: jobReference(job),
    totalBytesProcessed: String(result?.bytesProcessed ?? 0),
    jobComplete: true,
    cacheHit: false
  };
  if (result?.statementType !== "SELECT") {
    return {
      ...base,
      totalRows: "0",
      ...result?.dmlAffectedRows === void 0 ? {} : { numDmlAffectedRows: String(result.dmlAffectedRows) }
    };
  }
  const { page, nextPageToken } = pageOf(result.rows, query, 1e5);
  return {
    ...base,
    schema: { fields: result.fields },
    totalRows: String(result.rows.length),
    rows: page.map((row) => encodeRow(result.fields, row, format)),
    pageToken: nextPageToken
  };
}
function jobListItem(job, baseUrl) {
  const { id, jobReference: reference, configuration, status: status34, statistics } = jobResource(job, baseUrl);
  return {
    kind: "bigquery#job",
    id,
    jobReference: reference,
    state: "DONE",
    configuration,
    status: status34,
    statistics,
    user_email: "local-cloud@localhost"
  };
}

// packages/local-cloud/src/bigquery/jobs-query.ts
import { randomUUID as randomUUID2 } from "node:crypto";
var DEFAULT_PAGE_ROWS = 1e5;
var JOB_CREATION_MODES = [
  "JOB_CREATION_MODE_UNSPECIFIED",
  "JOB_CREATION_REQUIRED",
  "JOB_CREATION_OPTIONAL"
];
function readJobCreationMode(value) {
  if (value === void 0 || value === null) return false;
  if (typeof value !== "string" || !JOB_CREATION_MODES.includes(value)) {
    throw new BigQueryApiError(
      "invalid",
      `Invalid value at 'query_request.job_creation_mode': ${JSON.stringify(value)}. Use one of ${JOB_CREATION_MODES.join(", ")}.`
    );
  }
  return value === "JOB_CREATION_OPTIONAL";
}
function creationReason(job, config, pageRows) {
  const result = job.result;
  if (result?.statementType !== "SELECT" || config.destinationTable) return "OTHER";
  return result.rows.length > pageRows ? "LARGE_RESULTS" : void 0;
}
function dryRunResponse(job) {
  return {
    kind: "bigquery#queryResponse",
    jobReference: { projectId: job.projectId, location: job.location },
    schema: { fields: job.result?.fields ?? [] },
    totalBytesProcessed: String(job.result?.bytesProcessed ?? 0),
    jobComplete: true,
    cacheHit: false
  };
}
async function answerQuery(queries, projectId, body) {
  const dryRun = body.dryRun === true;
  const { maxResults, formatOptions, jobCreationMode, ...config } = body;
  const optional = readJobCreationMode(jobCreationMode);
  const request = { projectId, config, location: body.location, dryRun, configuration: { query: config } };
  const pageRows = Number(maxResults ?? DEFAULT_PAGE_ROWS) || DEFAULT_PAGE_ROWS;
  const { job, created } = optional ? await queries.queryOptional(request, (ran) => creationReason(ran, config, pageRows)) : { job: await queries.query(request), created: !dryRun };
  if (dryRun) return dryRunResponse(job);
  const options = formatOptions ?? {};
  const format = timestampFormatOf(options.useInt64Timestamp, options.timestampOutputFormat);
  const query = new URLSearchParams();
  if (maxResults !== void 0) query.set("maxResults", String(maxResults));
  const { jobReference: jobReference2, ...page } = resultPage(job, query, format);
  const times = jobTimes(job);
  if (!created) {
    return {
      kind: "bigquery#queryResponse",
      queryId: `query_${randomUUID2()}`,
      location: job.location,
      ...times,
      ...page
    };
  }
  return {
    kind: "bigquery#queryResponse",
    jobReference: jobReference2,
    queryId: job.jobId,
    location: job.location,
    ...times,
    ...optional && job.creationReason ? { jobCreationReason: { code: job.creationReason } } : {},
    ...page
  };
}

// packages/local-cloud/src/bigquery/upload-jobs.ts
var FORMATS = {
  CSV: "CSV",
  NEWLINE_DELIMITED_JSON: "JSON",
  PARQUET: "PARQUET",
  AVRO: "AVRO",
  ORC: "ORC"
};
function readUpload(body, contentType) {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary)
    throw new BigQueryApiError("invalid", "A media upload must be multipart/related with a boundary.");
  const parts = [];
  const marker = Buffer.from(`--${boundary}`);
  let at2 = body.indexOf(marker);
  while (at2 >= 0) {
    const next = body.indexOf(marker, at2 + marker.length);
    if (next < 0) break;
    parts.push(body.subarray(at2 + marker.length, next));
    at2 = next;
  }
  const content = (part) => {
    const start = part?.indexOf("\r\n\r\n") ?? -1;
    return start < 0 || !part ? Buffer.alloc(0) : part.subarray(start + 4, part.length - 2);
  };
  const [metadataPart, mediaPart] = parts;
  try {
    return {
      metadata: JSON.parse(content(metadataPart).toString("utf8")),
      media: content(mediaPart)
    };
  } catch {
    throw new BigQueryApiError(
      "invalid",
      "The first part of a media upload must be the job resource as JSON."
    );
  }
}
async function destination2(store, load2) {
  const reference = load2.destinationTable ?? {};
  const [projectId, datasetId, tableId] = [
    reference.projectId ?? "",
    reference.datasetId ?? "",
    reference.tableId ?? ""
  ];
  const schema = load2.schema ? normalizeSchema(load2.schema.fields ?? []) : void 0;
  const exists = store.listTables(projectId, datasetId).some((table2) => table2.tableId === tableId.split("$")[0]);
  if (!exists) {
    if (load2.createDisposition === "CREATE_NEVER" || !schema) {
      throw new BigQueryApiError(
        "invalid",
        `Table ${projectId}:${datasetId}.${tableId} does not exist and the load job gives no schema: the local cloud does not detect schemas.`
      );
    }
    return store.insertTable(projectId, datasetId, {
      tableReference: { tableId },
      schema: { fields: schema }
    });
  }
  const table = store.getTable(projectId, datasetId, tableId.split("$")[0] ?? "");
  const options = load2.schemaUpdateOptions ?? [];
  if (schema && options.length > 0) {
    const fields = widened(table.schema, schema, options);
    return store.updateTable(projectId, datasetId, table.tableId, { schema: { fields } }, "merge");
  }
  return table;
}
function widened(current, given, options) {
  const byName = new Map(given.map((field) => [field.name.toLowerCase(), field]));
  const relax = options.includes("ALLOW_FIELD_RELAXATION");
  const kept = current.map((field) => {
    const next = byName.get(field.name.toLowerCase());
    return relax && field.mode === "REQUIRED" && next?.mode !== "REQUIRED" ? { ...field, mode: "NULLABLE" } : field;
  });
  if (!options.includes("ALLOW_FIELD_ADDITION")) return kept;
  const known = new Set(current.map((field) => field.name.toLowerCase()));
  return [...kept, ...given.filter((field) => !known.has(field.name.toLowerCase()))];
}
async function load(context, config, media) {
  const format = FORMATS[String(config.sourceFormat ?? "CSV")];
  if (!format)
    throw new BigQueryApiError(
      "invalid",
      `The local cloud cannot load sourceFormat ${String(config.sourceFormat)}.`
    );
  const table = await destination2(context.store, config);
  const disposition = String(config.writeDisposition ?? "WRITE_APPEND");
  if (disposition !== "WRITE_APPEND" && disposition !== "WRITE_TRUNCATE") {
    throw new BigQueryApiError(
      "invalid",
      `The local cloud's load jobs take WRITE_APPEND or WRITE_TRUNCATE, not ${disposition}.`
    );
  }
  const reference = config.destinationTable;
  const given = config.schema?.fields;
  const result = await context.warehouse.load({
    columns: given?.map((field) => String(field.name)),
    projectId: table.projectId,
    datasetId: table.datasetId,
    tableId: reference.tableId ?? table.tableId,
    format,
    files: [{ uri: "upload://media", body: media }],
    writeDisposition: disposition,
    maxBadRecords: Number(config.maxBadRecords ?? 0),
    ignoreUnknownValues: config.ignoreUnknownValues === true,
    csv: {
      fieldDelimiter: String(config.fieldDelimiter ?? ","),
      skipLeadingRows: Number(config.skipLeadingRows ?? 0),
      allowQuotedNewlines: config.allowQuotedNewlines === true,
      allowJaggedRows: config.allowJaggedRows === true
    }
  });
  return {
    inputFiles: "1",
    inputFileBytes: String(media.length),
    outputRows: String(result.rowsLoaded),
    badRecords: String(result.badRecords)
  };
}
async function runUploadJob(context, projectId, upload) {
  const configuration = upload.metadata.configuration ?? {};
  const reference = upload.metadata.jobReference ?? {};
  const config = configuration.load;
  if (!config) throw new BigQueryApiError("invalid", "A media upload job needs configuration.load.");
  const job = {
    projectId,
    jobId: context.jobs.newId(projectId, reference.jobId),
    location: reference.location ?? context.store.defaultLocation,
    jobType: "LOAD",
    configuration,
    creationTime: context.now.getTime(),
    endTime: context.now.getTime()
  };
  try {
    job.extraStatistics = { load: await load(context, config, upload.media) };
  } catch (error) {
    if (error instanceof LoadJobError) job.error = new BigQueryApiError(error.reason, error.message);
    else if (error instanceof BigQueryApiError) job.error = error;
    else throw error;
  }
  return context.jobs.add(job);
}

// packages/local-cloud/src/bigquery/routes-jobs.ts
function notImplementedJob(kind) {
  return new BigQueryApiError(
    "notImplemented",
    `The local cloud does not implement bigquery.jobs.insert for ${kind} jobs: they use Cloud Storage, which the local cloud does not have. Load data through a Data Transfer Service run.`
  );
}
var jobRoutes = [
  {
    method: "POST",
    pattern: "/upload/projects/:projectId/jobs",
    operation: "jobs.insert",
    rawBody: true,
    handle: async (context, { params, query, raw }) => {
      if (query.get("uploadType") !== "multipart" || !raw) {
        throw new BigQueryApiError(
          "notImplemented",
          "The local cloud does not implement bigquery.jobs.insert with resumable uploads; use uploadType=multipart."
        );
      }
      const upload = readUpload(raw.bytes, raw.contentType);
      const job = await runUploadJob(
        { store: context.store, jobs: context.jobs, warehouse: context.warehouse, now: context.clock() },
        params.projectId ?? "",
        upload
      );
      return { body: jobResource(job, context.baseUrl) };
    }
  },
  {
    method: "POST",
    pattern: "/projects/:projectId/queries",
    operation: "jobs.query",
    handle: async ({ queries }, { params, body }) => ({
      body: await answerQuery(queries, params.projectId ?? "", body)
    })
  },
  {
    method: "GET",
    pattern: "/projects/:projectId/queries/:jobId",
    operation: "jobs.getQueryResults",
    handle: ({ jobs }, { params, query }) => {
      const job = jobOfPath(jobs, params, query);
      if (job.error) throw job.error;
      if (job.jobType !== "QUERY")
        throw new BigQueryApiError("invalid", `Job ${job.projectId}:${job.jobId} is not a query job.`);
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
    handle: async (context, { params, body }) => {
      const projectId = params.projectId ?? "";
      const configuration = body.configuration ?? {};
      const reference = body.jobReference ?? {};
      if (configuration.copy) {
        const job2 = await runCopyJob(context.store, context.jobs, projectId, body, context.clock());
        return { body: jobResource(job2, context.baseUrl) };
      }
      if (configuration.load) throw notImplementedJob("load");
      if (configuration.extract) throw notImplementedJob("extract");
      const config = configuration.query;
      if (!config)
        throw new BigQueryApiError(
          "invalid",
          "Required parameter is missing: configuration (query, copy, load or extract)."
        );
      const dryRun = configuration.dryRun === true;
      const job = await context.queries.insert({
        projectId,
        config,
        jobId: reference.jobId,
        location: reference.location,
        dryRun,
        configuration
      });
      return { body: jobResource(job, context.baseUrl, dryRun) };
    }
  },
  {
    method: "GET",
    pattern: "/projects/:projectId/jobs/:jobId",
    operation: "jobs.get",
    handle: ({ jobs, baseUrl }, { params, query }) => ({
      body: jobResource(jobOfPath(jobs, params, query), baseUrl)
    })
  },
  {
    method: "GET",
    pattern: "/projects/:projectId/jobs",
    operation: "jobs.list",
    handle: ({ jobs, baseUrl }, { params, query }) => {
      const states = (query.getAll("stateFilter") ?? []).map((state) => state.toLowerCase());
      const listed = states.length === 0 || states.includes("done") ? jobs.list(params.projectId ?? "") : [];
      const { page, nextPageToken } = pageOf(listed, query, 1e3);
      return {
        body: {
          kind: "bigquery#jobList",
          etag: "1",
          jobs: page.map((job) => jobListItem(job, baseUrl)),
          nextPageToken
        }
      };
    }
  },
  {
    method: "POST",
    pattern: "/projects/:projectId/jobs/:jobId/cancel",
    operation: "jobs.cancel",
    handle: ({ jobs, baseUrl }, { params, query }) => {
      const job = jobOfPath(jobs, params, query);
      return { body: { kind: "bigquery#jobCancelResponse", job: jobResource(job, baseUrl) } };
    }
  },
  {
    method: "DELETE",
    pattern: "/projects/:projectId/jobs/:jobId/delete",
    operation: "jobs.delete",
    handle: ({ jobs }, { params, query }) => {
      jobs.delete(params.projectId ?? "", params.jobId ?? "", query.get("location"));
      return { status: 204 };
    }
  }
];

// packages/local-cloud/src/bigquery/routes-projects.ts
var projectRoutes = [
  {
    method: "GET",
    pattern: "/projects",
    operation: "projects.list",
    handle: ({ store, defaultProjectId }, { query }) => {
      const ids2 = [.../* @__PURE__ */ new Set([defaultProjectId, ...store.projectIds()])].sort();
      const { page, nextPageToken } = pageOf(ids2, query, 1e3);
      const projects = page.map((id) => ({
        kind: "bigquery#project",
        id,
        friendlyName: id,
        projectReference: { projectId: id }
      }));
      return {
        body: { kind: "bigquery#projectList", etag: "1", projects, nextPageToken, totalItems: ids2.length }
      };
    }
  }
];

// packages/local-cloud/src/bigquery/routes-routines.ts
var ROUTINES = "/projects/:projectId/datasets/:datasetId/routines";
var routineRoutes = [
  {
    method: "POST",
    pattern: ROUTINES,
    operation: "routines.insert",
    handle: ({ store, clock }, { params, body }) => {
      const dataset = datasetOfPath(store, params);
      return { body: routineResource(insertRoutine(dataset, body, clock().getTime())) };
    }
  },
  {
    method: "GET",
    pattern: ROUTINES,
    operation: "routines.list",
    handle: ({ store }, { params, query }) => {
      const dataset = datasetOfPath(store, params);
      const routines = [...dataset.routines.values()].sort((a, b) => a.routineId.localeCompare(b.routineId));
      const { page, nextPageToken } = pageOf(routines, query, 1e3);
      return { body: { routines: page.map(routineResource), nextPageToken } };
    }
  },
  {
    method: "GET",
    pattern: `${ROUTINES}/:routineId`,
    operation: "routines.get",
    handle: ({ store }, { params }) => {
      const dataset = datasetOfPath(store, params);
      return { body: routineResource(getRoutine(dataset, params.routineId ?? "")) };
    }
  },
  {
    method: "PUT",
    pattern: `${ROUTINES}/:routineId`,
    operation: "routines.update",
    handle: ({ store, clock }, { params, body }) => {
      const dataset = datasetOfPath(store, params);
      const reference = body.routineReference ?? {};
      if (reference.routineId !== void 0 && reference.routineId !== params.routineId) {
        throw new BigQueryApiError(
          "invalid",
          "A routine cannot be renamed: routineReference must match the URL."
        );
      }
      return {
        body: routineResource(updateRoutine(dataset, params.routineId ?? "", body, clock().getTime()))
      };
    }
  },
  {
    method: "DELETE",
    pattern: `${ROUTINES}/:routineId`,
    operation: "routines.delete",
    handle: ({ store }, { params }) => {
      const dataset = datasetOfPath(store, params);
      getRoutine(dataset, params.routineId ?? "");
      dataset.routines.delete(params.routineId ?? "");
      return { status: 204 };
    }
  }
];

// packages/local-cloud/src/bigquery/insert-all.ts
var INSERT_ID_WINDOW_MS = 6e4;
function forgetOldIds(table, nowMs) {
  for (const [id, seenAt] of table.recentInsertIds) {
    if (nowMs - seenAt >= INSERT_ID_WINDOW_MS) table.recentInsertIds.delete(id);
  }
}
function checkTable(table) {
  const name = tableName(table.projectId, table.datasetId, table.tableId);
  if (table.kind !== "TABLE")
    throw new BigQueryApiError("invalid", `Cannot insert rows into ${name}: it is a view.`);
  if (table.schema.length === 0) {
    throw new BigQueryApiError(
      "invalid",
      `Table ${name} has no schema. Give it a schema before inserting rows.`
    );
  }
}
function fieldOf(message) {
  return /Field: (\w+)|field: (\w+)|No such field: (\w+)/.exec(message)?.slice(1).find(Boolean) ?? "";
}
async function insertAll(store, table, tableId, body, now) {
  checkTable(table);
  if (body.templateSuffix) {
    throw new BigQueryApiError(
      "notImplemented",
      "The local cloud does not implement bigquery.tabledata.insertAll with templateSuffix (tables created from a template)."
    );
  }
  const rows = Array.isArray(body.rows) ? body.rows : [];
  const ignoreUnknownValues = body.ignoreUnknownValues === true;
  forgetOldIds(table, now.getTime());
  const accepted = [];
  const errors = [];
  const batchIds = /* @__PURE__ */ new Set();
  rows.forEach((entry, index) => {
    const insertId = typeof entry.insertId === "string" && entry.insertId ? entry.insertId : void 0;
    if (insertId && (table.recentInsertIds.has(insertId) || batchIds.has(insertId))) return;
    if (insertId) batchIds.add(insertId);
    try {
      accepted.push({
        row: convertRow(table.schema, entry.json ?? {}, { ignoreUnknownValues }),
        insertId
      });
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      errors.push({
        index,
        errors: [
          { reason: "invalid", location: fieldOf(error.message), debugInfo: "", message: error.message }
        ]
      });
    }
  });
  if (errors.length > 0 && body.skipInvalidRows !== true) {
    const failed = new Set(errors.map((error) => error.index));
    const stopped = rows.map((_, index) => index).filter((index) => !failed.has(index));
    const all = [
      ...errors,
      ...stopped.map((index) => ({
        index,
        errors: [{ reason: "stopped", location: "", debugInfo: "", message: "" }]
      }))
    ];
    return {
      kind: "bigquery#tableDataInsertAllResponse",
      insertErrors: all.sort((a, b) => a.index - b.index)
    };
  }
  await write(
    store,
    table,
    tableId,
    accepted.map(({ row }) => row),
    now
  );
  for (const { insertId } of accepted) if (insertId) table.recentInsertIds.set(insertId, now.getTime());
  return { kind: "bigquery#tableDataInsertAllResponse", ...errors.length ? { insertErrors: errors } : {} };
}
async function write(store, table, tableId, rows, now) {
  if (rows.length === 0) return;
  await writeThroughStage(store, {
    table,
    tableId,
    disposition: "WRITE_APPEND",
    now,
    fill: (connection, stage) => appendRows(connection, stage, table, rows)
  });
}

// packages/local-cloud/src/bigquery/routes-tables.ts
var DEFAULT_ROWS_PER_PAGE = 1e5;
function addressed(context, params) {
  const projectId = params.projectId ?? "";
  const datasetId = params.datasetId ?? "";
  const { table: tableId, decorator } = splitDecorator(params.tableId ?? "");
  const table = context.store.getTable(projectId, datasetId, tableId);
  if (decorator !== void 0 && !table.timePartitioning && !table.rangePartitioning) {
    throw notFoundTable(projectId, datasetId, params.tableId ?? "");
  }
  return { table, decorator };
}
async function resource(context, table, decorator) {
  const stats = await context.store.storage.partitionStats(table);
  const partitions = decorator === void 0 ? stats : stats.filter((stat) => stat.id === decorator);
  const location = context.store.getDataset(table.projectId, table.datasetId).location;
  return tableResource(table, partitions, location, context.baseUrl);
}
function selectedFields(table, query) {
  const selected = (query.get("selectedFields") ?? "").split(",").map((name) => name.trim().toLowerCase()).filter(Boolean);
  return selected.length ? table.schema.filter((field) => selected.includes(field.name.toLowerCase())) : table.schema;
}
async function listRows(context, params, query) {
  const { table, decorator } = addressed(context, params);
  if (table.kind === "VIEW") throw new BigQueryApiError("invalid", "Cannot list a table of type VIEW.");
  const fields = selectedFields(table, query);
  const offset = Number(query.get("pageToken") ?? query.get("startIndex") ?? 0) || 0;
  const limit = Number(query.get("maxResults") ?? DEFAULT_ROWS_PER_PAGE) || DEFAULT_ROWS_PER_PAGE;
  const { rows, total } = await context.store.storage.readRows(table, {
    partitionId: decorator,
    offset,
    limit,
    fields
  });
  const format = timestampFormatOf(
    query.get("formatOptions.useInt64Timestamp") ?? void 0,
    query.get("formatOptions.timestampOutputFormat") ?? void 0
  );
  const next = offset + rows.length;
  return {
    kind: "bigquery#tableDataList",
    etag: String(table.etag),
    totalRows: String(total),
    pageToken: next < total ? String(next) : void 0,
    rows: rows.map((row) => encodeRow(fields, row, format))
  };
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
    handle: async (context, { params, body }) => {
      const table = await context.store.insertTable(params.projectId ?? "", params.datasetId ?? "", body);
      return { body: await resource(context, table) };
    }
  },
  {
    method: "GET",
    pattern: "/projects/:projectId/datasets/:datasetId/tables/:tableId",
    operation: "tables.get",
    handle: async (context, { params }) => {
      const { table, decorator } = addressed(context, params);
      return { body: await resource(context, table, decorator) };
    }
  },
  ...["PATCH", "PUT"].map(
    (method) => ({
      method,
      pattern: "/projects/:projectId/datasets/:datasetId/tables/:tableId",
      operation: method === "PATCH" ? "tables.patch" : "tables.update",
      handle: async (context, { params, body }) => {
        if ((params.tableId ?? "").includes("$")) {
          throw new BigQueryApiError(
            "invalid",
            "Cannot update a partition; update the table without a decorator."
          );
        }
        const mode = method === "PATCH" ? "merge" : "replace";
        const { projectId = "", datasetId = "", tableId = "" } = params;
        const table = await context.store.updateTable(projectId, datasetId, tableId, body, mode);
        return { body: await resource(context, table) };
      }
    })
  ),
  {
    method: "DELETE",
    pattern: "/projects/:projectId/datasets/:datasetId/tables/:tableId",
    operation: "tables.delete",
    handle: async (context, { params }) => {
      const { table, decorator } = addressed(context, params);
      if (decorator !== void 0) await context.store.storage.deletePartition(table, decorator);
      else await context.store.deleteTable(table.projectId, table.datasetId, table.tableId);
      return { status: 204 };
    }
  },
  {
    method: "GET",
    pattern: "/projects/:projectId/datasets/:datasetId/tables/:tableId/data",
    operation: "tabledata.list",
    handle: async (context, { params, query }) => ({ body: await listRows(context, params, query) })
  },
  {
    method: "POST",
    pattern: "/projects/:projectId/datasets/:datasetId/tables/:tableId/insertAll",
    operation: "tabledata.insertAll",
    handle: async (context, { params, body }) => {
      const { table } = addressed(context, params);
      return { body: await insertAll(context.store, table, params.tableId ?? "", body, context.clock()) };
    }
  }
];

// packages/local-cloud/src/bigquery/dataset-rules.ts
var LABEL_KEY = /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u;
var LABEL_VALUE = /^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u;
var GRANTEES = ["userByEmail", "groupByEmail", "domain", "specialGroup", "iamMember"];
var AUTHORIZED = ["view", "routine", "dataset"];
var SPECIAL_GROUPS = ["projectOwners", "projectReaders", "projectWriters", "allAuthenticatedUsers"];
var BASIC_ROLES = ["READER", "WRITER", "OWNER"];
var DEFAULT_ACCESS = [
  { role: "WRITER", specialGroup: "projectWriters" },
  { role: "OWNER", specialGroup: "projectOwners" },
  { role: "READER", specialGroup: "projectReaders" }
];
function invalid4(message) {
  return new BigQueryApiError("invalid", message);
}
function checkEntry(entry, index) {
  if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
    throw invalid4(`Invalid access entry at position ${index}: expected an object.`);
  }
  const record = entry;
  const targets = [...GRANTEES, ...AUTHORIZED].filter((key) => record[key] !== void 0);
  if (targets.length !== 1) {
    throw invalid4(
      `Invalid access entry at position ${index}: exactly one of ${[...GRANTEES, ...AUTHORIZED].join(", ")} must be set.`
    );
  }
  const target = targets[0] ?? "";
  const kept = { [target]: record[target] };
  if (record.condition !== void 0) kept.condition = record.condition;
  if (AUTHORIZED.includes(target)) {
    if (record.role !== void 0)
      throw invalid4(`Access entry at position ${index}: an authorized ${target} takes no role.`);
    return kept;
  }
  const role = String(record.role ?? "");
  if (!BASIC_ROLES.includes(role) && !/^roles\/[A-Za-z0-9_.]+$/.test(role)) {
    throw invalid4(`Invalid value for role: ${role} is not a valid value`);
  }
  if (target === "specialGroup" && !SPECIAL_GROUPS.includes(String(record.specialGroup))) {
    throw invalid4(`Invalid value for specialGroup: ${String(record.specialGroup)} is not a valid value`);
  }
  return { role, ...kept };
}
function checkAccess(raw) {
  if (!Array.isArray(raw)) throw invalid4("Invalid access: expected a list of access entries.");
  return raw.map(checkEntry);
}
function checkLabels(labels) {
  if (labels === void 0 || labels === null) return {};
  if (typeof labels !== "object") throw invalid4("Invalid labels: expected an object of strings.");
  for (const [key, value] of Object.entries(labels)) {
    if (!LABEL_KEY.test(key)) {
      throw invalid4(
        `Label key "${key}" has invalid characters. Keys must start with a lowercase letter and contain only lowercase letters, digits, underscores and dashes (at most 63).`
      );
    }
    if (value !== null && (typeof value !== "string" || !LABEL_VALUE.test(value))) {
      throw invalid4(
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
function datasetFilter(filter) {
  if (!filter?.trim()) return () => true;
  const terms = filter.trim().split(/\s+/).map((term) => {
    const match = /^labels\.([^:]+)(?::(.*))?$/.exec(term);
    if (!match) throw invalid4(`Invalid filter: ${term}. Use labels.key or labels.key:value terms.`);
    return { key: match[1] ?? "", value: match[2] };
  });
  return (dataset) => terms.every(
    ({ key, value }) => value === void 0 ? key in dataset.labels : dataset.labels[key] === value
  );
}

// packages/local-cloud/src/bigquery/store.ts
var DATASET_ID = /^[A-Za-z0-9_]{1,1024}$/;
var TABLE_ID = /^[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}]{1,1024}$/u;
function optionalString(body, key, current, mode) {
  if (!(key in body)) return mode === "merge" ? current : void 0;
  const value = body[key];
  return value === null || value === void 0 ? void 0 : String(value);
}
function applyDatasetFields(dataset, body, mode) {
  dataset.description = optionalString(body, "description", dataset.description, mode);
  dataset.friendlyName = optionalString(body, "friendlyName", dataset.friendlyName, mode);
  for (const key of ["defaultTableExpirationMs", "defaultPartitionExpirationMs"]) {
    dataset[key] = optionalString(body, key, dataset[key], mode);
  }
  if ("labels" in body || mode === "replace") dataset.labels = mergeLabels(dataset.labels, body.labels, mode);
  const hours = body.maxTimeTravelHours;
  if (hours !== void 0 && hours !== null) dataset.maxTimeTravelHours = readTimeTravelHours(hours);
  else if ("maxTimeTravelHours" in body || mode === "replace") dataset.maxTimeTravelHours = void 0;
  if (body.access !== void 0 && body.access !== null) dataset.access = checkAccess(body.access);
}
function readSchema(body) {
  const schema = body.schema;
  if (schema === void 0 || schema === null) return void 0;
  return normalizeSchema(schema.fields ?? []);
}
function readViewQuery(body) {
  const view = body.view;
  if (view === void 0 || view === null) return void 0;
  if (typeof view.query !== "string" || view.query.trim() === "") {
    throw new BigQueryApiError("invalid", "A view needs view.query.");
  }
  if (view.useLegacySql !== false) {
    throw new BigQueryApiError(
      "invalid",
      "view.useLegacySql defaults to true and the local cloud runs GoogleSQL only: set view.useLegacySql to false."
    );
  }
  return view.query;
}
function applyTableFields(table, body, mode) {
  table.description = optionalString(body, "description", table.description, mode);
  table.friendlyName = optionalString(body, "friendlyName", table.friendlyName, mode);
  table.expirationTime = optionalString(body, "expirationTime", table.expirationTime, mode);
  if ("labels" in body || mode === "replace") table.labels = mergeLabels(table.labels, body.labels, mode);
  const nested = body.timePartitioning?.requirePartitionFilter;
  const flag = body.requirePartitionFilter ?? nested;
  if (flag !== void 0 && flag !== null) {
    if (flag === true && !table.timePartitioning && !table.rangePartitioning) {
      throw new BigQueryApiError("invalid", "requirePartitionFilter can only be set on a partitioned table.");
    }
    table.requirePartitionFilter = flag === true;
  } else if (mode === "replace") {
    table.requirePartitionFilter = false;
  }
}
var Store = class {
  constructor(clock, storage, viewSchemaOf, defaultLocation = "US") {
    this.clock = clock;
    this.storage = storage;
    this.viewSchemaOf = viewSchemaOf;
    this.defaultLocation = defaultLocation;
    this.timeTravel = new TimeTravel(storage);
  }
  clock;
  storage;
  viewSchemaOf;
  defaultLocation;
  projects = /* @__PURE__ */ new Map();
  timeTravel;
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
  projectIds() {
    return [...this.projects.keys()].sort();
  }
  hasDataset(projectId, datasetId) {
    return this.projects.get(projectId)?.has(datasetId) ?? false;
  }
  getDataset(projectId, datasetId) {
    const dataset = this.projects.get(projectId)?.get(datasetId);
    if (!dataset) throw notFoundDataset(projectId, datasetId);
    return dataset;
  }
  listDatasets(projectId, filter = null) {
    const matches2 = datasetFilter(filter);
    return [...this.datasetsOf(projectId).values()].filter(matches2).sort((a, b) => a.datasetId.localeCompare(b.datasetId));
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
      access: DEFAULT_ACCESS.map((entry) => ({ ...entry })),
      creationTime: now,
      lastModifiedTime: now,
      etag: 1,
      tables: /* @__PURE__ */ new Map(),
      routines: /* @__PURE__ */ new Map()
    };
    applyDatasetFields(dataset, body, "replace");
    datasets.set(datasetId, dataset);
    return dataset;
  }
  patchDataset(projectId, datasetId, body, mode) {
    const dataset = this.getDataset(projectId, datasetId);
    if (typeof body.location === "string" && body.location.toLowerCase() !== dataset.location.toLowerCase()) {
      throw new BigQueryApiError(
        "invalid",
        `Cannot change the location of dataset ${projectId}:${datasetId}.`
      );
    }
    applyDatasetFields(dataset, body, mode);
    dataset.lastModifiedTime = this.now();
    dataset.etag += 1;
    return dataset;
  }
  async deleteDataset(projectId, datasetId, deleteContents) {
    const dataset = this.getDataset(projectId, datasetId);
    if (dataset.tables.size + dataset.routines.size > 0 && !deleteContents) {
      throw new BigQueryApiError("resourceInUse", `Dataset ${projectId}:${datasetId} is still in use`);
    }
    this.datasetsOf(projectId).delete(datasetId);
    const now = this.now();
    for (const table of dataset.tables.values()) await this.keepDeleted(dataset, table, now);
  }
  getTable(projectId, datasetId, tableId) {
    const dataset = this.getDataset(projectId, datasetId);
    this.dropExpiredTables(dataset);
    const table = dataset.tables.get(tableId);
    if (!table) throw notFoundTable(projectId, datasetId, tableId);
    return table;
  }
  listTables(projectId, datasetId) {
    const dataset = this.getDataset(projectId, datasetId);
    this.dropExpiredTables(dataset);
    return [...dataset.tables.values()].sort((a, b) => a.tableId.localeCompare(b.tableId));
  }
  async insertTable(projectId, datasetId, body) {
    const dataset = this.getDataset(projectId, datasetId);
    const tableId = String((body.tableReference ?? {}).tableId ?? "");
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
    const table = await this.newTable(dataset, tableId, body);
    if (table.kind === "TABLE") await this.storage.create(table);
    dataset.tables.set(tableId, table);
    return table;
  }
  async newTable(dataset, tableId, body) {
    const viewQuery = readViewQuery(body);
    const schema = viewQuery ? await this.viewSchemaOf(dataset.projectId, viewQuery) : readSchema(body) ?? [];
    const timePartitioning2 = normalizePartitioning(body.timePartitioning, schema);
    const rangePartitioning = normalizeRangePartitioning(body.rangePartitioning, schema);
    if (timePartitioning2 && rangePartitioning) {
      throw new BigQueryApiError(
        "invalid",
        "A table can have time partitioning or range partitioning, not both."
      );
    }
    if (timePartitioning2 && timePartitioning2.expirationMs === void 0 && dataset.defaultPartitionExpirationMs) {
      timePartitioning2.expirationMs = Number(dataset.defaultPartitionExpirationMs);
    }
    const now = this.now();
    const table = {
      projectId: dataset.projectId,
      datasetId: dataset.datasetId,
      tableId,
      kind: viewQuery ? "VIEW" : "TABLE",
      schema,
      timePartitioning: timePartitioning2,
      rangePartitioning,
      clustering: normalizeClustering(body.clustering, schema),
      viewQuery,
      requirePartitionFilter: false,
      labels: {},
      creationTime: now,
      lastModifiedTime: now,
      etag: 1,
      storage: this.storage.engine.newTableName("bq"),
      partitionModified: /* @__PURE__ */ new Map(),
      recentInsertIds: /* @__PURE__ */ new Map()
    };
    applyTableFields(table, body, "replace");
    if (table.expirationTime === void 0 && dataset.defaultTableExpirationMs) {
      table.expirationTime = String(now + Number(dataset.defaultTableExpirationMs));
    }
    return table;
  }
  /** tables.patch (`merge`) or tables.update (`replace`), with BigQuery's change rules. */
  async updateTable(projectId, datasetId, tableId, body, mode) {
    const table = this.getTable(projectId, datasetId, tableId);
    const viewQuery = table.kind === "VIEW" ? readViewQuery(body) : void 0;
    const schema = viewQuery ? await this.viewSchemaOf(projectId, viewQuery) : readSchema(body);
    if (schema && table.kind === "TABLE" && table.schema.length > 0) {
      checkSchemaEvolution(tableName(projectId, datasetId, tableId), table.schema, schema);
    }
    const nextSchema = schema ?? table.schema;
    const partitioning = body.timePartitioning !== void 0 || mode === "replace" ? normalizePartitioning(body.timePartitioning, nextSchema) : table.timePartitioning;
    checkPartitioningChange(table.timePartitioning, partitioning);
    if (body.rangePartitioning !== void 0 || mode === "replace") {
      checkRangeChange(
        table.rangePartitioning,
        normalizeRangePartitioning(body.rangePartitioning, nextSchema)
      );
    }
    if ("clustering" in body || mode === "replace")
      table.clustering = normalizeClustering(body.clustering, nextSchema);
    if (schema && table.kind === "TABLE") await this.storage.evolve(table, table.schema, schema);
    table.schema = nextSchema;
    table.timePartitioning = partitioning;
    if (viewQuery) table.viewQuery = viewQuery;
    applyTableFields(table, body, mode);
    table.lastModifiedTime = this.now();
    table.etag += 1;
    return table;
  }
  async deleteTable(projectId, datasetId, tableId) {
    const table = this.getTable(projectId, datasetId, tableId);
    const dataset = this.getDataset(projectId, datasetId);
    dataset.tables.delete(tableId);
    await this.keepDeleted(dataset, table, this.now());
  }
  /**
   * The table a copy job's source names: the table itself, or with a `@<ms>` / `@-<ms>`
   * snapshot decorator, the deleted table as it was then (see time-travel.ts).
   */
  sourceTable(projectId, datasetId, decorated) {
    const { tableId, instant: instant2 } = splitSnapshot(decorated);
    if (instant2 === void 0) return { table: this.getTable(projectId, datasetId, tableId) };
    const dataset = this.getDataset(projectId, datasetId);
    this.dropExpiredTables(dataset);
    const windowHours = dataset.maxTimeTravelHours ?? DEFAULT_TIME_TRAVEL_HOURS;
    return this.timeTravel.snapshot(
      dataset.tables.get(tableId),
      { projectId, datasetId, tableId, location: dataset.location },
      instant2,
      { now: this.now(), windowHours }
    );
  }
  keepDeleted(dataset, table, deletedAt) {
    const windowHours = dataset.maxTimeTravelHours ?? DEFAULT_TIME_TRAVEL_HOURS;
    return this.timeTravel.keep(table, deletedAt, windowHours, dataset.location);
  }
  /** BigQuery deletes a table at its expirationTime; deleted tables leave their window. */
  dropExpiredTables(dataset) {
    const now = this.now();
    for (const [id, table] of dataset.tables) {
      if (table.expirationTime !== void 0 && Number(table.expirationTime) <= now) {
        dataset.tables.delete(id);
        void this.keepDeleted(dataset, table, Number(table.expirationTime)).catch(() => void 0);
      }
    }
    this.timeTravel.purge(now, (projectId, datasetId) => {
      const current = this.projects.get(projectId)?.get(datasetId);
      return current ? current.maxTimeTravelHours ?? DEFAULT_TIME_TRAVEL_HOURS : void 0;
    });
  }
};

// packages/local-cloud/src/bigquery/index.ts
var LOOPBACK = /* @__PURE__ */ new Set(["127.0.0.1", "localhost", "::1"]);
async function startBigQueryEmulator(options) {
  const host = options.host ?? "127.0.0.1";
  if (!LOOPBACK.has(host)) {
    throw new Error(`The local BigQuery listens on loopback only; got host "${host}". Use 127.0.0.1.`);
  }
  if (!options.projectId) throw new Error("startBigQueryEmulator needs a projectId.");
  const clock = options.clock ?? (() => /* @__PURE__ */ new Date());
  const engine = await SqlEngine.open();
  const store = new Store(clock, new TableStorage(engine, clock), async (projectId, sql) => {
    const params = { named: /* @__PURE__ */ new Map(), positional: [] };
    const result = await runStatement(store, { sql, projectId, params, now: clock(), dryRun: true });
    return result.fields;
  });
  const jobs = new JobRegistry();
  const queries = new QueryJobs(store, jobs, clock);
  const quota = new LoadQuota(clock, options.quotas?.loadJobsPerDay);
  let context;
  const server = createBigQueryHttpServer({
    routes: [...projectRoutes, ...datasetRoutes, ...tableRoutes, ...routineRoutes, ...jobRoutes],
    context: () => {
      if (!context) throw new Error("The local BigQuery is not listening yet.");
      return context;
    },
    faults: options.faults,
    sleep: (ms) => sleep(ms)
  });
  const listening = await listenOnLoopback(server, host, options.port).catch(async (error) => {
    await engine.close();
    throw error;
  });
  const warehouse = createWarehouse(store, quota, clock);
  context = {
    store,
    queries,
    jobs,
    clock,
    warehouse,
    baseUrl: listening.url,
    defaultProjectId: options.projectId
  };
  return {
    url: listening.url,
    hostPort: listening.hostPort,
    warehouse,
    stop: async () => {
      await listening.stop();
      await engine.close();
    }
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

// packages/local-cloud/src/rpc/error-details.ts
import { join as join4 } from "node:path";
import { Metadata } from "@grpc/grpc-js";
import protobuf2 from "protobufjs";

// packages/local-cloud/src/rpc/protos.ts
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join as join3 } from "node:path";
import protobuf from "protobufjs";
var DTS_SERVICE_NAME = "google.cloud.bigquery.datatransfer.v1.DataTransferService";
var LOGGING_SERVICE_NAME = "google.logging.v2.LoggingServiceV2";
var LOGGING_CONFIG_SERVICE_NAME = "google.logging.v2.ConfigServiceV2";
var LOGGING_METRICS_SERVICE_NAME = "google.logging.v2.MetricsServiceV2";
var LOGGING_OPERATIONS_SERVICE_NAME = "google.longrunning.Operations";
var LOCATIONS_SERVICE_NAME = "google.cloud.location.Locations";
var require2 = createRequire(import.meta.url);
function packageDir(name) {
  const main = require2.resolve(name);
  let dir = dirname(main);
  while (!existsSync(join3(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot locate the package directory of ${name} (resolved ${main}).`);
    dir = parent;
  }
  return dir;
}
function protoDirOf(name) {
  const dir = join3(packageDir(name), "build", "protos");
  if (!existsSync(dir)) {
    throw new Error(`The protos of ${name} are missing at ${dir}; reinstall with \`npm ci\`.`);
  }
  return dir;
}
function loadCompiledProtos(source2) {
  if (!existsSync(source2)) {
    throw new Error(`The compiled protos ${source2} are missing; reinstall with \`npm ci\`.`);
  }
  const root = protobuf.Root.fromJSON(JSON.parse(readFileSync(source2, "utf8")));
  root.resolveAll();
  return root;
}
function methodDefinition(serviceName, method) {
  const { resolvedRequestType: request, resolvedResponseType: response } = method;
  if (!request || !response) throw new Error(`${serviceName}/${method.name} has unresolved message types.`);
  const serializer = (type) => (value) => {
    if (Array.isArray(value)) {
      throw new Error(`Failed to serialize message: expected an object of ${type.name}, got an array.`);
    }
    return type.encode(type.fromObject(value)).finish();
  };
  const deserializer = (type) => (bytes) => type.toObject(type.decode(bytes), PROTO_LOADER_OPTIONS);
  return {
    path: `/${serviceName}/${method.name}`,
    requestStream: method.requestStream === true,
    responseStream: method.responseStream === true,
    requestSerialize: serializer(request),
    requestDeserialize: deserializer(request),
    responseSerialize: serializer(response),
    responseDeserialize: deserializer(response),
    originalName: method.name.replace(/^./, (char) => char.toLowerCase())
  };
}
function serviceOf(serviceName, root, source2) {
  const service = root.lookup(serviceName);
  if (!(service instanceof protobuf.Service)) throw new Error(`Service ${serviceName} is not in ${source2}.`);
  const serviceDefinition = {};
  for (const method of service.methodsArray)
    serviceDefinition[method.name] = methodDefinition(serviceName, method);
  return { serviceName, source: source2, serviceDefinition, root, service };
}
var dtsProto;
var loggingProto;
var locationsProto;
var loggingMixinProtos;
var loggingOperationsProto;
function loadDtsProto() {
  if (!dtsProto) {
    const source2 = join3(protoDirOf("@google-cloud/bigquery-data-transfer"), "protos.json");
    dtsProto = serviceOf(DTS_SERVICE_NAME, loadCompiledProtos(source2), source2);
  }
  return dtsProto;
}
function loadLoggingProto() {
  if (!loggingProto) {
    const source2 = join3(protoDirOf("@google-cloud/logging-api"), "protos.json");
    loggingProto = serviceOf(LOGGING_SERVICE_NAME, loadCompiledProtos(source2), source2);
  }
  return loggingProto;
}
function loadLoggingMixinProtos() {
  if (!loggingMixinProtos) {
    const { root, source: source2 } = loadLoggingProto();
    loggingMixinProtos = [LOGGING_CONFIG_SERVICE_NAME, LOGGING_METRICS_SERVICE_NAME].map(
      (serviceName) => serviceOf(serviceName, root, source2)
    );
  }
  return loggingMixinProtos;
}
var LOGGING_OPERATION_RULES = {
  GetOperation: { get: "/v2/{name=*/*/locations/*/operations/*}" },
  ListOperations: { get: "/v2/{name=*/*/locations/*}/operations" },
  CancelOperation: { post: "/v2/{name=*/*/locations/*/operations/*}:cancel", body: "*" }
};
function loadLoggingOperationsProto() {
  if (loggingOperationsProto) return loggingOperationsProto;
  const { root, source: source2 } = loadLoggingProto();
  const loaded = serviceOf(LOGGING_OPERATIONS_SERVICE_NAME, root, source2);
  for (const method of loaded.service.methodsArray) {
    const rule = LOGGING_OPERATION_RULES[method.name];
    method.parsedOptions = rule ? [{ "(google.api.http)": rule }] : [];
  }
  loggingOperationsProto = loaded;
  return loaded;
}
function loadLocationsProto() {
  if (!locationsProto) {
    const source2 = join3(protoDirOf("google-gax"), "locations.json");
    locationsProto = serviceOf(LOCATIONS_SERVICE_NAME, loadCompiledProtos(source2), source2);
  }
  return locationsProto;
}

// packages/local-cloud/src/rpc/error-details.ts
var DetailedRpcError = class extends RpcError {
  constructor(code, message, errorInfo) {
    super(code, message);
    this.errorInfo = errorInfo;
    this.name = "DetailedRpcError";
  }
  errorInfo;
};
var ERROR_INFO_TYPE = "type.googleapis.com/google.rpc.ErrorInfo";
var rpcTypes;
function loadRpcTypes() {
  if (!rpcTypes) {
    const dir = join4(protoDirOf("google-gax"), "google", "rpc");
    const root = new protobuf2.Root().loadSync([join4(dir, "status.proto"), join4(dir, "error_details.proto")]);
    rpcTypes = {
      status: root.lookupType("google.rpc.Status"),
      errorInfo: root.lookupType("google.rpc.ErrorInfo")
    };
  }
  return rpcTypes;
}
function grpcStatusDetails(error) {
  const { status: status34, errorInfo } = loadRpcTypes();
  const info = errorInfo.encode(errorInfo.fromObject(error.errorInfo)).finish();
  const encoded = status34.encode(
    status34.fromObject({
      code: error.code,
      message: error.message,
      details: [{ type_url: ERROR_INFO_TYPE, value: info }]
    })
  ).finish();
  const metadata = new Metadata();
  metadata.set("grpc-status-details-bin", Buffer.from(encoded));
  return metadata;
}
function restErrorDetails(error) {
  return {
    errors: [{ message: error.message, domain: "global", reason: error.errorInfo.reason }],
    details: [{ "@type": ERROR_INFO_TYPE, ...error.errorInfo }]
  };
}

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

// packages/local-cloud/src/rpc/unimplemented.ts
import { status as status7 } from "@grpc/grpc-js";
function unimplemented(serviceName, rpcName) {
  const call = `${serviceName}/${rpcName}`;
  return new DetailedRpcError(
    status7.UNIMPLEMENTED,
    `The local cloud does not implement ${call}. See the fidelity table in the @s3bq/local-cloud README for what it serves.`,
    { reason: "notImplemented", domain: "local-cloud", metadata: { service: serviceName, method: rpcName } }
  );
}

// packages/local-cloud/src/rpc/grpc-server.ts
function toServiceError(error) {
  if (error instanceof DetailedRpcError)
    return { code: error.code, details: error.message, metadata: grpcStatusDetails(error) };
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
function unimplementedStream(serviceName, rpcName, method) {
  const error = toServiceError(unimplemented(serviceName, rpcName));
  if (method.requestStream && !method.responseStream) {
    return (_call, callback) => callback(error);
  }
  return (call) => {
    call.emit("error", error);
  };
}
function serveUnary(options, served, rpcName) {
  const handler = served.handlers[rpcName];
  return (call, callback) => {
    void (async () => {
      const verdict = await applyRpcFault(options.faults, options.faultService, rpcName);
      if (verdict.kind === "hang") return;
      if (verdict.kind === "fail") throw verdict.error;
      if (!handler) throw unimplemented(served.proto.serviceName, rpcName);
      return handler(call.request);
    })().then(
      (response) => {
        if (response !== void 0) callback(null, response);
      },
      (error) => callback(toServiceError(error))
    );
  };
}
function implement(options, served, streams) {
  const implementation = {};
  for (const [rpcName, method] of Object.entries(served.proto.serviceDefinition)) {
    if (!method.requestStream && !method.responseStream) {
      implementation[rpcName] = serveUnary(options, served, rpcName);
      continue;
    }
    const streamHandler = streams[rpcName];
    implementation[rpcName] = method.requestStream && method.responseStream && streamHandler ? (call) => serveDuplex(options, rpcName, call, streamHandler) : unimplementedStream(served.proto.serviceName, rpcName, method);
  }
  return implementation;
}
async function startGrpcServer(options) {
  const server = new grpc.Server();
  const main = { proto: options.proto, handlers: options.handlers };
  server.addService(options.proto.serviceDefinition, implement(options, main, options.streamHandlers ?? {}));
  for (const mixin of options.mixins ?? []) {
    server.addService(mixin.proto.serviceDefinition, implement(options, mixin, {}));
  }
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

// packages/local-cloud/src/dts/config-handlers.ts
import { randomUUID as randomUUID3 } from "node:crypto";

// packages/local-cloud/src/dts/amazon-s3-params.ts
import { status as status9 } from "@grpc/grpc-js";

// packages/local-cloud/src/load-options.ts
var SOURCE_FORMATS = ["CSV", "JSON", "AVRO", "PARQUET", "ORC"];
var WRITE_DISPOSITIONS = ["WRITE_APPEND", "WRITE_TRUNCATE"];

// packages/local-cloud/src/dts/amazon-s3-source.ts
var AMAZON_S3_MINIMUM_INTERVAL_SECONDS = 86400;
var AMAZON_S3 = "amazon_s3";
var AMAZON_S3_PARAMETERS = [
  {
    paramId: "destination_table_name_template",
    displayName: "Destination table",
    description: 'The BigQuery table the transfer loads into. Runtime parameters such as {run_date} or {run_time|"%Y%m%d"} are allowed, including a $YYYYMMDD partition decorator.',
    type: "STRING",
    required: true
  },
  {
    paramId: "data_path",
    displayName: "Amazon S3 URI",
    description: "The data to transfer, as s3://bucket/path. Wildcards (*) and runtime parameters are allowed in the path, not in the bucket.",
    type: "STRING",
    required: true,
    validationRegex: "^s3://[^/*{}]+/.+$",
    validationDescription: "An Amazon S3 URI: s3://bucket/path"
  },
  {
    paramId: "access_key_id",
    displayName: "Access key ID",
    description: "The AWS access key id the transfer reads the bucket with.",
    type: "STRING",
    required: true
  },
  {
    paramId: "secret_access_key",
    displayName: "Secret access key",
    description: "The secret of the access key pair. It is never returned by the API.",
    type: "STRING",
    required: true
  },
  {
    paramId: "file_format",
    displayName: "File format",
    description: "The format of the files: CSV (the default), JSON (newline-delimited), AVRO, PARQUET or ORC.",
    type: "STRING",
    required: false,
    allowedValues: ["CSV", "JSON", "AVRO", "PARQUET", "ORC"]
  },
  {
    paramId: "write_disposition",
    displayName: "Write disposition",
    description: "WRITE_APPEND (the default) appends the files modified since the previous successful run; WRITE_TRUNCATE replaces the destination with every matching file on each run.",
    type: "STRING",
    required: false,
    allowedValues: ["WRITE_APPEND", "WRITE_TRUNCATE"]
  },
  {
    paramId: "max_bad_records",
    displayName: "Number of errors allowed",
    description: "The most bad records a run may skip before it fails. The default is 0.",
    type: "INTEGER",
    required: false,
    minValue: 0
  },
  {
    paramId: "decimal_target_types",
    displayName: "Decimal target types",
    description: "A comma-separated list of the SQL types source decimal values may be converted to: NUMERIC, BIGNUMERIC, STRING. The default is NUMERIC (NUMERIC,STRING for ORC).",
    type: "STRING",
    required: false
  },
  {
    paramId: "ignore_unknown_values",
    displayName: "Ignore unknown values",
    description: "CSV and JSON only: drop values that do not match the destination table's schema instead of counting the record as bad.",
    type: "BOOLEAN",
    required: false
  },
  {
    paramId: "field_delimiter",
    displayName: "Field delimiter",
    description: "CSV only: the character that separates fields. The default is a comma.",
    type: "STRING",
    required: false
  },
  {
    paramId: "skip_leading_rows",
    displayName: "Header rows to skip",
    description: "CSV only: how many header rows at the top of each file not to load. The default is 0.",
    type: "INTEGER",
    required: false,
    minValue: 0
  },
  {
    paramId: "allow_quoted_newlines",
    displayName: "Allow quoted newlines",
    description: "CSV only: allow newlines inside quoted fields.",
    type: "BOOLEAN",
    required: false
  },
  {
    paramId: "allow_jagged_rows",
    displayName: "Allow jagged rows",
    description: "CSV only: accept rows missing trailing optional columns; the missing values load as NULL.",
    type: "BOOLEAN",
    required: false
  }
];
var AMAZON_S3_DATA_SOURCE = {
  dataSourceId: AMAZON_S3,
  displayName: "Amazon S3",
  description: "Schedule and manage recurring load jobs from Amazon S3 into BigQuery.",
  clientId: "",
  scopes: [],
  transferType: "BATCH",
  supportsMultipleTransfers: true,
  updateDeadlineSeconds: 0,
  defaultSchedule: "every 24 hours",
  supportsCustomSchedule: true,
  helpUrl: "https://cloud.google.com/bigquery/docs/s3-transfer",
  authorizationType: "AUTHORIZATION_TYPE_UNSPECIFIED",
  dataRefreshType: "DATA_REFRESH_TYPE_UNSPECIFIED",
  defaultDataRefreshWindowDays: 0,
  manualRunsDisabled: false,
  minimumScheduleInterval: { seconds: String(AMAZON_S3_MINIMUM_INTERVAL_SECONDS), nanos: 0 }
};

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
var SECRET_PARAMS = ["secret_access_key"];
var KNOWN_PARAMS = new Set(AMAZON_S3_PARAMETERS.map((parameter) => parameter.paramId));
var WRITE_DISPOSITION_ALIASES = {
  APPEND: "WRITE_APPEND",
  MIRROR: "WRITE_TRUNCATE"
};
var DECIMAL_TARGET_TYPES = ["NUMERIC", "BIGNUMERIC", "STRING"];
var invalid5 = (message) => new RpcError(status9.INVALID_ARGUMENT, message);
function required(params, name) {
  const value = params[name];
  if (value === void 0 || value.trim() === "") {
    throw invalid5(
      `Missing required parameter: ${name}. Amazon S3 transfers need data_path, destination_table_name_template, access_key_id and secret_access_key as string params.`
    );
  }
  return value;
}
function nonNegativeInteger(params, name, fallback) {
  const value = params[name];
  if (value === void 0 || value === "") return fallback;
  if (!/^\d+$/.test(value))
    throw invalid5(`Invalid value for parameter ${name}: "${value}" is not a non-negative integer.`);
  return Number(value);
}
function boolean(params, name) {
  const value = params[name];
  if (value === void 0 || value === "") return false;
  if (value !== "true" && value !== "false")
    throw invalid5(`Invalid value for parameter ${name}: "${value}" must be true or false.`);
  return value === "true";
}
function oneOf(params, name, allowed, fallback) {
  const value = params[name];
  if (value === void 0 || value === "") return fallback;
  if (!allowed.includes(value)) {
    throw invalid5(`Invalid value for parameter ${name}: "${value}". Allowed values: ${allowed.join(", ")}.`);
  }
  return value;
}
function writeDisposition(params) {
  const value = params.write_disposition;
  const alias2 = value === void 0 ? void 0 : WRITE_DISPOSITION_ALIASES[value];
  return alias2 ?? oneOf(params, "write_disposition", WRITE_DISPOSITIONS, "WRITE_APPEND");
}
function checkDecimalTargetTypes(params) {
  const value = params.decimal_target_types;
  if (value === void 0 || value === "") return;
  const types = value.split(",").map((type) => type.trim());
  const unknown = types.find((type) => !DECIMAL_TARGET_TYPES.includes(type));
  if (unknown !== void 0 || new Set(types).size !== types.length) {
    throw invalid5(
      `Invalid value for parameter decimal_target_types: "${value}". Use distinct types among ${DECIMAL_TARGET_TYPES.join(", ")}, separated by commas.`
    );
  }
}
function parseAmazonS3Params(params) {
  for (const name of Object.keys(params)) {
    if (!KNOWN_PARAMS.has(name)) throw invalid5(`Unknown parameter for data source amazon_s3: ${name}.`);
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
    if (error instanceof TemplateError || error instanceof DataPathError) throw invalid5(error.message);
    throw error;
  }
  checkDecimalTargetTypes(params);
  const sampleTable = renderRuntimeParams(destinationTableNameTemplate, /* @__PURE__ */ new Date(0));
  if (!/^[\p{L}\p{N}_-]+(?:\$\d{4,10})?$/u.test(sampleTable)) {
    throw invalid5(
      `Invalid destination_table_name_template "${destinationTableNameTemplate}": it must render to a table name, optionally with a $YYYYMMDD[HH] partition decorator.`
    );
  }
  return {
    dataPath,
    destinationTableNameTemplate,
    accessKeyId,
    secretAccessKey,
    fileFormat: oneOf(params, "file_format", SOURCE_FORMATS, "CSV"),
    writeDisposition: writeDisposition(params),
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
  const copy2 = { ...params };
  for (const name of SECRET_PARAMS) delete copy2[name];
  return copy2;
}

// packages/local-cloud/src/dts/config-rules.ts
import { status as status12 } from "@grpc/grpc-js";

// packages/local-cloud/src/dts/handler-support.ts
import { status as status11 } from "@grpc/grpc-js";

// packages/local-cloud/src/dts/resource-names.ts
import { status as status10 } from "@grpc/grpc-js";
var DEFAULT_LOCATION = "us";
var PARENT = {
  kind: "parent",
  pattern: /^projects\/([^/]+)(?:\/locations\/([^/]+))?$/,
  shape: "projects/PROJECT[/locations/LOCATION]"
};
var DATA_SOURCE = {
  kind: "data source",
  pattern: /^projects\/([^/]+)(?:\/locations\/([^/]+))?\/dataSources\/([^/]+)$/,
  shape: "projects/PROJECT/locations/LOCATION/dataSources/DATA_SOURCE_ID"
};
var CONFIG = {
  kind: "transfer config",
  pattern: /^projects\/([^/]+)(?:\/locations\/([^/]+))?\/transferConfigs\/([^/]+)$/,
  shape: "projects/PROJECT/locations/LOCATION/transferConfigs/CONFIG_ID"
};
var RUN = {
  kind: "transfer run",
  pattern: /^projects\/([^/]+)(?:\/locations\/([^/]+))?\/transferConfigs\/([^/]+)\/runs\/([^/]+)$/,
  shape: "projects/PROJECT/locations/LOCATION/transferConfigs/CONFIG_ID/runs/RUN_ID"
};
var locationOf = (segment) => (segment ?? DEFAULT_LOCATION).toLowerCase();
function parseName(value, name, kind = name.kind) {
  const match = typeof value === "string" ? name.pattern.exec(value) : null;
  if (!match) {
    throw new RpcError(
      status10.INVALID_ARGUMENT,
      `Invalid ${kind} name "${String(value)}": expected ${name.shape}.`
    );
  }
  const [, projectId = "", location, ...ids2] = match;
  return { parent: { projectId, location: locationOf(location) }, ids: ids2.map((id) => id ?? "") };
}
function parseParent(value, kind = "parent") {
  return parseName(value, PARENT, kind).parent;
}
function parseConfigName(value) {
  const { parent, ids: ids2 } = parseName(value, CONFIG);
  return { ...parent, configId: ids2[0] ?? "" };
}
function parseRunName(value) {
  const { parent, ids: ids2 } = parseName(value, RUN);
  return { ...parent, configId: ids2[0] ?? "", runId: ids2[1] ?? "" };
}
function parseDataSourceName(value) {
  const { parent, ids: ids2 } = parseName(value, DATA_SOURCE);
  return { ...parent, dataSourceId: ids2[0] ?? "" };
}
var formatConfigName = (name) => `projects/${name.projectId}/locations/${name.location}/transferConfigs/${name.configId}`;
var formatRunName = (name) => `${formatConfigName(name)}/runs/${name.runId}`;

// packages/local-cloud/src/dts/handler-support.ts
var MAX_PAGE_SIZE = 1e3;
var ENTITY_NOT_FOUND = "Requested entity was not found.";
var invalid6 = (message) => new RpcError(status11.INVALID_ARGUMENT, message);
var notFound = () => new RpcError(status11.NOT_FOUND, ENTITY_NOT_FOUND);
function fromTimestamp(value) {
  if (!value || typeof value !== "object") return void 0;
  const { seconds, nanos } = value;
  if (seconds === void 0) return void 0;
  return new Date(Number(seconds) * 1e3 + Math.floor((nanos ?? 0) / 1e6));
}
function configAt(store, name) {
  const config = store.getConfig(name.projectId, name.configId);
  if (!config || config.name.location !== name.location) throw notFound();
  return config;
}
function requireConfig(store, name) {
  return configAt(store, parseConfigName(name));
}
function requireRun(store, name) {
  const parsed = parseRunName(name);
  configAt(store, parsed);
  const run2 = store.getRun(parsed.configId, parsed.runId);
  if (!run2) throw notFound();
  return run2;
}

// packages/local-cloud/src/dts/schedule-grammar.ts
var SCHEDULE_GRAMMAR = String.raw`
{{
  const ALL_ORDINALS = [1, 2, 3, 4, 5];
  const ALL_WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];
  const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const QUARTER_STARTS = [1, 4, 7, 10];
}}

schedule = _ @(interval / specific) _

interval
  = EVERY __ every:number __ unit:period range:(__ @(timeRange / synchronized))?
    { return { kind: 'interval', every, unit, synchronized: false, ...(range ?? {}) }; }

period
  = "hours" !wordChar { return 'hours'; }
  / ("minutes" / "mins") !wordChar { return 'minutes'; }

timeRange = FROM __ from:time __ TO __ to:time { return { from, to }; }

synchronized = "synchronized" !wordChar { return { synchronized: true }; }

specific = days:daySpec __ at:time { return { kind: 'specific', time: at, ...days }; }

daySpec
  = days:(ordinalWeekdays / monthdayList) __ OF __ months:(quarterSpec / monthSpec)
    { return { ...days, months }; }
  / days:ordinalWeekdays { return { ...days, months: ALL_MONTHS }; }

ordinalWeekdays
  = ordinals:ordinals __ DAY
    {
      // "every day" is every weekday of every week; "1st,15th day" means days of the month.
      return ordinals === 'every'
        ? { ordinals: ALL_ORDINALS, weekdays: ALL_WEEKDAYS, monthdays: [] }
        : { ordinals: [], weekdays: [], monthdays: ordinals };
    }
  / ordinals:ordinals __ weekdays:weekdayList
    { return { ordinals: ordinals === 'every' ? ALL_ORDINALS : ordinals, weekdays, monthdays: [] }; }

ordinals = EVERY { return 'every'; } / list:ordinal|1.., listSeparator| { return list; }

ordinal
  = ("1st" / "first") !wordChar { return 1; }
  / ("2nd" / "second") !wordChar { return 2; }
  / ("3rd" / "third") !wordChar { return 3; }
  / ("4th" / "fourth") !wordChar { return 4; }
  / ("5th" / "fifth") !wordChar { return 5; }

monthdayList = list:number|1.., listSeparator| { return { ordinals: [], weekdays: [], monthdays: list }; }

weekdayList = weekday|1.., listSeparator|

weekday
  = ("sunday" / "sun") !wordChar { return 0; }
  / ("monday" / "mon") !wordChar { return 1; }
  / ("tuesday" / "tue") !wordChar { return 2; }
  / ("wednesday" / "wed") !wordChar { return 3; }
  / ("thursday" / "thu") !wordChar { return 4; }
  / ("friday" / "fri") !wordChar { return 5; }
  / ("saturday" / "sat") !wordChar { return 6; }

monthSpec = MONTH { return ALL_MONTHS; } / monthName|1.., listSeparator|

monthName
  = ("january" / "jan") !wordChar { return 1; }
  / ("february" / "feb") !wordChar { return 2; }
  / ("march" / "mar") !wordChar { return 3; }
  / ("april" / "apr") !wordChar { return 4; }
  / "may" !wordChar { return 5; }
  / ("june" / "jun") !wordChar { return 6; }
  / ("july" / "jul") !wordChar { return 7; }
  / ("august" / "aug") !wordChar { return 8; }
  / ("september" / "sep") !wordChar { return 9; }
  / ("october" / "oct") !wordChar { return 10; }
  / ("november" / "nov") !wordChar { return 11; }
  / ("december" / "dec") !wordChar { return 12; }

quarterSpec
  = QUARTER { return QUARTER_STARTS; }
  / offsets:monthOfQuarter|1.., listSeparator| __ MONTH __ OF __ QUARTER
    { return offsets.flatMap((offset) => QUARTER_STARTS.map((start) => start + offset)).sort((a, b) => a - b); }

monthOfQuarter
  = ("1st" / "first") !wordChar { return 0; }
  / ("2nd" / "second") !wordChar { return 1; }
  / ("3rd" / "third") !wordChar { return 2; }

time "a time of day (HH:MM, 00:00 to 23:59)"
  = hour:$([01] [0-9] / "2" [0-3] / [0-9]) ":" minute:$([0-5] [0-9]) !wordChar
    { return hour.padStart(2, '0') + ':' + minute; }

number "a number" = digits:$([0-9]|1..5|) !wordChar { return Number(digits); }

EVERY = "every" !wordChar
DAY = "day" !wordChar
MONTH = "month" !wordChar
QUARTER = "quarter" !wordChar
OF = "of" !wordChar
FROM = "from" !wordChar
TO = "to" !wordChar

listSeparator = _ "," _
wordChar = [a-z0-9_]
__ "whitespace" = [ \t\r\n]+
_ = [ \t\r\n]*
`;

// packages/local-cloud/src/dts/schedule.ts
var ScheduleError = class extends Error {
  name = "ScheduleError";
};
var EXAMPLES = 'Use the App Engine cron format in UTC, e.g. "every 24 hours", "every day 04:00", "every monday 09:00" or "1st,3rd monday of month 04:00".';
var building;
function scheduleParser() {
  building ??= (async () => {
    const started = performance.now();
    const { default: peggyModule } = await import("peggy");
    const parser = peggyModule.generate(SCHEDULE_GRAMMAR, { output: "parser" });
    return { parser, buildMs: performance.now() - started };
  })();
  return building;
}
function describeExpectation(item) {
  switch (item.type) {
    case "literal":
      return `"${item.text}"`;
    case "other":
      return item.description;
    case "end":
      return "the end of the schedule";
    default:
      return void 0;
  }
}
function describeSyntaxError(schedule, error) {
  const column2 = error.location.start.column;
  const found = error.found === null ? "the end of the schedule" : `"${error.found}"`;
  const expected = [
    ...new Set((error.expected ?? []).map(describeExpectation).filter((text) => text !== void 0))
  ];
  const wanted = expected.length > 0 ? `; expected ${expected.slice(0, 8).join(", ")}` : "";
  return `Invalid schedule "${schedule}": unexpected ${found} at character ${column2}${wanted}. ${EXAMPLES}`;
}
async function parseSchedule(schedule) {
  const { parser } = await scheduleParser();
  let spec;
  try {
    spec = parser.parse(schedule);
  } catch (error) {
    if (error instanceof parser.SyntaxError) throw new ScheduleError(describeSyntaxError(schedule, error));
    throw error;
  }
  if (spec.kind === "interval" && spec.every < 1) {
    throw new ScheduleError(`Invalid schedule "${schedule}": the interval must be at least 1. ${EXAMPLES}`);
  }
  if (spec.kind === "specific") {
    const wrongDay = spec.monthdays.find((day) => day < 1 || day > 31);
    if (wrongDay !== void 0) {
      throw new ScheduleError(
        `Invalid schedule "${schedule}": ${wrongDay} is not a day of the month (1 to 31). ${EXAMPLES}`
      );
    }
  }
  return spec;
}
function shortestIntervalSeconds(spec) {
  if (spec.kind === "specific") return 86400;
  return spec.every * (spec.unit === "hours" ? 3600 : 60);
}
async function checkSchedule(schedule, minimumIntervalSeconds, source2) {
  if (schedule === "") return;
  const shortest = shortestIntervalSeconds(await parseSchedule(schedule));
  if (shortest < minimumIntervalSeconds) {
    const hours = minimumIntervalSeconds / 3600;
    throw new ScheduleError(
      `Invalid schedule "${schedule}": ${source2} transfers may run at most once every ${hours} hours (the schedule runs every ${shortest / 60} minutes).`
    );
  }
}

// packages/local-cloud/src/dts/config-rules.ts
var RUN_TIME_SKEW_MS = 6e4;
function checkDestination(warehouse, config, datasetId, verb) {
  if (!datasetId) throw invalid6("Destination dataset id must be specified (destination_dataset_id).");
  const datasetLocation = warehouse.datasetLocation(config.projectId, datasetId)?.toLowerCase();
  if (datasetLocation === void 0) {
    throw new RpcError(
      status12.NOT_FOUND,
      `Not found: Dataset ${config.projectId}:${datasetId}. Create the dataset before the transfer config.`
    );
  }
  if (datasetLocation !== config.location.toLowerCase()) {
    throw invalid6(
      `Cannot ${verb} a transfer in ${config.location} when destination dataset ${config.projectId}:${datasetId} is located in ${datasetLocation}. Use the parent projects/${config.projectId}/locations/${datasetLocation}, or a dataset in ${config.location}.`
    );
  }
}
async function readScheduleFields(input) {
  const options = input.scheduleOptions ?? null;
  const v2 = input.scheduleOptionsV2 ?? null;
  const schedule = String(input.schedule ?? "");
  if (v2 && (schedule !== "" || options)) {
    throw invalid6("schedule_options_v2 cannot be used together with schedule or schedule_options.");
  }
  const timeBased = v2?.timeBasedSchedule ?? null;
  const effective = timeBased ? String(timeBased.schedule ?? "") : schedule;
  try {
    await checkSchedule(effective, AMAZON_S3_MINIMUM_INTERVAL_SECONDS, AMAZON_S3);
  } catch (error) {
    if (error instanceof ScheduleError) throw invalid6(error.message);
    throw error;
  }
  const manual = Boolean(v2 && (v2.schedule === "manualSchedule" || v2.manualSchedule));
  return {
    schedule: effective,
    disableAutoScheduling: Boolean(options?.disableAutoScheduling) || manual,
    scheduleOptions: options
  };
}
function assertNoRunInFlight(store, config, what) {
  const busy = store.runsInFlight(config.name.configId)[0];
  if (!busy) return;
  throw new RpcError(
    status12.FAILED_PRECONDITION,
    `Transfer config ${formatConfigName(config.name)} already has a run in progress: ${formatRunName(busy.name)} is ${busy.state}. Simultaneous backfill requests are not supported: ${what} once that run has finished.`
  );
}
function assertNotFuture(time, now, field) {
  if (time.getTime() > now.getTime() + RUN_TIME_SKEW_MS) {
    throw invalid6(
      `${field} ${time.toISOString()} is in the future (now ${now.toISOString()}): transfer runs can only be started for past times.`
    );
  }
}

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
function runView(run2) {
  return {
    name: formatRunName(run2.name),
    scheduleTime: toTimestamp(run2.scheduleTime),
    runTime: toTimestamp(run2.runTime),
    errorStatus: run2.errorStatus ? { code: run2.errorStatus.code, message: run2.errorStatus.message, details: [] } : null,
    startTime: toTimestamp(run2.startTime),
    endTime: toTimestamp(run2.endTime),
    updateTime: toTimestamp(run2.updateTime),
    params: stringsToStruct(redactParams(run2.params)),
    destinationDatasetId: run2.destinationDatasetId,
    dataSourceId: run2.dataSourceId,
    state: run2.state,
    userId: "0",
    schedule: ""
  };
}
function messageView(message) {
  return { messageTime: toTimestamp(message.time), severity: message.severity, messageText: message.text };
}

// packages/local-cloud/src/dts/paging.ts
import { status as status13 } from "@grpc/grpc-js";
function paginate(items, pageToken, pageSize, maxPageSize) {
  let offset = 0;
  if (typeof pageToken === "string" && pageToken !== "") {
    const decoded = Number(
      Buffer.from(pageToken, "base64url").toString("utf8").replace(/^offset:/, "")
    );
    if (!Number.isInteger(decoded) || decoded < 0) {
      throw new RpcError(
        status13.INVALID_ARGUMENT,
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

// packages/local-cloud/src/dts/config-handlers.ts
var PUBSUB_TOPIC = /^projects\/[^/]+\/topics\/[^/]+$/;
var toSnakeCase = (path) => path.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`);
function checkOptionalFields(input) {
  const topic = String(input.notificationPubsubTopic ?? "");
  if (topic !== "" && !PUBSUB_TOPIC.test(topic)) {
    throw invalid6(`Invalid notification_pubsub_topic "${topic}": expected projects/PROJECT/topics/TOPIC.`);
  }
  if (Number(input.dataRefreshWindowDays ?? 0) !== 0) {
    throw invalid6("data_refresh_window_days is not supported by data source amazon_s3; leave it 0.");
  }
}
async function createConfig(deps, request) {
  const { store, warehouse, clock } = deps;
  const parent = parseParent(request.parent);
  const input = request.transferConfig ?? null;
  if (!input) throw invalid6("transfer_config is required.");
  if (input.dataSourceId !== AMAZON_S3) {
    throw invalid6(
      `Data source "${String(input.dataSourceId ?? "")}" is not served by the local cloud; use data_source_id "amazon_s3".`
    );
  }
  const destinationDatasetId = String(input.destinationDatasetId ?? "");
  const params = structToStrings(input.params);
  parseAmazonS3Params(params);
  checkOptionalFields(input);
  const schedule = await readScheduleFields(input);
  checkDestination(warehouse, parent, destinationDatasetId, "create");
  const now = clock();
  const config = {
    name: { ...parent, configId: randomUUID3() },
    displayName: String(input.displayName ?? ""),
    dataSourceId: AMAZON_S3,
    destinationDatasetId,
    params,
    schedule: schedule.schedule,
    disableAutoScheduling: schedule.disableAutoScheduling,
    scheduleOptions: schedule.scheduleOptions,
    disabled: Boolean(input.disabled),
    notificationPubsubTopic: String(input.notificationPubsubTopic ?? ""),
    emailPreferences: input.emailPreferences ?? null,
    createTime: now,
    updateTime: now,
    sequence: store.nextSequence()
  };
  store.putConfig(config);
  return configView(config, store);
}
async function applyPath(deps, path, input, next) {
  switch (path) {
    case "display_name":
      next.displayName = String(input.displayName ?? "");
      return;
    case "params": {
      const params = structToStrings(input.params);
      if (params.secret_access_key === void 0 && next.params.secret_access_key !== void 0) {
        params.secret_access_key = next.params.secret_access_key;
      }
      parseAmazonS3Params(params);
      assertNoRunInFlight(deps.store, next, "change its params");
      next.params = params;
      return;
    }
    case "destination_dataset_id":
      next.destinationDatasetId = String(input.destinationDatasetId ?? "");
      checkDestination(deps.warehouse, next.name, next.destinationDatasetId, "update");
      assertNoRunInFlight(deps.store, next, "change its destination");
      return;
    case "schedule":
    case "schedule_options": {
      const schedule = await readScheduleFields(input);
      if (path === "schedule") next.schedule = schedule.schedule;
      else {
        next.scheduleOptions = schedule.scheduleOptions;
        next.disableAutoScheduling = schedule.disableAutoScheduling;
      }
      return;
    }
    case "disabled":
      next.disabled = Boolean(input.disabled);
      return;
    case "notification_pubsub_topic":
      checkOptionalFields({ notificationPubsubTopic: input.notificationPubsubTopic });
      next.notificationPubsubTopic = String(input.notificationPubsubTopic ?? "");
      return;
    case "email_preferences":
      next.emailPreferences = input.emailPreferences ?? null;
      return;
    default:
      throw invalid6(
        `Unsupported update_mask path "${path}": amazon_s3 configs update display_name, params, destination_dataset_id, schedule, schedule_options, disabled, notification_pubsub_topic or email_preferences.`
      );
  }
}
async function updateConfig(deps, request) {
  const input = request.transferConfig ?? null;
  if (!input) throw invalid6("transfer_config is required.");
  const config = requireConfig(deps.store, input.name);
  const paths = (request.updateMask?.paths ?? []).map(toSnakeCase);
  if (paths.length === 0) throw invalid6("update_mask is required: name the fields to update.");
  const next = { ...config };
  for (const path of paths) await applyPath(deps, path, input, next);
  const live = requireConfig(deps.store, input.name);
  if (paths.includes("params") || paths.includes("destination_dataset_id")) {
    assertNoRunInFlight(deps.store, live, "change its params or destination");
  }
  next.lastSuccessfulRunStart = live.lastSuccessfulRunStart;
  next.updateTime = deps.clock();
  deps.store.putConfig(next);
  return configView(next, deps.store);
}
function createConfigHandlers(deps) {
  const { store } = deps;
  return {
    CreateTransferConfig: (request) => createConfig(deps, request),
    UpdateTransferConfig: (request) => updateConfig(deps, request),
    async GetTransferConfig(request) {
      return configView(requireConfig(store, request.name), store);
    },
    async ListTransferConfigs(request) {
      const parent = parseParent(request.parent);
      const sources = request.dataSourceIds ?? [];
      const all = store.listConfigs(parent.projectId, parent.location).filter((config) => sources.length === 0 || sources.includes(config.dataSourceId));
      const { page, nextPageToken } = paginate(all, request.pageToken, request.pageSize, MAX_PAGE_SIZE);
      return { transferConfigs: page.map((config) => configView(config, store)), nextPageToken };
    },
    async DeleteTransferConfig(request) {
      const config = requireConfig(store, request.name);
      store.deleteConfig(config.name.configId);
      return {};
    }
  };
}

// packages/local-cloud/src/dts/data-source-handlers.ts
function dataSourceView(name) {
  return {
    ...AMAZON_S3_DATA_SOURCE,
    name,
    scopes: [...AMAZON_S3_DATA_SOURCE.scopes],
    parameters: AMAZON_S3_PARAMETERS.map((parameter) => ({
      paramId: parameter.paramId,
      displayName: parameter.displayName,
      description: parameter.description,
      type: parameter.type,
      required: parameter.required,
      repeated: false,
      validationRegex: parameter.validationRegex ?? "",
      allowedValues: parameter.allowedValues ?? [],
      minValue: parameter.minValue === void 0 ? null : { value: parameter.minValue },
      maxValue: null,
      fields: [],
      validationDescription: parameter.validationDescription ?? "",
      validationHelpUrl: "",
      immutable: false,
      recurse: false,
      deprecated: false
    }))
  };
}
function parentPrefix(value, kind) {
  const parent = parseParent(value, kind);
  const prefix = String(value).includes("/locations/") ? `projects/${parent.projectId}/locations/${parent.location}` : `projects/${parent.projectId}`;
  return { projectId: parent.projectId, prefix };
}
function requireDataSource(value) {
  const name = parseDataSourceName(value);
  if (name.dataSourceId !== AMAZON_S3) throw notFound();
  const located = String(value).includes("/locations/");
  const parent = located ? `projects/${name.projectId}/locations/${name.location}` : `projects/${name.projectId}`;
  return `${parent}/dataSources/${name.dataSourceId}`;
}
function dataSourceIds(request) {
  const ids2 = request.dataSourceIds ?? [];
  if (ids2.length === 0) throw invalid6("Provide at least one data source id in data_source_ids.");
  const unknown = ids2.find((id) => id !== AMAZON_S3);
  if (unknown !== void 0) {
    throw invalid6(`Data source "${unknown}" is not served by the local cloud; it serves "${AMAZON_S3}".`);
  }
  return ids2;
}
function enrollment(store, action) {
  return async (request) => {
    const { projectId } = parentPrefix(request.name, "project");
    const ids2 = dataSourceIds(request);
    if (action === "enroll") store.enroll(projectId, ids2);
    else store.unenroll(projectId, ids2);
    return {};
  };
}
function createDataSourceHandlers(deps) {
  return {
    async ListDataSources(request) {
      const { prefix } = parentPrefix(request.parent, "parent");
      const all = [dataSourceView(`${prefix}/dataSources/${AMAZON_S3}`)];
      const { page, nextPageToken } = paginate(all, request.pageToken, request.pageSize, MAX_PAGE_SIZE);
      return { dataSources: page, nextPageToken };
    },
    async GetDataSource(request) {
      return dataSourceView(requireDataSource(request.name));
    },
    // amazon_s3 authenticates with the access key pair in each config's params: there is
    // no Google OAuth grant to be missing, so the answer is always yes (unconfirmed).
    async CheckValidCreds(request) {
      requireDataSource(request.name);
      return { hasValidCreds: true };
    },
    EnrollDataSources: enrollment(deps.store, "enroll"),
    UnenrollDataSources: enrollment(deps.store, "unenroll")
  };
}

// packages/local-cloud/src/dts/run-handlers.ts
import { randomUUID as randomUUID4 } from "node:crypto";

// packages/local-cloud/src/dts/dts-store.ts
var RUN_STATES = ["PENDING", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"];
var IN_FLIGHT = /* @__PURE__ */ new Set(["PENDING", "RUNNING"]);
var isInFlight = (run2) => IN_FLIGHT.has(run2.state);
var DtsStore = class {
  configs = /* @__PURE__ */ new Map();
  runs = /* @__PURE__ */ new Map();
  inFlight = /* @__PURE__ */ new Set();
  peakInFlight = 0;
  enrolled = /* @__PURE__ */ new Map();
  sequence = 0;
  nextSequence() {
    this.sequence += 1;
    return this.sequence;
  }
  /** Makes every config look untouched for `ageMs` more (time passing, for tests). */
  ageConfigs(ageMs) {
    for (const config of this.configs.values())
      config.updateTime = new Date(config.updateTime.getTime() - ageMs);
    return this.configs.size;
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
    for (const run2 of this.runs.get(configId)?.values() ?? []) this.inFlight.delete(run2);
    this.configs.delete(configId);
    this.runs.delete(configId);
  }
  listConfigs(projectId, location) {
    return [...this.configs.values()].filter(
      (config) => config.name.projectId === projectId && (!location || config.name.location === location)
    ).sort((a, b) => a.sequence - b.sequence);
  }
  putRun(run2) {
    const byId = this.runs.get(run2.name.configId);
    if (!byId) return;
    byId.set(run2.name.runId, run2);
    this.trackInFlight(run2);
  }
  /** Moves a run to a new state; the one way states change, so in-flight counts stay true. */
  setRunState(run2, state, now) {
    run2.state = state;
    run2.updateTime = now;
    if (this.getRun(run2.name.configId, run2.name.runId) === run2) this.trackInFlight(run2);
  }
  trackInFlight(run2) {
    if (!isInFlight(run2)) {
      this.inFlight.delete(run2);
      return;
    }
    this.inFlight.add(run2);
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight.size);
  }
  /** The config's runs that are PENDING or RUNNING, oldest first. */
  runsInFlight(configId) {
    return this.listRuns(configId).filter(isInFlight).reverse();
  }
  getRun(configId, runId) {
    return this.runs.get(configId)?.get(runId);
  }
  deleteRun(configId, runId) {
    const run2 = this.getRun(configId, runId);
    if (run2) this.inFlight.delete(run2);
    return this.runs.get(configId)?.delete(runId) ?? false;
  }
  enroll(projectId, dataSourceIds2) {
    const set = this.enrolled.get(projectId) ?? /* @__PURE__ */ new Set();
    for (const id of dataSourceIds2) set.add(id);
    this.enrolled.set(projectId, set);
  }
  unenroll(projectId, dataSourceIds2) {
    for (const id of dataSourceIds2) this.enrolled.get(projectId)?.delete(id);
  }
  enrolledDataSources(projectId) {
    return [...this.enrolled.get(projectId) ?? []].sort();
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
    for (const byId of this.runs.values()) for (const run2 of byId.values()) runs[run2.state] += 1;
    return {
      configs: this.configs.size,
      runs,
      inFlightRuns: this.inFlight.size,
      peakInFlightRuns: this.peakInFlight
    };
  }
};

// packages/local-cloud/src/dts/run-handlers.ts
var ON_DEMAND_TIME_RANGE_MESSAGE = "Starting transfer run with on-demand schedule requires 'requested_run_time' to be specified.";
var DAY_MS = 864e5;
var MAX_RUNS_PER_REQUEST = 1e4;
function startRun(deps, config, runTime) {
  const now = deps.clock();
  const run2 = {
    name: { ...config.name, runId: randomUUID4() },
    runTime,
    scheduleTime: now,
    state: "PENDING",
    updateTime: now,
    params: { ...config.params },
    destinationDatasetId: config.destinationDatasetId,
    dataSourceId: config.dataSourceId,
    logs: [],
    sequence: deps.store.nextSequence()
  };
  deps.store.putRun(run2);
  deps.executor.launch(run2);
  return run2;
}
function startRange(deps, config, range, closed) {
  const { start, end } = range;
  if (!start || !end || start >= end) {
    throw invalid6("The time range needs a start_time strictly before its end_time.");
  }
  assertNotFuture(end, deps.clock(), "end_time");
  const times = [];
  for (let time = start.getTime(); closed ? time <= end.getTime() : time < end.getTime(); time += DAY_MS) {
    times.push(new Date(time));
    if (times.length > MAX_RUNS_PER_REQUEST) {
      throw invalid6(
        `The time range would create more than ${MAX_RUNS_PER_REQUEST} runs; request a shorter range.`
      );
    }
  }
  assertNoRunInFlight(deps.store, config, "start new runs");
  return { runs: times.map((time) => runView(startRun(deps, config, time))) };
}
function startManualRuns(deps, request) {
  const config = requireConfig(deps.store, request.parent);
  const chosen = request.time;
  const range = chosen === "requestedTimeRange" || !chosen && request.requestedTimeRange ? request.requestedTimeRange : void 0;
  const runTime = chosen === "requestedTimeRange" ? void 0 : fromTimestamp(request.requestedRunTime);
  if (config.disableAutoScheduling && !runTime) throw invalid6(ON_DEMAND_TIME_RANGE_MESSAGE);
  if (runTime) {
    assertNotFuture(runTime, deps.clock(), "requested_run_time");
    assertNoRunInFlight(deps.store, config, "start a new run");
    return { runs: [runView(startRun(deps, config, runTime))] };
  }
  if (!range)
    throw invalid6("Specify requested_run_time, or requested_time_range with a start and an end time.");
  return startRange(
    deps,
    config,
    { start: fromTimestamp(range.startTime), end: fromTimestamp(range.endTime) },
    false
  );
}
function createRunHandlers(deps) {
  const { store } = deps;
  return {
    StartManualTransferRuns: async (request) => startManualRuns(deps, request),
    async ScheduleTransferRuns(request) {
      const config = requireConfig(store, request.parent);
      if (config.disableAutoScheduling) throw invalid6(ON_DEMAND_TIME_RANGE_MESSAGE);
      const range = { start: fromTimestamp(request.startTime), end: fromTimestamp(request.endTime) };
      return startRange(deps, config, range, true);
    },
    async GetTransferRun(request) {
      return runView(requireRun(store, request.name));
    },
    async DeleteTransferRun(request) {
      const run2 = requireRun(store, request.name);
      store.deleteRun(run2.name.configId, run2.name.runId);
      return {};
    },
    async ListTransferRuns(request) {
      const config = requireConfig(store, request.parent);
      const states = (request.states ?? []).filter(
        (state) => RUN_STATES.includes(state)
      );
      const runs = store.listRuns(config.name.configId).filter((run2) => states.length === 0 || states.includes(run2.state));
      const { page, nextPageToken } = paginate(runs, request.pageToken, request.pageSize, MAX_PAGE_SIZE);
      return { transferRuns: page.map(runView), nextPageToken };
    },
    async ListTransferLogs(request) {
      const run2 = requireRun(store, request.parent);
      const types = request.messageTypes ?? [];
      const messages = run2.logs.filter((message) => types.length === 0 || types.includes(message.severity));
      const { page, nextPageToken } = paginate(messages, request.pageToken, request.pageSize, MAX_PAGE_SIZE);
      return { transferMessages: page.map(messageView), nextPageToken };
    }
  };
}

// packages/local-cloud/src/dts/dts-handlers.ts
function createDtsHandlers(deps) {
  return {
    ...createDataSourceHandlers(deps),
    ...createConfigHandlers(deps),
    ...createRunHandlers(deps)
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
import { status as status14 } from "@grpc/grpc-js";

// packages/local-cloud/src/dts/file-selection.ts
function selectFiles(listed, options) {
  const visibleUpTo = options.listedAt.getTime() - options.visibilityMs;
  const cutoff = options.writeDisposition === "WRITE_APPEND" ? options.cutoff?.getTime() : void 0;
  const selection = { files: [], invisible: 0, notNew: 0 };
  for (const file of listed) {
    const modified = file.lastModified.getTime();
    if (modified > visibleUpTo) selection.invisible += 1;
    else if (cutoff !== void 0 && modified <= cutoff) selection.notNew += 1;
    else selection.files.push(file);
  }
  return selection;
}

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
var CACHED_CLIENTS = 16;
var RunS3Clients = class {
  constructor(base) {
    this.base = base;
  }
  base;
  clients = /* @__PURE__ */ new Map();
  /** Runs `work` with the client of this key pair. */
  async with(keys, work) {
    const entry = this.entry(keys);
    entry.users += 1;
    try {
      return await work(entry.client);
    } finally {
      entry.users -= 1;
      if (entry.retired && entry.users === 0) entry.client.destroy();
    }
  }
  entry(keys) {
    const key = JSON.stringify([keys.accessKeyId, keys.secretAccessKey]);
    const cached = this.clients.get(key);
    if (cached) return cached;
    if (this.clients.size >= CACHED_CLIENTS) {
      const [oldest] = this.clients.keys();
      if (oldest !== void 0) this.retire(oldest);
    }
    const entry = { client: createRunS3Client({ ...this.base, ...keys }), users: 0, retired: false };
    this.clients.set(key, entry);
    return entry;
  }
  /** Destroying a client aborts its requests in flight: a client in use goes when its runs end. */
  retire(key) {
    const entry = this.clients.get(key);
    this.clients.delete(key);
    if (!entry) return;
    entry.retired = true;
    if (entry.users === 0) entry.client.destroy();
  }
  destroy() {
    for (const key of [...this.clients.keys()]) this.retire(key);
  }
};
function toRunFailure(error, bucket) {
  if (error instanceof RunFailure) return error;
  if (error instanceof S3ServiceException) {
    const status34 = error.$metadata.httpStatusCode;
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
        if (status34 === 403)
          return new RunFailure(
            grpcStatus.PERMISSION_DENIED,
            `Access to Amazon S3 bucket ${bucket} was denied.`
          );
        if (status34 === 404)
          return new RunFailure(grpcStatus.NOT_FOUND, `Amazon S3 bucket ${bucket} or object was not found.`);
        return new RunFailure(
          grpcStatus.UNAVAILABLE,
          `Amazon S3 answered ${error.name} (HTTP ${status34 ?? "?"}): ${error.message}`
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
var RunExecutor = class {
  constructor(options) {
    this.options = options;
    this.stopping = new Promise((resolve) => {
      this.signalStop = resolve;
    });
    this.s3Clients = new RunS3Clients({
      endpoint: options.s3Endpoint,
      requestTimeoutMs: options.s3RequestTimeoutMs ?? 3e4
    });
  }
  options;
  inFlight = /* @__PURE__ */ new Set();
  /** The last queued run of each config: the next one waits for it. */
  configQueues = /* @__PURE__ */ new Map();
  stopped = false;
  stopping;
  signalStop = () => void 0;
  s3Clients;
  /** The injected sleep, cut short when the executor stops so shutdown never waits a run out. */
  pause(ms) {
    return Promise.race([this.options.sleep(ms), this.stopping]);
  }
  /** Starts the run in the background, after the config's earlier runs; see the store. */
  launch(run2) {
    const configId = run2.name.configId;
    const previous = this.configQueues.get(configId) ?? Promise.resolve();
    const task = previous.then(() => this.execute(run2)).catch(() => void 0);
    this.configQueues.set(configId, task);
    this.inFlight.add(task);
    void task.finally(() => {
      this.inFlight.delete(task);
      if (this.configQueues.get(configId) === task) this.configQueues.delete(configId);
    });
  }
  /** Stops the runs: each ends at its next step (an S3 call or load in progress finishes first). */
  async stop() {
    this.stopped = true;
    this.signalStop();
    await Promise.race([Promise.allSettled([...this.inFlight]), this.options.sleep(STOP_GRACE_MS)]);
    this.s3Clients.destroy();
  }
  alive(run2) {
    return !this.stopped && this.options.store.getRun(run2.name.configId, run2.name.runId) === run2;
  }
  log(run2, severity, text) {
    const time = this.options.clock();
    run2.logs.push({ time, severity, text });
    this.options.logSink?.append({
      projectId: run2.name.projectId,
      location: run2.name.location,
      configId: run2.name.configId,
      runId: run2.name.runId,
      time,
      severity,
      message: text
    });
  }
  setState(run2, state) {
    this.options.store.setRunState(run2, state, this.options.clock());
  }
  finish(run2, failure) {
    const now = this.options.clock();
    run2.endTime = now;
    if (failure) {
      run2.errorStatus = { code: failure.code, message: failure.message };
      this.log(run2, "ERROR", failure.message);
      this.setState(run2, "FAILED");
      return;
    }
    const config = this.options.store.getConfig(run2.name.projectId, run2.name.configId);
    const started = run2.startTime ?? now;
    if (config && !(config.lastSuccessfulRunStart && config.lastSuccessfulRunStart >= started)) {
      config.lastSuccessfulRunStart = started;
    }
    this.setState(run2, "SUCCEEDED");
  }
  async execute(run2) {
    const { runMs, clock, quotas } = this.options;
    await this.pause(runMs * PENDING_SHARE);
    if (!this.alive(run2)) return;
    const injected = this.options.faults.take("dts", "run");
    if (!quotas.tryStartRun()) {
      run2.startTime = clock();
      this.finish(
        run2,
        new RunFailure(status14.RESOURCE_EXHAUSTED, CONCURRENT_RUNS_QUOTA_MESSAGE(quotas.concurrentLimit))
      );
      return;
    }
    try {
      run2.startTime = clock();
      this.setState(run2, "RUNNING");
      const deadline = run2.startTime.getTime() + runMs * (1 - PENDING_SHARE);
      const moving = deadline - clock().getTime();
      if (moving > 0) await this.pause(moving);
      if (!this.alive(run2)) return;
      let failure;
      try {
        if (injected?.kind === "fail-run") {
          throw new RunFailure(
            injected.code ?? status14.INTERNAL,
            injected.message ?? "Transfer run failed (injected fault)."
          );
        }
        await this.transfer(run2);
      } catch (error) {
        failure = error instanceof RunFailure ? error : new RunFailure(status14.INTERNAL, `Internal error: ${String(error)}`);
      }
      if (!this.alive(run2)) return;
      this.finish(run2, failure);
    } finally {
      quotas.finishRun();
    }
  }
  render(run2) {
    let params;
    try {
      params = parseAmazonS3Params(run2.params);
    } catch (error) {
      throw new RunFailure(status14.INVALID_ARGUMENT, error instanceof Error ? error.message : String(error));
    }
    const dataPath = renderRuntimeParams(params.dataPath, run2.runTime);
    const tableId = renderRuntimeParams(params.destinationTableNameTemplate, run2.runTime);
    return { params, dataPath, tableId, pattern: parseS3Pattern(dataPath) };
  }
  async transfer(run2) {
    const rendered = this.render(run2);
    const { params, dataPath, pattern } = rendered;
    this.log(
      run2,
      "INFO",
      `Starting transfer from Amazon S3 ${dataPath} to table ${run2.destinationDatasetId}.${rendered.tableId} (${params.fileFormat}, ${params.writeDisposition}).`
    );
    const keys = { accessKeyId: params.accessKeyId, secretAccessKey: params.secretAccessKey };
    await this.s3Clients.with(keys, async (client) => {
      let listed;
      try {
        listed = await listMatchingFiles(client, pattern);
      } catch (error) {
        throw toRunFailure(error, pattern.bucket);
      }
      if (listed.length > pattern.fileLimit) {
        throw new RunFailure(status14.INVALID_ARGUMENT, fileLimitMessage(pattern));
      }
      const config = this.options.store.getConfig(run2.name.projectId, run2.name.configId);
      const { files } = selectFiles(listed, {
        writeDisposition: params.writeDisposition,
        listedAt: this.options.clock(),
        visibilityMs: this.options.fileVisibilityMs,
        cutoff: config?.lastSuccessfulRunStart
      });
      if (files.length === 0) {
        this.log(
          run2,
          "INFO",
          `Moving data from Amazon S3 to Google Cloud complete: Moved 0 object(s). No new files found matching ${dataPath}.`
        );
        return;
      }
      await this.load(run2, rendered, client, files);
    });
  }
  /** Reads the files and runs them as one load job into the rendered table. */
  async load(run2, { params, tableId, pattern }, client, files) {
    let bodies;
    try {
      bodies = await readFiles(client, pattern.bucket, files);
    } catch (error) {
      throw toRunFailure(error, pattern.bucket);
    }
    const bytes = bodies.reduce((sum, file) => sum + file.body.byteLength, 0);
    this.log(
      run2,
      "INFO",
      `Moving data from Amazon S3 to Google Cloud complete: Moved ${files.length} object(s).`
    );
    if (!this.options.quotas.tryTakeLoadJob(this.options.clock())) {
      throw new RunFailure(status14.RESOURCE_EXHAUSTED, LOAD_JOBS_QUOTA_MESSAGE);
    }
    const jobId = `bqts_${run2.name.runId}`;
    try {
      const result = await this.options.warehouse.load({
        projectId: run2.name.projectId,
        datasetId: run2.destinationDatasetId,
        tableId,
        format: params.fileFormat,
        files: bodies,
        writeDisposition: params.writeDisposition,
        maxBadRecords: params.maxBadRecords,
        ignoreUnknownValues: params.ignoreUnknownValues,
        csv: params.csv
      });
      this.log(
        run2,
        "INFO",
        `Job ${run2.name.projectId}:${jobId} (table ${tableId}) completed successfully. Number of records: ${result.rowsLoaded}, with errors: ${result.badRecords}. Bytes read: ${bytes}.`
      );
    } catch (error) {
      if (error instanceof LoadJobError) {
        throw new RunFailure(
          error.grpcCode,
          `Job ${run2.name.projectId}:${jobId} (table ${tableId}) failed: ${error.message}`
        );
      }
      throw error;
    }
  }
};

// packages/local-cloud/src/dts/index.ts
var DEFAULT_FILE_VISIBILITY_SECONDS = 300;
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
    fileVisibilityMs: (options.fileVisibilitySeconds ?? DEFAULT_FILE_VISIBILITY_SECONDS) * 1e3,
    clock,
    sleep: sleep2
  });
  const handlers = createDtsHandlers({ store, warehouse: options.warehouse, executor, clock });
  const server = await startGrpcServer({
    proto: loadDtsProto(),
    handlers,
    // DTS clients also call google.cloud.location.Locations on the same endpoint: served
    // so that its calls answer UNIMPLEMENTED by name rather than as an unknown service.
    mixins: [{ proto: loadLocationsProto(), handlers: {} }],
    faults: options.faults,
    faultService: "dts",
    host: options.host
  });
  return {
    hostPort: server.hostPort,
    port: server.port,
    handlers,
    stats: () => ({ ...store.counts(), ...quotas.figures(clock()) }),
    ageConfigs: (ageMs) => store.ageConfigs(ageMs),
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

// packages/local-cloud/src/rpc/rest-gateway.ts
import { status as status15 } from "@grpc/grpc-js";

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
  let source2 = "";
  let rest = template;
  for (; ; ) {
    const match = /^([^{]*)\{([^}=]+)(?:=([^}]*))?\}(.*)$/.exec(rest);
    if (!match) break;
    const [, before = "", field = "", pattern = "*", after = ""] = match;
    source2 += `${escapeRegExp2(before)}(${segmentPattern(pattern)})`;
    variables.push(field.split(".").map(snakeToCamel));
    rest = after;
  }
  source2 += escapeRegExp2(rest);
  return { pattern: new RegExp(`^${source2}$`), variables };
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
  [status15.CANCELLED]: 499,
  [status15.UNKNOWN]: 500,
  [status15.INVALID_ARGUMENT]: 400,
  [status15.DEADLINE_EXCEEDED]: 504,
  [status15.NOT_FOUND]: 404,
  [status15.ALREADY_EXISTS]: 409,
  [status15.PERMISSION_DENIED]: 403,
  [status15.RESOURCE_EXHAUSTED]: 429,
  [status15.FAILED_PRECONDITION]: 400,
  [status15.ABORTED]: 409,
  [status15.OUT_OF_RANGE]: 400,
  [status15.UNIMPLEMENTED]: 501,
  [status15.INTERNAL]: 500,
  [status15.UNAVAILABLE]: 503,
  [status15.DATA_LOSS]: 500,
  [status15.UNAUTHENTICATED]: 401
};
function routesOf(served) {
  const service = served.root.lookupService(served.serviceName);
  service.resolveAll();
  return { served, routes: compileRoutes(service) };
}
async function startRestGateway(options) {
  const services = [options, ...options.mixins ?? []].map(routesOf);
  const stopping = new AbortController();
  async function handle2(request, response) {
    const url = new URL(request.url ?? "/", "http://localhost");
    let served;
    let found;
    for (const candidate of services) {
      found = findRoute2(candidate.routes, request.method ?? "GET", url.pathname);
      served = candidate.served;
      if (found) break;
    }
    if (!found || !served) {
      throw new RpcError(
        status15.NOT_FOUND,
        `No ${options.serviceName} method answers ${request.method} ${url.pathname} in the local cloud.`
      );
    }
    const name = found.route.method.name;
    const handler = served.handlers[name];
    if (!handler) throw unimplemented(served.serviceName, name);
    const body = await readBody(request, {
      maxBytes: MAX_BODY_BYTES3,
      tooLarge: () => new BadRequestError(`The request body exceeds ${MAX_BODY_BYTES3} bytes.`)
    });
    const rpcRequest = buildRequest(found.route, found.values, url.searchParams, body.toString("utf8"));
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
  const server = answeringServer(handle2, (response, error) => {
    if (!stopping.signal.aborted) sendError2(response, error);
  });
  const listening = await listenOnLoopback(server, options.host, options.port);
  return {
    ...listening,
    // Ends hung calls unanswered (their failure is not sent), then closes every socket.
    async stop() {
      stopping.abort();
      await listening.stop();
    }
  };
}
function sendError2(response, error) {
  const code = error instanceof RpcError ? error.code : error instanceof BadRequestError ? status15.INVALID_ARGUMENT : status15.INTERNAL;
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof DetailedRpcError ? restErrorDetails(error) : {};
  sendJson(response, HTTP_STATUS[code] ?? 500, {
    error: { code: HTTP_STATUS[code] ?? 500, message, status: status15[code], ...details }
  });
}

// packages/local-cloud/src/logging/bucket-handlers.ts
import { status as status21 } from "@grpc/grpc-js";

// packages/local-cloud/src/logging/bucket-fields.ts
import { status as status20 } from "@grpc/grpc-js";

// packages/local-cloud/src/logging/config-common.ts
import { status as status18 } from "@grpc/grpc-js";

// packages/local-cloud/src/logging/entry-schema.ts
var HTTP_REQUEST = {
  requestMethod: "string",
  requestUrl: "string",
  requestSize: "number",
  status: "number",
  responseSize: "number",
  userAgent: "string",
  remoteIp: "string",
  serverIp: "string",
  referer: "string",
  latency: "duration",
  cacheLookup: "bool",
  cacheHit: "bool",
  cacheValidatedWithOriginServer: "bool",
  cacheFillBytes: "number",
  protocol: "string"
};
var LOG_ENTRY_SCHEMA = {
  logName: "string",
  resource: { type: "string", labels: "map" },
  timestamp: "timestamp",
  receiveTimestamp: "timestamp",
  severity: "severity",
  insertId: "string",
  httpRequest: HTTP_REQUEST,
  labels: "map",
  operation: { id: "string", producer: "string", first: "bool", last: "bool" },
  trace: "string",
  spanId: "string",
  traceSampled: "bool",
  sourceLocation: { file: "string", line: "number", function: "string" },
  split: { uid: "string", index: "number", totalSplits: "number" },
  textPayload: "string",
  jsonPayload: "struct",
  protoPayload: "any"
};
var PAYLOAD_FIELDS = /* @__PURE__ */ new Set(["textPayload", "jsonPayload", "protoPayload"]);
function isMessage(schema) {
  return typeof schema === "object";
}
function camelCaseOf(name) {
  return name.replace(/_([a-z0-9])/g, (_, char) => char.toUpperCase());
}

// packages/local-cloud/src/logging/log-values.ts
var Instant = class {
  constructor(nanos) {
    this.nanos = nanos;
  }
  nanos;
};
var Span = class {
  constructor(nanos) {
    this.nanos = nanos;
  }
  nanos;
};
var Severity = class {
  constructor(rank, name) {
    this.rank = rank;
    this.name = name;
  }
  rank;
  name;
};
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
function parseSeverity(text) {
  if (typeof text === "number" || /^\d+$/.test(text)) {
    const rank2 = Number(text);
    const name2 = Object.entries(SEVERITY_RANK).find(([, value]) => value === rank2)?.[0] ?? String(rank2);
    return new Severity(rank2, name2);
  }
  const name = text.toUpperCase();
  const rank = SEVERITY_RANK[name];
  return rank === void 0 ? void 0 : new Severity(rank, name);
}
var NANOS_PER_SECOND = 1000000000n;
function timestampToNanos(value) {
  if (!value || value.seconds === void 0 || value.seconds === null) return void 0;
  return BigInt(value.seconds) * NANOS_PER_SECOND + BigInt(value.nanos ?? 0);
}
function nanosToTimestamp(nanos) {
  let seconds = nanos / NANOS_PER_SECOND;
  let rest = nanos % NANOS_PER_SECOND;
  if (rest < 0n) {
    seconds -= 1n;
    rest += NANOS_PER_SECOND;
  }
  return { seconds: seconds.toString(), nanos: Number(rest) };
}
function dateToNanos(date) {
  return BigInt(date.getTime()) * 1000000n;
}
var RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
function parseRfc3339(text) {
  const match = RFC3339.exec(text);
  if (!match) return void 0;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const fraction2 = match[7] ?? "";
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return void 0;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return void 0;
  let offsetMinutes = 0;
  if (match[9]) {
    const offsetHours = Number(match[10]);
    const offsetRest = Number(match[11]);
    if (offsetHours > 23 || offsetRest > 59) return void 0;
    offsetMinutes = (match[9] === "-" ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  const utc = /* @__PURE__ */ new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute - offsetMinutes, second, 0);
  return BigInt(utc.getTime()) * 1000000n + BigInt(fraction2.padEnd(9, "0") || "0");
}
function parseDuration(text) {
  const match = /^(-)?(\d+)(?:\.(\d{1,9}))?s$/.exec(text);
  if (!match) return void 0;
  const nanos = BigInt(match[2]) * NANOS_PER_SECOND + BigInt((match[3] ?? "").padEnd(9, "0") || "0");
  return match[1] ? -nanos : nanos;
}

// packages/local-cloud/src/logging/entry-view.ts
function isViewNode(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Instant || value instanceof Span || value instanceof Severity);
}
var views = /* @__PURE__ */ new WeakMap();
function entryView(record) {
  let view = views.get(record);
  if (!view) {
    view = messageView2(record.entry, LOG_ENTRY_SCHEMA, true);
    views.set(record, view);
  }
  return view;
}
function messageView2(message, schema, top) {
  const view = {};
  for (const [name, fieldSchema] of Object.entries(schema)) {
    const raw = message[name];
    if (raw === void 0 || raw === null) continue;
    if (top && PAYLOAD_FIELDS.has(name) && message.payload !== void 0 && message.payload !== name)
      continue;
    const value = fieldView(raw, fieldSchema, top && PAYLOAD_FIELDS.has(name));
    if (value !== void 0) view[name] = value;
  }
  return view;
}
function fieldView(raw, schema, oneofMember) {
  if (isMessage(schema))
    return typeof raw === "object" ? messageView2(raw, schema, false) : void 0;
  switch (schema) {
    case "string":
      return raw === "" && !oneofMember ? void 0 : String(raw);
    case "number":
      return Number(raw) === 0 ? void 0 : Number(raw);
    case "bool":
      return raw === true ? true : void 0;
    case "timestamp": {
      const nanos = timestampToNanos(raw);
      return nanos === void 0 ? void 0 : new Instant(nanos);
    }
    case "duration": {
      const nanos = timestampToNanos(raw);
      return nanos === void 0 || nanos === 0n ? void 0 : new Span(nanos);
    }
    case "severity":
      return severityView(raw);
    case "map":
      return Object.keys(raw).length === 0 ? void 0 : { ...raw };
    case "struct":
      return structView(raw);
    case "any":
      return anyView(raw);
  }
}
function severityView(raw) {
  const severity = parseSeverity(raw);
  return severity && severity.rank !== 0 ? severity : void 0;
}
function structView(struct) {
  const view = {};
  for (const [key, value] of Object.entries(struct.fields ?? {})) view[key] = structValueView(value);
  return view;
}
function structValueView(value) {
  const holder = value ?? {};
  const kind = holder.kind ?? ["stringValue", "numberValue", "boolValue", "structValue", "listValue", "nullValue"].find(
    (name) => holder[name] !== void 0 && holder[name] !== null
  );
  switch (kind) {
    case "stringValue":
      return String(holder.stringValue);
    case "numberValue":
      return Number(holder.numberValue);
    case "boolValue":
      return holder.boolValue === true;
    case "structValue":
      return structView(holder.structValue);
    case "listValue":
      return (holder.listValue.values ?? []).map(structValueView);
    default:
      return null;
  }
}
function anyView(any) {
  const typeUrl = any.type_url ?? any.typeUrl ?? "";
  const view = { "@type": typeUrl };
  try {
    const type = loadLoggingProto().root.lookupType(typeUrl.slice(typeUrl.lastIndexOf("/") + 1));
    const decoded = type.toObject(type.decode(any.value ?? new Uint8Array()), {
      longs: String,
      enums: String,
      bytes: String,
      json: true
    });
    Object.assign(view, JSON.parse(JSON.stringify(decoded)));
  } catch {
  }
  return view;
}

// packages/local-cloud/src/logging/filter-compare.ts
function ordered(sign, comparator) {
  switch (comparator) {
    case "=":
    case ":":
      return sign === 0;
    case "<":
      return sign < 0;
    case "<=":
      return sign <= 0;
    case ">":
      return sign > 0;
    case ">=":
      return sign >= 0;
    default:
      return void 0;
  }
}
var signOf = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function compareScalar(value, comparator, literal) {
  if (value === null) return comparator === "=" ? literal.isNull : void 0;
  if (literal.isNull) return comparator === "=" ? false : void 0;
  if (comparator === "=~") {
    if (value instanceof Severity) return literal.regex?.test(value.name);
    return typeof value === "object" ? void 0 : literal.regex?.test(String(value));
  }
  if (typeof value === "string") {
    if (comparator === ":") return value.toLowerCase().includes(literal.lower);
    return ordered(signOf(value, literal.text), comparator);
  }
  if (typeof value === "number") {
    return literal.number === void 0 ? void 0 : ordered(signOf(value, literal.number), comparator);
  }
  if (typeof value === "boolean") {
    if (literal.bool === void 0 || comparator !== "=" && comparator !== ":") return void 0;
    return value === literal.bool;
  }
  if (value instanceof Severity) {
    return literal.severity === void 0 ? void 0 : ordered(signOf(value.rank, literal.severity.rank), comparator);
  }
  if (value instanceof Instant || value instanceof Span) {
    const wanted = value instanceof Instant ? literal.instant : literal.span;
    return wanted === void 0 || comparator === ":" ? void 0 : ordered(signOf(value.nanos, wanted), comparator);
  }
  return void 0;
}
function hasDeep(value, literal) {
  if (Array.isArray(value)) return value.some((item) => hasDeep(item, literal));
  if (isViewNode(value)) return Object.values(value).some((item) => hasDeep(item, literal));
  return compareScalar(value, ":", literal) === true;
}
function positiveMatch(value, comparator, literal) {
  if (Array.isArray(value)) {
    const results = value.map((item) => positiveMatch(item, comparator, literal));
    return results.includes(true) ? true : results.includes(false) ? false : void 0;
  }
  if (isViewNode(value)) return comparator === ":" ? hasDeep(value, literal) : void 0;
  return compareScalar(value, comparator, literal);
}
function matchValues(values, comparator, literal) {
  if (comparator === "!=" || comparator === "!~") {
    const positive = comparator === "!=" ? "=" : "=~";
    const results = values.map((value) => positiveMatch(value, positive, literal));
    return results.length > 0 && results.every((result) => result === false);
  }
  return values.some((value) => positiveMatch(value, comparator, literal) === true);
}

// packages/local-cloud/src/logging/filter-parser.ts
import { status as status16 } from "@grpc/grpc-js";

// packages/local-cloud/src/logging/filter-parser.generated.js
function at(loc) {
  return { offset: loc.start.offset, line: loc.start.line, column: loc.start.column };
}
function joined(type, items, loc) {
  return items.length === 1 ? items[0] : { type, items, at: at(loc) };
}
function literalOf(segments, loc) {
  const quoted = segments.length === 1 && segments[0].quoted;
  return { type: "literal", raw: segments.map((s) => s.raw).join("."), quoted, at: at(loc) };
}
function fieldOf2(segments) {
  return { type: "field", segments: segments.map((s) => s.raw), quoted: segments.map((s) => s.quoted), positions: segments.map((s) => s.at), at: segments[0].at };
}
var peg$SyntaxError = class extends SyntaxError {
  constructor(message, expected, found, location) {
    super(message);
    this.expected = expected;
    this.found = found;
    this.location = location;
    this.name = "SyntaxError";
  }
  format(sources) {
    let str = "Error: " + this.message;
    if (this.location) {
      let src = null;
      const st = sources.find((s2) => s2.source === this.location.source);
      if (st) {
        src = st.text.split(/\r\n|\n|\r/g);
      }
      const s = this.location.start;
      const offset_s = this.location.source && typeof this.location.source.offset === "function" ? this.location.source.offset(s) : s;
      const loc = this.location.source + ":" + offset_s.line + ":" + offset_s.column;
      if (src) {
        const e = this.location.end;
        const filler = "".padEnd(offset_s.line.toString().length, " ");
        const line = src[s.line - 1];
        const last = s.line === e.line ? e.column : line.length + 1;
        const hatLen = last - s.column || 1;
        str += "\n --> " + loc + "\n" + filler + " |\n" + offset_s.line + " | " + line + "\n" + filler + " | " + "".padEnd(s.column - 1, " ") + "".padEnd(hatLen, "^");
      } else {
        str += "\n at " + loc;
      }
    }
    return str;
  }
  static buildMessage(expected, found) {
    function hex(ch) {
      return ch.codePointAt(0).toString(16).toUpperCase();
    }
    const nonPrintable = Object.prototype.hasOwnProperty.call(RegExp.prototype, "unicode") ? new RegExp("[\\p{C}\\p{Mn}\\p{Mc}]", "gu") : null;
    function unicodeEscape(s) {
      if (nonPrintable) {
        return s.replace(nonPrintable, (ch) => "\\u{" + hex(ch) + "}");
      }
      return s;
    }
    function literalEscape(s) {
      return unicodeEscape(s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\0/g, "\\0").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/[\x00-\x0F]/g, (ch) => "\\x0" + hex(ch)).replace(/[\x10-\x1F\x7F-\x9F]/g, (ch) => "\\x" + hex(ch)));
    }
    function classEscape(s) {
      return unicodeEscape(s.replace(/\\/g, "\\\\").replace(/\]/g, "\\]").replace(/\^/g, "\\^").replace(/-/g, "\\-").replace(/\0/g, "\\0").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/[\x00-\x0F]/g, (ch) => "\\x0" + hex(ch)).replace(/[\x10-\x1F\x7F-\x9F]/g, (ch) => "\\x" + hex(ch)));
    }
    const DESCRIBE_EXPECTATION_FNS = {
      literal(expectation) {
        return '"' + literalEscape(expectation.text) + '"';
      },
      class(expectation) {
        const escapedParts = expectation.parts.map(
          (part) => Array.isArray(part) ? classEscape(part[0]) + "-" + classEscape(part[1]) : classEscape(part)
        );
        return "[" + (expectation.inverted ? "^" : "") + escapedParts.join("") + "]" + (expectation.unicode ? "u" : "");
      },
      any() {
        return "any character";
      },
      end() {
        return "end of input";
      },
      other(expectation) {
        return expectation.description;
      }
    };
    function describeExpectation2(expectation) {
      return DESCRIBE_EXPECTATION_FNS[expectation.type](expectation);
    }
    function describeExpected(expected2) {
      const descriptions = expected2.map(describeExpectation2);
      descriptions.sort();
      if (descriptions.length > 0) {
        let j = 1;
        for (let i = 1; i < descriptions.length; i++) {
          if (descriptions[i - 1] !== descriptions[i]) {
            descriptions[j] = descriptions[i];
            j++;
          }
        }
        descriptions.length = j;
      }
      switch (descriptions.length) {
        case 1:
          return descriptions[0];
        case 2:
          return descriptions[0] + " or " + descriptions[1];
        default:
          return descriptions.slice(0, -1).join(", ") + ", or " + descriptions[descriptions.length - 1];
      }
    }
    function describeFound(found2) {
      return found2 ? '"' + literalEscape(found2) + '"' : "end of input";
    }
    return "Expected " + describeExpected(expected) + " but " + describeFound(found) + " found.";
  }
};
function peg$parse(input, options) {
  options = options !== void 0 ? options : {};
  const peg$FAILED = {};
  const peg$source = options.grammarSource;
  const peg$startRuleFunctions = {
    Filter: peg$parseFilter
  };
  let peg$startRuleFunction = peg$parseFilter;
  const peg$c0 = "-";
  const peg$c1 = "(";
  const peg$c2 = ")";
  const peg$c3 = "<=";
  const peg$c4 = ">=";
  const peg$c5 = "!=";
  const peg$c6 = "=~";
  const peg$c7 = "!~";
  const peg$c8 = ".";
  const peg$c9 = ",";
  const peg$c10 = "AND";
  const peg$c11 = "OR";
  const peg$c12 = "NOT";
  const peg$c13 = "\\";
  const peg$c14 = '"';
  const peg$r0 = /^[:<->]/;
  const peg$r1 = /^[0-9]/;
  const peg$r2 = /^[eE]/;
  const peg$r3 = /^[+\-]/;
  const peg$r4 = /^[A-Za-z_]/;
  const peg$r5 = /^[A-Za-z0-9_]/;
  const peg$r6 = /^[A-Za-z0-9_*@\/$%&'?#;[\]\^`{|}\xA1-\uFFFF]/;
  const peg$r7 = /^[A-Za-z0-9_*@\/$%&'?#;[\]\^`{|}\xA1-\uFFFF+\-\\]/;
  const peg$r8 = /^[^"\\]/;
  const peg$r9 = /^[ \t\r\n\f\xA0]/;
  const peg$e0 = peg$literalExpectation("-", false);
  const peg$e1 = peg$literalExpectation("(", false);
  const peg$e2 = peg$literalExpectation(")", false);
  const peg$e3 = peg$otherExpectation("a comparison operator (=, !=, <, <=, >, >=, :, =~, !~)");
  const peg$e4 = peg$literalExpectation("<=", false);
  const peg$e5 = peg$literalExpectation(">=", false);
  const peg$e6 = peg$literalExpectation("!=", false);
  const peg$e7 = peg$literalExpectation("=~", false);
  const peg$e8 = peg$literalExpectation("!~", false);
  const peg$e9 = peg$classExpectation([":", ["<", ">"]], false, false, false);
  const peg$e10 = peg$otherExpectation("a value");
  const peg$e11 = peg$literalExpectation(".", false);
  const peg$e12 = peg$literalExpectation(",", false);
  const peg$e13 = peg$classExpectation([["0", "9"]], false, false, false);
  const peg$e14 = peg$classExpectation(["e", "E"], false, false, false);
  const peg$e15 = peg$classExpectation(["+", "-"], false, false, false);
  const peg$e16 = peg$literalExpectation("AND", false);
  const peg$e17 = peg$literalExpectation("OR", false);
  const peg$e18 = peg$literalExpectation("NOT", false);
  const peg$e19 = peg$classExpectation([["A", "Z"], ["a", "z"], "_"], false, false, false);
  const peg$e20 = peg$classExpectation([["A", "Z"], ["a", "z"], ["0", "9"], "_"], false, false, false);
  const peg$e21 = peg$otherExpectation("a value or field name");
  const peg$e22 = peg$literalExpectation("\\", false);
  const peg$e23 = peg$anyExpectation();
  const peg$e24 = peg$classExpectation([["A", "Z"], ["a", "z"], ["0", "9"], "_", "*", "@", "/", "$", "%", "&", "'", "?", "#", ";", "[", "]", "^", "`", "{", "|", "}", ["¡", "￿"]], false, false, false);
  const peg$e25 = peg$classExpectation([["A", "Z"], ["a", "z"], ["0", "9"], "_", "*", "@", "/", "$", "%", "&", "'", "?", "#", ";", "[", "]", "^", "`", "{", "|", "}", ["¡", "￿"], "+", "-", "\\"], false, false, false);
  const peg$e26 = peg$otherExpectation("a double-quoted string");
  const peg$e27 = peg$literalExpectation('"', false);
  const peg$e28 = peg$classExpectation(['"', "\\"], true, false, false);
  const peg$e29 = peg$otherExpectation("whitespace");
  const peg$e30 = peg$classExpectation([" ", "	", "\r", "\n", "\f", " "], false, false, false);
  function peg$f0(expression) {
    return expression ?? null;
  }
  function peg$f1(head, tail) {
    return joined("and", [head, ...tail], location());
  }
  function peg$f2(head, tail) {
    return joined("and", [head, ...tail], location());
  }
  function peg$f3(head, tail) {
    return joined("or", [head, ...tail], location());
  }
  function peg$f4(item) {
    return { type: "not", item, at: at(location()) };
  }
  function peg$f5(item) {
    return { type: "not", item, at: at(location()) };
  }
  function peg$f6(field, comparator, value) {
    return { type: "comparison", field: fieldOf2(field), comparator, value, at: at(location()) };
  }
  function peg$f7(value) {
    return { type: "global", value: literalOf(value, location()), at: at(location()) };
  }
  function peg$f8(value) {
    const literal = literalOf(value, location());
    return { ...literal, raw: "-" + literal.raw, quoted: false };
  }
  function peg$f9(value) {
    return literalOf(value, location());
  }
  function peg$f10(head, tail) {
    return joined("valueAnd", [head, ...tail], location());
  }
  function peg$f11(head, tail) {
    return joined("valueAnd", [head, ...tail], location());
  }
  function peg$f12(head, tail) {
    return joined("valueOr", [head, ...tail], location());
  }
  function peg$f13(item) {
    return { type: "valueNot", item, at: at(location()) };
  }
  function peg$f14(name, args) {
    return { type: "function", name, args: args ?? [], at: at(location()) };
  }
  function peg$f15(head, tail) {
    return [head, ...tail];
  }
  function peg$f16(raw) {
    return { type: "literal", raw, quoted: true, at: at(location()) };
  }
  function peg$f17(raw) {
    return { type: "literal", raw, quoted: false, at: at(location()) };
  }
  function peg$f18(field) {
    return fieldOf2(field);
  }
  function peg$f19(head, tail) {
    return [head, ...tail];
  }
  function peg$f20(raw) {
    return { raw, quoted: true, at: at(location()) };
  }
  function peg$f21(raw) {
    return { raw, quoted: false, at: at(location()) };
  }
  function peg$f22(raw) {
    return { raw, quoted: false, at: at(location()) };
  }
  function peg$f23() {
    error("Unterminated string: the closing double quote is missing.");
  }
  let peg$currPos = options.peg$currPos | 0;
  let peg$savedPos = peg$currPos;
  const peg$posDetailsCache = [{ line: 1, column: 1 }];
  let peg$maxFailPos = peg$currPos;
  let peg$maxFailExpected = options.peg$maxFailExpected || [];
  let peg$silentFails = options.peg$silentFails | 0;
  let peg$result;
  if (options.startRule) {
    if (!(options.startRule in peg$startRuleFunctions)) {
      throw new Error(`Can't start parsing from rule "` + options.startRule + '".');
    }
    peg$startRuleFunction = peg$startRuleFunctions[options.startRule];
  }
  function text() {
    return input.substring(peg$savedPos, peg$currPos);
  }
  function offset() {
    return peg$savedPos;
  }
  function range() {
    return {
      source: peg$source,
      start: peg$savedPos,
      end: peg$currPos
    };
  }
  function location() {
    return peg$computeLocation(peg$savedPos, peg$currPos);
  }
  function expected(description, location2) {
    location2 = location2 !== void 0 ? location2 : peg$computeLocation(peg$savedPos, peg$currPos);
    throw peg$buildStructuredError(
      [peg$otherExpectation(description)],
      input.substring(peg$savedPos, peg$currPos),
      location2
    );
  }
  function error(message, location2) {
    location2 = location2 !== void 0 ? location2 : peg$computeLocation(peg$savedPos, peg$currPos);
    throw peg$buildSimpleError(message, location2);
  }
  function peg$getUnicode(pos = peg$currPos) {
    const cp = input.codePointAt(pos);
    if (cp === void 0) {
      return "";
    }
    return String.fromCodePoint(cp);
  }
  function peg$literalExpectation(text2, ignoreCase) {
    return { type: "literal", text: text2, ignoreCase };
  }
  function peg$classExpectation(parts, inverted, ignoreCase, unicode) {
    return { type: "class", parts, inverted, ignoreCase, unicode };
  }
  function peg$anyExpectation() {
    return { type: "any" };
  }
  function peg$endExpectation() {
    return { type: "end" };
  }
  function peg$otherExpectation(description) {
    return { type: "other", description };
  }
  function peg$computePosDetails(pos) {
    let details = peg$posDetailsCache[pos];
    let p;
    if (details) {
      return details;
    } else {
      if (pos >= peg$posDetailsCache.length) {
        p = peg$posDetailsCache.length - 1;
      } else {
        p = pos;
        while (!peg$posDetailsCache[--p]) {
        }
      }
      details = peg$posDetailsCache[p];
      details = {
        line: details.line,
        column: details.column
      };
      while (p < pos) {
        if (input.charCodeAt(p) === 10) {
          details.line++;
          details.column = 1;
        } else {
          details.column++;
        }
        p++;
      }
      peg$posDetailsCache[pos] = details;
      return details;
    }
  }
  function peg$computeLocation(startPos, endPos, offset2) {
    const startPosDetails = peg$computePosDetails(startPos);
    const endPosDetails = peg$computePosDetails(endPos);
    const res = {
      source: peg$source,
      start: {
        offset: startPos,
        line: startPosDetails.line,
        column: startPosDetails.column
      },
      end: {
        offset: endPos,
        line: endPosDetails.line,
        column: endPosDetails.column
      }
    };
    if (offset2 && peg$source && typeof peg$source.offset === "function") {
      res.start = peg$source.offset(res.start);
      res.end = peg$source.offset(res.end);
    }
    return res;
  }
  function peg$fail(expected2) {
    if (peg$currPos < peg$maxFailPos) {
      return;
    }
    if (peg$currPos > peg$maxFailPos) {
      peg$maxFailPos = peg$currPos;
      peg$maxFailExpected = [];
    }
    peg$maxFailExpected.push(expected2);
  }
  function peg$buildSimpleError(message, location2) {
    return new peg$SyntaxError(message, null, null, location2);
  }
  function peg$buildStructuredError(expected2, found, location2) {
    return new peg$SyntaxError(
      peg$SyntaxError.buildMessage(expected2, found),
      expected2,
      found,
      location2
    );
  }
  function peg$parseFilter() {
    let s0, s1, s2, s3;
    s0 = peg$currPos;
    s1 = peg$parse_();
    s2 = peg$parseExpression();
    if (s2 === peg$FAILED) {
      s2 = null;
    }
    s3 = peg$parse_();
    peg$savedPos = s0;
    s0 = peg$f0(s2);
    return s0;
  }
  function peg$parseExpression() {
    let s0, s1, s2, s3, s4, s5, s6, s7;
    s0 = peg$currPos;
    s1 = peg$parseSequence();
    if (s1 !== peg$FAILED) {
      s2 = [];
      s3 = peg$currPos;
      s4 = peg$parse_();
      s5 = peg$parseAND();
      if (s5 !== peg$FAILED) {
        s6 = peg$parse_();
        s7 = peg$parseSequence();
        if (s7 !== peg$FAILED) {
          s3 = s7;
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
      } else {
        peg$currPos = s3;
        s3 = peg$FAILED;
      }
      while (s3 !== peg$FAILED) {
        s2.push(s3);
        s3 = peg$currPos;
        s4 = peg$parse_();
        s5 = peg$parseAND();
        if (s5 !== peg$FAILED) {
          s6 = peg$parse_();
          s7 = peg$parseSequence();
          if (s7 !== peg$FAILED) {
            s3 = s7;
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
      }
      peg$savedPos = s0;
      s0 = peg$f1(s1, s2);
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    return s0;
  }
  function peg$parseSequence() {
    let s0, s1, s2, s3, s4, s5, s6;
    s0 = peg$currPos;
    s1 = peg$parseFactor();
    if (s1 !== peg$FAILED) {
      s2 = [];
      s3 = peg$currPos;
      s4 = peg$parseWS();
      if (s4 !== peg$FAILED) {
        s5 = peg$currPos;
        peg$silentFails++;
        s6 = peg$parseAND();
        if (s6 === peg$FAILED) {
          s6 = peg$parseOR();
        }
        peg$silentFails--;
        if (s6 === peg$FAILED) {
          s5 = void 0;
        } else {
          peg$currPos = s5;
          s5 = peg$FAILED;
        }
        if (s5 !== peg$FAILED) {
          s6 = peg$parseFactor();
          if (s6 !== peg$FAILED) {
            s3 = s6;
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
      } else {
        peg$currPos = s3;
        s3 = peg$FAILED;
      }
      while (s3 !== peg$FAILED) {
        s2.push(s3);
        s3 = peg$currPos;
        s4 = peg$parseWS();
        if (s4 !== peg$FAILED) {
          s5 = peg$currPos;
          peg$silentFails++;
          s6 = peg$parseAND();
          if (s6 === peg$FAILED) {
            s6 = peg$parseOR();
          }
          peg$silentFails--;
          if (s6 === peg$FAILED) {
            s5 = void 0;
          } else {
            peg$currPos = s5;
            s5 = peg$FAILED;
          }
          if (s5 !== peg$FAILED) {
            s6 = peg$parseFactor();
            if (s6 !== peg$FAILED) {
              s3 = s6;
            } else {
              peg$currPos = s3;
              s3 = peg$FAILED;
            }
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
      }
      peg$savedPos = s0;
      s0 = peg$f2(s1, s2);
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    return s0;
  }
  function peg$parseFactor() {
    let s0, s1, s2, s3, s4, s5, s6, s7;
    s0 = peg$currPos;
    s1 = peg$parseTerm();
    if (s1 !== peg$FAILED) {
      s2 = [];
      s3 = peg$currPos;
      s4 = peg$parse_();
      s5 = peg$parseOR();
      if (s5 !== peg$FAILED) {
        s6 = peg$parse_();
        s7 = peg$parseTerm();
        if (s7 !== peg$FAILED) {
          s3 = s7;
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
      } else {
        peg$currPos = s3;
        s3 = peg$FAILED;
      }
      while (s3 !== peg$FAILED) {
        s2.push(s3);
        s3 = peg$currPos;
        s4 = peg$parse_();
        s5 = peg$parseOR();
        if (s5 !== peg$FAILED) {
          s6 = peg$parse_();
          s7 = peg$parseTerm();
          if (s7 !== peg$FAILED) {
            s3 = s7;
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
      }
      peg$savedPos = s0;
      s0 = peg$f3(s1, s2);
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    return s0;
  }
  function peg$parseTerm() {
    let s0, s1, s2, s3;
    s0 = peg$currPos;
    s1 = peg$parseNOT();
    if (s1 !== peg$FAILED) {
      s2 = peg$parse_();
      s3 = peg$parseSimple();
      if (s3 !== peg$FAILED) {
        peg$savedPos = s0;
        s0 = peg$f4(s3);
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    if (s0 === peg$FAILED) {
      s0 = peg$currPos;
      if (input.charCodeAt(peg$currPos) === 45) {
        s1 = peg$c0;
        peg$currPos++;
      } else {
        s1 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e0);
        }
      }
      if (s1 !== peg$FAILED) {
        s2 = peg$parseSimple();
        if (s2 !== peg$FAILED) {
          peg$savedPos = s0;
          s0 = peg$f5(s2);
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
      if (s0 === peg$FAILED) {
        s0 = peg$parseSimple();
      }
    }
    return s0;
  }
  function peg$parseSimple() {
    let s0, s1, s2, s3, s4, s5;
    s0 = peg$currPos;
    if (input.charCodeAt(peg$currPos) === 40) {
      s1 = peg$c1;
      peg$currPos++;
    } else {
      s1 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e1);
      }
    }
    if (s1 !== peg$FAILED) {
      s2 = peg$parse_();
      s3 = peg$parseExpression();
      if (s3 !== peg$FAILED) {
        s4 = peg$parse_();
        if (input.charCodeAt(peg$currPos) === 41) {
          s5 = peg$c2;
          peg$currPos++;
        } else {
          s5 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e2);
          }
        }
        if (s5 !== peg$FAILED) {
          s0 = s3;
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    if (s0 === peg$FAILED) {
      s0 = peg$parseRestriction();
    }
    return s0;
  }
  function peg$parseRestriction() {
    let s0, s1, s2, s3, s4, s5;
    s0 = peg$currPos;
    s1 = peg$parseMember();
    if (s1 !== peg$FAILED) {
      s2 = peg$parse_();
      s3 = peg$parseComparator();
      if (s3 !== peg$FAILED) {
        s4 = peg$parse_();
        s5 = peg$parseArgument();
        if (s5 !== peg$FAILED) {
          peg$savedPos = s0;
          s0 = peg$f6(s1, s3, s5);
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    if (s0 === peg$FAILED) {
      s0 = peg$parseFunctionCall();
      if (s0 === peg$FAILED) {
        s0 = peg$currPos;
        s1 = peg$parseMember();
        if (s1 !== peg$FAILED) {
          peg$savedPos = s0;
          s1 = peg$f7(s1);
        }
        s0 = s1;
      }
    }
    return s0;
  }
  function peg$parseComparator() {
    let s0, s1;
    peg$silentFails++;
    if (input.substr(peg$currPos, 2) === peg$c3) {
      s0 = peg$c3;
      peg$currPos += 2;
    } else {
      s0 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e4);
      }
    }
    if (s0 === peg$FAILED) {
      if (input.substr(peg$currPos, 2) === peg$c4) {
        s0 = peg$c4;
        peg$currPos += 2;
      } else {
        s0 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e5);
        }
      }
      if (s0 === peg$FAILED) {
        if (input.substr(peg$currPos, 2) === peg$c5) {
          s0 = peg$c5;
          peg$currPos += 2;
        } else {
          s0 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e6);
          }
        }
        if (s0 === peg$FAILED) {
          if (input.substr(peg$currPos, 2) === peg$c6) {
            s0 = peg$c6;
            peg$currPos += 2;
          } else {
            s0 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e7);
            }
          }
          if (s0 === peg$FAILED) {
            if (input.substr(peg$currPos, 2) === peg$c7) {
              s0 = peg$c7;
              peg$currPos += 2;
            } else {
              s0 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e8);
              }
            }
            if (s0 === peg$FAILED) {
              s0 = input.charAt(peg$currPos);
              if (peg$r0.test(s0)) {
                peg$currPos++;
              } else {
                s0 = peg$FAILED;
                if (peg$silentFails === 0) {
                  peg$fail(peg$e9);
                }
              }
            }
          }
        }
      }
    }
    peg$silentFails--;
    if (s0 === peg$FAILED) {
      s1 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e3);
      }
    }
    return s0;
  }
  function peg$parseArgument() {
    let s0, s1, s2, s3, s4, s5;
    s0 = peg$currPos;
    if (input.charCodeAt(peg$currPos) === 40) {
      s1 = peg$c1;
      peg$currPos++;
    } else {
      s1 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e1);
      }
    }
    if (s1 !== peg$FAILED) {
      s2 = peg$parse_();
      s3 = peg$parseValueExpression();
      if (s3 !== peg$FAILED) {
        s4 = peg$parse_();
        if (input.charCodeAt(peg$currPos) === 41) {
          s5 = peg$c2;
          peg$currPos++;
        } else {
          s5 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e2);
          }
        }
        if (s5 !== peg$FAILED) {
          s0 = s3;
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    if (s0 === peg$FAILED) {
      s0 = peg$parseArgumentValue();
    }
    return s0;
  }
  function peg$parseArgumentValue() {
    let s0, s1, s2;
    peg$silentFails++;
    s0 = peg$currPos;
    if (input.charCodeAt(peg$currPos) === 45) {
      s1 = peg$c0;
      peg$currPos++;
    } else {
      s1 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e0);
      }
    }
    if (s1 !== peg$FAILED) {
      s2 = peg$parseMember();
      if (s2 !== peg$FAILED) {
        peg$savedPos = s0;
        s0 = peg$f8(s2);
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    if (s0 === peg$FAILED) {
      s0 = peg$currPos;
      s1 = peg$parseMember();
      if (s1 !== peg$FAILED) {
        peg$savedPos = s0;
        s1 = peg$f9(s1);
      }
      s0 = s1;
    }
    peg$silentFails--;
    if (s0 === peg$FAILED) {
      s1 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e10);
      }
    }
    return s0;
  }
  function peg$parseValueExpression() {
    let s0, s1, s2, s3, s4, s5, s6, s7;
    s0 = peg$currPos;
    s1 = peg$parseValueSequence();
    if (s1 !== peg$FAILED) {
      s2 = [];
      s3 = peg$currPos;
      s4 = peg$parse_();
      s5 = peg$parseAND();
      if (s5 !== peg$FAILED) {
        s6 = peg$parse_();
        s7 = peg$parseValueSequence();
        if (s7 !== peg$FAILED) {
          s3 = s7;
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
      } else {
        peg$currPos = s3;
        s3 = peg$FAILED;
      }
      while (s3 !== peg$FAILED) {
        s2.push(s3);
        s3 = peg$currPos;
        s4 = peg$parse_();
        s5 = peg$parseAND();
        if (s5 !== peg$FAILED) {
          s6 = peg$parse_();
          s7 = peg$parseValueSequence();
          if (s7 !== peg$FAILED) {
            s3 = s7;
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
      }
      peg$savedPos = s0;
      s0 = peg$f10(s1, s2);
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    return s0;
  }
  function peg$parseValueSequence() {
    let s0, s1, s2, s3, s4, s5, s6;
    s0 = peg$currPos;
    s1 = peg$parseValueFactor();
    if (s1 !== peg$FAILED) {
      s2 = [];
      s3 = peg$currPos;
      s4 = peg$parseWS();
      if (s4 !== peg$FAILED) {
        s5 = peg$currPos;
        peg$silentFails++;
        s6 = peg$parseAND();
        if (s6 === peg$FAILED) {
          s6 = peg$parseOR();
        }
        peg$silentFails--;
        if (s6 === peg$FAILED) {
          s5 = void 0;
        } else {
          peg$currPos = s5;
          s5 = peg$FAILED;
        }
        if (s5 !== peg$FAILED) {
          s6 = peg$parseValueFactor();
          if (s6 !== peg$FAILED) {
            s3 = s6;
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
      } else {
        peg$currPos = s3;
        s3 = peg$FAILED;
      }
      while (s3 !== peg$FAILED) {
        s2.push(s3);
        s3 = peg$currPos;
        s4 = peg$parseWS();
        if (s4 !== peg$FAILED) {
          s5 = peg$currPos;
          peg$silentFails++;
          s6 = peg$parseAND();
          if (s6 === peg$FAILED) {
            s6 = peg$parseOR();
          }
          peg$silentFails--;
          if (s6 === peg$FAILED) {
            s5 = void 0;
          } else {
            peg$currPos = s5;
            s5 = peg$FAILED;
          }
          if (s5 !== peg$FAILED) {
            s6 = peg$parseValueFactor();
            if (s6 !== peg$FAILED) {
              s3 = s6;
            } else {
              peg$currPos = s3;
              s3 = peg$FAILED;
            }
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
      }
      peg$savedPos = s0;
      s0 = peg$f11(s1, s2);
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    return s0;
  }
  function peg$parseValueFactor() {
    let s0, s1, s2, s3, s4, s5, s6, s7;
    s0 = peg$currPos;
    s1 = peg$parseValueTerm();
    if (s1 !== peg$FAILED) {
      s2 = [];
      s3 = peg$currPos;
      s4 = peg$parse_();
      s5 = peg$parseOR();
      if (s5 !== peg$FAILED) {
        s6 = peg$parse_();
        s7 = peg$parseValueTerm();
        if (s7 !== peg$FAILED) {
          s3 = s7;
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
      } else {
        peg$currPos = s3;
        s3 = peg$FAILED;
      }
      while (s3 !== peg$FAILED) {
        s2.push(s3);
        s3 = peg$currPos;
        s4 = peg$parse_();
        s5 = peg$parseOR();
        if (s5 !== peg$FAILED) {
          s6 = peg$parse_();
          s7 = peg$parseValueTerm();
          if (s7 !== peg$FAILED) {
            s3 = s7;
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
      }
      peg$savedPos = s0;
      s0 = peg$f12(s1, s2);
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    return s0;
  }
  function peg$parseValueTerm() {
    let s0, s1, s2, s3;
    s0 = peg$currPos;
    s1 = peg$parseNOT();
    if (s1 !== peg$FAILED) {
      s2 = peg$parse_();
      s3 = peg$parseValueSimple();
      if (s3 !== peg$FAILED) {
        peg$savedPos = s0;
        s0 = peg$f13(s3);
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    if (s0 === peg$FAILED) {
      s0 = peg$parseValueSimple();
    }
    return s0;
  }
  function peg$parseValueSimple() {
    let s0, s1, s2, s3, s4, s5;
    s0 = peg$currPos;
    if (input.charCodeAt(peg$currPos) === 40) {
      s1 = peg$c1;
      peg$currPos++;
    } else {
      s1 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e1);
      }
    }
    if (s1 !== peg$FAILED) {
      s2 = peg$parse_();
      s3 = peg$parseValueExpression();
      if (s3 !== peg$FAILED) {
        s4 = peg$parse_();
        if (input.charCodeAt(peg$currPos) === 41) {
          s5 = peg$c2;
          peg$currPos++;
        } else {
          s5 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e2);
          }
        }
        if (s5 !== peg$FAILED) {
          s0 = s3;
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    if (s0 === peg$FAILED) {
      s0 = peg$parseArgumentValue();
    }
    return s0;
  }
  function peg$parseFunctionCall() {
    let s0, s1, s2, s3, s4, s5, s6, s7;
    s0 = peg$currPos;
    s1 = peg$currPos;
    s2 = peg$currPos;
    s3 = peg$parseIdentifier();
    if (s3 !== peg$FAILED) {
      s4 = [];
      s5 = peg$currPos;
      if (input.charCodeAt(peg$currPos) === 46) {
        s6 = peg$c8;
        peg$currPos++;
      } else {
        s6 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e11);
        }
      }
      if (s6 !== peg$FAILED) {
        s7 = peg$parseIdentifier();
        if (s7 !== peg$FAILED) {
          s6 = [s6, s7];
          s5 = s6;
        } else {
          peg$currPos = s5;
          s5 = peg$FAILED;
        }
      } else {
        peg$currPos = s5;
        s5 = peg$FAILED;
      }
      while (s5 !== peg$FAILED) {
        s4.push(s5);
        s5 = peg$currPos;
        if (input.charCodeAt(peg$currPos) === 46) {
          s6 = peg$c8;
          peg$currPos++;
        } else {
          s6 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e11);
          }
        }
        if (s6 !== peg$FAILED) {
          s7 = peg$parseIdentifier();
          if (s7 !== peg$FAILED) {
            s6 = [s6, s7];
            s5 = s6;
          } else {
            peg$currPos = s5;
            s5 = peg$FAILED;
          }
        } else {
          peg$currPos = s5;
          s5 = peg$FAILED;
        }
      }
      s3 = [s3, s4];
      s2 = s3;
    } else {
      peg$currPos = s2;
      s2 = peg$FAILED;
    }
    if (s2 !== peg$FAILED) {
      s1 = input.substring(s1, peg$currPos);
    } else {
      s1 = s2;
    }
    if (s1 !== peg$FAILED) {
      if (input.charCodeAt(peg$currPos) === 40) {
        s2 = peg$c1;
        peg$currPos++;
      } else {
        s2 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e1);
        }
      }
      if (s2 !== peg$FAILED) {
        s3 = peg$parse_();
        s4 = peg$parseFunctionArguments();
        if (s4 === peg$FAILED) {
          s4 = null;
        }
        s5 = peg$parse_();
        if (input.charCodeAt(peg$currPos) === 41) {
          s6 = peg$c2;
          peg$currPos++;
        } else {
          s6 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e2);
          }
        }
        if (s6 !== peg$FAILED) {
          peg$savedPos = s0;
          s0 = peg$f14(s1, s4);
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    return s0;
  }
  function peg$parseFunctionArguments() {
    let s0, s1, s2, s3, s4, s5, s6, s7;
    s0 = peg$currPos;
    s1 = peg$parseFunctionArgument();
    if (s1 !== peg$FAILED) {
      s2 = [];
      s3 = peg$currPos;
      s4 = peg$parse_();
      if (input.charCodeAt(peg$currPos) === 44) {
        s5 = peg$c9;
        peg$currPos++;
      } else {
        s5 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e12);
        }
      }
      if (s5 !== peg$FAILED) {
        s6 = peg$parse_();
        s7 = peg$parseFunctionArgument();
        if (s7 !== peg$FAILED) {
          s3 = s7;
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
      } else {
        peg$currPos = s3;
        s3 = peg$FAILED;
      }
      while (s3 !== peg$FAILED) {
        s2.push(s3);
        s3 = peg$currPos;
        s4 = peg$parse_();
        if (input.charCodeAt(peg$currPos) === 44) {
          s5 = peg$c9;
          peg$currPos++;
        } else {
          s5 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e12);
          }
        }
        if (s5 !== peg$FAILED) {
          s6 = peg$parse_();
          s7 = peg$parseFunctionArgument();
          if (s7 !== peg$FAILED) {
            s3 = s7;
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
      }
      peg$savedPos = s0;
      s0 = peg$f15(s1, s2);
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    return s0;
  }
  function peg$parseFunctionArgument() {
    let s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10;
    s0 = peg$currPos;
    s1 = peg$parseString();
    if (s1 !== peg$FAILED) {
      peg$savedPos = s0;
      s1 = peg$f16(s1);
    }
    s0 = s1;
    if (s0 === peg$FAILED) {
      s0 = peg$currPos;
      s1 = peg$currPos;
      s2 = peg$currPos;
      if (input.charCodeAt(peg$currPos) === 45) {
        s3 = peg$c0;
        peg$currPos++;
      } else {
        s3 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e0);
        }
      }
      if (s3 === peg$FAILED) {
        s3 = null;
      }
      s4 = [];
      s5 = input.charAt(peg$currPos);
      if (peg$r1.test(s5)) {
        peg$currPos++;
      } else {
        s5 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e13);
        }
      }
      if (s5 !== peg$FAILED) {
        while (s5 !== peg$FAILED) {
          s4.push(s5);
          s5 = input.charAt(peg$currPos);
          if (peg$r1.test(s5)) {
            peg$currPos++;
          } else {
            s5 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e13);
            }
          }
        }
      } else {
        s4 = peg$FAILED;
      }
      if (s4 !== peg$FAILED) {
        s5 = peg$currPos;
        if (input.charCodeAt(peg$currPos) === 46) {
          s6 = peg$c8;
          peg$currPos++;
        } else {
          s6 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e11);
          }
        }
        if (s6 !== peg$FAILED) {
          s7 = [];
          s8 = input.charAt(peg$currPos);
          if (peg$r1.test(s8)) {
            peg$currPos++;
          } else {
            s8 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e13);
            }
          }
          if (s8 !== peg$FAILED) {
            while (s8 !== peg$FAILED) {
              s7.push(s8);
              s8 = input.charAt(peg$currPos);
              if (peg$r1.test(s8)) {
                peg$currPos++;
              } else {
                s8 = peg$FAILED;
                if (peg$silentFails === 0) {
                  peg$fail(peg$e13);
                }
              }
            }
          } else {
            s7 = peg$FAILED;
          }
          if (s7 !== peg$FAILED) {
            s6 = [s6, s7];
            s5 = s6;
          } else {
            peg$currPos = s5;
            s5 = peg$FAILED;
          }
        } else {
          peg$currPos = s5;
          s5 = peg$FAILED;
        }
        if (s5 === peg$FAILED) {
          s5 = null;
        }
        s6 = peg$currPos;
        s7 = input.charAt(peg$currPos);
        if (peg$r2.test(s7)) {
          peg$currPos++;
        } else {
          s7 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e14);
          }
        }
        if (s7 !== peg$FAILED) {
          s8 = input.charAt(peg$currPos);
          if (peg$r3.test(s8)) {
            peg$currPos++;
          } else {
            s8 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e15);
            }
          }
          if (s8 === peg$FAILED) {
            s8 = null;
          }
          s9 = [];
          s10 = input.charAt(peg$currPos);
          if (peg$r1.test(s10)) {
            peg$currPos++;
          } else {
            s10 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e13);
            }
          }
          if (s10 !== peg$FAILED) {
            while (s10 !== peg$FAILED) {
              s9.push(s10);
              s10 = input.charAt(peg$currPos);
              if (peg$r1.test(s10)) {
                peg$currPos++;
              } else {
                s10 = peg$FAILED;
                if (peg$silentFails === 0) {
                  peg$fail(peg$e13);
                }
              }
            }
          } else {
            s9 = peg$FAILED;
          }
          if (s9 !== peg$FAILED) {
            s7 = [s7, s8, s9];
            s6 = s7;
          } else {
            peg$currPos = s6;
            s6 = peg$FAILED;
          }
        } else {
          peg$currPos = s6;
          s6 = peg$FAILED;
        }
        if (s6 === peg$FAILED) {
          s6 = null;
        }
        s3 = [s3, s4, s5, s6];
        s2 = s3;
      } else {
        peg$currPos = s2;
        s2 = peg$FAILED;
      }
      if (s2 !== peg$FAILED) {
        s1 = input.substring(s1, peg$currPos);
      } else {
        s1 = s2;
      }
      if (s1 !== peg$FAILED) {
        s2 = peg$currPos;
        peg$silentFails++;
        s3 = peg$parseTextChar();
        peg$silentFails--;
        if (s3 === peg$FAILED) {
          s2 = void 0;
        } else {
          peg$currPos = s2;
          s2 = peg$FAILED;
        }
        if (s2 !== peg$FAILED) {
          peg$savedPos = s0;
          s0 = peg$f17(s1);
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
      if (s0 === peg$FAILED) {
        s0 = peg$currPos;
        s1 = peg$parseMember();
        if (s1 !== peg$FAILED) {
          peg$savedPos = s0;
          s1 = peg$f18(s1);
        }
        s0 = s1;
      }
    }
    return s0;
  }
  function peg$parseMember() {
    let s0, s1, s2, s3, s4, s5;
    s0 = peg$currPos;
    s1 = peg$parseSegment();
    if (s1 !== peg$FAILED) {
      s2 = [];
      s3 = peg$currPos;
      if (input.charCodeAt(peg$currPos) === 46) {
        s4 = peg$c8;
        peg$currPos++;
      } else {
        s4 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e11);
        }
      }
      if (s4 !== peg$FAILED) {
        s5 = peg$parseFieldSegment();
        if (s5 !== peg$FAILED) {
          s3 = s5;
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
      } else {
        peg$currPos = s3;
        s3 = peg$FAILED;
      }
      while (s3 !== peg$FAILED) {
        s2.push(s3);
        s3 = peg$currPos;
        if (input.charCodeAt(peg$currPos) === 46) {
          s4 = peg$c8;
          peg$currPos++;
        } else {
          s4 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e11);
          }
        }
        if (s4 !== peg$FAILED) {
          s5 = peg$parseFieldSegment();
          if (s5 !== peg$FAILED) {
            s3 = s5;
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
      }
      peg$savedPos = s0;
      s0 = peg$f19(s1, s2);
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    return s0;
  }
  function peg$parseSegment() {
    let s0, s1;
    s0 = peg$currPos;
    s1 = peg$parseString();
    if (s1 !== peg$FAILED) {
      peg$savedPos = s0;
      s1 = peg$f20(s1);
    }
    s0 = s1;
    if (s0 === peg$FAILED) {
      s0 = peg$currPos;
      s1 = peg$parseText();
      if (s1 !== peg$FAILED) {
        peg$savedPos = s0;
        s1 = peg$f21(s1);
      }
      s0 = s1;
    }
    return s0;
  }
  function peg$parseFieldSegment() {
    let s0, s1, s2;
    s0 = peg$parseSegment();
    if (s0 === peg$FAILED) {
      s0 = peg$currPos;
      s1 = peg$currPos;
      if (input.substr(peg$currPos, 3) === peg$c10) {
        s2 = peg$c10;
        peg$currPos += 3;
      } else {
        s2 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e16);
        }
      }
      if (s2 === peg$FAILED) {
        if (input.substr(peg$currPos, 2) === peg$c11) {
          s2 = peg$c11;
          peg$currPos += 2;
        } else {
          s2 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e17);
          }
        }
        if (s2 === peg$FAILED) {
          if (input.substr(peg$currPos, 3) === peg$c12) {
            s2 = peg$c12;
            peg$currPos += 3;
          } else {
            s2 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e18);
            }
          }
        }
      }
      if (s2 !== peg$FAILED) {
        s1 = input.substring(s1, peg$currPos);
      } else {
        s1 = s2;
      }
      if (s1 !== peg$FAILED) {
        peg$savedPos = s0;
        s1 = peg$f22(s1);
      }
      s0 = s1;
    }
    return s0;
  }
  function peg$parseIdentifier() {
    let s0, s1, s2, s3, s4, s5, s6;
    s0 = peg$currPos;
    s1 = peg$currPos;
    peg$silentFails++;
    s2 = peg$parseKeyword();
    peg$silentFails--;
    if (s2 === peg$FAILED) {
      s1 = void 0;
    } else {
      peg$currPos = s1;
      s1 = peg$FAILED;
    }
    if (s1 !== peg$FAILED) {
      s2 = peg$currPos;
      s3 = peg$currPos;
      s4 = input.charAt(peg$currPos);
      if (peg$r4.test(s4)) {
        peg$currPos++;
      } else {
        s4 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e19);
        }
      }
      if (s4 !== peg$FAILED) {
        s5 = [];
        s6 = input.charAt(peg$currPos);
        if (peg$r5.test(s6)) {
          peg$currPos++;
        } else {
          s6 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e20);
          }
        }
        while (s6 !== peg$FAILED) {
          s5.push(s6);
          s6 = input.charAt(peg$currPos);
          if (peg$r5.test(s6)) {
            peg$currPos++;
          } else {
            s6 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e20);
            }
          }
        }
        s4 = [s4, s5];
        s3 = s4;
      } else {
        peg$currPos = s3;
        s3 = peg$FAILED;
      }
      if (s3 !== peg$FAILED) {
        s2 = input.substring(s2, peg$currPos);
      } else {
        s2 = s3;
      }
      if (s2 !== peg$FAILED) {
        s1 = [s1, s2];
        s0 = s1;
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    return s0;
  }
  function peg$parseKeyword() {
    let s0;
    s0 = peg$parseAND();
    if (s0 === peg$FAILED) {
      s0 = peg$parseOR();
      if (s0 === peg$FAILED) {
        s0 = peg$parseNOT();
      }
    }
    return s0;
  }
  function peg$parseAND() {
    let s0, s1, s2, s3;
    s0 = peg$currPos;
    if (input.substr(peg$currPos, 3) === peg$c10) {
      s1 = peg$c10;
      peg$currPos += 3;
    } else {
      s1 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e16);
      }
    }
    if (s1 !== peg$FAILED) {
      s2 = peg$currPos;
      peg$silentFails++;
      s3 = peg$parseTextChar();
      peg$silentFails--;
      if (s3 === peg$FAILED) {
        s2 = void 0;
      } else {
        peg$currPos = s2;
        s2 = peg$FAILED;
      }
      if (s2 !== peg$FAILED) {
        s1 = [s1, s2];
        s0 = s1;
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    return s0;
  }
  function peg$parseOR() {
    let s0, s1, s2, s3;
    s0 = peg$currPos;
    if (input.substr(peg$currPos, 2) === peg$c11) {
      s1 = peg$c11;
      peg$currPos += 2;
    } else {
      s1 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e17);
      }
    }
    if (s1 !== peg$FAILED) {
      s2 = peg$currPos;
      peg$silentFails++;
      s3 = peg$parseTextChar();
      peg$silentFails--;
      if (s3 === peg$FAILED) {
        s2 = void 0;
      } else {
        peg$currPos = s2;
        s2 = peg$FAILED;
      }
      if (s2 !== peg$FAILED) {
        s1 = [s1, s2];
        s0 = s1;
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    return s0;
  }
  function peg$parseNOT() {
    let s0, s1, s2, s3;
    s0 = peg$currPos;
    if (input.substr(peg$currPos, 3) === peg$c12) {
      s1 = peg$c12;
      peg$currPos += 3;
    } else {
      s1 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e18);
      }
    }
    if (s1 !== peg$FAILED) {
      s2 = peg$currPos;
      peg$silentFails++;
      s3 = peg$parseTextChar();
      peg$silentFails--;
      if (s3 === peg$FAILED) {
        s2 = void 0;
      } else {
        peg$currPos = s2;
        s2 = peg$FAILED;
      }
      if (s2 !== peg$FAILED) {
        s1 = [s1, s2];
        s0 = s1;
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    return s0;
  }
  function peg$parseText() {
    let s0, s1, s2, s3, s4, s5, s6;
    peg$silentFails++;
    s0 = peg$currPos;
    s1 = peg$currPos;
    peg$silentFails++;
    s2 = peg$parseKeyword();
    peg$silentFails--;
    if (s2 === peg$FAILED) {
      s1 = void 0;
    } else {
      peg$currPos = s1;
      s1 = peg$FAILED;
    }
    if (s1 !== peg$FAILED) {
      s2 = peg$currPos;
      s3 = peg$currPos;
      s4 = peg$parseTextStart();
      if (s4 !== peg$FAILED) {
        s5 = [];
        s6 = peg$parseTextMiddle();
        while (s6 !== peg$FAILED) {
          s5.push(s6);
          s6 = peg$parseTextMiddle();
        }
        s4 = [s4, s5];
        s3 = s4;
      } else {
        peg$currPos = s3;
        s3 = peg$FAILED;
      }
      if (s3 !== peg$FAILED) {
        s2 = input.substring(s2, peg$currPos);
      } else {
        s2 = s3;
      }
      if (s2 !== peg$FAILED) {
        s0 = s2;
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    peg$silentFails--;
    if (s0 === peg$FAILED) {
      s1 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e21);
      }
    }
    return s0;
  }
  function peg$parseTextStart() {
    let s0, s1, s2;
    s0 = peg$currPos;
    if (input.charCodeAt(peg$currPos) === 92) {
      s1 = peg$c13;
      peg$currPos++;
    } else {
      s1 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e22);
      }
    }
    if (s1 !== peg$FAILED) {
      if (input.length > peg$currPos) {
        s2 = input.charAt(peg$currPos);
        peg$currPos++;
      } else {
        s2 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e23);
        }
      }
      if (s2 !== peg$FAILED) {
        s1 = [s1, s2];
        s0 = s1;
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    if (s0 === peg$FAILED) {
      s0 = input.charAt(peg$currPos);
      if (peg$r6.test(s0)) {
        peg$currPos++;
      } else {
        s0 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e24);
        }
      }
    }
    return s0;
  }
  function peg$parseTextMiddle() {
    let s0;
    s0 = peg$parseTextStart();
    if (s0 === peg$FAILED) {
      s0 = input.charAt(peg$currPos);
      if (peg$r3.test(s0)) {
        peg$currPos++;
      } else {
        s0 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e15);
        }
      }
    }
    return s0;
  }
  function peg$parseTextChar() {
    let s0;
    s0 = input.charAt(peg$currPos);
    if (peg$r7.test(s0)) {
      peg$currPos++;
    } else {
      s0 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e25);
      }
    }
    return s0;
  }
  function peg$parseString() {
    let s0, s1, s2, s3, s4;
    peg$silentFails++;
    s0 = peg$currPos;
    if (input.charCodeAt(peg$currPos) === 34) {
      s1 = peg$c14;
      peg$currPos++;
    } else {
      s1 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e27);
      }
    }
    if (s1 !== peg$FAILED) {
      s2 = peg$currPos;
      s3 = [];
      s4 = peg$parseStringChar();
      while (s4 !== peg$FAILED) {
        s3.push(s4);
        s4 = peg$parseStringChar();
      }
      s2 = input.substring(s2, peg$currPos);
      if (input.charCodeAt(peg$currPos) === 34) {
        s3 = peg$c14;
        peg$currPos++;
      } else {
        s3 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e27);
        }
      }
      if (s3 !== peg$FAILED) {
        s0 = s2;
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    if (s0 === peg$FAILED) {
      s0 = peg$currPos;
      if (input.charCodeAt(peg$currPos) === 34) {
        s1 = peg$c14;
        peg$currPos++;
      } else {
        s1 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e27);
        }
      }
      if (s1 !== peg$FAILED) {
        s2 = [];
        s3 = peg$parseStringChar();
        while (s3 !== peg$FAILED) {
          s2.push(s3);
          s3 = peg$parseStringChar();
        }
        s3 = peg$currPos;
        peg$silentFails++;
        if (input.length > peg$currPos) {
          s4 = input.charAt(peg$currPos);
          peg$currPos++;
        } else {
          s4 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e23);
          }
        }
        peg$silentFails--;
        if (s4 === peg$FAILED) {
          s3 = void 0;
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
        if (s3 !== peg$FAILED) {
          peg$savedPos = s0;
          s0 = peg$f23();
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
    }
    peg$silentFails--;
    if (s0 === peg$FAILED) {
      s1 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e26);
      }
    }
    return s0;
  }
  function peg$parseStringChar() {
    let s0, s1, s2;
    s0 = peg$currPos;
    if (input.charCodeAt(peg$currPos) === 92) {
      s1 = peg$c13;
      peg$currPos++;
    } else {
      s1 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e22);
      }
    }
    if (s1 !== peg$FAILED) {
      if (input.length > peg$currPos) {
        s2 = input.charAt(peg$currPos);
        peg$currPos++;
      } else {
        s2 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e23);
        }
      }
      if (s2 !== peg$FAILED) {
        s1 = [s1, s2];
        s0 = s1;
      } else {
        peg$currPos = s0;
        s0 = peg$FAILED;
      }
    } else {
      peg$currPos = s0;
      s0 = peg$FAILED;
    }
    if (s0 === peg$FAILED) {
      s0 = input.charAt(peg$currPos);
      if (peg$r8.test(s0)) {
        peg$currPos++;
      } else {
        s0 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e28);
        }
      }
    }
    return s0;
  }
  function peg$parseWS() {
    let s0, s1;
    peg$silentFails++;
    s0 = [];
    s1 = input.charAt(peg$currPos);
    if (peg$r9.test(s1)) {
      peg$currPos++;
    } else {
      s1 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e30);
      }
    }
    if (s1 !== peg$FAILED) {
      while (s1 !== peg$FAILED) {
        s0.push(s1);
        s1 = input.charAt(peg$currPos);
        if (peg$r9.test(s1)) {
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e30);
          }
        }
      }
    } else {
      s0 = peg$FAILED;
    }
    peg$silentFails--;
    if (s0 === peg$FAILED) {
      s1 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e29);
      }
    }
    return s0;
  }
  function peg$parse_() {
    let s0, s1;
    s0 = [];
    s1 = input.charAt(peg$currPos);
    if (peg$r9.test(s1)) {
      peg$currPos++;
    } else {
      s1 = peg$FAILED;
      if (peg$silentFails === 0) {
        peg$fail(peg$e30);
      }
    }
    while (s1 !== peg$FAILED) {
      s0.push(s1);
      s1 = input.charAt(peg$currPos);
      if (peg$r9.test(s1)) {
        peg$currPos++;
      } else {
        s1 = peg$FAILED;
        if (peg$silentFails === 0) {
          peg$fail(peg$e30);
        }
      }
    }
    return s0;
  }
  peg$result = peg$startRuleFunction();
  const peg$success = peg$result !== peg$FAILED && peg$currPos === input.length;
  function peg$throw() {
    if (peg$result !== peg$FAILED && peg$currPos < input.length) {
      peg$fail(peg$endExpectation());
    }
    throw peg$buildStructuredError(
      peg$maxFailExpected,
      peg$maxFailPos < input.length ? peg$getUnicode(peg$maxFailPos) : null,
      peg$maxFailPos < input.length ? peg$computeLocation(peg$maxFailPos, peg$maxFailPos + 1) : peg$computeLocation(peg$maxFailPos, peg$maxFailPos)
    );
  }
  if (options.peg$library) {
    return (
      /** @type {any} */
      {
        peg$result,
        peg$currPos,
        peg$FAILED,
        peg$maxFailExpected,
        peg$maxFailPos,
        peg$success,
        peg$throw: peg$success ? void 0 : peg$throw
      }
    );
  }
  if (peg$success) {
    return peg$result;
  } else {
    peg$throw();
  }
}

// packages/local-cloud/src/logging/filter-parser.ts
var MAX_FILTER_LENGTH = 2e4;
function filterError(filter, at2, problem) {
  const lineText = filter.split(/\r\n|\r|\n/)[at2.line - 1] ?? "";
  const caret = `${" ".repeat(Math.max(0, at2.column - 1))}^`;
  return new RpcError(
    status16.INVALID_ARGUMENT,
    `Unparseable filter at line ${at2.line}, column ${at2.column}: ${problem}
  ${lineText}
  ${caret}`
  );
}
function parseLogFilter(filter) {
  if (filter.length > MAX_FILTER_LENGTH) {
    throw new RpcError(
      status16.INVALID_ARGUMENT,
      `The filter is ${filter.length} characters long; Cloud Logging accepts at most ${MAX_FILTER_LENGTH}.`
    );
  }
  try {
    return peg$parse(filter);
  } catch (error) {
    if (error instanceof peg$SyntaxError) {
      const start = error.location.start;
      throw filterError(filter, start, syntaxProblem(error, filter.slice(start.offset)));
    }
    throw error;
  }
}
function syntaxProblem(error, rest) {
  if (!error.expected) return error.message;
  const token = /^[A-Za-z0-9_]+/.exec(rest)?.[0] ?? error.found;
  const found = token === null ? "the end of the filter" : JSON.stringify(token);
  const expected = [
    ...new Set(
      error.expected.map(
        (item) => item.type === "literal" ? JSON.stringify(item.text) : item.type === "other" ? item.description : ""
      )
    )
  ].filter((text) => text !== "");
  const hint = error.found === ":" || error.found === "." ? ' Quote values that hold ":" or "." (timestamps included), e.g. timestamp>="2026-01-01T00:00:00Z".' : "";
  return `found ${found}, expected ${expected.join(", ") || "something else"}.${hint}`;
}

// packages/local-cloud/src/logging/filter-escapes.ts
var SIMPLE2 = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "	", v: "\v" };
var LITERAL_ESCAPES = ',:=<>+~"\\.*';
function decode(raw) {
  let text = "";
  for (let index = 0; index < raw.length; index += 1) {
    const char = raw[index];
    if (char !== "\\") {
      text += char;
      continue;
    }
    const rest = raw.slice(index + 1);
    const numeric = /^u([0-9a-fA-F]{4})|^x([0-9a-fA-F]{2})|^([0-3][0-7]{2}|[0-7]{1,2})/.exec(rest);
    if (numeric) {
      const [whole, unicode, hex, octal] = numeric;
      text += String.fromCharCode(
        unicode || hex ? Number.parseInt(unicode ?? hex ?? "", 16) : Number.parseInt(octal ?? "", 8)
      );
      index += whole.length;
    } else if (rest[0] !== void 0 && SIMPLE2[rest[0]] !== void 0) {
      text += SIMPLE2[rest[0]];
      index += 1;
    } else if (rest[0] !== void 0 && LITERAL_ESCAPES.includes(rest[0])) {
      text += rest[0];
      index += 1;
    } else {
      return { badIndex: index };
    }
  }
  return { text };
}
function decodeRaw(raw, quoted, at2, filter) {
  const result = decode(raw);
  if ("text" in result) return result.text;
  const column2 = at2.column + (quoted ? 1 : 0) + result.badIndex;
  const position = { offset: at2.offset + column2 - at2.column, line: at2.line, column: column2 };
  const written = raw.slice(result.badIndex, result.badIndex + 2);
  throw filterError(
    filter,
    position,
    `invalid escape sequence "${written}": escape only , : = < > + ~ " \\ . * (or write \\n, \\t, \\uXXXX).`
  );
}
function literalText(literal, filter) {
  return decodeRaw(literal.raw, literal.quoted, literal.at, filter);
}

// packages/local-cloud/src/logging/filter-fields.ts
var DEFAULTS = {
  string: "",
  number: 0,
  bool: false,
  timestamp: new Instant(0n),
  duration: new Span(0n),
  severity: new Severity(0, "DEFAULT")
};
function unknownField(filter, path, index, schema) {
  const name = path.segments[index] ?? "";
  const parent = path.segments.slice(0, index).join(".");
  const suggestion = schema[camelCaseOf(name)] ? ` Did you mean "${camelCaseOf(name)}"?` : "";
  const where = parent ? `"${parent}" has no field "${name}".` : `"${name}" is not a LogEntry field.`;
  return filterError(
    filter,
    path.positions[index] ?? path.at,
    `${where}${suggestion} Fields: ${Object.keys(schema).join(", ")}.`
  );
}
function resolveField(written, filter) {
  const segments = written.segments.map(
    (raw, index) => decodeRaw(raw, written.quoted[index] ?? false, written.positions[index] ?? written.at, filter)
  );
  const path = { ...written, segments };
  let schema = LOG_ENTRY_SCHEMA;
  for (const [index, segment] of path.segments.entries()) {
    if (!isMessage(schema)) {
      if (schema === "struct" || schema === "any") return { path, segments: path.segments, type: "dynamic" };
      const parent = path.segments.slice(0, index).join(".");
      if (schema === "map") {
        if (index === path.segments.length - 1) return { path, segments: path.segments, type: "dynamic" };
        const problem = `a key of "${parent}" that holds "." must be quoted, e.g. ${parent}."${path.segments.slice(index).join(".")}".`;
        throw filterError(filter, path.positions[index] ?? path.at, problem);
      }
      throw filterError(
        filter,
        path.positions[index] ?? path.at,
        `"${parent}" is a ${schema} and has no fields.`
      );
    }
    const child = schema[segment];
    if (child === void 0) throw unknownField(filter, path, index, schema);
    schema = child;
  }
  if (isMessage(schema) || schema === "map" || schema === "struct" || schema === "any") {
    return { path, segments: path.segments, type: "node" };
  }
  return { path, segments: path.segments, type: schema, defaultValue: DEFAULTS[schema] };
}
function lookup2(node, segments, index) {
  if (index === segments.length) return [node];
  if (Array.isArray(node)) return node.flatMap((item) => lookup2(item, segments, index));
  if (!isViewNode(node)) return [];
  const child = node[segments[index] ?? ""];
  return child === void 0 ? [] : lookup2(child, segments, index + 1);
}
function readField(view, field) {
  const values = lookup2(view, field.segments, 0);
  if (values.length === 0 && field.defaultValue !== void 0) return [field.defaultValue];
  return values;
}
function fieldPresent(view, field) {
  return lookup2(view, field.segments, 0).length > 0;
}

// packages/local-cloud/src/logging/filter-regex.ts
var POSIX_CLASSES = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7F",
  blank: "\\t ",
  cntrl: "\\x00-\\x1F\\x7F",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f"
};
var PatternError = class extends Error {
  name = "PatternError";
};
function escapeLiteral(text) {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
function translateEscape(pattern, index, inClass) {
  const next = pattern[index + 1];
  if (next === void 0) throw new PatternError("the pattern ends with a lone backslash");
  if (/[1-9]/.test(next) && !inClass) throw new PatternError("RE2 does not support backreferences");
  if (next === "k" && !inClass) throw new PatternError("RE2 does not support backreferences");
  if (next === "C") throw new PatternError("RE2 \\C (any byte) has no JavaScript equivalent");
  if (next === "A" && !inClass) return ["(?<![\\s\\S])", 2];
  if (next === "z" && !inClass) return ["(?![\\s\\S])", 2];
  if (next === "Q") {
    const end = pattern.indexOf("\\E", index + 2);
    const quoted = pattern.slice(index + 2, end === -1 ? void 0 : end);
    return [escapeLiteral(quoted), (end === -1 ? pattern.length : end + 2) - index];
  }
  if ((next === "p" || next === "P") && /[A-Za-z]/.test(pattern[index + 2] ?? "")) {
    return [`\\${next}{${pattern[index + 2]}}`, 3];
  }
  return [`\\${next}`, 2];
}
function translateGroupOpening(pattern, index) {
  const rest = pattern.slice(index);
  if (/^\(\?(=|!|<=|<!)/.test(rest)) throw new PatternError("RE2 does not support lookahead or lookbehind");
  if (rest.startsWith("(?P=")) throw new PatternError("RE2 does not support backreferences");
  if (rest.startsWith("(?P<")) return ["(?<", 4];
  if (/^\(\?[a-zA-Z-]+[:)]/.test(rest)) {
    throw new PatternError(
      "flag groups such as (?i) are supported by the local cloud only at the very start of the pattern"
    );
  }
  return ["(", 1];
}
function translateClass(pattern, index) {
  let out = "[";
  let position = index + 1;
  if (pattern[position] === "^") {
    out += "^";
    position += 1;
  }
  if (pattern[position] === "]") {
    out += "\\]";
    position += 1;
  }
  while (position < pattern.length && pattern[position] !== "]") {
    const posix = /^\[:(\^)?([a-z]+):\]/.exec(pattern.slice(position));
    if (posix) {
      const range = POSIX_CLASSES[posix[2] ?? ""];
      if (!range || posix[1])
        throw new PatternError(`unsupported character class [:${posix[1] ?? ""}${posix[2]}:]`);
      out += range;
      position += posix[0].length;
    } else if (pattern[position] === "\\") {
      const [text, length] = translateEscape(pattern, position, true);
      out += text;
      position += length;
    } else {
      out += pattern[position] === "[" ? "\\[" : pattern[position];
      position += 1;
    }
  }
  if (position >= pattern.length) throw new PatternError("missing closing ]");
  return [`${out}]`, position + 1 - index];
}
function leadingFlags(pattern) {
  const match = /^\(\?([a-zA-Z]+)\)/.exec(pattern);
  if (!match) return { flags: "", body: pattern };
  const flags = match[1] ?? "";
  for (const flag of flags) {
    if (!"ims".includes(flag))
      throw new PatternError(`the RE2 flag "${flag}" is not supported by the local cloud`);
  }
  return { flags: [...new Set(flags)].join(""), body: pattern.slice(match[0].length) };
}
function compileRe2(pattern) {
  const { flags, body } = leadingFlags(pattern);
  let source2 = "";
  for (let index = 0; index < body.length; ) {
    const char = body[index];
    const [text, length] = char === "\\" ? translateEscape(body, index, false) : char === "[" ? translateClass(body, index) : char === "(" ? translateGroupOpening(body, index) : [char ?? "", 1];
    source2 += text;
    index += length;
  }
  try {
    return new RegExp(source2, `${flags}u`);
  } catch {
    try {
      return new RegExp(source2, flags);
    } catch (error) {
      throw new PatternError(error.message.replace(/^Invalid regular expression: /, ""));
    }
  }
}

// packages/local-cloud/src/logging/filter.ts
var UNSUPPORTED_FUNCTIONS = /* @__PURE__ */ new Set(["sample", "ip_in_net", "search", "cast", "regexp_extract", "source"]);
function compileLogFilter(filter) {
  const tree = parseLogFilter(filter);
  return tree === null ? () => true : compileExpression(tree, filter);
}
function compileExpression(node, filter) {
  switch (node.type) {
    case "and": {
      const items = node.items.map((item) => compileExpression(item, filter));
      return (record) => items.every((item) => item(record));
    }
    case "or": {
      const items = node.items.map((item) => compileExpression(item, filter));
      return (record) => items.some((item) => item(record));
    }
    case "not": {
      const item = compileExpression(node.item, filter);
      return (record) => !item(record);
    }
    case "global": {
      const literal = prepareLiteral(node.value, ":", filter);
      return (record) => hasDeep(entryView(record), literal);
    }
    case "function":
      return compileFunction(node, filter);
    case "comparison":
      return compileComparison(node, filter);
  }
}
function compileFunction(node, filter) {
  const [argument] = node.args;
  const name = node.name.toLowerCase();
  if (name === "log_id") {
    if (node.args.length !== 1 || argument?.type !== "literal") {
      throw filterError(filter, node.at, 'log_id() takes one argument, the log ID, e.g. log_id("syslog").');
    }
    const wanted = literalText(argument, filter);
    return (record) => {
      const logName = record.entry.logName;
      return decodeURIComponent(logName.slice(logName.indexOf("/logs/") + 6)) === wanted;
    };
  }
  const problem = UNSUPPORTED_FUNCTIONS.has(name) ? `the function ${node.name}() is not supported by the local cloud (only log_id() is).` : `unknown function ${node.name}().`;
  throw filterError(filter, node.at, problem);
}
function compileComparison(node, filter) {
  const field = resolveField(node.field, filter);
  const { comparator, value } = node;
  if (comparator === ":" && value.type === "literal" && !value.quoted && value.raw === "*") {
    return (record) => fieldPresent(entryView(record), field);
  }
  checkComparator(field, comparator, node, filter);
  return compileValues(value, (literal) => {
    const prepared = prepareLiteral(literal, comparator, filter);
    checkLiteral(field, comparator, literal, prepared, filter);
    return (record) => matchValues(readField(entryView(record), field), comparator, prepared);
  });
}
function compileValues(node, leaf) {
  switch (node.type) {
    case "literal":
      return leaf(node);
    case "valueAnd": {
      const items = node.items.map((item) => compileValues(item, leaf));
      return (record) => items.every((item) => item(record));
    }
    case "valueOr": {
      const items = node.items.map((item) => compileValues(item, leaf));
      return (record) => items.some((item) => item(record));
    }
    case "valueNot": {
      const item = compileValues(node.item, leaf);
      return (record) => !item(record);
    }
  }
}
function prepareLiteral(literal, comparator, filter) {
  const isPattern = comparator === "=~" || comparator === "!~";
  const text = isPattern ? literal.raw : literalText(literal, filter);
  let regex;
  if (isPattern) {
    try {
      regex = compileRe2(text);
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      throw filterError(filter, literal.at, `invalid regular expression "${text}": ${error.message}.`);
    }
  }
  return {
    text,
    lower: text.toLowerCase(),
    number: /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : void 0,
    bool: /^(true|false)$/i.test(text) ? text.toLowerCase() === "true" : void 0,
    isNull: !literal.quoted && text === "NULL_VALUE",
    instant: parseRfc3339(text),
    span: parseDuration(text),
    severity: parseSeverity(text),
    regex
  };
}
var ORDERING = /* @__PURE__ */ new Set(["<", "<=", ">", ">="]);
function checkComparator(field, comparator, node, filter) {
  const name = field.segments.join(".");
  const refuse2 = (why) => filterError(filter, node.at, `"${name}" ${why}`);
  if (field.type === "node" && comparator !== ":") {
    throw refuse2(`holds several fields: compare one of them, or use ":" (has) or ":*" (exists).`);
  }
  if (field.type === "bool" && ORDERING.has(comparator)) throw refuse2("is true or false: use = or !=.");
  const isTime = field.type === "timestamp" || field.type === "duration";
  if (isTime && (comparator === ":" || comparator === "=~" || comparator === "!~")) {
    throw refuse2(`is a ${field.type}: compare it with =, !=, <, <=, > or >=.`);
  }
}
function checkLiteral(field, comparator, literal, prepared, filter) {
  if (prepared.isNull || comparator === "=~" || comparator === "!~") return;
  const name = field.segments.join(".");
  const problems = {
    number: [prepared.number === void 0, "is a number"],
    bool: [prepared.bool === void 0, "is true or false"],
    timestamp: [
      prepared.instant === void 0,
      'is a timestamp: write an RFC 3339 time with a zone, e.g. "2026-01-01T00:00:00Z"'
    ],
    duration: [prepared.span === void 0, 'is a duration: write it as seconds, e.g. "1.5s"'],
    severity: [
      prepared.severity === void 0,
      `is a severity: use ${Object.keys(SEVERITY_RANK).join(", ")}`
    ]
  };
  const [wrong, expected] = problems[field.type] ?? [false, ""];
  if (wrong) {
    throw filterError(filter, literal.at, `"${name}" ${expected}; ${JSON.stringify(prepared.text)} is not.`);
  }
}

// packages/local-cloud/src/logging/log-query.ts
import { status as status17 } from "@grpc/grpc-js";
var DEFAULT_PAGE_SIZE = 50;
var MAX_PAGE_SIZE2 = 1e3;
var PARENT2 = /^(projects|organizations|folders|billingAccounts)\/[^/]+$/;
function validateResourceNames(names) {
  if (names.length === 0) {
    throw new RpcError(
      status17.INVALID_ARGUMENT,
      'resourceNames is required: name the project, e.g. "projects/P".'
    );
  }
  for (const name of names) {
    if (!PARENT2.test(name)) {
      throw new RpcError(
        status17.INVALID_ARGUMENT,
        `Invalid resource name "${name}": use "projects/PROJECT_ID" (log buckets and views are not emulated).`
      );
    }
  }
  return names;
}
function validateParent(parent) {
  if (!PARENT2.test(parent)) {
    throw new RpcError(
      status17.INVALID_ARGUMENT,
      `Invalid parent "${parent}": use "projects/PROJECT_ID" (or organizations/, folders/, billingAccounts/).`
    );
  }
  return parent;
}
function parseOrderBy(orderBy) {
  const normalized = orderBy.trim().replace(/\s+/g, " ");
  if (normalized === "" || normalized === "timestamp" || normalized === "timestamp asc") return false;
  if (normalized === "timestamp desc") return true;
  throw new RpcError(
    status17.INVALID_ARGUMENT,
    `Invalid orderBy "${orderBy}": only "timestamp asc" and "timestamp desc" are supported.`
  );
}
function validatePageSize(pageSize) {
  if (pageSize < 0 || pageSize > MAX_PAGE_SIZE2) {
    throw new RpcError(
      status17.INVALID_ARGUMENT,
      `pageSize must be between 0 and ${MAX_PAGE_SIZE2}, got ${pageSize}: page through larger results with pageToken.`
    );
  }
  return pageSize === 0 ? DEFAULT_PAGE_SIZE : pageSize;
}
function pageFromToken(items, pageToken, pageSize, key) {
  const offset = decodePageToken(pageToken, key);
  const page = items.slice(offset, pageSize === void 0 ? void 0 : offset + pageSize);
  const next = offset + page.length;
  return { page, nextPageToken: next < items.length ? encodePageToken(next, key) : "" };
}
function encodePageToken(offset, key) {
  return Buffer.from(JSON.stringify({ offset, key })).toString("base64url");
}
function decodePageToken(token, key) {
  if (token === "") return 0;
  try {
    const decoded = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (typeof decoded.offset === "number" && decoded.offset >= 0 && decoded.key === key) {
      return decoded.offset;
    }
  } catch {
  }
  throw new RpcError(
    status17.INVALID_ARGUMENT,
    "Invalid pageToken: it must come from a previous response to the same request."
  );
}

// packages/local-cloud/src/logging/config-common.ts
function timestampOf(date) {
  const millis = date.getTime();
  return { seconds: String(Math.floor(millis / 1e3)), nanos: millis % 1e3 * 1e6 };
}
var DEFAULT_PAGE_SIZE2 = 50;
function pageOf2(items, request, key) {
  const asked = Number(request.pageSize ?? 0);
  const pageSize = Number.isInteger(asked) && asked > 0 ? asked : DEFAULT_PAGE_SIZE2;
  return pageFromToken(items, request.pageToken ?? "", pageSize, key);
}
var snakeCase = (path) => path.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`);
function maskPaths(request) {
  const mask = request.updateMask;
  return (mask?.paths ?? []).map(snakeCase);
}
function checkMask(paths, updatable, resource2) {
  for (const path of paths) {
    if (!updatable.includes(path)) {
      throw new RpcError(
        status18.INVALID_ARGUMENT,
        `updateMask names "${path}", which cannot be updated on a ${resource2}: use ${updatable.join(", ")}.`
      );
    }
  }
}
var MAX_FILTER_LENGTH2 = 2e4;
function checkFilter(value, field, isRequired) {
  const filter = typeof value === "string" ? value : "";
  if (isRequired && filter.trim() === "") {
    throw new RpcError(
      status18.INVALID_ARGUMENT,
      `${field} is required: a Logging query such as severity>=ERROR.`
    );
  }
  if (filter.length > MAX_FILTER_LENGTH2) {
    throw new RpcError(status18.INVALID_ARGUMENT, `${field} is longer than ${MAX_FILTER_LENGTH2} characters.`);
  }
  try {
    compileLogFilter(filter);
  } catch (error) {
    if (error instanceof RpcError) throw new RpcError(error.code, `Invalid ${field}: ${error.message}`);
    throw error;
  }
  return filter;
}
function requiredMessage(value, field) {
  if (typeof value !== "object" || value === null) {
    throw new RpcError(status18.INVALID_ARGUMENT, `${field} is required.`);
  }
  return value;
}
function notFound2(kind, name) {
  return new RpcError(status18.NOT_FOUND, `${kind} ${name} does not exist.`);
}
function alreadyExists(kind, name) {
  return new RpcError(
    status18.ALREADY_EXISTS,
    `${kind} ${name} already exists: choose another id or update it.`
  );
}
function numberOf(parent) {
  let hash = 0;
  for (const char of parent) hash = (hash * 31 + char.charCodeAt(0)) % 9e11;
  return String(1e11 + hash);
}

// packages/local-cloud/src/logging/config-names.ts
import { status as status19 } from "@grpc/grpc-js";
var PARENT3 = "(?:projects|organizations|folders|billingAccounts)/[^/]+";
var SEGMENT = "[^/]+";
function invalid7(field, value, form) {
  return new RpcError(
    status19.INVALID_ARGUMENT,
    `Invalid ${field} "${value}": it must be of the form "${form}" (e.g. projects/my-project for the parent).`
  );
}
function required2(value, field) {
  if (typeof value !== "string" || value === "") {
    throw new RpcError(status19.INVALID_ARGUMENT, `${field} is required.`);
  }
  return value;
}
function parseParent2(value, field) {
  const name = required2(value, field);
  if (!new RegExp(`^${PARENT3}$`).test(name)) throw invalid7(field, name, "projects/[PROJECT_ID]");
  return name;
}
function parseChild(value, field, collection) {
  const name = required2(value, field);
  const match = new RegExp(`^(${PARENT3})/${collection}/(${SEGMENT})$`).exec(name);
  if (!match) throw invalid7(field, name, `projects/[PROJECT_ID]/${collection}/[ID]`);
  return { parent: match[1] ?? "", id: match[2] ?? "" };
}
function parseLocation(value, field) {
  const name = required2(value, field);
  const match = new RegExp(`^(${PARENT3})/locations/(${SEGMENT})$`).exec(name);
  if (!match) throw invalid7(field, name, "projects/[PROJECT_ID]/locations/[LOCATION_ID]");
  const location = match[2] ?? "";
  checkLocation2(location);
  return { parent: match[1] ?? "", location };
}
function parseBucketName(value, field) {
  const name = required2(value, field);
  if (!new RegExp(`^${PARENT3}/locations/${SEGMENT}/buckets/${SEGMENT}$`).test(name)) {
    throw invalid7(field, name, "projects/[PROJECT_ID]/locations/[LOCATION_ID]/buckets/[BUCKET_ID]");
  }
  return name;
}
function parseBucketChild(value, field, collection) {
  const name = required2(value, field);
  const match = new RegExp(
    `^(${PARENT3}/locations/${SEGMENT}/buckets/${SEGMENT})/${collection}/(${SEGMENT})$`
  ).exec(name);
  if (!match) {
    throw invalid7(
      field,
      name,
      `projects/[PROJECT_ID]/locations/[LOCATION_ID]/buckets/[BUCKET_ID]/${collection}/[ID]`
    );
  }
  return { bucket: match[1] ?? "", id: match[2] ?? "" };
}
var LOCATION = /^(?:global|us|eu|[a-z]+-[a-z]+[1-9][0-9]?)$/;
function checkLocation2(location) {
  if (!LOCATION.test(location)) {
    throw new RpcError(
      status19.INVALID_ARGUMENT,
      `Location "${location}" is not supported by Cloud Logging: use global, us, eu or a region such as us-central1.`
    );
  }
}
var ID_RULES = {
  sink: {
    field: "sink.name",
    chars: "A-Za-z0-9_.-",
    describe: "letters, digits, _, - and .",
    alphanumericFirst: true
  },
  exclusion: {
    field: "exclusion.name",
    chars: "A-Za-z0-9_.-",
    describe: "letters, digits, _, - and .",
    alphanumericFirst: true
  },
  // The REST reference adds "Bucket identifiers must start with an alphanumeric
  // character". View ids are documented with the same characters only; the built-in views
  // start with `_`, so a leading `_` or `-` is refused for views too (the hostile reading).
  bucket: {
    field: "bucketId",
    chars: "A-Za-z0-9_.-",
    describe: "letters, digits, _, - and .",
    alphanumericFirst: true
  },
  view: {
    field: "viewId",
    chars: "A-Za-z0-9_.-",
    describe: "letters, digits, _, - and .",
    alphanumericFirst: true
  },
  link: { field: "linkId", chars: "A-Za-z0-9_", describe: "letters, digits and _", alphanumericFirst: false },
  metric: {
    field: "metric.name",
    chars: "A-Za-z0-9_\\-.,+!*',()%/",
    describe: "letters, digits and _-.,+!*',()%/",
    alphanumericFirst: false
  }
};
function checkId(kind, value) {
  const rule = ID_RULES[kind];
  const id = required2(value, rule.field);
  const where = `${rule.field} "${id}"`;
  if (id.length > 100) throw new RpcError(status19.INVALID_ARGUMENT, `${where} is longer than 100 characters.`);
  if (!new RegExp(`^[${rule.chars}]+$`).test(id)) {
    throw new RpcError(status19.INVALID_ARGUMENT, `${where} may only contain ${rule.describe}.`);
  }
  if (rule.alphanumericFirst && !/^[A-Za-z0-9]/.test(id)) {
    throw new RpcError(status19.INVALID_ARGUMENT, `${where} must start with a letter or a digit.`);
  }
  if (kind === "metric" && id.startsWith("/")) {
    throw new RpcError(status19.INVALID_ARGUMENT, `${where} must not start with "/".`);
  }
  return id;
}
function checkDescription(value, field) {
  const text = typeof value === "string" ? value : "";
  if (text.length > 8e3) {
    throw new RpcError(status19.INVALID_ARGUMENT, `${field} is longer than 8000 characters.`);
  }
  return text;
}

// packages/local-cloud/src/logging/config-store.ts
var UNDELETE_DAYS = 7;
var DAY_MS2 = 864e5;
var REQUIRED_LOG_IDS = [
  "cloudaudit.googleapis.com/activity",
  "externalaudit.googleapis.com/activity",
  "cloudaudit.googleapis.com/system_event",
  "externalaudit.googleapis.com/system_event",
  "cloudaudit.googleapis.com/access_transparency",
  "externalaudit.googleapis.com/access_transparency"
];
var REQUIRED_SINK_FILTER = REQUIRED_LOG_IDS.map((id) => `log_id("${id}")`).join(" OR ");
var DEFAULT_SINK_FILTER = REQUIRED_LOG_IDS.map((id) => `NOT log_id("${id}")`).join(" AND ");
var DEFAULT_VIEW_FILTER = 'NOT LOG_ID("cloudaudit.googleapis.com/data_access") AND NOT LOG_ID("externalaudit.googleapis.com/data_access")';
var LEGACY_WRITER_IDENTITY = "serviceAccount:cloud-logs@system.gserviceaccount.com";
function uniqueWriterIdentity(parent, sinkId) {
  const suffix = numberOf(`${parent}/sinks/${sinkId}`).slice(-6);
  return `serviceAccount:p${numberOf(parent)}-${suffix}@gcp-sa-logging.iam.gserviceaccount.com`;
}
function builtInBucket(parent, id) {
  const name = `${parent}/locations/global/buckets/${id}`;
  const view = (viewId, filter, description) => [
    viewId,
    { name: `${name}/views/${viewId}`, description, filter }
  ];
  const views2 = new Map([view("_AllLogs", "", "View of all logs in the bucket.")]);
  if (id === "_Default")
    views2.set(...view("_Default", DEFAULT_VIEW_FILTER, "Default view of the _Default bucket."));
  return {
    bucket: {
      name,
      description: id === "_Required" ? "Audit bucket" : "Default bucket",
      // _Required keeps its entries 400 days and cannot be changed; _Default, 30 days.
      retentionDays: id === "_Required" ? 400 : 30,
      locked: id === "_Required",
      lifecycleState: "ACTIVE",
      analyticsEnabled: false,
      restrictedFields: [],
      indexConfigs: []
    },
    views: views2,
    links: /* @__PURE__ */ new Map()
  };
}
function builtInSink(parent, id, filter) {
  return [
    id,
    {
      sink: {
        name: id,
        destination: `logging.googleapis.com/${parent}/locations/global/buckets/${id}`,
        filter,
        description: "",
        disabled: false,
        exclusions: [],
        // A sink writing to a bucket of its own parent has no writer identity.
        writerIdentity: "",
        includeChildren: false
      },
      uniqueWriterIdentity: false
    }
  ];
}
function newParent(parent) {
  const required3 = builtInBucket(parent, "_Required");
  const fallback = builtInBucket(parent, "_Default");
  return {
    parent,
    sinks: new Map([
      builtInSink(parent, "_Required", REQUIRED_SINK_FILTER),
      builtInSink(parent, "_Default", DEFAULT_SINK_FILTER)
    ]),
    exclusions: /* @__PURE__ */ new Map(),
    buckets: /* @__PURE__ */ new Map([
      [required3.bucket.name, required3],
      [fallback.bucket.name, fallback]
    ]),
    metrics: /* @__PURE__ */ new Map(),
    settings: {
      name: `${parent}/settings`,
      kmsKeyName: "",
      kmsServiceAccountId: `service-${numberOf(parent)}@gcp-sa-logging.iam.gserviceaccount.com`,
      storageLocation: "",
      disableDefaultSink: false
    },
    cmekSettings: {
      name: `${parent}/cmekSettings`,
      kmsKeyName: "",
      kmsKeyVersionName: "",
      serviceAccountId: `cmek-p${numberOf(parent)}@gcp-sa-logging.iam.gserviceaccount.com`
    }
  };
}
var ConfigStore = class {
  constructor(clock = () => /* @__PURE__ */ new Date()) {
    this.clock = clock;
  }
  clock;
  parents = /* @__PURE__ */ new Map();
  /** The configuration of a parent, created as the real service has it on first use. */
  of(parent) {
    let config = this.parents.get(parent);
    if (!config) {
      config = newParent(parent);
      this.parents.set(parent, config);
    }
    this.purgeDeletedBuckets(config);
    return config;
  }
  /** The configuration of a parent if anything has read or changed it yet. */
  peek(parent) {
    return this.parents.has(parent) ? this.of(parent) : void 0;
  }
  now() {
    return timestampOf(this.clock());
  }
  /** Buckets deleted more than 7 days ago are gone for good, their ids free again. */
  purgeDeletedBuckets(config) {
    const now = this.clock().getTime();
    for (const [name, state] of config.buckets) {
      if (state.deletedAt && now - state.deletedAt.getTime() >= UNDELETE_DAYS * DAY_MS2)
        config.buckets.delete(name);
    }
  }
};
function parentPart(name) {
  return name.split("/").slice(0, 2).join("/");
}
function sortedValues(items) {
  return [...items.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([, value]) => value);
}

// packages/local-cloud/src/logging/bucket-fields.ts
var BUCKET_UPDATABLE = [
  "description",
  "retention_days",
  "locked",
  "restricted_fields",
  "index_configs",
  "analytics_enabled",
  "cmek_settings"
];
var RESTRICTABLE = [
  "textPayload",
  "jsonPayload",
  "protoPayload",
  "httpRequest",
  "labels",
  "sourceLocation"
];
var KMS_KEY = /^projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/;
var INDEX_PATH = /^(jsonPayload|labels)\.[A-Za-z0-9_.-]{1,790}$/;
function failedPrecondition(message) {
  return new RpcError(status20.FAILED_PRECONDITION, message);
}
function checkRetention(value, creating) {
  const days = Number(value ?? 0);
  if (creating && days === 0) return 30;
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new RpcError(
      status20.INVALID_ARGUMENT,
      `bucket.retentionDays must be from 1 to 3650 days, got ${String(value)}.`
    );
  }
  return days;
}
function checkRestrictedFields(value) {
  const fields = value ?? [];
  for (const field of fields) {
    if (!RESTRICTABLE.includes(field.split(".")[0] ?? "")) {
      throw new RpcError(
        status20.INVALID_ARGUMENT,
        `bucket.restrictedFields "${field}" is not eligible: use ${RESTRICTABLE.join(", ")} or their children.`
      );
    }
  }
  return fields;
}
function checkIndexConfigs(value, now) {
  const configs = value ?? [];
  return configs.map((config, index) => {
    const fieldPath = String(config.fieldPath ?? "");
    if (!INDEX_PATH.test(fieldPath)) {
      throw new RpcError(
        status20.INVALID_ARGUMENT,
        `bucket.indexConfigs[${index}].fieldPath "${fieldPath}" must be a jsonPayload. or labels. path of letters, digits, _, - and . (at most 800 characters).`
      );
    }
    if (config.type !== "INDEX_TYPE_STRING" && config.type !== "INDEX_TYPE_INTEGER") {
      throw new RpcError(
        status20.INVALID_ARGUMENT,
        `bucket.indexConfigs[${index}].type must be INDEX_TYPE_STRING or INDEX_TYPE_INTEGER.`
      );
    }
    return { fieldPath, type: config.type, createTime: now };
  });
}
function checkCmek(value, bucketName) {
  const settings = value;
  const key = String(settings?.kmsKeyName ?? "");
  if (!settings || key === "") return null;
  if (bucketName.includes("/locations/global/")) {
    throw new RpcError(
      status20.INVALID_ARGUMENT,
      "CMEK cannot be configured on a bucket in the global location: use a region."
    );
  }
  if (!KMS_KEY.test(key)) {
    throw new RpcError(
      status20.INVALID_ARGUMENT,
      `bucket.cmekSettings.kmsKeyName "${key}" must be projects/P/locations/L/keyRings/R/cryptoKeys/K.`
    );
  }
  return { name: "", kmsKeyName: key, kmsKeyVersionName: "", serviceAccountId: "" };
}
function applyBucketFields(bucket, changes, paths, creating, now) {
  const name = String(bucket.name);
  if (paths.includes("description"))
    bucket.description = checkDescription(changes.description, "bucket.description");
  if (paths.includes("retention_days")) {
    const days = checkRetention(changes.retentionDays, creating);
    if (!creating && bucket.locked === true && days !== bucket.retentionDays) {
      throw failedPrecondition(`Bucket ${name} is locked: its retention cannot change.`);
    }
    bucket.retentionDays = days;
  }
  if (paths.includes("locked")) {
    if (bucket.locked === true && changes.locked !== true)
      throw failedPrecondition(`Bucket ${name} is locked for good.`);
    bucket.locked = changes.locked === true;
  }
  if (paths.includes("restricted_fields"))
    bucket.restrictedFields = checkRestrictedFields(changes.restrictedFields);
  if (paths.includes("index_configs")) bucket.indexConfigs = checkIndexConfigs(changes.indexConfigs, now);
  if (paths.includes("analytics_enabled")) {
    if (bucket.analyticsEnabled === true && changes.analyticsEnabled !== true) {
      throw failedPrecondition(
        `Bucket ${name} has log analytics enabled: once enabled it cannot be disabled.`
      );
    }
    bucket.analyticsEnabled = changes.analyticsEnabled === true;
  }
  if (paths.includes("cmek_settings")) {
    const cmek = checkCmek(changes.cmekSettings, name);
    if (bucket.cmekSettings && !cmek)
      throw failedPrecondition(`Bucket ${name} has CMEK: it cannot be disabled.`);
    bucket.cmekSettings = cmek;
  }
}
function findBucket(store, name, field = "name") {
  const bucketName = parseBucketName(name, field);
  const state = store.of(parentPart(bucketName)).buckets.get(bucketName);
  if (!state) throw notFound2("Bucket", bucketName);
  return state;
}
function activeBucket(store, name, field = "name") {
  const state = findBucket(store, name, field);
  if (state.deletedAt) {
    throw failedPrecondition(
      `Bucket ${String(state.bucket.name)} is deleted (DELETE_REQUESTED): undelete it first.`
    );
  }
  return state;
}

// packages/local-cloud/src/logging/bucket-handlers.ts
var MAX_BUCKETS = 100;
function createBucket(store, request) {
  const { parent, location } = parseLocation(request.parent, "parent");
  const id = checkId("bucket", request.bucketId);
  const changes = requiredMessage(request.bucket, "bucket");
  const { buckets } = store.of(parent);
  const name = `${parent}/locations/${location}/buckets/${id}`;
  if (buckets.has(name)) throw alreadyExists("Bucket", name);
  if (buckets.size >= MAX_BUCKETS) {
    throw new RpcError(
      status21.RESOURCE_EXHAUSTED,
      `${parent} already has ${MAX_BUCKETS} log buckets: delete one first.`
    );
  }
  const now = store.now();
  const bucket = { name, lifecycleState: "ACTIVE", locked: false, analyticsEnabled: false };
  applyBucketFields(bucket, changes, BUCKET_UPDATABLE, true, now);
  Object.assign(bucket, { createTime: now, updateTime: now });
  const views2 = /* @__PURE__ */ new Map([["_AllLogs", { name: `${name}/views/_AllLogs`, description: "", filter: "" }]]);
  buckets.set(name, { bucket, views: views2, links: /* @__PURE__ */ new Map() });
  return bucket;
}
function updateBucket(store, request) {
  const state = activeBucket(store, request.name);
  const name = String(state.bucket.name);
  if (name.endsWith("/buckets/_Required")) {
    throw new RpcError(status21.FAILED_PRECONDITION, "The _Required bucket cannot be changed.");
  }
  const changes = requiredMessage(request.bucket, "bucket");
  const paths = maskPaths(request);
  if (paths.length === 0) {
    throw new RpcError(
      status21.INVALID_ARGUMENT,
      `updateMask is required: name the fields to change (${BUCKET_UPDATABLE.join(", ")}).`
    );
  }
  checkMask(paths, BUCKET_UPDATABLE, "log bucket");
  if (name.endsWith("/buckets/_Default") && paths.includes("retention_days") && changes.retentionDays !== state.bucket.retentionDays) {
    throw unimplemented(LOGGING_CONFIG_SERVICE_NAME, "UpdateBucket (retention of the _Default bucket)");
  }
  const now = store.now();
  const bucket = { ...state.bucket };
  applyBucketFields(bucket, changes, paths, false, now);
  bucket.updateTime = now;
  state.bucket = bucket;
  return bucket;
}
function asOperation(store, operations, request, kind) {
  const startTime = store.now();
  const bucket = kind === "createBucketRequest" ? createBucket(store, request) : updateBucket(store, request);
  return operations.finished({
    location: String(bucket.name).replace(/\/buckets\/[^/]+$/, ""),
    metadataType: "google.logging.v2.BucketMetadata",
    metadata: { [kind]: request },
    responseType: "google.logging.v2.LogBucket",
    response: bucket,
    startTime,
    endTime: store.now()
  });
}
function listBuckets(store, request) {
  const text = String(request.parent ?? "");
  let owner;
  let prefix;
  if (text.endsWith("/locations/-")) {
    owner = parseParent2(text.slice(0, -"/locations/-".length), "parent");
    prefix = `${owner}/locations/`;
  } else {
    const { parent, location } = parseLocation(text, "parent");
    owner = parent;
    prefix = `${parent}/locations/${location}/buckets/`;
  }
  const buckets = [...store.of(owner).buckets.values()].map((state) => state.bucket).filter((bucket) => String(bucket.name).startsWith(prefix)).sort((a, b) => String(a.name) < String(b.name) ? -1 : 1);
  const { page, nextPageToken } = pageOf2(buckets, request, `buckets ${text}`);
  return { buckets: page, nextPageToken };
}
function createBucketHandlers(store, operations) {
  return {
    async ListBuckets(request) {
      return listBuckets(store, request);
    },
    async GetBucket(request) {
      return findBucket(store, request.name).bucket;
    },
    async CreateBucket(request) {
      return createBucket(store, request);
    },
    async CreateBucketAsync(request) {
      return asOperation(store, operations, request, "createBucketRequest");
    },
    async UpdateBucket(request) {
      return updateBucket(store, request);
    },
    async UpdateBucketAsync(request) {
      return asOperation(store, operations, request, "updateBucketRequest");
    },
    async DeleteBucket(request) {
      const state = activeBucket(store, request.name);
      const name = String(state.bucket.name);
      if (/\/buckets\/_(Required|Default)$/.test(name)) {
        throw new RpcError(status21.FAILED_PRECONDITION, `The built-in bucket ${name} cannot be deleted.`);
      }
      if (state.links.size > 0) {
        throw new RpcError(
          status21.FAILED_PRECONDITION,
          `Bucket ${name} has linked datasets: delete its links first.`
        );
      }
      state.deletedAt = store.clock();
      state.bucket = { ...state.bucket, lifecycleState: "DELETE_REQUESTED", updateTime: store.now() };
      return {};
    },
    async UndeleteBucket(request) {
      const state = findBucket(store, request.name);
      if (!state.deletedAt) {
        throw new RpcError(status21.FAILED_PRECONDITION, `Bucket ${String(state.bucket.name)} is not deleted.`);
      }
      state.deletedAt = void 0;
      state.bucket = { ...state.bucket, lifecycleState: "ACTIVE", updateTime: store.now() };
      return {};
    }
  };
}

// packages/local-cloud/src/logging/exclusion-handlers.ts
import { status as status22 } from "@grpc/grpc-js";
var MAX_EXCLUSIONS = 50;
var UPDATABLE = ["description", "filter", "disabled"];
function checkExclusion(exclusion, field) {
  return {
    name: checkId("exclusion", exclusion.name),
    description: checkDescription(exclusion.description, `${field}.description`),
    filter: checkFilter(exclusion.filter, `${field}.filter`, true),
    disabled: exclusion.disabled === true
  };
}
function lookup3(store, name) {
  const { parent, id } = parseChild(name, "name", "exclusions");
  const { exclusions } = store.of(parent);
  if (!exclusions.has(id)) throw notFound2("Exclusion", String(name));
  return { exclusions, id };
}
function createExclusionHandlers(store) {
  return {
    async ListExclusions(request) {
      const parent = parseParent2(request.parent, "parent");
      const all = sortedValues(store.of(parent).exclusions);
      const { page, nextPageToken } = pageOf2(all, request, `exclusions ${parent}`);
      return { exclusions: page, nextPageToken };
    },
    async GetExclusion(request) {
      const { exclusions, id } = lookup3(store, request.name);
      return exclusions.get(id);
    },
    async CreateExclusion(request) {
      const parent = parseParent2(request.parent, "parent");
      const exclusion = checkExclusion(requiredMessage(request.exclusion, "exclusion"), "exclusion");
      const { exclusions } = store.of(parent);
      const id = exclusion.name;
      if (exclusions.has(id)) throw alreadyExists("Exclusion", `${parent}/exclusions/${id}`);
      if (exclusions.size >= MAX_EXCLUSIONS) {
        throw new RpcError(
          status22.RESOURCE_EXHAUSTED,
          `${parent} already has ${MAX_EXCLUSIONS} exclusions, the most Cloud Logging allows: delete one first.`
        );
      }
      const now = store.now();
      const created = { ...exclusion, createTime: now, updateTime: now };
      exclusions.set(id, created);
      return created;
    },
    async UpdateExclusion(request) {
      const { exclusions, id } = lookup3(store, request.name);
      const changes = requiredMessage(request.exclusion, "exclusion");
      const paths = maskPaths(request);
      if (paths.length === 0) {
        throw new RpcError(
          status22.INVALID_ARGUMENT,
          `updateMask is required: name the fields to change (${UPDATABLE.join(", ")}).`
        );
      }
      checkMask(paths, UPDATABLE, "exclusion");
      const updated = { ...exclusions.get(id), updateTime: store.now() };
      if (paths.includes("description"))
        updated.description = checkDescription(changes.description, "exclusion.description");
      if (paths.includes("filter")) updated.filter = checkFilter(changes.filter, "exclusion.filter", true);
      if (paths.includes("disabled")) updated.disabled = changes.disabled === true;
      exclusions.set(id, updated);
      return updated;
    },
    async DeleteExclusion(request) {
      const { exclusions, id } = lookup3(store, request.name);
      exclusions.delete(id);
      return {};
    }
  };
}

// packages/local-cloud/src/logging/link-handlers.ts
import { status as status23 } from "@grpc/grpc-js";
function lookup4(store, name) {
  const { bucket, id } = parseBucketChild(name, "name", "links");
  const { links } = findBucket(store, bucket);
  if (!links.has(id)) throw notFound2("Link", String(name));
  return { links, id, bucket };
}
var locationOf2 = (bucketName) => bucketName.replace(/\/buckets\/[^/]+$/, "");
function createLink(store, request) {
  const { links, bucket } = activeBucket(store, request.parent, "parent");
  const bucketName = String(bucket.name);
  const id = checkId("link", request.linkId);
  const changes = requiredMessage(request.link, "link");
  if (!bucketName.startsWith("projects/")) {
    throw new RpcError(status23.FAILED_PRECONDITION, "Only buckets of projects can be linked to BigQuery.");
  }
  if (bucket.analyticsEnabled !== true) {
    throw new RpcError(
      status23.FAILED_PRECONDITION,
      `Bucket ${bucketName} does not have log analytics enabled: update it with analyticsEnabled=true first.`
    );
  }
  const name = `${bucketName}/links/${id}`;
  if (links.has(id)) throw alreadyExists("Link", name);
  const link = {
    name,
    description: checkDescription(changes.description, "link.description"),
    createTime: store.now(),
    lifecycleState: "ACTIVE",
    bigqueryDataset: { datasetId: `bigquery.googleapis.com/${parentPart(bucketName)}/datasets/${id}` }
  };
  links.set(id, link);
  return link;
}
function createLinkHandlers(store, operations) {
  return {
    async ListLinks(request) {
      const { links, bucket } = findBucket(store, request.parent, "parent");
      const { page, nextPageToken } = pageOf2(sortedValues(links), request, `links ${String(bucket.name)}`);
      return { links: page, nextPageToken };
    },
    async GetLink(request) {
      const { links, id } = lookup4(store, request.name);
      return links.get(id);
    },
    async CreateLink(request) {
      const startTime = store.now();
      const link = createLink(store, request);
      return operations.finished({
        location: locationOf2(String(request.parent)),
        metadataType: "google.logging.v2.LinkMetadata",
        metadata: { createLinkRequest: request },
        responseType: "google.logging.v2.Link",
        response: link,
        startTime,
        endTime: store.now()
      });
    },
    async DeleteLink(request) {
      const startTime = store.now();
      const { links, id, bucket } = lookup4(store, request.name);
      links.delete(id);
      return operations.finished({
        location: locationOf2(bucket),
        metadataType: "google.logging.v2.LinkMetadata",
        metadata: { deleteLinkRequest: request },
        responseType: "google.protobuf.Empty",
        response: {},
        startTime,
        endTime: store.now()
      });
    }
  };
}

// packages/local-cloud/src/logging/metric-handlers.ts
import { status as status25 } from "@grpc/grpc-js";

// packages/local-cloud/src/logging/metric-fields.ts
import { status as status24 } from "@grpc/grpc-js";
var MAX_LABELS = 10;
var EXTRACTOR = /^\s*(EXTRACT|REGEXP_EXTRACT)\(\s*([A-Za-z_][\w.]*(?:\.[\w]+|\."[^"]*")*)\s*(?:,\s*"((?:[^"\\]|\\.)*)"\s*)?\)\s*$/;
function invalid8(message) {
  return new RpcError(status24.INVALID_ARGUMENT, message);
}
function checkExtractor(expression, field) {
  const match = EXTRACTOR.exec(expression);
  if (!match)
    throw invalid8(`${field} "${expression}" must be EXTRACT(field) or REGEXP_EXTRACT(field, "regex").`);
  const [, kind, , regex] = match;
  if (kind === "EXTRACT" && regex !== void 0) throw invalid8(`${field}: EXTRACT() takes one argument.`);
  if (kind === "REGEXP_EXTRACT") {
    if (regex === void 0)
      throw invalid8(`${field}: REGEXP_EXTRACT() needs a regex with one capture group.`);
    let groups;
    try {
      groups = (new RegExp(`${regex.replace(/\\"/g, '"')}|`).exec("")?.length ?? 1) - 1;
    } catch (error) {
      throw invalid8(`${field}: invalid regex: ${error.message}`);
    }
    if (groups !== 1)
      throw invalid8(`${field}: the regex must have exactly one capture group, it has ${groups}.`);
  }
}
function checkLabels2(labels, extractors) {
  if (labels.length > MAX_LABELS) throw invalid8(`A log-based metric has at most ${MAX_LABELS} labels.`);
  const keys = labels.map((label) => String(label.key ?? ""));
  for (const key of keys) {
    if (!/^[a-z][a-zA-Z0-9_]{0,99}$/.test(key))
      throw invalid8(`Label key "${key}" must start with a lowercase letter.`);
    if (extractors[key] === void 0) throw invalid8(`Label "${key}" has no labelExtractors entry.`);
  }
  for (const [key, expression] of Object.entries(extractors)) {
    if (!keys.includes(key))
      throw invalid8(`labelExtractors["${key}"] has no label in metricDescriptor.labels.`);
    checkExtractor(expression, `labelExtractors["${key}"]`);
  }
}
function checkDescriptor(metric, metricName, id) {
  const given = metric.metricDescriptor ?? {};
  const kind = given.metricKind && given.metricKind !== "METRIC_KIND_UNSPECIFIED" ? given.metricKind : "DELTA";
  const valueType = given.valueType && given.valueType !== "VALUE_TYPE_UNSPECIFIED" ? given.valueType : "INT64";
  if (kind !== "DELTA")
    throw invalid8(`metricDescriptor.metricKind must be DELTA for a log-based metric, got ${String(kind)}.`);
  if (valueType !== "INT64" && valueType !== "DISTRIBUTION") {
    throw invalid8(
      `metricDescriptor.valueType must be INT64 (a counter) or DISTRIBUTION, got ${String(valueType)}.`
    );
  }
  const extractor = String(metric.valueExtractor ?? "");
  if (valueType === "DISTRIBUTION") {
    if (extractor === "") throw invalid8("A DISTRIBUTION metric needs a valueExtractor.");
    if (!metric.bucketOptions) throw invalid8("A DISTRIBUTION metric needs bucketOptions.");
    checkExtractor(extractor, "valueExtractor");
  } else if (extractor !== "") {
    throw invalid8("valueExtractor applies only to DISTRIBUTION metrics: set metricDescriptor.valueType.");
  }
  const labels = given.labels ?? [];
  checkLabels2(labels, metric.labelExtractors ?? {});
  const type = `logging.googleapis.com/user/${id}`;
  return {
    ...given,
    name: `${metricName.split("/metrics/")[0]}/metricDescriptors/${type}`,
    type,
    metricKind: kind,
    valueType,
    unit: given.unit || "1",
    description: String(metric.description ?? ""),
    labels
  };
}
function checkDescriptorChange(before, after) {
  if (before.metricKind !== after.metricKind || before.valueType !== after.valueType) {
    throw invalid8("metricDescriptor.metricKind and valueType cannot change once a metric is created.");
  }
  const labelsAfter = new Map((after.labels ?? []).map((label) => [label.key, label]));
  for (const label of before.labels ?? []) {
    const kept = labelsAfter.get(label.key);
    if (!kept || (kept.valueType ?? "STRING") !== (label.valueType ?? "STRING")) {
      throw invalid8(
        `Label "${String(label.key)}" cannot be removed or retyped; only its description may change.`
      );
    }
  }
}

// packages/local-cloud/src/logging/metric-handlers.ts
var MAX_METRICS = 500;
function parseProject(value, field) {
  const text = typeof value === "string" ? value : "";
  if (!/^projects\/[^/]+$/.test(text)) {
    throw new RpcError(status25.INVALID_ARGUMENT, `Invalid ${field} "${text}": use "projects/[PROJECT_ID]".`);
  }
  return text;
}
function parseMetricName(value) {
  const { parent, id } = parseChild(value, "metricName", "metrics");
  const project = parseProject(parent, "metricName");
  let decoded;
  try {
    decoded = decodeURIComponent(id);
  } catch {
    throw new RpcError(
      status25.INVALID_ARGUMENT,
      `metricName "${String(value)}" has a malformed percent-encoding.`
    );
  }
  return { project, id: decoded, name: `${project}/metrics/${encodeURIComponent(decoded)}` };
}
function buildMetric(store, project, given, id) {
  const bucketName = String(given.bucketName ?? "");
  if (bucketName !== "") {
    if (!bucketName.startsWith(`${project}/locations/`)) {
      throw new RpcError(status25.INVALID_ARGUMENT, `metric.bucketName must be a bucket of ${project}.`);
    }
    activeBucket(store, bucketName, "metric.bucketName");
  }
  const name = `${project}/metrics/${encodeURIComponent(id)}`;
  return {
    name: id,
    description: checkDescription(given.description, "metric.description"),
    filter: checkFilter(given.filter, "metric.filter", true),
    bucketName,
    disabled: given.disabled === true,
    metricDescriptor: checkDescriptor(given, name, id),
    valueExtractor: String(given.valueExtractor ?? ""),
    labelExtractors: given.labelExtractors ?? {},
    bucketOptions: given.bucketOptions ?? null,
    version: "V2"
  };
}
function checkRoomForMetric(project, count) {
  if (count >= MAX_METRICS) {
    throw new RpcError(status25.RESOURCE_EXHAUSTED, `${project} already has ${MAX_METRICS} log-based metrics.`);
  }
}
function createMetricHandlers(store) {
  return {
    async ListLogMetrics(request) {
      const project = parseProject(request.parent, "parent");
      const all = sortedValues(store.of(project).metrics);
      const { page, nextPageToken } = pageOf2(all, request, `metrics ${project}`);
      return { metrics: page, nextPageToken };
    },
    async GetLogMetric(request) {
      const { project, id, name } = parseMetricName(request.metricName);
      const metric = store.of(project).metrics.get(id);
      if (!metric) throw notFound2("Metric", name);
      return metric;
    },
    async CreateLogMetric(request) {
      const project = parseProject(request.parent, "parent");
      const given = requiredMessage(request.metric, "metric");
      const id = checkId("metric", given.name);
      const { metrics } = store.of(project);
      if (metrics.has(id)) throw alreadyExists("Metric", `${project}/metrics/${encodeURIComponent(id)}`);
      checkRoomForMetric(project, metrics.size);
      const now = store.now();
      const metric = { ...buildMetric(store, project, given, id), createTime: now, updateTime: now };
      metrics.set(id, metric);
      return metric;
    },
    async UpdateLogMetric(request) {
      const { project, id } = parseMetricName(request.metricName);
      const given = requiredMessage(request.metric, "metric");
      if (given.name !== id) {
        throw new RpcError(
          status25.INVALID_ARGUMENT,
          `metric.name "${String(given.name)}" must be "${id}", as in metricName.`
        );
      }
      checkId("metric", id);
      const { metrics } = store.of(project);
      const before = metrics.get(id);
      const now = store.now();
      const metric = {
        ...buildMetric(store, project, given, id),
        createTime: before?.createTime ?? now,
        updateTime: now
      };
      if (before)
        checkDescriptorChange(before.metricDescriptor, metric.metricDescriptor);
      else checkRoomForMetric(project, metrics.size);
      metrics.set(id, metric);
      return metric;
    },
    async DeleteLogMetric(request) {
      const { project, id, name } = parseMetricName(request.metricName);
      const { metrics } = store.of(project);
      if (!metrics.delete(id)) throw notFound2("Metric", name);
      return {};
    }
  };
}

// packages/local-cloud/src/logging/operations.ts
import { randomUUID as randomUUID5 } from "node:crypto";
import { status as status26 } from "@grpc/grpc-js";
function packAny(typeName, message) {
  const { root } = loadLoggingProto();
  const type = root.lookupType(typeName);
  const typeUrlField = "typeUrl" in root.lookupType("google.protobuf.Any").fields ? "typeUrl" : "type_url";
  return {
    [typeUrlField]: `type.googleapis.com/${typeName}`,
    value: type.encode(type.fromObject(message)).finish()
  };
}
var OperationStore = class {
  operations = /* @__PURE__ */ new Map();
  /** Records work the local cloud has already done as a done, successful operation. */
  finished(work) {
    const name = `${work.location}/operations/${randomUUID5().replaceAll("-", "")}`;
    const metadata = {
      ...work.metadata,
      startTime: work.startTime,
      endTime: work.endTime,
      state: "OPERATION_STATE_SUCCEEDED"
    };
    const operation = {
      name,
      done: true,
      metadata: packAny(work.metadataType, metadata),
      response: packAny(work.responseType, work.response),
      result: "response"
    };
    this.operations.set(name, operation);
    return operation;
  }
  get(name) {
    return this.operations.get(name);
  }
  under(location) {
    return [...this.operations.values()].filter(
      (operation) => String(operation.name).startsWith(`${location}/operations/`)
    );
  }
};
var OPERATION_NAME = /^((?:projects|organizations|folders|billingAccounts)\/[^/]+\/locations\/[^/]+)\/operations\/[^/]+$/;
function lookup5(operations, name) {
  const text = typeof name === "string" ? name : "";
  if (!OPERATION_NAME.test(text)) {
    throw new RpcError(
      status26.INVALID_ARGUMENT,
      `Invalid operation name "${text}": use "projects/[PROJECT_ID]/locations/[LOCATION_ID]/operations/[OPERATION_ID]".`
    );
  }
  const operation = operations.get(text);
  if (!operation) throw notFound2("Operation", text);
  return operation;
}
function createOperationsHandlers(operations) {
  return {
    async GetOperation(request) {
      return lookup5(operations, request.name);
    },
    async ListOperations(request) {
      const { parent, location } = parseLocation(request.name, "name");
      if (typeof request.filter === "string" && request.filter !== "") {
        throw unimplemented(LOGGING_OPERATIONS_SERVICE_NAME, "ListOperations with a filter");
      }
      const where = `${parent}/locations/${location}`;
      const { page, nextPageToken } = pageOf2(operations.under(where), request, `operations ${where}`);
      return { operations: page, nextPageToken };
    },
    async CancelOperation(request) {
      lookup5(operations, request.name);
      throw new RpcError(status26.FAILED_PRECONDITION, `Operation ${String(request.name)} is already done.`);
    }
  };
}

// packages/local-cloud/src/logging/settings-handlers.ts
import { status as status27 } from "@grpc/grpc-js";
var KMS_KEY2 = /^projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/;
function checkKmsKey(value, field) {
  const key = typeof value === "string" ? value : "";
  if (key !== "" && !KMS_KEY2.test(key)) {
    throw new RpcError(
      status27.INVALID_ARGUMENT,
      `${field} "${key}" must be projects/P/locations/L/keyRings/R/cryptoKeys/K.`
    );
  }
  return key;
}
function configurableOn(parent, kinds, what) {
  const kind = parent.split("/")[0] ?? "";
  if (!kinds.includes(kind)) {
    throw new RpcError(
      status27.INVALID_ARGUMENT,
      `${what} can only be configured on ${kinds.join(" and ")}, not on ${parent}.`
    );
  }
}
function applyMasked(current, changes, paths, checks) {
  const updated = { ...current };
  for (const path of paths) {
    const camel = path.replace(/_([a-z])/g, (_, char) => char.toUpperCase());
    updated[camel] = checks[path]?.(changes[camel]);
  }
  return updated;
}
function createSettingsHandlers(store) {
  return {
    async GetCmekSettings(request) {
      return store.of(parseParent2(request.name, "name")).cmekSettings;
    },
    async UpdateCmekSettings(request) {
      const parent = parseParent2(request.name, "name");
      configurableOn(parent, ["organizations"], "CMEK settings for the Log Router");
      const changes = requiredMessage(request.cmekSettings, "cmekSettings");
      const paths = maskPaths(request);
      checkMask(paths, ["kms_key_name"], "CmekSettings");
      const config = store.of(parent);
      config.cmekSettings = applyMasked(config.cmekSettings, changes, paths, {
        kms_key_name: (value) => checkKmsKey(value, "cmekSettings.kmsKeyName")
      });
      return config.cmekSettings;
    },
    async GetSettings(request) {
      return store.of(parseParent2(request.name, "name")).settings;
    },
    async UpdateSettings(request) {
      const parent = parseParent2(request.name, "name");
      configurableOn(parent, ["organizations", "folders"], "Log Router settings");
      const changes = requiredMessage(request.settings, "settings");
      const paths = maskPaths(request);
      checkMask(paths, ["kms_key_name", "storage_location", "disable_default_sink"], "Settings");
      const config = store.of(parent);
      config.settings = applyMasked(config.settings, changes, paths, {
        kms_key_name: (value) => checkKmsKey(value, "settings.kmsKeyName"),
        storage_location: (value) => value === "" || value === void 0 ? "" : parseLocation(`${parent}/locations/${String(value)}`, "settings.storageLocation").location,
        disable_default_sink: (value) => value === true
      });
      return config.settings;
    }
  };
}

// packages/local-cloud/src/logging/sink-handlers.ts
import { status as status28 } from "@grpc/grpc-js";
var MAX_SINKS = 200;
var UPDATABLE2 = [
  "destination",
  "filter",
  "description",
  "disabled",
  "exclusions",
  "include_children",
  "bigquery_options"
];
var DEFAULT_MASK = ["destination", "filter", "include_children"];
var DESTINATIONS = [
  [/^storage\.googleapis\.com\/[a-z0-9][a-z0-9_.-]{1,220}[a-z0-9]$/, "storage.googleapis.com/[GCS_BUCKET]"],
  [
    /^bigquery\.googleapis\.com\/projects\/[^/]+\/datasets\/[A-Za-z0-9_]{1,1024}$/,
    "bigquery.googleapis.com/projects/[PROJECT_ID]/datasets/[DATASET]"
  ],
  [
    /^pubsub\.googleapis\.com\/projects\/[^/]+\/topics\/[A-Za-z][A-Za-z0-9\-_.~+%]{2,254}$/,
    "pubsub.googleapis.com/projects/[PROJECT_ID]/topics/[TOPIC_ID]"
  ],
  [
    /^logging\.googleapis\.com\/(projects|organizations|folders|billingAccounts)\/[^/]+\/locations\/[^/]+\/buckets\/[^/]+$/,
    "logging.googleapis.com/projects/[PROJECT_ID]/locations/[LOCATION_ID]/buckets/[BUCKET_ID]"
  ],
  [/^logging\.googleapis\.com\/projects\/[^/]+$/, "logging.googleapis.com/projects/[PROJECT_ID]"]
];
function checkDestination2(value) {
  const destination3 = typeof value === "string" ? value : "";
  if (destination3 === "") throw new RpcError(status28.INVALID_ARGUMENT, "sink.destination is required.");
  if (!DESTINATIONS.some(([pattern]) => pattern.test(destination3))) {
    throw new RpcError(
      status28.INVALID_ARGUMENT,
      `Invalid sink.destination "${destination3}": use one of ${DESTINATIONS.map(([, form]) => `"${form}"`).join(", ")}.`
    );
  }
  return destination3;
}
function writerIdentityOf(parent, id, destination3, unique) {
  if (destination3.startsWith(`logging.googleapis.com/${parent}/`)) return "";
  return unique || !parent.startsWith("projects/") ? uniqueWriterIdentity(parent, id) : LEGACY_WRITER_IDENTITY;
}
function applyFields(parent, sink, changes, paths) {
  if (paths.includes("destination")) sink.destination = checkDestination2(changes.destination);
  if (paths.includes("filter")) sink.filter = checkFilter(changes.filter, "sink.filter", false);
  if (paths.includes("description"))
    sink.description = checkDescription(changes.description, "sink.description");
  if (paths.includes("disabled")) sink.disabled = changes.disabled === true;
  if (paths.includes("exclusions")) {
    const exclusions = changes.exclusions ?? [];
    sink.exclusions = exclusions.map(
      (exclusion, index) => checkExclusion(exclusion, `sink.exclusions[${index}]`)
    );
  }
  if (paths.includes("include_children")) {
    if (changes.includeChildren === true && !/^(organizations|folders)\//.test(parent)) {
      throw new RpcError(
        status28.INVALID_ARGUMENT,
        "sink.includeChildren applies only to organization and folder sinks."
      );
    }
    sink.includeChildren = changes.includeChildren === true;
  }
  if (paths.includes("bigquery_options")) {
    const options = changes.bigqueryOptions;
    if (options && !String(sink.destination).startsWith("bigquery.googleapis.com/")) {
      throw new RpcError(
        status28.INVALID_ARGUMENT,
        "sink.bigqueryOptions applies only to a BigQuery destination."
      );
    }
    sink.bigqueryOptions = options ? {
      usePartitionedTables: options.usePartitionedTables === true,
      usesTimestampColumnPartitioning: false
    } : null;
  }
}
function lookup6(store, sinkName) {
  const { parent, id } = parseChild(sinkName, "sinkName", "sinks");
  const { sinks } = store.of(parent);
  if (!sinks.has(id)) throw notFound2("Sink", String(sinkName));
  return { sinks, parent, id };
}
function refuseRequired(id, what) {
  if (id === "_Required") {
    throw new RpcError(
      status28.FAILED_PRECONDITION,
      `The _Required sink cannot be ${what}: it routes audit logs.`
    );
  }
}
function createSinkHandlers(store) {
  return {
    async ListSinks(request) {
      const parent = parseParent2(request.parent, "parent");
      const all = sortedValues(store.of(parent).sinks).map((state) => state.sink);
      const { page, nextPageToken } = pageOf2(all, request, `sinks ${parent}`);
      return { sinks: page, nextPageToken };
    },
    async GetSink(request) {
      const { sinks, id } = lookup6(store, request.sinkName);
      return sinks.get(id).sink;
    },
    async CreateSink(request) {
      const parent = parseParent2(request.parent, "parent");
      const changes = requiredMessage(request.sink, "sink");
      const id = checkId("sink", changes.name);
      const { sinks } = store.of(parent);
      if (sinks.has(id)) throw alreadyExists("Sink", `${parent}/sinks/${id}`);
      if (sinks.size >= MAX_SINKS) {
        throw new RpcError(
          status28.RESOURCE_EXHAUSTED,
          `${parent} already has ${MAX_SINKS} sinks: delete one first.`
        );
      }
      const sink = { name: id, filter: "", description: "", disabled: false, exclusions: [] };
      applyFields(parent, sink, changes, UPDATABLE2);
      const unique = request.uniqueWriterIdentity === true;
      const now = store.now();
      Object.assign(sink, {
        writerIdentity: writerIdentityOf(parent, id, sink.destination, unique)
      });
      Object.assign(sink, { createTime: now, updateTime: now });
      sinks.set(id, { sink, uniqueWriterIdentity: unique });
      return sink;
    },
    async UpdateSink(request) {
      const { sinks, parent, id } = lookup6(store, request.sinkName);
      refuseRequired(id, "changed");
      const changes = requiredMessage(request.sink, "sink");
      if (changes.name !== id) {
        throw new RpcError(
          status28.INVALID_ARGUMENT,
          `sink.name "${String(changes.name)}" must be "${id}", as in sinkName.`
        );
      }
      const paths = maskPaths(request);
      checkMask(paths, UPDATABLE2, "sink");
      const state = sinks.get(id);
      const unique = request.uniqueWriterIdentity === true;
      if (state.uniqueWriterIdentity && !unique) {
        throw new RpcError(
          status28.INVALID_ARGUMENT,
          `Sink ${id} has a unique writer identity: uniqueWriterIdentity cannot go back to false; send true.`
        );
      }
      const sink = { ...state.sink };
      applyFields(parent, sink, changes, paths.length > 0 ? paths : DEFAULT_MASK);
      const keepsIdentity = state.uniqueWriterIdentity === unique && sink.destination === state.sink.destination;
      sink.writerIdentity = keepsIdentity ? state.sink.writerIdentity : writerIdentityOf(parent, id, sink.destination, unique);
      sink.updateTime = store.now();
      sinks.set(id, { sink, uniqueWriterIdentity: unique });
      return sink;
    },
    async DeleteSink(request) {
      const { sinks, id } = lookup6(store, request.sinkName);
      refuseRequired(id, "deleted");
      if (id === "_Default") {
        throw new RpcError(
          status28.FAILED_PRECONDITION,
          "The _Default sink cannot be deleted: disable it instead."
        );
      }
      sinks.delete(id);
      return {};
    }
  };
}

// packages/local-cloud/src/logging/view-handlers.ts
import { status as status29 } from "@grpc/grpc-js";
var MAX_VIEWS = 30;
var UPDATABLE3 = ["description", "filter"];
var VIEW_FUNCTIONS = /* @__PURE__ */ new Set(["source", "log_id"]);
function refuse(filter, problem) {
  return new RpcError(
    status29.INVALID_ARGUMENT,
    `Invalid view.filter "${filter}": ${problem} A view filter is an AND of SOURCE("projects/P"), LOG_ID("id") and resource.type = "type" terms, each possibly negated.`
  );
}
function checkTerm(node, filter) {
  const term = node.type === "not" ? node.item : node;
  if (term.type === "function") {
    const [argument] = term.args;
    if (!VIEW_FUNCTIONS.has(term.name.toLowerCase()) || term.args.length !== 1 || argument?.type !== "literal") {
      throw refuse(filter, `${term.name}() with these arguments is not allowed.`);
    }
    return;
  }
  if (term.type === "comparison") {
    const path = term.field.segments.join(".");
    if (path !== "resource.type" || term.comparator !== "=" && term.comparator !== "!=" || term.value.type !== "literal") {
      throw refuse(filter, `"${path} ${term.comparator}" is not allowed.`);
    }
    return;
  }
  throw refuse(filter, "OR, nested NOT and free text are not allowed.");
}
function checkViewFilter(value) {
  const filter = typeof value === "string" ? value : "";
  const tree = parseLogFilter(filter);
  if (tree === null) return filter;
  for (const term of tree.type === "and" ? tree.items : [tree]) checkTerm(term, filter);
  return filter;
}
function lookup7(store, name) {
  const { bucket, id } = parseBucketChild(name, "name", "views");
  const { views: views2 } = findBucket(store, bucket);
  if (!views2.has(id)) throw notFound2("View", String(name));
  return { views: views2, id };
}
function refuseBuiltIn(id, what) {
  if (id.startsWith("_"))
    throw new RpcError(status29.FAILED_PRECONDITION, `The built-in view ${id} cannot be ${what}.`);
}
function createViewHandlers(store) {
  return {
    async ListViews(request) {
      const { views: views2, bucket } = findBucket(store, request.parent, "parent");
      const { page, nextPageToken } = pageOf2(sortedValues(views2), request, `views ${String(bucket.name)}`);
      return { views: page, nextPageToken };
    },
    async GetView(request) {
      const { views: views2, id } = lookup7(store, request.name);
      return views2.get(id);
    },
    async CreateView(request) {
      const { views: views2, bucket } = activeBucket(store, request.parent, "parent");
      const id = checkId("view", request.viewId);
      const changes = requiredMessage(request.view, "view");
      const name = `${String(bucket.name)}/views/${id}`;
      if (views2.has(id)) throw alreadyExists("View", name);
      if (views2.size >= MAX_VIEWS) {
        throw new RpcError(
          status29.RESOURCE_EXHAUSTED,
          `Bucket ${String(bucket.name)} already has ${MAX_VIEWS} views.`
        );
      }
      const now = store.now();
      const view = {
        name,
        description: checkDescription(changes.description, "view.description"),
        filter: checkViewFilter(changes.filter),
        createTime: now,
        updateTime: now
      };
      views2.set(id, view);
      return view;
    },
    async UpdateView(request) {
      const { views: views2, id } = lookup7(store, request.name);
      refuseBuiltIn(id, "changed");
      const changes = requiredMessage(request.view, "view");
      const paths = maskPaths(request);
      checkMask(paths, UPDATABLE3, "log view");
      const view = { ...views2.get(id) };
      if (paths.includes("description"))
        view.description = checkDescription(changes.description, "view.description");
      if (paths.includes("filter")) view.filter = checkViewFilter(changes.filter);
      if (paths.length > 0) view.updateTime = store.now();
      views2.set(id, view);
      return view;
    },
    async DeleteView(request) {
      const { views: views2, id } = lookup7(store, request.name);
      refuseBuiltIn(id, "deleted");
      views2.delete(id);
      return {};
    }
  };
}

// packages/local-cloud/src/logging/config-service.ts
function createLoggingConfig(clock) {
  const store = new ConfigStore(clock);
  const operations = new OperationStore();
  return {
    store,
    services: {
      [LOGGING_CONFIG_SERVICE_NAME]: {
        ...createSinkHandlers(store),
        ...createExclusionHandlers(store),
        ...createBucketHandlers(store, operations),
        ...createViewHandlers(store),
        ...createLinkHandlers(store, operations),
        ...createSettingsHandlers(store)
      },
      [LOGGING_METRICS_SERVICE_NAME]: createMetricHandlers(store),
      [LOGGING_OPERATIONS_SERVICE_NAME]: createOperationsHandlers(operations)
    }
  };
}

// packages/local-cloud/src/logging/log-record.ts
var DTS_RESOURCE_TYPE = "bigquery_dts_config";
function dtsLogName(projectId) {
  return `projects/${projectId}/logs/bigquerydatatransfer.googleapis.com%2Ftransfer_config`;
}
function parentOf(logName) {
  return logName.slice(0, logName.indexOf("/logs/"));
}
function recordFromTransferLog(entry, sequence, received) {
  const timestampNanos = dateToNanos(entry.time);
  const receiveNanos = dateToNanos(received);
  return {
    entry: {
      logName: dtsLogName(entry.projectId),
      resource: {
        type: DTS_RESOURCE_TYPE,
        labels: { project_id: entry.projectId, config_id: entry.configId, location: entry.location }
      },
      labels: { run_id: entry.runId },
      severity: entry.severity,
      timestamp: nanosToTimestamp(timestampNanos),
      receiveTimestamp: nanosToTimestamp(receiveNanos),
      insertId: `dts${sequence.toString(36).padStart(8, "0")}`,
      payload: "jsonPayload",
      jsonPayload: { fields: { message: { stringValue: entry.message, kind: "stringValue" } } }
    },
    timestampNanos,
    receiveNanos,
    sequence
  };
}
function recordToEntry(record) {
  return { ...record.entry };
}

// packages/local-cloud/src/logging/log-store.ts
import { status as status30 } from "@grpc/grpc-js";
var DEFAULT_RETENTION_DAYS = 30;
var DAY_NANOS = 86400n * 1000000000n;
var LogStore = class {
  constructor(clock = () => /* @__PURE__ */ new Date(), retentionDays = DEFAULT_RETENTION_DAYS) {
    this.clock = clock;
    this.retentionDays = retentionDays;
  }
  clock;
  retentionDays;
  records = [];
  listeners = /* @__PURE__ */ new Set();
  /** `parent|timestamp|insertId` of every stored record: Logging's duplicate key. */
  keys = /* @__PURE__ */ new Set();
  /** Per log: entries timestamped before this were deleted, and arrive deleted. */
  deletedBefore = /* @__PURE__ */ new Map();
  sequence = 0;
  append(entry) {
    this.sequence += 1;
    this.store(recordFromTransferLog(entry, this.sequence, this.clock()));
  }
  /** Stores WriteLogEntries drafts in order; returns how many were new (not duplicates). */
  write(drafts) {
    const receiveNanos = dateToNanos(this.clock());
    let stored = 0;
    for (const draft of drafts) {
      this.sequence += 1;
      const fallbackId = `w${this.sequence.toString(36).padStart(11, "0")}`;
      if (this.store(recordOfDraft(draft, receiveNanos, this.sequence, fallbackId))) stored += 1;
    }
    return stored;
  }
  /** Calls `listener` with every record stored from now on; returns the unsubscribe. */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  store(record) {
    const key = duplicateKey(record);
    if (this.keys.has(key)) return false;
    const deletedBefore = this.deletedBefore.get(record.entry.logName);
    if (deletedBefore !== void 0 && record.timestampNanos < deletedBefore) return false;
    this.keys.add(key);
    this.records.push(record);
    for (const listener of this.listeners) {
      try {
        listener(record);
      } catch {
        this.listeners.delete(listener);
      }
    }
    return true;
  }
  get size() {
    return this.records.length;
  }
  /** Whether ListLogEntries and tails show the record now (retention and future limits). */
  visible(record) {
    const now = dateToNanos(this.clock());
    const oldest = now - BigInt(this.retentionDays) * DAY_NANOS;
    return record.timestampNanos >= oldest && record.timestampNanos <= now + DAY_NANOS;
  }
  list(query) {
    const parents = validateResourceNames(query.resourceNames);
    const matches2 = compileLogFilter(query.filter ?? "");
    const descending = parseOrderBy(query.orderBy ?? "");
    const pageSize = validatePageSize(query.pageSize ?? 0);
    const key = JSON.stringify([query.resourceNames, query.orderBy ?? ""]);
    const offset = decodePageToken(query.pageToken ?? "", key);
    const selected = this.records.filter((record) => parents.includes(parentOf(record.entry.logName))).filter((record) => this.visible(record) && matches2(record)).sort(compareRecords);
    if (descending) selected.reverse();
    const records = selected.slice(offset, offset + pageSize);
    const next = offset + records.length;
    return { records, nextPageToken: next < selected.length ? encodePageToken(next, key) : "" };
  }
  /** The names of the logs that hold visible entries under `parents`, sorted. */
  logNames(parents) {
    const names = /* @__PURE__ */ new Set();
    for (const record of this.records) {
      if (parents.includes(parentOf(record.entry.logName)) && this.visible(record))
        names.add(record.entry.logName);
    }
    return [...names].sort();
  }
  /** Deletes every entry of `logName`, and those that arrive later timestamped before now. */
  deleteLog(logName) {
    const kept = this.records.filter((record) => record.entry.logName !== logName);
    if (kept.length === this.records.length) {
      throw new RpcError(status30.NOT_FOUND, `Log ${logName} does not exist (it holds no entries).`);
    }
    for (const record of this.records) {
      if (record.entry.logName === logName) this.keys.delete(duplicateKey(record));
    }
    this.records = kept;
    this.deletedBefore.set(logName, dateToNanos(this.clock()));
  }
};
function duplicateKey(record) {
  return `${parentOf(record.entry.logName)}|${record.timestampNanos}|${record.entry.insertId}`;
}
function recordOfDraft(draft, receiveNanos, sequence, fallbackId) {
  const { timestampNanos = receiveNanos, insertId, ...fields } = draft;
  const entry = {
    ...fields,
    timestamp: nanosToTimestamp(timestampNanos),
    receiveTimestamp: nanosToTimestamp(receiveNanos),
    insertId: insertId || fallbackId
  };
  return { entry, timestampNanos, receiveNanos, sequence };
}
function compareRecords(a, b) {
  if (a.timestampNanos !== b.timestampNanos) return a.timestampNanos < b.timestampNanos ? -1 : 1;
  if (a.entry.insertId !== b.entry.insertId) return a.entry.insertId < b.entry.insertId ? -1 : 1;
  return a.sequence - b.sequence;
}

// packages/local-cloud/src/logging/entry-routing.ts
function createEntryRouter(store) {
  const compiled = /* @__PURE__ */ new Map();
  const predicate = (filter) => {
    let compiledFilter = compiled.get(filter);
    if (!compiledFilter) {
      compiledFilter = compileLogFilter(filter);
      compiled.set(filter, compiledFilter);
    }
    return compiledFilter;
  };
  const excludedBy = (exclusions, record) => exclusions.some(
    (exclusion) => exclusion.disabled !== true && predicate(String(exclusion.filter))(record)
  );
  function routed(config, record) {
    const listed = [
      `logging.googleapis.com/${config.parent}/locations/global/buckets/_Default`,
      `logging.googleapis.com/${config.parent}/locations/global/buckets/_Required`
    ];
    for (const [id, { sink }] of config.sinks) {
      if (sink.disabled === true || !listed.includes(String(sink.destination))) continue;
      if (!predicate(String(sink.filter ?? ""))(record)) continue;
      if (id === "_Required") return true;
      if (excludedBy(sink.exclusions ?? [], record)) continue;
      if (id === "_Default" && excludedBy([...config.exclusions.values()], record)) continue;
      return true;
    }
    return false;
  }
  return (drafts) => {
    const receiveNanos = dateToNanos(store.clock());
    return drafts.filter((draft) => {
      const config = store.peek(parentOf(draft.logName));
      return config === void 0 || routed(config, recordOf(draft, receiveNanos));
    });
  };
}
function recordOf(draft, receiveNanos) {
  return recordOfDraft(draft, receiveNanos, 0, "");
}

// packages/local-cloud/src/logging/handlers.ts
import { status as status32 } from "@grpc/grpc-js";

// packages/local-cloud/src/logging/resource-descriptors.ts
var projectLabel = {
  key: "project_id",
  valueType: "STRING",
  description: 'The identifier of the Google Cloud project associated with this resource, such as "my-project".'
};
var RESOURCE_DESCRIPTORS = [
  {
    name: "monitoredResourceDescriptors/bigquery_dts_config",
    type: "bigquery_dts_config",
    displayName: "BigQuery DTS Config",
    description: "A BigQuery Data Transfer Service transfer configuration.",
    labels: [
      projectLabel,
      { key: "location", valueType: "STRING", description: "The location of the transfer configuration." },
      { key: "config_id", valueType: "STRING", description: "The ID of the transfer configuration." }
    ],
    launchStage: "GA"
  },
  {
    name: "monitoredResourceDescriptors/global",
    type: "global",
    displayName: "Global",
    description: "A resource type that is not associated with any specific resource.",
    labels: [projectLabel],
    launchStage: "GA"
  }
];

// packages/local-cloud/src/logging/write-entries.ts
import { status as status31 } from "@grpc/grpc-js";
var MAX_ENTRY_BYTES = 256 * 1024;
var LOG_NAME = /^((?:projects|organizations|folders|billingAccounts)\/[^/]+)\/logs\/([^/]+)$/;
var LOG_ID_CHARACTERS = /^[A-Za-z0-9/_\-.]+$/;
var OPTIONAL_MESSAGES = ["httpRequest", "operation", "sourceLocation", "split"];
function checkLogName(logName, where) {
  const match = LOG_NAME.exec(logName);
  let logId = "";
  try {
    logId = decodeURIComponent(match?.[2] ?? "");
  } catch {
  }
  if (!match || logId.length >= 512 || !LOG_ID_CHARACTERS.test(logId)) {
    throw new RpcError(
      status31.INVALID_ARGUMENT,
      `${where} "${logName}" is invalid: use "projects/PROJECT_ID/logs/LOG_ID" with LOG_ID under 512 characters of letters, digits, "_", "-", "." and "/" (written URL-encoded as %2F).`
    );
  }
  return logName;
}
function entrySize(entry) {
  return JSON.stringify(
    entry,
    (_, value) => value instanceof Uint8Array ? "x".repeat(value.length) : value
  ).length;
}
function draftOf(entry, index, request) {
  const where = `entries[${index}]`;
  const logName = checkLogName(
    entry.logName || request.logName || "",
    `${where}.logName`
  );
  const ownResource = entry.resource;
  const resource2 = ownResource?.type ? ownResource : request.resource;
  if (!resource2?.type) {
    throw new RpcError(status31.INVALID_ARGUMENT, `${where}.resource is required (e.g. {type: "global"}).`);
  }
  const size = entrySize(entry);
  if (size > MAX_ENTRY_BYTES) {
    throw new RpcError(
      status31.INVALID_ARGUMENT,
      `${where} is ${size} bytes; Cloud Logging accepts entries of at most ${MAX_ENTRY_BYTES} bytes.`
    );
  }
  const draft = {
    logName,
    resource: { type: resource2.type, labels: { ...resource2.labels ?? {} } },
    labels: { ...request.labels ?? {}, ...entry.labels ?? {} },
    severity: entry.severity ?? "DEFAULT",
    timestampNanos: timestampToNanos(entry.timestamp),
    insertId: entry.insertId ?? "",
    ...payloadOf(entry)
  };
  for (const name of OPTIONAL_MESSAGES) {
    const value = entry[name];
    if (value !== null && value !== void 0) draft[name] = value;
  }
  if (entry.trace) draft.trace = entry.trace;
  if (entry.spanId) draft.spanId = entry.spanId;
  if (entry.traceSampled === true) draft.traceSampled = true;
  return draft;
}
function payloadOf(entry) {
  const member = entry.payload;
  if (member === "jsonPayload")
    return { payload: member, jsonPayload: entry.jsonPayload };
  if (member === "protoPayload") {
    return { payload: member, protoPayload: entry.protoPayload };
  }
  if (member === "textPayload" || typeof entry.textPayload === "string") {
    return { payload: "textPayload", textPayload: entry.textPayload ?? "" };
  }
  return {};
}
function checkEntries(request) {
  const entries = request.entries ?? [];
  if (entries.length === 0) {
    throw new RpcError(status31.INVALID_ARGUMENT, "entries: at least one log entry is required.");
  }
  const drafts = [];
  const errors = [];
  entries.forEach((entry, index) => {
    try {
      drafts.push(draftOf(entry, index, request));
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      errors.push(error.message);
    }
  });
  return { drafts, errors };
}

// packages/local-cloud/src/logging/handlers.ts
function pageOf3(items, request, key) {
  const pageSize = Number(request.pageSize ?? 0);
  const token = request.pageToken ?? "";
  return pageFromToken(items, token, pageSize > 0 ? pageSize : void 0, key);
}
function encodedLogName(logName) {
  const index = logName.indexOf("/logs/");
  if (index < 0) return logName;
  const logId = logName.slice(index + 6);
  return logId.includes("/") ? `${logName.slice(0, index)}/logs/${encodeURIComponent(logId)}` : logName;
}
function createLoggingHandlers(store, route) {
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
      const write2 = request;
      const { drafts, errors } = checkEntries(write2);
      if (errors.length > 0 && !write2.partialSuccess) {
        throw new RpcError(status32.INVALID_ARGUMENT, `Nothing was written. ${errors.join(" ")}`);
      }
      if (!write2.dryRun) store.write(route ? route(drafts) : drafts);
      if (errors.length > 0) {
        throw new RpcError(
          status32.INVALID_ARGUMENT,
          `${drafts.length} of ${drafts.length + errors.length} entries were written (partialSuccess); refused: ${errors.join(" ")}`
        );
      }
      return {};
    },
    async ListLogs(request) {
      const parent = validateParent(request.parent ?? "");
      const extra = request.resourceNames ?? [];
      const parents = validateResourceNames([parent, ...extra]);
      const { page, nextPageToken } = pageOf3(store.logNames(parents), request, JSON.stringify(parents));
      return { logNames: page, nextPageToken };
    },
    async DeleteLog(request) {
      const logName = encodedLogName(request.logName ?? "");
      store.deleteLog(checkLogName(logName, "logName"));
      return {};
    },
    async ListMonitoredResourceDescriptors(request) {
      const { page, nextPageToken } = pageOf3(RESOURCE_DESCRIPTORS, request, "descriptors");
      return { resourceDescriptors: page, nextPageToken };
    }
  };
}

// packages/local-cloud/src/logging/tail.ts
import { Metadata as Metadata3, status as status33 } from "@grpc/grpc-js";
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
  start(store, parents, matches2, windowMs) {
    this.call.sendMetadata(new Metadata3());
    this.unsubscribe = store.subscribe((record) => {
      if (this.closed) return;
      if (!parents.includes(parentOf(record.entry.logName))) return;
      if (!store.visible(record) || !matches2(record)) return;
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
      const records = due.map((p) => p.record).sort(compareRecords);
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
      status33.INVALID_ARGUMENT,
      `buffer_window must be between 0 and ${MAX_BUFFER_WINDOW_MS / 1e3} seconds, got ${ms / 1e3}s.`
    );
  }
  return ms;
}
function createTailService(options) {
  const maxSessions = options.maxSessions ?? DEFAULT_MAX_TAIL_SESSIONS;
  const sessions = /* @__PURE__ */ new Map();
  const openIn = (parent) => [...sessions.values()].filter((parents) => parents.includes(parent)).length;
  const handler = (call) => {
    let session;
    call.once("data", (request) => {
      try {
        const parents = validateResourceNames(request.resourceNames ?? []);
        const matches2 = compileLogFilter(request.filter ?? "");
        const windowMs = bufferWindowMs(request.bufferWindow);
        const full = parents.find((parent) => openIn(parent) >= maxSessions);
        if (full) {
          throw new RpcError(
            status33.RESOURCE_EXHAUSTED,
            `Quota exceeded: at most ${maxSessions} live tailing sessions may be open at once in ${full}; close a session (or read with ListLogEntries) and try again.`
          );
        }
        const opened = new TailSession(call, () => sessions.delete(opened));
        session = opened;
        sessions.set(opened, parents);
        opened.start(options.store, parents, matches2, windowMs);
      } catch (error) {
        const rpcError = error instanceof RpcError ? error : new RpcError(status33.INTERNAL, `Internal error: ${String(error)}`);
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
      for (const session of [...sessions.keys()]) {
        session.fail(new RpcError(status33.UNAVAILABLE, "The local Cloud Logging is shutting down."));
      }
    }
  };
}

// packages/local-cloud/src/logging/index.ts
function loggingMixins() {
  return [...loadLoggingMixinProtos(), loadLoggingOperationsProto()];
}
async function startLoggingEmulator(options) {
  if (!options.projectId) throw new Error("startLoggingEmulator needs a projectId.");
  const store = new LogStore(options.clock);
  const config = createLoggingConfig(options.clock);
  const handlers = createLoggingHandlers(store, createEntryRouter(config.store));
  const tail = createTailService({ store, maxSessions: options.maxTailSessions });
  const server = await startGrpcServer({
    proto: loadLoggingProto(),
    handlers,
    streamHandlers: { TailLogEntries: tail.handler },
    // Logging clients call sinks, buckets, views, exclusions, metrics and operations here.
    mixins: loggingMixins().map((proto) => ({ proto, handlers: config.services[proto.serviceName] ?? {} })),
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
    services: config.services,
    store,
    openTailSessions: tail.openSessions,
    stop: async () => {
      tail.stop();
      await server.stop();
    }
  };
}
function startLoggingRestGateway(options) {
  return startRestGateway({
    root: loadLoggingProto().root,
    serviceName: LOGGING_SERVICE_NAME,
    handlers: options.handlers,
    mixins: loggingMixins().map(({ root, serviceName }) => ({
      root,
      serviceName,
      handlers: options.services[serviceName] ?? {}
    })),
    faults: options.faults,
    faultService: "logging",
    host: options.host,
    port: options.port
  });
}

// packages/local-cloud/src/s3/backdate.ts
import { readdir, utimes } from "node:fs/promises";
import { join as join5 } from "node:path";
var OBJECT_FILE_SUFFIX = "._S3rver_object";
async function backdateObjects(dataDir, landedAt) {
  let count = 0;
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(OBJECT_FILE_SUFFIX)) continue;
    await utimes(join5(entry.parentPath, entry.name), landedAt, landedAt);
    count++;
  }
  return count;
}

// packages/local-cloud/src/s3/index.ts
import {
  createServer as createServer2,
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
  const joined2 = Array.isArray(value) ? value.join(",") : value ?? "";
  return joined2.trim().replace(/\s+/g, " ");
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
  const counts2 = {};
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
      await callBackend("GET", v2.v1Url, headers, void 0, res, (status34, answerHeaders, data) => {
        const body = status34 === 200 ? Buffer.from(toV2Body(data.toString("utf8"), v2), "utf8") : data;
        res.writeHead(status34, { ...answerHeaders, "content-length": String(body.length) });
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
    counts2[target.operation] = (counts2[target.operation] ?? 0) + 1;
    const fault = options.faults.take("s3", target.operation);
    if (fault?.kind === "hang") return;
    if (fault?.kind === "latency") await new Promise((resolve) => setTimeout(resolve, fault.latencyMs ?? 0));
    if (fault?.kind === "error") {
      const status34 = fault.code ?? 503;
      req.resume();
      sendS3Error(res, method, {
        status: status34,
        code: status34 === 503 ? "SlowDown" : status34 === 403 ? "AccessDenied" : "InternalError",
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
  const front = createServer2((req, res) => {
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
    requestCounts: () => ({ ...counts2 }),
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
  const dataDir = options.dataDir ?? await mkdtemp2(join6(tmpdir2(), "s3bq-local-cloud-"));
  const stoppers = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch(() => void 0);
    stoppers.length = 0;
    if (ownDataDir) await rm3(dataDir, { recursive: true, force: true });
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
        mixins: [{ root: loadLocationsProto().root, serviceName: LOCATIONS_SERVICE_NAME, handlers: {} }],
        faults,
        faultService: "dts",
        host: HOST
      }).then(track),
      startLoggingRestGateway({
        handlers: logging.handlers,
        services: logging.services,
        faults,
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
      ageConfigs: (ageMs) => dts.ageConfigs(ageMs),
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
  startLoggingRestGateway,
  startS3Emulator
};
