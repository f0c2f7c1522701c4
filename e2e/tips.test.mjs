// End-to-end: the tips deck, as a reader meets it in the release build.
// Keyboard-only browsing, filters, Turn, touch swipe, reload, axe, reflow at
// 320 px, target sizes, and screenshots. Needs `trunk build --release --offline`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSuite, axeScan, screenshot } from './lib/browser.mjs';
import {
  loadDeck,
  widgetRunner,
  reloadWidget,
  deepActive,
  assertFocusInWidget,
  pressKeepingFocus,
  tabUntil,
  tabNeverInto,
  horizontalOverflow,
  smallTargets,
  visibleButtonCount,
  touchSwipe,
  centreOf,
  wholyInView,
  settledBox,
  noIdleCallback,
} from './lib/widget.mjs';

const deck = loadDeck();
const TIPS = deck.tips;
const DOS = TIPS.filter((t) => t.kind === 'do');
const DONTS = TIPS.filter((t) => t.kind === 'dont');
const STORAGE_KEY = `backwise:${deck.id}:tips`;

const { server, browser } = await openSuite();

/** Run `fn` with a fresh context (fresh localStorage); always closes it. */
const withWidget = widgetRunner(browser, server, { prefix: 'tips' });

const widget = (page) => page.locator('backwise-widget');
const progress = (page) => widget(page).getByText(/^Tip \d+ of \d+$/);
const headline = (page) => widget(page).getByRole('heading', { level: 3 });
const badge = (page) => widget(page).locator('.card .badge');
const nextButton = (page) => widget(page).getByRole('button', { name: 'Next', exact: true });
const prevButton = (page) => widget(page).getByRole('button', { name: 'Previous', exact: true });
const filterButton = (page, name) => widget(page).getByRole('button', { name, exact: true });
const turnButton = (page) => widget(page).getByRole('button', { name: /^Turn( back)?$/ });

/** The card shows `tip`, as number n of total. */
async function expectCard(page, tip, n, total, why = '') {
  const where = why ? ` (${why})` : '';
  assert.equal(await progress(page).textContent(), `Tip ${n} of ${total}`, `progress${where}`);
  assert.equal((await headline(page).textContent()).trim(), tip.headline, `headline of tip ${n}${where}`);
  const badgeText = (await badge(page).textContent()).replace(/\s+/g, ' ').trim();
  const [icon, word] = tip.kind === 'do' ? ['✓', 'Do'] : ['✕', "Don't"];
  assert.equal(badgeText, `${icon} ${word}`, `badge of tip ${n} carries a word and an icon${where}`);
}

test('keyboard only: Tab into the deck, ←/→ through all 10 tips, Next/Previous by Enter keep focus', async () => {
  await withWidget('keyboard', {}, async (t, page) => {
    await expectCard(page, TIPS[0], 1, 10, 'start');

    // Tab from the top of the page into the deck region; focus never lands on <body>.
    const region = await tabUntil(page, (f) => f.tag === 'section' && f.ariaLabel === 'Tips', {
      max: 10,
      what: 'the tips deck region',
    });
    assert.ok(region.inWidget);

    for (let n = 2; n <= 10; n++) {
      const f = await pressKeepingFocus(page, 'ArrowRight', `ArrowRight to tip ${n}`);
      assert.equal(f.ariaLabel, 'Tips', 'focus stays on the deck region');
      await expectCard(page, TIPS[n - 1], n, 10, `ArrowRight ×${n - 1}`);
    }
    // At the end, → does nothing.
    await pressKeepingFocus(page, 'ArrowRight', 'ArrowRight at the last tip');
    await expectCard(page, TIPS[9], 10, 10, 'ArrowRight past the end');
    assert.equal(await nextButton(page).getAttribute('aria-disabled'), 'true', 'Next is aria-disabled at the end');
    assert.equal(
      await nextButton(page).evaluate((b) => b.disabled),
      false,
      'Next is never disabled (it would drop focus)',
    );

    for (let n = 9; n >= 1; n--) {
      await pressKeepingFocus(page, 'ArrowLeft', `ArrowLeft to tip ${n}`);
      await expectCard(page, TIPS[n - 1], n, 10, 'ArrowLeft back');
    }
    assert.equal(await prevButton(page).getAttribute('aria-disabled'), 'true', 'Previous is aria-disabled at the start');

    // Tab on to Next, then Enter: the card moves and focus stays on the button.
    const next = await tabUntil(page, (f) => f.tag === 'button' && /^Next\b/.test(f.text), { max: 5, what: 'Next' });
    assert.ok(next.inWidget);
    for (let n = 2; n <= 10; n++) {
      const f = await pressKeepingFocus(page, 'Enter', `Enter on Next (tip ${n})`);
      assert.match(f.text, /^Next\b/, `focus stays on Next after Enter (tip ${n})`);
      await expectCard(page, TIPS[n - 1], n, 10, 'Enter on Next');
    }
    const atEnd = await pressKeepingFocus(page, 'Enter', 'Enter on an aria-disabled Next');
    assert.match(atEnd.text, /^Next\b/, 'focus stays on the aria-disabled Next');
    await expectCard(page, TIPS[9], 10, 10, 'Enter on aria-disabled Next');

    const prev = await tabUntil(page, (f) => f.tag === 'button' && /\bPrevious$/.test(f.text), {
      shift: true,
      max: 3,
      what: 'Previous',
    });
    assert.ok(prev.inWidget);
    const f = await pressKeepingFocus(page, 'Enter', 'Enter on Previous');
    assert.match(f.text, /\bPrevious$/, 'focus stays on Previous after Enter');
    await expectCard(page, TIPS[8], 9, 10, 'Enter on Previous');
    await pressKeepingFocus(page, 'Space', 'Space on Previous');
    await expectCard(page, TIPS[7], 8, 10, 'Space on Previous');

    await screenshot(page, 'tips-keyboard');
  });
});

test("filters: Do's and Don'ts each show 5 tips of their kind; All shows 10", async () => {
  await withWidget('filters', {}, async (t, page) => {
    assert.equal(await filterButton(page, 'All').getAttribute('aria-pressed'), 'true');
    assert.equal(await filterButton(page, "Do's").getAttribute('aria-pressed'), 'false');

    await filterButton(page, "Do's").click();
    assert.equal(await filterButton(page, "Do's").getAttribute('aria-pressed'), 'true', "Do's pressed");
    assert.equal(await filterButton(page, 'All').getAttribute('aria-pressed'), 'false', 'All released');
    for (let i = 0; i < DOS.length; i++) {
      if (i) await nextButton(page).click();
      await expectCard(page, DOS[i], i + 1, 5, "Do's filter");
    }
    assert.equal(await nextButton(page).getAttribute('aria-disabled'), 'true');

    await filterButton(page, "Don'ts").click();
    assert.equal(await filterButton(page, "Don'ts").getAttribute('aria-pressed'), 'true', "Don'ts pressed");
    assert.equal(await filterButton(page, "Do's").getAttribute('aria-pressed'), 'false');
    assert.match(await progress(page).textContent(), /^Tip \d of 5$/);
    // Walk to the first of the filtered tips, then through all five.
    while ((await progress(page).textContent()) !== 'Tip 1 of 5') await prevButton(page).click();
    for (let i = 0; i < DONTS.length; i++) {
      if (i) await nextButton(page).click();
      await expectCard(page, DONTS[i], i + 1, 5, "Don'ts filter");
    }

    // Keyboard works on the filter too.
    await filterButton(page, 'All').focus();
    await pressKeepingFocus(page, 'Enter', 'Enter on All');
    assert.equal(await filterButton(page, 'All').getAttribute('aria-pressed'), 'true');
    assert.match(await progress(page).textContent(), /^Tip \d+ of 10$/);
  });
});

test('Turn reveals the detail; Turn back hides it again', async () => {
  await withWidget('turn', {}, async (t, page) => {
    const detail = widget(page).getByText(TIPS[0].detail, { exact: true });
    assert.equal(await detail.isVisible(), false, 'detail hidden on the front');
    const turn = turnButton(page);
    assert.equal(await turn.textContent(), 'Turn');
    assert.equal(await turn.getAttribute('aria-expanded'), 'false');

    await turn.focus();
    await pressKeepingFocus(page, 'Enter', 'Enter on Turn');
    await detail.waitFor({ state: 'visible' });
    assert.equal(await turn.getAttribute('aria-expanded'), 'true');
    assert.equal(await turn.textContent(), 'Turn back');
    const f = await deepActive(page);
    assert.equal(f.text, 'Turn back', 'focus stays on the Turn control');
    await screenshot(page, 'tips-turned');

    await turn.click();
    await detail.waitFor({ state: 'hidden' });
    assert.equal(await turn.getAttribute('aria-expanded'), 'false');
    assert.equal(await turn.textContent(), 'Turn');
  });
});

test('on a small phone, the Turn button stays in view once the detail opens above it', async () => {
  const phone = { viewport: { width: 320, height: 568 }, hasTouch: true, isMobile: true };
  await withWidget('turn-phone', { context: phone }, async (t, page) => {
    const turn = turnButton(page);
    // The reader has scrolled so that Turn is at the bottom of the screen.
    await turn.evaluate((el) => el.scrollIntoView({ block: 'end', behavior: 'instant' }));
    await turn.tap();
    await widget(page).getByText(TIPS[0].detail, { exact: true }).waitFor({ state: 'visible' });
    const box = await settledBox(turn);
    assert.ok(wholyInView(box), `Turn back is in view: ${JSON.stringify(box)}`);
    assert.equal((await deepActive(page)).text, 'Turn back', 'focus stays on the Turn control');
  });
});

test('touch: a swipe left shows the next tip, a swipe right the previous one, a vertical swipe neither', async () => {
  const context = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
  await withWidget('swipe', { context }, async (t, page) => {
    const touchAction = await widget(page).locator('section.deck').evaluate((el) => getComputedStyle(el).touchAction);
    assert.equal(touchAction, 'pan-y', 'the deck lets the page scroll vertically but keeps horizontal moves');

    // Record what reaches the deck, to explain a failure.
    await widget(page).locator('section.deck').evaluate((el) => {
      window.__deckPointer = [];
      for (const type of ['pointerdown', 'pointerup', 'pointercancel']) {
        el.addEventListener(type, (e) => window.__deckPointer.push(`${type}:${e.pointerType}`));
      }
    });
    const start = await centreOf(headline(page));
    const left = { x: Math.max(10, start.x - 150), y: start.y };
    const right = { x: Math.min(380, start.x + 150), y: start.y };

    await touchSwipe(page, { x: right.x, y: start.y }, left);
    await progress(page).filter({ hasText: 'Tip 2 of 10' }).waitFor({ timeout: 2000 }).catch(() => {});
    const events = await page.evaluate(() => window.__deckPointer);
    assert.equal(
      await progress(page).textContent(),
      'Tip 2 of 10',
      `a swipe left goes to the next tip (pointer events seen on the deck: ${events.join(', ') || 'none'})`,
    );
    await expectCard(page, TIPS[1], 2, 10, 'swipe left');

    await touchSwipe(page, (await centreOf(headline(page))), { x: 370, y: (await centreOf(headline(page))).y });
    await progress(page).filter({ hasText: 'Tip 1 of 10' }).waitFor({ timeout: 2000 }).catch(() => {});
    await expectCard(page, TIPS[0], 1, 10, 'swipe right');

    // A mostly vertical move is a scroll, not a swipe.
    const c = await centreOf(headline(page));
    await touchSwipe(page, { x: c.x, y: c.y }, { x: c.x - 20, y: c.y - 120 });
    await page.waitForTimeout(50);
    assert.equal(await progress(page).textContent(), 'Tip 1 of 10', 'a vertical swipe does not change the card');

    // Tapping the Next button works on touch too.
    await nextButton(page).tap();
    await expectCard(page, TIPS[1], 2, 10, 'tap on Next');
    await screenshot(page, 'tips-mobile');
  });
});

test('reload restores the position and the filter', async () => {
  await withWidget('reload', {}, async (t, page) => {
    for (let i = 0; i < 6; i++) await nextButton(page).click();
    await expectCard(page, TIPS[6], 7, 10, 'before reload');
    await reloadWidget(page);
    await expectCard(page, TIPS[6], 7, 10, 'after reload');
    assert.equal(await filterButton(page, 'All').getAttribute('aria-pressed'), 'true');

    await filterButton(page, "Don'ts").click();
    while ((await progress(page).textContent()) !== 'Tip 1 of 5') await prevButton(page).click();
    await nextButton(page).click();
    await nextButton(page).click();
    await expectCard(page, DONTS[2], 3, 5, "Don'ts, before reload");
    const saved = await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);
    assert.ok(saved, `the place is saved under localStorage["${STORAGE_KEY}"]`);

    await reloadWidget(page);
    await expectCard(page, DONTS[2], 3, 5, "Don'ts, after reload");
    assert.equal(await filterButton(page, "Don'ts").getAttribute('aria-pressed'), 'true', 'filter restored');
    assert.equal(await filterButton(page, 'All').getAttribute('aria-pressed'), 'false');
  });
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core: 0 violations on the tips view (${colorScheme} color scheme)`, async () => {
    await withWidget(`axe-${colorScheme}`, { context: { colorScheme } }, async (t, page) => {
      // The widget on its own, and the whole demo page it ships in; every
      // scan runs before any assertion so that one report shows them all.
      const reports = [];
      const scan = async (what) => {
        const widgetOnly = await axeScan(page, { context: 'backwise-widget' });
        const wholePage = await axeScan(page);
        reports.push([`widget, ${what}`, widgetOnly], [`demo page, ${what}`, wholePage]);
      };
      await scan(`tips view, front of the first card (${colorScheme})`);

      // A Don't card, turned over, with a filter on.
      await filterButton(page, "Don'ts").click();
      await nextButton(page).click();
      await turnButton(page).click();
      await widget(page).getByText('Turn back').waitFor();
      await scan(`tips view, Don'ts filter, card turned (${colorScheme})`);
      await screenshot(page, `tips-${colorScheme}`);

      const failed = reports.filter(([, r]) => r.violations.length);
      assert.deepEqual(
        failed.map(([what]) => what),
        [],
        failed.map(([what, r]) => `${what}:\n${r.summary}`).join('\n\n'),
      );
    });
  });
}

test('reflow at 320 px wide: no horizontal scroll inside the widget, in either view', async () => {
  const context = { viewport: { width: 320, height: 700 } };
  await withWidget('reflow-320', { context }, async (t, page) => {
    const front = await horizontalOverflow(page);
    assert.deepEqual(front, [], 'tips view at 320 px');

    // The longest headline and detail, turned over.
    const longest = TIPS.reduce((a, b) => (b.detail.length > a.detail.length ? b : a));
    const idx = TIPS.indexOf(longest);
    for (let i = 0; i < idx; i++) await nextButton(page).click();
    await turnButton(page).click();
    await widget(page).getByText(longest.detail, { exact: true }).waitFor();
    assert.deepEqual(await horizontalOverflow(page), [], 'tips view, turned card, at 320 px');
    await screenshot(page, 'tips-320');

    // At 320 px the quiz is the stack (e2e/stack.test.mjs).
    await widget(page).getByRole('tab', { name: 'Quiz', exact: true }).click();
    await widget(page).locator('.quiz-stack').waitFor();
    assert.deepEqual(await horizontalOverflow(page), [], 'quiz view at 320 px');
  });
});

test('every button in the widget is at least 24×24 px (desktop and 320 px)', async () => {
  for (const viewport of [{ width: 1000, height: 800 }, { width: 320, height: 700 }]) {
    await withWidget(`targets-${viewport.width}`, { context: { viewport } }, async (t, page) => {
      const count = await visibleButtonCount(page);
      assert.ok(count >= 7, `expected the tips view's buttons to be visible, saw ${count}`);
      assert.deepEqual(await smallTargets(page), [], `tips view at ${viewport.width} px`);
      await turnButton(page).click();
      assert.deepEqual(await smallTargets(page), [], `tips view, card turned, at ${viewport.width} px`);
      await widget(page).getByRole('tab', { name: 'Quiz', exact: true }).click();
      // The board on the desktop, the stack at 320 px.
      await widget(page).locator('.quiz-board, .quiz-stack').waitFor();
      assert.deepEqual(await smallTargets(page), [], `quiz view at ${viewport.width} px`);
    });
  }
});

test('tabs: arrow keys move between Tips and Quiz with focus on the selected tab', async () => {
  await withWidget('tabs', {}, async (t, page) => {
    const tips = widget(page).getByRole('tab', { name: 'Tips', exact: true });
    const quiz = widget(page).getByRole('tab', { name: 'Quiz', exact: true });
    await tabUntil(page, (f) => f.role === 'tab', { max: 5, what: 'the tab list' });
    assert.equal(await tips.getAttribute('aria-selected'), 'true');
    let f = await pressKeepingFocus(page, 'ArrowRight', 'ArrowRight on the tabs');
    assert.equal(f.text, 'Quiz');
    assert.equal(await quiz.getAttribute('aria-selected'), 'true');
    await widget(page).getByText(/^\d+ of 17 sorted$/).waitFor();
    assert.equal(await progress(page).isVisible(), false, 'the tips panel is hidden');
    f = await pressKeepingFocus(page, 'ArrowLeft', 'ArrowLeft on the tabs');
    assert.equal(f.text, 'Tips');
    assert.equal(await tips.getAttribute('aria-selected'), 'true');
    await assertFocusInWidget(page, 'switching tabs');
    await expectCard(page, TIPS[0], 1, 10, 'back on Tips');
  });
});

/** In the page: whether the quiz panel has its content, hidden or not. */
const quizRendered = () => document.querySelector('backwise-widget').shadowRoot.querySelector('[role=tabpanel][id$=panel-quiz] .quiz') !== null;

test('the quiz is rendered, hidden, while the browser is idle on the Tips tab; its tab then only shows it', async () => {
  await withWidget('quiz-ahead', {}, async (t, page) => {
    await page.waitForFunction(quizRendered, null, { timeout: 5000 });
    const quiz = widget(page).getByRole('tab', { name: 'Quiz', exact: true });
    assert.equal(await quiz.getAttribute('aria-selected'), 'false', 'the Tips tab stays selected');
    assert.equal(await widget(page).getByRole('button', { name: 'Check answers', exact: true }).count(), 0, 'the quiz is hidden from assistive technology');
    await expectCard(page, TIPS[0], 1, 10, 'the tips are still shown');
    // Mark the quiz's first row: the click must show it, not build a new one.
    await widget(page).locator('li.item').first().evaluate((li) => (li.dataset.marked = 'yes'));
    await quiz.click();
    await widget(page).getByText(/^0 of 17 sorted$/).waitFor();
    assert.equal(await widget(page).locator('li.item[data-marked=yes]').count(), 1, 'the rows rendered ahead are the ones shown');
  });
});

/**
 * In the page: the hidden quiz panel's state, read from its first row. A row
 * in a `display: none` subtree has no box; a row kept laid out, unseen, has
 * its full width. The page itself must not hit it at its place, and the
 * widget must not grow by it.
 */
const hiddenQuizPanel = () => {
  const root = document.querySelector('backwise-widget').shadowRoot;
  const panel = root.querySelector('[role=tabpanel][id$=panel-quiz]');
  const row = panel.querySelector('li.item');
  const box = row.getBoundingClientRect();
  const hit = root.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
  const widget = root.querySelector('.root');
  return {
    hidden: panel.hidden,
    seen: panel.checkVisibility({ visibilityProperty: true }),
    panelHeight: panel.getBoundingClientRect().height,
    rowWidth: box.width,
    hitInPanel: !!hit && panel.contains(hit),
    overflow: widget.scrollHeight - widget.clientHeight,
  };
};

test('the quiz, rendered ahead, stays laid out while its panel is hidden, and no reader meets it', async () => {
  await withWidget('quiz-laid-out', {}, async (t, page) => {
    await page.waitForFunction(quizRendered, null, { timeout: 5000 });
    const state = await page.evaluate(hiddenQuizPanel);
    assert.equal(state.hidden, true, 'the panel is hidden');
    assert.equal(state.seen, false, 'and unseen');
    assert.equal(state.panelHeight, 0, 'it takes no room');
    assert.ok(state.rowWidth > 200, `its rows are laid out (${state.rowWidth} px wide)`);
    assert.equal(state.hitInPanel, false, 'a click at a row\'s place does not reach it');
    assert.ok(state.overflow <= 1, `the widget does not grow by it (${state.overflow} px)`);
    assert.equal(await widget(page).getByRole('button', { name: 'Check answers', exact: true }).count(), 0, 'the quiz is hidden from assistive technology');
    await expectCard(page, TIPS[0], 1, 10, 'the tips are still shown');
    // Tab through the whole widget: never into the hidden quiz.
    await nextButton(page).focus();
    await tabNeverInto(page, '[id$=panel-quiz]', 20, 'the hidden quiz');
    await widget(page).getByRole('tab', { name: 'Quiz', exact: true }).click();
    await widget(page).getByText(/^0 of 17 sorted$/).waitFor();
    assert.ok(await widget(page).getByRole('button', { name: 'Check answers', exact: true }).isVisible(), 'shown, it is the quiz a reader meets');
  });
});

test('without requestIdleCallback (Safari), the quiz is rendered when its tab is first chosen', async () => {
  await withWidget('quiz-no-idle', { initScripts: [noIdleCallback] }, async (t, page) => {
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(quizRendered), false, 'nothing rendered ahead');
    await widget(page).getByRole('tab', { name: 'Quiz', exact: true }).click();
    await widget(page).getByText(/^0 of 17 sorted$/).waitFor();
  });
});

test('tabs on a slow phone (6× CPU): every frame after a click shows the chosen tab selected over its own panel', async () => {
  // Without the idle render, so that the quiz's first render is in the click.
  await withWidget('tabs-slow', { initScripts: [noIdleCallback] }, async (t, page) => {
    // Each panel's first render is long at this speed (the quiz's takes
    // about 60 ms), long enough that yew lets the browser paint before it
    // has rendered everything the click changed.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    for (const name of ['Quiz', 'Tips', 'Quiz']) {
      await page.evaluate(() => {
        const root = document.querySelector('backwise-widget').shadowRoot;
        window.__tabFrames = [];
        // What each frame paints: the shown panel and the selected tab.
        const look = () => {
          const shown = [...root.querySelectorAll('[role=tabpanel]')].filter((p) => !p.hidden).map((p) => p.id);
          const selected = [...root.querySelectorAll('[role=tab][aria-selected=true]')].map((tab) => tab.getAttribute('aria-controls'));
          window.__tabFrames.push({ shown, selected });
          if (window.__tabFrames.length < 10) requestAnimationFrame(look);
        };
        root.addEventListener('pointerdown', () => requestAnimationFrame(look), { once: true, capture: true });
      });
      await widget(page).getByRole('tab', { name, exact: true }).click();
      await page.waitForFunction(() => window.__tabFrames.length >= 10, null, { timeout: 10000 });
      const frames = await page.evaluate(() => window.__tabFrames);
      frames.forEach(({ shown, selected }, i) => {
        assert.deepEqual(selected, shown, `frame ${i + 1} after the click on ${name}: the selected tab controls the shown panel`);
      });
      assert.match(frames.at(-1).shown[0], new RegExp(`panel-${name.toLowerCase()}$`), `${name} is shown at the end`);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  });
});

test('forced colours (high contrast): the selected tab and the pressed filter still stand out', async () => {
  await withWidget('forced-colors', {}, async (t, page) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await filterButton(page, "Don'ts").click();
    const look = (locator) =>
      locator.evaluate((el) => {
        const s = getComputedStyle(el);
        return { line: s.borderBlockEndColor, background: s.backgroundColor, color: s.color };
      });
    const tabs = widget(page).getByRole('tab');
    const [selected, other] = [await look(tabs.nth(0)), await look(tabs.nth(1))];
    assert.notEqual(selected.line, other.line, `the selected tab's underline differs: ${JSON.stringify({ selected, other })}`);
    const [pressed, plain] = [await look(filterButton(page, "Don'ts")), await look(filterButton(page, 'All'))];
    assert.notEqual(pressed.background, plain.background, `the pressed filter differs: ${JSON.stringify({ pressed, plain })}`);
    await screenshot(page, 'tips-forced-colors');
  });
});
