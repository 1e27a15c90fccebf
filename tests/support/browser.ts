/**
 * Helpers for the browser tests: read Cytoscape's state through the instance the app exposes for tests
 * (`window.__cy`), and click graph elements the way a user does, with the real mouse.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { Page } from 'playwright-core';

export type CyWindow = { __cy: Core };

export interface CyProbe {
  nodes: string[];
  edges: string[];
  selected: string[];
}

export async function probe(page: Page): Promise<CyProbe> {
  return page.evaluate(() => {
    const cy = (window as unknown as CyWindow).__cy;
    return {
      nodes: cy.nodes().map((n) => n.id()),
      edges: cy.edges().map((e) => e.id()),
      selected: cy.$(':selected').map((e) => e.id()),
    };
  });
}

/** Waits until no viewport or element animation (focus, fit, layout) is running. */
export async function waitForStillGraph(page: Page): Promise<void> {
  // An animation asked for by the last input starts on a coming frame: let two frames pass first.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await page.waitForFunction(() => {
    const cy = (window as unknown as CyWindow).__cy;
    return !cy.animated() && cy.$(':animated').empty();
  });
}

/** Where a node's centre is on the page, for a test that drives the mouse itself. */
export async function pagePoint(page: Page, nodeId: string): Promise<{ x: number; y: number }> {
  const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
  if (!box) throw new Error('graph canvas not on the page');
  const point = await page.evaluate((id) => (window as unknown as CyWindow).__cy.getElementById(id).renderedPosition(), nodeId);
  return { x: box.x + point.x, y: box.y + point.y };
}

/** Where to click along an edge (fraction from source to target) or around a node's centre. */
const EDGE_FRACTIONS = [0.5, 0.4, 0.6, 0.3, 0.7];

/**
 * Clicks a node or relationship with the mouse and checks that it got selected; tries a few points along
 * an edge (or offsets on a node) in case another element's caption lies over the first one.
 */
export async function clickElement(page: Page, id: string, options: { double?: boolean } = {}): Promise<void> {
  await waitForStillGraph(page);
  // Bring it into view first, as a user would scroll to it: a focus or zoom may have left it off screen,
  // or under something drawn over the graph (the minimap in its corner).
  await page.evaluate((elementId) => {
    const cy = (window as unknown as CyWindow).__cy;
    const element = cy.getElementById(elementId);
    if (element.empty()) return;
    const box = element.renderedBoundingBox();
    const inView = box.x1 >= 0 && box.y1 >= 0 && box.x2 <= cy.width() && box.y2 <= cy.height();
    const container = cy.container();
    const middle = element.isEdge() ? (element as EdgeSingular).renderedMidpoint() : (element as NodeSingular).renderedPosition();
    const rect = container?.getBoundingClientRect();
    const hit = rect ? document.elementFromPoint(rect.left + middle.x, rect.top + middle.y) : null;
    const covered = !hit || !container?.contains(hit) || hit.closest('[data-testid="minimap"]') !== null;
    if (!inView || covered) cy.center(element);
  }, id);
  const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
  if (!box) throw new Error('graph canvas not on the page');
  for (const fraction of EDGE_FRACTIONS) {
    const point = await page.evaluate(
      ({ elementId, t }) => {
        const cy = (window as unknown as CyWindow).__cy;
        const element = cy.getElementById(elementId);
        if (element.empty()) return null;
        if (element.isEdge()) {
          const edge = element as EdgeSingular;
          if (t === 0.5) return edge.renderedMidpoint();
          const from = edge.renderedSourceEndpoint();
          const to = edge.renderedTargetEndpoint();
          return { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
        }
        const node = element as NodeSingular;
        const { x, y } = node.renderedPosition();
        const r = node.renderedOuterWidth() / 4;
        return { x: x + (t - 0.5) * 2 * r, y };
      },
      { elementId: id, t: fraction },
    );
    if (!point) throw new Error(`"${id}" is not drawn`);
    const x = box.x + point.x;
    const y = box.y + point.y;
    if (options.double) await page.mouse.dblclick(x, y);
    else await page.mouse.click(x, y);
    // The selection reaches Cytoscape after React has rendered the click (and, for a double click, while
    // the expansion it started redraws the graph): give it a moment before trying the next point.
    const hit = await page
      .waitForFunction((elementId) => (window as unknown as CyWindow).__cy.$(':selected').map((e) => e.id()).includes(elementId), id, { timeout: 1_500 })
      .then(
        () => true,
        () => false,
      );
    if (hit) return;
  }
  throw new Error(`could not click "${id}": something else lies over it at every point tried`);
}

/**
 * Opens the explorer fresh at `hash` (a shared view, or '' for the overview) with empty localStorage (no
 * remembered positions, styles or settings), and waits until the graph is drawn.
 */
export async function openView(page: Page, baseUrl: string, hash: string): Promise<void> {
  // Any page of the explorer's origin gives access to its storage; the health check is the lightest.
  await page.goto(`${baseUrl}/api/health`);
  await page.evaluate(() => window.localStorage.clear());
  await page.goto(`${baseUrl}/${hash}`);
  await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 30_000 });
}
