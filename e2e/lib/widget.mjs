// Widget-level helpers for the e2e flows (tips, quiz): open the demo page,
// find the deep focused element through shadow roots, read the deck, check
// reflow and target sizes, and send touch gestures.
//
//   const t = await openWidget(browser, server, { context: { hasTouch: true } });
//   const f = await deepActive(t.page);   // { tag, name, isBody, inWidget, ... }
//   const deck = loadDeck();              // decks/back-pain.json, parsed

import path from 'node:path';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { REPO_ROOT } from './server.mjs';
import { newPage, waitForReady, assertNoErrors, screenshot, nextFrames } from './browser.mjs';

/**
 * Init script: records every backwise-quiz-complete event reaching window in
 * window.__quizComplete as { detail, bubbles, composed, target }.
 */
export function quizCompleteRecorder() {
  window.__quizComplete = [];
  window.addEventListener('backwise-quiz-complete', (e) => {
    window.__quizComplete.push({
      detail: e.detail,
      bubbles: e.bubbles,
      composed: e.composed,
      target: e.target && e.target.tagName ? e.target.tagName.toLowerCase() : null,
    });
  });
}

/**
 * Init script: gives every <backwise-widget> of the page layout="board", so
 * that a suite about the board keeps it on a phone (where `auto` shows the
 * stack: e2e/stack.test.mjs).
 */
export function boardLayout() {
  // Not in about:blank frames, such as the widget's print frame: it runs no
  // script (sandboxed), and Chromium would log the blocked listener.
  if (location.href === 'about:blank') return;
  document.addEventListener('DOMContentLoaded', () => {
    for (const el of document.querySelectorAll('backwise-widget')) el.setAttribute('layout', 'board');
  });
}

/** Init script: as in a browser without `requestIdleCallback` (Safari). */
export const noIdleCallback = () => delete window.requestIdleCallback;

/**
 * A board row that a reader sees. The pool keeps a row for every item and
 * hides the ones in the bins (`hidden`), and under the results the whole
 * board is hidden, so a test that reads the board as a reader does skips
 * those.
 */
export const SHOWN_ITEM = 'li.item:not([hidden], [hidden] *)';

/** The backwise-quiz-complete events recorded since the last (re)load. */
export const quizCompleteEvents = (page) => page.evaluate(() => window.__quizComplete || []);

/**
 * mulberry32: a small seeded generator of numbers in [0, 1), for random
 * walks and shuffles that a failing test can replay.
 */
export function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Whether a box lies wholly inside the window, to the pixel (Chromium
 * scrolls a control just to the window's edge, at fractional positions).
 * The box is measured in the page as `{ ...el.getBoundingClientRect().toJSON(),
 * vw: innerWidth, vh: innerHeight }`.
 */
export const wholyInView = (box) => box.top >= -1 && box.bottom <= box.vh + 1 && box.left >= -1 && box.right <= box.vw + 1;

/**
 * Waits until the page has stopped scrolling: three frames at the same
 * place, at most about half a second. A smooth scroll (the page's, or one
 * the widget asks for) moves the page in every frame until it ends.
 */
export const scrollSettled = (page) =>
  page.evaluate(async () => {
    let still = 0;
    let y = scrollY;
    for (let frame = 0; frame < 30 && still < 3; frame++) {
      await new Promise((r) => requestAnimationFrame(r));
      still = scrollY === y ? still + 1 : 0;
      y = scrollY;
    }
  });

/**
 * The box of the element at `locator` two frames from now (once a reveal
 * asked for in the next frame has scrolled), measured for `wholyInView`.
 */
export const settledBox = (locator) =>
  locator.evaluate(async (el) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { ...el.getBoundingClientRect().toJSON(), vw: innerWidth, vh: innerHeight };
  });

/** An init script that gives the page a seeded Math.random, so that the quiz's shuffles repeat. */
export const seededMathRandom = (seed) => `Math.random = (${generator})(${seed});`;

export const DECK_PATH = path.join(REPO_ROOT, 'decks', 'back-pain.json');

/** The built-in deck, parsed, with handy lookups. */
export function loadDeck(file = DECK_PATH) {
  const deck = JSON.parse(readFileSync(file, 'utf8'));
  const items = deck.quiz.items;
  const byId = new Map(items.map((i) => [i.id, i]));
  const byLabel = new Map(items.map((i) => [i.label, i]));
  const tipById = new Map(deck.tips.map((t) => [t.id, t]));
  return { ...deck, items, byId, byLabel, tipById, binLabel: (b) => deck.quiz.bins[b] };
}

/**
 * New context + page (fresh localStorage), go to index.html, wait for the
 * widget to be ready and its Tips tab visible. `opts` goes to newPage
 * (context, initScripts, ...).
 */
export async function openWidget(browser, server, opts = {}) {
  const t = await newPage(browser, opts);
  await t.page.goto(server.url + (opts.path ?? 'index.html'));
  await waitForReady(t.page);
  await t.page.getByRole('tab', { name: 'Tips', exact: true }).waitFor({ state: 'visible' });
  return t;
}

/**
 * A runner for a file's tests: `withWidget(name, opts, fn)` opens a fresh
 * widget (fresh localStorage), runs `fn(t, page)`, fails on any console, page
 * or CSP error, saves a `<prefix>-FAILED-<name>` screenshot on failure, and
 * always closes the context.
 */
export function widgetRunner(browser, server, { prefix, initScripts = [] }) {
  return async function withWidget(name, opts, fn) {
    const t = await openWidget(browser, server, { ...opts, initScripts: [...initScripts, ...(opts.initScripts || [])] });
    try {
      await fn(t, t.page);
      await assertNoErrors(t, name);
    } catch (err) {
      await screenshot(t.page, `${prefix}-FAILED-${name}`).catch(() => {});
      throw err;
    } finally {
      await t.context.close();
    }
  };
}

/** Reload and wait for the widget again. */
export async function reloadWidget(page) {
  await page.reload();
  await waitForReady(page);
  await page.getByRole('tab', { name: 'Tips', exact: true }).waitFor({ state: 'visible' });
}

/**
 * The focused element, found through open shadow roots.
 * Returns { tag, role, name, text, cls, ariaLabel, ariaPressed, isBody, inWidget, visible, path };
 * `visible` is false for an element that is not rendered (hidden, or in a
 * hidden view), which Chromium takes focus from only at the next frame.
 */
export async function deepActive(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    const chain = [];
    while (el && el.shadowRoot && el.shadowRoot.activeElement) {
      chain.push(el.tagName.toLowerCase());
      el = el.shadowRoot.activeElement;
    }
    if (!el) return { tag: null, isBody: true, inWidget: false, visible: false, path: chain.join(' > ') };
    const root = el.getRootNode();
    const inWidget = root instanceof ShadowRoot && root.host.tagName.toLowerCase() === 'backwise-widget';
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim();
    const ariaLabel = el.getAttribute('aria-label');
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role'),
      cls: el.getAttribute('class') || '',
      ariaLabel,
      ariaPressed: el.getAttribute('aria-pressed'),
      name: ariaLabel || text,
      text,
      isBody: el === document.body || el === document.documentElement,
      inWidget,
      visible: el.checkVisibility(),
      path: [...chain, el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '')].join(' > '),
    };
  });
}

/**
 * Throw unless focus is on a rendered element inside the widget (never
 * <body>) two frames after the action: a control that the action hid keeps
 * focus until the next frame, then loses it.
 */
export async function assertFocusInWidget(page, after) {
  await nextFrames(page);
  const f = await deepActive(page);
  assert.ok(!f.isBody && f.inWidget, `focus was lost after ${after}: active element is ${f.path || f.tag}`);
  assert.ok(f.visible, `focus is on a hidden element after ${after}: ${f.path}`);
  return f;
}

/** Press a key and check that focus is still inside the widget. */
export async function pressKeepingFocus(page, key, what = key) {
  await page.keyboard.press(key);
  return assertFocusInWidget(page, what);
}

/**
 * Press Tab until `match(active)` is true (at most `max` times); fails with the
 * path travelled otherwise. Returns the matched element's description.
 */
export async function tabUntil(page, match, { max = 40, shift = false, what = 'the target' } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const f = await deepActive(page);
    seen.push(f.name || f.path);
    if (match(f)) return f;
  }
  throw new Error(`Tab never reached ${what} in ${max} presses; went through:\n  ${seen.join('\n  ')}`);
}

/**
 * Presses Tab `presses` times from where focus is, and fails if focus ever
 * lands inside an element of the widget that matches `selector` (something
 * hidden that no reader should reach).
 */
export async function tabNeverInto(page, selector, presses, what) {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(
      (selector) => !!document.querySelector('backwise-widget').shadowRoot.activeElement?.closest(selector),
      selector,
    );
    assert.ok(!inside, `Tab ${i + 1} does not land in ${what}`);
  }
}

/** The polite live region's text (role=status inside the widget), normalised. */
export async function liveText(page) {
  const text = await page.locator('backwise-widget').first().getByRole('status').textContent();
  return (text || '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Waits until the live region's text matches `re`, and returns it; fails
 * with the text it last read if that takes over `timeout` ms. After a long
 * render yew may yield to the browser (at 16 ms) before an effect's
 * announcement renders, so the text can land a task after focus has moved.
 */
export async function liveTextMatching(page, re, timeout = 2000) {
  const t0 = Date.now();
  let text = await liveText(page);
  while (!re.test(text)) {
    assert.ok(Date.now() - t0 < timeout, `the live region never read ${re} in ${timeout} ms; it reads "${text}"`);
    await new Promise((r) => setTimeout(r, 20));
    text = await liveText(page);
  }
  return text;
}

/**
 * Elements inside the widget's shadow root that stick out of the widget
 * horizontally, or that scroll horizontally themselves, plus page overflow.
 */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const host = document.querySelector('backwise-widget');
    const root = host.shadowRoot;
    const hostRect = host.getBoundingClientRect();
    const problems = [];
    const doc = document.scrollingElement || document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) {
      problems.push(`page scrolls horizontally: scrollWidth ${doc.scrollWidth} > ${window.innerWidth}`);
    }
    if (host.scrollWidth > host.clientWidth + 1) {
      problems.push(`host scrollWidth ${host.scrollWidth} > clientWidth ${host.clientWidth}`);
    }
    const describe = (el) =>
      el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : '') +
      ` "${(el.textContent || '').trim().slice(0, 40)}"`;
    for (const el of root.querySelectorAll('*')) {
      if (!el.checkVisibility?.({ visibilityProperty: true })) continue;
      if (el.classList.contains('visually-hidden') || el.closest('.visually-hidden')) continue;
      if (el.classList.contains('drag-ghost')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > hostRect.right + 1 || r.left < hostRect.left - 1) {
        problems.push(`${describe(el)} spans x ${Math.round(r.left)}..${Math.round(r.right)}, widget is ${Math.round(hostRect.left)}..${Math.round(hostRect.right)}`);
      }
      const style = getComputedStyle(el);
      if (el.scrollWidth > el.clientWidth + 1 && /(auto|scroll)/.test(style.overflowX)) {
        problems.push(`${describe(el)} scrolls horizontally (scrollWidth ${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    return problems;
  });
}

/** Visible buttons (and other controls) in the widget smaller than min×min CSS px. */
export async function smallTargets(page, min = 24) {
  return page.evaluate((min) => {
    const out = [];
    for (const host of document.querySelectorAll('backwise-widget')) {
      const root = host.shadowRoot;
      if (!root) continue;
      for (const el of root.querySelectorAll('button, [role="button"], [role="tab"], a[href], input, select, [tabindex="0"]')) {
        if (!el.checkVisibility?.({ visibilityProperty: true })) continue;
        const r = el.getBoundingClientRect();
        if (r.width < min || r.height < min) {
          out.push(`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 50)}" is ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
        }
      }
    }
    return out;
  }, min);
}

/** Count of visible buttons in the widget (to be sure a size check looked at something). */
export async function visibleButtonCount(page) {
  return page.evaluate(() => {
    const root = document.querySelector('backwise-widget').shadowRoot;
    return [...root.querySelectorAll('button')].filter((b) => b.checkVisibility({ visibilityProperty: true })).length;
  });
}

/**
 * One finger put down at `from` and moved to `to` in `steps` CDP touch
 * events, which Chromium turns into pointer events (pointerType "touch"). The
 * finger stays down: `lift()` ends the touch (a second call does nothing).
 * Needs a context with hasTouch. `from`/`to` are viewport points.
 */
export async function touchHold(page, from, to, { steps = 8, stepDelayMs = 16 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const send = (type, x, y) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }] });
  let down = true;
  const lift = async () => {
    if (!down) return;
    down = false;
    try {
      await send('touchEnd');
    } finally {
      await cdp.detach().catch(() => {});
    }
  };
  try {
    await send('touchStart', from.x, from.y);
    for (let i = 1; i <= steps; i++) {
      await send('touchMove', from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
      if (stepDelayMs) await new Promise((r) => setTimeout(r, stepDelayMs));
    }
  } catch (err) {
    await lift().catch(() => {});
    throw err;
  }
  return { lift };
}

/** A one-finger swipe (or drag) from `from` to `to`, lifted at the end: see `touchHold`. */
export async function touchSwipe(page, from, to, opts) {
  await (await touchHold(page, from, to, opts)).lift();
}

/** Centre of a locator's bounding box (after scrolling it into view). */
export async function centreOf(locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  assert.ok(box, 'element has a bounding box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}
