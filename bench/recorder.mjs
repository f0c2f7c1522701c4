// The recorder: what the benchmark measures in headless Chromium. Each run
// gets a fresh browser context (no cache) whose pages carry an observer,
// installed before any page script, for the first paint, layout shifts, long
// tasks, backwise-ready events and, on request, WebAssembly compiles. Here:
// the startup series and the lazy start; interaction.mjs times inputs and
// memory on the same pages.

import { setTimeout as sleep } from 'node:timers/promises';
import { keepWasmMemory } from '../e2e/lib/browser.mjs';
import { VIEWPORT } from './options.mjs';
import { WIDGET_FILE_RE } from './sizes.mjs';
import { median, ratioInterval, summary } from './stats.mjs';

// The observer, run before any page script: FCP, LCP, layout shifts, long
// tasks, ready events, and (on request) a count of WebAssembly compiles.
function observer(countWasm) {
  const b = (window.__bench = { fcp: null, lcp: null, shifts: [], longtasks: [], ready: [], wasm: { compiles: 0, instantiations: 0 } });
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
  observe('largest-contentful-paint', (e) => {
    b.lcp = e.startTime;
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

/**
 * A fresh context and page with the observer; `until(what, n)` waits for the
 * observer's signals without evaluating anything in the page.
 */
export async function newPage(browser, { throttle = 1, countWasm = false, keepMemory = false, viewport = VIEWPORT, initScripts = [] } = {}) {
  const context = await browser.newContext({ viewport });
  // Signals from the observer: how many of each arrived, and who waits.
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
  await context.addInitScript(observer, countWasm);
  if (keepMemory) await context.addInitScript(keepWasmMemory);
  // More scripts to run before the page's own: [function, argument] pairs.
  for (const [fn, arg] of initScripts) await context.addInitScript(fn, arg);
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
export const waitReady = (t, n = 1, timeout = 30_000) => t.until('ready', n, timeout);

// ---------------------------------------------------------------- startup
const STARTUP_PAGES = { widget: 'index.html', static: 'static.html', empty: 'empty-module.html' };

async function startupRun(browser, srv, kind, throttle) {
  const t = await newPage(browser, { throttle });
  try {
    srv.reset();
    await t.page.goto(srv.url + STARTUP_PAGES[kind], { waitUntil: 'load' });
    // Nothing is evaluated in the page until ready (or FCP) plus the layout
    // shift window has passed: see `signal` in the observer.
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

/**
 * `runs` rounds of the widget page, the static page and the empty-module page
 * in turn, at a CPU `throttle`: first paint, time to ready, layout shift and
 * long tasks, and the ratios the budgets read.
 */
export async function startupSeries(browser, srv, runs, throttle) {
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

// ---------------------------------------------------------------- lazy start
/** Three instances on one page: what each file costs in requests, and how often the wasm is fetched and compiled. */
export async function multiInstance(browser, srv) {
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

/**
 * `runs` rounds of the off-screen page, each followed by a plain demo run: does
 * the instance below the fold wait until the reader scrolls near it?
 */
export async function offscreenSeries(browser, srv, runs) {
  const raw = [];
  const single = [];
  for (let i = 0; i < runs; i++) {
    raw.push(await offscreenRun(browser, srv));
    single.push(await singleTti(browser, srv));
  }
  const errors = raw.flatMap((r) => r.errors);
  if (errors.length) throw new Error(`page errors: ${errors.slice(0, 3).join(' | ')}`);
  return {
    runs: raw.length,
    singleInstanceTti: summary(single),
    firstInteractive: summary(raw.map((r) => r.firstInteractiveMs)),
    secondBelowFoldPx: summary(raw.map((r) => r.secondBelowFoldPx)),
    secondMountedAtFirstReady: raw.filter((r) => r.secondMountedAtFirstReady).length,
    secondMountedAfter1s: raw.filter((r) => r.secondMountedAfter1s).length,
    secondMountedAt700px: raw.filter((r) => r.secondMountedAt700pxBelow).length,
    secondReadyAfterScroll: summary(raw.map((r) => r.secondReadyAfterScrollTo400pxMs)),
    raw,
  };
}

// ---------------------------------------------------------------- host page
/**
 * One load of a host page (bench/host/: a long article, a hero image, the
 * widget mid-article): its first and largest paints and layout shifts once
 * loaded; with the widget, then scrolled so that the widget is in view, the
 * time from the scroll to ready and the layout shift over the upgrade.
 */
async function hostRun(browser, srv, page, withWidget) {
  const t = await newPage(browser);
  try {
    srv.reset();
    await t.page.goto(srv.url + page, { waitUntil: 'load' });
    await t.until('fcp');
    await sleep(1000);
    const before = await t.page.evaluate(() => {
      const b = window.__bench;
      return { fcp: b.fcp, lcp: b.lcp, cls: b.shifts.filter((s) => !s.input).reduce((a, s) => a + s.value, 0), ready: b.ready.length };
    });
    const r = { ...before, wasmBeforeScroll: srv.requests.some((q) => q.path.endsWith('.wasm')), readyBeforeScroll: before.ready > 0 };
    if (withWidget) {
      const scrolledAt = await t.page.evaluate(() => {
        const b = window.__bench;
        b.shifts.length = 0;
        document.querySelector('backwise-widget').scrollIntoView({ block: 'center' });
        return performance.now();
      });
      await waitReady(t);
      await sleep(1000);
      Object.assign(r, await t.page.evaluate((s) => {
        const b = window.__bench;
        return { scrollToReady: b.ready[0].t - s, upgradeCls: b.shifts.filter((x) => !x.input).reduce((a, x) => a + x.value, 0) };
      }, scrolledAt));
    }
    r.errors = t.errors.slice();
    return r;
  } finally {
    await t.context.close();
  }
}

/** `runs` alternating loads of the host page with the widget and without (the fallback alone). */
export async function hostSeries(browser, srv, runs) {
  const widget = [];
  const stat = [];
  await hostRun(browser, srv, 'host.html', true);
  await hostRun(browser, srv, 'host-static.html', false);
  for (let i = 0; i < runs; i++) {
    widget.push(await hostRun(browser, srv, 'host.html', true));
    stat.push(await hostRun(browser, srv, 'host-static.html', false));
  }
  const errors = [...new Set(widget.flatMap((r) => r.errors))];
  if (errors.length) throw new Error(`page errors on the host page: ${errors.slice(0, 3).join(' | ')}`);
  const pick = (rs, k) => rs.map((r) => r[k]);
  return {
    runs,
    widget: {
      fcp: summary(pick(widget, 'fcp')),
      lcp: summary(pick(widget, 'lcp')),
      cls: summary(pick(widget, 'cls')),
      scrollToReady: summary(pick(widget, 'scrollToReady')),
      upgradeCls: summary(pick(widget, 'upgradeCls')),
      wasmBeforeScroll: widget.filter((r) => r.wasmBeforeScroll).length,
      readyBeforeScroll: widget.filter((r) => r.readyBeforeScroll).length,
    },
    static: { fcp: summary(pick(stat, 'fcp')), lcp: summary(pick(stat, 'lcp')), cls: summary(pick(stat, 'cls')) },
    fcpRatio: median(pick(widget, 'fcp')) / median(pick(stat, 'fcp')),
    fcpRatioCI: ratioInterval(pick(widget, 'fcp'), pick(stat, 'fcp')),
    lcpRatio: median(pick(widget, 'lcp')) / median(pick(stat, 'lcp')),
    lcpRatioCI: ratioInterval(pick(widget, 'lcp'), pick(stat, 'lcp')),
    raw: { widget: widget.map(({ errors, ...r }) => r), static: stat.map(({ errors, ...r }) => r) },
  };
}
