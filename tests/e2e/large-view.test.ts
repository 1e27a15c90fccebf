/**
 * A view of 20,000 nodes in Debian's Chromium against the real server: a workbench query's graph shown in
 * place of the view is drawn once, laid out once in the worker, at the large level of detail, and the page
 * still answers the mouse and the keyboard; a layout can be cancelled midway. No timings are asserted
 * (`npm run bench` measures them, `render-*` and `layout-*`).
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { clickElement, waitForStillGraph, type CyWindow } from '../support/browser.ts';
import { startBrowserSession, type BrowserSession } from '../support/browser-session.ts';
import { openWorkbench, runWithKeyboard, setQuery } from '../support/workbench-page.ts';

const NODES = 20_000;
let session: BrowserSession;
let db: Database;
let page: Page;

type TestWindow = CyWindow & { __layoutJobs?: number };
const layoutJobs = () => page.evaluate(() => (window as unknown as TestWindow).__layoutJobs ?? 0);
const canvas = () => page.locator('[data-testid="graph-canvas"]');
const layoutIdle = () => page.waitForSelector('[data-testid="graph-canvas"][data-layout="idle"]', { timeout: 180_000 });
const positions = () => page.evaluate(() => (window as unknown as CyWindow).__cy.nodes().map((node) => [node.position().x, node.position().y]));

beforeAll(async () => {
  session = await startBrowserSession();
  ({ db, page } = session);
  // 20,000 nodes, nine in ten with one relationship to a node far away in creation order: sparse, like a query result.
  await db.writeTransaction(async (run) => {
    await run(
      `UNWIND range(0, ${NODES} - 1) AS i CREATE (n:BulkNode {id: 'bulk-' + i, name: 'Bulk ' + i})
       WITH collect(n) AS nodes
       UNWIND range(0, ${NODES} - 1) AS i
       WITH nodes, i WHERE i % 10 <> 0
       WITH nodes[i] AS a, nodes[(i * 7919 + 1) % ${NODES}] AS b WHERE a <> b
       CREATE (a)-[:BULK_LINK]->(b)`,
    );
  });
});

// The main flows log no error to the console (4xx answers the UI handles aside: Chromium logs each one).
afterEach(() => {
  expect(session.consoleErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await db?.writeTransaction((run) => run('MATCH (n:BulkNode) DETACH DELETE n'));
  await session?.close();
});

describe('a view of 20,000 nodes in Chromium', () => {
  it('shows a query’s 20,000 nodes, laid out once, at the large level of detail', async () => {
    await openWorkbench(page);
    await setQuery(page, 'MATCH (n:BulkNode) WITH collect(n) AS nodes MATCH (:BulkNode)-[r:BULK_LINK]->(:BulkNode) RETURN nodes, collect(r) AS links');
    await runWithKeyboard(page, 120_000);
    await expect(page.locator('[data-testid="graph-result"] strong').first().textContent()).resolves.toBe(String(NODES));
    const jobsBefore = await layoutJobs();
    await page.locator('[data-testid="show-graph-replace"]').click();
    await page.waitForFunction((count) => (window as unknown as CyWindow).__cy.nodes().length === count, NODES, { timeout: 120_000 });
    await layoutIdle();
    await waitForStillGraph(page);

    expect((await layoutJobs()) - jobsBefore).toBe(1); // one layout per change, not one per effect
    const placed = await positions();
    expect(placed.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
    expect(new Set(placed.map(([x, y]) => `${Math.round(x as number)},${Math.round(y as number)}`)).size).toBeGreaterThan(NODES * 0.95);

    const view = await page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      const renderer = (cy as unknown as { renderer(): Record<string, unknown> }).renderer();
      const box = cy.nodes().boundingBox();
      const extent = cy.extent();
      return {
        renderer: cy.container()?.dataset.renderer,
        textureOnViewport: renderer.textureOnViewport,
        hideEdgesOnViewport: renderer.hideEdgesOnViewport,
        pixelRatio: renderer.forcedPixelRatio,
        curveStyle: cy.edges().first().style('curve-style'),
        fits: box.x1 >= extent.x1 - 1 && box.x2 <= extent.x2 + 1 && box.y1 >= extent.y1 - 1 && box.y2 <= extent.y2 + 1,
      };
    });
    expect(view).toMatchObject({ textureOnViewport: true, hideEdgesOnViewport: true, pixelRatio: 1, curveStyle: 'haystack', fits: true });
    expect(['canvas', 'webgl']).toContain(view.renderer);
  });

  it('still answers the mouse and the keyboard: pans, zooms, selects a node and shows its details', async () => {
    const box = await canvas().boundingBox();
    if (!box) throw new Error('graph canvas not on the page');
    const camera = () => page.evaluate(() => ({ zoom: (window as unknown as CyWindow).__cy.zoom(), pan: (window as unknown as CyWindow).__cy.pan() }));
    const before = await camera();
    // Drag from an empty corner of the stage: a pan.
    await page.mouse.move(box.x + 8, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + 150, box.y + 90, { steps: 8 });
    await page.mouse.up();
    const panned = await camera();
    expect(panned.pan.x - before.pan.x).toBeCloseTo(142, -1);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction((zoom) => (window as unknown as CyWindow).__cy.zoom() > zoom, panned.zoom, { timeout: 10_000 });

    // Close enough to pick out one node, then click it as a user would.
    // The node of a sample farthest from any other: no neighbour's disc or caption lies over it.
    const { id, caption } = await page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      const all = cy.nodes().map((node) => ({ id: node.id(), caption: String(node.data('caption')), ...node.position() }));
      let best = { id: '', caption: '', gap: -1 };
      for (let i = 0; i < all.length; i += Math.floor(all.length / 200)) {
        const a = all[i]!;
        let gap = Infinity;
        for (const b of all) if (b !== a) gap = Math.min(gap, Math.hypot(a.x - b.x, a.y - b.y));
        if (gap > best.gap) best = { id: a.id, caption: a.caption, gap };
      }
      cy.zoom({ level: 1, position: cy.getElementById(best.id).position() });
      return best;
    });
    await clickElement(page, id);
    await expect(page.locator('[data-testid="details-panel"]').textContent()).resolves.toContain(caption);
    // Every node selected with Ctrl+A, its count shown, and cleared again: the selection was built with one
    // union per node, quadratic, and this step did not come back within the test's timeouts.
    await page.keyboard.press('Control+a');
    await expect(page.locator('[data-testid="selection-count"]').innerText({ timeout: 60_000 })).resolves.toBe('20,000 nodes selected');
    await page.waitForFunction(() => (window as unknown as CyWindow).__cy.$('node:selected').length === 20_000, null, { timeout: 60_000 });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (window as unknown as CyWindow).__cy.$('node:selected').length === 0, null, { timeout: 60_000 });
  });

  it('cancels a layout midway, leaving every node where it was and the view usable', async () => {
    const before = await positions();
    // The force layout run again (ForceAtlas2 at this size: seconds). Concentric took 1.2 s on these sparse
    // nodes, and now and then ended between its Cancel showing and the click (CI).
    await page.locator('[data-testid="layout-run"]').click();
    await page.locator('[data-testid="layout-cancel"]').waitFor({ timeout: 60_000 });
    // The progress and its Cancel are not under the status line's notice (it covered them: new-user trial).
    const covered = await page.evaluate(() =>
      ['layout-progress', 'layout-cancel'].filter((id) => {
        const element = document.querySelector(`[data-testid="${id}"]`);
        const box = element?.getBoundingClientRect();
        const status = document.querySelector('[data-testid="status-line"] .status-pill')?.getBoundingClientRect();
        return box && status && box.top < status.bottom && status.top < box.bottom && box.left < status.right && status.left < box.right;
      }),
    );
    expect(covered).toEqual([]);
    await page.locator('[data-testid="layout-cancel"]').click({ timeout: 60_000 });
    await layoutIdle();
    expect(await positions()).toEqual(before);
    await expect(page.locator('[data-testid="layout-progress"]').count()).resolves.toBe(0);
    expect(session.pageErrors).toEqual([]);
  });
  it('takes an undo while a large view’s first layout runs, and lays out again afterwards', async () => {
    // Back to the seed's small view, then the 20,000 nodes again: Ctrl+Z while their layout runs.
    await page.keyboard.press('Escape');
    while ((await page.evaluate(() => (window as unknown as CyWindow).__cy.nodes().length)) > 1_000) {
      await page.locator('[data-testid="undo"]').click();
      await layoutIdle();
    }
    const small = await page.evaluate(() => (window as unknown as CyWindow).__cy.nodes().length);
    // The seed's nodes and 11,111 bulk ones: nodes of the small view are in the large one, so after the undo
    // the layout's positions move some of them (which animates on a small view).
    await setQuery(page, "MATCH (n) WHERE NOT n:BulkNode OR n.id STARTS WITH 'bulk-1' RETURN collect(n) AS nodes");
    await runWithKeyboard(page, 120_000);
    await page.locator('[data-testid="show-graph-replace"]').click();
    await page.waitForSelector('[data-testid="graph-canvas"][data-layout="running"]', { timeout: 60_000 });
    await page.locator('[data-testid="undo"]').click();
    await layoutIdle();
    await page.waitForFunction((count) => (window as unknown as CyWindow).__cy.nodes().length === count, small, { timeout: 60_000 });
    await expect(page.locator('[data-testid="layout-progress"]').count()).resolves.toBe(0);

    const jobs = await layoutJobs();
    await page.locator('[data-testid="layout-select"]').selectOption('grid');
    await expect.poll(layoutJobs, { timeout: 30_000 }).toBe(jobs + 1);
    await layoutIdle();
    expect(session.pageErrors).toEqual([]);
  });

  it('draws with the canvas when the browser reports hardware WebGL2 but cannot create it, instead of a blank page', async () => {
    const other = await page.context().newPage();
    const errors: string[] = [];
    other.on('pageerror', (error) => errors.push(error.message));
    // The explorer's probe sees a hardware GPU; every WebGL2 context asked for after it is refused, as a
    // browser whose GPU process failed would. (A string: tsx's transform would add helpers to a function.)
    await other.addInitScript({
      content: `(() => {
        const getContext = HTMLCanvasElement.prototype.getContext;
        let probed = false;
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
          if (type !== 'webgl2') return getContext.call(this, type, ...rest);
          if (probed) return null;
          probed = true;
          return { RENDERER: 7937, getExtension: (name) => (name === 'WEBGL_debug_renderer_info' ? { UNMASKED_RENDERER_WEBGL: 37446 } : null), getParameter: () => 'NVIDIA GeForce RTX (test)' };
        };
      })();`,
    });
    try {
      await other.goto(session.server.url);
      await other.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
      await openWorkbench(other);
      await setQuery(other, 'MATCH (n:BulkNode) WITH collect(n) AS nodes MATCH (:BulkNode)-[r:BULK_LINK]->(:BulkNode) RETURN nodes, collect(r) AS links');
      await runWithKeyboard(other, 120_000);
      await other.locator('[data-testid="show-graph-replace"]').click();
      await other.waitForFunction((count) => (window as unknown as CyWindow).__cy.nodes().length === count, NODES, { timeout: 120_000 });
      await expect(other.locator('[data-testid="graph-canvas"]').getAttribute('data-renderer')).resolves.toBe('canvas');
      await expect(other.locator('[data-testid="toolbar-more"], [data-testid="fit"]').first().isVisible()).resolves.toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
