import {
  parseConfigName
} from "./chunk-RI6YYD3P.js";

// src/lifecycle/janitor.ts
function findLeftovers(configs, now, olderThanMs) {
  return configs.filter((config) => {
    if (parseConfigName(config.displayName)?.kind !== "tick") return false;
    if (!config.updateTime) return false;
    return now.getTime() - config.updateTime.getTime() >= olderThanMs;
  });
}
export {
  findLeftovers
};
