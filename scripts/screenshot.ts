/**
 * `npm run screenshot [-- URL [OUT]]`: the README's picture of the explorer, taken with Debian's Chromium
 * from a running explorer (default http://127.0.0.1:3000, as `npm start` serves it), with the evidence of
 * the agreement's signing open in the side panel.
 */
import { resolve } from 'node:path';
import type { Core, EdgeSingular } from 'cytoscape';
import { launchChromium } from './chromium.ts';

const url = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = resolve(process.argv[3] ?? 'docs/screenshot.png');

const browser = await launchChromium({ width: 1440, height: 900 });
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
  const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
  const point = await page.evaluate(() => {
    const cy = (window as unknown as { __cy: Core }).__cy;
    const edge = cy.edges('[type = "SIGNED"]').first() as EdgeSingular;
    return edge.nonempty() ? edge.renderedMidpoint() : null;
  });
  if (box && point) await page.mouse.click(box.x + point.x, box.y + point.y);
  await page.waitForTimeout(400);
  await page.screenshot({ path: out });
  console.log(`screenshot written to ${out}`);
} finally {
  await browser.close();
}
