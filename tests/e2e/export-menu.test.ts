/**
 * The Export menu in Chromium: PNG and SVG pictures of the view (made in the browser, with a legend) and a
 * server format (GraphML of the current view), each downloaded as a real file.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserSession, type BrowserSession } from '../support/browser-session.ts';

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession();
  ({ page } = session);
  await page.getByTestId('export-toggle').click();
});

afterAll(() => session?.close());

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
  });

  it('downloads the current view as GraphML from the server', async () => {
    const { download, bytes } = await exportAs('graphml');
    expect(download.suggestedFilename()).toMatch(/\.graphml$/);
    const text = bytes.toString('utf8');
    expect(text).toContain('<graphml');
    expect(text).toContain('kim-jong-un');
  });
});
