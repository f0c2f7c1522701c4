// A/B of two builds, for trying a change before a full benchmark run. It
// takes the report's measurements of start-up and of the heaviest clicks,
// alternating between the two builds in one session, and prints every run's
// figure beside the medians, so that the noise is in plain view. Nothing is
// written; a change is judged by ./scripts/bench afterwards.
//
//   node bench/ab.mjs startup OLD_DIST NEW_DIST [--runs 30]
//     At 1× CPU, from navigation start: the first paint, the wasm's request
//     and response, and backwise-ready. Also ready after the first paint and
//     after the wasm's response, which the page's own paint does not blur.
//   node bench/ab.mjs clicks OLD_DIST NEW_DIST [--runs 6] [--throttle 4]
//     Event Timing, as the report reads it (the longest event of each
//     interaction, 0 when Chrome reports none because it took under 16 ms):
//     the Quiz tab, every board placement, Check answers and Try again,
//     each the first time after a page load and again later.
//   node bench/ab.mjs work OLD_DIST NEW_DIST [--runs 8] [--throttle 4]
//     The same clicks, traced: the main thread's work for each, from the
//     start of the click's task to the end of the first frame commit after
//     it (the click's script, style and layout, and the frame's paint). It
//     sees differences of a few milliseconds that Event Timing's 8 ms steps
//     and the wait for the display hide; it leaves that wait out.
//
// Build each side with ./scripts/release-build and copy dist/ away between
// them (bench/tmp/ is ignored by git).

import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { newPage, waitReady } from './recorder.mjs';
import { median } from './stats.mjs';
import { PAGES } from './options.mjs';
import { EVENT_THRESHOLD_MS, attribute, eventObserver, timedAct } from './events.mjs';

const [mode, ...args] = process.argv.slice(2);
const dists = [];
let runs = { startup: 30, clicks: 6, work: 8 }[mode] ?? 6;
let throttle = 4;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--throttle') throttle = Number(args[++i]);
  else dists.push(path.resolve(args[i]));
}
if (!['startup', 'clicks', 'work'].includes(mode) || dists.length !== 2 || !(runs > 0) || !(throttle >= 1)) {
  console.error('usage: node bench/ab.mjs startup|clicks|work OLD_DIST NEW_DIST [--runs N] [--throttle N]');
  process.exit(2);
}

/** Per build: label -> the figures of each run. */
const results = dists.map(() => new Map());
const record = (k, label, value) => {
  if (!results[k].has(label)) results[k].set(label, []);
  results[k].get(label).push(value);
};

async function startupRun(browser, url, k) {
  const t = await newPage(browser);
  try {
    await t.page.goto(url);
    await waitReady(t);
    const r = await t.page.evaluate(() => {
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      return { fcp: window.__bench.fcp, wasmStart: wasm?.startTime, wasmEnd: wasm?.responseEnd, ready: window.__bench.ready[0].t };
    });
    for (const [label, value] of Object.entries(r)) record(k, label, value);
    record(k, 'ready after the first paint', r.ready - r.fcp);
    record(k, 'ready after the wasm', r.ready - r.wasmEnd);
  } finally {
    await t.context.close();
  }
}

/**
 * The clicks both modes time, each given to `act(label, click)`; a null label
 * is not timed. They begin once the page has been idle, as for a reader who
 * reads the tips first: the quiz is rendered, hidden, in the first idle
 * period (`use_shown_or_idle`).
 */
async function quizClicks(page, act) {
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 0))));
  const widget = page.locator('backwise-widget').first();
  for (const round of ['first', 'later']) {
    await act(`Quiz tab, ${round}`, () => widget.getByRole('tab', { name: 'Quiz' }).click());
    const put = widget.locator('.pool').getByRole('button', { name: /^Put .+ in .+$/ });
    for (let i = 0; (await put.count()) > 0; i++) await act(`Put … in …, ${round}`, () => put.nth(i % 2).click());
    await act(`Check answers, ${round}`, () => widget.getByRole('button', { name: 'Check answers', exact: true }).click());
    await act(`Try again, ${round}`, () => widget.getByRole('button', { name: 'Try again', exact: true }).click());
    await act(null, () => widget.getByRole('tab', { name: 'Tips' }).click());
  }
}

async function clicksRun(browser, url, k, throttle) {
  const t = await newPage(browser, { throttle, initScripts: [[eventObserver, EVENT_THRESHOLD_MS]] });
  const { page } = t;
  try {
    await page.goto(url);
    await waitReady(t);
    const acts = [];
    await quizClicks(page, async (label, fn) => acts.push(await timedAct(page, 'click', label, fn)));
    // As the report reads it: under the threshold Chrome reports nothing (0 here).
    for (const { label, duration } of attribute(acts, await page.evaluate(() => window.__eventEntries))) {
      if (label) record(k, label, duration ?? 0);
    }
  } finally {
    await t.context.close();
  }
}

async function workRun(browser, url, k, throttle) {
  const t = await newPage(browser, { throttle });
  const { page, cdp } = t;
  try {
    await page.goto(url);
    await waitReady(t);
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    const labels = [];
    await quizClicks(page, async (label, fn) => {
      labels.push(label);
      await fn();
      await page.waitForTimeout(120);
    });
    await cdp.send('Tracing.end');
    await done;
    // The page's main thread: the renderer thread that dispatched the clicks.
    const main = events.find((e) => e.ph === 'X' && e.name === 'EventDispatch' && e.args?.data?.type === 'click');
    const mine = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts);
    const clicks = mine.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
    if (clicks.length !== labels.length) throw new Error(`ab: traced ${clicks.length} clicks, made ${labels.length}`);
    clicks.forEach((click, i) => {
      if (!labels[i]) return;
      const task = mine.find((e) => e.name === 'RunTask' && e.ts <= click.ts && e.ts + e.dur >= click.ts + click.dur);
      const commit = mine.find((e) => e.name === 'Commit' && e.ts > click.ts + click.dur);
      if (!task || !commit) throw new Error(`ab: no task or no commit for ${labels[i]}`);
      record(k, `${labels[i]}: its task`, task.dur / 1000);
      record(k, `${labels[i]}: to the commit`, (commit.ts + commit.dur - task.ts) / 1000);
    });
  } finally {
    await t.context.close();
  }
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const servers = await Promise.all(dists.map((dist) => startServer({ pages: PAGES, dist })));
try {
  for (let i = 0; i < runs; i++) {
    for (const [k, server] of servers.entries()) {
      const url = server.url + 'index.html';
      if (mode === 'startup') await startupRun(browser, url, k);
      else if (mode === 'clicks') await clicksRun(browser, url, k, throttle);
      else await workRun(browser, url, k, throttle);
    }
  }
  const fmt = (x) => (x == null || Number.isNaN(x) ? 'n/a' : x.toFixed(1));
  const what = { startup: '1× CPU, ms', clicks: `${throttle}× CPU, Event Timing ms`, work: `${throttle}× CPU, main-thread ms from traces` }[mode];
  console.log(`${runs} alternating loads at ${what}`);
  for (const label of results[0].keys()) {
    console.log(label);
    for (const [k, dist] of dists.entries()) {
      const xs = results[k].get(label) ?? [];
      console.log(`  ${k ? 'new' : 'old'} median ${fmt(median(xs)).padStart(6)}  max ${fmt(Math.max(...xs)).padStart(6)}  [${xs.map((x) => Math.round(x)).join(' ')}]  ${dist}`);
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close?.()));
}
