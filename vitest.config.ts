import { defineConfig } from 'vitest/config';

// One storage/ingestion suite, run once per dialect: tests read the dialect with inject('dialect').
const storageSuites = ['packages/storage/test/**/*.test.ts', 'packages/server/test/**/*.test.ts'];

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: a single worker on these 2-core machines,
    // idle while PostgreSQL, a server process or Chromium works. Two keep both cores busy; the
    // integration and browser projects still run one file at a time (fileParallelism: false).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/core/**/*.test.ts',
            'packages/cli/test/**/*.unit.test.ts',
            'apps/web/src/**/*.test.ts',
            'packages/tracker/test/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'sqlite',
          include: storageSuites,
          provide: { dialect: 'sqlite' },
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: storageSuites,
          provide: { dialect: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['e2e/**/*.test.ts', 'packages/cli/test/**/*.int.test.ts'],
          exclude: ['e2e/**/*.browser.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Real pages in the system Chromium (playwright-core, never a downloaded browser).
        test: {
          name: 'browser',
          include: ['e2e/**/*.browser.test.ts'],
          // expect.poll waits for a page to show what the test expects; its default second is too
          // short on a loaded machine (a passing poll still returns as soon as the page shows it).
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
