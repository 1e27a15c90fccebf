/**
 * `npm run screenshot [-- URL]`: the README's pictures of the explorer, taken with Debian's Chromium from a
 * running explorer (default http://127.0.0.1:3000, as `npm start` serves it) at 1280×800, in the light and
 * the dark theme (docs/explorer-light.png, docs/explorer-dark.png), with the evidence of the agreement's
 * signing open in the details panel.
 */
import { resolve } from 'node:path';
import type { Core, EdgeSingular } from 'cytoscape';
import { launchChromium } from './chromium.ts';

const url = process.argv[2] ?? 'http://127.0.0.1:3000';
const SIZE = { width: 1280, height: 800 };

for (const theme of ['light', 'dark'] as const) {
  const out = resolve(`docs/explorer-${theme}.png`);
  const browser = await launchChromium(SIZE);
  try {
    const page = await browser.newPage();
    // The settings the page reads at start (state/storage.ts's key): the theme, the rest as by default.
    await page.addInitScript((choice) => window.localStorage.setItem('kg-explorer:settings', JSON.stringify({ theme: choice })), theme);
    await page.goto(url);
    await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('data-layout') === 'idle');
    const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
    const point = await page.evaluate(() => {
      const cy = (window as unknown as { __cy: Core }).__cy;
      const edge = cy.edges('[type = "SIGNED"]').first() as EdgeSingular;
      return edge.nonempty() ? edge.renderedMidpoint() : null;
    });
    if (box && point) await page.mouse.click(box.x + point.x, box.y + point.y);
    await page.waitForTimeout(600);
    await page.screenshot({ path: out });
    console.log(`screenshot written to ${out}`);
  } finally {
    await browser.close();
  }
}
