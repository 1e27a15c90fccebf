/**
 * Dense graphs stay readable (issue 12, items 10 and 11): at the opening zoom of the seed graph, at each
 * window size the issue names, every node caption is drawn at 9 px or more and no caption or node covers
 * another; the circle, concentric and hierarchy layouts, shaped to the canvas, draw every caption too
 * (Cytoscape's own spread them until they were too small to draw), at 9 px or more where they fit, and
 * leave none over another. Measured on Cytoscape's own boxes (the caption as it wraps, the node with its
 * border).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openView, waitForStillGraph, type CyWindow } from '../support/browser.ts';
import { startBrowserSession, type BrowserSession } from '../support/browser-session.ts';

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession({ open: false });
  ({ page } = session);
});

afterAll(() => session?.close());

interface Readability {
  zoom: number;
  /** Per node: its caption's size on screen (px) and whether Cytoscape draws it at this zoom. */
  captions: { id: string; px: number; drawn: boolean }[];
  /** Pairs of nodes whose bodies overlap, and pairs whose boxes with captions do. */
  nodeOverlaps: string[];
  captionOverlaps: string[];
}

/** What the canvas shows now: caption sizes and overlapping pairs (string script: tsx would rewrite a function). */
const readability = (): Promise<Readability> =>
  page.evaluate(`(() => {
    const cy = window.__cy;
    const zoom = cy.zoom();
    const nodes = cy.nodes().filter((n) => n.visible());
    const captions = nodes.map((n) => {
      const px = parseFloat(n.style('font-size')) * zoom;
      return { id: n.id(), px, drawn: n.style('label') !== '' && px >= parseFloat(n.style('min-zoomed-font-size')) };
    });
    const overlap = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const pairs = (box) => {
      const boxes = nodes.map((n) => ({ id: n.id(), box: box(n) }));
      const found = [];
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => { if (overlap(a.box, b.box)) found.push(a.id + ' | ' + b.id); }));
      return found;
    };
    return {
      zoom,
      captions,
      nodeOverlaps: pairs((n) => n.boundingBox({ includeLabels: false, includeOverlays: false })),
      captionOverlaps: pairs((n) => n.boundingBox({ includeLabels: true, includeOverlays: false })),
    };
  })()`);

describe.each([
  [1024, 700],
  [1280, 800],
  [1920, 1080],
])('the seed graph at %i×%i', (width, height) => {
  it('opens with every node caption drawn at 9 px or more, and no node or caption over another', async () => {
    await page.setViewportSize({ width, height });
    await openView(page, session.server.url, '');
    await waitForStillGraph(page);
    const seen = await readability();
    expect(seen.captions.length).toBeGreaterThan(20);
    expect(seen.captions.filter((caption) => !caption.drawn || caption.px < 9), `at zoom ${seen.zoom}, canvas ${JSON.stringify(await page.evaluate(() => [(window as unknown as CyWindow).__cy.width(), (window as unknown as CyWindow).__cy.height()]))}`).toEqual([]);
    expect(seen.nodeOverlaps).toEqual([]);
    expect(seen.captionOverlaps).toEqual([]);
  });

  // Rings of the seed's 27 two-line captions need about 1,150 × 770 px: at 1024×700 their captions are
  // drawn at ~8 px (the zoom that fits them); from 1280×800 up, at 9 px or more.
  it.each(['circle', 'concentric', 'hierarchy'])('draws every caption in the %s layout, shaped to the canvas, and none over another', async (layout) => {
    const where = () => page.evaluate(() => ({ ...(window as unknown as CyWindow).__cy.getElementById('russia').position() }));
    const before = await where();
    await page.locator('[data-testid="layout-select"]').selectOption(layout);
    await expect.poll(where).not.toEqual(before);
    await waitForStillGraph(page);
    const seen = await readability();
    const least = layout === 'hierarchy' || width >= 1280 ? 9 : 0;
    expect(seen.captions.filter((caption) => !caption.drawn || caption.px < least), `at zoom ${seen.zoom}`).toEqual([]);
    expect(seen.captionOverlaps).toEqual([]);
    expect(seen.nodeOverlaps).toEqual([]);
  });
});
