// DTS resource names: `projects/P/locations/L/transferConfigs/ID[/runs/RUN]`,
// `projects/P/locations/L/dataSources/ID`, and the location-less `projects/P/…` forms the
// API also accepts. Locations are compared in lower case (`US` and `us` are one place). A
// location-less name means the US multi-region: the documentation does not say it reaches
// configs in other locations, so the local cloud reads it the narrow way.
import { status } from '@grpc/grpc-js';
import { RpcError } from '../log-contract.js';

/** Where `projects/P/transferConfigs/…` lives: DTS treats it as the US multi-region. */
const DEFAULT_LOCATION = 'us';

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

interface DataSourceName extends ParentName {
  dataSourceId: string;
}

const PARENT = /^projects\/([^/]+)(?:\/locations\/([^/]+))?$/;
const DATA_SOURCE = /^projects\/([^/]+)(?:\/locations\/([^/]+))?\/dataSources\/([^/]+)$/;
const CONFIG = /^projects\/([^/]+)(?:\/locations\/([^/]+))?\/transferConfigs\/([^/]+)$/;
const RUN = /^projects\/([^/]+)(?:\/locations\/([^/]+))?\/transferConfigs\/([^/]+)\/runs\/([^/]+)$/;

function fail(kind: string, value: unknown, shape: string): never {
  throw new RpcError(status.INVALID_ARGUMENT, `Invalid ${kind} name "${String(value)}": expected ${shape}.`);
}

const locationOf = (segment: string | undefined): string => (segment ?? DEFAULT_LOCATION).toLowerCase();

export function parseParent(value: unknown, kind = 'parent'): ParentName {
  const match = typeof value === 'string' ? PARENT.exec(value) : null;
  if (!match) fail(kind, value, 'projects/PROJECT[/locations/LOCATION]');
  return { projectId: match[1] ?? '', location: locationOf(match[2]) };
}

export function parseConfigName(value: unknown): ConfigName {
  const match = typeof value === 'string' ? CONFIG.exec(value) : null;
  if (!match) fail('transfer config', value, 'projects/PROJECT/locations/LOCATION/transferConfigs/CONFIG_ID');
  return { projectId: match[1] ?? '', location: locationOf(match[2]), configId: match[3] ?? '' };
}

export function parseRunName(value: unknown): RunName {
  const match = typeof value === 'string' ? RUN.exec(value) : null;
  if (!match)
    fail('transfer run', value, 'projects/PROJECT/locations/LOCATION/transferConfigs/CONFIG_ID/runs/RUN_ID');
  return {
    projectId: match[1] ?? '',
    location: locationOf(match[2]),
    configId: match[3] ?? '',
    runId: match[4] ?? '',
  };
}

export function parseDataSourceName(value: unknown): DataSourceName {
  const match = typeof value === 'string' ? DATA_SOURCE.exec(value) : null;
  if (!match) fail('data source', value, 'projects/PROJECT/locations/LOCATION/dataSources/DATA_SOURCE_ID');
  return { projectId: match[1] ?? '', location: locationOf(match[2]), dataSourceId: match[3] ?? '' };
}

export const formatConfigName = (name: ConfigName): string =>
  `projects/${name.projectId}/locations/${name.location}/transferConfigs/${name.configId}`;

export const formatRunName = (name: RunName): string => `${formatConfigName(name)}/runs/${name.runId}`;
