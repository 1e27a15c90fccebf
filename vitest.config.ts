/**
 * Two projects in one run (`npm test`):
 * - `unit`: tests/unit, no database and no browser, files in parallel; alone in seconds with
 *   `npm run test:unit`.
 * - `integration`: tests/integration and tests/e2e, against the real Neo4j that global-setup starts (after
 *   checking the machine's prerequisites, test-prerequisites.ts) and, for the browser tests, Debian's
 *   Chromium against the real server. Its files run one at a time because they share that one database and
 *   reset it.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          // Generous: a loaded 2-core machine can take a while to seed; these are not speed assertions.
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // expect.poll waits on what the UI shows after a server round trip or a layout: 1 s by default,
          // which a loaded machine overran (a path search with a floor, CI of 2026-12-06). Not a speed
          // assertion either: a poll that succeeds sooner ends sooner.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
