// The Google API protos the local cloud serves, loaded from the official packages inside
// node_modules so the emulator speaks exactly the wire format the official clients expect.
// One loader gives both transports what they need: the proto-loader definition for the
// gRPC server and the protobufjs Root (with google.api.http options) for the REST gateway.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadSync, type PackageDefinition, type ServiceDefinition } from '@grpc/proto-loader';
import protobuf from 'protobufjs';
import { PROTO_LOADER_OPTIONS } from '../log-contract.js';

export interface LoadedProto {
  /** Fully qualified service name, e.g. `google.cloud.bigquery.datatransfer.v1.DataTransferService`. */
  serviceName: string;
  /** The proto files loaded (absolute paths) and the directories their imports resolve in. */
  protoPaths: string[];
  includeDirs: string[];
  /** For @grpc/grpc-js: `server.addService(proto.serviceDefinition, ...)`. */
  packageDefinition: PackageDefinition;
  serviceDefinition: ServiceDefinition;
  /** For the REST gateway: messages, and each method's `google.api.http` option. */
  root: protobuf.Root;
  service: protobuf.Service;
}

export const DTS_SERVICE_NAME = 'google.cloud.bigquery.datatransfer.v1.DataTransferService';
export const LOGGING_SERVICE_NAME = 'google.logging.v2.LoggingServiceV2';
/** The Locations mixin Google serves next to many APIs (DTS clients call it as getLocation). */
export const LOCATIONS_SERVICE_NAME = 'google.cloud.location.Locations';

// Resolved from this module's location, so it works from src/ (tsx, vitest) and from the
// bundle in dist/ alike. google-gax does not export its package.json, so we resolve its
// main file and walk up from there.
const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  const main = require.resolve(name);
  let dir = dirname(main);
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot locate the package directory of ${name} (resolved ${main}).`);
    dir = parent;
  }
  return dir;
}

export function protoDirOf(name: string): string {
  const dir = join(packageDir(name), 'build', 'protos');
  if (!existsSync(dir)) {
    throw new Error(`The protos of ${name} are missing at ${dir}; reinstall with \`npm ci\`.`);
  }
  return dir;
}

function loadProto(serviceName: string, protoPaths: string[], includeDirs: string[]): LoadedProto {
  const packageDefinition = loadSync(protoPaths, { ...PROTO_LOADER_OPTIONS, includeDirs });
  const root = new protobuf.Root();
  root.resolvePath = (origin, target) => {
    if (target.startsWith('/') || existsSync(target)) return target;
    for (const dir of includeDirs) {
      const candidate = join(dir, target);
      if (existsSync(candidate)) return candidate;
    }
    // Well-known types (google/protobuf/*) are built into protobufjs; let it resolve them.
    return protobuf.util.path.resolve(origin, target);
  };
  root.loadSync(protoPaths, { keepCase: PROTO_LOADER_OPTIONS.keepCase });
  root.resolveAll();
  return serviceOf({ serviceName, protoPaths, includeDirs, packageDefinition, root });
}

/** One service of an already loaded set of protos (they share imports, parsed once). */
function serviceOf(loaded: Omit<LoadedProto, 'serviceDefinition' | 'service'>): LoadedProto {
  const { serviceName, protoPaths, packageDefinition, root } = loaded;
  const serviceDefinition = packageDefinition[serviceName] as ServiceDefinition | undefined;
  if (!serviceDefinition) throw new Error(`Service ${serviceName} is not in ${protoPaths.join(', ')}.`);
  return { ...loaded, serviceDefinition, service: root.lookupService(serviceName) };
}

let dtsProto: LoadedProto | undefined;
let loggingProto: LoadedProto | undefined;
let locationsProto: LoadedProto | undefined;

/**
 * The DTS v1 service from @google-cloud/bigquery-data-transfer's own protos (cached),
 * loaded together with the Locations mixin its clients also call (see loadLocationsProto).
 */
export function loadDtsProto(): LoadedProto {
  if (!dtsProto) {
    const dtsDir = protoDirOf('@google-cloud/bigquery-data-transfer');
    const gaxDir = protoDirOf('google-gax');
    dtsProto = loadProto(
      DTS_SERVICE_NAME,
      [
        join(dtsDir, 'google/cloud/bigquery/datatransfer/v1/datatransfer.proto'),
        join(gaxDir, 'google/cloud/location/locations.proto'),
      ],
      [dtsDir, gaxDir],
    );
  }
  return dtsProto;
}

/** Cloud Logging v2 from @google-cloud/logging-api's protos (what @google-cloud/logging uses). */
export function loadLoggingProto(): LoadedProto {
  if (!loggingProto) {
    const loggingDir = protoDirOf('@google-cloud/logging-api');
    const gaxDir = protoDirOf('google-gax');
    loggingProto = loadProto(
      LOGGING_SERVICE_NAME,
      [join(loggingDir, 'google/logging/v2/logging.proto')],
      [loggingDir, gaxDir],
    );
  }
  return loggingProto;
}

/** google.cloud.location.Locations from google-gax's protos, as loaded with DTS's (cached). */
export function loadLocationsProto(): LoadedProto {
  locationsProto ??= serviceOf({ ...loadDtsProto(), serviceName: LOCATIONS_SERVICE_NAME });
  return locationsProto;
}
