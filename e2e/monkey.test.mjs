// End-to-end: seeded random walks through the widget, as a restless reader
// might go through it: clicks (or taps) on any button or tab, keys, drags
// that end on a bin, on the pool or anywhere at all, attribute changes, and
// reloads; and a walk with the keyboard alone. After every step:
// - nothing was logged as an error, and the crash card is not shown;
// - a click on a button leaves focus in the widget, and so does a key
//   pressed in the widget, except Tab and Shift+Tab, which may leave it;
//   when a click, tap or key moves focus, the control that gets it is in
//   view;
// - on the quiz board, the progress line and the zone headings agree with
//   the items in each zone, and every item is in exactly one zone;
// - on the results, the score is the number of items marked right, and each
//   item's "Belongs in" is its answer in the deck;
// - when a step turns the board into the results, the score is the number
//   of items the board had in their right bin, and the host event says the
//   same (only Check answers may do that; after storage="none", a reload
//   may bring back an older saved state instead).
// These walks are on the board (layout="board", also on the phone); the
// stack has its own walk in e2e/stack.test.mjs.
// At the end of each walk, the quiz is finished on purpose and checked the
// same way. A failure names the seed and the last steps. Run one seed with
// BACKWISE_MONKEY_SEED=N (and BACKWISE_MONKEY_STEPS=M for a longer walk;
// BACKWISE_MONKEY_HOW=touch for the phone, =keys for the keyboard alone;
// BACKWISE_MONKEY_LOG=1 prints each walk and the views it went through).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSuite, screenshot, nextFrames } from './lib/browser.mjs';
import {
  loadDeck,
  openWidget,
  reloadWidget,
  deepActive,
  scrollSettled,
  touchHold,
  generator,
  seededMathRandom,
  wholyInView,
  quizCompleteRecorder,
  boardLayout,
  quizCompleteEvents,
  SHOWN_ITEM,
} from './lib/widget.mjs';

const deck = loadDeck();
const TOTAL = deck.items.length;
// Three walks with a mouse and a keyboard on a laptop, one with a finger on
// a phone, and one with the keyboard alone.
const HOW = { mouse: 'by mouse and keyboard', touch: 'by touch on a phone', keys: 'by keyboard alone' };
const WALKS = process.env.BACKWISE_MONKEY_SEED
  ? [{ seed: Number(process.env.BACKWISE_MONKEY_SEED), how: process.env.BACKWISE_MONKEY_HOW || 'mouse' }]
  : [{ seed: 11, how: 'mouse' }, { seed: 22, how: 'mouse' }, { seed: 33, how: 'mouse' }, { seed: 44, how: 'touch' }, { seed: 55, how: 'keys' }];
const STEPS = Number(process.env.BACKWISE_MONKEY_STEPS || 120);
const PHONE = { viewport: { width: 320, height: 568 }, hasTouch: true, isMobile: true };
const VERB = { mouse: 'click', touch: 'tap', keys: 'Enter on' };

/** Press a button or tab as the walk's reader does: a click, a tap, or Enter once it has focus. */
const activate = (how, locator) => (how === 'keys' ? locator.press('Enter') : how === 'touch' ? locator.tap() : locator.click());

const { server, browser } = await openSuite();

const KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter', 'Space', 'Escape', 'Tab', 'Shift+Tab'];
const ATTRIBUTES = { view: ['tips', 'quiz'], theme: ['auto', 'light', 'dark'], storage: ['local', 'none'] };

/**
 * What the widget shows now, read from its shadow root: the board's zones
 * and headings, or the results' score and outcomes, and whether the crash
 * card is up.
 */
const snapshot = (page) =>
  page.evaluate((shownItem) => {
    const root = document.querySelector('backwise-widget').shadowRoot;
    const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : null);
    const shown = (el) => el && el.checkVisibility({ visibilityProperty: true });
    const crashed = [...root.querySelectorAll('.error-card')].some(shown);
    const board = root.querySelector('.quiz-board');
    if (shown(board)) {
      const zone = (name) => {
        const el = root.querySelector(`.zone.${name}`);
        return { title: text(el.querySelector('.zone-title')), labels: [...el.querySelectorAll(`${shownItem} .item-label`)].map(text) };
      };
      return { view: 'board', crashed, progress: text(root.querySelector('.progress')), pool: zone('pool'), safe: zone('safe'), avoid: zone('avoid') };
    }
    const results = root.querySelector('.results');
    if (shown(results)) {
      return {
        view: 'results',
        crashed,
        score: text(results.querySelector('.score')),
        outcomes: [...results.querySelectorAll('li.outcome')].map((li) => ({
          right: li.classList.contains('right'),
          label: text(li.querySelector('.outcome-head strong')),
          belongs: text(li.querySelector('.belongs')),
        })),
      };
    }
    return { view: shown(root.querySelector('.deck')) ? 'tips' : 'other', crashed };
  }, SHOWN_ITEM);

/**
 * The focused control in the widget, if it is not wholly in view (to the
 * pixel) within ten frames; one taller than the window need only reach into
 * it. (The widget reveals a newly focused control in the next frame.)
 */
async function focusOutOfView(page) {
  let out = null;
  for (let frame = 0; frame < 10; frame++) {
    const box = await page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(r));
      const el = document.querySelector('backwise-widget').shadowRoot.activeElement;
      if (!el) return null;
      const what = `${el.tagName.toLowerCase()}.${el.className}`;
      return { ...el.getBoundingClientRect().toJSON(), vw: innerWidth, vh: innerHeight, what };
    });
    if (!box) return null;
    const rendered = box.width > 0 || box.height > 0;
    const shown = rendered && (box.height > box.vh ? box.bottom > 0 && box.top < box.vh : wholyInView(box));
    if (shown) return null;
    out = rendered ? `${box.what} (${Math.round(box.top)} to ${Math.round(box.bottom)} of ${box.vh})` : `${box.what} (no box: not rendered)`;
  }
  return out;
}


/** How many of the board's placements are right, by the deck's answers. */
function rightOnBoard(s) {
  return ['safe', 'avoid'].reduce((n, bin) => n + s[bin].labels.filter((l) => deck.byLabel.get(l)?.answer === bin).length, 0);
}

/** The invariants of one snapshot; returns a list of what is wrong. */
function problems(s) {
  const out = [];
  if (s.crashed) out.push('the crash card is shown');
  if (s.view === 'board') {
    const all = [...s.pool.labels, ...s.safe.labels, ...s.avoid.labels];
    const sorted = s.safe.labels.length + s.avoid.labels.length;
    if (all.length !== TOTAL || new Set(all).size !== TOTAL) out.push(`the zones hold ${all.length} items (${new Set(all).size} different), not ${TOTAL}`);
    for (const l of all) if (!deck.byLabel.has(l)) out.push(`"${l}" is not an item of the deck`);
    if (s.progress !== `${sorted} of ${TOTAL} sorted`) out.push(`progress says "${s.progress}" with ${sorted} sorted`);
    for (const [label, z] of [['To sort', s.pool], [deck.binLabel('safe'), s.safe], [deck.binLabel('avoid'), s.avoid]]) {
      if (z.title !== `${label} · ${z.labels.length}`) out.push(`heading "${z.title}" over ${z.labels.length} items`);
    }
  }
  if (s.view === 'results') {
    const right = s.outcomes.filter((o) => o.right).length;
    if (s.outcomes.length !== TOTAL) out.push(`${s.outcomes.length} outcomes, not ${TOTAL}`);
    if (s.score !== `${right} of ${TOTAL}`) out.push(`the score says "${s.score}" with ${right} marked right`);
    for (const o of s.outcomes) {
      const item = deck.byLabel.get(o.label);
      const want = item && `Belongs in: ${deck.binLabel(item.answer)}`;
      if (o.belongs !== want) out.push(`"${o.label}": "${o.belongs}", expected "${want}"`);
    }
  }
  return out;
}

/** Centre of a random visible, enabled button or tab in the widget, scrolled into view. */
const pickButton = (page, r) =>
  page.evaluate((r) => {
    const root = document.querySelector('backwise-widget').shadowRoot;
    const all = [...root.querySelectorAll('button, [role="tab"]')].filter((b) => b.checkVisibility({ visibilityProperty: true }) && !b.disabled);
    if (!all.length) return null;
    const el = all[Math.floor(r * all.length)];
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    const b = el.getBoundingClientRect();
    return { x: b.x + b.width / 2, y: b.y + b.height / 2, name: (el.getAttribute('aria-label') || el.textContent).trim() };
  }, r);

/** A random quiz row's grip and a drop point: a bin, the pool, or anywhere in the viewport. */
const pickDrag = (page, rs) =>
  page.evaluate(([r1, r2, r3, r4]) => {
    const root = document.querySelector('backwise-widget').shadowRoot;
    const rows = [...root.querySelectorAll('li.item')].filter((e) => e.checkVisibility({ visibilityProperty: true }));
    if (!rows.length) return null;
    const row = rows[Math.floor(r1 * rows.length)];
    const grip = row.querySelector('.grip');
    grip.scrollIntoView({ block: 'center', behavior: 'instant' });
    const g = grip.getBoundingClientRect();
    const zones = [...root.querySelectorAll('.zone')];
    let to;
    let where;
    if (r2 < 0.7) {
      const z = zones[Math.floor(r3 * zones.length)];
      const b = z.getBoundingClientRect();
      to = { x: b.x + b.width / 2, y: Math.min(innerHeight - 2, Math.max(2, b.y + 20)) };
      where = z.className;
    } else {
      to = { x: r3 * innerWidth, y: r4 * innerHeight };
      where = 'anywhere';
    }
    return { from: { x: g.x + g.width / 2, y: g.y + g.height / 2 }, to, label: row.querySelector('.item-label').textContent.trim(), where };
  }, rs);

/**
 * One random step; returns what it did, for the log. The tips view has more
 * buttons than the quiz, so a walk there goes back to the Quiz tab a quarter
 * of the time: the quiz is where most of the state is.
 */
async function step(page, rnd, last, how) {
  const roll = rnd();
  const before = await deepActive(page);
  const w = page.locator('backwise-widget');
  const verb = VERB[how];
  if (last.view === 'tips' && rnd() < 0.25) {
    await activate(how, w.getByRole('tab', { name: 'Quiz', exact: true }));
    return { did: `${verb} "Quiz"`, focusStays: true, pressed: true };
  }
  if (last.view === 'board' && last.pool.labels.length === 0 && rnd() < 0.3) {
    await activate(how, w.getByRole('button', { name: 'Check answers', exact: true }));
    return { did: `${verb} "Check answers"`, focusStays: true, pressed: true };
  }
  if (last.view === 'board' && rnd() < 0.05) {
    await sortTheRest(page, rnd, last.pool.labels, how);
    return { did: `sort the ${last.pool.labels.length} left with their buttons (${verb})` };
  }
  if (how === 'keys') return keyStep(page, rnd, before);
  const touch = how === 'touch';
  if (roll < 0.5) {
    const b = await pickButton(page, rnd());
    if (!b) return { did: `no button to ${verb}` };
    if (touch) await page.touchscreen.tap(b.x, b.y);
    else await page.mouse.click(b.x, b.y);
    return { did: `${verb} "${b.name}"`, focusStays: true, pressed: true };
  }
  if (roll < 0.75) {
    const key = KEYS[Math.floor(rnd() * KEYS.length)];
    await page.keyboard.press(key);
    return { did: `key ${key} (focus on ${before.path})`, focusStays: before.inWidget && !key.includes('Tab'), pressed: true };
  }
  if (roll < 0.9) {
    const d = await pickDrag(page, [rnd(), rnd(), rnd(), rnd()]);
    if (!d) return { did: 'no row to drag' };
    if (touch) {
      // The finger rests on the target before it lifts. Lifted while still
      // moving, it flicks, and Chromium takes a tap in the next 180 ms or so
      // as the hand stopping the flick, not as a tap (seen here: no click).
      const finger = await touchHold(page, d.from, d.to, { steps: 6 });
      await page.waitForTimeout(100);
      await finger.lift();
    } else {
      await page.mouse.move(d.from.x, d.from.y);
      await page.mouse.down();
      await page.mouse.move(d.to.x, d.to.y, { steps: 6 });
      await page.mouse.up();
    }
    return { did: `drag "${d.label}" to ${d.where}` };
  }
  if (roll < 0.97) {
    const names = Object.keys(ATTRIBUTES);
    const name = names[Math.floor(rnd() * names.length)];
    const value = ATTRIBUTES[name][Math.floor(rnd() * ATTRIBUTES[name].length)];
    await page.locator('backwise-widget').evaluate((el, [n, v]) => el.setAttribute(n, v), [name, value]);
    return { did: `set ${name}="${value}"`, storage: name === 'storage' ? value : undefined };
  }
  await reloadWidget(page);
  return { did: 'reload', reload: true };
}

/**
 * A step with the keyboard alone: a random key, Enter and Space more often
 * than the rest. When Tab has taken focus out of the widget, the reader
 * comes back to it (to the selected tab).
 */
async function keyStep(page, rnd, before) {
  if (!before.inWidget) {
    await page.locator('backwise-widget').getByRole('tab', { selected: true }).focus();
    return { did: 'focus back on the selected tab' };
  }
  const keys = [...KEYS, 'Enter', 'Space', 'Enter', 'Space'];
  const key = keys[Math.floor(rnd() * keys.length)];
  await page.keyboard.press(key);
  return { did: `key ${key} (focus on ${before.path})`, focusStays: !key.includes('Tab'), pressed: true };
}

/**
 * Finish the quiz on purpose: sort what is left with the row buttons, each
 * into a random bin; returns the Check answers button.
 */
async function finish(page, rnd, how) {
  const w = page.locator('backwise-widget');
  await w.evaluate((el) => el.setAttribute('view', 'quiz'));
  await activate(how, w.getByRole('tab', { name: 'Quiz', exact: true }));
  let s = await snapshot(page);
  if (s.view === 'results') {
    await activate(how, w.getByRole('button', { name: 'Try again', exact: true }));
    s = await snapshot(page);
  }
  await sortTheRest(page, rnd, s.pool.labels, how);
  return w.getByRole('button', { name: 'Check answers', exact: true });
}

/** Each of `labels` (items in the pool) into a random bin, with its row's button. */
async function sortTheRest(page, rnd, labels, how) {
  for (const label of labels) {
    const bin = rnd() < 0.5 ? 'safe' : 'avoid';
    // The row's own button: with an item selected, a bin's "Put … in …" has the same name.
    const pool = page.locator('backwise-widget').locator('.zone.pool');
    await activate(how, pool.getByRole('button', { name: `Put ${label} in ${deck.binLabel(bin)}`, exact: true }));
  }
}

for (const { seed, how } of WALKS) {
  const touch = how === 'touch';
  test(`monkey: ${STEPS} random steps ${HOW[how]} from seed ${seed} keep the widget whole and the score true`, async () => {
    // The page's Math.random is seeded too, so that the quiz's shuffles repeat.
    const t = await openWidget(browser, server, { initScripts: [quizCompleteRecorder, boardLayout, seededMathRandom(seed)], context: touch ? PHONE : {} });
    const { page } = t;
    const rnd = generator(seed);
    const log = [];
    let last = await snapshot(page);
    // With storage="none", changes are not saved, and a reload shows the
    // last state that was (the attribute is gone after the reload).
    let unsaved = false;
    let before = null; // where focus was before the step
    const check = async (did) => {
      const s = await snapshot(page);
      const found = problems(s);
      const errors = await t.errors();
      found.push(...errors);
      if (did.focusStays) {
        // Two frames on: a control that the step hid loses focus at the next one.
        await nextFrames(page);
        const f = await deepActive(page);
        if (!f.inWidget) found.push(`focus left the widget: ${f.path || f.tag}`);
        else if (!f.visible) found.push(`focus is on a hidden element: ${f.path}`);
      }
      // When a press moved focus. (A key that nothing takes scrolls the page
      // away from a control that keeps focus, as on any page; so can a drag
      // or the host page.)
      const after = did.pressed && (await deepActive(page));
      const moved = after && `${after.path}|${after.name}` !== `${before.path}|${before.name}`;
      const hiddenFocus = moved && (await focusOutOfView(page));
      if (hiddenFocus) found.push(`the focused control is out of view: ${hiddenFocus}`);
      if (last.view === 'board' && s.view === 'results' && !(did.reload && unsaved)) {
        const want = `${rightOnBoard(last)} of ${TOTAL}`;
        if (s.score !== want) found.push(`the score says "${s.score}", but the board had ${want} right`);
        const events = await quizCompleteEvents(page);
        const e = events.at(-1)?.detail;
        if (!e || `${e.score} of ${e.total}` !== s.score) found.push(`the host event says ${JSON.stringify(e)}, the widget "${s.score}"`);
      }
      last = s;
      if (did.storage) unsaved = did.storage === 'none';
      if (did.reload) unsaved = false;
      if (found.length) {
        await screenshot(page, `monkey-FAILED-seed-${seed}`).catch(() => {});
        const shown = process.env.BACKWISE_MONKEY_LOG === '1' ? log : log.slice(-8);
        assert.fail(`seed ${seed}, after:\n  ${shown.join('\n  ')}\n${found.map((p) => `- ${p}`).join('\n')}`);
      }
    };
    try {
      await check({});
      for (let i = 0; i < STEPS; i++) {
        // A reader acts once the page has settled: an arrow key or Space
        // that the widget does not take scrolls the page smoothly, and
        // would overtake a scroll the widget makes meanwhile.
        await scrollSettled(page);
        before = await deepActive(page);
        const did = await step(page, rnd, last, how);
        log.push(`${i + 1}. ${did.did}`);
        await check(did);
        log[log.length - 1] += ` → ${last.view}`;
      }
      const checkButton = await finish(page, rnd, how);
      log.push('finish: every item left sorted by its buttons, into random bins');
      await check({});
      await activate(how, checkButton);
      log.push(`finish: ${VERB[how]} Check answers`);
      await check({ focusStays: true });
      assert.equal(last.view, 'results', `seed ${seed}: Check answers showed the results`);
      if (process.env.BACKWISE_MONKEY_LOG === '1') console.log(`seed ${seed}:\n  ${log.join('\n  ')}`);
    } finally {
      await t.context.close();
    }
  });
}
