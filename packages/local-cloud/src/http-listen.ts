// Builds the local cloud's HTTP servers and puts them on loopback: each request runs an
// async handler whose failures the server answers in its own API's error shape, and the
// listening server comes back with its address and a stop that never waits (hung,
// fault-injected calls and keep-alive sockets are closed).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListeningServer {
  port: number;
  /** `127.0.0.1:PORT` (`[::1]:PORT` on IPv6), what *_EMULATOR_HOST variables hold. */
  hostPort: string;
  url: string;
  stop(): Promise<void>;
}

/** A server running `handle` for each request; whatever it throws, `fail` answers. */
export function answeringServer(
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
  fail: (response: ServerResponse, error: unknown) => void,
): Server {
  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => fail(response, error));
  });
}

export async function listenOnLoopback(
  server: Server,
  host = '127.0.0.1',
  port = 0,
): Promise<ListeningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const hostPort = `${host.includes(':') ? `[${host}]` : host}:${bound}`;
  return {
    port: bound,
    hostPort,
    url: `http://${hostPort}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
