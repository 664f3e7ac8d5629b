// A writable stream that keeps what is written to it: stands in for stdout/stderr when a
// test runs a CLI command in-process.
import { PassThrough } from 'node:stream';

export function textSink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => {
    text += String(chunk);
  });
  return { stream, text: () => text };
}
