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

/** One kind of resource name: what errors call it, its pattern and the shape they print. */
interface NameShape {
  kind: string;
  /** Groups: project, optional location, then the resource's ids in order. */
  pattern: RegExp;
  shape: string;
}

const PARENT: NameShape = {
  kind: 'parent',
  pattern: /^projects\/([^/]+)(?:\/locations\/([^/]+))?$/,
  shape: 'projects/PROJECT[/locations/LOCATION]',
};
const DATA_SOURCE: NameShape = {
  kind: 'data source',
  pattern: /^projects\/([^/]+)(?:\/locations\/([^/]+))?\/dataSources\/([^/]+)$/,
  shape: 'projects/PROJECT/locations/LOCATION/dataSources/DATA_SOURCE_ID',
};
const CONFIG: NameShape = {
  kind: 'transfer config',
  pattern: /^projects\/([^/]+)(?:\/locations\/([^/]+))?\/transferConfigs\/([^/]+)$/,
  shape: 'projects/PROJECT/locations/LOCATION/transferConfigs/CONFIG_ID',
};
const RUN: NameShape = {
  kind: 'transfer run',
  pattern: /^projects\/([^/]+)(?:\/locations\/([^/]+))?\/transferConfigs\/([^/]+)\/runs\/([^/]+)$/,
  shape: 'projects/PROJECT/locations/LOCATION/transferConfigs/CONFIG_ID/runs/RUN_ID',
};

const locationOf = (segment: string | undefined): string => (segment ?? DEFAULT_LOCATION).toLowerCase();

/** Parses a name of this shape into its parent and the ids after it, or fails with INVALID_ARGUMENT. */
function parseName(value: unknown, name: NameShape, kind = name.kind): { parent: ParentName; ids: string[] } {
  const match = typeof value === 'string' ? name.pattern.exec(value) : null;
  if (!match) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `Invalid ${kind} name "${String(value)}": expected ${name.shape}.`,
    );
  }
  const [, projectId = '', location, ...ids] = match;
  return { parent: { projectId, location: locationOf(location) }, ids: ids.map((id) => id ?? '') };
}

export function parseParent(value: unknown, kind = 'parent'): ParentName {
  return parseName(value, PARENT, kind).parent;
}

export function parseConfigName(value: unknown): ConfigName {
  const { parent, ids } = parseName(value, CONFIG);
  return { ...parent, configId: ids[0] ?? '' };
}

export function parseRunName(value: unknown): RunName {
  const { parent, ids } = parseName(value, RUN);
  return { ...parent, configId: ids[0] ?? '', runId: ids[1] ?? '' };
}

export function parseDataSourceName(value: unknown): DataSourceName {
  const { parent, ids } = parseName(value, DATA_SOURCE);
  return { ...parent, dataSourceId: ids[0] ?? '' };
}

export const formatConfigName = (name: ConfigName): string =>
  `projects/${name.projectId}/locations/${name.location}/transferConfigs/${name.configId}`;

export const formatRunName = (name: RunName): string => `${formatConfigName(name)}/runs/${name.runId}`;
