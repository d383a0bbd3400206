import { defineConfig } from 'vitest/config';

// One project per package, so `vitest run --project <name>` runs one package and the root run
// reports every test of the repository in one summary.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'repository',
          root: '.',
          include: ['tests/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'eslint-plugin',
          root: './packages/eslint-plugin',
          include: ['tests/**/*.test.ts'],
          setupFiles: ['./tests/setup-rule-tester.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'runtime',
          root: './packages/reference-runtime',
          include: ['tests/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'conformance',
          root: './packages/conformance',
          include: ['tests/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
