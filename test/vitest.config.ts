import { defineConfig } from 'vitest/config';

// Vitest reads this file via `--config test/vitest.config.ts` (the project's top level is fixed).
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    // Worker-thread tests start real workers; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
