// Interaction as Chrome reports it: the Event Timing API (the basis of
// Interaction to Next Paint), read in the demo post while Playwright acts as
// a reader (trusted mouse and keyboard input through DevTools), at 1× and at
// 4× CPU throttling. An interaction's duration runs from the input to the
// next paint after its handlers, in 8 ms steps; an interaction is the
// longest of its events (pointerdown, pointerup and click of one click share
// one interactionId), as for INP.
//
// Chrome reports event entries of 16 ms and more only (the API's lowest
// durationThreshold), and the first input whatever its duration. An
// interaction with no entry therefore took under 16 ms; the figures count it
// as such ("< 16 ms") rather than leaving it out.

import { newPage, waitReady } from './recorder.mjs';
import { sorted } from './stats.mjs';

/** Below this, Chrome reports no event entry. */
export const EVENT_THRESHOLD_MS = 16;

// The quiz's stack layout (one item at a time, in a narrow widget): its card,
// inside the shadow root. stackSwipes swipes it at a 360 px viewport, then
// answers the rest with its Avoid and Safe buttons, and times each like the
// rest.
export const STACK_ITEM = '.stack-card';

// Runs in the page before its scripts: keeps every event entry Chrome reports.
export function eventObserver(threshold) {
  const entries = (window.__eventEntries = []);
  const keep = (list) => {
    for (const e of list.getEntries()) {
      entries.push({ name: e.name, type: e.entryType, id: e.interactionId || 0, start: e.startTime, duration: e.duration });
    }
  };
  try {
    new PerformanceObserver(keep).observe({ type: 'event', durationThreshold: threshold, buffered: true });
    new PerformanceObserver(keep).observe({ type: 'first-input', buffered: true });
  } catch {
    /* no Event Timing: the run reports no entries */
  }
}

const widget = (page) => page.locator('backwise-widget').first();
const button = (page, name) => widget(page).getByRole('button', { name, exact: true });
const tab = (page, name) => widget(page).getByRole('tab', { name, exact: true });

/**
 * One round of a reader's interactions, each given to `act(kind, label, fn)`:
 * deck steps (Next/Previous clicks, ←/→ keys), buttons (tabs, Turn, filters),
 * board placements ("Put … in …"), Check answers and Try again.
 */
async function round(page, act) {
  await act('button', 'Tips tab', () => tab(page, 'Tips').click());
  for (let i = 0; i < 3; i++) await act('deck', 'Next', () => button(page, 'Next').click());
  await widget(page).locator('section.deck').focus();
  for (let i = 0; i < 3; i++) await act('deck', '→ key', () => page.keyboard.press('ArrowRight'));
  for (let i = 0; i < 3; i++) await act('deck', '← key', () => page.keyboard.press('ArrowLeft'));
  for (let i = 0; i < 3; i++) await act('deck', 'Previous', () => button(page, 'Previous').click());
  for (let i = 0; i < 2; i++) await act('button', 'Turn', () => widget(page).getByRole('button', { name: /^Turn( back)?$/ }).click());
  for (const f of ["Do's", "Don'ts", 'All']) await act('button', `filter ${f}`, () => button(page, f).click());
  await act('button', 'Quiz tab', () => tab(page, 'Quiz').click());
  const put = widget(page).locator('.pool').getByRole('button', { name: /^Put .+ in .+$/ });
  for (let i = 0; (await put.count()) > 0; i++) {
    // The first item's first or second button: the bins alternate.
    await act('placement', 'Put … in …', () => put.nth(i % 2).click());
  }
  await act('check', 'Check answers', () => button(page, 'Check answers').click());
  await act('again', 'Try again', () => button(page, 'Try again').click());
}

/**
 * The stack at a 360 px viewport: the first half of the items placed by
 * swiping the card (alternately right and left), the rest with the Avoid and
 * Safe buttons. Each action must move the stack on, or the run fails.
 */
async function stackSwipes(browser, srv, throttle) {
  const { touchSwipe } = await import('../e2e/lib/widget.mjs');
  const t = await newPage(browser, { throttle, viewport: { width: 360, height: 740 }, initScripts: [[eventObserver, EVENT_THRESHOLD_MS]] });
  try {
    await t.page.goto(srv.url + 'index.html');
    await waitReady(t);
    await tab(t.page, 'Quiz').click();
    const card = widget(t.page).locator(STACK_ITEM);
    const label = () => card.count().then((n) => (n ? card.locator('.stack-label').textContent() : null));
    const acts = [];
    const moved = async (before, what) => {
      if ((await label()) === before) throw new Error(`stack: ${what} did not place "${before}"`);
    };
    for (let i = 0; (await card.count()) > 0 && i < 8; i++) {
      const before = await label();
      const box = await card.boundingBox();
      const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const to = { x: from.x + (i % 2 ? -1 : 1) * box.width, y: from.y };
      acts.push(await timedAct(t.page, 'swipe', 'stack swipe', () => touchSwipe(t.page, from, to)));
      await moved(before, 'a swipe');
    }
    // Chromium ignores a tap that comes within about half a second of a
    // swipe (e2e/stack.test.mjs): the buttons start after a pause.
    await t.page.waitForTimeout(700);
    for (let i = 0; (await card.count()) > 0 && i < 40; i++) {
      const before = await label();
      const answer = widget(t.page).locator(`.stack-answers .answer.${i % 2 ? 'avoid' : 'safe'}`);
      acts.push(await timedAct(t.page, 'stackButton', 'stack Avoid/Safe', () => answer.click()));
      await moved(before, 'a button');
    }
    return attribute(acts, await t.page.evaluate(() => window.__eventEntries));
  } finally {
    await t.context.close();
  }
}

/** Runs `fn` and waits for the paint after it; returns when it began, in the page's clock. */
export async function timedAct(page, kind, label, fn) {
  const start = await page.evaluate(() => performance.now());
  await fn();
  // Two frames and a little more: the entry is queued after the next paint.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 30)))));
  return { kind, label, start };
}

/** Each action's interaction: the longest entry of the interaction begun in its window, or null (under 16 ms). */
export function attribute(acts, entries) {
  return acts.map((a, i) => {
    const end = acts[i + 1]?.start ?? Infinity;
    const mine = entries.filter((e) => e.start >= a.start && e.start < end && (e.id > 0 || e.type === 'first-input'));
    const duration = mine.length ? Math.max(...mine.map((e) => e.duration)) : null;
    return { kind: a.kind, label: a.label, duration, events: [...new Set(mine.map((e) => e.name))] };
  });
}

/**
 * Nearest-rank percentile of durations where null means "under the
 * threshold": a number, or null when the rank falls among the unreported.
 */
export function censoredPct(xs, p) {
  if (!xs.length) return undefined;
  const s = sorted(xs.map((x) => (x == null ? -Infinity : x)));
  const v = s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1];
  return v === -Infinity ? null : v;
}

const summarise = (xs) => ({
  n: xs.length,
  reported: xs.filter((x) => x != null).length,
  p50: censoredPct(xs, 50),
  p98: censoredPct(xs, 98),
  max: censoredPct(xs, 100),
});

export const EVENT_KINDS = {
  deck: 'Deck step (Next/Previous, ←/→)',
  placement: 'Board placement ("Put … in …")',
  button: 'Button (tabs, Turn, filters)',
  check: 'Check answers',
  again: 'Try again',
  swipe: 'Stack swipe',
  stackButton: 'Stack button (Avoid, Safe)',
};

/** `rounds` rounds of interactions in a fresh page at CPU `throttle`; figures per kind and for all. */
export async function eventTimingSeries(browser, srv, { throttle, rounds }) {
  const t = await newPage(browser, { throttle, initScripts: [[eventObserver, EVENT_THRESHOLD_MS]] });
  let results;
  try {
    await t.page.goto(srv.url + 'index.html');
    await waitReady(t);
    const acts = [];
    const act = async (kind, label, fn) => acts.push(await timedAct(t.page, kind, label, fn));
    for (let r = 0; r < rounds; r++) await round(t.page, act);
    results = attribute(acts, await t.page.evaluate(() => window.__eventEntries));
    if (t.errors.length) throw new Error(`page errors during interactions: ${t.errors.slice(0, 3).join(' | ')}`);
  } finally {
    await t.context.close();
  }
  const swipes = await stackSwipes(browser, srv, throttle);
  const all = [...results, ...(swipes ?? [])];
  const byKind = {};
  for (const kind of Object.keys(EVENT_KINDS)) {
    const xs = all.filter((x) => x.kind === kind).map((x) => x.duration);
    byKind[kind] = xs.length ? summarise(xs) : null;
  }
  return {
    throttle,
    rounds,
    kinds: byKind,
    all: summarise(all.map((x) => x.duration)),
    stackSwipes: 'measured at 360 px: the first 8 items by swipe, the rest by the Avoid and Safe buttons',
    samples: all.map(({ kind, label, duration }) => ({ kind, label, duration })),
  };
}
