// End-to-end: the sorting quiz in the release build. The whole quiz by
// keyboard alone and by taps alone, a real mouse drag and a cancelled one,
// scoring with deliberate mistakes and the host event, the review (why,
// Instead, See the tip), persistence, Try again, axe, the live region, and
// screenshots. Needs `trunk build --release --offline`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSuite, axeScan, screenshot } from './lib/browser.mjs';
import {
  loadDeck,
  widgetRunner,
  reloadWidget,
  deepActive,
  scrollSettled,
  assertFocusInWidget,
  pressKeepingFocus,
  tabUntil,
  tabNeverInto,
  liveText,
  liveTextMatching,
  horizontalOverflow,
  smallTargets,
  touchHold,
  touchSwipe,
  centreOf,
  quizCompleteRecorder,
  boardLayout,
  quizCompleteEvents,
  seededMathRandom,
  wholyInView,
  settledBox,
  SHOWN_ITEM,
  noIdleCallback,
} from './lib/widget.mjs';

const deck = loadDeck();
const TOTAL = deck.items.length; // 17
const SAFE = deck.binLabel('safe'); // "Safe alternative"
const AVOID = deck.binLabel('avoid'); // "Avoid"
const binName = (answer) => (answer === 'safe' ? SAFE : AVOID);
const otherBin = (answer) => (answer === 'safe' ? 'avoid' : 'safe');
const QUIZ_KEY = `backwise:${deck.id}:quiz`;

// Three deliberate mistakes for the scoring tests.
const WRONG_IDS = ['straight-leg-situps', 'walking', 'bicycling'];

assert.equal(TOTAL, 17, 'the built-in deck has 17 quiz items');
const { server, browser } = await openSuite();

/** Fresh context, widget ready, then `fn`; fails on any console/page/CSP error. */
const withWidget = widgetRunner(browser, server, { prefix: 'quiz', initScripts: [quizCompleteRecorder, boardLayout] });

// --- locators -------------------------------------------------------------

const widget = (page) => page.locator('backwise-widget');
const quizTab = (page) => widget(page).getByRole('tab', { name: 'Quiz', exact: true });
const tipsTab = (page) => widget(page).getByRole('tab', { name: 'Tips', exact: true });
const sortedText = (page) => widget(page).getByText(/^\d+ of \d+ sorted$/);
const pool = (page) => widget(page).getByRole('group', { name: /^To sort · \d+$/ });
const bin = (page, answer) => widget(page).getByRole('group', { name: new RegExp(`^${binName(answer)} · \\d+$`) });
const button = (scope, name) => scope.getByRole('button', { name, exact: true });
const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// "Return <label> to the items to sort" (tolerates a prefix such as "Back: ",
// which would bring the visible word into the accessible name).
const RETURN_NAME = /^(?:.*?\b)?return (.+) to the items to sort$/i;
const returnButton = (scope, label) =>
  scope.getByRole('button', { name: new RegExp(`^(?:.*?\\b)?return ${escapeRe(label)} to the items to sort$`, 'i') });
const checkButton = (page) => button(widget(page), 'Check answers');
/**
 * Check answers, as `how` (click or tap), then unfold the right answers
 * (results show the mistakes first and fold the rest: e2e/stack.test.mjs
 * checks that), so that this suite can read every outcome. The fold is
 * opened through the DOM, which leaves focus where Check put it.
 */
async function check(page, how = 'click') {
  await checkButton(page)[how]();
  const fold = widget(page).locator('details.right-answers');
  if (await fold.count()) await fold.evaluate((d) => (d.open = true));
}
const scoreHeading = (page) => widget(page).getByRole('heading', { name: /^\d+ of \d+$/ });
// The pool keeps a hidden row for each placed item: a reader sees only the others.
const poolItemLabels = (page) => widget(page).locator(`.pool ${SHOWN_ITEM} .item-label`);
const binItemLabels = (page, answer) => widget(page).locator(`.bin.${answer} .item-label`);
const itemRow = (page, id) => widget(page).locator(`${SHOWN_ITEM}[data-item="${id}"]`);
const outcome = (page, label) =>
  widget(page).getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) });

async function openQuiz(page) {
  await quizTab(page).click();
  await sortedText(page).waitFor();
}

async function counts(page) {
  const heading = async (loc) => (await loc.getByRole('heading').textContent()).trim();
  return {
    sorted: await sortedText(page).textContent(),
    pool: await heading(pool(page)),
    safe: await heading(bin(page, 'safe')),
    avoid: await heading(bin(page, 'avoid')),
  };
}

async function expectCounts(page, sorted, safe, avoid, why) {
  assert.deepEqual(
    await counts(page),
    {
      sorted: `${sorted} of ${TOTAL} sorted`,
      pool: `To sort · ${TOTAL - safe - avoid}`,
      safe: `${SAFE} · ${safe}`,
      avoid: `${AVOID} · ${avoid}`,
    },
    `counts ${why}`,
  );
}

const texts = async (loc) => (await loc.allTextContents()).map((s) => s.trim());

/** Place a pool item with its own "Put … in …" button (click or tap). */
async function placeWithButton(page, label, answer, how = 'click') {
  const b = button(pool(page), `Put ${label} in ${binName(answer)}`);
  if (how === 'tap') await b.tap();
  else await b.click();
}

/** The bin every item should go in, flipping the ones in `wrongIds`. */
const chosenBin = (item, wrongIds = []) => (wrongIds.includes(item.id) ? otherBin(item.answer) : item.answer);

/** Sort the whole pool with per-item buttons; returns what was placed where. */
async function sortAll(page, wrongIds = [], { leave = 0 } = {}) {
  const placed = [];
  for (;;) {
    const labels = await texts(poolItemLabels(page));
    if (labels.length <= leave) break;
    const item = deck.byLabel.get(labels[0]);
    assert.ok(item, `pool item "${labels[0]}" is in the deck`);
    const target = chosenBin(item, wrongIds);
    await placeWithButton(page, item.label, target);
    placed.push({ id: item.id, bin: target });
  }
  return placed;
}

/**
 * `window.scrollY` in each of the next `frames` animation frames. With
 * `click`, `target` is clicked first, in the same task, so the first frame
 * is the one right after the click.
 */
const scrollYEachFrame = (target, frames, { click = false } = {}) =>
  target.evaluate(
    (el, [frames, click]) =>
      new Promise((done) => {
        const ys = [];
        if (click) el.click();
        const frame = () => (ys.push(Math.round(window.scrollY)), ys.length >= frames ? done(ys) : requestAnimationFrame(frame));
        requestAnimationFrame(frame);
      }),
    [frames, click],
  );

/** A tall phone, for touch drags that take the page a long way. */
const TALL_PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

// --- tests ------------------------------------------------------------------

test('keyboard only: the whole quiz with Tab, Enter and Space; focus is never lost', async () => {
  await withWidget('keyboard', {}, async (t, page) => {
    // Into the tab list, then → to the Quiz tab.
    await tabUntil(page, (f) => f.role === 'tab', { max: 5, what: 'the tabs' });
    const tab = await pressKeepingFocus(page, 'ArrowRight', 'ArrowRight to the Quiz tab');
    assert.equal(tab.text, 'Quiz');
    await sortedText(page).waitFor();
    await expectCounts(page, 0, 0, 0, 'at the start');

    // Tab from the tab to the first item of the pool.
    let f = await pressKeepingFocus(page, 'Tab', 'Tab from the Quiz tab');
    const firstPool = (await texts(poolItemLabels(page)))[0];
    assert.equal(f.text, firstPool, 'Tab from the Quiz tab lands on the first item to sort');

    let n = 0;
    while (n < TOTAL) {
      f = await assertFocusInWidget(page, `placing item ${n}`);
      assert.match(f.cls, /\bitem-label\b/, `after ${n} placement(s) focus is on the next item to sort, not ${f.path}`);
      const item = deck.byLabel.get(f.text);
      assert.ok(item, `focused item "${f.text}" is in the deck`);
      const target = binName(item.answer);

      if (n % 4 === 1) {
        // Select with Space, then Tab on to the bin's "Put … in …" button.
        f = await pressKeepingFocus(page, 'Space', `Space on ${item.label}`);
        assert.equal(f.ariaPressed, 'true', `${item.label} is selected (aria-pressed)`);
        assert.equal(await liveText(page), `${item.label} selected. Choose a bin.`);
        f = await tabUntil(page, (x) => /\bdrop-here\b/.test(x.cls) && x.name === `Put ${item.label} in ${target}`, {
          max: 3 * TOTAL + 6,
          what: `the "${target}" bin's button for the selected item`,
        });
        await pressKeepingFocus(page, 'Enter', `Enter on "Put ${item.label} in ${target}" (bin)`);
      } else {
        // The item's own button: Tab once for Safe, twice for Avoid.
        await pressKeepingFocus(page, 'Tab', 'Tab to Safe');
        if (item.answer === 'avoid') await pressKeepingFocus(page, 'Tab', 'Tab to Avoid');
        f = await deepActive(page);
        assert.equal(f.name, `Put ${item.label} in ${target}`);
        await pressKeepingFocus(page, n % 2 ? 'Space' : 'Enter', `activating "Put ${item.label} in ${target}"`);
      }
      n++;
      assert.equal(await liveText(page), `${item.label} placed in ${target}. ${n} of ${TOTAL} sorted.`);
      assert.equal(await sortedText(page).textContent(), `${n} of ${TOTAL} sorted`);
    }

    // With the pool empty, focus has moved on to Check answers.
    f = await assertFocusInWidget(page, 'the last placement');
    assert.equal(f.text, 'Check answers', 'after the last placement focus is on Check answers');

    // Undo and redo by keyboard: Shift+Tab back into the Avoid bin's last item.
    f = await pressKeepingFocus(page, 'Shift+Tab', 'Shift+Tab from Check');
    const back = RETURN_NAME.exec(f.name);
    assert.ok(back, `Shift+Tab from Check reaches a "Return … to the items to sort" button, got "${f.name}"`);
    const movedLabel = back[1];
    const moved = deck.byLabel.get(movedLabel);
    f = await pressKeepingFocus(page, 'Shift+Tab', 'Shift+Tab to the move button');
    assert.equal(f.name, `Put ${movedLabel} in ${binName(otherBin(moved.answer))}`);
    f = await pressKeepingFocus(page, 'Enter', 'moving an item to the other bin');
    assert.equal(await liveText(page), `${movedLabel} moved to ${binName(otherBin(moved.answer))}. ${TOTAL} of ${TOTAL} sorted.`);
    assert.equal(RETURN_NAME.exec(f.name)?.[1], movedLabel, `focus follows the moved item (on "${f.name}")`);
    f = await pressKeepingFocus(page, 'Enter', 'returning an item to the pool');
    assert.equal(await liveText(page), `${movedLabel} returned to the items to sort. ${TOTAL - 1} of ${TOTAL} sorted.`);
    assert.equal(f.text, movedLabel, 'focus follows the returned item into the pool');
    await pressKeepingFocus(page, 'Tab', 'Tab to Safe');
    if (moved.answer === 'avoid') await pressKeepingFocus(page, 'Tab', 'Tab to Avoid');
    f = await pressKeepingFocus(page, 'Enter', 'placing the returned item again');
    assert.equal(f.text, 'Check answers');

    // Check: focus goes to the score.
    f = await pressKeepingFocus(page, 'Enter', 'Enter on Check answers');
    assert.match(f.cls, /\bscore\b/, 'focus moves to the score heading');
    assert.equal(f.text, `${TOTAL} of ${TOTAL}`);
    const scored = new RegExp(`^You scored ${TOTAL} of ${TOTAL}\\.`);
    assert.match(await liveTextMatching(page, scored), scored);
    const events = await quizCompleteEvents(page);
    assert.equal(events.length, 1, 'one backwise-quiz-complete event');
    assert.deepEqual(events[0].detail, { deckId: deck.id, score: TOTAL, total: TOTAL, wrong: [] });

    // Try again by keyboard: focus goes to the first item of the new pool.
    await tabUntil(page, (x) => x.text === 'Try again', { max: 6 * TOTAL, what: 'Try again' });
    f = await pressKeepingFocus(page, 'Enter', 'Enter on Try again');
    assert.match(f.cls, /\bitem-label\b/, 'after Try again focus is on an item to sort');
    await expectCounts(page, 0, 0, 0, 'after Try again');
  });
});

test('taps only on a touch phone (390×844): the whole quiz, by select-then-bin and by item buttons', async () => {
  const context = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
  await withWidget('taps', { context }, async (t, page) => {
    await quizTab(page).tap();
    await sortedText(page).waitFor();
    let n = 0;
    for (;;) {
      const labels = await texts(poolItemLabels(page));
      if (!labels.length) break;
      const item = deck.byLabel.get(labels[0]);
      const target = binName(item.answer);
      if (n % 2 === 0) {
        const label = button(pool(page), item.label);
        await label.tap();
        assert.equal(await label.getAttribute('aria-pressed'), 'true', `tap selects ${item.label}`);
        await button(bin(page, item.answer), `Put ${item.label} in ${target}`).tap();
      } else {
        await placeWithButton(page, item.label, item.answer, 'tap');
      }
      n++;
      assert.equal(await sortedText(page).textContent(), `${n} of ${TOTAL} sorted`, `after tapping ${item.label}`);
      assert.equal(
        await binItemLabels(page, item.answer).filter({ hasText: item.label }).count(),
        1,
        `${item.label} is in ${target}`,
      );
    }
    assert.equal(n, TOTAL);
    await check(page, 'tap');
    await scoreHeading(page).waitFor();
    assert.equal(await scoreHeading(page).textContent(), `${TOTAL} of ${TOTAL}`);
    assert.equal((await quizCompleteEvents(page))[0]?.detail?.score, TOTAL);
    await screenshot(page, 'quiz-mobile-results');
  });
});

test('mouse: a real drag into a bin, back to the pool, and a cancelled drag', async () => {
  await withWidget('mouse-drag', { context: { viewport: { width: 1000, height: 900 } } }, async (t, page) => {
    await openQuiz(page);
    const mouse = page.mouse;

    /** Drag from `from` to a point chosen by `to()` (computed after scrolling). */
    async function drag(from, to, { midCheck } = {}) {
      const start = await centreOf(from);
      const end = await to();
      await mouse.move(start.x, start.y);
      await mouse.down();
      await mouse.move(start.x + 10, start.y + 4, { steps: 3 });
      await mouse.move(end.x, end.y, { steps: 15 });
      if (midCheck) await midCheck();
      await mouse.up();
    }
    /** A point inside `region` and inside the viewport. */
    const pointIn = (region) => async () => {
      const box = await region.boundingBox();
      const vh = page.viewportSize().height;
      const top = Math.max(box.y, 0);
      const bottom = Math.min(box.y + box.height, vh);
      assert.ok(bottom - top > 20, 'the drop zone is on screen');
      return { x: box.x + box.width / 2, y: top + Math.min(60, (bottom - top) / 2) };
    };

    // 1. Drag the first item by its grip into Safe alternative, with focus on
    //    another item: the grip cannot take focus, and focus must not fall to
    //    the page.
    const first = deck.byLabel.get((await texts(poolItemLabels(page)))[0]);
    await button(pool(page), (await texts(poolItemLabels(page)))[1]).focus();
    const firstRow = itemRow(page, first.id);
    assert.equal(
      await firstRow.locator('.grip').evaluate((el) => getComputedStyle(el).touchAction),
      'none',
      'the grip takes touch moves for the drag',
    );
    await drag(firstRow.locator('.grip'), pointIn(bin(page, 'safe')), {
      midCheck: async () => {
        const ghost = widget(page).locator('.drag-ghost');
        assert.equal(await ghost.isVisible(), true, 'a ghost follows the pointer during the drag');
        assert.equal((await ghost.textContent()).trim(), first.label);
        const end = await pointIn(bin(page, 'safe'))();
        await ghostNear(page, end.x, end.y, 'a mouse drag');
        assert.match(await bin(page, 'safe').getAttribute('class'), /\bover\b/, 'the bin under the pointer is highlighted');
        await screenshot(page, 'quiz-drag', { fullPage: false });
      },
    });
    await expectCounts(page, 1, 1, 0, 'after dragging into Safe alternative');
    await assertFocusInWidget(page, 'a mouse drag by the grip');
    assert.deepEqual(await texts(binItemLabels(page, 'safe')), [first.label]);
    assert.equal(await liveText(page), `${first.label} placed in ${SAFE}. 1 of ${TOTAL} sorted.`);
    assert.equal(await widget(page).locator('.drag-ghost').isVisible(), false, 'the ghost is gone after the drop');
    assert.equal(await button(bin(page, 'safe'), first.label).getAttribute('aria-pressed'), 'false', 'the drop did not also select the item');

    // 2. Drag the last pool item by its label into Avoid, a screen above it:
    //    held near the window's top edge, the drag scrolls the page up, and
    //    stops once the bin is under the pointer.
    const labels = await texts(poolItemLabels(page));
    const last = deck.byLabel.get(labels[labels.length - 1]);
    const binX = await bin(page, 'avoid').evaluate((el) => { const r = el.getBoundingClientRect(); return r.x + r.width / 2; });
    await drag(button(pool(page), last.label), async () => ({ x: binX, y: 8 }), {
      midCheck: () => page.waitForFunction(() => {
        const zone = document.querySelector('backwise-widget').shadowRoot.querySelector('.zone.bin.avoid');
        return zone.classList.contains('over');
      }),
    });
    await expectCounts(page, 2, 1, 1, 'after dragging a label into Avoid');
    assert.deepEqual(await texts(binItemLabels(page, 'avoid')), [last.label]);
    assert.equal(await liveText(page), `${last.label} placed in ${AVOID}. 2 of ${TOTAL} sorted.`);

    // 3. Drag the first one from its bin back onto the pool.
    await drag(itemRow(page, first.id).locator('.grip'), pointIn(pool(page)));
    await expectCounts(page, 1, 0, 1, 'after dragging back to the pool');
    await assertFocusInWidget(page, 'a mouse drag by the grip back to the pool');
    assert.equal(await liveText(page), `${first.label} returned to the items to sort. 1 of ${TOTAL} sorted.`);

    // 4. Cancelled drags: drop on the prompt (inside the widget, outside every
    //    zone) and on the page's heading (outside the widget).
    const before = await texts(poolItemLabels(page));
    const victim = deck.byLabel.get(before[0]);
    const announced = await liveText(page);
    for (const [where, target] of [
      ['the quiz prompt', widget(page).getByText(deck.quiz.prompt, { exact: true })],
      ['the page heading', page.getByRole('heading', { level: 1 })],
    ]) {
      await drag(itemRow(page, victim.id).locator('.grip'), () => centreOf(target));
      await expectCounts(page, 1, 0, 1, `after a drag dropped on ${where}`);
      assert.deepEqual(await texts(poolItemLabels(page)), before, `the pool is unchanged after a drop on ${where}`);
      assert.equal(await liveText(page), announced, `nothing announced for a drop on ${where}`);
      assert.equal(await widget(page).locator('.drag-ghost').isVisible(), false, 'no ghost left behind');
      assert.equal(await button(pool(page), victim.label).getAttribute('aria-pressed'), 'false', 'a cancelled drag does not select');
    }

    // 5. After all that, a plain click still selects (the click is not swallowed).
    await button(pool(page), victim.label).click();
    assert.equal(await button(pool(page), victim.label).getAttribute('aria-pressed'), 'true', 'a click after drags selects');
  });
});

test('touch: a finger drag by the grip places an item and does not scroll the page', async () => {
  const context = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
  await withWidget('touch-drag', { context }, async (t, page) => {
    await quizTab(page).tap();
    await sortedText(page).waitFor();
    // On a phone the bins sit below the pool: take the last item of the pool,
    // just above the Safe bin, and put both on screen.
    const labels = await texts(poolItemLabels(page));
    const last = deck.byLabel.get(labels[labels.length - 1]);
    const grip = itemRow(page, last.id).locator('.grip');
    const vh = page.viewportSize().height;
    const g = await centreOf(grip);
    await page.evaluate((dy) => window.scrollBy(0, dy), g.y - vh / 3);
    const start = await centreOf(grip);
    const safeBox = await bin(page, 'safe').boundingBox();
    assert.ok(safeBox.y + 30 < vh, `the Safe bin is on screen below the last item (top at ${safeBox.y}, viewport ${vh})`);
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await touchSwipe(page, start, { x: safeBox.x + safeBox.width / 2, y: safeBox.y + 30 }, { steps: 12 });
    await expectCounts(page, 1, 1, 0, 'after a touch drag into Safe alternative');
    assert.deepEqual(await texts(binItemLabels(page, 'safe')), [last.label]);
    assert.equal(await liveText(page), `${last.label} placed in ${SAFE}. 1 of ${TOTAL} sorted.`);
    const scrollAfter = await page.evaluate(() => window.scrollY);
    assert.equal(scrollAfter, scrollBefore, 'the page did not scroll during the drag');
  });
});

/** Where the drag ghost sits relative to the pointer at (x, y): it should be just up and left of it. */
async function ghostNear(page, x, y, what) {
  const box = await widget(page).locator('.drag-ghost').boundingBox();
  assert.ok(box, `the ghost is shown (${what})`);
  const [dx, dy] = [x - box.x, y - box.y];
  assert.ok(dx >= 0 && dx <= 40 && dy >= 0 && dy <= 40, `the ghost follows the pointer (${what}): pointer ${x},${y}, ghost at ${box.x},${box.y}`);
}

test('touch: holding a dragged item at the bottom edge scrolls the page down to a bin far below', async () => {
  await withWidget('touch-autoscroll', { context: TALL_PHONE }, async (t, page) => {
    await quizTab(page).tap();
    await sortedText(page).waitFor();
    const vh = page.viewportSize().height;
    const first = deck.byLabel.get((await texts(poolItemLabels(page)))[0]);
    const start = await centreOf(itemRow(page, first.id).locator('.grip'));
    const binTop = async () => (await bin(page, 'safe').boundingBox()).y;
    assert.ok((await binTop()) > vh + 500, `the Safe bin starts well below the screen (top at ${await binTop()}, viewport ${vh})`);
    const scrollBefore = await page.evaluate(() => window.scrollY);

    // Press the grip and pull the finger down to the bottom edge, then hold it there.
    const edge = vh - 8;
    const finger = await touchHold(page, start, { x: start.x, y: edge }, { steps: 10 });
    try {
      await ghostNear(page, start.x, edge, 'at the bottom edge');
      // No more moves: the page scrolls by itself until the bin comes up
      // under the finger, and then holds still.
      const deadline = Date.now() + 15_000;
      while ((await binTop()) > edge) {
        assert.ok(Date.now() < deadline, `the page kept scrolling towards the bin (bin top ${await binTop()})`);
        await page.waitForTimeout(50);
      }
      await page.waitForTimeout(300);
      const held = await page.evaluate(() => window.scrollY);
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.scrollY), held, 'the page holds still once the bin is under the finger');
      assert.match(await bin(page, 'safe').getAttribute('class'), /\bover\b/, 'the bin under the finger is highlighted');
      await ghostNear(page, start.x, edge, 'after scrolling');
    } finally {
      await finger.lift();
    }
    await expectCounts(page, 1, 1, 0, 'after a touch drag that scrolled to the bin');
    assert.deepEqual(await texts(binItemLabels(page, 'safe')), [first.label]);
    assert.equal(await liveText(page), `${first.label} placed in ${SAFE}. 1 of ${TOTAL} sorted.`);
    const scrollAfter = await page.evaluate(() => window.scrollY);
    assert.ok(scrollAfter > scrollBefore + 500, `the page scrolled down (${scrollBefore} → ${scrollAfter})`);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.scrollY), scrollAfter, 'the scrolling stopped with the drop');
  });
});

test('touch: on a page that scrolls smoothly, the drag\'s auto-scroll keeps its speed', async () => {
  // Blog themes often set `html { scroll-behavior: smooth }`. The drag scrolls
  // a little every frame; a smooth scroll restarted each frame would crawl.
  await withWidget('touch-autoscroll-smooth', { context: TALL_PHONE }, async (t, page) => {
    await quizTab(page).tap();
    await sortedText(page).waitFor();
    const vh = page.viewportSize().height;
    /** Holds the first item at the bottom edge; the page's scroll in each of 12 frames. */
    const stepsAtEdge = async (scrollBehavior) => {
      await page.evaluate((b) => {
        document.documentElement.style.scrollBehavior = b;
        window.scrollTo({ top: 0, behavior: 'instant' });
      }, scrollBehavior);
      const first = deck.byLabel.get((await texts(poolItemLabels(page)))[0]);
      const start = await centreOf(itemRow(page, first.id).locator('.grip'));
      const finger = await touchHold(page, start, { x: start.x, y: vh - 8 }, { steps: 10 });
      try {
        const ys = await scrollYEachFrame(widget(page), 13);
        return ys.slice(1).map((y, i) => y - ys[i]).sort((a, b) => a - b);
      } finally {
        await finger.lift();
      }
    };
    const plain = await stepsAtEdge('auto');
    const smooth = await stepsAtEdge('smooth');
    const median = (a) => a[a.length >> 1];
    assert.ok(median(plain) > 0, `the page scrolls every frame while the finger is held at the edge: ${plain}`);
    assert.ok(
      median(smooth) >= median(plain) * 0.9,
      `with scroll-behavior: smooth the page scrolls as fast (${median(smooth)} px a frame against ${median(plain)}): ${smooth}`,
    );
  });
});

test('reduced motion: nothing in the widget moves, in any view, and its own scrolls are instant on a smooth-scrolling page', async () => {
  const context = { viewport: { width: 390, height: 500 } };
  await withWidget('reduced-motion', { context }, async (t, page) => {
    /** Elements of the widget with a transition or an animation, by class. */
    const moving = () =>
      page.evaluate(() => {
        const found = [];
        const walk = (root) => {
          for (const el of root.querySelectorAll('*')) {
            const s = getComputedStyle(el);
            const transition = s.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
            if (transition || s.animationName !== 'none') found.push(el.getAttribute('class') || el.localName);
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document.querySelector('backwise-widget').shadowRoot);
        return found;
      });
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    assert.ok((await moving()).some((c) => /\bcard\b/.test(c)), 'without the preference the tip card has its transition (the check can see one)');

    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.deepEqual(await moving(), [], 'tips view');
    await openQuiz(page);
    await itemRow(page, deck.items[0].id).locator('.item-label').click();
    await placeWithButton(page, deck.items[1].label, deck.items[1].answer);
    assert.deepEqual(await moving(), [], 'quiz, an item selected and one placed');
    await sortAll(page, WRONG_IDS);
    await check(page);
    await scoreHeading(page).waitFor();
    assert.deepEqual(await moving(), [], 'results');

    // The page scrolls smoothly; "See the tip" brings the card into view at once.
    await page.evaluate(() => (document.documentElement.style.scrollBehavior = 'smooth'));
    const link = button(widget(page), `See the tip: ${deck.items.at(-1).label}`);
    await link.scrollIntoViewIfNeeded();
    await scrollSettled(page);
    const ys = await scrollYEachFrame(link, 12, { click: true });
    const settled = ys.at(-1);
    assert.ok(ys.slice(2).every((y) => y === settled), `the scroll is done within two frames, not animated: ${ys.join(' ')}`);
    const card = await widget(page).locator('.card').boundingBox();
    assert.ok(card.y < page.viewportSize().height && card.y + card.height > 0, `the tip card is in view (top at ${card.y})`);
  });
});

test('score matches the answers: 3 deliberate mistakes give 14 of 17, and the event detail agrees', async () => {
  await withWidget('score', {}, async (t, page) => {
    await openQuiz(page);
    const placed = await sortAll(page, WRONG_IDS, { leave: 2 });

    // Check with items left does nothing but say why.
    await check(page);
    assert.equal(await sortedText(page).textContent(), `${TOTAL - 2} of ${TOTAL} sorted`, 'still sorting');
    assert.equal((await widget(page).locator('.quiz-actions .blocked').textContent()).trim(), 'Sort every item first: 2 left.');
    assert.equal(await liveText(page), 'Sort every item first: 2 left.');
    assert.equal((await quizCompleteEvents(page)).length, 0, 'no quiz-complete event yet');

    placed.push(...(await sortAll(page, WRONG_IDS)));
    assert.equal(placed.length, TOTAL);
    const expectedScore = placed.filter((p) => deck.byId.get(p.id).answer === p.bin).length;
    assert.equal(expectedScore, TOTAL - WRONG_IDS.length);

    await check(page);
    await scoreHeading(page).waitFor();
    assert.equal(await scoreHeading(page).textContent(), `${expectedScore} of ${TOTAL}`, 'score');
    assert.equal((await deepActive(page)).text, `${expectedScore} of ${TOTAL}`, 'focus is on the score');
    await widget(page).getByText('Well done. Look over the ones you missed below.', { exact: true }).waitFor();
    // The mistakes lead, open; the right answers follow, folded (check()
    // unfolded them only to read them here).
    const order = await widget(page).locator('.results .outcome').evaluateAll((rows) =>
      rows.map((r) => ({ wrong: r.classList.contains('wrong'), folded: !!r.closest('details.right-answers') })),
    );
    assert.deepEqual(order.map((r) => r.wrong), [...WRONG_IDS.map(() => true), ...Array(TOTAL - WRONG_IDS.length).fill(false)], 'every mistake comes first');
    assert.ok(order.every((r) => r.folded === !r.wrong), 'the right answers, and only they, are under the fold');
    assert.equal(
      await widget(page).locator('details.right-answers > summary').textContent(),
      `Show the ${TOTAL - WRONG_IDS.length} you got right`,
    );

    const events = await quizCompleteEvents(page);
    assert.equal(events.length, 1, 'exactly one backwise-quiz-complete event');
    const [ev] = events;
    assert.equal(ev.target, 'backwise-widget', 'dispatched on the host element');
    assert.equal(ev.bubbles, true, 'bubbles');
    assert.equal(ev.composed, true, 'composed');
    assert.deepEqual(
      { ...ev.detail, wrong: [...ev.detail.wrong].sort() },
      { deckId: deck.id, score: expectedScore, total: TOTAL, wrong: [...WRONG_IDS].sort() },
      'event detail',
    );

    // Each outcome is marked with a word as well as an icon, and says where it belongs and why.
    const rows = widget(page).locator('.outcomes > li');
    assert.equal(await rows.count(), TOTAL, 'one outcome per item');
    for (const item of deck.items) {
      const row = outcome(page, item.label);
      assert.equal(await row.count(), 1, `one outcome for ${item.label}`);
      const text = (await row.textContent()).replace(/\s+/g, ' ');
      const wrong = WRONG_IDS.includes(item.id);
      assert.ok(text.includes(wrong ? 'Wrong' : 'Right'), `${item.label} marked ${wrong ? 'wrong' : 'right'}: ${text}`);
      // The icon is the style sheet's, before the word, and silent.
      const icon = await row.locator('.mark').evaluate((m) => getComputedStyle(m, '::before').content);
      assert.match(icon, wrong ? /^"✕ " \/ ""$/ : /^"✓ " \/ ""$/, `${item.label}'s icon`);
      assert.ok(!text.includes(wrong ? 'Right' : 'Wrong'), `${item.label} carries only one mark`);
      assert.ok(text.includes(`Belongs in: ${binName(item.answer)}`), `${item.label} names its bin`);
      assert.ok(text.includes(item.why.replace(/\s+/g, ' ')), `${item.label} shows its why`);
      if (item.instead) {
        assert.ok(text.includes(`Instead: ${deck.byId.get(item.instead).label}`), `${item.label} shows Instead`);
      } else {
        assert.ok(!text.includes('Instead:'), `${item.label} has no Instead`);
      }
      if (item.tip) {
        assert.equal(await row.getByRole('button', { name: `See the tip: ${item.label}`, exact: true }).count(), 1);
      }
    }
    await screenshot(page, 'quiz-results');
  });
});

test('results: why and "Instead" for straight-leg sit-ups; See the tip lands on its card and keeps focus', async () => {
  await withWidget('see-the-tip', {}, async (t, page) => {
    // Start with the Do's filter on: the sit-ups tip is a Don't, so the link must widen it.
    await button(widget(page), "Do's").click();
    await openQuiz(page);
    await sortAll(page, WRONG_IDS);
    await check(page);
    await scoreHeading(page).waitFor();

    const situps = deck.byId.get('straight-leg-situps');
    const row = outcome(page, situps.label);
    await row.getByText('Wrong', { exact: false }).first().waitFor();
    await row.getByText('Belongs in: Avoid', { exact: true }).waitFor();
    await row.getByText(situps.why, { exact: true }).waitFor();
    await row.getByText('Instead: Bent-knee crunch or roll-up, back flat on the floor', { exact: true }).waitFor();

    const link = button(widget(page), `See the tip: ${situps.label}`);
    await link.focus();
    await page.keyboard.press('Enter');
    await widget(page).getByText(/^Tip \d+ of \d+$/).waitFor();
    assert.equal(await tipsTab(page).getAttribute('aria-selected'), 'true', 'the Tips tab is selected');
    const tip = deck.tipById.get(situps.tip);
    assert.equal(tip.headline, "Don't do the exercises known for injuring backs");
    assert.equal(
      (await widget(page).getByRole('heading', { level: 3 }).textContent()).trim(),
      tip.headline,
      'the tip card of straight-leg sit-ups',
    );
    const n = deck.tips.indexOf(tip) + 1;
    assert.equal(await widget(page).getByText(/^Tip \d+ of \d+$/).textContent(), `Tip ${n} of 10`, 'filter widened to All');
    assert.equal(await button(widget(page), 'All').getAttribute('aria-pressed'), 'true');
    const focusAfterSeeTip = await deepActive(page);

    // Back on the Quiz tab, the results are still there; a walking tip too.
    await quizTab(page).click();
    const walking = deck.byId.get('walking');
    await button(widget(page), `See the tip: ${walking.label}`).click();
    assert.equal(
      (await widget(page).getByRole('heading', { level: 3 }).textContent()).trim(),
      deck.tipById.get(walking.tip).headline,
    );

    assert.ok(
      focusAfterSeeTip.inWidget && !focusAfterSeeTip.isBody,
      `focus was lost after activating "See the tip" with Enter: active element is ${focusAfterSeeTip.path}`,
    );
  });
});

test('reload mid-quiz keeps the placements, the order and the Quiz tab', async () => {
  await withWidget('reload', {}, async (t, page) => {
    await openQuiz(page);
    await sortAll(page, ['walking'], { leave: TOTAL - 6 });
    const beforeState = {
      pool: await texts(poolItemLabels(page)),
      safe: await texts(binItemLabels(page, 'safe')),
      avoid: await texts(binItemLabels(page, 'avoid')),
    };
    assert.equal(beforeState.safe.length + beforeState.avoid.length, 6);
    assert.ok(await page.evaluate((k) => localStorage.getItem(k), QUIZ_KEY), `saved under localStorage["${QUIZ_KEY}"]`);

    await reloadWidget(page);
    // The reader was on the Quiz tab: it is the one shown again.
    assert.equal(await quizTab(page).getAttribute('aria-selected'), 'true', 'the Quiz tab is selected after the reload');
    await sortedText(page).waitFor();
    assert.equal(await sortedText(page).textContent(), `6 of ${TOTAL} sorted`);
    assert.deepEqual(
      {
        pool: await texts(poolItemLabels(page)),
        safe: await texts(binItemLabels(page, 'safe')),
        avoid: await texts(binItemLabels(page, 'avoid')),
      },
      beforeState,
      'pool order and bin contents survive the reload',
    );
    // And the quiz goes on from there.
    await sortAll(page);
    await check(page);
    assert.equal(await scoreHeading(page).textContent(), `${TOTAL - (beforeState.avoid.includes('Walking') ? 1 : 0)} of ${TOTAL}`);
    // Back on Tips, a reload shows Tips.
    await tipsTab(page).click();
    await reloadWidget(page);
    assert.equal(await tipsTab(page).getAttribute('aria-selected'), 'true', 'the Tips tab is selected after the reload');
  });
});

test('the save waits for a task after the update; leaving the page or switching storage before it still keeps it', async () => {
  await withWidget('save-later', {}, async (t, page) => {
    await openQuiz(page);
    const placed = (label) => binItemLabels(page, 'safe').filter({ hasText: label });
    // The click updates the widget first; the storage write comes in a task
    // of its own (src/hooks/store.js), so the click never waits for it.
    const timing = await page.evaluate(async ([key, name]) => {
      const root = document.querySelector('backwise-widget').shadowRoot;
      const before = localStorage.getItem(key);
      [...root.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name).click();
      for (let i = 0; i < 20; i++) await null; // yew renders in a microtask
      const updated = root.querySelector('.bin.safe .item-label')?.textContent;
      const sameTask = localStorage.getItem(key);
      await new Promise((r) => setTimeout(r));
      return { updated, unchanged: sameTask === before, saved: localStorage.getItem(key) !== before };
    }, [QUIZ_KEY, `Put Walking in ${SAFE}`]);
    assert.deepEqual(timing, { updated: 'Walking', unchanged: true, saved: true });

    // A host page whose timers never fire: the waiting save is made when
    // the page is left.
    await page.evaluate(() => (window.setTimeout = () => 0));
    await placeWithButton(page, 'Swimming', 'safe');
    await placed('Swimming').waitFor();
    await reloadWidget(page);
    await quizTab(page).click();
    assert.deepEqual((await texts(binItemLabels(page, 'safe'))).sort(), ['Swimming', 'Walking'], 'both saves survived the reload');

    // And before a read: storage switched off and on again right after a
    // placement finds that placement saved (it restores what it reads).
    await page.evaluate(() => (window.setTimeout = () => 0));
    await placeWithButton(page, 'Bicycling', 'safe');
    await placed('Bicycling').waitFor();
    await page.evaluate(() => document.querySelector('backwise-widget').setAttribute('storage', 'none'));
    await page.evaluate(() => document.querySelector('backwise-widget').setAttribute('storage', 'local'));
    // With the page's timers stopped, only the switch itself can have saved it.
    await page.waitForFunction((key) => /\bplaced=\S*\bbicycling:safe\b/.test(localStorage.getItem(key) ?? ''), QUIZ_KEY);
    assert.deepEqual((await texts(binItemLabels(page, 'safe'))).sort(), ['Bicycling', 'Swimming', 'Walking'], 'kept across the storage switch');
    await reloadWidget(page);
    await quizTab(page).click();
    assert.deepEqual((await texts(binItemLabels(page, 'safe'))).sort(), ['Bicycling', 'Swimming', 'Walking'], 'and saved');
  });
});

test('Try again reshuffles and clears; last and best scores survive reloads', async () => {
  await withWidget('try-again', {}, async (t, page) => {
    await openQuiz(page);
    const firstOrder = await texts(poolItemLabels(page));
    await sortAll(page, WRONG_IDS);
    await check(page);
    assert.equal(await scoreHeading(page).textContent(), `14 of ${TOTAL}`);
    await widget(page).getByText('Last score: 14. Best: 14.', { exact: true }).waitFor();

    // Results survive a reload too.
    await reloadWidget(page);
    await quizTab(page).click(); // the results show no "sorted" progress
    await scoreHeading(page).waitFor();
    assert.equal(await scoreHeading(page).textContent(), `14 of ${TOTAL}`, 'results after a reload');

    await button(widget(page), 'Try again').click();
    await sortedText(page).waitFor();
    await expectCounts(page, 0, 0, 0, 'after Try again');
    assert.equal(await liveText(page), `Quiz cleared. ${TOTAL} items to sort.`);
    await assertFocusInWidget(page, 'Try again');
    const secondOrder = await texts(poolItemLabels(page));
    assert.deepEqual([...secondOrder].sort(), [...firstOrder].sort(), 'the same items');
    assert.notDeepEqual(secondOrder, firstOrder, 'in a new order');

    await reloadWidget(page);
    await openQuiz(page);
    await expectCounts(page, 0, 0, 0, 'after Try again and a reload');
    assert.deepEqual(await texts(poolItemLabels(page)), secondOrder, 'the new order survives a reload');

    // A worse second round: last 12, best still 14.
    const worse = [...WRONG_IDS, 'swimming', 'double-leg-lifts'];
    await sortAll(page, worse);
    await check(page);
    assert.equal(await scoreHeading(page).textContent(), `12 of ${TOTAL}`);
    await widget(page).getByText('Last score: 12. Best: 14.', { exact: true }).waitFor();
    const ev = await quizCompleteEvents(page);
    assert.deepEqual([...ev.at(-1).detail.wrong].sort(), [...worse].sort());

    await reloadWidget(page);
    await quizTab(page).click();
    await widget(page).getByText('Last score: 12. Best: 14.', { exact: true }).waitFor();
  });
});

test('a placed item leaves a hidden row in the pool that no reader meets, and Try again shows the same rows again', async () => {
  await withWidget('pool-rows', {}, async (t, page) => {
    // A host theme that forces every row on: the widget's own rule must win.
    await page.addStyleTag({ content: 'backwise-widget::part(item) { display: flex !important; visibility: visible !important; }' });
    await openQuiz(page);
    // Tag the pool's rows, to know them again after Check and Try again.
    const tagged = await widget(page).locator('.pool li.item').evaluateAll((rows) =>
      rows.map((r) => ((r.__poolRow = r.dataset.item), r.dataset.item)),
    );
    assert.equal(tagged.length, TOTAL);
    const [first] = await texts(poolItemLabels(page));
    const item = deck.byLabel.get(first);
    await placeWithButton(page, item.label, item.answer);
    await expectCounts(page, 1, item.answer === 'safe' ? 1 : 0, item.answer === 'avoid' ? 1 : 0, 'after one placement');

    const row = widget(page).locator(`.pool li.item[data-item="${item.id}"]`);
    assert.equal(await row.count(), 1, 'the row stays in the pool');
    assert.equal(await row.evaluate((r) => r.hidden && !r.checkVisibility({ visibilityProperty: true }) && r.getBoundingClientRect().height), 0, 'hidden, with no box');
    assert.equal(await pool(page).getByRole('button', { name: new RegExp(escapeRe(item.label)) }).count(), 0, 'none of its buttons is in the accessibility tree');
    assert.ok(!(await texts(poolItemLabels(page))).includes(item.label), 'it is not among the items to sort');
    // Tab from the pool's first visible item through the whole pool: never into the hidden row.
    await poolItemLabels(page).first().focus();
    await tabNeverInto(page, '[hidden]', 3 * (TOTAL - 1), 'a hidden row');

    await sortAll(page);
    await check(page);
    await scoreHeading(page).waitFor();
    await button(widget(page), 'Try again').click();
    await expectCounts(page, 0, 0, 0, 'after Try again');
    const again = await widget(page).locator('.pool li.item').evaluateAll((rows) => rows.map((r) => [r.__poolRow, r.dataset.item, r.hidden]));
    assert.equal(again.length, TOTAL);
    assert.ok(again.every(([tag, id, hidden]) => tag === id && !hidden), 'the same row elements, all shown again');
  });
});

// The results, rendered or not: built ahead (hidden) once every item is placed.
const resultsBuilt = () => document.querySelector('backwise-widget').shadowRoot.querySelector('section.results .outcome') !== null;
const idle = () => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 50), { timeout: 2000 }));

test('once every item is placed, the results are built, hidden, while the browser is idle; Check then only shows them', async () => {
  await withWidget('results-ahead', {}, async (t, page) => {
    await openQuiz(page);
    await sortAll(page, WRONG_IDS, { leave: 1 });
    await page.evaluate(idle);
    assert.equal(await page.evaluate(resultsBuilt), false, 'nothing is built while an item is left to sort');
    await sortAll(page, WRONG_IDS);
    await page.waitForFunction(resultsBuilt, null, { timeout: 5000 });
    const results = widget(page).locator('section.results');
    assert.equal(await results.evaluate((s) => s.hidden && !s.checkVisibility({ visibilityProperty: true })), true, 'the results are hidden');
    assert.equal(await results.evaluate((s) => s.getBoundingClientRect().height), 0, 'and take no room');
    assert.equal(await scoreHeading(page).count(), 0, 'and out of the accessibility tree');
    assert.equal(await sortedText(page).textContent(), `${TOTAL} of ${TOTAL} sorted`, 'the board is still shown');

    // Returning an item takes them away; placing it again builds them again.
    const item = deck.items.find((i) => i.id === WRONG_IDS[0]);
    const { label } = item;
    await returnButton(widget(page), label).click();
    await widget(page).getByText(`${TOTAL - 1} of ${TOTAL} sorted`, { exact: true }).waitFor();
    assert.equal(await page.evaluate(resultsBuilt), false, 'an item back in the pool: no results');
    await placeWithButton(page, label, otherBin(item.answer));
    await page.waitForFunction(resultsBuilt, null, { timeout: 5000 });

    // Mark them: Check must show these, not build new ones.
    await results.evaluate((s) => (s.dataset.marked = 'yes'));
    await check(page);
    await scoreHeading(page).waitFor();
    assert.equal(await scoreHeading(page).textContent(), `${TOTAL - WRONG_IDS.length} of ${TOTAL}`);
    assert.equal(await widget(page).locator('section.results[data-marked=yes]').count(), 1, 'the results built ahead are the ones shown');
    assert.equal((await deepActive(page)).text, `${TOTAL - WRONG_IDS.length} of ${TOTAL}`, 'focus is on the score');
    await outcome(page, label).getByText(/^Belongs in: /).waitFor();
  });
});

/**
 * In the page: the board under the results, once it shows the next attempt
 * (every pool row shown), as its pool's item ids in order, with whether the
 * board is unseen, takes no room and has its rows laid out; else null.
 */
const nextBoard = () => {
  const root = document.querySelector('backwise-widget').shadowRoot;
  const board = root.querySelector('.sorting');
  const rows = [...board.querySelectorAll('.pool li.item')];
  if (!board.hidden || rows.some((r) => r.hidden) || board.querySelector('.bin li.item')) return null;
  return {
    ids: rows.map((r) => r.dataset.item),
    seen: board.checkVisibility({ visibilityProperty: true }),
    height: board.getBoundingClientRect().height,
    rowWidth: rows[0].getBoundingClientRect().width,
  };
};

test('without requestIdleCallback (Safari), the results are built on Check, and Try again shuffles on its click', async () => {
  await withWidget('results-no-idle', { initScripts: [noIdleCallback] }, async (t, page) => {
    await openQuiz(page);
    const firstOrder = await texts(poolItemLabels(page));
    await sortAll(page);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(resultsBuilt), false, 'nothing built ahead');
    await check(page);
    await scoreHeading(page).waitFor();
    assert.equal(await scoreHeading(page).textContent(), `${TOTAL} of ${TOTAL}`);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(nextBoard), null, 'no board got ready under the results');
    await button(widget(page), 'Try again').click();
    await expectCounts(page, 0, 0, 0, 'after Try again');
    const secondOrder = await texts(poolItemLabels(page));
    assert.deepEqual([...secondOrder].sort(), [...firstOrder].sort(), 'the same items');
    assert.notDeepEqual(secondOrder, firstOrder, 'in a new order');
  });
});

test('under the results, the board of the next attempt is got ready while the browser is idle; Try again shows it as it is', async () => {
  await withWidget('next-board', {}, async (t, page) => {
    await openQuiz(page);
    const firstOrder = await texts(poolItemLabels(page));
    await sortAll(page, WRONG_IDS);
    await check(page);
    await scoreHeading(page).waitFor();
    await page.waitForFunction(nextBoard, null, { timeout: 5000 });
    const ready = await page.evaluate(nextBoard);
    // Tag the board's rows, to know them again after Try again.
    await widget(page).locator('.sorting .pool li.item').evaluateAll((rows) => rows.forEach((r) => (r.__readyRow = r.dataset.item)));
    assert.equal(ready.seen, false, 'the board is unseen');
    assert.equal(ready.height, 0, 'and takes no room');
    assert.ok(ready.rowWidth > 200, `its rows are laid out (${ready.rowWidth} px wide)`);
    assert.equal(await pool(page).count(), 0, 'the board is out of the accessibility tree');
    assert.equal(await poolItemLabels(page).count(), 0, 'no reader meets its rows');
    assert.deepEqual([...ready.ids].sort(), firstOrder.map((l) => deck.byLabel.get(l).id).sort(), 'every item');
    // Tab through the results: never into the board.
    await scoreHeading(page).focus();
    await tabNeverInto(page, '.sorting', 3 * WRONG_IDS.length + 6, 'the hidden board');

    await button(widget(page), 'Try again').click();
    await expectCounts(page, 0, 0, 0, 'after Try again');
    const rows = await widget(page).locator(`.pool ${SHOWN_ITEM}`).evaluateAll((rs) => rs.map((r) => [r.__readyRow, r.dataset.item]));
    assert.deepEqual(rows.map(([, id]) => id), ready.ids, 'the order got ready is the one shown');
    assert.ok(rows.every(([tag, id]) => tag === id), 'in the same row elements');
    assert.notDeepEqual(await texts(poolItemLabels(page)), firstOrder, 'a new order');
    assert.equal(await liveText(page), `Quiz cleared. ${TOTAL} items to sort.`);
    await assertFocusInWidget(page, 'Try again');

    // The next round gets its own board ready, in yet another order.
    await sortAll(page);
    await check(page);
    await page.waitForFunction(nextBoard, null, { timeout: 5000 });
    assert.notDeepEqual((await page.evaluate(nextBoard)).ids, ready.ids, 'the third attempt is shuffled again');
  });
});

test('live region: placing, moving, returning and selecting are announced', async () => {
  await withWidget('live-region', {}, async (t, page) => {
    await openQuiz(page);
    const status = widget(page).getByRole('status');
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    await placeWithButton(page, 'Walking', 'safe');
    assert.equal(await liveText(page), `Walking placed in ${SAFE}. 1 of ${TOTAL} sorted.`);
    await button(bin(page, 'safe'), `Put Walking in ${AVOID}`).click();
    assert.equal(await liveText(page), `Walking moved to ${AVOID}. 1 of ${TOTAL} sorted.`);
    await returnButton(bin(page, 'avoid'), 'Walking').click();
    assert.equal(await liveText(page), `Walking returned to the items to sort. 0 of ${TOTAL} sorted.`);
    await button(pool(page), 'Swimming').click();
    assert.equal(await liveText(page), 'Swimming selected. Choose a bin.');
    await button(bin(page, 'safe'), `Put Swimming in ${SAFE}`).click();
    assert.equal(await liveText(page), `Swimming placed in ${SAFE}. 1 of ${TOTAL} sorted.`);
    // The same message twice in a row still changes the region, so it is read again.
    await check(page);
    const once = await status.textContent();
    assert.equal(once.replace(/\u00a0/g, ' ').trim(), `Sort every item first: ${TOTAL - 1} left.`);
    await check(page);
    const twice = await status.textContent();
    assert.equal(twice.replace(/\u00a0/g, ' ').trim(), `Sort every item first: ${TOTAL - 1} left.`);
    assert.notEqual(twice, once, 'a repeated message still changes the live region');
  });
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core: 0 violations mid-quiz (item selected) and on the results (${colorScheme})`, async () => {
    await withWidget(`axe-${colorScheme}`, { context: { colorScheme } }, async (t, page) => {
      // The demo page around the widget is scanned in light only; tips.test.mjs
      // covers the page in dark. Every scan runs before any assertion.
      const reports = [];
      const scan = async (what) => {
        reports.push([`widget, ${what}`, await axeScan(page, { context: 'backwise-widget' })]);
        if (colorScheme === 'light') reports.push([`page, ${what}`, await axeScan(page)]);
      };
      await openQuiz(page);
      await scan('quiz, nothing sorted');
      await sortAll(page, ['walking'], { leave: TOTAL - 5 });
      await check(page); // shows "Sort every item first: … left."
      await widget(page).locator('.quiz-actions .blocked').waitFor();
      const next = (await texts(poolItemLabels(page)))[0];
      await button(pool(page), next).click();
      await widget(page).locator('.drop-here').first().waitFor();
      await scan('quiz, 5 sorted, one selected, Check blocked');
      await screenshot(page, `quiz-mid-${colorScheme}`);
      await sortAll(page, WRONG_IDS);
      await check(page);
      await scoreHeading(page).waitFor();
      await scan('results');
      const failed = reports.filter(([, r]) => r.violations.length);
      assert.deepEqual(
        failed.map(([what]) => what),
        [],
        failed.map(([what, r]) => `${what}:\n${r.summary}`).join('\n\n'),
      );
    });
  });
}

test('on a laptop, every control of the board is in view when it has focus, at every stage of the sorting', async () => {
  // The bins once stuck to the top of the window on a wide widget. Taller
  // than the window, their lower part could then not be scrolled to, and a
  // control focused there (with Tab, or after an action) stayed out of view.
  // Two fixed shuffles (the page's Math.random seeded), each sorted one item at a time.
  for (const seed of [1, 2]) await withWidget(`focus-in-view-${seed}`, { initScripts: [seededMathRandom(seed)] }, async (t, page) => {
    await openQuiz(page);
    const hidden = [];
    for (let placed = 0; placed <= TOTAL; placed++) {
      const boxes = await page.evaluate(() => {
        const root = document.querySelector('backwise-widget').shadowRoot;
        const buttons = [...root.querySelectorAll('.quiz-board button')].filter((b) => b.checkVisibility({ visibilityProperty: true }));
        return buttons.map((b) => {
          b.focus(); // the browser scrolls a newly focused control into view, as for Tab
          const name = (b.getAttribute('aria-label') || b.textContent).trim();
          return { ...b.getBoundingClientRect().toJSON(), vw: innerWidth, vh: innerHeight, name };
        });
      });
      for (const b of boxes.filter((b) => !wholyInView(b))) {
        hidden.push(`${placed} sorted: ${b.name} (${Math.round(b.top)} to ${Math.round(b.bottom)} of ${b.vh})`);
      }
      if (placed === TOTAL) break;
      const label = (await texts(poolItemLabels(page)))[0];
      await placeWithButton(page, label, placed % 3 === 2 ? 'avoid' : 'safe');
    }
    assert.deepEqual(hidden, [], `focused controls out of view (shuffle seed ${seed})`);
  });
});

test('on a small phone, an item tapped in a bin stays in view when the buttons to move it appear above it', async () => {
  // Selecting an item shows "Put … in …" buttons in the other zones. For an
  // item in Avoid they appear above it, in the pool and in Safe alternative,
  // and they pushed the item, which has focus, down and out of a 320×568
  // screen (found by the e2e monkey test, touch seed 912).
  const phone = { viewport: { width: 320, height: 568 }, hasTouch: true, isMobile: true };
  await withWidget('select-phone', { context: phone }, async (t, page) => {
    await openQuiz(page);
    const label = 'Exercise guided by a physical therapist during recovery';
    await button(pool(page), `Put ${label} in ${AVOID}`).tap();
    const item = button(bin(page, 'avoid'), label);
    // The reader has scrolled so that the item is at the bottom of the screen.
    await item.evaluate((el) => el.scrollIntoView({ block: 'end', behavior: 'instant' }));
    await item.tap();
    assert.equal(await item.getAttribute('aria-pressed'), 'true', 'the item is selected');
    const box = await settledBox(item);
    assert.ok(wholyInView(box), `the selected item is in view: ${Math.round(box.top)} to ${Math.round(box.bottom)} of ${box.vh}`);
    assert.equal((await deepActive(page)).text, label, 'focus stays on the item');
  });
});

test('at 320 px: the quiz reflows and every button stays at least 24×24 px, sorting and on the results', async () => {
  await withWidget('320', { context: { viewport: { width: 320, height: 700 } } }, async (t, page) => {
    await openQuiz(page);
    await sortAll(page, [], { leave: TOTAL - 3 });
    await button(pool(page), (await texts(poolItemLabels(page)))[0]).click();
    assert.deepEqual(await horizontalOverflow(page), [], 'sorting at 320 px');
    assert.deepEqual(await smallTargets(page), [], 'sorting at 320 px');
    await sortAll(page);
    await check(page);
    await scoreHeading(page).waitFor();
    assert.deepEqual(await horizontalOverflow(page), [], 'results at 320 px');
    assert.deepEqual(await smallTargets(page), [], 'results at 320 px');
    await screenshot(page, 'quiz-results-320');
  });
});
