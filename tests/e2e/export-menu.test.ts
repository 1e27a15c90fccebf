/**
 * The Export menu in Chromium: PNG and SVG pictures of the view (made in the browser, with a legend) and
 * server formats of the current view, each downloaded as a real file, holding exactly what is drawn.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserSession, type BrowserSession } from '../support/browser-session.ts';

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession();
  ({ page } = session);
  await page.getByTestId('export-toggle').click();
});

afterAll(() => session?.close());

/** Every export leaves the console empty (canvas2svg logged "Attempted to apply path command" per border). */
afterEach(() => {
  expect(session.consoleErrors.splice(0)).toEqual([]);
});

async function exportAs(format: string): Promise<{ download: Download; bytes: Buffer }> {
  await page.getByTestId('export-format').selectOption(format);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()]);
  const path = await download.path();
  if (!path) throw new Error('the download has no file');
  return { download, bytes: await readFile(path) };
}

describe('the Export menu', () => {
  it('downloads a non-empty PNG of the view', async () => {
    const { download, bytes } = await exportAs('png');
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });

  it('downloads an SVG that parses, with the nodes and a legend', async () => {
    const { download, bytes } = await exportAs('svg');
    expect(download.suggestedFilename()).toMatch(/\.svg$/);
    const text = bytes.toString('utf8');
    const parsed = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      return { error: doc.querySelector('parsererror') !== null, root: doc.documentElement.nodeName, legend: doc.querySelector('g.legend')?.textContent ?? '' };
    }, text);
    expect(parsed).toMatchObject({ error: false, root: 'svg' });
    expect(parsed.legend).toContain('Country');
    expect(text).toContain('Kim Jong-un');
    // Every node's border is drawn, in its colour (they were all missing: Cytoscape strokes it after the icon).
    const borders = await page.evaluate((svg) => {
      const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const toRgb = (color: string) => {
        const probe = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
        probe.fillStyle = color;
        return probe.fillStyle;
      };
      const count = (colors: string[]) => colors.reduce((counts, color) => counts.set(color, (counts.get(color) ?? 0) + 1), new Map<string, number>());
      const drawn = count([...doc.querySelectorAll('path[stroke]')].map((path) => toRgb(path.getAttribute('stroke') ?? '')));
      const wanted = count(cy.nodes(':visible').filter((node) => parseFloat(node.style('border-width')) > 0).map((node) => toRgb(node.style('border-color') as string)));
      return {
        wanted: [...wanted.values()].reduce((a, b) => a + b, 0),
        missing: [...wanted].filter(([color, n]) => (drawn.get(color) ?? 0) < n).map(([color, n]) => `${color}: ${drawn.get(color) ?? 0} of ${n}`),
      };
    }, text);
    expect(borders.wanted).toBeGreaterThan(0);
    expect(borders.missing).toEqual([]);
  });

  it('exports exactly what the filters leave drawn, and says which filters were in force', async () => {
    await page.getByTestId('export-toggle').click(); // close the menu while filtering
    const toggle = page.getByTestId('section-filters-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const confirmed = page.locator('[data-testid="facet-certainties"] li', { hasText: 'Confirmed' });
    await confirmed.hover(); // "only" shows on hover, as it does for a user
    await confirmed.getByRole('button', { name: 'only' }).click();
    const drawn = await page.evaluate(() => {
      const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
      return { nodes: cy.nodes(':visible').map((n) => n.id()).sort(), edges: cy.edges(':visible').map((e) => e.id()).sort(), all: cy.edges().length };
    });
    expect(drawn.edges.length).toBeGreaterThan(0);
    expect(drawn.edges.length).toBeLessThan(drawn.all);

    await page.getByTestId('export-toggle').click();
    const { bytes } = await exportAs('json');
    const file = JSON.parse(bytes.toString('utf8')) as {
      meta: { counts: { relationships: number }; scope: { filters?: { hiddenCertainties: string[] } } };
      nodes: Array<{ id: string }>;
      relationships: Array<{ id: string; properties: { certainty?: string } }>;
    };
    expect(file.relationships.map((r) => r.id).sort()).toEqual(drawn.edges);
    expect(file.nodes.map((n) => n.id).sort()).toEqual(drawn.nodes);
    expect(new Set(file.relationships.map((r) => r.properties.certainty))).toEqual(new Set(['confirmed']));
    expect(file.meta.scope.filters?.hiddenCertainties).toEqual(expect.arrayContaining(['speculated', 'conditional']));

    const svg = (await exportAs('svg')).bytes.toString('utf8');
    const legend = await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('g.legend')?.textContent ?? '', svg);
    expect(legend).toMatch(/Confirmed certainty \(\d+\)/);
    expect(legend).not.toContain('Speculated');

    await page.getByTestId('export-toggle').click();
    await page.keyboard.press('Control+z'); // the filter is a view change: undo brings every relationship back
    await expect.poll(() => page.evaluate(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.edges(':visible').length)).toBe(drawn.all);
    await page.getByTestId('export-toggle').click();
  });

  it('downloads the current view as GraphML from the server', async () => {
    const { download, bytes } = await exportAs('graphml');
    expect(download.suggestedFilename()).toMatch(/\.graphml$/);
    const text = bytes.toString('utf8');
    expect(text).toContain('<graphml');
    expect(text).toContain('kim-jong-un');
  });
});
