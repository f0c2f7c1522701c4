// Backwise benchmark: sizes, startup, interaction latency, memory and lazy
// start, in headless Chromium on a 127.0.0.1 server. Writes bench/report.json
// and bench/REPORT.md and prints every budget as PASS or FAIL.
//
//   node bench/run.mjs [--runs N] [--throttled-runs N] [--steps N] [--floor DIR] [--features-floor DIR] [--quick]
//   node bench/run.mjs --only pages,sizes,startup   (a partial run; written to bench/tmp/)
//   node bench/run.mjs --rewrite   (REPORT.md again from report.json, e.g. after a SAVINGS.md edit)
//
// Needs a release dist/ (trunk build --release --offline) and, for the floor
// ratio, the floor's dist (bench/tmp/floor-dist, built by scripts/bench).
// Exits 0 when everything was measured, whether or not the budgets pass;
// exits 1 only when a measurement could not be taken.

import http from 'node:http';
import os from 'node:os';
import zlib from 'node:zlib';
import path from 'node:path';
import { promises as fs, existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { keepWasmMemory, launch } from '../e2e/lib/browser.mjs';
import { MIME_TYPES } from '../e2e/lib/server.mjs';
import { formatInterval, ratioInterval, summary } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');
const DIST_SRC = process.env.BACKWISE_DIST ? path.resolve(process.env.BACKWISE_DIST) : path.join(ROOT, 'dist');
// Everything is measured on a copy, so that a rebuild of dist/ during the run cannot mix two builds.
let DIST = DIST_SRC;
const PAGES = path.join(here, 'pages');
const TMP = path.join(here, 'tmp');

// ---------------------------------------------------------------- options
function parseArgs(argv) {
  const o = {
    runs: Number(process.env.BENCH_RUNS || 60),
    throttledRuns: Number(process.env.BENCH_THROTTLED_RUNS || 15),
    steps: 300,
    // Also timed, for information: inputs this far apart, as a reader's are.
    pacedSteps: 100,
    pacedGapMs: 50,
    // And the two heaviest quiz actions, Check answers and Try again, this many times each.
    checkRounds: 10,
    memoryInteractions: 2000,
    mountCycles: 50,
    offscreenRuns: 5,
    floor: path.join(TMP, 'floor-dist'),
    featuresFloor: path.join(TMP, 'floor-features-dist'),
    fallback: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--runs') o.runs = Number(next());
    else if (a === '--throttled-runs') o.throttledRuns = Number(next());
    else if (a === '--steps') o.steps = Number(next());
    else if (a === '--floor') o.floor = path.resolve(next());
    else if (a === '--features-floor') o.featuresFloor = path.resolve(next());
    else if (a === '--fallback') o.fallback = path.resolve(next());
    else if (a === '--only') o.only = next().split(',');
    else if (a === '--rewrite') o.rewrite = true;
    else if (a === '--quick') Object.assign(o, { runs: 3, throttledRuns: 2, steps: 40, pacedSteps: 10, checkRounds: 2, memoryInteractions: 200, mountCycles: 5, offscreenRuns: 2 });
    else throw new Error(`bench: unknown argument ${a}`);
  }
  return o;
}
const OPT = parseArgs(process.argv.slice(2));

// ---------------------------------------------------------------- budgets
const KB = 1024; // 1 KB = 1024 bytes throughout
const BUDGET = {
  brotliKB: 90,
  gzipKB: 110,
  fcpRatio: 1.05,
  ttiRatio: 1.6,
  interactionP95Ms: 4,
  cls: 0,
  floorRatioGoal: 1.6,
};
const CPU_THROTTLE = 4;
const VIEWPORT = { width: 1000, height: 800 };
const OFFSCREEN_PX = 3000;
// How long to sample the CPU before the timed runs (see cpuBusy).
const CPU_SAMPLE_MS = 3000;

// ---------------------------------------------------------------- stats
// (summary, ratioInterval, formatInterval: bench/stats.mjs)
const r1 = (x, d = 1) => (x == null || Number.isNaN(x) ? null : Number(x.toFixed(d)));
const fmtMs = (x, d = 1) => (x == null ? 'n/a' : `${x.toFixed(d)} ms`);
const fmtKB = (b) => (b == null ? 'n/a' : `${(b / KB).toFixed(1)} KB`);
const fmtX = (x) => (x == null ? 'n/a' : `${x.toFixed(2)}×`);
// The budget lines' ratios: at 2 decimals a 1.053× would read as within a 1.05× limit.
const fmtX3 = (x) => (x == null ? 'n/a' : `${x.toFixed(3)}×`);
const fmtMB = (b) => (b == null ? 'n/a' : `${(b / (1024 * 1024)).toFixed(2)} MB`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.log('bench:', ...a);

/**
 * The share of CPU time all processes used over the next `ms`, from
 * /proc/stat (Linux), or null elsewhere. Unlike the load average, which lags
 * by minutes (and so still counts this script's own builds), it says whether
 * something else is running now.
 */
async function cpuBusy(ms) {
  const read = () => {
    try {
      const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      return { idle: f[3] + (f[4] || 0), total: f.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const a = read();
  if (!a) return null;
  await sleep(ms);
  const b = read();
  return b && b.total > a.total ? 1 - (b.idle - a.idle) / (b.total - a.total) : null;
}

/**
 * The warning, for the report and the console, that the timings ran on a busy
 * machine, or null. It goes by the CPU measured just before the timed runs;
 * only where that could not be read (not Linux) by the load average, which
 * lags and counts this script's own builds.
 */
function busyNote(rep) {
  const busy = rep.load.busyBefore;
  if (busy != null) {
    return busy > 0.2
      ? `other work was using the CPU when the timed runs began (${(busy * 100).toFixed(0)}%), so timings are noisier and slower than on a quiet machine`
      : null;
  }
  const [start, end] = [rep.load.start[0], rep.load.end[0]];
  return Math.max(start, end) > rep.machine.nproc / 2
    ? `the load average was ${start} → ${end} on ${rep.machine.nproc} CPUs (the CPU in use could not be read), so other work may have been running and timings may be noisy`
    : null;
}

// ---------------------------------------------------------------- sizes
function compressedSizes(buf) {
  const gzip = zlib.gzipSync(buf, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
  return { raw: buf.length, gzip, brotli };
}

async function sizeFiles(dir, names) {
  const files = [];
  for (const name of names) {
    const buf = await fs.readFile(path.join(dir, name));
    files.push({ file: name, ...compressedSizes(buf) });
  }
  const total = files.reduce(
    (t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { files, total };
}

/** The files one widget loads, by name pattern (cross-checked against the network later). */
async function widgetFilesByPattern() {
  const all = await fs.readdir(DIST);
  const pick = (re) => all.filter((f) => re.test(f));
  return [
    ...pick(/^embed(-[0-9a-f]+)?\.js$/),
    ...pick(/^backwise(-[0-9a-f]+)?\.js$/),
    ...pick(/^backwise(-[0-9a-f]+)?_bg\.wasm$/),
    ...pick(/^widget(-[0-9a-f]+)?\.css$/),
    ...pick(/\.json$/),
  ];
}

async function floorSizes(dir = OPT.floor) {
  if (!existsSync(dir)) throw new Error(`floor build not found at ${dir} (scripts/bench builds it)`);
  const all = await fs.readdir(dir);
  const names = all.filter((f) => /\.(js|wasm)$/.test(f));
  if (!names.some((f) => f.endsWith('.wasm'))) throw new Error(`no .wasm in ${dir}`);
  return sizeFiles(dir, names);
}

// ---------------------------------------------------------------- pages
function fallbackHtml() {
  if (OPT.fallback) return readFileSync(OPT.fallback, 'utf8');
  return execFileSync('cargo', ['run', '-q', '--bin', 'backwise', '--', 'fallback'], { cwd: ROOT, encoding: 'utf8' });
}

const WIDGET_RE = /<backwise-widget\b[^>]*>[\s\S]*?<\/backwise-widget>/;
const SCRIPT_RE = /<script\b[^>]*\bsrc=["']?[^"' >]*embed[^"' >]*\.js["']?[^>]*>\s*<\/script>/;
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (t) =>
  t.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e] ?? m,
  );
/** The visible text of some HTML, whitespace-collapsed, to compare two fallbacks. */
const normText = (html) => decode(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();

async function makePages() {
  const demo = await fs.readFile(path.join(DIST, 'index.html'), 'utf8');
  const m = demo.match(WIDGET_RE);
  if (!m) throw new Error('dist/index.html has no <backwise-widget>…</backwise-widget>');
  if (!SCRIPT_RE.test(demo)) throw new Error('dist/index.html has no embed.js <script> tag');
  const fallback = fallbackHtml();
  const inner = m[0].replace(/^<backwise-widget\b[^>]*>/, '').replace(/<\/backwise-widget>$/, '');
  const fallbackMatchesDemo = normText(inner) === normText(fallback);

  const withWidgets = (html, widgets) => html.replace(WIDGET_RE, () => widgets);
  const pages = {
    // The demo post with the same fallback and no script.
    'static.html': withWidgets(demo.replace(SCRIPT_RE, ''), `<backwise-widget>\n${fallback}</backwise-widget>`),
    // The same, with the embed tag pointing at a module that does nothing:
    // what the tag alone costs the first paint (not a budget; for reading one).
    'empty-module.html': withWidgets(
      demo.replace(SCRIPT_RE, '<script type="module" src="empty-module.js"></script>'),
      `<backwise-widget>\n${fallback}</backwise-widget>`,
    ),
    // Three instances on one page.
    'multi.html': withWidgets(
      demo,
      [1, 2, 3].map((i) => `<backwise-widget id="w${i}">\n${fallback}</backwise-widget>`).join('\n'),
    ),
    // One instance at the top and one whose top is 3000 px below the fold.
    'offscreen.html': withWidgets(
      demo,
      `<backwise-widget id="w1">\n${fallback}</backwise-widget>\n` +
        `<div id="far" style="position:absolute;left:0;right:0;top:calc(100vh + ${OFFSCREEN_PX}px)">` +
        `<backwise-widget id="w2" style="margin-block-start:0">\n${fallback}</backwise-widget></div>`,
    ),
  };
  await fs.mkdir(PAGES, { recursive: true });
  for (const [name, html] of Object.entries(pages)) await fs.writeFile(path.join(PAGES, name), html);
  await fs.writeFile(path.join(PAGES, 'empty-module.js'), '');
  return {
    bytes: { 'index.html': Buffer.byteLength(demo), ...Object.fromEntries(Object.entries(pages).map(([n, h]) => [n, Buffer.byteLength(h)])) },
    fallbackMatchesDemo,
    fallbackBytes: Buffer.byteLength(fallback),
  };
}

// ---------------------------------------------------------------- server
/** dist/ at /, with bench/pages/ overlaid at the same level (so relative URLs match). */
async function startServer() {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let rel;
    try {
      rel = path.posix.normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, '') || 'index.html';
    } catch {
      rel = null;
    }
    let file = null;
    if (rel && !rel.startsWith('..')) {
      for (const dir of [PAGES, DIST]) {
        const f = path.join(dir, rel);
        if (f.startsWith(dir + path.sep) && existsSync(f)) {
          file = f;
          break;
        }
      }
    }
    requests.push({ path: url.pathname, t: Date.now(), status: file ? 200 : 404 });
    const headers = { 'Cache-Control': 'no-store' };
    if (url.searchParams.has('isolated')) {
      // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
      headers['Cross-Origin-Opener-Policy'] = 'same-origin';
      headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
    }
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      res.end('404');
      return;
    }
    try {
      const body = await fs.readFile(file);
      headers['Content-Type'] = MIME_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500);
      res.end(String(e));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    reset: () => (requests.length = 0),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections?.();
        server.close(() => r());
      }),
  };
}

// ---------------------------------------------------------------- in-page recorder
// Runs before any page script: FCP, layout shifts, long tasks, ready events,
// and (on request) a count of WebAssembly compiles.
function recorder(countWasm) {
  const b = (window.__bench = { fcp: null, shifts: [], longtasks: [], ready: [], wasm: { compiles: 0, instantiations: 0 } });
  const observe = (type, fn) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch {
      /* unsupported */
    }
  };
  // Tell the benchmark through a binding rather than being polled: polling
  // (waitForFunction) makes Playwright evaluate its injected script, some
  // 10 ms of main-thread parsing, in the middle of the startup it measures.
  const signal = (what) => {
    try {
      window.__benchSignal?.(what);
    } catch {
      /* binding gone with the page */
    }
  };
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint') {
      b.fcp = e.startTime;
      signal('fcp');
    }
  });
  observe('layout-shift', (e) => {
    b.shifts.push({ t: e.startTime, value: e.value, input: e.hadRecentInput });
  });
  observe('longtask', (e) => b.longtasks.push({ t: e.startTime, d: e.duration }));
  document.addEventListener(
    'backwise-ready',
    (e) => {
      b.ready.push({ t: performance.now(), id: (e.target && e.target.id) || null });
      signal('ready');
    },
    true,
  );
  if (countWasm) {
    const W = WebAssembly;
    for (const name of ['compile', 'compileStreaming']) {
      const orig = W[name];
      if (orig) W[name] = function (...a) { b.wasm.compiles++; return orig.apply(this, a); };
    }
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const orig = W[name];
      if (orig)
        W[name] = function (...a) {
          // instantiate(Module) does not compile; instantiate(bytes) and instantiateStreaming do.
          if (!(a[0] instanceof W.Module)) b.wasm.compiles++;
          b.wasm.instantiations++;
          return orig.apply(this, a);
        };
    }
  }
}

async function newPage(browser, { throttle = 1, countWasm = false, keepMemory = false } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  // Signals from the recorder: how many of each arrived, and who waits.
  const seen = { fcp: 0, ready: 0 };
  const waiting = [];
  /** Resolves once `n` signals `what` have arrived (without touching the page). */
  const until = (what, n = 1, timeout = 30_000) =>
    new Promise((resolve, reject) => {
      const w = { check: () => seen[what] >= n && (clearTimeout(w.timer), resolve(), true) };
      if (w.check()) return;
      w.timer = setTimeout(() => reject(new Error(`bench: no ${what} #${n} within ${timeout} ms`)), timeout);
      waiting.push(w);
    });
  await context.addInitScript(recorder, countWasm);
  if (keepMemory) await context.addInitScript(keepWasmMemory);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.location()?.url || '')) errors.push(m.text());
  });
  const cdp = await context.newCDPSession(page);
  // A raw DevTools binding, not Playwright's exposeBinding: a call to that
  // one is answered by an evaluation in the page (its result delivery),
  // main-thread work right after the first paint, while the widget starts.
  // A raw binding only sends an event out; nothing comes back into the page.
  cdp.on('Runtime.bindingCalled', ({ name, payload }) => {
    if (name !== '__benchSignal') return;
    seen[payload] = (seen[payload] || 0) + 1;
    for (const w of waiting.splice(0)) if (!w.check()) waiting.push(w);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: '__benchSignal' });
  if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { context, page, cdp, errors, until };
}

/** Waits for `n` backwise-ready events on the page of `t` (see newPage). */
const waitReady = (t, n = 1, timeout = 30_000) => t.until('ready', n, timeout);

// ---------------------------------------------------------------- startup
const STARTUP_PAGES = { widget: 'index.html', static: 'static.html', empty: 'empty-module.html' };

async function startupRun(browser, srv, kind, throttle) {
  const t = await newPage(browser, { throttle });
  try {
    srv.reset();
    await t.page.goto(srv.url + STARTUP_PAGES[kind], { waitUntil: 'load' });
    // Nothing is evaluated in the page until ready (or FCP) plus the layout
    // shift window has passed: see `signal` in the recorder.
    await (kind === 'widget' ? waitReady(t) : t.until('fcp'));
    await sleep(1000);
    // Layout shifts are counted up to ready (or FCP/load for the static page) + 1 s.
    const { readyAt, until } = await t.page.evaluate(async () => {
      const b = window.__bench;
      const readyAt = b.ready[0]?.t ?? null;
      const until = (readyAt ?? Math.max(b.fcp, performance.getEntriesByType('navigation')[0]?.loadEventEnd || 0)) + 1000;
      while (performance.now() < until) await new Promise((r) => setTimeout(r, 20));
      return { readyAt, until };
    });
    const r = await t.page.evaluate(
      ({ readyAt, until }) => {
        const b = window.__bench;
        const nav = performance.getEntriesByType('navigation')[0];
        const res = performance.getEntriesByType('resource').map((e) => ({ name: new URL(e.name).pathname, end: e.responseEnd }));
        const upTo = readyAt ?? until - 1000;
        const lt = b.longtasks.filter((x) => x.t < upTo);
        return {
          fcp: b.fcp,
          ready: readyAt,
          cls: b.shifts.filter((s) => !s.input && s.t <= until).reduce((a, s) => a + s.value, 0),
          shifts: b.shifts.filter((s) => !s.input && s.t <= until).length,
          longTaskMs: lt.reduce((a, x) => a + x.d, 0),
          longTaskCount: lt.length,
          tbtMs: lt.reduce((a, x) => a + Math.max(0, x.d - 50), 0),
          dcl: nav?.domContentLoadedEventEnd ?? null,
          load: nav?.loadEventEnd ?? null,
          resources: res,
        };
      },
      { readyAt, until },
    );
    if (kind === 'empty' && srv.requests.find((q) => q.path === '/empty-module.js')?.status !== 200) {
      throw new Error('bench: the empty-module page did not load its module');
    }
    r.requests = srv.requests.map((q) => q.path);
    r.errors = t.errors.slice();
    return r;
  } finally {
    await t.context.close();
  }
}

async function startupSeries(browser, srv, runs, throttle) {
  const widget = [];
  const stat = [];
  const empty = [];
  // One discarded warm-up round (first navigations pay for browser-side start-up).
  for (const kind of ['widget', 'static', 'empty']) await startupRun(browser, srv, kind, throttle);
  for (let i = 0; i < runs; i++) {
    widget.push(await startupRun(browser, srv, 'widget', throttle));
    stat.push(await startupRun(browser, srv, 'static', throttle));
    empty.push(await startupRun(browser, srv, 'empty', throttle));
  }
  const emptyFcp = summary(empty.map((r) => r.fcp));
  const errs = widget.flatMap((r) => r.errors);
  const staticFcp = summary(stat.map((r) => r.fcp));
  const fcp = summary(widget.map((r) => r.fcp));
  const tti = summary(widget.map((r) => r.ready));
  const wasmEnd = summary(
    widget.map((r) => r.resources.find((x) => x.name.endsWith('.wasm'))?.end).filter((x) => x != null),
  );
  return {
    runs,
    throttle,
    widget: {
      fcp,
      tti,
      wasmResponseEnd: wasmEnd,
      longTaskMs: summary(widget.map((r) => r.longTaskMs)),
      longTaskCount: summary(widget.map((r) => r.longTaskCount)),
      tbtMs: summary(widget.map((r) => r.tbtMs)),
      cls: summary(widget.map((r) => r.cls)),
      layoutShiftEntries: summary(widget.map((r) => r.shifts)),
    },
    static: {
      fcp: staticFcp,
      cls: summary(stat.map((r) => r.cls)),
      longTaskMs: summary(stat.map((r) => r.longTaskMs)),
    },
    emptyModule: { fcp: emptyFcp },
    // What the embed tag alone costs (an empty module against the static
    // page), and what the widget costs beyond it.
    tagFcpRatio: emptyFcp.median / staticFcp.median,
    tagFcpRatioCI: ratioInterval(empty.map((r) => r.fcp), stat.map((r) => r.fcp)),
    widgetOverTagFcpRatio: fcp.median / emptyFcp.median,
    widgetOverTagFcpRatioCI: ratioInterval(widget.map((r) => r.fcp), empty.map((r) => r.fcp)),
    fcpRatio: fcp.median / staticFcp.median,
    fcpRatioCI: ratioInterval(widget.map((r) => r.fcp), stat.map((r) => r.fcp)),
    fcpRatioP95: fcp.p95 / staticFcp.p95,
    ttiRatio: tti.median / staticFcp.median,
    ttiRatioCI: ratioInterval(widget.map((r) => r.ready), stat.map((r) => r.fcp)),
    ttiRatioP95: tti.p95 / staticFcp.p95,
    observedRequests: widget[0]?.requests ?? [],
    pageErrors: [...new Set(errs)].slice(0, 10),
    raw: {
      widget: widget.map(({ resources, requests, errors, ...r }) => r),
      static: stat.map(({ resources, requests, errors, ...r }) => r),
      emptyModule: empty.map(({ resources, requests, errors, ...r }) => r),
    },
  };
}

// ---------------------------------------------------------------- interactions (in page)
function installHelpers() {
  const host = () => document.querySelector('backwise-widget');
  const sr = () => host().shadowRoot;
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const macro = () => new Promise((r) => setTimeout(r, 0));
  const buttons = () => [...sr().querySelectorAll('button')];
  const label = (b) => b.getAttribute('aria-label') || '';
  const disabled = (b) => b.disabled || b.getAttribute('aria-disabled') === 'true';

  /** Run `act` and resolve with the ms from just before it to the first DOM mutation after which `changed()` holds. */
  function timed(act, changed, timeoutMs = 3000) {
    return new Promise((resolve, reject) => {
      let t0 = 0;
      const mo = new MutationObserver(() => {
        const t1 = performance.now();
        if (changed && !changed()) return;
        mo.disconnect();
        clearTimeout(timer);
        resolve(t1 - t0);
      });
      const timer = setTimeout(() => {
        mo.disconnect();
        reject(new Error(`no DOM update within ${timeoutMs} ms`));
      }, timeoutMs);
      mo.observe(sr(), { subtree: true, childList: true, attributes: true, characterData: true });
      t0 = performance.now();
      act();
    });
  }

  async function selectTab(re) {
    const tab = [...sr().querySelectorAll('[role=tab]')].find((t) => re.test(t.textContent));
    if (!tab) throw new Error(`no tab matching ${re}`);
    if (tab.getAttribute('aria-selected') === 'true') return;
    await timed(() => tab.click(), () => !tab.isConnected || tab.getAttribute('aria-selected') === 'true');
    await frame();
  }

  let forward = true;
  let deckCount = 0;
  /** One deck step: ArrowRight/ArrowLeft on the deck region, or a click on Next/Previous (alternating). */
  async function deckStep() {
    const bs = buttons();
    const next = bs.find((b) => /\bNext\b/.test(b.textContent));
    const prev = bs.find((b) => /\bPrevious\b/.test(b.textContent));
    if (!next || !prev) throw new Error('no Next/Previous buttons (is the Tips tab open?)');
    if (forward && disabled(next)) forward = false;
    if (!forward && disabled(prev)) forward = true;
    const region = next.closest('[tabindex="0"]') || next.closest('section') || next.parentElement;
    const before = region.textContent;
    const useKey = deckCount++ % 2 === 0;
    const dir = forward;
    const act = useKey
      ? () =>
          region.dispatchEvent(
            new KeyboardEvent('keydown', { key: dir ? 'ArrowRight' : 'ArrowLeft', bubbles: true, cancelable: true, composed: true }),
          )
      : () => (dir ? next : prev).click();
    return timed(act, () => !region.isConnected || region.textContent !== before);
  }

  let putCount = 0;
  /** One quiz placement: return a placed item if there is one, else put the next item in the next bin. */
  async function quizStep() {
    const bs = buttons();
    const back = bs.filter((b) => /^Return .+ to the items to sort$/.test(label(b)));
    let btn;
    if (back.length) btn = back[0];
    else {
      const put = bs.filter((b) => /^Put .+ in (Safe alternative|Avoid)$/.test(label(b)));
      if (!put.length) throw new Error('no "Put … in …" buttons (is the Quiz tab open?)');
      btn = put[putCount++ % put.length];
    }
    const was = label(btn);
    return timed(() => btn.click(), () => !btn.isConnected || label(btn) !== was);
  }

  /** `n` timed inputs; between them one frame (`gap` true), a macrotask (false), or `gap` ms. */
  async function series(kind, n, gap) {
    const times = [];
    for (let i = 0; i < n; i++) {
      times.push(await (kind === 'deck' ? deckStep() : quizStep()));
      await (gap === true ? frame() : gap ? new Promise((r) => setTimeout(r, gap)) : macro());
    }
    return times;
  }

  async function waitFor(pred, timeoutMs) {
    const t0 = performance.now();
    while (!pred()) {
      if (performance.now() - t0 > timeoutMs) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Remove the element and put it back; resolve with ms from re-insertion to backwise-ready. */
  async function remount() {
    const el = host();
    const parent = el.parentNode;
    const next = el.nextSibling;
    const n = window.__bench.ready.length;
    el.remove();
    await macro();
    if (el.shadowRoot.querySelector('.root, [class]') && el.shadowRoot.querySelector('slot') == null) {
      throw new Error('the widget left its content in the shadow root after unmount');
    }
    const t0 = performance.now();
    parent.insertBefore(el, next);
    await waitFor(() => window.__bench.ready.length > n, 10_000);
    const t = window.__bench.ready[window.__bench.ready.length - 1].t - t0;
    await frame();
    return t;
  }

  /**
   * Sorts every item left (one frame apart, untimed), then times Check answers
   * and, on the results, Try again; `n` rounds, 50 ms idle before each timed click.
   */
  async function checkRounds(n) {
    const button = (test) => buttons().find(test);
    const out = { check: [], again: [] };
    for (let round = 0; round < n; round++) {
      // Only the pool's buttons: a placed item's "Put … in <other bin>" would move it back and forth.
      const fromPool = () => [...sr().querySelectorAll('.pool button')].find((b) => /^Put .+ in (Safe alternative|Avoid)$/.test(label(b)));
      for (let put; (put = fromPool()); ) {
        put.click();
        await frame();
      }
      const check = button((b) => b.textContent.trim() === 'Check answers');
      if (!check) throw new Error('no Check answers button');
      await new Promise((r) => setTimeout(r, 50));
      out.check.push(await timed(() => check.click(), () => !check.isConnected));
      await frame();
      const again = button((b) => /^Try again$/.test(b.textContent.trim()));
      if (!again) throw new Error('no Try again button on the results');
      await new Promise((r) => setTimeout(r, 50));
      out.again.push(await timed(() => again.click(), () => !again.isConnected));
      await frame();
    }
    return out;
  }

  window.__bw = { selectTab, series, checkRounds, remount, frame };
}

async function memorySnapshot(t) {
  await t.cdp.send('HeapProfiler.collectGarbage');
  await t.cdp.send('HeapProfiler.collectGarbage');
  const heap = await t.cdp.send('Runtime.getHeapUsage');
  const dom = await t.cdp.send('Memory.getDOMCounters').catch(() => null);
  // The page's one wasm instance (embed.js has the glue in it: there is no
  // glue module to import and ask).
  const wasmBytes = await t.page.evaluate(() => window.__wasmMemories[0].buffer.byteLength);
  return {
    jsHeapUsed: heap.usedSize,
    jsHeapTotal: heap.totalSize,
    wasmMemory: wasmBytes,
    domNodes: dom?.nodes ?? null,
    jsEventListeners: dom?.jsEventListeners ?? null,
  };
}

async function interactionAndMemory(browser, srv) {
  const t = await newPage(browser, { keepMemory: true });
  try {
    await t.page.goto(srv.url + 'index.html?isolated');
    await waitReady(t);
    const isolated = await t.page.evaluate(() => window.crossOriginIsolated);
    await t.page.evaluate(installHelpers);
    await t.page.evaluate(() => window.__bw.frame());
    const afterLoad = await memorySnapshot(t);

    // Measured: deck steps and quiz placements, one frame apart.
    await t.page.evaluate(() => window.__bw.selectTab(/Tips/));
    const deck = await t.page.evaluate((n) => window.__bw.series('deck', n, true), OPT.steps);
    await t.page.evaluate(() => window.__bw.selectTab(/Quiz/));
    const quiz = await t.page.evaluate((n) => window.__bw.series('quiz', n, true), OPT.steps);
    // For information, not the budget: the same inputs with the main thread
    // idle between them, as between a reader's clicks. On a small VM the
    // first work after an idle gap runs slower (bench/SAVINGS.md, tenth round).
    const paced = async (kind) => t.page.evaluate(([k, n, gap]) => window.__bw.series(k, n, gap), [kind, OPT.pacedSteps, OPT.pacedGapMs]);
    const quizPaced = await paced('quiz');
    await t.page.evaluate(() => window.__bw.selectTab(/Tips/));
    const deckPaced = await paced('deck');
    await t.page.evaluate(() => window.__bw.selectTab(/Quiz/));
    const heavy = await t.page.evaluate((n) => window.__bw.checkRounds(n), OPT.checkRounds);

    // Load for the leak check: reach OPT.memoryInteractions interactions, then mount/unmount cycles.
    const snapshots = [{ label: 'after load', ...afterLoad }];
    const round = async (r, total) => {
      const half = Math.floor(total / 2);
      await t.page.evaluate(() => window.__bw.selectTab(/Tips/));
      await t.page.evaluate((n) => window.__bw.series('deck', n, false), half);
      await t.page.evaluate(() => window.__bw.selectTab(/Quiz/));
      await t.page.evaluate((n) => window.__bw.series('quiz', n, false), total - half);
      snapshots.push({ label: `round ${r}: after ${OPT.memoryInteractions} interactions`, ...(await memorySnapshot(t)) });
      const mounts = [];
      for (let i = 0; i < OPT.mountCycles; i++) mounts.push(await t.page.evaluate(() => window.__bw.remount()));
      snapshots.push({ label: `round ${r}: after ${OPT.mountCycles} mount/unmount cycles`, ...(await memorySnapshot(t)) });
      return mounts;
    };
    const mounts1 = await round(1, OPT.memoryInteractions - 2 * OPT.steps - 2 * OPT.pacedSteps);
    const mounts2 = await round(2, OPT.memoryInteractions);
    const [, r1i, r1m, r2i, r2m] = snapshots;
    if (t.errors.length) throw new Error(`page errors during interactions: ${t.errors.slice(0, 3).join(' | ')}`);
    return {
      timerResolution: isolated ? '5 µs (cross-origin isolated)' : '100 µs',
      deck: { ...summary(deck), samples: deck.map((x) => r1(x, 3)) },
      quiz: { ...summary(quiz), samples: quiz.map((x) => r1(x, 3)) },
      all: summary([...deck, ...quiz]),
      paced: { gapMs: OPT.pacedGapMs, deck: summary(deckPaced), quiz: summary(quizPaced) },
      check: summary(heavy.check),
      tryAgain: summary(heavy.again),
      remountMs: summary([...mounts1, ...mounts2]),
      memory: {
        snapshots,
        round: `${OPT.memoryInteractions} interactions (round 1 includes the ${2 * OPT.steps + 2 * OPT.pacedSteps} timed steps and placements, and ${OPT.checkRounds} rounds of sorting the whole board, Check answers and Try again), then ${OPT.mountCycles} mount/unmount cycles`,
        // Round 2 against the same point of round 1, so that both compare the
        // same view (interactions end on the quiz tab, which has more nodes
        // than a freshly mounted tips view): what a leak adds every round.
        interactionsRound2: diffMem(r2i, r1i),
        mountCyclesRound2: diffMem(r2m, r1m),
        round2: diffMem(r2m, r1m),
        interactionsRound1: diffMem(r1i, afterLoad),
        mountCyclesRound1: diffMem(r1m, r1i),
      },
    };
  } finally {
    await t.context.close();
  }
}

function diffMem(a, b) {
  const o = {};
  for (const k of Object.keys(a)) if (k !== 'label') o[k] = a[k] != null && b[k] != null ? a[k] - b[k] : null;
  return o;
}

/** Judge round 2 (after warm-up): a leak grows with every interaction or every mount cycle. */
function leakCheck(mem) {
  const findings = [];
  const i = mem.interactionsRound2;
  const m = mem.mountCyclesRound2;
  const n = OPT.mountCycles;
  if (i.jsHeapUsed > 512 * 1024) findings.push(`JS heap +${fmtMB(i.jsHeapUsed)} over ${OPT.memoryInteractions} interactions`);
  if (m.jsHeapUsed > 512 * 1024) findings.push(`JS heap +${fmtMB(m.jsHeapUsed)} over ${n} mount cycles`);
  if (i.wasmMemory > 64 * 1024) findings.push(`wasm memory +${fmtMB(i.wasmMemory)} over ${OPT.memoryInteractions} interactions`);
  if (m.wasmMemory > 64 * 1024) findings.push(`wasm memory +${fmtMB(m.wasmMemory)} over ${n} mount cycles`);
  for (const [k, what] of [['domNodes', 'DOM nodes'], ['jsEventListeners', 'event listeners']]) {
    if (i[k] != null && i[k] > 20) findings.push(`${what} +${i[k]} over ${OPT.memoryInteractions} interactions`);
    if (m[k] != null && m[k] >= n) findings.push(`${what} +${m[k]} over ${n} mount cycles (${(m[k] / n).toFixed(1)} per cycle)`);
  }
  return {
    ok: findings.length === 0,
    verdict: findings.length
      ? `growth in round 2 that looks like a leak: ${findings.join('; ')}.`
      : 'no growth in round 2 that looks like a leak (JS heap and wasm memory flat within GC/page noise, DOM nodes and listeners stable).',
  };
}

// ---------------------------------------------------------------- lazy start
const WIDGET_FILE_RE = /\.(wasm|js|css|json)$/;

async function multiInstance(browser, srv) {
  const t = await newPage(browser, { countWasm: true });
  try {
    srv.reset();
    await t.page.goto(srv.url + 'multi.html');
    await waitReady(t, 1);
    // Bring every instance near the viewport so that all three mount.
    for (const id of ['w1', 'w2', 'w3']) {
      await t.page.evaluate((i) => document.getElementById(i).scrollIntoView(), id);
      await t.page.waitForFunction((i) => window.__bench.ready.some((r) => r.id === i), id, { timeout: 15_000 });
    }
    await sleep(300);
    const b = await t.page.evaluate(() => ({ ready: window.__bench.ready, wasm: window.__bench.wasm }));
    const counts = {};
    for (const q of srv.requests) counts[q.path] = (counts[q.path] || 0) + 1;
    const widgetRequests = Object.fromEntries(Object.entries(counts).filter(([p]) => WIDGET_FILE_RE.test(p) && !/demo/.test(p)));
    return {
      instances: 3,
      mounted: new Set(b.ready.map((r) => r.id)).size,
      requestsTotal: srv.requests.length,
      requestsByPath: counts,
      widgetRequests,
      wasmFetches: Object.entries(counts).filter(([p]) => p.endsWith('.wasm')).reduce((a, [, n]) => a + n, 0),
      wasmCompiles: b.wasm.compiles,
      wasmInstantiations: b.wasm.instantiations,
      errors: t.errors,
    };
  } finally {
    await t.context.close();
  }
}

/** Time to ready of the plain demo page, to interleave with the off-screen runs. */
async function singleTti(browser, srv) {
  const t = await newPage(browser);
  try {
    await t.page.goto(srv.url + 'index.html');
    await waitReady(t);
    return await t.page.evaluate(() => window.__bench.ready[0].t);
  } finally {
    await t.context.close();
  }
}

async function offscreenRun(browser, srv) {
  const t = await newPage(browser);
  try {
    await t.page.goto(srv.url + 'offscreen.html');
    await waitReady(t, 1);
    const state = () =>
      t.page.evaluate(() => {
        const w2 = document.getElementById('w2');
        const r = w2.getBoundingClientRect();
        return {
          firstReady: window.__bench.ready[0],
          w2Ready: window.__bench.ready.some((x) => x.id === 'w2'),
          // Mounted = the shadow root no longer just shows the light-DOM fallback through a <slot>.
          w2Mounted: !(w2.shadowRoot && w2.shadowRoot.childElementCount === 1 && w2.shadowRoot.firstElementChild.localName === 'slot'),
          w2BelowFold: r.top - window.innerHeight,
        };
      });
    const atFirst = await state();
    await sleep(1000);
    const after1s = await state();
    // 700 px below the fold: outside the ~500 px margin, still expected not to mount.
    const scrollTo = (below) =>
      t.page.evaluate((px) => {
        const w2 = document.getElementById('w2');
        window.scrollBy(0, w2.getBoundingClientRect().top - window.innerHeight - px);
      }, below);
    await scrollTo(700);
    await sleep(500);
    const at700 = await state();
    const s0 = await t.page.evaluate(() => performance.now());
    await scrollTo(400);
    await t.page.waitForFunction(() => window.__bench.ready.some((x) => x.id === 'w2'), null, { timeout: 15_000 });
    const w2ReadyT = await t.page.evaluate(() => window.__bench.ready.find((x) => x.id === 'w2').t);
    return {
      firstInteractiveMs: atFirst.firstReady.t,
      firstId: atFirst.firstReady.id,
      secondBelowFoldPx: atFirst.w2BelowFold,
      secondMountedAtFirstReady: atFirst.w2Mounted || atFirst.w2Ready,
      secondMountedAfter1s: after1s.w2Mounted || after1s.w2Ready,
      secondMountedAt700pxBelow: at700.w2Mounted || at700.w2Ready,
      secondReadyAfterScrollTo400pxMs: w2ReadyT - s0,
      errors: t.errors,
    };
  } finally {
    await t.context.close();
  }
}

// ---------------------------------------------------------------- machine
function sh(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}
function cpuString(cpuinfo) {
  const f = (k) => (cpuinfo.match(new RegExp(`^${k}\\s*:\\s*(.+)$`, 'm')) || [])[1];
  const model = f('model name') || os.cpus()[0]?.model || 'unknown';
  const extra = [f('cpu family') && `family ${f('cpu family')}`, f('model') && `model ${f('model')}`, f('cpu MHz') && `${Math.round(Number(f('cpu MHz')))} MHz`];
  const hv = /\bhypervisor\b/.test(f('flags') || '') ? 'virtual machine' : null;
  return `${model} (${[...extra, hv].filter(Boolean).join(', ')})`;
}

function machine(browserVersion) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const meminfo = existsSync('/proc/meminfo') ? readFileSync('/proc/meminfo', 'utf8') : '';
  const memKB = Number((meminfo.match(/^MemTotal:\s+(\d+)/m) || [])[1] || 0);
  const chromium = sh('/usr/bin/chromium', ['--version']);
  const commit = sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']);
  // The benchmark's own output (a previous run's report) does not count.
  const dirty = sh('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no', '--', '.',
    ':!bench/REPORT.md', ':!bench/report.json']);
  return {
    date: new Date().toISOString(),
    nproc: Number(sh('nproc', [])) || os.cpus().length,
    cpu: cpuString(cpuinfo),
    memory: memKB ? `${(memKB / 1024 / 1024).toFixed(1)} GiB` : `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()}`,
    chromium: chromium || `Chromium ${browserVersion}`,
    chromiumBrowserVersion: browserVersion,
    node: process.version,
    rustc: sh('rustc', ['--version']),
    trunk: sh('trunk', ['--version']),
    wasmOpt: sh('wasm-opt', ['--version']),
    commit: commit ? `${commit}${dirty ? ' (+ uncommitted changes)' : ''}` : null,
  };
}

// ---------------------------------------------------------------- report
function budgetLines(rep) {
  const lines = [];
  const add = (name, figure, limit, pass, extra = '') =>
    lines.push({ name, figure, limit, status: pass == null ? 'N/A' : pass ? 'PASS' : 'FAIL', extra });
  const s = rep.sizes?.widget?.total;
  add('Size, brotli (all files one widget loads)', s ? fmtKB(s.brotli) : 'n/a', `≤ ${BUDGET.brotliKB} KB`, s ? s.brotli <= BUDGET.brotliKB * KB : null);
  add('Size, gzip -9 (all files one widget loads)', s ? fmtKB(s.gzip) : 'n/a', `≤ ${BUDGET.gzipKB} KB`, s ? s.gzip <= BUDGET.gzipKB * KB : null);
  const st = rep.startup;
  add(
    'FCP with fallback / static FCP (median)',
    st ? `${fmtX3(st.fcpRatio)} (${fmtMs(st.widget.fcp.median)} vs ${fmtMs(st.static.fcp.median)}; 95% CI ${formatInterval(st.fcpRatioCI)})` : 'n/a',
    `≤ ${BUDGET.fcpRatio}×`,
    st ? st.fcpRatio <= BUDGET.fcpRatio : null,
  );
  add(
    'Time to interactive / static FCP (median)',
    st ? `${fmtX3(st.ttiRatio)} (${fmtMs(st.widget.tti.median)} vs ${fmtMs(st.static.fcp.median)}; 95% CI ${formatInterval(st.ttiRatioCI)})` : 'n/a',
    `≤ ${BUDGET.ttiRatio}×`,
    st ? st.ttiRatio <= BUDGET.ttiRatio : null,
  );
  const it = rep.interaction;
  add('Deck step → DOM updated, p95', it ? `${fmtMs(it.deck.p95, 2)} (p50 ${fmtMs(it.deck.median, 2)}, max ${fmtMs(it.deck.max, 2)})` : 'n/a', `≤ ${BUDGET.interactionP95Ms} ms`, it ? it.deck.p95 <= BUDGET.interactionP95Ms : null);
  add('Quiz placement → DOM updated, p95', it ? `${fmtMs(it.quiz.p95, 2)} (p50 ${fmtMs(it.quiz.median, 2)}, max ${fmtMs(it.quiz.max, 2)})` : 'n/a', `≤ ${BUDGET.interactionP95Ms} ms`, it ? it.quiz.p95 <= BUDGET.interactionP95Ms : null);
  add('CLS over the upgrade (worst run)', st ? `${st.widget.cls.max.toFixed(4)} (median ${st.widget.cls.median.toFixed(4)})` : 'n/a', '= 0', st ? st.widget.cls.max <= BUDGET.cls : null);
  const fr = rep.sizes?.floorRatio;
  add('Goal: brotli total / Yew floor', fr ? `${fmtX(fr)} (${fmtKB(s.brotli)} vs ${fmtKB(rep.sizes.floor.total.brotli)})` : 'n/a', `≤ ${BUDGET.floorRatioGoal}× (aim)`, fr ? fr <= BUDGET.floorRatioGoal : null);
  return lines;
}

function markdown(rep, lines) {
  const m = rep.machine;
  const st = rep.startup;
  const th = rep.throttled;
  const it = rep.interaction;
  const out = [];
  out.push('# Backwise benchmark report', '');
  out.push(`Generated by \`scripts/bench\` (bench/run.mjs) on ${m.date}. Raw figures: [report.json](report.json).`, '');
  out.push('## Budgets', '', '| Budget | Figure | Limit | Result |', '|---|---|---|---|');
  for (const l of lines) out.push(`| ${l.name} | ${l.figure} | ${l.limit} | **${l.status}** |`);
  out.push('', '1 KB = 1024 bytes. Ratios use medians of alternating runs in the same session; "95% CI" is a bootstrap interval of that ratio over the same runs (how far run-to-run noise alone could move it). The "Goal" line is the issue\'s aim, not a PRODUCT.md budget.', '');
  if (rep.startup?.emptyModule) {
    const st = rep.startup;
    out.push(`For reading the FCP line: a page with the same embed tag and a module that does nothing painted at ${st.tagFcpRatio.toFixed(3)}× the static page's FCP in the same runs, and the widget page at ${st.widgetOverTagFcpRatio.toFixed(3)}× that page's (Startup, below).`, '');
  }

  out.push('## Machine', '', '| | |', '|---|---|');
  out.push(`| CPUs (\`nproc\`) | ${m.nproc} |`, `| CPU | ${m.cpu} |`, `| Memory | ${m.memory} |`, `| OS | ${m.os} |`);
  out.push(`| Browser | ${m.chromium} (headless, playwright-core) |`, `| Node | ${m.node} |`, `| Rust | ${m.rustc} |`);
  out.push(`| Trunk / wasm-opt | ${m.trunk} / ${m.wasmOpt} |`, `| Commit | ${m.commit} |`, `| Date | ${m.date} |`);
  if (rep.dist) out.push(`| Build measured | ${rep.dist.source}/ of ${rep.dist.builtAt} (copied to ${rep.dist.snapshot}/ for the run) |`);
  const busy = rep.load.busyBefore;
  if (busy != null) out.push(`| CPU in use just before the timed runs | ${(busy * 100).toFixed(0)}% of ${m.nproc} CPUs, over ${CPU_SAMPLE_MS / 1000} s |`);
  out.push(`| Load average (1/5/15 min) | at start ${rep.load.start.join(' / ')}; at end ${rep.load.end.join(' / ')} (these lag by minutes, and include this script's own builds and runs) |`, '');
  const note = busyNote(rep);
  if (note) out.push(`**Note:** ${note}. Sizes are unaffected.`, '');
  if (rep.pages) out.push(`Pages: dist/index.html ${rep.pages.bytes['index.html']} B; static.html ${rep.pages.bytes['static.html']} B; the static fallback ${rep.pages.fallbackMatchesDemo ? 'has the same text as' : '**differs in text from**'} the demo's fallback.`, '');

  if (rep.sizes) {
    const sz = rep.sizes;
    out.push('## Sizes', '', 'Every file one widget loads (the loader, with the wasm-bindgen glue and the widget CSS written into it by the release build; the wasm, with the built-in deck):', '');
    out.push('| File | Raw | gzip -9 | brotli (q11) |', '|---|---:|---:|---:|');
    for (const f of sz.widget.files) out.push(`| ${f.file} | ${fmtKB(f.raw)} | ${fmtKB(f.gzip)} | ${fmtKB(f.brotli)} |`);
    out.push(`| **Total** | **${fmtKB(sz.widget.total.raw)}** | **${fmtKB(sz.widget.total.gzip)}** | **${fmtKB(sz.widget.total.brotli)}** |`, '');
    if (sz.floor) {
      out.push('Floor: a Yew 0.23 "hello" app (bench/floor/) with the same release profile, Trunk and wasm-opt passes (`scripts/optimize-wasm.mjs`); its JS glue is not minified, nor are its import names shortened:', '');
      out.push('| File | Raw | gzip -9 | brotli (q11) |', '|---|---:|---:|---:|');
      for (const f of sz.floor.files) out.push(`| ${f.file} | ${fmtKB(f.raw)} | ${fmtKB(f.gzip)} | ${fmtKB(f.brotli)} |`);
      out.push(`| **Total** | **${fmtKB(sz.floor.total.raw)}** | **${fmtKB(sz.floor.total.gzip)}** | **${fmtKB(sz.floor.total.brotli)}** |`, '');
      out.push(`Widget / floor, brotli: **${fmtX(sz.floorRatio)}**.`, '');
    }
    if (sz.featuresFloor) {
      const ff = sz.featuresFloor.total;
      out.push(
        'Features floor (not a budget; for reading the gap): a Yew app with no logic of its own that uses the framework features the widget uses — `use_reducer`, `use_state`, `use_effect_with`, a node ref, a keyed list of function components, click, key and pointer listeners (bench/floor-features/), built like the floor above:',
        '',
        '| File | Raw | gzip -9 | brotli (q11) |', '|---|---:|---:|---:|',
      );
      for (const f of sz.featuresFloor.files) out.push(`| ${f.file} | ${fmtKB(f.raw)} | ${fmtKB(f.gzip)} | ${fmtKB(f.brotli)} |`);
      out.push(`| **Total** | **${fmtKB(ff.raw)}** | **${fmtKB(ff.gzip)}** | **${fmtKB(ff.brotli)}** |`, '');
      out.push(`The widget's own code (its deck, views, hooks, validation, quiz engine, loader and CSS) is what lies above this: ${fmtKB(sz.widget.total.brotli - ff.brotli)} brotli and ${fmtKB(sz.widget.total.gzip - ff.gzip)} gzip. Within the 90 KB brotli budget it may take ${fmtKB(Math.max(0, 90 * 1024 - ff.brotli))}.`, '');
    }
    if (sz.observedMatchesPattern === false) out.push(`Note: files seen on the network: ${sz.observed.join(', ')}.`, '');
  }

  const startupTable = (s, title) => {
    out.push(`## ${title}`, '');
    out.push(`${s.runs} runs each, in turn: the widget page (dist/index.html), the static page (bench/pages/static.html: the same post and fallback, no script) and, where the report has it, the empty-module page (bench/pages/empty-module.html: the static page with the embed tag pointing at a module that does nothing); fresh browser context per run, no cache. Times from navigation start.`, '');
    out.push('| Metric | Median | p95 | Min | Max |', '|---|---:|---:|---:|---:|');
    const row = (n, x, f = fmtMs) => out.push(`| ${n} | ${f(x.median)} | ${f(x.p95)} | ${f(x.min)} | ${f(x.max)} |`);
    row('Static page FCP', s.static.fcp);
    if (s.emptyModule) row('Empty-module page FCP', s.emptyModule.fcp);
    row('Widget page FCP (fallback)', s.widget.fcp);
    row('Widget wasm response end', s.widget.wasmResponseEnd);
    row('Time to interactive (`backwise-ready`)', s.widget.tti);
    row('Long tasks (> 50 ms) up to ready, sum', s.widget.longTaskMs);
    row('Total blocking time up to ready', s.widget.tbtMs);
    row('CLS up to ready + 1 s', s.widget.cls, (x) => (x == null ? 'n/a' : x.toFixed(4)));
    out.push('', `FCP ratio ${s.fcpRatio.toFixed(3)}× (p95/p95 ${fmtX(s.fcpRatioP95)}); TTI / static FCP ${fmtX(s.ttiRatio)} (p95/p95 ${fmtX(s.ttiRatioP95)}).`, '');
    if (s.emptyModule) {
      out.push(`The embed tag alone (the empty module) painted at ${s.tagFcpRatio.toFixed(3)}× the static page's FCP (95% CI ${formatInterval(s.tagFcpRatioCI)}); the widget page at ${s.widgetOverTagFcpRatio.toFixed(3)}× the empty-module page's (95% CI ${formatInterval(s.widgetOverTagFcpRatioCI)}). The first is what any script in the contract's tag costs on this machine; the second is the widget's own share.`, '');
    }
    // Chromium reports the paint times of a page that is not cross-origin
    // isolated in coarse steps; say so when it did, because then the FCP
    // ratio can only move by whole steps. (Why the pages are not isolated
    // anyway: bench/SAVINGS.md, seventh round.)
    const fcps = [...(s.raw?.widget ?? []), ...(s.raw?.static ?? []), ...(s.raw?.emptyModule ?? [])].map((r) => r.fcp).filter((v) => v != null);
    const step = [8, 4, 2].find((q) => fcps.length && fcps.every((v) => Math.abs(v / q - Math.round(v / q)) < 1e-6));
    if (step) {
      out.push(`Every FCP in this run is a multiple of ${step} ms, so at about ${fmtMs(s.static.fcp.median)} one step is ${((step / s.static.fcp.median) * 100).toFixed(1)}% of the static FCP: the FCP ratio can only move in steps that size. (Chromium coarsens the paint times of pages that are not cross-origin isolated; finer readings gave the same ratio: see the seventh round under Speed.)`, '');
    }
    if (s.pageErrors.length) out.push(`Page errors: ${s.pageErrors.join('; ')}`, '');
  };
  if (st) startupTable(st, 'Startup');
  if (th) startupTable(th, `Startup with ${CPU_THROTTLE}× CPU throttling (CDP Emulation.setCPUThrottlingRate)`);

  if (it) {
    out.push('## Interaction latency', '');
    out.push(`Timed in the page from just before the input (a keydown on the deck region or \`element.click()\`) to the MutationObserver callback on the shadow root that shows the change; one frame between inputs. Deck steps alternate ArrowRight/ArrowLeft keydowns and Next/Previous clicks; quiz placements alternate "Put … in …" and "Return … to the items to sort".`, '');
    out.push('| Action | n | p50 | p95 | max |', '|---|---:|---:|---:|---:|');
    for (const [n, x] of [['Deck step', it.deck], ['Quiz placement', it.quiz], ['Both', it.all]])
      out.push(`| ${n} | ${x.n} | ${fmtMs(x.median, 2)} | ${fmtMs(x.p95, 2)} | ${fmtMs(x.max, 2)} |`);
    if (it.paced) {
      const g = it.paced.gapMs;
      for (const [n, x] of [['Deck step', it.paced.deck], ['Quiz placement', it.paced.quiz]])
        out.push(`| ${n}, ${g} ms apart (information) | ${x.n} | ${fmtMs(x.median, 2)} | ${fmtMs(x.p95, 2)} | ${fmtMs(x.max, 2)} |`);
      for (const [n, x] of [['Check answers (whole board → results)', it.check], ['Try again (results → fresh board)', it.tryAgain]])
        if (x) out.push(`| ${n}, ${g} ms apart (information) | ${x.n} | ${fmtMs(x.median, 2)} | ${fmtMs(x.p95, 2)} | ${fmtMs(x.max, 2)} |`);
      out.push('', `The budget is read on the deck and quiz rows above them: one frame between inputs, the same series as in every earlier report. The rows "${g} ms apart" time the same inputs with the main thread idle between them, as between a reader's clicks; on a small VM the first work after an idle gap runs slower (bench/SAVINGS.md, tenth round), so they show what a reader's pause costs, for information. Check answers and Try again replace the whole board or the whole results view (about 17 rows or outcomes): each round sorts every item first, untimed.`);
    }
    out.push('', `Timer resolution: ${it.timerResolution}. Re-mount after re-inserting the element (warm, wasm already compiled): p50 ${fmtMs(it.remountMs.median)}, p95 ${fmtMs(it.remountMs.p95)}.`, '');
    const mm = it.memory;
    out.push('## Memory', '', `Two rounds, each: ${mm.round}. Every figure is taken after two forced GCs (CDP HeapProfiler.collectGarbage); JS heap from Runtime.getHeapUsage, wasm linear memory as the instance's \`memory.buffer.byteLength\` (kept by an init script that wraps \`WebAssembly.instantiate\`), DOM nodes and listeners from Memory.getDOMCounters (whole page).`, '');
    out.push('| When | JS heap used | Wasm linear memory | DOM nodes | JS event listeners |', '|---|---:|---:|---:|---:|');
    const num = (x) => (x == null ? 'n/a' : String(x));
    for (const sn of mm.snapshots) out.push(`| ${sn.label} | ${fmtMB(sn.jsHeapUsed)} | ${fmtMB(sn.wasmMemory)} | ${num(sn.domNodes)} | ${num(sn.jsEventListeners)} |`);
    const sg = (x, f) => (x == null ? 'n/a' : (x > 0 ? '+' : '') + f(x));
    for (const [n, d] of [['Round 2 vs round 1, after interactions', mm.interactionsRound2], ['Round 2 vs round 1, after mount cycles', mm.mountCyclesRound2]])
      out.push(`| *${n}, growth* | ${sg(d.jsHeapUsed, fmtMB)} | ${sg(d.wasmMemory, fmtMB)} | ${sg(d.domNodes, num)} | ${sg(d.jsEventListeners, num)} |`);
    out.push('', `Leak check (round 2): ${rep.leakVerdict}`, '');
  }

  if (rep.lazy) {
    const { multi, offscreen } = rep.lazy;
    out.push('## Lazy start', '');
    if (multi) {
      out.push(`**3 instances** (bench/pages/multi.html, scrolled so that all ${multi.instances} mount; ${multi.mounted} did): ${multi.requestsTotal} requests in all.`, '');
      out.push('| Widget file | Requests |', '|---|---:|');
      for (const [p, n] of Object.entries(multi.widgetRequests)) out.push(`| ${p} | ${n} |`);
      out.push('', `The wasm was fetched **${multi.wasmFetches}×** and compiled **${multi.wasmCompiles}×** (WebAssembly compile/instantiate calls counted in the page) for 3 instances.`, '');
    }
    if (offscreen) {
      out.push(`**Second instance ${OFFSCREEN_PX} px below the fold** (bench/pages/offscreen.html, ${offscreen.runs} runs):`, '');
      out.push('| | |', '|---|---|');
      out.push(`| Time to first interactive instance, median (p95) | ${fmtMs(offscreen.firstInteractive.median)} (${fmtMs(offscreen.firstInteractive.p95)}) |`);
      out.push(`| Single-instance page TTI, median (runs interleaved with these) | ${fmtMs(offscreen.singleInstanceTti.median)} |`);
      out.push(`| Off-screen instance's top, below the fold | ${offscreen.secondBelowFoldPx.median} px |`);
      out.push(`| Off-screen instance mounted when the first was ready | ${offscreen.secondMountedAtFirstReady} of ${offscreen.runs} runs |`);
      out.push(`| … still unmounted 1 s later | ${offscreen.runs - offscreen.secondMountedAfter1s} of ${offscreen.runs} runs |`);
      out.push(`| … mounted when scrolled to 700 px below the fold | ${offscreen.secondMountedAt700px} of ${offscreen.runs} runs |`);
      out.push(`| … ready after scrolling to 400 px below the fold, median | ${fmtMs(offscreen.secondReadyAfterScroll.median)} |`);
      out.push('');
    }
  }
  if (rep.errors.length) {
    out.push('## Not measured', '');
    for (const e of rep.errors) out.push(`- ${e.section}: ${e.message}`);
    out.push('');
  }
  return out.join('\n');
}

// ---------------------------------------------------------------- main
async function main() {
  const started = Date.now();
  const rep = { options: OPT, budgets: BUDGET, errors: [], load: { start: os.loadavg().map((x) => r1(x, 2)) } };
  const section = async (name, fn) => {
    if (OPT.only && !OPT.only.includes(name)) return null;
    const t0 = Date.now();
    try {
      const v = await fn();
      log(`${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      return v;
    } catch (e) {
      console.error(`bench: ${name} could not be measured: ${e && e.stack ? e.stack : e}`);
      rep.errors.push({ section: name, message: String(e && e.message ? e.message : e).split('\n')[0] });
      return null;
    }
  };

  if (!existsSync(path.join(DIST_SRC, 'index.html'))) {
    console.error(`bench: ${DIST_SRC}/index.html is missing; run trunk build --release --offline first`);
    process.exit(1);
  }
  const snapshot = path.join(TMP, 'dist');
  await fs.rm(snapshot, { recursive: true, force: true });
  await fs.cp(DIST_SRC, snapshot, { recursive: true });
  DIST = snapshot;
  rep.dist = { source: path.relative(ROOT, DIST_SRC), snapshot: path.relative(ROOT, snapshot), builtAt: (await fs.stat(path.join(snapshot, 'index.html'))).mtime.toISOString() };

  rep.pages = await section('pages', makePages);
  const byPattern = await widgetFilesByPattern();
  rep.sizes = await section('sizes', async () => {
    const widget = await sizeFiles(DIST, byPattern);
    let floor = null;
    try {
      floor = await floorSizes();
    } catch (e) {
      rep.errors.push({ section: 'floor', message: e.message });
    }
    let featuresFloor = null;
    try {
      featuresFloor = await floorSizes(OPT.featuresFloor);
    } catch (e) {
      rep.errors.push({ section: 'features floor', message: e.message });
    }
    return { widget, floor, floorRatio: floor ? widget.total.brotli / floor.total.brotli : null, featuresFloor };
  });

  const srv = await startServer();
  const browser = await launch();
  rep.machine = machine(browser.version());
  rep.load.busyBefore = await cpuBusy(CPU_SAMPLE_MS);
  if (rep.load.busyBefore != null) log(`CPU in use before the timed runs: ${(rep.load.busyBefore * 100).toFixed(0)}%`);
  try {
    rep.startup = await section('startup', () => startupSeries(browser, srv, OPT.runs, 1));
    // Cross-check the size list against what a widget page actually requested.
    if (rep.startup && rep.sizes) {
      const seen = [...new Set(rep.startup.observedRequests.map((p) => p.replace(/^\//, '')))].filter(
        (p) => WIDGET_FILE_RE.test(p) && !/^demo/.test(p) && p !== 'index.html' && p !== 'favicon.ico',
      );
      rep.sizes.observed = seen;
      rep.sizes.observedMatchesPattern = seen.length === byPattern.length && seen.every((f) => byPattern.includes(f));
      if (!rep.sizes.observedMatchesPattern && seen.every((f) => existsSync(path.join(DIST, f)))) {
        // The network is the truth: size exactly what was loaded.
        rep.sizes.widget = await sizeFiles(DIST, seen);
        rep.sizes.floorRatio = rep.sizes.floor ? rep.sizes.widget.total.brotli / rep.sizes.floor.total.brotli : null;
      }
    }
    rep.interaction = await section('interaction+memory', () => interactionAndMemory(browser, srv));
    if (rep.interaction) {
      const lc = leakCheck(rep.interaction.memory);
      rep.leakOk = lc.ok;
      rep.leakVerdict = lc.verdict;
    }
    rep.throttled = await section('startup-throttled', () => startupSeries(browser, srv, OPT.throttledRuns, CPU_THROTTLE));
    rep.lazy = {};
    rep.lazy.multi = await section('lazy-multi', () => multiInstance(browser, srv));
    rep.lazy.offscreen = await section('lazy-offscreen', async () => {
      const runs = [];
      const single = [];
      for (let i = 0; i < OPT.offscreenRuns; i++) {
        runs.push(await offscreenRun(browser, srv));
        single.push(await singleTti(browser, srv));
      }
      const errors = runs.flatMap((r) => r.errors);
      if (errors.length) throw new Error(`page errors: ${errors.slice(0, 3).join(' | ')}`);
      return {
        runs: runs.length,
        singleInstanceTti: summary(single),
        firstInteractive: summary(runs.map((r) => r.firstInteractiveMs)),
        secondBelowFoldPx: summary(runs.map((r) => r.secondBelowFoldPx)),
        secondMountedAtFirstReady: runs.filter((r) => r.secondMountedAtFirstReady).length,
        secondMountedAfter1s: runs.filter((r) => r.secondMountedAfter1s).length,
        secondMountedAt700px: runs.filter((r) => r.secondMountedAt700pxBelow).length,
        secondReadyAfterScroll: summary(runs.map((r) => r.secondReadyAfterScrollTo400pxMs)),
        raw: runs,
      };
    });
  } finally {
    await browser.close().catch(() => {});
    await srv.close();
  }

  rep.load.end = os.loadavg().map((x) => r1(x, 2));
  rep.elapsedSeconds = Math.round((Date.now() - started) / 1000);
  // A partial run (--only) must not replace the committed report.
  await writeReport(rep, OPT.only ? TMP : here);
}

/**
 * Writes report.json and REPORT.md to `outDir` and prints the budgets.
 * bench/SAVINGS.md (hand-written: what each size and speed change saved) is
 * appended to REPORT.md, so that regenerating the report keeps the
 * explanations; `--rewrite` does only this, from the committed report.json,
 * after an edit of SAVINGS.md or of the report's wording.
 */
async function writeReport(rep, outDir) {
  const lines = budgetLines(rep);
  rep.results = lines;
  await fs.mkdir(outDir, { recursive: true });
  await fs.writeFile(path.join(outDir, 'report.json'), JSON.stringify(rep, null, 2) + '\n');
  const savings = await fs.readFile(path.join(here, 'SAVINGS.md'), 'utf8').catch(() => '');
  await fs.writeFile(path.join(outDir, 'REPORT.md'), markdown(rep, lines) + '\n' + (savings ? '\n' + savings : ''));

  console.log('\n==> Backwise budgets');
  const note = busyNote(rep);
  if (note) console.log(`NOTE  ${note}`);
  for (const l of lines) console.log(`${l.status.padEnd(4)}  ${l.name}: ${l.figure} (${l.limit})`);
  if (rep.sizes?.floor) console.log(`INFO  Yew floor: ${fmtKB(rep.sizes.floor.total.brotli)} brotli; widget/floor ${fmtX(rep.sizes.floorRatio)}`);
  if (rep.sizes?.featuresFloor) console.log(`INFO  Yew features floor: ${fmtKB(rep.sizes.featuresFloor.total.brotli)} brotli; widget code above it ${fmtKB(rep.sizes.widget.total.brotli - rep.sizes.featuresFloor.total.brotli)}`);
  const st = rep.startup;
  if (st?.emptyModule) console.log(`INFO  FCP: the embed tag alone (an empty module) ${fmtX3(st.tagFcpRatio)} the static page's; the widget ${fmtX3(st.widgetOverTagFcpRatio)} the empty module's`);
  if (rep.throttled) console.log(`INFO  ${CPU_THROTTLE}× CPU: TTI ${fmtMs(rep.throttled.widget.tti.median)} = ${fmtX(rep.throttled.ttiRatio)} static FCP; FCP ratio ${fmtX(rep.throttled.fcpRatio)}`);
  if (rep.lazy?.multi) console.log(`INFO  3 instances: wasm fetched ${rep.lazy.multi.wasmFetches}×, compiled ${rep.lazy.multi.wasmCompiles}×, ${rep.lazy.multi.requestsTotal} requests`);
  if (rep.lazy?.offscreen) console.log(`INFO  off-screen 2nd: first interactive ${fmtMs(rep.lazy.offscreen.firstInteractive.median)}, 2nd mounted by then in ${rep.lazy.offscreen.secondMountedAtFirstReady}/${rep.lazy.offscreen.runs} runs`);
  if (rep.leakVerdict) console.log(`INFO  memory: ${rep.leakVerdict}`);
  const pc = rep.interaction?.paced;
  if (pc) console.log(`INFO  ${pc.gapMs} ms between inputs (not the budget): quiz placement p95 ${fmtMs(pc.quiz.p95, 2)} (p50 ${fmtMs(pc.quiz.median, 2)}), deck step p95 ${fmtMs(pc.deck.p95, 2)} (p50 ${fmtMs(pc.deck.median, 2)})`);
  const ck = rep.interaction?.check;
  if (ck) console.log(`INFO  Check answers p50 ${fmtMs(ck.median, 2)} (max ${fmtMs(ck.max, 2)}), Try again p50 ${fmtMs(rep.interaction.tryAgain.median, 2)} (max ${fmtMs(rep.interaction.tryAgain.max, 2)}), ${ck.n} each`);
  console.log(`bench: wrote ${path.relative(ROOT, outDir)}/report.json and REPORT.md (measuring took ${rep.elapsedSeconds} s)`);
  if (rep.errors.length) {
    console.error(`bench: ${rep.errors.length} section(s) could not be measured: ${rep.errors.map((e) => e.section).join(', ')}`);
    process.exit(1);
  }
}

/** `--rewrite`: the report again from bench/report.json, without measuring. */
async function rewrite() {
  const file = path.join(here, 'report.json');
  if (!existsSync(file)) throw new Error(`bench: ${path.relative(ROOT, file)} is missing: run ./scripts/bench first`);
  await writeReport(JSON.parse(await fs.readFile(file, 'utf8')), here);
}

(OPT.rewrite ? rewrite() : main()).catch((e) => {
  console.error('bench: failed:', e && e.stack ? e.stack : e);
  process.exit(1);
});
