// End-to-end: instances on one page are independent also when they show the
// same deck in the same view (keys, swipes, focus and announcements stay in
// the widget that got them), axe-core finds nothing on a page with two of
// them (no two landmarks of the same name), and a started widget that the
// page moves (a page builder re-parenting it) starts again where the reader
// was.
// Needs the release build in dist/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSuite, assertNoErrors, waitForReady, axeScan } from './lib/browser.mjs';
import { baseDeck, button, placeItem, tipProgress, setAttribute, openFixture, addWidget, waitForMounted } from './lib/embed.mjs';
import { deepActive, touchSwipe, centreOf } from './lib/widget.mjs';

const deck = baseDeck();
const { server, browser } = await openSuite();

/** What a reader of the widget at `host` sees and hears: its card and its live region. */
const seen = (page, host) =>
  page.locator(host).evaluate((el) => {
    const root = el.shadowRoot;
    const text = (sel) => (root.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return { card: text('.card-slot'), status: text('[role="status"]') };
  });

test('two widgets with the same deck on Tips: keys and swipes in one leave the other as it was', async () => {
  const t = await openFixture(browser, server, 'blank.html', {
    context: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
  });
  const { page } = t;
  try {
    await addWidget(page, { id: 'a' });
    await addWidget(page, { id: 'b' });
    for (const h of ['#a', '#b']) assert.equal(await waitForMounted(page, h), 'ready', `${h} mounts`);
    const before = await seen(page, '#b');
    assert.match(before.card, /^Tip 1 of 10/);

    // ←/→ on A's deck.
    await page.locator('#a .deck').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.locator('#a').getByText('Tip 3 of 10', { exact: true }).waitFor();
    const f = await deepActive(page);
    assert.ok(f.inWidget && f.tag === 'section', `focus stays on A's deck (${f.path})`);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'a', 'in widget A');

    // A swipe left on A's card.
    const start = await centreOf(page.locator('#a .card'));
    await touchSwipe(page, { x: start.x + 120, y: start.y }, { x: start.x - 120, y: start.y });
    await page.locator('#a').getByText('Tip 4 of 10', { exact: true }).waitFor();

    assert.deepEqual(await seen(page, '#b'), before, "B's card and live region are unchanged");
    assert.equal(await tipProgress(page, '#b'), 'Tip 1 of 10');

    // And the other way round.
    await button(page, '#b', 'Next').click();
    await page.locator('#b').getByText('Tip 2 of 10', { exact: true }).waitFor();
    assert.equal(await tipProgress(page, '#a'), 'Tip 4 of 10', 'A did not move with B');
    await assertNoErrors(t, 'two same-deck widgets');
  } finally {
    await t.context.close();
  }
});

test('axe-core: two widgets with the same deck, on Tips, mid-quiz and on the results', async () => {
  const t = await openFixture(browser, server, 'blank.html', { context: { viewport: { width: 1000, height: 800 } } });
  const { page } = t;
  const axeClean = async (what) => {
    const { violations, summary } = await axeScan(page, { context: { include: [['#a'], ['#b']] } });
    assert.equal(violations.length, 0, `axe, two widgets ${what}:\n${summary}`);
  };
  try {
    await addWidget(page, { id: 'a' });
    await addWidget(page, { id: 'b' });
    for (const h of ['#a', '#b']) assert.equal(await waitForMounted(page, h), 'ready', `${h} mounts`);
    await axeClean('on Tips');
    for (const h of ['#a', '#b']) {
      await setAttribute(page, h, 'view', 'quiz');
      await placeItem(page, h, deck.quiz.items[0].id, deck.quiz.items[0].answer);
      await page.locator(h).getByText(`1 of ${deck.quiz.items.length} sorted`, { exact: true }).waitFor();
    }
    await axeClean('mid-quiz');
    for (const h of ['#a', '#b']) {
      for (const item of deck.quiz.items.slice(1)) await placeItem(page, h, item.id, item.answer);
      await button(page, h, 'Check answers').click();
      await page.locator(h).locator('.score').filter({ hasText: `${deck.quiz.items.length} of ${deck.quiz.items.length}` }).waitFor();
    }
    await axeClean('on the results, with the same score');
    await assertNoErrors(t, 'two widgets, axe');
  } finally {
    await t.context.close();
  }
});

test('a started widget that the page moves elsewhere starts again where the reader was', async () => {
  const t = await openFixture(browser, server, 'blank.html');
  const { page } = t;
  try {
    await page.evaluate(() => {
      const aside = document.createElement('aside');
      aside.id = 'sidebar';
      document.body.append(aside);
    });
    await addWidget(page, { id: 'w' });
    assert.equal(await waitForMounted(page, '#w'), 'ready');
    await button(page, '#w', 'Next').click();
    await button(page, '#w', 'Next').click();
    await page.locator('#w').getByText('Tip 3 of 10', { exact: true }).waitFor();
    const readyBefore = (await waitForReady(page, 1)).length;

    await page.evaluate(() => document.querySelector('#sidebar').append(document.querySelector('#w')));
    assert.equal(await waitForMounted(page, '#w'), 'ready', 'it starts again in its new place');
    await waitForReady(page, readyBefore + 1);
    assert.equal(await tipProgress(page, '#w'), 'Tip 3 of 10', 'on the tip the reader was on');
    assert.equal(await page.locator('#w').locator('.widget').count(), 1, 'one widget, not two');
    await button(page, '#w', 'Next').click();
    await page.locator('#w').getByText('Tip 4 of 10', { exact: true }).waitFor();
    await assertNoErrors(t, 'a moved widget');
  } finally {
    await t.context.close();
  }
});
