// The Google API protos the local cloud serves, loaded from the official packages inside
// node_modules so the emulator speaks exactly the wire format the official clients expect.
// One protobufjs parse gives both transports what they need: the gRPC service definition
// (serializers built the way @grpc/proto-loader builds them, from the same Root) and the
// Root with its google.api.http options for the REST gateway. Parsing once, and skipping
// the descriptors proto-loader would build for every message (which only gRPC reflection
// reads), halves what loading the protos costs at every start.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import protobuf from 'protobufjs';
import { PROTO_LOADER_OPTIONS } from '../log-contract.js';

export interface LoadedProto {
  /** Fully qualified service name, e.g. `google.cloud.bigquery.datatransfer.v1.DataTransferService`. */
  serviceName: string;
  /** The proto files loaded (absolute paths) and the directories their imports resolve in. */
  protoPaths: string[];
  includeDirs: string[];
  /** For @grpc/grpc-js: `server.addService(proto.serviceDefinition, ...)`. */
  serviceDefinition: ServiceDefinition;
  /** For the REST gateway: messages, and each method's `google.api.http` option. */
  root: protobuf.Root;
  service: protobuf.Service;
}

export const DTS_SERVICE_NAME = 'google.cloud.bigquery.datatransfer.v1.DataTransferService';
export const LOGGING_SERVICE_NAME = 'google.logging.v2.LoggingServiceV2';
/** Sinks, buckets, views, exclusions, links, settings: served on Logging's ports, not implemented. */
export const LOGGING_CONFIG_SERVICE_NAME = 'google.logging.v2.ConfigServiceV2';
/** Log-based metrics: served on Logging's ports, not implemented. */
export const LOGGING_METRICS_SERVICE_NAME = 'google.logging.v2.MetricsServiceV2';
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
  return serviceOf({ serviceName, protoPaths, includeDirs, root });
}

/**
 * One RPC as @grpc/grpc-js serves it, with @grpc/proto-loader's serializers: objects in
 * (fromObject, then encode), objects out in PROTO_LOADER_OPTIONS' shape (decode, then
 * toObject), so handlers see exactly what proto-loader would give them.
 */
function methodDefinition(serviceName: string, method: protobuf.Method): MethodDefinition<object, object> {
  const { resolvedRequestType: request, resolvedResponseType: response } = method;
  if (!request || !response) throw new Error(`${serviceName}/${method.name} has unresolved message types.`);
  const serializer = (type: protobuf.Type) => (value: object) => {
    if (Array.isArray(value)) {
      throw new Error(`Failed to serialize message: expected an object of ${type.name}, got an array.`);
    }
    // Under Node, protobufjs writes into a Buffer already.
    return type.encode(type.fromObject(value)).finish() as Buffer;
  };
  const deserializer = (type: protobuf.Type) => (bytes: Buffer) =>
    type.toObject(type.decode(bytes), PROTO_LOADER_OPTIONS);
  return {
    path: `/${serviceName}/${method.name}`,
    requestStream: method.requestStream === true,
    responseStream: method.responseStream === true,
    requestSerialize: serializer(request),
    requestDeserialize: deserializer(request),
    responseSerialize: serializer(response),
    responseDeserialize: deserializer(response),
    originalName: method.name.replace(/^./, (char) => char.toLowerCase()),
  };
}

/** One service of an already loaded set of protos (they share imports, parsed once). */
function serviceOf(loaded: Omit<LoadedProto, 'serviceDefinition' | 'service'>): LoadedProto {
  const { serviceName, protoPaths, root } = loaded;
  const service = root.lookup(serviceName);
  if (!(service instanceof protobuf.Service)) {
    throw new Error(`Service ${serviceName} is not in ${protoPaths.join(', ')}.`);
  }
  const serviceDefinition: Record<string, MethodDefinition<object, object>> = {};
  for (const method of service.methodsArray)
    serviceDefinition[method.name] = methodDefinition(serviceName, method);
  return { ...loaded, serviceDefinition, service };
}

let dtsProto: LoadedProto | undefined;
let loggingProto: LoadedProto | undefined;
let locationsProto: LoadedProto | undefined;
let loggingMixinProtos: LoadedProto[] | undefined;

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

/**
 * Cloud Logging v2 from @google-cloud/logging-api's protos (what @google-cloud/logging uses),
 * loaded together with the other two services of the Logging API (see loadLoggingMixinProtos).
 */
export function loadLoggingProto(): LoadedProto {
  if (!loggingProto) {
    const loggingDir = protoDirOf('@google-cloud/logging-api');
    const gaxDir = protoDirOf('google-gax');
    loggingProto = loadProto(
      LOGGING_SERVICE_NAME,
      ['logging.proto', 'logging_config.proto', 'logging_metrics.proto'].map((file) =>
        join(loggingDir, 'google/logging/v2', file),
      ),
      [loggingDir, gaxDir],
    );
  }
  return loggingProto;
}

/**
 * ConfigServiceV2 and MetricsServiceV2, which Google serves on the same endpoint as
 * LoggingServiceV2 and the official Logging clients call there (cached). The local cloud
 * serves them without handlers, so that every call answers UNIMPLEMENTED by name.
 */
export function loadLoggingMixinProtos(): LoadedProto[] {
  loggingMixinProtos ??= [LOGGING_CONFIG_SERVICE_NAME, LOGGING_METRICS_SERVICE_NAME].map((serviceName) =>
    serviceOf({ ...loadLoggingProto(), serviceName }),
  );
  return loggingMixinProtos;
}

/** google.cloud.location.Locations from google-gax's protos, as loaded with DTS's (cached). */
export function loadLocationsProto(): LoadedProto {
  locationsProto ??= serviceOf({ ...loadDtsProto(), serviceName: LOCATIONS_SERVICE_NAME });
  return locationsProto;
}
