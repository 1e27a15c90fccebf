/**
 * The client's figures, measured in headless Chromium (Debian's, scripts/chromium.ts) driving the real
 * client on the benchmark's explorer, as a user does: a workbench query of N nodes of the generated graph
 * and the relationships among them, then "Show in view".
 *
 * - `render-<canvas|webgl>-<N>`: `interactiveMs`, from the click on "Show in view" until the graph is drawn
 *   and laid out and the last long task has ended; `longestTaskMs`, from a `longtask` PerformanceObserver
 *   (tasks over 50 ms, https://w3c.github.io/longtasks/); `fps`, requestAnimationFrame callbacks per second
 *   during a scripted 5 s of mouse drags and wheel zooms. `webgl` rows only where the browser reports
 *   hardware WebGL2, else recorded with `unavailable` and the renderer the browser reported.
 * - `layout-<force|concentric|hierarchy|circle|grid>-<N>`: `ms` from choosing the layout in the toolbar until
 *   it is applied, the page's `longestTaskMs` meanwhile (the layout itself runs in the worker), and `fps`
 *   panning and zooming its drawing.
 * - `render-<renderer>-expand-<N>`: the same figures for an expansion of a hub to N neighbours (the expand
 *   dialog's limit), from its Add button until they are drawn and placed.
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../scripts/chromium.ts';

type Row = Record<string, unknown>;

const SCRIPTED_SECONDS = 5;

/** The workbench query for the nodes with `seq` below `n` (graph-generator.ts) and the relationships among them. */
export function viewQuery(n: number): string {
  return `MATCH (a) WHERE a.seq < ${n} WITH collect(a) AS nodes MATCH (a)-[r]->(b) WHERE a.seq < ${n} AND b.seq < ${n} RETURN nodes, collect(r) AS relationships`;
}

/**
 * Installs, before the page's scripts run, a record of long tasks and a frame counter. A string, not a
 * function: tsx's transform would add helpers to a function's text that the page does not have.
 */
const INSTRUMENT = `
  window.__longTasks = [];
  window.__frames = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  (function tick() {
    window.__frames++;
    requestAnimationFrame(tick);
  })();
`;

/** What the browser says about WebGL2: whether it is hardware, and its renderer's name. */
async function webglInfo(page: Page): Promise<{ hardware: boolean; renderer: string }> {
  return page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return { hardware: false, renderer: 'no WebGL2' };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    const strict = document.createElement('canvas').getContext('webgl2', { failIfMajorPerformanceCaveat: true });
    return { hardware: strict !== null && !/swiftshader|llvmpipe|softpipe|software/i.test(renderer), renderer };
  });
}

async function runQuery(page: Page, query: string): Promise<void> {
  const editor = page.locator('[data-testid="cypher-editor"] .cm-content');
  if (!(await page.locator('[data-testid="workbench-drawer"]').isVisible())) await page.locator('[data-testid="workbench-toggle"]').click();
  await editor.waitFor({ timeout: 60_000 });
  await editor.focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(query);
  await page.keyboard.press('Control+Enter');
  await page.locator('[data-testid="show-graph-replace"]').waitFor({ timeout: 120_000 });
}

/** Waits until the view holds `count` nodes and no layout runs; returns when (page ms) that was first seen. */
async function settled(page: Page, count: number): Promise<number> {
  const handle = await page.waitForFunction(
    (n) => {
      const cy = (window as unknown as { __cy?: { nodes(): { length: number } } }).__cy;
      const idle = document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('data-layout') === 'idle';
      return cy && cy.nodes().length === n && idle ? performance.now() : false;
    },
    count,
    { timeout: 600_000, polling: 'raf' },
  );
  return Number(await handle.jsonValue());
}

/** Long tasks that overlap [from, to], page ms: the longest, and when the last one ended. */
async function longTasks(page: Page, from: number): Promise<{ longestTaskMs: number; lastEnd: number }> {
  // A long task is reported once it ends: give the last one a moment to arrive.
  await page.waitForTimeout(500);
  return page.evaluate((start) => {
    const tasks = (window as unknown as { __longTasks: Array<{ start: number; end: number }> }).__longTasks.filter((task) => task.end >= start);
    return { longestTaskMs: Math.max(0, ...tasks.map((task) => task.end - task.start)), lastEnd: Math.max(start, ...tasks.map((task) => task.end)) };
  }, from);
}

/** requestAnimationFrame callbacks per second while the mouse drags and wheels over the view for 5 s. */
async function scriptedFps(page: Page): Promise<number> {
  const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
  if (!box) throw new Error('graph canvas not on the page');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const startFrames = await page.evaluate(() => (window as unknown as { __frames: number }).__frames);
  const started = Date.now();
  for (let step = 0; Date.now() - started < SCRIPTED_SECONDS * 1000; step++) {
    if (step % 2 === 0) {
      await page.mouse.move(cx - 100, cy);
      await page.mouse.down();
      await page.mouse.move(cx + 100, cy + 40, { steps: 10 });
      await page.mouse.up();
    } else {
      await page.mouse.move(cx, cy);
      for (let i = 0; i < 5; i++) await page.mouse.wheel(0, step % 4 === 1 ? -120 : 120);
    }
  }
  const seconds = (Date.now() - started) / 1000;
  const frames = (await page.evaluate(() => (window as unknown as { __frames: number }).__frames)) - startFrames;
  return Math.round((frames / seconds) * 10) / 10;
}

/**
 * Measures `render-*` and `layout-*` at each size in `sizes` (nodes), on the explorer at `url` over
 * the generated graph. Each size starts from a fresh page. Rows as described above; `layouts`: which of
 * LAYOUT_NAMES to measure (all by default); `wanted`: which rows, by name (`--only`): a size is drawn only
 * when one of its rows is wanted, and a row that is not wanted is neither measured nor returned.
 */
export async function measureClient(
  url: string,
  sizes: readonly number[],
  log: (message: string) => void,
  expansion?: { hubId: string; sizes: readonly number[] },
  layouts: readonly string[] = LAYOUT_NAMES,
  wanted: (name: string) => boolean = () => true,
): Promise<Row[]> {
  // The renderer a view gets is known only once it is drawn: a render row is wanted under either name.
  const renderWanted = (size: number | string) => wanted(`render-canvas-${size}`) || wanted(`render-webgl-${size}`);
  const layoutsAt = (size: number) => layouts.filter((name) => wanted(`layout-${name}-${size}`));
  const drawnSizes = sizes.filter((size) => renderWanted(size) || layoutsAt(size).length > 0);
  const expansionSizes = (expansion?.sizes ?? []).filter((size) => renderWanted(`expand-${size}`));
  const browser = await launchChromium({ width: 1440, height: 900 });
  const rows: Row[] = [];
  try {
    const page = await browser.newPage();
    await page.addInitScript({ content: INSTRUMENT });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    for (const size of drawnSizes) {
      await page.goto(url);
      await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 120_000 });
      const webgl = await webglInfo(page);
      await runQuery(page, viewQuery(size));
      const nodes = Number(await page.locator('[data-testid="graph-result"] strong').first().textContent());
      const relationships = Number(await page.locator('[data-testid="graph-result"] strong').nth(1).textContent());
      const renderer = (await page.locator('[data-testid="graph-canvas"]').getAttribute('data-renderer')) ?? 'canvas';
      // Close the workbench so the view has the whole stage, as an analyst would to look at the graph.
      await page.keyboard.press('Control+Backquote');
      const clicked = await page.evaluate(() => performance.now());
      await page.evaluate(() => (document.querySelector('[data-testid="show-graph-replace"]') as HTMLButtonElement).click());
      const drawn = await settled(page, nodes);
      if (renderWanted(size)) {
        const tasks = await longTasks(page, clicked);
        const fps = await scriptedFps(page);
        const render = { name: `render-${renderer}-${size}`, nodes, relationships, interactiveMs: Math.round(Math.max(drawn, tasks.lastEnd) - clicked), longestTaskMs: Math.round(tasks.longestTaskMs), fps };
        log(`${render.name}: ${nodes} nodes, ${relationships} relationships, interactive in ${render.interactiveMs} ms, longest task ${render.longestTaskMs} ms, ${fps} fps`);
        rows.push(render);
        if (renderer === 'canvas') {
          rows.push({ name: `render-webgl-${size}`, unavailable: webgl.hardware ? 'not chosen for this size' : `no hardware WebGL2 (${webgl.renderer})` });
        }
      }

      await page.locator('[data-testid="layout-select"]').selectOption('grid');
      await settled(page, nodes);
      for (const name of layoutsAt(size)) rows.push(await measureLayout(page, name, nodes, size, log));
    }
    for (const size of expansionSizes) {
      // One failed measurement is recorded as such; the run's other figures are kept.
      try {
        rows.push(await measureExpansion(page, url, expansion?.hubId as string, size, log));
      } catch (error) {
        log(`render-expand-${size} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        rows.push({ name: `render-canvas-expand-${size}`, failed: error instanceof Error ? error.message.split('\n')[0] : String(error) });
      }
    }
    if (errors.length > 0) throw new Error(`the page raised: ${errors.join('; ')}`);
    return rows;
  } finally {
    await browser.close();
  }
}

/** The toolbar's layouts, measured in this order after a grid (so each one moves every node). */
const LAYOUT_NAMES = ['force', 'concentric', 'hierarchy', 'circle', 'grid'] as const;

/**
 * Chooses layout `name` in the toolbar and measures `layout-<name>-<size>`: `ms` until it is applied,
 * `longestTaskMs` meanwhile, and `fps` panning and zooming its drawing (scriptedFps): a wide circle or
 * hierarchy costs more per frame than a compact force drawing.
 */
async function measureLayout(page: Page, name: string, nodes: number, size: number, log: (message: string) => void): Promise<Row> {
  const started = await page.evaluate(() => performance.now());
  await page.locator('[data-testid="layout-select"]').selectOption(name);
  await page.waitForFunction(() => document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('data-layout') === 'running', null, { timeout: 10_000, polling: 'raf' }).catch(() => undefined);
  const done = await settled(page, nodes);
  const tasks = await longTasks(page, started);
  const fps = await scriptedFps(page);
  const row = { name: `layout-${name}-${size}`, nodes, ms: Math.round(done - started), longestTaskMs: Math.round(tasks.longestTaskMs), fps };
  log(`${row.name}: ${row.ms} ms, longest task ${row.longestTaskMs} ms, then ${fps} fps`);
  return row;
}

/** Opens a view of the hub alone, expands it to `size` neighbours through the expand dialog, and measures. */
async function measureExpansion(page: Page, url: string, hubId: string, size: number, log: (message: string) => void): Promise<Row> {
  // A fresh document: going from one view's URL to another's changes only the hash, which keeps the page
  // (and the expansion before) instead of opening the view anew.
  await page.goto('about:blank');
  await page.goto(`${url}/#v=1&n=${encodeURIComponent(hubId)}`);
  await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 120_000 });
  await settled(page, 1);
  const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
  const point = await page.evaluate(() => (window as unknown as { __cy: { nodes(): { first(): { renderedPosition(): { x: number; y: number } } } } }).__cy.nodes().first().renderedPosition());
  if (!box) throw new Error('graph canvas not on the page');
  await page.mouse.click(box.x + point.x, box.y + point.y);
  await page.keyboard.press('e');
  const dialog = page.locator('[data-testid="expand-dialog"]');
  await dialog.waitFor({ timeout: 60_000 });
  await dialog.locator('[data-testid="expand-limit"]').fill(String(size));
  const renderer = (await page.locator('[data-testid="graph-canvas"]').getAttribute('data-renderer')) ?? 'canvas';
  const clicked = await page.evaluate(() => performance.now());
  await dialog.locator('[data-testid="expand-confirm"]').click();
  const drawn = await settled(page, size + 1);
  const tasks = await longTasks(page, clicked);
  const fps = await scriptedFps(page);
  const row = { name: `render-${renderer}-expand-${size}`, nodes: size + 1, interactiveMs: Math.round(Math.max(drawn, tasks.lastEnd) - clicked), longestTaskMs: Math.round(tasks.longestTaskMs), fps };
  log(`${row.name}: interactive in ${row.interactiveMs} ms, longest task ${row.longestTaskMs} ms, ${fps} fps`);
  return row;
}
