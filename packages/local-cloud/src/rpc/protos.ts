// The Google API protos the local cloud serves, loaded from the official packages inside
// node_modules so the emulator speaks exactly the wire format the official clients expect:
// the `protos.json` each client package ships (its .proto files compiled by protobufjs,
// google.api.http options included: the very file the official clients load themselves).
// One Root gives both transports what they need: the gRPC service definition (serializers
// built the way @grpc/proto-loader builds them) and the google.api.http options for the
// REST gateway. Reading the compiled JSON rather than parsing the .proto files, and not
// building the descriptors proto-loader makes for every message (which only gRPC
// reflection reads), keeps loading the protos to a fraction of what it was at every start.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import protobuf from 'protobufjs';
import { PROTO_LOADER_OPTIONS } from '../log-contract.js';

export interface LoadedProto {
  /** Fully qualified service name, e.g. `google.cloud.bigquery.datatransfer.v1.DataTransferService`. */
  serviceName: string;
  /** The compiled protos it comes from (absolute path of a package's protos.json). */
  source: string;
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
/** Long-running operations of the Logging API (bucket and link operations), on Logging's ports. */
export const LOGGING_OPERATIONS_SERVICE_NAME = 'google.longrunning.Operations';
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

/**
 * A package's compiled protos as a resolved Root. Their field names are already in
 * lowerCamelCase, the shape PROTO_LOADER_OPTIONS (keepCase: false) gives handlers.
 */
function loadCompiledProtos(source: string): protobuf.Root {
  if (!existsSync(source)) {
    throw new Error(`The compiled protos ${source} are missing; reinstall with \`npm ci\`.`);
  }
  const root = protobuf.Root.fromJSON(JSON.parse(readFileSync(source, 'utf8')) as protobuf.INamespace);
  root.resolveAll();
  return root;
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

/** One service of a loaded Root (services of one package share it, loaded once). */
function serviceOf(serviceName: string, root: protobuf.Root, source: string): LoadedProto {
  const service = root.lookup(serviceName);
  if (!(service instanceof protobuf.Service)) throw new Error(`Service ${serviceName} is not in ${source}.`);
  const serviceDefinition: Record<string, MethodDefinition<object, object>> = {};
  for (const method of service.methodsArray)
    serviceDefinition[method.name] = methodDefinition(serviceName, method);
  return { serviceName, source, serviceDefinition, root, service };
}

let dtsProto: LoadedProto | undefined;
let loggingProto: LoadedProto | undefined;
let locationsProto: LoadedProto | undefined;
let loggingMixinProtos: LoadedProto[] | undefined;
let loggingOperationsProto: LoadedProto | undefined;

/** The DTS v1 service from @google-cloud/bigquery-data-transfer's own protos (cached). */
export function loadDtsProto(): LoadedProto {
  if (!dtsProto) {
    const source = join(protoDirOf('@google-cloud/bigquery-data-transfer'), 'protos.json');
    dtsProto = serviceOf(DTS_SERVICE_NAME, loadCompiledProtos(source), source);
  }
  return dtsProto;
}

/**
 * Cloud Logging v2 from @google-cloud/logging-api's protos (what @google-cloud/logging
 * uses), which hold the Logging API's other two services too (see loadLoggingMixinProtos).
 */
export function loadLoggingProto(): LoadedProto {
  if (!loggingProto) {
    const source = join(protoDirOf('@google-cloud/logging-api'), 'protos.json');
    loggingProto = serviceOf(LOGGING_SERVICE_NAME, loadCompiledProtos(source), source);
  }
  return loggingProto;
}

/**
 * ConfigServiceV2 and MetricsServiceV2, which Google serves on the same endpoint as
 * LoggingServiceV2 and the official Logging clients call there (cached). The local cloud
 * serves them without handlers, so that every call answers UNIMPLEMENTED by name.
 */
export function loadLoggingMixinProtos(): LoadedProto[] {
  if (!loggingMixinProtos) {
    const { root, source } = loadLoggingProto();
    loggingMixinProtos = [LOGGING_CONFIG_SERVICE_NAME, LOGGING_METRICS_SERVICE_NAME].map((serviceName) =>
      serviceOf(serviceName, root, source),
    );
  }
  return loggingMixinProtos;
}

// Where Logging binds google.longrunning.Operations over HTTP: the rules of its official
// client's operations client (config_service_v2_client.js `lroOptions.httpRules`), which
// differ from the `/v1/operations/**` bindings operations.proto itself carries.
const LOGGING_OPERATION_RULES: Record<string, Record<string, unknown>> = {
  GetOperation: { get: '/v2/{name=*/*/locations/*/operations/*}' },
  ListOperations: { get: '/v2/{name=*/*/locations/*}/operations' },
  CancelOperation: { post: '/v2/{name=*/*/locations/*/operations/*}:cancel', body: '*' },
};

/**
 * google.longrunning.Operations as Logging serves it, from the Logging Root already loaded
 * (cached). Its HTTP bindings are rewritten to Logging's there: nothing else serves that
 * Root's Operations service, and parsing the protos a second time would slow every start.
 * The methods Logging does not bind over HTTP keep no binding.
 */
export function loadLoggingOperationsProto(): LoadedProto {
  if (loggingOperationsProto) return loggingOperationsProto;
  const { root, source } = loadLoggingProto();
  const loaded = serviceOf(LOGGING_OPERATIONS_SERVICE_NAME, root, source);
  for (const method of loaded.service.methodsArray) {
    const rule = LOGGING_OPERATION_RULES[method.name];
    method.parsedOptions = rule ? [{ '(google.api.http)': rule }] : [];
  }
  loggingOperationsProto = loaded;
  return loaded;
}

/**
 * google.cloud.location.Locations, the mixin DTS clients call on DTS's endpoint, from
 * google-gax's compiled protos (cached).
 */
export function loadLocationsProto(): LoadedProto {
  if (!locationsProto) {
    const source = join(protoDirOf('google-gax'), 'locations.json');
    locationsProto = serviceOf(LOCATIONS_SERVICE_NAME, loadCompiledProtos(source), source);
  }
  return locationsProto;
}
