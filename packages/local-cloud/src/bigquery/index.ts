// The local cloud's BigQuery: a catalog over an in-memory SQL engine (DuckDB) behind the
// BigQuery v2 REST API on loopback, plus the `Warehouse` seam through which local DTS runs
// land their load jobs.

import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultRegistry } from '../faults.js';
import { listenOnLoopback } from '../http-listen.js';
import type { Warehouse } from '../warehouse-contract.js';
import { SqlEngine } from './engine/sql-engine.js';
import { TableStorage } from './engine/table-storage.js';
import { createBigQueryHttpServer } from './http-server.js';
import type { RouteContext } from './http-types.js';
import { JobRegistry } from './jobs.js';
import { createWarehouse } from './load-job.js';
import { QueryJobs } from './query-jobs.js';
import { runStatement } from './query-runner.js';
import { LoadQuota } from './quotas.js';
import { datasetRoutes } from './routes-datasets.js';
import { jobRoutes } from './routes-jobs.js';
import { projectRoutes } from './routes-projects.js';
import { routineRoutes } from './routes-routines.js';
import { tableRoutes } from './routes-tables.js';
import { Store } from './store.js';

export interface BigQueryEmulatorOptions {
  faults: FaultRegistry;
  projectId: string;
  /** Interface to listen on; loopback only. Default 127.0.0.1. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Load jobs per project per UTC day (BigQuery: 100,000). Per table it is always 1,500. */
  quotas?: { loadJobsPerDay?: number };
  /** Injected so partition expiration and daily quotas are testable. */
  clock?: () => Date;
}

export interface BigQueryEmulator {
  /** `http://127.0.0.1:PORT`: the `apiEndpoint` for `new BigQuery({ apiEndpoint })`. */
  url: string;
  /** `127.0.0.1:PORT`: the value of BIGQUERY_EMULATOR_HOST. */
  hostPort: string;
  warehouse: Warehouse;
  stop(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export async function startBigQueryEmulator(options: BigQueryEmulatorOptions): Promise<BigQueryEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) {
    throw new Error(`The local BigQuery listens on loopback only; got host "${host}". Use 127.0.0.1.`);
  }
  if (!options.projectId) throw new Error('startBigQueryEmulator needs a projectId.');
  const clock = options.clock ?? (() => new Date());
  const engine = await SqlEngine.open();
  const store: Store = new Store(clock, new TableStorage(engine, clock), async (projectId, sql) => {
    const params = { named: new Map(), positional: [] };
    const result = await runStatement(store, { sql, projectId, params, now: clock(), dryRun: true });
    return result.fields;
  });
  const jobs = new JobRegistry();
  const queries = new QueryJobs(store, jobs, clock);
  const quota = new LoadQuota(clock, options.quotas?.loadJobsPerDay);
  let context: RouteContext | undefined;
  const server = createBigQueryHttpServer({
    routes: [...projectRoutes, ...datasetRoutes, ...tableRoutes, ...routineRoutes, ...jobRoutes],
    context: () => {
      if (!context) throw new Error('The local BigQuery is not listening yet.');
      return context;
    },
    faults: options.faults,
    sleep: (ms) => sleep(ms),
  });
  const listening = await listenOnLoopback(server, host, options.port).catch(async (error: unknown) => {
    await engine.close();
    throw error;
  });
  const warehouse = createWarehouse(store, quota, clock);
  context = {
    store,
    queries,
    jobs,
    clock,
    warehouse,
    baseUrl: listening.url,
    defaultProjectId: options.projectId,
  };
  return {
    url: listening.url,
    hostPort: listening.hostPort,
    warehouse,
    stop: async () => {
      await listening.stop();
      await engine.close();
    },
  };
}
