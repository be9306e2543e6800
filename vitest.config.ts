import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tools/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          // Property tests (fast-check, 100-1,000 runs) take 1-2 s on a quiet 2-core machine and passed 5 s under a
          // load average of 30 (two browsers and a corpus check beside them): a slow machine is not a failure.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One browser per file; files run one at a time: two cores, and each browser wants one.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
