/**
 * The Cypher workbench in Debian's Chromium against the real server and the real Neo4j: opened from the
 * toolbar and with Ctrl+`, a label completed from the database's schema, a query run with Ctrl+Enter and its
 * graph drawn in the main view, its rows in the table, the plan of an EXPLAIN as a tree, and the errors a
 * read-only workbench owes its user (a refused write, a syntax error marked in the text, a missing parameter).
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { probe as probeGraph, waitForStillGraph, type CyWindow } from '../support/browser.ts';
import { startBrowserSession, type BrowserSession } from '../support/browser-session.ts';
import { counts } from '../support/neo4j.ts';
import { openWorkbench as openWorkbenchOn, runWithKeyboard as runOn, setQuery as setQueryOn, workbenchDrawer, workbenchEditor } from '../support/workbench-page.ts';

let session: BrowserSession;
let db: Database;
let page: Page;
let pageErrors: string[];

const drawer = () => workbenchDrawer(page);
const editor = () => workbenchEditor(page);
const workbenchError = (code: string) => page.locator(`[data-testid="workbench-error"][data-code="${code}"]`);
const openWorkbench = () => openWorkbenchOn(page);
const setQuery = (text: string) => setQueryOn(page, text);
const runWithKeyboard = () => runOn(page);

beforeAll(async () => {
  session = await startBrowserSession();
  ({ db, page, pageErrors } = session);
});

// The main flows log no error to the console (4xx answers the UI handles aside: Chromium logs each one).
afterEach(() => {
  expect(session.consoleErrors.splice(0)).toEqual([]);
});

afterAll(() => session?.close());

describe('the Cypher workbench in Chromium', () => {
  it('opens from the toolbar, and Ctrl+` closes and reopens it', async () => {
    await expect(drawer().isVisible()).resolves.toBe(false);
    await page.locator('[data-testid="workbench-toggle"]').click();
    await editor().waitFor({ timeout: 30_000 });
    await expect(drawer().isVisible()).resolves.toBe(true);

    // The first visit's sample query is selected: what is typed replaces it.
    await expect(editor().innerText()).resolves.toBe('MATCH (n)-[r]->(m)\nRETURN n, r, m\nLIMIT 25');
    await page.keyboard.type('RETURN 1');
    await expect(editor().innerText()).resolves.toBe('RETURN 1');

    await page.keyboard.press('Control+Backquote');
    await expect(drawer().isVisible()).resolves.toBe(false);
    await page.keyboard.press('Control+Backquote');
    await expect(drawer().isVisible()).resolves.toBe(true);
    // Reopened, not rebuilt: the editor that was there is still there, focused, its text as it was.
    await expect(editor().innerText()).resolves.toBe('RETURN 1');
    await expect(page.evaluate(() => document.activeElement?.closest('[data-testid="cypher-editor"]') !== null)).resolves.toBe(true);
  });

  it('leaves Esc to the editor, and closes on Esc from the rest of the drawer, giving focus back to its button', async () => {
    // Opened afresh by its button (the test before leaves it open).
    if (await drawer().isVisible()) await page.keyboard.press('Control+Backquote');
    await page.locator('[data-testid="workbench-toggle"]').click();
    await editor().waitFor({ timeout: 30_000 });
    await editor().click();
    await page.keyboard.press('Escape');
    await expect(drawer().isVisible()).resolves.toBe(true);
    // The history's popover takes the first Esc; the next one, from its button, closes the drawer.
    await page.locator('[data-testid="history-button"]').click();
    await page.keyboard.press('Escape');
    await expect(drawer().isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer().isVisible()).toBe(false);
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).resolves.toBe('workbench-toggle');
  });

});

describe('the Cypher workbench, once open,', () => {
  beforeEach(openWorkbench);

  it('completes a label from the database as you type, and runs the query with Ctrl+Enter', async () => {
    await page.locator('[data-testid="schema-status"][data-state="ready"]').waitFor({ timeout: 30_000 });
    await setQuery('');
    await page.keyboard.type('MATCH (n:Per');
    // Enter accepts only a list that is up to date with the text (not greyed out while the completion
    // for the last keystroke is pending) and open for longer than CodeMirror's 75 ms interaction delay.
    const selected = page.locator('.cm-tooltip-autocomplete:not(.cm-tooltip-autocomplete-disabled) li[aria-selected="true"]', { hasText: 'Person' });
    await selected.waitFor({ timeout: 10_000 });
    await page.waitForTimeout(150);
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.insertText('-[r]->(m) RETURN n, r, m');
    await expect(editor().innerText()).resolves.toBe('MATCH (n:Person)-[r]->(m) RETURN n, r, m');

    await runWithKeyboard();
    await page.locator('[data-testid="graph-result"]').waitFor();
    await expect(page.locator('[data-testid="result-tab-graph"]').getAttribute('aria-selected')).resolves.toBe('true');
  });

  it('draws the query’s graph in the main view in place of what was there', async () => {
    await setQuery('MATCH (n:Person)-[r]->(m) RETURN n, r, m');
    await runWithKeyboard();
    const rows = await db.read('MATCH (n:Person)-[r]->(m) RETURN collect(DISTINCT n.id) + collect(DISTINCT m.id) AS ids, count(r) AS rels');
    const expected = [...new Set(rows[0]?.ids as string[])].sort();
    expect((await probeGraph(page)).nodes.length).toBeGreaterThan(expected.length);

    await page.locator('[data-testid="show-graph-replace"]').click();
    await page.waitForFunction((count) => (window as unknown as CyWindow).__cy.nodes().length === count, expected.length, { timeout: 10_000 });
    await waitForStillGraph(page);
    const drawn = await probeGraph(page);
    expect([...drawn.nodes].sort()).toEqual(expected);
    expect(drawn.edges.length).toBe(Number(rows[0]?.rels));
  });

  it('merges another query’s graph into the view', async () => {
    const before = (await probeGraph(page)).nodes;
    await setQuery("MATCH (c:Country {id: 'russia'}) RETURN c");
    await runWithKeyboard();
    await page.locator('[data-testid="show-graph-merge"]').click();
    await page.waitForFunction(() => (window as unknown as CyWindow).__cy.getElementById('russia').nonempty(), null, { timeout: 10_000 });
    expect((await probeGraph(page)).nodes).toEqual(expect.arrayContaining(before));
  });

  it('lists the rows in the table, sortable by a column', async () => {
    await setQuery('MATCH (n:Person) RETURN n.name AS name, n');
    await runWithKeyboard();
    await page.locator('[data-testid="result-tab-table"]').click();
    const table = page.locator('[data-testid="result-table"]');
    const stored = await db.read('MATCH (n:Person) RETURN n.name AS name');
    await expect(table.locator('tbody tr').count()).resolves.toBe(stored.length);

    await table.locator('th button', { hasText: 'name' }).click();
    const names = await table.locator('tbody tr td:nth-child(2) .wb-cell-value').allInnerTexts();
    const sorted = stored.map((row) => String(row.name)).sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }));
    expect(names).toEqual(sorted);
  });

  it('shows an answer of several megabytes in table and JSON with a page whose size does not grow with it, saying what was cut', async () => {
    // A list of 1,500 strings per row: the server shortens each to 1,000 items and stops the rows at 8 MB.
    await setQuery("UNWIND range(1, 1000) AS i RETURN i, [x IN range(1, 1500) | 'item ' + x] AS xs");
    await runOn(page, 60_000);
    // The result line names the cuts; the Summary (one click away) says each in full.
    await expect(page.locator('[data-testid="result-line-cut"]').innerText()).resolves.toBe('truncated: rows, values');
    await page.locator('[data-testid="result-line-cut"]').click();
    const cut = await page.locator('[data-testid="summary-truncated"]').innerText();
    expect(cut).toMatch(/rows cut at [\d,]+: the answer reached 8 MB/);
    expect(cut).toMatch(/[\d,]+ values shortened \(lists and maps to 1,000 entries/);
    const elementsIn = (selector: string) => page.evaluate((s) => document.querySelector(s)?.querySelectorAll('*').length ?? -1, selector);
    /** ms from a click on `tab` until the frame after it: logged, not asserted (shared machines). */
    const clickToFrame = async (tab: string) => {
      await page.evaluate(() => {
        document.addEventListener('pointerdown', () => performance.mark('tab-click'), { once: true, capture: true });
      });
      await page.locator(`[data-testid="result-tab-${tab}"]`).click();
      return page.evaluate(
        () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - performance.getEntriesByName('tab-click').at(-1)!.startTime)))),
      );
    };

    const tableMs = await clickToFrame('table');
    const table = page.locator('[data-testid="result-table"]');
    await table.locator('tbody tr[data-index="0"]').waitFor();
    const rowCount = Number(await table.getAttribute('aria-rowcount')) - 1;
    expect(rowCount).toBeGreaterThan(100);
    // Without virtual rows and collapsed lists this table was over 100,000 elements.
    expect(await elementsIn('[data-testid="result-table"]')).toBeLessThan(6_000);
    const firstList = table.locator('tbody tr[data-index="0"] td:nth-child(3)');
    await expect(firstList.locator('[data-testid="value-more"]').first().innerText()).resolves.toBe('… 980 more');
    await expect(firstList.locator('[data-testid="value-not-sent"]').innerText()).resolves.toBe('… 500 more items not sent by the server');
    await firstList.locator('[data-testid="value-more"]').first().click();
    await expect(firstList.locator('[data-testid="value-more"]').first().innerText()).resolves.toBe('… 780 more');

    // Scrolled to the end with the wheel, the last row is drawn, and the page is no bigger.
    await page.locator('[data-testid="result-table-scroll"]').hover();
    for (let i = 0; i < 20 && (await table.locator(`tbody tr[data-index="${rowCount - 1}"]`).count()) === 0; i++) await page.mouse.wheel(0, 200_000);
    await table.locator(`tbody tr[data-index="${rowCount - 1}"]`).waitFor();
    expect(await elementsIn('[data-testid="result-table"]')).toBeLessThan(6_000);

    const jsonMs = await clickToFrame('json');
    const json = page.locator('[data-testid="result-json"]');
    await expect(json.locator('pre').innerText()).resolves.toMatch(/^\[\n {2}\{/);
    expect(await elementsIn('[data-testid="result-json"]')).toBeLessThan(10);
    expect((await json.locator('pre').innerText()).split('\n').length).toBeLessThan(300);
    await json.hover();
    for (let i = 0; i < 20 && !(await json.locator('pre').innerText()).endsWith('\n]'); i++) await page.mouse.wheel(0, 10_000_000);
    await expect(json.locator('pre').innerText()).resolves.toMatch(/\n\]$/);
    console.info(`huge answer: ${rowCount} rows; click to next frame: table ${Math.round(tableMs)} ms, JSON ${Math.round(jsonMs)} ms`);
  });

  it('shows the plan of an EXPLAIN as a tree of operators', async () => {
    await setQuery('EXPLAIN MATCH (n) RETURN n');
    await runWithKeyboard();
    const tree = page.locator('[data-testid="plan-tree"]');
    await tree.waitFor();
    const operators = await tree.locator('[data-testid="plan-operator"]').allInnerTexts();
    expect(operators).toEqual(['ProduceResults', 'AllNodesScan']);

    await tree.getByRole('button', { name: 'Collapse ProduceResults' }).click();
    await expect(tree.locator('[data-testid="plan-operator"]').allInnerTexts()).resolves.toEqual(['ProduceResults']);
  });

  it('refuses a write as read-only, and the database is left as it was', async () => {
    const before = await counts(db);
    await setQuery("CREATE (n:Intruder {name: 'x'}) RETURN n");
    await runWithKeyboard();
    const error = workbenchError('CYPHER_WRITE_FORBIDDEN');
    await error.waitFor();
    await expect(error.innerText()).resolves.toMatch(/read-only/i);
    expect(await counts(db)).toEqual(before);
  });

  it('marks where a syntax error is in the query', async () => {
    await setQuery('MATCH (n)\nRETURN n LIMT 5');
    await runWithKeyboard();
    await workbenchError('CYPHER_SYNTAX').waitFor();
    await expect(workbenchError('CYPHER_SYNTAX').innerText()).resolves.toContain('line 2');
    await expect(page.locator('[data-testid="editor-server-error"]').innerText()).resolves.toBe('LIMT');
  });

  it('names a missing parameter and adds it to the parameters on request', async () => {
    await setQuery('MATCH (n {id: $who}) RETURN n');
    await runWithKeyboard();
    const error = workbenchError('CYPHER_PARAMETER_MISSING');
    await error.waitFor();
    await expect(error.innerText()).resolves.toContain('$who');
    await error.getByRole('button', { name: /Add \$who/ }).click();
    await expect(page.locator('[data-testid="params-editor"] .cm-content').innerText()).resolves.toContain('"who": null');
  });

  it('keeps the queries run in its history', async () => {
    for (const query of ['EXPLAIN MATCH (n) RETURN n', 'MATCH (n:Person)-[r]->(m) RETURN n, r, m']) {
      await setQuery(query);
      await runWithKeyboard();
    }
    await page.locator('[data-testid="history-button"]').click();
    const history = page.locator('[data-testid="history-panel"]');
    await expect(history.innerText()).resolves.toContain('EXPLAIN MATCH (n) RETURN n');
    await expect(history.innerText()).resolves.toContain('MATCH (n:Person)-[r]->(m) RETURN n, r, m');
    await page.keyboard.press('Escape');
  });

  it('raises no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
