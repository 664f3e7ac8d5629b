import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  clean,
  groupByKey,
  parseConfigName,
  pickAppendConfig
} from "./chunk-7FRAMADU.js";
import {
  DEFAULT_APPEND_RETENTION_DAYS,
  DateTime
} from "./chunk-VQA6TWGF.js";
import "./chunk-TORVRQCF.js";

// src/lifecycle/janitor.ts
function retentionByDestination(tables, projectId) {
  return new Map(
    tables.filter((spec) => spec.writeDisposition === "WRITE_APPEND").map((spec) => [clean(`${spec.project ?? projectId}.${spec.dataset}.${spec.table}`), spec])
  );
}
var inFlight = (config) => config.state === "PENDING" || config.state === "RUNNING";
function findRetirable(configs, retention, now, olderThanMs) {
  const keep = new Set(
    [...groupByKey(configs).values()].map((group) => pickAppendConfig(group)?.name).filter(Boolean)
  );
  return configs.flatMap((config) => {
    const mark = parseConfigName(config.displayName);
    if (!mark || inFlight(config)) return [];
    const idleMs = config.updateTime ? now.getTime() - config.updateTime.getTime() : void 0;
    const idle = idleMs !== void 0 && idleMs >= olderThanMs;
    if (mark.kind === "tick")
      return idle ? [{ config, why: "left behind by a run that did not clean up" }] : [];
    if (!retention) return [];
    if (mark.kind === "legacy-append") {
      return [{ config, why: "a WRITE_APPEND table config from before configs were per partition" }];
    }
    if (!keep.has(config.name)) {
      return idle && config.state === "UNSPECIFIED" ? [{ config, why: "a duplicate that lost to the config every process keeps" }] : [];
    }
    const rule = retention.get(mark.destination);
    const kept = (rule ? Math.max(1, rule.lookbackDays) : 0) + (rule?.appendRetentionDays ?? DEFAULT_APPEND_RETENTION_DAYS);
    const today = DateTime.fromJSDate(now, { zone: rule?.timezone ?? "UTC" }).startOf("day");
    const day = DateTime.fromFormat(mark.partition.slice(0, 8), "yyyyLLdd", {
      zone: rule?.timezone ?? "UTC"
    });
    if (!day.isValid || day >= today.minus({ days: kept })) return [];
    const whose = rule ? `its table's lookback plus ${rule.appendRetentionDays} day(s)` : `${kept} days, and no table file loads it any more`;
    return [{ config, why: `partition ${mark.partition} is older than ${whose}` }];
  });
}
export {
  findRetirable,
  retentionByDestination
};
