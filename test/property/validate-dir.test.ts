// `s3bq validate` over a folder of hostile table files (generated mutations, odd names,
// a huge file, deep nesting, prototype keys): exit 1, and every line it prints is one
// well-formed `path:line:col: message` finding for a file that exists.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_TABLE_FILE_BYTES } from '../../src/tables/load.js';
import { runCli } from '../cli/run-cli.js';
import { breakingMutation, validTableFile } from './table-file-arbitraries.js';

let cwd: string;
const files = new Map<string, string>();

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 's3bq-hostile-'));
  const dir = join(cwd, 'tables');
  await import('node:fs/promises').then((fs) => fs.mkdir(dir));
  const put = async (name: string, text: string) => {
    files.set(name, text);
    await writeFile(join(dir, name), text);
  };
  const samples = fc.sample(fc.tuple(validTableFile, breakingMutation), { numRuns: 40, seed: 7 });
  for (const [index, [file, mutation]] of samples.entries()) {
    const copy = structuredClone(file);
    mutation.apply(copy);
    await put(`mutated.t${index}.json`, JSON.stringify(copy, null, 2));
  }
  await put(
    'huge.table.json',
    `{"source":"s3://lake/a/b","description":"${'x'.repeat(MAX_TABLE_FILE_BYTES)}"}`,
  );
  await put(
    'deep.table.json',
    `{"source":"s3://lake/a/b","labels":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
  );
  await put(
    'proto.table.json',
    '{"source":"s3://lake/a/b","__proto__":{"enabled":false},"constructor":1,"valueOf":2}',
  );
  await put('a\nb.c.json', '{"source":"s3://lake/a/b"}');
  await put('x:1:2.json', '{"source":"s3://lake/a/c"}');
  await put('ünï.cödé.json', '{"source":"s3://lake/a/d"}');
  await put('empty.table.json', '');
  await put('array.table.json', '[1,2]');
  await put('binary.table.json', '\u0000\u0001\uFFFD\uD800');
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

it('exits 1 and prints only well-formed findings, at least one per file', async () => {
  const result = await runCli(['validate', '--tables', 'tables'], { cwd });
  expect(result.code).toBe(1);
  const lines = result.stdout.trimEnd().split('\n');
  const seen = new Set<string>();
  for (const line of lines) {
    const match = /^tables\/(.+):(\d+):(\d+): (\S.*)$/.exec(line);
    expect(match, line).not.toBeNull();
    // File names print with control characters escaped, so each finding stays on one line.
    const name = JSON.parse(`"${match![1]!}"`) as string;
    const text = files.get(name);
    expect(text, `finding for a file that does not exist: ${line}`).toBeDefined();
    seen.add(name);
    const lineNo = Number(match![2]);
    expect(lineNo).toBeGreaterThanOrEqual(1);
    expect(lineNo).toBeLessThanOrEqual(text!.split(/\r\n|\r|\n/).length);
  }
  expect([...files.keys()].filter((name) => !seen.has(name))).toEqual([]);
  expect(result.stderr).toMatch(/^\d+ errors in \d+ files\n$/);
});
