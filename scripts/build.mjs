// Bundles the action's entry points (self-contained: the runner has no node_modules) and
// the CLI (its dependencies stay in node_modules) into dist/. The output is committed,
// and CI fails when it differs from a fresh bundle of src/.
import { readFile, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const manifest = async (path) => JSON.parse(await readFile(path, 'utf8'));
const root = await manifest('package.json');
const localCloud = await manifest('packages/local-cloud/package.json');
// The CLI leaves installed packages to node_modules, but bundles the workspace's own
// (they export TypeScript sources, which Node cannot load).
const installed = [
  ...new Set([...Object.keys(root.dependencies), ...Object.keys(localCloud.dependencies)]),
].filter((name) => name !== localCloud.name);

// CommonJS dependencies inside an ESM bundle still call require() and read __dirname.
const esmShim = [
  "import { createRequire as __s3bqCreateRequire } from 'node:module';",
  "import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';",
  "import { dirname as __s3bqDirname } from 'node:path';",
  'const require = __s3bqCreateRequire(import.meta.url);',
  'const __filename = __s3bqFileURLToPath(import.meta.url);',
  'const __dirname = __s3bqDirname(__filename);',
].join('\n');

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: esmShim },
  legalComments: 'none',
  logLevel: 'warning',
  charset: 'utf8',
  // Workspace packages (the local cloud) export their TypeScript sources under `source`.
  conditions: ['source'],
};

await rm('dist', { recursive: true, force: true });

await build({
  ...common,
  entryPoints: { main: 'src/action/main.ts', post: 'src/action/post.ts', report: 'src/action/report.ts' },
  outdir: 'dist/action',
  // jsonc-parser's `main` is a UMD build whose factory require()s its own files at run
  // time, which a bundle cannot serve: bundle its ESM build instead.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  external: installed,
  // Commands import their heavy modules inside run(); splitting keeps those imports lazy
  // (one bundle would hoist every package import to the top and load it on --version).
  splitting: true,
  chunkNames: 'cli-chunks/[name]-[hash]',
  banner: {},
});
