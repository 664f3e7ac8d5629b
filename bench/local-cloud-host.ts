// The local cloud for the benchmarks, in a process of its own, so the process being
// measured shares neither its event loop nor its memory with the services it calls.
// Run as `node --conditions=source --import tsx bench/local-cloud-host.ts '<options JSON>'`
// (see local-cloud-process.ts). It prints the endpoints as one JSON line, then takes
// one JSON request a line on stdin and answers one JSON line each on stdout:
//   {"id":1,"op":"backdate","ageMs":3600000}  → {"id":1,"result":<objects aged>}
// Aging goes through the local cloud's own backdateObjects: a lake the benchmarks write a
// second before a tick must look as old as a real lake's files, or every partition waits
// out DTS's visibility delay. It stops when stdin closes (the bench went away) or on SIGTERM.
import { createInterface } from 'node:readline';
import { type LocalCloudOptions, startLocalCloud } from '@s3bq/local-cloud';
import { z } from 'zod';

const optionsSchema = z.strictObject({
  runSeconds: z.number().positive(),
  fileVisibilitySeconds: z.number().min(0).optional(),
  projectId: z.string().min(1).optional(),
});
export type LocalCloudHostOptions = z.infer<typeof optionsSchema>;

const requestSchema = z.strictObject({
  id: z.number().int(),
  op: z.literal('backdate'),
  ageMs: z.number().min(0),
});

async function main(): Promise<void> {
  const parsed = optionsSchema.safeParse(JSON.parse(process.argv[2] ?? '{}'));
  if (!parsed.success) throw new Error(`local-cloud-host: bad options: ${parsed.error.message}`);
  const options: LocalCloudOptions = { ...parsed.data };
  const cloud = await startLocalCloud(options);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= cloud.stop().then(() => process.exit(0));
    return stopping;
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  process.stdout.write(`${JSON.stringify(cloud.env)}\n`);

  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    let body: unknown;
    try {
      body = JSON.parse(line);
    } catch {
      body = undefined;
    }
    const request = requestSchema.safeParse(body);
    if (!request.success) {
      process.stdout.write(`${JSON.stringify({ id: -1, error: request.error.message })}\n`);
      return;
    }
    const { id, ageMs } = request.data;
    cloud.backdateObjects(ageMs).then(
      (result) => process.stdout.write(`${JSON.stringify({ id, result })}\n`),
      (error: unknown) => process.stdout.write(`${JSON.stringify({ id, error: String(error) })}\n`),
    );
  });
  lines.once('close', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(
    `local-cloud-host: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
  );
  process.exit(1);
});
