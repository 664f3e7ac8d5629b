// The local cloud's S3: s3rver on loopback stores the objects under a data directory, and
// a thin front server in front of it does what s3rver does not: verify SigV4 signatures
// against the configured key pairs, refuse denied buckets, unwrap aws-chunked uploads and
// apply injected faults. Clients only ever see the front server.
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import type { FaultRegistry } from '../faults.js';
import { decodeAwsChunked, isAwsChunked, plainHeaders } from './aws-chunked.js';
import { toV1Request, toV2Body } from './list-objects-v2.js';
import { ACCESS_DENIED, sendS3Error } from './s3-error.js';
import { describeS3Request } from './s3-operations.js';
import { type AwsKeyPair, verifySigV4 } from './sigv4-verify.js';

export type { AwsKeyPair } from './sigv4-verify.js';

export interface S3EmulatorOptions {
  /** Where s3rver keeps buckets and objects. */
  dataDir: string;
  /** The only key pairs the server accepts. */
  credentials: AwsKeyPair[];
  faults: FaultRegistry;
  host?: string;
  port?: number;
  clock?: () => Date;
}

export interface S3Emulator {
  /** `http://127.0.0.1:PORT`: AWS_ENDPOINT_URL_S3. */
  url: string;
  /** Refuse every request on this bucket with AccessDenied (as a bucket policy would). */
  denyBucket(bucket: string): void;
  allowBucket(bucket: string): void;
  /** Counts of requests by operation, for load tests. */
  requestCounts(): Record<string, number>;
  stop(): Promise<void>;
}

// How long the front waits for s3rver; a local disk answers in milliseconds.
const BACKEND_TIMEOUT_MS = 30_000;

function readBody(req: IncomingMessage | NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startS3Emulator(options: S3EmulatorOptions): Promise<S3Emulator> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? (() => new Date());
  const keys = new Map(options.credentials.map((pair) => [pair.accessKeyId, pair.secretAccessKey]));
  const denied = new Set<string>();
  const counts: Record<string, number> = {};

  const backend = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: options.dataDir,
    vhostBuckets: false,
  });
  const backendAddress = await backend.run();

  /** One request to s3rver; the answer is streamed to `res` unless `collect` buffers it. */
  const callBackend = (
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    body: Buffer | IncomingMessage | undefined,
    res: ServerResponse,
    collect?: (status: number, headers: IncomingHttpHeaders, body: Buffer) => void,
  ): Promise<void> =>
    new Promise<void>((resolve) => {
      const upstream = httpRequest(
        { host: '127.0.0.1', port: backendAddress.port, method, path, headers, timeout: BACKEND_TIMEOUT_MS },
        (answer) => {
          if (collect) {
            readBody(answer).then(
              (data) => {
                collect(answer.statusCode ?? 502, answer.headers, data);
                resolve();
              },
              () => {
                res.destroy();
                resolve();
              },
            );
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('end', resolve);
          answer.on('error', () => resolve());
        },
      );
      upstream.on('timeout', () => upstream.destroy(new Error('local S3 store timed out')));
      upstream.on('error', (error) => {
        if (!res.headersSent)
          sendS3Error(res, method, { status: 500, code: 'InternalError', message: error.message });
        else res.destroy();
        resolve();
      });
      if (Buffer.isBuffer(body)) upstream.end(body);
      else if (body) body.pipe(upstream);
      else upstream.end();
    });

  const forward = async (req: IncomingMessage, res: ServerResponse, operation: string): Promise<void> => {
    const method = req.method ?? 'GET';
    const headers: IncomingHttpHeaders = { ...req.headers, host: `127.0.0.1:${backendAddress.port}` };
    // s3rver would check the key against its own (global) account registry; the front
    // has already authenticated the caller, so s3rver sees an anonymous request.
    delete headers.authorization;

    if (operation === 'ListObjectsV2') {
      const v2 = toV1Request(req.url ?? '/');
      if (!v2) {
        sendS3Error(res, method, {
          status: 400,
          code: 'InvalidArgument',
          message: 'The continuation token provided is incorrect',
        });
        return;
      }
      await callBackend('GET', v2.v1Url, headers, undefined, res, (status, answerHeaders, data) => {
        const body = status === 200 ? Buffer.from(toV2Body(data.toString('utf8'), v2), 'utf8') : data;
        res.writeHead(status, { ...answerHeaders, 'content-length': String(body.length) });
        res.end(body);
      });
      return;
    }
    if (isAwsChunked(req.headers)) {
      const body = decodeAwsChunked(await readBody(req));
      await callBackend(method, req.url ?? '/', plainHeaders(headers, body.length), body, res);
      return;
    }
    await callBackend(method, req.url ?? '/', headers, req, res);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const rawUrl = req.url ?? '/';
    const target = describeS3Request(method, rawUrl);
    counts[target.operation] = (counts[target.operation] ?? 0) + 1;

    const fault = options.faults.take('s3', target.operation);
    if (fault?.kind === 'hang') return; // the socket stays open until the client gives up
    if (fault?.kind === 'latency') await new Promise((resolve) => setTimeout(resolve, fault.latencyMs ?? 0));
    if (fault?.kind === 'error') {
      const status = fault.code ?? 503;
      req.resume();
      sendS3Error(res, method, {
        status,
        code: status === 503 ? 'SlowDown' : status === 403 ? 'AccessDenied' : 'InternalError',
        message: fault.message ?? 'Injected fault',
      });
      return;
    }

    const verdict = verifySigV4(method, rawUrl, req.headers, keys, clock());
    if (!verdict.ok) {
      req.resume();
      sendS3Error(res, method, verdict.error);
      return;
    }
    if (target.bucket && denied.has(target.bucket)) {
      req.resume();
      sendS3Error(res, method, ACCESS_DENIED);
      return;
    }
    await forward(req, res, target.operation);
  };

  const front = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        sendS3Error(res, req.method ?? 'GET', {
          status: 400,
          code: 'InvalidRequest',
          message: error instanceof Error ? error.message : String(error),
        });
      } else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = front.address() as AddressInfo;

  return {
    url: `http://${host}:${port}`,
    denyBucket: (bucket) => denied.add(bucket),
    allowBucket: (bucket) => denied.delete(bucket),
    requestCounts: () => ({ ...counts }),
    async stop() {
      // Hung requests never end by themselves; drop them so close() can finish.
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      backend.httpServer.closeAllConnections();
      await backend.close();
    },
  };
}
