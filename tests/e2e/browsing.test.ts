/**
 * Browsing the relationship graph in Debian's Chromium against the real server and Neo4j: search and
 * focus, expand / collapse with undo and redo, the over-the-cap expansion dialog, filters, path
 * highlighting, the evidence panel (the quote in its article, a node's claims grouped by source), the
 * timeline window, and a shared view restored from the URL after a reload.
 */
import type { Page } from 'playwright-core';
import { LIMITS } from '../../server/src/contract.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/src/app.ts';
import type { Database } from '../../server/src/db/database.ts';
import { clickElement, openView, probe, waitForStillGraph, type CyWindow } from '../support/browser.ts';
import { startBrowserSession, type BrowserSession } from '../support/browser-session.ts';
import { counts } from '../support/neo4j.ts';


/** The certainty floors the path finder and the neighbour chooser offer, in their order. */
const CERTAINTY_FLOORS = ['Any link', 'Confirmed links only', 'Reported or stronger', 'Assessed or stronger', 'Speculated or stronger', 'Conditional or stronger'];
let session: BrowserSession;
let db: Database;
let server: RunningServer;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  session = await startBrowserSession({ open: false });
  ({ db, server, page, pageErrors } = session);
});

afterAll(() => session?.close());

// The main flows log no error to the console.
afterEach(() => {
  expect(session.consoleErrors.splice(0)).toEqual([]);
});

/** Ids of the nodes joined to `id` in the database, optionally only through relationships of `type`. */
async function neighbourIds(id: string, type?: string): Promise<string[]> {
  const rows = await db.read(
    `MATCH (n {id: $id})-[r]-(m) WHERE $type IS NULL OR type(r) = $type RETURN DISTINCT m.id AS id ORDER BY id`,
    { id, type: type ?? null },
  );
  return rows.map((row) => String(row.id));
}

const sorted = (ids: string[]) => [...ids].sort();

/** Sets the neighbour cap in the settings popover, as a user does, and closes it. */
async function setNeighbourCap(cap: number): Promise<void> {
  await page.locator('[data-testid="settings-button"]').click();
  await page.locator('[data-testid="neighbour-cap"]').fill(String(cap));
  await page.locator('[data-testid="neighbour-cap"]').press('Enter');
  await page.locator('[data-testid="settings-button"]').click();
}
const panel = () => page.locator('[data-testid="details-panel"]');

/** Classes Cytoscape has on an element (hidden by a filter, on a highlighted path, …). */
async function classesOf(id: string): Promise<string[]> {
  return page.evaluate((elementId) => (window as unknown as CyWindow).__cy.getElementById(elementId).classes(), id);
}

async function openSection(name: string): Promise<void> {
  const toggle = page.locator(`[data-testid="section-${name}-toggle"]`);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

describe('browsing the graph in Chromium', () => {
  it('focuses search with / and Ctrl+K, marks what matched, and adds, selects and centres the chosen node', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea');
    await page.keyboard.press('Control+k');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('search-input');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    await page.keyboard.type('engineering');
    const results = page.locator('[data-testid="search-input-results"]');
    await results.getByRole('option').first().waitFor();
    await expect(results.locator('mark').first().innerText()).resolves.toMatch(/engineering/i);

    // Arrow down to the brigades, then Enter. No result is marked until the first ArrowDown, which marks the
    // first (third new-user trial: ArrowDown then Enter chose the second).
    const names = await results.locator('.search-option-name').allInnerTexts();
    const target = names.findIndex((name) => /engineering brigades$/i.test(name) && !/deployment/i.test(name));
    expect(target).toBeGreaterThanOrEqual(0);
    await expect(results.locator('[aria-selected="true"]').count()).resolves.toBe(0);
    await page.keyboard.press('ArrowDown');
    await expect(results.getByRole('option').first().getAttribute('aria-selected')).resolves.toBe('true');
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    await page.waitForFunction(() => (window as unknown as CyWindow).__cy.$(':selected').map((n) => n.id()).includes('north-korean-engineering-brigades'));
    // Centred (the node with its caption) once the focus animation is over, in the part of the canvas above
    // the selection bar.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const cy = (window as unknown as CyWindow).__cy;
          const box = cy.getElementById('north-korean-engineering-brigades').renderedBoundingBox();
          const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
          const canvas = cy.container()!.getBoundingClientRect();
          const bar = document.querySelector('[data-testid="selection-bar"]')?.getBoundingClientRect();
          const free = bar ? bar.top - canvas.top : cy.height();
          return !cy.animated() && Math.abs(centre.x - cy.width() / 2) < 5 && Math.abs(centre.y - free / 2) < 5;
        }),
        { timeout: 10_000 },
      )
      .toBe(true);
    await expect(panel().innerText()).resolves.toContain('North Korean engineering brigades');
    // The chosen node's caption stays in the box, but marks nothing: 19 of 27 nodes stayed faded after a
    // choice (fourth new-user trial). Typed again, the text marks its matches again.
    await expect.poll(() => page.evaluate(() => (window as unknown as CyWindow).__cy.nodes('.search-faded, .search-match').length)).toBe(0);
    await expect(page.locator('[data-testid="search-input"]').inputValue()).resolves.toMatch(/engineering brigades/i);
    await page.keyboard.press('/');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.evaluate(() => (window as unknown as CyWindow).__cy.nodes('.search-faded').length)).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  it('adds a search result with its neighbours on Shift+Enter', async () => {
    await openView(page, server.url, '#v=1&n=russia');
    await page.keyboard.press('/');
    await page.keyboard.type('Vietnam');
    await page.locator('[data-testid="search-input-results"]').getByRole('option').first().waitFor();
    await page.keyboard.press('Shift+Enter');
    const expected = await neighbourIds('vietnam');
    await page.waitForFunction((ids) => ids.every((id) => (window as unknown as CyWindow).__cy.getElementById(id).nonempty()), expected);
    expect((await probe(page)).selected).toEqual(['vietnam']);
  });

  it('expands a node, collapses what that added, and undoes and redoes both with keys and buttons', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea');
    const start = sorted((await probe(page)).nodes);
    expect(start).toEqual(['north-korea', 'russia']);

    await clickElement(page, 'russia');
    await page.keyboard.press('e');
    const expanded = sorted([...new Set([...start, ...(await neighbourIds('russia'))])]);
    await page.waitForFunction((n) => (window as unknown as CyWindow).__cy.nodes().length === n, expanded.length);
    expect(sorted((await probe(page)).nodes)).toEqual(expanded);
    await waitForStillGraph(page);

    await page.locator('[data-testid="collapse-button"]').click();
    expect(sorted((await probe(page)).nodes)).toEqual(start);

    await page.keyboard.press('Control+z');
    expect(sorted((await probe(page)).nodes)).toEqual(expanded);
    await page.keyboard.press('Control+z');
    expect(sorted((await probe(page)).nodes)).toEqual(start);
    await expect(page.locator('[data-testid="undo"]').isDisabled()).resolves.toBe(true);

    await page.keyboard.press('Control+Shift+z');
    expect(sorted((await probe(page)).nodes)).toEqual(expanded);
    await page.locator('[data-testid="redo"]').click();
    expect(sorted((await probe(page)).nodes)).toEqual(start);
    await page.locator('[data-testid="undo"]').click();
    await page.keyboard.press('Control+y');
    expect(sorted((await probe(page)).nodes)).toEqual(start);
  });

  it.each([
    ['an expansion', (url: URL) => url.pathname === '/api/nodes/north-korea/neighbors', async () => {
      await clickElement(page, 'north-korea');
      await page.keyboard.press('e');
    }],
    ['a path search', (url: URL) => url.pathname === '/api/paths', async () => {
      await clickElement(page, 'kim-jong-un');
      await page.locator('[data-testid="path-from-button"]').click();
      await clickElement(page, 'north-korea');
    }],
    ['a label sample', (url: URL) => url.pathname === '/api/graph' && url.searchParams.has('label'), async () => {
      await openSection('schema');
      await page.locator('[data-testid="schema-panel"] [data-label="Country"]').click();
    }],
  ])('cancels %s still on its way when Ctrl+Z comes first, and only that: the change before it stays, undoable', async (_what, url, start) => {
    await openView(page, server.url, '#v=1&n=kim-jong-un');
    await clickElement(page, 'kim-jong-un', { double: true });
    const expanded = sorted([...new Set(['kim-jong-un', ...(await neighbourIds('kim-jong-un'))])]);
    await page.waitForFunction((n) => (window as unknown as CyWindow).__cy.nodes().length === n, expanded.length);
    await waitForStillGraph(page);

    // The answer is held back, as a slow server or network would, until after the undo.
    let release = () => undefined as void;
    const gate = new Promise<void>((done) => (release = done));
    let requested = () => undefined as void;
    const asked = new Promise<void>((done) => (requested = done));
    await page.route(url, async (route) => {
      requested();
      await gate;
      await route.continue().catch(() => undefined); // the page aborted it: nothing to send
    });
    try {
      await start();
      await asked;
      await expect(page.locator('[data-testid="status-line"]').innerText()).resolves.toMatch(/…/);
      await page.keyboard.press('Control+z');
      await expect.poll(() => page.locator('[data-testid="status-line"]').innerText(), { timeout: 10_000 }).toMatch(/was cancelled/);
      release();
      await page.waitForTimeout(1_000); // room for a late answer to land, were it not cancelled
      // Kim's expansion, made before, is still there (it went too: new-user trial); nothing else came.
      expect(sorted((await probe(page)).nodes)).toEqual(expanded);
      await page.keyboard.press('Control+z');
      await page.waitForFunction(() => (window as unknown as CyWindow).__cy.nodes().length === 1);
      await page.keyboard.press('Control+Shift+z');
      await page.waitForFunction((n) => (window as unknown as CyWindow).__cy.nodes().length === n, expanded.length);
      expect(sorted((await probe(page)).nodes)).toEqual(expanded);
    } finally {
      release();
      await page.unroute(url);
    }
  });

  it('makes Del undoable, and puts the node back where it was', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea,ukraine');
    await waitForStillGraph(page);
    const before = await page.evaluate(() => (window as unknown as CyWindow).__cy.getElementById('ukraine').position());
    await clickElement(page, 'ukraine');
    await page.keyboard.press('Delete');
    expect((await probe(page)).nodes).not.toContain('ukraine');
    await page.keyboard.press('Control+z');
    await waitForStillGraph(page);
    const after = await page.evaluate(() => (window as unknown as CyWindow).__cy.getElementById('ukraine').position());
    expect(after.x).toBeCloseTo(before.x, 0);
    expect(after.y).toBeCloseTo(before.y, 0);
  });

  it('treats dragging a node as a manual layout change that can be undone', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea,ukraine');
    await waitForStillGraph(page);
    const position = () => page.evaluate(() => (window as unknown as CyWindow).__cy.getElementById('ukraine').position());
    const before = await position();
    const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
    const at = await page.evaluate(() => (window as unknown as CyWindow).__cy.getElementById('ukraine').renderedPosition());
    if (!box) throw new Error('graph canvas not on the page');
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await page.mouse.down();
    await page.mouse.move(box.x + at.x - 80, box.y + at.y + 60, { steps: 8 });
    await page.mouse.up();
    await expect(page.locator('[data-testid="layout-select"]').inputValue()).resolves.toBe('manual');
    const moved = await position();
    expect(Math.hypot(moved.x - before.x, moved.y - before.y)).toBeGreaterThan(20);

    await page.keyboard.press('Control+z');
    await expect.poll(async () => Math.hypot((await position()).x - before.x, (await position()).y - before.y), { timeout: 5_000 }).toBeLessThan(1);
    await expect(page.locator('[data-testid="layout-select"]').inputValue()).resolves.not.toBe('manual');
  });

  it('asks which neighbours to add when there are more than the cap, and adds only the chosen type', async () => {
    await openView(page, server.url, '#v=1&n=north-korea');
    await setNeighbourCap(3);

    await clickElement(page, 'north-korea');
    await page.keyboard.press('e');
    const dialog = page.locator('[data-testid="expand-dialog"]');
    await dialog.waitFor();
    const all = await neighbourIds('north-korea');
    await expect(dialog.locator('[data-testid="expand-total"]').innerText()).resolves.toBe(String(all.length));
    const types = (await db.read(`MATCH ({id: 'north-korea'})-[r]-() RETURN DISTINCT type(r) AS type`)).map((row) => String(row.type));
    const listed = await dialog.locator('[data-testid="expand-types"]').innerText();
    for (const type of types) expect(listed).toContain(type);

    const deployed = await neighbourIds('north-korea', 'DEPLOYS');
    expect(deployed.length).toBeGreaterThan(0);
    // The counts are distinct neighbours (not relationships), and the dialog says so.
    await expect(dialog.locator('legend').first().textContent()).resolves.toBe('Neighbours by relationship type');
    await expect(dialog.locator('[data-testid="expand-types"] label', { hasText: 'DEPLOYS' }).locator('.count').innerText()).resolves.toBe(
      String(deployed.length),
    );
    // "At most" goes up to what one view holds on this server (it stopped at 5,000), and no further.
    const atMost = dialog.locator('[data-testid="expand-limit"]');
    for (const [typed, kept] of [['12000', '12000'], ['30000', String(LIMITS.viewMax)]] as const) {
      await atMost.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(typed);
      await expect(atMost.inputValue()).resolves.toBe(kept);
    }
    await dialog.locator('[data-testid="expand-types"] label', { hasText: 'DEPLOYS' }).locator('input').check();
    await expect
      .poll(() => dialog.locator('[data-testid="expand-preview"]').innerText(), { timeout: 10_000 })
      .toMatch(new RegExp(`^${deployed.length} neighbours? match`));
    await dialog.locator('[data-testid="expand-confirm"]').click();
    await page.waitForFunction((n) => (window as unknown as CyWindow).__cy.nodes().length === n, 1 + deployed.length);
    expect(sorted((await probe(page)).nodes)).toEqual(sorted(['north-korea', ...deployed]));
  });

  it('offers the path finder\'s five certainty floors in the neighbour chooser, keeps Tab inside it, and gives the keyboard back to the view on Esc', async () => {
    // The new-user trial: the chooser had no "conditional", and Esc left the keyboard on the page's body.
    await openView(page, server.url, '#v=1&n=north-korea');
    await clickElement(page, 'north-korea');
    await page.keyboard.press('Shift+E');
    const dialog = page.locator('[data-testid="expand-dialog"]');
    await dialog.waitFor();
    await expect(dialog.locator('[data-testid="expand-certainty"] option').allInnerTexts()).resolves.toEqual(CERTAINTY_FLOORS);
    // Tab and Shift+Tab go round the chooser's controls, never to the page behind it (fourth new-user
    // trial: one Tab left it, and Esc then no longer closed it).
    const inDialog = () => page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="expand-dialog"]')));
    const controls = await dialog.locator('button:not([disabled]), input:not([disabled]), select:not([disabled])').count();
    for (let i = 0; i < controls + 2; i++) {
      await page.keyboard.press('Tab');
      expect(await inDialog(), `after ${i + 1} Tabs`).toBe(true);
    }
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inDialog(), `after ${i + 1} Shift+Tabs`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog.count()).resolves.toBe(0);
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).resolves.toBe('graph-canvas');
  });

  it('offers the next neighbours of an expansion over the cap, page by page, then all the rest', async () => {
    await openView(page, server.url, '#v=1&n=north-korea');
    await setNeighbourCap(2);
    const all = await neighbourIds('north-korea');
    expect(all.length).toBeGreaterThan(8); // a first page, two next pages, and a rest longer than a page

    await clickElement(page, 'north-korea');
    await page.keyboard.press('e');
    await page.locator('[data-testid="expand-confirm"]').click();
    const info = page.locator('[data-testid="expansion-info"]');
    await expect.poll(() => info.innerText(), { timeout: 10_000 }).toBe(`showing 2 of ${all.length}`);

    await page.locator('[data-testid="expand-next"]').click();
    await expect.poll(() => info.innerText(), { timeout: 10_000 }).toBe(`showing 4 of ${all.length}`);
    // E again on the expanded node adds the next page too, as "Add the next" does.
    await page.keyboard.press('e');
    await expect.poll(() => info.innerText(), { timeout: 10_000 }).toBe(`showing 6 of ${all.length}`);
    await expect(page.locator('[data-testid="expand-rest"]').innerText()).resolves.toBe(`Add all ${all.length - 6} remaining`);
    await page.locator('[data-testid="expand-rest"]').click();
    await expect.poll(() => info.innerText(), { timeout: 10_000 }).toBe(`all ${all.length} shown`);
    await page.waitForFunction((n) => (window as unknown as CyWindow).__cy.nodes().length === n, 1 + all.length);
    expect(sorted((await probe(page)).nodes)).toEqual(sorted(['north-korea', ...all]));
    await expect(page.locator('[data-testid="expand-next"]').count()).resolves.toBe(0);
  });

  it('hides filtered-out elements in place, counts them, and brings them back on undo', async () => {
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    const speculated = (await db.read(`MATCH ()-[r {certainty: 'speculated'}]->() RETURN r.id AS id`)).map((row) => String(row.id));
    expect(speculated.length).toBeGreaterThan(0);
    const positionBefore = await page.evaluate(() => (window as unknown as CyWindow).__cy.getElementById('russia').position());

    await openSection('filters');
    const certainty = page.locator('[data-testid="facet-certainties"]');
    await expect(certainty.locator('label', { hasText: 'Speculated' }).innerText()).resolves.toContain(String(speculated.length));
    await certainty.locator('input[data-value="speculated"]').uncheck();

    for (const id of speculated) expect(await classesOf(id)).toContain('hidden');
    const visible = await page.evaluate((ids) => ids.filter((id) => (window as unknown as CyWindow).__cy.getElementById(id).visible()), speculated);
    expect(visible).toEqual([]);
    expect((await probe(page)).edges).toEqual(expect.arrayContaining(speculated)); // hidden, not removed
    await expect(page.locator('[data-testid="filter-summary"]').innerText()).resolves.toContain(`${speculated.length} of`);
    const positionAfter = await page.evaluate(() => (window as unknown as CyWindow).__cy.getElementById('russia').position());
    expect(positionAfter).toEqual(positionBefore);

    await page.keyboard.press('Control+z');
    for (const id of speculated) expect(await classesOf(id)).not.toContain('hidden');
  });

  it('keeps the panels to what is drawn: a source filter hides the payment it leaves unsupported, and its money flow', async () => {
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    await page.keyboard.press('Escape'); // nothing selected: the details panel sums up the view
    const flows = page.locator('[data-testid="money-flows"]');
    await expect(flows.innerText()).resolves.toContain('115');

    await openSection('filters');
    // The payment rests on the journalists' claims, and on the article's report that they made them.
    await page.locator('[data-testid="facet-sources"] input[data-value="journalists"]').uncheck();
    await page.locator('[data-testid="facet-sources"] input[data-value="article"]').uncheck();
    expect(await classesOf('russia-payment-for-engineering-work')).toContain('hidden');
    await expect.poll(() => flows.count()).toBe(0);
    // The legend counts what is drawn too (it listed every node loaded: new-user trial).
    const paymentCount = page.locator('[data-testid="legend-labels"] li', { hasText: 'Payment' }).locator('.legend-count');
    await expect(paymentCount.innerText()).resolves.toBe('0 of 1');
    const stats = page.locator('[data-testid="stats-hidden"]');
    await expect(stats.innerText()).resolves.toMatch(/\d+ nodes? and \d+ relationships filtered out/);

    await page.locator('[data-testid="filter-hide-orphans"] input').uncheck();
    expect(await classesOf('russia-payment-for-engineering-work')).not.toContain('hidden');
    // The payment is drawn again, alone: its payer and payee links are still filtered out, so no flow is.
    await expect.poll(() => flows.count()).toBe(0);
    await expect(page.locator('[data-testid="money-flows-none"]').innerText()).resolves.toContain('No money flow is drawn');
    await expect(stats.innerText()).resolves.toMatch(/^ ?· \d+ relationships filtered out$/);
  });

  it('counts no money flow whose payer and payee links are filtered out by type, though the payment is drawn', async () => {
    await openView(page, server.url, '#v=1&n=north-korea,russia,russia-payment-for-engineering-work');
    await waitForStillGraph(page);
    await page.keyboard.press('Escape');
    const flows = page.locator('[data-testid="money-flows"]');
    await expect(flows.innerText()).resolves.toContain('115');
    await openSection('filters');
    for (const type of ['PAYS', 'PAID_TO']) await page.locator(`[data-testid="facet-types"] input[data-value="${type}"]`).uncheck();
    expect(await classesOf('russia-payment-for-engineering-work')).not.toContain('hidden');
    // It still said "Russia → North Korea up to $115M / year" (new-user trial).
    await expect.poll(() => flows.count()).toBe(0);
  });

  it('filters by a time window brushed on the timeline, keeping undated elements', async () => {
    await openView(page, server.url, '');
    const axis = page.locator('[data-testid="timeline-axis"]');
    const box = await axis.boundingBox();
    if (!box) throw new Error('timeline axis not on the page');
    // The seed's dates are in mid-June 2024, near the middle of the axis: brush the left fifth, before them.
    await page.mouse.move(box.x + 10, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, box.y + 20, { steps: 5 });
    await page.mouse.up();
    await page.locator('[data-testid="timeline-range"]').waitFor();
    expect(await classesOf('russia-dprk-partnership-agreement')).toContain('hidden');
    expect(await classesOf('russia')).not.toContain('hidden');
    await page.locator('[data-testid="timeline-clear"]').click();
    expect(await classesOf('russia-dprk-partnership-agreement')).not.toContain('hidden');
  });

  it('highlights the shortest paths picked with "Path from here", and says clearly when there is none', async () => {
    await openView(page, server.url, '');
    await clickElement(page, 'kim-jong-un');
    await page.locator('[data-testid="path-from-button"]').click();
    await clickElement(page, 'ukraine');
    await page.waitForFunction(() => (window as unknown as CyWindow).__cy.$('.path-member').nonempty());

    const answer = (await (await fetch(`${server.url}/api/paths?from=kim-jong-un&to=ukraine`)).json()) as { paths: string[][] };
    const onPaths = [...new Set(answer.paths.flat())];
    const highlighted = await page.evaluate(() => (window as unknown as CyWindow).__cy.nodes('.path-member').map((n) => n.id()));
    expect(sorted(highlighted)).toEqual(sorted(onPaths));
    expect(await classesOf('treaty-text-kcna')).toContain('path-faded');
    await openSection('paths');
    await expect(page.locator('[data-testid="path-result"]').innerText()).resolves.toContain(`${answer.paths.length} shortest path`);
    // Each step of a route names its relationship's type and certainty.
    const firstLink = page.locator('[data-testid="path-result"] [data-testid="path-link"]').first();
    await expect(firstLink.innerText()).resolves.toMatch(/[A-Z_]{3,}/);
    await expect(firstLink.locator('.badge').count()).resolves.toBeGreaterThan(0);

    // The treaty text is cited by no relationship: nothing leads to it.
    await page.locator('[data-testid="path-clear"]').click();
    await clickElement(page, 'kim-jong-un');
    await page.keyboard.press('p');
    await clickElement(page, 'treaty-text-kcna');
    await page.locator('[data-testid="path-none"]').waitFor();
    await expect(page.locator('[data-testid="path-none"]').innerText()).resolves.toMatch(/No path of up to 6 steps between Kim Jong-un and Treaty text/);
    await expect(page.evaluate(() => (window as unknown as CyWindow).__cy.$('.path-member').length)).resolves.toBe(0);
    // It offers the longest search the API allows, and says that it ran it.
    await page.locator('[data-testid="path-longer"]').click();
    await expect.poll(() => page.locator('[data-testid="path-none"]').innerText()).toMatch(/No path of up to 10 steps between/);
    await expect(page.locator('[data-testid="path-longer"]').count()).resolves.toBe(0);
  });

  it('restricts paths to a certainty floor chosen among the five grades, and says which', async () => {
    await openView(page, server.url, '');
    await openSection('paths');
    const floor = page.locator('[data-testid="path-floor"]');
    await expect(floor.locator('option').allInnerTexts()).resolves.toEqual(CERTAINTY_FLOORS);
    // By keyboard, as an analyst would: focus the select and step down to the second grade.
    await floor.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(floor.inputValue()).resolves.toBe('reported');
    await clickElement(page, 'vladimir-putin');
    await page.keyboard.press('p');
    await clickElement(page, 'north-korean-engineering-brigades');
    const outcome = page.locator('[data-testid="path-result"], [data-testid="path-none"]');
    await outcome.first().waitFor();
    const answer = (await (
      await fetch(`${server.url}/api/paths?from=vladimir-putin&to=north-korean-engineering-brigades&minCertainty=reported`)
    ).json()) as { paths: string[][]; relationships: Array<{ properties: { certainty?: string } }> };
    if (answer.paths.length === 0) {
      await page.locator('[data-testid="path-none"]').waitFor();
    } else {
      const grades = await page.evaluate(() => (window as unknown as CyWindow).__cy.edges('.path-member').map((e) => e.data('certainty')));
      expect(grades.every((grade) => grade === 'confirmed' || grade === 'reported')).toBe(true);
    }
    await expect(outcome.first().innerText()).resolves.toContain('through links reported or stronger');
    // The strongest floor finds fewer or no paths, and says so too: choosing it searches again.
    await floor.selectOption('confirmed');
    await expect.poll(() => outcome.first().innerText()).toContain('through confirmed links only');
    await floor.selectOption('');
    await expect.poll(() => outcome.first().innerText()).not.toMatch(/through (confirmed )?links/);
    // Stepped through every floor with no pause: the last one's paths stay up, not an earlier one's answer
    // that came back after it (new-user trial: "speculated or stronger" under a select saying conditional).
    await floor.selectOption('confirmed');
    await expect.poll(() => outcome.first().innerText()).toContain('through confirmed links only');
    await floor.focus();
    for (let step = 0; step < 4; step += 1) await page.keyboard.press('ArrowDown');
    await expect(floor.inputValue()).resolves.toBe('conditional');
    await expect.poll(() => outcome.first().innerText()).toContain('through links conditional or stronger');
    await page.waitForTimeout(1500); // any answer to an earlier floor still on its way would land by now
    await expect(outcome.first().innerText()).resolves.toContain('through links conditional or stronger');
  });

  it('shows a relationship’s quote inside its article, and opens a source that is not in view', async () => {
    await openView(page, server.url, '');
    await clickElement(page, 'journalists');
    await page.keyboard.press('Delete');
    const [edge] = (await probe(page)).edges.filter((id) => id.startsWith('russia--PAYS--'));
    await clickElement(page, edge as string);

    const quote = panel().locator('[data-testid="evidence-quote"]');
    await page.locator('[data-testid="evidence-quote"][data-context="ready"]').waitFor({ timeout: 10_000 });
    const rows = await db.read('MATCH ()-[r {id: $id}]->() RETURN r.quote AS quote', { id: edge });
    // The article has typographic quotes where the stored quote has plain ones.
    const plain = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
    await expect(quote.locator('mark').innerText().then(plain)).resolves.toBe(String(rows[0]?.quote));
    const whole = await quote.innerText();
    expect(whole.length).toBeGreaterThan(String(rows[0]?.quote).length + 100);

    await panel().locator('[data-testid="evidence-sources"] [data-source-id="journalists"] button').click();
    await page.waitForFunction(() => (window as unknown as CyWindow).__cy.$(':selected').map((n) => n.id()).includes('journalists'));
    await expect(panel().locator('.details-title').innerText()).resolves.toContain('Journalists');
  });

  it('shows the quote alone when the article’s text is not available', async () => {
    await page.route('**/api/sources/*/text', (route) =>
      route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No such source text.' } }) }),
    );
    try {
      await openView(page, server.url, '');
      const [edge] = (await probe(page)).edges.filter((id) => id.startsWith('kim-jong-un--SIGNED--'));
      await clickElement(page, edge as string);
      await page.locator('[data-testid="evidence-quote"][data-context="none"]').waitFor();
      const rows = await db.read('MATCH ()-[r {id: $id}]->() RETURN r.quote AS quote', { id: edge });
      await expect(panel().locator('[data-testid="evidence-quote"]').innerText()).resolves.toBe(String(rows[0]?.quote));
    } finally {
      await page.unroute('**/api/sources/*/text');
    }
  });

  it('groups every claim about a node by source and certainty, and lists what a source claimed', async () => {
    await openView(page, server.url, '');
    await clickElement(page, 'north-korea');
    const evidence = panel().locator('[data-testid="node-evidence"]');
    await evidence.locator('[data-testid="claims-about-title"]').waitFor();
    await expect(evidence.getAttribute('data-origin')).resolves.toBe('database');
    const about = await db.read('MATCH (n {id: $id})-[r]-() RETURN count(DISTINCT r) AS claims', { id: 'north-korea' });
    await expect(evidence.locator('[data-testid="claims-about-title"]').innerText()).resolves.toContain(`(${Number(about[0]?.claims)} `);
    const groups = await evidence.locator('[data-testid="claim-group"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-source-id')));
    expect(groups).toEqual(expect.arrayContaining(['article', 'journalists']));

    await clickElement(page, 'journalists');
    await panel().locator('[data-testid="claims-made-title"]').waitFor();
    const made = await db.read(`MATCH ()-[r]->() WHERE 'journalists' IN r.sources RETURN count(r) AS claims`);
    await expect(panel().locator('[data-testid="claims-made-title"]').innerText()).resolves.toContain(`(${Number(made[0]?.claims)})`);
  });

  it('lists the schema with counts, and adds a sample of a label’s nodes on a click', async () => {
    await openView(page, server.url, '#v=1&n=russia');
    await openSection('schema');
    const schema = page.locator('[data-testid="schema-panel"]');
    await schema.waitFor();
    const people = (await db.read('MATCH (n:Person) RETURN n.id AS id ORDER BY id')).map((row) => String(row.id));
    await expect(schema.locator('[data-label="Person"]').innerText()).resolves.toContain(String(people.length));
    await schema.locator('[data-label="Person"]').click();
    await page.waitForFunction((ids) => ids.every((id) => (window as unknown as CyWindow).__cy.getElementById(id).nonempty()), people);
    expect(sorted((await probe(page)).nodes)).toEqual(sorted(['russia', ...people]));
  });

  it('adds the relationships of a type, with their ends, on a click on the type in the schema, and selects those relationships', async () => {
    await openView(page, server.url, '#v=1&n=russia');
    await openSection('schema');
    const schema = page.locator('[data-testid="schema-panel"]');
    const stored = await db.read('MATCH (a)-[r:SIGNED]->(b) RETURN r.id AS id, a.id AS a, b.id AS b');
    expect(stored.length).toBeGreaterThan(1);
    await expect(schema.locator('[data-type="SIGNED"]').innerText()).resolves.toContain(String(stored.length));
    await schema.locator('[data-type="SIGNED"]').click();
    const edges = stored.map((row) => String(row.id));
    await page.waitForFunction((ids) => ids.every((id) => (window as unknown as CyWindow).__cy.getElementById(id).nonempty()), edges);
    const drawn = await probe(page);
    expect(sorted(drawn.nodes)).toEqual(sorted([...new Set(['russia', ...stored.flatMap((row) => [String(row.a), String(row.b)])])]));
    expect(drawn.edges).toEqual(expect.arrayContaining(edges));
    // The type's relationships are what is selected (issue 12, item 6: "selects and centres those elements").
    await expect.poll(async () => sorted((await probe(page)).selected)).toEqual(sorted(edges));
    await expect(page.locator('[data-testid="selection-count"]').innerText()).resolves.toBe(`${edges.length} relationships selected`);
    await expect(page.locator('[data-testid="multi-selection"]').innerText()).resolves.toContain(`${edges.length} relationships selected`);
    // H hides them, and only them.
    await page.locator('[data-testid="graph-canvas"]').focus();
    await page.keyboard.press('h');
    await expect.poll(() => page.evaluate((ids) => ids.filter((id) => (window as unknown as CyWindow).__cy.getElementById(id).visible()), edges)).toEqual([]);
    await expect(page.locator('[data-testid="hidden-count"]').innerText()).resolves.toBe(`${edges.length} relationships hidden`);
    expect(await page.evaluate(() => (window as unknown as CyWindow).__cy.nodes().filter((n) => !n.visible()).length)).toBe(0);
  });

  it('selects several nodes with Shift+click and removes them all with one Del, the database untouched', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea,ukraine,kim-jong-un');
    const before = await counts(db);
    await clickElement(page, 'ukraine');
    await page.keyboard.down('Shift');
    try {
      await clickElement(page, 'kim-jong-un');
    } finally {
      await page.keyboard.up('Shift');
    }
    expect(sorted((await probe(page)).selected)).toEqual(['kim-jong-un', 'ukraine']);
    // Two quick clicks on two different nodes are not a double-click: nothing was expanded.
    expect((await probe(page)).nodes).toHaveLength(4);
    await expect(page.locator('[data-testid="multi-selection"]').innerText()).resolves.toContain('2 nodes selected');
    await page.keyboard.press('Delete');
    await page.waitForFunction(() => (window as unknown as CyWindow).__cy.nodes().length === 2);
    expect(sorted((await probe(page)).nodes)).toEqual(['north-korea', 'russia']);
    expect(await counts(db)).toEqual(before);
  });

  it('adds the nodes inside a Shift+drag box to the selection, and no relationship', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea,ukraine,kim-jong-un');
    await clickElement(page, 'ukraine');
    const canvas = await page.locator('[data-testid="graph-canvas"]').boundingBox();
    const box = await page.evaluate(() => (window as unknown as CyWindow).__cy.nodes().renderedBoundingBox({ includeLabels: true }));
    if (!canvas) throw new Error('graph canvas not on the page');
    // From just outside the nodes' corner (the background, so the drag is not a node being moved) across them all.
    const from = { x: canvas.x + Math.max(2, box.x1 - 16), y: canvas.y + Math.max(2, box.y1 - 16) };
    const to = { x: canvas.x + Math.min(canvas.width - 2, box.x2 + 16), y: canvas.y + Math.min(canvas.height - 2, box.y2 + 16) };
    await page.keyboard.down('Shift');
    try {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 12 });
      await page.mouse.up();
    } finally {
      await page.keyboard.up('Shift');
    }
    await expect(page.locator('[data-testid="multi-selection"]').innerText()).resolves.toContain('4 nodes selected');
    const drawn = await probe(page);
    expect(sorted(drawn.selected)).toEqual(['kim-jong-un', 'north-korea', 'russia', 'ukraine']);
    await expect(page.locator('[data-testid="details-panel"]').innerText()).resolves.toContain('Ukraine');
  });

  it('edits a style rule in place: the payment flows get wider, and the rule keeps its place', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea,russia-payment-for-engineering-work');
    const widest = () => page.evaluate(() => Math.max(...(window as unknown as CyWindow).__cy.edges().map((edge) => parseFloat(edge.style('width')))));
    expect(await widest()).toBe(8);
    await openSection('styles');
    const rule = page.locator('[data-rule="amount-width"]');
    await rule.getByRole('button', { name: 'Edit rule' }).click();
    const form = rule.locator('[data-testid="rule-edit-form"]');
    await expect(form.getByLabel('Numeric property').inputValue()).resolves.toBe('amount');
    await form.getByLabel('Largest, px').fill('16');
    await form.getByRole('button', { name: 'Save rule' }).click();
    await page.waitForFunction(() => Math.max(...(window as unknown as CyWindow).__cy.edges().map((edge) => parseFloat(edge.style('width')))) === 16);
    await expect(form.count()).resolves.toBe(0);
    await expect(rule.innerText()).resolves.toContain('amount → edge width 3–16 px');
    const stored = await page.evaluate(() => window.localStorage.getItem('kg-explorer:styles'));
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ rules: [{ id: 'amount-width', max: 16 }] });
  });

  it('adds a colour rule with the colours picked: the payment drawn in the largest value\'s colour', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea,russia-payment-for-engineering-work');
    await openSection('styles');
    const form = page.locator('[data-testid="rule-form"]');
    await form.getByLabel('Rule applies to').selectOption('nodes');
    await form.getByLabel('Which ones').selectOption('Payment');
    await form.getByLabel('Numeric property').selectOption('amount');
    await form.getByLabel('Drawn as').selectOption('color');
    await form.getByLabel('Colour of the largest value').fill('#cc2200');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expect(page.locator('.rule-item').last().innerText()).resolves.toContain('Payment: amount → colour #9ecae1 → #cc2200');
    await page.waitForFunction(
      () => (window as unknown as CyWindow).__cy.getElementById('russia-payment-for-engineering-work').style('background-color') === 'rgb(204,34,0)',
    );
  });

  it('restores a shared view (nodes, filters, selection, layout) from the URL after a reload', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea,ukraine,vladimir-putin,kim-jong-un');
    await page.locator('[data-testid="layout-select"]').selectOption('grid');
    await waitForStillGraph(page);
    await clickElement(page, 'kim-jong-un');
    await page.keyboard.press('Delete');
    await openSection('filters');
    await page.locator('[data-testid="facet-labels"] input[data-value="Person"]').uncheck();
    await clickElement(page, 'ukraine');
    await page.waitForFunction(() => window.location.hash.includes('sel=n:ukraine') && window.location.hash.includes('hl=Person'));
    const before = await probe(page);
    const positions = await page.evaluate(() => (window as unknown as CyWindow).__cy.getElementById('russia').position());
    // Positions are remembered by node id once the layout has settled.
    await page.waitForFunction((expected) => {
      const stored = JSON.parse(window.localStorage.getItem('kg-explorer:positions') ?? '{}') as Record<string, { x: number; y: number }>;
      return Math.abs((stored.russia?.x ?? NaN) - expected.x) < 1 && Math.abs((stored.russia?.y ?? NaN) - expected.y) < 1;
    }, positions);

    await page.reload();
    await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 30_000 });
    await waitForStillGraph(page);
    const after = await probe(page);
    expect(sorted(after.nodes)).toEqual(sorted(before.nodes));
    expect(sorted(after.nodes)).toEqual(['north-korea', 'russia', 'ukraine', 'vladimir-putin']);
    expect(sorted(after.edges)).toEqual(sorted(before.edges));
    expect(after.selected).toEqual(['ukraine']);
    expect(await classesOf('vladimir-putin')).toContain('hidden');
    await expect(page.locator('[data-testid="layout-select"]').inputValue()).resolves.toBe('grid');
    const restored = await page.evaluate(() => (window as unknown as CyWindow).__cy.getElementById('russia').position());
    // A link holds positions to the whole px (link-positions.ts): half a px off at most.
    expect(Math.abs(restored.x - positions.x)).toBeLessThanOrEqual(0.5 + 1e-9);
    expect(Math.abs(restored.y - positions.y)).toBeLessThanOrEqual(0.5 + 1e-9);
  });

  it('fits and zooms from the toolbar and the keyboard, with a minimap while part of the graph is out of view', async () => {
    await openView(page, server.url, '');
    const zoom = () => page.evaluate(() => (window as unknown as CyWindow).__cy.zoom());
    const minimap = page.locator('[data-testid="minimap"]');
    const start = await zoom();
    await expect(minimap.count()).resolves.toBe(0);
    // Animations start on the next frame: wait for the zoom to arrive, not for stillness alone.
    await page.locator('[data-testid="zoom-in"]').click();
    await expect.poll(zoom, { timeout: 5_000 }).toBeCloseTo(start * 1.25, 2);
    // Twice: one step past the fit may leave every node in view (the fit's margin holds the captions, wider
    // than the nodes: the seed's drawing stuck out by 5 px at 1440×900, against the minimap's 4).
    await page.keyboard.press('+');
    await expect.poll(zoom, { timeout: 5_000 }).toBeCloseTo(start * 1.25 ** 2, 2);
    await minimap.waitFor();
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(zoom, { timeout: 5_000 }).toBeCloseTo(start, 2);
    await page.keyboard.press('+');
    await expect.poll(zoom, { timeout: 5_000 }).toBeGreaterThan(start * 1.2);
    await waitForStillGraph(page);
    const zoomedIn = await zoom();
    await page.keyboard.press('f');
    await expect.poll(zoom, { timeout: 5_000 }).toBeLessThan(zoomedIn);
    await waitForStillGraph(page);
    const fits = await page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      const box = cy.nodes().boundingBox({ includeLabels: false });
      const view = cy.extent();
      return box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
    });
    expect(fits).toBe(true);
    await minimap.waitFor({ state: 'detached' });
  });

  it('fits a view of two nodes at reading size, not zoomed to the limit, and still lets the analyst zoom in', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea');
    const zoom = () => page.evaluate(() => (window as unknown as CyWindow).__cy.zoom());
    expect(await zoom()).toBeLessThanOrEqual(1.5);
    for (let i = 0; i < 4; i++) await page.keyboard.press('+');
    await expect.poll(zoom, { timeout: 5_000 }).toBeGreaterThan(2);
    await waitForStillGraph(page);
    await page.keyboard.press('f');
    await expect.poll(zoom, { timeout: 5_000 }).toBeLessThanOrEqual(1.5);
  });

  it('raises no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
