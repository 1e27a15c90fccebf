/**
 * What every browser test starts from: the test database reset to the seed, the explorer serving the built
 * client, and one Chromium page that records the page errors it raises.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../../server/src/app.ts';
import type { Database } from '../../server/src/db/database.ts';
import { CHECK_ANSWERS_KEY } from '../../client/src/api/answer-check.ts';
import { launchChromium } from '../../scripts/chromium.ts';
import { CLIENT_DIR, startTestServer } from './http.ts';
import { resetToSeed, testDatabase } from './neo4j.ts';

export interface BrowserSession {
  db: Database;
  server: RunningServer;
  page: Page;
  /** Messages of the uncaught errors the page raised, in order. */
  pageErrors: string[];
  /**
   * Errors the page logged to its console, in order (a test may empty it). Chromium's own line for an API
   * answer with a 4xx status ("Failed to load resource") is left out: those are refusals the UI explains.
   */
  consoleErrors: string[];
  /** Closes the browser, the server and the database connection. */
  close(): Promise<void>;
}

/**
 * Makes every page of `browser` check each API answer against the contract's schema in full, as the
 * development server does (client/src/api/answer-check.ts): the tests run the production build, which
 * otherwise checks only an answer's top level.
 */
export async function checkAnswersInFull(browser: BrowserContext): Promise<void> {
  await browser.addInitScript((key) => window.localStorage.setItem(key, 'full'), CHECK_ANSWERS_KEY);
}

/** `open`: the page is on the explorer, its first graph drawn (else it is blank, for a test to open a view). */
export async function startBrowserSession({ open = true }: { open?: boolean } = {}): Promise<BrowserSession> {
  if (!existsSync(join(CLIENT_DIR, 'index.html'))) throw new Error('dist/client is missing: run `npm run build` first (npm test does).');
  const db = testDatabase();
  let server: RunningServer | undefined;
  let browser: BrowserContext | undefined;
  const close = async () => {
    await browser?.close();
    await server?.stop();
    await db.close();
  };
  try {
    await resetToSeed(db);
    server = await startTestServer(db, { client: true });
    browser = await launchChromium();
    await checkAnswersInFull(browser);
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
      consoleErrors.push(message.text());
    });
    if (open) {
      await page.goto(server.url);
      await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
    }
    return { db, server, page, pageErrors, consoleErrors, close };
  } catch (error) {
    await close();
    throw error;
  }
}
