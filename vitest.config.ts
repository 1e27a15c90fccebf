/**
 * One run for everything: unit, integration (the real Neo4j that global-setup starts) and browser tests
 * (Debian's Chromium against the real server). Files run one at a time because the integration and
 * browser tests share that one database and reset it.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    fileParallelism: false,
    // Generous: a loaded 2-core machine can take a while to seed; these are not speed assertions.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    reporters: ['default'],
  },
});
