// Step 1b: a partition's files must all be visible to DTS before its run starts. DTS sees
// a file about five minutes after it lands; a run that starts earlier misses it. For a
// WRITE_APPEND config the miss is for good: the file is older than the run, so no later
// run of the config counts it as new. So the newest file must have aged past the delay —
// the wait for it is bounded (default 10 minutes) and re-lists, since files may still be
// arriving; the partition's run may not start before.

import type { PartitionPlan } from '../plan/types.js';
import type { TableContext } from './context.js';
import { formatDuration } from './format.js';
import { checkPrefix, type PrefixCheck } from './precheck.js';

type Files = Extract<PrefixCheck, { kind: 'files' }>;

export type Settled =
  /** Every file was older than the visibility delay when `check` was listed. */
  | { kind: 'quiet'; check: Files }
  /** Files were still arriving when the wait's bound ran out. */
  | { kind: 'arriving'; check: Files; newestAgeMs: number }
  /** A new listing found no files any more, or failed. */
  | { kind: 'changed'; check: Exclude<PrefixCheck, Files> };

/** A second of margin: S3's and DTS's clocks are not ours. */
const MARGIN_MS = 1_000;

export async function settle(ctx: TableContext, partition: PartitionPlan, first: Files): Promise<Settled> {
  const { clock, timing } = ctx;
  const deadline = clock.now().getTime() + timing.settleTimeoutMs;
  let check = first;
  let told = false;
  for (;;) {
    const ageMs = check.newest ? check.listedAt.getTime() - check.newest.getTime() : Infinity;
    if (ageMs >= timing.visibilityDelayMs) return { kind: 'quiet', check };
    const waitMs = timing.visibilityDelayMs - ageMs + MARGIN_MS;
    if (clock.now().getTime() + waitMs > deadline) return { kind: 'arriving', check, newestAgeMs: ageMs };
    if (!told) {
      told = true;
      ctx.emit({
        type: 'progress',
        table: ctx.spec.name,
        message: `${partition.id}: newest file is ${formatDuration(Math.max(0, ageMs))} old; waiting until DTS can see it (up to ${formatDuration(timing.settleTimeoutMs)})`,
      });
    }
    await clock.sleep(waitMs, ctx.signal);
    const next = await checkPrefix(ctx.services.s3, partition, () => clock.now(), ctx.signal);
    if (next.kind !== 'files') return { kind: 'changed', check: next };
    check = next;
  }
}
