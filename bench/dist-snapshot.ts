// A private copy of the bundled CLI for one benchmark run. The checkout is shared: a
// rebuild (`npm run build` empties dist/ first) in the middle of a run would make the
// child processes fail. The copy sits one level under the root like dist/, so its
// relative lookups (package.json for --version, node_modules for its packages) resolve
// the same way; it is removed when the run ends.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './child-process.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ATTEMPTS = 5;
const RETRY_AFTER_MS = 3_000;

export interface DistSnapshot {
  /** The snapshot's cli.js, to run as `node <entry> …`. */
  entry: string;
  remove(): Promise<void>;
}

function build(): void {
  const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', timeout: 180_000 });
  if (built.status !== 0)
    throw new Error('npm run build failed: fix the build, then run npm run bench again');
}

export async function snapshotDist(): Promise<DistSnapshot> {
  const dir = join(ROOT, 'bench', `.dist-${process.pid}`);
  const remove = () => rm(dir, { recursive: true, force: true });
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    await remove();
    try {
      await mkdir(dir, { recursive: true });
      await cp(join(ROOT, 'dist', 'cli.js'), join(dir, 'cli.js'));
      await cp(join(ROOT, 'dist', 'cli-chunks'), join(dir, 'cli-chunks'), { recursive: true });
      const entry = join(dir, 'cli.js');
      // A copy taken while someone rebuilds may be half there: prove it runs.
      const check = await runCli(entry, ['--version'], { timeoutMs: 30_000 });
      if (check.exitCode === 0) return { entry, remove };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && attempt === 1) {
        console.log('dist/ has no CLI bundle: running npm run build first');
        build();
        continue;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
  }
  await remove();
  throw new Error(
    `could not take a working copy of dist/ in ${ATTEMPTS} attempts: run npm run build and retry`,
  );
}
