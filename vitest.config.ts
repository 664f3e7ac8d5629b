import { defineConfig } from 'vitest/config';

// The whole suite: unit, local-cloud integration and end-to-end tests of dist/, and the
// local cloud package's own tests. Heavy load tests live in test/load and run with
// `npm run test:load`.
//
// Speed on a 2-core machine: most files spend their time waiting on the local cloud and on
// child processes, not on the CPU, so more workers than cores run at once; and files share a
// worker's loaded modules (isolate: false), since loading the cloud clients anew for each of
// 110 files costs more CPU than the tests themselves. A file that replaces modules
// (vi.mock, aws-sdk-client-mock) or the environment (vi.stubEnv) would leak into the files
// after it, so such a file is named *.mocks.test.ts and runs in a fresh module graph of its
// own (test/structure/house.test.ts holds every file to that rule).
const MOCKS = '**/*.mocks.test.ts';
const SUITE = ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'];
const NOT_HERE = ['test/load/**', 'node_modules/**'];

export default defineConfig({
  // Workspace packages export their TypeScript sources under the `source` condition.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 4,
    // @actions/workflow-parser imports its JSON schema without an import attribute, which
    // Node refuses; letting Vite transform it makes it loadable in tests.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: SUITE, exclude: [...NOT_HERE, MOCKS], isolate: false },
      },
      { extends: true, test: { name: 'mocks', include: [MOCKS], exclude: NOT_HERE, isolate: true } },
    ],
  },
});
