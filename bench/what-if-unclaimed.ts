// A what-if, not the product: the DTS face with every finished WRITE_TRUNCATE config
// listed without its claim, as if the lifecycle took the claim off (or the quota queue
// ignored it) the moment the run ended instead of when the config is deleted after
// verification. The breakdown run with it says what that change to src/ would buy; the
// product's own figures never use it.
import type { DtsFace, RunState } from '../src/cloud/dts.js';
import { parseConfigName, stripClaim } from '../src/lifecycle/config-naming.js';

const FINISHED: ReadonlySet<RunState> = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

export function unclaimFinished(inner: DtsFace): DtsFace {
  const dts: DtsFace = Object.create(inner) as DtsFace;
  dts.listConfigs = async (signal) =>
    (await inner.listConfigs(signal)).map((config) =>
      FINISHED.has(config.state) && parseConfigName(config.displayName)?.kind === 'tick'
        ? { ...config, displayName: stripClaim(config.displayName) }
        : config,
    );
  return dts;
}
