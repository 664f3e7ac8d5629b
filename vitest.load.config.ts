import { defineConfig } from 'vitest/config';
import suite from './vitest.config.js';

// The heavy load tests (500 tables), kept out of `npm test` for speed. They take the whole
// suite's settings (how workspace packages resolve, the pool, the server options) but not
// its projects, which would choose the files: these run alone, in a module graph of their own.
const { projects: _suiteFiles, maxWorkers: _suiteWorkers, ...shared } = suite.test ?? {};

export default defineConfig({
  ...suite,
  test: {
    ...shared,
    include: ['test/load/**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 600_000,
  },
});
