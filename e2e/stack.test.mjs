// End-to-end: the quiz as a stack, in a narrow widget (issue "The reader on
// a phone"). On a 375×740 touch phone and in a 400 px column on a 1,280 px
// laptop: the whole quiz by taps alone, by swipes alone and by the keyboard
// alone; a short swipe that snaps back and a vertical move that scrolls;
// Undo; the bins that open to move an item across or return it; the widget's
// height; axe-core in every state; results that lead with the mistakes;
// switching layout mid-quiz, and the `layout` attribute; a seeded random
// walk. Needs the release build in dist/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSuite, assertAxeCleanInBothThemes, screenshot } from './lib/browser.mjs';
import {
  loadDeck,
  widgetRunner,
  reloadWidget,
  deepActive,
  scrollSettled,
  tabUntil,
  pressKeepingFocus,
  liveTextMatching,
  touchSwipe,
  centreOf,
  generator,
  quizCompleteRecorder,
  quizCompleteEvents,
  seededMathRandom,
  smallTargets,
  SHOWN_ITEM,
} from './lib/widget.mjs';

const deck = loadDeck();
const TOTAL = deck.items.length; // 17
const SAFE = deck.binLabel('safe');
const AVOID = deck.binLabel('avoid');
const binName = (answer) => (answer === 'safe' ? SAFE : AVOID);
const other = (answer) => (answer === 'safe' ? 'avoid' : 'safe');
const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PHONE = { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true };
const LAPTOP = { viewport: { width: 1280, height: 800 } };
/** The bar: the whole quiz view fits about one screen. */
const MAX_HEIGHT = 900;

const { server, browser } = await openSuite();
const withWidget = widgetRunner(browser, server, { prefix: 'stack', initScripts: [quizCompleteRecorder] });

const widget = (page) => page.locator('backwise-widget');
const card = (page) => widget(page).locator('.stack-card');
const cardLabel = (page) => widget(page).locator('.stack-label');
const progress = (page) => widget(page).locator('.stack-progress .progress');
const answerButton = (page, answer) => widget(page).locator(`.stack-answers .answer.${answer}`);
const binSummary = (page, answer) => widget(page).locator(`.stack-bin.${answer} summary`);
const binItems = (page, answer) => widget(page).locator(`.stack-bin.${answer} .item`);
const height = (page) => widget(page).evaluate((el) => el.getBoundingClientRect().height);

async function openQuiz(page) {
  await widget(page).getByRole('tab', { name: 'Quiz', exact: true }).click();
  await card(page).waitFor();
}

/** Narrows the demo post's widget to `px` wide (a thin column), through the CSSOM. */
const narrowColumn = (page, px) =>
  page.evaluate((w) => document.querySelector('.widget-slot').style.setProperty('max-inline-size', `${w}px`), px);

/** The item on the card, from the deck. */
async function current(page) {
  const label = await cardLabel(page).textContent();
  const item = deck.byLabel.get(label);
  assert.ok(item, `the card shows a deck item ("${label}")`);
  return item;
}

/** Answers every card with `answer(item)`, by `how(page, bin)`, checking height, progress, focus and announcements. */
async function finish(page, how, { answerOf = (item) => item.answer, what, focusOnCard = false } = {}) {
  let tallest = 0;
  const given = new Map();
  for (let n = 1; n <= TOTAL; n++) {
    assert.equal(await progress(page).textContent(), `${n} of ${TOTAL}`, `${what}: progress before answer ${n}`);
    const item = await current(page);
    const bin = answerOf(item);
    given.set(item.id, bin);
    await how(page, bin);
    await liveTextMatching(page, new RegExp(`^${escapeRe(item.label)} placed in ${binName(bin)}\\. ${n} of ${TOTAL} sorted\\.$`));
    tallest = Math.max(tallest, await height(page));
    if (focusOnCard && n < TOTAL) {
      const f = await deepActive(page);
      assert.ok(f.inWidget && /\bstack-card\b/.test(f.cls), `${what}: focus stays on the next card after answer ${n} (${f.path})`);
    }
  }
  assert.equal(await progress(page).textContent(), `${TOTAL} of ${TOTAL} sorted`);
  assert.ok(tallest <= MAX_HEIGHT, `${what}: the widget grew to ${tallest} px (at most ${MAX_HEIGHT})`);
  return given;
}

const tap = (page, bin) => answerButton(page, bin).tap();

async function swipe(page, bin) {
  const { x, y, box } = await centreOf(card(page));
  const dx = (bin === 'safe' ? 1 : -1) * box.width * 0.45;
  await touchSwipe(page, { x, y }, { x: x + dx, y: y + 4 }, { steps: 10 });
}

/** After Check: the wrong outcomes first, the right ones folded under "Show the N you got right". */
async function assertResultsLeadWithMistakes(page, given, what) {
  const wrongIds = [...given].filter(([id, bin]) => deck.byId.get(id).answer !== bin).map(([id]) => id);
  const right = TOTAL - wrongIds.length;
  await widget(page).locator('.results').waitFor();
  assert.equal(await widget(page).locator('.results .score').textContent(), `${right} of ${TOTAL}`, `${what}: the score`);
  const shown = await widget(page).locator('.results > .outcomes > .outcome').evaluateAll((rows) =>
    rows.map((r) => ({ wrong: r.classList.contains('wrong'), label: r.querySelector('strong').textContent })),
  );
  assert.deepEqual(shown.map((r) => r.wrong), wrongIds.map(() => true), `${what}: only mistakes are listed open`);
  assert.deepEqual(new Set(shown.map((r) => deck.byLabel.get(r.label).id)), new Set(wrongIds), `${what}: every mistake is listed`);
  const folded = widget(page).locator('details.right-answers');
  if (right > 0) {
    assert.equal(await folded.locator('summary').textContent(), `Show the ${right} you got right`);
    assert.equal(await folded.evaluate((d) => d.open), false, `${what}: the right answers are folded`);
    assert.equal(await folded.locator('.outcome.right').count(), right);
    // Every mistake comes before any right answer in the document.
    const order = await widget(page).locator('.outcome').evaluateAll((rows) => rows.map((r) => r.classList.contains('wrong')));
    assert.equal(order.indexOf(false), wrongIds.length, `${what}: no right answer before a mistake`);
  }
  for (const id of wrongIds) {
    const item = deck.byId.get(id);
    const row = widget(page).locator('.results > .outcomes > .outcome').filter({ hasText: item.label });
    await row.getByText(`Belongs in: ${binName(item.answer)}`).waitFor();
    if (item.instead) await row.getByText(`Instead: ${deck.byId.get(item.instead).label}`).waitFor();
    if (item.tip) await row.getByRole('button', { name: `See the tip: ${item.label}` }).waitFor();
  }
}


const axeClean = (page, what) => assertAxeCleanInBothThemes(page, 'backwise-widget', what);

// --- tests ------------------------------------------------------------------

test('phone, taps alone: one card at a time, large buttons, within 900 px; axe in every state; results lead with mistakes', async () => {
  await withWidget('taps', { context: PHONE }, async (t, page) => {
    await openQuiz(page);
    await axeClean(page, 'the stack at the start');
    assert.deepEqual(await smallTargets(page, 24), [], 'targets of at least 24 px');
    for (const answer of ['safe', 'avoid']) {
      const box = await answerButton(page, answer).boundingBox();
      assert.ok(box.width >= 44 && box.height >= 44, `the ${answer} button is at least 44×44 px (${box.width}×${box.height})`);
    }
    await screenshot(page, 'stack-phone-start');
    // Three deliberate mistakes.
    const wrong = new Set(['straight-leg-situps', 'walking', 'bicycling']);
    let n = 0;
    const given = await finish(page, async (p, bin) => {
      await tap(p, bin);
      if (++n === 5) {
        await binSummary(p, 'safe').tap();
        await axeClean(p, 'the stack partly sorted, with a bin open');
        await screenshot(p, 'stack-phone-partly-sorted');
        await binSummary(p, 'safe').tap();
      }
    }, { answerOf: (item) => (wrong.has(item.id) ? other(item.answer) : item.answer), what: 'taps' });
    await screenshot(page, 'stack-phone-all-sorted');
    await scrollSettled(page);
    await widget(page).getByRole('button', { name: 'Check answers' }).tap();
    await assertResultsLeadWithMistakes(page, given, 'taps');
    await axeClean(page, 'the results');
    await screenshot(page, 'stack-phone-results');
    const events = await quizCompleteEvents(page);
    assert.equal(events.length, 1);
    assert.deepEqual(new Set(events[0].detail.wrong), wrong, 'the host event names the same mistakes');
    assert.equal(events[0].detail.score, TOTAL - wrong.size);
  });
});

test('phone, swipes alone: right is Safe, left is Avoid; a short swipe snaps back and a vertical move scrolls', async () => {
  await withWidget('swipes', { context: PHONE }, async (t, page) => {
    await openQuiz(page);
    // Short of the threshold: nothing is placed, and the card is back in place.
    const first = await current(page);
    const { x, y, box } = await centreOf(card(page));
    await touchSwipe(page, { x, y }, { x: x + 20, y }, { steps: 4 });
    assert.equal((await current(page)).id, first.id, 'a short swipe answers nothing');
    assert.equal(await progress(page).textContent(), `1 of ${TOTAL}`);
    const settled = await card(page).boundingBox();
    assert.ok(Math.abs(settled.x - box.x) < 1, `the card snaps back (x ${settled.x}, was ${box.x})`);
    // Mostly vertical: the page scrolls, nothing is placed.
    const scrolled = await page.evaluate(() => scrollY);
    await touchSwipe(page, { x, y: y + 40 }, { x: x + 30, y: y - 160 }, { steps: 10 });
    assert.equal((await current(page)).id, first.id, 'a vertical move answers nothing');
    assert.ok((await page.evaluate(() => scrollY)) > scrolled, 'a vertical move scrolls the page');
    const given = await finish(page, swipe, { what: 'swipes' });
    // Chromium takes a tap within about half a second of a swipe as the end
    // of that gesture, and makes no click of it (any control, any page).
    await page.waitForTimeout(700);
    await scrollSettled(page);
    await widget(page).getByRole('button', { name: 'Check answers' }).tap();
    await assertResultsLeadWithMistakes(page, given, 'swipes, no mistakes');
    assert.equal(await widget(page).locator('.results > .outcomes').count(), 0, 'no mistakes: nothing listed open');
  });
});

test('phone: the card shows where a swipe is heading while the finger is down', async () => {
  await withWidget('swipe-hint', { context: PHONE }, async (t, page) => {
    await openQuiz(page);
    const { x, y } = await centreOf(card(page));
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, px) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: px, y, id: 1 }] });
    await touch('touchStart', x);
    for (let i = 1; i <= 6; i++) await touch('touchMove', x - i * 12);
    assert.equal(await card(page).getAttribute('data-toward'), 'avoid', 'heading for Avoid');
    await widget(page).locator('.toward.avoid').waitFor({ state: 'visible' });
    const moved = await card(page).evaluate((el) => getComputedStyle(el).translate);
    assert.match(moved, /^-\d+/, `the card follows the finger (translate ${moved})`);
    for (let i = 5; i >= -4; i--) await touch('touchMove', x - i * 12);
    assert.equal(await card(page).getAttribute('data-toward'), 'safe', 'heading for Safe');
    await touch('touchMove', x + 10);
    await touch('touchEnd');
    await cdp.detach();
    assert.equal(await card(page).getAttribute('data-toward'), null, 'the hint goes with the finger');
    assert.equal(await progress(page).textContent(), `1 of ${TOTAL}`, 'let go short of the threshold: no answer');
  });
});

test('prefers-reduced-motion: the card stays still, and a swipe still answers', async () => {
  await withWidget('reduced-motion', { context: { ...PHONE, reducedMotion: 'reduce' } }, async (t, page) => {
    await openQuiz(page);
    const { x, y } = await centreOf(card(page));
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, px) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: px, y, id: 1 }] });
    await touch('touchStart', x);
    for (let i = 1; i <= 10; i++) await touch('touchMove', x + i * 15);
    assert.equal(await card(page).evaluate((el) => getComputedStyle(el).translate), 'none', 'no movement');
    assert.equal(await card(page).getAttribute('data-toward'), 'safe', 'the hint still shows');
    await touch('touchEnd');
    await cdp.detach();
    await liveTextMatching(page, new RegExp(`placed in ${SAFE}\\. 1 of ${TOTAL} sorted\\.$`));
  });
});

test('keyboard alone: ←/→ on the card, focus stays on the next card; Undo takes back the last answer', async () => {
  await withWidget('keys', { context: PHONE }, async (t, page) => {
    // Into the tab list, → to the Quiz tab, then Tab to the card.
    await tabUntil(page, (f) => f.role === 'tab', { max: 5, what: 'the tabs' });
    assert.equal((await pressKeepingFocus(page, 'ArrowRight', 'ArrowRight to the Quiz tab')).text, 'Quiz');
    await card(page).waitFor();
    await tabUntil(page, (f) => /\bstack-card\b/.test(f.cls), { max: 5, what: 'the card' });
    const first = await current(page);
    await page.keyboard.press(first.answer === 'safe' ? 'ArrowRight' : 'ArrowLeft');
    await liveTextMatching(page, new RegExp(`^${escapeRe(first.label)} placed in ${binName(first.answer)}\\. 1 of ${TOTAL} sorted\\.$`));
    let f = await deepActive(page);
    assert.match(f.cls, /\bstack-card\b/, 'focus stays on the card');
    // Undo, reached with Tab and pressed with Enter: the first item is back
    // on the card, and nothing is sorted.
    await tabUntil(page, (x) => x.tag === 'button' && /Undo$/.test(x.text), { max: 10, what: 'Undo' });
    await page.keyboard.press('Enter');
    await liveTextMatching(page, new RegExp(`^Took back the answer for ${escapeRe(first.label)}\\. 0 of ${TOTAL} sorted\\.$`));
    assert.equal((await current(page)).id, first.id, 'Undo brings the card back');
    f = await deepActive(page);
    assert.match(f.cls, /\bstack-card\b/, 'after Undo, focus is on the card');
    assert.equal(await widget(page).getByRole('button', { name: /Undo$/ }).getAttribute('aria-disabled'), 'true', 'nothing left to undo');
    const given = await finish(page, (p, bin) => p.keyboard.press(bin === 'safe' ? 'ArrowRight' : 'ArrowLeft'), { what: 'keys', focusOnCard: true });
    // The last answer goes to Check answers.
    f = await deepActive(page);
    assert.equal(f.text, 'Check answers', `after the last card, focus is on Check answers (${f.path})`);
    await page.keyboard.press('Enter');
    await assertResultsLeadWithMistakes(page, given, 'keys');
    f = await deepActive(page);
    assert.match(f.text, new RegExp(`^${TOTAL} of ${TOTAL}$`), 'focus on the score');
  });
});

test('the bins open to list their items, which can be moved across or returned until Check', async () => {
  await withWidget('bins', { context: PHONE }, async (t, page) => {
    await openQuiz(page);
    const a = await current(page);
    await tap(page, 'safe');
    const b = await current(page);
    await tap(page, 'avoid');
    assert.equal(await binSummary(page, 'safe').textContent(), `${SAFE} · 1`);
    assert.equal(await binSummary(page, 'avoid').textContent(), `${AVOID} · 1`);
    await binSummary(page, 'safe').tap();
    await binItems(page, 'safe').filter({ hasText: a.label }).waitFor();
    // Move A across: it lands in Avoid, and focus goes to that bin.
    await widget(page).getByRole('button', { name: `Put ${a.label} in ${AVOID}` }).tap();
    await liveTextMatching(page, new RegExp(`^${escapeRe(a.label)} moved to ${AVOID}\\. 2 of ${TOTAL} sorted\\.$`));
    assert.equal(await binSummary(page, 'avoid').textContent(), `${AVOID} · 2`);
    let f = await deepActive(page);
    assert.equal(f.text, `${AVOID} · 2`, `focus on the Avoid bin (${f.path})`);
    // Return B: it is on the card again.
    await binSummary(page, 'avoid').tap();
    await widget(page).getByRole('button', { name: `Return ${b.label} to the items to sort` }).tap();
    await liveTextMatching(page, new RegExp(`^${escapeRe(b.label)} returned to the items to sort\\. 1 of ${TOTAL} sorted\\.$`));
    assert.equal((await current(page)).id, b.id, 'the returned item is the next card');
    f = await deepActive(page);
    assert.match(f.cls, /\bstack-card\b/, 'focus on the card');
    // Undo the return, then the move.
    await widget(page).getByRole('button', { name: /Undo$/ }).tap();
    await liveTextMatching(page, new RegExp(`^Took back the answer for ${escapeRe(b.label)}\\. 2 of ${TOTAL} sorted\\.$`));
    await widget(page).getByRole('button', { name: /Undo$/ }).tap();
    await liveTextMatching(page, new RegExp(`^Took back the answer for ${escapeRe(a.label)}\\. 2 of ${TOTAL} sorted\\.$`));
    assert.equal(await binSummary(page, 'safe').textContent(), `${SAFE} · 1`);
    // A reload keeps the placements.
    await reloadWidget(page);
    await openQuiz(page);
    assert.equal(await progress(page).textContent(), `3 of ${TOTAL}`);
    assert.equal(await binSummary(page, 'safe').textContent(), `${SAFE} · 1`);
    assert.equal(await binSummary(page, 'avoid').textContent(), `${AVOID} · 1`);
  });
});

test('a 400 px column on a laptop is narrow too: the stack; the same widget at full width is the board', async () => {
  await withWidget('column', { context: LAPTOP }, async (t, page) => {
    await narrowColumn(page, 400);
    await openQuiz(page);
    const given = await finish(page, (p, bin) => answerButton(p, bin).click(), { what: 'column' });
    await widget(page).getByRole('button', { name: 'Check answers' }).click();
    await assertResultsLeadWithMistakes(page, given, 'column');
    await widget(page).getByRole('button', { name: 'Try again' }).click();
    await card(page).waitFor();
    await narrowColumn(page, 1000);
    await widget(page).locator('.quiz-board').waitFor();
    assert.equal(await card(page).count(), 0, 'a wide widget shows the board');
  });
});

test('in a 260 or 300 px column, in English and in Spanish, no button label breaks inside a word', async () => {
  await withWidget('words', { context: LAPTOP }, async (t, page) => {
    // Each deck's Safe button, by its bin's label: the longest word of all.
    for (const [src, safe] of [[null, SAFE], ['decks/back-pain.es.json', 'Alternativa segura']]) {
      if (src) await widget(page).evaluate((el, src) => el.setAttribute('deck', src), src);
      await widget(page).evaluate((el) => el.setAttribute('view', 'quiz'));
      for (const px of [260, 300]) {
        await narrowColumn(page, px);
        await answerButton(page, 'safe').filter({ hasText: safe }).waitFor();
        // With words kept whole, a word wider than its button overflows it.
        const broken = await widget(page).evaluate((el) =>
          [...el.shadowRoot.querySelectorAll('button, summary')]
            .filter((b) => b.checkVisibility())
            .filter((b) => {
              b.style.overflowWrap = 'normal';
              const over = b.scrollWidth > b.clientWidth + 1;
              b.style.removeProperty('overflow-wrap');
              return over;
            })
            .map((b) => b.textContent.trim()),
        );
        assert.deepEqual(broken, [], `${src ?? 'the built-in deck'} at ${px} px: labels with a word wider than the button`);
      }
    }
  });
});

test('switching layout mid-quiz keeps every placement, both ways; the layout attribute overrides the width', async () => {
  await withWidget('switch', { context: { ...PHONE, viewport: { width: 375, height: 740 } } }, async (t, page) => {
    await openQuiz(page);
    const placed = new Map();
    for (let i = 0; i < 6; i++) {
      const item = await current(page);
      const bin = i % 2 ? 'avoid' : 'safe';
      placed.set(item.id, bin);
      await tap(page, bin);
    }
    const boardState = async () =>
      Object.fromEntries(
        await widget(page).locator(`.zone ${SHOWN_ITEM}`).evaluateAll((rows) =>
          rows.map((r) => [r.dataset.item, r.closest('.zone').classList.contains('bin') ? (r.closest('.safe') ? 'safe' : 'avoid') : 'pool']),
        ),
      );
    // Rotate to landscape on a tablet: wide enough for the board.
    await page.setViewportSize({ width: 1024, height: 740 });
    await widget(page).locator('.quiz-board').waitFor();
    const board = await boardState();
    for (const [id, bin] of placed) assert.equal(board[id], bin, `${id} is still in ${bin} on the board`);
    assert.equal(Object.values(board).filter((b) => b === 'pool').length, TOTAL - placed.size);
    // One more on the board, then back to the stack.
    const next = await widget(page).locator(`.pool ${SHOWN_ITEM} .item-label`).first().textContent();
    await widget(page).getByRole('button', { name: `Put ${next} in ${SAFE}` }).click();
    await page.setViewportSize({ width: 375, height: 740 });
    await card(page).waitFor();
    assert.equal(await progress(page).textContent(), `8 of ${TOTAL}`);
    assert.equal(await binSummary(page, 'safe').textContent(), `${SAFE} · 4`);
    assert.equal(await binSummary(page, 'avoid').textContent(), `${AVOID} · 3`);
    // layout="board" on a phone, layout="stack" on a wide screen, live.
    await widget(page).evaluate((el) => el.setAttribute('layout', 'board'));
    await widget(page).locator('.quiz-board').waitFor();
    await page.setViewportSize({ width: 1024, height: 740 });
    await widget(page).evaluate((el) => el.setAttribute('layout', 'stack'));
    await card(page).waitFor();
    assert.equal(await progress(page).textContent(), `8 of ${TOTAL}`);
    await widget(page).evaluate((el) => el.setAttribute('layout', 'auto'));
    await widget(page).locator('.quiz-board').waitFor();
  });
});

test('a seeded random walk in the stack never loses an item, and the score is the right placements', async () => {
  const seed = Number(process.env.BACKWISE_MONKEY_SEED || 7);
  const random = generator(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  await withWidget('monkey', { context: PHONE, initScripts: [seededMathRandom(seed)] }, async (t, page) => {
    await openQuiz(page);
    const steps = [];
    const counts = async () => {
      const n = async (answer) => Number((await binSummary(page, answer).textContent()).split('·')[1]);
      return { safe: await n('safe'), avoid: await n('avoid') };
    };
    for (let step = 0; step < 80; step++) {
      const hasCard = (await card(page).count()) > 0;
      const moves = ['undo', 'open', 'move', 'return'];
      if (hasCard) moves.push('tap', 'tap', 'swipe', 'key', 'key');
      const move = pick(moves);
      steps.push(move);
      const what = `seed ${seed}, step ${step} (${steps.slice(-6).join(', ')})`;
      if (move === 'tap') await tap(page, pick(['safe', 'avoid']));
      else if (move === 'swipe') await swipe(page, pick(['safe', 'avoid']));
      else if (move === 'key') {
        await card(page).focus();
        await page.keyboard.press(pick(['ArrowLeft', 'ArrowRight']));
      } else if (move === 'undo') {
        const undo = widget(page).getByRole('button', { name: /Undo$/ });
        // Nothing to undo: the button says so (aria-disabled) and does nothing.
        await undo.click({ force: (await undo.getAttribute('aria-disabled')) === 'true' });
      }
      else if (move === 'open') await binSummary(page, pick(['safe', 'avoid'])).click();
      else if (move === 'move' || move === 'return') {
        const rows = widget(page).locator('details[open] .item button' + (move === 'move' ? '.place' : '.unplace'));
        const n = await rows.count();
        if (n) await rows.nth(Math.floor(random() * n)).click();
      }
      // Every item is on the card, still to come, or in exactly one bin.
      const { safe, avoid } = await counts();
      const text = await progress(page).textContent();
      const sorted = hasCardNow(text) ? Number(text.split(' ')[0]) - 1 : TOTAL;
      assert.equal(safe + avoid, sorted, `${what}: the bins hold every sorted item (${text}, ${safe} + ${avoid})`);
      assert.deepEqual(await t.errors(), [], `${what}: no errors`);
    }
    // Finish on purpose, then check: the score is the right placements.
    while ((await card(page).count()) > 0) await tap(page, (await current(page)).answer);
    const placements = {};
    for (const answer of ['safe', 'avoid']) {
      await binSummary(page, answer).evaluate((s) => (s.parentElement.open = true));
      for (const id of await binItems(page, answer).evaluateAll((rows) => rows.map((r) => r.dataset.item))) placements[id] = answer;
    }
    assert.equal(Object.keys(placements).length, TOTAL, 'every item is in a bin');
    const right = Object.entries(placements).filter(([id, bin]) => deck.byId.get(id).answer === bin).length;
    await widget(page).getByRole('button', { name: 'Check answers' }).click();
    await widget(page).getByRole('heading', { name: `${right} of ${TOTAL}` }).waitFor();
    const events = await quizCompleteEvents(page);
    assert.equal(events.at(-1).detail.score, right);
  });
});

/** Whether the progress line is a card's ("5 of 17") rather than "17 of 17 sorted". */
function hasCardNow(text) {
  return !/sorted$/.test(text);
}
