// `npm run bench`: runs every benchmark (suite.ts), prints a table against the goals and
// writes bench/results.json. `--only a,b` runs some of them and merges their figures into
// the existing results file. The CLI and action figures measure a private bundle built
// from the current src/ (see private-build.ts).
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { goalTable } from './goals.js';
import { buildPrivateCli } from './private-build.js';
import { round2 } from './stats.js';
import { BENCHES, type Bench, SETTINGS } from './suite.js';

const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Figures renamed since (see docs/benchmarks.md): never carried over from an older results file. */
const RETIRED = ['detection_latency_ms_mean_blind', 'get_run_calls_per_run_blind'];

function selected(): Bench[] {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  if (values.only === undefined) return BENCHES;
  const names = values.only.split(',').map((s) => s.trim());
  const known = BENCHES.map((bench) => bench.name);
  for (const name of names) {
    if (!known.includes(name))
      throw new Error(`unknown benchmark "${name}": choose from ${known.join(', ')}`);
  }
  return BENCHES.filter((bench) => names.includes(bench.name));
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

const load1m = () => round2(loadavg()[0] ?? Number.NaN);

/** The code measured: the commit, and the files under src/ and packages/ that differ from it. */
function sourceState(): { commit: string; changed: string[] } | undefined {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', cwd: ROOT });
    // Porcelain lines are "XY path": two status columns and a space before the path.
    const changed = git('status', '--porcelain', '--', 'src', 'packages', 'scripts')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    return { commit: git('rev-parse', 'HEAD').trim(), changed };
  } catch {
    return undefined; // not a git checkout: the figures stand without it
  }
}

async function main(): Promise<void> {
  const chosen = selected();
  const figures: Record<string, number> = {};
  const details: Record<string, unknown> = {};
  const loads: Record<string, number[]> = {};
  const started = performance.now();
  // Read before anything is built or run: the others in this checkout may change src/ meanwhile.
  const source = sourceState();
  const bundle = chosen.some((bench) => bench.needsBundle) ? await buildPrivateCli() : undefined;
  try {
    for (const bench of chosen) {
      log(`· ${bench.describe}`);
      const before = load1m();
      const measured = await bench.run({ cli: bundle?.entry ?? '', actionMain: bundle?.actionMain ?? '' });
      Object.assign(figures, measured.figures);
      Object.assign(details, measured.details);
      loads[bench.name] = [before, load1m()];
    }
  } finally {
    await bundle?.remove();
  }

  const previous = chosen.length < BENCHES.length ? await readPrevious() : {};
  const rounded = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, round2(v)]));
  const previousMachine = (previous.machine as { load_average_1m?: object } | undefined) ?? {};
  const results = {
    ...previous,
    ...rounded,
    machine: {
      nproc: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memory_gib: round2(totalmem() / 2 ** 30),
      node: process.version,
      platform: process.platform,
      // Others may share the machine: the 1-minute load average before and after each
      // benchmark says how much.
      load_average_1m: { ...previousMachine.load_average_1m, ...loads },
    },
    settings: SETTINGS,
    // Per benchmark, like the load: a merged results file may hold figures of several states.
    source: {
      ...(previous.source as object | undefined),
      ...Object.fromEntries(chosen.map((bench) => [bench.name, source])),
    },
    measured_at: new Date().toISOString(),
    details: { ...((previous.details as object | undefined) ?? {}), ...details },
  };
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  log('');
  for (const line of goalTable(results)) log(line);
  log(`\nwrote bench/results.json in ${Math.round((performance.now() - started) / 1000)} s`);
}

async function readPrevious(): Promise<Record<string, unknown>> {
  try {
    const previous = JSON.parse(await readFile(RESULTS, 'utf8')) as Record<string, unknown>;
    for (const key of RETIRED) delete previous[key];
    return previous;
  } catch {
    return {};
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
