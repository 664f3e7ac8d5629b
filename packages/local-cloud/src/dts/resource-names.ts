// DTS resource names: `projects/P/locations/L/transferConfigs/ID[/runs/RUN]`, and the
// location-less `projects/P/transferConfigs/ID` form the API also accepts.
import { status } from '@grpc/grpc-js';
import { RpcError } from '../log-contract.js';

/** Where `projects/P/transferConfigs/…` lives: DTS treats it as the US multi-region. */
export const DEFAULT_LOCATION = 'us';

export interface ParentName {
  projectId: string;
  location: string;
}
export interface ConfigName extends ParentName {
  configId: string;
}
export interface RunName extends ConfigName {
  runId: string;
}

const PARENT = /^projects\/([^/]+)(?:\/locations\/([^/]+))?$/;
const CONFIG = /^projects\/([^/]+)(?:\/locations\/([^/]+))?\/transferConfigs\/([^/]+)$/;
const RUN = /^projects\/([^/]+)(?:\/locations\/([^/]+))?\/transferConfigs\/([^/]+)\/runs\/([^/]+)$/;

function fail(kind: string, value: unknown, shape: string): never {
  throw new RpcError(status.INVALID_ARGUMENT, `Invalid ${kind} name "${String(value)}": expected ${shape}.`);
}

export function parseParent(value: unknown): ParentName {
  const match = typeof value === 'string' ? PARENT.exec(value) : null;
  if (!match) fail('parent', value, 'projects/PROJECT[/locations/LOCATION]');
  return { projectId: match[1] ?? '', location: match[2] ?? DEFAULT_LOCATION };
}

export function parseConfigName(value: unknown): ConfigName {
  const match = typeof value === 'string' ? CONFIG.exec(value) : null;
  if (!match) fail('transfer config', value, 'projects/PROJECT/locations/LOCATION/transferConfigs/CONFIG_ID');
  return { projectId: match[1] ?? '', location: match[2] ?? DEFAULT_LOCATION, configId: match[3] ?? '' };
}

export function parseRunName(value: unknown): RunName {
  const match = typeof value === 'string' ? RUN.exec(value) : null;
  if (!match)
    fail('transfer run', value, 'projects/PROJECT/locations/LOCATION/transferConfigs/CONFIG_ID/runs/RUN_ID');
  return {
    projectId: match[1] ?? '',
    location: match[2] ?? DEFAULT_LOCATION,
    configId: match[3] ?? '',
    runId: match[4] ?? '',
  };
}

export const formatConfigName = (name: ConfigName): string =>
  `projects/${name.projectId}/locations/${name.location}/transferConfigs/${name.configId}`;

export const formatRunName = (name: RunName): string => `${formatConfigName(name)}/runs/${name.runId}`;
