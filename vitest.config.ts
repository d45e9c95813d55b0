import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/scratch-tmpdir.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Servers and native index builds compete for two cores: keep workers few.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: 'forks',
    reporters: ['default'],
  },
});
