// Cloud Logging's ConfigServiceV2 (sinks, buckets, views, exclusions, links, settings) and
// MetricsServiceV2 (log-based metrics) are not implemented by the local cloud. Every one of
// their RPCs gives the one honest answer, as DTS's and Logging's unimplemented calls do:
// UNIMPLEMENTED naming the call with the reason `notImplemented` over gRPC, HTTP 501 with
// a Google error body (status UNIMPLEMENTED, reason notImplemented) over REST. Checked
// through the official @google-cloud/logging clients on both transports, and as raw HTTP
// on every URL binding of the two services (which also proves that none of their URLs is
// taken by a LoggingServiceV2 route).
import { v2 } from '@google-cloud/logging';
import * as grpc from '@grpc/grpc-js';
import type protobuf from 'protobufjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultRegistry } from '../src/faults.js';
import { type LoggingEmulator, startLoggingEmulator, startLoggingRestGateway } from '../src/logging/index.js';
import {
  LOGGING_CONFIG_SERVICE_NAME,
  LOGGING_METRICS_SERVICE_NAME,
  loadLoggingMixinProtos,
} from '../src/rpc/protos.js';
import type { RestGateway } from '../src/rpc/rest-gateway.js';
import { compileRoutes, type HttpRoute } from '../src/rpc/rest-routes.js';
import { loggingClientOptions } from './logging-clients.js';

const PROJECT = 'unimplemented-project';
const faults = new FaultRegistry();
let emulator: LoggingEmulator;
let gateway: RestGateway;

beforeAll(async () => {
  emulator = await startLoggingEmulator({ faults, projectId: PROJECT });
  gateway = await startLoggingRestGateway({ handlers: emulator.handlers, faults });
});
afterAll(async () => {
  await Promise.all([gateway?.stop(), emulator?.stop()]);
});

const services = loadLoggingMixinProtos().map((proto) => ({
  name: proto.serviceName,
  methods: proto.service.methodsArray,
  routes: compileRoutes(proto.service),
}));

/** `{parent=projects/*}` → `parent: 'projects/x'`: the path fields a REST call needs. */
function requestFor(route: HttpRoute): Record<string, string> {
  const request: Record<string, string> = {};
  const variables = route.template.matchAll(/\{([^}=]+)(?:=([^}]*))?\}/g);
  for (const [index, match] of [...variables].entries()) {
    const field = route.variables[index]?.join('.') ?? '';
    request[field] = (match[2] ?? '*').replaceAll('**', 'x/y').replaceAll('*', 'x');
  }
  return request;
}

function firstRoute(routes: HttpRoute[], method: protobuf.Method): HttpRoute {
  const route = routes.find((candidate) => candidate.method === method);
  if (!route) throw new Error(`${method.name} has no google.api.http binding`);
  return route;
}

function clientFor(serviceName: string, transport: 'grpc' | 'rest') {
  const hostPort = transport === 'grpc' ? emulator.hostPort : gateway.hostPort;
  const options = loggingClientOptions(PROJECT, hostPort, transport) as ConstructorParameters<
    typeof v2.ConfigServiceV2Client
  >[0];
  return serviceName === LOGGING_CONFIG_SERVICE_NAME
    ? new v2.ConfigServiceV2Client(options)
    : new v2.MetricsServiceV2Client(options);
}

const named = (service: string, rpc: string) =>
  expect.stringContaining(`The local cloud does not implement ${service}/${rpc}.`);

describe('ConfigServiceV2 and MetricsServiceV2 on the local Cloud Logging', () => {
  it('are the two services of the Logging API besides LoggingServiceV2, 37 RPCs', () => {
    expect(services.map((service) => service.name)).toEqual([
      LOGGING_CONFIG_SERVICE_NAME,
      LOGGING_METRICS_SERVICE_NAME,
    ]);
    expect(services.map((service) => service.methods.length)).toEqual([32, 5]);
  });

  it.each(['grpc', 'rest'] as const)(
    'answer every RPC with UNIMPLEMENTED naming it, through the official client over %s',
    async (transport) => {
      for (const service of services) {
        const client = clientFor(service.name, transport);
        const calls = client as unknown as Record<
          string,
          (request: object, options?: object) => Promise<unknown>
        >;
        try {
          for (const method of service.methods) {
            const call = method.name.replace(/^./, (char) => char.toLowerCase());
            const request = requestFor(firstRoute(service.routes, method));
            const error = await calls[call]
              ?.call(client, request, { autoPaginate: false })
              .catch((e: unknown) => e);
            expect(error, `${service.name}/${method.name} over ${transport}`).toMatchObject({
              code: grpc.status.UNIMPLEMENTED,
              message: named(service.name, method.name),
              reason: 'notImplemented',
            });
          }
        } finally {
          await client.close();
        }
      }
    },
  );

  it('answer HTTP 501 with a Google error body on every URL binding of the two services', async () => {
    let bindings = 0;
    for (const service of services) {
      for (const route of service.routes) {
        const path = route.template.replace(/\{[^}=]+(?:=([^}]*))?\}/g, (_, pattern: string | undefined) =>
          (pattern ?? '*').replaceAll('**', 'x/y').replaceAll('*', 'x'),
        );
        const response = await fetch(`${gateway.url}${path}`, {
          method: route.httpMethod,
          ...(route.body ? { body: '{}', headers: { 'content-type': 'application/json' } } : {}),
          signal: AbortSignal.timeout(5_000),
        });
        const where = `${route.httpMethod} ${path} (${service.name}/${route.method.name})`;
        expect(response.status, where).toBe(501);
        const { error } = (await response.json()) as { error: Record<string, unknown> };
        expect(error, where).toMatchObject({
          code: 501,
          status: 'UNIMPLEMENTED',
          message: named(service.name, route.method.name),
          errors: [{ reason: 'notImplemented', domain: 'global' }],
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'notImplemented',
              metadata: { service: service.name, method: route.method.name },
            },
          ],
        });
        bindings++;
      }
    }
    // Each RPC has one binding per resource kind it applies to (projects, organizations, …).
    expect(bindings).toBeGreaterThan(37);
  });

  it('leave LoggingServiceV2 as it was, on both transports', async () => {
    const logging = new v2.LoggingServiceV2Client(
      loggingClientOptions(PROJECT, gateway.hostPort, 'rest') as ConstructorParameters<
        typeof v2.LoggingServiceV2Client
      >[0],
    );
    try {
      const [logs] = await logging.listLogs({ parent: `projects/${PROJECT}` }, { autoPaginate: false });
      expect(logs).toEqual([]);
    } finally {
      await logging.close();
    }
    const unknown = await fetch(`${gateway.url}/v2/nothing/here/at/all`, {
      signal: AbortSignal.timeout(5_000),
    });
    expect(unknown.status).toBe(404);
  });
});
