// One job's write into a table, the way every writer commits: the destination's
// `$partition` target resolved first, then, alone on the engine, an empty stage shaped
// like the table is filled, checked and committed under the write disposition, and the
// stage is dropped whatever happens. Load jobs, copy jobs, query destinations and
// streaming inserts all write through here, so none of them can skip a step.
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  commitStage,
  createStage,
  dropStage,
  type WriteDisposition,
  type WriteResult,
} from './engine/table-writes.js';
import { resolveTarget } from './load-target.js';
import type { StoredTable } from './model.js';
import type { Store } from './store.js';

export interface StagedWrite<Filled> {
  table: StoredTable;
  /** The table id as the job addressed it, a `$partition` decorator included. */
  tableId: string;
  disposition: WriteDisposition;
  /** When the job writes: the commit time, and _PARTITIONTIME on an ingestion-time table. */
  now: Date;
  /** Fills the empty stage; what it returns comes back beside the commit's result. */
  fill: (connection: DuckDBConnection, stage: string) => Promise<Filled>;
}

export async function writeThroughStage<Filled>(
  store: Store,
  write: StagedWrite<Filled>,
): Promise<{ written: WriteResult; filled: Filled }> {
  const { table, disposition, now } = write;
  const target = resolveTarget(table, write.tableId, now);
  const engine = store.storage.engine;
  return engine.exclusive(async (connection) => {
    const stage = await createStage(connection, engine, table);
    try {
      const filled = await write.fill(connection, stage);
      const written = await commitStage(connection, table, stage, {
        disposition,
        ...target,
        nowMs: now.getTime(),
      });
      return { written, filled };
    } finally {
      await dropStage(connection, stage);
    }
  });
}
