// Which transfer configs the janitor may delete: a tick's config (by the naming
// convention) last updated longer ago than the threshold. Never a WRITE_APPEND table's
// long-lived config, never a config someone else made.
import type { TransferConfigInfo } from '../cloud/dts.js';
import { parseConfigName } from './config-naming.js';

export function findLeftovers(
  configs: readonly TransferConfigInfo[],
  now: Date,
  olderThanMs: number,
): TransferConfigInfo[] {
  return configs.filter((config) => {
    if (parseConfigName(config.displayName)?.kind !== 'tick') return false;
    // Without an update time the age is unknown: leave it rather than delete a live one.
    if (!config.updateTime) return false;
    return now.getTime() - config.updateTime.getTime() >= olderThanMs;
  });
}
