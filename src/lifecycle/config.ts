// Step 3: the transfer config a partition's run hangs on, carrying the partition's claim
// in the quota queue. A WRITE_TRUNCATE partition gets a config of its own for this run
// (deleted after it). A WRITE_APPEND partition keeps one long-lived config per destination
// partition and source, found by its key (config-naming.ts): DTS appends only files
// modified since that config's last successful run, so the config must be the same one on
// every tick and backfill, whoever runs it, whatever the table file is called.
import type { DtsFace, TransferConfigInfo, TransferConfigInput } from '../cloud/dts.js';
import type { PartitionPlan } from '../plan/types.js';
import {
  appendConfigKey,
  appendConfigName,
  type Claim,
  parseConfigName,
  stripClaim,
  tickConfigName,
  withClaim,
} from './config-naming.js';
import type { TableContext } from './context.js';
import type { TableTarget } from './table.js';
import { type AwsKeys, dataPathOf, loadParams, transferParams } from './transfer-params.js';

export interface PartitionConfig {
  name: string;
  /** The display name without a claim: where renewed claims are written. */
  baseName: string;
  /** Created for this run, deleted after it (WRITE_TRUNCATE). */
  ephemeral: boolean;
  created: boolean;
  /** WRITE_APPEND: the key every config of this destination partition and source shares. */
  appendKey?: string | undefined;
}

/** The append configs that exist, listed once per table and grouped by key. */
export class AppendConfigIndex {
  private byKey: Promise<Map<string, TransferConfigInfo[]>> | undefined;

  constructor(private readonly dts: Pick<DtsFace, 'listConfigs'>) {}

  async find(key: string, signal: AbortSignal): Promise<TransferConfigInfo[]> {
    this.byKey ??= this.dts.listConfigs(signal).then(groupByKey);
    return (await this.byKey).get(key) ?? [];
  }
}

export function groupByKey(configs: readonly TransferConfigInfo[]): Map<string, TransferConfigInfo[]> {
  const groups = new Map<string, TransferConfigInfo[]>();
  for (const config of configs) {
    const mark = parseConfigName(config.displayName);
    if (mark?.kind !== 'append') continue;
    groups.set(mark.key, [...(groups.get(mark.key) ?? []), config]);
  }
  return groups;
}

/**
 * The one config of a key every process keeps: one that has run already, else the first
 * created (by the creation time in its name), else the smallest name. All processes see
 * the same list, so all pick the same one.
 */
export function pickAppendConfig(candidates: readonly TransferConfigInfo[]): TransferConfigInfo | undefined {
  const rank = (config: TransferConfigInfo) => {
    const mark = parseConfigName(config.displayName);
    const created = mark?.kind === 'append' ? mark.createdAtMs : Number.MAX_SAFE_INTEGER;
    return { ran: config.state === 'UNSPECIFIED' ? 1 : 0, created, name: config.name };
  };
  return [...candidates].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x.ran - y.ran || x.created - y.created || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
  })[0];
}

function awsKeysOf(ctx: TableContext): AwsKeys {
  const keys = ctx.services.awsCredentials;
  if (!keys) throw new Error('no AWS keys for the transfer: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  return keys;
}

/** What a partition's config says: its name carrying the claim, the dataset, the transfer's params. */
export function configInput(
  ctx: TableContext,
  partition: PartitionPlan,
  baseName: string,
  claim: Claim,
): TransferConfigInput {
  return {
    displayName: withClaim(baseName, claim),
    destinationDatasetId: ctx.spec.dataset,
    params: transferParams(ctx.spec, partition, awsKeysOf(ctx)),
  };
}

/** A WRITE_TRUNCATE partition's config for one run, created with the partition's claim. */
export async function createTruncateConfig(
  ctx: TableContext,
  partition: PartitionPlan,
  claim: Claim,
): Promise<PartitionConfig> {
  const baseName = tickConfigName(ctx.spec.name, partition.id, ctx.runLabel);
  const config = await ctx.services.dts.createConfig(
    configInput(ctx, partition, baseName, claim),
    ctx.signal,
  );
  ctx.onConfigCreated(config.name);
  return { name: config.name, baseName, ephemeral: true, created: true };
}

/** A WRITE_APPEND partition's long-lived config: the one every process keeps, or a new one carrying the claim. */
export async function openAppendConfig(
  ctx: TableContext,
  target: TableTarget,
  partition: PartitionPlan,
  claim: Claim,
  index: AppendConfigIndex,
): Promise<PartitionConfig> {
  const appendKey = appendConfigKey(target.destination, partition.id, dataPathOf(partition));
  const existing = pickAppendConfig(await index.find(appendKey, ctx.signal));
  if (existing) {
    return {
      name: existing.name,
      baseName: stripClaim(existing.displayName),
      appendKey,
      ephemeral: false,
      created: false,
    };
  }
  const baseName = appendConfigName(appendKey, ctx.clock.now().getTime());
  const created = await ctx.services.dts.createConfig(
    configInput(ctx, partition, baseName, claim),
    ctx.signal,
  );
  return { name: created.name, baseName, ephemeral: false, created: true, appendKey };
}

/**
 * Why a kept config may not take this process's claim now (another run of it is in flight,
 * or another process holds a live claim on it), or undefined when it may.
 */
export async function busyReason(
  ctx: TableContext,
  name: string,
  claimTtlMs: number,
): Promise<string | undefined> {
  const config = await ctx.services.dts.getConfig(name, ctx.signal);
  if (config.state === 'PENDING' || config.state === 'RUNNING')
    return 'another run of its transfer config is in flight';
  const claim = parseConfigName(config.displayName);
  const claimed = claim?.kind === 'append' ? claim.claim : undefined;
  const age = config.updateTime ? ctx.clock.now().getTime() - config.updateTime.getTime() : Infinity;
  if (claimed && claimed.process !== ctx.admission.process && age < claimTtlMs) {
    return 'another process is about to run its transfer config';
  }
  return undefined;
}

/** Whether a kept config still loads the way the table file says (the secret aside). */
export function paramsCurrent(
  ctx: TableContext,
  partition: PartitionPlan,
  config: TransferConfigInfo,
): boolean {
  const wanted = loadParams(ctx.spec, partition, awsKeysOf(ctx).accessKeyId);
  const have = { ...config.params };
  delete have.secret_access_key;
  const keys = new Set([...Object.keys(wanted), ...Object.keys(have)]);
  return [...keys].every((key) => wanted[key] === have[key]);
}
