// Step 3a: the transfer config a table's runs hang on. A WRITE_TRUNCATE table gets a fresh
// on-demand config per tick (deleted at the end). A WRITE_APPEND table keeps one
// long-lived config, found by its display name, updated when the table file changed and
// never deleted by a tick: DTS only skips files already loaded within the same config.
import type { DtsFace, TransferConfigInfo, TransferConfigInput } from '../cloud/dts.js';
import type { TableSpec } from '../tables/types.js';
import { appendConfigName } from './config-naming.js';

export interface ConfigHandle {
  name: string;
  displayName: string;
  /** True when this tick created it and must delete it. */
  ephemeral: boolean;
  created: boolean;
}

export function configInput(
  spec: TableSpec,
  displayName: string,
  params: Record<string, string>,
): TransferConfigInput {
  return { displayName, destinationDatasetId: spec.dataset, params };
}

export async function createTickConfig(
  dts: DtsFace,
  input: TransferConfigInput,
  signal?: AbortSignal,
): Promise<ConfigHandle> {
  const config = await dts.createConfig(input, signal);
  return { name: config.name, displayName: input.displayName, ephemeral: true, created: true };
}

function sameParams(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

export function configMatches(config: TransferConfigInfo, input: TransferConfigInput): boolean {
  return (
    config.destinationDatasetId === input.destinationDatasetId && sameParams(config.params, input.params)
  );
}

export async function ensureAppendConfig(
  dts: DtsFace,
  spec: TableSpec,
  params: Record<string, string>,
  signal?: AbortSignal,
): Promise<ConfigHandle> {
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
