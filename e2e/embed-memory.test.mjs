// End-to-end: mount and unmount. A widget inserted and removed 50 times
// (some before they start, some with a deck in flight) leaks no memory or
// listeners, and a widget inserted after another was removed starts fresh.
// Needs `trunk build --release --offline` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSuite, assertNoErrors } from './lib/browser.mjs';
import {
  baseDeck, button, placeItem, tipProgress, quizProgress, eventRecorder, openFixture, addWidget,
  waitForMounted,
} from './lib/embed.mjs';

const deck = baseDeck();
const { server, browser } = await openSuite();

async function heapAndListeners(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const count = async (expr) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    return listeners.length;
  };
  const wasm = await page.evaluate(() => {
    // One module per page, however many widgets (kept by `keepWasmMemory`).
    if (window.__wasmMemories.length !== 1) throw new Error(`${window.__wasmMemories.length} wasm instances`);
    return window.__wasmMemories[0].buffer.byteLength;
  });
  return { heap: usedSize, wasm, window: await count('window'), document: await count('document') };
}

test('insert and remove a widget 50 times: no errors, no growth, and the last one works', async () => {
  const t = await openFixture(browser, server, 'blank.html', { keepWasmMemory: true });
  const { page } = t;
  const cdp = await t.context.newCDPSession(page);
  try {
    // 50 cycles in the page: most wait for the widget to be ready, some remove it
    // while the deck is still loading, some before it even starts.
    const cycles = (from, to) =>
      page.evaluate(
        async ([from, to]) => {
          const host = document.querySelector('#host');
          const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(what)), ms));
          const log = [];
          for (let i = from; i < to; i++) {
            const el = document.createElement('backwise-widget');
            if (i % 2) el.setAttribute('view', 'quiz');
            if (i % 5 === 3) el.setAttribute('deck', '/decks/back-pain.es.json');
            if (i % 4 === 1) el.setAttribute('theme', 'dark');
            const ready = new Promise((r) => el.addEventListener('backwise-ready', r, { once: true }));
            host.append(el);
            if (i % 10 === 9) {
              el.remove(); // before it starts
              log.push('early');
              continue;
            }
            if (i % 10 === 7) {
              el.setAttribute('deck', `/decks/back-pain.es.json?c=${i}`);
              await Promise.race([
                new Promise((r) => {
                  const poll = () => (el.shadowRoot.querySelector('.widget') ? r() : setTimeout(poll, 1));
                  poll();
                }),
                timeout(5000, `cycle ${i}: never mounted`),
              ]);
              el.remove(); // while its deck is in flight
              log.push('loading');
              continue;
            }
            await Promise.race([ready, timeout(5000, `cycle ${i}: no backwise-ready`)]);
            el.setAttribute('view', i % 2 ? 'tips' : 'quiz'); // a live update just before removal
            el.remove();
            log.push('ready');
          }
          await new Promise((r) => setTimeout(r, 200));
          return { log, left: host.children.length };
        },
        [from, to],
      );

    const warm = await cycles(0, 10);
    assert.equal(warm.left, 0);
    const before = await heapAndListeners(page, cdp);
    const rest = await cycles(10, 50);
    assert.equal(rest.left, 0, 'every widget was removed');
    const all = [...warm.log, ...rest.log];
    assert.equal(all.length, 50);
    assert.ok(all.filter((x) => x === 'ready').length >= 30, 'most cycles mounted fully');
    const afterM = await heapAndListeners(page, cdp);

    const growth = {
      heapKB: Math.round((afterM.heap - before.heap) / 1024),
      wasmKB: Math.round((afterM.wasm - before.wasm) / 1024),
      windowListeners: afterM.window - before.window,
      documentListeners: afterM.document - before.document,
    };
    console.log(`# insert/remove x40 after warm-up: ${JSON.stringify(growth)} (wasm ${Math.round(afterM.wasm / 1024)} KB, heap ${Math.round(afterM.heap / 1024)} KB)`);
    assert.ok(growth.heapKB < 2048, `JS heap grew by ${growth.heapKB} KB over 40 cycles`);
    // wasm memory grows in 64 KB pages and never shrinks: after the warm-up,
    // a widget that frees everything on removal needs at most one more page.
    assert.ok(growth.wasmKB <= 64, `wasm memory grew by ${growth.wasmKB} KB over 40 insert/remove cycles (a leak of ~${Math.round(growth.wasmKB / 40)} KB per widget)`);
    assert.ok(growth.windowListeners <= 0, `window listeners grew by ${growth.windowListeners}`);
    assert.ok(growth.documentListeners <= 0, `document listeners grew by ${growth.documentListeners}`);

    // The final one works.
    await addWidget(page, { id: 'last' });
    assert.equal(await waitForMounted(page, '#last'), 'ready');
    await button(page, '#last', 'Next').click();
    await page.locator('#last').getByText('Tip 2 of 10', { exact: true }).waitFor();
    await page.locator('#last').getByRole('tab', { name: 'Quiz' }).click();
    await placeItem(page, '#last', 'walking', 'safe');
    await page.locator('#last').getByText('1 of 17 sorted', { exact: true }).waitFor();

    assert.deepEqual(t.panics(), [], 'no panic in the console');
    await assertNoErrors(t, 'insert/remove');
  } finally {
    await cdp.detach().catch(() => {});
    await t.context.close();
  }
});

test('a widget inserted after another was removed starts fresh: no state, text or host carried over', async () => {
  const t = await openFixture(browser, server, 'blank.html', { initScripts: [eventRecorder] });
  const { page } = t;
  try {
    // A: quiz view, one item placed, an announcement made; then removed.
    await addWidget(page, { id: 'a', view: 'quiz', storage: 'none' });
    assert.equal(await waitForMounted(page, '#a'), 'ready');
    await placeItem(page, '#a', 'walking', 'safe');
    await page.locator('#a').getByText('1 of 17 sorted', { exact: true }).waitFor();
    const removed = await page.evaluate(() => {
      const el = document.querySelector('#a');
      el.remove();
      return { widgetLeft: !!el.shadowRoot.querySelector('.widget') };
    });
    assert.equal(removed.widgetLeft, false, 'the removed element no longer holds the widget');

    // B: a new element with other attributes.
    await addWidget(page, { id: 'b', storage: 'none' });
    assert.equal(await waitForMounted(page, '#b'), 'ready');
    const b = page.locator('#b');
    await b.getByRole('tab', { name: 'Tips', selected: true }).waitFor();
    assert.equal(await tipProgress(page, '#b'), 'Tip 1 of 10');
    const live = await page.evaluate(() => document.querySelector('#b').shadowRoot.querySelector('[role="status"]').textContent.trim());
    assert.equal(live, '', 'no announcement carried over');
    await b.getByRole('tab', { name: 'Quiz' }).click();
    assert.equal(await quizProgress(page, '#b'), '0 of 17 sorted', 'no placement carried over');

    // B's events are B's.
    for (const it of deck.quiz.items) await placeItem(page, '#b', it.id, it.answer);
    await b.getByRole('button', { name: 'Check answers' }).click();
    await page.waitForFunction(() => window.__events.some((e) => e.name === 'backwise-quiz-complete'));
    const events = await page.evaluate(() => window.__events.map((e) => `${e.name}@${e.target}`));
    assert.deepEqual(events, ['backwise-ready@a', 'backwise-ready@b', 'backwise-quiz-complete@b']);

    // C after a failed deck: the error card does not stick.
    await page.evaluate(() => document.querySelector('#b').remove());
    await addWidget(page, { id: 'c', deck: '/fixtures/decks/bad-json.json' });
    assert.equal(await waitForMounted(page, '#c'), 'error');
    await page.evaluate(() => document.querySelector('#c').remove());
    await addWidget(page, { id: 'd' });
    assert.equal(await waitForMounted(page, '#d'), 'ready');
    assert.equal(await tipProgress(page, '#d'), 'Tip 1 of 10');
    await assertNoErrors(t, 'reuse');
  } finally {
    await t.context.close();
  }
});
