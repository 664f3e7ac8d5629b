// The local cloud's admin endpoint: lets a test, a demo or a person at a terminal inject
// faults, deny a bucket, and read counters, over plain HTTP JSON on loopback.
//   GET /faults · POST /faults {FaultRule} · DELETE /faults · DELETE /faults/:id
//   POST /s3/deny {bucket} · GET /stats
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { FaultRegistry, FaultRule } from './faults.js';
import { readBody, sendJson } from './http-body.js';
import { answeringServer, listenOnLoopback } from './http-listen.js';

export interface AdminServerOptions {
  faults: FaultRegistry;
  /** Makes every S3 call on this bucket answer AccessDenied. */
  denyBucket: (bucket: string) => void;
  /** Counters of the local cloud, served as JSON by GET /stats. */
  stats: () => unknown;
  host?: string | undefined;
  port?: number | undefined;
}

export interface AdminServer {
  hostPort: string;
  url: string;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

const faultRuleSchema = z.strictObject({
  service: z.enum(['dts', 'logging', 'bigquery', 's3']),
  method: z.string().min(1),
  kind: z.enum(['error', 'latency', 'hang', 'fail-run']),
  code: z.number().int().min(0).optional(),
  message: z.string().optional(),
  latencyMs: z.number().int().min(0).optional(),
  times: z
    .number()
    .int()
    .min(-1)
    .refine((times) => times !== 0, 'times must be positive, or -1 for always')
    .optional(),
});

const denySchema = z.strictObject({ bucket: z.string().min(1) });

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function parseWith<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`,
  );
  throw new HttpError(400, `Invalid ${what}: ${problems.join('; ')}`);
}

/** Infinity is not JSON: "always" goes out as -1, the way it comes in. */
function ruleJson(rule: FaultRule & { id: number }): unknown {
  return { ...rule, times: rule.times === Number.POSITIVE_INFINITY ? -1 : rule.times };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const body = await readBody(request, {
    maxBytes: MAX_BODY_BYTES,
    tooLarge: () => new HttpError(413, `The request body exceeds ${MAX_BODY_BYTES} bytes.`),
  });
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(
      400,
      'The request body must be JSON, e.g. {"service":"dts","method":"*","kind":"error","code":14}.',
    );
  }
}

export async function startAdminServer(options: AdminServerOptions): Promise<AdminServer> {
  const { faults } = options;

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '');
    const method = request.method ?? 'GET';
    if (path === '/faults') {
      if (method === 'GET') return sendJson(response, 200, { faults: faults.listWithIds().map(ruleJson) });
      if (method === 'POST') {
        const rule = parseWith(faultRuleSchema, await readJson(request), 'fault rule');
        const id = faults.add(rule);
        return sendJson(response, 201, { id });
      }
      if (method === 'DELETE') {
        faults.clear();
        return sendJson(response, 200, { cleared: true });
      }
      throw new HttpError(405, `${method} /faults is not allowed: use GET, POST or DELETE.`);
    }
    const faultId = /^\/faults\/([^/]+)$/.exec(path)?.[1];
    if (faultId !== undefined) {
      if (method !== 'DELETE') throw new HttpError(405, `${method} ${path} is not allowed: use DELETE.`);
      const id = Number(faultId);
      if (!faults.listWithIds().some((rule) => rule.id === id)) {
        throw new HttpError(404, `No active fault with id ${faultId}; GET /faults lists them.`);
      }
      faults.remove(id);
      return sendJson(response, 200, { removed: id });
    }
    if (path === '/s3/deny') {
      if (method !== 'POST')
        throw new HttpError(405, `${method} /s3/deny is not allowed: use POST {"bucket":"name"}.`);
      const { bucket } = parseWith(denySchema, await readJson(request), 'deny request');
      options.denyBucket(bucket);
      return sendJson(response, 200, { denied: bucket });
    }
    if (path === '/stats') {
      if (method !== 'GET') throw new HttpError(405, `${method} /stats is not allowed: use GET.`);
      return sendJson(response, 200, options.stats());
    }
    throw new HttpError(
      404,
      `No admin endpoint ${method} ${path}: try GET /faults, POST /faults, POST /s3/deny, GET /stats.`,
    );
  }

  const server = answeringServer(route, (response, error) => {
    const status = error instanceof HttpError ? error.status : 500;
    sendJson(response, status, { error: error instanceof Error ? error.message : String(error) });
  });
  return listenOnLoopback(server, options.host, options.port);
}
