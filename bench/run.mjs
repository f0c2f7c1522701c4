// Backwise benchmark: sizes, startup, interaction latency (timed in the page
// and as Chrome's Event Timing reports it), memory, lazy start, the host
// page, and Lighthouse's mobile preset, in headless Chromium on a 127.0.0.1
// server. Writes bench/report.json, bench/REPORT.md and bench/startup.svg,
// and prints every budget as PASS or FAIL.
//
//   node bench/run.mjs [--runs N] [--throttled-runs N] [--steps N] [--lighthouse-runs N] [--floor DIR] [--features-floor DIR] [--quick]
//   node bench/run.mjs --lighthouse   (sizes and Lighthouse only; written to bench/tmp/)
//   node bench/run.mjs --only pages,sizes,startup   (a partial run; written to bench/tmp/)
//   node bench/run.mjs --rewrite   (REPORT.md and startup.svg again from report.json, after a wording change)
//
// Needs a release dist/ (trunk build --release --offline) and, for the floor
// ratio, the floor's dist (bench/tmp/floor-dist, built by scripts/bench).
// Exits 0 when everything was measured, whether or not the budgets pass;
// exits 1 only when a measurement could not be taken.
//
// The parts: options.mjs (settings and budgets), pages.mjs and server.mjs
// (what is served), sizes.mjs, recorder.mjs, interaction.mjs and events.mjs
// (what is measured in Chromium), lighthouse.mjs, machine.mjs, stats.mjs,
// and report.mjs and plot.mjs (what is written). This file runs them in
// order and records each one's result.

import os from 'node:os';
import path from 'node:path';
import { promises as fs, existsSync } from 'node:fs';
import { launch } from '../e2e/lib/browser.mjs';
import { BENCH_DIR, BUDGET, CPU_SAMPLE_MS, CPU_THROTTLE, DIST_SRC, PAGES, ROOT, TMP, parseArgs } from './options.mjs';
import { makePages } from './pages.mjs';
import { startServer } from './server.mjs';
import { crossCheckSizes, floorSizes, sizeFiles, widgetFilesByPattern } from './sizes.mjs';
import { hostSeries, multiInstance, offscreenSeries, startupSeries } from './recorder.mjs';
import { eventTimingSeries } from './events.mjs';
import { lighthouseSeries } from './lighthouse.mjs';
import { interactionAndMemory, leakCheck } from './interaction.mjs';
import { cpuBusy, machine } from './machine.mjs';
import { r1 } from './format.mjs';
import { rewriteReport, writeReport } from './report.mjs';

const OPT = parseArgs(process.argv.slice(2));
const log = (...a) => console.log('bench:', ...a);

async function main() {
  const started = Date.now();
  const rep = { options: OPT, budgets: BUDGET, errors: [], load: { start: os.loadavg().map((x) => r1(x, 2)) } };
  // One part of the run: skipped when --only leaves it out; a failure is
  // recorded in the report and the run goes on.
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
  // Everything is measured on a copy, so that a rebuild of dist/ during the run cannot mix two builds.
  const dist = path.join(TMP, 'dist');
  await fs.rm(dist, { recursive: true, force: true });
  await fs.cp(DIST_SRC, dist, { recursive: true });
  rep.dist = { source: path.relative(ROOT, DIST_SRC), snapshot: path.relative(ROOT, dist), builtAt: (await fs.stat(path.join(dist, 'index.html'))).mtime.toISOString() };

  rep.pages = await section('pages', () => makePages(dist, OPT.fallback));
  const byPattern = await widgetFilesByPattern(dist);
  rep.sizes = await section('sizes', async () => {
    const widget = await sizeFiles(dist, byPattern);
    let floor = null;
    try {
      floor = await floorSizes(OPT.floor);
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

  const srv = await startServer({ pages: PAGES, dist, h2: true });
  const browser = await launch();
  rep.machine = machine(browser.version());
  rep.load.busyBefore = await cpuBusy(CPU_SAMPLE_MS);
  if (rep.load.busyBefore != null) log(`CPU in use before the timed runs: ${(rep.load.busyBefore * 100).toFixed(0)}%`);
  try {
    rep.startup = await section('startup', () => startupSeries(browser, srv, OPT.runs, 1));
    // Cross-check the size list against what a widget page actually requested.
    if (rep.startup && rep.sizes) await crossCheckSizes(rep.sizes, rep.startup.observedRequests, byPattern, dist);
    rep.interaction = await section('interaction+memory', () => interactionAndMemory(browser, srv, OPT));
    if (rep.interaction) {
      const lc = leakCheck(rep.interaction.memory, OPT);
      rep.leakOk = lc.ok;
      rep.leakVerdict = lc.verdict;
    }
    rep.throttled = await section('startup-throttled', () => startupSeries(browser, srv, OPT.throttledRuns, CPU_THROTTLE));
    rep.lazy = {};
    rep.lazy.multi = await section('lazy-multi', () => multiInstance(browser, srv));
    rep.lazy.offscreen = await section('lazy-offscreen', () => offscreenSeries(browser, srv, OPT.offscreenRuns));
    rep.events = await section('events', async () => {
      const out = {};
      for (const throttle of [1, CPU_THROTTLE]) out[`x${throttle}`] = await eventTimingSeries(browser, srv, { throttle, rounds: OPT.eventRounds });
      return out;
    });
    rep.host = await section('host', () => hostSeries(browser, srv, OPT.hostRuns));
    // Lighthouse last, in a Chromium of its own, with Playwright's closed.
    await browser.close().catch(() => {});
    rep.lighthouse = await section('lighthouse', () =>
      lighthouseSeries(
        srv.secureUrl,
        { static: 'static.html', empty: 'empty-module.html', widget: 'index.html', hostStatic: 'host-static.html', host: 'host.html' },
        OPT.lighthouseRuns,
        [['widget', 'static'], ['empty', 'static'], ['host', 'hostStatic']],
        (m) => log(m),
      ),
    );
  } finally {
    await browser.close().catch(() => {});
    await srv.close();
  }

  rep.load.end = os.loadavg().map((x) => r1(x, 2));
  rep.elapsedSeconds = Math.round((Date.now() - started) / 1000);
  // A partial run (--only) must not replace the committed report.
  await writeReport(rep, OPT.only ? TMP : BENCH_DIR);
}

(OPT.rewrite ? rewriteReport() : main()).catch((e) => {
  console.error('bench: failed:', e && e.stack ? e.stack : e);
  process.exit(1);
});
