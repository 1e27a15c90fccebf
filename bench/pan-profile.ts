/**
 * Why do non-force drawings pan slower? Profiles panning/zooming after each layout, as bench/client-bench.ts
 * measures it, with a CPU profile (CDP Profiler, 500 us sampling) and per-frame instrumentation.
 *
 *   npx tsx bench/pan-profile.ts --sizes 20000 --layouts force,circle,grid [--experiments] [--minified] [--no-profile]
 *
 * Serves an unminified build (.scratch/dist-unmin: `npx vite build --config client/vite.config.ts --outDir .scratch/dist-unmin --emptyOutDir --minify false`) through a local proxy so that
 * profile function names are Cytoscape's own; --minified serves the explorer's dist/client instead.
 * Needs the bench Neo4j up on 7718.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../scripts/chromium.ts';
import { startExplorer, freePort } from './harness.ts';
import { viewQuery } from './client-bench.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '20000' },
    layouts: { type: 'string', default: 'force,circle,grid' },
    experiments: { type: 'boolean', default: false },
    minified: { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
    seconds: { type: 'string', default: '5' },
    tag: { type: 'string', default: '' },
    'only-exp': { type: 'string', default: '' },
    'exp-layouts': { type: 'string', default: '' },
    repeat: { type: 'string', default: '1' },
    summarise: { type: 'string', default: '' },
    redraw: { type: 'boolean', default: false },
  },
});
const SIZES = values.sizes.split(',').map(Number);
const LAYOUTS = values.layouts.split(',');
const SECONDS = Number(values.seconds);
const OUT = join(ROOT, '.scratch', 'pan-profile');
mkdirSync(OUT, { recursive: true });
const log = (line: string) => console.error(`[pan-profile ${new Date().toISOString().slice(11, 19)}] ${line}`);

// ---------------------------------------------------------------- static client + /api proxy
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.svg': 'image/svg+xml', '.json': 'application/json', '.woff2': 'font/woff2' };
async function serveClient(clientDir: string, api: string): Promise<{ url: string; close(): void }> {
  const apiUrl = new URL(api);
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    if (path.startsWith('/api')) {
      const upstream = http.request({ host: apiUrl.hostname, port: apiUrl.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    let file = join(clientDir, path);
    if (!file.startsWith(clientDir) || !existsSync(file) || statSync(file).isDirectory()) file = join(clientDir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  const port = await freePort();
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

// ---------------------------------------------------------------- page instrumentation (strings: see client-bench.ts)
const INSTRUMENT = `
  window.__longTasks = [];
  window.__frames = 0;
  window.__frameTimes = null;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  (function tick(t) {
    window.__frames++;
    if (window.__frameTimes) window.__frameTimes.push(t);
    requestAnimationFrame(tick);
  })();
`;

/** Wraps the canvas renderer's render() to time each frame by kind. */
const HOOK_RENDER = `(() => {
  const cy = window.__cy; const r = cy.renderer();
  if (!r.__wrapped) {
    const orig = r.render;
    r.render = function (opts) {
      const vpManip = !!(r.pinching || r.hoverData.dragging || r.swipePanning || r.data.wheelZooming || r.hoverData.draggingEles || cy.animated());
      const forced = !!(opts && opts.forcedContext);
      const willTexture = r.textureOnViewport && !forced && vpManip && !r.hoverData.draggingEles;
      const hadCache = !!r.textureCache;
      const t = performance.now();
      const result = orig.call(this, opts);
      const d = performance.now() - t;
      if (window.__renders) window.__renders.push({ t, d, kind: forced ? 'texture-build' : (r.textureDrawLastFrame ? (hadCache ? 'texture-frame' : 'texture-frame+build') : (vpManip ? 'full-moving' : 'full-still')), hideEdges: r.hideEdgesOnViewport && vpManip });
      return result;
    };
    r.__wrapped = true;
    window.__grabs = 0; cy.on('grab', 'node', () => window.__grabs++);
  }
  return true;
})()`;

const METRICS = `(() => {
  const cy = window.__cy; const r = cy.renderer();
  const zoom = cy.zoom();
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity, sizeSum = 0, widthSum = 0;
  const nodes = cy.nodes();
  nodes.forEach((n) => { const p = n.position(); x1 = Math.min(x1, p.x); y1 = Math.min(y1, p.y); x2 = Math.max(x2, p.x); y2 = Math.max(y2, p.y); sizeSum += Number(n.data('size')) || 0; widthSum += n.width(); });
  let len = 0; const lens = []; let dashes = 0; const byStyle = {};
  cy.edges().forEach((e) => { const a = e.source().position(), b = e.target().position(); const l = Math.hypot(a.x - b.x, a.y - b.y); len += l; lens.push(l);
    const ls = e.pstyle('line-style').value; byStyle[ls] = (byStyle[ls] || 0) + 1;
    if (ls === 'dotted') dashes += l / 2; else if (ls === 'dashed') { const p = e.pstyle('line-dash-pattern').pfValue; dashes += l / (p[0] + p[1]); } });
  lens.sort((a, b) => a - b);
  const ext = cy.extent();
  let inView = 0; nodes.forEach((n) => { const p = n.position(); if (p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2) inView++; });
  const lvl = Math.ceil(Math.log2(zoom * r.getPixelRatio()));
  return {
    zoom, pan: cy.pan(), viewport: { w: cy.width(), h: cy.height() },
    extentModel: { w: Math.round(x2 - x1), h: Math.round(y2 - y1) },
    extentRendered: { w: Math.round((x2 - x1) * zoom), h: Math.round((y2 - y1) * zoom) },
    nodeSizeModel: sizeSum / nodes.length, nodeWidthModel: widthSum / nodes.length, nodeRenderedPx: (widthSum / nodes.length) * zoom,
    edges: lens.length, edgeLenModelMedian: Math.round(lens[Math.floor(lens.length / 2)] || 0), edgeLenModelMean: Math.round(len / (lens.length || 1)),
    edgeRenderedPxTotal: Math.round(len * zoom), edgeRenderedPxMean: Math.round((len * zoom) / (lens.length || 1) * 10) / 10,
    dashSegments: Math.round(dashes), lineStyles: byStyle,
    nodesInView: inView, nodes: nodes.length,
    renderer: { textureOnViewport: r.textureOnViewport, hideEdgesOnViewport: r.hideEdgesOnViewport, forcedPixelRatio: r.forcedPixelRatio, pixelRatio: r.getPixelRatio(), motionBlur: r.motionBlur, motionBlurEnabled: r.motionBlurEnabled, textureMult: r.textureMult, minZoom: cy.minZoom(), maxZoom: cy.maxZoom(), layerLevel: lvl, edgeCurve: cy.edges().length ? cy.edges()[0].pstyle('curve-style').value : null, edgeWidth: cy.edges().length ? cy.edges()[0].pstyle('width').pfValue : null, labelOnNode: nodes[0].pstyle('label').strValue ? true : false, minZoomedFont: nodes[0].pstyle('min-zoomed-font-size').pfValue },
    minimapShown: !!document.querySelector('[data-testid="minimap"]'),
  };
})()`;

// ---------------------------------------------------------------- driving, as client-bench.ts
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

async function settled(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const cy = (window as unknown as { __cy?: { nodes(): { length: number } } }).__cy;
      const idle = document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('data-layout') === 'idle';
      return cy && cy.nodes().length === n && idle ? performance.now() : false;
    },
    count,
    { timeout: 600_000, polling: 'raf' },
  );
}

interface Scripted {
  fps: number;
  frames: number;
  seconds: number;
  gestures: number;
  grabs: number;
  frameIntervalMs: { p50: number; p90: number; max: number; over100: number; sumOver100: number };
  renders: Record<string, { n: number; ms: number; max: number }>;
  renderMsTotal: number;
}

const pct = (xs: number[], p: number) => (xs.length ? ([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] as number) : NaN);
const r1 = (x: number) => Math.round(x * 10) / 10;

/** scriptedFps of client-bench.ts, plus frame intervals and render() timings by kind. */
async function scripted(page: Page): Promise<Scripted> {
  const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
  if (!box) throw new Error('graph canvas not on the page');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(HOOK_RENDER);
  const startFrames = await page.evaluate('(window.__frameTimes = [], window.__renders = [], window.__grabs0 = window.__grabs, window.__frames)') as number;
  const started = Date.now();
  let step = 0;
  for (; Date.now() - started < SECONDS * 1000; step++) {
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
  const got = (await page.evaluate('({ frames: window.__frames, times: window.__frameTimes, renders: window.__renders, grabs: window.__grabs - window.__grabs0 })')) as { frames: number; times: number[]; renders: Array<{ d: number; kind: string }>; grabs: number };
  await page.evaluate('(window.__frameTimes = null, window.__renders = null)');
  const frames = got.frames - startFrames;
  const intervals = got.times.slice(1).map((t, i) => t - (got.times[i] as number));
  const renders: Scripted['renders'] = {};
  let renderMsTotal = 0;
  for (const r of got.renders) {
    const k = (renders[r.kind] ??= { n: 0, ms: 0, max: 0 });
    k.n++;
    k.ms += r.d;
    k.max = Math.max(k.max, r.d);
    if (r.kind !== 'texture-build') renderMsTotal += r.d;
  }
  for (const k of Object.values(renders)) {
    k.ms = Math.round(k.ms);
    k.max = Math.round(k.max);
  }
  const long = intervals.filter((x) => x > 100);
  return {
    fps: r1(frames / seconds),
    frames,
    seconds: r1(seconds),
    gestures: step,
    grabs: got.grabs,
    frameIntervalMs: { p50: r1(pct(intervals, 50)), p90: r1(pct(intervals, 90)), max: Math.round(Math.max(0, ...intervals)), over100: long.length, sumOver100: Math.round(long.reduce((a, b) => a + b, 0)) },
    renders,
    renderMsTotal: Math.round(renderMsTotal),
  };
}

// ---------------------------------------------------------------- CPU profile summary
interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const GROUP_RULES: Array<[string, RegExp]> = [
  ['drawImage', /^drawImage$/],
  ['edge strokes', /^(stroke|lineTo|moveTo|beginPath|closePath|setLineDash|quadraticCurveTo|bezierCurveTo)$|drawEdge|drawHaystack|EdgePath|drawArrow|eleStrokeStyle|strokeStyle/],
  ['node drawing', /^(fill|arc|ellipse|rect|fillRect)$|drawNode|drawPolygon|drawEllipse|drawRound|nodeShapes|eleFillStyle|drawInscribed|drawBorder|drawPie/],
  ['labels/text', /^(fillText|strokeText|measureText)$|Label|Text|drawText/],
  ['texture cache', /Txr|Texture|TextureCache|getElement|getLayers|Layer|makeOffscreenCanvas|queue|Queue|dequeue|ETCp|LTCp|invalidate/],
  ['style', /pstyle|[sS]tyle|getPropsList|checkTrigger|parse|applyBypass/],
  ['bounding boxes', /boundingBox|BoundingBox|updateBounds|recalculateRenderedStyle/],
  ['clear/compose', /^(clearRect|setTransform|translate|scale|save|restore|getImageData)$/],
];

function summarise(profile: Profile) {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) byId.set(n.id, n);
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const id = profile.samples[i] as number;
    selfMs.set(id, (selfMs.get(id) ?? 0) + dt);
  }
  const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const name = (n: ProfileNode) => n.callFrame.functionName || '(anonymous)';
  const where = (n: ProfileNode) => (n.callFrame.url ? `${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}` : 'native');
  const stackOf = (id: number): ProfileNode[] => {
    const s: ProfileNode[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) s.push(byId.get(cur) as ProfileNode);
    return s; // leaf first
  };
  const fn = new Map<string, number>();
  const groups = new Map<string, number>();
  const owners = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const stack = stackOf(id);
    const leaf = stack[0] as ProfileNode;
    const key = `${name(leaf)} (${where(leaf)})`;
    fn.set(key, (fn.get(key) ?? 0) + ms);
    let group: string;
    const ln = name(leaf);
    if (ln === '(idle)') group = 'idle';
    else if (ln === '(program)') group = '(program): native paint/raster/input';
    else if (ln === '(garbage collector)') group = 'GC';
    else {
      group = 'other JS';
      outer: for (const frame of stack) for (const [g, re] of GROUP_RULES) if (re.test(name(frame))) { group = g; break outer; }
    }
    groups.set(group, (groups.get(group) ?? 0) + ms);
    // Owner: which top-level activity the sample is in.
    let owner = ['(idle)', '(program)', '(garbage collector)'].includes(ln) ? ln : 'other JS';
    const names = stack.map((f) => `${name(f)}@${f.callFrame.lineNumber + 1}`);
    if (owner === 'other JS') {
      if (stack.some((f) => name(f) === 'draw' && /index-/.test(f.callFrame.url) && f.callFrame.lineNumber > 68000)) owner = 'minimap draw';
      else if (stack.some((f) => /\.render$/.test(name(f)) && /CRp/.test(name(f)))) owner = 'cytoscape render()';
      else if (stack.some((f) => /wheel|mouse|Mouse|Wheel|pointer|dispatch|emit|trigger/i.test(name(f)))) owner = 'input/events';
      else if (names.some((n) => /^(performWorkUntilDeadline|workLoop|performUnitOfWork|commitRoot)/.test(n))) owner = 'react';
    }
    owners.set(owner, (owners.get(owner) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>, k = 100) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, ms]) => ({ name: n, ms: Math.round(ms), pct: Math.round((ms / total) * 1000) / 10 }));
  return { totalMs: Math.round(total), top: sorted(fn, 15), groups: sorted(groups), owners: sorted(owners) };
}

async function profiled(page: Page, cdp: CDPSession) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const run = await scripted(page);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.send('Profiler.disable');
  return { run, profile };
}

// ---------------------------------------------------------------- experiments at runtime (step 3)
const SAVE_STYLE = `(() => { const cy = window.__cy; window.__savedStyle = window.__savedStyle || cy.style().json(); return true; })()`;
const RESTORE_STYLE = `(() => { const cy = window.__cy; cy.style().fromJson(window.__savedStyle).update(); window.__savedStyle = null; return true; })()`;
const EXPERIMENTS: Array<{ name: string; apply: string; undo: string }> = [
  { name: 'zoom-to-force-zoom', apply: `(() => { const cy = window.__cy; cy.zoom({ level: window.__forceZoom, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }); return cy.zoom(); })()`, undo: `true` },
  { name: 'edges-solid', apply: `(() => { ${SAVE_STYLE}; window.__cy.style().selector('edge').style('line-style', 'solid').update(); return true; })()`, undo: RESTORE_STYLE },
  { name: 'dotted-as-solid', apply: `(() => { ${SAVE_STYLE}; window.__cy.style().selector('edge[certainty = "speculated"], edge[certainty = "conditional"]').style('line-style', 'solid').update(); return true; })()`, undo: RESTORE_STYLE },
  { name: 'edges-display-none', apply: `(() => { ${SAVE_STYLE}; window.__cy.style().selector('edge').style('display', 'none').update(); return true; })()`, undo: RESTORE_STYLE },
  { name: 'dotted-as-dashed-in-screen-px', apply: `(() => { ${SAVE_STYLE}; const z = window.__cy.zoom(); window.__cy.style().selector('edge[certainty = "speculated"], edge[certainty = "conditional"]').style({ 'line-style': 'dashed', 'line-dash-pattern': [2 / z, 2 / z] }).selector('edge[certainty = "reported"]').style('line-dash-pattern', [10 / z, 4 / z]).selector('edge[certainty = "assessed"]').style('line-dash-pattern', [4 / z, 4 / z]).update(); return true; })()`, undo: RESTORE_STYLE },
];


/** Cost of one full still redraw (what follows each gesture): render() JS time, then + a getImageData that forces the raster. */
const REDRAW = `(async () => {
  const cy = window.__cy, r = cy.renderer(); const ctx = r.data.contexts[r.NODE]; const out = [];
  for (let i = 0; i < 4; i++) {
    await new Promise((res) => setTimeout(res, 400));
    r.redrawHint('eles', true);
    const t = performance.now(); r.render({}); const t1 = performance.now(); ctx.getImageData(0, 0, 1, 1);
    out.push([Math.round(t1 - t), Math.round(performance.now() - t)]);
  }
  return out;
})()`;
const REDRAW_CONFIGS: Array<{ name: string; apply: string; undo: string }> = [
  { name: 'as-is', apply: 'true', undo: 'true' },
  { name: 'zoom-x0.5', apply: `(() => { const cy = window.__cy; cy.zoom({ level: cy.zoom() / 2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }); return true; })()`, undo: 'true' },
  { name: 'zoom-x2', apply: `(() => { const cy = window.__cy; cy.zoom({ level: cy.zoom() * 2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }); return true; })()`, undo: 'true' },
];

// ---------------------------------------------------------------- main
async function main() {
  const password = readFileSync(join(ROOT, '.neo4j/instances/bench/password'), 'utf8').trim();
  const explorer = await startExplorer({ uri: 'bolt://127.0.0.1:7718', user: 'neo4j', password });
  log(`explorer pid ${explorer.pid} at ${explorer.url}`);
  const client = values.minified ? undefined : await serveClient(join(ROOT, '.scratch', 'dist-unmin'), explorer.url);
  const url = client?.url ?? explorer.url;
  const browser = await launchChromium({ width: 1440, height: 900 });
  const results: Record<string, unknown>[] = [];
  const tag = values.tag || `${Date.now()}`;
  try {
    const page = await browser.newPage();
    await page.addInitScript({ content: INSTRUMENT });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('crash', () => log('PAGE CRASHED'));
    const cdp = await page.context().newCDPSession(page);
    for (const size of SIZES) {
      await page.goto(url);
      await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 120_000 });
      await runQuery(page, viewQuery(size));
      const nodes = Number(await page.locator('[data-testid="graph-result"] strong').first().textContent());
      await page.keyboard.press('Control+Backquote');
      await page.evaluate(() => (document.querySelector('[data-testid="show-graph-replace"]') as HTMLButtonElement).click());
      await settled(page, nodes);
      log(`${size}: ${nodes} nodes shown`);
      await page.locator('[data-testid="layout-select"]').selectOption('grid');
      await settled(page, nodes);
      for (const layout of LAYOUTS) {
        await page.locator('[data-testid="layout-select"]').selectOption(layout);
        await page.waitForFunction(() => document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('data-layout') === 'running', null, { timeout: 10_000, polling: 'raf' }).catch(() => undefined);
        await settled(page, nodes);
        await page.waitForTimeout(1500); // fit animation, texture refinement
        const metrics = (await page.evaluate(METRICS)) as Record<string, unknown> & { zoom: number };
        if (layout === 'force') await page.evaluate(`window.__forceZoom = ${metrics.zoom}`);
        const vp0 = await page.evaluate('({ zoom: window.__cy.zoom(), pan: { ...window.__cy.pan() } })');
        if (values.redraw) {
          const cost: Record<string, unknown> = {};
          for (const c of [...REDRAW_CONFIGS, ...EXPERIMENTS.filter((e) => e.name !== 'zoom-to-force-zoom')]) {
            await page.evaluate(c.apply);
            cost[c.name] = await page.evaluate(REDRAW);
            log(`${layout}-${size} redraw ${c.name}: ${JSON.stringify(cost[c.name])}`);
            await page.evaluate(c.undo);
            await page.evaluate(`void window.__cy.viewport(${JSON.stringify(vp0)})`);
          }
          results.push({ size, layout, nodes, metrics, redraw: cost });
          writeFileSync(join(OUT, `${tag}.json`), JSON.stringify(results, null, 2));
          continue;
        }
        const plain = await scripted(page);
        log(`${layout}-${size}: zoom ${metrics.zoom.toFixed(4)}, plain ${plain.fps} fps ${JSON.stringify(plain.renders)}`);
        await page.evaluate(`void window.__cy.viewport(${JSON.stringify(vp0)})`);
        await page.waitForTimeout(500);
        const row: Record<string, unknown> = { size, layout, nodes, metrics, plain };
        const repeats: Scripted[] = [];
        for (let i = 1; i < Number(values.repeat); i++) {
          repeats.push(await scripted(page));
          await page.evaluate(`void window.__cy.viewport(${JSON.stringify(vp0)})`);
          await page.waitForTimeout(500);
        }
        if (repeats.length) {
          row.repeats = repeats;
          log(`${layout}-${size}: repeats ${repeats.map((r) => r.fps).join(', ')} fps`);
        }
        if (!values['no-profile']) {
          const { run, profile } = await profiled(page, cdp);
          writeFileSync(join(OUT, `${tag}-${layout}-${size}.cpuprofile`), JSON.stringify(profile));
          row.profiledRun = run;
          row.profile = summarise(profile);
          log(`${layout}-${size}: profiled ${run.fps} fps; groups ${JSON.stringify((row.profile as ReturnType<typeof summarise>).groups)}`);
          await page.evaluate(`void window.__cy.viewport(${JSON.stringify(vp0)})`);
          await page.waitForTimeout(500);
        }
        if (values.experiments && (values['exp-layouts'] ? values['exp-layouts'].split(',').includes(layout) : layout !== 'force')) {
          const exps: Record<string, unknown> = {};
          row.experiments = exps;
          results.push(row);
          for (const exp of EXPERIMENTS.filter((e) => !values['only-exp'] || values['only-exp'].split(',').includes(e.name))) {
            await page.evaluate(exp.apply);
            await page.waitForTimeout(1500);
            const before = (await page.evaluate(METRICS)) as { zoom: number; edgeRenderedPxTotal: number; nodeRenderedPx: number };
            const run = await scripted(page);
            const again = Number(values.repeat) > 1 ? await scripted(page) : undefined;
            exps[exp.name] = { again: again?.fps, againRenders: again?.renders, zoom: before.zoom, edgeRenderedPxTotal: before.edgeRenderedPxTotal, nodeRenderedPx: before.nodeRenderedPx, fps: run.fps, renders: run.renders, gestures: run.gestures, grabs: run.grabs };
            log(`${layout}-${size} ${exp.name}: ${run.fps} fps (plain ${plain.fps}) ${JSON.stringify(run.renders)}`);
            writeFileSync(join(OUT, `${tag}.json`), JSON.stringify(results, null, 2));
            await page.evaluate(exp.undo);
            await page.evaluate(`void window.__cy.viewport(${JSON.stringify(vp0)})`);
            await page.waitForTimeout(1500);
          }
        } else results.push(row);
        writeFileSync(join(OUT, `${tag}.json`), JSON.stringify(results, null, 2));
      }
    }
    if (errors.length) log(`page errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    client?.close();
    await explorer.stop();
  }
  log(`wrote ${join(OUT, `${tag}.json`)}`);
}

if (values.summarise) console.log(JSON.stringify(summarise(JSON.parse(readFileSync(values.summarise, 'utf8')) as Profile), null, 1));
else await main();
