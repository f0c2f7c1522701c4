// Interaction latency and memory, measured in the widget's page (see
// recorder.mjs for the page itself): deck steps and quiz placements timed
// from the input to the DOM update that shows it, then rounds of
// interactions and mount/unmount cycles with a memory snapshot after each.

import { newPage, waitReady } from './recorder.mjs';
import { summary } from './stats.mjs';
import { fmtMB, r1 } from './format.mjs';

/**
 * Runs in the page (evaluated once it is ready): `window.__bw`, the inputs
 * and the timer. Each input is timed from just before it to the
 * MutationObserver callback on the shadow root that shows the change.
 */
function installHelpers() {
  const host = () => document.querySelector('backwise-widget');
  const sr = () => host().shadowRoot;
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const macro = () => new Promise((r) => setTimeout(r, 0));
  // The pool keeps a hidden row for each placed item, and the board stays,
  // hidden, under the results (bench/DECISIONS.md).
  const inHidden = (el) => !!el.closest('[hidden]');
  // Only the buttons a reader can see.
  const buttons = () => [...sr().querySelectorAll('button')].filter((b) => !inHidden(b));
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
    return timed(() => btn.click(), () => !btn.isConnected || inHidden(btn) || label(btn) !== was);
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
      const fromPool = () => buttons().filter((b) => b.closest('.pool')).find((b) => /^Put .+ in (Safe alternative|Avoid)$/.test(label(b)));
      for (let put; (put = fromPool()); ) {
        put.click();
        await frame();
      }
      const check = button((b) => b.textContent.trim() === 'Check answers');
      if (!check) throw new Error('no Check answers button');
      await new Promise((r) => setTimeout(r, 50));
      out.check.push(await timed(() => check.click(), () => !check.isConnected || inHidden(check)));
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

/** The timed series and the two memory rounds, with the options `opt` of the run. */
export async function interactionAndMemory(browser, srv, opt) {
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
    const deck = await t.page.evaluate((n) => window.__bw.series('deck', n, true), opt.steps);
    await t.page.evaluate(() => window.__bw.selectTab(/Quiz/));
    const quiz = await t.page.evaluate((n) => window.__bw.series('quiz', n, true), opt.steps);
    // For information, not the budget: the same inputs with the main thread
    // idle between them, as between a reader's clicks. On a small VM the
    // first work after an idle gap runs slower.
    const paced = async (kind) => t.page.evaluate(([k, n, gap]) => window.__bw.series(k, n, gap), [kind, opt.pacedSteps, opt.pacedGapMs]);
    const quizPaced = await paced('quiz');
    await t.page.evaluate(() => window.__bw.selectTab(/Tips/));
    const deckPaced = await paced('deck');
    await t.page.evaluate(() => window.__bw.selectTab(/Quiz/));
    const heavy = await t.page.evaluate((n) => window.__bw.checkRounds(n), opt.checkRounds);

    // Load for the leak check: reach opt.memoryInteractions interactions, then mount/unmount cycles.
    const snapshots = [{ label: 'after load', ...afterLoad }];
    const round = async (r, total) => {
      const half = Math.floor(total / 2);
      await t.page.evaluate(() => window.__bw.selectTab(/Tips/));
      await t.page.evaluate((n) => window.__bw.series('deck', n, false), half);
      await t.page.evaluate(() => window.__bw.selectTab(/Quiz/));
      await t.page.evaluate((n) => window.__bw.series('quiz', n, false), total - half);
      snapshots.push({ label: `round ${r}: after ${opt.memoryInteractions} interactions`, ...(await memorySnapshot(t)) });
      const mounts = [];
      for (let i = 0; i < opt.mountCycles; i++) mounts.push(await t.page.evaluate(() => window.__bw.remount()));
      snapshots.push({ label: `round ${r}: after ${opt.mountCycles} mount/unmount cycles`, ...(await memorySnapshot(t)) });
      return mounts;
    };
    const mounts1 = await round(1, opt.memoryInteractions - 2 * opt.steps - 2 * opt.pacedSteps);
    const mounts2 = await round(2, opt.memoryInteractions);
    const [, r1i, r1m, r2i, r2m] = snapshots;
    if (t.errors.length) throw new Error(`page errors during interactions: ${t.errors.slice(0, 3).join(' | ')}`);
    return {
      timerResolution: isolated ? '5 µs (cross-origin isolated)' : '100 µs',
      deck: { ...summary(deck), samples: deck.map((x) => r1(x, 3)) },
      quiz: { ...summary(quiz), samples: quiz.map((x) => r1(x, 3)) },
      all: summary([...deck, ...quiz]),
      paced: { gapMs: opt.pacedGapMs, deck: summary(deckPaced), quiz: summary(quizPaced) },
      check: summary(heavy.check),
      tryAgain: summary(heavy.again),
      remountMs: summary([...mounts1, ...mounts2]),
      memory: {
        snapshots,
        round: `${opt.memoryInteractions} interactions (round 1 includes the ${2 * opt.steps + 2 * opt.pacedSteps} timed steps and placements, and ${opt.checkRounds} rounds of sorting the whole board, Check answers and Try again), then ${opt.mountCycles} mount/unmount cycles`,
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
export function leakCheck(mem, opt) {
  const findings = [];
  const i = mem.interactionsRound2;
  const m = mem.mountCyclesRound2;
  const n = opt.mountCycles;
  if (i.jsHeapUsed > 512 * 1024) findings.push(`JS heap +${fmtMB(i.jsHeapUsed)} over ${opt.memoryInteractions} interactions`);
  if (m.jsHeapUsed > 512 * 1024) findings.push(`JS heap +${fmtMB(m.jsHeapUsed)} over ${n} mount cycles`);
  if (i.wasmMemory > 64 * 1024) findings.push(`wasm memory +${fmtMB(i.wasmMemory)} over ${opt.memoryInteractions} interactions`);
  if (m.wasmMemory > 64 * 1024) findings.push(`wasm memory +${fmtMB(m.wasmMemory)} over ${n} mount cycles`);
  for (const [k, what] of [['domNodes', 'DOM nodes'], ['jsEventListeners', 'event listeners']]) {
    if (i[k] != null && i[k] > 20) findings.push(`${what} +${i[k]} over ${opt.memoryInteractions} interactions`);
    if (m[k] != null && m[k] >= n) findings.push(`${what} +${m[k]} over ${n} mount cycles (${(m[k] / n).toFixed(1)} per cycle)`);
  }
  return {
    ok: findings.length === 0,
    verdict: findings.length
      ? `growth in round 2 that looks like a leak: ${findings.join('; ')}.`
      : 'no growth in round 2 that looks like a leak (JS heap and wasm memory flat within GC/page noise, DOM nodes and listeners stable).',
  };
}
