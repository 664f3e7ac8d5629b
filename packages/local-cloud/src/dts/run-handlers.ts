// The transfer run RPCs: StartManualTransferRuns, ScheduleTransferRuns (deprecated),
// GetTransferRun, DeleteTransferRun, ListTransferRuns and ListTransferLogs. Starting runs
// follows the real service: one requested_run_time per call on an on-demand config, no run
// time in the future, and no new runs while the config has one PENDING or RUNNING.
import { randomUUID } from 'node:crypto';
import type { UnaryHandlers } from '../log-contract.js';
import { assertNoRunInFlight, assertNotFuture } from './config-rules.js';
import { RUN_STATES, type StoredConfig, type StoredRun } from './dts-store.js';
import { messageView, runView } from './dts-views.js';
import {
  type DtsHandlerDeps,
  fromTimestamp,
  invalid,
  MAX_PAGE_SIZE,
  type Message,
  requireConfig,
  requireRun,
} from './handler-support.js';
import { paginate } from './paging.js';

const ON_DEMAND_TIME_RANGE_MESSAGE =
  "Starting transfer run with on-demand schedule requires 'requested_run_time' to be specified.";
const DAY_MS = 86_400_000;
/** A guard against a mistyped range creating millions of runs (not a documented limit). */
const MAX_RUNS_PER_REQUEST = 10_000;

function startRun(deps: DtsHandlerDeps, config: StoredConfig, runTime: Date): StoredRun {
  const now = deps.clock();
  const run: StoredRun = {
    name: { ...config.name, runId: randomUUID() },
    runTime,
    scheduleTime: now,
    state: 'PENDING',
    updateTime: now,
    params: { ...config.params },
    destinationDatasetId: config.destinationDatasetId,
    dataSourceId: config.dataSourceId,
    logs: [],
    sequence: deps.store.nextSequence(),
  };
  deps.store.putRun(run);
  deps.executor.launch(run);
  return run;
}

/** One run per day of the range, from its start; `closed` includes the end itself. */
function startRange(
  deps: DtsHandlerDeps,
  config: StoredConfig,
  range: { start: Date | undefined; end: Date | undefined },
  closed: boolean,
): Message {
  const { start, end } = range;
  if (!start || !end || start >= end) {
    throw invalid('The time range needs a start_time strictly before its end_time.');
  }
  assertNotFuture(end, deps.clock(), 'end_time');
  const times: Date[] = [];
  for (let time = start.getTime(); closed ? time <= end.getTime() : time < end.getTime(); time += DAY_MS) {
    times.push(new Date(time));
    if (times.length > MAX_RUNS_PER_REQUEST) {
      throw invalid(
        `The time range would create more than ${MAX_RUNS_PER_REQUEST} runs; request a shorter range.`,
      );
    }
  }
  assertNoRunInFlight(deps.store, config, 'start new runs');
  return { runs: times.map((time) => runView(startRun(deps, config, time))) };
}

function startManualRuns(deps: DtsHandlerDeps, request: Message): Message {
  const config = requireConfig(deps.store, request.parent);
  const chosen = request.time as string | undefined;
  const range = (
    chosen === 'requestedTimeRange' || (!chosen && request.requestedTimeRange)
      ? request.requestedTimeRange
      : undefined
  ) as { startTime?: unknown; endTime?: unknown } | undefined;
  const runTime = chosen === 'requestedTimeRange' ? undefined : fromTimestamp(request.requestedRunTime);
  if (config.disableAutoScheduling && !runTime) throw invalid(ON_DEMAND_TIME_RANGE_MESSAGE);
  if (runTime) {
    assertNotFuture(runTime, deps.clock(), 'requested_run_time');
    assertNoRunInFlight(deps.store, config, 'start a new run');
    return { runs: [runView(startRun(deps, config, runTime))] };
  }
  if (!range)
    throw invalid('Specify requested_run_time, or requested_time_range with a start and an end time.');
  return startRange(
    deps,
    config,
    { start: fromTimestamp(range.startTime), end: fromTimestamp(range.endTime) },
    false,
  );
}

export function createRunHandlers(deps: DtsHandlerDeps): UnaryHandlers {
  const { store } = deps;
  return {
    StartManualTransferRuns: async (request) => startManualRuns(deps, request),

    async ScheduleTransferRuns(request) {
      const config = requireConfig(store, request.parent);
      // An on-demand config has no schedule to create runs from: like a time range on
      // StartManualTransferRuns, it is refused.
      if (config.disableAutoScheduling) throw invalid(ON_DEMAND_TIME_RANGE_MESSAGE);
      const range = { start: fromTimestamp(request.startTime), end: fromTimestamp(request.endTime) };
      return startRange(deps, config, range, true);
    },

    async GetTransferRun(request) {
      return runView(requireRun(store, request.name));
    },

    async DeleteTransferRun(request) {
      const run = requireRun(store, request.name);
      store.deleteRun(run.name.configId, run.name.runId);
      return {};
    },

    async ListTransferRuns(request) {
      const config = requireConfig(store, request.parent);
      const states = ((request.states as string[] | undefined) ?? []).filter((state) =>
        (RUN_STATES as readonly string[]).includes(state),
      );
      const runs = store
        .listRuns(config.name.configId)
        .filter((run) => states.length === 0 || states.includes(run.state));
      const { page, nextPageToken } = paginate(runs, request.pageToken, request.pageSize, MAX_PAGE_SIZE);
      return { transferRuns: page.map(runView), nextPageToken };
    },

    async ListTransferLogs(request) {
      const run = requireRun(store, request.parent);
      const types = (request.messageTypes as string[] | undefined) ?? [];
      const messages = run.logs.filter((message) => types.length === 0 || types.includes(message.severity));
      const { page, nextPageToken } = paginate(messages, request.pageToken, request.pageSize, MAX_PAGE_SIZE);
      return { transferMessages: page.map(messageView), nextPageToken };
    },
  };
}
