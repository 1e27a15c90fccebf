/**
 * The explorer at three window sizes (issue 12 item 8), in Debian's Chromium: 1024×700, 1280×800 and
 * 1920×1080. Every toolbar control is hit-testable (elementFromPoint at its centre returns it), with and
 * without the details panel open; the side panels and the toolbar overlap nothing; what a narrow toolbar
 * hides is reachable from its More menu.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/src/app.ts';
import { clickElement, openView, waitForStillGraph, type CyWindow } from '../support/browser.ts';
import { startBrowserSession, type BrowserSession } from '../support/browser-session.ts';

let session: BrowserSession;
let server: RunningServer;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession({ open: false });
  ({ server, page } = session);
});

afterAll(async () => {
  await page?.setViewportSize({ width: 1440, height: 900 });
  await session?.close();
});

afterEach(() => {
  expect(session.consoleErrors.splice(0)).toEqual([]);
});

/** The visible toolbar controls that elementFromPoint at their centre does not reach, by name. */
async function unreachableToolbarControls(): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.toolbar button, .toolbar select'))
      .filter((control) => control.getBoundingClientRect().width > 0)
      .filter((control) => {
        const box = control.getBoundingClientRect();
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return !(hit === control || (hit !== null && control.contains(hit)));
      })
      .map((control) => control.dataset.testid ?? control.getAttribute('aria-label') ?? control.outerHTML.slice(0, 60)),
  );
}

/**
 * The selected nodes whose centre is not on the canvas, by id: elementFromPoint at the centre finds something
 * other than the canvas (a panel, the sidebar, nothing).
 */
async function selectedNodesNotOnCanvas(): Promise<string[]> {
  return page.evaluate(() => {
    const cy = (window as unknown as CyWindow).__cy;
    const canvas = cy.container()!.getBoundingClientRect();
    return cy.nodes(':selected').filter((node) => {
      const at = node.renderedPosition();
      const hit = document.elementFromPoint(canvas.left + at.x, canvas.top + at.y);
      return !(hit && cy.container()!.contains(hit));
    }).map((node) => node.id());
  });
}

/** Whether two of the shell's regions overlap (page px), by name. */
async function overlappingRegions(): Promise<string[]> {
  return page.evaluate(() => {
    const regions = ['.sidebar', '.toolbar', '.details'].flatMap((selector) => {
      const element = document.querySelector(selector);
      const box = element?.getBoundingClientRect();
      return box && box.width > 0 && getComputedStyle(element as Element).display !== 'none' ? [{ selector, box }] : [];
    });
    const overlaps: string[] = [];
    for (const [i, a] of regions.entries()) {
      for (const b of regions.slice(i + 1)) {
        const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (x > 0.5 && y > 0.5) overlaps.push(`${a.selector} × ${b.selector}`);
      }
    }
    return overlaps;
  });
}

describe.each([
  [1024, 700],
  [1280, 800],
  [1920, 1080],
])('the explorer at %i×%i', (width, height) => {
  it('reaches every toolbar control, with the details panel closed and open, and overlaps nothing', async () => {
    await page.setViewportSize({ width, height });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    expect(await unreachableToolbarControls()).toEqual([]);
    expect(await overlappingRegions()).toEqual([]);
    await clickElement(page, 'russia');
    await page.locator('[data-testid="details-panel"]').getByText('Russia').first().waitFor();
    expect(await unreachableToolbarControls()).toEqual([]);
    expect(await overlappingRegions()).toEqual([]);
    // The canvas keeps most of the window, and the overview fits at a readable zoom.
    const canvas = await page.evaluate(() => (window as unknown as CyWindow).__cy.width());
    expect(canvas).toBeGreaterThan(width * 0.55);
    await page.keyboard.press('Escape');
  });

  it.each([
    ['settings-button', 'settings-popover'],
    ['export-toggle', 'export-menu'],
  ])('keeps every control of the popover %s opens inside it and inside the window', async (button, popoverId) => {
    // The fourth new-user trial: the caption zoom's select ran 55 px past the settings popover and 5 px
    // past the window; the fifth: the export popover's selects ran 5 px past it at 1024 px.
    await page.setViewportSize({ width, height });
    await openView(page, server.url, '');
    await page.locator(`[data-testid="${button}"]`).click();
    const outside = await page.evaluate((id) => {
      const popover = document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect();
      return [...document.querySelectorAll(`[data-testid="${id}"] :is(input, select, button, label)`)]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          if (box.width === 0) return false; // the segments' hidden radio inputs
          const within = (outer: { left: number; right: number; top: number; bottom: number }) =>
            box.left >= outer.left - 0.5 && box.right <= outer.right + 0.5 && box.top >= outer.top - 0.5 && box.bottom <= outer.bottom + 0.5;
          return !within(popover) || !within({ left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight });
        })
        .map((element) => (element as HTMLElement).dataset.testid ?? element.textContent?.trim() ?? element.tagName);
    }, popoverId);
    expect(outside).toEqual([]);
    await page.locator(`[data-testid="${button}"]`).click();
  });
});

describe('a narrow window', () => {
  it('reaches every toolbar control at 800×600, smaller than the sizes above: the layout choice narrows, the sidebar opens collapsed', async () => {
    // The new-user trial: at 800 px the details button lay past the window's edge, in no menu. The third:
    // the open sidebar left the canvas 512 of the 800 px.
    await page.setViewportSize({ width: 800, height: 600 });
    try {
      await openView(page, server.url, '');
      await waitForStillGraph(page);
      await expect(page.locator('[data-testid="sidebar-rail"]').isVisible()).resolves.toBe(true);
      expect((await page.locator('[data-testid="graph-canvas"]').boundingBox())!.width).toBeGreaterThan(700);
      expect(await unreachableToolbarControls()).toEqual([]);
      await clickElement(page, 'russia');
      await page.locator('[data-testid="details-panel"]').getByText('Russia').first().waitFor();
      expect(await unreachableToolbarControls()).toEqual([]);
      await page.keyboard.press('Escape');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('puts the details panel over the canvas while something is selected, and I or its × closes it', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openView(page, server.url, '');
    const panel = page.locator('[data-testid="details-panel"]');
    await expect(panel.isVisible()).resolves.toBe(false);
    await clickElement(page, 'russia');
    await expect.poll(() => panel.isVisible()).toBe(true);
    await page.locator('[data-testid="details-close"]').click();
    await expect.poll(() => panel.isVisible()).toBe(false);
    await page.keyboard.press('i');
    await expect.poll(() => panel.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
  });

  /** The node with the rightmost centre on the canvas, and how far the details panel leaves its box clear (px; < 0: under it). */
  const rightmostNode = () => page.evaluate(() => {
    const cy = (window as unknown as CyWindow).__cy;
    return cy.nodes().max((node) => node.renderedPosition().x).ele.id();
  });
  const clearOfPanel = (id: string) => page.evaluate((nodeId) => {
    const cy = (window as unknown as CyWindow).__cy;
    const canvas = cy.container()!.getBoundingClientRect();
    const panel = document.querySelector('[data-testid="details-panel"]')!.getBoundingClientRect();
    const box = cy.getElementById(nodeId).renderedBoundingBox({ includeLabels: true });
    return Math.round(panel.left - (canvas.left + box.x2));
  }, id);

  it('brings a node clicked under where the details panel opens out from under it', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    const id = await rightmostNode();
    const pan = () => page.evaluate(() => (window as unknown as CyWindow).__cy.pan());
    const before = await pan();
    await clickElement(page, id);
    await expect.poll(() => page.locator('[data-testid="details-panel"]').isVisible()).toBe(true);
    await waitForStillGraph(page);
    expect(await clearOfPanel(id)).toBeGreaterThanOrEqual(0);
    expect(Math.abs((await pan()).x - before.x)).toBeGreaterThan(20);
    // Esc clears the selection and the panel closes: the view goes back to where it was (the trial found
    // 10 of 27 nodes left off the canvas's left edge).
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid="details-panel"]').isVisible()).toBe(false);
    await waitForStillGraph(page);
    const after = await pan();
    expect(Math.abs(after.x - before.x) + Math.abs(after.y - before.y)).toBeLessThan(1);
  });

  it('keeps the selected node clear of the details panel when the window narrows under it', async () => {
    await page.setViewportSize({ width: 1600, height: 900 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    const id = await rightmostNode();
    await clickElement(page, id);
    await waitForStillGraph(page);
    for (const width of [1200, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      await waitForStillGraph(page);
      expect(await clearOfPanel(id), `at ${width} px`).toBeGreaterThanOrEqual(0);
    }
  });

  it('keeps a far-out selected node beside the details panel when the window narrows, and gives the view back when it widens', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    const id = await rightmostNode();
    await clickElement(page, id);
    await waitForStillGraph(page);
    const camera = () => page.evaluate(() => ({ zoom: (window as unknown as CyWindow).__cy.zoom(), pan: { ...(window as unknown as CyWindow).__cy.pan() } }));
    const wide = await camera();
    /** Nodes whose centre lies on the part of the canvas the details panel leaves free. */
    const inFreePart = () => page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      const canvas = cy.container()!.getBoundingClientRect();
      const panel = document.querySelector('[data-testid="details-panel"]')!.getBoundingClientRect();
      const right = Math.min(canvas.right, panel.left) - canvas.left;
      return cy.nodes().filter((node) => {
        const { x, y } = node.renderedPosition();
        return x >= 0 && x <= right && y >= 0 && y <= cy.height();
      }).length;
    });
    await page.setViewportSize({ width: 1024, height: 1080 });
    await waitForStillGraph(page);
    expect(await clearOfPanel(id)).toBeGreaterThanOrEqual(0);
    // At readable captions, with the node at the free part's right edge and the rest of the view beside it.
    expect(await inFreePart()).toBeGreaterThanOrEqual(17);
    // Widened back, the view as it was: the pan that brought the node out from under the panel was still
    // moving when the resize recorded its camera, and the view came back at zoom 1.124, not 1.247.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await waitForStillGraph(page);
    const back = await camera();
    expect(back.zoom).toBeCloseTo(wide.zoom, 6);
    expect(back.pan.x).toBeCloseTo(wide.pan.x, 1);
    expect(back.pan.y).toBeCloseTo(wide.pan.y, 1);
  });

  it('centres what a schema click selects on the canvas, and keeps its notice beside the details panel once I opens it', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    const toggle = page.locator('[data-testid="section-schema-toggle"]');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await page.locator('[data-testid="schema-panel"] [data-label="Source"]').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as CyWindow).__cy.nodes(':selected').length)).toBeGreaterThan(1);
    await waitForStillGraph(page);
    const panel = page.locator('[data-testid="details-panel"]');
    await expect(panel.isVisible()).resolves.toBe(false); // several selected at once: the canvas stays whole
    expect(await selectedNodesNotOnCanvas()).toEqual([]);
    await page.keyboard.press('i');
    await expect.poll(() => panel.isVisible()).toBe(true);
    // The notice that says so, and the timeline's list of dates in words, are beside the panel, not under it.
    const notice = page.locator('[data-testid="status-line"] .status-pill');
    await notice.waitFor();
    const [noticeBox, panelBox, unplacedBox] = await Promise.all([notice.boundingBox(), page.locator('[data-testid="details-panel"]').boundingBox(), page.locator('[data-testid="timeline-unplaced"]').boundingBox()]);
    expect(noticeBox!.x + noticeBox!.width).toBeLessThanOrEqual(panelBox!.x);
    expect(unplacedBox!.x + unplacedBox!.width).toBeLessThanOrEqual(panelBox!.x);
  });

  it('centres every node of a schema sample at 1024×700, the new ones too, with readable captions and the details panel left closed', async () => {
    // The new-user trial: with Vietnam and the Soviet Union removed, a click on Country said "6 nodes
    // (2 new), selected and centred", and the Soviet Union lay under the panel. Fitted beside the panel,
    // the next trial found the sample at zoom 0.46, its captions 6 px: a selection of several at once now
    // leaves the panel closed (I opens it).
    await page.setViewportSize({ width: 1024, height: 700 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    for (const id of ['vietnam', 'soviet-union']) {
      await clickElement(page, id);
      await page.keyboard.press('Delete');
      await expect.poll(() => page.evaluate((gone) => (window as unknown as CyWindow).__cy.getElementById(gone).empty(), id)).toBe(true);
    }
    const toggle = page.locator('[data-testid="section-schema-toggle"]');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await page.locator('[data-testid="schema-panel"] [data-label="Country"]').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as CyWindow).__cy.nodes(':selected').map((node) => node.id()).sort())).toEqual(
      expect.arrayContaining(['soviet-union', 'vietnam']),
    );
    await waitForStillGraph(page);
    const covered = await selectedNodesNotOnCanvas();
    expect(covered).toEqual([]);
    // The notice says it whole, on two lines if need be (cut at one, it lost what the click did).
    const clipped = await page.locator('[data-testid="status-line"] .status-text').evaluate((text) => text.scrollHeight > text.clientHeight + 1 || text.scrollWidth > text.clientWidth + 1);
    expect(clipped).toBe(false);
    await expect(page.locator('[data-testid="details-panel"]').isVisible()).resolves.toBe(false);
    const captionPx = await page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      return parseFloat(String(cy.nodes(':selected')[0]!.style('font-size'))) * cy.zoom();
    });
    expect(captionPx).toBeGreaterThanOrEqual(9);
    await page.keyboard.press('i');
    await expect.poll(() => page.locator('[data-testid="details-panel"]').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('fits the graph beside the details panel only as far as captions stay readable, the rest running under the panel', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    await clickElement(page, 'russia');
    await expect.poll(() => page.locator('[data-testid="details-panel"]').isVisible()).toBe(true);
    await page.keyboard.press('f');
    await waitForStillGraph(page);
    // Fitted into the 456 px the panel leaves, the seed was drawn at zoom 0.41, its captions at 5 px. Now at
    // 9 px, or at the zoom the whole canvas above the selection bar fits, when that is less.
    const seen = await page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      const box = cy.elements().renderedBoundingBox();
      const model = cy.elements().boundingBox();
      const canvas = cy.container()!.getBoundingClientRect();
      const bar = document.querySelector('[data-testid="selection-bar"]')!.getBoundingClientRect();
      const wholeFit = Math.min((cy.width() - 80) / model.w, (bar.top - canvas.top - 80) / model.h);
      const fontPx = parseFloat(cy.nodes().first().style('font-size'));
      return { captionPx: fontPx * cy.zoom(), floorPx: Math.min(9, fontPx * wholeFit), box, width: cy.width(), height: cy.height() };
    });
    expect(seen.floorPx).toBeGreaterThan(8); // the canvas itself leaves room for readable captions
    expect(seen.captionPx).toBeGreaterThanOrEqual(seen.floorPx - 0.01);
    // The whole drawing still on the canvas, from its left edge: what does not fit beside the panel is under it.
    expect(seen.box.x1).toBeGreaterThanOrEqual(0);
    expect(seen.box.y1).toBeGreaterThanOrEqual(0);
    expect(seen.box.x2).toBeLessThanOrEqual(seen.width);
    expect(seen.box.y2).toBeLessThanOrEqual(seen.height);
    // The nodes under the panel are counted beside it, and the count goes when I closes the panel.
    const under = await page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      const panel = document.querySelector('[data-testid="details-panel"]')!.getBoundingClientRect();
      const from = panel.left - cy.container()!.getBoundingClientRect().left;
      return cy.nodes().filter((node) => node.renderedPosition().x > from).length;
    });
    expect(under).toBeGreaterThan(1);
    const note = page.locator('[data-testid="under-panel-note"]');
    await expect.poll(() => note.innerText()).toBe(`${under} nodes of the view under this panel · I closes it`);
    // Said in the panel, so it covers no node (beside the panel it covered the node just selected: trial).
    const [noteBox, panelBox] = await Promise.all([note.boundingBox(), page.locator('[data-testid="details-panel"]').boundingBox()]);
    expect(noteBox!.x).toBeGreaterThanOrEqual(panelBox!.x);
    await page.keyboard.press('i');
    await expect.poll(() => note.count()).toBe(0);
  });

  it('fits and centres above the selection bar, so it covers no node or caption', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    // The grid's bottom row runs along the canvas's bottom edge, from its left, where the bar is.
    await page.locator('[data-testid="layout-select"]').selectOption('grid');
    await waitForStillGraph(page);
    await clickElement(page, 'russia');
    await page.locator('[data-testid="selection-bar"]').waitFor();
    await page.keyboard.press('i'); // the details panel closed: the fit has the whole canvas
    await page.keyboard.press('f');
    await waitForStillGraph(page);
    const under = await page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      const canvas = cy.container()!.getBoundingClientRect();
      const bar = document.querySelector('[data-testid="selection-bar"]')!.getBoundingClientRect();
      return cy.nodes().filter((node) => {
        const b = node.renderedBoundingBox({ includeLabels: true });
        return canvas.left + b.x1 < bar.right && bar.left < canvas.left + b.x2 && canvas.top + b.y1 < bar.bottom && bar.top < canvas.top + b.y2;
      }).map((node) => node.id());
    });
    expect(under).toEqual([]);
  });

  it('folds a peeking sidebar back when a schema click selects a sample, so the sample is not under it', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    const rail = page.locator('[data-testid="sidebar-rail"]');
    await page.locator('[data-testid="sidebar-collapse"]').click();
    await expect.poll(() => rail.isVisible()).toBe(true);
    await page.locator('[data-testid="rail-section-schema"]').click();
    await expect.poll(() => rail.isVisible()).toBe(false);
    await page.locator('[data-testid="schema-panel"] [data-label="Event"]').click();
    await expect.poll(() => rail.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => (window as unknown as CyWindow).__cy.nodes(':selected').length)).toBeGreaterThan(1);
    await waitForStillGraph(page);
    const covered = await selectedNodesNotOnCanvas();
    expect(covered).toEqual([]);
  });

  it('wraps the shortest paths\' steps inside the 1024 px sidebar, none running past its edge', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    await clickElement(page, 'kim-jong-un');
    await page.locator('[data-testid="path-from-button"]').click();
    await clickElement(page, 'ukraine');
    const toggle = page.locator('[data-testid="section-paths-toggle"]');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await page.locator('[data-testid="path-result"] [data-testid="path-link"]').first().waitFor();
    const past = await page.evaluate(() => {
      const edge = document.querySelector('.sidebar')!.getBoundingClientRect().right;
      return Array.from(document.querySelectorAll<HTMLElement>('[data-testid="path-result"] *'))
        .filter((element) => element.getBoundingClientRect().right > edge + 0.5)
        .map((element) => element.textContent);
    });
    expect(past).toEqual([]);
    // No step's closing arrow wraps onto a line of its own, where it read as an empty step (second trial).
    const alone = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('[data-testid="path-result"] .path-link-type')).flatMap((step) => {
        const parts = Array.from(step.querySelectorAll<HTMLElement>('.arrow, .mono, .badge'));
        const last = parts.at(-1);
        const before = parts.at(-2);
        return last && before && Math.abs(last.getBoundingClientRect().top - before.getBoundingClientRect().top) > 4 ? [step.textContent] : [];
      }),
    );
    expect(alone).toEqual([]);
  });

  it('collapses the sidebar to a rail of icons with its button or [, and opens it again at a section or at the search', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    const canvasWidth = async () => (await page.locator('[data-testid="graph-canvas"]').boundingBox())!.width;
    const rail = page.locator('[data-testid="sidebar-rail"]');
    const wide = await canvasWidth();
    await page.locator('[data-testid="sidebar-collapse"]').click();
    await expect.poll(() => rail.isVisible()).toBe(true);
    await expect.poll(canvasWidth).toBeGreaterThan(wide + 180);
    await expect(page.locator('[data-testid="search-input"]').isVisible()).resolves.toBe(false);
    // Remembered across a reload.
    await page.reload();
    await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]');
    await expect(rail.isVisible()).resolves.toBe(true);
    // The rail's Filters icon shows the sidebar with the Filters section open, over the canvas (it keeps its
    // width and camera), and it folds back when the user turns to the canvas.
    const collapsedWidth = await canvasWidth();
    const camera = () => page.evaluate(() => {
      const cy = (window as unknown as CyWindow).__cy;
      return [cy.zoom(), cy.pan().x, cy.pan().y].map((v) => Math.round(v * 100) / 100);
    });
    const view = await camera();
    await page.locator('[data-testid="rail-section-filters"]').click();
    await expect.poll(() => rail.isVisible()).toBe(false);
    await expect.poll(() => page.locator('[data-testid="section-filters-toggle"]').getAttribute('aria-expanded')).toBe('true');
    const sidebarBox = (await page.locator('.sidebar').boundingBox())!;
    expect(sidebarBox.width).toBeGreaterThan(200);
    expect(await canvasWidth()).toBe(collapsedWidth);
    const canvas = (await page.locator('[data-testid="graph-canvas"]').boundingBox())!;
    await page.mouse.click(sidebarBox.x + sidebarBox.width + 20, canvas.y + canvas.height - 20);
    await expect.poll(() => rail.isVisible()).toBe(true);
    expect(await camera()).toEqual(view);
    // / shows it at the search box; Esc there (the results first, then the box) folds it back and gives the
    // keyboard to the canvas, where it was. Still collapsed after a reload.
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('search-input');
    await expect(rail.isVisible()).resolves.toBe(false);
    await page.keyboard.type('kim');
    await page.locator('[data-testid="search-input-results"]').waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => rail.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('graph-canvas');
    // [ while it peeks folds it back; [ on the rail opens it for good, the canvas narrower again.
    await page.keyboard.press('/');
    await expect.poll(() => rail.isVisible()).toBe(false);
    await page.locator('[data-testid="sidebar-collapse"]').click();
    await expect.poll(() => rail.isVisible()).toBe(true);
    await page.locator('[data-testid="graph-canvas"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('[');
    await expect.poll(() => rail.isVisible()).toBe(false);
    await expect.poll(canvasWidth).toBe(wide);
  });

  it('gives the timeline\'s height to the canvas while the workbench is open in a short window', async () => {
    const timeline = page.locator('.timeline');
    const canvasHeight = async () => (await page.locator('[data-testid="graph-canvas"]').boundingBox())!.height;
    await page.setViewportSize({ width: 1024, height: 700 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    await expect(timeline.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Control+Backquote');
    await page.locator('[data-testid="workbench"]').waitFor();
    await expect.poll(() => timeline.isVisible()).toBe(false);
    // 700 - toolbar 48 - drawer 315 (45 % of the window): the canvas keeps 337 px, not 241.
    await expect.poll(canvasHeight).toBeGreaterThan(330);
    await page.keyboard.press('Control+Backquote');
    await expect.poll(() => timeline.isVisible()).toBe(true);
    // A tall window keeps it.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.keyboard.press('Control+Backquote');
    await page.locator('[data-testid="workbench"]').waitFor();
    await expect(timeline.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Control+Backquote');
  });

  it('fades the end of the timeline\'s row of dates in words while more of it lies past that end, and scrolls it with the wheel', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    const row = page.locator('[data-testid="timeline-unplaced"]');
    const state = () => row.evaluate((box) => ({ more: box.dataset.more ?? 'none', overflows: box.scrollWidth > box.clientWidth + 2, mask: getComputedStyle(box).maskImage }));
    const first = await state();
    expect(first.overflows).toBe(true); // the seed's dates in words do not fit beside the timeline at 1024 px
    expect(first.more).toBe('end');
    expect(first.mask).toContain('linear-gradient');
    const box = (await row.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 5000);
    await expect.poll(async () => (await state()).more).toBe('start');
    await page.mouse.wheel(0, -60);
    await expect.poll(async () => (await state()).more).toBe('both');
    await page.mouse.wheel(0, -5000);
    await expect.poll(async () => (await state()).more).toBe('end');
  });

  it('keeps the workbench drawer clear of the details panel at 1024×700, its close button reachable', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openView(page, server.url, '');
    await clickElement(page, 'north-korea');
    await page.locator('[data-testid="workbench-toggle"]').click();
    // The workbench itself, not the loading line (which has a close button of its own until it goes).
    await page.locator('[data-testid="workbench"]').waitFor();
    const close = page.locator('[data-testid="workbench"] .wb-close');
    await close.waitFor();
    await expect.poll(() => page.locator('[data-testid="details-panel"]').isVisible()).toBe(true);
    const [panel, drawer] = await Promise.all([page.locator('[data-testid="details-panel"]').boundingBox(), page.locator('.workbench-drawer').boundingBox()]);
    expect(panel!.y + panel!.height).toBeLessThanOrEqual(drawer!.y + 1);
    // What elementFromPoint finds at the button's centre: the button itself, or what covers it.
    const found = await close.evaluate((button) => {
      const box = button.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return hit === button || (hit !== null && button.contains(hit)) ? 'the button' : `${hit?.tagName}.${hit?.className} at ${Math.round(box.x)},${Math.round(box.y)}`;
    });
    expect(found).toBe('the button');
    await close.click();
    await expect.poll(() => page.locator('.workbench-drawer').isVisible()).toBe(false);
  });

  it('keeps every button of the selection bar clear of the details panel (900×650: smaller than the sizes above)', async () => {
    await page.setViewportSize({ width: 900, height: 650 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    await clickElement(page, 'russia');
    await expect.poll(() => page.locator('[data-testid="details-panel"]').isVisible()).toBe(true);
    const unreachable = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.selection-bar button')).filter((button) => {
        const box = button.getBoundingClientRect();
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return !(hit === button || (hit !== null && button.contains(hit)));
      }).map((button) => button.textContent),
    );
    expect(unreachable).toEqual([]);
    await page.locator('.selection-bar [aria-label="Clear the selection"]').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as CyWindow).__cy.$(':selected').length)).toBe(0);
  });

  it('offers the buttons a narrow toolbar hides in its More menu (860 px: narrower than the sizes above)', async () => {
    await page.setViewportSize({ width: 860, height: 700 });
    await openView(page, server.url, '');
    await waitForStillGraph(page);
    // Collapsed at this width until opened; opened, it is open on the next visit too, the user's choice kept.
    await expect(page.locator('[data-testid="sidebar-rail"]').isVisible()).resolves.toBe(true);
    await page.keyboard.press('[');
    await page.reload();
    await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]');
    await expect(page.locator('[data-testid="search-input"]').isVisible()).resolves.toBe(true);
    const more = page.locator('[data-testid="toolbar-more"]');
    await expect(more.isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-testid="zoom-in"]').isVisible()).resolves.toBe(false);
    expect(await unreachableToolbarControls()).toEqual([]);
    const zoom = await page.evaluate(() => (window as unknown as CyWindow).__cy.zoom());
    await more.click();
    await page.locator('[data-testid="more-zoom-in"]').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as CyWindow).__cy.zoom())).toBeGreaterThan(zoom);
  });
});
