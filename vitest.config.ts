import { defineConfig } from 'vitest/config';

// The whole suite: unit, local-cloud integration and end-to-end tests of dist/, and the
// local cloud package's own tests. Heavy load tests live in test/load and run with
// `npm run test:load`.
export default defineConfig({
  // Workspace packages export their TypeScript sources under the `source` condition.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    exclude: ['test/load/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // @actions/workflow-parser imports its JSON schema without an import attribute, which
    // Node refuses; letting Vite transform it makes it loadable in tests.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
