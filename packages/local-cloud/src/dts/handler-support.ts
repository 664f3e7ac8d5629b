// What the DTS handlers share: their dependencies, DTS's error shapes, timestamps, and
// finding a config or run by name. A name under another location than the resource's is
// not found, as in the real service (configs live in one location).
import { status } from '@grpc/grpc-js';
import { RpcError } from '../log-contract.js';
import type { Warehouse } from '../warehouse-contract.js';
import type { DtsStore, StoredConfig, StoredRun } from './dts-store.js';
import { type ConfigName, parseConfigName, parseRunName } from './resource-names.js';
import type { RunExecutor } from './run-executor.js';

export interface DtsHandlerDeps {
  store: DtsStore;
  warehouse: Warehouse;
  executor: RunExecutor;
  clock: () => Date;
}

export type Message = Record<string, unknown>;

export const MAX_PAGE_SIZE = 1000;
const ENTITY_NOT_FOUND = 'Requested entity was not found.';

export const invalid = (message: string): RpcError => new RpcError(status.INVALID_ARGUMENT, message);
export const notFound = (): RpcError => new RpcError(status.NOT_FOUND, ENTITY_NOT_FOUND);

export function fromTimestamp(value: unknown): Date | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { seconds, nanos } = value as { seconds?: string | number; nanos?: number };
  if (seconds === undefined) return undefined;
  return new Date(Number(seconds) * 1000 + Math.floor((nanos ?? 0) / 1_000_000));
}

/** The config a parsed name designates, only under the config's own project and location. */
function configAt(store: DtsStore, name: ConfigName): StoredConfig {
  const config = store.getConfig(name.projectId, name.configId);
  if (!config || config.name.location !== name.location) throw notFound();
  return config;
}

export function requireConfig(store: DtsStore, name: unknown): StoredConfig {
  return configAt(store, parseConfigName(name));
}

/** A run exists only under its config, so the config must be found where the name says first. */
export function requireRun(store: DtsStore, name: unknown): StoredRun {
  const parsed = parseRunName(name);
  configAt(store, parsed);
  const run = store.getRun(parsed.configId, parsed.runId);
  if (!run) throw notFound();
  return run;
}
