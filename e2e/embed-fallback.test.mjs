// End-to-end: what the page shows before, while and after the widget starts:
// the no-JavaScript fallback, no layout shift on phones (also when the page
// paints before the script has run), and the element's own box (a margin the
// page sets, hidden).
// Needs `trunk build --release --offline` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { openSuite, newPage, assertNoErrors, waitForReady, screenshot } from './lib/browser.mjs';
import { PAGES, baseDeck, openFixture, openTracked, addWidget, waitForMounted } from './lib/embed.mjs';

const deck = baseDeck();
const FIRST_TIP = deck.tips[0].headline; // "Build a total-body fitness plan"
const { server, browser } = await openSuite();

// The box the fallback waits in must fit the widget on a phone too (the
// tips view wraps taller there), and the page's first paint may come before
// the script has run: the demo's CSS gives the undefined element the same box.
test('no layout shift on phones when the widget starts, also when the page paints before the script runs', async () => {
  const loader = await fs.readFile(new URL('../dist/embed.js', import.meta.url));
  for (const width of [320, 390]) {
    for (const late of [false, true]) {
      if (late) {
        server.route('/embed.js', (req, res, url, headers) => {
          setTimeout(() => {
            res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
            res.end(loader);
          }, 400);
        });
      }
      const t = await openTracked(browser, { context: { viewport: { width, height: 1400 }, isMobile: true, hasTouch: true } });
      const { page } = t;
      try {
        await page.addInitScript(() => {
          window.__shifts = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) window.__shifts.push({ value: e.value, at: Math.round(e.startTime) });
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(server.url + 'index.html');
        await waitForReady(page, 1);
        // The Quiz tab is rendered, hidden, once the browser is idle: no
        // shift from that either, nor in the frames after it.
        await page.locator('backwise-widget .quiz').waitFor({ state: 'attached' });
        await page.waitForTimeout(300);
        const shifts = await page.evaluate(() => window.__shifts);
        assert.deepEqual(shifts, [], `no layout shift at ${width} px${late ? ', script late' : ''}: ${JSON.stringify(shifts)}`);
      } finally {
        await t.context.close();
        if (late) server.route('/embed.js', null);
      }
    }
  }
});

test('fallback: visible without JavaScript, visible before the upgrade, hidden once mounted', async () => {
  const nojs = await newPage(browser, { context: { javaScriptEnabled: false } });
  try {
    await nojs.page.goto(server.url + 'index.html');
    await nojs.page.getByText(FIRST_TIP).first().waitFor({ state: 'visible' });
    await nojs.page.getByText(deck.tips[9].headline).first().waitFor({ state: 'visible' });
    await nojs.page.getByText(deck.disclaimer).first().waitFor({ state: 'visible' });
    await screenshot(nojs.page, 'embed-nojs-fallback').catch(() => {});
  } finally {
    await nojs.context.close();
  }

  const t = await openTracked(browser);
  const { page } = t;
  try {
    await page.goto(server.url + 'index.html');
    await waitForReady(page, 1);
    const state = await page.evaluate(() => {
      const host = document.querySelector('backwise-widget');
      const fb = host.querySelector('.backwise-fallback');
      return {
        present: !!fb,
        slot: fb ? fb.assignedSlot : 'missing',
        visible: fb ? fb.checkVisibility() : null,
        rects: fb ? fb.getClientRects().length : null,
        slots: host.shadowRoot.querySelectorAll('slot').length,
      };
    });
    assert.ok(state.present, 'the fallback stays in the light DOM for crawlers');
    assert.equal(state.slot, null, 'the fallback is assigned to no slot once the widget mounts');
    assert.equal(state.visible, false, 'the fallback is not rendered');
    assert.equal(state.rects, 0);

    // A widget far below the fold starts only when it comes near the
    // viewport: until then its fallback shows.
    await page.goto(server.origin + PAGES + 'blank.html');
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.blockSize = '4000px';
      document.querySelector('#host').append(spacer);
    });
    await addWidget(page, { id: 'late' }, { children: '<p class="fb">Fallback: Build a total-body fitness plan</p>', scroll: false });
    await page.waitForTimeout(300);
    const early = await page.evaluate(() => {
      const fb = document.querySelector('#late .fb');
      return { slotted: !!fb.assignedSlot, mounted: !!document.querySelector('#late').shadowRoot.querySelector('.widget') };
    });
    assert.equal(early.mounted, false, 'a widget 4000 px below the fold has not started');
    assert.ok(early.slotted, 'before the start the fallback is slotted (shown)');
    assert.equal(await waitForMounted(page, '#late'), 'ready', 'scrolled near, it starts');
    assert.equal(await page.evaluate(() => document.querySelector('#late .fb').checkVisibility()), false, 'hidden after mount');
    await assertNoErrors(t, 'fallback');
  } finally {
    await t.context.close();
  }
});

// Bloggers style the element: a margin on it must not make the post jump
// when the widget starts (the widget's own box has none, before and after),
// and `hidden` must hide it.
test('a margin the page sets on the element moves nothing when the widget starts, and hidden hides it', async () => {
  const t = await openFixture(browser, server, 'blank.html');
  const { page } = t;
  try {
    // A page rule on the element, adopted: inline styles would break the strict CSP.
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('backwise-widget { margin-block: 40px !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    const measure = () =>
      page.evaluate(() => {
        const el = document.getElementById('w');
        const below = document.getElementById('below');
        return {
          top: el.getBoundingClientRect().top + scrollY,
          below: below.getBoundingClientRect().top + scrollY,
          margin: getComputedStyle(el).marginBlockStart,
        };
      });
    await page.evaluate(() => {
      const host = document.querySelector('#host') || document.body;
      const el = document.createElement('backwise-widget');
      el.id = 'w';
      el.innerHTML = '<p>The fallback.</p>';
      const below = document.createElement('p');
      below.id = 'below';
      below.textContent = 'The post goes on.';
      host.append(el, below);
    });
    const waiting = await measure();
    assert.equal(await waitForMounted(page, '#w'), 'ready');
    const started = await measure();
    assert.deepEqual(started, waiting, 'the element and the text below it stay where they were');
    assert.equal(started.margin, '0px', "the widget's box keeps no margin of the page's");

    await page.evaluate(() => (document.getElementById('w').hidden = true));
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('w')).display), 'none', 'hidden hides a started widget');
    await page.evaluate(() => {
      const el = document.createElement('backwise-widget');
      el.id = 'later';
      el.hidden = true;
      document.body.append(el);
    });
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('later')).display), 'none', 'hidden hides a waiting one');
    await assertNoErrors(t, 'margin and hidden');
  } finally {
    await t.context.close();
  }
});
