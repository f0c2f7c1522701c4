// The report writer: the budgets judged from a run's figures, REPORT.md,
// report.json, and the summary on the console.
// It reads only the run's record (`rep`), so the report can be written again
// from a committed report.json without measuring (`--rewrite`).

import path from 'node:path';
import { promises as fs, existsSync } from 'node:fs';
import { BENCH_DIR, BUDGET, CPU_SAMPLE_MS, CPU_THROTTLE, KB, OFFSCREEN_PX, ROOT } from './options.mjs';
import { fmtKB, fmtMB, fmtMs, fmtX, fmtX3 } from './format.mjs';
import { formatInterval, median } from './stats.mjs';
import { EVENT_KINDS, EVENT_THRESHOLD_MS } from './events.mjs';
import { startupSvg } from './plot.mjs';

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

/** An Event Timing duration: a number, or null for "under the reporting threshold". */
const fmtEvent = (x) => (x === undefined ? 'n/a' : x == null ? `< ${EVENT_THRESHOLD_MS} ms` : `${x} ms`);
/** A 95% interval of a median, as "low–high". */
const fmtRange = (ci, d = 0) => (ci ? `${ci.low.toFixed(d)}–${ci.high.toFixed(d)}` : 'n/a');

function budgetLines(rep) {
  const lines = [];
  const add = (name, figure, limit, pass, extra = '') =>
    lines.push({ name, figure, limit, status: pass == null ? 'N/A' : pass ? 'PASS' : 'FAIL', extra });
  const s = rep.sizes?.widget?.total;
  add('Size, brotli (all files one widget loads)', s ? fmtKB(s.brotli) : 'n/a', `≤ ${BUDGET.brotliKB} KB`, s ? s.brotli <= BUDGET.brotliKB * KB : null);
  add('Size, gzip -9 (all files one widget loads)', s ? fmtKB(s.gzip) : 'n/a', `≤ ${BUDGET.gzipKB} KB`, s ? s.gzip <= BUDGET.gzipKB * KB : null);
  // Lighthouse, the demo post against the same post without the embed tag.
  const lh = rep.lighthouse;
  const demo = lh?.pairs?.find((p) => p.page === 'widget');
  const lhPage = (label) => lh?.pages?.[label]?.metrics;
  const lw = lhPage('widget');
  const ls = lhPage('static');
  const lb = BUDGET.lighthouse;
  add(
    'Lighthouse mobile: performance score, same as the static post (median)',
    demo ? `${lw.score.median} vs ${ls.score.median} (ranges ${lw.score.min}–${lw.score.max} and ${ls.score.min}–${ls.score.max})` : 'n/a',
    '= static',
    demo ? lw.score.median >= ls.score.median : null,
  );
  for (const [k, name] of [['fcp', 'FCP'], ['lcp', 'LCP']]) {
    const r = demo?.metrics[k];
    add(
      `Lighthouse mobile: ${name} / static post's (median)`,
      r ? `${fmtX3(r.ratio)} (${fmtMs(lw[k].median, 0)} vs ${fmtMs(ls[k].median, 0)}; 95% CI ${formatInterval(r.ratioCI)})` : 'n/a',
      `≤ ${lb[`${k}Ratio`]}×`,
      r ? r.ratio <= lb[`${k}Ratio`] : null,
    );
  }
  add('Lighthouse mobile: Total Blocking Time (median)', demo ? `${fmtMs(lw.tbt.median, 0)} (95% CI ${fmtRange(lw.tbt.ci, 0)} ms; static ${fmtMs(ls.tbt.median, 0)})` : 'n/a', `≤ ${lb.tbtMs} ms`, demo ? lw.tbt.median <= lb.tbtMs : null);
  add('Lighthouse mobile: CLS (worst run)', demo ? `${lw.cls.max.toFixed(3)} (median ${lw.cls.median.toFixed(3)})` : 'n/a', `= ${lb.cls}`, demo ? lw.cls.max <= lb.cls : null);
  const st = rep.startup;
  add(
    'Time to interactive / static FCP (median)',
    st ? `${fmtX3(st.ttiRatio)} (${fmtMs(st.widget.tti.median)} vs ${fmtMs(st.static.fcp.median)}; 95% CI ${formatInterval(st.ttiRatioCI)})` : 'n/a',
    `≤ ${BUDGET.ttiRatio}×`,
    st ? st.ttiRatio <= BUDGET.ttiRatio : null,
  );
  const it = rep.interaction;
  add('Deck step → DOM updated, p95', it ? `${fmtMs(it.deck.p95, 2)} (p50 ${fmtMs(it.deck.median, 2)}, max ${fmtMs(it.deck.max, 2)})` : 'n/a', `≤ ${BUDGET.interactionP95Ms} ms`, it ? it.deck.p95 <= BUDGET.interactionP95Ms : null);
  add('Quiz placement → DOM updated, p95', it ? `${fmtMs(it.quiz.p95, 2)} (p50 ${fmtMs(it.quiz.median, 2)}, max ${fmtMs(it.quiz.max, 2)})` : 'n/a', `≤ ${BUDGET.interactionP95Ms} ms`, it ? it.quiz.p95 <= BUDGET.interactionP95Ms : null);
  const ev = rep.events?.[`x${CPU_THROTTLE}`];
  add(
    `Event Timing at ${CPU_THROTTLE}× CPU, every interaction, p98`,
    ev ? `${fmtEvent(ev.all.p98)} (p50 ${fmtEvent(ev.all.p50)}, max ${fmtEvent(ev.all.max)}, n ${ev.all.n})` : 'n/a',
    `≤ ${BUDGET.eventP98Ms} ms`,
    ev ? (ev.all.p98 ?? 0) <= BUDGET.eventP98Ms : null,
  );
  add('CLS over the upgrade (worst run)', st ? `${st.widget.cls.max.toFixed(4)} (median ${st.widget.cls.median.toFixed(4)})` : 'n/a', '= 0', st ? st.widget.cls.max <= BUDGET.cls : null);
  const ho = rep.host;
  if (ho) add('Host page: CLS when the widget starts mid-article (worst run)', `${ho.widget.upgradeCls.max.toFixed(4)}`, '= 0', ho.widget.upgradeCls.max <= BUDGET.cls);
  const fr = rep.sizes?.floorRatio;
  add('Goal: brotli total / Yew floor', fr ? `${fmtX(fr)} (${fmtKB(s.brotli)} vs ${fmtKB(rep.sizes.floor.total.brotli)})` : 'n/a', `≤ ${BUDGET.floorRatioGoal}× (aim)`, fr ? fr <= BUDGET.floorRatioGoal : null);
  return lines;
}

const LH_ROWS = [
  ['score', 'Performance score', (x) => x.toFixed(0)],
  ['fcp', 'First Contentful Paint', (x) => `${x.toFixed(0)} ms`],
  ['lcp', 'Largest Contentful Paint', (x) => `${x.toFixed(0)} ms`],
  ['tbt', 'Total Blocking Time', (x) => `${x.toFixed(0)} ms`],
  ['cls', 'Cumulative Layout Shift', (x) => x.toFixed(3)],
  ['si', 'Speed Index', (x) => `${x.toFixed(0)} ms`],
];
const LH_PAGES = {
  static: 'the demo post without the embed tag (bench/pages/static.html: the fallback alone)',
  empty: 'the same with the embed tag pointing at a module that does nothing (bench/pages/empty-module.html)',
  widget: 'the demo post (dist/index.html)',
  hostStatic: 'the host page without the embed tag (bench/pages/host-static.html)',
  host: 'the host page (bench/pages/host.html)',
};
const PAIR_TITLES = {
  widget: 'Demo post: with the widget against the fallback alone',
  empty: 'For reading the demo figures: the embed tag with a module that does nothing, against the fallback alone',
  host: 'Host page: with the widget (mid-article) against the fallback alone',
};

function lighthouseSection(rep, out) {
  const lh = rep.lighthouse;
  const m = rep.machine;
  out.push('## Lighthouse (mobile preset)', '');
  out.push(
    `Lighthouse ${m.lighthouse ?? ''} from npm, the engine of PageSpeed Insights, with its default mobile preset: a Moto G Power-sized screen, a slow 4G network (150 ms round trip, 1.6 Mbps) and a 4× slower CPU, all simulated from a trace of an unthrottled load. ${lh.runs} rounds, each loading in turn ${Object.keys(lh.pages).map((k) => LH_PAGES[k] ?? k).join('; ')}. One Chromium for the series, cache and storage cleared before every run. The pages are served as a CDN serves them (bench/server.mjs): HTTP/2 over TLS, brotli by Accept-Encoding, the content-hashed wasm cached for a year.`,
    '',
    'Medians, each with a 95% bootstrap interval; ratios of medians for the score, FCP, LCP and Speed Index, differences of medians for TBT and CLS (whose baseline is often 0), each with a 95% bootstrap interval over the same runs.',
    '',
  );
  for (const pair of lh.pairs) {
    const a = lh.pages[pair.baseline].metrics;
    const b = lh.pages[pair.page].metrics;
    out.push(`**${PAIR_TITLES[pair.page] ?? pair.page}**`, '');
    out.push('| Metric | Without the widget | With the widget | Ratio (95% CI) | Difference (95% CI) |', '|---|---:|---:|---:|---:|');
    for (const [k, name, f] of LH_ROWS) {
      const r = pair.metrics[k];
      const ci = (x) => (x.ci ? ` (${f(x.ci.low)}–${f(x.ci.high)})` : '');
      const ratio = r.ratio == null ? 'n/a' : `${r.ratio.toFixed(3)}× (${formatInterval(r.ratioCI)})`;
      const diff = r.diffCI ? `${f(r.diff)} (${f(r.diffCI.low)} to ${f(r.diffCI.high)})` : 'n/a';
      out.push(`| ${name} | ${f(a[k].median)}${ci(a[k])} | ${f(b[k].median)}${ci(b[k])} | ${ratio} | ${diff} |`);
    }
    out.push('');
  }
  for (const label of ['static', 'empty', 'widget']) {
    const note = lh.pages[label] && lcpGapNote(label, lh.pages[label]);
    if (note) out.push(note, '');
  }
  const w = lh.pages.widget;
  if (w) {
    const run = w.raw[w.medianRun];
    const tasks = run.longTasks.map((t) => `${t.url} at ${t.start.toFixed(0)} ms, ${t.duration.toFixed(0)} ms`).join('; ');
    out.push(`Long tasks in the demo post's median run, as Lighthouse simulated them (start, duration): ${tasks || 'none'}.`, '');
  }
  out.push(
    '![The start-up of the median Lighthouse run of the demo post, with the widget and without it, as Lighthouse simulated it](startup.svg)',
    '',
    "[startup.svg](startup.svg): the median run (by LCP) of each demo page, as Lighthouse simulated it on the slow phone: every request from its simulated start to its end, the main thread's tasks below them (the part of a task beyond 50 ms, which Total Blocking Time counts, darker), and Lighthouse's FCP and LCP estimates. This is Lighthouse's simulation of the whole page; its FCP and LCP are each the mean of two simulations of only the requests and tasks that paint needed, which is why a bar can end after the FCP line that it did not hold up.",
    '',
    'How Lighthouse counts (Lighthouse 12, lantern): a request enters the FCP estimate when it finished before the first paint of the unthrottled load and has render-blocking priority (the document, stylesheets, High-priority scripts). A module script is High priority unless its tag says `fetchpriority="low"`, and Chromium traces no EvaluateScript event for a module, so Lighthouse cannot see that it ran after the paint: the plain embed tag counts towards FCP on any page, and the recommended tag (with `fetchpriority="low"`, which the demo, the empty-module page and the host page use) does not. The LCP estimate takes every request that finished before the largest paint, whatever its priority, with the tasks it depends on. The tag\'s own request is small and shares the page\'s connection; what costs is the task that sent it. Chromium\'s preload scanner often sends it from the navigation\'s commit task, which the FCP estimate and the static post\'s estimates leave out, and lantern then counts that whole task at 4× (the notes under the tables give the runs). So on a post whose largest paint is text, any script tag can cost this, an empty module too (the empty-module table); on the host page, whose largest paint is its hero image, LCP stays within the bar (the host table). That is also why embed.js fetches the wasm only once the first paint has been reported (embed/embed.js). Main-thread tasks count at 4× their observed length, so on a shared machine they carry its noise into every metric.',
    '',
  );
}

/**
 * What an LCP estimate above the FCP estimate was made of, over one page's
 * runs: the main-thread tasks that the LCP estimate waited for and the FCP
 * estimate did not (lighthouse.mjs, `lcpOnlyTasks`); null for runs that
 * did not record them.
 */
function lcpGapNote(label, page) {
  const runs = page.raw.filter((r) => r.lcpOnlyTasks);
  const extra = runs.filter((r) => r.lcpOnlyTasks.length);
  const plain = runs.filter((r) => !r.lcpOnlyTasks.length);
  if (!runs.length) return null; // a report.json from before lcpOnlyTasks
  const tasks = extra.flatMap((r) => r.lcpOnlyTasks);
  const commits = tasks.filter((t) => t.commit);
  const gap = (rs) => (rs.length ? fmtMs(median(rs.map((r) => r.lcp - r.fcp)), 0) : 'n/a');
  const range = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;
  const name = { static: 'Static post', empty: 'Empty module', widget: 'Demo post' }[label];
  if (!extra.length) return `${name}: in none of ${runs.length} runs did the LCP estimate wait for a main-thread task that the FCP estimate did not (LCP − FCP, median ${gap(plain)}).`;
  const sent = [...new Set(tasks.flatMap((t) => t.sent))];
  return (
    `${name}: in ${extra.length} of ${runs.length} runs the LCP estimate waited for a main-thread task that the FCP estimate did not, ` +
    `${commits.length === tasks.length ? "each time the navigation's commit task (DocumentLoader::CommitNavigation: it creates the page's script context and parser and reads the first bytes)" : `${commits.length} of ${tasks.length} of them the navigation's commit task`}, ` +
    `${range(tasks.map((t) => t.observed))} observed, ${range(tasks.map((t) => t.simulated))} simulated at 4×. ` +
    `It sent the request for ${sent.length ? sent.map((u) => '`' + u + '`').join(', ') : 'no script of the page'} (the preload scanner ran inside it in ${tasks.filter((t) => t.preloadScan).length} of these ${tasks.length} tasks), and lantern makes a script request depend on the task that sent it. ` +
    `LCP − FCP, median: ${gap(extra)} in those runs${plain.length ? `, ${gap(plain)} in the other ${plain.length}` : ''}.`
  );
}

function eventsSection(events, out) {
  out.push('## Interaction as Chrome reports it (Event Timing)', '');
  const any = Object.values(events)[0];
  out.push(
    `The Event Timing API (the basis of Interaction to Next Paint), read in the demo post (1000×800, the board layout) while Playwright acts as a reader with trusted mouse and keyboard input: ${any.rounds} rounds of tab switches, Next/Previous clicks, ←/→ keys on the deck, Turn, the three filters, every board placement with the items' "Put … in …" buttons, Check answers and Try again (bench/events.mjs). An interaction lasts from the input to the next paint after its handlers, in 8 ms steps, and is the longest of its events. Chrome reports no entry under ${EVENT_THRESHOLD_MS} ms (the API's lowest threshold; the first input always): such an interaction counts as "< ${EVENT_THRESHOLD_MS} ms". At 1× a frame is about 16 ms, so most interactions read 16 ms: they were shown at the next frame.`,
    '',
  );
  out.push('| Interaction | CPU | n | reported | p50 | p98 | max |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const ev of Object.values(events)) {
    for (const [kind, name] of Object.entries(EVENT_KINDS)) {
      const x = ev.kinds[kind];
      if (x) out.push(`| ${name} | ${ev.throttle}× | ${x.n} | ${x.reported} | ${fmtEvent(x.p50)} | ${fmtEvent(x.p98)} | ${fmtEvent(x.max)} |`);
    }
    out.push(`| **Every interaction** | ${ev.throttle}× | ${ev.all.n} | ${ev.all.reported} | ${fmtEvent(ev.all.p50)} | ${fmtEvent(ev.all.p98)} | ${fmtEvent(ev.all.max)} |`);
  }
  out.push('', `Stack swipes: ${any.stackSwipes}.`, '');
  for (const ev of Object.values(events)) {
    const note = slowInteractionsNote(ev, BUDGET.eventP98Ms);
    if (note) out.push(note, '');
  }
}

/**
 * Which interactions of a series took longer than `limit`, in the order
 * they came, each marked when it was the first of its label in its page
 * load (the first Quiz tab, the first Check answers…), and how many the
 * p98 allows. Null for a series with none, or for an old report without
 * samples.
 */
export function slowInteractionsNote(ev, limit) {
  const samples = ev.samples;
  if (!samples?.length) return null;
  // The stack's swipes and buttons run in a page load of their own.
  const page = (s) => (s.kind === 'swipe' || s.kind === 'stackButton' ? 'stack' : 'board');
  const seen = new Set();
  const slow = [];
  for (const s of samples) {
    const key = `${page(s)}:${s.label}`;
    const first = !seen.has(key);
    seen.add(key);
    if (s.duration != null && s.duration > limit) slow.push(`${s.label} ${s.duration} ms${first ? ' (the first of the page load)' : ''}`);
  }
  if (!slow.length) return null;
  const n = samples.length;
  const allowed = n - Math.ceil(0.98 * n);
  return (
    `At ${ev.throttle}×, ${slow.length} of ${n} interactions took longer than ${limit} ms, in the order they came: ${slow.join('; ')}. ` +
    `The p98 of ${n} interactions is the ${ordinal(allowed + 1)} longest, so it stays within ${limit} ms only if at most ${allowed} of them take longer.`
  );
}

const ordinal = (k) => `${k}${k % 10 === 1 && k % 100 !== 11 ? 'st' : k % 10 === 2 && k % 100 !== 12 ? 'nd' : k % 10 === 3 && k % 100 !== 13 ? 'rd' : 'th'}`;

function hostSection(h, out) {
  out.push('## Host page (real browser)', '');
  out.push(
    `bench/host/: a long article (about 1,500 words) about walking and posture, a 1200×630 hero image and the widget mid-article, as a blogger would place it; with the embed tag (bench/pages/host.html) and without it (host-static.html), ${h.runs} alternating loads each at 1000×800, fresh context per load. After the load settles, the widget page is scrolled to bring the widget into view.`,
    '',
  );
  out.push('| Metric | Without the widget | With the widget | Ratio (95% CI) |', '|---|---:|---:|---:|');
  out.push(`| FCP, median | ${fmtMs(h.static.fcp.median)} | ${fmtMs(h.widget.fcp.median)} | ${fmtX3(h.fcpRatio)} (${formatInterval(h.fcpRatioCI)}) |`);
  out.push(`| LCP, median | ${fmtMs(h.static.lcp.median)} | ${fmtMs(h.widget.lcp.median)} | ${fmtX3(h.lcpRatio)} (${formatInterval(h.lcpRatioCI)}) |`);
  out.push(`| CLS while loading, worst run | ${h.static.cls.max.toFixed(4)} | ${h.widget.cls.max.toFixed(4)} | |`);
  out.push('', `With the widget: the wasm was requested before the scroll in ${h.widget.wasmBeforeScroll} of ${h.runs} loads, and the widget was ready before it in ${h.widget.readyBeforeScroll}. From the scroll to \`backwise-ready\`: median ${fmtMs(h.widget.scrollToReady.median)} (p95 ${fmtMs(h.widget.scrollToReady.p95)}); layout shift over the upgrade, worst run ${h.widget.upgradeCls.max.toFixed(4)}.`, '');
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

  if (rep.lighthouse) lighthouseSection(rep, out);

  out.push('## Machine', '', '| | |', '|---|---|');
  out.push(`| CPUs (\`nproc\`) | ${m.nproc} |`, `| CPU | ${m.cpu} |`, `| Memory | ${m.memory} |`, `| OS | ${m.os} |`);
  out.push(`| Browser | ${m.chromium} (headless, playwright-core) |`, `| Node | ${m.node} |`, `| Rust | ${m.rustc} |`);
  out.push(`| Trunk / wasm-opt | ${m.trunk} / ${m.wasmOpt} |`, `| Lighthouse | ${m.lighthouse ?? 'n/a'} (npm) |`, `| Commit | ${m.commit} |`, `| Date | ${m.date} |`);
  if (rep.dist) out.push(`| Build measured | ${rep.dist.source}/ of ${rep.dist.builtAt} (copied to ${rep.dist.snapshot}/ for the run) |`);
  const bi = rep.lighthouse?.benchmarkIndex;
  if (bi) out.push(`| Lighthouse BenchmarkIndex (the machine's speed during the Lighthouse runs; higher is faster) | median ${bi.median.toFixed(0)} (${bi.min.toFixed(0)}–${bi.max.toFixed(0)}) over ${bi.n} runs |`);
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
      out.push('Floor: a Yew 0.23 "hello" app (bench/floor/) with the same release profile, Trunk and wasm-opt passes (bench/floor/index.html); its JS glue is not minified, nor are its import names shortened, nor does it get the second `-Oz` of the post-build hook:', '');
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
      out.push(`The widget's own code (its deck, views, hooks, validation, quiz engine, loader and CSS) is what lies above this: ${fmtKB(sz.widget.total.brotli - ff.brotli)} brotli and ${fmtKB(sz.widget.total.gzip - ff.gzip)} gzip. Within the ${BUDGET.brotliKB} KB brotli budget it may take ${fmtKB(Math.max(0, BUDGET.brotliKB * KB - ff.brotli))}.`, '');
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
    // ratio can only move by whole steps.
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
      for (const [n, x] of [['Check answers (board → results)', it.check], ['Try again (results → board)', it.tryAgain]])
        if (x) out.push(`| ${n}, ${g} ms apart (information) | ${x.n} | ${fmtMs(x.median, 2)} | ${fmtMs(x.p95, 2)} | ${fmtMs(x.max, 2)} |`);
      out.push('', `The budget is read on the deck and quiz rows above them: one frame between inputs, the same series as in every earlier report. The rows "${g} ms apart" time the same inputs with the main thread idle between them, as between a reader's clicks; on a small VM the first work after an idle gap runs slower, so they show what a reader's pause costs, for information. Check answers hides the board and builds the results view (about 17 outcomes); Try again removes it and shows the board's 17 rows again, which it kept hidden (bench/DECISIONS.md): each round sorts every item first, untimed.`);
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

  if (rep.events) eventsSection(rep.events, out);
  if (rep.host) hostSection(rep.host, out);

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

/**
 * Writes report.json and REPORT.md to `outDir` and prints the budgets.
 * `--rewrite` does only the writing, from the committed report.json, after
 * an edit of the report's wording.
 */
export async function writeReport(rep, outDir) {
  const lines = budgetLines(rep);
  rep.results = lines;
  await fs.mkdir(outDir, { recursive: true });
  await fs.writeFile(path.join(outDir, 'report.json'), JSON.stringify(rep, null, 2) + '\n');
  await fs.writeFile(path.join(outDir, 'REPORT.md'), markdown(rep, lines) + '\n');
  const lh = rep.lighthouse;
  if (lh?.pages?.widget?.timeline && lh.pages.static?.timeline) {
    const panel = (label, title) => {
      const p = lh.pages[label];
      const mm = p.raw[p.medianRun];
      return {
        title: `${title}: score ${mm.score}, FCP ${mm.fcp.toFixed(0)} ms, LCP ${mm.lcp.toFixed(0)} ms, TBT ${mm.tbt.toFixed(0)} ms (run ${p.medianRun + 1} of ${p.raw.length})`,
        timeline: p.timeline,
        marks: { FCP: mm.fcp, LCP: mm.lcp },
      };
    };
    const svg = startupSvg([panel('widget', 'Demo post with the widget'), panel('static', 'The same post, fallback alone (no embed tag)')], {
      caption: `Start-up as Lighthouse ${rep.machine?.lighthouse ?? ''} simulates it (mobile: slow 4G, 4× CPU), median run by LCP`,
    });
    await fs.writeFile(path.join(outDir, 'startup.svg'), svg);
  }

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
  for (const pair of rep.lighthouse?.pairs ?? []) {
    const a = rep.lighthouse.pages[pair.baseline].metrics;
    const b = rep.lighthouse.pages[pair.page].metrics;
    const x = pair.metrics;
    console.log(`INFO  Lighthouse ${pair.page} vs ${pair.baseline}: score ${b.score.median} vs ${a.score.median}, FCP ${fmtX3(x.fcp.ratio)}, LCP ${fmtX3(x.lcp.ratio)}, TBT ${fmtMs(b.tbt.median, 0)} vs ${fmtMs(a.tbt.median, 0)}, CLS ${b.cls.median.toFixed(3)}`);
  }
  for (const ev of Object.values(rep.events ?? {})) console.log(`INFO  Event Timing ${ev.throttle}× CPU: p50 ${fmtEvent(ev.all.p50)}, p98 ${fmtEvent(ev.all.p98)}, max ${fmtEvent(ev.all.max)} (n ${ev.all.n})`);
  if (rep.host) console.log(`INFO  host page: FCP ${fmtX3(rep.host.fcpRatio)}, LCP ${fmtX3(rep.host.lcpRatio)} of the page without the widget; scroll to ready ${fmtMs(rep.host.widget.scrollToReady.median)}; wasm before the scroll in ${rep.host.widget.wasmBeforeScroll}/${rep.host.runs} loads`);
  const pc = rep.interaction?.paced;
  if (pc) console.log(`INFO  ${pc.gapMs} ms between inputs (not the budget): quiz placement p95 ${fmtMs(pc.quiz.p95, 2)} (p50 ${fmtMs(pc.quiz.median, 2)}), deck step p95 ${fmtMs(pc.deck.p95, 2)} (p50 ${fmtMs(pc.deck.median, 2)})`);
  const ck = rep.interaction?.check;
  if (ck) console.log(`INFO  Check answers p50 ${fmtMs(ck.median, 2)} (max ${fmtMs(ck.max, 2)}), Try again p50 ${fmtMs(rep.interaction.tryAgain.median, 2)} (max ${fmtMs(rep.interaction.tryAgain.max, 2)}), ${ck.n} each`);
  console.log(`bench: wrote ${path.relative(ROOT, outDir)}/report.json, REPORT.md and startup.svg (measuring took ${rep.elapsedSeconds} s)`);
  if (rep.errors.length) {
    console.error(`bench: ${rep.errors.length} section(s) could not be measured: ${rep.errors.map((e) => e.section).join(', ')}`);
    process.exit(1);
  }
}


export async function rewriteReport() {
  const file = path.join(BENCH_DIR, 'report.json');
  if (!existsSync(file)) throw new Error(`bench: ${path.relative(ROOT, file)} is missing: run ./scripts/bench first`);
  await writeReport(JSON.parse(await fs.readFile(file, 'utf8')), BENCH_DIR);
}
