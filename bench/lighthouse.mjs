// Lighthouse (the engine of PageSpeed Insights), mobile preset, on pages the
// benchmark's server serves as a CDN would. Lighthouse 12.2.3 from npm
// (pinned in package.json; 13 needs Node 22) drives Debian's Chromium through
// chrome-launcher, one Chromium for a whole series, and clears the cache and
// storage before each run, so every run is a first visit.
//
// The mobile preset is Lighthouse's default: a Moto G Power sized screen, a
// slow 4G network (150 ms RTT, 1.6 Mbps) and a 4× slower CPU, simulated
// ("lantern"): the page loads at the machine's speed, and Lighthouse builds a
// graph of its requests and main-thread tasks from that trace and simulates
// the graph on the slow phone. Each run keeps that simulation of the whole
// page (the requests and tasks with their simulated times), for the
// start-up plot (plot.mjs).

import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
// The simulator Lighthouse itself uses (the same module instance), which
// keeps the node timings of its last simulation of each graph.
import { Simulation } from 'lighthouse/core/lib/lantern/lantern.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/lib/browser.mjs';
import { diffInterval, median, medianInterval, pct, ratioInterval } from './stats.mjs';

/** The metrics the report reads, by Lighthouse audit id. */
export const LH_METRICS = {
  score: null,
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};

export async function launchChromeForLighthouse() {
  return chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    // The bench server's HTTP/2 side has a self-signed certificate.
    chromeFlags: ['--headless=new', '--ignore-certificate-errors', ...CHROMIUM_ARGS],
    logLevel: 'silent',
  });
}

/**
 * One Lighthouse run of `url`: the performance score, the metrics, what
 * Lighthouse observed before simulating, its long tasks, and the simulated
 * timeline of the whole page.
 */
export async function lighthouseRun(chrome, url) {
  const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] };
  const result = await lighthouse(url, flags);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const run = { score: lhr.categories.performance.score == null ? null : Math.round(lhr.categories.performance.score * 100) };
  for (const [k, id] of Object.entries(LH_METRICS)) if (id) run[k] = lhr.audits[id]?.numericValue ?? null;
  const observed = lhr.audits.metrics?.details?.items?.[0] ?? {};
  run.observed = {
    fcp: observed.observedFirstContentfulPaint ?? null,
    lcp: observed.observedLargestContentfulPaint ?? null,
    load: observed.observedLoad ?? null,
  };
  run.warnings = lhr.runWarnings ?? [];
  // Lighthouse's own reading of the machine's speed in this run (a fixed
  // loop of string and array work; higher is faster), so that a report
  // shows how fast the machine was in the hour it ran.
  run.benchmarkIndex = lhr.environment?.benchmarkIndex ?? null;
  const origin = new URL(url).origin;
  const short = (u) => (u.startsWith(origin) ? u.slice(origin.length) : u);
  run.longTasks = (lhr.audits['long-tasks']?.details?.items ?? []).map((t) => ({ url: short(t.url), start: t.startTime, duration: t.duration }));
  run.simulated = simulatedTimeline(short);
  run.lcpOnlyTasks = lcpOnlyTasks(short);
  return run;
}

/**
 * The main-thread tasks that Lighthouse's LCP estimate waited for and its FCP
 * estimate did not (both "optimistic" graphs of the last run), each with its
 * observed and simulated length, whether it is the navigation's commit task
 * and whether the preload scanner ran in it, and the scripts whose requests it sent. Lantern makes a script request
 * depend on the task that sent it, so a task that only sent a request still
 * counts in full; this names what an LCP above the FCP is made of.
 */
function lcpOnlyTasks(short) {
  const lcp = Simulation.Simulator.allNodeTimings.get('optimisticLargestContentfulPaint');
  const fcp = Simulation.Simulator.allNodeTimings.get('optimisticFirstContentfulPaint');
  if (!lcp || !fcp) return null;
  const inFcp = new Set([...fcp.keys()].map((n) => n.id));
  const out = [];
  for (const [node, t] of lcp) {
    if (node.type !== 'cpu' || inFcp.has(node.id)) continue;
    out.push({
      observed: (node.endTime - node.startTime) / 1000,
      simulated: t.endTime - t.startTime,
      commit: node.childEvents.some((e) => e.name === 'DocumentLoader::CommitNavigation'),
      preloadScan: node.childEvents.some((e) => e.name === 'HTMLDocumentParser::MaybeFetchQueuedPreloads'),
      sent: node.getDependents().filter((d) => d.type === 'network' && lcp.has(d)).map((d) => short(d.request.url)),
    });
  }
  return out;
}

/**
 * The page as Lighthouse simulated it on the slow phone: its simulation of
 * the whole page graph ("pessimisticInteractive", every request and task),
 * each request and top-level main-thread task with its simulated start and
 * end in ms from navigation start.
 */
function simulatedTimeline(short) {
  const timings = Simulation.Simulator.allNodeTimings.get('pessimisticInteractive');
  if (!timings) return null;
  const requests = [];
  const tasks = [];
  for (const [node, t] of timings) {
    if (node.type === 'network') {
      requests.push({ url: short(node.request.url), type: node.request.resourceType, priority: node.request.priority, start: t.startTime, end: t.endTime });
    } else {
      tasks.push({ start: t.startTime, end: t.endTime });
    }
  }
  requests.sort((a, b) => a.start - b.start);
  tasks.sort((a, b) => a.start - b.start);
  return { requests, tasks };
}

/**
 * `runs` rounds of Lighthouse runs of every page of `pages` ({ label: path
 * under `baseUrl` }) in turn, in one Chromium, after one discarded warm-up
 * round (the first loads of a fresh Chromium pay for its own start-up).
 * `pairs` lists [page, baseline] comparisons: [['widget', 'static']].
 */
export async function lighthouseSeries(baseUrl, pages, runs, pairs, log = () => {}) {
  const chrome = await launchChromeForLighthouse();
  const raw = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
  try {
    for (const p of Object.values(pages)) await lighthouseRun(chrome, baseUrl + p);
    for (let i = 0; i < runs; i++) {
      for (const [label, p] of Object.entries(pages)) {
        const r = await lighthouseRun(chrome, baseUrl + p);
        raw[label].push(r);
        log(`lighthouse ${label} ${i + 1}/${runs}: score ${r.score}, FCP ${r.fcp?.toFixed(0)} ms, LCP ${r.lcp?.toFixed(0)} ms, TBT ${r.tbt?.toFixed(0)} ms, CLS ${r.cls?.toFixed(3)}`);
      }
    }
  } finally {
    await chrome.kill();
  }
  return summarise(raw, pages, pairs);
}

/** The run whose LCP is nearest the median LCP of `runs` (for the plot). */
function medianRun(runs) {
  const m = median(runs.map((r) => r.lcp));
  return runs.reduce((best, r, i) => (Math.abs(r.lcp - m) < Math.abs(runs[best].lcp - m) ? i : best), 0);
}

/**
 * Per page: medians with 95% intervals, and the median run's simulated
 * timeline. Per pair: each metric's ratio of medians (score, FCP, LCP) or
 * difference of medians (TBT, CLS: their baseline is often 0), with 95%
 * bootstrap intervals.
 */
export function summarise(raw, pages, pairs) {
  const out = { runs: Object.values(raw)[0].length, pages: {}, pairs: [] };
  const speed = Object.values(raw).flat().map((r) => r.benchmarkIndex).filter((x) => x != null);
  if (speed.length) out.benchmarkIndex = { median: median(speed), min: Math.min(...speed), max: Math.max(...speed), n: speed.length };
  for (const [label, runs] of Object.entries(raw)) {
    const metrics = {};
    for (const k of Object.keys(LH_METRICS)) {
      const xs = runs.map((r) => r[k]).filter((x) => x != null);
      metrics[k] = { median: median(xs), ci: medianInterval(xs), min: Math.min(...xs), max: Math.max(...xs), p95: pct(xs, 95) };
    }
    const mi = medianRun(runs);
    out.pages[label] = {
      path: pages[label],
      metrics,
      medianRun: mi,
      timeline: runs[mi].simulated,
      raw: runs.map(({ simulated, ...r }) => r),
    };
  }
  for (const [page, base] of pairs) {
    const pair = { page, baseline: base, metrics: {} };
    for (const k of Object.keys(LH_METRICS)) {
      const xs = raw[page].map((r) => r[k]);
      const bs = raw[base].map((r) => r[k]);
      const mp = median(xs.filter((x) => x != null));
      const mb = median(bs.filter((x) => x != null));
      pair.metrics[k] = {
        ratio: mb ? mp / mb : null,
        ratioCI: mb ? ratioInterval(xs, bs) : null,
        diff: mp - mb,
        diffCI: diffInterval(xs, bs),
      };
    }
    out.pairs.push(pair);
  }
  return out;
}
