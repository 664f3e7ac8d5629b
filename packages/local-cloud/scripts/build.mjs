// Builds the package for publishing: one ESM bundle of src/ (dependencies stay external)
// in dist/. Inside this repository nothing needs it: the `source` export condition points
// the product, its tests and its bundler at src/ directly.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
