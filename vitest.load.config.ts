import { defineConfig } from 'vitest/config';

// The heavy load tests (500 tables), kept out of `npm test` for speed. Like the whole suite
// they resolve workspace packages by their `source` condition.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: ['test/load/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
