// BigQuery's time travel, for deleted tables: a table deleted (by tables.delete, DROP
// TABLE, CREATE OR REPLACE, its expiration or its dataset's deletion) keeps its rows and
// metadata for the dataset's time-travel window (maxTimeTravelHours, 48–168, 7 days by
// default), and a copy job can restore it from a `table@<epoch ms>` or `table@-<ms ago>`
// snapshot decorator. After the window it is purged for good, on the local cloud's clock:
// the local cloud never remembers a table longer than BigQuery lets anyone read it (the
// fail-safe week after the window is BigQuery's own, out of every user's reach).
//
// No history is kept, only a deleted table's last state: a snapshot at an instant before
// the table's last change, or of an existing table at a past instant, is refused as not
// implemented, naming it, rather than answered with rows the table did not hold then.
import type { TableStorage } from './engine/table-storage.js';
import { BigQueryApiError, tableName } from './errors.js';
import type { StoredTable } from './model.js';

/** maxTimeTravelHours when a dataset sets none, and the bounds BigQuery accepts. */
export const DEFAULT_TIME_TRAVEL_HOURS = 168;
const MIN_TIME_TRAVEL_HOURS = 48;
const HOUR_MS = 3_600_000;

const DECORATOR = /^(?<table>[^@]+)@(?<instant>-?\d{1,16})$/;

interface DeletedTable {
  table: StoredTable;
  deletedAt: number;
  /** The last instant it can be read: deletion + the window when it was deleted. */
  keptUntil: number;
  location: string;
}

/** A table's lifetime on the local cloud's clock: deleted ones end, the live one does not. */
interface Incarnation {
  table: StoredTable;
  deletedAt?: number | undefined;
}

/** `maxTimeTravelHours` of a dataset resource, checked as BigQuery checks it. */
export function readTimeTravelHours(value: unknown): number {
  const hours = Number(value);
  if (
    !Number.isInteger(hours) ||
    hours < MIN_TIME_TRAVEL_HOURS ||
    hours > DEFAULT_TIME_TRAVEL_HOURS ||
    hours % 24 !== 0
  ) {
    throw new BigQueryApiError(
      'invalid',
      `Invalid value for maxTimeTravelHours: ${String(value)}. The time travel window must be a multiple of 24 hours between ${MIN_TIME_TRAVEL_HOURS} and ${DEFAULT_TIME_TRAVEL_HOURS}.`,
    );
  }
  return hours;
}

/** `table@<ms>` / `table@-<ms>` split into the table id and its decorator, or no decorator. */
export function splitSnapshot(tableId: string): { tableId: string; instant?: number | undefined } {
  if (!tableId.includes('@')) return { tableId };
  const match = DECORATOR.exec(tableId);
  if (!match?.groups) {
    throw new BigQueryApiError(
      'invalid',
      `Invalid table decorator in "${tableId}": use table@<milliseconds since the epoch> or table@-<milliseconds ago>.`,
    );
  }
  return { tableId: match.groups.table ?? '', instant: Number(match.groups.instant) };
}

export class TimeTravel {
  private readonly deleted = new Map<string, DeletedTable[]>();

  constructor(private readonly storage: TableStorage) {}

  /** Keeps a deleted table for `windowHours`; its engine table is renamed, not dropped. */
  keep(table: StoredTable, deletedAt: number, windowHours: number, location: string): Promise<void> {
    if (table.kind !== 'TABLE') return Promise.resolve();
    const key = datasetKey(table.projectId, table.datasetId);
    const kept = this.deleted.get(key) ?? [];
    kept.push({ table, deletedAt, keptUntil: deletedAt + windowHours * HOUR_MS, location });
    this.deleted.set(key, kept);
    return this.storage.hasRows(table) ? this.storage.retire(table) : Promise.resolve();
  }

  /**
   * Drops for good every deleted table that has left its window: the window it was deleted
   * under, or its dataset's window now if that is shorter (`windowOf` answers for the
   * datasets that exist).
   */
  purge(now: number, windowOf: (projectId: string, datasetId: string) => number | undefined): void {
    for (const [key, kept] of this.deleted) {
      const alive = kept.filter((entry) => {
        const hours = windowOf(entry.table.projectId, entry.table.datasetId);
        const until = hours === undefined ? entry.keptUntil : entry.deletedAt + hours * HOUR_MS;
        if (now < Math.min(entry.keptUntil, until)) return true;
        if (this.storage.hasRows(entry.table)) void this.storage.drop(entry.table).catch(() => undefined);
        return false;
      });
      if (alive.length > 0) this.deleted.set(key, alive);
      else this.deleted.delete(key);
    }
  }

  /**
   * The deleted table `tableId` as it was at `instant` (`-n`: n ms before now; `0`: the
   * oldest readable instant), and that instant resolved. The caller has purged first.
   */
  snapshot(
    live: StoredTable | undefined,
    reference: { projectId: string; datasetId: string; tableId: string; location: string },
    instant: number,
    clock: { now: number; windowHours: number },
  ): { table: StoredTable; at: number } {
    const { projectId, datasetId, tableId } = reference;
    const name = `${tableName(projectId, datasetId, tableId)}@${instant}`;
    const incarnations: Incarnation[] = (this.deleted.get(datasetKey(projectId, datasetId)) ?? [])
      .filter((entry) => entry.table.tableId === tableId && entry.location === reference.location)
      .map((entry) => ({ table: entry.table, deletedAt: entry.deletedAt }));
    if (live) incarnations.push({ table: live });
    const windowStart = clock.now - clock.windowHours * HOUR_MS;
    const at = resolveInstant(instant, clock.now, windowStart, incarnations);
    if (at > clock.now) throw invalidSnapshot(at, name, `Cannot read after ${clock.now}.`);
    if (at < windowStart) throw invalidSnapshot(at, name, `Cannot read before ${windowStart}.`);
    const covering = incarnations.find(
      (entry) => entry.table.creationTime <= at && (entry.deletedAt === undefined || at < entry.deletedAt),
    );
    if (covering?.deletedAt !== undefined) return { table: keptStateAt(covering.table, at, name), at };
    if (covering) {
      throw new BigQueryApiError(
        'notImplemented',
        `The local cloud does not implement snapshots of an existing table at a past instant (${name}): it keeps a table's history only once the table is deleted. Copy the table itself instead.`,
      );
    }
    const next = incarnations
      .map((entry) => entry.table.creationTime)
      .filter((created) => created > at)
      .sort((a, b) => a - b)[0];
    if (next !== undefined) throw invalidSnapshot(at, name, `Cannot read before ${next}.`);
    // Deleted before the instant, and not created again since: nothing existed then.
    throw new BigQueryApiError(
      'notFound',
      `Not found: Table ${name}: the table did not exist at ${at} (a snapshot must name an instant before its deletion).`,
    );
  }
}

/**
 * A deleted table's kept state is its last one: it is the table as it was at `at` only if
 * nothing changed after `at` (rows written, deleted or expired, or metadata changed).
 */
function keptStateAt(table: StoredTable, at: number, name: string): StoredTable {
  const changed = Math.max(table.lastModifiedTime, table.rowsExpiredAt ?? 0);
  if (at >= changed) return table;
  throw new BigQueryApiError(
    'notImplemented',
    `The local cloud does not implement snapshots of a table at an instant before its last change (${name}; last changed at ${changed}): it keeps only a deleted table's last state. Name an instant after ${changed}.`,
  );
}

/** `@0` is the oldest readable instant; `@-n` is n ms before now. */
function resolveInstant(instant: number, now: number, windowStart: number, incarnations: Incarnation[]) {
  if (instant < 0) return now + instant;
  if (instant > 0) return instant;
  const created = Math.min(...incarnations.map((entry) => entry.table.creationTime), now);
  return Math.max(windowStart, created);
}

function invalidSnapshot(at: number, name: string, bound: string): BigQueryApiError {
  return new BigQueryApiError('invalid', `Invalid snapshot time ${at} for table ${name}. ${bound}`);
}

function datasetKey(projectId: string, datasetId: string): string {
  return `${projectId}/${datasetId}`;
}
