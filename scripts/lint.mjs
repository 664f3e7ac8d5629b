// `npm run lint`: biome (format and lint rules, warnings included), knip (unused files,
// exports and dependencies; knip.jsonc) and jscpd (blocks of logic written twice in src/
// and the local cloud's src/; .jscpd.json), in that order.
//
// jscpd's bar: 30 tokens over 3 lines, comments not counted (mode "weak"). That catches
// two or three statements repeated (a paging loop, a totals line, an error-to-step
// mapping) while one repeated call does not; real duplicates here ran 41-79 tokens in 3-8
// lines. Import and re-export lists, interfaces and type aliases are collapsed into one
// token each (ignorePattern), so shared shapes never count as logic written twice.
// Every check runs even when one before it fails, so one run shows every finding; the
// exit code is 1 when any check failed. Each check is an npm script of its own
// (`lint:biome`, `lint:knip`, `lint:jscpd`), runnable alone. knip keeps a cache in
// node_modules/.cache/knip: a cold run takes about 20 s here, a warm one about 4 s.
import { spawnSync } from 'node:child_process';

const CHECKS = ['lint:biome', 'lint:knip', 'lint:jscpd'];
// Under `npm run`, npm names its own entry point: run it with this Node, on any platform.
const npm = process.env.npm_execpath
  ? { command: process.execPath, prefix: [process.env.npm_execpath] }
  : { command: 'npm', prefix: [] };

const failed = [];
const started = Date.now();
for (const check of CHECKS) {
  const checkStarted = Date.now();
  const { status, error } = spawnSync(npm.command, [...npm.prefix, 'run', '--silent', check], {
    stdio: 'inherit',
  });
  const seconds = ((Date.now() - checkStarted) / 1000).toFixed(1);
  if (error) console.error(`${check}: could not start npm (${error.message})`);
  if (status !== 0) failed.push(check);
  console.log(`${status === 0 ? 'passed' : 'FAILED'}: ${check} (${seconds} s)`);
}
const total = ((Date.now() - started) / 1000).toFixed(1);
if (failed.length > 0) {
  console.error(
    `lint failed (${total} s): ${failed.join(', ')}. Fix the findings above, then run \`npm run lint\` again.`,
  );
  process.exit(1);
}
console.log(`lint passed (${total} s)`);
