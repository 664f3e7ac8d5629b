// Carries one transfer run through PENDING → RUNNING → SUCCEEDED/FAILED over the configured
// run duration, doing what DTS does for an amazon_s3 run: render the runtime parameters,
// list the bucket with the config's keys, match wildcards, keep the files DTS would see and
// consider new (file-selection.ts: the visibility delay and the WRITE_APPEND cut-off),
// enforce the quotas, read the files and hand them to the warehouse as one load job. Every
// step writes the run's transfer log. Runs of one config execute one after another, in the
// order they were created: a request for a time range creates several runs at once, and
// DTS never moves one config's data twice at the same time.

import type { S3Client } from '@aws-sdk/client-s3';
import { status } from '@grpc/grpc-js';
import type { FaultRegistry } from '../faults.js';
import type { LogSeverity, TransferLogSink } from '../log-contract.js';
import { LoadJobError, type Warehouse } from '../warehouse-contract.js';
import { type AmazonS3Params, parseAmazonS3Params } from './amazon-s3-params.js';
import type { DtsStore, RunState, StoredRun } from './dts-store.js';
import { selectFiles } from './file-selection.js';
import { CONCURRENT_RUNS_QUOTA_MESSAGE, type DtsQuotas, LOAD_JOBS_QUOTA_MESSAGE } from './quotas.js';
import {
  listMatchingFiles,
  RunFailure,
  RunS3Clients,
  readFiles,
  type SourceFile,
  toRunFailure,
} from './run-source.js';
import { renderRuntimeParams } from './runtime-params.js';
import { fileLimitMessage, parseS3Pattern, type S3Pattern } from './wildcard.js';

export interface RunExecutorOptions {
  store: DtsStore;
  warehouse: Warehouse;
  quotas: DtsQuotas;
  faults: FaultRegistry;
  /** The local S3 endpoint runs read from. */
  s3Endpoint: string;
  /** Where run messages also go (Cloud Logging); optional. */
  logSink?: TransferLogSink | undefined;
  /** Wall time of one run, PENDING to its end. */
  runMs: number;
  /** Files modified less than this long ago are not seen yet (DTS: about 5 minutes). */
  fileVisibilityMs: number;
  s3RequestTimeoutMs?: number;
  clock: () => Date;
  sleep: (ms: number) => Promise<void>;
}

/** How long stop() waits for runs in the middle of an S3 call or a load. */
const STOP_GRACE_MS = 2000;
/** Share of the run duration spent PENDING before the run starts. */
const PENDING_SHARE = 0.2;

interface RenderedRun {
  params: AmazonS3Params;
  dataPath: string;
  tableId: string;
  pattern: S3Pattern;
}

export class RunExecutor {
  private readonly inFlight = new Set<Promise<void>>();
  /** The last queued run of each config: the next one waits for it. */
  private readonly configQueues = new Map<string, Promise<void>>();
  private stopped = false;
  private readonly stopping: Promise<void>;
  private signalStop: () => void = () => undefined;
  private readonly s3Clients: RunS3Clients;

  constructor(private readonly options: RunExecutorOptions) {
    this.stopping = new Promise((resolve) => {
      this.signalStop = resolve;
    });
    this.s3Clients = new RunS3Clients({
      endpoint: options.s3Endpoint,
      requestTimeoutMs: options.s3RequestTimeoutMs ?? 30_000,
    });
  }

  /** The injected sleep, cut short when the executor stops so shutdown never waits a run out. */
  private pause(ms: number): Promise<void> {
    return Promise.race([this.options.sleep(ms), this.stopping]);
  }

  /** Starts the run in the background, after the config's earlier runs; see the store. */
  launch(run: StoredRun): void {
    const configId = run.name.configId;
    const previous = this.configQueues.get(configId) ?? Promise.resolve();
    const task = previous.then(() => this.execute(run)).catch(() => undefined);
    this.configQueues.set(configId, task);
    this.inFlight.add(task);
    void task.finally(() => {
      this.inFlight.delete(task);
      if (this.configQueues.get(configId) === task) this.configQueues.delete(configId);
    });
  }

  /** Stops the runs: each ends at its next step (an S3 call or load in progress finishes first). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.signalStop();
    // A run blocked on a hung S3 call would hold shutdown until its request deadline.
    await Promise.race([Promise.allSettled([...this.inFlight]), this.options.sleep(STOP_GRACE_MS)]);
    this.s3Clients.destroy();
  }

  private alive(run: StoredRun): boolean {
    return !this.stopped && this.options.store.getRun(run.name.configId, run.name.runId) === run;
  }

  private log(run: StoredRun, severity: LogSeverity, text: string): void {
    const time = this.options.clock();
    run.logs.push({ time, severity, text });
    this.options.logSink?.append({
      projectId: run.name.projectId,
      location: run.name.location,
      configId: run.name.configId,
      runId: run.name.runId,
      time,
      severity,
      message: text,
    });
  }

  private setState(run: StoredRun, state: RunState): void {
    this.options.store.setRunState(run, state, this.options.clock());
  }

  private finish(run: StoredRun, failure?: RunFailure): void {
    const now = this.options.clock();
    run.endTime = now;
    if (failure) {
      run.errorStatus = { code: failure.code, message: failure.message };
      this.log(run, 'ERROR', failure.message);
      this.setState(run, 'FAILED');
      return;
    }
    // Only a success moves the config's WRITE_APPEND cut-off (file-selection.ts).
    const config = this.options.store.getConfig(run.name.projectId, run.name.configId);
    const started = run.startTime ?? now;
    if (config && !(config.lastSuccessfulRunStart && config.lastSuccessfulRunStart >= started)) {
      config.lastSuccessfulRunStart = started;
    }
    this.setState(run, 'SUCCEEDED');
  }

  private async execute(run: StoredRun): Promise<void> {
    const { runMs, clock, quotas } = this.options;
    await this.pause(runMs * PENDING_SHARE);
    if (!this.alive(run)) return;

    const injected = this.options.faults.take('dts', 'run');
    if (!quotas.tryStartRun()) {
      run.startTime = clock();
      this.finish(
        run,
        new RunFailure(status.RESOURCE_EXHAUSTED, CONCURRENT_RUNS_QUOTA_MESSAGE(quotas.concurrentLimit)),
      );
      return;
    }
    try {
      run.startTime = clock();
      this.setState(run, 'RUNNING');
      // A real run spends its time moving data and writes its summary at the end, just
      // before its state flips: the last log message and the end of the run come together.
      // It lists its files at that end, not at its start: DTS does not say when it lists, and
      // this is the hostile reading — a file written while the run is in flight is loaded by
      // it and, being modified after its start, again by the config's next run.
      const deadline = run.startTime.getTime() + runMs * (1 - PENDING_SHARE);
      const moving = deadline - clock().getTime();
      if (moving > 0) await this.pause(moving);
      if (!this.alive(run)) return;
      let failure: RunFailure | undefined;
      try {
        if (injected?.kind === 'fail-run') {
          throw new RunFailure(
            injected.code ?? status.INTERNAL,
            injected.message ?? 'Transfer run failed (injected fault).',
          );
        }
        await this.transfer(run);
      } catch (error) {
        failure =
          error instanceof RunFailure
            ? error
            : new RunFailure(status.INTERNAL, `Internal error: ${String(error)}`);
      }
      if (!this.alive(run)) return;
      this.finish(run, failure);
    } finally {
      quotas.finishRun();
    }
  }

  private render(run: StoredRun): RenderedRun {
    let params: AmazonS3Params;
    try {
      params = parseAmazonS3Params(run.params);
    } catch (error) {
      throw new RunFailure(status.INVALID_ARGUMENT, error instanceof Error ? error.message : String(error));
    }
    const dataPath = renderRuntimeParams(params.dataPath, run.runTime);
    const tableId = renderRuntimeParams(params.destinationTableNameTemplate, run.runTime);
    return { params, dataPath, tableId, pattern: parseS3Pattern(dataPath) };
  }

  private async transfer(run: StoredRun): Promise<void> {
    const rendered = this.render(run);
    const { params, dataPath, pattern } = rendered;
    this.log(
      run,
      'INFO',
      `Starting transfer from Amazon S3 ${dataPath} to table ${run.destinationDatasetId}.${rendered.tableId} (${params.fileFormat}, ${params.writeDisposition}).`,
    );
    const keys = { accessKeyId: params.accessKeyId, secretAccessKey: params.secretAccessKey };
    await this.s3Clients.with(keys, async (client) => {
      let listed: SourceFile[];
      try {
        listed = await listMatchingFiles(client, pattern);
      } catch (error) {
        throw toRunFailure(error, pattern.bucket);
      }
      if (listed.length > pattern.fileLimit) {
        throw new RunFailure(status.INVALID_ARGUMENT, fileLimitMessage(pattern));
      }
      const config = this.options.store.getConfig(run.name.projectId, run.name.configId);
      const { files } = selectFiles(listed, {
        writeDisposition: params.writeDisposition,
        listedAt: this.options.clock(),
        visibilityMs: this.options.fileVisibilityMs,
        cutoff: config?.lastSuccessfulRunStart,
      });
      if (files.length === 0) {
        this.log(
          run,
          'INFO',
          `Moving data from Amazon S3 to Google Cloud complete: Moved 0 object(s). No new files found matching ${dataPath}.`,
        );
        return;
      }
      await this.load(run, rendered, client, files);
    });
  }

  /** Reads the files and runs them as one load job into the rendered table. */
  private async load(
    run: StoredRun,
    { params, tableId, pattern }: RenderedRun,
    client: S3Client,
    files: SourceFile[],
  ): Promise<void> {
    let bodies: { uri: string; body: Uint8Array }[];
    try {
      bodies = await readFiles(client, pattern.bucket, files);
    } catch (error) {
      throw toRunFailure(error, pattern.bucket);
    }
    const bytes = bodies.reduce((sum, file) => sum + file.body.byteLength, 0);
    this.log(
      run,
      'INFO',
      `Moving data from Amazon S3 to Google Cloud complete: Moved ${files.length} object(s).`,
    );
    if (!this.options.quotas.tryTakeLoadJob(this.options.clock())) {
      throw new RunFailure(status.RESOURCE_EXHAUSTED, LOAD_JOBS_QUOTA_MESSAGE);
    }
    const jobId = `bqts_${run.name.runId}`;
    try {
      const result = await this.options.warehouse.load({
        projectId: run.name.projectId,
        datasetId: run.destinationDatasetId,
        tableId,
        format: params.fileFormat,
        files: bodies,
        writeDisposition: params.writeDisposition,
        maxBadRecords: params.maxBadRecords,
        ignoreUnknownValues: params.ignoreUnknownValues,
        csv: params.csv,
      });
      this.log(
        run,
        'INFO',
        `Job ${run.name.projectId}:${jobId} (table ${tableId}) completed successfully. Number of records: ${result.rowsLoaded}, with errors: ${result.badRecords}. Bytes read: ${bytes}.`,
      );
    } catch (error) {
      if (error instanceof LoadJobError) {
        throw new RunFailure(
          error.grpcCode,
          `Job ${run.name.projectId}:${jobId} (table ${tableId}) failed: ${error.message}`,
        );
      }
      throw error;
    }
  }
}
