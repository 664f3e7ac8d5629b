// A private bundle of the CLI and the action for one benchmark run, built from the current
// src/ by the project's own scripts/build.mjs. The checkout is shared: dist/ may be stale, or emptied
// by someone's rebuild in the middle of a run, so the bench neither reads nor writes it.
// The build runs in a temporary folder that links src/ and node_modules/; the bundle
// (cli.js, action/, the local cloud's loader) is then copied one level under the root like
// dist/, so its relative lookups (package.json for --version, node_modules for its
// packages) resolve the same way. It is removed when the run ends.
import { spawn } from 'node:child_process';
import { access, cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './child-process.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD_TIMEOUT_MS = 120_000;

export interface PrivateBuild {
  /** The bundle's cli.js, to run as `node <entry> …`. */
  entry: string;
  /** The bundle's action/main.js, to run as the runner runs it (INPUT_* variables). */
  actionMain: string;
  remove(): Promise<void>;
}

function runBuild(cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], {
      cwd,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `scripts/build.mjs failed (${code ?? signal}): fix the build, then run npm run bench again`,
          ),
        );
    });
  });
}

export async function buildPrivateCli(): Promise<PrivateBuild> {
  const work = await mkdtemp(join(tmpdir(), 's3bq-bench-build-'));
  const dir = join(ROOT, 'bench', `.dist-${process.pid}`);
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    for (const name of ['src', 'node_modules', 'package.json'])
      await symlink(join(ROOT, name), join(work, name));
    await runBuild(work);
    await remove();
    await cp(join(work, 'dist'), dir, { recursive: true });
    const entry = join(dir, 'cli.js');
    const actionMain = join(dir, 'action', 'main.js');
    const check = await runCli(entry, ['--version'], { timeoutMs: 30_000 });
    if (check.exitCode !== 0) throw new Error(`the private CLI bundle does not start: ${check.stderr}`);
    await access(actionMain).catch(() => {
      throw new Error(`the build made no ${actionMain}: check scripts/build.mjs`);
    });
    return { entry, actionMain, remove };
  } catch (error) {
    await remove();
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
