// A file the user running s3bq may not read is a finding of that file alone; the other
// files are still validated. Tests run as root here, where chmod 000 does not stop a read,
// so the refusal comes from the file system module as the kernel would give it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDiagnostic, loadTableDir } from '../../src/tables/load.js';

const denied = new Set<string>();

vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof import('node:fs/promises')>();
  return {
    ...real,
    readFile: (async (path: string, ...rest: unknown[]) => {
      if (denied.has(String(path))) {
        throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
      }
      return (real.readFile as (...args: unknown[]) => Promise<unknown>)(path, ...rest);
    }) as typeof real.readFile,
  };
});

describe('an unreadable table file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 's3bq-unreadable-'));
  });
  afterEach(async () => {
    denied.clear();
    await rm(dir, { recursive: true, force: true });
  });

  it('is reported on its own; every other file is still loaded', async () => {
    await writeFile(join(dir, 'a.one.json'), '{ "source": "s3://demo-lake/a/one" }');
    await writeFile(join(dir, 'b.locked.json'), '{ "source": "s3://demo-lake/b/locked" }');
    denied.add(join(dir, 'b.locked.json'));
    const { tables, diagnostics } = await loadTableDir(dir, {
      location: 'us',
      maxParallel: 10,
      timezone: 'UTC',
    });
    expect(tables.map((t) => t.name)).toEqual(['a.one']);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${join(dir, 'b.locked.json')}:1:1: cannot read the file (permission denied): let the user running s3bq read it, or remove it`,
    ]);
  });
});
