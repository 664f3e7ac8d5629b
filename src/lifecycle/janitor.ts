// Which transfer configs the janitor may delete, and why: only configs this pipeline made
// (by their display names), never one with a run PENDING or RUNNING.
// - A WRITE_TRUNCATE partition's config that nobody touched for `olderThanMs`: its run
//   died before cleaning up. A partition waiting in the quota queue renews its claim,
//   which keeps its config young.
// - A WRITE_APPEND partition's config once its partition is older than the table's
//   lookback window plus `append_retention_days`: no tick will load that partition again.
//   A config whose destination no table file names any more is kept the default
//   retention past its partition, in case the file comes back.
// - A duplicate append config that lost to the one every process keeps and never ran.
// - A WRITE_APPEND table's single config from before configs were per partition.
import { DateTime } from 'luxon';
import type { TransferConfigInfo } from '../cloud/dts.js';
import { DEFAULT_APPEND_RETENTION_DAYS } from '../tables/schema.js';
import type { TableSpec } from '../tables/types.js';
import { groupByKey, pickAppendConfig } from './config.js';
import { clean, parseConfigName } from './config-naming.js';

export interface Retirement {
  config: TransferConfigInfo;
  why: string;
}

/** Destination (`project.dataset.table`, as config names spell it) → how long its append partitions are kept. */
export type RetentionByDestination = ReadonlyMap<
  string,
  Pick<TableSpec, 'lookbackDays' | 'appendRetentionDays' | 'timezone'>
>;

export function retentionByDestination(
  tables: readonly TableSpec[],
  projectId: string,
): RetentionByDestination {
  return new Map(
    tables
      .filter((spec) => spec.writeDisposition === 'WRITE_APPEND')
      .map((spec) => [clean(`${spec.project ?? projectId}.${spec.dataset}.${spec.table}`), spec]),
  );
}

const inFlight = (config: TransferConfigInfo) => config.state === 'PENDING' || config.state === 'RUNNING';

/** `retention` undefined: the table files could not all be read, so no append config is retired. */
export function findRetirable(
  configs: readonly TransferConfigInfo[],
  retention: RetentionByDestination | undefined,
  now: Date,
  olderThanMs: number,
): Retirement[] {
  const keep = new Set(
    [...groupByKey(configs).values()].map((group) => pickAppendConfig(group)?.name).filter(Boolean),
  );
  return configs.flatMap((config): Retirement[] => {
    const mark = parseConfigName(config.displayName);
    if (!mark || inFlight(config)) return [];
    const idleMs = config.updateTime ? now.getTime() - config.updateTime.getTime() : undefined;
    const idle = idleMs !== undefined && idleMs >= olderThanMs;
    if (mark.kind === 'tick')
      return idle ? [{ config, why: 'left behind by a run that did not clean up' }] : [];
    if (!retention) return [];
    if (mark.kind === 'legacy-append') {
      return [{ config, why: 'a WRITE_APPEND table config from before configs were per partition' }];
    }
    if (!keep.has(config.name)) {
      return idle && config.state === 'UNSPECIFIED'
        ? [{ config, why: 'a duplicate that lost to the config every process keeps' }]
        : [];
    }
    const rule = retention.get(mark.destination);
    const kept =
      (rule ? Math.max(1, rule.lookbackDays) : 0) +
      (rule?.appendRetentionDays ?? DEFAULT_APPEND_RETENTION_DAYS);
    const today = DateTime.fromJSDate(now, { zone: rule?.timezone ?? 'UTC' }).startOf('day');
    const day = DateTime.fromFormat(mark.partition.slice(0, 8), 'yyyyLLdd', {
      zone: rule?.timezone ?? 'UTC',
    });
    if (!day.isValid || day >= today.minus({ days: kept })) return [];
    const whose = rule
      ? `its table's lookback plus ${rule.appendRetentionDays} day(s)`
      : `${kept} days, and no table file loads it any more`;
    return [{ config, why: `partition ${mark.partition} is older than ${whose}` }];
  });
}
