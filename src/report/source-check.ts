// Whether S3 has files for each planned partition, for the PR plan comment: one prefix
// listing per partition, a few at a time, each failure recorded rather than thrown.
import type { Plan } from '../plan/types.js';
import type { SourceCheck } from './plan-markdown.js';

/** The one S3 read this needs; src/cloud's S3 face fits it. */
export interface PrefixLister {
  listPrefix(
    bucket: string,
    prefix: string,
    signal?: AbortSignal,
  ): Promise<{ count: number; truncated: boolean }>;
}

/** Listings at once: enough to be quick, few enough to stay polite to S3. */
const CONCURRENCY = 8;
/** A PR comment need not check a ten-year backfill: the first partitions of each table. */
export const MAX_CHECKED_PER_TABLE = 48;

/** `s3://bucket/prefix/` → bucket and key prefix. */
export function splitS3Uri(uri: string): { bucket: string; prefix: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  return match ? { bucket: match[1]!, prefix: match[2]! } : undefined;
}

export async function checkSources(
  plan: Plan,
  s3: PrefixLister,
  signal?: AbortSignal,
): Promise<Map<string, SourceCheck>> {
  const sources = [
    ...new Set(plan.tables.flatMap((t) => t.partitions.slice(0, MAX_CHECKED_PER_TABLE).map((p) => p.source))),
  ];
  const checks = new Map<string, SourceCheck>();
  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const source = sources[next++]!;
      const where = splitS3Uri(source);
      if (!where) {
        checks.set(source, { error: `not an s3:// URI: ${source}` });
        continue;
      }
      try {
        const listing = await s3.listPrefix(where.bucket, where.prefix, signal);
        checks.set(source, { objects: listing.count });
      } catch (error) {
        checks.set(source, { error: (error as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, sources.length) }, worker));
  return checks;
}
