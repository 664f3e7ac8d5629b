// Which entries WriteLogEntries keeps, by the Log Router's rules, so that configuration
// changes what is listed as in the real service: an entry reaches the project's listing
// (its _Required and _Default buckets) only through an enabled sink of its parent that
// writes to one of those buckets, matches the sink's filter, and is not caught by one of
// the sink's exclusions or, for the _Default sink, by one of the parent's exclusions. The
// `_Required` sink always routes its audit log IDs. Sinks to other destinations export
// nothing (no Cloud Storage, BigQuery or Pub/Sub export), and user buckets are not listed.
// Entries of DTS runs, which the local cloud writes itself, are not routed.
import type { ConfigStore, ParentConfig, Resource } from './config-store.js';
import { compileLogFilter, type LogPredicate } from './filter.js';
import type { LogRecord } from './log-record.js';
import { parentOf } from './log-record.js';
import { type EntryDraft, recordOfDraft } from './log-store.js';
import { dateToNanos } from './log-values.js';

export type EntryRouter = (drafts: EntryDraft[]) => EntryDraft[];

export function createEntryRouter(store: ConfigStore): EntryRouter {
  const compiled = new Map<string, LogPredicate>();
  const predicate = (filter: string): LogPredicate => {
    let compiledFilter = compiled.get(filter);
    if (!compiledFilter) {
      compiledFilter = compileLogFilter(filter);
      compiled.set(filter, compiledFilter);
    }
    return compiledFilter;
  };
  const excludedBy = (exclusions: Resource[], record: LogRecord) =>
    exclusions.some(
      (exclusion) => exclusion.disabled !== true && predicate(String(exclusion.filter))(record),
    );

  function routed(config: ParentConfig, record: LogRecord): boolean {
    const listed = [
      `logging.googleapis.com/${config.parent}/locations/global/buckets/_Default`,
      `logging.googleapis.com/${config.parent}/locations/global/buckets/_Required`,
    ];
    for (const [id, { sink }] of config.sinks) {
      if (sink.disabled === true || !listed.includes(String(sink.destination))) continue;
      if (!predicate(String(sink.filter ?? ''))(record)) continue;
      if (id === '_Required') return true;
      if (excludedBy((sink.exclusions as Resource[] | undefined) ?? [], record)) continue;
      if (id === '_Default' && excludedBy([...config.exclusions.values()], record)) continue;
      return true;
    }
    return false;
  }

  return (drafts) => {
    const receiveNanos = dateToNanos(store.clock());
    return drafts.filter((draft) => {
      const config = store.peek(parentOf(draft.logName));
      // A parent whose configuration nobody touched routes as it was created: everything.
      return config === undefined || routed(config, recordOf(draft, receiveNanos));
    });
  };
}

/** The record a draft would be stored as, for the filters to read. */
function recordOf(draft: EntryDraft, receiveNanos: bigint): LogRecord {
  return recordOfDraft(draft, receiveNanos, 0, '');
}
