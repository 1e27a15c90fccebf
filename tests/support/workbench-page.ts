/**
 * Driving the Cypher workbench in a browser test as a user does: open it, type a query, run it with
 * Ctrl+Enter and wait for that run's own answer.
 */
import type { Page } from 'playwright-core';

export const workbenchDrawer = (page: Page) => page.locator('[data-testid="workbench-drawer"]');
export const workbenchEditor = (page: Page) => page.locator('[data-testid="cypher-editor"] .cm-content');

/** Opens the workbench unless it is open, and closes whatever pops up over its editor. */
export async function openWorkbench(page: Page): Promise<void> {
  if (!(await workbenchDrawer(page).isVisible())) await page.locator('[data-testid="workbench-toggle"]').click();
  await workbenchEditor(page).waitFor({ timeout: 30_000 });
  await workbenchEditor(page).focus();
  await page.keyboard.press('Escape');
}

/** Replaces the query text as a paste would (no completion pops up to catch an Enter). */
export async function setQuery(page: Page, text: string): Promise<void> {
  // Focus, not click: a completion list left open must not be able to swallow the pointer.
  await workbenchEditor(page).focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** The sequence number of the answer on show (results or an error), 0 before the first. */
async function shownRun(page: Page): Promise<number> {
  const answer = page.locator('.wb-results[data-run]');
  return (await answer.count()) === 0 ? 0 : Number(await answer.first().getAttribute('data-run'));
}

/** Runs the query in the editor with Ctrl+Enter and waits for its own answer, not the one before it. */
export async function runWithKeyboard(page: Page, timeoutMs = 30_000): Promise<void> {
  const before = await shownRun(page);
  await workbenchEditor(page).focus();
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(
    (previous) => Number(document.querySelector('.wb-results[data-run]')?.getAttribute('data-run') ?? 0) > previous,
    before,
    { timeout: timeoutMs },
  );
}
