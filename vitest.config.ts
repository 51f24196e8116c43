import { defineConfig } from 'vitest/config';

/**
 * The template battery runs on worker threads, whose stack is 4 MB: helm stops runaway
 * `include` recursion at 1000 levels, and reproducing its error needs that depth. Chart
 * rendering must run with the same stack; other tests keep Node's default (about 1 MB), which
 * the command line runs with today.
 */
const DEEP_STACK = ['test/gotemplate/battery.test.ts', 'test/helm/differential/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: DEEP_STACK } },
      {
        extends: true,
        test: {
          name: 'deep-stack',
          include: DEEP_STACK,
          // Worker threads get a 4 MB stack, as the chart engine's rendering thread will.
          pool: 'threads',
        },
      },
    ],
  },
});
