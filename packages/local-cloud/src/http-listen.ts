// Puts one of the local cloud's HTTP servers on loopback and gives back its address and a
// stop that never waits: hung (fault-injected) calls and keep-alive sockets are closed.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListeningServer {
  port: number;
  /** `127.0.0.1:PORT` (`[::1]:PORT` on IPv6), what *_EMULATOR_HOST variables hold. */
  hostPort: string;
  url: string;
  stop(): Promise<void>;
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
