// Endpoint selection, here and nowhere else: when the emulator variables are set the
// Google clients talk to them over insecure channels with a pass-through auth client (so
// nothing probes the GCE metadata server); otherwise the real services with ambient
// credentials. `transport: 'rest'` is google-gax's HTTP/1 fallback, for proxies that
// block gRPC.
import * as grpc from '@grpc/grpc-js';
import { PassThroughClient } from 'google-auth-library';

export type Transport = 'grpc' | 'rest';

export interface HostPort {
  host: string;
  port: number;
  protocol: 'http' | 'https';
}

/** An endpoint variable that cannot name an endpoint: a setting to fix before anything runs. */
class EndpointError extends Error {
  override name = 'EndpointError';
}

/** Accepts `host:port`, `http://host:port` or `https://host:port[/]`. */
export function parseHostPort(value: string, variable: string): HostPort {
  const withScheme = /^[a-z]+:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new EndpointError(`${variable}="${value}" is not host:port or a URL; set it like 127.0.0.1:8080`);
  }
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  const port = url.port ? Number(url.port) : protocol === 'https' ? 443 : 80;
  return { host: url.hostname, port, protocol };
}

/** Constructor options for a gax-based client (DTS, Logging v2). */
export function gaxClientOptions(
  env: NodeJS.ProcessEnv,
  grpcVariable: 'DTS_EMULATOR_HOST' | 'LOGGING_EMULATOR_HOST',
  restVariable: 'DTS_EMULATOR_REST' | 'LOGGING_EMULATOR_REST',
  transport: Transport,
  projectId: string | undefined,
): Record<string, unknown> {
  const project = projectId ? { projectId } : {};
  const grpcHost = env[grpcVariable];
  const restHost = env[restVariable];
  if (transport === 'rest' && (restHost || grpcHost)) {
    if (!restHost) {
      throw new Error(
        `transport "rest" needs ${restVariable} when ${grpcVariable} is set (the local cloud prints both)`,
      );
    }
    const target = parseHostPort(restHost, restVariable);
    return {
      ...project,
      apiEndpoint: target.host,
      port: target.port,
      protocol: target.protocol,
      fallback: true,
      authClient: new PassThroughClient(),
    };
  }
  if (grpcHost) {
    const target = parseHostPort(grpcHost, grpcVariable);
    return {
      ...project,
      apiEndpoint: target.host,
      port: target.port,
      sslCreds: grpc.credentials.createInsecure(),
      authClient: new PassThroughClient(),
    };
  }
  return { ...project, ...(transport === 'rest' ? { fallback: true } : {}) };
}

/** Whether the Google services are local (emulated): then a project id may be invented. */
export function isLocal(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.DTS_EMULATOR_HOST || env.BIGQUERY_EMULATOR_HOST || env.LOGGING_EMULATOR_HOST);
}
