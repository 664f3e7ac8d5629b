// What the local cloud's plain HTTP servers share: reading a request body within a size
// bound (and, where asked, a deadline), and answering with JSON. The admin endpoint, the
// gRPC services' REST gateway and BigQuery's REST API read bodies here; each names the
// error an oversized body fails with, in its own API's error shape.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface BodyBounds {
  /** The largest body accepted, in bytes. */
  maxBytes: number;
  /** The error a larger body fails with. */
  tooLarge: () => Error;
  /** A body still arriving after this long fails, so a stalled client cannot pin a socket. */
  deadlineMs?: number | undefined;
}

export async function readBody(request: IncomingMessage, bounds: BodyBounds): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const timer =
    bounds.deadlineMs === undefined
      ? undefined
      : setTimeout(() => request.destroy(new Error('request body timed out')), bounds.deadlineMs);
  try {
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > bounds.maxBytes) throw bounds.tooLarge();
      chunks.push(chunk as Buffer);
    }
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks);
}

/** Answers with `body` as JSON, unless an answer has already begun (then the socket just closes). */
export function sendJson(response: ServerResponse, httpStatus: number, body: unknown): void {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(httpStatus, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
