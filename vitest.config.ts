import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // vitest's default is one worker fewer than the cores: one on a 2-core machine. Much of the suite
    // waits on child processes (npm installs, moto, vitest and Jest runs), so two workers take about
    // two thirds of the time there.
    maxWorkers: 2,
  },
});
