/**
 * `npm run css-diff -- BEFORE AFTER [--states a,b] [--out DIR]`: shows whether two builds of the client look
 * the same, for a change to the styles that should change nothing on screen (classes merged or renamed, rules
 * moved between sheets). Build the client before the change (`npx vite build --config client/vite.config.ts
 * --outDir /tmp/css-before`), make it, build again into /tmp/css-after, then compare the two directories.
 *
 * Each build is served by the explorer's own server (server/src/app.ts) against the same Neo4j, which must
 * hold the seed: NEO4J_URI…, or else the local `dev` instance on LOCAL_NEO4J_PORT, started for the run and
 * stopped after it unless it was already running (as `npm run seed` does). Debian's Chromium opens both side
 * by side in every UI state listed in STATES below (the opening view, a node or relationship selected, the
 * popovers, search results, the sidebar's sections, a path found, the workbench's result views and history,
 * a few hovers), at 1024×700, 1280×800 and 1920×1080, in the light and the dark theme: 152 checks, 10 to
 * 25 minutes (--states picks some).
 *
 * In each, it reads 96 computed style properties (PROPS) of every element and of its ::before and ::after,
 * and compares them between the builds. Elements are keyed by their path of tag names and indexes among
 * their siblings (with data-testid where they have one), never by class: a class renamed or merged into a
 * shared one is no difference, a changed computed value is. Properties that an animation or transition is
 * moving at that moment (a spinner, the editor's blinking cursor) are skipped. It also compares screenshots,
 * with the graph's canvases hidden (the layout does not draw the same twice to the pixel).
 *
 * Output: a line per state × size × theme, `N values, D differ, P px differ`, then SUMMARY with the totals
 * and each differing value (element path, property: before -> after) with the number of checks it differs
 * in. The report (report.txt) and the screenshots of the checks whose pixels differ go to --out (default: a
 * new directory under the system's temp directory). Some differences come from timing, not from the styles:
 * the workbench's timings ("first after 2 ms": the result line's width), the editor's selection layer
 * (display none or block as its focus settles), a level or two of colour in a rounded corner's antialiasing. Run
 * it once with the same build on both sides to see that noise floor. Exit code 0 when no computed value
 * differs, 1 when some do, 2 on misuse.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { createApp, startServer } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { isDatabaseEmpty } from '../seed/loader.ts';
import { clickElement, pagePoint, waitForStillGraph, type CyWindow } from '../tests/support/browser.ts';
import { openWorkbench, runWithKeyboard, setQuery } from '../tests/support/workbench-page.ts';
import { launchChromium } from './chromium.ts';
import { withNeo4j } from './neo4j/resolve-neo4j.ts';

const USAGE = 'usage: npm run css-diff -- BEFORE_DIR AFTER_DIR [--states opening,search,…] [--out DIR]';

/** The computed properties compared: box, flex and grid, colours, type, borders and effects. */
const PROPS = `display position top right bottom left z-index float clear box-sizing width height min-width min-height max-width max-height
margin-top margin-right margin-bottom margin-left padding-top padding-right padding-bottom padding-left
border-top-width border-right-width border-bottom-width border-left-width border-top-style border-right-style border-bottom-style border-left-style
border-top-color border-right-color border-bottom-color border-left-color border-top-left-radius border-top-right-radius border-bottom-right-radius border-bottom-left-radius
flex-direction flex-wrap flex-grow flex-shrink flex-basis justify-content align-items align-self justify-self row-gap column-gap grid-template-columns grid-template-rows order
color background-color background-image opacity visibility overflow-x overflow-y transform cursor font-family font-size font-weight font-style line-height letter-spacing
text-align text-transform text-decoration-line text-decoration-style text-decoration-color text-overflow white-space overflow-wrap box-shadow outline-style outline-width outline-color
pointer-events list-style-type vertical-align filter clip-path content fill stroke stroke-width -webkit-line-clamp accent-color container-type touch-action user-select font-variant-numeric`.split(/\s+/);

const SIZES: Array<[number, number]> = [
  [1024, 700],
  [1280, 800],
  [1920, 1080],
];
const THEMES = ['light', 'dark'] as const;

type Step = (page: Page) => Promise<void>;
interface State {
  /** The view to open (a shared link's hash); default the overview. */
  hash?: string;
  /** Window sizes, when not SIZES. */
  sizes?: Array<[number, number]>;
  /** Brings the page into the state. */
  run: Step;
  /** Further steps, each read after the one before it (a tab, a hover); default one reading after `run`. */
  reads?: Record<string, Step>;
}

/** Clicks `target` and waits for `shown`. */
const open = (target: string, shown: string): Step => async (page) => {
  await page.locator(target).first().click();
  await page.locator(shown).first().waitFor();
};
/** Opens a sidebar section (unless it is open) and waits for `shown` in it. */
const section = (name: string, shown: string): Step => async (page) => {
  const toggle = page.locator(`[data-testid="section-${name}-toggle"]`);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.locator(shown).first().waitFor();
};
/** Moves the mouse over the first `selector`. */
const hover = (selector: string): Step => async (page) => {
  await page.locator(selector).first().hover();
};
/** Selects a node with the mouse, presses `key` and waits for `shown`. */
const pressOn = (nodeId: string, key: string, shown: string): Step => async (page) => {
  await clickElement(page, nodeId);
  await page.keyboard.press(key);
  await page.locator(shown).first().waitFor();
};
/** Opens the workbench, runs `query` there and waits for its answer, and for the editor to colour the query. */
const runQuery = (query: string): Step => async (page) => {
  await openWorkbench(page);
  await setQuery(page, query);
  await runWithKeyboard(page);
  await page.keyboard.press('Escape');
  // The Cypher parser loads on its own time: without this, one side was read before it had coloured the query.
  await page.locator('[data-testid="cypher-editor"] .cm-cypher-keyword').first().waitFor();
};

/** The UI states compared; each uses the seed's nodes. */
const STATES: Record<string, State> = {
  opening: { run: async () => {} },
  'node-selected': {
    run: (page) => clickElement(page, 'russia'),
    reads: { '': async () => {}, 'hover-node-link': hover('[data-testid="details-panel"] li button[data-node-id]') },
  },
  'relationship-selected': {
    run: async (page) => {
      const edge = await page.evaluate(() => (window as unknown as CyWindow).__cy.edges().map((e) => e.id()).find((id) => id.startsWith('kim-jong-un--SIGNED--')));
      await clickElement(page, edge as string);
    },
  },
  settings: { run: open('[data-testid="settings-button"]', '[data-testid="settings-popover"]') },
  export: { run: open('[data-testid="export-toggle"]', '[data-testid="export-menu"]') },
  'context-menu': {
    run: async (page) => {
      await waitForStillGraph(page);
      const point = await pagePoint(page, 'russia');
      await page.mouse.click(point.x, point.y, { button: 'right' });
      await page.locator('[data-testid="context-menu"]').waitFor();
    },
  },
  search: {
    run: async (page) => {
      await page.keyboard.press('/');
      await page.keyboard.type('kim');
      await page.locator('[data-testid="search-input-results"] [role="option"]').first().waitFor();
    },
    reads: { '': async () => {}, 'hover-option': hover('[data-testid="search-input-results"] [role="option"]') },
  },
  'status-notice': { hash: '#v=1&n=russia,north-korea,kim-jong-un', run: pressOn('kim-jong-un', 'Delete', '[data-testid="status-line"] button') },
  workbench: {
    run: runQuery('MATCH (n) RETURN n LIMIT 5'),
    reads: {
      graph: open('[data-testid="result-tab-graph"]', '[data-testid="result-tab-graph"][aria-selected="true"]'),
      table: open('[data-testid="result-tab-table"]', '[data-testid="result-table"]'),
      'table-hover-row': hover('[data-testid="result-table"] tbody tr'),
      json: open('[data-testid="result-tab-json"]', '[data-testid="result-json"]'),
    },
  },
  'workbench-summary': {
    // A cartesian product: Neo4j's planner adds a notification to the summary, and the editor's linter (a
    // worker, on its own time) underlines the query: read once it has.
    run: async (page) => {
      await runQuery('MATCH (a:Country), (b:Person) RETURN a.name, b.name LIMIT 3')(page);
      await page.locator('[data-testid="cypher-editor"] .cm-lintRange-warning').first().waitFor();
    },
    reads: {
      summary: open('[data-testid="result-tab-summary"]', '[data-testid="result-summary"]'),
      history: open('[data-testid="history-button"]', '[data-testid="history-panel"]'),
    },
  },
  expand: { hash: '#v=1&n=north-korea', run: pressOn('north-korea', 'e', '[data-testid="expand-dialog"]') },
  'path-panel': { run: section('paths', '[data-testid="path-panel"]') },
  'path-result': {
    run: async (page) => {
      await clickElement(page, 'kim-jong-un');
      await page.locator('[data-testid="path-from-button"]').click();
      await clickElement(page, 'ukraine');
      await section('paths', '[data-testid="path-result"]')(page);
    },
    reads: { '': async () => {}, 'hover-node-link': hover('[data-testid="path-result"] button[data-node-id]') },
  },
  'filters-panel': { run: section('filters', '[data-testid="facet-labels"]') },
  // A label's editor open, and the rules under it.
  'styles-panel': {
    run: section('styles', '[data-testid="style-panel"]'),
    reads: { editor: open('[data-testid="style-panel"] button[data-label]', '[data-testid^="style-editor-"]') },
  },
  'schema-panel': { run: section('schema', '[data-testid="schema-panel"] [data-label]') },
  'toolbar-more': {
    sizes: [[860, 700]],
    run: async (page) => {
      await page.locator('[data-testid="toolbar-more"]').click();
      await page.waitForTimeout(200);
    },
  },
  'hover-tooltip': {
    hash: '#v=1&n=kim-jong-un,north-korea',
    run: async (page) => {
      await waitForStillGraph(page);
      const point = await pagePoint(page, 'kim-jong-un');
      await page.mouse.move(point.x, point.y);
      await page.locator('[data-testid="hover-tooltip"]').waitFor();
    },
  },
  'selection-bar': { hash: '#v=1&n=russia,north-korea,kim-jong-un,vladimir-putin', run: pressOn('kim-jong-un', 'Control+a', '[data-testid="selection-bar"]') },
};

interface Reading {
  /** `element-path[::pseudo] property` → computed value. */
  values: Record<string, string>;
  /** The same keys, for the properties an animation or transition was moving. */
  moving: string[];
}

/**
 * Every element's computed PROPS (and its ::before and ::after when they have content), keyed by the
 * element's path from <html>: tag, data-testid if any, index among its siblings; never its classes.
 */
function read(page: Page): Promise<Reading> {
  return page.evaluate((props) => {
    const values: Record<string, string> = {};
    const moving: string[] = [];
    const keyOf = (element: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = element; e; e = e.parentElement) {
        let index = 0;
        for (let s = e.previousElementSibling; s; s = s.previousElementSibling) index++;
        const testId = e.getAttribute('data-testid');
        parts.unshift(`${e.tagName.toLowerCase()}${testId ? `[${testId}]` : ''}:${index}`);
      }
      return parts.join('>');
    };
    const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    for (const element of document.querySelectorAll('html, body, body *')) {
      const key = keyOf(element);
      const animated = new Set<string>();
      for (const animation of element.getAnimations({ subtree: false })) {
        if ('transitionProperty' in animation) animated.add(String(animation.transitionProperty));
        const effect = animation.effect as KeyframeEffect | null;
        for (const frame of effect?.getKeyframes?.() ?? []) for (const name of Object.keys(frame)) animated.add(kebab(name));
      }
      for (const pseudo of [null, '::before', '::after'] as const) {
        const style = getComputedStyle(element, pseudo);
        if (pseudo && (style.content === 'none' || style.content === 'normal')) continue;
        for (const prop of props) {
          const at = `${key}${pseudo ?? ''} ${prop}`;
          values[at] = style.getPropertyValue(prop);
          if (animated.has(prop) || animated.has('all')) moving.push(at);
        }
      }
    }
    return { values, moving };
  }, PROPS);
}

interface Capture {
  reading: Reading;
  shot: Buffer;
}

/** Opens `state` in a fresh page of `base` and takes each of its readings, with a screenshot. */
async function capture(browser: BrowserContext, base: string, theme: string, size: [number, number], state: State): Promise<Record<string, Capture>> {
  const page = await browser.newPage();
  try {
    await page.setViewportSize({ width: size[0], height: size[1] });
    await page.goto(`${base}/api/health`);
    await page.evaluate((choice) => {
      localStorage.clear();
      localStorage.setItem('kg-explorer:settings', JSON.stringify({ neighbourCap: 3, theme: choice, showMinimap: true, showTimeline: true }));
    }, theme);
    await page.goto(`${base}/${state.hash ?? ''}`);
    await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 30_000 });
    await waitForStillGraph(page);
    await state.run(page);
    const captures: Record<string, Capture> = {};
    for (const [name, step] of Object.entries(state.reads ?? { '': async () => {} })) {
      await step(page);
      await page.waitForTimeout(400);
      await page.evaluate(() => document.fonts.ready);
      const reading = await read(page);
      // The graph's canvases hidden: the layout does not draw the same twice to the pixel.
      const shot = await page.screenshot({ animations: 'disabled', caret: 'hide', style: 'canvas { visibility: hidden !important; }' });
      captures[name] = { reading, shot };
    }
    return captures;
  } finally {
    await page.close();
  }
}

/** How many pixels differ between two PNG screenshots (-1: not the same size), decoded in `page`. */
async function pixelsDiffering(page: Page, a: Buffer, b: Buffer): Promise<number> {
  if (a.equals(b)) return 0;
  return page.evaluate(
    async ({ first, second }) => {
      const load = async (src: string) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return image;
      };
      const pixels = (image: HTMLImageElement) => {
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, canvas.width, canvas.height).data;
      };
      const [imageA, imageB] = await Promise.all([load(first), load(second)]);
      if (imageA.width !== imageB.width || imageA.height !== imageB.height) return -1;
      const [pa, pb] = [pixels(imageA), pixels(imageB)];
      let count = 0;
      for (let i = 0; i < pa.length; i += 4) if (pa[i] !== pb[i] || pa[i + 1] !== pb[i + 1] || pa[i + 2] !== pb[i + 2] || pa[i + 3] !== pb[i + 3]) count++;
      return count;
    },
    { first: `data:image/png;base64,${a.toString('base64')}`, second: `data:image/png;base64,${b.toString('base64')}` },
  );
}

/** The computed values that differ between two readings, as `key: before -> after`, moving ones left out. */
function differences(before: Reading, after: Reading): string[] {
  const moving = new Set([...before.moving, ...after.moving]);
  const lines: string[] = [];
  for (const key of new Set([...Object.keys(before.values), ...Object.keys(after.values)])) {
    if (moving.has(key)) continue;
    const [a, b] = [before.values[key], after.values[key]];
    if (a !== b) lines.push(`${key}: ${a ?? '(no element)'} -> ${b ?? '(no element)'}`);
  }
  return lines;
}

/** `arg` as an absolute path when it holds a client build; else says what is wrong and exits with 2. */
function buildDir(arg: string | undefined): string {
  if (!arg) {
    console.error(USAGE);
    process.exit(2);
  }
  const dir = resolve(arg);
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`${dir} holds no client build (no index.html). Build one with: npx vite build --config client/vite.config.ts --outDir ${arg}`);
    process.exit(2);
  }
  return dir;
}

const { values: options, positionals } = parseArgs({ allowPositionals: true, options: { states: { type: 'string' }, out: { type: 'string' } } });
const [beforeDir, afterDir] = [buildDir(positionals[0]), buildDir(positionals[1])];
const only = options.states?.split(',');
const unknown = only?.filter((name) => !(name in STATES)) ?? [];
if (unknown.length > 0) {
  console.error(`unknown state(s) ${unknown.join(', ')}; the states are: ${Object.keys(STATES).join(', ')}`);
  process.exit(2);
}
const out = options.out ? resolve(options.out) : mkdtempSync(join(tmpdir(), 'kg-css-diff-'));
mkdirSync(join(out, 'shots'), { recursive: true });

const differing = await withNeo4j(loadConfig(), async (db) => {
  if (await isDatabaseEmpty(db)) throw new Error('The database is empty: the states use the seed\'s nodes. Load it with `npm run seed`.');
  const serve = (clientDir: string) => startServer(createApp({ db, clientDir }), 0, '127.0.0.1');
  const [serverA, serverB] = await Promise.all([serve(beforeDir), serve(afterDir)]);
  const [browserA, browserB] = await Promise.all([launchChromium(), launchChromium()]);
  try {
    // tsx names the functions it compiles through a helper the page lacks; page.evaluate sends them as text.
    for (const browser of [browserA, browserB]) await browser.addInitScript({ content: 'window.__name = (f) => f;' });
    const comparer = await browserA.newPage();
    await comparer.evaluate('window.__name = (f) => f');

    const report: string[] = [];
    const tally = new Map<string, number>();
    let checks = 0;
    let valuesDiffering = 0;
    let shotsDiffering = 0;
    for (const [name, state] of Object.entries(STATES)) {
      if (only && !only.includes(name)) continue;
      for (const size of state.sizes ?? SIZES) {
        for (const theme of THEMES) {
          const [before, after] = await Promise.all([capture(browserA, serverA.url, theme, size, state), capture(browserB, serverB.url, theme, size, state)]);
          for (const [reading, a] of Object.entries(before)) {
            const b = after[reading] as Capture;
            const label = `${name}${reading ? `/${reading}` : ''} ${size.join('x')} ${theme}`;
            const lines = differences(a.reading, b.reading);
            const pixels = await pixelsDiffering(comparer, a.shot, b.shot);
            checks++;
            valuesDiffering += lines.length;
            if (pixels !== 0) {
              shotsDiffering++;
              const file = label.replace(/[^\w.-]+/g, '_');
              writeFileSync(join(out, 'shots', `${file}.before.png`), a.shot);
              writeFileSync(join(out, 'shots', `${file}.after.png`), b.shot);
            }
            for (const line of lines) tally.set(line, (tally.get(line) ?? 0) + 1);
            const head = `${label}: ${Object.keys(a.reading.values).length} values, ${lines.length} differ, ${pixels} px differ`;
            console.log(head);
            report.push(head, ...lines.map((line) => `  ${line}`));
          }
        }
      }
    }
    const summary = [
      `SUMMARY: ${checks} state × size × theme checks, ${valuesDiffering} computed values differ, ${shotsDiffering} screenshots with pixels that differ (${join(out, 'shots')})`,
      ...[...tally].sort((x, y) => y[1] - x[1]).map(([line, count]) => `  ${line}  (${count} check${count === 1 ? '' : 's'})`),
    ];
    console.log(summary.join('\n'));
    report.push(...summary);
    writeFileSync(join(out, 'report.txt'), `${report.join('\n')}\n`);
    console.log(`report: ${join(out, 'report.txt')}`);
    return valuesDiffering;
  } finally {
    await Promise.all([browserA.close(), browserB.close()]);
    await Promise.all([serverA.stop(), serverB.stop()]);
  }
});
process.exit(differing === 0 ? 0 : 1);
