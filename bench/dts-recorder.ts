// A look over the pipeline's shoulder at its DTS calls: the same DTS face, each call
// recorded with when it was made and when it answered (wall-clock ms, the clock the local
// cloud stamps run end times with), so workload-breakdown.ts can say where a quota slot's
// time goes between two runs.
import type { DtsFace } from '../src/cloud/dts.js';
import { isTerminal } from '../src/lifecycle/wait-run.js';

type RecordedMethod =
  | 'createConfig'
  | 'renameConfig'
  | 'getConfig'
  | 'listConfigs'
  | 'deleteConfig'
  | 'startRun'
  | 'getRun'
  | 'listLogs';

export interface DtsCall {
  method: RecordedMethod;
  startMs: number;
  endMs: number;
  /** The config or run the call was about: its argument or, for createConfig/startRun, its result. */
  subject: string;
  /** getRun: the run had ended; with DTS's own end time. */
  terminal?: { endTimeMs: number } | undefined;
  failed?: boolean | undefined;
}

export interface RecordingDts {
  dts: DtsFace;
  calls: DtsCall[];
}

/** The face with every call of `RecordedMethod` recorded in `calls`, in the order they answered. */
export function recordDts(inner: DtsFace): RecordingDts {
  const calls: DtsCall[] = [];
  const dts: DtsFace = Object.create(inner) as DtsFace;
  const track = async <T>(
    method: RecordedMethod,
    argument: string,
    call: () => Promise<T>,
    describe: (result: T) => Partial<DtsCall> = () => ({}),
  ): Promise<T> => {
    const startMs = Date.now();
    try {
      const result = await call();
      calls.push({ method, startMs, endMs: Date.now(), subject: argument, ...describe(result) });
      return result;
    } catch (error) {
      calls.push({ method, startMs, endMs: Date.now(), subject: argument, failed: true });
      throw error;
    }
  };
  dts.createConfig = (input, signal) =>
    track(
      'createConfig',
      '',
      () => inner.createConfig(input, signal),
      (config) => ({ subject: config.name }),
    );
  dts.renameConfig = (name, displayName, signal) =>
    track('renameConfig', name, () => inner.renameConfig(name, displayName, signal));
  dts.getConfig = (name, signal) => track('getConfig', name, () => inner.getConfig(name, signal));
  dts.listConfigs = (signal) => track('listConfigs', '', () => inner.listConfigs(signal));
  dts.deleteConfig = (name, signal) => track('deleteConfig', name, () => inner.deleteConfig(name, signal));
  dts.startRun = (configName, runTime, signal) =>
    track(
      'startRun',
      configName,
      () => inner.startRun(configName, runTime, signal),
      (run) => ({
        subject: run.name,
      }),
    );
  dts.getRun = (name, signal) =>
    track(
      'getRun',
      name,
      () => inner.getRun(name, signal),
      (run) => (isTerminal(run) && run.endTime ? { terminal: { endTimeMs: run.endTime.getTime() } } : {}),
    );
  dts.listLogs = (runName, signal) => track('listLogs', runName, () => inner.listLogs(runName, signal));
  return { dts, calls };
}
