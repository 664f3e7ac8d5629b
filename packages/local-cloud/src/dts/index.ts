// The local cloud's BigQuery Data Transfer Service: config store, run executor and the
// DataTransferService handlers (every v1 RPC), served over gRPC on loopback.
import type { FaultRegistry } from '../faults.js';
import type { TransferLogSink, UnaryHandlers } from '../log-contract.js';
import { startGrpcServer } from '../rpc/grpc-server.js';
import { loadDtsProto, loadLocationsProto } from '../rpc/protos.js';
import type { Warehouse } from '../warehouse-contract.js';
import { createDtsHandlers } from './dts-handlers.js';
import { DtsStore } from './dts-store.js';
import { type DtsQuotaLimits, DtsQuotas } from './quotas.js';
import { RunExecutor } from './run-executor.js';

export interface DtsEmulatorOptions {
  faults: FaultRegistry;
  warehouse: Warehouse;
  /** The local S3 endpoint transfer runs read from. */
  s3Endpoint: string;
  logSink?: TransferLogSink | undefined;
  /** Wall time of one transfer run; default 1 s. */
  runSeconds?: number;
  /**
   * How old a file must be before runs see it; default 300, as DTS (about five minutes
   * after the file lands). Pass 0, or backdate objects, to load files written just now.
   */
  fileVisibilitySeconds?: number;
  quotas?: DtsQuotaLimits;
  host?: string;
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface DtsStats {
  configs: number;
  /** Runs held now, by state (deleted runs are not counted). */
  runs: Record<'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED', number>;
  /** Runs RUNNING now, project-wide (the concurrent-runs quota counts these). */
  activeRuns: number;
  /** The most runs RUNNING at once since start. */
  peakConcurrentRuns: number;
  /** Runs PENDING or RUNNING now, project-wide: what a caller's quota guard should bound. */
  inFlightRuns: number;
  /** The most runs PENDING or RUNNING at once since start. */
  peakInFlightRuns: number;
  loadJobsToday: number;
}

/** DTS's own figure: a new S3 object is seen by transfers about five minutes after it lands. */
const DEFAULT_FILE_VISIBILITY_SECONDS = 300;

export interface DtsEmulator {
  /** `127.0.0.1:PORT`: DTS_EMULATOR_HOST. */
  hostPort: string;
  port: number;
  /** The same handlers the gRPC server serves, for the REST gateway. */
  handlers: UnaryHandlers;
  stats(): DtsStats;
  /** Makes every config look untouched for `ageMs` more; returns how many. */
  ageConfigs(ageMs: number): number;
  stop(): Promise<void>;
}

export async function startDtsEmulator(options: DtsEmulatorOptions): Promise<DtsEmulator> {
  const runSeconds = options.runSeconds ?? 1;
  if (!(runSeconds >= 0)) throw new Error(`runSeconds must be a number of seconds >= 0, got ${runSeconds}.`);
  const clock = options.clock ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const store = new DtsStore();
  const quotas = new DtsQuotas(options.quotas);
  const executor = new RunExecutor({
    store,
    warehouse: options.warehouse,
    quotas,
    faults: options.faults,
    s3Endpoint: options.s3Endpoint,
    logSink: options.logSink,
    runMs: runSeconds * 1000,
    fileVisibilityMs: (options.fileVisibilitySeconds ?? DEFAULT_FILE_VISIBILITY_SECONDS) * 1000,
    clock,
    sleep,
  });
  const handlers = createDtsHandlers({ store, warehouse: options.warehouse, executor, clock });
  const server = await startGrpcServer({
    proto: loadDtsProto(),
    handlers,
    // DTS clients also call google.cloud.location.Locations on the same endpoint: served
    // so that its calls answer UNIMPLEMENTED by name rather than as an unknown service.
    mixins: [{ proto: loadLocationsProto(), handlers: {} }],
    faults: options.faults,
    faultService: 'dts',
    host: options.host,
  });
  return {
    hostPort: server.hostPort,
    port: server.port,
    handlers,
    stats: () => ({ ...store.counts(), ...quotas.figures(clock()) }),
    ageConfigs: (ageMs) => store.ageConfigs(ageMs),
    async stop() {
      await server.stop();
      await executor.stop();
    },
  };
}
