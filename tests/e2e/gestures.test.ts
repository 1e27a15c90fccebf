/**
 * The gestures Bloom and Neo4j Browser users reach for (issue 12), in Debian's Chromium against the real
 * server, by keys and by mouse: select all / invert, the selection bar's count, hiding the selection,
 * showing only it, showing what was hidden, with undo; the view kept when the canvas changes size; schema
 * clicks that select what they name; fullscreen; search matches marked on the canvas; hover tooltips.
 */
import type { EdgeSingular } from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/src/app.ts';
import { clickElement, openView, pagePoint, probe, waitForStillGraph, type CyWindow } from '../support/browser.ts';
import { startBrowserSession, type BrowserSession } from '../support/browser-session.ts';

let session: BrowserSession;
let server: RunningServer;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession({ open: false });
  ({ server, page } = session);
});

afterAll(() => session?.close());

afterEach(() => {
  expect(session.consoleErrors.splice(0)).toEqual([]);
});

const sorted = (ids: string[]) => [...ids].sort();

/** Ids of the nodes drawn: in the view and not hidden (by a filter or by hand). */
async function drawnNodes(): Promise<string[]> {
  return sorted(await page.evaluate(() => (window as unknown as CyWindow).__cy.nodes().filter((n) => n.visible()).map((n) => n.id())));
}

const bar = () => page.locator('[data-testid="selection-bar"]');

describe('selecting and hiding', () => {
  it('selects every node with Ctrl+A, inverts with Ctrl+I, counts the selection, and clears it with Esc', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea,kim-jong-un,vladimir-putin');
    await expect(bar().count()).resolves.toBe(0);
    await clickElement(page, 'kim-jong-un');
    await page.keyboard.press('Control+a');
    expect(sorted((await probe(page)).selected)).toEqual(['kim-jong-un', 'north-korea', 'russia', 'vladimir-putin']);
    await expect(page.locator('[data-testid="selection-count"]').innerText()).resolves.toBe('4 nodes selected');

    await clickElement(page, 'russia');
    await page.keyboard.press('Control+i');
    expect(sorted((await probe(page)).selected)).toEqual(['kim-jong-un', 'north-korea', 'vladimir-putin']);
    await expect(page.locator('[data-testid="selection-count"]').innerText()).resolves.toBe('3 nodes selected');

    await page.keyboard.press('Escape');
    expect((await probe(page)).selected).toEqual([]);
    await expect(bar().count()).resolves.toBe(0);
  });

  it('hides the selection with H, shows only it with O, brings everything back with Show hidden, and undoes each', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea,kim-jong-un,vladimir-putin');
    await clickElement(page, 'kim-jong-un');
    await page.keyboard.press('h');
    await expect.poll(drawnNodes).toEqual(['north-korea', 'russia', 'vladimir-putin']);
    // Still in view: the count says so, and the link carries only what is drawn.
    await expect(page.locator('[data-testid="hidden-count"]').innerText()).resolves.toBe('1 node hidden');
    // The sidebar's count says so too, not "filtered out" with no filter set (the trial).
    await expect(page.locator('[data-testid="stats-hidden"]').innerText()).resolves.toMatch(/^ ?· 1 node and \d+ relationships? hidden$/);
    expect((await probe(page)).nodes).toContain('kim-jong-un');
    await expect.poll(() => page.evaluate(() => decodeURIComponent(window.location.hash))).not.toContain('kim-jong-un');

    await page.keyboard.press('Control+z');
    await expect.poll(drawnNodes).toEqual(['kim-jong-un', 'north-korea', 'russia', 'vladimir-putin']);

    // Show only, by mouse: the bar's button.
    await clickElement(page, 'russia');
    await page.locator('[data-testid="selection-only"]').click();
    await expect.poll(drawnNodes).toEqual(['russia']);
    await expect(page.locator('[data-testid="hidden-count"]').innerText()).resolves.toBe('3 nodes hidden');
    await page.locator('[data-testid="show-hidden"]').click();
    await expect.poll(drawnNodes).toEqual(['kim-jong-un', 'north-korea', 'russia', 'vladimir-putin']);
    await expect(page.locator('[data-testid="hidden-count"]').count()).resolves.toBe(0);

    // O by key, then Shift+H.
    await clickElement(page, 'north-korea');
    await page.keyboard.press('o');
    await expect.poll(drawnNodes).toEqual(['north-korea']);
    await page.keyboard.press('Shift+H');
    await expect.poll(drawnNodes).toEqual(['kim-jong-un', 'north-korea', 'russia', 'vladimir-putin']);
  });

  it('frames what show only leaves, instead of leaving it where it was', async () => {
    // The fourth new-user trial: the kept nodes stayed in a corner of the canvas.
    // 1440 px: the details panel opens beside the canvas, not over the node clicked next.
    await page.setViewportSize({ width: 1440, height: 900 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    await clickElement(page, 'vietnam');
    await waitForStillGraph(page); // the canvas narrowed for the panel: the view moved
    const soviet = await pagePoint(page, 'soviet-union');
    await page.keyboard.down('Shift');
    await page.mouse.click(soviet.x, soviet.y);
    await page.keyboard.up('Shift');
    await expect.poll(async () => (await probe(page)).selected.length).toBe(2);
    await page.keyboard.press('o');
    await expect.poll(drawnNodes).toEqual(['soviet-union', 'vietnam']);
    await waitForStillGraph(page);
    const offCentre = await page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      const box = cy.$('#vietnam, #soviet-union').renderedBoundingBox({ includeLabels: true });
      return { x: Math.abs((box.x1 + box.x2) / 2 - cy.width() / 2) / cy.width(), y: Math.abs((box.y1 + box.y2) / 2 - cy.height() / 2) / cy.height() };
    });
    expect(offCentre.x).toBeLessThan(0.1);
    expect(offCentre.y).toBeLessThan(0.2);
    await page.keyboard.press('Shift+H');
  });

  it('leaves hidden nodes out of the Export menu\'s view scope and of Ctrl+A', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea,kim-jong-un');
    await clickElement(page, 'kim-jong-un');
    await page.locator('[data-testid="selection-hide"]').click();
    await expect.poll(drawnNodes).toEqual(['north-korea', 'russia']);
    await page.keyboard.press('Control+a');
    expect(sorted((await probe(page)).selected)).toEqual(['north-korea', 'russia']);
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/export')) requests.push(request.postData() ?? '');
    });
    await page.locator('[data-testid="export-toggle"]').click();
    await page.locator('[data-testid="export-format"]').selectOption('json');
    await page.locator('[data-testid="export-scope"]').selectOption('view');
    const download = page.waitForEvent('download');
    await page.locator('[data-testid="export-run"]').click();
    await download;
    await page.keyboard.press('Escape');
    const body = JSON.parse(requests.at(-1) ?? '{}') as { scope?: { nodeIds?: string[] } };
    expect(sorted(body.scope?.nodeIds ?? [])).toEqual(['north-korea', 'russia']);
  });
});

/** Nodes whose centre is on the canvas (inside its rendered width and height). */
async function onCanvas(): Promise<string[]> {
  return sorted(
    await page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      return cy
        .nodes()
        .filter((n) => {
          const { x, y } = n.renderedPosition();
          return x >= 0 && y >= 0 && x <= cy.width() && y <= cy.height();
        })
        .map((n) => n.id());
    }),
  );
}

describe('the view when the canvas changes size', () => {
  it('keeps every node that was on the canvas there when the workbench drawer opens and closes, and when the window narrows', async () => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    try {
      await openView(page, server.url, '');
      await waitForStillGraph(page);
      const before = await onCanvas();
      expect(before.length).toBeGreaterThanOrEqual(20);
      const zoom = await page.evaluate(() => (window as unknown as CyWindow).__cy.zoom());

      await page.keyboard.press('Control+Backquote');
      await page.locator('[data-testid="workbench-drawer"]').waitFor();
      await expect.poll(onCanvas).toEqual(before);
      // Closing the drawer gives the old view back.
      await page.keyboard.press('Control+Backquote');
      await expect.poll(() => page.evaluate(() => (window as unknown as CyWindow).__cy.zoom())).toBeCloseTo(zoom, 2);
      await expect.poll(onCanvas).toEqual(before);

      await page.setViewportSize({ width: 1024, height: 1000 });
      await expect.poll(onCanvas).toEqual(before);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('undoes a step taken with the drawer open, once it is closed, in the same part of the graph as the canvas now is', async () => {
    // The fifth new-user trial: the undo brought back the zoom of the drawer's smaller canvas, 0.554 for
    // 0.964, the seed in half the canvas.
    await page.setViewportSize({ width: 1280, height: 800 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    const zoom = () => page.evaluate(() => (window as unknown as CyWindow).__cy.zoom());
    const full = await zoom();
    await page.keyboard.press('Control+Backquote');
    await page.locator('[data-testid="workbench-drawer"]').waitFor();
    await expect.poll(zoom).toBeLessThan(full * 0.8);
    await clickElement(page, 'vietnam');
    await expect.poll(async () => (await probe(page)).selected).toEqual(['vietnam']);
    await page.locator('[data-testid="graph-canvas"]').focus(); // not the drawer's editor
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await probe(page)).nodes).not.toContain('vietnam');
    await page.keyboard.press('Control+Backquote');
    await expect.poll(() => page.locator('[data-testid="workbench-drawer"]').isVisible()).toBe(false);
    await expect.poll(zoom).toBeGreaterThan(full * 0.99); // the drawer's closing gave the view back
    await waitForStillGraph(page);
    await page.locator('[data-testid="graph-canvas"]').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await probe(page)).nodes).toContain('vietnam');
    await waitForStillGraph(page);
    expect(await zoom()).toBeGreaterThan(full * 0.9);
    expect((await onCanvas()).length).toBe((await probe(page)).nodes.length);
  });

  it('keeps the selection readable when the workbench drawer opens in a short window, and the old view when it closes', async () => {
    // The new-user trial: at 1024×700 with Russia selected, the drawer fitted the seed at zoom 0.33 (captions 3 px).
    await page.setViewportSize({ width: 1024, height: 700 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    await clickElement(page, 'russia');
    await waitForStillGraph(page);
    const look = () => page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      const russia = cy.getElementById('russia');
      const canvas = cy.container()!.getBoundingClientRect();
      const at = russia.renderedPosition();
      const hit = document.elementFromPoint(canvas.left + at.x, canvas.top + at.y);
      return { zoom: cy.zoom(), captionPx: parseFloat(russia.style('font-size')) * cy.zoom(), onCanvas: hit !== null && cy.container()!.contains(hit) };
    });
    const before = await look();
    await page.keyboard.press('Control+Backquote');
    await page.locator('[data-testid="workbench-drawer"]').waitFor();
    await expect.poll(async () => (await look()).zoom).toBeLessThan(before.zoom);
    const open = await look();
    expect(open.captionPx).toBeGreaterThanOrEqual(8.99);
    expect(open.onCanvas).toBe(true);
    await page.keyboard.press('Control+Backquote');
    await expect.poll(async () => (await look()).zoom).toBeCloseTo(before.zoom, 3);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('stops zooming out by the button or − once the graph fills a quarter of the canvas', async () => {
    // The fourth new-user trial: 30 presses of Zoom out took the seed to zoom 0.005, out of sight.
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    const share = () =>
      page.evaluate(() => {
        const cy = (window as unknown as CyWindow).__cy;
        const box = cy.nodes().renderedBoundingBox({ includeLabels: false });
        return Math.max(box.w / cy.width(), box.h / cy.height());
      });
    for (let i = 0; i < 15; i++) await page.locator('[data-testid="zoom-out"]').click();
    for (let i = 0; i < 15; i++) await page.keyboard.press('-');
    await expect.poll(() => page.evaluate(() => (window as unknown as CyWindow).__cy.animated())).toBe(false);
    const least = await share();
    expect(least).toBeGreaterThan(0.24);
    expect(least).toBeLessThan(0.4); // it did zoom out, down to the floor
    await page.keyboard.press('f');
  });

  it('fits the next layout after F was pressed many times quickly, the fits still queued dropped', async () => {
    // Ten quick presses queued 3.5 s of fits; those left moved the next layout's fitted view back to the
    // old fit, 15 of 27 nodes off the canvas (new-user trial).
    await page.setViewportSize({ width: 1024, height: 700 });
    try {
      await openView(page, server.url, '');
      await waitForStillGraph(page);
      await page.locator('[data-testid="graph-canvas"]').click({ position: { x: 5, y: 5 } });
      for (let i = 0; i < 10; i++) await page.keyboard.press('f');
      await page.waitForTimeout(800);
      const where = () => page.evaluate(() => ({ ...(window as unknown as CyWindow).__cy.getElementById('russia').position() }));
      const before = await where();
      await page.locator('[data-testid="layout-select"]').selectOption('grid');
      await expect.poll(where).not.toEqual(before);
      await waitForStillGraph(page);
      const offCanvas = await page.evaluate(() => {
        const cy = (window as unknown as CyWindow).__cy;
        return cy.nodes().filter((node) => {
          const { x, y } = node.renderedPosition();
          return x < 0 || y < 0 || x > cy.width() || y > cy.height();
        }).length;
      });
      expect(offCanvas).toBe(0);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('fits a view that is still as its fit left it again when the canvas changes size', async () => {
    // CI under load: the seed's first fit came before the timeline took its room, and the resize after it
    // kept the same part in view at zoom 0.66 instead of fitting at 0.76.
    await page.setViewportSize({ width: 1024, height: 700 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    const zoom = () => page.evaluate(() => (window as unknown as CyWindow).__cy.zoom());
    await page.evaluate(() => document.querySelector<HTMLElement>('.timeline')!.style.setProperty('height', '300px'));
    await waitForStillGraph(page);
    const resized = await zoom();
    await page.locator('[data-testid="graph-canvas"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('f');
    await waitForStillGraph(page);
    expect(resized).toBeCloseTo(await zoom(), 3);
    await page.evaluate(() => document.querySelector<HTMLElement>('.timeline')!.style.removeProperty('height'));
  });

  it('fits to the canvas as the page is laid out now, even before Cytoscape hears of its new size', async () => {
    // The race behind CI's occasional zoom 0.66 instead of 0.76 at the seed's opening: the timeline appears
    // with the first graph, and the first fit could come before the ResizeObserver told Cytoscape the canvas
    // had shrunk; the resize that followed then squeezed the view. Made certain here: the canvas shrinks
    // (the timeline grows to 300 px, so the fit is bound by the height) and F is pressed in the same task,
    // before any observer runs.
    await page.setViewportSize({ width: 1024, height: 700 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    const zoom = () => page.evaluate(() => (window as unknown as CyWindow).__cy.zoom());
    await page.evaluate(() => {
      document.querySelector<HTMLElement>('.timeline')!.style.setProperty('height', '300px');
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', bubbles: true }));
    });
    await waitForStillGraph(page);
    const raced = await zoom();
    // The same fit, asked for once the page has settled.
    await page.locator('[data-testid="graph-canvas"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('f');
    await waitForStillGraph(page);
    expect(raced).toBeCloseTo(await zoom(), 3);
    await page.evaluate(() => document.querySelector<HTMLElement>('.timeline')!.style.removeProperty('height'));
  });

  it('draws the seed the same however late Cytoscape hears of the canvas\'s size', async () => {
    // CI under load opened the seed at zoom 0.66 instead of 0.76: the nodes wait for their layout on a
    // spiral, which was centred in the view as Cytoscape last measured it; a ResizeObserver report still
    // to come moved that centre, and the force layout gave another drawing. Made certain here: every
    // ResizeObserver report comes 1.5 s late in the second page.
    await page.setViewportSize({ width: 1024, height: 700 });
    const drawing = async (on: Page) => {
      await openView(on, server.url, '');
      await waitForStillGraph(on);
      return on.evaluate(() => {
        const cy = (window as unknown as CyWindow).__cy;
        const origin = cy.getElementById('russia').position();
        const relative = Object.fromEntries(cy.nodes().map((node) => [node.id(), { x: node.position().x - origin.x, y: node.position().y - origin.y }]));
        return { zoom: cy.zoom(), relative };
      });
    };
    // The same to within a pixel: it was tens of pixels apart, and zoom 0.749 against 0.761.
    const same = (a: Awaited<ReturnType<typeof drawing>>, b: Awaited<ReturnType<typeof drawing>>) => {
      expect(Object.keys(a.relative).sort()).toEqual(Object.keys(b.relative).sort());
      const apart = Object.entries(a.relative).filter(([id, { x, y }]) => Math.hypot(x - b.relative[id]!.x, y - b.relative[id]!.y) > 1);
      expect(apart).toEqual([]);
      expect(a.zoom).toBeCloseTo(b.zoom, 3);
    };
    const settled = await drawing(page);
    const late = await page.context().newPage();
    try {
      await late.setViewportSize({ width: 1024, height: 700 });
      await late.addInitScript(() => {
        const Observer = window.ResizeObserver;
        window.ResizeObserver = class extends Observer {
          constructor(callback: ResizeObserverCallback) {
            super((entries, observer) => void setTimeout(() => callback(entries, observer), 1500));
          }
        };
      });
      same(await drawing(late), settled);
    } finally {
      await late.close();
    }
  });
});

describe('schema clicks that are seen', () => {
  it('selects and centres a label\'s nodes already in view, and says they were, instead of adding nothing silently', async () => {
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    const countries = sorted((await session.db.read('MATCH (n:Country) RETURN n.id AS id')).map((row) => String(row.id)));
    expect(countries.length).toBeGreaterThan(1);
    expect((await probe(page)).nodes).toEqual(expect.arrayContaining(countries)); // the overview holds them all
    // Zoom right in on one corner, so the countries are not all on screen.
    await page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      cy.zoom({ level: 3, position: cy.nodes().first().position() });
    });
    const toggle = page.locator('[data-testid="section-schema-toggle"]');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const nodesBefore = (await probe(page)).nodes.length;
    await page.locator('[data-testid="schema-panel"] [data-label="Country"]').click();
    await expect.poll(async () => sorted((await probe(page)).selected)).toEqual(countries);
    await expect(page.locator('[data-testid="status-line"]').innerText()).resolves.toMatch(/Country nodes .*: \d+ nodes \(all in view already\), selected and centred\./);
    expect((await probe(page)).nodes.length).toBe(nodesBefore);
    await waitForStillGraph(page);
    await expect.poll(onCanvas).toEqual(expect.arrayContaining(countries));
    await expect(page.locator('[data-testid="selection-count"]').innerText()).resolves.toBe(`${countries.length} nodes selected`);
  });
});

describe('fullscreen and search highlight', () => {
  it('puts the canvas in fullscreen with the button and Shift+F, and leaves it the same ways', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openView(page, server.url, '#v=1&n=russia,north-korea,kim-jong-un,vladimir-putin,ukraine,south-korea,soviet-union');
    const fullscreenElement = () => page.evaluate(() => document.fullscreenElement?.className ?? null);
    await waitForStillGraph(page);
    const zoom = () => page.evaluate(() => (window as unknown as CyWindow).__cy.zoom());
    await page.locator('[data-testid="fullscreen"]').click();
    await expect.poll(fullscreenElement).toBe('canvas-area');
    await expect.poll(() => page.evaluate(() => (window as unknown as CyWindow).__cy.width() === window.innerWidth)).toBe(true);
    const first = await zoom();
    await page.locator('[data-testid="fullscreen-exit"]').click();
    await expect.poll(fullscreenElement).toBeNull();
    await page.locator('[data-testid="graph-canvas"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+F');
    await expect.poll(fullscreenElement).toBe('canvas-area');
    // The same view as the first time (the trial: fitted the first time, zoomed past the fit the second).
    await expect.poll(zoom).toBeCloseTo(first, 6);
    // The canvas takes the whole screen's width (the timeline may take some of its height), and the graph is still in view.
    await expect.poll(() => page.evaluate(() => (window as unknown as CyWindow).__cy.width() === window.innerWidth)).toBe(true);
    await expect.poll(onCanvas).toEqual(['kim-jong-un', 'north-korea', 'russia', 'south-korea', 'soviet-union', 'ukraine', 'vladimir-putin']);
    await page.keyboard.press('Shift+F');
    await expect.poll(fullscreenElement).toBeNull();
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('shows the context menu and the expand chooser in fullscreen, and leaves it to show evidence', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea,kim-jong-un');
    const fullscreenElement = () => page.evaluate(() => document.fullscreenElement?.className ?? null);
    const reachable = (testId: string) =>
      page.evaluate((id) => {
        const element = document.querySelector(`[data-testid="${id}"]`);
        const box = element?.getBoundingClientRect();
        if (!element || !box || box.width === 0) return false;
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return hit !== null && element.contains(hit);
      }, testId);
    await page.locator('[data-testid="fullscreen"]').click();
    await expect.poll(fullscreenElement).toBe('canvas-area');
    await waitForStillGraph(page);
    // The menu was rendered beside the fullscreen element, so the browser did not show it.
    const russia = await pagePoint(page, 'russia');
    await page.mouse.click(russia.x, russia.y, { button: 'right' });
    await expect.poll(() => reachable('context-menu')).toBe(true);
    await page.locator('[data-testid="menu-expand-choose"]').click();
    await expect.poll(() => reachable('expand-dialog')).toBe(true);
    // Russia's neighbours are fewer than the cap: the chooser says so, and offers no "Add first 100".
    await expect(page.locator('[data-testid="expand-dialog"] header').innerText()).resolves.not.toContain('more than the cap');
    await expect(page.locator('[data-testid="expand-first"]').count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-testid="expand-dialog"]').count()).resolves.toBe(0);
    // The details panel is not part of fullscreen: Show evidence leaves it.
    await page.mouse.click(russia.x, russia.y, { button: 'right' });
    await page.locator('[data-testid="menu-evidence"]').click();
    await expect.poll(fullscreenElement).toBeNull();
    await expect.poll(() => page.locator('[data-testid="details-panel"]').getAttribute('data-selection')).toBe('node');
  });

  it('leaves the whole canvas to the view in fullscreen at 1024×700: a click on its right side pans nothing, and the timeline is not cut', async () => {
    // The new-user trial: in fullscreen a click on a node right of where the details panel would lie outside
    // fullscreen panned the graph 207 px left, and the timeline stopped at 692 of 1024 px.
    await page.setViewportSize({ width: 1024, height: 700 });
    try {
      await openView(page, server.url, '');
      await waitForStillGraph(page);
      await page.locator('[data-testid="fullscreen"]').click();
      await expect.poll(() => page.evaluate(() => document.fullscreenElement?.className ?? null)).toBe('canvas-area');
      await waitForStillGraph(page);
      const rightmost = await page.evaluate(() => {
        const cy = (window as unknown as CyWindow).__cy;
        return cy.nodes().max((node) => node.renderedPosition().x).ele.id();
      });
      const at = await pagePoint(page, rightmost);
      expect(at.x).toBeGreaterThan(704); // where the panel lies outside fullscreen
      const pan = () => page.evaluate(() => ({ ...(window as unknown as CyWindow).__cy.pan() }));
      const before = await pan();
      await page.mouse.click(at.x, at.y);
      await expect.poll(async () => (await probe(page)).selected).toEqual([rightmost]);
      await page.waitForTimeout(400); // a pan out from under the panel would take 250 ms
      expect(await pan()).toEqual(before);
      const timelineRight = await page.evaluate(() => {
        const axis = document.querySelector('.timeline-axis')?.getBoundingClientRect();
        return axis ? axis.right : null;
      });
      expect(timelineRight).toBeGreaterThan(950);
      await page.keyboard.press('Shift+F');
      await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
      await page.keyboard.press('Escape');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('rings the nodes in view that match the search box\'s text and fades the rest, without moving the camera', async () => {
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    const camera = () => page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      return { zoom: cy.zoom(), ...cy.pan() };
    });
    const before = await camera();
    const classed = async (name: string) => sorted(await page.evaluate((c) => (window as unknown as CyWindow).__cy.nodes(`.${c}`).map((n) => n.id()), name));
    await page.keyboard.press('/');
    await page.keyboard.type('korea');
    // Read in one go: the marks change once the server's results join the captions that match.
    const marks = () =>
      page.evaluate(() => {
        const cy = (window as unknown as CyWindow).__cy;
        return { matched: cy.nodes('.search-match').map((n) => n.id()), faded: cy.nodes('.search-faded').map((n) => n.id()), total: cy.nodes().length };
      });
    await expect.poll(async () => (await marks()).matched).toEqual(expect.arrayContaining(['north-korea', 'south-korea']));
    const { matched, faded, total } = await marks();
    expect(faded).toContain('russia');
    expect(matched.length + faded.length).toBe(total);
    expect(await camera()).toEqual(before);
    // A name rings its node alone, not the nodes whose descriptions mention it (the agreement's does).
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Kim Jong-un');
    // Read once the server has answered, with mentions among its results (the agreement's description).
    const dropdown = page.locator('[data-testid="search-input-results"]');
    const answered = async () => ({
      results: (await dropdown.locator('[role="option"]').count()) > 1,
      searching: await dropdown.locator('.search-status').count(),
      matched: (await marks()).matched,
    });
    await expect.poll(answered).toEqual({ results: true, searching: 0, matched: ['kim-jong-un'] });
    // Cleared: nothing is marked.
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await expect.poll(() => classed('search-faded')).toEqual([]);
    await expect(classed('search-match')).resolves.toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('says how many ringed matches its list may cover, closes the list with Esc to show them, and clears the fading with a second Esc', async () => {
    // The new-user trial: the list covered the ringed matches, and Esc kept the text, so the canvas stayed faded.
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    const box = page.locator('[data-testid="search-input"]');
    const faded = () => page.evaluate(() => (window as unknown as CyWindow).__cy.nodes('.search-faded').length);
    const ringed = () => page.evaluate(() => (window as unknown as CyWindow).__cy.nodes('.search-match').length);
    await page.keyboard.press('/');
    await page.keyboard.type('korea');
    const note = page.locator('[data-testid="search-input-ringed"]');
    await expect.poll(async () => (await note.count()) > 0 && (await note.innerText())).toMatch(/^\d+ nodes in view match, ringed on the canvas/);
    const said = Number((await note.innerText()).split(' ')[0]);
    expect(said).toBe(await ringed());
    expect(said).toBeGreaterThanOrEqual(2); // North and South Korea at least

    await page.keyboard.press('Escape');
    await expect(page.locator('[data-testid="search-input-results"]').count()).resolves.toBe(0);
    await expect(box.inputValue()).resolves.toBe('korea');
    expect(await faded()).toBeGreaterThan(0); // the list closed, the matches still shown
    await page.keyboard.press('Escape');
    await expect(box.inputValue()).resolves.toBe('');
    await expect.poll(faded).toBe(0);
    await expect(ringed()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.not.toBe('search-input');
  });

  it('chooses from the results of the text in the box when Enter comes before they do, not from the previous text\'s', async () => {
    // The new-user trial: "korea", then "ukraine" typed and Enter pressed at once, selected the KCNA treaty
    // text (the first result for "korea").
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    await page.keyboard.press('/');
    await page.keyboard.type('korea');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('ukraine', { delay: 20 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await probe(page)).selected).toEqual(['ukraine']);
    await expect(page.locator('[data-testid="search-input"]').inputValue()).resolves.toBe('Ukraine');
    await page.keyboard.press('Escape');
  });

  it('says what a search of only left-out words lacks, without asking the server, and what it left out when nothing is found', async () => {
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    // Each such search was refused with a 400, a failed request in the console (second new-user trial).
    const refused: string[] = [];
    const onResponse = (response: { url(): string; status(): number }) => {
      if (response.url().includes('/api/search') && response.status() >= 400) refused.push(response.url());
    };
    page.on('response', onResponse);
    try {
      await page.keyboard.press('/');
      await page.keyboard.type('NOT russia');
      const dropdown = page.locator('[data-testid="search-input-results"]');
      await expect.poll(() => dropdown.innerText()).toContain('NOT, - and ! leave out the word after them');
      await expect(page.evaluate(() => (window as unknown as CyWindow).__cy.nodes('.search-faded').length)).resolves.toBe(0);
      await page.keyboard.press('Control+a');
      await page.keyboard.type('((');
      await expect.poll(() => dropdown.innerText()).toContain('words of letters or digits');
      expect(refused).toEqual([]);
      // A search that left out every node it found says so (third new-user trial: "No matches" without why):
      // South Korea's description names the North.
      await page.keyboard.press('Control+a');
      await page.keyboard.type('korea NOT north');
      await expect.poll(() => dropdown.innerText()).toContain('Nothing found for “korea” without “north”.');
      // Nothing found, nothing ringed: the canvas folds accents, and "ü" rang the 11 nodes with a word
      // starting with "u" beside "No matches" (fourth new-user trial).
      await page.keyboard.press('Control+a');
      await page.keyboard.type('ü');
      await expect.poll(() => dropdown.innerText()).toContain('No matches for “ü”.');
      await expect(page.evaluate(() => (window as unknown as CyWindow).__cy.nodes('.search-match, .search-faded').length)).resolves.toBe(0);
      // A long text's "No matches" stays inside the list (fifth new-user trial: it ran past its edge).
      await page.keyboard.press('Control+a');
      await page.keyboard.type('zq'.repeat(100));
      const none = page.locator('[data-testid="search-input-none"]');
      await expect.poll(() => none.innerText()).toContain('zq'.repeat(100));
      const [message, list] = [await none.boundingBox(), await dropdown.boundingBox()];
      expect(message!.x + message!.width).toBeLessThanOrEqual(Math.min(list!.x + list!.width, page.viewportSize()!.width) + 0.5);
      await expect(none.evaluate((element) => element.scrollWidth <= element.clientWidth)).resolves.toBe(true);
    } finally {
      page.off('response', onResponse);
    }
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });
});

describe('hover tooltips', () => {
  /** The tooltip's box and the element's rendered box, in page px. */
  async function boxes(id: string) {
    const canvas = await page.locator('[data-testid="graph-canvas"]').boundingBox();
    const tip = await page.locator('[data-testid="hover-tooltip"]').boundingBox();
    const element = await page.evaluate((elementId) => (window as unknown as CyWindow).__cy.getElementById(elementId).renderedBoundingBox({ includeLabels: false }), id);
    if (!canvas || !tip) throw new Error('no canvas or tooltip');
    return { tip, element: { x1: canvas.x + element.x1, y1: canvas.y + element.y1, x2: canvas.x + element.x2, y2: canvas.y + element.y2 } };
  }

  it('shows a node\'s caption, labels and key properties after a short rest, beside the node, and hides it on leaving and while dragging', async () => {
    await openView(page, server.url, '#v=1&n=kim-jong-un,north-korea');
    await waitForStillGraph(page);
    const tooltip = page.locator('[data-testid="hover-tooltip"]');
    const kim = await pagePoint(page, 'kim-jong-un');
    await page.mouse.move(kim.x, kim.y);
    await tooltip.waitFor();
    await expect(tooltip.getAttribute('data-element')).resolves.toBe('kim-jong-un');
    await expect(tooltip.innerText()).resolves.toMatch(/Kim Jong-un[\s\S]*Person/);
    const { tip, element } = await boxes('kim-jong-un');
    const overlap = tip.x < element.x2 && element.x1 < tip.x + tip.width && tip.y < element.y2 && element.y1 < tip.y + tip.height;
    expect(overlap).toBe(false);
    // Off the node: gone.
    await page.mouse.move(kim.x + 300, kim.y + 200);
    await expect.poll(() => tooltip.count()).toBe(0);
    // A drag starting on the node shows none, even after resting.
    await page.mouse.move(kim.x, kim.y);
    await page.mouse.down();
    await page.mouse.move(kim.x + 20, kim.y + 20, { steps: 5 });
    await page.waitForTimeout(800);
    await expect(tooltip.count()).resolves.toBe(0);
    await page.mouse.up();
    await page.keyboard.press('Control+z'); // the drag moved the node
    // A right click puts the context menu up and the tooltip away (it stayed behind the menu).
    await waitForStillGraph(page);
    const again = await pagePoint(page, 'kim-jong-un');
    await page.mouse.move(again.x + 300, again.y + 200); // off it first: the pointer ended the drag on it
    await page.mouse.move(again.x, again.y);
    await tooltip.waitFor();
    await page.mouse.click(again.x, again.y, { button: 'right' });
    await page.locator('[data-testid="context-menu"]').waitFor();
    await expect.poll(() => tooltip.count()).toBe(0);
    // While the menu is open, resting on another node shows no tooltip (one was drawn under the menu: the trial).
    const korea = await pagePoint(page, 'north-korea');
    await page.mouse.move(korea.x, korea.y, { steps: 4 });
    await page.waitForTimeout(800);
    await expect(tooltip.count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
  });

  it('keeps a tooltip clear of the details panel where the panel lies over the canvas (1024×700)', async () => {
    // The new-user trial: with the panel open, 18 of 21 nodes' tooltips went partly or wholly under it.
    await page.setViewportSize({ width: 1024, height: 700 });
    try {
      await openView(page, server.url, '');
      await waitForStillGraph(page);
      await clickElement(page, 'russia');
      const panel = (await page.locator('[data-testid="details-panel"]').boundingBox())!;
      expect(panel.x).toBeLessThan(1024);
      await waitForStillGraph(page);
      // The node whose right side lies nearest the panel without being under it: its tooltip's first choice
      // (the right) has no room.
      const id = await page.evaluate((left) => {
        const cy = (window as unknown as CyWindow).__cy;
        const canvasLeft = cy.container()!.getBoundingClientRect().left;
        const beside = cy.nodes().filter((node) => {
          const box = node.renderedBoundingBox({ includeLabels: true });
          return canvasLeft + box.x2 < left && canvasLeft + box.x2 > left - 200 && box.y1 > 0 && box.y2 < cy.height() - 120;
        });
        return beside.max((node) => node.renderedBoundingBox({ includeLabels: true }).x2).ele.id();
      }, panel.x);
      const tooltip = page.locator('[data-testid="hover-tooltip"]');
      const at = await pagePoint(page, id);
      await page.mouse.move(at.x, at.y, { steps: 4 });
      await tooltip.waitFor();
      await expect.poll(async () => (await tooltip.getAttribute('style')) ?? '').not.toContain('hidden');
      const tip = (await tooltip.boundingBox())!;
      expect(tip.x + tip.width, `${id}'s tooltip`).toBeLessThanOrEqual(panel.x);
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('shows a relationship\'s type, certainty and the first words of its quote, off its line', async () => {
    await openView(page, server.url, '#v=1&n=kim-jong-un,north-korea');
    await waitForStillGraph(page);
    const canvas = await page.locator('[data-testid="graph-canvas"]').boundingBox();
    if (!canvas) throw new Error('no canvas');
    const [edge] = (await probe(page)).edges;
    const middle = await page.evaluate((id) => {
      const cy = (window as unknown as CyWindow).__cy;
      const m = cy.getElementById(id).midpoint();
      return { x: m.x * cy.zoom() + cy.pan().x, y: m.y * cy.zoom() + cy.pan().y };
    }, edge as string);
    await page.mouse.move(canvas.x + middle.x, canvas.y + middle.y);
    const tooltip = page.locator('[data-testid="hover-tooltip"]');
    await tooltip.waitFor();
    const text = await tooltip.innerText();
    const relationship = (await session.db.read('MATCH ()-[r]->() WHERE coalesce(r.id, elementId(r)) = $id RETURN type(r) AS type, r.certainty AS certainty, r.quote AS quote', { id: edge })).at(0);
    expect(text).toContain(String(relationship?.type));
    expect(text.toLowerCase()).toContain(String(relationship?.certainty));
    expect(text).toContain(String(relationship?.quote).split(/\s+/).slice(0, 3).join(' '));
    const tip = await tooltip.boundingBox();
    if (!tip) throw new Error('no tooltip');
    const pointer = { x: canvas.x + middle.x, y: canvas.y + middle.y };
    expect(pointer.x >= tip.x && pointer.x <= tip.x + tip.width && pointer.y >= tip.y && pointer.y <= tip.y + tip.height).toBe(false);
    await page.mouse.move(canvas.x + 5, canvas.y + 5);
  });
});

describe('the context menu', () => {
  const menu = () => page.locator('[data-testid="context-menu"]');

  it('opens on a right click on a node with its shortcuts shown, selects the node, and runs an item by click', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea,kim-jong-un');
    await waitForStillGraph(page);
    const kim = await pagePoint(page, 'kim-jong-un');
    await page.mouse.click(kim.x, kim.y, { button: 'right' });
    await menu().waitFor();
    expect((await probe(page)).selected).toEqual(['kim-jong-un']);
    const items = await menu().locator('[role="menuitem"]').allInnerTexts();
    expect(items.map((item) => item.replace(/\s+/g, ' ').trim())).toEqual([
      'Expand E',
      'Expand: choose neighbours… Shift+E',
      'Collapse C',
      'Hide H',
      'Pin Shift+P',
      'Select neighbours',
      'Shortest path from here P',
      'Show evidence',
      'Copy id',
      'Copy properties as JSON',
    ]);
    await menu().locator('[data-testid="menu-select-neighbours"]').click();
    await expect(menu().count()).resolves.toBe(0);
    expect(sorted((await probe(page)).selected)).toEqual(['kim-jong-un', 'north-korea']);
  });

  it('reaches the view with Tab, as the keyboard reaches every other control', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea,kim-jong-un');
    await page.keyboard.press('/');
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? '');
    await expect(focused()).resolves.toBe('search-input');
    const seen: string[] = [];
    for (let i = 0; i < 60 && seen.at(-1) !== 'graph-canvas'; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused());
    }
    expect(seen.at(-1), `Tab went through ${seen.join(', ')}`).toBe('graph-canvas');
  });

  it('offers a skip to the graph at the first Tab, seen only then, and Enter gives the keyboard to the view', async () => {
    // The third new-user trial: the view was 19 Tabs away.
    await openView(page, server.url, '#v=1&n=russia,north-korea,kim-jong-un');
    const skip = page.locator('[data-testid="skip-to-graph"]');
    const onScreen = async () => ((await skip.boundingBox())?.y ?? -1) >= 0;
    await expect(onScreen()).resolves.toBe(false);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).resolves.toBe('skip-to-graph');
    await expect.poll(onScreen).toBe(true);
    const hash = await page.evaluate(() => window.location.hash);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).resolves.toBe('graph-canvas');
    await expect(page.evaluate(() => window.location.hash)).resolves.toBe(hash);
    await expect(onScreen()).resolves.toBe(false);
  });

  it('gives the keyboard to the view once a search result is chosen, so Shift+F10 opens the chosen node\'s menu', async () => {
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    await page.keyboard.press('/');
    await page.keyboard.type('Kim Jong');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await probe(page)).selected).toEqual(['kim-jong-un']);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('graph-canvas');
    await page.keyboard.press('Shift+F10');
    await expect(menu().getAttribute('aria-label')).resolves.toContain('Kim Jong-un');
    await page.keyboard.press('Escape');
  });

  it('closes when the window is resized, rather than lie past its edge', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      await openView(page, server.url, '#v=1&n=russia,north-korea,kim-jong-un');
      await waitForStillGraph(page);
      const korea = await pagePoint(page, 'north-korea');
      await page.mouse.click(korea.x, korea.y, { button: 'right' });
      await menu().waitFor();
      await page.setViewportSize({ width: 1024, height: 700 });
      await expect.poll(() => menu().count()).toBe(0);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('opens on the selection with Shift+F10 and the context-menu key, runs items by arrow keys and Enter, and closes with Esc', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea,kim-jong-un');
    await clickElement(page, 'kim-jong-un');
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? document.activeElement?.tagName);
    await expect(focused()).resolves.toBe('graph-canvas'); // a click on the view gives it the keyboard
    await page.keyboard.press('Shift+F10');
    await menu().waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toContain('Expand');
    // Beside the node and its caption, not over them (it opened with its corner on the node's centre, and
    // then beside the node alone, touching "Kim Jong-un", wider than the node).
    const [menuBox, canvasBox, nodeBox] = await Promise.all([
      menu().boundingBox(),
      page.locator('[data-testid="graph-canvas"]').boundingBox(),
      page.evaluate(() => (window as unknown as CyWindow).__cy.getElementById('kim-jong-un').renderedBoundingBox({ includeLabels: true, includeOverlays: false })),
    ]);
    const [left, top] = [canvasBox!.x + nodeBox.x1, canvasBox!.y + nodeBox.y1];
    const [right, bottom] = [canvasBox!.x + nodeBox.x2, canvasBox!.y + nodeBox.y2];
    const overlapsNode = menuBox!.x < right && left < menuBox!.x + menuBox!.width && menuBox!.y < bottom && top < menuBox!.y + menuBox!.height;
    expect(overlapsNode).toBe(false);
    await page.keyboard.press('Escape');
    await expect(menu().count()).resolves.toBe(0);
    expect((await probe(page)).selected).toEqual(['kim-jong-un']); // Esc closed the menu only
    await expect(focused()).resolves.toBe('graph-canvas'); // and gave the keyboard back to the view

    await page.keyboard.press('ContextMenu');
    await menu().waitFor();
    // Down to Hide (Expand, Expand…, Collapse is disabled and skipped, Hide), then Enter.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toContain('Hide');
    await page.keyboard.press('Enter');
    await expect.poll(drawnNodes).toEqual(['north-korea', 'russia']);
    await page.keyboard.press('Control+z');
  });

  it('leaves Shift+F10 and the context-menu key to a focused toolbar button, and opens the view\'s menu again from the view', async () => {
    // The new-user trial: Shift+F10 after clicking Fit opened the background menu over the canvas.
    await openView(page, server.url, '#v=1&n=russia,north-korea,kim-jong-un');
    await waitForStillGraph(page);
    await page.locator('[data-testid="fit"]').click();
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).resolves.toBe('fit');
    // Whether a shortcut took each key: it prevents the key's default (use-shortcuts.ts), seen by a later listener.
    await page.evaluate(() => {
      const w = window as unknown as { keysTaken: string[] };
      w.keysTaken = [];
      window.addEventListener('keydown', (event) => w.keysTaken.push(`${event.key}:${event.defaultPrevented}`));
    });
    await page.keyboard.press('Shift+F10');
    await page.keyboard.press('ContextMenu');
    const taken = await page.evaluate(() => (window as unknown as { keysTaken: string[] }).keysTaken);
    expect(taken).toEqual(['Shift:false', 'F10:false', 'ContextMenu:false']);
    await expect(menu().count()).resolves.toBe(0);

    await clickElement(page, 'russia');
    await page.keyboard.press('Shift+F10');
    await expect(menu().getAttribute('aria-label')).resolves.toContain('Russia');
    await page.keyboard.press('Escape');
  });

  it('brings a selected node dragged off the canvas back into view when Shift+F10 opens its menu, and opens beside it', async () => {
    // The new-user trial: the menu opened at the canvas's centre, the node still out of sight above it.
    await openView(page, server.url, '#v=1&n=russia,north-korea,kim-jong-un');
    await waitForStillGraph(page);
    await clickElement(page, 'kim-jong-un');
    const canvas = (await page.locator('[data-testid="graph-canvas"]').boundingBox())!;
    const kim = await pagePoint(page, 'kim-jong-un');
    // Drag the background up until the node is above the canvas.
    await page.mouse.move(canvas.x + 10, canvas.y + canvas.height / 2);
    await page.mouse.down();
    await page.mouse.move(canvas.x + 10, canvas.y + canvas.height / 2 - (kim.y - canvas.y) - 80, { steps: 8 });
    await page.mouse.up();
    const renderedY = () => page.evaluate(() => (window as unknown as CyWindow).__cy.getElementById('kim-jong-un').renderedPosition().y);
    await expect.poll(renderedY).toBeLessThan(0);
    expect((await probe(page)).selected).toEqual(['kim-jong-un']);
    await page.keyboard.press('Shift+F10');
    await expect(menu().getAttribute('aria-label')).resolves.toContain('Kim Jong-un');
    const y = await renderedY();
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(canvas.height);
    const box = (await menu().boundingBox())!;
    const at = await pagePoint(page, 'kim-jong-un');
    expect(Math.abs(box.y - at.y)).toBeLessThan(200); // beside the node, not at the canvas's centre far from it
    await page.keyboard.press('Escape');
  });

  it('acts on the whole selection when the menu opens on one of several selected nodes, by key or by right click', async () => {
    // The new-user trial: Shift+F10 with every node selected offered one node's Expand and Copy id.
    await openView(page, server.url, '#v=1&n=russia,north-korea,kim-jong-un,vladimir-putin');
    await clickElement(page, 'kim-jong-un');
    await page.keyboard.press('Control+a');
    await expect.poll(async () => (await probe(page)).selected.length).toBe(4);
    await page.keyboard.press('Shift+F10');
    await menu().waitFor();
    await expect(menu().getAttribute('aria-label')).resolves.toContain('4 nodes selected');
    await expect(menu().locator('[data-testid="menu-expand"]').count()).resolves.toBe(0);
    await expect(menu().locator('[data-testid="menu-hide"]').innerText()).resolves.toContain('Hide 4 nodes');
    await page.keyboard.press('Escape');

    // A right click on one of them keeps the selection, and Pin them pins all four.
    await page.keyboard.press('Control+i'); // none selected
    await clickElement(page, 'russia');
    await page.keyboard.down('Shift');
    await clickElement(page, 'north-korea');
    await page.keyboard.up('Shift');
    const at = await pagePoint(page, 'north-korea');
    await page.mouse.click(at.x, at.y, { button: 'right' });
    await menu().waitFor();
    await page.locator('[data-testid="menu-pin"]').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as CyWindow).__cy.nodes('.pinned').map((node) => node.id()).sort())).toEqual(['north-korea', 'russia']);
    expect((await probe(page)).selected.sort()).toEqual(['north-korea', 'russia']);
    await page.keyboard.press('Control+z');
  });

  it('offers the view\'s actions on the background: select all, and a layout', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea,kim-jong-un');
    await waitForStillGraph(page);
    const canvas = await page.locator('[data-testid="graph-canvas"]').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await page.mouse.click(canvas.x + 8, canvas.y + canvas.height - 8, { button: 'right' });
    await menu().waitFor();
    await expect(menu().locator('[data-testid="menu-show-hidden"]').isDisabled()).resolves.toBe(true);
    await menu().locator('[data-testid="menu-select-all"]').click();
    expect(sorted((await probe(page)).selected)).toEqual(['kim-jong-un', 'north-korea', 'russia']);
    await page.mouse.click(canvas.x + 8, canvas.y + canvas.height - 8, { button: 'right' });
    const checked = async () => (await menu().locator('[role="menuitemradio"][aria-checked="true"]').getAttribute('data-testid')) ?? '';
    await expect(checked()).resolves.toBe('menu-layout-force'); // the current layout is marked
    await menu().locator('[data-testid="menu-layout-grid"]').click();
    await expect.poll(() => page.locator('[data-testid="layout-select"]').inputValue()).toBe('grid');
    await page.mouse.click(canvas.x + 8, canvas.y + canvas.height - 8, { button: 'right' });
    await expect(checked()).resolves.toBe('menu-layout-grid');
    await page.keyboard.press('Escape');
  });

  it('opens above and to the left of a right click near the window\'s corner, never under the pointer, and goes to an item by its first letter', async () => {
    // The new-user trial: moved in to fit, the menu lay under the pointer with Hide focused, so Enter hid the node.
    await page.setViewportSize({ width: 1024, height: 700 });
    await openView(page, server.url, '#v=1&n=russia,north-korea,kim-jong-un');
    await waitForStillGraph(page);
    const canvas = (await page.locator('[data-testid="graph-canvas"]').boundingBox())!;
    const at = { x: canvas.x + canvas.width - 12, y: canvas.y + canvas.height - 12 };
    await page.mouse.click(at.x, at.y, { button: 'right' });
    await menu().waitFor();
    const box = (await menu().boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(at.x);
    expect(box.y + box.height).toBeLessThanOrEqual(at.y);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('s');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toContain('Select all');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('opens the background\'s menu on a right click on the background while a node\'s menu is open', async () => {
    await openView(page, server.url, '#v=1&n=russia,north-korea,kim-jong-un');
    await waitForStillGraph(page);
    const canvas = await page.locator('[data-testid="graph-canvas"]').boundingBox();
    if (!canvas) throw new Error('no canvas');
    const at = await page.evaluate(() => (window as unknown as CyWindow).__cy.getElementById('russia').renderedPosition());
    await page.mouse.click(canvas.x + at.x, canvas.y + at.y, { button: 'right' });
    await menu().waitFor();
    await expect(menu().getAttribute('aria-label')).resolves.toBe('Actions on Russia');
    await page.mouse.click(canvas.x + 8, canvas.y + canvas.height - 8, { button: 'right' });
    await expect.poll(() => menu().getAttribute('aria-label')).toBe('Actions on the view');
    await expect(menu().locator('[data-testid="menu-select-all"]').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => menu().count()).toBe(0);
  });

  it('shows a relationship\'s items on a right click on it, and selects its ends', async () => {
    await openView(page, server.url, '#v=1&n=kim-jong-un,north-korea');
    await waitForStillGraph(page);
    const canvas = await page.locator('[data-testid="graph-canvas"]').boundingBox();
    if (!canvas) throw new Error('no canvas');
    const [edge] = (await probe(page)).edges;
    const middle = await page.evaluate((id) => (window as unknown as CyWindow).__cy.getElementById(id).renderedMidpoint(), edge as string);
    await page.mouse.click(canvas.x + middle.x, canvas.y + middle.y, { button: 'right' });
    await menu().waitFor();
    await expect(menu().locator('[role="menuitem"]').allInnerTexts()).resolves.toEqual(expect.arrayContaining(['Show evidence', 'Select its ends']));
    await menu().locator('[data-testid="menu-select-ends"]').click();
    expect(sorted((await probe(page)).selected)).toEqual(['kim-jong-un', 'north-korea']);
  });
});

describe('pinning', () => {
  const positionOf = (id: string) => page.evaluate((nodeId) => (window as unknown as CyWindow).__cy.getElementById(nodeId).position(), id);

  it('shows the earlier picture in view when a layout is undone', async () => {
    for (const size of [{ width: 1024, height: 700 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size);
      await openView(page, server.url, '');
      await waitForStillGraph(page);
      await page.locator('[data-testid="layout-select"]').selectOption('concentric');
      await expect.poll(() => page.locator('[data-testid="graph-canvas"]').getAttribute('data-layout')).toBe('idle');
      await waitForStillGraph(page);
      await page.locator('[data-testid="graph-canvas"]').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+z');
      await expect.poll(() => page.locator('[data-testid="layout-select"]').inputValue()).toBe('force');
      await waitForStillGraph(page);
      // Every node's centre on the canvas (the undone layout's camera left 13 of 27 off it at 1024×700).
      await expect.poll(() => page.evaluate(() => {
        const cy = (window as unknown as CyWindow).__cy;
        return cy.nodes().filter((node) => {
          const { x, y } = node.renderedPosition();
          return x < 0 || y < 0 || x > cy.width() || y > cy.height();
        }).map((node) => node.id());
      })).toEqual([]);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('brings back the camera and keeps the selection when show only is undone and redone', async () => {
    // The new-user trial: Ctrl+Z after O refitted the whole graph, zoom 1.36 to 0.69.
    await page.setViewportSize({ width: 1280, height: 800 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    await clickElement(page, 'russia');
    await waitForStillGraph(page);
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await waitForStillGraph(page);
    const camera = () => page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      const { x, y } = cy.pan();
      return { zoom: cy.zoom(), x: (cy.width() / 2 - x) / cy.zoom(), y: (cy.height() / 2 - y) / cy.zoom() };
    });
    const near = (a: { zoom: number; x: number; y: number }, b: { zoom: number; x: number; y: number }) =>
      Math.abs(a.zoom - b.zoom) < 0.01 && Math.abs(a.x - b.x) < 2 && Math.abs(a.y - b.y) < 2;
    const before = await camera();
    await page.keyboard.press('o');
    await expect.poll(drawnNodes).toEqual(['russia']);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await waitForStillGraph(page);
    const after = await camera();
    expect(near(before, after)).toBe(false);
    await page.keyboard.press('Control+z');
    await expect.poll(() => drawnNodes().then((ids) => ids.length)).toBeGreaterThan(20);
    await waitForStillGraph(page);
    expect(await camera()).toSatisfy((now: typeof before) => near(now, before));
    expect(await page.evaluate(() => (window as unknown as CyWindow).__cy.nodes(':selected').map((node) => node.id()))).toEqual(['russia']);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(drawnNodes).toEqual(['russia']);
    await waitForStillGraph(page);
    expect(await camera()).toSatisfy((now: typeof before) => near(now, after));
  });

  it('lays out only the first and the last of several layouts chosen in quick succession', async () => {
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    await expect.poll(() => page.locator('[data-testid="graph-canvas"]').getAttribute('data-layout')).toBe('idle');
    const jobs = () => page.evaluate(() => (window as unknown as { __layoutJobs?: number }).__layoutJobs ?? 0);
    const before = await jobs();
    // Arrow keys on the layout list, as fast as a user holding the key: force -> concentric -> hierarchy -> circle -> grid.
    const select = page.locator('[data-testid="layout-select"]');
    await select.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown', { delay: 20 });
    await expect.poll(() => select.inputValue()).toBe('grid');
    await expect.poll(() => page.locator('[data-testid="graph-canvas"]').getAttribute('data-layout')).toBe('idle');
    await waitForStillGraph(page);
    // The first choice runs; the ones chosen while it ran wait, and all but the last are skipped: two
    // layouts, not four one after another.
    expect((await jobs()) - before).toBeLessThanOrEqual(2);
    // And the drawing is the grid's: boxes (node and caption) centred on a few rows.
    const rows = await page.evaluate(() =>
      new Set((window as unknown as CyWindow).__cy.nodes().map((n) => {
        const box = n.boundingBox({ includeLabels: true });
        return Math.round((box.y1 + box.y2) / 2);
      })).size,
    );
    expect(rows).toBeLessThanOrEqual(7);
  });

  it('keeps a pinned node in place through every layout and through undo, marks it, and puts it in the link', async () => {
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    await clickElement(page, 'russia');
    await page.keyboard.press('Shift+P');
    await expect.poll(() => page.evaluate(() => (window as unknown as CyWindow).__cy.getElementById('russia').hasClass('pinned'))).toBe(true);
    const pinnedAt = await positionOf('russia');
    const other = await positionOf('ukraine');
    for (const name of ['circle', 'grid', 'concentric', 'hierarchy', 'force']) {
      await page.locator('[data-testid="layout-select"]').selectOption(name);
      await page.waitForFunction(() => document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('data-layout') === 'idle');
      await waitForStillGraph(page);
      const at = await positionOf('russia');
      expect(at.x, name).toBeCloseTo(pinnedAt.x, 0);
      expect(at.y, name).toBeCloseTo(pinnedAt.y, 0);
    }
    expect(await positionOf('ukraine')).not.toEqual(other); // the others moved
    await expect.poll(() => page.evaluate(() => decodeURIComponent(window.location.hash))).toContain('pin=russia');
    // Undo walks back the layouts, the pin stays; one more unpins.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Control+z');
    await expect.poll(() => page.evaluate(() => (window as unknown as CyWindow).__cy.getElementById('russia').hasClass('pinned'))).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.evaluate(() => (window as unknown as CyWindow).__cy.getElementById('russia').hasClass('pinned'))).toBe(false);
  });
});

describe('relationship captions on a dense view', () => {
  /** Ids of the relationships whose caption Cytoscape draws at this zoom (it skips a label smaller on screen than min-zoomed-font-size). */
  const captioned = () =>
    page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      return cy
        .edges()
        .filter((e) => e.visible() && e.style('label') !== '' && parseFloat(e.style('font-size')) * cy.zoom() >= parseFloat(e.style('min-zoomed-font-size')))
        .map((e) => e.id());
    });

  /**
   * Pairs of the given relationships whose captions, as Cytoscape drew them (its label box, at its
   * autorotated angle), lie one over the other; and a caption over a selected node (its caption included)
   * or a neighbour's body (`nodes` 'selection'), or over any node and its caption ('all').
   */
  const overlappingCaptions = (ids: string[], nodes: 'none' | 'selection' | 'all' = 'none') =>
    page.evaluate(`(() => {
      const cy = window.__cy;
      const boxes = ${JSON.stringify(ids)}.map((id) => {
        const edge = cy.getElementById(id);
        edge.boundingBox({ includeLabels: true });
        const { labelX, labelY, labelWidth, labelHeight } = edge._private.rstyle;
        const angle = edge._private.rscratch.labelAutoAngle || 0;
        return { id, x: labelX, y: labelY, ux: Math.cos(angle), uy: Math.sin(angle), w: labelWidth / 2, h: labelHeight / 2 };
      });
      const reach = (b, nx, ny) => b.w * Math.abs(b.ux * nx + b.uy * ny) + b.h * Math.abs(-b.uy * nx + b.ux * ny);
      const apart = (a, b) => [[a.ux, a.uy], [-a.uy, a.ux], [b.ux, b.uy], [-b.uy, b.ux]].some(([nx, ny]) =>
        Math.abs((b.x - a.x) * nx + (b.y - a.y) * ny) >= reach(a, nx, ny) + reach(b, nx, ny));
      const pairs = [];
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => { if (!apart(a, b)) pairs.push(a.id + ' / ' + b.id); }));
      // And over the selected nodes (captions included) and every other node's body, or over every node
      // and its caption, when asked.
      const nodes = ${JSON.stringify(nodes)};
      if (nodes !== 'none') {
        cy.nodes(':visible').forEach((node) => {
          const b = node.boundingBox({ includeLabels: nodes === 'all' || node.selected(), includeOverlays: false });
          const box = { id: node.id(), x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2, ux: 1, uy: 0, w: b.w / 2, h: b.h / 2 };
          boxes.forEach((a) => { if (!apart(a, box)) pairs.push(a.id + ' / node ' + box.id); });
        });
      }
      return pairs;
    })()`) as Promise<string[]>;

  it('draws them for the selection, under the pointer and above a zoom the settings choose, and none at the opening zoom', async () => {
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    expect(await page.evaluate(() => (window as unknown as CyWindow).__cy.zoom())).toBeLessThan(1.2);
    await expect(captioned()).resolves.toEqual([]);
    await clickElement(page, 'north-korea');
    const own = sorted(await page.evaluate(() => (window as unknown as CyWindow).__cy.getElementById('north-korea').connectedEdges().map((e) => e.id())));
    await expect.poll(async () => (await captioned()).length).toBeGreaterThan(0);
    const drawn = await captioned();
    expect(drawn.filter((id) => !own.includes(id))).toEqual([]);
    expect(await overlappingCaptions(drawn, 'selection')).toEqual([]);
    // Read at 9 px on screen or more, below the caption zoom too (the trial: 6.7 px at 1024×700).
    const onScreen = (ids: string[]) =>
      page.evaluate((edgeIds) => {
        const cy = (window as unknown as CyWindow).__cy;
        return edgeIds.map((id) => parseFloat(String(cy.getElementById(id).style('font-size'))) * cy.zoom());
      }, ids);
    expect(Math.min(...(await onScreen(drawn)))).toBeGreaterThanOrEqual(8.99);
    await page.keyboard.press('Escape');
    await expect.poll(captioned).toEqual([]);
    // Their font given back: the same as every other relationship's.
    const fonts = await page.evaluate(() => [...new Set((window as unknown as CyWindow).__cy.edges().map((e) => String(e.style('font-size'))))]);
    expect(fonts).toHaveLength(1);
    // Under the pointer: that one.
    const canvas = await page.locator('[data-testid="graph-canvas"]').boundingBox();
    if (!canvas) throw new Error('no canvas');
    // A relationship whose middle lies clear of nodes, captions and other relationships' middles (several
    // run between North Korea and Russia, one over the other): the pointer rests there.
    const clear = (await page.evaluate(`(() => {
      const cy = window.__cy;
      return cy.edges().filter((edge) => {
        const m = edge.renderedMidpoint();
        const onNode = cy.nodes().some((n) => {
          const b = n.renderedBoundingBox({ includeLabels: true });
          return m.x > b.x1 - 4 && m.x < b.x2 + 4 && m.y > b.y1 - 4 && m.y < b.y2 + 4;
        });
        const nearEdge = cy.edges().some((o) => o.id() !== edge.id() && Math.hypot(o.renderedMidpoint().x - m.x, o.renderedMidpoint().y - m.y) < 16);
        return edge.parallelEdges().length === 1 && !onNode && !nearEdge;
      }).map((edge) => edge.id());
    })()`)) as string[];
    // Another relationship can still cross that point and be the one on top: then the next candidate.
    let hovered: string | null = null;
    for (const edge of clear.slice(0, 8)) {
      const middle = await page.evaluate((id) => (window as unknown as CyWindow).__cy.getElementById(id).renderedMidpoint(), edge);
      await page.mouse.move(canvas.x + middle.x, canvas.y + middle.y);
      await expect.poll(async () => (await captioned()).length).toBe(1); // exactly one, whichever is on top
      if ((await captioned())[0] === edge) {
        hovered = edge;
        break;
      }
      await page.mouse.move(canvas.x + 5, canvas.y + 5);
      await expect.poll(captioned).toEqual([]);
    }
    expect(hovered).not.toBeNull();
    await page.mouse.move(canvas.x + 5, canvas.y + 5);
    await expect.poll(captioned).toEqual([]);
    // Zoomed in past 120 %: every one that is not crowded (over another or over a node; below the caption
    // zoom every one is). How many fit depends on the drawing (2 of the seed's 64 in its force drawing of today).
    const uncrowded = () => page.evaluate(() => (window as unknown as CyWindow).__cy.edges().filter((e) => !e.hasClass('crowded')).length);
    expect(await uncrowded()).toBe(0);
    await page.evaluate(() => void (window as unknown as CyWindow).__cy.zoom(1.5));
    await expect.poll(uncrowded).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => (await captioned()).length).toBe(await uncrowded());
    await page.evaluate(() => void (window as unknown as CyWindow).__cy.zoom(0.5));
    // The setting: always, every one (the analyst asked for them all, over one another or not).
    await page.locator('[data-testid="settings-button"]').click();
    await page.locator('[data-testid="edge-caption-zoom"]').selectOption('0');
    await page.locator('[data-testid="settings-button"]').click();
    const shown = (await page.evaluate(() => (window as unknown as CyWindow).__cy.edges().filter((e) => e.visible()).length));
    await expect.poll(async () => (await captioned()).length).toBe(shown);
    await page.locator('[data-testid="settings-button"]').click();
    await page.locator('[data-testid="edge-caption-zoom"]').selectOption('1.2');
    await page.locator('[data-testid="settings-button"]').click();
    await expect.poll(captioned).toEqual([]);
  });

  it('draws, above the caption zoom, only the captions that lie over no other and over no node (1920×1080 opens above it)', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    try {
      await openView(page, server.url, '');
      await waitForStillGraph(page);
      expect(await page.evaluate(() => (window as unknown as CyWindow).__cy.zoom())).toBeGreaterThanOrEqual(1.2);
      await expect.poll(async () => (await captioned()).length).toBeGreaterThanOrEqual(1);
      const drawn = await captioned();
      expect(drawn.length).toBeLessThan((await probe(page)).edges.length);
      expect(await overlappingCaptions(drawn, 'all')).toEqual([]);
      // All 64 drawn, as before, lay over one another and over nodes.
      expect((await overlappingCaptions((await probe(page)).edges, 'all')).length).toBeGreaterThan(0);
      // A selection's captions come first, and still none over another.
      await clickElement(page, 'russia');
      await waitForStillGraph(page);
      expect(await overlappingCaptions(await captioned(), 'selection')).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('draws no caption but the selection\'s between zoom 1 and the caption zoom (Cytoscape drew them from 1 on)', async () => {
    // The second new-user trial: at zoom 1.03, 34 of 64 captions were drawn with captions set from 120 %.
    // Cytoscape's min-zoomed-font-size is checked against its label cache's zoom, rounded up to a power of
    // two: only a class keeps them from being drawn, and that is what is checked here.
    await page.setViewportSize({ width: 1920, height: 1080 });
    try {
      await openView(page, server.url, '');
      await waitForStillGraph(page);
      const canvas = (await page.locator('[data-testid="graph-canvas"]').boundingBox())!;
      await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
      const zoom = () => page.evaluate(() => (window as unknown as CyWindow).__cy.zoom());
      for (let i = 0; i < 10 && (await zoom()) >= 1.15; i++) {
        await page.mouse.wheel(0, 100);
        await page.waitForTimeout(50);
      }
      const now = await zoom();
      expect(now).toBeGreaterThanOrEqual(1);
      expect(now).toBeLessThan(1.2);
      const notHeld = () => page.evaluate(() => (window as unknown as CyWindow).__cy.edges().filter((edge) => !edge.hasClass('crowded') && !edge.hasClass('captioned')).map((edge) => edge.id()));
      await expect.poll(notHeld).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('keeps captions their size on screen above the caption zoom, so zooming in draws more of them, none over another', async () => {
    // Drawn at the model's size, the same 2 of the seed's 64 fitted at any zoom (new-user trial).
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      await openView(page, server.url, '');
      await waitForStillGraph(page);
      const zoomTo = async (zoom: number) => {
        // (Braces: cy.zoom returns the core, which evaluate would try to serialize, gigabytes of it.)
        await page.evaluate((to) => {
          (window as unknown as CyWindow).__cy.zoom({ level: to, renderedPosition: { x: 400, y: 300 } });
        }, zoom);
        // The captions are chosen again once the zoom rests: their font follows it.
        await expect.poll(() => page.evaluate(() => {
          const cy = (window as unknown as CyWindow).__cy;
          return Math.round(parseFloat(cy.edges().first().style('font-size')) * cy.zoom() * 100) / 100;
        })).toBe(zoom > 1.2 ? 10.8 : Math.round(9 * zoom * 100) / 100);
        await waitForStillGraph(page);
        if (zoom > 1.2) await expect.poll(async () => (await captioned()).length).toBeGreaterThan(0);
        return captioned();
      };
      const near = await zoomTo(1.3);
      const close = await zoomTo(3);
      expect(close.length).toBeGreaterThan(near.length);
      expect(await overlappingCaptions(close, 'all')).toEqual([]);
      // Back out below the caption zoom: the model's size again, and none drawn but under the pointer.
      await zoomTo(1);
      await expect.poll(captioned).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('always draws a selected relationship\'s caption, even one with no room between its ends', async () => {
    // Kept clear of every node's body like the selected nodes' captions, it was not drawn at all.
    await openView(page, server.url, '#v=1&n=kim-jong-un,north-korea');
    await waitForStillGraph(page);
    const [kim, korea] = [await pagePoint(page, 'kim-jong-un'), await pagePoint(page, 'north-korea')];
    const zoom = await page.evaluate(() => (window as unknown as CyWindow).__cy.zoom());
    // North Korea dragged right beside Kim Jong-un: 50 px apart, centre to centre.
    await page.mouse.move(korea.x, korea.y);
    await page.mouse.down();
    await page.mouse.move(kim.x + 50 * zoom, kim.y, { steps: 8 });
    await page.mouse.up();
    await clickElement(page, 'kim-jong-un');
    await page.locator('[data-testid="details-panel"] .rel-type').first().click();
    const [edge] = (await probe(page)).edges;
    await expect.poll(async () => (await probe(page)).selected).toEqual([edge]);
    await page.mouse.move(5, 5); // not under the pointer either
    await expect.poll(captioned).toEqual([edge]);
    // Drawn over the nodes, so no node's caption covers its own: Kim Jong-un's SIGNED read "SIG" under one.
    const drawnAfterNodes = await page.evaluate((id) => {
      const cy = (window as unknown as CyWindow).__cy;
      const order = (cy as unknown as { renderer(): { getCachedZSortedEles(): { id(): string; isNode(): boolean }[] } }).renderer().getCachedZSortedEles();
      const at = order.findIndex((element) => element.id() === id);
      return at >= 0 && order.slice(at + 1).every((element) => !element.isNode());
    }, edge);
    expect(drawnAfterNodes).toBe(true);
  });

  it('draws the captions of the relationships along the paths found, at the opening zoom', async () => {
    // The third new-user trial: a path was drawn without the types along it.
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    await clickElement(page, 'kim-jong-un');
    await page.keyboard.press('p');
    await clickElement(page, 'ukraine');
    await page.waitForFunction(() => (window as unknown as CyWindow).__cy.edges('.path-member').length > 0);
    await waitForStillGraph(page);
    await page.mouse.move(5, 5);
    const onPaths = await page.evaluate(() => (window as unknown as CyWindow).__cy.edges('.path-member').map((edge) => edge.id()));
    expect(onPaths.length).toBeGreaterThanOrEqual(3);
    const notDrawn = async () => {
      const drawn = await captioned();
      return onPaths.filter((id) => !drawn.includes(id));
    };
    await expect.poll(notDrawn).toEqual([]);
    // Drawn over the nodes, as a selected relationship is, so no node caption cuts them: under them,
    // RECONSIDERS_ARMS_SUPPLIES_TO read "RECO…S_S…TO" (fourth new-user trial).
    const underANode = await page.evaluate((ids) => {
      const cy = (window as unknown as CyWindow).__cy;
      const order = (cy as unknown as { renderer(): { getCachedZSortedEles(): { id(): string; isNode(): boolean }[] } }).renderer().getCachedZSortedEles();
      const lastNode = order.map((element) => element.isNode()).lastIndexOf(true);
      return ids.filter((id) => order.findIndex((element) => element.id() === id) < lastNode);
    }, onPaths);
    expect(underANode).toEqual([]);
  });

  it('slides a selected relationship\'s caption along it, off a node caption it would cover', async () => {
    // SIGNED, drawn over the nodes at its relationship's middle, covered "Kim Jong-un" (new-user trial).
    await openView(page, server.url, '#v=1&n=kim-jong-un,north-korea,ukraine');
    await waitForStillGraph(page);
    await clickElement(page, 'kim-jong-un');
    await page.locator('[data-testid="details-panel"] .rel-type').first().click();
    await expect.poll(async () => (await probe(page)).selected.length).toBe(1);
    const [edge] = (await probe(page)).selected as [string];
    const ends = await page.evaluate((id) => {
      const e = (window as unknown as CyWindow).__cy.getElementById(id);
      return [e.source().id(), e.target().id()];
    }, edge);
    const other = ['kim-jong-un', 'north-korea', 'ukraine'].find((id) => !ends.includes(id)) as string;
    const drag = async (id: string, to: { x: number; y: number }) => {
      const from = await pagePoint(page, id);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 10 });
      await page.mouse.up();
    };
    // The relationship drawn long (its ends dragged to the canvas's left and right), then the third node
    // dragged so that its caption lies across the relationship's middle.
    const canvas = (await page.locator('[data-testid="graph-canvas"]').boundingBox())!;
    const free = await page.evaluate(() => document.querySelector('[data-testid="details-panel"]')!.getBoundingClientRect().left);
    const y = canvas.y + canvas.height / 2;
    await drag('kim-jong-un', { x: canvas.x + 80, y });
    await drag(ends.find((id) => id !== 'kim-jong-un') as string, { x: Math.min(canvas.x + canvas.width, free) - 80, y });
    const target = await page.evaluate(({ id, nodeId }) => {
      const cy = (window as unknown as CyWindow).__cy;
      const canvas = cy.container()!.getBoundingClientRect();
      const node = cy.getElementById(nodeId);
      const [whole, body] = [node.renderedBoundingBox({ includeLabels: true, includeOverlays: false }), node.renderedBoundingBox({ includeLabels: false, includeOverlays: false })];
      const captionBelow = (whole.y2 + body.y2) / 2 - node.renderedPosition().y;
      const middle = (cy.getElementById(id) as unknown as EdgeSingular).renderedMidpoint();
      return { x: canvas.left + middle.x, y: canvas.top + middle.y - captionBelow };
    }, { id: edge, nodeId: other });
    await drag(other, target);
    await page.mouse.move(5, 5);
    await expect.poll(async () => (await probe(page)).selected).toEqual([edge]);
    const over = () =>
      page.evaluate(`(() => {
        const cy = window.__cy;
        const edge = cy.getElementById(${JSON.stringify(edge)});
        const node = cy.getElementById(${JSON.stringify(other)});
        edge.boundingBox({ includeLabels: true });
        const { labelX, labelY, labelWidth, labelHeight } = edge._private.rstyle;
        const angle = edge._private.rscratch.labelAutoAngle || 0;
        const a = { x: labelX + edge.pstyle('text-margin-x').pfValue, y: labelY + edge.pstyle('text-margin-y').pfValue, ux: Math.cos(angle), uy: Math.sin(angle), w: labelWidth / 2, h: labelHeight / 2 };
        const n = node.boundingBox({ includeLabels: true, includeOverlays: false });
        const b = { x: (n.x1 + n.x2) / 2, y: (n.y1 + n.y2) / 2, ux: 1, uy: 0, w: n.w / 2, h: n.h / 2 };
        const reach = (r, nx, ny) => r.w * Math.abs(r.ux * nx + r.uy * ny) + r.h * Math.abs(-r.uy * nx + r.ux * ny);
        return ![[a.ux, a.uy], [-a.uy, a.ux], [1, 0], [0, 1]].some(([nx, ny]) => Math.abs((b.x - a.x) * nx + (b.y - a.y) * ny) >= reach(a, nx, ny) + reach(b, nx, ny));
      })()`) as Promise<boolean>;
    await expect.poll(over).toBe(false);
    await expect(captioned()).resolves.toContain(edge);
  });

  it('draws as many of a selected hub\'s relationship captions as fit with none over another', async () => {
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    await clickElement(page, 'russia');
    const own = await page.evaluate(() => (window as unknown as CyWindow).__cy.getElementById('russia').connectedEdges().map((e) => e.id()));
    expect(own.length).toBeGreaterThan(10);
    await expect.poll(async () => (await captioned()).length).toBeGreaterThan(3);
    const drawn = await captioned();
    expect(drawn.filter((id) => !own.includes(id))).toEqual([]);
    expect(await overlappingCaptions(drawn, 'selection')).toEqual([]);
    // All of them drawn, as before, lay over one another around Russia.
    expect((await overlappingCaptions(own)).length).toBeGreaterThan(0);
  });
});

